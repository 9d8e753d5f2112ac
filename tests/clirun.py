"""Running the CLI in-process for tests: its exit code, what it wrote to ``out``, and what went to stderr."""

from __future__ import annotations

import io
from pathlib import Path

from geo.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_AR = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"
SEED_EN = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.en.txt"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """``python -m geo ARGV`` in this process: (exit code, stdout, stderr read from pytest's ``capsys``)."""
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue(), capsys.readouterr().err
