"""Precision and recall over the annotated corpus: at least 20 Arabic and 20 English texts.

Fails below P 0.95 or R 0.90 (micro-averaged over places per document).
"""

from __future__ import annotations

import pytest
from corpus_eval import geoparse_predict, load_corpus, score_docs

DOCS = load_corpus()


def test_corpus_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") >= 20 and langs.count("en") >= 20


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_precision_and_recall(gaz, lang):
    docs = [d for d in DOCS if lang in ("all", d.lang)]
    score, errors = score_docs(docs, geoparse_predict(gaz))
    report = "\n".join(f"  {doc}: wrong={sorted(w)} missed={sorted(m)}" for doc, w, m in errors)
    print(f"\n{lang}: P={score.precision:.3f} R={score.recall:.3f} (tp={score.tp} fp={score.fp} fn={score.fn})"
          f"\n{report}")
    assert score.precision >= 0.95, report
    assert score.recall >= 0.90, report


def test_english_rendering_of_seed_gives_the_same_ten_places(gaz):
    from geo import geoparse

    doc = next(d for d in DOCS if d.doc_id.startswith("en-00"))
    got = {sp.place.place_id for sp in geoparse(doc.text, gazetteer=gaz).places}
    assert got == {
        "country:SY", "country:IQ", "country:SA", "country:US", "geonames:108410", "geonames:170654",
        "geonames:98182", "curated:al-hol-camp", "curated:roj-camp", "curated:northeast-syria",
    }
