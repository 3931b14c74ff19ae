"""Free-text queries require every token of every word; CKAN's own query syntax (field
names in q, fq) is left as CKAN handles it."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.search import query
from tests.factories import InventoryDataset


@pytest.mark.parametrize("q", ["生活保護", "AED設置箇所", "除雪 札幌", "snow"])
def test_free_text_is_parsed_by_edismax(q):
    assert query.with_japanese_query_fields({"q": q})["defType"] == "edismax"


@pytest.mark.parametrize("q", [None, "", "  ", "*:*", "tags:除雪", 'title:"除雪路線図"'])
def test_no_query_or_a_query_with_field_names_keeps_ckans_parser(q):
    assert "defType" not in query.with_japanese_query_fields({"q": q})


def test_a_callers_own_parser_and_fields_are_kept():
    params = query.with_japanese_query_fields({"q": "除雪", "defType": "dismax", "qf": "title"})

    assert (params["defType"], params["qf"]) == ("dismax", "title")


@pytest.fixture
def datasets(with_plugins, clean_db, clean_index):
    org = factories.Organization()["id"]
    InventoryDataset(owner_org=org, title="除雪路線図", notes="幹線道路・生活道路の除雪路線")
    InventoryDataset(owner_org=org, title="旭川市の生活保護受給者数", tags=[{"name": "福祉"}])
    InventoryDataset(owner_org=org, title="AED設置箇所一覧", notes="旭川市内のAED")


@pytest.mark.usefixtures("datasets")
class TestSearch:
    @staticmethod
    def titles(**search) -> list[str]:
        found = helpers.call_action("package_search", rows=10, **search)
        return sorted(p["title"] for p in found["results"])

    def test_a_word_kuromoji_splits_needs_all_its_tokens(self):
        assert self.titles(q="生活保護") == ["旭川市の生活保護受給者数"]

    def test_the_tokens_need_not_be_adjacent(self):
        assert self.titles(q="旭川市生活保護") == ["旭川市の生活保護受給者数"]

    def test_every_word_of_the_query_is_needed(self):
        assert self.titles(q="除雪 保護") == []

    def test_a_short_word_is_found_inside_a_title(self):
        assert self.titles(q="除雪") == ["除雪路線図"]
        assert self.titles(q="生活") == ["旭川市の生活保護受給者数", "除雪路線図"]

    def test_mixed_japanese_and_ascii_queries_are_found(self):
        assert self.titles(q="AED設置箇所") == ["AED設置箇所一覧"]
        assert self.titles(q="aed 旭川") == ["AED設置箇所一覧"]

    def test_a_query_with_a_field_name_is_solr_syntax(self):
        assert self.titles(q="tags:福祉") == ["旭川市の生活保護受給者数"]
        assert self.titles(q='title:"除雪路線図" OR tags:福祉') == [
            "旭川市の生活保護受給者数",
            "除雪路線図",
        ]

    def test_a_filter_query_narrows_a_japanese_query(self):
        assert self.titles(q="生活", fq="tags:福祉") == ["旭川市の生活保護受給者数"]
