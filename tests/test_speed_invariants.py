"""Speed work that must not change a result: tables built with the gazetteer, decisions kept with it."""

from __future__ import annotations

import json

import pytest

from geo import geoparse
from geo.translit import latin_skeleton


def _scan(gaz, cc: str) -> dict[str, tuple[int, ...]]:
    """The table as it used to be made on first use: every city and town of ``cc``, in storage order (not the
    villages known only by their names, session 10: no candidates for a spelling the gazetteer lacks)."""
    from geo.gazetteer.builder import VILLAGE_SOURCE

    groups: dict[str, list[int]] = {}
    for i in range(len(gaz)):
        if gaz.country_code(i) == cc and gaz.kind(i) in ("city", "town") and not gaz.place(i).source.startswith(
                VILLAGE_SOURCE):
            groups.setdefault(latin_skeleton(gaz.name(i)), []).append(i)
    return {k: tuple(v) for k, v in groups.items()}


def test_built_table_equals_a_scan_of_the_places(gaz):
    for cc in ("MA", "AM", "LB", "XK", "ZZ"):
        assert gaz.towns_by_skeleton(cc) == _scan(gaz, cc), cc
    assert gaz.towns_by_skeleton("MA")["mzmz"] == (gaz.index_of("geonames:2558052"),)  # Amizmiz


def test_a_users_towns_are_in_the_layered_table(tmp_path, gaz):
    assert "tmzrt" not in gaz.towns_by_skeleton("MA")
    amizmiz = gaz.index_of("geonames:2558052")
    places = tmp_path / "towns.geojson"
    places.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-8.1, 31.2]},
         "properties": {"id": "tamzirt", "name": "Tamzirt", "kind": "town", "country_code": "MA"}},
        # A base town renamed by the user: it leaves its old skeleton and joins the new one.
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-8.24, 31.21]},
         "properties": {"id": "geonames:2558052", "name": "Oukaimeden", "kind": "town", "country_code": "MA"}},
    ]}), encoding="utf-8")
    layered = gaz.with_places([places])
    table = layered.towns_by_skeleton("MA")
    assert table == _scan(layered, "MA")
    assert table["tmzrt"] == (layered.index_of("user:tamzirt"),)
    assert "mzmz" not in table and amizmiz in table[latin_skeleton("Oukaimeden")]
    assert gaz.towns_by_skeleton("MA")["mzmz"] == (amizmiz,)  # the base is unchanged
    got = [(m.surface, m.place_id) for m in geoparse("تضررت بلدة تامزيرت في المغرب.", gazetteer=layered).mentions]
    assert ("بلدة تامزيرت", "user:tamzirt") in got


def test_decisions_kept_with_the_gazetteer_do_not_depend_on_what_was_parsed_before(gaz):
    """The parser keeps per-word and per-name decisions with the gazetteer for later texts (gaz.memo()):
    each text must come out the same whatever was parsed before it, and with nothing kept at all."""
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data").rglob("*.txt"))[:40]]
    texts += ["Aid reached the al-Hol and Roj camps, then Damascus.", "وصل الوفد إلى بلدة أمزميز في المغرب"]

    def rows(text):
        return [(m.start, m.end, m.place_id, m.confidence, m.reason, m.cue)
                for m in geoparse(text, gazetteer=gaz).mentions]

    forward = [rows(t) for t in texts]
    backward = [rows(t) for t in reversed(texts)][::-1]
    fresh = []
    for t in texts:
        gaz.memo(reset=True)  # nothing kept from the text before
        fresh.append(rows(t))
    assert forward == backward == fresh
    assert len(gaz.memo()["words"]) > 0  # the decisions are kept


def test_natural_features_near_countries_as_shapely_measures_them(gaz):
    """The build's table of countries beside each natural feature gives the distances resolution measured
    live before (country area to feature), for every feature and country within the table's reach."""
    import math

    from geo.gazetteer import NEAR_COUNTRY_DEG
    from geo.model import NATURAL_KINDS

    countries = {p.country_code: p.geometry for p in gaz.places_in(["country"]) if p.geometry is not None}
    naturals = [i for i in range(len(gaz)) if gaz.kind(i) in NATURAL_KINDS]
    assert len(naturals) > 1000
    for i in naturals[::7]:  # a seventh of them: every country's distance each
        geom = gaz.place(i).geometry
        near = gaz.near_countries(i)
        if geom is None:
            assert near == {}
            continue
        for cc, area in countries.items():
            d = float(area.distance(geom))
            assert math.isclose(near.get(cc, math.inf), d) if d <= NEAR_COUNTRY_DEG else cc not in near, (i, cc)


