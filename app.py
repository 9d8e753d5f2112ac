"""Situation map dashboard: a thin Streamlit shell over :mod:`geo`.

Inputs live in the sidebar; every input changes the current statement only through
a callback, so a bad input shows an error and leaves the previous statement (and its
map) in place. All HTML comes from :mod:`geo.report` / :mod:`geo.mapview`, which
escape every string taken from the statement.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import bigstatement as big
from geo import KINDS, LAYERS, GeoError, Situation, export, geoparse, load_gazetteer, mapview, report
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
# last_clicked: a click on empty map sets the point of a place being added (views/review.py).
RETURNED = ["last_active_drawing", "last_object_clicked_popup", "last_object_clicked_count", "last_clicked"]

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
    """Parse ``text`` with this session's language and its own places file, if any (a short text only)."""
    user = st.session_state.get("user_places") or {}
    return parse(text, st.session_state.get("lang", "auto"), user.get("data"), user.get("name", ""))


def current_situation() -> Situation:
    """The current statement's situation: kept with it when a worker parsed it, else parsed (cached) here."""
    stmt = st.session_state.statement
    return stmt.get("situation") or parse_current(stmt["text"])


def bundled_statements() -> list[str]:
    return sorted(p.name for p in STATEMENTS.glob("*.txt"))


def upload_limit_mb() -> int:
    """The limit in MB of 1,000,000 bytes, as the browser's uploader counts them (``server.maxUploadSize``).

    The app enforces the same number of bytes itself on files and on pasted text
    (``dashboard.bigstatement.limit_bytes``), so no path skips it.
    """
    return big.limit_mb()


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
    """Make ``text`` current if it parses; otherwise keep the previous one and record the error.

    A long text is parsed by a worker process: if it is not done within a second or two, it
    becomes *pending* (main() shows its progress and preview) and the previous statement stays.
    """
    st.session_state.input_note = big.replacement_note(text)
    if len(text) > big.IN_PROCESS_MAX_CHARS:
        user = st.session_state.get("user_places") or {}
        job = big.pool().submit(text, lang=st.session_state.get("lang", "auto"), places=user.get("data"),
                                places_name=user.get("name", ""))
        job.wait_for_something_to_show(big.SYNC_WAIT_S)  # a short one is done by then; a long one previewed
        st.session_state.pending = {"key": job.key, "text": text, "label": label, "stem": stem, "seen": -1}
        st.session_state.input_error = None
        _take_pending()
        return
    try:
        parse_current(text)
    except GeoError as e:
        st.session_state.input_error = f"{label}: {e}"
        return
    _make_current({"text": text, "label": label, "stem": stem})


def _make_current(stmt: dict, *, keep_selection: bool = False) -> None:
    st.session_state.statement = stmt
    st.session_state.pending = None
    st.session_state.input_error = None
    if not keep_selection:  # (a place chosen on a preview stays chosen when the whole map arrives)
        st.session_state.selected = None
        st.session_state.focus = None


def _take_pending() -> big.ParseJob | None:
    """Settle the pending statement: current when its job is done, an error when it failed; else its job."""
    pending = st.session_state.get("pending")
    if not pending:
        return None
    job = big.pool().get(pending["key"])
    if job is None:  # the pool forgot it (a restart): start it again
        user = st.session_state.get("user_places") or {}
        job = big.pool().submit(pending["text"], lang=st.session_state.get("lang", "auto"),
                                places=user.get("data"), places_name=user.get("name", ""))
        pending["key"] = job.key
    if job.state == "done":
        _make_current({**{k: pending[k] for k in ("text", "label", "stem")}, "situation": job.result},
                      keep_selection=True)
        return None
    if job.state == "failed":
        st.session_state.pending = None
        st.session_state.input_error = (f"{pending['label']}: {md_escape(job.error or 'the parse failed')}; "
                                        "the previous statement stays")
        return None
    return job


def _reparse_if_long() -> None:
    """The language or the places changed: a statement parsed by a worker is parsed again with them."""
    stmt = st.session_state.statement
    if stmt.get("situation") is not None:
        _set_statement(stmt["text"], stmt["label"], stmt["stem"])


