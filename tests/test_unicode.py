"""Hostile and unusual Unicode: each variant of a sentence still yields its places, with offsets
that point into the text as given (issue: tashkeel, tatweel, presentation forms, bidi controls,
zero-width characters, Persian/Urdu letters, Eastern Arabic digits, mixed lines)."""

from __future__ import annotations

import unicodedata

import pytest

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
    "Persian letters": BASE.replace("في", "فی"),
    "Eastern digits": BASE.replace("٩", "۹"),
    "mixed line": BASE + " — delegates then flew to Baghdad.",
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_finds_the_places_with_exact_offsets(gaz, name):
    text = VARIANTS[name]
    s = geoparse(text, gazetteer=gaz)
    got = {sp.place.place_id for sp in s.places}
    assert EXPECTED <= got, (name, [(m.surface, m.place_id) for m in s.mentions])
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
