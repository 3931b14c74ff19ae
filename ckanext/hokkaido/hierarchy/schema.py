"""Input schemas of the hierarchy's actions."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


def municipality_show_schema() -> dict:
    not_empty = tk.get_validator("not_empty")
    unicode_safe = tk.get_validator("unicode_safe")
    lg_code = tk.get_validator("hokkaido_lg_code")
    return {"code": [not_empty, unicode_safe, lg_code]}