def test_a_layer_of_user_places_measures_natural_features_live(tmp_path, gaz):
    places = tmp_path / "p.geojson"
    places.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.3, 33.5]},
         "properties": {"id": "x", "name": "Xanadu Spring", "kind": "town", "country_code": "SY"}}]}),
        encoding="utf-8")
    layered = gaz.with_places([places])
    assert layered.near_countries(0) is None  # the user's file may move areas: measured live
    with pytest.raises(LookupError):
        gaz.index_of("admin1:SY-NOWHERE")  # an unknown province: refused without the whole id table
    assert gaz.country_index("ZZ") is None


def _texts() -> list[str]:
    """The repository's own texts: the test corpora and the bundled statements."""
    from pathlib import Path

    root = Path(__file__).parent.parent
    return [p.read_text(encoding="utf-8") for base in (root / "tests" / "data" / "corpus", root / "data" / "statements")
            for p in sorted(base.glob("*.txt"))]


def test_not_places_fast_path_drops_what_the_rules_drop(gaz, monkeypatch):
    """_not_places skips its rules for a name with none of the words they read around it: with the skip turned
    off (every word read as one the rules look at), every text must give the same mentions."""
    import geo.extract as extract

    texts = _texts() + [
        "Dr. Austin met Brighton beat Wolves; Lassa fever in Kano; she speaks Spanish; Bank of England; "
        "the Horn of Africa; Qatar National Bank; North Africa; Crimean-Congo haemorrhagic fever.",
        "قال الأمير تركي بن طلال إن بنك مصر وبورصة الكويت وحمى القرم-الكونغو وبحكي تركي في شمال أفريقيا.",
    ]

    def rows(text):
        return [(m.start, m.end, m.place_id, m.confidence, m.reason) for m in geoparse(text, gazetteer=gaz).mentions]

    fast = [rows(t) for t in texts]
    with monkeypatch.context() as mp:
        mp.setattr(extract, "_hot_before", lambda word: True)
        gaz.memo(reset=True)
        assert [rows(t) for t in texts] == fast
    with monkeypatch.context() as mp:  # the probes do reach the rules: without them, more names stay
        mp.setattr(extract, "_not_places", lambda matches, *args: matches)
        gaz.memo(reset=True)
        for text, kept in zip(texts[-2:], fast[-2:], strict=True):
            assert len(rows(text)) > len(kept)
    gaz.memo(reset=True)


def test_a_region_vote_kept_per_kind_is_the_one_any_statement_gets(gaz):
    """A match kind's region vote is kept without the statement's view when only a province's own name reads
    the statement: for every other kind, any statement's countries and any vote must give the same answer."""
    from collections import Counter

    from geo import resolve
    from geo.extract import find_matches
    from geo.text import fold

    views = [Counter(), Counter({"US": 3}), Counter({"SY": 2, "IQ": 1}), Counter({"GB": 1, "US": 1})]
    checked = 0
    for text in _texts():
        for m in find_matches(fold(text), gaz):
            if not m.refs:
                continue
            static = resolve._region_vote_static(m, gaz)
            if static is resolve._BY_CONTEXT:
                continue
            for doc_cc in views:
                for vote in (None, ("US", 1), ("SY", 2)):
                    assert resolve._region_vote(m, gaz, doc_cc, vote) == static, m.key
            checked += 1
    assert checked > 100


def test_batch_rows_carry_mention_record_fields(gaz):
    """geo batch builds its rows without the full records (mention_core_record, each place's fields once per
    document): every field must still be the one geo.export.mention_record gives."""
    from geo.batch import Document, mention_rows
    from geo.export import mention_record

    text = _texts()[0] + "\n\nAid reached the al-Hol camp and an unnamed camp near Jeddah 5 camp."
    s = geoparse(text, gazetteer=gaz)
    rows = mention_rows(Document("d1", text, "2026-01-02", "test", "origin"), s)
    assert len(rows) == len(s.mentions) > 5
    for row, m in zip(rows, s.mentions, strict=True):
        rec = mention_record(m)
        for field, key in (("start", "start"), ("end", "end"), ("surface", "text"), ("place_id", "place_id"),
                           ("name", "name"), ("name_ar", "name_ar"), ("kind", "kind"), ("layer", "layer"),
                           ("country_code", "country_code"), ("confidence", "confidence"), ("reason", "reason"),
                           ("form", "form"), ("lat", "lat"), ("lon", "lon")):
            assert row[field] == rec[key], field
        assert row["cue"] == (rec["cue"] or None)
        assert row["sentence"] == text[rec["sentence_start"] : rec["sentence_end"]]
    assert any(r["place_id"] is None for r in rows) and any(r["place_id"] for r in rows)


