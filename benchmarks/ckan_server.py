"""A CKAN web server of the benchmark's own: `ckan run` (the command `make run` serves
with, from tools/stack.py) on a free loopback port, against the site of .local/ckan.ini,
started and stopped by the benchmark."""

from __future__ import annotations

import contextlib
import importlib.util
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import stack  # noqa: E402  (tools/stack.py: ports, service env, the server command)

START_TIMEOUT = 180


class ServerError(Exception):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`ckan run` on a free loopback port; ``threaded`` adds `--threaded`."""

    def __init__(self, env: dict, log_path: Path, threaded: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(env, CKAN_SITE_URL=self.url)
        self.log_path = log_path
        self.threaded = threaded
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = stack.ckan_run_command(self.port) + (["--threaded"] if self.threaded else [])
        log = open(self.log_path, "w")  # noqa: SIM115 (kept open for the child)
        self.process = subprocess.Popen(
            command, env=self.env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise ServerError(f"CKAN server exited ({code}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/3/action/status_show", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        raise ServerError(
            f"CKAN server did not answer within {START_TIMEOUT} s:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


SITE_INI = REPO / ".local" / "ckan.ini"
REQUEST_TIMEOUT = 120


class BenchError(ServerError):
    pass


def say(message: str) -> None:
    print(message, flush=True)


def fetch(url: str, marker: str, headers: dict | None = None) -> float:
    """Seconds for one complete GET (a new connection each time, as browsers' first visit);
    the answer must be 200 and carry `marker`, or the run stops: a fast error page is not a
    fast page."""
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept-Language": "ja", **(headers or {})})
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        body = response.read().decode("utf-8", "replace")
        status = response.status
    seconds = time.perf_counter() - started
    if status != 200 or marker not in body:
        raise BenchError(f"{url}: status {status}, marker {marker!r} missing")
    return seconds


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def own_server(log: Path, threaded: bool = False) -> Server:
    """The services (tools/stack.py start) and a `ckan run` of the benchmark's own against
    the site `make run` created."""
    if not SITE_INI.exists():
        raise SystemExit(f"{SITE_INI} is missing: run `make run` once to create the site.")
    started = subprocess.run(
        ["python3", str(REPO / "tools" / "stack.py"), "start"], capture_output=True, text=True
    )
    if started.returncode != 0:
        raise SystemExit(f"services did not start:\n{started.stdout[-1000:]}{started.stderr}")
    server = Server(stack.service_env(), log, threaded=threaded)
    server.start()
    return server


def load_sibling(name: str):
    """Another benchmark's run.py, as a module (they share helpers instead of copies)."""
    spec = importlib.util.spec_from_file_location(
        f"{name}_bench", REPO / "benchmarks" / name / "run.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def serving(url: str | None, threaded: bool = False) -> Iterator[str]:
    """The base URL to measure: `url`, or a server of our own for the block. A failed
    request stops the run with the server's log tail."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        server = None if url else own_server(Path(tmp) / "ckan-run.log", threaded)
        base = (url or server.url).rstrip("/")
        say(f"server: {base} ({'given' if url else 'ours, `ckan run`'})")
        try:
            yield base
        except (ServerError, OSError) as error:
            say(f"\nFAILED: {error}")
            if server:
                say(f"server log tail:\n{server.log_tail()}")
            raise SystemExit(1) from None
        finally:
            if server:
                server.stop()
