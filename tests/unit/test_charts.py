"""The shared chart geometry (portal.charts): scales, bar heights and hidden values."""
from __future__ import annotations

import pytest

from portal import charts


@pytest.mark.parametrize("value,top", [(0, 1.0), (-3, 1.0), (0.7, 1.0), (1.0, 1.0), (1.2, 2.0), (2.2, 2.5),
                                       (3, 5), (7, 10), (10, 10), (11, 20), (0.30000000000000004, 0.5)])
def test_the_scale_ends_at_a_round_number_at_or_above_the_largest_value(value, top):
    assert charts.nice_top(value) == pytest.approx(top)


def test_paired_bars_stand_side_by_side_on_one_baseline_and_scale():
    geo = charts.paired([("a", 5.0, 2.5), ("b", 10.0, 10.0)])
    (first, a1, a2, ax), (_, b1, _, bx) = geo.groups
    assert first == "a" and ax < bx
    assert a1.x + a1.width < a2.x and a2.x < ax + a2.width + 2
    assert b1.height == pytest.approx(geo.baseline - charts.TOP)  # 10 is the top of the scale
    assert a1.height == pytest.approx(b1.height / 2) and a2.height == pytest.approx(b1.height / 4)
    assert [t.value for t in geo.ticks] == [0, 5, 10] and geo.ticks[0].position == geo.baseline


def test_a_hidden_value_draws_no_bar_but_keeps_its_place():
    chart = charts.vertical([("1/26", 4.0), ("2/26", None), ("3/26", 8.0)])
    assert [b.value for b in chart.bars] == [4.0, None, 8.0]
    assert chart.bars[1].height == 0 and chart.bars[0].x < chart.bars[1].x < chart.bars[2].x


def test_horizontal_bars_grow_from_the_label_column_and_percentages_top_at_one():
    chart = charts.horizontal([("Work", 0.5), ("Education", 0.25)], percent=True)
    assert chart.horizontal and chart.ticks[-1].value == 1.0
    assert chart.bars[0].x == chart.bars[1].x == chart.axis[0]
    assert chart.bars[0].width == pytest.approx(2 * chart.bars[1].width)


LONG = ["Työsuhteeksi muuttuneet työkokeilut", "Työssä 12 kuukauden kuluttua", "Työn aloitukset palkkatuella",
        "Jaksolla päättyneet työkokeilut, jotka muuttuivat työsuhteiksi tarkastelujaksolla"]


@pytest.mark.parametrize("percent", [False, True])
def test_no_horizontal_label_starts_left_of_the_picture_or_runs_into_the_bars(percent):
    chart = charts.horizontal([(label, 0.5) for label in LONG] + [("Ei", None)], percent=percent)
    for bar in chart.bars:
        start = bar.label_x - charts.text_width(bar.label)
        assert start >= 0 and bar.label_x < bar.x <= chart.width
    # The short label column grew for the long labels; the longest one is shortened with an ellipsis.
    assert chart.bars[0].label == LONG[0] and chart.bars[0].x > 200
    assert chart.bars[3].label.endswith("…") and len(chart.bars[3].label) < len(LONG[3])


def test_short_horizontal_labels_keep_a_narrow_column():
    chart = charts.horizontal([("Ei alkanut", 1.0), ("Aikataulussa", 2.0)])
    assert charts.LABEL_MIN <= chart.bars[0].x < 200  # more room for the bars than the old fixed 200
    assert [b.label for b in chart.bars] == ["Ei alkanut", "Aikataulussa"]


def test_no_vertical_label_leaves_the_picture_or_its_slot():
    chart = charts.vertical([(label, 3.0) for label in LONG])
    for bar in chart.bars:
        half = charts.text_width(bar.label) / 2
        assert bar.text_x - half >= 0 and bar.text_x + half <= chart.width
    lefts = [b.text_x - charts.text_width(b.label) / 2 for b in chart.bars]
    rights = [b.text_x + charts.text_width(b.label) / 2 for b in chart.bars]
    assert all(r <= nxt for r, nxt in zip(rights, lefts[1:], strict=False))
