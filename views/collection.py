"""The Collection view: the statements kept in the store, over time, on one map.

Beside app.py's Statement view (``st.navigation`` at the top of the page; this view is at
``/collection``). What it shows, for the statements in a date range: every place they name,
sized by mentions, the places new in the range ringed in black; a timeline of mentions per
day by layer; a place's history (every quote across statements, newest first, each with a way
to open its statement in the Statement view); the statements with their dates (undated ones
too); downloads as GeoJSON, GeoPackage, CSV and KML. The sidebar adds the current statement or
uploaded files. A store that never had them starts with the bundled statements.

Everything about the data comes from :mod:`geo.store` (the only module that speaks SQL),
:mod:`geo.collection`, :mod:`geo.collectionmap` and :mod:`geo.export`; this module only lays
them out. The store is opened per run (one connection per thread), reads are cached by the
store's generation counter, which every write moves, so a second session's additions show at
the next rerun.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import GeoError, mapview
from geo.collection import SEEDED_KEY, add_situation, export_bytes, reviewed_view, seed_bundled
from geo.collectionmap import (
    NEW_RING,
    collection_bounds,
    collection_layer_data,
    collection_layer_groups,
    new_place_ids,
)
from geo.model import LAYERS, Quote, layer_of
from geo.report import ARABIC_FONTS, escape_untrusted, quote_html
from geo.situation import Situation
from geo.store import MentionOut, PlaceSummary, Selection, StatementRow, open_store, resolve_db_path
from geo.textio import decode_bytes

__all__ = ["run_pages", "collection_page", "Hooks"]

MAP_KEY = "collection_map"
RETURNED = ["last_active_drawing", "last_object_clicked_count"]
#: Statements shown at once in a place's history ("Show more" adds as many again).
HISTORY_STEP = 20
#: Rows of the statements table at most, dated and undated each (the range selects which).
TABLE_ROWS = 500
#: Seconds after a session's first run before the page is completed without waiting for the map.
COMPLETE_PAGE_AFTER_S = 4.0
DOWNLOADS = (("geojson", "GeoJSON (places + movements)", "application/geo+json", ":material/map:"),
             ("gpkg", "GeoPackage (places, mentions, movements)", "application/geopackage+sqlite3",
              ":material/layers:"),
             ("csv", "CSV (per mention)", "text/csv", ":material/table:"),
             ("kml", "KML (places + movements)", "application/vnd.google-earth.kml+xml", ":material/public:"))


@dataclass(frozen=True)
class Hooks:
    """What the view needs from app.py: parse a text as the Statement view does, set up its state, its page."""

    parse: Callable[[str], Situation]
    init_state: Callable[[], bool]
    statement_page: st.Page


def run_pages(statement_main: Callable[[], None], *, parse: Callable[[str], Situation],
              init_state: Callable[[], bool]) -> None:
    """Run the app with two views, the Statement view (app.py's ``main``, the default) and the Collection view."""
    statement = st.Page(statement_main, title="Statement", icon=":material/description:", default=True)
    hooks = Hooks(parse, init_state, statement)

    def collection() -> None:
        collection_page(hooks)

    page = st.Page(collection, title="Collection", icon=":material/timeline:", url_path="collection")
    st.navigation([statement, page], position="top").run()


# -- cached reads (keyed by the store's path and generation: any write by anyone invalidates) ------------
def _sel_key(sel: Selection) -> tuple:
    return (sel.ids, sel.date_from, sel.date_to, sel.include_undated)


def _sel(key: tuple) -> Selection:
    return Selection(ids=key[0], date_from=key[1], date_to=key[2], include_undated=key[3])


@st.cache_resource(max_entries=32, show_spinner=False)
def _summaries(path: str, generation: int, sel: tuple) -> list[PlaceSummary]:
    with open_store(path) as s:
        return list(reviewed_view(s, _sel(sel), summaries_only=True).summaries)  # with the corrections


@st.cache_resource(max_entries=32, show_spinner=False)
def _layer_data(path: str, generation: int, sel: tuple, new: frozenset[str]) -> dict[str, tuple[int, str]]:
    return collection_layer_data(_summaries(path, generation, sel), new=new)


@st.cache_resource(max_entries=16, show_spinner=False)
def _statements(path: str, generation: int, sel: tuple) -> list[StatementRow]:
    with open_store(path) as s:
        return s.statements(_sel(sel))


@st.cache_resource(max_entries=32, show_spinner=False)
def _timeline(path: str, generation: int, sel: tuple) -> pd.DataFrame:
    with open_store(path) as s:
        rows = s.timeline(_sel(sel))
    df = pd.DataFrame(rows, columns=["date", "kind", "mentions"])
    df["layer"] = [layer_of(k).label for k in df["kind"]]
    return df.groupby(["date", "layer"], as_index=False)["mentions"].sum()


@st.cache_resource(max_entries=64, show_spinner=False)
def _history_rows(path: str, generation: int, place_id: str, limit: int) -> tuple[int, int, list[MentionOut]]:
    with open_store(path) as s:
        return s.place_history(place_id, limit=limit)


# -- actions (callbacks: they run before the page is drawn again) ----------------------------------------
def _note(kind: str, text: str) -> None:
    st.session_state.setdefault("coll_notes", []).append((kind, text))


def _md(s: str) -> str:
    """Backslash-escape Markdown's active characters (file names and messages quote user input)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~$-])", r"\\\1", s)


def _added_note(label: str, added) -> None:
    when = added.date or "undated"
    if added.created:
        _note("success", f"{_md(label)}: added as #{added.id} ({when}, {len(added.places)} places).")
    else:
        _note("info", f"{_md(label)}: already in the collection as #{added.id}.")


def _add_current(hooks: Hooks) -> None:
    st.session_state.coll_notes = []
    stmt = st.session_state.get("statement")
    if not stmt:
        _note("error", "No statement is open in the Statement view.")
        return
    try:
        with open_store() as store:
            _added_note(stmt["label"], add_situation(store, hooks.parse(stmt["text"])))
    except GeoError as e:
        _note("error", _md(str(e)))


def _upload_key() -> str:
    return f"coll_upload_{st.session_state.get('coll_upload_gen', 0)}"


def _add_uploads(hooks: Hooks) -> None:
    files = st.session_state.get(_upload_key()) or []
    if not files:
        return
    st.session_state.coll_notes = []
    limit = int(st.get_option("server.maxUploadSize")) * 1024 * 1024
    try:
        with open_store() as store:
            for up in files:
                name = Path(up.name).name
                try:
                    text = decode_bytes(up.getvalue(), max_bytes=limit).text
                    if not text.strip():
                        raise GeoError("the file has only whitespace; nothing to add")
                    _added_note(name, add_situation(store, hooks.parse(text), source=f"upload: {name}"))
                except GeoError as e:  # one bad file is named; the others are still added
                    _note("error", f"{_md(name)}: {_md(str(e))}")
    except GeoError as e:
        _note("error", _md(str(e)))
    # A new key empties the uploader, so the same files can be chosen again later.
    st.session_state.coll_upload_gen = st.session_state.get("coll_upload_gen", 0) + 1


def _remove(sid: int) -> None:
    st.session_state.coll_notes = []
    try:
        with open_store() as store:
            removed = store.remove([sid])
        _note("success" if removed else "info",
              f"Statement #{sid} removed." if removed else f"Statement #{sid} was already gone.")
    except GeoError as e:
        _note("error", _md(str(e)))


def _ask_open(sid: int) -> None:
    st.session_state.coll_open = sid


def _open_statement(hooks: Hooks, sid: int) -> None:
    """Make stored statement ``sid`` the Statement view's current statement and go there."""
    with open_store() as store:
        text = store.text(sid)
        row = store.statement(sid)
    if text is None or row is None:
        _note("error", f"Statement #{sid} is no longer in the collection.")
        return
    hooks.init_state()  # the Statement view's defaults, if this session never opened it
    st.session_state.statement = {"text": text, "label": f"Collection #{sid} ({row.date or 'undated'})",
                                  "stem": f"collection-{sid}"}
    st.session_state.input_error = None
    st.session_state.selected = None
    st.session_state.focus = None
    st.switch_page(hooks.statement_page)


def _on_place(ids: list[str]) -> None:
    st.session_state.coll_history_n = HISTORY_STEP


def _handle_map_value(value: dict | None, ids: set[str]) -> None:
    """A click on a place returns its feature: its place_id selects it (only values not seen before count)."""
    if not value or value == st.session_state.get("coll_last_map_value"):
        return
    st.session_state.coll_last_map_value = value
    pid = ((value.get("last_active_drawing") or {}).get("properties") or {}).get("place_id")
    if pid in ids and pid != st.session_state.get("coll_place"):
        st.session_state.coll_place = pid
        st.session_state.coll_history_n = HISTORY_STEP


# -- layout ----------------------------------------------------------------------------------------------
@st.fragment(run_every=COMPLETE_PAGE_AFTER_S)
def _complete_the_page_later() -> None:
    """As app.py's: the first run shows the map only; if the map never reports, complete the page anyway."""
    st.session_state.coll_first_ticks = st.session_state.get("coll_first_ticks", 0) + 1
    if st.session_state.coll_first_ticks > 1:
        st.rerun()


def _range(lo: str | None, hi: str | None) -> tuple[str | None, str | None]:
    """The chosen date range (the whole range until the slider says otherwise)."""
    if lo is None or hi is None or lo == hi:
        return lo, hi
    full = (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
    value = st.session_state.get("coll_range")
    # A range the store no longer spans (statements added or removed) starts again from the whole range.
    if (not isinstance(value, tuple) or value[0] < full[0] or value[1] > full[1]
            or st.session_state.get("coll_full") != full and value == st.session_state.get("coll_full")):
        st.session_state.coll_range = full
        value = full
    st.session_state.coll_full = full
    return value[0].isoformat(), value[1].isoformat()


def _legend_html(counts: dict[str, int], new: int) -> str:
    items = "".join(
        f'<span style="margin-right:1em;white-space:nowrap"><span style="display:inline-block;width:.8em;'
        f'height:.8em;border-radius:50%;background:{layer.colour};margin-right:.3em"></span>'
        f"{escape_untrusted(layer.label)} ({counts.get(layer.key, 0)})</span>" for layer in LAYERS)
    ring = (f'<span style="white-space:nowrap"><span style="display:inline-block;width:.8em;height:.8em;'
            f'border-radius:50%;border:2px solid {NEW_RING};margin-right:.3em"></span>new in this range ({new})'
            "</span>") if new else ""
    return f'<div class="geo-collection-legend" style="font-size:.85em">{items}{ring}</div>'


def _history_html_head(s: PlaceSummary | None, place_name: str, quotes: int, statements: int) -> str:
    sub = (f"{quotes} quote{'s' if quotes != 1 else ''} in {statements} statement{'s' if statements != 1 else ''},"
           " newest first")
    name_ar = escape_untrusted(s.place.name_ar) if s else ""
    return (f'<div class="geo-history-head"><b>{escape_untrusted(place_name)}</b>'
            f' · <span dir="rtl" lang="ar" style="font-family:{ARABIC_FONTS}">{name_ar}</span>'
            f'<br><small style="color:#555">{sub}</small></div>')


def _history(path: str, gen: int, place_id: str, summary: PlaceSummary | None) -> None:
    shown = st.session_state.get("coll_history_n", HISTORY_STEP)
    n_statements, n_quotes, rows = _history_rows(path, gen, place_id, shown)
    if not rows:
        st.caption("No statement in the collection names this place any more.")
        return
    by_statement: dict[int, list[MentionOut]] = {}
    for m in rows:
        by_statement.setdefault(m.statement_id, []).append(m)
    name = rows[0].place.name if rows[0].place else place_id
    st.html(_history_html_head(summary, name, n_quotes, n_statements))
    for sid, ms in by_statement.items():
        with st.container(key=f"coll_hist_{sid}"):
            source = f" · {escape_untrusted(ms[0].source)}" if ms[0].source else ""
            st.html(f'<div class="geo-history-date"><b>{escape_untrusted(ms[0].date or "undated")}</b>'
                    f" · statement #{sid}{source}</div>")
            st.html("".join(quote_html(Quote(m.sentence, m.mention.start, m.mention.end, m.mention.surface,
                                             m.mention.sentence_start)) for m in ms))
            st.button(f"Open #{sid}", key=f"coll_open_{sid}", on_click=_ask_open, args=(sid,), type="tertiary",
                      help="Open this statement in the Statement view", icon=":material/open_in_new:")
    if n_statements > shown:
        st.button(f"Show {min(HISTORY_STEP, n_statements - shown)} more statements", key="coll_more",
                  on_click=lambda: st.session_state.update(coll_history_n=shown + HISTORY_STEP))


def _sidebar(hooks: Hooks, path: str, sel: Selection) -> None:
    sb = st.sidebar
    sb.header("Add to the collection")
    stmt = st.session_state.get("statement") or {}
    sb.caption(f"Current statement: {stmt.get('label', 'none')}")
    sb.button("Add the current statement", key="coll_add_current", on_click=_add_current, args=(hooks,),
              type="primary", icon=":material/add:")
    sb.file_uploader("…or upload statements (.txt)", type=["txt"], accept_multiple_files=True, key=_upload_key(),
                     on_change=_add_uploads, args=(hooks,),
                     help="Several files at once; each is parsed, dated from its text and kept once.")
    sb.header("Download")
    sb.caption("The places and mentions of the statements in the chosen range.")
    for fmt, label, mime, icon in DOWNLOADS:
        sb.download_button(label, data=lambda fmt=fmt: _export(path, fmt, sel), file_name=f"collection.{fmt}",
                           mime=mime, key=f"coll_dl_{fmt}", on_click="ignore", icon=icon)
    sb.caption(f"Store: `{_md(path)}`")


def _export(path: str, fmt: str, sel: Selection) -> bytes:
    with open_store(path) as store:
        return export_bytes(store, fmt, sel)


def _timeline_chart(df: pd.DataFrame) -> alt.Chart:
    labels = [layer.label for layer in LAYERS]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%d %b %Y", labelAngle=0)),
            y=alt.Y("sum(mentions):Q", title="mentions"),
            color=alt.Color("layer:N", scale=alt.Scale(domain=labels, range=[layer.colour for layer in LAYERS]),
                            legend=alt.Legend(orient="bottom", title=None)),
            order=alt.Order("layer:N"),
            tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), "layer:N", "mentions:Q"],
        )
        .properties(height=180)
    )


