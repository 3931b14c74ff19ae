"""Built-in checks. Importing this package registers every rule."""

from . import cells, columns, encoding, geo, layout, numeric, openness, standard  # noqa: F401
