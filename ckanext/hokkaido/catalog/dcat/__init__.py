"""Our ckanext-dcat profile (`hokkaido_dcat`, chained after `euro_dcat_ap_3`): who
publishes each dataset, where it is about, under which licence, in which statistical field,
to which standard, and how machine-readable each file is, plus the vocabulary those
statements point to (`terms`), served at /catalog/terms."""
