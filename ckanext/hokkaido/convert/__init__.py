"""Conversion engine: spreadsheets and CSV files as tidy UTF-8 CSV. Imports nothing from
CKAN; reuses the scoring engine's detection, guards, readers and rules.

from ckanext.hokkaido.convert import convert_file, ConvertError
"""

from __future__ import annotations

from .converter import ConvertResult, convert_file, default_output
from .errors import ConvertError

__all__ = ["convert_file", "default_output", "ConvertError", "ConvertResult"]
