"""Situation map dashboard: a thin Streamlit shell over :mod:`geo`.

Inputs live in the sidebar; every input changes the current statement only through
a callback, so a bad input shows an error and leaves the previous statement (and its
map) in place. All HTML comes from :mod:`geo.report` / :mod:`geo.mapview`, which
escape every string taken from the statement.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import KINDS, LAYERS, GeoError, Situation, geoparse, load_gazetteer, mapview, report
from geo.textio import decode_bytes
from views import movements as movements_view
from views import review as review_view

ROOT = Path(__file__).resolve().parent
STATEMENTS = ROOT / "data" / "statements"
DEFAULT_STATEMENT = "statement-2026-02-09-riyadh.ar.txt"
LANG_CHOICES = ("auto", "ar", "en")
LANG_LABELS = {"auto": "Auto-detect", "ar": "Arabic", "en": "English"}
MAP_KEY = "situation_map"
SIDEBAR_TITLE = "Statement"
#: Seconds after a session's first run before the page is completed without waiting for the map any longer.
COMPLETE_PAGE_AFTER_S = 4.0
# The count changes on every click on a place, so clicking the same place again still reruns.
RETURNED = ["last_active_drawing", "last_object_clicked_popup", "last_object_clicked_count"]

st.set_page_config(page_title="Situation map", page_icon="🗺️", layout="wide")


# -- cached loaders ----------------------------------------------------------------------------------
@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer():
    """One immutable gazetteer shared by every session (built once, cached on disk under .cache/)."""
    return load_gazetteer()


@st.cache_resource(max_entries=16, show_spinner=False)
def gazetteer_with(places: bytes, name: str):
    """The shared gazetteer with a user's places file laid over it (a small copy-on-write layer)."""
    return gazetteer().with_places_geojson(places, name=name)


@st.cache_resource(max_entries=64, show_spinner=False)
def parse(text: str, lang: str, places: bytes | None = None, places_name: str = "") -> Situation:
    """Situations are immutable, so sessions can share them without copies."""
    gaz = gazetteer() if places is None else gazetteer_with(places, places_name)
    return geoparse(text, lang=lang, gazetteer=gaz)


def parse_current(text: str) -> Situation:
    """Parse ``text`` with this session's language and its own places file, if any."""
    user = st.session_state.get("user_places") or {}
    return parse(text, st.session_state.get("lang", "auto"), user.get("data"), user.get("name", ""))


def bundled_statements() -> list[str]:
    return sorted(p.name for p in STATEMENTS.glob("*.txt"))


def upload_limit_mb() -> int:
    """The upload limit in MB as Streamlit counts them (MiB): ``server.maxUploadSize`` in .streamlit/config.toml.

    Streamlit's uploader refuses larger files in the browser; the app enforces the same limit
    on the bytes it is given (``decode_bytes(max_bytes=...)``), so no path skips it.
    """
    return int(st.get_option("server.maxUploadSize"))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def md_escape(s: str) -> str:
    """Backslash-escape Markdown's active characters (st.caption and st.error render Markdown)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~$-])", r"\\\1", s)


def safe_stem(name: str) -> str:
    """A file name from the user, reduced to something safe to show and to reuse in download names."""
    stem = re.sub(r"[^\w.-]+", "-", Path(name).stem, flags=re.UNICODE).strip("-._")
    return (stem or "statement")[:60]


# -- state -------------------------------------------------------------------------------------------
def _set_statement(text: str, label: str, stem: str) -> None:
    """Make ``text`` current if it parses; otherwise keep the previous one and record the error."""
    try:
        parse_current(text)
    except GeoError as e:
        st.session_state.input_error = f"{label}: {e}"
        return
    st.session_state.statement = {"text": text, "label": label, "stem": stem}
    st.session_state.input_error = None
    st.session_state.selected = None
    st.session_state.focus = None


def _init_state() -> bool:
    """Set up a new session's state; True on the session's first run (nothing was there yet)."""
    if "statement" in st.session_state:
        return False
    st.session_state.input_error = None
    st.session_state.selected = None
    st.session_state.focus = None
    st.session_state.user_places = None
    for layer in LAYERS:
        st.session_state.setdefault(f"layer_{layer.key}", True)
    st.session_state.setdefault("online_tiles", False)
    path = STATEMENTS / DEFAULT_STATEMENT
    st.session_state.bundled = DEFAULT_STATEMENT
    st.session_state.statement = {"text": path.read_text(encoding="utf-8"), "label": DEFAULT_STATEMENT,
                                  "stem": path.stem}
    return True


def on_bundled() -> None:
    name = st.session_state.bundled
    _set_statement((STATEMENTS / name).read_text(encoding="utf-8"), name, Path(name).stem)


def on_paste() -> None:
    text = st.session_state.get("paste_text", "")
    if not text.strip():
        st.session_state.input_error = "Pasted text: nothing to map; paste a statement first"
        return
    _set_statement(text, f"Pasted text ({len(text)} characters)", "pasted")


def on_upload() -> None:
    up = st.session_state.get("upload")
    if up is None:  # the user removed the file: keep what is shown
        return
    stem = safe_stem(up.name)
    try:
        decoded = decode_bytes(up.getvalue(), max_bytes=upload_limit_mb() * 1024 * 1024)
    except GeoError as e:
        st.session_state.input_error = f"Upload {md_escape(repr(stem))}: {e}"
        return
    if not decoded.text.strip():  # as for pasted text: a blank file must not replace the statement
        st.session_state.input_error = f"Upload {md_escape(repr(stem))}: the file has only whitespace; nothing to map"
        return
    _set_statement(decoded.text, f"Upload {md_escape(stem)} ({decoded.encoding})", stem)


def places_uploader_key() -> str:
    """The places uploader's key: a new one empties the widget when the user stops using the places."""
    return f"places_upload_{st.session_state.get('places_generation', 0)}"


