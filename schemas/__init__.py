# ckanext-scheming YAML of the portal: dataset.yaml (the 棚卸し inventory) and
# organization.yaml, with the vocabularies behind their choices. This folder ships in the
# wheel as the package ckanext.hokkaido.schemas (see setup.py), so the config names the
# schemas as ckanext.hokkaido.schemas:dataset.yaml whether installed or editable.
