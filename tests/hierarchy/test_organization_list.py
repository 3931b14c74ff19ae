"""The organization list is one page grouped by 振興局 in the official order, municipalities
by code, with kana; /hierarchy has a summary on top and is linked from the list."""

from __future__ import annotations

import re

import pytest

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")


def _list_page(app, **query) -> str:
    return app.get("/organization/", query_string=query).get_data(as_text=True)


def _section_headings(body: str) -> list[str]:
    return re.findall(r'<h2 id="org-section-\d+-heading">\s*<a href="[^"]+">([^<]+)</a>', body)


def test_all_194_organizations_are_on_one_page_without_a_pager(app):
    body = _list_page(app)

    for town in municipalities.municipalities():
        assert f'href="/organization/{town.org_name}"' in body
    assert 'class="pagination' not in body


def test_sections_follow_the_official_order_of_the_subprefectures(app):
    headings = _section_headings(_list_page(app))

    assert headings == ["北海道"] + [sub.name for sub in municipalities.subprefectures()]


def test_municipalities_are_in_code_order_with_their_kana(app):
    body = _list_page(app)
    heading = municipalities.subprefecture("上川総合振興局").org_name
    kamikawa = body[body.index(f'href="/organization/{heading}"') :]
    kamikawa = kamikawa[: kamikawa.index("</section>")]
    codes = re.findall(r'<span class="hokkaido-code">(\d{6})</span>', kamikawa)

    assert codes == [town.code for town in municipalities.children_of("上川総合振興局")]
    assert '旭川市</a>\n    <span class="hokkaido-kana">アサヒカワシ</span>' in kamikawa


def test_counts_include_only_what_the_visitor_may_see(app):
    minamifurano = municipalities.org_name_for("014621")
    InventoryDataset(owner_org=minamifurano, title="公開の計画")
    InventoryDataset(owner_org=minamifurano, title="内部の計画", private=True)

    body = _list_page(app)
    entry = body[body.index(f'href="/organization/{minamifurano}"') :]

    assert "1件" in entry[: entry.index("</li>")]


def test_a_search_shows_ckans_list(app):
    body = _list_page(app, q="旭川")

    assert "旭川市" in body
    assert 'class="hokkaido-org-section"' not in body


def test_the_list_links_to_the_hierarchy(app):
    assert 'href="/hierarchy"' in _list_page(app)


def test_the_hierarchy_page_sums_up_each_level(app):
    body = app.get("/hierarchy").get_data(as_text=True)
    summary = body[body.index('id="hierarchy-summary-heading"') : body.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="text-end">(\d+)</td>', summary)

    assert rows[:3] == [("都道府県", "1"), ("振興局", "14"), ("市町村", "179")]
    assert "179 市町村のうち" in summary
