"""Search settings shared by the features: Solr field names, Japanese query fields, facets."""
