"""Machine-readability scoring.

``engine/`` is the hokkaido-score library and imports nothing from CKAN; the modules
beside it feed it a resource's file, keep its result and show it."""
