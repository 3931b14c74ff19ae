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


@hokkaido.group("inventory")
def inventory_group():
    """棚卸し spreadsheets: import, export, template."""


@inventory_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--org", "org_code", required=True, help="Organization code or name.")
@click.option("--dry-run", is_flag=True, help="Report every row's outcome, write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows, report the rest.")
def inventory_import_command(file: str, org_code: str, dry_run: bool, skip_invalid: bool):
    """Import an inventory XLSX or CSV into an organization (all or nothing)."""
    from ckanext.hokkaido import inventory_import

    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    with _StageProgress() as progress, open(file, "rb") as stream:
        report = inventory_import.import_inventory(
            stream,
            file,
            _org_name(org_code),
            site_user,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            on_progress=progress,
            workers=inventory_import.configured_workers(),
        )
    for error in report.file_errors:
        click.echo(f"file: {error['message']}", err=True)
    for row in report.rows:
        for error in row.errors:
            click.echo(f"row {row.row} [{error.get('column', '')}]: {error['message']}", err=True)
    counts = report.counts
    click.echo(
        f"created: {counts['created']}, updated: {counts['updated']}, "
        f"unchanged: {counts['unchanged']}, errors: {counts['error']}"
        + (" (dry run: nothing written)" if dry_run else "")
        + ("" if report.committed or dry_run else " (nothing written)")
    )
    if report.file_errors or (counts["error"] and not skip_invalid):
        raise SystemExit(1)


@inventory_group.command("export")
@click.option("--org", "org_code", required=True, help="Organization code or name.")
@click.option("--format", "file_format", type=click.Choice(["xlsx", "csv"]), default="xlsx")
@click.option("--include-children", is_flag=True, help="With the organizations below it.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def inventory_export_command(org_code: str, file_format: str, include_children: bool, output: str):
    """Export an organization's inventory in the import's columns."""
    from ckanext.hokkaido import inventory_export

    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    _, _, data = inventory_export.export_inventory(
        {"user": site_user}, _org_name(org_code), file_format, include_children
    )
    with open(output, "wb") as out:
        out.write(data)
    click.echo(f"written: {output}")


@inventory_group.command("template")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def inventory_template_command(output: str):
    """Write the empty inventory template (XLSX with dropdowns and header notes)."""
    from ckanext.hokkaido import inventory

    with open(output, "wb") as out:
        inventory.write_template_xlsx(out)
    click.echo(f"written: {output}")


class _StageProgress:
    """A progress bar per import stage (read, check, write, index), on standard error."""

    LABELS = {"read": "reading", "check": "checking", "write": "writing", "index": "indexing"}

    def __init__(self):
        self.bar = None
        self.stage = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._close()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage != self.stage:
            self._close()
            self.stage = stage
            label = self.LABELS.get(stage, stage)
            self.bar = click.progressbar(
                length=total or done or 1,
                label=label,
                show_pos=True,
                file=click.get_text_stream("stderr"),
            )
            self.bar.__enter__()
        self.bar.length = total or done or 1
        self.bar.update(done - self.bar.pos)

    def _close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