def _init_state() -> bool:
    """Set up a new session's state; True on the session's first run (nothing was there yet)."""
    if "statement" in st.session_state:
        return False
    st.session_state.input_error = None
    st.session_state.input_note = None
    st.session_state.pending = None
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
    # Lone surrogates (half an emoji) cannot be encoded: repaired as U+FFFD, and the note says so.
    text, _repaired = big.repair_surrogates(text)
    error = big.size_error(len(text.encode("utf-8")), "it")  # in UTF-8, as a file of it would be
    if error is None and len(text) >= big.limit_bytes():  # the box holds no more: the end may be missing
        error = (f"it fills the paste box ({len(text):,} characters), so its end may be cut off; "
                 "upload it as a file instead")
    if error:
        st.session_state.input_error = f"Pasted text: {error}"
        return
    if len(text) > big.IN_PROCESS_MAX_CHARS:
        # A long paste is not kept in the box: every rerun would send it back to the server.
        st.session_state.paste_text = ""
    _set_statement(text, f"Pasted text ({len(text):,} characters)", "pasted")


def on_upload() -> None:
    up = st.session_state.get("upload")
    if up is None:  # the user removed the file: keep what is shown
        return
    stem = safe_stem(up.name)
    data = up.getvalue()
    too_big = big.size_error(len(data))
    if too_big:
        st.session_state.input_error = f"Upload {md_escape(repr(stem))}: {too_big}"
        return
    try:
        decoded = decode_bytes(data, max_bytes=big.limit_bytes())
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
    _reparse_if_long()


def on_places_clear() -> None:
    st.session_state.user_places = None
    st.session_state.places_generation = st.session_state.get("places_generation", 0) + 1
    st.session_state.input_error = None
    _reparse_if_long()


def on_lang() -> None:
    st.session_state.selected = None
    st.session_state.focus = None
    _reparse_if_long()


def handle_map_value(value: dict | None, ids: list[str], raw: Situation, situation: Situation) -> None:
    """A click on a place returns its GeoJSON feature: its place_id selects it (the map does not move).
    A click on a review candidate's marker chooses that candidate (views/review.py).

    A click on empty map, while a place is being added, sets its point (views/review.py); it selects nothing.

    The component's value persists across reruns, so only a value not seen before counts.
    """
    previous = st.session_state.get("last_map_value")
    if not value or value == previous:
        return
    st.session_state.last_map_value = value
    point = mapview.empty_map_click(value, previous)
    if point is not None:  # the feature in the value is the last one clicked before: not clicked now
        if review_view.on_map_point(point):
            st.rerun()
        return
    feature = value.get("last_active_drawing") or {}
    props = feature.get("properties") or {}
    if review_view.on_map_click(props, raw, situation, gazetteer().get):
        st.rerun()
    pid = props.get("place_id")
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
    # max_chars keeps a paste within the size the browser may send (server.maxWidgetStateSize).
    sb.text_area("…or paste a statement", key="paste_text", height=140, max_chars=big.limit_bytes(),
                 placeholder="Arabic or English text")
    with sb:
        st.html(big.SURROGATE_GUARD, unsafe_allow_javascript=True)  # our own script; see dashboard.bigstatement
    sb.button("Map pasted text", key="paste_go", on_click=on_paste, type="primary")
    sb.file_uploader("…or upload a .txt file", type=["txt"], key="upload", on_change=on_upload,
                     help=f"Plain text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6, at most {big.limit_label()}")
    sb.caption(f"Plain-text files (and pastes) up to {big.limit_label()}.")
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
            layered = gazetteer_with(user["data"], user["name"])
            added = len(layered) - len(gazetteer())
            st.caption(f"{md_escape(user['name'])}: {plural(added, 'new place')} in use "
                       "(places with a known id replace the gazetteer's).")
            if layered.warnings:  # replaced places, everyday-word names read only after a cue (as the CLI says)
                st.warning("\n".join(f"- {md_escape(w)}" for w in layered.warnings), icon="⚠️")
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


