"""The dashboard's movements (views/movements.py and the arrows passed to st_folium), run with AppTest."""

from __future__ import annotations

from test_app import app, map_args, paste  # noqa: F401 - app is a fixture

from geo import geoparse
from views.movements import COLUMNS, movement_table


def movement_frames(at) -> list:
    # AppTest exposes a dataframe's key only with selections on: found by its columns instead.
    return [d for d in at.dataframe if list(d.value.columns) == COLUMNS]


def movements(at) -> list[list[str]]:
    (frame,) = movement_frames(at)
    return frame.value.values.tolist()


def test_the_seed_statement_lists_its_movements_and_draws_them(app):  # noqa: F811
    rows = movements(app)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("وإعادة", "al-Hol camp", "", "origin only"),
        ("وإعادة", "Roj camp", "", "origin only"),
        ("استعادة", "Iraq", "", "origin only"),
        ("استعادة", "Syria", "", "origin only"),
        ("نقل", "", "Iraq", "destination only"),
    ]
    assert rows[-1][5].startswith("وأعرب أعضاء التحالف")  # the sentence that says it
    args = map_args(app)
    assert "geo-movement-country-iq--none" in args["feature_group"]
    assert "Movements (5)" in args["layer_control"]


def test_a_pasted_statement_replaces_the_movements(app):  # noqa: F811
    paste(app, "Thousands fled from Aleppo to Damascus on Sunday.")
    assert movements(app) == [["fled", "Aleppo", "Damascus", "Thousands", "both",
                               "Thousands fled from Aleppo to Damascus on Sunday."]]
    assert "Movements (1)" in map_args(app)["layer_control"]


def test_no_movement_says_so(app):  # noqa: F811
    paste(app, "Officials met in Baghdad on Monday.")
    assert movement_frames(app) == []
    assert any("no sentence says" in c.value for c in app.main.caption)
    assert "Movements (0)" in map_args(app)["layer_control"]


def test_hostile_text_stays_plain_text_in_the_table(app):  # noqa: F811
    text = "Fighters <img src=x onerror=alert(1)> `${x}` fled from Aleppo to Damascus."
    paste(app, text)
    (row,) = movements(app)
    assert row[5] == text  # shown as text by st.dataframe, not as markup
    assert "<img src=x" not in map_args(app)["feature_group"]


def test_movement_table_columns_without_movements(gaz):
    table = movement_table(geoparse("Nothing moves here.", gazetteer=gaz))
    assert list(table.columns) == COLUMNS and table.empty