def on_places_upload() -> None:
    """A places file (GeoJSON) of the user's: its places are found in every statement from now on.

    A bad file leaves the places in use as they were. The uploader also reports None while one file
    replaces another in the browser, so only the "Stop using" button removes places.
    """
    up = st.session_state.get(places_uploader_key())
    if up is None:
        return
    name = safe_stem(up.name) + Path(up.name).suffix.lower()[:8]
    data = up.getvalue()
    try:
        gazetteer_with(data, name)  # reads and checks the file (cached for the parses that follow)
    except GeoError as e:
        # The message quotes the file's own ids and names: escaped, so Markdown renders none of it.
        st.session_state.input_error = f"Your places {md_escape(repr(name))}: {md_escape(str(e))}"
        return
    st.session_state.user_places = {"name": name, "data": data}
    st.session_state.input_error = None


def on_places_clear() -> None:
    st.session_state.user_places = None
    st.session_state.places_generation = st.session_state.get("places_generation", 0) + 1
    st.session_state.input_error = None


def on_lang() -> None:
    st.session_state.selected = None
    st.session_state.focus = None


def handle_map_value(value: dict | None, ids: list[str]) -> None:
    """A click on a place returns its GeoJSON feature: its place_id selects it (the map does not move).

    The component's value persists across reruns, so only a value not seen before counts.
    """
    if not value or value == st.session_state.get("last_map_value"):
        return
    st.session_state.last_map_value = value
    feature = value.get("last_active_drawing") or {}
    pid = (feature.get("properties") or {}).get("place_id")
    if pid in ids:
        st.session_state.selected = pid


def on_table_select() -> None:
    rows = st.session_state.places_table.selection.rows
    if rows:
        pid = st.session_state.table_ids[rows[0]]
        st.session_state.selected = pid
        st.session_state.focus = pid


def on_select_box() -> None:
    st.session_state.focus = st.session_state.selected


# -- layout ------------------------------------------------------------------------------------------
@st.fragment(run_every=COMPLETE_PAGE_AFTER_S)
def _complete_the_page_later() -> None:
    """Safety net of a session's first run: rerun the whole script if nothing else did.

    The first call is part of that first run; a second one means its timer fired, i.e. the
    map never reported (a broken map iframe, or a streamlit-folium that stopped reporting).
    Later runs do not call this fragment, and Streamlit then stops its timer.
    """
    st.session_state.first_run_ticks = st.session_state.get("first_run_ticks", 0) + 1
    if st.session_state.first_run_ticks > 1:
        st.rerun()


def chosen_layers() -> list[str]:
    """Layer keys ticked in the sidebar (read from session state: the map is drawn before the sidebar)."""
    return [layer.key for layer in LAYERS if st.session_state.get(f"layer_{layer.key}", True)]


def chosen_tiles() -> str | None:
    return "OpenStreetMap" if st.session_state.get("online_tiles", False) else None


