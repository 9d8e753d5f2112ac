"""Place-level precision and recall of geoparse over the annotated corpus (tests/data/corpus).

Used by tests/test_corpus.py and by bench/ (which also scores geotext on the English part).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


@dataclass(frozen=True)
class Doc:
    doc_id: str
    lang: str
    text: str
    expected: frozenset[str]          # place ids
    unlocated: frozenset[str]         # surfaces of expected unlocated mentions


def load_corpus(corpus: Path = CORPUS) -> list[Doc]:
    """Every annotated document, sorted by id."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (corpus / "expected.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows[r["doc_id"].strip()].append(r)
    docs = []
    for path in sorted(p for p in corpus.glob("*.txt") if re.match(r"(ar|en)-\d\d-", p.name)):
        doc_id = path.stem
        rs = rows.get(doc_id, [])
        docs.append(Doc(
            doc_id=doc_id,
            lang=doc_id.split("-")[0],
            text=path.read_text(encoding="utf-8"),
            expected=frozenset(r["place_id"].strip() for r in rs if r["place_id"].strip() not in ("unlocated", "none")),
            unlocated=frozenset(r["name"].strip() for r in rs if r["place_id"].strip() == "unlocated"),
        ))
    # A row whose document is missing (a typo in doc_id) would otherwise be silently ignored.
    orphans = set(rows) - {d.doc_id for d in docs}
    if orphans:
        raise ValueError(f"{corpus / 'expected.csv'} has rows for documents that do not exist: {sorted(orphans)}")
    return docs


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_docs(docs: Iterable[Doc], predict: Callable[[Doc], tuple[set[str], set[str]]]
               ) -> tuple[Score, list[tuple[str, set[str], set[str]]]]:
    """Micro-averaged place-level score; ``predict`` returns (place ids, unlocated surfaces).

    An expected unlocated surface counts as found when an unlocated mention's surface
    contains it or is contained in it (spans may include or omit the cue word).
    """
    tp = fp = fn = 0
    errors = []
    for d in docs:
        got, got_unloc = predict(d)
        fp_ids = got - d.expected
        fn_ids = d.expected - got
        tp += len(got & d.expected)
        matched_unloc = {u for u in d.unlocated if any(u in g or g in u for g in got_unloc)}
        extra_unloc = {g for g in got_unloc if not any(u in g or g in u for u in d.unlocated)}
        tp += len(matched_unloc)
        fn += len(fn_ids) + len(d.unlocated - matched_unloc)
        fp += len(fp_ids) + len(extra_unloc)
        wrong = fp_ids | {f"unlocated:{g}" for g in extra_unloc}
        missed = fn_ids | {f"unlocated:{u}" for u in d.unlocated - matched_unloc}
        if wrong or missed:
            errors.append((d.doc_id, wrong, missed))
    return Score(tp, fp, fn), errors


def geoparse_predict(gaz) -> Callable[[Doc], tuple[set[str], set[str]]]:
    """The predictor for our own geoparser."""
    from geo import geoparse

    def predict(d: Doc) -> tuple[set[str], set[str]]:
        s = geoparse(d.text, gazetteer=gaz)
        return {sp.place.place_id for sp in s.places}, {m.surface for m in s.unlocated}

    return predict


def assert_scores(docs: list[Doc], gaz, label: str, floors: tuple[float, float]) -> Score:
    """Score ``docs`` with our parser, print the figures and every miss, and fail below ``floors`` (P, R)."""
    score, errors = score_docs(docs, geoparse_predict(gaz))
    report = "\n".join(f"  {doc}: wrong={sorted(w)} missed={sorted(m)}" for doc, w, m in errors)
    print(f"\n{label}: P={score.precision:.3f} R={score.recall:.3f} (tp={score.tp} fp={score.fp} fn={score.fn})"
          f"\n{report}")
    assert score.precision >= floors[0], report
    assert score.recall >= floors[1], report
    return score


def ids_missing_from(gaz, corpus: Path) -> list[tuple[str, str, str]]:
    """``(doc_id, place_id, note)`` of the expected ids in ``corpus`` that the gazetteer does not have."""
    with (corpus / "expected.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = []
    for r in rows:
        pid = r["place_id"].strip()
        if pid in ("unlocated", "none"):
            continue
        try:
            gaz.get(pid)
        except LookupError:
            missing.append((r["doc_id"], pid, r["note"]))
    return missing
