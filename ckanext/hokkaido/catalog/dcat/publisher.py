"""The publisher of a dataset as the local government that holds it: a foaf:Organization
named in Japanese and English, with its 全国地方公共団体コード as dct:identifier and the
organizations above it (振興局, 北海道) linked by org:subOrganizationOf."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

from ckanext.dcat.utils import publisher_uri_organization_fallback
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.hierarchy.tree import OrgNode, OrgTree

from .namespaces import ADMS_PUBLISHER_TYPE, ORG
from .terms import add_labels

LOCAL_AUTHORITY = ADMS_PUBLISHER_TYPE.LocalAuthority


def organization_uri(org_id: str) -> URIRef:
    """The same URI ckanext-dcat gives an organization as publisher."""
    return URIRef(publisher_uri_organization_fallback({"organization": {"id": org_id}}))


def add_dataset_publisher(g: Graph, dataset_ref: URIRef, org_id: str, tree: OrgTree) -> None:
    """Replace the generic publisher ckanext-dcat wrote from the owner organization."""
    node = tree.find(org_id)
    if node is None:
        return
    for old in list(g.objects(dataset_ref, DCTERMS.publisher)):
        g.remove((dataset_ref, DCTERMS.publisher, old))
        for name in [n for n in g.objects(old, FOAF.name) if not getattr(n, "language", None)]:
            g.remove((old, FOAF.name, name))
    g.add((dataset_ref, DCTERMS.publisher, add_organization(g, node, tree)))


def add_catalog_publisher(g: Graph, catalog_ref: URIRef) -> None:
    """The catalogue's publisher: 北海道 (from the reference data when no organization
    has been seeded yet)."""
    prefecture = municipalities.prefecture()
    tree = OrgTree.for_request()
    node = tree.find(prefecture.org_name) or OrgNode(
        prefecture.org_name,
        prefecture.org_name,
        prefecture.name,
        prefecture.code,
        "prefecture",
        name_en=prefecture.name_en,
    )
    g.add((catalog_ref, DCTERMS.publisher, add_organization(g, node, tree)))


def add_organization(g: Graph, node: OrgNode, tree: OrgTree) -> URIRef:
    """The organization and each one above it, once per graph; returns its URI."""
    ref = organization_uri(node.id)
    if (ref, RDF.type, FOAF.Organization) in g:
        return ref
    g.add((ref, RDF.type, FOAF.Agent))
    g.add((ref, RDF.type, FOAF.Organization))
    g.add((ref, DCTERMS.type, LOCAL_AUTHORITY))
    g.add((LOCAL_AUTHORITY, RDF.type, SKOS.Concept))
    add_labels(g, LOCAL_AUTHORITY, SKOS.prefLabel, {"ja": "地方公共団体", "en": "Local authority"})
    add_labels(g, ref, FOAF.name, {"ja": node.title, "en": node.name_en})
    if node.lg_code:
        g.add((ref, DCTERMS.identifier, Literal(node.lg_code)))
    parents = tree.parents(node)
    if parents:
        g.add((ref, ORG.subOrganizationOf, add_organization(g, parents[-1], tree)))
    return ref
