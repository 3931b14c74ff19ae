"""What the progress pages show, prepared from the figures: map areas with their classes
and tooltips, the table rows, the history chart, the next steps in words, the badge."""

from __future__ import annotations

import datetime
import logging

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory.sheet import columns
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.progress import model, report, urls
from ckanext.hokkaido.progress.figures import Target, metrics
from ckanext.hokkaido.progress.figures.history import chart
from ckanext.hokkaido.progress.map import shapes
from ckanext.hokkaido.search import fields

log = logging.getLogger(__name__)


def metric_labels() -> dict[str, str]:
    return {
        "adopted": tk._("Open data adopted"),
        "machine": tk._("Machine-readable share"),
        "publication": tk._("Publication rate"),
        "standard": tk._("Standard datasets published"),
    }


def limits() -> metrics.Limits:
    """The legend's limits from ckanext.hokkaido.progress.share_steps / standard_steps;
    the defaults (and an error in the log) when they are not four increasing numbers."""
    try:
        return metrics.Limits.parse(
            tk.aslist(tk.config.get("ckanext.hokkaido.progress.share_steps")),
            tk.aslist(tk.config.get("ckanext.hokkaido.progress.standard_steps")),
        )
    except ValueError as exc:
        log.error("progress map limits: %s; using the defaults", exc)
        return metrics.Limits()


def legend(metric: str) -> list[tuple[str, str]]:
    """(class, label) of each step of the metric's legend."""
    if metric == "adopted":
        return [("1", tk._("Adopted")), ("0", tk._("Not yet"))]
    if metric == "standard":
        return list(enumerate(limits().standard_labels()))
    return [*enumerate(limits().share_labels()), (metrics.NO_DATA, tk._("No data"))]


def prefecture_page(result: dict, metric: str | None, sub_ref: str | None) -> dict:
    metric = metric if metric in metrics.BY_KEY else "adopted"
    sub = _subprefecture(sub_ref)
    rows = [r for r in result["municipalities"] if not sub or r["subprefecture"] == sub.name]
    return {
        "result": result,
        "metric": metric,
        "metric_labels": metric_labels(),
        "legend": legend(metric),
        "areas": areas(result["municipalities"]),
        "view_box": shapes.subprefecture_view_boxes()[sub.name] if sub else shapes.view_box(),
        "subprefecture": sub,
        "subprefectures": municipalities.subprefectures(),
        "rows": rows,
        "history": history(model.prefecture_history(), result),
        "downloads": urls.downloads(),
        "credit": pick(shapes.CREDIT, shapes.CREDIT_EN),
    }


def areas(rows: list[dict]) -> list[dict]:
    """Every shape with its municipality's classes, tooltip and link; the northern
    territories grey and without a link."""
    by_code = {row["lg_code"]: row for row in rows}
    steps_limits = limits()
    found = []
    for shape in shapes.shapes():
        row = by_code.get(shape.code)
        found.append(
            {
                "code": shape.code,
                "path": shape.path,
                "counted": bool(row),
                "steps": metrics.steps(row, steps_limits) if row else {},
                "tip": tooltip(row) if row else _not_counted(shape),
                "url": tk.url_for("hokkaido_progress.municipality", id=f"lg-{shape.code}")
                if row
                else None,
            }
        )
    return found


def tooltip(row: dict) -> str:
    name = pick(row["name"], row["name_en"])
    parts = [
        tk._("adopted since {date}").format(date=row["adopted_since"])
        if row["adopted"] and row["adopted_since"]
        else tk._("Adopted")
        if row["adopted"]
        else tk._("Not yet adopted"),
        tk._("{count} public datasets").format(count=row["public_datasets"]),
        tk._("machine-readable {share}").format(share=percent(row["machine_readable_share"])),
        tk._("publication rate {share}").format(share=percent(row["publication_rate"])),
        tk._("{count} standard datasets").format(count=len(row["standard_datasets_published"])),
    ]
    return f"{name}: " + pick("、", ", ").join(parts)


