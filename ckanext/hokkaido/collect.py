"""What the plugin hands CKAN's blankets: the public functions of the features' modules.

CKAN's blankets read one module each by convention; every feature here has its own
actions, auth, helpers and validators, so the plugin collects them explicitly."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ckan.authz import get_local_functions


def public_functions(*modules: ModuleType) -> dict[str, Any]:
    """The functions defined (not imported) in the modules whose names do not start with
    an underscore; a name defined twice is an error, not a silent override."""
    found: dict[str, Any] = {}
    for module in modules:
        for name, function in get_local_functions(module):
            if name in found:
                raise ValueError(f"{name} is defined in {found[name].__module__} and {module}")
            found[name] = function
    return found
