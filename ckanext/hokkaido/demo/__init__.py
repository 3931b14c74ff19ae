"""Demo content for a fresh portal: a few datasets with files, so every page has something
to show."""
