"""Scoring of movement extraction over the annotated set in tests/data/movements (see its README)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geo import geoparse
from geo.relations import Movement, extract_movements

MOVEMENTS = Path(__file__).resolve().parent / "data" / "movements"


@dataclass(frozen=True)
class Expected:
    trigger: str
    from_id: str | None
    to_id: str | None
    what: str | None


@dataclass(frozen=True)
class Item:
    item_id: str
    lang: str
    text: str
    expected: tuple[Expected, ...]


def load_items(lang: str) -> list[Item]:
    """The annotated items of one language; each row expands to one movement per origin × destination."""
    items = []
    with (MOVEMENTS / f"{lang}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            exp = tuple(
                Expected(mv["trigger"], o, d, mv.get("what"))
                for mv in row["movements"]
                for o in (mv["from"] or [None])
                for d in (mv["to"] or [None])
            )
            items.append(Item(row["id"], lang, row["text"], exp))
    return items


@dataclass
class MovementScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    what_right: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _same_trigger(a: str, b: str) -> bool:
    return a in b or b in a


def _as_annotated(place_id: str | None) -> str | None:
    """An end as this set's keys name it: they follow ``tests/data/README.md``, where a directional phrase counts
    as the country ("east Chad" is Chad), written before the gazetteer had parts of countries
    (``direction:CC:...``, session 6); such an end is scored as its country, as the older corpora score it."""
    if place_id is not None and place_id.startswith("direction:"):
        return f"country:{place_id.split(':')[1]}"
    return place_id


def match(expected: tuple[Expected, ...], got: tuple[Movement, ...]) -> tuple[list, list, list]:
    """(matched pairs, false positives, misses) of one item."""
    left = list(expected)
    pairs, fps = [], []
    for mv in got:
        hit = next((e for e in left if e.from_id == _as_annotated(mv.from_place_id)
                    and e.to_id == _as_annotated(mv.to_place_id)
                    and _same_trigger(e.trigger, mv.trigger)), None)
        if hit is None:
            fps.append(mv)
        else:
            left.remove(hit)
            pairs.append((hit, mv))
    return pairs, fps, left


def score(lang: str) -> tuple[MovementScore, list[str]]:
    """Micro-averaged score of one language and a readable line per error."""
    sc = MovementScore()
    errors = []
    for item in load_items(lang):
        got = extract_movements(geoparse(item.text, lang=lang))
        pairs, fps, misses = match(item.expected, got)
        sc.tp += len(pairs)
        sc.fp += len(fps)
        sc.fn += len(misses)
        sc.what_right += sum(1 for e, mv in pairs if (e.what or None) == (mv.what or None))
        errors += [f"{item.item_id} FP {mv.trigger} {mv.from_place_id} -> {mv.to_place_id}" for mv in fps]
        errors += [f"{item.item_id} FN {e.trigger} {e.from_id} -> {e.to_id}" for e in misses]
    return sc, errors
