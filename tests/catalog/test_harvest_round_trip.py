"""The harvest round trip: a second CKAN site harvests our DCAT catalogue over real HTTP
with ckanext-dcat's RDF harvester (ckanext-harvest) and gets exactly our public datasets,
with their titles, licences, publishers and resources, and nothing private. The catalogue
serves two datasets a page, so the harvester must follow its Hydra paging.

The second site is harvest_site.ini driven through the `ckan` command (and ckanapi's), on
its own database and Solr core (tools/stack.py creates both) and Redis database. The test
wipes them first, so that every run starts from nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ckan.tests import factories, helpers
from sqlalchemy.engine import make_url

from tests.factories import InventoryDataset
from tests.live_server import SITE_URL, served_here

pytestmark = [
    served_here,
    pytest.mark.ckan_config("ckanext.dcat.datasets_per_page", "2"),
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]

HARVEST_INI = Path(__file__).with_name("harvest_site.ini")
# tools/stack.py HARVEST_TEST_DB: the second site's database and Solr core.
HARVEST_DB = "ckan_harvest_test"
HARVEST_REDIS_DB = 2
HARVEST_SITE_URL = "http://harvest.test.example"
SOURCE = "hokkaido-portal"
BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def site_url_env(monkeypatch):
    """The stack passes CKAN_SITE_URL, which CKAN prefers to any config value; set before
    the app is made, so that catalogue URIs and next-page links name the live server."""
    monkeypatch.setenv("CKAN_SITE_URL", SITE_URL)


def _dataset(org: dict, title: str, license_id: str, *resources: tuple[str, str], **kwargs):
    return InventoryDataset(
        owner_org=org["id"],
        title=title,
        license_id=license_id,
        resources=[{"name": name, "url": url} for name, url in resources],
        **kwargs,
    )


@pytest.fixture
def portal():
    """Five public datasets in two organisations (three catalogue pages), a private
    dataset and a draft."""
    city = factories.Organization(title="旭川市")
    prefecture = factories.Organization(title="北海道")
    data = "http://127.0.0.1:9/opendata"
    public = [
        _dataset(city, "公園一覧", "CC-BY-4.0", ("公園一覧 CSV", f"{data}/parks.csv")),
        _dataset(
            city,
            "避難所一覧",
            "CC0-1.0",
            ("避難所 CSV", f"{data}/shelters.csv"),
            ("避難所 Excel", f"{data}/shelters.xlsx"),
        ),
        _dataset(city, "AED設置場所", "CC-BY-4.0", ("AED", f"{data}/aed.csv")),
        _dataset(prefecture, "人口推計", "CC-BY-4.0", ("人口", f"{data}/population.csv")),
        _dataset(prefecture, "観光入込客数", "CC0-1.0", ("観光", f"{data}/tourism.csv")),
    ]
    hidden = [
        _dataset(city, "非公開の職員名簿", "CC-BY-4.0", private=True),
        _dataset(
            prefecture, "下書きの台帳", "CC-BY-4.0", ("下書き", f"{data}/draft.csv"), state="draft"
        ),
    ]
    return {"public": public, "hidden": hidden}


class HarvestSite:
    """The second CKAN site, through its command line: `ckan` for its database and the
    harvest run, ckanapi's `ckan api action` for actions (as its site user, a sysadmin)."""

    def __init__(self, ckan_config):
        self.env = _harvest_site_env(ckan_config)

    def ckan(self, *args) -> str:
        return self._run(BIN / "ckan", "-c", HARVEST_INI, *args)

    def action(self, action: str, /, **params):
        args = [f"{key}={value}" for key, value in params.items()]
        return json.loads(self.ckan("api", "action", action, *args))

    def _run(self, *cmd) -> str:
        result = subprocess.run(
            [str(part) for part in cmd],
            env=self.env,
            stdin=subprocess.DEVNULL,  # run-test asks before aborting a running job
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{cmd[0].name} {cmd[1:]} failed:\n{result.stderr[-4000:]}"
        return result.stdout


def _harvest_site_env(ckan_config) -> dict:
    """Our environment without the stack's CKAN_* variables (our database, core and site),
    plus the second site's, on the same PostgreSQL, Solr and Redis as ours."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CKAN_")}
    database = make_url(ckan_config["sqlalchemy.url"]).set(database=HARVEST_DB)
    solr_base = ckan_config["solr_url"].rstrip("/").rsplit("/", 1)[0]
    redis_server = ckan_config["ckan.redis.url"].rsplit("/", 1)[0]
    env.update(
        CKAN_SQLALCHEMY_URL=database.render_as_string(hide_password=False),
        CKAN_SOLR_URL=f"{solr_base}/{HARVEST_DB}",
        CKAN_REDIS_URL=f"{redis_server}/{HARVEST_REDIS_DB}",
        CKAN_SITE_URL=HARVEST_SITE_URL,
    )
    return env


@pytest.fixture
def harvest_site(ckan_config):
    """Wiped (database tables and search index) and migrated, with an organisation for
    the harvest source and its datasets."""
    site = HarvestSite(ckan_config)
    site.ckan("db", "clean", "--yes")
    site.ckan("db", "init")
    site.ckan("db", "upgrade", "-p", "harvest")
    site.action("organization_create", name="harvested", title="Harvested")
    return site


def _harvest(site: HarvestSite, catalogue_url: str) -> dict:
    """Create the source, run one harvest job synchronously, return the job's report."""
    source = site.action(
        "harvest_source_create",
        name=SOURCE,
        title="北海道オープンデータポータル",
        url=catalogue_url,
        source_type="dcat_rdf",
        owner_org="harvested",
        frequency="MANUAL",
    )
    site.ckan("harvester", "run-test", SOURCE)
    (job,) = site.action("harvest_job_list", source_id=source["id"])
    return site.action("harvest_job_report", id=job["id"])


def _harvested(site: HarvestSite) -> list[dict]:
    found = site.action(
        "package_search",
        fq="+dataset_type:dataset",
        rows=1000,
        include_private="true",
        include_drafts="true",
    )
    return found["results"]


def _summary(datasets: list[dict], publisher) -> dict:
    """Title -> what must survive the trip: licence, publisher, resources."""
    return {
        d["title"]: {
            "license_id": d["license_id"],
            "publisher": publisher(d),
            "resources": sorted((r["name"], r["url"]) for r in d["resources"]),
        }
        for d in datasets
    }


def _organization_title(dataset: dict) -> str:
    return dataset["organization"]["title"]


def _publisher_name(dataset: dict) -> str | None:
    """dcat_ap_full's publisher field: a list of agents."""
    publishers = dataset.get("publisher") or [{}]
    return publishers[0].get("name")


def test_a_second_site_harvests_exactly_our_public_datasets(live_server, portal, harvest_site):
    report = _harvest(harvest_site, f"{live_server}/catalog.ttl")
    harvested = _harvested(harvest_site)

    explain = f"harvest job report: {json.dumps(report, ensure_ascii=False, indent=1)}"
    assert not report["gather_errors"] and not report["object_errors"], explain
    assert _summary(harvested, _publisher_name) == _summary(
        portal["public"], _organization_title
    ), explain
    anonymous_count = helpers.call_action("package_search", {"user": ""}, rows=0)["count"]
    assert len(harvested) == anonymous_count == len(portal["public"])
    _assert_absent(harvest_site, [d["title"] for d in portal["hidden"]], harvested)


def _assert_absent(site: HarvestSite, titles: list[str], harvested: list[dict]) -> None:
    """Found by no title search (one query, with a harvested title that it must find, so
    that the search is known to work on Japanese titles) and nowhere in what the second
    site holds."""
    control = harvested[0]["title"]
    query = " OR ".join(f'title:"{title}"' for title in [*titles, control])
    found = site.action(
        "package_search", q=query, rows=100, include_private="true", include_drafts="true"
    )
    assert [d["title"] for d in found["results"]] == [control]
    everything = json.dumps(harvested, ensure_ascii=False)
    assert [title for title in titles if title in everything] == []
