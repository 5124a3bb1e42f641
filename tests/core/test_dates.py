"""Buddhist-Era dates and the Thai fiscal year."""

from datetime import UTC, date, datetime

import pytest

from webapp.core.dates import fiscal_year_be, format_date_be, format_date_en


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        (date(2026, 11, 24), 2570),
        (date(2026, 9, 30), 2569),
        (date(2026, 10, 1), 2570),
        (datetime(2026, 9, 30, 17, 30, tzinfo=UTC), 2570),  # already 1 October 00:30 in Bangkok
        (datetime(2026, 9, 30, 16, 59, tzinfo=UTC), 2569),
        (datetime(2027, 1, 1, 0, 0), 2570),  # naive values are UTC, as SQLite returns them
    ],
)
def test_fiscal_year_runs_october_to_september_named_by_its_end(moment: date, year: int) -> None:
    assert fiscal_year_be(moment) == year


def test_dates_are_shown_in_buddhist_era_in_bangkok_time() -> None:
    moment = datetime(2026, 11, 24, 18, 5, tzinfo=UTC)
    assert format_date_be(moment) == "25 พฤศจิกายน 2569"
    assert format_date_be(moment, short=True, with_time=True) == "25 พ.ย. 2569 01:05 น."
    assert format_date_en(moment) == "25 November 2569 BE"
