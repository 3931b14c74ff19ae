"""Privacy of core actions: CKAN answers some of them from tables that do not know which
datasets are private (member rows, tags), or answers 403 where "not found" would give
nothing away. The chained actions here close those traces."""
