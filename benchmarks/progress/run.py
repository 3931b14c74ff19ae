"""hokkaido_progress vs. one package_search per municipality, and the /progress page's size.

    .venv/bin/python benchmarks/progress/run.py [--datasets 20000] [--requests 30] [--rounds 5]

Goals (issue): on a warm server, `GET /api/3/action/hokkaido_progress` is >= 20x faster
than a naive client making one package_search per municipality for the same headline
figures, with a p95 <= 150 ms; the map page /progress, with its CSS and JS, transfers
<= 300 KB gzipped. The script prints PASS / MISS per goal and exits 0 either way (it is a
measurement); it exits 1 only when something failed or the two sides disagree.

What runs (all on 127.0.0.1, against the site of .local/ckan.ini, which `make run` or
`tools/stack.py run` prepared with the 179 seeded municipalities):
- data: `--datasets` datasets named bench-progress-00001 ... spread over the 179
  municipalities (a few big towns hold many, most hold few), ~30% private (公開予定 or
  未公開, with 公開可否 values), the rest 公開済 under CC BY 4.0, a fifth of them declaring
  a 自治体標準オープンデータセット, each with 1-3 files; the files of ~85% of the public
  datasets are scored (rows in hokkaido_resource_score: stars 1-5, machine-readable or not,
  score 0-100, by format). Written straight into PostgreSQL (package, member, resource,
  hokkaido_resource_score; one transaction), then `ckan search-index rebuild -o` indexes
  them. Kept between runs: a rerun adds only what is missing, removes benchmark datasets
  above --datasets, and indexes only when Solr lacks some. `--remove` deletes them all.
- the server: `ckan run` of our own on a free port (benchmarks/ckan_server.py), started
  once the services (tools/stack.py's `start`) and the data are ready, stopped at the end;
  `--url` measures a running portal of the same site instead.
- product: `--warmup` unmeasured GETs of hokkaido_progress, then `--requests` timed ones
  (a new connection each, logged out).
- peer: per round, one GET /api/3/action/package_search per municipality
  (fq=owner_org:<id>, rows=0, facets license_id and hokkaido_machine_readable): public
  datasets (the count; an anonymous search sees public ones only), open-licence ones (the
  license_id facet over the portal's open licences) and machine-readable ones (the facet's
  `true`). One round = 179 requests, timed as a whole; `--rounds` rounds after one warm-up
  round. The organization ids come from the database beforehand (not timed).
- check: both sides' three figures must agree for every municipality.
- page: GET /progress with `Accept-Encoding: gzip`, and each CSS/JS file under /webassets/
  it references; their gzip sizes (computed here, level 6, when the server sends them
  uncompressed, as CKAN's development server does).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import json
import random
import re
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from ckan_server import (  # noqa: E402  (benchmarks/ckan_server.py)
    Server,
    ServerError,
    load_sibling,
    percentile,
    say,
    stack,
)

inventory_bench = load_sibling("inventory_import")  # generate_rows, check_migrations, CKAN

PREFIX = "bench-progress-"
NAMESPACE = uuid.UUID("6f1c0a52-3b7e-4f0e-9a44-1f5c8a6b2d10")
SPEED_GOAL = 20.0
P95_GOAL_MS = 150.0
SIZE_GOAL_KB = 300.0
OWN_ASSETS = "/webassets/hokkaido/"
REQUEST_TIMEOUT = 120
INDEX_TIMEOUT = 4 * 3600
PRIVATE_SHARE = 0.30
STANDARD_SHARE = 0.20
SCORED_SHARE = 0.85
FIRST_DAY = datetime.datetime(2019, 4, 1, 9, 0)
# format: (weight, stars, chance of machine-readable, score range)
FORMATS = {
    "CSV": (45, (3, 3), 0.9, (55, 100)),
    "XLSX": (25, (2, 2), 0.5, (30, 80)),
    "PDF": (18, (1, 1), 0.0, (0, 25)),
    "JSON": (7, (3, 4), 1.0, (70, 100)),
    "GeoJSON": (5, (3, 5), 1.0, (70, 100)),
}
DISCLOSURES = (("open", 50), ("needs_review", 20), ("to_confirm", 15), ("closed", 15))
PLANNED = ("2025-04", "2025年度", "2026-10", "2027年度", "2026", "2028-03-31")
REASONS = ("personal_info", "public_safety", "rights_interests", "contract_third_party")


class BenchError(ServerError):
    pass


@dataclass(frozen=True)
class Town:
    id: str
    name: str
    lg_code: str


# ---------------------------------------------------------------------------- data


@contextlib.contextmanager
def cursor_of(env: dict):
    """A cursor in one transaction: committed at the end, rolled back on an error."""
    import psycopg2

    connection = psycopg2.connect(env["CKAN_SQLALCHEMY_URL"])
    try:
        with connection, connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def municipalities(cursor) -> list[Town]:
    """The organizations of the 179 municipalities (not the northern-territory villages,
    which the figures never count), by code."""
    from ckanext.hokkaido.hierarchy.reference import municipalities as reference

    codes = {town.code for town in reference.municipalities()}
    cursor.execute(
        """SELECT id, name, extras->>'lg_code' FROM "group"
           WHERE is_organization AND state = 'active' AND type = 'organization'
             AND extras->>'org_level' = 'municipality'
           ORDER BY extras->>'lg_code'"""
    )
    towns = [Town(*row) for row in cursor.fetchall() if row[2] in codes]
    if len(towns) != len(codes):
        raise SystemExit(
            f"the site has {len(towns)} of the {len(codes)} municipalities: run `make run` "
            "once (it runs `ckan hokkaido seed-organizations`)."
        )
    return towns


def standard_names() -> list[str]:
    from ckanext.hokkaido.inventory.sheet import columns

    return [choice.value for choice in columns.column_by_field()["standard_dataset"].choices]


def dataset_name(n: int) -> str:
    return f"{PREFIX}{n:05d}"


def weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def generate(n: int, row: dict, towns: list[Town], context: dict) -> dict:
    """Dataset n's rows for package, member, resource and hokkaido_resource_score; the
    same n always gives the same dataset."""
    rng = random.Random(n)
    town = rng.choices(towns, context["town_weights"])[0]
    package_id = str(uuid.uuid5(NAMESPACE, dataset_name(n)))
    created = FIRST_DAY + datetime.timedelta(days=rng.uniform(0, 2740))
    modified = created + datetime.timedelta(days=rng.uniform(0, 200))
    extras = {
        "inventory_id": row["inventory_id"],
        "department": row["department"],
        "contact_info": row["contact"],
        "holding_form": row["holding_form"],
        "file_formats": json.dumps(row["file_formats"]),
        "record_count": row["record_count"],
        "update_frequency": row["update_frequency"],
        "target_areas": "[]",
        "nondisclosure_reason": "[]",
    }
    private = rng.random() < PRIVATE_SHARE
    if private:
        extras.update(_unpublished(rng))
    else:
        extras.update(disclosure="open", publication_status="published")
        if rng.random() < STANDARD_SHARE:
            extras["standard_dataset"] = rng.choice(context["standards"])
    package = {
        "id": package_id,
        "name": dataset_name(n),
        "title": row["title"],
        "notes": row["notes"],
        "state": "active",
        "license_id": "CC-BY-4.0",
        "type": "dataset",
        "owner_org": town.id,
        "private": private,
        "metadata_created": created,
        "metadata_modified": modified,
        "creator_user_id": context["creator"],
        "extras": json.dumps(extras, ensure_ascii=False),
    }
    member = {
        "id": str(uuid.uuid5(NAMESPACE, f"member:{n}")),
        "group_id": town.id,
        "table_id": package_id,
        "state": "active",
        "table_name": "package",
        "capacity": "organization",
    }
    resources, scores = [], []
    if not private:
        scored = rng.random() < SCORED_SHARE
        for position in range(rng.choice((1, 1, 1, 2, 2, 3))):
            resource, score = _file(rng, n, position, package_id, created, extras)
            resources.append(resource)
            if scored:
                scores.append(score)
    return {
        "package": [package],
        "member": [member],
        "resource": resources,
        "hokkaido_resource_score": scores,
    }


def _unpublished(rng: random.Random) -> dict:
    disclosure = weighted(rng, DISCLOSURES)
    if disclosure == "closed":
        return {
            "disclosure": disclosure,
            "publication_status": "unpublished",
            "nondisclosure_reason": json.dumps([rng.choice(REASONS)]),
        }
    if rng.random() < 0.5:
        return {"disclosure": disclosure, "publication_status": "unpublished"}
    return {
        "disclosure": disclosure,
        "publication_status": "planned",
        "planned_publication": rng.choice(PLANNED),
    }


def _file(rng, n, position, package_id, created, extras) -> tuple[dict, dict]:
    fmt = weighted(rng, ((name, spec[0]) for name, spec in FORMATS.items()))
    _, stars, readable_chance, score_range = FORMATS[fmt]
    resource_id = str(uuid.uuid5(NAMESPACE, f"resource:{n}:{position}"))
    url = f"https://opendata.example.jp/{dataset_name(n)}/data-{position + 1}.{fmt.lower()}"
    resource = {
        "id": resource_id,
        "package_id": package_id,
        "url": url,
        "format": fmt,
        "name": f"{extras['department']}のデータ {position + 1}",
        "description": "",
        "position": position,
        "state": "active",
        "url_type": "",
        "created": created,
        "metadata_modified": created,
    }
    score = {
        "resource_id": resource_id,
        "package_id": package_id,
        "source_key": url,
        "content_hash": uuid.uuid5(NAMESPACE, url).hex,
        "format": fmt.lower(),
        "encoding": "utf-8" if fmt in ("CSV", "JSON", "GeoJSON") else None,
        "stars": rng.randint(*stars),
        "machine_readable": rng.random() < readable_chance,
        "score": rng.randint(*score_range),
        "standard": extras.get("standard_dataset"),
        "findings": "[]",
        "scored_at": created + datetime.timedelta(hours=1),
        "status": "scored",
    }
    return resource, score


TABLES = ("package", "member", "resource", "hokkaido_resource_score")


def insert(cursor, table: str, rows: list[dict]) -> None:
    from psycopg2.extras import execute_values

    if rows:
        columns = list(rows[0])
        execute_values(
            cursor,
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s",
            [tuple(row[column] for column in columns) for row in rows],
            page_size=1000,
        )


def create(cursor, numbers: list[int], towns: list[Town]) -> dict[str, int]:
    """Insert the given datasets, with their files and scores."""
    rows = inventory_bench.generate_rows(max(numbers))
    cursor.execute("""SELECT id FROM "user" WHERE name = %s""", (inventory_bench.SYSADMIN,))
    found = cursor.fetchone()
    if found is None:
        raise SystemExit("the sysadmin `admin` is missing: run `make run` once.")
    context = {
        "creator": found[0],
        "standards": standard_names(),
        # 札幌市 first, by code: bigger towns hold more datasets
        "town_weights": [1 / (1 + rank / 10) for rank in range(len(towns))],
    }
    batches = {table: [] for table in TABLES}
    for n in numbers:
        for table, rows_of_table in generate(n, rows[n - 1], towns, context).items():
            batches[table] += rows_of_table
    for table, values in batches.items():
        insert(cursor, table, values)
    return {table: len(values) for table, values in batches.items()}


def remove(cursor, names: list[str]) -> list[str]:
    """Delete the named benchmark datasets with everything this script gave them; their
    ids (for the search index)."""
    cursor.execute("SELECT id FROM package WHERE name = ANY(%s)", (names,))
    ids = [row[0] for row in cursor.fetchall()]
    for statement in (
        "DELETE FROM hokkaido_resource_score WHERE package_id = ANY(%s)",
        "DELETE FROM resource WHERE package_id = ANY(%s)",
        "DELETE FROM member WHERE table_id = ANY(%s) AND table_name = 'package'",
        "DELETE FROM package WHERE id = ANY(%s)",
    ):
        cursor.execute(statement, (ids,))
    return ids


def solr_request(env: dict, path: str, body: dict | None = None) -> dict:
    url = f"{env['CKAN_SOLR_URL']}/{path}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        return json.load(response)


def solr_unindex(env: dict, ids: list[str]) -> None:
    for start in range(0, len(ids), 2000):
        terms = ",".join(ids[start : start + 2000])
        solr_request(env, "update?commit=true", {"delete": {"query": "{!terms f=id}" + terms}})


def solr_count(env: dict) -> int:
    query = urllib.parse.urlencode({"q": f"name:{PREFIX}*", "rows": 0, "wt": "json"})
    return solr_request(env, f"select?{query}")["response"]["numFound"]


def prepare_data(env: dict, wanted: int) -> list[Town]:
    """Exactly `wanted` benchmark datasets in the database and the search index."""
    with cursor_of(env) as cursor:
        towns = municipalities(cursor)
        cursor.execute("SELECT name FROM package WHERE name LIKE %s", (PREFIX + "%",))
        have = {row[0] for row in cursor.fetchall()}
        names = {dataset_name(n): n for n in range(1, wanted + 1)}
        surplus = sorted(have - names.keys())
        missing = sorted(n for name, n in names.items() if name not in have)
        if surplus:
            solr_unindex(env, remove(cursor, surplus))
            say(f"data: removed {len(surplus)} benchmark datasets above --datasets {wanted}")
        if missing:
            started = time.perf_counter()
            counts = create(cursor, missing, towns)
            seconds = time.perf_counter() - started
            say(
                f"data: inserted {counts['package']} datasets, {counts['resource']} files, "
                f"{counts['hokkaido_resource_score']} scores in {seconds:.1f} s"
            )
    say(f"data: {wanted} benchmark datasets over {len(towns)} municipalities")
    indexed = solr_count(env)
    if indexed != wanted:
        index_missing(env, wanted - indexed)
    return towns


def index_missing(env: dict, count: int) -> None:
    say(f"search index: `ckan search-index rebuild -o` for ~{count} datasets ...")
    seconds, done = inventory_bench.timed(
        [inventory_bench.CKAN, "-c", inventory_bench.SITE_INI]
        + ["search-index", "rebuild", "-o", "-q"],
        env,
        INDEX_TIMEOUT,
    )
    if done.returncode != 0:
        raise SystemExit(f"search-index rebuild failed:\n{done.stderr[-3000:]}")
    say(f"search index: done in {seconds:.0f} s")


def remove_all(env: dict) -> None:
    with cursor_of(env) as cursor:
        cursor.execute("SELECT name FROM package WHERE name LIKE %s", (PREFIX + "%",))
        ids = remove(cursor, [row[0] for row in cursor.fetchall()])
    solr_unindex(env, ids)
    say(f"removed {len(ids)} benchmark datasets (database and search index)")


# ---------------------------------------------------------------------------- requests


def get(url: str, headers: dict | None = None) -> tuple[float, bytes, dict]:
    """Seconds for one complete GET (a new connection each time), the body, the headers."""
    started = time.perf_counter()
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        body = response.read()
        status, received = response.status, dict(response.headers)
    seconds = time.perf_counter() - started
    if status != 200:
        raise BenchError(f"{url}: status {status}")
    return seconds, body, received


def api(base: str, action: str, params: dict) -> tuple[float, dict]:
    query = urllib.parse.urlencode(params)
    seconds, body, _ = get(f"{base}/api/3/action/{action}?{query}")
    answer = json.loads(body)
    if not answer.get("success"):
        raise BenchError(f"{action}: {answer.get('error')}")
    return seconds, answer["result"]


def product(base: str) -> tuple[float, dict[str, tuple]]:
    seconds, result = api(base, "hokkaido_progress", {})
    figures = {
        row["lg_code"]: (
            row["public_datasets"],
            row["open_licence_datasets"],
            row["machine_readable_datasets"],
        )
        for row in result["municipalities"]
    }
    return seconds, figures


def naive(base: str, towns: list[Town], open_ids: set[str]) -> tuple[float, dict[str, tuple]]:
    """One package_search per municipality, as a client without the action would do it."""
    started = time.perf_counter()
    figures = {}
    for town in towns:
        _, result = api(
            base,
            "package_search",
            {
                "q": "*:*",
                "fq": f"owner_org:{town.id}",
                "rows": 0,
                "facet.field": json.dumps(["license_id", "hokkaido_machine_readable"]),
                "facet.limit": -1,
            },
        )
        facets = result["facets"]
        open_count = sum(n for lid, n in facets.get("license_id", {}).items() if lid in open_ids)
        readable = facets.get("hokkaido_machine_readable", {}).get("true", 0)
        figures[town.lg_code] = (result["count"], open_count, readable)
    return time.perf_counter() - started, figures


def forget_cached_figures(env: dict) -> None:
    """Empty the product's cache (progress/cache.py), so the next request aggregates."""
    import redis

    from ckanext.hokkaido.progress.cache import PREFIX

    client = redis.Redis.from_url(env["CKAN_REDIS_URL"])
    keys = list(client.scan_iter(f"{PREFIX}*"))
    if keys:
        client.delete(*keys)