def test_geoparse_leaves_the_garbage_collector_as_it_found_it(gaz):
    """The collector is paused during a parse (it walked the gazetteer's objects): on before, on after; off
    before (the caller's choice), still off after — also when the parse fails."""
    import gc

    from geo.errors import InputError

    assert gc.isenabled()
    geoparse("Talks in Damascus.", gazetteer=gaz)
    assert gc.isenabled()
    gc.disable()
    try:
        geoparse("Talks in Damascus.", gazetteer=gaz)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(InputError):
        geoparse("Talks", lang="fr", gazetteer=gaz)
    assert gc.isenabled()


def test_a_failing_parse_resumes_the_garbage_collector(gaz, monkeypatch):
    import gc

    import geo.pipeline as pipeline

    def boom(*args):
        assert not gc.isenabled()  # paused while the parse runs
        raise RuntimeError("parser error")

    monkeypatch.setattr(pipeline, "_geoparse", boom)
    with pytest.raises(RuntimeError):
        geoparse("Talks in Damascus.", gazetteer=gaz)
    assert gc.isenabled()


# Texts where the sentence-end, abbreviation and hashtag scans meet their edge cases: runs of marks and of
# line breaks, marks glued to words, abbreviations inside words and after periods, hashtags at the start,
# glued to words and doubled.
_SCAN_TEXTS = [
    "The U.S. envoy met them. في الرياض.\n\n\nNext!!! \"Quoted.\" (Aside.) End…",
    "!" * 3000 + " a" + "\n" * 50 + " \u00a0\n." + "?" * 10,
    "x.\u00a0\n y a\n. b 3.5 e.g. St. Paul\r\nLine؟ سطر۔ آخر",
    "Friedensburg, Pa. and Ga. pastor; Sen. Casey, D-Pa. Pa.Pa. xPa. .Pa. N.J.N.J. B.C.",
    "#BeirutBlast ##PrayForNewYork a#NewYork #lower #New_York #\n#Paris # Gaza",
]


def test_sentence_end_scan_finds_what_the_alternation_finds():
    import re

    from geo.text import _CLOSERS, _END_MARKS, _SENT_END_RE

    # The pattern as an alternation of the two runs, which the class-first pattern must equal hit for hit.
    plain = re.compile(f"[{_END_MARKS}]+[{_CLOSERS}]*" + r"|\n\s*")
    for text in _SCAN_TEXTS:
        assert [h.span() for h in _SENT_END_RE.finditer(text)] == [h.span() for h in plain.finditer(text)], text


def test_lone_abbreviation_scan_finds_what_the_look_behind_finds():
    from geo.extract import _LONE_ABBREV_RE, _lone_abbreviation_hits

    for text in _SCAN_TEXTS:
        want = [h.span(1) for h in _LONE_ABBREV_RE.finditer(text)]
        assert [h.span(1) for h in _lone_abbreviation_hits(text)] == want, text
    assert [h.group(1) for h in _lone_abbreviation_hits(_SCAN_TEXTS[3])][:2] == ["Pa.", "Ga."]


def test_hashtag_words_are_the_words_after_a_hash(gaz):
    from geo.extract import _camel_hashtags, word_tokens
    from geo.text import fold

    for text in _SCAN_TEXTS:
        folded = fold(text)
        toks = word_tokens(folded.text)
        got = {(m.fs, m.fe) for m in _camel_hashtags(toks, folded.cased, gaz, set())}
        # Each hit lies in a word whose separator ends with "#", as the test of every separator found them.
        after_hash = [(s, s + len(w)) for w, s, sep in zip(toks.words, toks.starts, toks.seps, strict=False)
                      if sep.endswith("#")]
        assert all(any(a <= fs and fe <= b for a, b in after_hash) for fs, fe in got), text
    folded = fold(_SCAN_TEXTS[4])
    got = [folded.text[m.fs:m.fe] for m in _camel_hashtags(word_tokens(folded.text), folded.cased, gaz, set())]
    # #PrayForNewYork after "#": its second "#" is the separator; a#NewYork's "#" follows a word, still a hashtag.
    assert got == ["beirut", "blast", "pray", "newyork", "newyork"], got


