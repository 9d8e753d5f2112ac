"""geo.lexicon: the English lexicon derived from SCOWL and the US Census name files (data/lexicon_en.csv)."""

from __future__ import annotations

from geo import lexicon


def test_the_lexicon_tells_everyday_words_person_names_and_names_only():
    assert lexicon.is_everyday_en("reading") and lexicon.is_everyday_en("mobile")
    assert not lexicon.is_everyday_en("columbus")
    assert lexicon.is_person_name_en("bush") and lexicon.is_person_name_en("taylor")  # surnames
    assert lexicon.is_person_name_en("greg") and lexicon.given_name_share("greg") > 0.05  # a given name
    assert lexicon.surname_share("smith") > 0.5
    for word in ("columbus", "vancouver", "london", "denver"):
        assert lexicon.is_name_only_en(word), word
    for word in ("reading", "mobile", "bush", "houston"):
        assert not lexicon.is_name_only_en(word), word


def test_without_the_file_every_frequent_word_stays_suspect(monkeypatch, tmp_path):
    # A clone without data/lexicon_en.csv behaves as before the table existed: no word is known to be a name only,
    # and any word may be a person's name.
    monkeypatch.setattr(lexicon, "_PATH", tmp_path / "missing.csv")
    lexicon._table.cache_clear()
    try:
        assert not lexicon.is_name_only_en("columbus")
        assert lexicon.may_be_person_name_en("dublin")
    finally:
        lexicon._table.cache_clear()


def test_given_names_common_since_1950_are_given_names_without_making_bare_place_names_suspect():
    # data/given_names_recent.csv (SSA baby names): Madison and Savannah are rare in the 1990 Census and common since;
    # the recent share is asked only as a given name's, so "london" stays a name only (not a person's) when bare.
    assert lexicon.given_name_share("madison") < 0.01 < lexicon.recent_given_name_share("madison")
    assert lexicon.recent_given_name_share("savannah") > 0.05
    assert lexicon.recent_given_name_share("greg") == lexicon.given_name_share("greg")  # the Census's, where larger
    assert lexicon.recent_given_name_share("london") > 0.02 and lexicon.is_name_only_en("london")
