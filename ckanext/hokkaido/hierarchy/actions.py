"""Actions of the hierarchy (collected by the plugin)."""

from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy import integrity, organization_page, schema
from ckanext.hokkaido.hierarchy.tree import OrgTree, dataset_counts
from ckanext.hokkaido.language import pick


@tk.side_effect_free
def hokkaido_municipality_show(context, data_dict):
    """The organization of a local government, found by its code.

    :param code: 6-digit 全国地方公共団体コード (with check digit) or 5-digit code
    :returns: the organization dict, with ``parents``: from 北海道 down to the direct
        parent, each ``{name, title, lg_code}``
    """
    tk.check_access("hokkaido_municipality_show", context, data_dict)
    data, errors = tk.navl_validate(data_dict, schema.municipality_show_schema(), context)
    if errors:
        raise tk.ValidationError(errors)
    tree = OrgTree.load()
    node = tree.by_lg_code(data["code"])
    if node is None:
        raise tk.ObjectNotFound(
            pick(
                f"コード {data['code']} の組織は登録されていません",
                f"No organization has the code {data['code']}",
            )
        )
    org = tk.get_action("organization_show")(
        dict(context), {"id": node.id, "include_datasets": False, "include_users": False}
    )
    org["parents"] = [
        {"name": p.name, "title": p.title, "lg_code": p.lg_code} for p in tree.parents(node)
    ]
    return org


@tk.side_effect_free
def hokkaido_organization_tree(context, data_dict):
    """The organization tree, or the subtree under ``id``.

    :param id: (optional) id or name of the organization at the top of the subtree
    :returns: a list of nodes ``{name, title, lg_code, kana, org_level, dataset_count,
        total_dataset_count, children}``; counts include only the datasets the caller
        may see
    """
    tk.check_access("hokkaido_organization_tree", context, data_dict)
    tree = OrgTree.load()
    if data_dict.get("id"):
        top = tree.find(data_dict["id"])
        if top is None:
            raise tk.ObjectNotFound(tk._("Organization not found"))
        tops = [top]
    else:
        tops = tree.roots()
    counts = dataset_counts(context)
    return [node.as_dict(counts) for node in tops]


def _check_parent_link(context: dict, data_dict: dict, adding: bool) -> None:
    """A member row between two organizations is a parent link: adding or removing one
    is checked for rights and loops (other members pass through)."""
    if data_dict.get("object_type") != "group":
        return
    child = model.Group.get(data_dict.get("id") or "")
    if not (child and child.is_organization):
        return
    parents = integrity.current_parent_ids(child.id)
    linked = integrity.resolve_group_ids([data_dict.get("object") or ""])
    integrity.check_parent_change(
        context, child.id, parents | linked if adding else parents - linked
    )


@tk.chained_action
def member_create(next_action, context, data_dict):
    """CKAN's member_create; a parent link between organizations is checked first."""
    _check_parent_link(context, data_dict, adding=True)
    return next_action(context, data_dict)


@tk.chained_action
def member_delete(next_action, context, data_dict):
    """CKAN's member_delete; removing a parent link needs the right to move organizations."""
    _check_parent_link(context, data_dict, adding=False)
    return next_action(context, data_dict)


@tk.chained_action
def organization_update(next_action, context, data_dict):
    """CKAN's organization_update (and so organization_patch); a change of parent is
    checked for rights and loops, whether the parent is given by id or by name."""
    org = model.Group.get(data_dict.get("id") or "")
    if org is not None:
        if "groups" in data_dict:
            wanted = integrity.resolve_group_ids(data_dict.get("groups") or [])
        elif context.get("allow_partial_update"):
            wanted = integrity.current_parent_ids(org.id)
        else:  # CKAN drops the memberships a full update leaves out
            wanted = set()
        integrity.check_parent_change(context, org.id, wanted)
    return next_action(context, data_dict)


@tk.chained_action
@tk.side_effect_free
def organization_show(next_action, context, data_dict):
    """CKAN's organization_show; for an organization's own page, without its parents and
    followers, and asked by id.

    The page shows the parents from the tree (the breadcrumb) and counts the followers and
    datasets itself (organization_page.numbers), while CKAN would dictize each parent with
    its dataset count (a Solr facet query over every dataset), ask Solr for its own count
    and list members on every view; and CKAN looks a name up as an id first, twice. The API
    and every other caller get the organization as before."""
    if not organization_page.is_its_show(context, data_dict):
        return next_action(context, data_dict)
    org_id = organization_page.id_of(data_dict["id"])
    return next_action(
        context,
        {
            "include_groups": False,
            "include_followers": False,
            "include_dataset_count": not organization_page.counts_datasets_itself(
                org_id, context.get("user")
            ),
            **data_dict,
            "id": org_id,
        },
    )


@tk.chained_action
@tk.side_effect_free
def am_following_group(next_action, context, data_dict):
    """CKAN's am_following_group, refusing an anonymous caller before looking the group
    up (CKAN refuses it after; its organization pages ask on every anonymous view)."""
    if not context.get("user"):
        raise tk.NotAuthorized(tk._("You must be logged in to follow"))
    return next_action(context, data_dict)
