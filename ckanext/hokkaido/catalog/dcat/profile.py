"""The `hokkaido_dcat` profile: runs after `euro_dcat_ap_3` on the same graph and adds
what a Japanese harvester or the DCAT-AP shapes expect and ckanext-dcat cannot know."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from ckanext.dcat.profiles import RDFProfile
from ckanext.dcat.utils import resource_uri
from ckanext.hokkaido.catalog import lists
from ckanext.hokkaido.catalog.open_data_list.mapping import target_area_codes
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.hierarchy.tree import OrgTree

from . import formats, goj, licences, publisher, quality, spatial, terms
from .namespaces import PREFIXES


class HokkaidoDCATProfile(RDFProfile):
    def parse_dataset(self, dataset_dict, dataset_ref):
        """Harvesting is ckanext-dcat's own: the statements added here are derived."""
        return dataset_dict

    def graph_from_dataset(self, dataset_dict, dataset_ref):
        self._bind()
        distributions = {
            r["id"]: URIRef(resource_uri(r)) for r in dataset_dict.get("resources", [])
        }
        self._add_where_and_who(dataset_ref, dataset_dict)
        licences.add_licences(self.g, dataset_ref, dataset_dict, distributions.values())
        self._add_theme(dataset_ref, dataset_dict.get("estat_category"))
        self._add_standard(dataset_ref, dataset_dict.get("standard_dataset"))
        self._add_description_fallback(dataset_ref, dataset_dict)
        goj.add_language(self.g, [dataset_ref, *distributions.values()])
        goj.add_frequency(self.g, dataset_ref, dataset_dict)
        goj.add_public_access(self.g, dataset_ref)
        goj.add_contact_point(self.g, dataset_ref, dataset_dict)
        self._add_distribution_quality(dataset_dict, distributions)

    def graph_from_catalog(self, catalog_dict, catalog_ref):
        self._bind()
        publisher.add_catalog_publisher(self.g, catalog_ref)
        spatial.add_areas(self.g, catalog_ref, [municipalities.prefecture().code])
        goj.add_language(self.g, [catalog_ref])
        for homepage in self.g.objects(catalog_ref, FOAF.homepage):
            self.g.add((homepage, RDF.type, FOAF.Document))
        self.g.add((catalog_ref, DCAT.themeTaxonomy, terms.theme_scheme()))
        terms.add_theme_scheme(self.g)
        if (catalog_ref, DCTERMS.description, None) not in self.g:
            title = self.g.value(catalog_ref, DCTERMS.title) or ""
            self.g.add((catalog_ref, DCTERMS.description, Literal(str(title), lang="ja")))

    def _bind(self):
        for prefix, namespace in PREFIXES.items():
            self.g.bind(prefix, namespace)
        self.g.bind("hokkaido", f"{terms.base()}#")

    def _add_where_and_who(self, dataset_ref, dataset_dict):
        """The publisher, and the areas: the local government holding the dataset, then
        its 対象地域."""
        org_id = dataset_dict.get("owner_org")
        # the whole tree, two queries once per request: a catalogue page holds datasets of
        # dozens of organizations
        tree = OrgTree.for_request() if org_id else None
        if tree is not None:
            publisher.add_dataset_publisher(self.g, dataset_ref, org_id, tree)
        holder = lists.holder_in(tree, org_id) if tree is not None else None
        areas = ([holder.lg_code] if holder else []) + target_area_codes(dataset_dict)
        spatial.add_areas(self.g, dataset_ref, areas)

    def _add_distribution_quality(self, dataset_dict, distributions):
        for distribution in distributions.values():
            formats.fix_distribution(self.g, distribution)
        for resource_id, score in quality.scores_of(dataset_dict).items():
            if resource_id in distributions:
                quality.add_measurements(self.g, distributions[resource_id], score)

    def _add_theme(self, dataset_ref, category):
        concept = terms.theme(category) if category else None
        if concept is not None:
            self.g.add((dataset_ref, DCAT.theme, concept))
            terms.add_concept(self.g, concept, terms.choice("estat_category", category))

    def _add_standard(self, dataset_ref, name):
        standard = terms.standard(name) if name else None
        if standard is not None:
            self.g.add((dataset_ref, DCTERMS.conformsTo, standard))
            terms.add_standard(self.g, standard, terms.choice("standard_dataset", name))

    def _add_description_fallback(self, dataset_ref, dataset_dict):
        """DCAT-AP and DCAT-GoJ require a description; a dataset without 説明 gets its
        title."""
        if (dataset_ref, DCTERMS.description, None) not in self.g:
            title = dataset_dict.get("title") or dataset_dict.get("name") or ""
            self.g.add((dataset_ref, DCTERMS.description, Literal(title, lang="ja")))