def test_spelling_scan_finds_what_the_whole_pattern_finds():
    from geo.resolve import _SPELLING_RE, _spelling_hits

    texts = _SCAN_TEXTS + [
        "xin Paris, -in Paris, _in Paris, 9in Paris; in in Paris In Tell Abyad near Deir Hafer-Ain from Kfar",
        "the towns of Deir ez-Zor and villages of Ras al Ain, into Aleppo Towards Homs toward Hama via Idlib",
        "to Ras al-Ain al-Ain to In To At Tal Tamr at Qamishlo Outside Hasakah around Manbij in A in Ab in Abu's",
        "district of Afrin city of Raqqa camp of Hol camps of Roj citys of X In Paris In In Rome at At Ramadi",
    ]
    for text in texts:
        want = [(h.span(1), h.group(1)) for h in _SPELLING_RE.finditer(text)]
        assert [(h.span(1), h.group(1)) for h in _spelling_hits(text)] == want, text
    assert len(list(_spelling_hits(texts[-2]))) == 6  # the test is not vacuous: names are found


def test_colocated_towns_and_counties_found_in_grid_cells_are_those_of_every_pair(gaz):
    """``resolve._colocated`` compares a town's readings with the county readings of the grid cells around it, not
    with every county reading (quadratic: seconds per MB of local news); it must find the same pairs as every pair."""
    from geo import resolve as R
    from geo.extract import find_matches
    from geo.text import fold

    text = ("Officials in Huntsville and Walker County met leaders from Paris, Henry County, Athens, McMinn County, "
            "Springfield, Greene County, Columbus, Franklin County, Salem, Marion County, Fairbanks and Washington "
            "County, as well as Lancaster, Jackson County, Troy and Lincoln County.")
    kinds = list({m.key: m for m in find_matches(fold(text), gaz) if m.refs}.values())
    got = R._colocated(kinds, gaz)
    assert got  # the statement names counties with namesakes beside towns with namesakes
    # Every pair, as the rule reads: a town reading within the distance of a county reading.
    pairs: dict[tuple[str, ...], set[int]] = {}
    counties = [(m.key, R._choosable(m, gaz)) for m in kinds if len(m.key) > 1 and len(R._choosable(m, gaz)) > 1
                and all(gaz.kind(i) == "district" for i in R._choosable(m, gaz))]
    for m in kinds:
        towns = [i for i, t in R._choosable(m, gaz).items() if t != R.ALT and gaz.kind(i) in ("city", "town")]
        if len(towns) < 2:
            continue
        for i in towns:
            for key, readings in counties:
                for j in readings:
                    if R._km(gaz, i, j) <= R.W.colocated_km:
                        pairs.setdefault(m.key, set()).add(i)
                        pairs.setdefault(key, set()).add(j)
    want = {k: frozenset(v) for k, v in pairs.items()
            if len(v) < len(R._choosable(next(m for m in kinds if m.key == k), gaz))}
    assert got == want


def _propagate_cues_every_match(matches, toks, text, cased, gaz=None):
    """_propagate_cues as it was: every neighbouring pair and every match tested in Python."""
    from geo.extract import (
        _ARABIC_AND,
        _CUE_MODIFIERS,
        _DETERMINERS,
        _DIRECTIONS,
        _JOIN_RE,
        CUES,
        DEMONYM,
        _gap_is_list,
        _is_division,
        _with_cue,
        is_everyday_en,
    )
    from geo.text import is_arabic

    out = list(matches)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        b_start = b.fs - 1 if text[b.fs - 1 : b.fs] == _ARABIC_AND else b.fs
        if a.cue and not b.cue and CUES.get(a.cue_word, ("", 1))[1] > 1 and _gap_is_list(text, a.fe, b_start):
            out[k] = _with_cue(b, a.cue, a.cue_word)
    words, starts, seps = toks.words, toks.starts, toks.seps
    n = len(words)
    for k in range(len(out) - 1, -1, -1):
        m = out[k]
        j = m.token_index + m.token_count
        if m.cue or j >= n or is_arabic(m.key[0]):
            continue
        word = words[j]
        if not _JOIN_RE.match(seps[j]):
            continue
        if word in _CUE_MODIFIERS and j + 1 < n:
            j += 1
            word = words[j]
            if not _JOIN_RE.match(seps[j]):
                continue
        hit = CUES.get(word)
        if hit is None or hit[0] == "facility":
            continue
        if hit[0] in ("city", "town") and not cased[starts[j]].islower():
            continue
        if word == "states" and all(r.name_type == DEMONYM for r in m.refs):
            continue
        d = m.token_index - 1
        while d > 0 and words[d] in _DIRECTIONS:
            d -= 1
        if hit[0] in ("city", "town") and gaz is not None and d >= 0 and words[d] in _DETERMINERS \
                and _is_division(m, gaz):
            continue
        i = m.token_index
        if hit[1] == 1 and i > 1 and m.token_count == 1 and words[i - 1] in _DIRECTIONS and seps[i] == " " \
                and is_everyday_en(m.key[0]) \
                and cased[starts[i - 1]].isupper() and not cased[starts[i - 2]].isupper() \
                and not all(r.name_type == DEMONYM for r in m.refs):
            out[k] = _with_cue(m, hit[0], word)._replace(
                refs=(), fs=starts[i - 1], key=(words[i - 1], *m.key), token_index=i - 1,
                token_count=m.token_count + 1, cue_span=(starts[i - 1], starts[j] + len(word)))
            continue
        out[k] = _with_cue(m, hit[0], word)._replace(cue_span=(m.fs, starts[j] + len(word)))
        if hit[1] == 3:
            q = k
            while q > 0 and not out[q - 1].cue and text[out[q - 1].fe : out[q].fs].strip() \
                    and _gap_is_list(text, out[q - 1].fe, out[q].fs):
                out[q - 1] = _with_cue(out[q - 1], hit[0], word)
                q -= 1
    return out


