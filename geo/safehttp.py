"""A small HTTP/1.1 GET client with hard limits, as a geopy adapter for the online geocoder.

Why not requests or urllib: both bound each socket read by the timeout, not the whole
request, so a server that drips one byte a second holds a call for ever; both read a
reply whole before anyone can look at its size; both follow redirects to any host. The
only way around that from outside is a thread per call that is abandoned when late, and
those threads then live as long as the server keeps dripping.

:class:`BoundedAdapter` enforces, per call, with no extra thread:

* one **deadline** for everything (connect, TLS handshake, sending, every read): before
  each socket operation the socket's timeout is set to the time that is left, and
  CPython bounds a whole ``connect``/``sendall``/TLS read by that timeout;
* a **byte cap** on the reply body: a declared ``Content-Length`` above it is refused at
  once, a chunked or close-delimited body is cut as soon as it passes it;
* **redirects** only to the same host (``http`` → ``https`` allowed, never back), at
  most ``max_redirects`` of them;
* no connection to a **private, loopback or link-local address** unless the configured
  host itself is one (an IP literal such as ``127.0.0.1`` or ``localhost``) or the caller
  allows it: a public name that resolves to ``10.0.0.1`` is refused;
* a JSON reply that is an object with an ``"error"`` member (Nominatim's error format) is
  a failure, not an empty answer.

Not bounded by the deadline: the system resolver (``getaddrinfo``) for a host *name*;
its own timeouts (``/etc/resolv.conf``) apply.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "BoundedAdapter",
    "ReplyTooLarge",
    "RedirectRefused",
    "AddressRefused",
    "is_private_host",
]

#: Reply bodies larger than this are refused (a Nominatim search answer is a few KB; polygons a few hundred).
DEFAULT_MAX_BYTES = 2_000_000
#: Redirects followed per call.
DEFAULT_MAX_REDIRECTS = 3

_MAX_HEADER_BYTES = 64 * 1024
_MAX_ERROR_BODY = 64 * 1024  # enough of a 4xx/5xx body for a message
_RECV = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class ReplyTooLarge(GeocoderServiceError):
    """The reply body is larger than the adapter's byte cap."""


class RedirectRefused(GeocoderServiceError):
    """A redirect to another host, a downgrade to plain HTTP, or too many redirects."""


class AddressRefused(GeocoderUnavailable):
    """The host resolves only to addresses this adapter may not connect to."""


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        addr = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    mapped = getattr(addr, "ipv4_mapped", None)
    return mapped or addr


def is_private_host(host: str) -> bool:
    """Whether ``host`` (a name or an IP literal) is itself a non-public address: loopback, private, link-local.

    >>> is_private_host("127.0.0.1"), is_private_host("localhost"), is_private_host("nominatim.openstreetmap.org")
    (True, True, False)
    """
    h = host.lower().rstrip(".")
    if h == "localhost" or h.endswith(".localhost"):
        return True
    addr = _ip(h)
    return addr is not None and not addr.is_global


def _public(address: str) -> bool:
    addr = _ip(address)
    return addr is not None and addr.is_global and not addr.is_multicast


@dataclass(frozen=True)
class _Reply:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes


