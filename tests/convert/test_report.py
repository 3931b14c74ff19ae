"""The report: every change with its sheet, row and column, its message in Japanese and
English, entries beyond memory kept in a temporary file; and the package stays pure."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from ckanext.hokkaido.convert import changes, converter  # noqa: F401 (registers every kind)
from ckanext.hokkaido.convert.cells import NumberNormalized
from ckanext.hokkaido.convert.changes import KINDS
from ckanext.hokkaido.convert.report import Report

PACKAGE = Path(changes.__file__).parent


def test_every_kind_has_both_languages_with_the_same_fields():
    assert len(KINDS) > 30
    for kind, kind_class in KINDS.items():
        assert set(kind_class.message) == {"ja", "en"}, kind
        assert kind_class.action in (changes.CHANGED, changes.DROPPED, changes.KEPT), kind
        # a value given in both languages is named <field>_ja / <field>_en
        fields = [
            {
                name.removesuffix(f"_{lang}")
                for _, name, _, _ in string.Formatter().parse(text)
                if name
            }
            for lang, text in kind_class.message.items()
        ]
        assert fields[0] == fields[1], kind


def test_entries_carry_location_message_and_values():
    report = Report()
    report.add(NumberNormalized, "Sheet1", 5, 3, before="1,234", after="1234")
    (entry,) = report.entries()
    assert entry == {
        "kind": "number",
        "action": "changed",
        "location": {"sheet": "Sheet1", "row": 5, "column": 3},
        "message": NumberNormalized.render({"before": "1,234", "after": "1234"}),
        "values": {"before": "1,234", "after": "1234"},
    }
    assert report.counts == {"number": 1}


def test_entries_beyond_memory_go_to_a_temporary_file_and_come_back_in_order():
    report = Report(memory_entries=10)
    for row in range(1, 36):
        report.add(NumberNormalized, None, row, 1, before=str(row), after=str(row))
    assert len(report._entries) < 10 and report._spill is not None
    assert [e["location"]["row"] for e in report.entries()] == list(range(1, 36))
    assert len(report) == 35
    report.close()


def test_the_package_imports_nothing_from_ckan():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert not any(n == "ckan" or n.startswith("ckan.") for n in names), path
