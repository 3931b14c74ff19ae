"""Conversion jobs, on scoring's queue and worker (the converted files are scored there
too)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.conversion import runner
from ckanext.hokkaido.scoring.jobs import QUEUE


def enqueue(resource_id: str) -> None:
    tk.enqueue_job(
        convert_resource_job,
        [resource_id],
        title=f"hokkaido: convert resource {resource_id}",
        queue=QUEUE,
        rq_kwargs={"timeout": tk.config.get(runner.CONFIG_TIMEOUT) + 300},
    )


def convert_resource_job(resource_id: str) -> None:
    runner.run(resource_id)
