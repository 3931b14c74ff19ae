"""Where a dataset is about, as e-Stat statistical LOD areas: the 5-digit 統計に用いる標準
地域コード (the 全国地方公共団体コード without its check digit) prefixed with "C"."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from ckanext.hokkaido.catalog.open_data_list.mapping import local_government_name
from ckanext.hokkaido.hierarchy.reference import municipalities

from .namespaces import ESTAT_SAC


def area_uri(lg_code: str) -> URIRef | None:
    """The area of a 5- or 6-digit code (a 6-digit one must have a valid check digit)."""
    code = _normalized(lg_code)
    return _area(code) if code else None


def add_areas(g: Graph, subject: URIRef, codes: Iterable[str]) -> None:
    """dct:spatial for each code, each area typed and named, in the order given, once."""
    seen: set[URIRef] = set()
    for code in filter(None, map(_normalized, codes)):
        area = _area(code)
        if area in seen:
            continue
        seen.add(area)
        g.add((subject, DCTERMS.spatial, area))
        g.add((area, RDF.type, DCTERMS.Location))
        name = local_government_name(code)
        if name:
            g.add((area, SKOS.prefLabel, Literal(name, lang="ja")))


def _area(code: str) -> URIRef:
    return ESTAT_SAC[f"C{code[:5]}"]


def _normalized(lg_code: str) -> str | None:
    try:
        return municipalities.normalize_code(str(lg_code).strip())
    except municipalities.InvalidLgCode:
        return None
