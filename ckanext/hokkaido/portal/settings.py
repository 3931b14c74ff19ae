"""What sysadmins change in CKAN's own settings page (/ckan-admin/config): CKAN's About
text, intro text and logo, plus two texts declared here, the terms of use and the contact
section. Where the configuration still names CKAN's logo or icon, the portal's are used."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

# Markdown; empty: the portal's default text (templates/hokkaido/portal/snippets/)
SITE_TEXTS = {
    "terms": "ckanext.hokkaido.terms_text",
    "contact": "ckanext.hokkaido.contact_text",
}
PORTAL_LOGO = "/hokkaido/logo.svg"
# CKAN's defaults (its config_declaration.yaml), replaced by the portal's image
CKAN_IMAGES = {
    "ckan.site_logo": "/base/images/ckan-logo.png",
    "ckan.favicon": "/base/images/ckan.ico",
}


def with_site_texts(schema: dict) -> dict:
    """CKAN's runtime-editable options (IConfigurer.update_config_schema) plus ours."""
    ignore_missing = tk.get_validator("ignore_missing")
    unicode_safe = tk.get_validator("unicode_safe")
    for key in SITE_TEXTS.values():
        schema[key] = [ignore_missing, unicode_safe]
    return schema


def use_portal_images(config) -> None:
    """The portal's logo and icon instead of CKAN's defaults; any other value (a logo a
    sysadmin uploaded, an empty one for a text-only header) stays."""
    for key, ckan_default in CKAN_IMAGES.items():
        if config.get(key) == ckan_default:
            config[key] = PORTAL_LOGO


def site_text(name: str) -> str:
    """The sysadmin's Markdown for `name` (terms, contact), or '' for the default text."""
    return (tk.config.get(SITE_TEXTS[name]) or "").strip()
