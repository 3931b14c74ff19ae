"""Each distribution's latest machine-readability result as W3C DQV quality measurements
(stars, machine_readable, score), pointing to the metric definitions in `terms`."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from ckanext.hokkaido.scoring.model import SCORED, ResourceScore

from . import terms
from .namespaces import DQV


def scores_of(dataset: dict) -> dict[str, ResourceScore]:
    """Resource id → its latest result, for the results that are scores (not 'unreachable')."""
    found = ResourceScore.for_package(dataset["id"]) if dataset.get("id") else []
    return {score.resource_id: score for score in found if score.status == SCORED}


def add_measurements(g: Graph, distribution: URIRef, score: ResourceScore) -> None:
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
        g.add((measurement, DQV.isMeasurementOf, terms.metric(name)))
        g.add((measurement, DQV.value, value))
        g.add((measurement, PROV.generatedAtTime, _when(score)))


def _when(score: ResourceScore) -> Literal:
    return Literal(score.scored_at.replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