class _Deadline:
    """Seconds left until a fixed moment; raises GeocoderTimedOut once none are left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise GeocoderTimedOut(f"no complete answer within {self.seconds:.2f} s")
        return remaining

    def arm(self, sock: socket.socket) -> None:
        # Each connect / sendall / recv / TLS operation is bounded as a whole by the timeout set
        # just before it (CPython ≥ 3.5), so the sum can never pass the deadline.
        sock.settimeout(self.left())


class BoundedAdapter(BaseSyncAdapter):
    """A geopy adapter: GET with a whole-call deadline, a byte cap, same-host redirects, no private addresses.

    Parameters
    ----------
    proxies
        geopy's proxies: a dict ``{"http": url, "https": url}``; ``None`` means the system's
        (``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY``), ``{}`` means none. HTTP proxies only.
    ssl_context
        For HTTPS; default: the system CA store.
    max_bytes
        Byte cap on a reply body.
    max_redirects
        Redirects followed per call (same host only).
    allow_private
        ``None`` (default): connect to non-public addresses only when the URL's host is itself
        one (``127.0.0.1``, ``localhost``, ``10.1.2.3``). ``True``/``False`` force it either way.
    """

    def __init__(self, *, proxies: Any, ssl_context: ssl.SSLContext | None, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, allow_private: bool | None = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        if proxies is None:
            proxies = getproxies()
        self.proxies: dict[str, str] = {k: (v if "://" in v else f"http://{v}") for k, v in (proxies or {}).items()
                                        if v and k in ("http", "https", "no")}
        self.ssl_context = ssl_context
        self.max_bytes = int(max_bytes)
        self.max_redirects = int(max_redirects)
        self.allow_private = allow_private

    # -- geopy's adapter interface ---------------------------------------------------------------
    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        """GET ``url`` and parse JSON; an object with an ``"error"`` member raises GeocoderServiceError."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise GeocoderParseError(f"the reply is not JSON ({exc}): {text[:200]!r}") from None
        if isinstance(data, dict) and "error" in data:
            raise GeocoderServiceError(f"the service answered with an error: {str(data['error'])[:200]!r}")
        return data

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        """GET ``url`` within ``timeout`` seconds in all, following same-host redirects; the body as text."""
        deadline = _Deadline(float(timeout) if timeout is not None else 10.0)
        first = urlsplit(url)
        origin_host = (first.hostname or "").lower()
        private_ok = self.allow_private if self.allow_private is not None else is_private_host(origin_host)
        for hop in range(self.max_redirects + 1):
            reply = self._get(url, headers or {}, deadline, private_ok)
            if reply.status in _REDIRECTS:
                location = reply.headers.get("location", "")
                target = urljoin(url, location)
                parts = urlsplit(target)
                if not location or parts.scheme not in ("http", "https"):
                    raise RedirectRefused(f"HTTP {reply.status} redirect to {location!r} refused: not an http(s) URL")
                if (parts.hostname or "").lower() != origin_host:
                    raise RedirectRefused(
                        f"HTTP {reply.status} redirect to another host ({parts.hostname!r}) refused; "
                        f"only {origin_host!r} is trusted")
                if urlsplit(url).scheme == "https" and parts.scheme == "http":
                    raise RedirectRefused(f"HTTP {reply.status} redirect from https to plain http refused")
                if hop == self.max_redirects:
                    raise RedirectRefused(f"more than {self.max_redirects} redirects; gave up")
                url = target
                continue
            text = _decode(reply)
            if reply.status >= 400:
                raise AdapterHTTPError(f"Non-successful status code {reply.status}", status_code=reply.status,
                                       headers=reply.headers, text=text)
            if not 200 <= reply.status < 300:
                raise GeocoderServiceError(f"unexpected HTTP status {reply.status} {reply.reason}")
            return text
        raise AssertionError("unreachable")  # pragma: no cover

    # -- one request -------------------------------------------------------------------------------
    def _proxy_for(self, scheme: str, host: str) -> str | None:
        proxy = self.proxies.get(scheme)
        if not proxy:
            return None
        no = self.proxies.get("no")
        if no is not None:
            if any(host == d.strip().lower().lstrip(".") or host.endswith("." + d.strip().lower().lstrip("."))
                   for d in no.split(",") if d.strip()):
                return None
        elif proxy_bypass(host):
            return None
        return proxy

    def _get(self, url: str, headers: dict[str, str], deadline: _Deadline, private_ok: bool) -> _Reply:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise GeocoderServiceError(f"refusing to fetch {url!r}: only http(s) URLs with a host")
        host = parts.hostname.lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        host_header = parts.netloc.rsplit("@", 1)[-1]
        proxy = self._proxy_for(parts.scheme, host)
        if proxy is not None:
            pp = urlsplit(proxy)
            if pp.scheme != "http" or not pp.hostname:
                raise GeocoderServiceError(f"proxy {proxy!r} not supported: HTTP proxies only")
            # The proxy is the user's own configuration: it is trusted, and it resolves the name.
            sock = _connect(pp.hostname, pp.port or 80, deadline, private_ok=True)
            if parts.scheme == "https":
                _tunnel(sock, host, port, deadline)
            else:
                target = f"http://{host_header}{target}"
        else:
            sock = _connect(host, port, deadline, private_ok=private_ok)
        try:
            if parts.scheme == "https":
                context = self.ssl_context or ssl.create_default_context()
                deadline.arm(sock)
                sock = context.wrap_socket(sock, server_hostname=host)  # the handshake runs under the deadline
            lines = [f"GET {target} HTTP/1.1", f"Host: {host_header}", "Accept-Encoding: identity",
                     "Connection: close"]
            for name, value in headers.items():
                if name.lower() in ("host", "connection", "accept-encoding", "content-length", "transfer-encoding"):
                    continue
                if any(c in f"{name}{value}" for c in "\r\n\0"):
                    raise GeocoderServiceError(f"refusing a request header with a line break: {name!r}")
                lines.append(f"{name}: {value}")
            request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "strict")
            deadline.arm(sock)
            sock.sendall(request)
            return _read_reply(sock, deadline, self.max_bytes)
        except (TimeoutError, socket.timeout) as exc:
            raise GeocoderTimedOut(f"no complete answer within {deadline.seconds:.2f} s") from exc
        except ssl.SSLError as exc:
            raise GeocoderServiceError(f"TLS failed: {exc}") from exc
        except OSError as exc:
            raise GeocoderUnavailable(f"connection to {host}:{port} failed: {exc}") from exc
        except UnicodeEncodeError as exc:
            raise GeocoderServiceError(f"a request header is not Latin-1: {exc}") from exc
        finally:
            sock.close()


