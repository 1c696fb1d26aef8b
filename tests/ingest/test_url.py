"""The URL reader: SSRF refusals, redirects, limits, and reading from a local server."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from armstrace.errors import InputError, TooLarge
from armstrace.ingest import read
from armstrace.ingest.origin import url_stem
from armstrace.ingest.url import check_address, is_url
from armstrace.settings import load_settings

from .conftest import Page, Site
from .files import FIXTURES

ARTICLE = (
    b"<html><head><title>Convoy seen</title></head><body><article><p>A convoy of trucks "
    b"carrying rocket launchers crossed the border at night, local residents said, and "
    b"drove towards the coast.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "refused: scheme 'file' is not http or https"),
        ("gopher://example.org/1", "refused: scheme 'gopher' is not http or https"),
        ("ftp://example.org/a.txt", "refused: scheme 'ftp' is not http or https"),
        ("http://127.0.0.1/", "refused: address 127.0.0.1 is private (loopback)"),
        ("http://localhost:8080/a", "refused: address 127.0.0.1 is private (loopback)"),
        ("http://[::1]/", "refused: address ::1 is private (loopback)"),
        ("http://[::ffff:10.1.2.3]/", "refused: address 10.1.2.3 is private (private network)"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused: address 169.254.169.254 is private (link-local, e.g. cloud metadata)",
        ),
        ("http://10.0.0.8/", "refused: address 10.0.0.8 is private (private network)"),
        ("http://192.168.1.1/", "refused: address 192.168.1.1 is private (private network)"),
        ("http://0.0.0.0/", "refused: address 0.0.0.0 is private (unspecified)"),
        ("http://192.0.2.1/", "refused: address 192.0.2.1 is private (private network)"),
        ("http://2130706433/", "refused: address 127.0.0.1 is private (loopback)"),
        ("http:///nohost", "malformed URL: no host"),
        ("http://[::1/", "malformed URL: Invalid IPv6 URL"),
        ("http://example.org:99999/", "malformed URL: Port out of range 0-65535"),
    ],
)
def test_url_refuses_unsafe_targets(monkeypatch: pytest.MonkeyPatch, url: str, reason: str) -> None:
    monkeypatch.delenv("ARMSTRACE_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(InputError) as caught:
        read(url)
    assert str(caught.value) == f"{url}: {reason}"


def test_url_refuses_local_server_without_escape_hatch(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.pages["/a.html"] = Page(ARTICLE, headers={"Content-Type": "text/html"})
    monkeypatch.delenv("ARMSTRACE_ALLOW_PRIVATE_URLS")
    with pytest.raises(InputError, match=r"refused: address 127\.0\.0\.1 is private"):
        read(site.url("/a.html"))


def test_url_refuses_rebinding_at_connect_time(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS says public when checked, then points at 127.0.0.1 when connecting."""
    site.pages["/a.html"] = Page(ARTICLE, headers={"Content-Type": "text/html"})
    monkeypatch.delenv("ARMSTRACE_ALLOW_PRIVATE_URLS")
    port = int(site.base.rsplit(":", 1)[1])
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34", "127.0.0.1"])

    def rebinding(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            return real_getaddrinfo(next(answers), *args, **kwargs)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(InputError) as caught:
        read(f"http://rebind.test:{port}/a.html")
    assert caught.value.reason == "refused: address 127.0.0.1 is private (loopback)"


def test_url_reads_html_from_local_server(site: Site) -> None:
    site.pages["/news/convoy-seen.html"] = Page(
        ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    url = site.url("/news/convoy-seen.html")
    document = read(url)
    assert document.format == "html"
    assert "crossed the border at night" in document.text
    assert (document.title, document.url, document.source) == ("Convoy seen", url, url)
    assert document.stem == "news-convoy-seen"
    assert document.raw == ARTICLE


def test_url_uses_header_charset(site: Site) -> None:
    body = "Колонна грузовиков пересекла границу ночью.".encode("cp1251")
    site.pages["/ru"] = Page(body, headers={"Content-Type": "text/plain; charset=windows-1251"})
    document = read(site.url("/ru"))
    assert document.text == "Колонна грузовиков пересекла границу ночью."
    assert (document.format, document.encoding) == ("text", "cp1251")


def test_url_reads_pdf_by_content(site: Site) -> None:
    body = (FIXTURES / "text_layer.pdf").read_bytes()
    site.pages["/download?id=7"] = Page(body, headers={"Content-Type": "application/octet-stream"})
    document = read(site.url("/download?id=7"))
    assert document.format == "pdf"
    assert document.text.startswith("Investigators traced the rockets")


def test_url_follows_redirects_and_records_final_url(site: Site) -> None:
    site.pages["/old"] = Page(status=301, headers={"Location": "/new.html"})
    site.pages["/new.html"] = Page(ARTICLE, headers={"Content-Type": "text/html"})
    document = read(site.url("/old"))
    assert document.url == site.url("/new.html")
    assert document.stem == "old"


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("ftp://example.org/a.txt", "refused: scheme 'ftp' is not http or https"),
        (
            "file:///etc/passwd",  # urllib refuses this one itself
            "HTTP 302 Found - Redirection to url 'file:///etc/passwd' is not allowed",
        ),
    ],
)
def test_url_refuses_redirect_to_other_scheme(site: Site, location: str, reason: str) -> None:
    site.pages["/sneaky"] = Page(status=302, headers={"Location": location})
    with pytest.raises(InputError) as caught:
        read(site.url("/sneaky"))
    assert (caught.value.source, caught.value.reason) == (site.url("/sneaky"), reason)


