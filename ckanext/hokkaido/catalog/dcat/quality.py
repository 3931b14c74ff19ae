"""Each distribution's latest machine-readability result as W3C DQV quality measurements
(stars, machine_readable, score), pointing to the metric definitions in `terms`."""

from __future__ import annotations

import ckan.model as model
import sqlalchemy as sa
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from sqlalchemy.engine import Row

from ckanext.hokkaido.scoring.model import SCORED, ResourceScore

from . import terms
from .namespaces import DQV

COLUMNS = ("resource_id", "stars", "machine_readable", "score", "scored_at")


def scores_of(dataset: dict) -> dict[str, Row]:
    """Resource id → its latest result, for the results that are scores (not 'unreachable'):
    only the columns measured, one query per dataset."""
    if not dataset.get("id"):
        return {}
    query = sa.select(*(getattr(ResourceScore, column) for column in COLUMNS)).where(
        ResourceScore.package_id == dataset["id"], ResourceScore.status == SCORED
    )
    return {row.resource_id: row for row in model.Session.execute(query)}


def add_measurements(g: Graph, distribution: URIRef, score: Row) -> None:
    values = {
        "stars": Literal(score.stars, datatype=XSD.integer),
        "machine_readable": Literal(bool(score.machine_readable), datatype=XSD.boolean),
        "score": Literal(score.score, datatype=XSD.integer),
    }
    for name, value in values.items():
        measurement = BNode()
        g.add((distribution, DQV.hasQualityMeasurement, measurement))
        g.add((measurement, RDF.type, DQV.QualityMeasurement))
        g.add((measurement, DQV.computedOn, distribution))
        g.add((measurement, DQV.isMeasurementOf, terms.term(name)))
        g.add((measurement, DQV.value, value))
        g.add((measurement, PROV.generatedAtTime, _when(score)))


def _when(score: Row) -> Literal:
    return Literal(score.scored_at.replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
