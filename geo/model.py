"""Small immutable values shared by every stage: places, mentions, quotes, layers.

Coordinate order is named everywhere: ``lat, lon`` in Python attributes,
``[lon, lat]`` only inside GeoJSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "Candidate",
    "KINDS",
    "LAYERS",
    "Layer",
    "Place",
    "Mention",
    "Quote",
    "layer_of",
]


@dataclass(frozen=True, slots=True)
class Layer:
    """A map layer: which kinds of place it holds and how it is drawn."""

    key: str
    label: str
    colour: str
    kinds: tuple[str, ...]


#: Layers in drawing order (areas first, so points stay clickable on top).
LAYERS: tuple[Layer, ...] = (
    Layer("countries", "Countries", "#4e79a7", ("country",)),
    Layer("regions", "Regions", "#59a14f", ("region", "admin1")),
    Layer("cities", "Cities and towns", "#e15759", ("city", "town")),
    Layer("camps", "Camps and facilities", "#f28e2b", ("camp", "prison", "crossing", "facility")),
)

KINDS: tuple[str, ...] = tuple(k for layer in LAYERS for k in layer.kinds)
_LAYER_BY_KIND = {k: layer for layer in LAYERS for k in layer.kinds}


def layer_of(kind: str) -> Layer:
    """Return the :class:`Layer` that draws places of ``kind``.

    >>> layer_of("camp").key
    'camps'
    """
    try:
        return _LAYER_BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown place kind {kind!r}; valid kinds: {', '.join(KINDS)}") from None


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``place_id`` is stable across builds: ``country:SY``, ``admin1:SY-HA``,
    ``geonames:98182``, ``curated:al-hol-camp``. ``geometry`` is a shapely
    geometry for areas (countries, regions) and ``None`` for points; ``lat``/``lon``
    is always a representative point inside the place.
    """

    place_id: str
    name: str
    name_ar: str
    kind: str
    country_code: str
    lat: float
    lon: float
    population: int = 0
    source: str = ""
    geometry: Any = field(default=None, compare=False, repr=False)

    @property
    def layer(self) -> Layer:
        """The map layer this place is drawn in."""
        return layer_of(self.kind)


class Candidate(NamedTuple):
    """A reading resolution weighed for a mention; ``score`` is ``None`` for a reading chosen by a rule
    rather than by score (a transliteration, a context word) or not weighed (an unlocated cue's name)."""

    place_id: str
    name: str
    kind: str
    country_code: str
    lat: float
    lon: float
    score: float | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the original text that names a place (or looks like one).

    Invariant: ``text[start:end] == surface`` for the text it was found in.
    ``place`` is ``None`` for an *unlocated* mention: it has a place cue
    (مخيم, "camp") but no gazetteer entry, and is kept so the user sees it.
    ``form`` is ``"adjective"`` for a nisba or demonym (السوري, Syrian) and ``"name"`` otherwise;
    ``candidates`` are the readings resolution weighed (best first) and ``evidence`` the names of the
    :class:`geo.scoring.Evidence` flags the decision rests on.
    """

    start: int
    end: int
    surface: str
    sentence_start: int
    sentence_end: int
    place: Place | None
    confidence: float
    reason: str
    cue: str = ""
    form: str = "name"
    candidates: tuple[Candidate, ...] = ()
    evidence: tuple[str, ...] = ()

    @property
    def place_id(self) -> str | None:
        """The resolved place's id, or ``None`` when unlocated."""
        return self.place.place_id if self.place is not None else None


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence that mentions a place, with the mention's offsets into the statement."""

    sentence: str
    start: int
    end: int
    surface: str
    sentence_start: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form used in GeoJSON properties."""
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "sentence_start": self.sentence_start,
        }
