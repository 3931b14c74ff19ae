"""Hostile and broken files: a clear error in Japanese and English, naming the row and column
where there is one, and nothing written (no output, no temporary file)."""

from __future__ import annotations

import zipfile

import pytest

from ckanext.hokkaido.convert import ConvertError, convert_file
from ckanext.hokkaido.scoring.engine import Limits


@pytest.fixture
def out_dir(tmp_path):
    directory = tmp_path / "out"
    directory.mkdir()
    return directory


def refused(path, out_dir, **options) -> ConvertError:
    with pytest.raises(ConvertError) as raised:
        convert_file(path, out_dir / "out.csv", **options)
    assert list(out_dir.iterdir()) == [], "something was written"
    return raised.value


def test_zip_bomb_is_refused_before_parsing(tmp_path, out_dir):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(40):
                member.write(b"\x00" * 1024 * 1024)
    error = refused(path, out_dir)
    assert "ZIP" in error.ja and "bomb" in error.en


def _xlsx_with_sheet_xml(tmp_path, transform) -> str:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "x"])
    workbook.active.append(["a", 1])
    base = tmp_path / "base.xlsx"
    workbook.save(base)
    target = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = transform(data)
            archive.writestr(item, data)
    return target


def test_xxe_in_a_workbook_is_refused(tmp_path, out_dir):
    def with_entity(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1].replace(b"<t>a</t>", b"<t>&xxe;</t>")
        doctype = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        return b'<?xml version="1.0"?>' + doctype + body

    error = refused(_xlsx_with_sheet_xml(tmp_path, with_entity), out_dir)
    assert "DTD" in error.ja and "entities" in error.en


def test_billion_laughs_in_an_ods_file_is_refused(tmp_path, out_dir):
    path = tmp_path / "lol.ods"
    content = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ">&b;</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    error = refused(path, out_dir)
    assert "DTD" in error.ja


def test_a_line_longer_than_the_limit_stops_with_the_row(write_csv, out_dir):
    path = write_csv("a,b\n1,2\n3," + "x" * 5000 + "\n")
    error = refused(path, out_dir, limits=Limits(max_line_chars=1000))
    assert "長すぎ" in error.ja and error.row is not None


def test_a_row_wider_than_the_limit_stops_with_the_row(write_csv, out_dir):
    path = write_csv("a,b\n1,2\n" + ",".join(["x"] * 50) + "\n")
    error = refused(path, out_dir, limits=Limits(max_columns=20))
    assert "列が多すぎ" in error.ja and error.row == 3


# enough clean rows that the file reads as text (the engine's detection allows 2 % damage
# in the first megabyte, and looks for NUL bytes in the first 8 KB)
CLEAN_ROWS = "名称,住所\n" + "函館,東雲町\n" * 2000


def test_undecodable_bytes_stop_with_row_and_column(tmp_path, out_dir):
    path = tmp_path / "mixed.csv"
    path.write_bytes(CLEAN_ROWS.encode("cp932") + "札幌,".encode("cp932") + b"\x81\x7f\n")
    error = refused(path, out_dir)
    assert "文字化け" in error.ja and (error.row, error.column) == (2002, 2)
    assert "2002行目 2列目" in str(error)


def test_a_nul_byte_stops_with_row_and_column(tmp_path, out_dir):
    path = tmp_path / "nul.csv"
    path.write_bytes(CLEAN_ROWS.encode() + b"3,4\x005\n")
    error = refused(path, out_dir)
    assert "NUL" in error.ja and (error.row, error.column) == (2002, 2)


def test_a_binary_file_is_refused(tmp_path, out_dir):
    path = tmp_path / "data.csv"
    path.write_bytes(b"a,b\n1,\x002\n")
    assert "バイナリ" in refused(path, out_dir).ja


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "空"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "表形式"),
        (bytes(range(256)) * 64, "バイナリ"),
        (b"PK\x03\x04broken", "壊れて"),
    ],
)
def test_files_that_are_not_tables_are_refused(tmp_path, out_dir, content, words):
    path = tmp_path / "data.csv"
    path.write_bytes(content)
    assert words in refused(path, out_dir).ja


def test_a_truncated_workbook_is_refused(write_xlsx, out_dir):
    path = write_xlsx({"S": [["a", "b"]] + [[i, i] for i in range(2000)]})
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refused(path, out_dir)


def test_the_time_limit_stops_the_conversion(write_csv, out_dir):
    path = write_csv("a,b\n" + "1,2\n" * 20_000)
    error = refused(path, out_dir, limits=Limits(max_seconds=0.0))
    assert "処理時間" in error.ja


def test_shared_strings_too_large_to_hold_are_refused(tmp_path, out_dir, monkeypatch):
    from ckanext.hokkaido.convert import source

    def with_shared_strings(data: bytes) -> bytes:
        return data

    path = _xlsx_with_sheet_xml(tmp_path, with_shared_strings)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        strings = "".join(f"<si><t>name {n}</t></si>" for n in range(500))
        archive.writestr("xl/sharedStrings.xml", f"<sst>{strings}</sst>")
    monkeypatch.setattr(source, "MAX_SHARED_STRINGS_BYTES", 1000)
    assert "sharedStrings" in refused(path, out_dir).ja
