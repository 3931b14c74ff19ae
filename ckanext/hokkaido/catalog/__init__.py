"""The catalogue as data: the 06 オープンデータ一覧 of each local government (and, later,
the DCAT profile)."""
