"""The one way the engine downloads a remote file.

Every hop (the first request and each redirect) is resolved, and ALL resolved addresses must
be public unless the caller allow-lists them; the connection then goes to the address that was
checked, so a DNS answer cannot change between check and use. Redirects, time and bytes are
capped. Proxy environment variables are ignored on purpose.
"""

from __future__ import annotations

import dataclasses
import http.client
import io
import ipaddress
import logging
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# not covered by ipaddress' is_private/is_global in every Python version
_ALWAYS_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "100.64.0.0/10",
        "169.254.0.0/16",
        "192.0.0.0/24",
        "198.18.0.0/15",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "fe80::/10",
        "fc00::/7",
        "fec0::/10",  # deprecated site-local, still routed inside some networks
        "2002::/16",  # 6to4: carries any IPv4 address, private ones included
        "::/128",
        "::1/128",
    )
)
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})
# refusal messages reach users: they name the host the user gave, never a resolved address
# or an exception; those details go to this log
log = logging.getLogger(__name__)


class FetchRefused(Exception):
    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja = ja
        self.en = en


@dataclasses.dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 200 * 1024**2
    timeout_seconds: float = 60.0
    max_redirects: int = 5
    # the CKAN side passes config values here; both empty by default
    allowed_networks: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    user_agent: str = "ckanext-hokkaido-scorer"


@dataclasses.dataclass
class Fetched:
    url: str
    content_type: str | None
    size: int


def fetch_to_file(url: str, target: str, policy: FetchPolicy) -> Fetched:
    expires_at = time.monotonic() + policy.timeout_seconds
    for _ in range(policy.max_redirects + 1):
        response, connection = _request(url, policy, expires_at)
        try:
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchRefused("転送先がありません", "redirect without Location")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchRefused(
                    f"HTTP {response.status} が返されました",
                    f"server answered HTTP {response.status}",
                )
            size = _save_body(response, connection, target, policy, expires_at)
            return Fetched(url, response.getheader("Content-Type"), size)
        finally:
            connection.close()
    raise FetchRefused("転送（リダイレクト）が多すぎます", "too many redirects")


