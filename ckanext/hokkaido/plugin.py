from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.hokkaido import search


@tk.blanket.config_declarations
@tk.blanket.validators
@tk.blanket.cli
class HokkaidoPlugin(p.SingletonPlugin):
    p.implements(p.IConfigurer)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer

    def update_config(self, config_):
        tk.add_template_directory(config_, "templates")
        tk.add_public_directory(config_, "public")
        tk.add_resource("assets", "hokkaido")

    # IPackageController

    def before_dataset_search(self, search_params):
        return search.with_japanese_query_fields(search_params)
