"""Parse big statements in other processes, within a time budget, with an early preview.

Why a process: :func:`geo.geoparse` is CPU-bound Python. In a server that runs
scripts in threads (Streamlit), a 10 MB statement would hold the GIL for many
seconds and every other session would wait, and a thread cannot be stopped when
it runs too long. A process runs on another core, and is killed when its budget
is spent.

How: a fork server (a helper process started on first use) imports
:mod:`geo.worker_preload` once, which loads the gazetteer; each job is a process
forked from it, so it starts in milliseconds with the index already in memory.
The job sends back, in order, an optional *preview* (the statement's first
``preview_chars`` characters, parsed alone, so a first map can be shown within
seconds) and the *result* for the whole text. Situations travel as columns
(:func:`pack_situation`), which is several times faster to rebuild than a pickle
of a hundred thousand mentions.

:class:`ParsePool` runs at most ``max_workers`` jobs at once, shares a job
between callers who submit the same text, and keeps the last few results.
Nothing here imports Streamlit.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import logging
import os
import pickle
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GeoError
from .model import Mention, Place
from .situation import Situation

__all__ = [
    "DEFAULT_BUDGET_S",
    "DEFAULT_PREVIEW_CHARS",
    "ParseBudgetExceeded",
    "ParseJob",
    "ParsePool",
    "job_key",
    "pack_situation",
    "preview_cut",
    "unpack_situation",
]

log = logging.getLogger(__name__)

#: Seconds a job may take in all (waiting for a free worker included) before it is killed.
DEFAULT_BUDGET_S = 180.0
#: Characters parsed first, alone, for the preview of a long statement.
DEFAULT_PREVIEW_CHARS = 50_000

_ROOT = Path(__file__).resolve().parent.parent  # the directory that holds the geo package
_YIELD_EVERY = 2_000  # mentions rebuilt between two pauses of the unpacking thread
_FIELDS = 10  # integers per mention in a packed situation
_HEADER = struct.Struct("!cQ")  # a frame: one kind byte, the payload's length, the payload


class ParseBudgetExceeded(GeoError, TimeoutError):
    """A parse job did not finish within its time budget and was stopped."""


# -- the fork server ----------------------------------------------------------------------------------------
class _ForkServer:
    """A helper process that has loaded the gazetteer and forks one child per job.

    Not :mod:`multiprocessing`'s forkserver: each of its children re-runs the parent's
    ``__main__`` (Streamlit's command line when started as ``streamlit run``) unless it
    was preloaded, and a preloaded ``__main__`` breaks as soon as there is no file
    behind it. This one is small: the parent hands it one end of a socket pair per job
    (``SCM_RIGHTS``); it forks, the child reads its job from that socket and answers on
    it, and the server sends back the child's pid, so the parent can kill a late job.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None

    def _ensure(self) -> socket.socket:
        if self._proc is not None and self._proc.poll() is None and self._sock is not None:
            return self._sock
        if self._sock is not None:
            self._sock.close()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")]))}
        self._proc = subprocess.Popen(
            [sys.executable, "-c", f"from geo.worker import _serve; _serve({theirs.fileno()})"],
            pass_fds=(theirs.fileno(),), cwd=_ROOT, env=env, stdin=subprocess.DEVNULL,
        )
        theirs.close()
        self._sock = ours
        return ours

    def start(self) -> None:
        """Start the server if it is not running (it loads the gazetteer in the background)."""
        with self._lock:
            self._ensure()

    def fork(self, deadline: float) -> tuple[int, socket.socket]:
        """A new job process: its pid and our end of its socket."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self._lock:
                for attempt in (1, 2):  # a server that died is started again, once
                    sock = self._ensure()
                    # The first job waits while the server loads the gazetteer: bounded by the job's deadline.
                    sock.settimeout(max(0.001, deadline - time.monotonic()))
                    try:
                        socket.send_fds(sock, [b"J"], [theirs.fileno()])
                        raw = _recv_exact(sock, 8)
                        return struct.unpack("!q", raw)[0], ours
                    except (BrokenPipeError, ConnectionError, EOFError):
                        if attempt == 2:
                            raise
                        self._proc = None
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        raise AssertionError("unreachable")  # pragma: no cover


_server = _ForkServer()


def warm_up() -> None:
    """Start the fork server now (it loads the gazetteer in the background), so the first job starts at once."""
    _server.start()


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the connection")
        buf += chunk
    return bytes(buf)


def _send_frame(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(_HEADER.pack(kind, len(payload)))
    sock.sendall(payload)


def _serve(fd: int) -> None:
    """The fork server's main loop (runs in the helper process; see :class:`_ForkServer`)."""
    import geo.worker_preload  # noqa: F401 - loads the gazetteer once, for every child

    control = socket.socket(fileno=fd)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the dashboard's terminal is the parent's to handle
    while True:
        try:
            msg, fds, _flags, _addr = socket.recv_fds(control, 16, 1)
        except OSError:
            os._exit(0)
        if not msg or not fds:  # the parent has gone: so do we
            os._exit(0)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _job_child(socket.socket(fileno=fds[0]))
            except BaseException:  # noqa: BLE001 - nothing can be reported any more: just end
                code = 1
            finally:
                os._exit(code)
        os.close(fds[0])
        control.sendall(struct.pack("!q", pid))


def job_key(text: str, lang: str, places: bytes | None = None, places_name: str = "") -> str:
    """A short stable key for a parse request (the same text, language and places file give the same key)."""
    h = hashlib.sha256()
    h.update(text.encode("utf-8", "surrogatepass"))
    h.update(b"\0" + lang.encode() + b"\0" + places_name.encode("utf-8", "surrogatepass") + b"\0")
    if places is not None:
        h.update(hashlib.sha256(places).digest())
    return h.hexdigest()[:32]


def preview_cut(text: str, chars: int) -> int:
    """Where the preview of ``text`` ends: the first line break after ``chars`` characters (else a space).

    >>> preview_cut("aaa bbb\\nccc ddd", 2)
    8
    """
    if len(text) <= chars:
        return len(text)
    window = text[chars: chars + 20_000]
    for sep in ("\n", ".", "؟", " "):
        i = window.find(sep)
        if i >= 0:
            return chars + i + 1
    return chars


# -- packing a Situation into columns -------------------------------------------------------------------
def pack_situation(situation: Situation) -> bytes:
    """The situation without its text, as compact columns (the receiver has the text)."""
    places: list[Place] = []
    place_ix: dict[str, int] = {}
    # Values that repeat from mention to mention (a reason, a cue, the readings weighed for a word) are
    # sent once each and referred to by number.
    tables: dict[str, tuple[list[Any], dict[Any, int]]] = {
        name: ([], {}) for name in ("reasons", "cues", "forms", "candidates", "evidence")}

    def ref(name: str, value: Any) -> int:
        values, index = tables[name]
        i = index.get(value)
        if i is None:
            i = index[value] = len(values)
            values.append(value)
        return i

    ints = array.array("q")
    conf = array.array("d")
    for m in situation.mentions:
        if m.place is None:
            p = -1
        else:
            p = place_ix.get(m.place.place_id, -1)
            if p < 0:
                p = place_ix[m.place.place_id] = len(places)
                places.append(m.place)
        ints.extend((m.start, m.end, m.sentence_start, m.sentence_end, p, ref("reasons", m.reason),
                     ref("cues", m.cue), ref("forms", m.form), ref("candidates", m.candidates),
                     ref("evidence", m.evidence)))
        conf.append(m.confidence)
    return pickle.dumps({"lang": situation.lang, "length": len(situation.text), "places": places,
                         **{name: values for name, (values, _index) in tables.items()},
                         "ints": ints.tobytes(), "conf": conf.tobytes()}, protocol=pickle.HIGHEST_PROTOCOL)


def unpack_situation(text: str, payload: bytes) -> Situation:
    """Rebuild what :func:`pack_situation` packed, over ``text`` (the same text, or the prefix that was parsed)."""
    data = pickle.loads(payload)
    text = text[: data["length"]]
    ints = array.array("q")
    ints.frombytes(data["ints"])
    conf = array.array("d")
    conf.frombytes(data["conf"])
    places, reasons, cues = data["places"], data["reasons"], data["cues"]
    forms, candidates, evidence = data["forms"], data["candidates"], data["evidence"]
    mentions = []
    append = mentions.append
    for k in range(len(conf)):
        s, e, ss, se, p, r, c, f, cand, ev = ints[_FIELDS * k: _FIELDS * k + _FIELDS]
        append(Mention(s, e, text[s:e], ss, se, places[p] if p >= 0 else None, conf[k], reasons[r], cues[c],
                       forms[f], candidates[cand], evidence[ev]))
        if k % _YIELD_EVERY == _YIELD_EVERY - 1:
            # A pause now and then: this runs in a server's background thread, and on a busy machine
            # the interpreter's own switching alone left other requests waiting for seconds.
            time.sleep(0.001)
    return Situation(text=text, lang=data["lang"], mentions=tuple(mentions))


# -- the job process ---------------------------------------------------------------------------------------
def _job_child(sock: socket.socket) -> None:
    """Runs in the forked process: read the job, parse (a preview first when the text is long), send columns."""
    kind, length = _HEADER.unpack(_recv_exact(sock, _HEADER.size))
    text, lang, places, places_name, preview_chars = pickle.loads(_recv_exact(sock, length))
    try:
        from .gazetteer import load_gazetteer
        from .pipeline import geoparse
        from .text import detect_lang

        gaz = load_gazetteer()  # already loaded by the fork server: inherited, not read again
        if places is not None:
            gaz = gaz.with_places_geojson(places, name=places_name)
        if lang == "auto":
            lang = detect_lang(text)  # decided once on the whole text, so preview and result agree
        if preview_chars and len(text) > 2 * preview_chars:
            cut = preview_cut(text, preview_chars)
            _send_frame(sock, b"P", pack_situation(geoparse(text[:cut], lang=lang, gazetteer=gaz)))
        _send_frame(sock, b"D", pack_situation(geoparse(text, lang=lang, gazetteer=gaz)))
    except GeoError as exc:
        _send_frame(sock, b"E", str(exc).encode("utf-8", "replace"))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says so to the user
        _send_frame(sock, b"X", f"{type(exc).__name__}: {exc}".encode("utf-8", "replace"))
    finally:
        sock.close()


@dataclass
class ParseJob:
    """One statement being parsed in its own process; its fields change as the job goes on.

    ``state`` is ``"queued"`` (waiting for a free worker), ``"running"``, ``"done"``
    (``result`` is set) or ``"failed"`` (``error`` says why, in a sentence fit for a person).
    ``preview`` is set while running, for a long statement, once its start is parsed.
    ``version`` grows at every change, so a caller polling the job can tell that something happened.
    """

    key: str
    text: str
    lang: str
    places: bytes | None
    places_name: str
    budget_s: float
    preview_chars: int
    state: str = "queued"
    preview: Situation | None = None
    result: Situation | None = None
    error: str | None = None
    timed_out: bool = False
    submitted: float = field(default_factory=time.monotonic)
    finished: float | None = None
    version: int = 0
    _done: threading.Event = field(default_factory=threading.Event, repr=False)
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    @property
    def elapsed(self) -> float:
        """Seconds since the job was submitted (until it finished)."""
        return (self.finished or time.monotonic()) - self.submitted

    @property
    def finished_ok(self) -> bool:
        """Whether the whole statement was parsed."""
        return self.state == "done"

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the job is done or failed (at most ``timeout`` seconds); whether it ended."""
        return self._done.wait(timeout)

    def wait_for_change(self, version: int, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for ``version`` to grow (a preview, the result or a failure)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.version != version or self._done.is_set(), timeout)

    def wait_for_something_to_show(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for a preview, the result or a failure."""
        with self._changed:
            return self._changed.wait_for(lambda: self.preview is not None or self._done.is_set(), timeout)

    def cancel(self) -> None:
        """Stop the job (its process is killed); it ends as failed."""
        self._cancel.set()

    def situation(self) -> Situation:
        """The result; :class:`ParseBudgetExceeded` or :class:`~geo.errors.GeoError` if the job failed."""
        self.wait()
        if self.result is not None:
            return self.result
        if self.timed_out:
            raise ParseBudgetExceeded(self.error or "the parse took too long")
        raise GeoError(self.error or "the parse failed")

    def _set(self, **changes: Any) -> None:
        with self._changed:
            for name, value in changes.items():
                setattr(self, name, value)
            self.version += 1
            if self.state in ("done", "failed"):
                self.finished = time.monotonic()
                self._done.set()
            self._changed.notify_all()


class ParsePool:
    """Parse jobs in forked processes: at most ``max_workers`` at once, each within ``budget_s`` seconds.

    Parameters
    ----------
    max_workers
        Jobs that run at the same time; the others wait (their budget runs while they wait).
    budget_s
        Seconds from submission until a job is stopped.
    preview_chars
        Long statements (more than twice this) are first parsed up to the first line break
        after this many characters, and that preview is published before the result.
    keep
        Finished jobs kept, so the same statement is not parsed again (most recent first).
    """

    def __init__(self, *, max_workers: int = 2, budget_s: float = DEFAULT_BUDGET_S,
                 preview_chars: int = DEFAULT_PREVIEW_CHARS, keep: int = 6) -> None:
        if max_workers < 1 or budget_s <= 0 or preview_chars < 0 or keep < 1:
            raise ValueError("max_workers ≥ 1, budget_s > 0, preview_chars ≥ 0 and keep ≥ 1 are required")
        self.budget_s = float(budget_s)
        self.preview_chars = int(preview_chars)
        self.keep = keep
        self._slots = threading.BoundedSemaphore(max_workers)
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, ParseJob] = OrderedDict()

    def submit(self, text: str, *, lang: str = "auto", places: bytes | None = None, places_name: str = "",
               budget_s: float | None = None) -> ParseJob:
        """Start parsing ``text`` (or return the job already doing it, or done with it)."""
        key = job_key(text, lang, places, places_name)
        with self._lock:
            job = self._jobs.get(key)
            if job is not None and job.state != "failed":
                self._jobs.move_to_end(key)
                return job
            job = ParseJob(key, text, lang, places, places_name, float(budget_s or self.budget_s),
                           self.preview_chars)
            self._jobs[key] = job
            self._trim_locked()
        threading.Thread(target=self._run, args=(job,), name=f"geo-parse-{key[:8]}", daemon=True).start()
        return job

    def get(self, key: str) -> ParseJob | None:
        """The job with ``key``, if the pool still has it."""
        with self._lock:
            return self._jobs.get(key)

    def _trim_locked(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.state in ("done", "failed")]
        while len(self._jobs) > self.keep and finished:
            self._jobs.pop(finished.pop(0), None)

    # -- the thread that watches one job ------------------------------------------------------------
    def _run(self, job: ParseJob) -> None:
        deadline = job.submitted + job.budget_s
        if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            job._set(state="failed", timed_out=True,
                     error=f"no parser was free within {job.budget_s:.0f} s (other statements are being mapped)")
            return
        try:
            self._run_process(job, deadline)
        except Exception as exc:  # noqa: BLE001 - a job must always end, with a reason
            log.exception("parse job %s failed", job.key)
            job._set(state="failed", error=f"the parser could not run ({type(exc).__name__}: {exc})")
        finally:
            self._slots.release()
            with self._lock:
                self._trim_locked()

    def _run_process(self, job: ParseJob, deadline: float) -> None:
        pid, sock = _server.fork(deadline)
        job._set(state="running")
        late = False
        try:
            sock.settimeout(max(0.001, deadline - time.monotonic()))
            request = pickle.dumps((job.text, job.lang, job.places, job.places_name, job.preview_chars),
                                   protocol=pickle.HIGHEST_PROTOCOL)
            _send_frame(sock, b"J", request)
            buf = bytearray()
            while True:
                left = deadline - time.monotonic()
                if job._cancel.is_set() or left <= 0:
                    late = True
                    why = "stopped" if job._cancel.is_set() else (
                        f"stopped after {job.budget_s:.0f} s: the statement is too long to map in the time "
                        "this dashboard allows")
                    job._set(state="failed", timed_out=not job._cancel.is_set(), error=why)
                    return
                # Waiting on the socket releases the GIL: the server's other threads run meanwhile.
                ready, _, _ = select.select([sock], [], [], min(left, 0.25))
                if not ready:
                    continue
                chunk = sock.recv(1 << 20)
                if not chunk:
                    job._set(state="failed", error="the parser process ended unexpectedly (out of memory?)")
                    return
                buf += chunk
                while len(buf) >= _HEADER.size:
                    kind, length = _HEADER.unpack_from(buf)
                    if len(buf) < _HEADER.size + length:
                        break
                    body = bytes(buf[_HEADER.size: _HEADER.size + length])
                    del buf[: _HEADER.size + length]
                    if kind == b"P":
                        job._set(preview=unpack_situation(job.text, body))
                        continue
                    if kind == b"D":
                        job._set(state="done", result=unpack_situation(job.text, body), preview=None)
                    else:
                        reason = body.decode("utf-8", "replace")
                        if kind == b"X":
                            log.error("parse job %s crashed: %s", job.key, reason)
                            reason = f"the parser failed ({reason})"
                        job._set(state="failed", error=reason)
                    return
        except (TimeoutError, socket.timeout):
            late = True  # the child did not even take the job within the budget
            job._set(state="failed", timed_out=True, error=f"stopped after {job.budget_s:.0f} s: the parser was busy")
        finally:
            if late:
                # Our socket has not read EOF, so the child still holds its end: it is alive, the pid is its own.
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            sock.close()
