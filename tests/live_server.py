"""The test app served on a local port, for clients that make real HTTP requests: a
browser (tests/browser) or a second CKAN site (tests/catalog/test_harvest_round_trip.py).

A module that uses `live_server` marks itself with `served_here`, so that CKAN builds its
links for the served address, and sets CKAN_SITE_URL to SITE_URL in an autouse fixture:
the stack passes CKAN_SITE_URL, which CKAN prefers to any config value."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SITE_URL = f"http://127.0.0.1:{_free_port()}"
served_here = pytest.mark.ckan_config("ckan.site_url", SITE_URL)


@pytest.fixture
def live_server(app):
    port = urlsplit(SITE_URL).port
    server = make_server("127.0.0.1", port, app.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    server.shutdown()
    thread.join()
