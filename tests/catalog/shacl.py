"""Reading the DCAT output, and validating it against the official DCAT-AP 3.0.1 SHACL
shapes (data/dcat-ap-3.0.1-shacl)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace

SHAPES = Path(__file__).parent / "data" / "dcat-ap-3.0.1-shacl"
SH = Namespace("http://www.w3.org/ns/shacl#")


@cache
def shapes() -> Graph:
    """Both official files. ranges.ttl lists a property shape it never defines
    (dcat:DatasetShape/4918ff7a…), which pyshacl refuses to run with: such dangling
    references are dropped, every defined shape is kept."""
    graph = Graph()
    for name in ("dcat-ap-SHACL.ttl", "ranges.ttl"):
        graph.parse(SHAPES / name)
    for node, shape in list(graph.subject_objects(SH.property)):
        if (shape, SH.path, None) not in graph:
            graph.remove((node, SH.property, shape))
    return graph


def parse(body: str, rdf_format: str = "turtle") -> Graph:
    graph = Graph()
    graph.parse(data=body, format=rdf_format)
    return graph


def violations(body: str, rdf_format: str = "turtle") -> str:
    """The validation report, or "" when the document conforms."""
    conforms, _, report = validate(parse(body, rdf_format), shacl_graph=shapes(), inference="none")
    return "" if conforms else report
