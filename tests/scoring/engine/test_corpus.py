"""Real municipal files (../shared/corpus): each is scored without error, and the problems
its manifest describes are found. The manifest's free-text expected_problems are mapped to
rule ids here."""

from __future__ import annotations

import csv

import pytest

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import CORPUS, rules_of

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus folder {CORPUS} is absent")

LAYOUT_SJIS = {
    "encoding-not-utf8",
    "title-row",
    "multi-row-header",
    "blank-header",
    "wareki-date",
    "cell-linebreak-or-padding",
}
EXPECTED = {
    "urasoe_AED.csv": {"encoding-not-utf8", "cell-linebreak-or-padding"},
    "muroran-papamama_nurseryData.csv": {
        "encoding-not-utf8",
        "fullwidth-alnum",
        "html-in-cell",
        "excel-serial-date",
    },
    "komae_aed.csv": {"halfwidth-katakana", "fullwidth-alnum", "time-format"},
    "echizen_0201jinkounosuii_chouki.csv": {"wareki-date"},
    "echizen_0106kishoujoukyou_echizenshi.csv": {"wareki-date", "fullwidth-alnum"},
    "echizen_01shisetsu.csv": {
        "platform-dependent-char",
        "fullwidth-alnum",
        "cell-linebreak-or-padding",
    },
    "mtakeuchi_echizen_00shisetsu.csv": {
        "blank-header",
        "section-row",
        "blank-row",
        "fullwidth-alnum",
        "cell-linebreak-or-padding",
        "lost-leading-zero",
    },
    "odl_nb01h0013_sjis.csv": LAYOUT_SJIS,
    "odl_nb01h0013_cp932.csv": LAYOUT_SJIS | {"platform-dependent-char"},
    "odl_since2003_visitor_arrivals.xlsx": {
        "merged-cells",
        "title-row",
        "fullwidth-alnum",
        "cell-linebreak-or-padding",
    },
    "odl_expression.xlsx": {"formula-cell"},
    "soumu_FY2016-settlementcard.xlsx": {
        "merged-cells",
        "wareki-date",
        "fullwidth-alnum",
        "platform-dependent-char",
        "cell-linebreak-or-padding",
    },
    "soumu_FY2019-population_dynamics_municipal.xls": {
        "merged-cells",
        "multi-row-header",
        "wareki-date",
    },
    "soumu_FY2024-population_dynamics_municipal.xlsx": {
        "title-row",
        "multi-row-header",
        "wareki-date",
    },
    "soumu_FY2025-migration_prefecture.xlsx": {
        "title-row",
        "merged-cells",
        "blank-header",
        "cell-linebreak-or-padding",
        "blank-row",
    },
    "takamatsu_aed_location.xlsx": {
        "fullwidth-alnum",
        "cell-linebreak-or-padding",
        "platform-dependent-char",
    },
    "takamatsu_city_tax_settlement_0097.xlsx": {"wareki-date"},
    "takamatsu_elderly_welfare_facility.csv": {"cell-linebreak-or-padding"},
    "sapporo_trash_ckan_dump_b9a4cf2b.csv": {"platform-dependent-char", "mixed-line-endings"},
    "sapporo_garbagecalendar202410.csv": {"platform-dependent-char"},
    "hokkaido_covid_patients_a9e603b.csv": {"fullwidth-alnum", "cell-linebreak-or-padding"},
    "hakodate_covid.csv": {"date-without-year"},
    "echizen_kokufuhakkutsu_20000_00setsumei.pdf": {"not-machine-readable-format"},
}
# files a person would call structurally clean must stay machine readable
MACHINE_READABLE = {
    "echizen_01shisetsu.csv",
    "echizen_0201jinkounosuii_chouki.csv",
    "hakodate_covid.csv",
    "takamatsu_aed_location.xlsx",
    "komae_aed.csv",
}
NOT_MACHINE_READABLE = {
    "odl_nb01h0013_sjis.csv",
    "soumu_FY2016-settlementcard.xlsx",
    "mtakeuchi_echizen_00shisetsu.csv",
    "echizen_kokufuhakkutsu_20000_00setsumei.pdf",
}


def manifest_rows() -> list[dict]:
    if not CORPUS.is_dir():
        return []
    with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def results():
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            cache[name] = score_file(CORPUS / name)
        return cache[name]

    return get


def test_every_manifest_file_has_expectations():
    assert {row["file"] for row in manifest_rows()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_is_assessed_and_its_problems_found(name, results):
    result = results(name)
    assert result["error"] is None
    assert EXPECTED[name] <= rules_of(result), rules_of(result)


@pytest.mark.parametrize("row", manifest_rows(), ids=lambda row: row["file"])
def test_detected_format_and_encoding_match_the_manifest(row, results):
    result = results(row["file"])
    expected_encoding = row["encoding"]
    if expected_encoding.startswith(("shift_jis", "cp932")):
        assert result["encoding"] == "cp932"
    elif expected_encoding.startswith("utf-8-sig"):
        assert result["encoding"] == "utf-8-sig"
    elif expected_encoding.startswith("utf-8"):
        assert result["encoding"] == "utf-8"
    else:
        assert result["format"] == expected_encoding.split(" ")[0]


@pytest.mark.parametrize("name", sorted(MACHINE_READABLE))
def test_clean_corpus_files_stay_machine_readable(name, results):
    assert results(name)["machine_readable"] is True


@pytest.mark.parametrize("name", sorted(NOT_MACHINE_READABLE))
def test_messy_corpus_files_are_not_machine_readable(name, results):
    assert results(name)["machine_readable"] is False


def test_komae_is_recognised_as_the_aed_standard(results):
    assert results("komae_aed.csv")["standard"] == "aed"
