"""`ckan hokkaido progress …`: the daily snapshot of the progress figures."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
import click


@click.group("progress", short_help="Progress toward open data in every municipality.")
def progress_group():
    """Progress figures: snapshots for the history and the prefecture's open dataset."""


@progress_group.command("snapshot")
def snapshot():
    """Store today's figures (a rerun the same day replaces them) and refresh the dataset
    「市町村のオープンデータ取組状況」. Schedule it once a day (docs/progress.md)."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    taken = tk.get_action("hokkaido_progress_snapshot")({"user": site_user}, {})
    click.echo(
        f"{taken['date']}: adopted {taken['adopted']} / {taken['total']}"
        + (f"; {taken['estimated_days']} earlier days estimated" if taken["estimated_days"] else "")
    )
