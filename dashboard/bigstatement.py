"""Large statements in the dashboard: one size limit, parsing off the server's threads, bounded views.

* **One limit.** ``server.maxUploadSize`` (``.streamlit/config.toml``) is in MB, and
  Streamlit's uploader in the browser counts a MB as 1,000,000 bytes (1,048,576 only on
  Windows; its server accepts up to 1,048,576 × the limit). So the app's limit, for files
  and pasted text alike, is ``maxUploadSize × 1,000,000`` bytes, checked by the app itself
  and stated in those words everywhere.
* **Bounded time, other sessions unaffected.** A statement longer than
  :data:`IN_PROCESS_MAX_CHARS` is parsed by :class:`geo.worker.ParsePool` in another
  process: the server's threads only wait (without the GIL), a job is stopped after
  :data:`geo.worker.DEFAULT_BUDGET_S` seconds, and a long statement shows a preview map of
  its beginning within seconds, until the whole is mapped. The session's run waits for the
  job's news (:func:`wait_for_news`) instead of polling with a timer.
* **Bounded views.** The places table, the unlocated table, the quotes and the statement
  text are shown in bounded parts (see :func:`summary_note`); downloads hold everything.
* **Text the browser cannot send.** A lone UTF-16 surrogate (half of an emoji) in the paste
  box makes the browser's message invalid UTF-8, and Streamlit's server then drops it without
  a word; :data:`SURROGATE_GUARD` replaces such halves by U+FFFD in the box itself, and the
  app says so.
"""

from __future__ import annotations

import re
import time
from typing import Any

import streamlit as st

from geo import report
from geo.situation import Situation
from geo.worker import ParseJob, ParsePool, warm_up

__all__ = [
    "IN_PROCESS_MAX_CHARS",
    "MAX_TABLE_ROWS",
    "MAX_UNLOCATED_ROWS",
    "SURROGATE_GUARD",
    "SYNC_WAIT_S",
    "limit_bytes",
    "limit_label",
    "limit_mb",
    "pool",
    "repair_surrogates",
    "replacement_note",
    "size_error",
    "statement_view",
    "summary_note",
    "wait_for_news",
    "watch_pending",
]

#: Statements up to this many characters are parsed in the server's own thread (milliseconds);
#: longer ones go to a worker process.
IN_PROCESS_MAX_CHARS = 10_000
#: Seconds a callback waits for a worker's result before the page shows "mapping…" (and a preview).
SYNC_WAIT_S = 1.5
#: Rows of the places table (the CSV per place has them all).
MAX_TABLE_ROWS = 2_000
#: Rows of the unlocated-mentions table.
MAX_UNLOCATED_ROWS = 500

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

#: Runs in the page (our own constant script, no statement text in it): before React reads a text
#: box's new value, lone UTF-16 surrogates in it become U+FFFD, which the browser can send.
SURROGATE_GUARD = """<script>
(function () {
  if (window.__geoSurrogateGuard) { return; }
  window.__geoSurrogateGuard = true;
  function wellFormed(s) {
    if (typeof s.toWellFormed === "function") { return s.isWellFormed() ? null : s.toWellFormed(); }
    var out = [], bad = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
        out.push(s[i], s[i + 1]); i++;
      } else if (c >= 0xD800 && c <= 0xDFFF) { out.push("\\uFFFD"); bad = true; }
      else { out.push(s[i]); }
    }
    return bad ? out.join("") : null;
  }
  document.addEventListener("input", function (ev) {
    var t = ev.target;
    if (!t || (t.tagName !== "TEXTAREA" && t.tagName !== "INPUT")) { return; }
    var fixed = wellFormed(t.value);
    if (fixed === null) { return; }
    // The prototype's setter, not t.value = ...: React then sees a changed value, and takes this one.
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(t), "value").set.call(t, fixed);
  }, true);
})();
</script>"""


@st.cache_resource(show_spinner=False)
def pool() -> ParsePool:
    """The worker pool every session shares (two jobs at a time: the machine has two cores)."""
    warm_up()  # the fork server loads the gazetteer in the background, before the first big statement
    return ParsePool(max_workers=2)


