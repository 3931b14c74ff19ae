"""What a caller may see, asked the way CKAN itself decides it: package_search with the
caller's permission labels, and package_show's auth function."""

from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk


def caller_context(context: dict) -> dict:
    """A fresh context for the same caller (actions write into the context they get)."""
    return {key: context[key] for key in ("user", "auth_user_obj", "ignore_auth") if key in context}


def visible_free_tags(context: dict) -> set[str]:
    """Free tags of the datasets the caller may see (one facet query)."""
    result = tk.get_action("package_search")(
        caller_context(context),
        {
            "q": "*:*",
            "rows": 0,
            "facet.field": ["tags"],
            "facet.limit": -1,
            "include_private": True,
        },
    )
    return set(result["facets"].get("tags", {}))


def may_read_dataset(context: dict, dataset_id: str) -> bool:
    try:
        tk.check_access("package_show", caller_context(context), {"id": dataset_id})
    except tk.NotAuthorized:
        return False
    return True


def unreadable_datasets(context: dict, dataset_ids: list[str]) -> set[str]:
    """Of these datasets, the private or unpublished ones the caller may not read."""
    hidden = model.Session.query(model.Package.id).filter(
        model.Package.id.in_(dataset_ids),
        (model.Package.private.is_(True)) | (model.Package.state != "active"),
    )
    return {dataset_id for (dataset_id,) in hidden if not may_read_dataset(context, dataset_id)}