def measure(
    base: str, towns: list[Town], args: argparse.Namespace, env: dict
) -> dict[str, list[float]]:
    from ckanext.hokkaido.inventory.sheet.licenses import open_license_ids

    open_ids = set(open_license_ids())
    say(f"product: {args.warmup} warm-up + {args.requests} GETs of hokkaido_progress ...")
    for _ in range(args.warmup):
        product(base)
    times = {"product": [], "cold": [], "naive": []}
    for _ in range(args.requests):
        seconds, ours = product(base)
        times["product"].append(seconds)
    say(f"product, cache emptied before each: {args.cold} GETs ...")
    for _ in range(args.cold):
        forget_cached_figures(env)
        seconds, _ = product(base)
        times["cold"].append(seconds)
    say(f"peer: 1 warm-up + {args.rounds} round(s) of {len(towns)} package_search GETs ...")
    naive(base, towns, open_ids)
    for _ in range(args.rounds):
        seconds, theirs = naive(base, towns, open_ids)
        times["naive"].append(seconds)
    differ = [code for code, figures in theirs.items() if ours.get(code) != figures]
    if differ:
        sample = ", ".join(f"{c}: {ours.get(c)} vs {theirs[c]}" for c in differ[:5])
        raise BenchError(f"the sides disagree for {len(differ)} municipalities ({sample})")
    say(f"check: both sides give the same three figures for all {len(theirs)} municipalities")
    totals = [sum(f[i] for f in ours.values()) for i in range(3)]
    say(f"  public {totals[0]}, open licence {totals[1]}, machine-readable {totals[2]}")
    return times


