"""The progress figures from counts: adoption, 公開率, shares, totals, the target, next
steps and the estimated history."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest

from ckanext.hokkaido.progress.figures import (
    Holdings,
    Place,
    Target,
    estimated_history,
    municipality_row,
    next_steps,
    rollup,
)
from ckanext.hokkaido.progress.figures.history import chart
from ckanext.hokkaido.progress.figures.metrics import METRICS, steps

PLACE = Place("012041", "旭川市", "Asahikawa-shi", "上川総合振興局", "Kamikawa")
STANDARDS = ["公共施設一覧", "AED設置箇所一覧", "観光施設一覧"]
DAY = datetime.date(2025, 4, 1)


def _row(**holdings) -> dict:
    return municipality_row(PLACE, Holdings(**holdings), STANDARDS)


def test_a_municipality_with_nothing_has_not_adopted_and_no_shares():
    row = _row()

    assert row["adopted"] is False and row["adopted_since"] is None
    assert row["publication_rate"] is None and row["machine_readable_share"] is None
    assert row["mean_score"] is None
    assert row["standard_datasets_missing"] == STANDARDS


def test_one_open_public_dataset_adopts_since_its_creation():
    row = _row(public_datasets=2, open_licence_datasets=1, first_open_dataset=DAY)

    assert row["adopted"] is True and row["adopted_by"] == ["dataset"]
    assert row["adopted_since"] == "2025-04-01"


def test_public_datasets_without_an_open_licence_do_not_adopt():
    assert _row(public_datasets=3, open_licence_datasets=0)["adopted"] is False


def test_an_open_data_site_adopts_since_it_was_recorded_and_the_earlier_day_wins():
    site = _row(site_url="https://example.jp/od/", site_since=DAY)
    both = _row(
        open_licence_datasets=1,
        first_open_dataset=datetime.date(2025, 6, 1),
        site_url="https://example.jp/od/",
        site_since=DAY,
    )

    assert (
        site["adopted"] and site["adopted_by"] == ["site"] and site["adopted_since"] == "2025-04-01"
    )
    assert both["adopted_by"] == ["dataset", "site"] and both["adopted_since"] == "2025-04-01"


def test_the_publication_rate_counts_waiting_items_only_when_judged_publishable():
    inventory = Counter(
        {
            ("published", "open"): 3,
            ("published", ""): 1,
            ("planned", "open"): 2,
            ("unpublished", "open"): 2,
            ("unpublished", "closed"): 5,
            ("planned", "to_confirm"): 1,
        }
    )
    row = _row(inventory=inventory)

    assert row["inventory_items"] == 14
    assert (row["inventory_published"], row["inventory_publishable"]) == (4, 8)
    assert row["publication_rate"] == 0.5


def test_machine_readable_share_and_mean_score_are_over_assessed_datasets():
    row = _row(assessed=4, machine_readable=3, score_total=250, standards={"AED設置箇所一覧"})

    assert row["machine_readable_share"] == 0.75 and row["mean_score"] == 62.5
    assert row["standard_datasets_published"] == ["AED設置箇所一覧"]
    assert row["standard_datasets_missing"] == ["公共施設一覧", "観光施設一覧"]


def test_totals_recompute_shares_from_sums_not_averages():
    rows = [
        _row(open_licence_datasets=1, assessed=1, machine_readable=1, score_total=100),
        _row(assessed=3, machine_readable=0, score_total=30),
    ]

    totals = rollup(rows)

    assert totals["municipality_count"] == 2 and totals["adopted"] == 1
    assert totals["machine_readable_share"] == 0.25  # not (1.0 + 0.0) / 2
    assert totals["mean_score"] == 32.5


def test_the_target_says_reached_missed_by_or_remaining():
    target = Target(count=179, deadline=datetime.date(2026, 3, 31))

    before = target.status(120, datetime.date(2026, 1, 1))
    missed = target.status(170, datetime.date(2026, 4, 1))
    reached = target.status(179, datetime.date(2026, 4, 1))

    assert not before["reached"] and before["remaining"] == 59 and before["days_left"] == 89
    assert before["missed_by"] == 0
    assert missed["deadline_passed"] and missed["missed_by"] == 9
    assert reached["reached"] and reached["missed_by"] == 0


def test_next_steps_come_from_the_figures_most_useful_first():
    row = _row(
        inventory=Counter({("planned", "open"): 3}),
        public_datasets=2,
        open_licence_datasets=1,
        overdue=3,
        assessed=2,
        machine_readable=0,
    )

    found = next_steps(row)

    assert [step["id"] for step in found] == [
        "apply_open_licence",
        "overdue_items",
        "convert_unreadable",
        "publish_standard_dataset",
    ]
    assert found[1]["params"] == {"count": 3} and found[2]["params"] == {"count": 2}
    assert found[3]["params"] == {"standard": "公共施設一覧", "missing": 3}


def test_a_municipality_with_nothing_is_told_to_start_its_inventory_and_publish():
    assert [step["id"] for step in next_steps(_row())][:2] == [
        "record_inventory",
        "publish_first_dataset",
    ]


def test_estimated_history_counts_adoptions_cumulatively_before_the_first_snapshot():
    days = [
        datetime.date(2021, 5, 1),
        datetime.date(2021, 5, 1),
        datetime.date(2022, 1, 10),
        None,
        datetime.date(2026, 11, 29),  # the snapshot day itself: recorded, not estimated
    ]

    points = estimated_history(days, until=datetime.date(2026, 11, 29))

    assert points == [
        {"date": "2021-05-01", "adopted": 2, "estimated": True},
        {"date": "2022-01-10", "adopted": 3, "estimated": True},
    ]


def test_the_chart_joins_the_estimate_to_the_recorded_line_and_draws_the_target():
    points = [
        {"date": "2021-05-01", "adopted": 2, "estimated": True},
        {"date": "2025-01-01", "adopted": 50, "estimated": False},
        {"date": "2025-02-01", "adopted": 60, "estimated": False},
    ]

    drawn = chart(points, Target(179, datetime.date(2026, 3, 31)))

    assert len(drawn["estimated"].split()) == 1
    assert drawn["recorded"].split()[0] == drawn["estimated"]
    assert len(drawn["recorded"].split()) == 3
    assert drawn["last"] == "2026-03-31" and drawn["top"] == 179


def test_every_metric_puts_a_row_in_a_legend_step():
    adopted = _row(open_licence_datasets=1, assessed=5, machine_readable=5)
    empty = _row()

    assert steps(adopted) == {"adopted": "1", "machine": "4", "publication": "na", "standard": "0"}
    assert steps(empty)["adopted"] == "0" and steps(empty)["machine"] == "na"
    assert {metric.key for metric in METRICS} == {"adopted", "machine", "publication", "standard"}


def test_the_legend_limits_are_configurable_and_checked():
    from ckanext.hokkaido.progress.figures.metrics import Limits

    limits = Limits.parse(["0.5", "0.7", "0.9", "0.95"], ["2", "4", "8", "16"])
    row = _row(assessed=10, machine_readable=8, standards={"公共施設一覧", "AED設置箇所一覧"})

    assert steps(row, limits)["machine"] == "2" and steps(row, limits)["standard"] == "1"
    assert limits.share_labels()[0] == "0–50%" and limits.share_labels()[-1] == "95–100%"
    assert Limits().standard_labels() == ["0", "1–2", "3–5", "6–10", "11+"]
    for share, standard in ((["0.2", "0.1", "0.5", "0.8"], ["1", "3", "6", "11"]),
                            (["0.2", "0.4", "0.6", "1.5"], ["1", "3", "6", "11"]),
                            (["0.2", "0.4", "0.6"], ["1", "3", "6", "11"]),
                            (["0.2", "0.4", "0.6", "0.8"], ["1", "x", "6", "11"])):  # fmt: skip
        with pytest.raises(ValueError):
            Limits.parse(share, standard)
