"""`ckan hokkaido seed-demo`."""

from __future__ import annotations

import click

from ckanext.hokkaido.demo import seed


@click.command("seed-demo")
def seed_demo():
    """Create the demo datasets that are missing."""
    counts = seed.seed()
    click.echo(f"demo datasets: created: {counts['created']}, unchanged: {counts['unchanged']}")
