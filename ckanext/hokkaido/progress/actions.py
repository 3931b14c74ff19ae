"""Actions of the progress figures (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.progress import report, snapshots, urls

LEVELS = ("prefecture", "subprefecture", "municipality")


@tk.side_effect_free
def hokkaido_progress(context, data_dict):
    """Progress toward the target: who has adopted open data (取組済) and how far each
    municipality has come, today or on a day a snapshot was taken.

    :param level: ``prefecture`` (default): totals, target, 振興局 rollups, every
        municipality's row and ``downloads``; ``subprefecture``: the 14 rollups, or with
        ``code`` (name or key) one with its municipalities; ``municipality``: every row, or
        with ``code`` (全国地方公共団体コード) one row with its ``next_steps``
    :param code: see level
    :param date: (optional) YYYY-MM-DD of a stored snapshot
    """
    tk.check_access("hokkaido_progress", context, data_dict)
    data, errors = tk.navl_validate(data_dict, _schema(), context)
    if errors:
        raise tk.ValidationError(errors)
    result = report.for_day(data.get("date"))
    level, code = data.get("level") or "prefecture", data.get("code")
    if level == "municipality":
        if code:
            return report.municipality(result, code)
        return {"date": result["date"], "municipalities": result["municipalities"]}
    if level == "subprefecture":
        if code:
            return report.subprefecture(result, code)
        return {"date": result["date"], "subprefectures": result["subprefectures"]}
    return {**result, "downloads": urls.downloads(data.get("date"))}


def hokkaido_progress_snapshot(context, data_dict):
    """Store today's figures (replacing today's if taken already) and refresh the
    prefecture's dataset of them. The first snapshot of a portal with data also stores
    the history its datasets' creation dates suggest, marked estimated.

    :returns: ``{date, adopted, total, estimated_days}``
    """
    tk.check_access("hokkaido_progress_snapshot", context, data_dict)
    return snapshots.take(context)


def _schema() -> dict:
    ignore_missing = tk.get_validator("ignore_missing")
    unicode_safe = tk.get_validator("unicode_safe")
    one_of = tk.get_validator("one_of")
    return {
        "level": [ignore_missing, unicode_safe, one_of(list(LEVELS))],
        "code": [ignore_missing, unicode_safe],
        "date": [ignore_missing, tk.get_validator("hokkaido_iso_date")],
    }