def _connect(host: str, port: int, deadline: _Deadline, *, private_ok: bool) -> socket.socket:
    deadline.left()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise GeocoderUnavailable(f"cannot resolve {host!r}: {exc}") from exc
    allowed = [ai for ai in infos if private_ok or _public(ai[4][0])]
    if not allowed:
        found = sorted({ai[4][0] for ai in infos})
        raise AddressRefused(f"refusing to connect to {host!r}: it resolves only to non-public addresses {found}")
    last: Exception | None = None
    for family, kind, proto, _name, sockaddr in allowed:
        sock = socket.socket(family, kind, proto)
        try:
            deadline.arm(sock)
            sock.connect(sockaddr)
            return sock
        except (TimeoutError, socket.timeout) as exc:
            sock.close()
            raise GeocoderTimedOut(f"connecting to {host}:{port} took longer than {deadline.seconds:.2f} s") from exc
        except OSError as exc:
            sock.close()
            last = exc
    raise GeocoderUnavailable(f"cannot connect to {host}:{port}: {last}")


def _tunnel(sock: socket.socket, host: str, port: int, deadline: _Deadline) -> None:
    """Open an HTTPS tunnel through an HTTP proxy (``CONNECT``)."""
    try:
        deadline.arm(sock)
        sock.sendall(f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode("ascii"))
        head, _rest = _read_head(sock, deadline)
    except (TimeoutError, socket.timeout) as exc:
        sock.close()
        raise GeocoderTimedOut(f"the proxy did not answer within {deadline.seconds:.2f} s") from exc
    status, _reason, _headers = _parse_head(head)
    if status != 200:
        sock.close()
        raise GeocoderUnavailable(f"the proxy refused the tunnel to {host}:{port} (HTTP {status})")


def _read_head(sock: socket.socket, deadline: _Deadline) -> tuple[bytes, bytes]:
    buf = bytearray()
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            return bytes(buf[:end]), bytes(buf[end + 4:])
        if len(buf) > _MAX_HEADER_BYTES:
            raise GeocoderServiceError(f"reply headers longer than {_MAX_HEADER_BYTES} bytes")
        deadline.arm(sock)
        chunk = sock.recv(_RECV)
        if not chunk:
            raise GeocoderServiceError("the server closed the connection before answering"
                                       if not buf else "the server closed the connection inside the headers")
        buf += chunk


