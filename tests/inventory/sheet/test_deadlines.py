import datetime

import pytest

from ckanext.hokkaido.inventory.sheet.deadlines import is_overdue, planned_deadline


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("2026", datetime.date(2026, 12, 31)),
        ("2026-02", datetime.date(2026, 2, 28)),
        ("2028-02", datetime.date(2028, 2, 29)),
        ("2026-05-10", datetime.date(2026, 5, 10)),
        ("2025年度", datetime.date(2026, 3, 31)),
        ("いつか", None),
        ("2026-13", None),
        ("", None),
        (None, None),
    ],
)
def test_a_planned_period_ends_on_its_last_day(text, deadline):
    assert planned_deadline(text) == deadline


def test_a_period_is_overdue_only_after_its_last_day():
    assert not is_overdue("2025年度", datetime.date(2026, 3, 31))
    assert is_overdue("2025年度", datetime.date(2026, 4, 1))
    assert not is_overdue("いつか", datetime.date(2099, 1, 1))
