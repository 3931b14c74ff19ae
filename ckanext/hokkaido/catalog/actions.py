"""Actions of the catalogue (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.catalog import lists


@tk.side_effect_free
def hokkaido_open_data_list(context, data_dict):
    """A local government's 06 オープンデータ一覧 (new column set, one row per file of its
    public datasets and its departments').

    :param organization: 全国地方公共団体コード (6 or 5 digits) or organization name
    :returns: ``{"url": <the file's stable address>, "rows": <rows below the header>}``
    """
    tk.check_access("hokkaido_open_data_list", context, data_dict)
    ref = str(data_dict.get("organization") or "").strip()
    if not ref:
        raise tk.ValidationError({"organization": [tk._("Missing value")]})
    node = lists.local_government(ref)
    return {"url": lists.url(node), "rows": len(lists.rows(node))}
