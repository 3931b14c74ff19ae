"""Template helpers of the conversion (collected by the plugin)."""

from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.hokkaido.conversion import eligibility
from ckanext.hokkaido.conversion.model import ResourceConversion


def hokkaido_resource_conversion(resource_id: str) -> dict | None:
    """The conversion of this resource or the one that made it, with the role the
    resource plays in it (``source`` or ``converted``); the page already checked access."""
    record = ResourceConversion.of_either(resource_id)
    if record is None:
        return None
    role = "source" if record.resource_id == resource_id else "converted"
    return {**record.as_dict(), "role": role}


def hokkaido_may_convert(resource_id: str, score: dict | None) -> bool:
    """Whether to offer the conversion button: a scored spreadsheet or CSV with an error
    finding, to someone who may edit its dataset."""
    if eligibility.refusal(score):
        return False
    return tk.h.check_access("hokkaido_convert_resource", {"id": resource_id})


def hokkaido_conversion_where(location: dict | None) -> str:
    """Sheet, row and column of a change or an error, in the UI language."""
    if not location:
        return ""
    parts = []
    if location.get("sheet"):
        parts.append(tk._("sheet {sheet}").format(sheet=location["sheet"]))
    if location.get("row"):
        parts.append(tk._("row {row}").format(row=location["row"]))
    if location.get("column"):
        parts.append(tk._("column {column}").format(column=location["column"]))
    return ", ".join(parts)


def hokkaido_resource_name(resource_id: str) -> str:
    resource = model.Resource.get(resource_id)
    return (resource.name or resource.url or resource_id) if resource else resource_id
