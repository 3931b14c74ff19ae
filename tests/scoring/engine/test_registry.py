"""Every registered rule is complete data: id, severity, texts in both languages."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.scoring.engine.registry import all_rules

from .test_hostile_files import __name__ as _hostile  # noqa: F401
from .test_new_rules import __name__ as _new_rules  # noqa: F401
from .test_openness import __name__ as _openness  # noqa: F401
from .test_spreadsheet_rules import __name__ as _sheets  # noqa: F401
from .test_standard_rules import CASES as STANDARD_CASES
from .test_table_rules import CASES as TABLE_CASES

REQUIRED_IDS = {
    "encoding-not-utf8",
    "title-row",
    "multi-row-header",
    "blank-row",
    "notes-row",
    "totals-row",
    "merged-cells",
    "multiple-tables",
    "number-as-text",
    "wareki-date",
    "platform-dependent-char",
    "halfwidth-katakana",
    "fullwidth-alnum",
    "formula-cell",
    "cell-linebreak-or-padding",
    "blank-header",
    "duplicate-header",
    "ragged-rows",
    "standard-missing-column",
    "standard-unknown-column",
    "standard-column-order",
    "invalid-lg-code",
    "latlon-out-of-range",
    "latlon-swapped",
    "date-format",
    "time-format",
    "controlled-value",
    "format-mismatch",
    "html-in-cell",
    "excel-serial-date",
    "date-without-year",
    "lost-leading-zero",
    "mixed-line-endings",
}
# rules whose trigger / no-trigger pair lives outside the two CASES tables
TESTED_ELSEWHERE = {
    "encoding-not-utf8",
    "merged-cells",
    "formula-cell",
    "format-mismatch",
    "date-format",
    "not-open-license",
    "not-machine-readable-format",
    "proprietary-format",
    "malformed-file",
    "object-in-sheet",
    # test_new_rules.py
    "nul-bytes",
    "geojson-coordinates-out-of-range",
    "geojson-coordinates-swapped",
    "numeric-cell-stored-as-text",
    "annotation-in-numeric-cell",
}


def test_all_required_rule_ids_are_registered():
    assert REQUIRED_IDS <= set(all_rules())


def test_every_rule_has_a_trigger_test():
    covered = set(TABLE_CASES) | set(STANDARD_CASES) | TESTED_ELSEWHERE
    assert set(all_rules()) <= covered


@pytest.mark.parametrize("rule", sorted(all_rules()))
def test_rule_is_complete(rule):
    check = all_rules()[rule]
    assert check.severity in ("error", "warning", "info")
    for texts in (check.message, check.hint):
        assert set(texts) == {"ja", "en"} and all(texts.values())
    for item in (check.soumu, check.soumu_csv):
        assert item is None or item.count("-") == 1
