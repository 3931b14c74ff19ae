import io
import zipfile

import pytest

from ckanext.hokkaido.inventory.sheet import parse_inventory, reader, xlsx_source

from .conftest import REQUIRED_HEADERS, csv_bytes, xlsx_bytes

ROW = ["001", "AED設置箇所一覧", "公開済"]


def _parse(data: bytes, filename: str, **kwargs):
    return parse_inventory(io.BytesIO(data), filename, **kwargs)


def _codes(parsed):
    return [e.code for e in parsed.file_errors if e.fatal]


def _row_codes(parsed, index=0):
    return [e.code for e in parsed.rows[index].errors]


# --- encodings and formats -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_each_accepted_encoding(encoding):
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ROW], encoding), "a.csv")
    assert parsed.encoding == encoding
    assert parsed.rows[0].values == {
        "inventory_id": "001",
        "title": "AED設置箇所一覧",
        "publication_status": "published",
    }


def test_xlsx_rows_are_keyed_by_field_with_spreadsheet_row_numbers():
    parsed = _parse(
        xlsx_bytes([REQUIRED_HEADERS, ROW, ["002", "公衆トイレ一覧", "未公開"]]), "a.xlsx"
    )
    assert [r.row_number for r in parsed.rows] == [2, 3]
    assert parsed.rows[1].values["publication_status"] == "unpublished"
    assert parsed.sheet_name == "棚卸し"


def test_accepts_a_path(tmp_path):
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(xlsx_bytes([REQUIRED_HEADERS, ROW]))
    assert parse_inventory(path).ok


def test_title_rows_above_the_header_are_skipped():
    data = xlsx_bytes([["棚卸し調査票（令和7年度）"], [], REQUIRED_HEADERS, ROW])
    parsed = _parse(data, "a.xlsx")
    assert parsed.ok and parsed.rows[0].row_number == 4


def test_gif_465_3_and_width_variants_of_headers_are_recognised():
    headers = ["#", "テーブル/エンティティ/データ名", "データの公開ステータス", "公開可否の判断"]
    parsed = _parse(csv_bytes([headers, ["1", "施設一覧", "公開予定", "公開可能"]]), "a.csv")
    assert parsed.rows[0].values["disclosure"] == "open"
    assert _parse(csv_bytes([["管理番号（必須）", " データ名称 ", "公開状況"], ROW]), "a.csv").ok


def test_tab_separated_text_is_read():
    data = "\r\n".join("\t".join(r) for r in [REQUIRED_HEADERS, ROW]).encode("utf-8")
    assert _parse(data, "a.txt").rows[0].values["inventory_id"] == "001"


def test_wrong_encoding_is_a_file_error_not_garbage():
    data = "\n".join([",".join(REQUIRED_HEADERS), ",".join(ROW)]).encode("euc_jp")
    parsed = _parse(data, "a.csv")
    assert _codes(parsed) == ["encoding_unknown"] and parsed.rows == []
    assert "文字コード" in parsed.file_errors[0].message_ja
    assert "encoding" in parsed.file_errors[0].message_en


def test_utf16_text_is_refused_with_advice():
    data = "\n".join(",".join(r) for r in [REQUIRED_HEADERS, ROW]).encode("utf-16")
    assert _codes(_parse(data, "a.csv")) == ["encoding_utf16"]