def _request(url: str, policy: FetchPolicy, expires_at: float):
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # "http://[::1/", a port that is not a number, …
        raise FetchRefused("URL の形式が正しくありません", f"malformed URL {url!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("http(s) の URL ではありません", f"not an http(s) URL: {url!r}")
    host = parts.hostname
    port = port or (443 if parts.scheme == "https" else 80)
    address = resolve_allowed_address(host, port, policy)
    _remaining(expires_at)
    if parts.scheme == "https":
        connection = _PinnedHTTPSConnection(host, port, address, expires_at)
    else:
        connection = _PinnedHTTPConnection(host, port, address, expires_at)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request(
            "GET", path, headers={"User-Agent": policy.user_agent, "Accept-Encoding": "identity"}
        )
        return connection.getresponse(), connection
    except FetchRefused:
        connection.close()
        raise
    except TimeoutError as error:
        connection.close()
        raise _timed_out() from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        connection.close()
        log.info("fetch %s: connection to %s failed: %r", url, address, error)
        raise FetchRefused(
            f"{host} に接続できませんでした", f"connection to {host} failed"
        ) from error


def resolve_allowed_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to; refuses if any address the name resolves to is not public."""
    if _normal_host(host) in METADATA_HOSTS and not _host_allowed(host, policy):
        raise FetchRefused(
            "クラウドのメタデータサービスには接続しません", f"refusing cloud metadata host {host}"
        )
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as error:  # gaierror; UnicodeError for a label over 63 chars
        raise FetchRefused("ホスト名を解決できません", f"cannot resolve {host}") from error
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        if not _address_allowed(address, host, policy):
            log.info("fetch refused: %s resolves to non-public %s", host, address)
            raise FetchRefused(
                f"{host} は内部ネットワークのアドレスを指すため接続しません",
                f"refusing {host}: it resolves to a non-public address",
            )
    return addresses[0]


def _address_allowed(address: str, host: str, policy: FetchPolicy) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    if _host_allowed(host, policy):
        return True
    try:
        allowed = [ipaddress.ip_network(n.strip(), strict=False) for n in policy.allowed_networks]
    except ValueError as error:
        raise FetchRefused(
            "許可ネットワークの設定が正しくありません", f"bad allowed network in config: {error}"
        ) from None
    if any(ip in network for network in allowed if network.version == ip.version):
        return True
    if any(ip in network for network in _ALWAYS_BLOCKED if network.version == ip.version):
        return False
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
    )


def _normal_host(host: str) -> str:
    return host.lower().rstrip(".")


def _host_allowed(host: str, policy: FetchPolicy) -> bool:
    return _normal_host(host) in {_normal_host(h.strip()) for h in policy.allowed_hosts}


def _save_body(response, connection, target: str, policy: FetchPolicy, expires_at: float) -> int:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchRefused(
            "ファイルが大きすぎます",
            f"file too large: Content-Length {declared} is over the limit of "
            f"{policy.max_bytes} bytes",
        )
    size = 0
    with open(target, "wb") as output:
        while True:
            # every socket read is bounded by the overall deadline (see _DeadlineReader)
            try:
                chunk = response.read1(_CHUNK)
            except TimeoutError as error:
                raise _timed_out() from error
            except (OSError, http.client.HTTPException) as error:
                log.info("download failed: %r", error)
                raise FetchRefused("ダウンロードが途中で失敗しました", "download failed") from error
            if not chunk:
                break
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchRefused(
                    "ファイルが大きすぎます",
                    f"file too large: more than the limit of {policy.max_bytes} bytes",
                )
            output.write(chunk)
    # http.client's read1() ends quietly when the server closes before Content-Length
    if declared and declared.isdigit() and size < int(declared):
        raise FetchRefused(
            "ダウンロードが途中で切れました",
            f"incomplete download: {size} of {declared} bytes",
        )
    return size


def _timed_out() -> FetchRefused:
    return FetchRefused("ダウンロードが時間内に終わりません", "download timed out")


def _remaining(expires_at: float) -> float:
    left = expires_at - time.monotonic()
    if left <= 0:
        raise _timed_out()
    return left


class _DeadlineReader(io.RawIOBase):
    """Socket reads for http.client with the overall deadline re-applied to each read.

    A plain socket timeout restarts with every recv, so a server dripping one byte at a time
    (in the headers or in the body) could otherwise hold the download open indefinitely.
    """

    def __init__(self, sock: socket.socket, expires_at: float):
        super().__init__()
        self._sock = sock
        # a real socket file: it keeps the descriptor open when http.client closes the
        # connection while the body is still being read (HTTP/1.0, "Connection: close")
        self._raw = sock.makefile("rb", buffering=0)
        self._expires_at = expires_at

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        left = self._expires_at - time.monotonic()
        if left <= 0:
            raise TimeoutError("download timed out")
        self._sock.settimeout(left)
        return self._raw.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _DeadlineSocket:
    """What http.client.HTTPResponse needs of a socket: makefile("rb")."""

    def __init__(self, sock: socket.socket, expires_at: float):
        self._sock = sock
        self._expires_at = expires_at

    def makefile(self, mode: str = "rb", *args, **kwargs):
        return io.BufferedReader(_DeadlineReader(self._sock, self._expires_at))


class _DeadlineMixin:
    def _deadline_response(self, sock, *args, **kwargs):
        return http.client.HTTPResponse(_DeadlineSocket(sock, self._expires_at), *args, **kwargs)


class _PinnedHTTPConnection(_DeadlineMixin, http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, expires_at: float):
        super().__init__(host, port, timeout=_remaining(expires_at))
        self._address = address
        self._expires_at = expires_at
        self.response_class = self._deadline_response

    def connect(self) -> None:
        self.sock = socket.create_connection(
            (self._address, self.port), _remaining(self._expires_at)
        )


class _PinnedHTTPSConnection(_DeadlineMixin, http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, expires_at: float):
        super().__init__(
            host, port, timeout=_remaining(expires_at), context=ssl.create_default_context()
        )
        self._address = address
        self._expires_at = expires_at
        self.response_class = self._deadline_response

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), _remaining(self._expires_at))
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