def _not_counted(shape) -> str:
    village = municipalities.by_code(shape.code, include_northern_territories=True)
    name = pick(shape.name, village.romaji if village else shape.name)
    return tk._("{name} (northern territories, not counted)").format(name=name)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def history(points: list[dict], today: dict | None) -> dict:
    """The chart and table of 取組済 over time; today's live figure ends the line when no
    snapshot has been taken today."""
    points = list(points)
    if today and (not points or points[-1]["date"] < today["date"]):
        points.append({"date": today["date"], "adopted": today["adopted"], "estimated": False})
    return {"points": points, "chart": chart(points, report.target())}


def municipality_page(row: dict, snapshots: list[dict]) -> dict:
    points = _municipality_points(row, snapshots)
    adopted = [{**p, "adopted": int(bool(p["adopted"]))} for p in points]
    return {
        "row": row,
        "steps": [word_step(step, row) for step in row["next_steps"]],
        "history": points,
        # its own 取組済 (0 or 1) against the plan's deadline
        "chart": chart(adopted, Target(1, report.target().deadline)),
        "standard_labels": _standard_labels(),
        "embed_url": tk.url_for("hokkaido_progress.embed", lg_code=row["lg_code"], _external=True),
        "badge_url": tk.url_for("hokkaido_progress.badge", lg_code=row["lg_code"], _external=True),
    }


def _municipality_points(row: dict, snapshots: list[dict]) -> list[dict]:
    """Its snapshots, preceded (when it adopted before the first one) by its adoption day,
    estimated from its datasets."""
    since = row["adopted_since"]
    first = snapshots[0]["date"] if snapshots else datetime.date.today().isoformat()
    adoption = {key: None for key in model.HISTORY_FIELDS}
    adoption.update(date=since, adopted=True, estimated=True)
    estimated = [adoption] if since and since < first else []
    return estimated + snapshots


def word_step(step: dict, row: dict) -> dict:
    """A next step's sentence and, where there is one, the page that helps."""
    org = f"lg-{row['lg_code']}"
    inventory = tk.url_for("hokkaido_inventory.inventory_dashboard", id=org)
    texts = {
        "record_inventory": (
            tk._(
                "Record your data inventory: list the data your offices hold, "
                "even what cannot be published yet."
            ),
            inventory,
        ),
        "publish_first_dataset": (
            tk._(
                "Publish a first dataset under an open licence (CC BY 4.0 etc.): "
                "that makes the municipality adopted."
            ),
            tk.url_for("dataset.new"),
        ),
        "apply_open_licence": (
            tk._(
                "{count} public datasets have no open licence: "
                "choose CC BY 4.0 or another open licence."
            ),
            tk.url_for("dataset.search", organization=org),
        ),
        "overdue_items": (
            tk._("{count} inventory items are past their planned publication date."),
            inventory,
        ),
        "convert_unreadable": (
            tk._("{count} datasets have no machine-readable file: see how to convert them."),
            tk.url_for("dataset.search", organization=org, hokkaido_machine_readable="false"),
        ),
        "publish_standard_dataset": (
            tk._(
                "Publish “{standard}”, a municipal standard open dataset "
                "({missing} of them not yet published)."
            ),
            tk.url_for("dataset.new"),
        ),
    }
    text, url = texts[step["id"]]
    params = dict(step["params"])
    if "standard" in params:
        params["standard"] = _standard_labels().get(params["standard"], params["standard"])
    return {"id": step["id"], "text": text.format(**params), "url": url}


def _standard_labels() -> dict[str, str]:
    choices = columns.column_by_field()[fields.STANDARD_DATASET].choices
    return {c.value: pick(c.label_ja, c.label_en) for c in choices}


def badge(row: dict) -> dict:
    label = pick("オープンデータ", "open data")
    value = pick("取組済", "adopted") if row["adopted"] else pick("未取組", "not yet")
    label_width, value_width = _text_width(label), _text_width(value)
    return {
        "label": label,
        "value": value,
        "adopted": row["adopted"],
        "label_width": label_width,
        "value_width": value_width,
        "width": label_width + value_width,
        "title": tooltip(row),
    }


def _text_width(text: str) -> int:
    """Pixels the badge gives a text at 12 px: full width for Japanese, less for Latin."""
    return 12 + sum(12 if ord(char) > 0x2E7F else 7 for char in text)


def _subprefecture(ref: str | None):
    if not ref:
        return None
    try:
        return municipalities.subprefecture(ref)
    except KeyError:
        return None