def _statements_table(hooks: Hooks, selected: list[StatementRow], total: int) -> None:
    st.subheader("Statements")
    dated = [r for r in reversed(selected) if r.date]  # newest first
    undated = [r for r in selected if not r.date]
    rows = dated[:TABLE_ROWS] + undated[:TABLE_ROWS]
    note = (f"{len(selected)} of the {total} statements are in this range"
            + (", undated ones included" if undated else "") + ": newest first, undated ones last.")
    if len(rows) < len(selected):
        # A grid of 10,000 rows is 2 MB to send and draw; the range (or `python -m geo list`) shows the rest.
        note += (f" Shown: the {min(len(dated), TABLE_ROWS)} newest dated and {min(len(undated), TABLE_ROWS)} "
                 "undated; narrow the range to see the others.")
    st.caption(note + " Select one to open or remove it.")
    df = pd.DataFrame(
        [[r.id, r.date or "", r.date_source or "undated", r.source or "", r.lang, r.places, r.mentions, r.title,
          r.added_at] for r in rows],
        columns=["id", "date", "how dated", "source", "lang", "places", "mentions", "beginning", "added"],
    )
    st.session_state.coll_table_ids = [r.id for r in rows]
    event = st.dataframe(df, key="coll_table", on_select="rerun", selection_mode="single-row", hide_index=True,
                         width="stretch", height=min(420, 38 + 35 * max(1, len(rows))),
                         column_config={"id": st.column_config.NumberColumn("id", format="%d")})
    picked = event.selection.rows if event is not None else []
    if picked and picked[0] < len(rows):
        sid = rows[picked[0]].id
        a, b, _ = st.columns([2, 2, 5])
        a.button(f"Open #{sid} in the Statement view", key="coll_table_open", on_click=_ask_open, args=(sid,),
                 icon=":material/open_in_new:")
        b.button(f"Remove #{sid} from the collection", key="coll_table_rm", on_click=_remove, args=(sid,),
                 icon=":material/delete:")


