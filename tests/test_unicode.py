"""Hostile and unusual Unicode: each variant of a sentence still yields its places, with offsets
that point into the text as given (issue: tashkeel, tatweel, presentation forms, bidi controls,
zero-width characters, Persian/Urdu letters, Eastern Arabic digits, mixed lines)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import geoparse

BASE = "اجتمع الوفد في دمشق ثم سافر إلى العراق يوم ٩ فبراير"
EXPECTED = {"geonames:170654", "country:IQ"}


def _presentation_forms(s: str) -> str:
    # The isolated/final/initial/medial forms a PDF copy-paste produces, letter by letter.
    out = []
    for ch in s:
        name = unicodedata.name(ch, "")
        forms = [f"ARABIC LETTER {name.removeprefix('ARABIC LETTER ')} ISOLATED FORM"]
        repl = ch
        for f in forms:
            try:
                repl = unicodedata.lookup(f)
            except KeyError:
                pass
        out.append(repl)
    return "".join(out)


VARIANTS = {
    "plain": BASE,
    "tashkeel": BASE.replace("دمشق", "دِمَشْقَ").replace("العراق", "العِرَاقِ"),
    "tatweel": BASE.replace("دمشق", "دمـــشق").replace("العراق", "العـراق"),
    "presentation forms": _presentation_forms(BASE),
    "lam-alef ligature": BASE.replace("إلى", "ﺇﻟﻰ"),
    "LRM/RLM": BASE.replace(" دمشق", " \u200fدمشق\u200e").replace("العراق", "\u200eالعراق"),
    "RLO override": "\u202e" + BASE + "\u202c",
    "isolates": BASE.replace("دمشق", "\u2067دمشق\u2069"),
    "ZWJ/ZWNJ": BASE.replace("دمشق", "دم\u200dشق").replace("العراق", "الع\u200cراق"),
    # Invisible format characters and variation selectors inside a name: word joiner, invisible separator,
    # Mongolian vowel separator, emoji variation selector, an Arabic number sign.
    "word joiner / invisible separator": BASE.replace("دمشق", "دم\u2060شق").replace("العراق", "العر\u2063اق"),
    "Mongolian vowel separator / VS16": BASE.replace("دمشق", "دمش\u180eق").replace("العراق", "ال\ufe0fعراق"),
    "tag / variation selector 17": BASE.replace("دمشق", "د\U000e0041مشق").replace("العراق", "العراق\U000e0100"),
    "Persian letters": BASE.replace("في", "فی"),
    "Eastern digits": BASE.replace("٩", "۹"),
    "mixed line": BASE + " — delegates then flew to Baghdad.",
    "English with invisible characters": "Delegates met in Dama\u2060scus and flew to Bag\ufe0fhdad, then Ira\u2063q.",
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_finds_the_places_with_exact_offsets(gaz, name):
    text = VARIANTS[name]
    s = geoparse(text, gazetteer=gaz)
    got = {sp.place.place_id for sp in s.places}
    expected = EXPECTED | ({"geonames:98182"} if name.startswith("English") else set())
    assert expected <= got, (name, [(m.surface, m.place_id) for m in s.mentions])
    for m in s.mentions:
        assert text[m.start : m.end] == m.surface
        assert m.surface.strip()


def test_mixed_line_also_finds_the_english_name(gaz):
    s = geoparse(VARIANTS["mixed line"], gazetteer=gaz)
    assert "geonames:98182" in {sp.place.place_id for sp in s.places}


def test_tashkeel_stays_inside_the_surface(gaz):
    text = VARIANTS["tashkeel"]
    surfaces = {m.surface for m in geoparse(text, gazetteer=gaz).mentions}
    assert "دِمَشْقَ" in surfaces  # the final fatha belongs to the word shown to the user


@pytest.mark.parametrize("name", [n for n in VARIANTS if n != "plain"])
def test_each_variant_really_differs(name):
    assert VARIANTS[name] != BASE


# Every invisible character that can sit inside a word: Unicode category Cf (format) and the variation selectors.
_INVISIBLE = sorted(
    [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    + [chr(c) for c in [*range(0x180B, 0x180E), 0x180F, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]]
)


def test_folding_removes_every_format_character_and_variation_selector():
    from geo.text import fold

    kept = [f"U+{ord(c):04X}" for c in _INVISIBLE if fold("a" + c + "b").text != "ab"]
    assert not kept, f"not folded away: {kept}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["دمشق", "العراق", "Damascus", "Baghdad"]),
       inserts=st.lists(st.tuples(st.integers(0, 8), st.sampled_from(_INVISIBLE)), min_size=1, max_size=4))
def test_invisible_characters_inside_a_name_are_folded_like_zwj(gaz, name, inserts):
    """A name with any invisible characters inside resolves like the plain name; its surface is the text as given."""
    spelled = name
    for at, ch in inserts:
        k = min(at, len(spelled))
        spelled = spelled[:k] + ch + spelled[k:]
    text_plain = (f"The delegation flew from {name} on Monday." if name.isascii()
                  else f"سافر الوفد من {name} يوم الاثنين")
    text = text_plain.replace(name, spelled)
    want = [m.place_id for m in geoparse(text_plain, gazetteer=gaz).mentions]
    got = geoparse(text, gazetteer=gaz).mentions
    assert want and [m.place_id for m in got] == want
    for m in got:
        assert text[m.start : m.end] == m.surface
    # The mention covers the name from its first letter to its last, with what lies between.
    first, last = spelled.index(name[0]), spelled.rindex(name[-1])
    assert spelled[first : last + 1] in [m.surface for m in got]
