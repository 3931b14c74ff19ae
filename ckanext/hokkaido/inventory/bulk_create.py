"""Creating many datasets in one transaction, for the inventory import.

The steps are package_create's own, with the same validation, permission check,
dictization, plugin hooks, owning-organization membership, activity and search-index
document, split into validate (which may run in worker processes), save and index, so
that each new dataset is read back once instead of twice. Through the action, every
dataset costs one package_show for the activity that ckanext-activity records and another
for its search-index document.

The membership and the activity rows are added as package_owner_org_update and
activity_create would add them for a new dataset, without those actions' own checks of
what this module has just made; at a few milliseconds a row, the checks were a sixth of
an import's time.

Nothing here commits. The caller commits the database once after index(), and then
sends the documents to the search index and commits it once."""

from __future__ import annotations

import datetime
import multiprocessing
import signal

import ckan.logic as logic
import ckan.model as model
import ckan.plugins as plugins
import ckan.plugins.toolkit as tk
from ckan.lib import plugins as lib_plugins
from ckan.lib.dictization import model_save

PARALLEL_FROM = 100  # fewer new datasets than this are not worth the processes
WORKER_CHUNK = 25


def create(data_dict: dict, user: model.User) -> str:
    """package_create without its read-back: validate, save, run the plugins' hooks.
    Raises ValidationError or NotAuthorized as package_create does."""
    data, errors = validate(data_dict, user)
    if errors:
        raise tk.ValidationError(errors)
    return save(data, user)


def validate(data_dict: dict, user: model.User) -> tuple[dict, dict]:
    """package_create's permission check and validation, writing nothing: the dataset as
    it would be saved, and the errors. Raises NotAuthorized."""
    context = _context(user)
    plugin = package_plugin(data_dict)
    tk.check_access("package_create", context, data_dict)
    return lib_plugins.plugin_validate(
        plugin, context, data_dict, plugin.create_package_schema(), "package_create"
    )


def validate_all(
    data_dicts: list[dict], username: str, workers: int, on_each=None
) -> list[tuple[dict, dict]]:
    """validate() for many datasets, in `workers` forked processes when there are enough
    of them to be worth it: validation is most of a new dataset's cost, it only reads
    committed data, and each row is independent of the others."""
    if workers < 2 or len(data_dicts) < PARALLEL_FROM:
        user = model.User.get(username)
        return [_counted(validate(d, user), on_each) for d in data_dicts]
    model.Session.remove()  # no connection of ours is in use while the processes fork
    with multiprocessing.get_context("fork").Pool(
        workers, initializer=_start_worker, initargs=(username,)
    ) as pool:
        results = pool.imap(_validate_in_worker, data_dicts, chunksize=WORKER_CHUNK)
        return [_counted(result, on_each) for result in results]


def save(data: dict, user: model.User) -> str:
    """Save a dataset validate() accepted, and run the plugins' create hooks."""
    context = _context(user)
    data["creator_user_id"] = user.id
    package, _changed = model_save.package_dict_save(data, context, False)
    if not data.get("metadata_modified"):
        # set before the flush, so that it is part of the INSERT
        package.metadata_modified = datetime.datetime.utcnow()
    model.Session.flush()
    data["id"] = package.id
    _set_owner_org(package)
    for item in plugins.PluginImplementations(plugins.IPackageController):
        item.create(package)
        item.after_dataset_create(context, data)
    return package.id


_worker_user: model.User | None = None


def _start_worker(username: str) -> None:
    global _worker_user
    # A forked validation process must die on SIGTERM (Pool.terminate and `make stop` send
    # it), not run the background job's handler, which turns SIGTERM into an exception that
    # could leave the pool's queue lock held and the pool hanging.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The parent's pooled connections are its own: open new ones, close none of its.
    model.meta.engine.dispose(close=False)
    _worker_user = model.User.get(username)


def _validate_in_worker(data_dict: dict) -> tuple[dict, dict]:
    try:
        return validate(data_dict, _worker_user)
    except tk.NotAuthorized as e:
        return {}, {"owner_org": [str(e) or "not authorized"]}
    finally:
        model.Session.remove()


def _counted(result, on_each):
    if on_each:
        on_each()
    return result


def _context(user: model.User) -> dict:
    # Validators and the dictization still read the model and session from the context.
    return {
        "user": user.name,
        "auth_user_obj": user,
        "defer_commit": True,
        "model": model,
        "session": model.Session,
    }


def index(package_id: str, user: model.User, activity_type: str | None = "new") -> None:
    """Make the dataset's search-index document (the importer keeps it until its commit,
    see deferred_index) and record its activity the way ckanext-activity does, both from
    one read of the dataset."""
    default_dict, custom_dict = logic.package_show_default_and_custom_schemas(
        {"ignore_auth": True}, package_id
    )
    logic.index_update_package_dicts((default_dict, custom_dict), defer_commit=True)
    if activity_type and plugins.plugin_loaded("activity") and _activity_streams_enabled():
        _record_activity(package_id, custom_dict, user, activity_type)


def package_plugin(data_dict: dict):
    """The dataset type's plugin, as package_create and package_update look it up (the
    type defaults like package_create's): checks must validate with the same schema."""
    if "type" not in data_dict:
        # as package_create: the default plugin's first type, else 'dataset'
        default_plugin = lib_plugins.lookup_package_plugin()
        types = getattr(default_plugin, "package_types", list)()
        data_dict["type"] = types[0] if types else "dataset"
    return lib_plugins.lookup_package_plugin(data_dict["type"])


def _set_owner_org(package: model.Package) -> None:
    # package_owner_org_update for a dataset that has no membership yet
    if package.owner_org:
        model.Session.add(
            model.Member(
                table_id=package.id,
                table_name="package",
                group_id=package.owner_org,
                capacity="organization",
                state="active",
            )
        )


def _record_activity(
    package_id: str, package_dict: dict, user: model.User, activity_type: str
) -> None:
    # what ckanext-activity's activity_create saves, from values made here
    from ckanext.activity.model import Activity  # only with the activity plugin

    labels = lib_plugins.get_permission_labels().get_dataset_labels(model.Package.get(package_id))
    model.Session.add(
        Activity(
            user.id,
            package_id,
            f"{activity_type} package",
            {"package": package_dict, "actor": user.name},
            labels,
        )
    )


def _activity_streams_enabled() -> bool:
    return tk.asbool(tk.config.get("ckan.activity_streams_enabled"))
