"""Shared fixtures: the gazetteer is built once per session (and cached on disk between runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"
CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture(scope="session")
def gaz():
    from geo import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
