"""Acceptance (issue #14): every file of the shared corpus (../shared/corpus) that holds one
table per sheet converts, and the scoring engine finds no `error` in any output.

Which files qualify. A CSV file is one sheet, and every CSV of the corpus holds one table
(manifest.csv, the corpus's own index, included: it is a CSV table like the others). The
workbooks hold one table per sheet: odl_since2003_visitor_arrivals.xlsx (19 sheets, one
table each, under titles, notes and merged label cells), the 総務省 population workbooks
(one table under a title and a multi-row header), the migration table, the 高松市 tables
and the 3×3 formula fixture. Left out, with the reason:
"""

from __future__ import annotations

import pytest

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import CORPUS, read_csv


def test_the_corpus_is_there():
    # the files are read from ../shared/corpus; without it this module would test nothing
    assert CORPUS.is_dir(), f"{CORPUS} is missing"


EXCLUDED = {
    # 決算カード: every sheet is a printed form (about 40 labelled blocks side by side and
    # 823 merged ranges per sheet, with a table of contents as the first sheet), not a table
    # of records; there is no header row to keep, so no single table to pick
    "soumu_FY2016-settlementcard.xlsx": "form layout, not a table",
    "echizen_kokufuhakkutsu_20000_00setsumei.pdf": "PDF, not a table format",
    "README.md": "the corpus's description, not data",
}
# workbooks: how many tables (one per sheet) the output must have
SHEETS = {"odl_since2003_visitor_arrivals.xlsx": 19}


def qualifying_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if p.name not in EXCLUDED)


def test_every_corpus_file_is_either_converted_or_excluded_with_a_reason():
    names = {p.name for p in CORPUS.iterdir()}
    assert set(EXCLUDED) <= names, "an excluded file is no longer in the corpus"
    assert all(name.endswith((".csv", ".xlsx", ".xls", ".ods")) for name in qualifying_files()), (
        "a new kind of file in the corpus: decide whether it qualifies"
    )


@pytest.mark.parametrize("name", qualifying_files())
def test_converted_corpus_file_has_no_error_finding(name, tmp_path):
    from ckanext.hokkaido.convert import convert_file

    result = convert_file(CORPUS / name, tmp_path / "out.csv")
    assert len(result.outputs) == SHEETS.get(name, 1)
    for table in result.outputs:
        scored = score_file(table.path)
        errors = [
            (f["rule"], f["location"], f["message"]["en"])
            for f in scored["findings"]
            if f["severity"] == "error"
        ]
        assert scored["error"] is None, (table.path.name, scored["error"])
        assert not errors, (table.path.name, errors)
        assert scored["format"] == "csv" and scored["encoding"] == "utf-8"
        assert read_csv(table.path)[1:], f"{table.path.name} has no records"


def test_corpus_file_mapped_to_its_standard_scores_without_error(tmp_path):
    from ckanext.hokkaido.convert import convert_file

    result = convert_file(CORPUS / "komae_aed.csv", tmp_path / "out.csv", standard="aed")
    scored = score_file(result.outputs[0].path, standard="aed")
    assert scored["standard"] == "aed"
    assert not [f for f in scored["findings"] if f["severity"] == "error"]
    assert "time-format" not in {f["rule"] for f in scored["findings"]}
