"""Resolution as data: every weight and threshold it decides with, in one table, and its evidence as flags.

:mod:`geo.resolve` scores each reading of a name (``log10`` of the population, plus or minus the weights
below), keeps the best, and accepts it only when the evidence is enough. What it found is recorded as
:class:`Evidence` flags on the decision; decisions read the flags, never the reason sentence, which is
written from them in one place (:func:`geo.resolve.explain`).

>>> Evidence.CUE in (Evidence.CUE | Evidence.COUNTRY_CONTEXT)
True
>>> evidence_names(Evidence.CUE | Evidence.COUNTRY_CONTEXT)
('cue', 'country_context')
>>> form_of(Evidence.NISBA | Evidence.COUNTRY_NAME)
'adjective'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = [
    "Evidence",
    "Weights",
    "WEIGHTS",
    "PINS",
    "PINS_VALUE",
    "CONTEXT",
    "STATED",
    "evidence_names",
    "form_of",
]


class Evidence(enum.Flag):
    """What a decision rests on. A mention's ``evidence`` lists the names of its flags in lower case."""

    NONE = 0
    #: The reading: the name is a country's own name.
    COUNTRY_NAME = enum.auto()
    #: The reading: a nisba or demonym (السوري, Syrian): the mention is an adjective.
    NISBA = enum.auto()
    #: The reading: a GeoNames alternate name (history, other languages; weaker).
    ALTERNATE_NAME = enum.auto()
    #: A cue word (مخيم, camp, محافظة, province) says this kind of place.
    CUE = enum.auto()
    #: A name right after it qualifies it: "Damascus, Maryland", "غاو (مالي)".
    QUALIFIER = enum.auto()
    #: An Arabic nisba right after it qualifies it: طرابلس اللبنانية.
    NISBA_QUALIFIER = enum.auto()
    #: It qualifies the name before it ("Buffalo, New York", "Seminole County, Oklahoma"): it is the division or
    #: country that place lies in, not a namesake city.
    QUALIFIES = enum.auto()
    #: A place the gazetteer lacks, placed at the one county or town a defining phrase puts it in ("Lima is a town
    #: in Seminole County, Oklahoma"): approximate.
    DEFINED_IN = enum.auto()
    #: It lies beside a county the statement names, where the namesakes of both lie apart: "Huntsville" and "Walker
    #: County" are the Texan pair, the town in its county.
    COLOCATED = enum.auto()
    #: Its country is named elsewhere in the statement.
    COUNTRY_CONTEXT = enum.auto()
    #: A country whose places the statement names (Georgia with Tbilisi).
    OTHER_PLACES = enum.auto()
    #: It lies in the first-level division the statement is about (a US state named, or implied by
    #: several towns that lie mainly in it): local news names its own state's towns.
    REGION_CONTEXT = enum.auto()
    #: It stands in a list of places (دمشق وبغداد وعمّان).
    LIST = enum.auto()
    #: A place-introducing word before it (في, from, a locative clitic, a dateline).
    LOCATIVE = enum.auto()
    #: A province named after its seat, without a province cue: read as the seat city.
    SEAT_CITY = enum.auto()
    #: An earlier mention of the same name was pinned down by the text (one sense per discourse).
    PINNED = enum.auto()
    #: An Arabic name the gazetteer lacks, read by its consonants among the statement's countries.
    TRANSLITERATION = enum.auto()
    #: A word such as المملكة standing for the only such state the statement names.
    CONTEXT_NAME = enum.auto()
    #: The name is also an everyday word (صور, بيان) or a listed homograph.
    EVERYDAY_WORD = enum.auto()
    #: The name is a frequent word read through an alternate name, or a frequent English word.
    FREQUENT_WORD = enum.auto()
    #: Person context (a title, a given name before it): reserved for the person rules.
    PERSON_CONTEXT = enum.auto()
    #: A cue word with a name the gazetteer lacks: kept unlocated.
    UNKNOWN_NAME = enum.auto()
    #: A cue word whose name the gazetteer knows only as another kind of place: kept unlocated.
    OTHER_KIND = enum.auto()
    #: A name under a dual or plural head that the gazetteer knows only in countries the statement does not name:
    #: kept unlocated.
    ONLY_ABROAD = enum.auto()
    #: A state acting: a country's (or its capital's) name as the subject of a verb of saying or deciding, or after a
    #: noun whose genitive is the state as actor (أعلنت روسيا, موقف روسيا, حكومة فلسطين). The place is kept on the map;
    #: the flag says the text means the state as a political actor (a corpus may tag that an organisation).
    STATE_ACTOR = enum.auto()