def downloads(situation: Situation, stem: str, container, reviewed) -> None:
    # Callables: the files are built only when clicked, and on_click="ignore" keeps the map as it is.
    # The review fields (reviewed, corrected_by, ...) as the collection's exports have them (geo.export).
    review = export.review_index(reviewed.mentions)
    container.download_button("GeoJSON (places)", data=lambda: json.dumps(
                                  export.reviewed_feature_collection(situation, review), ensure_ascii=False,
                                  indent=2),
                              file_name=f"{stem}.geojson", mime="application/geo+json", key="dl_geojson",
                              on_click="ignore", icon=":material/map:")
    container.download_button("CSV (per place)", data=lambda: report.places_csv(situation, review).encode("utf-8-sig"),
                              file_name=f"{stem}-places.csv", mime="text/csv", key="dl_places_csv",
                              on_click="ignore", icon=":material/table:")
    container.download_button("CSV (per mention)",
                              data=lambda: report.mentions_csv(situation, review).encode("utf-8-sig"),
                              file_name=f"{stem}-mentions.csv", mime="text/csv", key="dl_mentions_csv",
                              on_click="ignore", icon=":material/table:")
    container.download_button("HTML map (works offline)",
                              data=lambda: mapview.map_html_standalone(situation).encode("utf-8"),
                              file_name=f"{stem}-map.html", mime="text/html", key="dl_html",
                              on_click="ignore", icon=":material/public:")


def main() -> None:
    first_run = _init_state()
    big.pool()  # the first session starts the parse workers' server (it loads the gazetteer meanwhile)
    job = _take_pending()
    shown = job.version if job is not None else 0  # read before the preview: news from now on reruns the page
    stmt = st.session_state.statement
    raw = current_situation()
    preview = job.preview if job is not None else None
    if preview is not None:  # a long statement being mapped: its beginning is shown meanwhile
        raw = preview
        stmt = {**st.session_state.pending, "label": f"Preview of {st.session_state.pending['label']}"}
    situation, reviewed = review_view.corrected(raw, gazetteer().get)  # the analyst's corrections (views/review.py)

    st.title("Situation map")
    # The caption and the messages that come and go share one container that is always there: an
    # element added before the map would move it, and a moved component reloads its iframe (Leaflet,
    # the places, the user's view). With no message the page is laid out as with the caption alone.
    with st.container(key="head"):
        st.caption(
            f"{stmt['label']} · language: {LANG_LABELS.get(situation.lang, situation.lang)} · "
            f"{plural(len(situation.places), 'place')} · {plural(len(situation.mentions), 'mention')} · "
            f"{len(situation.unlocated)} unlocated"
        )
        if st.session_state.input_error:
            st.error(st.session_state.input_error, icon="⚠️")
        if job is not None:
            st.info(big.pending_message(job, md_escape(st.session_state.pending["label"])), icon="⏳")
            st.session_state.pending["seen"] = job.version
            big.watch_pending(job.key, job.version)
            clock = st.empty()
        if st.session_state.get("input_note"):
            st.info(st.session_state.input_note, icon="ℹ️")
        note = big.summary_note(situation)
        if note:
            st.caption(note)

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
                                  mapview.movement_group(situation),
                                  *filter(None, [review_view.map_candidates(situation),
                                                 review_view.map_new_point()])],
            layer_control=mapview.layer_control(),
        )
        handle_map_value(value, ids, raw, situation)
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
        options = ids[: big.MAX_TABLE_ROWS]
        if st.session_state.selected and st.session_state.selected not in options:
            options.append(st.session_state.selected)  # chosen on the map, beyond the listed ones
        st.selectbox("Place", [None, *options], key="selected", on_change=on_select_box, placeholder="Choose a place…",
                     format_func=lambda pid: "Choose a place…" if pid is None
                     else f"{situation.place(pid).place.name} · {situation.place(pid).place.name_ar}")
        with st.container(key="quotes_panel", height=330, border=True):
            if st.session_state.selected:
                st.html(report.quotes_html(situation, st.session_state.selected))
            else:
                st.caption("Click a place on the map, or choose one here or in the table, to read its quotes.")
        st.markdown("**Download**")
        if preview is None:
            downloads(situation, stmt["stem"], st, reviewed)
        else:
            st.caption("The downloads come when the whole statement is mapped.")

    st.subheader("Places")
    rows = report.place_rows(situation)[: big.MAX_TABLE_ROWS]
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
        big.statement_view(situation)
    with unl_col:
        st.subheader("Unlocated mentions")
        unlocated = big.unlocated_rows(situation)
        if unlocated:
            st.dataframe(unlocated, hide_index=True, width="stretch", key="unlocated_table")
        else:
            st.caption("None: every place-like mention was found in the gazetteer.")
    if job is not None:  # last: the page is drawn; this run now waits for the statement being mapped
        big.wait_for_news(job, shown, clock)


# Two views: this Statement view (the default) and the Collection view (views/collection.py, at /collection).
from views.collection import run_pages  # noqa: E402

run_pages(main, parse=parse_current, init_state=_init_state)