@pytest.mark.parametrize(
    "data, filename",
    [
        (b"%PDF-1.7 ...", "a.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.csv"),
        (b"\x00\x01\x02binary", "a.csv"),
        (b"not really excel", "a.xlsx"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet(data, filename):
    parsed = _parse(data, filename)
    assert _codes(parsed) == ["not_spreadsheet"] and parsed.fatal


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert _codes(_parse(buffer.getvalue(), "a.xlsx")) == ["not_spreadsheet"]


def test_ods_is_refused_with_advice():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office/>")
    assert _codes(_parse(buffer.getvalue(), "a.ods")) == ["ods_unsupported"]


def test_legacy_xls_is_refused_with_advice():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert _codes(_parse(data, "a.xls")) == ["legacy_xls"]


def test_empty_file():
    assert _codes(_parse(b"", "a.csv")) == ["empty_file"]


def test_file_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 10)
    assert _codes(_parse(b"x" * 11, "a.csv")) == ["file_too_large"]


def test_zip_bomb_is_refused_before_opening(monkeypatch):
    calls = []
    monkeypatch.setattr(xlsx_source.openpyxl, "load_workbook", lambda *a, **k: calls.append(1))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr(
            "xl/worksheets/sheet1.xml", b"\x00" * (xlsx_source.MAX_UNCOMPRESSED_BYTES + 1)
        )
    data = buffer.getvalue()
    assert len(data) < 2**20
    parsed = _parse(data, "bomb.xlsx")
    assert _codes(parsed) == ["zip_bomb"] and calls == []


def test_damaged_xlsx():
    data = xlsx_bytes([REQUIRED_HEADERS, ROW])
    assert _codes(_parse(data[: len(data) // 2], "a.xlsx")) == ["xlsx_broken"]


# --- columns -------------------------------------------------------------------------------


def test_missing_required_column_is_fatal():
    parsed = _parse(csv_bytes([["管理番号", "データ名称"], ["001", "x"]]), "a.csv")
    assert _codes(parsed) == ["missing_required_column"]
    assert parsed.fatal and parsed.rows == []
    error = next(e for e in parsed.file_errors if e.code == "missing_required_column")
    assert "公開状況" in error.message_ja


def test_missing_optional_column_is_a_notice_and_leaves_the_field_out():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ROW]), "a.csv")
    notices = [e for e in parsed.file_errors if e.code == "missing_optional_column"]
    assert notices and not any(e.fatal for e in notices)
    assert "notes" not in parsed.rows[0].values


def test_unknown_column_is_reported_with_a_suggestion_and_ignored():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS + ["所管部暑"], ROW + ["x"]]), "a.csv")
    error = next(e for e in parsed.file_errors if e.code == "unknown_column")
    assert not error.fatal and "所管部署" in error.message_ja
    assert parsed.rows[0].ok


def test_duplicate_column_is_fatal():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS + ["管理番号"], ROW + ["9"]]), "a.csv")
    assert _codes(parsed) == ["duplicate_column"]


def test_merged_header_cells_are_fatal():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(REQUIRED_HEADERS + ["概要", ""])
    sheet.append(ROW)
    sheet.merge_cells("D1:E1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = _parse(buffer.getvalue(), "a.xlsx")
    assert _codes(parsed) == ["merged_header"]
    assert "D1:E1" in next(e for e in parsed.file_errors if e.fatal).message_ja


def test_values_under_a_blank_header_are_reported():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS + [""], ROW + ["stray"]]), "a.csv")
    notices = [e.code for e in parsed.file_errors]
    assert "blank_header_with_data" in notices and not parsed.fatal


def test_no_header_row():
    parsed = _parse(csv_bytes([["a", "b"], ["1", "2"]]), "a.csv")
    assert _codes(parsed) == ["header_not_found"]


# --- rows ----------------------------------------------------------------------------------


def test_blank_rows_are_skipped_not_errors():
    data = xlsx_bytes([REQUIRED_HEADERS, ROW, [None, " ", None], ["002", "x", "未公開"]])
    parsed = _parse(data, "a.xlsx")
    assert [r.row_number for r in parsed.rows] == [2, 4] and parsed.ok


def test_required_cell_left_blank():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", "", "公開済"]]), "a.csv")
    error = parsed.rows[0].errors[0]
    assert (error.column, error.code) == ("データ名称", "required_value")


def test_same_inventory_id_twice_in_one_file():
    rows = [REQUIRED_HEADERS, ROW, ["002", "b", "未公開"], ["００１", "c", "未公開"]]
    parsed = _parse(csv_bytes(rows), "a.csv")
    assert parsed.rows[0].ok and parsed.rows[1].ok
    error = parsed.rows[2].errors[0]
    assert error.code == "duplicate_inventory_id" and "2行目" in error.message_ja


def test_unknown_controlled_value_suggests_the_closest():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", "x", "公開積"]]), "a.csv")
    error = parsed.rows[0].errors[0]
    assert error.code == "unknown_choice" and error.column == "公開状況"
    assert "「公開済」ではありませんか" in error.message_ja
    assert "公開済" in error.message_en
    assert "publication_status" not in parsed.rows[0].values


def test_unknown_value_far_from_any_choice_lists_the_choices():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", "x", "zzz"]]), "a.csv")
    assert "公開済、公開予定、未公開" in parsed.rows[0].errors[0].message_ja


def test_controlled_values_accept_code_japanese_and_english_labels():
    headers = REQUIRED_HEADERS + ["保有ファイル形式", "ライセンス", "更新頻度"]
    row = ["001", "x", "Published", "ＣＳＶ；pdf", "CC BY 4.0", "monthly"]
    values = _parse(csv_bytes([headers, row]), "a.csv").rows[0].values
    assert values["publication_status"] == "published"
    assert values["file_formats"] == ["csv", "pdf"]
    assert values["license_id"] == "CC-BY-4.0"
    assert values["update_frequency"] == "monthly"


