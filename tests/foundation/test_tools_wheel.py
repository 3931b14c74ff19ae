"""The hokkaido-opendata-tools wheel (tools/opendata_tools/): the scoring and conversion
engines without CKAN. Built by the documented command, installed in a new virtualenv with
its dependencies from PyPI, where CKAN is not importable, and both commands run there."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.foundation.test_wheel import REPO, _repository_files

BUILD = REPO / "tools" / "opendata_tools" / "build.py"
SHIPPED = ("ckanext/hokkaido/scoring/engine/", "ckanext/hokkaido/convert/")
SHIPPED += ("ckanext/hokkaido/hierarchy/reference/",)
SHIPPED_PACKAGES = tuple(folder.rstrip("/").replace("/", ".") for folder in SHIPPED)
# the packages above them are namespace packages in this wheel: no __init__.py
NAMESPACES = ("ckanext", "ckanext.hokkaido")
NAMESPACES += ("ckanext.hokkaido.scoring", "ckanext.hokkaido.hierarchy")
_CKAN_IMPORT = re.compile(r"^\s*(?:from|import)\s+ckan(?:\.|\s|$)", re.MULTILINE)
_CKANEXT_IMPORT = re.compile(r"^\s*(?:from|import)\s+(ckanext[\w.]*)", re.MULTILINE)

# argv: the namespace packages, "--", every shipped module
IMPORT_EVERYTHING = """
import importlib, importlib.util, json, sys
split = sys.argv.index("--")
namespaces, modules = sys.argv[1:split], sys.argv[split + 1:]
for name in modules:
    importlib.import_module(name)
print(json.dumps({
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("ckan", "ckanext")),
    "namespace_files": {n: sys.modules[n].__file__ for n in namespaces},
    "ckan": importlib.util.find_spec("ckan") is not None,
    "prefix": sys.prefix,
    "engine": sys.modules["ckanext.hokkaido.scoring.engine"].__file__,
}))
"""


@pytest.fixture(scope="module")
def tools_wheel(tmp_path_factory) -> Path:
    """The wheel, built the way the README says."""
    out = tmp_path_factory.mktemp("tools-dist")
    run = subprocess.run(
        [sys.executable, BUILD, "--out", out], capture_output=True, text=True, cwd=REPO
    )
    assert run.returncode == 0, run.stdout + run.stderr
    built = Path(run.stdout.strip().splitlines()[-1])
    assert built.parent == out and built.name.startswith("hokkaido_opendata_tools-")
    return built


@pytest.fixture(scope="module")
def tools_bin(tmp_path_factory, tools_wheel) -> Path:
    """A new virtualenv (no system site-packages) with the wheel and its dependencies."""
    target = tmp_path_factory.mktemp("tools-venv")
    venv.create(target, with_pip=True, system_site_packages=False)
    bin_dir = target / "bin"
    install = subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "-q", "--no-input", tools_wheel],
        capture_output=True,
        text=True,
        env=_clean_env(bin_dir),
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return bin_dir


def test_the_wheel_ships_the_engines_single_copy_and_nothing_else(tools_wheel):
    expected = {
        name for name in _repository_files() if name.startswith(SHIPPED) and (REPO / name).is_file()
    }
    with zipfile.ZipFile(tools_wheel) as archive:
        shipped = {n for n in archive.namelist() if ".dist-info/" not in n}
        assert shipped == expected
        for name in shipped:
            assert archive.read(name) == (REPO / name).read_bytes(), name
    assert {
        "ckanext/hokkaido/scoring/engine/data/score_weights.toml",
        "ckanext/hokkaido/convert/data/eras.csv",
        "ckanext/hokkaido/hierarchy/reference/data/hokkaido_municipalities.csv",
    } <= shipped


def test_the_wheel_declares_its_commands_and_only_the_engines_dependencies(tools_wheel):
    with zipfile.ZipFile(tools_wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
        entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    requires = sorted(
        re.split(r"[<>=!~ ;\[]", line.split(":", 1)[1].strip())[0].lower()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    )
    assert requires == ["defusedxml", "openpyxl", "xlrd"]
    assert "Name: hokkaido-opendata-tools" in metadata
    assert "License-Expression: AGPL-3.0-or-later" in metadata
    assert "hokkaido-score = ckanext.hokkaido.scoring.engine.cli:main" in entry_points
    assert "hokkaido-convert = ckanext.hokkaido.convert.cli:main" in entry_points


def test_no_shipped_module_imports_ckan_or_an_unshipped_module(tools_wheel):
    with zipfile.ZipFile(tools_wheel) as archive:
        modules = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".py")}
    assert modules
    for name, text in modules.items():
        assert not _CKAN_IMPORT.search(text), name
        for imported in _CKANEXT_IMPORT.findall(text):
            assert imported.startswith(SHIPPED_PACKAGES), (name, imported)


def test_ckan_is_absent_and_every_module_imports_without_it(tools_bin, tools_wheel):
    with zipfile.ZipFile(tools_wheel) as archive:
        modules = sorted(
            n.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            for n in archive.namelist()
            if n.endswith(".py")
        )
    run = subprocess.run(
        [tools_bin / "python", "-I", "-c", IMPORT_EVERYTHING, *NAMESPACES, "--", *modules],
        capture_output=True,
        text=True,
        cwd="/",
        env=_clean_env(tools_bin),
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["ckan"] is False
    assert found["engine"].startswith(found["prefix"])  # the installed copy, not the checkout
    assert set(found["namespace_files"].values()) == {None}  # no __init__.py of the portal's
    assert all(m in NAMESPACES or m.startswith(SHIPPED_PACKAGES) for m in found["loaded"])
    check = subprocess.run(
        [tools_bin / "python", "-m", "pip", "check"],
        capture_output=True,
        text=True,
        env=_clean_env(tools_bin),
    )
    assert check.returncode == 0, check.stdout


def test_hokkaido_score_judges_a_cp932_csv_with_a_title_row(tools_bin, tmp_path):
    source = tmp_path / "人口.csv"
    source.write_bytes(
        "令和5年度 地区別人口\r\n\r\n地区,人口,世帯数\r\n中央,1234,567\r\n北,890,345\r\n"
        "合計,2124,912\r\n".encode("cp932")
    )
    result = json.loads(_run(tools_bin, "hokkaido-score", source, "--json", cwd=tmp_path))
    assert (result["format"], result["encoding"], result["error"]) == ("csv", "cp932", None)
    assert result["machine_readable"] is False and 0 < result["score"] < 100
    rules = {finding["rule"]: finding for finding in result["findings"]}
    assert {"encoding-not-utf8", "title-row", "totals-row"} <= set(rules)
    assert rules["title-row"]["location"]["row"] == 1
    assert "令和5年度 地区別人口" in rules["title-row"]["message"]["ja"]
    summary = _run(tools_bin, "hokkaido-score", source, cwd=tmp_path)
    assert "文字コード: cp932" in summary and "title-row" in summary


def test_hokkaido_score_reads_spreadsheets_with_the_declared_dependencies(tools_bin, tmp_path):
    """xlsx through openpyxl; ODS through defusedxml (odfpy, which the portal's tests use to
    write ODS files, is not a dependency)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")
    for values in (("地区", "人口"), ("中央", "1234"), ("北", "890")):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "data.ods"))
    for name, expected in (("data.ods", "ods"), (_write_book(tmp_path).name, "xlsx")):
        result = json.loads(_run(tools_bin, "hokkaido-score", name, "--json", cwd=tmp_path))
        assert (result["format"], result["error"]) == (expected, None), name
        assert result["rows_total"] > 0, name


