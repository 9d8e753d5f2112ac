"""Folding, offsets, clitics, nisba, sentences: tables of cases."""

from __future__ import annotations

import pytest

from geo.text import detect_lang, fold, nisba_forms, sentences, strip_proclitics


@pytest.mark.parametrize(("raw", "folded"), [
    ("دِمَشْقُ", "دمشق"),                 # tashkeel
    ("بغـــداد", "بغداد"),                # tatweel
    ("أإآٱ", "اااا"),                    # alef variants
    ("مستشفى", "مستشفي"),                # alef maqsura
    ("السورية", "السوريه"),              # taa marbuta
    ("ﺩﻣﺸﻖ", "دمشق"),                    # presentation forms
    ("ﻻ", "لا"),                          # lam-alef ligature expands to two letters
    ("\u200fسوريا\u200e", "سوريا"),      # bidi marks
    ("ی ک", "ي ك"),                       # Persian letters
    ("٢٠٢٦", "2026"),                     # Eastern Arabic digits
    ("Şanlıurfa", "sanliurfa"),          # Latin accents, dotless i, case
    ("İstanbul", "istanbul"),            # capital dotted I stays one code point
])
def test_fold_table(raw, folded):
    assert fold(raw).text == folded


@pytest.mark.parametrize("raw", ["وبِدِمَشْقَ", "ﻻذقية", "a\u200bb\u200cc", "İİİ", "ß straße", "", "x"])
def test_fold_offsets_point_into_original(raw):
    f = fold(raw)
    for fs in range(len(f.text) + 1):
        o = f.orig_start(fs) if fs < len(f.text) else len(raw)
        assert 0 <= o <= len(raw)
    # Every folded char maps to an original char that folds to something containing it.
    for fs, ch in enumerate(f.text):
        o = f.orig_start(fs)
        assert ch in fold(raw[o]).text or raw[o] in "ßﻻ"


@pytest.mark.parametrize(("token", "stem"), [
    ("والعراق", "العراق"), ("للعراق", "العراق"), ("بدمشق", "دمشق"), ("وبغداد", "بغداد"),
    ("فالرياض", "الرياض"), ("كالقاهره", "القاهره"), ("وبالعراق", "العراق"), ("لشمال", "شمال"),
])
def test_proclitics(token, stem):
    assert stem in [s for _, s in strip_proclitics(token)]


@pytest.mark.parametrize("form", ["سوري", "السوري", "السوريه", "السوريين", "سوريون", "السوريان"])
def test_nisba_forms(form):
    assert form in nisba_forms("سوري")


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. envoy arrived. He met Iraqi officials.", ["The U.S. envoy arrived.", "He met Iraqi officials."]),
    ("قال البيان. وأكد الوزير؟ نعم", ["قال البيان.", "وأكد الوزير؟", "نعم"]),
    ("Line one\nLine two", ["Line one", "Line two"]),
    ("Gen. Smith spoke in Washington. Then left.", ["Gen. Smith spoke in Washington.", "Then left."]),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


@pytest.mark.parametrize(("text", "lang"), [("قال البيان", "ar"), ("The statement said", "en"), ("", "en")])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang
