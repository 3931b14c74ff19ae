"""Inventory import vs. ckanapi package_create, one run.

    .venv/bin/python benchmarks/inventory_import/run.py [--rows 2000]

Goal (issue): importing a generated N-row XLSX with `ckan hokkaido inventory import` is
>= 3x faster than ckanapi creating the same N datasets one package_create at a time, and
re-importing the unchanged file is >= 10x faster than the first import.

What runs (all on 127.0.0.1, against the site of .local/ckan.ini):
- services: `python3 tools/stack.py start` (idempotent); CKAN's URLs come from
  tools/stack.py service_env(), as for every other `ckan` command of the project.
- a CKAN web server of our own, `ckan run --disable-reloader` on a free loopback port
  (single process, not threaded), stopped at the end; it serves the peer and the cleanup.
- an API token for the sysadmin `admin` (`ckan user token add`), revoked at the end.
- two fresh organizations, one per side, so the sides never collide.
- product, first import: `.venv/bin/ckan -c .local/ckan.ini hokkaido inventory import
  FILE --org ORG`, timed as a whole (interpreter start, CKAN start-up, parse, check, write).
- product, re-import: the same command on the same file; every row must be `unchanged`.
- peer: a fresh `.venv/bin/python` running ckanapi.RemoteCKAN over HTTP against the server
  above, `package_create` once per row, sequentially, with the same field values plus
  `name`, `owner_org` and `private: True` (the rows are all 未公開, which the import makes
  private). Timed as a whole too (interpreter start and import of ckanapi included).
- checks: exit codes, the import's created/unchanged counts, that each organization ends
  with exactly N datasets, and that a sample dataset of each side has the same field values.
- cleanup (always, also after a failure): dataset_purge of every dataset of both
  organizations, organization_purge of both, deletion of the activity rows CKAN keeps for
  the purged objects (CKAN's purge leaves them behind), token revoked, server stopped.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from ckan_server import Server, ServerError, stack  # noqa: E402  (benchmarks/ckan_server.py)

SITE_INI = REPO / ".local" / "ckan.ini"
VENV_BIN = REPO / ".venv" / "bin"
CKAN = VENV_BIN / "ckan"
PYTHON = VENV_BIN / "python"
SYSADMIN = "admin"
IMPORT_TIMEOUT = 3600
ROW_FIELDS = (
    "inventory_id",
    "title",
    "notes",
    "department",
    "contact",
    "holding_form",
    "file_formats",
    "record_count",
    "update_frequency",
    "disclosure",
    "publication_status",
    "license_id",
)
DEPARTMENTS = [
    "総務課",
    "企画課",
    "税務課",
    "住民課",
    "保健福祉課",
    "建設課",
    "農林課",
    "教育委員会",
]
SUBJECTS = ["人口統計", "公共施設一覧", "避難所一覧", "予算書", "観光入込客数", "ごみ収集日程"]
FORMATS = [["csv"], ["xlsx"], ["pdf"], ["csv", "pdf"], ["xlsx", "docx"]]
HOLDING = ["electronic_file", "business_system", "paper"]
FREQUENCY = ["annual", "monthly", "irregular", "quarterly"]

# The peer: a staff script creating one dataset per request. Prints one JSON line.
PEER = """
import json, sys, time
from ckanapi import RemoteCKAN
url, token, path = sys.argv[1:4]
with open(path, encoding="utf-8") as f:
    datasets = json.load(f)
started = time.perf_counter()
ckan = RemoteCKAN(url, apikey=token, user_agent="hokkaido-benchmark")
for dataset in datasets:
    ckan.action.package_create(**dataset)
print(json.dumps({"created": len(datasets), "loop_seconds": time.perf_counter() - started}))
"""


class BenchError(ServerError):
    pass


def say(message: str) -> None:
    print(message, flush=True)


def generate_rows(count: int) -> list[dict]:
    rows = []
    for n in range(1, count + 1):
        subject = SUBJECTS[n % len(SUBJECTS)]
        department = DEPARTMENTS[n % len(DEPARTMENTS)]
        rows.append(
            {
                "inventory_id": f"B-{n:05d}",
                "title": f"{subject}（第{n}号）ベンチマーク用データ",
                "notes": f"{department}が保有する{subject}の台帳。年度ごとに更新します。番号 {n}。",
                "department": department,
                "contact": f"011-231-{n % 10000:04d}",
                "holding_form": HOLDING[n % len(HOLDING)],
                "file_formats": FORMATS[n % len(FORMATS)],
                "record_count": f"約{n * 10:,}件・12項目",
                "update_frequency": FREQUENCY[n % len(FREQUENCY)],
                "disclosure": "open",
                "publication_status": "unpublished",
                "license_id": "CC-BY-4.0",
            }
        )
    return rows


def dataset_name(org_name: str, inventory_id: str) -> str:
    # the same naming the import uses (inventory_import._dataset_name)
    slug = re.sub(r"[^a-z0-9_-]+", "-", inventory_id.lower()).strip("-") or "item"
    return f"{org_name}-{slug}"[:100]


def timed(command: list, env: dict, timeout: float) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(c) for c in command],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return time.perf_counter() - started, done


def run_import(label: str, command: list, env: dict, outcome: str, rows: int) -> float:
    """Time the product's import command; every row must have the expected outcome."""
    say(f"product: {label} ...")
    seconds, done = timed(command, env, IMPORT_TIMEOUT)
    counts = import_counts(done)
    if counts[outcome] != rows:
        raise BenchError(f"{label}: expected {rows} {outcome}, got {counts}")
    say(f"  {seconds:.1f} s  {counts}")
    return seconds


def import_counts(done: subprocess.CompletedProcess) -> dict[str, int]:
    match = re.search(
        r"created: (\d+), updated: (\d+), unchanged: (\d+), errors: (\d+)", done.stdout
    )
    if done.returncode != 0 or not match:
        raise BenchError(
            f"import failed (exit {done.returncode}):\n{done.stdout[-1500:]}\n{done.stderr[-3000:]}"
        )
    return dict(
        zip(("created", "updated", "unchanged", "errors"), map(int, match.groups()), strict=True)
    )


def create_token(env: dict, label: str) -> str:
    done = subprocess.run(
        [str(CKAN), "-c", str(SITE_INI), "user", "token", "add", SYSADMIN, label],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or not lines:
        raise BenchError(
            f"could not create an API token for '{SYSADMIN}' (run `make run` once to create the "
            f"sysadmin):\n{done.stdout[-500:]}{done.stderr[-1500:]}"
        )
    return lines[-1]


def check_migrations(env: dict) -> None:
    """A site set up before the extension's latest migration cannot create datasets."""
    done = subprocess.run(
        [str(CKAN), "-c", str(SITE_INI), "db", "pending-migrations"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    pending = re.findall(r"^\d+ unapplied migrations? for \S+", done.stdout, re.MULTILINE)
    if done.returncode != 0 or pending:
        raise SystemExit(
            "the site database is not up to date ("
            + ("; ".join(pending) or done.stderr[-500:].strip())
            + "): run `make run` once (it applies them), then retry."
        )


def org_datasets(ckan, org_id: str) -> list[dict]:
    found, start = [], 0
    while True:
        page = ckan.action.package_search(
            fq=f"owner_org:{org_id}",
            include_private=True,
            rows=1000,
            start=start,
            fl="id,name",
            sort="name asc",
        )
        found += page["results"]
        start += 1000
        if start >= page["count"]:
            return found


def count_datasets(ckan, org_id: str) -> int:
    return ckan.action.package_search(fq=f"owner_org:{org_id}", include_private=True, rows=0)[
        "count"
    ]


def same_values(ckan, product_name: str, peer_name: str, row: dict) -> list[str]:
    """Fields of the sample row whose stored value differs between the two sides."""
    ours, theirs = ckan.action.package_show(id=product_name), ckan.action.package_show(id=peer_name)
    differ = [name for name in (*ROW_FIELDS, "private") if ours.get(name) != theirs.get(name)]
    if ours.get("title") != row["title"]:
        differ.append("title (not the file's)")
    return differ


def cleanup(ckan, orgs: dict[str, str], env: dict) -> None:
    """Purge everything this run created; delete CKAN's leftover activity rows for it."""
    from ckanapi import NotFound

    purged_ids = []
    for org_name, org_id in orgs.items():
        datasets = org_datasets(ckan, org_id)
        say(f"cleanup: purging {len(datasets)} datasets of {org_name} ...")
        for dataset in datasets:
            try:
                ckan.action.dataset_purge(id=dataset["id"])
            except NotFound:
                pass
            purged_ids.append(dataset["id"])
        try:
            ckan.action.organization_purge(id=org_id)
        except NotFound:
            pass
        purged_ids.append(org_id)
    deleted = delete_activities(env["CKAN_SQLALCHEMY_URL"], purged_ids)
    say(
        f"cleanup: purged {len(purged_ids) - len(orgs)} datasets, {len(orgs)} organizations; "
        f"deleted {deleted} activity rows of the purged objects"
    )


def delete_activities(db_url: str, object_ids: list[str]) -> int:
    if not object_ids:
        return 0
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            result = connection.execute(
                sa.text("DELETE FROM activity WHERE object_id = ANY(:ids)"), {"ids": object_ids}
            )
            return result.rowcount
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=2000, help="datasets per side (default 2000)")
    args = parser.parse_args()
    if not 1 <= args.rows <= 20000:
        parser.error("--rows must be between 1 and 20000")
    if not SITE_INI.exists():
        raise SystemExit(f"{SITE_INI} is missing: run `make run` once to create the site.")
    if not CKAN.exists():
        raise SystemExit(f"{CKAN} is missing: run `make run` once to install the venv.")
    os.chdir(REPO)

    started = subprocess.run(
        ["python3", str(REPO / "tools" / "stack.py"), "start"], capture_output=True, text=True
    )
    if started.returncode != 0:
        tail = started.stdout[-1000:] + started.stderr[-1000:]
        raise SystemExit(f"services did not start:\n{tail}")
    env = stack.service_env()
    check_migrations(env)

    from ckanapi import RemoteCKAN

    from ckanext.hokkaido.inventory import sheet

    stamp = time.strftime("%Y%m%d%H%M%S")
    org_product, org_peer = f"bench-import-{stamp}", f"bench-ckanapi-{stamp}"
    rows = generate_rows(args.rows)
    results: dict[str, float] = {}

    with tempfile.TemporaryDirectory(prefix="inventory-import-bench-") as tmp:
        tmp_dir = Path(tmp)
        xlsx = tmp_dir / f"inventory_{args.rows}.xlsx"
        with open(xlsx, "wb") as out:
            sheet.write_inventory_xlsx(rows, out)
        peer_json = tmp_dir / "peer.json"
        peer_json.write_text(
            json.dumps(
                [
                    {
                        **row,
                        "name": dataset_name(org_peer, row["inventory_id"]),
                        "owner_org": org_peer,
                        "private": True,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        say(f"{args.rows} rows; XLSX {xlsx.stat().st_size / 1024:.0f} KiB")

        server = Server(env, tmp_dir / "ckan-run.log")
        token, ckan, orgs = None, None, {}
        try:
            server.start()
            say(f"CKAN server (ours): {server.url}")
            token = create_token(env, f"benchmark-inventory-{stamp}")
            ckan = RemoteCKAN(server.url, apikey=token, user_agent="hokkaido-benchmark")
            for name in (org_product, org_peer):
                created = ckan.action.organization_create(name=name, title=f"ベンチマーク {name}")
                orgs[name] = created["id"]
            say(f"organizations: {org_product} (import), {org_peer} (ckanapi)")

            command = [
                CKAN,
                "-c",
                SITE_INI,
                "hokkaido",
                "inventory",
                "import",
                xlsx,
                "--org",
                org_product,
            ]
            results["import, first"] = run_import(
                "first import", command, env, "created", args.rows
            )
            results["import, again (unchanged)"] = run_import(
                "re-import of the unchanged file", command, env, "unchanged", args.rows
            )

            say(f"peer: ckanapi RemoteCKAN, {args.rows} x package_create over HTTP ...")
            results["ckanapi package_create"], done = timed(
                [PYTHON, "-c", PEER, server.url, token, peer_json], env, IMPORT_TIMEOUT
            )
            if done.returncode != 0:
                raise BenchError(f"peer failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
            peer = json.loads(done.stdout.strip().splitlines()[-1])
            seconds = results["ckanapi package_create"]
            say(f"  {seconds:.1f} s  (request loop {peer['loop_seconds']:.1f} s)")

            counts = {name: count_datasets(ckan, org_id) for name, org_id in orgs.items()}
            if set(counts.values()) != {args.rows}:
                raise BenchError(f"expected {args.rows} datasets per organization, found {counts}")
            sample = rows[len(rows) // 2]
            differ = same_values(
                ckan,
                dataset_name(org_product, sample["inventory_id"]),
                dataset_name(org_peer, sample["inventory_id"]),
                sample,
            )
            verdict = (
                f"DIFFERS in {differ}" if differ else "has the same field values on both sides"
            )
            say(
                f"check: {args.rows} datasets per organization; "
                f"sample {sample['inventory_id']} {verdict}"
            )
            report(args.rows, results)
        except ServerError as error:
            say(f"\nFAILED: {error}")
            say(f"server log tail:\n{server.log_tail()}")
            raise SystemExit(1) from None
        finally:
            try:
                if ckan is not None and orgs:
                    cleanup(ckan, orgs, env)
                if ckan is not None:
                    ckan.action.api_token_revoke(token=token)
                    say("cleanup: API token revoked")
            finally:
                if ckan is not None:
                    ckan.close()
                server.stop()
                say("CKAN server (ours) stopped")


def report(rows: int, results: dict[str, float]) -> None:
    first = results["import, first"]
    again = results["import, again (unchanged)"]
    peer = results["ckanapi package_create"]
    say(f"\n| {rows} datasets | wall s | datasets/s |")
    say("|---|---:|---:|")
    for name, seconds in results.items():
        say(f"| {name} | {seconds:.1f} | {rows / seconds:.1f} |")
    speedup, reimport = peer / first, first / again
    met = {True: "met", False: "NOT met"}
    say(f"\nckanapi / import (first):     {speedup:.2f}x  (goal >= 3x: {met[speedup >= 3]})")
    say(f"import first / import again:  {reimport:.2f}x  (goal >= 10x: {met[reimport >= 10]})")


if __name__ == "__main__":
    main()
