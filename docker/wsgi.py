"""uWSGI entry point for the Docker image."""

import os

from ckan.config.middleware import make_app
from ckan.cli import CKANConfigLoader

application = make_app(CKANConfigLoader(os.environ["CKAN_INI"]).get_config())