def _parse_head(head: bytes) -> tuple[int, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise GeocoderServiceError(f"not an HTTP reply: {lines[0][:80]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            continue
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return int(parts[1]), (parts[2] if len(parts) > 2 else ""), headers


def _read_reply(sock: socket.socket, deadline: _Deadline, max_bytes: int) -> _Reply:
    head, rest = _read_head(sock, deadline)
    status, reason, headers = _parse_head(head)
    while 100 <= status < 200:  # an interim reply (100 Continue): the real one follows
        buf = rest
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            more_head, rest = _read_head(sock, deadline)
            head = buf + more_head
        else:
            head, rest = buf[:end], buf[end + 4:]
        status, reason, headers = _parse_head(head)
    if status in _REDIRECTS:
        return _Reply(status, reason, headers, b"")  # the body of a redirect is never read
    cap = max_bytes if status < 400 else _MAX_ERROR_BODY
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise GeocoderServiceError(f"reply compressed as {encoding!r} although identity was asked for")
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _read_chunked(sock, deadline, rest, cap, truncate=status >= 400)
    elif "content-length" in headers:
        try:
            length = int(headers["content-length"].split(",")[0])
        except ValueError:
            raise GeocoderServiceError(f"bad Content-Length {headers['content-length']!r}") from None
        if length > cap and status < 400:
            raise ReplyTooLarge(f"reply of {length:,} bytes refused (the limit is {cap:,} bytes)")
        body = _read_until(sock, deadline, rest, min(length, cap), exact=True)
    else:
        body = _read_until(sock, deadline, rest, cap, exact=False, truncate=status >= 400)
    return _Reply(status, reason, headers, body)


def _read_until(sock: socket.socket, deadline: _Deadline, start: bytes, limit: int, *, exact: bool,
                truncate: bool = False) -> bytes:
    """Read up to ``limit`` bytes (exactly that many when ``exact``; else until the server closes)."""
    buf = bytearray(start[:limit + 1])
    while len(buf) <= limit:
        if exact and len(buf) >= limit:
            break
        deadline.arm(sock)
        chunk = sock.recv(min(_RECV, limit + 1 - len(buf)))
        if not chunk:
            if exact:
                raise GeocoderServiceError(f"the reply ended after {len(buf):,} of {limit:,} bytes")
            break
        buf += chunk
    if len(buf) > limit:
        if truncate:
            return bytes(buf[:limit])
        raise ReplyTooLarge(f"reply cut off: longer than the limit of {limit:,} bytes")
    return bytes(buf[:limit]) if exact else bytes(buf)


def _read_chunked(sock: socket.socket, deadline: _Deadline, start: bytes, limit: int, *,
                  truncate: bool) -> bytes:
    """Decode a chunked body, refusing it once it passes ``limit`` bytes."""
    raw = bytearray(start)
    body = bytearray()
    pos = 0

    def need(n: int) -> None:
        while len(raw) - pos < n:
            deadline.arm(sock)
            chunk = sock.recv(_RECV)
            if not chunk:
                raise GeocoderServiceError("the reply ended inside a chunk")
            raw.extend(chunk)

    def line() -> bytes:
        nonlocal pos
        while True:
            end = raw.find(b"\r\n", pos)
            if end >= 0:
                out = bytes(raw[pos:end])
                pos = end + 2
                return out
            if len(raw) - pos > 1024:
                raise GeocoderServiceError("a chunk size line is too long")
            need(len(raw) - pos + 1)

    while True:
        size_line = line().split(b";", 1)[0].strip()
        try:
            size = int(size_line, 16)
        except ValueError:
            raise GeocoderServiceError(f"bad chunk size {size_line[:20]!r}") from None
        if size == 0:
            return bytes(body)
        if len(body) + size > limit:
            if truncate:
                return bytes(body)
            raise ReplyTooLarge(f"reply cut off: longer than the limit of {limit:,} bytes")
        need(size + 2)
        body += raw[pos:pos + size]
        pos += size + 2
        del raw[:pos]  # keep the buffer small
        pos = 0


def _decode(reply: _Reply) -> str:
    content_type = reply.headers.get("content-type", "")
    charset = "utf-8"
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    try:
        return reply.body.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        if reply.status >= 400:
            return reply.body.decode("utf-8", "replace")
        raise GeocoderParseError(f"the reply is not {charset} text ({exc})") from None
