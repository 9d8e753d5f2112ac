"""Review and correct in the Statement view: reject a place, choose another candidate or any gazetteer place,
add a mention the parser missed, mark the statement reviewed, undo.

Corrections are kept in the collection's store (:mod:`geo.store`), keyed by the statement's text, so they
apply whether or not the statement was added to the collection, after a restart and after a new parse.
What they do is :mod:`geo.review`'s; this module only lays out the controls. app.py calls
:func:`corrected` on the parsed statement before drawing it, and :func:`panel` under the map.
"""

from __future__ import annotations

import getpass
import math
from collections.abc import Callable, Hashable

import streamlit as st

from geo import GeoError
from geo.collection import place_row
from geo.errors import InputError
from geo.mapview import candidate_group, new_point_group
from geo.memo import per_object
from geo.model import KINDS, Candidate, Place
from geo.review import Applied, apply_to_situation, correction_from_row, parse_span, user_place
from geo.situation import Situation
from geo.store import open_store, resolve_db_path, text_sha256

__all__ = ["corrected", "panel", "SCOPES", "map_candidates", "on_map_click", "candidates_of", "adding",
           "on_map_point", "map_new_point"]

#: The scope selector's choices: label → the store's scope.
SCOPES = {"This mention": "mention", "Every mention of this name in this statement": "statement",
          "This name in every statement (also those added later)": "everywhere"}


def _who() -> str:
    who = (st.session_state.get("review_who") or "").strip()
    if who:
        return who
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "local user"


def corrected(situation: Situation, lookup: Callable[[str], Place | None] | None = None) -> tuple[Situation, Applied]:
    """The statement with the store's corrections applied (the parser's result if the store cannot be read)."""
    try:
        if not resolve_db_path().exists():
            rows = []  # no store yet: nothing corrected (the first correction creates it)
        else:
            with open_store(create=False) as store:
                rows = store.corrections(statement_sha256=text_sha256(situation.text))
    except GeoError as e:
        st.warning(f"Corrections could not be read: {e}", icon="⚠️")
        rows = []
    def safe(place_id: str) -> Place | None:
        # A user's own point (or a place of a file no longer loaded) is not in the gazetteer: its snapshot serves.
        try:
            return lookup(place_id) if lookup is not None else None
        except GeoError:
            return None

    # Once per parsed statement and set of corrections, not at every rerun: the result is a new Situation,
    # and the map's layers and the statement's pages are built once per Situation (geo.memo). On a big
    # statement (a hundred thousand mentions) both would otherwise cost seconds at every click.
    # Keyed on every field of every row: two stores (another --db, a new file) number their corrections from 1 and
    # stamp them to the second, so an id and a time alone would hand one store's corrections to the other's view.
    key = ("corrected", tuple(tuple(sorted((k, v) for k, v in r.items() if isinstance(v, Hashable)))
                              for r in sorted(rows, key=lambda r: r["id"])))
    return per_object(situation, key, lambda: apply_to_situation(situation, [correction_from_row(r) for r in rows],
                                                                 safe))


def _record(**kw) -> bool:
    """Store one correction; whether it was stored (the message for the panel either way)."""
    try:
        with open_store() as store:
            cid = store.add_correction(author=_who(), **kw)
        st.session_state.review_note = ("success", f"Saved as correction {cid}.")
        return True
    except GeoError as e:
        st.session_state.review_note = ("error", str(e))
        return False


def _undo(cid: int) -> None:
    try:
        with open_store() as store:
            ok = store.undo_correction(cid, author=_who())
        st.session_state.review_note = ("success", f"Correction {cid} undone.") if ok else \
            ("error", f"Correction {cid} was already undone.")
    except GeoError as e:
        st.session_state.review_note = ("error", str(e))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def candidates_of(shown: Situation, pid: str) -> dict[str, Candidate]:
    """The parser's other readings of place ``pid``'s mentions (the place itself left out), best first."""
    sp = shown.place(pid)
    return {c.place_id: c for m in sp.mentions for c in m.candidates if c.place_id != pid}


def _km_notes(shown: Situation, pid: str, cands: dict[str, Candidate]) -> dict[str, str]:
    others = [(o.place.lat, o.place.lon) for o in shown.places if o.place.place_id != pid]
    if not others:
        return {}
    return {cid: f"{min(_km((c.lat, c.lon), o) for o in others):.0f} km from the others" for cid, c in cands.items()}


def _scope() -> str:
    """The scope chosen in the panel (its first choice until the panel has been drawn)."""
    return SCOPES.get(st.session_state.get("review_scope") or "", "mention")