def collection_page(hooks: Hooks) -> None:
    """Draw the Collection view (one Streamlit run)."""
    hooks.init_state()  # the current statement exists even if this session opened /collection first
    first_run = not st.session_state.get("coll_seen")
    st.session_state.coll_seen = True
    st.title("Collection")
    try:
        path = str(resolve_db_path(None))
        if st.session_state.get("coll_open") is not None:
            _open_statement(hooks, st.session_state.pop("coll_open"))
        with open_store(path) as store:
            if store.meta(SEEDED_KEY) is None:
                with st.spinner("Adding the bundled statements to a new collection…"):
                    seed_bundled(store, hooks.parse)
            gen = store.generation
            lo, hi, undated = store.date_bounds()
            total = store.count()
        _page(hooks, path, gen, lo, hi, undated, total, first_run)
    except GeoError as e:
        st.error(f"The collection cannot be shown: {_md(str(e))}", icon="⚠️")


def _page(hooks: Hooks, path: str, gen: int, lo: str | None, hi: str | None, undated: int, total: int,
          first_run: bool) -> None:
    span = f"{lo} – {hi}" if lo and lo != hi else (lo or "no dates")
    st.caption(f"{total} statement{'s' if total != 1 else ''} · dated {span} · {undated} undated")
    # Containers, so the map keeps its place in the page whatever they hold: an element that moves
    # is a new element to Streamlit, and a new map iframe would reload Leaflet and lose the view.
    with st.container(key="coll_notes_box"):
        for kind, text in st.session_state.get("coll_notes", []):
            getattr(st, kind)(text)
    controls_box = st.container(key="coll_controls")

    date_from, date_to = _range(lo, hi)
    include_undated = st.session_state.get("coll_undated", True)
    ranged = (date_from, date_to) != (lo, hi)
    sel = Selection(date_from=date_from if ranged else None, date_to=date_to if ranged else None,
                    include_undated=include_undated)
    if not ranged and not include_undated:
        sel = Selection(date_from=lo, date_to=hi)  # the whole range, undated statements left out
    if not first_run:
        controls, check = controls_box.columns([4, 1], vertical_alignment="bottom")
        with controls:
            if lo and hi and lo != hi:
                st.slider("Dates", min_value=dt.date.fromisoformat(lo), max_value=dt.date.fromisoformat(hi),
                          key="coll_range", format="YYYY-MM-DD",
                          help="The map, the timeline and the downloads show the statements of these days.")
            elif lo:
                st.caption(f"Every dated statement is from {lo}.")
        check.checkbox("Include undated", key="coll_undated", value=include_undated,
                       help="Statements whose date is unknown, whatever the range.")

    summaries = _summaries(path, gen, _sel_key(sel))
    new = new_place_ids(summaries, date_from) if ranged else frozenset()
    everything = _summaries(path, gen, _sel_key(Selection()))
    center, zoom = mapview.view_for_bounds(collection_bounds(everything))  # the view stays as the range moves
    ids = {s.place.place_id for s in summaries}
    map_col, side = st.columns([7, 3], gap="medium")
    with map_col:
        value = st_folium(
            mapview.base_map(), key=MAP_KEY, height=540, use_container_width=True, returned_objects=RETURNED,
            center=center, zoom=zoom,
            feature_group_to_add=collection_layer_groups(data=_layer_data(path, gen, _sel_key(sel), new)),
            layer_control=mapview.layer_control(),
        )
        _handle_map_value(value, ids)
    if first_run:
        st.sidebar.header("Add to the collection")  # the sidebar's first line: the map's width is final
        _complete_the_page_later()
        return
    counts: dict[str, int] = {}
    for s in summaries:
        counts[layer_of(s.place.kind).key] = counts.get(layer_of(s.place.kind).key, 0) + 1
    with map_col:
        st.html(_legend_html(counts, len(new)))
        if new:
            names = sorted((s for s in summaries if s.place.place_id in new), key=lambda s: -s.mentions)
            listed = ", ".join(s.place.name for s in names[:12]) + (" …" if len(names) > 12 else "")
            st.caption(f"New in this range (never named before {date_from}): {_md(listed)}")
    by_id = {s.place.place_id: s for s in summaries}
    with side:
        options = [s.place.place_id for s in summaries]
        if st.session_state.get("coll_place") not in by_id and st.session_state.get("coll_place") is not None:
            options = [st.session_state.coll_place, *options]  # a place chosen before the range moved
        st.selectbox("Place", [None, *options], key="coll_place", placeholder="Choose a place…",
                     on_change=_on_place, args=(options,),
                     format_func=lambda pid: "Choose a place…" if pid is None else
                     (f"{by_id[pid].place.name} · {by_id[pid].mentions} mentions" if pid in by_id else pid))
        with st.container(key="coll_history", height=470, border=True):
            pid = st.session_state.get("coll_place")
            if pid:
                _history(path, gen, pid, by_id.get(pid))
            else:
                st.caption("Click a place on the map, or choose one here, to read its history: every quote "
                           "across the statements, newest first.")
    st.subheader("Mentions per day")
    df = _timeline(path, gen, _sel_key(sel))
    if df.empty:
        st.caption("No dated statement in this range.")
    else:
        st.altair_chart(_timeline_chart(df), key="coll_timeline", width="stretch")
    _statements_table(hooks, _statements(path, gen, _sel_key(sel)), total)
    _sidebar(hooks, path, sel)