def page_sizes(base: str) -> list[tuple[str, int, int, bool]]:
    """(path, bytes, gzip bytes, sent compressed) for /progress and its CSS/JS."""
    found = []
    _, body, headers = get(f"{base}/progress", {"Accept-Encoding": "gzip"})
    found.append(("/progress", *_sizes(body, headers)))
    html = _plain(body, headers).decode("utf-8", "replace")
    assets = dict.fromkeys(re.findall(r'(?:href|src)="(/webassets/[^"?]+\.(?:css|js))', html))
    for path in assets:
        _, body, headers = get(base + path, {"Accept-Encoding": "gzip"})
        found.append((path, *_sizes(body, headers)))
    return found


def _plain(body: bytes, headers: dict) -> bytes:
    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


def _sizes(body: bytes, headers: dict) -> tuple[int, int, bool]:
    plain = _plain(body, headers)
    sent_gzip = headers.get("Content-Encoding") == "gzip"
    return len(plain), len(body) if sent_gzip else len(gzip.compress(plain, 6)), sent_gzip


# ---------------------------------------------------------------------------- report


def goal(label: str, value: str, wanted: str, met: bool) -> None:
    say(f"{label}: {value}  (goal {wanted}: {'PASS' if met else 'MISS'})")


def report(times: dict[str, list[float]], towns: int, datasets: int) -> None:
    labels = {
        "product": "product: GET hokkaido_progress (1 request)",
        "cold": "product, figures aggregated again (cache emptied)",
        "naive": f"peer: {towns} x GET package_search (1 round)",
    }
    say(f"\n| {datasets} benchmark datasets | samples | median ms | p95 ms | min ms |")
    say("|---|---:|---:|---:|---:|")
    for side, label in labels.items():
        samples = times[side]
        say(
            f"| {label} | {len(samples)} | {statistics.median(samples) * 1000:.1f} |"
            f" {percentile(samples, 0.95) * 1000:.1f} | {min(samples) * 1000:.1f} |"
        )
    ratio = statistics.median(times["naive"]) / statistics.median(times["product"])
    p95 = percentile(times["product"], 0.95) * 1000
    say("")
    goal("naive / product (median)", f"{ratio:.1f}x", f">= {SPEED_GOAL:.0f}x", ratio >= SPEED_GOAL)
    goal("product p95", f"{p95:.1f} ms", f"<= {P95_GOAL_MS:.0f} ms", p95 <= P95_GOAL_MS)
    cold = statistics.median(times["naive"]) / statistics.median(times["cold"])
    say(f"naive / product aggregating again (median): {cold:.1f}x (no goal: shown for scale)")