# -- the size limit ------------------------------------------------------------------------------------
def limit_mb() -> int:
    """``server.maxUploadSize``: the limit in MB of 1,000,000 bytes."""
    return int(st.get_option("server.maxUploadSize"))


def limit_bytes() -> int:
    """The limit in bytes, for files and pasted text: what Streamlit's uploader enforces in the browser."""
    return limit_mb() * 1_000_000


def limit_label() -> str:
    """``10 MB (10,000,000 bytes)``."""
    return f"{limit_mb()} MB ({limit_bytes():,} bytes)"


def size_error(n_bytes: int, what: str = "the file") -> str | None:
    """A sentence if ``n_bytes`` is over the limit, else None."""
    if n_bytes <= limit_bytes():
        return None
    return f"{what} is {n_bytes:,} bytes; the limit is {limit_label()}"


# -- text the browser could not send ---------------------------------------------------------------------
def repair_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate code point replaced by U+FFFD, and how many there were.

    >>> repair_surrogates("Baghdad \\ud800 Damascus")
    ('Baghdad \\ufffd Damascus', 1)
    """
    if not _LONE_SURROGATE.search(text):
        return text, 0
    # Through UTF-16: a pair written as two code points becomes its one character; each half left is U+FFFD.
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - text.count("\ufffd")


def replacement_note(text: str) -> str | None:
    """A sentence when ``text`` holds U+FFFD: characters that could not be read stand as � and match nothing."""
    n = text.count("\ufffd")
    if not n:
        return None
    return (f"The text has {n:,} replacement character{'s' if n != 1 else ''} (�): a character that could not be "
            "read or sent (such as half of an emoji pair) stands as �, and is no part of any place name.")


# -- the pending job --------------------------------------------------------------------------------------
#: How long a script run may stay open waiting for a pending job's news (a preview, the result, a
#: failure), after drawing the page. Waiting costs nothing (no GIL held); looking again with a timer
#: would: each fragment rerun is tens of milliseconds of the server's Python time, and on a loaded
#: machine that time stretches every other session's answers (measured: /_stcore/health slowed to
#: 1-2 s every time a 1 s timer fired, at load 15 on 2 cores).
WAIT_IN_RUN_S = 240.0
#: The clock's update interval while a run waits; each update also lets a click interrupt the wait.
CLOCK_EVERY_S = 1.0
#: Safety net when a run stopped waiting (a click, WAIT_IN_RUN_S over): a timer looks again this often.
WATCH_EVERY_S = 10.0


def wait_for_news(job: ParseJob, shown: int, clock: Any) -> None:
    """Keep this run open until ``job`` has news, then rerun the page; a user's click ends the wait at once.

    ``shown`` is the job's version when this run read it (news that came while the page was
    drawn counts too). ``clock`` is an ``st.empty()``: updating it every :data:`CLOCK_EVERY_S`
    shows the time spent, and each update is where Streamlit stops a run that a click has replaced.
    """
    version = shown
    end = time.monotonic() + WAIT_IN_RUN_S
    while time.monotonic() < end:
        if job.wait_for_change(version, CLOCK_EVERY_S):
            st.rerun()
        clock.caption(_clock_text(job))


def _clock_text(job: ParseJob) -> str:
    where = "a preview of its beginning is shown" if job.preview is not None else "the previous statement stays"
    return f"Mapping… {job.elapsed:.0f} s so far ({where} until then)."


@st.fragment(run_every=WATCH_EVERY_S)
def watch_pending(key: str, seen: int) -> None:
    """Safety net: reruns the page when the job has news that no waiting run has shown."""
    job = pool().get(key)
    if job is None or job.version != seen:
        st.rerun()


def pending_message(job: ParseJob, label: str) -> str:
    """What the page says while ``job`` runs."""
    size = f"{len(job.text):,} characters"
    if job.state == "queued":
        return f"{label}: waiting for a free parser ({size}); other statements are being mapped."
    if job.preview is not None:
        shown = len(job.preview.text)
        return (f"{label}: mapping {size}. The map, the tables and the text below show a **preview**: its first "
                f"{shown:,} characters ({100 * shown / len(job.text):.0f} %). Downloads come with the whole map.")
    return f"{label}: mapping {size}…"


# -- bounded views ----------------------------------------------------------------------------------------
def summary_note(situation: Situation) -> str | None:
    """One sentence saying what is shown in part, or None when everything is shown whole."""
    from geo.mapview import CLUSTER_ABOVE, MAX_ARROWS, MAX_POPUP_QUOTES, popup_quote_limit
    from views.movements import MAX_ROWS as MAX_MOVEMENT_ROWS

    parts = []
    points = sum(1 for sp in situation.places if sp.place.geometry is None)
    if points > CLUSTER_ABOVE:
        parts.append(f"the map groups its {points:,} points into clusters (zoom in to separate them)")
    most = max((len(sp.mentions) for sp in situation.places), default=0)
    per_popup = popup_quote_limit(situation)
    # A popup always says "… and N more" past its quotes: that alone is no large statement (the seed's Damascus
    # has 11 mentions). It is worth saying when the popups were cut below their usual number or the panel too.
    if most > per_popup and (per_popup < MAX_POPUP_QUOTES or most > report.MAX_PANEL_QUOTES):
        quotes = f"{per_popup} quote{'s' if per_popup != 1 else ''}"
        parts.append(f"a map popup shows {quotes} and the quotes panel up to {report.MAX_PANEL_QUOTES} "
                     f"(a place here has {most:,} mentions)")
    if len(situation.places) > MAX_TABLE_ROWS:
        parts.append(f"the places table lists the first {MAX_TABLE_ROWS:,} of {len(situation.places):,} places")
    n_unlocated = len(situation.unlocated)
    if n_unlocated > MAX_UNLOCATED_ROWS:
        parts.append(f"the unlocated table lists {MAX_UNLOCATED_ROWS:,} of {n_unlocated:,}")
    routes = len({(mv.from_place_id, mv.to_place_id) for mv in situation.movements})
    if routes > MAX_ARROWS:
        parts.append(f"the map draws the {MAX_ARROWS:,} most travelled of {routes:,} routes")
    if len(situation.movements) > MAX_MOVEMENT_ROWS:
        parts.append(f"the movements table lists the first {MAX_MOVEMENT_ROWS:,} of {len(situation.movements):,}")
    if len(situation.text) > report.PAGE_CHARS:
        parts.append(f"the statement is shown {report.PAGE_CHARS:,} characters at a time")
    if not parts:
        return None
    return "Large statement, shown in part: " + "; ".join(parts) + ". The downloads hold everything."


def statement_view(situation: Situation) -> None:
    """The highlighted statement, one page at a time when it is long."""
    pages = report.statement_pages(situation)
    if len(pages) == 1:
        st.html(report.statement_html(situation))
        return
    key = "statement_page"
    # A new statement starts at its first page (the widget's range changes with the statement).
    if st.session_state.get("statement_pages_of") != id(situation):
        st.session_state.statement_pages_of = id(situation)
        st.session_state[key] = 1
    page = st.number_input(f"Page (of {len(pages):,})", min_value=1, max_value=len(pages), step=1, key=key)
    a, b = pages[int(page) - 1]
    st.caption(f"Characters {a + 1:,}–{b:,} of {len(situation.text):,}.")
    st.html(report.statement_html(situation, a, b))


def unlocated_rows(situation: Situation) -> list[dict[str, Any]]:
    """The unlocated table's rows (at most :data:`MAX_UNLOCATED_ROWS`)."""
    rows = report.unlocated_rows(Situation(situation.text, situation.lang, situation.unlocated[:MAX_UNLOCATED_ROWS]))
    return [{"mention": u["surface"], "cue": u["cue"], "why": u["reason"]} for u in rows]
