"""The 棚卸し data inventory.

``sheet/`` reads, checks and writes the spreadsheets and imports nothing from CKAN; the
modules beside it import them into datasets, export them and show the dashboard."""