#: Evidence that pins a name down for its later bare mentions (one sense per discourse). The seat-city
#: reading pins too, as it always has.
PINS = Evidence.CUE | Evidence.QUALIFIER | Evidence.NISBA_QUALIFIER | Evidence.SEAT_CITY | Evidence.DEFINED_IN
#: Evidence that the statement's other places back the reading.
CONTEXT = Evidence.COUNTRY_CONTEXT | Evidence.OTHER_PLACES | Evidence.REGION_CONTEXT | Evidence.COLOCATED
#: Evidence a scored decision states in its reason (and that raises its confidence).
STATED = (Evidence.CUE | Evidence.COUNTRY_CONTEXT | Evidence.OTHER_PLACES | Evidence.REGION_CONTEXT
          | Evidence.QUALIFIER | Evidence.NISBA_QUALIFIER | Evidence.QUALIFIES | Evidence.SEAT_CITY
          | Evidence.COLOCATED)


@dataclass(frozen=True, slots=True)
class Weights:
    """Every weight and threshold of resolution. Scores are in log10-population units."""

    # -- a reading's score: log10(max(population, population_floor)) plus these ------------------
    population_floor: int = 1000
    #: A GeoNames alternate name; milder in Arabic, where GeoNames gives every city's Arabic name as one.
    alternate_name_ar: float = -0.5
    alternate_name_latin: float = -1.5
    #: An English one-word alternate name this short ("Kan" for Ganzhou, "Lu" for Luzhou) needs a qualifier.
    alternate_short_max_len: int = 3
    #: An English spelling GeoNames gives a town abroad ("Kurla" for Korla, China) is no reading of it below this
    #: population, when the statement names places of other countries and none of the town's.
    alternate_abroad_max_pop: int = 1_000_000
    #: A reading by another name yields to a reading by its own name this close (km): the same place twice in GeoNames
    #: ("Ikorodu" is Ikorodu, not Ebute Ikorodu next to it, whose alternate name it is).
    same_place_km: float = 10.0
    #: A province without a province cue, when a city of its country shares the name ("Tripoli" is the city) ...
    province_vs_city: float = -3.0
    #: ... a city at least this big (or this big when only its alternate name matches, in Latin script).
    province_vs_city_min_pop: int = 15_000
    province_vs_city_alt_min_pop: int = 100_000
    #: ... and, for an English name of a province not named after its seat, a city this big: "Washington" may be
    #: the capital, but "in Oregon" is not Oregon, Ohio (20k) nor "in Delaware" Delaware, Ohio (38k).
    province_vs_town_min_pop: int = 100_000
    cue_agrees: float = 4.0
    cue_disagrees: float = -4.0
    #: The reading's country is named in the statement once / more than once.
    context_once: float = 1.5
    context_more: float = 2.5
    #: A country whose places are named (more than once) / one the statement never touches.
    country_with_places: float = 2.5
    country_untouched: float = -2.0
    #: A qualifier naming the reading's own country and province (or its country, for a non-country) ...
    qualifier_exact: float = 6.0
    #: ... or only its country.
    qualifier_country: float = 3.0
    #: A defining phrase says what it is ("Florida is a town in ..."): a division's or a country's reading disagrees.
    defining_kind_disagrees: float = -4.0
    #: A defining phrase puts it in a county or a town ("a town in Seminole County, Oklahoma", "a suburb of St.
    #: Louis"): a reading within this many km of that place ...
    defining_near_km: float = 80.0
    #: ... gains this.
    defining_near: float = 4.0
    #: It qualifies the town or county before it ("Buffalo, New York"): the division that place lies in.
    qualifier_role: float = 5.0
    #: A city, town or province in the statement's first-level division (named, or implied by ...
    region_context: float = 3.0
    #: ... at least this many distinct names of towns whose reading there is this many times as populous
    #: as any namesake elsewhere).
    region_min_towns: int = 2
    region_dominance: float = 5.0
    #: A frequent English word ("Richmond") names a town of that region mid-sentence, below this frequency
    #: ("Center", "Reading", "Hope" are words first).
    region_frequent_max_zipf: float = 5.0
    #: A town and a county of the statement that lie within this many km of each other, where their namesakes do
    #: not all: each gains ``colocated`` (the town in its county: Huntsville, Texas and Walker County, Texas).
    colocated_km: float = 40.0
    colocated: float = 3.0
    #: In a list with places of the same class (populated / area), when the name has several readings.
    listed: float = 1.5
    #: In a list of first-level divisions (English: "Missouri, New York and Ohio"), a division's reading.
    listed_division: float = 4.0

    # -- everyday words (Zipf frequencies of the word) --------------------------------------------
    #: An Arabic word this frequent is a function or everyday word (وان = وأن), unless a country.
    everyday_ar_zipf: float = 5.6
    #: An Arabic word this frequent (نفس, دون) is no town or city of a country where Arabic is not spoken, without
    #: a cue or a qualifier (capitals and cities of a million aside).
    everyday_foreign_ar_zipf: float = 5.0
    #: An Arabic province named like a word this frequent.
    everyday_province_ar_zipf: float = 4.5
    #: A frequent word read through an alternate name (Arabic), or any frequent English word.
    frequent_zipf: float = 4.0
    #: Alternate-name homographs: places this big, or capitals, are frequent as names.
    frequent_name_min_pop: int = 1_000_000
    #: An everyday word needs its country named at least this often.
    everyday_context_min: int = 2

    # -- the statement's countries: what a match vouches for --------------------------------------
    vote_country: int = 1
    vote_place: int = 2
    #: A populated place vouches for its country from this size (areas always).
    vote_min_pop: int = 100_000
    #: A capitalised frequent English word at a sentence start vouches for no country.
    vote_sentence_start_zipf: float = 4.0

    # -- acceptance -------------------------------------------------------------------------------
    #: An Arabic word this frequent (إلى, على) is never a place, whatever a cue says.
    particle_zipf: float = 6.0
    #: A cue with an Arabic word this frequent is not kept unlocated as "another kind of place".
    other_kind_word_zipf: float = 5.5
    #: A populated place this big is accepted on prominence.
    accept_pop: int = 100_000
    #: A town this big needs context or a multiword name.
    accept_town_pop: int = 15_000
    #: A capitalised single word at a sentence start needs this population without context.
    sentence_start_pop: int = 1_000_000
    #: "in Reading": a Latin homograph after a locative word, from this population.
    locative_homograph_pop: int = 100_000
    #: A natural feature weighing less than this is a minor one (geo.gazetteer.sources.natural_features) ...
    minor_feature_pop: int = 100_000
    #: ... read only within this many degrees of a country the statement names.
    minor_feature_near_deg: float = 0.5

    # -- English spellings of Arabic, Kurdish and Persian names the gazetteer lacks ------------------
    #: Consonants a bare name's skeleton needs (Qamishlo: kmsl) ...
    spelling_min_consonants: int = 4
    #: ... and a name with a toponym's shape (Ras al-Ain: rsn; Tell Abyad: tlbd).
    spelling_min_consonants_named: int = 3
    #: A bare name is read only as a town at least this big (villages share short skeletons).
    spelling_min_pop: int = 1000

    # -- confidence -------------------------------------------------------------------------------
    only_reading: float = 0.9
    #: Several readings: margin_base + margin_span * min(1, margin / margin_scale).
    margin_base: float = 0.55
    margin_span: float = 0.4
    margin_scale: float = 4.0
    country_name_floor: float = 0.9
    demonym_floor: float = 0.85
    alternate_name_penalty: float = 0.1
    everyday_word_penalty: float = 0.15
    #: A part of a country named by direction (geo.gazetteer.sources.regions): its outline is a box cut, not a boundary.
    derived_region_penalty: float = 0.15
    #: A single frequent word with no stated evidence (not a country or region).
    bare_frequent_zipf: float = 4.0
    stated_evidence_bonus: float = 0.05
    max_confidence: float = 0.99
    min_confidence: float = 0.05
    unlocated: float = 0.5
    transliteration: float = 0.55
    #: A place the gazetteer lacks, placed at the county or town its defining phrase names (Evidence.DEFINED_IN).
    defined_in: float = 0.5
    context_name: float = 0.7
    #: How many weighed readings a decision keeps (best first).
    candidates_kept: int = 5


#: The one table resolution reads.
WEIGHTS = Weights()


# Per-mention work reads the flags' integer values: Flag operators run Python code (about a microsecond
# each), and these are asked once for every mention of a text.
_NISBA_VALUE = Evidence.NISBA.value
PINS_VALUE: int = PINS.value
_NAMES: dict[int, tuple[str, ...]] = {}


def evidence_names(evidence: Evidence) -> tuple[str, ...]:
    """The lower-case names of the flags set in ``evidence``, in declaration order."""
    value = evidence._value_
    names = _NAMES.get(value)
    if names is None:
        names = _NAMES[value] = tuple(f.name.lower() for f in Evidence if f.value & value)  # type: ignore[union-attr]
    return names


def form_of(evidence: Evidence) -> str:
    """``"adjective"`` for a nisba or demonym reading, else ``"name"``."""
    return "adjective" if evidence._value_ & _NISBA_VALUE else "name"