def _choose(raw: Situation, shown: Situation, pid: str, place: Place, scope: str) -> None:
    """Record "``pid`` is ``place``" for the first mention of ``pid`` (the name, for the wider scopes)."""
    first = shown.place(pid).mentions[0]
    sha = None if scope == "everywhere" else text_sha256(raw.text)
    _record(scope=scope, action="choose", statement_sha256=sha, start=first.start, end=first.end,
            span_text=first.surface, old_place_id=pid, place=place_row(place))


def map_candidates(shown: Situation):
    """The faint markers of the candidates of the place chosen in the panel, or ``None`` (no place chosen, or
    it has no other candidate): a layer for the map, drawn before the panel (app.py)."""
    pid = st.session_state.get("review_place")
    if pid is None or pid not in {sp.place.place_id for sp in shown.places}:
        return None
    cands = candidates_of(shown, pid)
    return candidate_group(pid, cands.values(), notes=_km_notes(shown, pid, cands)) if cands else None


def on_map_click(props: dict, raw: Situation, shown: Situation, get: Callable[[str], Place]) -> bool:
    """A click on a candidate's marker chooses it for the place under review, in the panel's scope.

    Returns whether the click was on a candidate (the caller then reruns, so the map shows the correction).
    The place chosen becomes the one under review, so its own candidates (the old place among them) show.
    """
    cid, of = props.get("candidate_id"), props.get("candidate_of")
    if not cid or of != st.session_state.get("review_place") or of not in {p.place.place_id for p in shown.places}:
        return False
    if cid not in candidates_of(shown, of):
        return False  # a stale click (another statement, another place): nothing to choose
    try:
        place = get(cid)
    except GeoError as e:
        st.session_state.review_note = ("error", str(e))
        return True
    _choose(raw, shown, of, place, _scope())
    st.session_state.review_place = cid
    return True


def adding() -> bool:
    """Whether the "add a place the parser missed" form is open (then a click on empty map sets its point).

    After a place was added the form closes and forgets its point (its marker goes; the place's own stays):
    done here, at the next run's first call, because a widget's value cannot change once it is drawn.
    """
    if st.session_state.pop("review_add_done", False):
        for key in ("review_adding", "review_lat", "review_lon", "review_name", "review_span", "review_add_id"):
            st.session_state.pop(key, None)
    return bool(st.session_state.get("review_adding"))


def on_map_point(point: tuple[float, float] | None) -> bool:
    """A click on empty map at ``point`` fills the add form's Latitude/Longitude, while the form is open.

    Returns whether it did (the caller then reruns, so the map shows the point). Called before the panel
    draws its inputs, so their values may still be set here.
    """
    if point is None or not adding():
        return False
    st.session_state.review_lat, st.session_state.review_lon = point
    return True


def map_new_point():
    """The marker of the point being added, or ``None`` (the form is closed, or no point is set yet)."""
    lat, lon = st.session_state.get("review_lat"), st.session_state.get("review_lon")
    if not adding() or lat is None or lon is None:
        return None
    return new_point_group(lat, lon, st.session_state.get("review_name") or "")


