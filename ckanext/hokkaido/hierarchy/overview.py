"""The summary on top of the hierarchy page: organizations and datasets per level of the
tree, and how many of the 179 municipalities have a dataset the visitor may see."""

from __future__ import annotations

from collections.abc import Iterator

from ckanext.hokkaido.hierarchy.reference import municipalities

LEVELS = ("prefecture", "subprefecture", "municipality", "department", "")


def summary(tree: list[dict]) -> dict:
    """From hokkaido_organization_tree's nodes: {levels: [{level, organizations, datasets}],
    datasets, municipalities_with_datasets, municipalities}."""
    nodes = list(_walk(tree))
    levels = [
        {
            "level": level,
            "organizations": sum(1 for n in nodes if _level(n) == level),
            "datasets": sum(n["dataset_count"] for n in nodes if _level(n) == level),
        }
        for level in LEVELS
    ]
    return {
        "levels": [row for row in levels if row["organizations"]],
        "datasets": sum(n["dataset_count"] for n in nodes),
        "municipalities_with_datasets": sum(
            1 for n in nodes if n["org_level"] == "municipality" and n["total_dataset_count"]
        ),
        "municipalities": len(municipalities.municipalities()),
    }


def _level(node: dict) -> str:
    return node["org_level"] if node["org_level"] in LEVELS else ""


def _walk(nodes: list[dict]) -> Iterator[dict]:
    for node in nodes:
        yield node
        yield from _walk(node["children"])
