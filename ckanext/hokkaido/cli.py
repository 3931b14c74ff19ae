"""`ckan hokkaido …` commands."""

from __future__ import annotations

import click

__all__ = ["hokkaido"]


@click.group(short_help="Hokkaido portal commands")
def hokkaido():
    """Hokkaido open-data portal: seeding and maintenance."""
