"""The plugin: wiring only. Each feature keeps its own actions, auth functions, helpers,
validators, views and commands; this module hands them to CKAN."""

from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk
import click
from ckan.lib.plugins import DefaultTranslation

from ckanext.hokkaido import refusals
from ckanext.hokkaido.catalog import actions as catalog_actions
from ckanext.hokkaido.catalog import auth as catalog_auth
from ckanext.hokkaido.catalog import cli as catalog_cli
from ckanext.hokkaido.catalog import jobs as catalog_jobs
from ckanext.hokkaido.catalog import views as catalog_views
from ckanext.hokkaido.collect import public_functions
from ckanext.hokkaido.conversion import actions as conversion_actions
from ckanext.hokkaido.conversion import auth as conversion_auth
from ckanext.hokkaido.conversion import helpers as conversion_helpers
from ckanext.hokkaido.conversion import views as conversion_views
from ckanext.hokkaido.demo import cli as demo_cli
from ckanext.hokkaido.hierarchy import actions as hierarchy_actions
from ckanext.hokkaido.hierarchy import auth as hierarchy_auth
from ckanext.hokkaido.hierarchy import cli as hierarchy_cli
from ckanext.hokkaido.hierarchy import display as hierarchy_display
from ckanext.hokkaido.hierarchy import helpers as hierarchy_helpers
from ckanext.hokkaido.hierarchy import search as hierarchy_search
from ckanext.hokkaido.hierarchy import validators as hierarchy_validators
from ckanext.hokkaido.hierarchy import views as hierarchy_views
from ckanext.hokkaido.inventory import actions as inventory_actions
from ckanext.hokkaido.inventory import auth as inventory_auth
from ckanext.hokkaido.inventory import cli as inventory_cli
from ckanext.hokkaido.inventory import helpers as inventory_helpers
from ckanext.hokkaido.inventory import license_titles
from ckanext.hokkaido.inventory import validators as inventory_validators
from ckanext.hokkaido.inventory import views as inventory_views
from ckanext.hokkaido.inventory.sheet.licenses import LICENSES_PATH
from ckanext.hokkaido.portal import helpers as portal_helpers
from ckanext.hokkaido.portal import settings as portal_settings
from ckanext.hokkaido.portal import views as portal_views
from ckanext.hokkaido.privacy import actions as privacy_actions
from ckanext.hokkaido.progress import actions as progress_actions
from ckanext.hokkaido.progress import auth as progress_auth
from ckanext.hokkaido.progress import cli as progress_cli
from ckanext.hokkaido.progress import helpers as progress_helpers
from ckanext.hokkaido.progress import validators as progress_validators
from ckanext.hokkaido.progress import views as progress_views
from ckanext.hokkaido.scoring import actions as scoring_actions
from ckanext.hokkaido.scoring import auth as scoring_auth
from ckanext.hokkaido.scoring import cli as scoring_cli
from ckanext.hokkaido.scoring import helpers as scoring_helpers
from ckanext.hokkaido.scoring import jobs as scoring_jobs
from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring import search as scoring_search
from ckanext.hokkaido.scoring import views as scoring_views
from ckanext.hokkaido.search import actions as search_actions
from ckanext.hokkaido.search import facets, query
from ckanext.hokkaido.security import csrf, headers
from ckanext.hokkaido.tables import loading
from ckanext.xloader.interfaces import IXloader


def _actions() -> dict:
    return public_functions(
        hierarchy_actions,
        inventory_actions,
        scoring_actions,
        privacy_actions,
        search_actions,
        progress_actions,
        conversion_actions,
        catalog_actions,
    )


def _auth_functions() -> dict:
    return public_functions(
        hierarchy_auth,
        inventory_auth,
        scoring_auth,
        progress_auth,
        conversion_auth,
        catalog_auth,
    )


def _helpers() -> dict:
    return public_functions(
        hierarchy_helpers,
        inventory_helpers,
        scoring_helpers,
        portal_helpers,
        progress_helpers,
        conversion_helpers,
    )


def _validators() -> dict:
    return public_functions(hierarchy_validators, inventory_validators, progress_validators)