def sidebar(situation: Situation) -> None:
    sb = st.sidebar
    sb.header(SIDEBAR_TITLE)
    sb.selectbox("Bundled statement", bundled_statements(), key="bundled", on_change=on_bundled)
    sb.text_area("…or paste a statement", key="paste_text", height=140,
                 placeholder="Arabic or English text")
    sb.button("Map pasted text", key="paste_go", on_click=on_paste, type="primary")
    sb.file_uploader("…or upload a .txt file", type=["txt"], key="upload", on_change=on_upload,
                     help=f"Plain text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6, at most {upload_limit_mb()} MB")
    sb.caption(f"Plain-text files up to {upload_limit_mb()} MB.")
    sb.radio("Language", LANG_CHOICES, key="lang", horizontal=True, format_func=LANG_LABELS.get,
             on_change=on_lang, help="Auto-detect, or force the rules of one language")
    with sb.expander("Your places", expanded=st.session_state.get("user_places") is not None):
        st.file_uploader(
            "Places the gazetteer lacks (GeoJSON)", type=["geojson", "json"], key=places_uploader_key(),
            on_change=on_places_upload,
            help="A FeatureCollection of points or polygons with properties id, name and kind "
                 f"({', '.join(KINDS)}), and optionally name_ar, aliases_en, aliases_ar (lists), "
                 "country_code. Found in every statement while loaded.")
        user = st.session_state.get("user_places")
        if user is not None:
            added = len(gazetteer_with(user["data"], user["name"])) - len(gazetteer())
            st.caption(f"{md_escape(user['name'])}: {plural(added, 'new place')} in use "
                       "(places with a known id replace the gazetteer's).")
            st.button("Stop using these places", key="places_clear", on_click=on_places_clear)

    sb.header("Layers")
    counts = situation.layer_counts()
    # Our own CSS (no statement text): a dot in the layer's colour before each checkbox label.
    css = "".join(
        f".st-key-layer_{layer.key} label p::before{{content:'';display:inline-block;width:.85em;"
        f"height:.85em;border-radius:50%;background:{layer.colour};margin-right:.45em;vertical-align:-.05em}}"
        for layer in LAYERS
    )
    st.html(f"<style>{css}</style>")
    for layer in LAYERS:
        sb.checkbox(f"{layer.label} ({counts[layer.key]})", key=f"layer_{layer.key}")
    with sb.expander("Legend", expanded=False):
        st.html(report.legend_html(counts))
    sb.toggle("Online basemap (OpenStreetMap)", key="online_tiles",
              help="Off: the map uses only local files. On: tiles are fetched from openstreetmap.org.")


def downloads(situation: Situation, stem: str, container) -> None:
    # Callables: the files are built only when clicked, and on_click="ignore" keeps the map as it is.
    container.download_button("GeoJSON (places)", data=lambda: situation.to_geojson_str(indent=2),
                              file_name=f"{stem}.geojson", mime="application/geo+json", key="dl_geojson",
                              on_click="ignore", icon=":material/map:")
    container.download_button("CSV (per place)", data=lambda: report.places_csv(situation).encode("utf-8-sig"),
                              file_name=f"{stem}-places.csv", mime="text/csv", key="dl_places_csv",
                              on_click="ignore", icon=":material/table:")
    container.download_button("CSV (per mention)",
                              data=lambda: report.mentions_csv(situation).encode("utf-8-sig"),
                              file_name=f"{stem}-mentions.csv", mime="text/csv", key="dl_mentions_csv",
                              on_click="ignore", icon=":material/table:")
    container.download_button("HTML map (works offline)",
                              data=lambda: mapview.map_html_standalone(situation).encode("utf-8"),
                              file_name=f"{stem}-map.html", mime="text/html", key="dl_html",
                              on_click="ignore", icon=":material/public:")


