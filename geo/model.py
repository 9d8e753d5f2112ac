"""Small immutable values shared by every stage: places, mentions, quotes, layers.

Coordinate order is named everywhere: ``lat, lon`` in Python attributes,
``[lon, lat]`` only inside GeoJSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

__all__ = [
    "Candidate",
    "KINDS",
    "LAYERS",
    "NATURAL_KINDS",
    "Layer",
    "Place",
    "Mention",
    "ParsedText",
    "Quote",
    "SituationPlace",
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
    Layer("regions", "Regions", "#59a14f", ("region", "admin1", "district")),
    Layer("natural", "Natural features", "#4fa3c7", ("sea", "river", "lake", "mountain", "desert", "cape")),
    Layer("cities", "Cities and towns", "#e15759", ("city", "town")),
    # (a street, road or square the gazetteer lacks is placed approximately, like a facility: kind "street")
    Layer("camps", "Camps and facilities", "#f28e2b", ("camp", "prison", "crossing", "facility", "street")),
)

KINDS: tuple[str, ...] = tuple(k for layer in LAYERS for k in layer.kinds)
#: Kinds of natural feature (Natural Earth seas, rivers, lakes, mountain ranges, deserts, capes).
NATURAL_KINDS: frozenset[str] = frozenset(next(layer for layer in LAYERS if layer.key == "natural").kinds)
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


@dataclass(frozen=True, slots=True, init=False)
class Place:
    """One gazetteer entry.

    ``place_id`` is stable across builds: ``country:SY``, ``admin1:SY-HA``,
    ``geonames:98182``, ``curated:al-hol-camp``. ``geometry`` is a shapely
    geometry for areas (countries, regions) and ``None`` for points; ``lat``/``lon``
    is always a representative point inside the place. ``approx:<kind>:<place id>:<hash>`` ids are places
    the gazetteer lacks, placed at the point of the place in ``within`` (see :mod:`geo.facilities`).

    The gazetteer gives an area as its WKB (``wkb=``), decoded on the first read of ``geometry``:
    parsing a statement then never imports shapely (a fifth of a second in a fresh process).
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
    #: For an approximate place (a facility, street or district the gazetteer lacks, ``approx:`` ids): the id
    #: of the gazetteer place whose point it was given. Empty for every gazetteer place.
    within: str = ""
    _geometry: Any = field(default=None, compare=False, repr=False)
    _wkb: bytes | None = field(default=None, compare=False, repr=False)

    def __init__(self, place_id: str, name: str, name_ar: str, kind: str, country_code: str, lat: float,
                 lon: float, population: int = 0, source: str = "", geometry: Any = None, *,
                 within: str = "", wkb: bytes | None = None) -> None:
        put = object.__setattr__  # frozen: the dataclass's own __init__ sets fields the same way
        for key, value in (("place_id", place_id), ("name", name), ("name_ar", name_ar), ("kind", kind),
                           ("country_code", country_code), ("lat", lat), ("lon", lon), ("population", population),
                           ("source", source), ("within", within), ("_geometry", geometry),
                           ("_wkb", wkb)):
            put(self, key, value)

    @property
    def geometry(self) -> Any:
        """The area as a shapely geometry, or ``None`` for a point place."""
        geom = self._geometry
        if geom is None and self._wkb is not None:
            import shapely  # local: only a map or an export needs areas

            geom = shapely.from_wkb(self._wkb)
            object.__setattr__(self, "_geometry", geom)  # same value whichever thread gets here first
        return geom

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


@dataclass(frozen=True, slots=True)
class SituationPlace:
    """A place of the situation with every mention of it, in text order."""

    place: Place
    mentions: tuple[Mention, ...]

    @property
    def confidence(self) -> float:
        """The best confidence among the place's mentions."""
        return max(m.confidence for m in self.mentions)

    @property
    def reason(self) -> str:
        """Why the place was chosen, from its most confident mention."""
        return max(self.mentions, key=lambda m: m.confidence).reason

    def quotes(self, text: str) -> tuple[Quote, ...]:
        """One quote per mention: its sentence and the mention's offsets into ``text``."""
        return tuple(
            Quote(
                sentence=text[m.sentence_start : m.sentence_end],
                start=m.start,
                end=m.end,
                surface=m.surface,
                sentence_start=m.sentence_start,
            )
            for m in self.mentions
        )


class ParsedText(Protocol):
    """What the stages after parsing read of a parse: its text and its mentions in text order.

    :class:`geo.situation.Situation` is one. :mod:`geo.relations` and :mod:`geo.export` are typed against
    this protocol, not against ``Situation``, because ``Situation`` calls them (its ``movements`` and
    ``to_geojson``): typing them against the class would tie the three modules in an import circle.
    """

    @property
    def text(self) -> str:
        """The statement as given."""

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention, in text order."""
