"""Progress toward 179/179: figures per municipality, 振興局 and the prefecture, their
daily snapshots, the map and the pages. The computation is pure (figures/, map/); the
rest is the CKAN side."""
