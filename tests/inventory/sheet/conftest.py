"""Builders for inventory spreadsheets used across the inventory tests."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from ckanext.hokkaido.inventory.sheet import columns as cols

REQUIRED_HEADERS = ["管理番号", "データ名称", "公開状況"]


def xlsx_bytes(rows: list[list], title: str = "棚卸し") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], encoding: str = "utf-8") -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode(encoding)


def full_package(**overrides) -> dict:
    """A package dict with every inventory field filled (canonical value shapes)."""
    pkg = {
        "inventory_id": "001",
        "title": "AED設置箇所一覧",
        "notes": "市内のAED設置場所\n2行目",
        "department": "総務部情報政策課",
        "contact_info": "011-123-4567 / info@example.lg.jp",
        "holding_form": "electronic_file",
        "file_formats": ["csv", "pdf"],
        "record_count": "約120件",
        "update_frequency": "annual",
        "disclosure": "open",
        "nondisclosure_reason": [],
        "nondisclosure_note": "",
        "private_need": "high",
        "need_method": "問い合わせ件数",
        "publication_status": "published",
        "planned_publication": "",
        "license_id": "CC-BY-4.0",
        "standard_dataset": "AED設置箇所一覧",
        "estat_category": "社会保障・衛生",
        "target_areas": ["011002", "012025"],
        "api_available": "no",
    }
    pkg.update(overrides)
    return pkg


@pytest.fixture
def headers() -> list[str]:
    return cols.headers()
