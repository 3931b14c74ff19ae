"""`error` is for the people who publish the file: no exception class names, file-system
paths or resolved internal addresses; the details go to the log."""

from __future__ import annotations

import logging
import re

import pytest

from ckanext.hokkaido.scoring.engine import engine as engine_module
from ckanext.hokkaido.scoring.engine import score_file

_INTERNALS = re.compile(r"[A-Z][A-Za-z]*(?:Error|Exception)\b|Bad[A-Z]\w+|/tmp|/work|\\\\")


def _clean(error: str, *paths) -> bool:
    return not _INTERNALS.search(error) and not any(str(p) in error for p in paths)


def test_a_truncated_spreadsheet_error_is_a_plain_message(write_xlsx, caplog):
    path = write_xlsx([["a", "b"], [1, 2]])
    path.write_bytes(path.read_bytes()[:300])
    with caplog.at_level(logging.WARNING):
        error = score_file(path)["error"]
    assert error and _clean(error, path, path.parent)


def test_a_parser_crash_is_logged_not_shown(write_csv, monkeypatch, caplog):
    path = write_csv("名称,人口\n札幌,1\n")

    def crash(*args, **kwargs):
        raise KeyError(f"{path}: internal state at 0x7f00")

    monkeypatch.setitem(engine_module.READERS, "csv", crash)
    # a host's logging set-up (CKAN's fileConfig) may have disabled or detached the
    # engine's logger; what is checked here is that the engine writes the details
    monkeypatch.setattr(engine_module.log, "disabled", False)
    engine_module.log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.WARNING, logger=engine_module.__name__):
            result = score_file(path)
    finally:
        engine_module.log.removeHandler(caplog.handler)
    assert result["error"].startswith("ファイルを読み取れません")
    assert _clean(result["error"], path) and "KeyError" not in result["error"]
    assert result["score"] == 0 and result["machine_readable"] is False
    assert "KeyError" in caplog.text  # the details are in the log


@pytest.mark.parametrize("exception", [MemoryError, RecursionError])
def test_too_complex_names_no_exception(write_csv, monkeypatch, exception):
    path = write_csv("名称,人口\n札幌,1\n")

    def crash(*args, **kwargs):
        raise exception()

    monkeypatch.setitem(engine_module.READERS, "csv", crash)
    error = score_file(path)["error"]
    assert "too complex" in error and exception.__name__ not in error


def test_broken_zip_and_xml_entity_errors_name_no_internals(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    entity = tmp_path / "entity.xml"
    entity.write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>')
    for path in (broken, entity):
        error = score_file(path)["error"]
        assert error and _clean(error, path, tmp_path), error
