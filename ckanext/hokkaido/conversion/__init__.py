"""One-step conversion in the portal: a resource whose machine-readability check found
errors is converted by the conversion engine (ckanext.hokkaido.convert, no CKAN) in a job,
and the tidy CSV is added beside the original, scored, with the report on both pages."""
