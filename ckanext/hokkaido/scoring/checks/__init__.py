"""Built-in checks. Importing this package registers every rule."""

from . import cells, encoding, layout, openness, standard  # noqa: F401