def test_url_reports_http_errors(site: Site) -> None:
    with pytest.raises(InputError) as caught:
        read(site.url("/missing"))
    assert caught.value.reason == "HTTP 404 Not Found"


@pytest.mark.parametrize("send_length", [True, False])
def test_url_refuses_response_over_size_limit(
    site: Site, monkeypatch: pytest.MonkeyPatch, send_length: bool
) -> None:
    site.pages["/big.txt"] = Page(b"x" * 300_000, send_length=send_length)
    monkeypatch.setenv("ARMSTRACE_MAX_FILE_BYTES", "100000")
    with pytest.raises(TooLarge) as caught:
        read(site.url("/big.txt"), settings=load_settings())
    expected = "response is 293 KB, over" if send_length else "response is over"
    assert caught.value.reason.startswith(expected)
    assert caught.value.reason.endswith("the 97.7 KB limit (ARMSTRACE_MAX_FILE_BYTES)")


def test_url_times_out(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.pages["/slow.txt"] = Page(b"late", delay_s=1.0)
    monkeypatch.setenv("ARMSTRACE_URL_TIMEOUT", "0.2")
    with pytest.raises(InputError) as caught:
        read(site.url("/slow.txt"), settings=load_settings())
    assert caught.value.reason == "timed out after 0.2 s"


def test_url_slow_drip_hits_download_deadline(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.pages["/drip.txt"] = Page(b"x" * 3000, drip_s=0.05)  # 1.5 s in all
    monkeypatch.setenv("ARMSTRACE_URL_TIMEOUT", "0.1")
    with pytest.raises(InputError) as caught:
        read(site.url("/drip.txt"), settings=load_settings())
    assert caught.value.reason == "download took over 0.6 s"


def test_url_connection_refused_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARMSTRACE_ALLOW_PRIVATE_URLS", "1")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError) as caught:
        read(f"http://127.0.0.1:{port}/a.txt")
    assert caught.value.reason.startswith("could not connect: ")
    assert "refused" in caught.value.reason


def test_url_unresolvable_host_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARMSTRACE_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(InputError) as caught:
        read("http://no-such-host.invalid/")
    assert caught.value.reason == "could not resolve host no-such-host.invalid"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.2", False),
        ("172.16.5.4", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("224.0.0.1", False),
        ("::ffff:169.254.169.254", False),
    ],
)
def test_check_address_allows_only_public(address: str, public: bool) -> None:
    if public:
        check_address(address, "u")
    else:
        with pytest.raises(InputError, match="is private"):
            check_address(address, "u")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://example.org/a.html", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("gopher://x", True),
        ("file:relative.txt", True),
        ("data:text/plain,hi", True),
        ("docs/000_abc.txt", False),
        ("C:/docs/a.txt", False),
        ("notes:2024.txt", False),
    ],
)
def test_is_url_tells_urls_from_paths(source: str, expected: bool) -> None:
    assert is_url(source) is expected


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("https://example.org/news/2024/kn-23-missiles.html", "news-2024-kn-23-missiles"),
        ("https://example.org/News/Report_One/", "news-report-one"),
        ("https://example.org/", None),
        ("https://example.org", None),
        ("https://example.org/view?id=7", "view-"),
    ],
)
def test_url_stem_is_slug_or_hash(url: str, stem: str | None) -> None:
    result = url_stem(url)
    if stem is None:
        assert len(result) == 16 and all(c in "0123456789abcdef" for c in result)
    else:
        assert result.startswith(stem)
    assert url_stem(url) == result  # stable
