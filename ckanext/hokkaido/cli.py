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


@hokkaido.command("score")
@click.option("--all", "all_", is_flag=True, help="Every resource of every dataset.")
@click.option("--org", "org_code", help="Datasets of one organization (code or name).")
@click.option("--dataset", "dataset_id", help="One dataset (id or name).")
@click.option("--force", is_flag=True, help="Score again even when the content is unchanged.")
def score(all_: bool, org_code: str | None, dataset_id: str | None, force: bool):
    """Score resources for machine-readability now, showing progress."""
    from ckanext.hokkaido import resource_scoring

    if [bool(all_), bool(org_code), bool(dataset_id)].count(True) != 1:
        raise click.UsageError("give exactly one of --all, --org CODE, --dataset ID")
    resource_ids = resource_scoring.resource_ids(
        org=_org_name(org_code) if org_code else None, dataset=dataset_id
    )
    outcomes = {"scored": 0, "errors": 0}
    with click.progressbar(resource_ids, label="scoring", show_pos=True) as bar:
        for resource_id in bar:
            stored = resource_scoring.score_resource(resource_id, force=force)
            outcomes["errors" if stored is None or stored.error else "scored"] += 1
    click.echo(f"resources: scored: {outcomes['scored']}, not assessable: {outcomes['errors']}")


def _org_name(org: str) -> str:
    from ckanext.hokkaido import municipalities

    try:
        return municipalities.org_name_for(municipalities.normalize_code(org))
    except (municipalities.InvalidLgCode, LookupError):
        return org
