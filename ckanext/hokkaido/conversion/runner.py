"""A resource's conversion, run by the worker: its bytes (as scoring finds them) through
the engine in a child process, each tidy CSV added to the same dataset and scored, the
report kept. On any failure nothing is added (resources already added are removed) and
the reason is kept for the pages."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import ckan.model as model
import ckan.plugins.toolkit as tk
from werkzeug.datastructures import FileStorage

from ckanext.hokkaido.conversion.child import convert_in_child
from ckanext.hokkaido.conversion.model import DONE, FAILED, RUNNING, ResourceConversion
from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring.child_process import ChildFailed

CONFIG_TIMEOUT = "ckanext.hokkaido.conversion.hard_timeout"
SUFFIX = "-tidy"


def run(resource_id: str) -> ResourceConversion | None:
    record = ResourceConversion.get(resource_id)
    if record is None:
        return None
    record.status = RUNNING
    model.Session.commit()
    source = tk.get_action("resource_show")({"ignore_auth": True}, {"id": resource_id})
    try:
        answer = _convert(source, record.requested_by or _site_user())
    except ChildFailed as exc:
        answer = {"error": _message(exc.ja, exc.en)}
    if answer.get("error"):
        record.finish(FAILED, error=answer["error"])
    else:
        record.finish(DONE, converted_ids=answer.pop("converted_ids"), report=answer)
    model.Session.commit()
    return record


def _convert(source: dict, user: str) -> dict:
    with resource_scoring.local_copy(source) as (path, refusal):
        if path is None:
            return {"error": _message(refusal["ja"], refusal["en"])}
        with tempfile.TemporaryDirectory(prefix="hokkaido-convert-") as directory:
            name = resource_scoring.file_name(source) or "resource"
            out = Path(directory) / f"{Path(name).stem or 'resource'}{SUFFIX}.csv"
            answer = convert_in_child(path, str(out), name, tk.config.get(CONFIG_TIMEOUT))
            if answer.get("error"):
                return answer
            answer["converted_ids"] = _add_resources(user, source, answer["outputs"])
            for output in answer["outputs"]:
                output["path"] = os.path.basename(output["path"])
            return answer


def _add_resources(user: str, source: dict, outputs: list[dict]) -> list[str]:
    """Each output as a new resource of the source's dataset, scored now; all or none."""
    created: list[str] = []
    try:
        for output in outputs:
            created.append(_add_resource(user, source, output, len(outputs))["id"])
    except Exception:
        for resource_id in created:
            tk.get_action("resource_delete")(
                {"user": user, "ignore_auth": True}, {"id": resource_id}
            )
        raise
    for resource_id in created:
        resource_scoring.score_resource(resource_id)
    return created


def _add_resource(user: str, source: dict, output: dict, total: int) -> dict:
    path = output["path"]
    name = source.get("name") or resource_scoring.file_name(source) or tk._("Resource")
    where = _where(output) if total > 1 else ""
    with open(path, "rb") as stream:
        return tk.get_action("resource_create")(
            {"user": user, "ignore_auth": True},
            {
                "package_id": source["package_id"],
                "name": f"{name}{where}（機械判読用CSV）",
                "description": (
                    f"「{name}」を機械判読できる形式（UTF-8 の CSV）に変換したファイルです。"
                    "変換の内容はこのページの変換レポートにあります。"
                ),
                "format": "CSV",
                "url": os.path.basename(path),
                "upload": FileStorage(stream=stream, filename=os.path.basename(path)),
            },
        )


def _where(output: dict) -> str:
    sheet = f"・{output['sheet']}" if output.get("sheet") else ""
    return f"{sheet}・表{output['table']}"


def _site_user() -> str:
    return tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]


def _message(ja: str, en: str) -> dict:
    return {"message": {"ja": ja, "en": en}, "location": None}