def test_cues_after_names_and_before_lists_as_every_match_was_tested(gaz, monkeypatch):
    """_propagate_cues visits only the matches a cue can reach (found in C-level passes): the same matches
    and cues as when every match was tested, with chains after dual heads and plural cues after lists."""
    from geo import extract
    from geo.extract import find_matches
    from geo.text import fold

    texts = ["زار وفد مخيمي الهول وروج أمس، ثم محافظتي نينوى والأنبار وبلدتي نبل والزهراء.",
             "Aid reached the Hol and Roj camps, then the Zaatari refugee camp and Azraq border crossing.",
             "Shelling hit Idlib and Hama provinces; Kuwait City and al-Hasakah city were calm.",
             "Rain in Paris and Lyon.\n\nState officials met.", "camp", "", "Raqqa province"]
    for text in texts:
        want: list = []

        def reference(*a, want=want):
            want.append(_propagate_cues_every_match(*a))
            return want[-1]

        monkeypatch.setattr(extract, "_propagate_cues", reference)
        expected = find_matches(fold(text), gaz)
        monkeypatch.undo()
        assert len(want) == 1, text  # the reference did run
        got = find_matches(fold(text), gaz)
        assert got == expected, text
    cued = [m for t in texts[:3] for m in find_matches(fold(t), gaz) if m.cue]
    assert len(cued) >= 8  # the texts do exercise the cue rules


def test_partition_rows_built_by_column_are_the_rows_of_each_mention(gaz):
    """parse_partition builds its columns without a dict per mention: every column holds what mention_rows
    gives, row by row, for documents with located, unlocated and no mentions."""
    from geo.batch import Document, _add_rows, _new_columns, mention_rows

    docs = [Document("d1", "Aid reached the al-Hol camp and an unnamed camp near Jeddah 5 camp. Talks in Baghdad.",
                     "2026-01-02", "test", "o"), Document("d2", "Nothing here.", None, None, "o"),
            Document("d3", "قصف في دمشق وحلب، وفي مخيم جنين.", "2026-01-03", "x", "o")]
    cols = _new_columns()
    known: dict = {}  # places' fields shared by the documents, as in a partition
    want = []
    for d in docs + docs[:1]:
        s = geoparse(d.text, gazetteer=gaz)
        assert _add_rows(cols, d, s, known) == len(s.mentions)
        want += mention_rows(d, s)
    assert len(want) > 5
    assert {c: len(v) for c, v in cols.items()} == {c: len(want) for c in cols}
    for c, values in cols.items():
        assert values == [r[c] for r in want], c


def test_a_partition_leaves_the_garbage_collector_as_it_found_it(gaz, monkeypatch):
    """parse_partition pauses the collector for the whole partition (not only inside each parse) and gives it
    back as it was, after a document the parser fails on too."""
    import gc

    from geo import batch, pipeline
    from geo.batch import Document, parse_partition

    monkeypatch.setitem(batch._GAZETTEERS, "base", gaz)
    seen = []

    def parse(text, **kw):
        seen.append(gc.isenabled())
        if "boom" in text:
            raise ValueError("boom")
        return geoparse(text, **kw)

    monkeypatch.setattr(pipeline, "geoparse", parse)
    docs = [Document("a", "Talks in Baghdad.", None, None, "o"), Document("b", "boom", None, None, "o"),
            Document("c", "Rain in Paris.", None, None, "o")]
    assert gc.isenabled()
    res = parse_partition(docs)
    assert gc.isenabled() and seen == [False, False, False]
    assert res.docs == 2 and res.mentions == 2 and len(res.errors) == 1
    gc.disable()
    try:
        parse_partition(docs)
        assert not gc.isenabled()
    finally:
        gc.enable()
