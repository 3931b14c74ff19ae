"""Datasets are placed in the tree by the search index, and the pages show the tree."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")


def _dataset_in(code: str, **kwargs) -> dict:
    return InventoryDataset(owner_org=municipalities.org_name_for(code), **kwargs)


def _titles(**search) -> list[str]:
    return [
        p["title"] for p in helpers.call_action("package_search", rows=100, **search)["results"]
    ]


def test_one_filter_selects_every_dataset_of_a_subprefectures_municipalities():
    _dataset_in("012041", title="旭川市の除雪")
    _dataset_in("014605", title="東川町の除雪")  # 上川総合振興局
    _dataset_in("012025", title="函館市の除雪")

    titles = _titles(q="除雪", fq='hokkaido_subprefecture:"上川総合振興局"')

    assert sorted(titles) == ["旭川市の除雪", "東川町の除雪"]


def test_datasets_carry_their_municipality_code_and_prefecture():
    _dataset_in("012041", title="旭川市の公園")

    assert _titles(q="公園", fq="hokkaido_lg_code:012041 AND hokkaido_prefecture:010006") == [
        "旭川市の公園"
    ]


def test_search_has_facets_for_subprefecture_and_municipality():
    _dataset_in("012041", title="旭川市の図書館")

    result = helpers.call_action(
        "package_search",
        q="図書館",
        **{"facet.field": '["hokkaido_subprefecture", "hokkaido_municipality"]'},
    )

    assert result["facets"]["hokkaido_subprefecture"] == {"上川総合振興局": 1}
    assert result["facets"]["hokkaido_municipality"] == {"旭川市": 1}


def test_the_dataset_search_page_shows_the_hierarchy_facets(app):
    _dataset_in("012041", title="旭川市の公民館")

    body = app.get("/dataset/", query_string={"q": "公民館"}).get_data(as_text=True)

    assert "上川総合振興局" in body
    assert "旭川市" in body


def test_the_api_includes_the_childrens_datasets_when_asked():
    _dataset_in("012041", title="旭川市の動物園")
    kamikawa = municipalities.subprefecture("上川総合振興局")
    org_id = helpers.call_action("organization_show", id=kamikawa.org_name)["id"]
    fq = f'owner_org:"{org_id}"'

    assert _titles(q="動物園", fq=fq) == []
    assert _titles(q="動物園", fq=fq, extras={"ext_include_children": "true"}) == ["旭川市の動物園"]


def test_the_api_takes_include_children_on_get_as_docs_api_md_shows_it(app):
    _dataset_in("012041", title="旭川市の科学館")
    kamikawa = municipalities.subprefecture("上川総合振興局")
    org_id = helpers.call_action("organization_show", id=kamikawa.org_name)["id"]

    answer = app.get(
        "/api/3/action/package_search",
        query_string={
            "q": "科学館",
            "fq": f'owner_org:"{org_id}"',
            "extras": '{"ext_include_children": "true"}',
        },
    ).json

    assert [p["title"] for p in answer["result"]["results"]] == ["旭川市の科学館"]


def test_a_subprefecture_page_includes_its_municipalities_datasets_by_default(app):
    _dataset_in("012041", title="旭川市の体育館")
    kamikawa = municipalities.subprefecture("上川総合振興局").org_name

    body = app.get(f"/organization/{kamikawa}").get_data(as_text=True)

    assert "旭川市の体育館" in body
    assert 'name="ext_include_children" value="true" checked' in body


def test_a_subprefecture_page_can_show_only_its_own_datasets(app):
    _dataset_in("012041", title="旭川市の武道館")
    kamikawa = municipalities.subprefecture("上川総合振興局").org_name

    body = app.get(
        f"/organization/{kamikawa}", query_string={"ext_include_children": "false"}
    ).get_data(as_text=True)

    assert "旭川市の武道館" not in body
    assert 'name="ext_include_children" value="false" checked' in body


def test_the_prefecture_page_includes_every_municipality_below_it(app):
    _dataset_in("012041", title="旭川市の市民農園")
    _dataset_in("012025", title="函館市の市民農園")

    body = app.get(f"/organization/{municipalities.prefecture().org_name}").get_data(as_text=True)

    assert "旭川市の市民農園" in body and "函館市の市民農園" in body


def test_the_prefecture_page_leaves_out_organizations_outside_the_tree(app):
    outsider = factories.Organization(title="道外の団体", image_url="")
    InventoryDataset(owner_org=outsider["id"], title="道外の観光案内")
    _dataset_in("012041", title="旭川市の観光案内")

    body = app.get(f"/organization/{municipalities.prefecture().org_name}").get_data(as_text=True)

    assert "旭川市の観光案内" in body and "道外の観光案内" not in body


def test_the_organization_count_on_the_page_stays_the_organizations_own(app):
    _dataset_in("012041", title="旭川市の公園")
    kamikawa = municipalities.subprefecture("上川総合振興局").org_name

    body = app.get(f"/organization/{kamikawa}").get_data(as_text=True)
    shown = helpers.call_action("organization_show", id=kamikawa)

    nums = body[body.index('class="nums"') :]
    datasets = nums[nums.index("データセット</dt>") :]
    assert shown["package_count"] == 0
    assert datasets[: datasets.index("</dd>")].endswith("<span>0</span>")


def test_a_municipality_page_has_no_choice_without_organizations_below(app):
    body = app.get(f"/organization/{municipalities.org_name_for('012041')}").get_data(as_text=True)

    assert 'name="ext_include_children"' not in body


def test_a_municipality_page_shows_its_breadcrumb_from_hokkaido(app):
    body = app.get(f"/organization/{municipalities.org_name_for('012041')}").get_data(as_text=True)

    breadcrumb = body[body.index('class="breadcrumb"') :]
    assert (
        breadcrumb.index("北海道") < breadcrumb.index("上川総合振興局") < breadcrumb.index("旭川市")
    )


def test_a_subprefecture_page_lists_its_municipalities(app):
    kamikawa = municipalities.subprefecture("上川総合振興局").org_name

    body = app.get(f"/organization/{kamikawa}").get_data(as_text=True)

    assert "旭川市" in body and "東川町" in body


def test_the_hierarchy_page_counts_only_datasets_the_visitor_may_see(app):
    otoineppu = municipalities.org_name_for("014702")
    InventoryDataset(owner_org=otoineppu, title="音威子府村の秘密の計画", private=True)
    sysadmin = factories.SysadminWithToken()

    anonymous = app.get("/hierarchy").get_data(as_text=True)
    tree = helpers.call_action(
        "hokkaido_organization_tree", {"user": "", "ignore_auth": False}, id=otoineppu
    )
    admin_tree = helpers.call_action(
        "hokkaido_organization_tree",
        {"user": sysadmin["name"], "ignore_auth": False},
        id=otoineppu,
    )

    assert "音威子府村" in anonymous
    assert "秘密の計画" not in anonymous
    assert tree[0]["dataset_count"] == 0
    assert admin_tree[0]["dataset_count"] == 1


def test_the_facet_titles_are_japanese_in_the_japanese_ui(app):
    _dataset_in("012041", title="旭川市の科学館")

    japanese = app.get("/dataset/", query_string={"q": "科学館"}).get_data(as_text=True)
    english = app.get("/en/dataset/", query_string={"q": "科学館"}).get_data(as_text=True)

    assert "振興局" in japanese and "市町村" in japanese
    assert "Subprefecture" in english and "Municipality" in english


def test_the_organization_form_offers_the_parent_organization(app):
    sysadmin = factories.SysadminWithToken()
    asahikawa = municipalities.org_name_for("012041")

    body = app.get(
        f"/organization/edit/{asahikawa}", headers={"Authorization": sysadmin["token"]}
    ).get_data(as_text=True)

    select = body[body.index('name="groups__0__name"') :]
    select = select[: select.index("</select>")]
    assert "上川総合振興局" in select
    assert "selected" in select[select.index("上川総合振興局") - 80 :][:90]
    assert f'value="{asahikawa}"' not in select
    assert 'name="groups__0__capacity" value="parent"' in body
