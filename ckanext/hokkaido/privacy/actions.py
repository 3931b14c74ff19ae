"""Core actions chained so that private datasets leave no trace for those who cannot read
them (collected by the plugin). Free tags are filtered by the caller's search permissions;
vocabulary tags are curated lists, not data, and are left as they are."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.privacy import visibility


@tk.chained_action
@tk.side_effect_free
def package_show(next_action, context, data_dict):
    """CKAN's package_show, answering a dataset the caller may not read exactly as one that
    does not exist: a 403 would confirm that a name (lg-<code>-<管理番号>) is taken."""
    try:
        return next_action(context, data_dict)
    except tk.NotAuthorized:
        raise tk.ObjectNotFound() from None


@tk.chained_action
@tk.side_effect_free
def member_list(next_action, context, data_dict):
    """CKAN's member_list without the private datasets the caller may not read."""
    members = next_action(context, data_dict)
    datasets = [table_id for table_id, kind, _capacity in members if kind == "package"]
    if not datasets:
        return members
    hidden = visibility.unreadable_datasets(context, datasets)
    return [member for member in members if member[0] not in hidden]


def _free_tags_only(data_dict: dict) -> bool:
    return not data_dict.get("vocabulary_id")


@tk.chained_action
@tk.side_effect_free
def tag_list(next_action, context, data_dict):
    tags = next_action(context, data_dict)
    if not _free_tags_only(data_dict):
        return tags
    visible = visibility.visible_free_tags(context)
    return [tag for tag in tags if (tag["name"] if isinstance(tag, dict) else tag) in visible]


@tk.chained_action
@tk.side_effect_free
def tag_search(next_action, context, data_dict):
    """CKAN's tag_search; count, offset and limit apply to the visible tags."""
    if not _free_tags_only(data_dict):
        return next_action(context, data_dict)
    tags = _visible(next_action(context, _unpaged(data_dict))["results"], context, "name")
    return {"count": len(tags), "results": _page(tags, data_dict)}


@tk.chained_action
@tk.side_effect_free
def tag_autocomplete(next_action, context, data_dict):
    if not _free_tags_only(data_dict):
        return next_action(context, data_dict)
    return _page(_visible(next_action(context, _unpaged(data_dict)), context), data_dict)


def _unpaged(data_dict: dict) -> dict:
    return {k: v for k, v in data_dict.items() if k not in ("offset", "limit")}


def _visible(tags: list, context: dict, key: str | None = None) -> list:
    """The tags (names, or dicts with the name under `key`) the caller may see."""
    visible = visibility.visible_free_tags(context)
    return [tag for tag in tags if (tag[key] if key else tag) in visible]


@tk.chained_action
@tk.side_effect_free
def tag_show(next_action, context, data_dict):
    """CKAN's tag_show; a free tag only private datasets carry is not found, and the
    datasets listed are the ones the caller may see (CKAN lists every dataset)."""
    include_datasets = tk.asbool(data_dict.get("include_datasets", False))
    tag = next_action(context, {**data_dict, "include_datasets": False})
    if tag.get("vocabulary_id"):
        return next_action(context, data_dict) if include_datasets else tag
    if tag["name"] not in visibility.visible_free_tags(context):
        raise tk.ObjectNotFound(tk._("Tag not found"))
    if include_datasets:
        tag["packages"] = tk.get_action("package_search")(
            visibility.caller_context(context),
            {"fq": f'tags:"{_solr_quoted(tag["name"])}"', "rows": 1000, "include_private": True},
        )["results"]
    return tag


def _solr_quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _page(items: list, data_dict: dict) -> list:
    offset = int(data_dict.get("offset") or 0)
    limit = data_dict.get("limit")
    return items[offset : offset + int(limit)] if limit else items[offset:]
