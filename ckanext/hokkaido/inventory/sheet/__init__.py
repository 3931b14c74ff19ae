"""棚卸し (data inventory): schema columns, spreadsheet import/export and the pure rules.

Nothing in this package imports CKAN; the plugin side adapts it.
"""

from .columns import Choice, Column, match_header
from .package_fields import (
    changed_fields,
    fields_differ,
    package_to_row_values,
    row_to_package_fields,
)
from .reader import MAX_FILE_BYTES, check_file, parse_inventory
from .results import FileError, InventoryRow, ParsedInventory, RowError
from .template import write_template_xlsx
from .writer import write_inventory_csv, write_inventory_xlsx

__all__ = [
    "MAX_FILE_BYTES",
    "Choice",
    "Column",
    "FileError",
    "InventoryRow",
    "ParsedInventory",
    "RowError",
    "changed_fields",
    "check_file",
    "fields_differ",
    "match_header",
    "package_to_row_values",
    "parse_inventory",
    "row_to_package_fields",
    "write_inventory_csv",
    "write_inventory_xlsx",
    "write_template_xlsx",
]
