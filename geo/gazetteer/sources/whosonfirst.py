"""Districts and notable localities of the Arab states, Turkey and Iran from Who's On First (``data/whosonfirst.csv``).

Who's On First (CC BY 4.0, attribution "Who's On First"; derived by ``data/tools/whosonfirst.py``, see
``data/README.md``) gives the second level the gazetteer lacked: Iraq's qadas, Syria's mantiqas, Yemen's
mudiriyas, Lebanon's qadas, Turkey's ilçes, Iran's shahrestans, and localities and neighbourhoods with an
Arabic name and a population. They are read here, one place per row, after every other source, so that what
they would collide with is known:

* a district is named with its cue word in either language, in every form a text uses: قضاء X, منطقة X,
  مديرية X, ناحية X and "X District" (Iran: "X County"); the whole phrase is one name, so the longest match
  takes it and the cue word cannot be read apart from it;
* its bare name (X alone) is a name only when it is *free*: no other place has it or any other of its
  names (a city, a province, a country, a sea, another district: a district named after its seat leaves the
  seat every spelling; one that is an everyday word in one language, famous as a club or a newspaper
  (الزمالك, الأهرام), is read bare in neither); as one word, it is no everyday word (Zipf below
  :data:`BARE_MAX_ZIPF`, with and without the article; in English below :data:`EN_BARE_MAX_ZIPF`) of at least
  four letters; as several, it begins with no cue word or title (مدينة دمشق, السلطان أحمد). A bare name that is
  not free is left out, so a district never takes a name from a more prominent place or from the language:
  "قضاء صور" is the district, "صور" stays what it was;
* an Arabic cue form is indexed only where it can mean nothing else: not when X is an everyday word that
  names no place (منطقة الشرق is "the region of the East", ناحية الشرق "towards the east"), and not when the
  most prominent place named X is in another country (منطقة أريحا in a Palestinian text is Jericho's area,
  not Syria's Ariha district), nor when X is a frequent word (Zipf ≥ :data:`CITY_WORD_ZIPF`) that no city of
  100,000 bears (منطقة القصور "the palace quarter");
* a neighbourhood is a district too (the Regions layer), also named "حي X"; one without a Wikidata item is
  named only so (bare, its name is as often a person's or a word); a locality is a town.

``data/whosonfirst_local.csv`` (session 10) adds the villages of the Arab states that Arabic text writes about and
the quarters of cities of a million (``local_type`` village / quarter). They yield to everything else: a name of
theirs is indexed only where it is free as above and no row of ``whosonfirst.csv``, no other row of theirs and no
proclitic reading of a known name or word (للبنان = ل + لبنان) has it; a village is no candidate for a spelling the
gazetteer lacks (``builder.VILLAGE_SOURCE``).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...lexicon import PERSON_NAME_MIN_SHARE, given_name_share
from ...text import AR_HOMOGRAPHS, CUES, FACILITY_CUES_AR, PERSON_TITLES, PROCLITICS, fold_name, is_arabic, tokens
from ..builder import VILLAGE_SOURCE, split_names

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["add_whosonfirst", "PATH", "BARE_MAX_ZIPF", "AR_CUES", "COUNTRY_CUES", "LOCAL_CUES", "CITY_WORD_ZIPF",
           "EN_BARE_MAX_ZIPF", "MUDIRIYA", "MINTAQA_FIRST_LEVEL", "district_names"]

PATH = Path(__file__).resolve().parents[3] / "data" / "whosonfirst.csv"
#: Villages of the Arab states and quarters of big cities (``local_type`` village / quarter) that ``PATH`` leaves out
#: for want of a population or a Wikidata item (``data/tools/whosonfirst.py --local``; see data/README.md).
LOCAL_PATH = PATH.with_name("whosonfirst_local.csv")
#: A village (no population known) weighs like a town of this size: below any counted town of its name.
VILLAGE_PROMINENCE = 1_000
#: A one-word bare name at least this frequent (wordfreq Zipf) is an everyday word: the cue form only.
BARE_MAX_ZIPF = 3.0
#: In English text a one-word district name seen this often is mostly something else (Anadolu the news
#: agency, Zamalek the club): districts free to be read bare are obscure names, far rarer.
EN_BARE_MAX_ZIPF = 2.0
#: A place's name at least this frequent is also a word, unless a city (100,000 or more) bears it.
CITY_WORD_ZIPF = 4.0
#: Arabic cue words that make a district of the name after them. لواء ("brigade", Jordan's liwa) is left
#: out: لواء X is far more often an armed group named after a place than a district.
AR_CUES = ("قضاء", "منطقة", "مديرية", "ناحية")
#: A country's own word for its districts where it is none of :data:`AR_CUES` (Oman's ولاية, Sudan's محلية,
#: Tunisia's معتمدية, Mauritania's and Morocco's مقاطعة, Saudi Arabia's محافظة: its first level is the منطقة), read
#: before the name of that country's districts only.
COUNTRY_CUES: dict[str, tuple[str, ...]] = {"OM": ("ولاية",), "SD": ("محلية",), "TN": ("معتمدية",),
                                            "MR": ("مقاطعة",), "MA": ("مقاطعة",), "SA": ("محافظة",)}
#: Where مديرية X is a district (Yemen's mudiriyas); elsewhere مديرية is a directorate (مديرية الصحة بالمنصورة,
#: مديرية أمن القاهرة) and مديرية X no district of X.
MUDIRIYA = frozenset({"YE"})
#: Where منطقة X is the first-level region (Saudi Arabia's مناطق: منطقة تبوك is the region, محافظة تبوك its
#: governorate): no district of these countries is named so.
MINTAQA_FIRST_LEVEL = frozenset({"SA"})
#: After a country's own district word that is none of :data:`AR_CUES` (:data:`COUNTRY_CUES`: ولاية in Oman,
#: معتمدية ...), a name as frequent as this is still the district: ولاية طاقة ("energy") is the wilayat of Taqah.
#: (After مديرية, قضاء and ناحية, everyday nouns follow too often: مديرية الصحة; :data:`CITY_WORD_ZIPF` there.)
OWN_WORD_ZIPF = 5.5
OWN_CUES: dict[str, frozenset[str]] = {cc: frozenset(fold_name(w) for w in ws) for cc, ws in COUNTRY_CUES.items()}
#: The cue words a country uses for its own districts (Yemen's مديرية, Iraq's and Lebanon's قضاء, Iraq's and
#: Syria's ناحية, and :data:`COUNTRY_CUES`): the cue form is that country's district even where the bare name's
#: best-known bearer is abroad (مديرية المنصورة is Aden's, not Egypt's city). منطقة ("area") is no such word.
LOCAL_CUES: dict[str, frozenset[str]] = {
    cc: frozenset(fold_name(w) for w in ws) for cc, ws in {
        "YE": ("مديرية",), "IQ": ("قضاء", "ناحية"), "LB": ("قضاء",), "SY": ("ناحية",),
        **COUNTRY_CUES}.items()}
# Where nothing else is known, a district weighs like a town of this size (only against other readings of
# its cue forms, which no other place has).
_DISTRICT_PROMINENCE = 30_000
_SOURCE = "Who's On First (CC BY 4.0), wof:id {}"
_VILLAGE_SOURCE = VILLAGE_SOURCE + " (CC BY 4.0), wof:id {}"
# Arabic proclitics: a village's one-word name that they turn into another place's name or a word (بنان: للبنان is
# ل + لبنان) is read only after a cue.
_PROCLITICS = [p for p in PROCLITICS if len(p) == 1]  # و ف ب ل ك
# First words that make a longer name a description, not a name of its own: cue words (مدينة دمشق, منطقة ...).
_HEADS = frozenset(CUES) | frozenset(FACILITY_CUES_AR) | {fold_name("مدينة"), fold_name("حي")}
# The Arabic article in a Latin name ("Al Badiyah"), which the US name lists count as a given name (Al).
_ARTICLES_EN = frozenset({"al", "el"})
# "son of" inside a person's name (محمد بن نصير).
_SON_OF = frozenset({fold_name("بن"), fold_name("ابن")})


def district_names(name_en: str, name_ar: str, country: str) -> tuple[list[str], list[str]]:
    """The cue forms of a district: English ("X District"; Iran "X County") and Arabic (قضاء X, منطقة X ...)."""
    en = [f"{name_en} District"] if name_en else []
    if name_en and country == "IR":
        en.append(f"{name_en} County")
    cues = [c for c in (*AR_CUES, *COUNTRY_CUES.get(country, ()))
            if (c != "مديرية" or country in MUDIRIYA) and (c != "منطقة" or country not in MINTAQA_FIRST_LEVEL)]
    ar = [f"{cue} {name_ar}" for cue in cues] if name_ar else []
    return en, ar


def add_whosonfirst(b: Any, ar_freq: Mapping[str, float], en_freq: Mapping[str, float]) -> int:
    """Add every row of ``data/whosonfirst.csv`` to the builder ``b`` (a ``geo.gazetteer.builder._Builder``); the count.

    ``ar_freq`` / ``en_freq`` are word frequencies (folded Arabic, English) for the everyday-word test.
    """
    from .. import index as g  # the name types

    if not PATH.exists():
        g.log.warning("Who's On First file %s is missing", PATH)
        return 0
    with open(PATH, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    n_main = len(rows)
    if LOCAL_PATH.exists():
        with open(LOCAL_PATH, encoding="utf-8", newline="") as fh:
            rows += csv.DictReader(fh)
    import math

    def zipf(tok: str) -> float:
        f = ar_freq.get(tok, 0.0) if is_arabic(tok) else en_freq.get(tok, 0.0)
        return math.log10(f * 1e9) if f > 0 else 0.0

    def key(name: str) -> tuple[str, ...]:
        return tuple(tokens(fold_name(name)))

    # A bare name is free only if no place of the other sources has it and only one row here does.
    names_of = [(r, [n for n in [r["name_en"], r["name_ar"], *split_names(r["aliases_en"]),
                                 *split_names(r["aliases_ar"])] if n]) for r in rows]
    here = Counter(k for _r, ns in names_of[:n_main] for k in {key(n) for n in ns})
    # The villages and quarters of LOCAL_PATH yield to every other place, the rows of PATH included: a name one of
    # those has is never theirs bare, and their own names count only among themselves.
    here_local = Counter(k for _r, ns in names_of[n_main:] for k in {key(n) for n in ns})
    taken = set(b.index)
    taken_local = taken | set(here)

    def everyday(tok: str) -> bool:
        if not is_arabic(tok):
            return zipf(tok) >= EN_BARE_MAX_ZIPF
        bare = tok[2:] if tok.startswith("ال") else tok
        return tok in AR_HOMOGRAPHS or max(zipf(tok), zipf(bare), zipf("ال" + bare)) >= BARE_MAX_ZIPF

    def clitic_clash(k: tuple[str, ...]) -> bool:
        # A proclitic before a village's one-word name makes another place's name or a word (للبنان = ل + لبنان,
        # not لل + بنان): the text means that, and the name must not take the word apart.
        # With the article, ل writes لل + stem, which is also ل + (ل + stem): البنان's للبنان.
        if len(k) != 1 or not is_arabic(k[0]):
            return False
        forms = [c + k[0] for c in _PROCLITICS]
        if k[0].startswith("ال"):
            forms.append("ل" + k[0][2:])
        return any((f,) in taken_local or zipf(f) >= BARE_MAX_ZIPF for f in forms)

    def free(name: str, local: bool = False) -> bool:
        k = key(name)
        if not k or (k in taken_local or here_local[k] > 1 if local else k in taken or here[k] > 1):
            return False
        if local and clitic_clash(k):
            return False
        if len(k) == 1:
            return len(k[0]) >= 4 and not everyday(k[0])
        # السلطان أحمد is read from سلطان أحمد too: a title with or without the article.
        return k[0] not in _HEADS and k[0] not in PERSON_TITLES and "ال" + k[0] not in PERSON_TITLES

    def person_like(r: Mapping[str, str], names: list[str]) -> bool:
        # A quarter or a town named after a person (Algiers' Victor Hugo, فكتور هوغو; محمد بن نصير) is the person
        # where its name stands bare: its English name starts with a common given name, or a name is X بن Y.
        en = r["name_en"].split()
        first = en[0].lower() if len(en) > 1 else ""
        if first and first not in _ARTICLES_EN and given_name_share(first) >= PERSON_NAME_MIN_SHARE:
            return True
        return any(len(k) > 2 and k[1] in _SON_OF for k in map(key, names))

    def cue_ok(name: str, cc: str, word_zipf: float | None = None) -> bool:
        # The cue form means the district only. If X names places, the most prominent of them is in the
        # district's country (منطقة عفرين; not منطقة أريحا, Jericho's), or the cue is the country's own word
        # for its districts (``local``: مديرية المنصورة in Yemen); a word's frequency then says how often the
        # place is named, not that it is a word. If X names no place, X is no everyday word; after the
        # country's own word, no frequent one (مديرية تبن "straw", a rarer word, is the district; مديرية الصحة
        # "the health directorate" is no district's). ``word_zipf``: how frequent a word may be after the
        # country's own word (``None``: the cue is not its own).
        local = word_zipf is not None
        k = key(name)
        if not k:
            return False
        bearers = [ref >> 4 for ref in b.index.get(k, ()) if ref & 15 != g.ORG]
        if bearers:
            top = max(bearers, key=lambda j: b.cols["pop"][j])
            # A frequent word that only a small place bears (القصور "the palaces", a town of 5,000) is still
            # a word: its cue form (منطقة القصور "the palace quarter") is too. A city's name is not (دوما, الباب).
            word = len(k) == 1 and (zipf(k[0]) >= (word_zipf if local else CITY_WORD_ZIPF) or k[0] in AR_HOMOGRAPHS)
            return (local or b.cols["cc"][top] == cc) and (b.cols["pop"][top] >= 100_000 or not word)
        bare = k[0][2:] if k[0].startswith("ال") else k[0]
        return len(k) > 1 or max(zipf(k[0]), zipf(bare), zipf("ال" + bare)) < (word_zipf or BARE_MAX_ZIPF)

    for row_no, (r, names) in enumerate(names_of):
        local = row_no >= n_main
        pt = r["placetype"]
        kind = "town" if pt == "locality" else "district"
        pop = int(r["population"] or 0)
        village = r["local_type"] == "village"
        i = b.add_place(f"wof:{r['wof_id']}", r["name_en"] or r["name_ar"], r["name_ar"], kind, r["country"],
                        float(r["lat"]), float(r["lon"]),
                        pop or (VILLAGE_PROMINENCE if village else _DISTRICT_PROMINENCE),
                        (_VILLAGE_SOURCE if village else _SOURCE).format(r["wof_id"])
                        + (f", in {r['admin1']}" if r["admin1"] else ""))
        # A district named after a place (its seat: رأس العين, which GeoNames spells Ra's al 'Ayn) leaves that
        # place all its names: if one of its names is taken, no bare name of it is read ("Ras al-Ain").
        # A name frequent in text that is no known place's is famous as something else (الزمالك the club,
        # الأهرام the newspaper, الأناضول the agency): then none of the row's names is read bare, in either
        # language ("Zamalek", "Al-Ahram").
        held = taken_local if local else taken
        row_free = all(key(n) not in held and not (len(key(n)) == 1 and everyday(key(n)[0])) for n in names)
        if pt == "neighbourhood" and not r["wikidata"] and (
                pop or any(len(key(n)) > 1 or key(n)[0].endswith("ي") for n in names if is_arabic(n))):
            # A neighbourhood known only by its spelled name (no Wikidata item) is read with its cue only (حي X)
            # when that name is several words, such names being as often a person's (أبو نواس, سعد العبد الله),
            # or when WOF counts its people (Yemen's hamlets of a dozen filed as neighbourhoods: المشيب "grey
            # hair"), or when it ends like a family name (الصفيري, العريمدي: a surname after a given name). A city's
            # quarter of one word (الأشرفية, كرادة) is read bare where it is free like any other.
            row_free = False
        if row_free and pt in ("locality", "neighbourhood") and person_like(r, names):
            row_free = False
        for n in names:
            if row_free and free(n, local):
                b.add_name(n, i, g.NAME_AR if n == r["name_ar"] else g.NAME if n == r["name_en"] else g.ALIAS)
        if pt in ("county", "localadmin"):
            for n_en in [r["name_en"], *split_names(r["aliases_en"])]:
                for form in district_names(n_en, "", r["country"])[0]:
                    b.add_name(form, i, g.ALIAS)
            local_cues = LOCAL_CUES.get(r["country"], frozenset())
            own = OWN_CUES.get(r["country"], frozenset())
            for n_ar in [r["name_ar"], *split_names(r["aliases_ar"])]:
                if not n_ar:
                    continue
                ok = cue_ok(n_ar, r["country"])
                for form in district_names("", n_ar, r["country"])[1]:
                    cue = key(form)[0]
                    limit = OWN_WORD_ZIPF if cue in own else CITY_WORD_ZIPF
                    if ok or (cue in local_cues and cue_ok(n_ar, r["country"], limit)):
                        b.add_name(form, i, g.ALIAS)
        elif pt == "neighbourhood":
            for n_ar in [r["name_ar"], *split_names(r["aliases_ar"])]:
                if n_ar and cue_ok(n_ar, r["country"]):
                    b.add_name(f"حي {n_ar}", i, g.ALIAS)
    return len(rows)
