from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib.plugins import DefaultTranslation

from ckanext.hokkaido import search


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

    # IFacets

    def dataset_facets(self, facets_dict, package_type):
        facets_dict[search.SUBPREFECTURE] = tk._("Subprefecture")
        facets_dict[search.MUNICIPALITY] = tk._("Municipality")
        return facets_dict

    def organization_facets(self, facets_dict, organization_type, package_type):
        return self.dataset_facets(facets_dict, package_type)

    # IPackageController

    def before_dataset_search(self, search_params):
        search.with_japanese_query_fields(search_params)
        return search.include_children(search_params)

    def before_dataset_index(self, pkg_dict):
        pkg_dict.update(search.hierarchy_fields(pkg_dict.get("owner_org")))
        return pkg_dict
