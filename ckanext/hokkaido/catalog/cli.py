"""`ckan hokkaido catalog …`: the local governments' オープンデータ一覧 datasets."""

from __future__ import annotations

import click

from ckanext.hokkaido.catalog import publication
from ckanext.hokkaido.hierarchy.tree import OrgTree


@click.group("catalog", short_help="The catalogue's generated files.")
def catalog_group():
    """The 06 オープンデータ一覧 of each local government."""


@catalog_group.command("refresh-lists")
def refresh_lists():
    """Write every local government's オープンデータ一覧 dataset now (a portal that had
    datasets before the lists existed; afterwards a job keeps each one up to date)."""
    nodes = [node for node in OrgTree.load().nodes.values() if node.lg_code]
    written = 0
    with click.progressbar(nodes, label="open data lists", show_pos=True) as bar:
        for node in bar:
            written += publication.refresh(node) is not None
    click.echo(f"open data lists: {written} written, {len(nodes) - written} unchanged or empty")
