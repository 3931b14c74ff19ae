"""Organization pages vs. the dataset search page: response times alone and under load.

    .venv/bin/python benchmarks/pages/run.py [--url http://127.0.0.1:5000] [--clients 20]

Goal (issue #11): an organization page takes at most 1.2x the time of the dataset search
page, alone and with 20 concurrent clients (p50).

What runs (all on 127.0.0.1, logged out, against the site that `make run` seeded):
- the server: by default a `ckan run` of our own on a free port (the command `make run`
  serves with: one process, not threaded, so concurrent requests queue as they do there;
  `--threaded` adds CKAN's --threaded), started after `tools/stack.py start` and stopped
  at the end. With `--url`, an already running portal instead (e.g. `make run`'s).
- the pages: /dataset/ (the peer), and /organization/<name> for 北海道 (every dataset of
  the tree below it), 上川総合振興局 (its 23 municipalities' datasets) and 旭川市.
- alone: one client, `--requests` rounds in which each page is fetched once, after
  `--warmup` unmeasured GETs per page. Under load: `--rounds` rounds in which each page in
  turn gets `--clients` simultaneous GETs (one thread each); the time of each request is
  recorded, its wait in the server's queue included. Pages take turns so that other work
  on the machine slows them alike.
- each response must be 200 and carry the page's marker (the search's result count, the
  organization's title), or the run stops: a fast error page is not a fast page.
- printed: p50 and p95 per page and mode, and each page's p50 over the search page's p50.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from ckan_server import (  # noqa: E402  (benchmarks/ckan_server.py)
    fetch,
    percentile,
    say,
    serving,
)

GOAL = 1.2


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    marker: str


PAGES = (
    Page("dataset search", "/dataset/", 'class="search-form'),
    Page("organization: 北海道", "/organization/lg-010006", "北海道"),
    Page(
        "organization: 上川総合振興局", "/organization/hokkaido-sub-08-kamikawa", "上川総合振興局"
    ),
    Page("organization: 旭川市", "/organization/lg-012041", "旭川市"),
)


def burst(url: str, marker: str, clients: int) -> list[float]:
    """`clients` GETs of the page at once, each on its own thread."""
    with ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(lambda _: fetch(url, marker), range(clients)))


def measure(base: str, args: argparse.Namespace) -> dict[str, dict[str, list[float]]]:
    """The pages take turns, round after round, so that other work on the machine slows
    them alike."""
    results = {page.label: {"alone": [], "load": []} for page in PAGES}
    for page in PAGES:
        for _ in range(args.warmup):
            fetch(base + page.path, page.marker)
    say(f"alone: {args.requests} rounds of one GET per page ...")
    for _ in range(args.requests):
        for page in PAGES:
            results[page.label]["alone"].append(fetch(base + page.path, page.marker))
    say(f"under load: {args.rounds} rounds of {args.clients} simultaneous GETs per page ...")
    for _ in range(args.rounds):
        for page in PAGES:
            results[page.label]["load"] += burst(base + page.path, page.marker, args.clients)
    return results


def report(results: dict[str, dict[str, list[float]]], clients: int) -> bool:
    search = results[PAGES[0].label]
    base = {mode: statistics.median(times) for mode, times in search.items()}
    say(
        f"\n| page | alone p50 ms | alone p95 ms | {clients} clients p50 ms |"
        f" {clients} clients p95 ms | p50 / search (alone; {clients} clients) |"
    )
    say("|---|---:|---:|---:|---:|---|")
    worst = 0.0
    for label, modes in results.items():
        ratios = [statistics.median(modes[m]) / base[m] for m in ("alone", "load")]
        if label != PAGES[0].label:
            worst = max(worst, *ratios)
        say(
            f"| {label} | {_ms(modes['alone'], 0.5)} | {_ms(modes['alone'], 0.95)} |"
            f" {_ms(modes['load'], 0.5)} | {_ms(modes['load'], 0.95)} |"
            f" {ratios[0]:.2f}x; {ratios[1]:.2f}x |"
        )
    met = worst <= GOAL
    say(f"\nslowest organization page / dataset search (p50): {worst:.3f}x")
    say(f"goal <= {GOAL}x: {'met' if met else 'NOT met'}")
    return met


def _ms(times: list[float], share: float) -> str:
    return f"{percentile(times, share) * 1000:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running portal (default: start our own server)")
    parser.add_argument("--threaded", action="store_true", help="our server with --threaded")
    parser.add_argument("--requests", type=int, default=30, help="sequential GETs per page")
    parser.add_argument("--rounds", type=int, default=5, help="bursts of --clients per page")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured GETs per page first")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    args = parser.parse_args()
    with serving(args.url, args.threaded) as base:
        met = report(measure(base, args), args.clients)
    raise SystemExit(0 if met else 2)


if __name__ == "__main__":
    main()
