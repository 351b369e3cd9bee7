"""Comparisons: two figures of one quantity set against each other by a comparative word."""

from figcheck.relate import document


def _pairs(text: str) -> list[tuple[str, str, int]]:
    return [(c.new.text, c.old.text, c.direction) for c in document(text).comparisons()]


def test_behind_a_possessive() -> None:
    assert _pairs("Sales of 5.2 mln dlrs were slightly behind last year's 5.4 mln dlrs.") == \
        [("5.2 mln dlrs", "5.4 mln dlrs", -1)]


def test_below_a_named_peak() -> None:
    assert _pairs("The jobless rate of 3.1% is below last year's peak of 3.4%.") == [("3.1%", "3.4%", -1)]


def test_less_than_the_read_as_a_value() -> None:
    [(new, old, way)] = _pairs("It made a loss of 2 mln stg, less than the 3 mln stg forecast.")
    assert (new, way) == ("2 mln stg", -1) and old.endswith("3 mln stg")


def test_ahead_of() -> None:
    assert _pairs("Orders of 1,400 units were ahead of the 1,350 units booked a year before.") == [("1,400", "1,350", 1)]


def test_a_bound_is_not_a_comparison() -> None:
    assert _pairs("The storm killed 120 people, more than 80 of them children.") == []


def test_a_stated_gap_is_not_a_comparison() -> None:
    assert _pairs("Inflation was 4.2%, 1.5% above the 2.7% target.") == []


def test_a_forecast_is_not_a_comparison() -> None:
    assert _pairs("The rate, now 5.1%, is expected to go higher than 6% next year.") == []


def test_a_year_is_not_a_figure_compared() -> None:
    assert _pairs("Output reached 3.2 mln tonnes, higher than in 1998.") == []


def test_two_quantities_do_not_compare() -> None:
    assert _pairs("Profit was 5 mln dlrs, above the 3% rise analysts expected.") == []
