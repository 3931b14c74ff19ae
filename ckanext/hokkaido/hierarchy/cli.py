"""`ckan hokkaido seed-organizations`."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
import click

from ckanext.hokkaido.hierarchy import seeding


@click.command("seed-organizations")
@click.option(
    "--northern-territories/--no-northern-territories",
    default=None,
    help="Also seed the six northern-territory villages (default: config option).",
)
def seed_organizations(northern_territories: bool | None):
    """Create or update the prefecture, 14 subprefectures and 179 municipalities."""
    if northern_territories is None:
        northern_territories = tk.asbool(
            tk.config.get("ckanext.hokkaido.seed_northern_territories")
        )
    with click.progressbar(length=1, label="organizations") as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(1)

        report = seeding.seed(northern_territories, on_progress=progress)
    click.echo(f"organizations: {report.summary()}")
    if report.counts["created"] == report.counts["updated"] == 0:
        click.echo("nothing to change")
