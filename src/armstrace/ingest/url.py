"""URL reader (http, https): download with limits, then hand the bytes to a format reader.

Why so careful: a URL from a document list is untrusted. Only http(s) is fetched; a host that
resolves to a loopback, private, link-local or cloud-metadata address is refused (SSRF),
before connecting and again on the socket actually connected (so DNS rebinding and redirects
cannot slip through). Environment proxies are ignored for the same reason. Set
ARMSTRACE_ALLOW_PRIVATE_URLS=1 to fetch from an intranet (tests use it for a local server).
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from armstrace.errors import InputError
from armstrace.ingest.origin import Origin, too_large, url_stem
from armstrace.ingest.readers import choose
from armstrace.model import Document
from armstrace.settings import Settings
from armstrace.version import __version__

SCHEMES = ("http", "https")
ALLOW_PRIVATE_ENV = "ARMSTRACE_ALLOW_PRIVATE_URLS"
USER_AGENT = f"armstrace/{__version__}"
MAX_REDIRECTS = 5
DOWNLOAD_DEADLINE_FACTOR = 6
"""A whole download may take this many per-operation timeouts (slow drip servers)."""
_CHUNK = 2**16
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^(?:file|data|javascript|mailto):", re.I)


@dataclass(frozen=True)
class Response:
    """What a download gave: final URL after redirects, body and the server's content type."""

    url: str
    body: bytes
    mime: str | None
    charset: str | None


def is_url(source: str) -> bool:
    """True for `scheme://...` (and `file:`/`data:`) strings: they go to this reader to be
    fetched or refused, never opened as local paths."""
    return _URL_LIKE.match(source) is not None


def read(url: str, settings: Settings) -> Document:
    """Fetch `url` and parse it with the reader its content type and bytes call for."""
    response = fetch(url, settings)
    reader = choose(response.url, response.body, mime=response.mime)
    origin = Origin(source=url, stem=url_stem(url), declared_charset=response.charset)
    document = reader.parse(response.body, origin)
    document.url = response.url
    return document


def fetch(url: str, settings: Settings) -> Response:
    """Download `url` under the SSRF, size and time limits; InputError with a reason if not."""
    allow_private = os.environ.get(ALLOW_PRIVATE_ENV, "") in ("1", "true", "yes")
    check_url(url, url, allow_private=allow_private)
    guard = _Guard(url, allow_private)
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _GuardedHTTPHandler(guard),
        _GuardedHTTPSHandler(guard),
        _GuardedRedirectHandler(guard),
    )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    timeout = settings.url_timeout_s
    try:
        with opener.open(request, timeout=timeout) as reply:
            body = _read_body(url, reply, settings.max_file_bytes, timeout)
            headers = reply.headers
            final_url = reply.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the open response
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from exc
        raise InputError(url, f"could not connect: {exc.reason}") from exc
    except TimeoutError as exc:
        raise InputError(url, f"timed out after {timeout:g} s") from exc
    except (http.client.HTTPException, OSError) as exc:
        raise InputError(url, f"download failed: {exc or type(exc).__name__}") from exc
    except ValueError as exc:  # urllib's word for a malformed URL
        raise InputError(url, f"malformed URL: {exc}") from exc
    mime = headers.get_content_type() if headers.get("Content-Type") else None
    return Response(final_url, body, mime, headers.get_content_charset())


def check_url(url: str, source: str, *, allow_private: bool) -> None:
    """Refuse a non-http(s) URL, or one whose host resolves to a non-public address."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:  # a bad IPv6 literal or port
        raise InputError(source, f"malformed URL: {exc}") from exc
    if scheme not in SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise InputError(source, f"refused: scheme {shown} is not http or https")
    if not host:
        raise InputError(source, "malformed URL: no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(source, f"could not resolve host {host}") from exc
    for info in infos:
        check_address(str(info[4][0]), source)


def check_address(address: str, source: str) -> None:
    """Refuse an address that is not on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_global and not ip.is_multicast:
        return
    raise InputError(source, f"refused: address {ip} is private ({_address_kind(ip)})")


def _address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local, e.g. cloud metadata"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private network"
    if ip.is_multicast:
        return "multicast"
    return "not public"


def _read_body(url: str, reply: Any, max_bytes: int, timeout: float) -> bytes:
    length = reply.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise too_large(url, "response", int(length), max_bytes)
    deadline = time.monotonic() + timeout * DOWNLOAD_DEADLINE_FACTOR
    chunks: list[bytes] = []
    size = 0
    while chunk := reply.read1(_CHUNK):  # read1: returns what arrived, so a drip is timed
        size += len(chunk)
        if size > max_bytes:
            raise too_large(url, "response", None, max_bytes)
        if time.monotonic() > deadline:
            raise InputError(url, f"download took over {timeout * DOWNLOAD_DEADLINE_FACTOR:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class _Guard:
    """Who asked (for the error message) and whether private addresses are allowed."""

    source: str
    allow_private: bool

    def connect(self, address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        """socket.create_connection, then a check of the peer actually reached."""
        sock = socket.create_connection(address, *args, **kwargs)
        if not self.allow_private:
            try:
                check_address(str(sock.getpeername()[0]), self.source)
            except InputError:
                sock.close()
                raise
        return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, /, *, guard: _Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = guard.connect


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, /, *, guard: _Guard, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = guard.connect


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard: _Guard) -> None:
        super().__init__()
        self._guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, /, **kwargs: Any) -> http.client.HTTPConnection:
            return _GuardedHTTPConnection(host, guard=self._guard, **kwargs)

        return self.do_open(connection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard: _Guard) -> None:
        super().__init__()
        self._guard = guard
        self._tls = ssl.create_default_context()  # certificates and host names checked

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, /, **kwargs: Any) -> http.client.HTTPConnection:
            return _GuardedHTTPSConnection(host, guard=self._guard, **kwargs)

        return self.do_open(connection, req, context=self._tls)


class _GuardedRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Re-check every redirect target, so `302 → http://169.254.169.254/` is refused."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, guard: _Guard) -> None:
        super().__init__()
        self._guard = guard

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        try:
            check_url(newurl, self._guard.source, allow_private=self._guard.allow_private)
        except InputError:
            fp.close()
            raise
        return super().redirect_request(req, fp, code, msg, headers, newurl)
