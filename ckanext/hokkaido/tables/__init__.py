"""Every machine-readable table as an API: which resources ckanext-xloader loads into
CKAN's DataStore (datastore_search, the datatables preview), and when."""
