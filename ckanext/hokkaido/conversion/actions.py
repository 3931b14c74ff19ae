"""Actions of the conversion (collected by the plugin)."""

from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.hokkaido.conversion import eligibility, jobs
from ckanext.hokkaido.conversion.model import QUEUED, RUNNING, ResourceConversion
from ckanext.hokkaido.scoring.model import ResourceScore


def hokkaido_convert_resource(context, data_dict):
    """Convert a resource whose machine-readability check found errors into tidy UTF-8
    CSV, in the background: each table becomes a new resource of the same dataset (the
    original is kept), scored, with the report on both resources' pages.

    :param id: the resource's id
    :returns: the conversion's state (see hokkaido_resource_conversion_show); asking again
        while it waits or runs returns the same conversion
    """
    tk.check_access("hokkaido_convert_resource", context, data_dict)
    resource = _active_resource(data_dict.get("id"))
    stored = ResourceScore.get(resource.id)
    refusal = eligibility.refusal(stored.as_dict() if stored else None)
    if refusal:
        raise tk.ValidationError({"id": [refusal]})
    record = ResourceConversion.get(resource.id) or ResourceConversion(
        resource_id=resource.id, package_id=resource.package_id
    )
    if record.status in (QUEUED, RUNNING):
        return record.as_dict()
    record.queue(context.get("user") or "")
    model.Session.add(record)
    model.Session.commit()
    jobs.enqueue(resource.id)
    return record.as_dict()


@tk.side_effect_free
def hokkaido_resource_conversion_show(context, data_dict):
    """How a resource was converted, or how the resource was made: ``status`` (queued,
    running, done, failed), ``resource_id`` (the original), ``converted_ids``, ``report``
    (``outputs``, ``counts``, the first ``changes``, ``total_changes``) or ``error``
    (``message`` {ja, en}, ``location``).

    :param id: the original's or a converted resource's id
    """
    tk.check_access("hokkaido_resource_conversion_show", context, data_dict)
    record = ResourceConversion.of_either(data_dict.get("id") or "")
    if record is None:
        raise tk.ObjectNotFound(tk._("This resource has not been converted"))
    return record.as_dict()


def _active_resource(resource_id: str | None) -> model.Resource:
    resource = model.Resource.get(resource_id or "")
    if resource is None or resource.state != "active":
        raise tk.ObjectNotFound(tk._("Resource not found"))
    return resource
