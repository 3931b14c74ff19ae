"""Licence URIs on the dataset and on every distribution that does not name its own
(DCAT-AP puts the licence on the distribution; DCAT-GoJ lists it for both)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from ckanext.hokkaido.inventory.sheet import licenses

from .terms import add_labels


def licence_uri(dataset: dict) -> URIRef | None:
    """The licence's own address, from CKAN's licence register (none for 「その他」)."""
    entry = licenses.entry(dataset.get("license_id"))
    url = (entry or {}).get("url") or dataset.get("license_url") or ""
    return URIRef(url) if url.startswith(("https://", "http://")) else None


def add_licences(
    g: Graph, dataset_ref: URIRef, dataset: dict, distributions: Iterable[URIRef]
) -> None:
    uri = licence_uri(dataset)
    if uri is None:
        return
    g.add((uri, RDF.type, DCTERMS.LicenseDocument))
    entry = licenses.entry(dataset.get("license_id")) or {}
    titles = {"ja": entry.get("title") or dataset.get("license_title"), "en": entry.get("title_en")}
    add_labels(g, uri, DCTERMS.title, titles)
    g.add((dataset_ref, DCTERMS.license, uri))
    for distribution in distributions:
        if (distribution, DCTERMS.license, None) not in g:
            g.add((distribution, DCTERMS.license, uri))