def report_sizes(sizes: list[tuple[str, int, int, bool]]) -> None:
    """Every file of a first visit; the page with the portal's own files (under
    /webassets/hokkaido/) apart from CKAN's and other extensions' files that every page
    of the portal loads (cached after the first page)."""
    say("\n| /progress and its CSS/JS | bytes | gzip bytes | sent as |")
    say("|---|---:|---:|---|")
    for path, plain, zipped, sent_gzip in sizes:
        sent = "gzip" if sent_gzip else "uncompressed (gzip computed here)"
        say(f"| {path} | {plain:,} | {zipped:,} | {sent} |")
    total = sum(zipped for _, _, zipped, _ in sizes)
    own = sum(s[2] for s in sizes if s[0] == "/progress" or s[0].startswith(OWN_ASSETS))
    say(f"| total | {sum(s[1] for s in sizes):,} | {total:,} | |")
    say("")
    kb, limit = total / 1024, f"<= {SIZE_GOAL_KB:.0f} KB"
    goal("first visit: page + every CSS/JS, gzip", f"{kb:.1f} KB", limit, kb <= SIZE_GOAL_KB)
    say(
        f"  of which the page and the portal's own CSS/JS ({OWN_ASSETS}*): {own / 1024:.1f} KB;"
        f" CKAN's and other extensions' files shared by every page: {(total - own) / 1024:.1f} KB"
    )
    if not any(sent for *_, sent in sizes):
        say("  (the server sent everything uncompressed: CKAN's development server does not gzip)")


