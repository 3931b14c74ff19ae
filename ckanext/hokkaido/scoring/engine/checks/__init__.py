"""Built-in checks. Importing this package registers every rule."""

from . import cells, columns, encoding, layout, openness, standard  # noqa: F401
