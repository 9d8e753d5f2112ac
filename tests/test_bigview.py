"""A big statement is drawn and shown in bounded pieces: clustered points, short popups, paged text (issue 14).

Hand-made situations (no gazetteer): hundreds of point places, a place with many
mentions, a long text. Browser-level DOM counts are in tests/browser/test_bigstatement.py.
"""

from __future__ import annotations

import json
import re

import pytest
from situations import DAMASCUS, make_situation, seed_like
from test_mapview import place_data, popups, render

from geo import report
from geo.mapview import CLUSTER_ABOVE, MAX_POPUP_QUOTES, build_map, map_html_standalone
from geo.model import Mention, Place
from geo.situation import Situation


def many_points(n: int) -> Situation:
    """``n`` distinct towns, each named twice, in one long Arabic text."""
    places = [Place(f"test:{i}", f"Town{i}", f"بلدة{i}", "town", "SY", 30 + (i % 50) / 10, 35 + (i // 50) / 10)
              for i in range(n)]
    parts, mentions, pos = [], [], 0
    for p in places:
        for _ in range(2):
            sentence = f"وصل الوفد إلى {p.name_ar} اليوم. "
            a = pos + sentence.index(p.name_ar)
            mentions.append(Mention(a, a + len(p.name_ar), p.name_ar, pos, pos + len(sentence) - 1, p, 0.9, "test"))
            parts.append(sentence)
            pos += len(sentence)
    return Situation(text="".join(parts), lang="ar", mentions=tuple(mentions))


def cities_data(situation: Situation) -> dict:
    return [d for d in place_data(render(build_map(situation)))
            if d["geojson"]["features"] and d["geojson"]["features"][0]["properties"]["layer"] == "cities"][0]


def test_points_are_clustered_only_above_the_threshold():
    assert cities_data(many_points(CLUSTER_ABOVE))["cluster"] is False
    big = cities_data(many_points(CLUSTER_ABOVE + 1))
    assert big["cluster"] is True and len(big["geojson"]["features"]) == CLUSTER_ABOVE + 1
    assert "L.markerClusterGroup(" in render(build_map(many_points(CLUSTER_ABOVE + 1)))
    # Areas are never clustered (only the layers with points are).
    seed = [d for d in place_data(render(build_map(seed_like())))]
    assert not any(d["cluster"] for d in seed)


def test_standalone_map_inlines_the_cluster_plugin():
    html = map_html_standalone(many_points(CLUSTER_ABOVE + 1))
    assert "L.MarkerClusterGroup = L.FeatureGroup.extend" in html and ".marker-cluster-small" in html
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html)
    assert "sourceMappingURL" not in html


def test_a_popup_holds_a_bounded_number_of_quotes():
    text = "".join(f"الجملة رقم {i} عن دمشق.\n" for i in range(40))
    situation = make_situation(text, [("دمشق", DAMASCUS)])
    popup = popups(render(build_map(situation)))[DAMASCUS.place_id]
    assert popup.count('class="geo-quote"') == MAX_POPUP_QUOTES
    assert f"… and {40 - MAX_POPUP_QUOTES:,} more mentions" in popup
    few = popups(render(build_map(seed_like())))[DAMASCUS.place_id]
    assert "more mention" not in few


def test_the_quotes_panel_is_bounded_and_says_so():
    text = "".join(f"الجملة رقم {i} عن دمشق.\n" for i in range(report.MAX_PANEL_QUOTES + 7))
    situation = make_situation(text, [("دمشق", DAMASCUS)])
    html = report.quotes_html(situation, DAMASCUS.place_id)
    assert html.count('class="geo-quote"') == report.MAX_PANEL_QUOTES
    n = report.MAX_PANEL_QUOTES + 7
    assert f"Showing the first {report.MAX_PANEL_QUOTES:,} of {n:,} mentions" in html
    assert report.quotes_html(situation, DAMASCUS.place_id, max_quotes=None).count('class="geo-quote"') == n


def test_statement_pages_cover_the_text_without_splitting_a_mention():
    situation = many_points(400)
    pages = report.statement_pages(situation, page_chars=1000)
    assert pages[0][0] == 0 and pages[-1][1] == len(situation.text)
    assert all(a < b for a, b in pages) and all(b == c for (_, b), (c, _) in zip(pages, pages[1:], strict=False))
    assert all(b - a <= 1000 for a, b in pages)
    for m in situation.mentions:
        assert any(a <= m.start and m.end <= b for a, b in pages), m
    # Each page's HTML highlights exactly the mentions inside it.
    a, b = pages[3]
    html = report.statement_html(situation, a, b)
    inside = [m for m in situation.mentions if a <= m.start < b]
    assert html.count('<mark class="geo-mention') == len(inside) > 0
    assert report.statement_pages(seed_like()) == [(0, len(seed_like().text))]


def test_a_page_boundary_inside_a_long_name_moves_before_it():
    text = "x" * 995 + "Abcdefghij" + " tail" * 10
    place = Place("test:long", "Abcdefghij", "", "town", "SY", 30.0, 35.0)
    situation = make_situation(text, [("Abcdefghij", place)], lang="en")
    pages = report.statement_pages(situation, page_chars=1000)
    assert pages[0] == (0, 995)


def test_situation_place_lookup_is_by_id():
    situation = many_points(300)
    assert situation.place("test:299").place.name == "Town299"
    with pytest.raises(KeyError):
        situation.place("test:300")


def test_big_layer_json_stays_proportional_to_places_not_mentions():
    """A place named 2,000 times adds 5 quotes to the map, not 2,000."""
    text = "".join(f"الجملة رقم {i} عن دمشق.\n" for i in range(2000))
    situation = make_situation(text, [("دمشق", DAMASCUS)])
    payload = json.dumps(place_data(render(build_map(situation))))
    assert len(payload) < 20_000, len(payload)


def test_movements_draw_the_most_travelled_routes_only(gaz):
    """A statement with thousands of routes draws MAX_ARROWS arrows, the busiest, each popup with a few quotes."""
    from collections import Counter

    from newstext import arabic_news

    from geo import geoparse
    from geo.mapview import MAX_ARROWS, movement_css_class, movement_group, movement_popup_html

    situation = geoparse(arabic_news(300_000, gaz), gazetteer=gaz)
    counts = Counter(movement_css_class(mv.from_place_id, mv.to_place_id) for mv in situation.movements)
    assert len(counts) > MAX_ARROWS
    html = render(build_map(situation))
    [blob] = re.findall(r"\}\)\((\{\"arrows\".*?\})\)\.addTo\(", html)
    arrows = json.loads(blob)["arrows"]
    assert len(arrows) == MAX_ARROWS
    drawn = {a["className"].split()[1] for a in arrows}
    assert min(counts[c] for c in drawn) >= max(n for c, n in counts.items() if c not in drawn)
    for a in arrows:
        n = counts[a["className"].split()[1]]
        assert a["popup"].count('class="geo-quote"') == min(n, MAX_POPUP_QUOTES)
        assert ("more</div>" in a["popup"]) is (n > MAX_POPUP_QUOTES)
    # A route named more often than a popup shows: the first quotes, and how many more there are.
    popup = movement_popup_html([situation.movements[0]] * (MAX_POPUP_QUOTES + 3))
    assert popup.count('class="geo-quote"') == MAX_POPUP_QUOTES and "… and 3 more" in popup
    # The layer's label still counts every movement.
    assert f"Movements ({len(situation.movements)})" in movement_group(situation).layer_name


def test_an_ordinary_statement_gets_no_large_statement_note(seed_text):
    """The seed statement (4 KB; Damascus named 11 times, popups show 5 with "… and 6 more") is shown whole: no
    "Large statement, shown in part" note; a place named more often than the quotes panel holds gets one."""
    from dashboard.bigstatement import summary_note
    from geo import geoparse

    assert summary_note(geoparse(seed_text)) is None
    busy = ("Talks in Damascus went on. " * (report.MAX_PANEL_QUOTES + 1)).strip()
    note = summary_note(geoparse(busy))
    assert note is not None and "quotes panel up to" in note
