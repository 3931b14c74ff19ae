"""The organization list (/organization) as the portal shows it: 北海道 first, then each
(総合)振興局 in Hokkaido's official order with its municipalities by 全国地方公共団体コード,
each with its kana and the number of datasets the visitor may see; organizations outside
the tree last. One tree load and one facet query, whatever the number of organizations."""

from __future__ import annotations

from ckanext.hokkaido.hierarchy.tree import OrgNode, OrgTree, dataset_counts


def sections(context: dict) -> list[dict]:
    """[{node, entries}]: ``node`` heads the section (None for organizations outside the
    tree), ``entries`` are node dicts (OrgNode.as_dict, children nested)."""
    tree = OrgTree.for_request()
    counts = dataset_counts(context)
    found: list[dict] = []
    outside: list[OrgNode] = []
    for root in tree.roots():
        if root.org_level == "prefecture":
            found.extend(_prefecture_sections(root, counts))
        else:
            outside.append(root)
    if outside:
        found.append({"node": None, "entries": [n.as_dict(counts) for n in outside]})
    return found


def _prefecture_sections(prefecture: OrgNode, counts: dict[str, int]) -> list[dict]:
    subprefectures = [c for c in prefecture.children if c.org_level == "subprefecture"]
    own = [c for c in prefecture.children if c.org_level != "subprefecture"]
    return [_section(prefecture, own, counts)] + [
        _section(sub, sub.children, counts) for sub in subprefectures
    ]


def _section(head: OrgNode, entries: list[OrgNode], counts: dict[str, int]) -> dict:
    return {"node": head.as_dict(counts), "entries": [e.as_dict(counts) for e in entries]}