def test_hokkaido_convert_writes_tidy_utf8_csv_and_a_json_report(tools_bin, tmp_path):
    book = _write_book(tmp_path)
    source_bytes = book.read_bytes()
    command = ("hokkaido-convert", book.name, "-o", "out.csv", "--json-report")
    report = json.loads(_run(tools_bin, *command, cwd=tmp_path))
    assert report["error"] is None
    assert report["source"]["format"] == "xlsx"
    (output,) = report["outputs"]
    assert (output["path"], output["rows"]) == ("out.csv", 2)
    assert output["columns"] == ["施設名", "開設日", "定員"]
    assert {"title-row": 1, "totals-row": 1, "wareki-date": 2, "number": 1}.items() <= report[
        "counts"
    ].items()
    written = (tmp_path / "out.csv").read_bytes()
    assert not written.startswith(b"\xef\xbb\xbf")
    assert written.decode("utf-8") == (
        "施設名,開設日,定員\r\n中央公民館,2023-04-01,1200\r\n北公民館,2018-10-01,85\r\n"
    )
    assert book.read_bytes() == source_bytes


def _write_book(folder: Path) -> Path:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "施設"
    for row in (
        ["令和5年度 公民館一覧"],
        [],
        ["施設名", "開設日", "定員"],
        ["中央公民館", "令和5年4月1日", "1,200"],
        ["北公民館", "平成30年10月1日", 85],
        ["合計", None, 1285],
    ):
        sheet.append(row)
    path = folder / "book.xlsx"
    workbook.save(path)
    return path


def _run(bin_dir: Path, command: str, *args, cwd: Path) -> str:
    run = subprocess.run(
        [bin_dir / command, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=_clean_env(bin_dir),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def _clean_env(bin_dir: Path) -> dict[str, str]:
    """This environment without the checkout's virtualenv or PYTHONPATH."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PATH"] = f"{bin_dir}{os.pathsep}{os.defpath}"
    return env
