"""The organization tree (北海道 → 振興局 → 市町村 → departments) read from CKAN's own
group hierarchy: member rows (table_name 'group', capacity 'parent').

The whole tree is two SQL queries, and dataset counts one Solr facet query, so the cost
does not grow with the number of organizations."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ckanext.hokkaido.request_cache import once_per_request

log = logging.getLogger(__name__)


@dataclass
class OrgNode:
    id: str
    name: str
    title: str
    lg_code: str
    org_level: str
    parent_id: str | None = None
    children: list[OrgNode] = field(default_factory=list)
    kana: str = ""
    name_en: str = ""

    def as_dict(self, counts: dict[str, int]) -> dict:
        children = [child.as_dict(counts) for child in self.children]
        own = counts.get(self.id, 0)
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "lg_code": self.lg_code,
            "kana": self.kana,
            "org_level": self.org_level,
            "dataset_count": own,
            "total_dataset_count": own + sum(c["total_dataset_count"] for c in children),
            "children": children,
        }

    def descendants(self) -> list[OrgNode]:
        found = []
        for child in self.children:
            found.append(child)
            found.extend(child.descendants())
        return found


class OrgTree:
    """All active organizations, linked to their parents."""

    def __init__(self, nodes: dict[str, OrgNode]):
        self.nodes = nodes
        for node in nodes.values():
            parent = nodes.get(node.parent_id) if node.parent_id else None
            if parent and self._is_above(node, parent):
                log.error("hierarchy loop: %s is both above and below %s", node.name, parent.name)
                node.parent_id = None
            elif parent:
                parent.children.append(node)
        for node in nodes.values():
            node.children.sort(key=sort_key)

    def _is_above(self, node: OrgNode, other: OrgNode) -> bool:
        """Whether `node` is `other` or one of its ancestors: a loop stored in the database
        (written before the checks, or by hand) is cut there instead of recursing forever."""
        seen: set[str] = set()
        current: OrgNode | None = other
        while current is not None and current.id not in seen:
            if current.id == node.id:
                return True
            seen.add(current.id)
            current = self.nodes.get(current.parent_id) if current.parent_id else None
        return False

    @classmethod
    def load(cls) -> OrgTree:
        groups = model.Session.execute(
            sa.select(
                model.Group.id, model.Group.name, model.Group.title, model.Group.extras
            ).where(model.Group.is_organization.is_(True), model.Group.state == "active")
        )
        nodes = {row.id: _node(row) for row in groups}
        links = model.Session.execute(
            sa.select(model.Member.group_id, model.Member.table_id).where(
                model.Member.table_name == "group", model.Member.state == "active"
            )
        )
        for child_id, parent_id in links:
            if child_id in nodes and parent_id in nodes:
                nodes[child_id].parent_id = parent_id
        return cls(nodes)

    @classmethod
    def for_request(cls) -> OrgTree:
        """The whole tree, loaded once per web request (templates ask for it several
        times)."""
        return once_per_request("all", cls.load)

    @classmethod
    def around(cls, id_or_name: str) -> OrgTree:
        """Only the organization, the ones above it and the ones directly below it, in one
        query: what an organization's page shows (breadcrumb, children), without loading
        all 194 organizations. Its whole subtree: `subtree`."""
        rows = model.Session.execute(AROUND_SQL, {"ref": id_or_name}).all()
        nodes = {row.id: _node(row) for row in rows}
        for row in rows:
            if row.child_id in nodes:  # a row above: the parent of child_id
                nodes[row.child_id].parent_id = row.id
            elif row.parent_id in nodes:  # a row below
                nodes[row.id].parent_id = row.parent_id
        return cls(nodes)

    @classmethod
    def around_for_request(cls, id_or_name: str) -> OrgTree:
        """`around`, loaded once per web request and organization."""
        return once_per_request(f"around:{id_or_name}", lambda: cls.around(id_or_name))

    @classmethod
    def chain_of(cls, id_or_name: str) -> OrgTree:
        """Only the organization and the ones above it, in one query: what indexing a
        dataset needs, without loading all 194 organizations per dataset."""
        cache = _chains.get()
        if cache is None:
            return cls._load_chain(id_or_name)
        if id_or_name not in cache:
            cache[id_or_name] = cls._load_chain(id_or_name)
        return cache[id_or_name]

    @classmethod
    def _load_chain(cls, id_or_name: str) -> OrgTree:
        rows = model.Session.execute(ANCESTRY_SQL, {"ref": id_or_name}).all()
        nodes = {row.id: _node(row) for row in rows}
        for row in rows:
            if row.child_id in nodes:
                nodes[row.child_id].parent_id = row.id
        return cls(nodes)

    def find(self, id_or_name: str) -> OrgNode | None:
        if id_or_name in self.nodes:
            return self.nodes[id_or_name]
        return next((n for n in self.nodes.values() if n.name == id_or_name), None)

    def by_lg_code(self, code: str) -> OrgNode | None:
        return next((n for n in self.nodes.values() if n.lg_code == code), None)

    def roots(self) -> list[OrgNode]:
        return sorted((n for n in self.nodes.values() if not n.parent_id), key=sort_key)

    def parents(self, node: OrgNode) -> list[OrgNode]:
        """From the top of the tree down to the direct parent."""
        chain = []
        current = self.nodes.get(node.parent_id) if node.parent_id else None
        while current is not None and current not in chain:
            chain.insert(0, current)
            current = self.nodes.get(current.parent_id) if current.parent_id else None
        return chain


_chains: contextvars.ContextVar[dict[str, OrgTree] | None] = contextvars.ContextVar(
    "hokkaido_org_chains", default=None
)


@contextlib.contextmanager
def chains_cached() -> Iterator[None]:
    """Within the block, each organization's chain is read once: for bulk writes, which
    index many datasets of the same organization while the tree stays as it is."""
    token = _chains.set({})
    try:
        yield
    finally:
        _chains.reset(token)


def _node(row) -> OrgNode:
    extras = row.extras or {}
    return OrgNode(
        row.id,
        row.name,
        row.title,
        extras.get("lg_code", ""),
        extras.get("org_level", ""),
        kana=extras.get("name_kana", ""),
        name_en=extras.get("name_en", ""),
    )


# CKAN's parent memberships: member.group_id is the child, table_id the parent. The depth
# bound stops a loop stored in the database from recursing forever.
_START = """
    start AS (
        SELECT id FROM "group"
        WHERE (id = :ref OR name = :ref) AND is_organization AND state = 'active'
    )"""
_UP = """
    up(id, child_id, depth) AS (
        SELECT id, NULL, 0 FROM start
        UNION
        SELECT m.table_id, u.id, u.depth + 1
        FROM member m JOIN up u ON m.group_id = u.id
        JOIN "group" p ON p.id = m.table_id AND p.is_organization AND p.state = 'active'
        WHERE m.table_name = 'group' AND m.state = 'active' AND u.depth < 10
    )"""
_DOWN = """
    down(id, parent_id, depth) AS (
        SELECT id, NULL, 0 FROM start
        UNION
        SELECT m.group_id, d.id, d.depth + 1
        FROM member m JOIN down d ON m.table_id = d.id
        JOIN "group" c ON c.id = m.group_id AND c.is_organization AND c.state = 'active'
        WHERE m.table_name = 'group' AND m.state = 'active' AND d.depth < 10
    )"""

# The organization and every organization above it (child_id: the one below each row).
ANCESTRY_SQL = sa.text(
    f"""
    WITH RECURSIVE {_START}, {_UP}
    SELECT g.id, g.name, g.title, g.extras, up.child_id
    FROM up JOIN "group" g ON g.id = up.id
    """
)

# The same, plus the organizations directly below it (parent_id: the organization).
AROUND_SQL = sa.text(
    f"""
    WITH RECURSIVE {_START}, {_UP}
    SELECT g.id, g.name, g.title, g.extras, links.child_id, links.parent_id
    FROM (
        SELECT id, child_id, NULL AS parent_id FROM up
        UNION ALL
        SELECT m.group_id, NULL, m.table_id FROM member m JOIN start ON m.table_id = start.id
        WHERE m.table_name = 'group' AND m.state = 'active'
    ) links JOIN "group" g ON g.id = links.id AND g.is_organization AND g.state = 'active'
    """
)

# The ids of every organization below it.
# The organization and the ids of every organization below it, with the number of active
# organizations in the portal.
SUBTREE_SQL = sa.text(
    f"""
    WITH RECURSIVE {_START}, {_DOWN}
    SELECT DISTINCT id,
        (SELECT count(*) FROM "group" WHERE is_organization AND state = 'active') AS everyone
    FROM down
    """
)


@dataclass(frozen=True)
class Subtree:
    ids: list[str]  # the organization and every active one below it
    everyone: bool  # the subtree holds every active organization of the portal


def subtree(id_or_name: str) -> Subtree:
    """An organization and every active organization below it, at any depth (one query,
    ids only)."""
    rows = model.Session.execute(SUBTREE_SQL, {"ref": id_or_name}).all()
    return Subtree([row.id for row in rows], bool(rows) and len(rows) == rows[0].everyone)


LEVEL_ORDER = {"prefecture": 0, "subprefecture": 1, "municipality": 2, "department": 3}


def sort_key(node: OrgNode) -> tuple:
    # Municipalities by code (the official order), subprefectures by their seeded name
    # (which carries the official order), anything else by title.
    return (LEVEL_ORDER.get(node.org_level, 9), node.lg_code or node.name, node.title)


def dataset_counts(context: dict) -> dict[str, int]:
    """Datasets per organization id that the context's user may see (one facet query)."""
    result = tk.get_action("package_search")(
        dict(context),
        {
            "q": "*:*",
            "rows": 0,
            "facet.field": ["owner_org"],
            "facet.limit": -1,
            "include_private": True,
        },
    )
    return dict(result["facets"].get("owner_org", {}))
