"""The catalogue with our DCAT profile vs. ckanext-dcat's own DCAT-AP 3 profile alone.

    .venv/bin/python benchmarks/catalog/run.py [--datasets 1000] [--pages 3] [--requests 20]

What it measures: the cost of `hokkaido_dcat` (publishers with the hierarchy, e-Stat areas,
licences, themes, standards, DQV measurements) on a full catalogue page. Both run in one
server, in one run, taking turns: `/catalog.ttl?page=N&profiles=euro_dcat_ap_3` (the peer)
and `…&profiles=euro_dcat_ap_3,hokkaido_dcat` (ours, what /catalog.ttl serves), for the
first `--pages` pages of the catalogue (100 datasets a page) of the site `make run` seeded,
with `--datasets` benchmark datasets (~70% public, most files scored) written by
benchmarks/progress/run.py's generator and kept between runs (0: the site as it is). Each
answer
must be 200 Turtle: ours must carry e-Stat areas and the peer must not, so that each side
is known to be the one asked for. Printed: p50 and p95 of each, and ours over the peer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from ckan_server import (  # noqa: E402  (benchmarks/ckan_server.py)
    ServerError,
    fetch,
    load_sibling,
    percentile,
    say,
    serving,
    stack,
)

TURTLE = {"Accept": "text/turtle"}
OURS = "euro_dcat_ap_3,hokkaido_dcat"
PEER = "euro_dcat_ap_3"
ESTAT = "data.e-stat.go.jp/lod/sac/"


def url(base: str, page: int, profiles: str) -> str:
    return f"{base}/catalog.ttl?page={page}&profiles={profiles}"


def check_sides(base: str, pages: int) -> int:
    """Ours carries e-Stat areas and the peer does not: each side is the one asked for.
    Returns how many datasets the pages hold."""
    datasets = 0
    for page in range(1, pages + 1):
        for profiles, expected in ((OURS, True), (PEER, False)):
            request = urllib.request.Request(url(base, page, profiles), headers=TURTLE)
            with urllib.request.urlopen(request) as response:
                body = response.read().decode("utf-8")
            if (ESTAT in body) != expected:
                raise ServerError(f"{url(base, page, profiles)}: e-Stat areas found={not expected}")
        datasets += body.count(" a dcat:Dataset")
    return datasets


def measure(base: str, args: argparse.Namespace) -> dict[str, list[float]]:
    say(f"datasets on the measured pages: {check_sides(base, args.pages)}")
    sides = {"ckanext-dcat euro_dcat_ap_3": PEER, "with hokkaido_dcat": OURS}
    results: dict[str, list[float]] = {label: [] for label in sides}
    say(f"{args.requests} rounds of pages 1..{args.pages}, the two profiles taking turns ...")
    for _ in range(args.requests):
        for page in range(1, args.pages + 1):
            for label, profiles in sides.items():
                results[label].append(fetch(url(base, page, profiles), "dcat:Dataset", TURTLE))
    return results


def report(results: dict[str, list[float]]) -> None:
    say("\n| profiles | p50 ms | p95 ms |")
    say("|---|---:|---:|")
    for label, times in results.items():
        p50, p95 = (percentile(times, share) * 1000 for share in (0.5, 0.95))
        say(f"| {label} | {p50:.0f} | {p95:.0f} |")
    peer, ours = (statistics.median(times) for times in results.values())
    say(f"\nours / peer (p50): {ours / peer:.2f}x")


def prepare(datasets: int) -> None:
    """The services, and exactly `datasets` benchmark datasets (progress's generator)."""
    try:
        stack.start_services()
    except stack.StackError as error:
        raise SystemExit(f"services did not start: {error}") from None
    if datasets:
        progress = load_sibling("progress")
        progress.inventory_bench.check_migrations(stack.service_env())
        progress.prepare_data(stack.service_env(), datasets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a running portal (default: start our own server)")
    parser.add_argument("--requests", type=int, default=20, help="rounds over the pages")
    parser.add_argument("--pages", type=int, default=3, help="catalogue pages per round")
    parser.add_argument("--datasets", type=int, default=1000, help="benchmark datasets (0: none)")
    args = parser.parse_args()
    if not args.url:
        prepare(args.datasets)
    with serving(args.url) as base:
        report(measure(base, args))


if __name__ == "__main__":
    main()
