"""Readers turn a file of one table format into Sheets of string cells."""

from __future__ import annotations

from . import csv, ods, xls, xlsx

READERS = {
    "csv": csv.read_sheets,
    "tsv": csv.read_sheets,
    "xlsx": xlsx.read_sheets,
    "xls": xls.read_sheets,
    "ods": ods.read_sheets,
}
