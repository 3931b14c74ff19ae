"""Japanese search finds what was asked for: judged queries over the demo content and
2,000 generated municipal datasets, scored by precision and recall of the first five
results."""

from __future__ import annotations

import statistics

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckan.tests import helpers

from ckanext.hokkaido.demo import seed as demo
from ckanext.hokkaido.hierarchy.tree import chains_cached
from ckanext.hokkaido.inventory import bulk_create
from ckanext.hokkaido.inventory.deferred_index import DeferredIndex
from tests.search import corpus
from tests.search.metrics import precision_at, recall_at

K = 5
MIN_PRECISION = 0.9
MIN_RECALL = 0.95
VALIDATION_WORKERS = 2  # as the importer's default (ckanext.hokkaido.inventory.import_workers)


def _package(generated: corpus.Generated) -> dict:
    return {
        "name": generated.name,
        "title": generated.title,
        "notes": generated.notes,
        "owner_org": generated.municipality.org_name,
        "private": False,
        "license_id": "CC-BY-4.0",
        "inventory_id": f"R-{generated.topic}",
        "publication_status": "published",
        "tags": [{"name": tag} for tag in generated.tags],
        "resources": [
            {"name": generated.title, "url": f"http://127.0.0.1:9/{generated.topic}.csv"}
        ],
    }


def _create_all(generated: list[corpus.Generated]) -> None:
    """package_create's validation, save and index document for each dataset (the
    inventory import's bulk path), in one transaction and with one Solr commit."""
    username = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    checked = bulk_create.validate_all(
        [_package(g) for g in generated], username, VALIDATION_WORKERS
    )
    user = model.User.get(username)
    deferred = DeferredIndex()
    try:
        with chains_cached(), deferred.capturing():
            for data, errors in checked:
                assert not errors, errors
                bulk_create.index(bulk_create.save(data, user), user, activity_type=None)
        model.repo.commit()
        deferred.send()
    finally:
        deferred.close()


@pytest.fixture(scope="module")
def judged_queries(seeded, reset_queues):
    """The demo content and the generated datasets, indexed once for the module."""
    judgements = corpus.judgements()
    generated = corpus.generated_datasets(judgements["topics"])
    demo.seed()
    _create_all(generated)
    yield corpus.queries(judgements["queries"], generated)
    reset_queues()  # the scoring jobs the new datasets queued


def _names(q: str) -> list[str]:
    found = helpers.call_action("package_search", q=q, rows=K, fl=["name"])
    return [d["name"] for d in found["results"]]


def _matches(q: str, name: str) -> bool:
    found = helpers.call_action("package_search", q=q, fq=f'name:"{name}"', rows=0)
    return found["count"] == 1


def test_every_judged_query_has_relevant_datasets(judged_queries):
    assert len(judged_queries) >= 30
    assert [q.q for q in judged_queries if not q.relevant] == []


def _scored(query: corpus.Query) -> tuple[corpus.Query, list[str], float, float]:
    results = _names(query.q)
    return (
        query,
        results,
        precision_at(results, query.relevant, K),
        recall_at(results, query.relevant, K),
    )


def test_japanese_queries_find_the_relevant_datasets_first(judged_queries, capsys):
    scores = [_scored(query) for query in judged_queries]
    precision = statistics.mean(p for _, _, p, _ in scores)
    recall = statistics.mean(r for _, _, _, r in scores)
    with capsys.disabled():
        print(
            f"\nJapanese search over {len(scores)} judged queries: "
            f"precision@{K} {precision:.3f}, recall@{K} {recall:.3f}"
        )
        for query, results, p, r in scores:
            if p < 1 or r < 1:
                wrong = [name for name in results if name not in query.relevant]
                print(f"  {query.q}: precision {p:.2f}, recall {r:.2f}, not relevant: {wrong}")

    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_a_word_split_into_tokens_does_not_match_on_one_of_them(judged_queries):
    # 除雪路線図's description mentions 生活道路: 生活 alone is not 生活保護
    assert not _matches("生活保護", "sapporo-snow-removal")
    assert _matches("生活", "sapporo-snow-removal")


def test_a_municipality_finds_its_datasets_whose_text_does_not_name_it(judged_queries):
    # 旭川市's AED list says only 「旭川市内」 (旭川 / 市内); its organization says 旭川市
    assert _matches("旭川市 AED", "asahikawa-aed")
    assert not _matches("函館市 AED", "asahikawa-aed")