def _blueprints() -> list:
    return [
        hierarchy_views.blueprint,
        inventory_views.blueprint,
        scoring_views.blueprint,
        portal_views.blueprint,
        progress_views.blueprint,
        conversion_views.blueprint,
        catalog_views.blueprint,
    ]


def _cli() -> list:
    group = click.Group("hokkaido", short_help="Hokkaido portal commands")
    group.help = "Hokkaido open-data portal: seeding and maintenance."
    for command in (
        hierarchy_cli.seed_organizations,
        demo_cli.seed_demo,
        scoring_cli.score,
        inventory_cli.inventory_group,
        progress_cli.progress_group,
        catalog_cli.catalog_group,
    ):
        group.add_command(command)
    return [group]


@tk.blanket.actions(_actions)
@tk.blanket.auth_functions(_auth_functions)
@tk.blanket.blueprints(_blueprints)
@tk.blanket.cli(_cli)
@tk.blanket.config_declarations
@tk.blanket.helpers(_helpers)
@tk.blanket.validators(_validators)
class HokkaidoPlugin(p.SingletonPlugin, DefaultTranslation):
    p.implements(p.IConfigurer)
    p.implements(p.ITranslation)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)
    p.implements(p.IMiddleware, inherit=True)
    p.implements(p.IOrganizationController, inherit=True)
    p.implements(IXloader, inherit=True)

    # IConfigurer

    def update_config(self, config_):
        tk.add_template_directory(config_, "templates")
        tk.add_public_directory(config_, "public")
        tk.add_resource("assets", "hokkaido")
        if not config_.get("licenses_group_url"):
            # The portal's licence list: CC BY 4.0, CC0, PDL1.0, 政府標準利用規約 2.0, …
            config_["licenses_group_url"] = LICENSES_PATH.as_uri()
        portal_settings.use_portal_images(config_)

    def update_config_schema(self, schema):
        return portal_settings.with_site_texts(schema)

    # IXloader

    def can_upload(self, resource_id):
        return loading.may_load(resource_id)

    # IMiddleware

    def make_middleware(self, app, config):
        if hasattr(app, "before_request"):  # the Flask app (not a WSGI wrapper)
            app.before_request(csrf.enforce_csrf)
            app.before_request(refusals.refuse_in_the_right_words)
            app.after_request(headers.add_security_headers)
            # Flask-Login sends the remember-me cookie with SameSite=None unless told (CKAN
            # hands it the string "None"); Strict is kept if configured, nothing weaker
            strict = config.get("REMEMBER_COOKIE_SAMESITE") == "Strict"
            app.config["REMEMBER_COOKIE_SAMESITE"] = "Strict" if strict else "Lax"
        return app

    # IFacets

    def dataset_facets(self, facets_dict, package_type):
        return facets.with_portal_facets(facets_dict)

    def organization_facets(self, facets_dict, organization_type, package_type):
        return facets.with_portal_facets(facets_dict)

    # IPackageController

    def before_dataset_search(self, search_params):
        query.with_japanese_query_fields(search_params)
        return hierarchy_search.include_children(search_params)

    def before_dataset_index(self, pkg_dict):
        pkg_dict.update(hierarchy_search.hierarchy_fields(pkg_dict.get("owner_org")))
        if pkg_dict.get("num_resources"):
            summary = resource_scoring.dataset_summary(pkg_dict["id"])
            pkg_dict.update(scoring_search.score_fields(summary))
        return pkg_dict

    def before_dataset_view(self, pkg_dict):
        return hierarchy_display.localise_dataset(license_titles.localise_dataset(pkg_dict))

    def after_dataset_search(self, search_results, search_params):
        search_results = facets.with_labelled_values(search_results)
        return hierarchy_display.localise_search(license_titles.localise_search(search_results))

    # IOrganizationController

    def before_view(self, data_dict):
        return hierarchy_display.localise_organization(data_dict)

    def after_dataset_create(self, context, pkg_dict):
        scoring_jobs.enqueue_changed(pkg_dict)
        catalog_jobs.enqueue_changed(pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        scoring_jobs.enqueue_changed(pkg_dict)
        catalog_jobs.enqueue_changed(pkg_dict)

    def after_dataset_delete(self, context, pkg_dict):
        catalog_jobs.enqueue_changed(pkg_dict)
