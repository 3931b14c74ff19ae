"""Pure computation of the progress figures: from counts gathered elsewhere (SQL) to the
rows, totals, target status, next steps and estimated history the pages and API show."""

from ckanext.hokkaido.progress.figures.history import estimated_history
from ckanext.hokkaido.progress.figures.municipality import Holdings, Place, municipality_row
from ckanext.hokkaido.progress.figures.next_steps import next_steps
from ckanext.hokkaido.progress.figures.rollup import rollup
from ckanext.hokkaido.progress.figures.target import Target

__all__ = [
    "Holdings",
    "Place",
    "Target",
    "estimated_history",
    "municipality_row",
    "next_steps",
    "rollup",
]
