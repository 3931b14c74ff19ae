"""The guarded fetcher: refusals, limits and failures are results, never crashes.

Pure tests (nothing from CKAN). Only 127.0.0.1 is ever contacted: a local http.server runs in a
thread, and a guard on socket.create_connection / getaddrinfo fails the test if the fetcher
tries to connect anywhere else or to look up a name other than localhost.
"""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
import time

import pytest

from ckanext.hokkaido.scoring.engine import FetchPolicy, score_url
from ckanext.hokkaido.scoring.engine.fetch import FetchRefused, fetch_to_file

CSV_BODY = "市町村コード,名称,人口\n011002,札幌市,1973395\n012025,函館市,251084\n".encode()
BIG = 64 * 1024
LOCAL = ("127.0.0.1/32",)


# --- the guard: nothing but loopback, ever -------------------------------------------------


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Record every connection attempt and refuse (as a test failure) any non-loopback one."""
    real_connect = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo
    attempts: list[str] = []

    def create_connection(address, *args, **kwargs):
        attempts.append(address[0])
        if not ipaddress.ip_address(address[0].split("%")[0]).is_loopback:
            pytest.fail(f"the fetcher tried to connect to {address[0]}")
        return real_connect(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        # a literal address needs no lookup; the only name we may resolve is localhost
        if not _is_literal_address(name) and name.lower() != "localhost":
            pytest.fail(f"the fetcher tried to resolve {name!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def _is_literal_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%")[0])
        return True
    except ValueError:
        pass
    try:
        socket.inet_aton(name)  # the C library's forms too: "127.1", "2130706433", "0"
        return True
    except OSError:
        return False


# --- a local server --------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    release: threading.Event  # set on teardown, so stalling handlers end

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, headers={"Location": location, "Content-Length": "0"})

    def do_GET(self):
        path = self.path
        if path == "/data.csv":
            self._send(200, CSV_BODY, {"Content-Type": "text/csv"})
        elif path == "/redirect-local":
            self._redirect("/data.csv")
        elif path == "/redirect-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/redirect-private":
            self._redirect("http://10.0.0.1/data.csv")
        elif path == "/redirect-localhost":
            self._redirect(f"http://localhost:{self.server.server_port}/data.csv")
        elif path.startswith("/hop/"):
            self._redirect(f"/hop/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/big-declared":
            # announces more than the limit; the fetcher must not even read it
            self._send(200, b"x" * (BIG + 1))
        elif path == "/big-streamed":
            # no Content-Length (closes when done), so only counting the bytes can catch it
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            for _ in range(8):
                self.wfile.write(b"y" * (BIG // 4))
        elif path == "/closed-body":
            # HTTP/1.0-style body ended by the server closing the connection
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self.wfile.write(CSV_BODY)
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")
            self.close_connection = True
        elif path == "/stall-headers":
            self.release.wait(10)
        elif path == "/stall-body":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"a,b\n")
            self.wfile.flush()
            self.release.wait(10)
        elif path == "/drip":
            # each byte well inside a per-read timeout, the whole far beyond the time limit
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\na,b\n":
                if self.release.wait(0.2):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        else:
            self._send(404, b"not found")


@pytest.fixture
def server():
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def local_policy(**changes) -> FetchPolicy:
    options = {"allowed_networks": LOCAL, "timeout_seconds": 5.0, **changes}
    return FetchPolicy(**options)


def refused(url: str, policy: FetchPolicy, tmp_path) -> FetchRefused:
    with pytest.raises(FetchRefused) as caught:
        fetch_to_file(url, str(tmp_path / "download"), policy)
    assert caught.value.ja and caught.value.en
    return caught.value


# --- refused before any connection -----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://127.1/",
        "http://2130706433/",  # 127.0.0.1 as one number
        "http://0/",
        "http://0.0.0.0/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[fd00:ec2::254]/",  # AWS IMDS over IPv6
        "http://[2002:a00:1::1]/",  # 6to4 wrapping 10.0.0.1
        "http://[2002:7f00:1::1]/",  # 6to4 wrapping 127.0.0.1
        "http://[fec0::1]/",  # site-local
        "http://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
        "https://10.0.0.1/",
        "http://user:password@192.168.1.1:8080/path?q=1",
    ],
)
def test_internal_addresses_are_refused_without_connecting(url, tmp_path, loopback_only):
    error = refused(url, FetchPolicy(timeout_seconds=1.0), tmp_path)
    assert "non-public address" in error.en
    assert loopback_only == []


@pytest.mark.parametrize(
    "url", ["http://metadata.google.internal/computeMetadata/v1/", "http://metadata/"]
)
def test_cloud_metadata_names_are_refused_without_a_lookup(url, tmp_path, loopback_only):
    error = refused(url, FetchPolicy(), tmp_path)
    assert "metadata" in error.en
    assert loopback_only == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/data.csv",
        "gopher://127.0.0.1:70/",
        "data:text/csv,a,b",
        "//127.0.0.1/data.csv",
        "127.0.0.1/data.csv",
        "http:///data.csv",
        "",
    ],
)
def test_only_http_and_https_are_fetched(url, tmp_path, loopback_only):
    error = refused(url, local_policy(), tmp_path)
    assert "not an http(s) URL" in error.en
    assert loopback_only == []


@pytest.mark.parametrize(
    "url", ["http://[::1/", "http://127.0.0.1:notaport/", "http://127.0.0.1:99999/"]
)
def test_malformed_urls_are_refused_not_raised(url, tmp_path):
    assert "malformed URL" in refused(url, local_policy(), tmp_path).en


def test_a_bad_allow_list_entry_is_a_refusal_not_a_crash(tmp_path):
    policy = FetchPolicy(allowed_networks=("not-a-network",))
    assert "allowed network" in refused("http://127.0.0.1/", policy, tmp_path).en


def test_allowing_one_network_does_not_open_the_others(tmp_path, loopback_only):
    policy = FetchPolicy(allowed_networks=("192.168.0.0/16",), allowed_hosts=("intranet",))
    for url in ("http://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/"):
        assert "non-public address" in refused(url, policy, tmp_path).en
    assert loopback_only == []


# --- allow-listed local server ---------------------------------------------------------------


@pytest.mark.parametrize(
    "policy",
    [
        local_policy(),
        FetchPolicy(allowed_networks=("127.0.0.0/8",)),
        FetchPolicy(allowed_hosts=("127.0.0.1",)),
    ],
    ids=["network", "wider-network", "host"],
)
def test_allow_listed_loopback_is_fetched(server, policy, tmp_path, loopback_only):
    target = tmp_path / "download"
    fetched = fetch_to_file(f"{server}/data.csv", str(target), policy)
    assert target.read_bytes() == CSV_BODY
    assert fetched.size == len(CSV_BODY)
    assert fetched.content_type == "text/csv"
    assert fetched.url == f"{server}/data.csv"
    assert loopback_only == ["127.0.0.1"]


def test_a_body_ended_by_closing_the_connection_is_read_whole(server, tmp_path):
    target = tmp_path / "download"
    fetch_to_file(f"{server}/closed-body", str(target), local_policy())
    assert target.read_bytes() == CSV_BODY


def test_a_redirect_within_the_allow_list_is_followed(server, tmp_path, loopback_only):
    target = tmp_path / "download"
    fetched = fetch_to_file(f"{server}/redirect-local", str(target), local_policy())
    assert target.read_bytes() == CSV_BODY
    assert fetched.url == f"{server}/data.csv"
    assert loopback_only == ["127.0.0.1", "127.0.0.1"]


@pytest.mark.parametrize(
    "path, address",
    [("/redirect-metadata", "169.254.169.254"), ("/redirect-private", "10.0.0.1")],
)
def test_a_redirect_out_of_the_allow_list_is_refused_before_connecting(
    server, path, address, tmp_path, loopback_only
):
    error = refused(f"{server}{path}", local_policy(), tmp_path)
    assert f"refusing {address}: it resolves to a non-public address" == error.en
    # only the first hop, to the allow-listed server, was ever connected
    assert loopback_only == ["127.0.0.1"]
    assert not (tmp_path / "download").exists()


def test_the_allow_list_by_host_name_does_not_cover_the_redirect_target(
    server, tmp_path, loopback_only
):
    policy = FetchPolicy(allowed_hosts=("127.0.0.1",), timeout_seconds=5.0)
    assert "169.254.169.254" in refused(f"{server}/redirect-metadata", policy, tmp_path).en
    assert loopback_only == ["127.0.0.1"]


def test_a_redirect_is_checked_on_the_resolved_address(server, tmp_path, loopback_only):
    # localhost resolves to loopback addresses; with only 192.168/16 allowed it must be refused
    # even though the first hop (allowed by host) was fine
    policy = FetchPolicy(allowed_hosts=("127.0.0.1",), allowed_networks=("192.168.0.0/16",))
    error = refused(f"{server}/redirect-localhost", policy, tmp_path)
    assert error.en == "refusing localhost: it resolves to a non-public address"
    assert "127.0.0.1" not in error.en + error.ja
    assert loopback_only == ["127.0.0.1"]


# --- limits ----------------------------------------------------------------------------------


def test_too_many_redirects_are_refused(server, tmp_path, loopback_only):
    error = refused(f"{server}/hop/0", local_policy(max_redirects=3), tmp_path)
    assert error.en == "too many redirects"
    assert len(loopback_only) == 4  # the first request and three redirects


def test_redirects_up_to_the_limit_are_followed(server, tmp_path):
    target = tmp_path / "download"
    fetch_to_file(f"{server}/redirect-local", str(target), local_policy(max_redirects=1))
    assert target.read_bytes() == CSV_BODY
    assert (
        "too many redirects"
        in refused(f"{server}/redirect-local", local_policy(max_redirects=0), tmp_path).en
    )


def test_a_declared_size_over_the_limit_is_refused(server, tmp_path):
    error = refused(f"{server}/big-declared", local_policy(max_bytes=BIG), tmp_path)
    assert "file too large" in error.en and str(BIG) in error.en
    assert "大きすぎます" in error.ja


def test_a_streamed_body_over_the_limit_is_refused(server, tmp_path):
    error = refused(f"{server}/big-streamed", local_policy(max_bytes=BIG), tmp_path)
    assert "file too large" in error.en and str(BIG) in error.en
    assert (tmp_path / "download").stat().st_size <= BIG


def test_a_body_exactly_at_the_limit_is_accepted(server, tmp_path):
    target = tmp_path / "download"
    fetch_to_file(f"{server}/data.csv", str(target), local_policy(max_bytes=len(CSV_BODY)))
    assert target.read_bytes() == CSV_BODY


def test_a_truncated_body_is_refused(server, tmp_path):
    assert "incomplete download" in refused(f"{server}/truncated", local_policy(), tmp_path).en


@pytest.mark.parametrize("path", ["/stall-headers", "/stall-body", "/drip"])
def test_a_stalling_server_times_out(server, path, tmp_path):
    started = time.monotonic()
    error = refused(f"{server}{path}", local_policy(timeout_seconds=1.0), tmp_path)
    elapsed = time.monotonic() - started
    assert error.en == "download timed out"
    assert "時間内" in error.ja
    assert 0.9 <= elapsed < 3.0


def test_a_closed_port_is_a_refusal(tmp_path):
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = refused(f"http://127.0.0.1:{port}/", local_policy(), tmp_path)
    assert error.en == "connection to 127.0.0.1 failed"  # no errno text, no exception name


def test_an_http_error_status_is_a_refusal(server, tmp_path):
    assert "HTTP 404" in refused(f"{server}/missing", local_policy(), tmp_path).en


# --- score_url: always a result -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data",
        "http://127.0.0.1/",
        "file:///etc/passwd",
        "http://[::1/",
    ],
)
def test_score_url_turns_a_refusal_into_an_error_result(url, loopback_only):
    result = score_url(url)
    assert result["error"]
    assert result["score"] == 0 and result["stars"] == 0
    assert result["machine_readable"] is False
    assert result["findings"] == []
    assert loopback_only == []


def test_score_url_reports_redirect_and_timeout_failures(server):
    redirected = score_url(f"{server}/redirect-metadata", policy=local_policy())
    assert "169.254.169.254" in redirected["error"]
    stalled = score_url(f"{server}/stall-body", policy=local_policy(timeout_seconds=1.0))
    assert "download timed out" in stalled["error"]


def test_score_url_scores_an_allow_listed_file(server):
    result = score_url(f"{server}/redirect-local", policy=local_policy())
    assert result["error"] is None
    assert result["format"] == "csv"
    assert result["stars"] >= 3
