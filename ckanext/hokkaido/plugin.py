from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultTranslation

from ckanext.hokkaido import resource_scoring, search
from ckanext.hokkaido.inventory.licenses import LICENSES_PATH


@tk.blanket.actions
@tk.blanket.auth_functions
@tk.blanket.blueprints
@tk.blanket.cli
@tk.blanket.config_declarations
@tk.blanket.helpers
@tk.blanket.validators
class HokkaidoPlugin(p.SingletonPlugin, DefaultTranslation):
    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer

    def update_config(self, config_):
        tk.add_template_directory(config_, "templates")
        tk.add_public_directory(config_, "public")
        tk.add_resource("assets", "hokkaido")
        if not config_.get("licenses_group_url"):
            # The portal's licence list: CC BY 4.0, CC0, PDL1.0, 政府標準利用規約 2.0, …
            config_["licenses_group_url"] = LICENSES_PATH.as_uri()

    # IFacets

    def dataset_facets(self, facets_dict, package_type):
        facets_dict[search.SUBPREFECTURE] = tk._("Subprefecture")
        facets_dict[search.MUNICIPALITY] = tk._("Municipality")
        facets_dict[search.STARS] = tk._("Openness stars")
        facets_dict[search.MACHINE_READABLE] = tk._("Machine-readable")
        return facets_dict

    def organization_facets(self, facets_dict, organization_type, package_type):
        return self.dataset_facets(facets_dict, package_type)

    # IPackageController

    def before_dataset_search(self, search_params):
        search.with_japanese_query_fields(search_params)
        return search.include_children(search_params)

    def before_dataset_index(self, pkg_dict):
        pkg_dict.update(search.hierarchy_fields(pkg_dict.get("owner_org")))
        if pkg_dict.get("num_resources"):
            summary = resource_scoring.dataset_summary(pkg_dict["id"])
            pkg_dict.update(search.score_fields(summary))
        return pkg_dict

    def after_dataset_create(self, context, pkg_dict):
        self._enqueue_scoring(pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        self._enqueue_scoring(pkg_dict)

    def _enqueue_scoring(self, pkg_dict):
        # resource_create and resource_update end in package_update, so this one hook
        # sees every new or changed file or URL.
        if not pkg_dict.get("resources"):
            return
        for resource_id in resource_scoring.resources_needing_a_job(pkg_dict["id"]):
            resource_scoring.enqueue(resource_id)
