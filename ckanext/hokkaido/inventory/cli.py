"""`ckan hokkaido inventory …`: 棚卸し spreadsheets from the command line."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
import click

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory import export, importer, sheet


@click.group("inventory")
def inventory_group():
    """棚卸し spreadsheets: import, export, template."""


@inventory_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--org", "org_code", required=True, help="Organization code or name.")
@click.option("--dry-run", is_flag=True, help="Report every row's outcome, write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows, report the rest.")
def inventory_import_command(file: str, org_code: str, dry_run: bool, skip_invalid: bool):
    """Import an inventory XLSX or CSV into an organization (all or nothing)."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    with _StageProgress() as progress, open(file, "rb") as stream:
        report = importer.import_inventory(
            stream,
            file,
            municipalities.org_name_for_code_or_name(org_code),
            site_user,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            on_progress=progress,
            workers=importer.configured_workers(),
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
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    _, _, data = export.export_inventory(
        {"user": site_user},
        municipalities.org_name_for_code_or_name(org_code),
        file_format,
        include_children,
    )
    with open(output, "wb") as out:
        out.write(data)
    click.echo(f"written: {output}")


@inventory_group.command("template")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def inventory_template_command(output: str):
    """Write the empty inventory template (XLSX with dropdowns and header notes)."""
    with open(output, "wb") as out:
        sheet.write_template_xlsx(out)
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
