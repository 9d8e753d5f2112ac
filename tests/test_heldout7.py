"""Precision and recall over the seventh held-out set (tests/data/heldout7): 20 Arabic newswire articles,
15 Arabic crisis posts from social media, 25 English web-news articles and two place-free items per language.

Written and annotated by hand before the parser ever ran on them, to stand in for the independent checks of
issue 9: Arabic agency news from Mauritania to Oman (governorates, wilayas, districts with their cues under single,
dual and plural heads, towns, neighbourhoods, facilities, streets, natural features; persons and organisations
named after places; nisba adjectives; foreign capitals and metonymy), Arabic crisis posts in eleven dialects with
hashtags and colloquial spelling (provinces, districts, neighbourhoods, roads, bridges, hospitals), and English web
news (US, UK, Canadian, Australian and Indian local news with namesakes, counties, parishes and shires; business,
science, health, sport, travel, courts, weather; transliterated Arabic, Kurdish, Persian and Urdu names). See
tests/data/heldout7/README.md for its conventions.

Blind figures, first run (set committed in 6a7930a before the parser ran on it; geo/ as of d63a31a, main at d63a31a;
``pytest -q -s -n 0 tests/test_heldout7.py``):
    ar      P=0.810 R=0.694 (tp=234 fp=55 fn=103)
    en      P=0.798 R=0.702 (tp=233 fp=59 fn=99)
    crisis  P=0.733 R=0.541 (tp=33 fp=12 fn=28)
    all     P=0.804 R=0.698 (tp=467 fp=114 fn=202)
    crisis recall per kind: countries 1.00 (5/5), provinces 0.50 (2/4), districts 0.50 (2/4), towns 0.53 (16/30),
    facilities 0.70 (7/10)
After merging main at 450f2c3 (geo/ and data/ unchanged since d63a31a) the figures are the same.
On the 370 rows with an id recall is 0.911 (337/370); 169 of the 202 misses are ``named:`` rows (130 of 299 found):
facilities, natural features, districts, neighbourhoods, streets and regions. See tests/data/heldout7/README.md for
the misses and false positives by class. The floors below are the blind figures minus 0.05 (rounded down); they
are raised when a general change lifts the figures, never by tuning on these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import (
    assert_scores,
    geoparse_predict,
    load_corpus,
    named_row_problems,
    score_docs,
    unnoted_missing_ids,
)

HELDOUT7 = Path(__file__).resolve().parent / "data" / "heldout7"
DOCS = load_corpus(HELDOUT7)
#: The crisis posts (doc ids with ``-post-``), reported on their own as issue 9 reports crisis posts.
POSTS = [d for d in DOCS if "-post-" in d.doc_id]

# The blind figures minus 0.05 (see the module docstring); raised only by general changes, never by tuning here.
FLOORS = {
    "ar": (0.76, 0.64),
    "en": (0.74, 0.65),
    "crisis": (0.68, 0.49),
    "all": (0.75, 0.64),
}

#: The kinds issue 9 reports for crisis posts, as rows of this set: an id prefix or a ``named:`` kind.
POST_KINDS = {
    "countries": ("country:",),
    "provinces": ("admin1:",),
    "districts": ("named:district:",),
    "towns": ("geonames:", "named:locality:"),
    "facilities": ("named:facility:",),
}
# Crisis-post recall per kind at the blind run, less one row of that kind (the kinds have 4 to 30 rows, so 0.05
# would be less than one row); raised only by general changes.
POST_KIND_FLOORS = {"countries": 0.80, "provinces": 0.25, "districts": 0.25, "towns": 0.50, "facilities": 0.60}


def _post_rows() -> dict[str, list[tuple[str, str]]]:
    """``(doc_id, label)`` of every crisis-post row by kind; a label is what the scorer reports for a miss."""
    rows: dict[str, list[tuple[str, str]]] = {k: [] for k in POST_KINDS}
    for d in POSTS:
        labels = [*d.expected, *(n.label for n in d.named)]
        for label in labels:
            kind = next((k for k, prefixes in POST_KINDS.items() if label.startswith(prefixes)), None)
            if kind is not None:
                rows[kind].append((d.doc_id, label))
    return rows


def test_heldout7_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 37 and langs.count("en") == 27
    assert len(POSTS) == 15 and all(d.lang == "ar" for d in POSTS)
    # News length: every article has 120-300 words; posts are 15-60 words.
    news = [d for d in DOCS if d not in POSTS]
    assert all(120 <= len(d.text.split()) <= 300 for d in news), [d.doc_id for d in news
                                                                   if not 120 <= len(d.text.split()) <= 300]
    assert all(15 <= len(d.text.split()) <= 60 for d in POSTS), [d.doc_id for d in POSTS
                                                                  if not 15 <= len(d.text.split()) <= 60]
    # Two texts per language are written to be place-free (their row is "none").
    assert sorted(d.doc_id for d in DOCS if not (d.expected or d.unlocated or d.named)) == [
        "ar-36-no-place-art-exhibition", "ar-37-no-place-insurer-results",
        "en-26-no-place-science-fair-winners", "en-27-no-place-logistics-earnings"]
    # Every kind issue 9 reports for crisis posts has rows here.
    assert {k: len(v) for k, v in _post_rows().items()} == {
        "countries": 5, "provinces": 4, "districts": 4, "towns": 30, "facilities": 10}


def test_every_id_is_in_the_gazetteer(gaz):
    # Every id was in the gazetteer at annotation time (the README says so); a later data change that drops one
    # must be noted on its row.
    assert not unnoted_missing_ids(gaz, HELDOUT7)


def test_named_rows_occur_in_their_texts():
    assert sum(len(d.named) for d in DOCS) == 299
    # Natural features and world regions without a point are matched by their surface alone.
    assert not named_row_problems(DOCS, without_point=("natural", "world region"))


@pytest.mark.parametrize("subset", ["ar", "en", "crisis", "all"])
def test_heldout7_precision_and_recall(gaz, subset):
    docs = POSTS if subset == "crisis" else [d for d in DOCS if subset in ("all", d.lang)]
    assert_scores(docs, gaz, f"held-out 7 {subset}", FLOORS[subset])


def test_heldout7_crisis_recall_per_kind(gaz):
    # Issue 9 measures crisis posts by recall per kind of place; the scorer's misses say which rows were missed.
    _, errors = score_docs(POSTS, geoparse_predict(gaz))
    missed = {(doc, label) for doc, _, miss in errors for label in miss}
    lines, low = [], []
    for kind, rows in _post_rows().items():
        found = sum((doc, label) not in missed for doc, label in rows)
        recall = found / len(rows)
        lines.append(f"{kind} {recall:.2f} ({found}/{len(rows)})")
        if recall < POST_KIND_FLOORS[kind]:
            low.append(kind)
    print("\nheld-out 7 crisis recall per kind: " + ", ".join(lines))
    assert not low, (low, lines)
