"""このポータルについて, お問い合わせ and 利用規約: the portal's own texts by default, the
ones a sysadmin writes on CKAN's settings page (/ckan-admin/config) once there are any."""

from __future__ import annotations

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db")


def _page(app, path: str, **kwargs) -> str:
    response = app.get(path, **kwargs)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_about_page_is_japanese_with_a_contact_section(app):
    body = _page(app, "/about")

    assert '<h1 class="page-heading">このポータルについて</h1>' in body
    assert "北海道と道内179市町村のオープンデータを一か所で公開しています" in body
    assert 'id="contact"' in body and "お問い合わせ" in body
    assert "CKAN is the world" not in body


def test_the_about_page_reads_in_english_too(app):
    body = _page(app, "/en/about")

    assert "About this portal" in body and "What you find here" in body


def test_the_about_text_a_sysadmin_writes_replaces_the_default(app, site_settings):
    site_settings(**{"ckan.site_about": "## 運営\n\n北海道 総合政策部が運営しています。"})

    body = _page(app, "/about")

    assert "<h2>運営</h2>" in body and "総合政策部が運営しています" in body
    assert "掲載しているもの" not in body
    assert 'id="contact"' in body  # the contact section stays


def test_the_contact_text_a_sysadmin_writes_is_shown(app, site_settings):
    site_settings(**{"ckanext.hokkaido.contact_text": "電話 011-000-0000 <script>x()</script>"})

    body = _page(app, "/about")
    contact = body[body.index('id="contact"') :]

    assert "電話 011-000-0000" in contact
    assert "<script>x()</script>" not in contact  # Markdown is rendered without raw HTML


def test_without_a_contact_text_sysadmins_are_told_where_to_write_it(app, sysadmin):
    anonymous = _page(app, "/about")
    admin = _page(app, "/about", headers={"Authorization": sysadmin["token"]})

    assert "公開している組織にお問い合わせください" in anonymous
    assert "/ckan-admin/config" not in anonymous
    assert "/ckan-admin/config" in admin


def test_the_terms_give_the_licences_attribution_and_disclaimer(app):
    body = _page(app, "/terms")

    assert "<title>利用規約 - 北海道オープンデータポータル</title>" in body
    assert "CC BY 4.0" in body and "公共データ利用規約（第1.0版）" in body
    assert "出典：北海道オープンデータポータル" in body
    assert "免責事項" in body
    assert "https://creativecommons.org/licenses/by/4.0/legalcode.ja" in body
    assert "CC BY-NC" not in body  # not an open licence


def test_the_terms_a_sysadmin_writes_replace_the_default(app, site_settings):
    site_settings(**{"ckanext.hokkaido.terms_text": "## 第1条\n\n独自の規約です。"})

    body = _page(app, "/terms")

    assert "<h2>第1条</h2>" in body and "独自の規約です。" in body
    assert "免責事項" not in body


def test_the_settings_page_offers_the_terms_and_contact_texts(app, sysadmin):
    body = _page(app, "/ckan-admin/config", headers={"Authorization": sysadmin["token"]})

    assert 'name="ckanext.hokkaido.terms_text"' in body
    assert 'name="ckanext.hokkaido.contact_text"' in body
    assert 'name="ckan.site_about"' in body and 'name="ckan.site_intro_text"' in body


def test_only_sysadmins_change_the_texts():
    user = factories.User()

    with pytest.raises(tk.NotAuthorized):
        helpers.call_action(
            "config_option_update",
            {"user": user["name"], "ignore_auth": False},
            **{"ckanext.hokkaido.terms_text": "改ざん"},
        )
