"""A distribution's format and media type as the resources DCAT-AP asks for, in place of
the plain literals ckanext-dcat writes from CKAN's free-text fields: the EU file-type
authority's IRI for a known format (else a described node), IANA's IRI for a media type."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS

EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
# CKAN's format names → EU file-type codes (where they differ, the code is given)
FILE_TYPES = {
    **{name: name for name in ("CSV", "TSV", "XLSX", "XLS", "ODS", "JSON", "GEOJSON", "XML")},
    **{name: name for name in ("PDF", "ZIP", "HTML", "TXT", "DOC", "DOCX", "PNG", "SHP", "KML")},
    "RDF": "RDF_XML",
    "TTL": "RDF_TURTLE",
    "JSON-LD": "JSON_LD",
    "JPEG": "JPEG",
    "JPG": "JPEG",
}


def fix_distribution(g: Graph, distribution: URIRef) -> None:
    for literal in _literals(g, distribution, DCTERMS.format):
        g.remove((distribution, DCTERMS.format, literal))
        g.add((distribution, DCTERMS.format, _format_node(g, str(literal))))
    for literal in _literals(g, distribution, DCAT.mediaType):
        g.remove((distribution, DCAT.mediaType, literal))
        media_type = _media_type_uri(str(literal))
        if media_type is not None:
            g.add((distribution, DCAT.mediaType, media_type))
            g.add((media_type, RDF.type, DCTERMS.MediaType))


def _literals(g: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [o for o in g.objects(subject, predicate) if isinstance(o, Literal)]


def _format_node(g: Graph, name: str):
    code = FILE_TYPES.get(name.strip().upper())
    node = EU_FILE_TYPE[code] if code else BNode()
    g.add((node, RDF.type, DCTERMS.MediaTypeOrExtent))
    if not code:
        g.add((node, RDFS.label, Literal(name)))
    return node


def _media_type_uri(text: str) -> URIRef | None:
    """type/subtype (parameters dropped) when it has that shape, else None."""
    media_type = text.split(";")[0].strip().lower()
    kind, slash, subtype = media_type.partition("/")
    safe = all(
        part and part.replace("-", "").replace(".", "").replace("+", "").isalnum()
        for part in (kind, subtype)
    )
    return URIRef(f"{IANA_MEDIA_TYPES}{media_type}") if slash and safe else None
