"""Pages of the progress figures: the prefecture's map and table, each municipality's
progress tab, the files, and the widget and badge a municipality embeds on its site."""

from __future__ import annotations

import datetime

import ckan.plugins.toolkit as tk
from flask import Blueprint, Response

from ckanext.hokkaido.context import request_context
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory.dashboard import dashboard
from ckanext.hokkaido.progress import model, page_data, publication, report
from ckanext.hokkaido.request_cache import once_per_request

blueprint = Blueprint("hokkaido_progress", __name__)

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def live() -> dict:
    """Today's figures, gathered once per request."""
    return once_per_request("progress:live", report.live)


@blueprint.route("/progress")
def index():
    """取組済 x / 179 against the target: the map, the table beside it, the 振興局, the
    history and the files."""
    result = live()
    args = tk.request.args
    return tk.render(
        "hokkaido/progress/index.html",
        page_data.prefecture_page(result, args.get("metric"), args.get("subprefecture")),
    )


@blueprint.route("/progress/download/progress.<fmt>")
def download(fmt: str):
    """The figures as CSV, GeoJSON or XLSX, today's or a snapshot's (?date=YYYY-MM-DD)."""
    if fmt not in MEDIA_TYPES:
        return tk.abort(404, tk._("Unknown format"))
    result = _result_for(tk.request.args.get("date"))
    content = publication.file(result, f"progress.{fmt}")
    filename = f"progress-{result['date']}.{fmt}"
    return Response(
        content,
        mimetype=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@blueprint.route("/organization/<id>/progress")
def municipality(id: str):
    """A municipality's progress tab: its figures, history, standard datasets, overdue
    items (named only to those who may read them) and next steps."""
    org = _organization(id)
    if org.get("lg_code") == municipalities.prefecture().code:
        return tk.redirect_to("hokkaido_progress.index")
    row = _row_or_404(org.get("lg_code", ""))
    return tk.render(
        "hokkaido/progress/municipality.html",
        {
            "group_dict": org,
            "group_type": "organization",
            "am_following": _am_following(org["id"]),
            **page_data.municipality_page(row, model.municipality_history(row["lg_code"])),
            "inventory": dashboard(request_context(), org["id"]),
        },
    )


@blueprint.route("/progress/embed/<lg_code>")
def embed(lg_code: str):
    """A small page for a municipality's own site to show in an iframe."""
    row = _row_or_404(lg_code)
    return tk.render("hokkaido/progress/embed.html", {"row": row})


@blueprint.route("/progress/badge/<lg_code>.svg")
def badge(lg_code: str):
    row = _row_or_404(lg_code)
    svg = tk.render("hokkaido/progress/badge.svg", page_data.badge(row))
    return Response(svg, mimetype="image/svg+xml")


def _result_for(day: str | None) -> dict:
    if not day:
        return live()
    try:
        return report.for_day(datetime.date.fromisoformat(day))
    except ValueError:
        return tk.abort(400, tk._("The date must be written YYYY-MM-DD"))
    except tk.ObjectNotFound as exc:
        return tk.abort(404, str(exc))


def _row_or_404(lg_code: str) -> dict:
    try:
        return report.municipality(live(), lg_code)
    except (tk.ObjectNotFound, ValueError):
        return tk.abort(404, tk._("No municipality has the code {code}").format(code=lg_code))


def _am_following(org_id: str) -> bool:
    if not tk.current_user.is_authenticated:
        return False
    return tk.get_action("am_following_group")(request_context(), {"id": org_id})


def _organization(id: str) -> dict:
    try:
        return tk.get_action("organization_show")(
            request_context(), {"id": id, "include_datasets": False}
        )
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Organization not found"))