def main() -> None:
    first_run = _init_state()
    stmt = st.session_state.statement
    raw = parse_current(stmt["text"])
    situation, reviewed = review_view.corrected(raw, gazetteer().get)  # the analyst's corrections (views/review.py)

    st.title("Situation map")
    st.caption(
        f"{stmt['label']} · language: {LANG_LABELS.get(situation.lang, situation.lang)} · "
        f"{plural(len(situation.places), 'place')} · {plural(len(situation.mentions), 'mention')} · "
        f"{len(situation.unlocated)} unlocated"
    )
    if st.session_state.input_error:
        st.error(st.session_state.input_error, icon="⚠️")

    ids = [sp.place.place_id for sp in situation.places]
    if st.session_state.selected not in ids:
        st.session_state.selected = None
    if st.session_state.focus not in ids:
        st.session_state.focus = None

    map_col, side_col = st.columns([7, 3], gap="medium")
    with map_col:
        # The map goes out first (on a session's first run, nearly alone: see below).
        # The base map depends only on the tiles choice, so the component (and its iframe) stays
        # when the statement, the layers or the selection change; the places come in as
        # feature groups and the view as centre/zoom, which streamlit-folium applies in place.
        if st.session_state.focus:
            center, zoom = mapview.focus_view(situation, st.session_state.focus)
        else:
            center, zoom = mapview.initial_view(situation, layers=chosen_layers())
        value = st_folium(
            mapview.base_map(tiles=chosen_tiles()), key=MAP_KEY, height=560, use_container_width=True,
            returned_objects=RETURNED, center=center, zoom=zoom,
            feature_group_to_add=[*mapview.layer_groups(situation, layers=chosen_layers()),
                                  mapview.movement_group(situation)],
            layer_control=mapview.layer_control(),
        )
        handle_map_value(value, ids)
    if first_run:
        # A new session's first run shows the map and stops; the controls, the downloads, the table
        # and the statement come with the next run. Why: on a fresh page the browser reveals the
        # map's iframe in the same React commit as every other widget type new to the page (data
        # grid, uploader, selectboxes, ...), and on 2 cores the map waited about a second for them
        # (measured; README, Benchmarks). The next run costs nothing extra: streamlit-folium
        # reports the map's state once the map is drawn, and that reran the whole script anyway.
        st.sidebar.header(SIDEBAR_TITLE)  # the sidebar's first line: the layout, so the map's width, is final
        _complete_the_page_later()
        return
    sidebar(situation)
    with side_col:
        # A None value shows the placeholder, not format_func(None): both say the same.
        st.selectbox("Place", [None, *ids], key="selected", on_change=on_select_box, placeholder="Choose a place…",
                     format_func=lambda pid: "Choose a place…" if pid is None
                     else f"{situation.place(pid).place.name} · {situation.place(pid).place.name_ar}")
        with st.container(key="quotes_panel", height=330, border=True):
            if st.session_state.selected:
                st.html(report.quotes_html(situation, st.session_state.selected))
            else:
                st.caption("Click a place on the map, or choose one here or in the table, to read its quotes.")
        st.markdown("**Download**")
        downloads(situation, stmt["stem"], st)

    st.subheader("Places")
    rows = report.place_rows(situation)
    st.session_state.table_ids = [r["place_id"] for r in rows]
    columns = ["name", "name_ar", "kind", "country", "mentions", "confidence", "why", "lat", "lon"]
    table = pd.DataFrame(
        [[r["name"], r["name_ar"], r["kind"], r["country_code"], r["mentions"], r["confidence"], r["reason"],
          r["lat"], r["lon"]] for r in rows],
        columns=columns,  # explicit, so a statement without places still shows the table's header
    )
    st.dataframe(
        table, key="places_table", on_select=on_table_select, selection_mode="single-row", hide_index=True,
        width="stretch",
        column_config={
            "name": "Name", "name_ar": "Arabic name", "kind": "Kind", "country": "Country",
            "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
            "confidence": st.column_config.ProgressColumn("Confidence", min_value=0.0, max_value=1.0,
                                                          format="%.2f"),
            "why": "Why", "lat": st.column_config.NumberColumn("Lat", format="%.4f"),
            "lon": st.column_config.NumberColumn("Lon", format="%.4f"),
        },
    )

    movements_view.show(situation)
    with st.expander("Review and correct", icon=":material/rate_review:"):
        review_view.panel(raw, situation, reviewed, lambda q: gazetteer().search(q, limit=15), gazetteer().get)

    text_col, unl_col = st.columns([7, 3], gap="medium")
    with text_col:
        st.subheader("Statement")
        st.html(report.statement_html(situation))
    with unl_col:
        st.subheader("Unlocated mentions")
        unlocated = report.unlocated_rows(situation)
        if unlocated:
            st.dataframe([{"mention": u["surface"], "cue": u["cue"], "why": u["reason"]} for u in unlocated],
                         hide_index=True, width="stretch", key="unlocated_table")
        else:
            st.caption("None: every place-like mention was found in the gazetteer.")


# Two views: this Statement view (the default) and the Collection view (views/collection.py, at /collection).
from views.collection import run_pages  # noqa: E402

run_pages(main, parse=parse_current, init_state=_init_state)