# ---------------------------------------------------------------------------- main


@contextlib.contextmanager
def portal(url: str | None, env: dict):
    """The base URL to measure: `url`, or our own server's (stopped afterwards). A failed
    request ends the run, with our server's log."""
    with tempfile.TemporaryDirectory(prefix="progress-bench-") as tmp:
        server = None if url else Server(env, Path(tmp) / "ckan-run.log")
        try:
            if server:
                server.start()
            base = (url or server.url).rstrip("/")
            say(f"server: {base} ({'ours, `ckan run`' if server else 'given'})")
            yield base
        except (ServerError, OSError) as error:
            log = f"\nserver log tail:\n{server.log_tail()}" if server else ""
            raise SystemExit(f"\nFAILED: {error}{log}") from None
        finally:
            if server:
                server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", type=int, default=20000, help="benchmark datasets")
    parser.add_argument("--requests", type=int, default=30, help="timed hokkaido_progress GETs")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured GETs first")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of the naive loop")
    parser.add_argument("--cold", type=int, default=10, help="timed GETs with the cache emptied")
    parser.add_argument("--url", help="a running portal (default: start our own server)")
    parser.add_argument("--remove", action="store_true", help="delete the benchmark data, exit")
    args = parser.parse_args()
    if not 0 <= args.datasets <= 100000 or args.requests < 1 or args.rounds < 1:
        parser.error("--datasets: 0 to 100000; --requests and --rounds: at least 1")
    if not inventory_bench.SITE_INI.exists():
        raise SystemExit(f"{inventory_bench.SITE_INI} is missing: run `make run` once.")
    try:
        stack.start_services()
    except stack.StackError as error:
        raise SystemExit(f"services did not start: {error}") from None
    env = stack.service_env()
    if args.remove:
        return remove_all(env)
    inventory_bench.check_migrations(env)
    towns = prepare_data(env, args.datasets)
    with portal(args.url, env) as base:
        times = measure(base, towns, args, env)
        sizes = page_sizes(base)
    report(times, len(towns), args.datasets)
    report_sizes(sizes)


if __name__ == "__main__":
    main()
