"""Precision and recall over the annotated corpus: at least 20 Arabic and 20 English texts.

Fails below P 0.95 or R 0.90 (micro-averaged over places per document).
"""

from __future__ import annotations

import pytest
from corpus_eval import assert_scores, load_corpus

DOCS = load_corpus()


def test_corpus_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") >= 20 and langs.count("en") >= 20


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_precision_and_recall(gaz, lang):
    assert_scores([d for d in DOCS if lang in ("all", d.lang)], gaz, lang, (0.95, 0.90))


def test_english_rendering_of_seed_gives_the_same_ten_places(gaz):
    from geo import geoparse

    doc = next(d for d in DOCS if d.doc_id.startswith("en-00"))
    got = {sp.place.place_id for sp in geoparse(doc.text, gazetteer=gaz).places}
    assert got == {
        "country:SY", "country:IQ", "country:SA", "country:US", "geonames:108410", "geonames:170654",
        "geonames:98182", "curated:al-hol-camp", "curated:roj-camp", "curated:northeast-syria",
    }
