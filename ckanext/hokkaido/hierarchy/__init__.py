"""The municipal organisation hierarchy: 北海道 → 14 (総合)振興局 → 179 市町村.

``reference/`` holds the official codes and names and imports nothing from CKAN; the
modules beside it read the tree from CKAN's group hierarchy, seed it, and serve it."""
