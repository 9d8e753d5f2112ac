"""The examples in the docstrings of the library (and of tests/corpus_eval.py) run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

# The modules whose docstrings hold examples (the others have none to run).
MODULES = ["geo", "geo.text", "geo.translit", "geo.pipeline", "geo.gazetteer.index", "geo.model", "geo.report",
           "geo.mapview", "geo.geocoder", "geo.safehttp", "geo.untrusted", "geo.gazetteer.builder",
           "corpus_eval"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, gaz):
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(importlib.import_module(name), optionflags=flags)
    assert result.attempted > 0, f"{name} has no examples: drop it from MODULES"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
