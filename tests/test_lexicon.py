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
