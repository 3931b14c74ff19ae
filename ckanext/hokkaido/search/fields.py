"""Solr fields the features add to a dataset's search document (CKAN's catch-all dynamic
string fields), and the search parameters they read."""

# Where a dataset's organization sits in the tree (hierarchy).
MUNICIPALITY_CODE = "hokkaido_lg_code"
MUNICIPALITY = "hokkaido_municipality"
SUBPREFECTURE = "hokkaido_subprefecture"
PREFECTURE_CODE = "hokkaido_prefecture"

# The dataset's best machine-readability result (scoring).
STARS = "hokkaido_stars"
MACHINE_READABLE = "hokkaido_machine_readable"
SCORE = "hokkaido_score"
# "true" once at least one of its files has been scored; "false" while none could be
# (unreachable, waiting): such datasets are 未判定, left out of the indicator's share.
ASSESSED = "hokkaido_assessed"

# An ``ext_`` parameter, so CKAN's views pass it through ``extras``.
INCLUDE_CHILDREN_PARAM = "ext_include_children"

# The 自治体標準オープンデータセット a dataset declares (schemas/dataset.yaml), indexed as
# it is stored, by CKAN's catch-all string field.
STANDARD_DATASET = "standard_dataset"