def panel(raw: Situation, shown: Situation, applied: Applied, search: Callable[[str], list[Place]],
          get: Callable[[str], Place]) -> None:
    """The review controls for the statement on screen (``raw``: the parse; ``shown``: with corrections)."""
    st.sidebar.text_input("Your name (for corrections)", key="review_who", placeholder=_who())
    sha = text_sha256(raw.text)
    note = st.session_state.pop("review_note", None)
    if note:
        (st.success if note[0] == "success" else st.error)(note[1])
    scope = SCOPES[st.radio("Scope", list(SCOPES), key="review_scope", horizontal=True)]
    rule_sha = None if scope == "everywhere" else sha
    places = {sp.place.place_id: sp for sp in shown.places}
    pid = st.selectbox("Place to correct", [None, *places], key="review_place", placeholder="Choose a place…",
                       format_func=lambda p: "Choose a place…" if p is None
                       else f"{places[p].place.name} · {places[p].place.name_ar} ({p})")
    if pid is not None:
        sp = places[pid]
        first = sp.mentions[0]
        c1, c2 = st.columns(2)
        if c1.button("Reject this place", key="review_reject", icon=":material/block:"):
            if scope == "mention":
                _record(scope="mention", action="reject", statement_sha256=sha, start=first.start, end=first.end,
                        span_text=first.surface, old_place_id=pid)
            elif scope == "everywhere":  # a rule: this place is wrong in every statement, also those added later
                _record(scope="everywhere", action="reject", statement_sha256=None, old_place_id=pid)
            else:
                _record(scope="statement", action="reject", statement_sha256=sha, old_place_id=pid)
            st.rerun()
        cands = candidates_of(shown, pid)
        notes = _km_notes(shown, pid, cands)

        def label(c_id: str) -> str:
            c = cands[c_id]
            near = f" · {notes[c_id]}" if c_id in notes else ""
            score = f" · score {c.score:.2f}" if c.score is not None else ""
            return f"{c.name} · {c.kind} · {c.country_code or '—'}{score}{near}"

        choice = c2.selectbox("Another candidate", [None, *cands], key="review_candidate",
                              format_func=lambda c: "—" if c is None else label(c),
                              help="Or click its faint dashed marker on the map." if cands else None)
        query = st.text_input("Or search the gazetteer (Arabic or English)", key="review_query")
        found = {p.place_id: p for p in (search(query) if query.strip() else [])}
        picked = st.selectbox("Search results", [None, *found], key="review_found",
                              format_func=lambda p: "—" if p is None else
                              f"{found[p].name} · {found[p].name_ar} · {found[p].kind} · {found[p].country_code} "
                              f"· population {found[p].population:,}")
        new = picked or choice
        if st.button("Use this place", key="review_choose", disabled=new is None):
            _choose(raw, shown, pid, found[new] if new in found else get(new), scope)
            st.rerun()
    # A toggle, not only the form: while it is on, a click on empty map sets the new point (app.py).
    adding()  # settles a place just added before the toggle is drawn (map_new_point did it already, as a rule)
    if st.toggle("Add a place the parser missed", key="review_adding"):
        _add_form(raw, scope, rule_sha, get)
    if st.button("Mark this statement reviewed", key="review_done", icon=":material/task_alt:",
                 disabled=applied.reviewed):
        _record(scope="statement", action="review", statement_sha256=sha)
        st.rerun()
    if applied.reviewed:
        st.caption("This statement is marked reviewed.")
    try:
        if not resolve_db_path().exists():
            rows = []
        else:
            with open_store(create=False) as store:
                rows = store.corrections(statement_sha256=sha)
    except GeoError:
        rows = []
    unfit = {u.correction.id: u.reason for u in applied.unfit}
    for r in rows:
        c = correction_from_row(r)
        c1, c2 = st.columns([5, 1])
        warn = f" — does not fit: {unfit[c.id]}" if c.id in unfit else ""
        c1.markdown(f"`{c.id}` {c.describe()} · {c.author} · {c.created_at}{warn}")
        c2.button("Undo", key=f"review_undo_{c.id}", on_click=_undo, args=(c.id,))


def _add_form(raw: Situation, scope: str, rule_sha: str | None, get: Callable[[str], Place]) -> None:
    """The form that adds a mention the parser missed: a gazetteer place by id, or a point of the user's."""
    with st.form("review_add", clear_on_submit=False):
        st.caption("Click an empty spot of the map to set the point, or type it; then name it.")
        span = st.text_input("The words (START:END, or the words themselves)", key="review_span")
        pick = st.text_input("Place id (or leave empty and set a point)", key="review_add_id")
        cols = st.columns(3)
        lat = cols[0].number_input("Latitude", value=None, min_value=-90.0, max_value=90.0, key="review_lat",
                                      format="%.6f")
        lon = cols[1].number_input("Longitude", value=None, min_value=-180.0, max_value=180.0, key="review_lon",
                                      format="%.6f")
        kind = cols[2].selectbox("Kind", KINDS, index=KINDS.index("facility"), key="review_kind")
        name = st.text_input("Its name (one of “Your places”)", key="review_name")
        if st.form_submit_button("Add"):
            try:
                s = span.strip()
                if ":" in s and s.replace(":", "").strip().isdigit():
                    start, end, words = parse_span(s, raw.text)
                else:
                    start = raw.text.find(s) if s else -1
                    if start < 0:
                        raise InputError(f"the statement has no “{s}”")
                    end, words = start + len(s), s
                place = place_row(get(pick.strip())) if pick.strip() else \
                    user_place(float("nan") if lat is None else lat, float("nan") if lon is None else lon, name, kind)
                if _record(scope=scope, action="add", statement_sha256=rule_sha, start=start, end=end,
                           span_text=words, place=place):
                    st.session_state.review_add_done = True
                st.rerun()
            except GeoError as e:
                st.error(str(e))
