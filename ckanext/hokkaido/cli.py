"""`ckan hokkaido …` commands."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
import click

__all__ = ["hokkaido"]


@click.group(short_help="Hokkaido portal commands")
def hokkaido():
    """Hokkaido open-data portal: seeding and maintenance."""


@hokkaido.command("seed-organizations")
@click.option(
    "--northern-territories/--no-northern-territories",
    default=None,
    help="Also seed the six northern-territory villages (default: config option).",
)
def seed_organizations(northern_territories: bool | None):
    """Create or update the prefecture, 14 subprefectures and 179 municipalities."""
    from ckanext.hokkaido.seeding import organizations

    if northern_territories is None:
        northern_territories = tk.asbool(
            tk.config.get("ckanext.hokkaido.seed_northern_territories")
        )
    with click.progressbar(length=1, label="organizations") as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(1)

        report = organizations.seed(northern_territories, on_progress=progress)
    click.echo(f"organizations: {report.summary()}")
    if report.counts["created"] == report.counts["updated"] == 0:
        click.echo("nothing to change")


@hokkaido.command("seed-demo")
def seed_demo():
    """Create the demo datasets that are missing."""
    from ckanext.hokkaido.seeding import demo

    counts = demo.seed()
    click.echo(f"demo datasets: created: {counts['created']}, unchanged: {counts['unchanged']}")