def test_formula_cells_are_reported_not_evaluated():
    parsed = _parse(xlsx_bytes([REQUIRED_HEADERS, ["001", '=CONCAT("A","B")', "公開済"]]), "a.xlsx")
    error = parsed.rows[0].errors[0]
    assert error.code == "formula" and error.column == "データ名称"
    assert "title" not in parsed.rows[0].values


def test_formula_text_in_csv_is_reported():
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", "=1+2", "公開済"]]), "a.csv")
    assert _row_codes(parsed) == ["formula"]


@pytest.mark.parametrize("text", ["'=1+2", "\t=1+2", " =1+2", "\u3000=1+2", "\x01=1+2", "''=x"])
def test_a_formula_behind_quotes_blanks_or_control_characters_is_reported(text):
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", text, "公開済"]]), "a.csv")
    assert _row_codes(parsed) == ["formula"]


@pytest.mark.parametrize("text", ["'=1+2", "\t=1+2", " =1+2", "\u3000=1+2"])
def test_a_formula_written_as_workbook_text_is_reported(text):
    parsed = _parse(xlsx_bytes([REQUIRED_HEADERS, ["001", text, "公開済"]]), "a.xlsx")
    assert _row_codes(parsed) == ["formula"]


@pytest.mark.parametrize("text", ["a=b", "-", "+81-11-000", "'quoted"])
def test_text_with_an_equals_sign_inside_is_not_a_formula(text):
    parsed = _parse(csv_bytes([REQUIRED_HEADERS, ["001", text, "公開済"]]), "a.csv")
    assert "formula" not in _row_codes(parsed)


def test_row_rules_are_applied_with_the_column_header():
    headers = REQUIRED_HEADERS + ["公開予定時期"]
    parsed = _parse(csv_bytes([headers, ["001", "x", "公開予定", ""]]), "a.csv")
    error = parsed.rows[0].errors[0]
    assert error.column == "公開予定時期" and "公開予定時期" in error.message_ja


def test_excel_dates_and_numbers_become_text():
    import datetime as dt

    headers = REQUIRED_HEADERS + ["公開予定時期"]
    data = xlsx_bytes([headers, [1, "x", "公開予定", dt.datetime(2025, 10, 1)]])
    values = _parse(data, "a.xlsx").rows[0].values
    assert values["inventory_id"] == "1" and values["planned_publication"] == "2025-10-01"


def test_ten_thousand_rows_stream_with_progress():
    rows = [REQUIRED_HEADERS] + [[f"{i:05}", f"データ{i}", "未公開"] for i in range(10_000)]
    progress = []
    parsed = _parse(xlsx_bytes(rows), "big.xlsx", on_progress=lambda d, t: progress.append((d, t)))
    assert len(parsed.rows) == 10_000 and parsed.ok
    assert progress[-1] == (10_000, 10_000)
    assert len(progress) > 10 and all(t == 10_000 for _, t in progress)


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 2)
    rows = [REQUIRED_HEADERS] + [[str(i), "x", "未公開"] for i in range(3)]
    assert _codes(_parse(csv_bytes(rows), "a.csv")) == ["too_many_rows"]


def test_every_error_has_japanese_and_english_text():
    rows = [REQUIRED_HEADERS + ["謎の列"], ["001", "", "zzz", "x"], ["001", "=A1", "公開済", ""]]
    parsed = _parse(csv_bytes(rows), "a.csv")
    errors = parsed.file_errors + [e for r in parsed.rows for e in r.errors]
    assert len(errors) >= 4
    for error in errors:
        assert error.message_ja and error.message_en and error.message_ja != error.message_en


@pytest.mark.parametrize("prefix", ["", "x:"])
@pytest.mark.parametrize("offset", [0, 3, 40])
def test_merged_cells_are_found_after_a_large_sheet_wherever_a_read_splits_them(prefix, offset):
    import zipfile

    from ckanext.hokkaido.inventory.sheet import xlsx_source

    sheet_data = f"<{prefix}sheetData>".encode() + b"<!-- filler -->"
    # the <mergeCells> tag starts `offset` bytes before the end of the first 1 MiB read
    filler = b" " * (xlsx_source.MB - len(sheet_data) - offset)
    xml = (
        sheet_data
        + filler
        + (
            f'</{prefix}sheetData><{prefix}mergeCells count="2">'
            f'<{prefix}mergeCell ref="B2:C3"/><{prefix}mergeCell ref="A1"/>'
            f"</{prefix}mergeCells>"
        ).encode()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    with zipfile.ZipFile(buffer) as archive:
        found = xlsx_source._merged_ranges(archive, "xl/worksheets/sheet1.xml")
    assert found == [(2, 2, 3, 3), (1, 1, 1, 1)]
