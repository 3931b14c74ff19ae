"""`ckan hokkaido score`: scoring resources now, with progress."""

from __future__ import annotations

import click

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.scoring import jobs, resource_scoring
from ckanext.hokkaido.scoring.model import UNREACHABLE


@click.command("score")
@click.option("--all", "all_", is_flag=True, help="Every resource of every dataset.")
@click.option("--org", "org_code", help="Datasets of one organization (code or name).")
@click.option("--dataset", "dataset_id", help="One dataset (id or name).")
@click.option("--force", is_flag=True, help="Score again even when the content is unchanged.")
def score(all_: bool, org_code: str | None, dataset_id: str | None, force: bool):
    """Score resources for machine-readability now, showing progress."""
    if [bool(all_), bool(org_code), bool(dataset_id)].count(True) != 1:
        raise click.UsageError("give exactly one of --all, --org CODE, --dataset ID")
    resource_ids = resource_scoring.resource_ids(
        org=municipalities.org_name_for_code_or_name(org_code) if org_code else None,
        dataset=dataset_id,
    )
    outcomes = {"scored": 0, "unreachable": 0, "not assessable": 0}
    with click.progressbar(resource_ids, label="scoring", show_pos=True) as bar:
        for resource_id in bar:
            outcomes[_outcome(jobs.score_now(resource_id, force=force))] += 1
    click.echo("resources: " + ", ".join(f"{k}: {v}" for k, v in outcomes.items()))


def _outcome(stored) -> str:
    if stored is None or stored.error:
        return "not assessable"
    return "unreachable" if stored.status == UNREACHABLE else "scored"
