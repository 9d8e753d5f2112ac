"""A real HTTP server on 127.0.0.1 that answers like Nominatim's ``/search`` and misbehaves on demand.

Used by ``tests/test_geocoder.py`` so the online geocoder is tested through a real
socket and geopy's real HTTP adapter, without touching the internet.

Behaviour per request, first match wins:

1. the next mode queued with :meth:`FakeNominatim.queue` (e.g. ``queue("429", "ok")``);
2. ``query_modes[q]`` for that query;
3. the server-wide ``mode``.

Modes: ``ok`` (known places, ``[]`` otherwise), ``empty`` (always ``[]``), ``slow``
(sleep ``delay`` seconds, then ``ok``), ``429`` (with ``Retry-After: retry_after`` unless
``None``), ``500``, ``malformed`` (status 200, broken JSON), ``drop`` (close the
connection without answering), ``error200`` (status 200, ``{"error": ...}``), ``chunked``
(``ok``, sent with chunked transfer encoding), and the hostile ones: ``drip`` (headers, then
one body byte every ``drip_every`` seconds, for ever), ``drip-head`` (the status line itself,
one byte at a time), ``huge`` (a 300 MB body announced by Content-Length), ``huge-stream``
(a body that never ends, no Content-Length), ``huge-chunked`` (the same, chunked),
``redirect-away`` (302 to the same server under another host name, ``localhost``),
``redirect-same`` (302 to the same URL path on the same host, then ``ok``), ``redirect-loop``
(302 to itself, for ever).

>>> with FakeNominatim() as srv:  # doctest: +SKIP
...     Nominatim(domain=srv.domain, scheme="http", user_agent="t").geocode("Riyadh")
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

__all__ = ["HUGE_BYTES", "MODES", "PLACES", "FakeNominatim", "RecordedRequest"]

MODES = ("ok", "empty", "slow", "429", "500", "malformed", "drop", "error200", "chunked", "drip", "drip-head",
         "huge", "huge-stream", "huge-chunked", "redirect-away", "redirect-same", "redirect-loop")
#: Size of the ``huge`` reply (its Content-Length); the streamed variants never end.
HUGE_BYTES = 300_000_000


def _hit(place_id: int, name: str, lat: float, lon: float, kind: str) -> dict[str, Any]:
    # Nominatim sends lat/lon as *strings*; keep that so geopy's parsing is exercised.
    return {"place_id": place_id, "osm_type": "relation", "lat": f"{lat}", "lon": f"{lon}",
            "display_name": name, "class": "place", "type": kind, "importance": 0.7}


_RIYADH = _hit(1001, "الرياض, منطقة الرياض, السعودية", 24.6319692, 46.7150648, "city")
_DAMASCUS = _hit(1002, "دمشق, سوريا", 33.5130695, 36.3095814, "city")
#: Folded query → Nominatim-style results. Springfield has several, for ``limit`` tests.
PLACES: dict[str, list[dict[str, Any]]] = {
    "riyadh": [_RIYADH],
    "الرياض": [_RIYADH],
    "damascus": [_DAMASCUS],
    "springfield": [
        _hit(2001, "Springfield, Illinois, United States", 39.7990175, -89.6439575, "city"),
        _hit(2002, "Springfield, Massachusetts, United States", 42.1018764, -72.5886727, "city"),
        _hit(2003, "Springfield, Missouri, United States", 37.2081729, -93.2922715, "city"),
    ],
}


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    time: float  # time.monotonic() on arrival (same clock as the test process)
    path: str
    params: dict[str, str]
    user_agent: str
    mode: str

    @property
    def q(self) -> str:
        """The ``q`` parameter ('' if absent)."""
        return self.params.get("q", "")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        # Keep pytest output clean; requests are recorded instead.
        pass

    def do_GET(self) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        mode = fake._mode_for(params.get("q", ""))
        fake._record(RecordedRequest(time.monotonic(), url.path, params, self.headers.get("User-Agent", ""), mode))
        try:
            self._answer(fake, url.path, params, mode, url.query)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (that is what the timeout tests want); nothing to answer to.
            pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _endless(self, fake: FakeNominatim, *, chunked: bool, limit: int | None = None) -> None:
        """Write spaces (valid JSON whitespace) until ``limit`` bytes, the client hangs up, or the server stops."""
        block = b" " * 65536
        sent = 0
        while not fake._stopping.is_set() and (limit is None or sent < limit):
            piece = block if limit is None else block[: limit - sent]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            sent += len(piece)
            with fake._lock:
                fake.bytes_sent += len(piece)

    def _answer(self, fake: FakeNominatim, path: str, params: dict[str, str], mode: str, query: str = "") -> None:
        if path != "/search":
            self._send(404, b'{"error": "not found"}')
            return
        if mode == "error200":
            self._send(200, b'{"error": "Internal error: database unavailable"}')
            return
        if mode.startswith("redirect"):
            host = "localhost" if mode == "redirect-away" else "127.0.0.1"
            if mode == "redirect-same":
                fake.queue("ok")  # the redirected request is answered normally
            self._send(302, b"", headers={"Location": f"http://{host}:{fake.port}/search?{query}"})
            return
        if mode == "drip-head":
            self.close_connection = True
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n":
                if fake._stopping.wait(fake.drip_every):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            return
        if mode == "drip":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            self.wfile.write(b"[")
            while not fake._stopping.wait(fake.drip_every):
                self.wfile.write(b" ")
                self.wfile.flush()
            return
        if mode in ("huge", "huge-stream", "huge-chunked"):
            self.close_connection = True
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if mode == "huge":
                self.send_header("Content-Length", str(HUGE_BYTES))
            elif mode == "huge-chunked":
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._endless(fake, chunked=mode == "huge-chunked", limit=HUGE_BYTES if mode == "huge" else None)
            return
        if mode == "drop":
            # Close without a status line: the client sees the connection reset/closed.
            self.close_connection = True
            return
        if mode == "429":
            headers = {} if fake.retry_after is None else {"Retry-After": fake.retry_after}
            self._send(429, b'{"error": "Too Many Requests"}', headers=headers)
            return
        if mode == "500":
            self._send(500, b"Internal Server Error", content_type="text/plain")
            return
        if mode == "malformed":
            self._send(200, b'[{"place_id": 1001, "lat": "24.63", "lon":')
            return
        if mode == "slow":
            # An Event, not time.sleep: stop() wakes sleeping handlers so tests end promptly.
            fake._stopping.wait(fake.delay)
        results = [] if mode == "empty" else PLACES.get(" ".join(params.get("q", "").split()).casefold(), [])
        if "limit" in params:
            results = results[: int(params["limit"])]
        body = json.dumps(results, ensure_ascii=False).encode("utf-8")
        if mode == "chunked":
            self.protocol_version = "HTTP/1.1"
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 7):  # small chunks, so chunk boundaries fall inside characters
                piece = body[i:i + 7]
                self.wfile.write(b"%x;ext=1\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self._send(200, body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a stuck handler never blocks the test run's exit
    block_on_close = False
    fake: FakeNominatim


class FakeNominatim:
    """A fake Nominatim ``/search`` on ``127.0.0.1`` at a free port, served from a thread.

    Parameters
    ----------
    mode
        Default behaviour (see the module docstring).
    delay
        Seconds a ``slow`` answer waits.
    drip_every
        Seconds between two bytes of a ``drip`` answer.
    retry_after
        ``Retry-After`` header value of a ``429`` (``None``: no header).
    query_modes
        Per-query behaviour, e.g. ``{"Slowville": "slow"}``.
    """

    def __init__(self, *, mode: str = "ok", delay: float = 5.0, retry_after: str | None = "1",
                 query_modes: dict[str, str] | None = None, drip_every: float = 0.05) -> None:
        for m in [mode, *(query_modes or {}).values()]:
            if m not in MODES:
                raise ValueError(f"unknown mode {m!r}; valid: {', '.join(MODES)}")
        self.mode = mode
        self.delay = delay
        self.retry_after = retry_after
        self.drip_every = drip_every
        self.bytes_sent = 0  # body bytes written by the streaming modes
        self.query_modes = dict(query_modes or {})
        self._queue: deque[str] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> Self:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01},
                                        name="fake-nominatim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wake any sleeping handler."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port."""
        assert self._server is not None, "server not started"
        return int(self._server.server_address[1])

    @property
    def domain(self) -> str:
        """``host:port``, as geopy's ``domain`` argument wants it."""
        return f"127.0.0.1:{self.port}"

    # -- behaviour and records ------------------------------------------------------
    def queue(self, *modes: str) -> None:
        """Answer the next requests with ``modes``, in order, then fall back to the usual rules."""
        bad = [m for m in modes if m not in MODES]
        if bad:
            raise ValueError(f"unknown mode(s) {bad!r}; valid: {', '.join(MODES)}")
        with self._lock:
            self._queue.extend(modes)

    def _mode_for(self, q: str) -> str:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return self.query_modes.get(q, self.mode)

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    def hits(self, q: str | None = None) -> int:
        """How many requests arrived (for query ``q`` only, if given)."""
        return sum(1 for r in self.requests if q is None or r.q == q)
