"""read_ledger takes a pandas DataFrame, checked by the same rules as a CSV file."""

import pandas as pd
import pytest

from mapper import to_folium
from mapper.ledger import read_ledger


def frame(**over):
    base = {"date": ["2020-10-25", "2020-10-26"], "place": ["Gubadli", "Sanasar"],
            "claimant": ["Aliyev", "Aliyev"], "claim": ["captured", "captured"]}
    base.update(over)
    return pd.DataFrame(base)


def test_a_frame_reads_like_its_csv(tmp_path):
    df = frame()
    df.to_csv(tmp_path / "l.csv", index=False)
    a, b = read_ledger(df), read_ledger(tmp_path / "l.csv")
    assert [(c.id, c.date, c.place, c.side) for c in a.claims] == [(c.id, c.date, c.place, c.side) for c in b.claims]
    assert a.path == "<DataFrame>"


def test_date_columns_become_days_or_zoned_times():
    days = read_ledger(frame(date=pd.to_datetime(["2020-10-25", "2020-10-26"])))
    assert [c.date for c in days.claims] == ["2020-10-25", "2020-10-26"]
    zoned = pd.to_datetime(["2020-10-26 08:02", "2020-10-26 09:00"]).tz_localize("Asia/Baku")
    times = read_ledger(frame(date=zoned))
    assert [c.date for c in times.claims] == ["2020-10-26T08:02+04:00", "2020-10-26T09:00+04:00"]
    naive = read_ledger(frame(date=pd.to_datetime(["2020-10-26 08:02", "2020-10-26 09:00"])))
    assert not naive.claims and "offset" in str(naive.problems[0])


def test_bad_cells_are_named_by_row_and_field_and_blank_cells_pass():
    led = read_ledger(frame(claim=["captured", "took"], count=[None, 3]))
    assert len(led.claims) == 1 and led.claims[0].count is None
    (problem,) = led.problems
    assert "<DataFrame>: row 3: field 'claim'" in str(problem)


def test_a_frame_goes_straight_to_a_map():
    m = to_folium(frame(), title="from pandas")
    assert "Sanasar" in m.get_root().render() or "Gubadli" in m.get_root().render()


def test_a_frame_missing_a_column_is_an_error():
    from mapper.errors import LedgerError

    with pytest.raises(LedgerError, match="<DataFrame>: row 1: missing column"):
        read_ledger(frame().drop(columns=["claimant"]))


def test_a_frame_reads_as_the_csv_it_writes_dates_blank_rows_and_all(tmp_path):
    # Midnight-only dates are days; zoned times keep their offset and their
    # seconds, which order claims within a minute as in the CSV; a row with
    # nothing in it is skipped like a blank CSV row (the index is not a column).
    import datetime as dt

    days = pd.DataFrame({"date": pd.to_datetime(["2020-10-25", None, "2020-10-26"]),
                         "place": ["Gubadli", None, "Sanasar"], "claimant": ["Aliyev", None, "Aliyev"],
                         "claim": ["captured", None, "holds"]})
    led = read_ledger(days)
    assert [(c.row, c.date, c.place, c.claim) for c in led.claims] == [
        (2, "2020-10-25", "Gubadli", "captured"), (4, "2020-10-26", "Sanasar", "holds")]
    assert led.problems == [] and led.rows_read == 2
    zoned = frame(date=pd.to_datetime(["2020-10-26 08:02:30", "2020-10-26 08:02:10"]).tz_localize("Asia/Baku"))
    led = read_ledger(zoned)
    utc = dt.timezone.utc
    assert [(c.row, c.date, c.when) for c in led.claims] == [
        (3, "2020-10-26T08:02+04:00", dt.datetime(2020, 10, 26, 4, 2, 10, tzinfo=utc)),
        (2, "2020-10-26T08:02+04:00", dt.datetime(2020, 10, 26, 4, 2, 30, tzinfo=utc))]
    for df in (days, zoned):
        df.to_csv(tmp_path / "l.csv", index=False)
        assert read_ledger(df).claims == read_ledger(tmp_path / "l.csv").claims


def test_a_series_is_not_a_frame():
    # A Series has to_csv and dtypes but no columns: it is not read as a one-column sheet.
    with pytest.raises(TypeError, match="not Series"):
        read_ledger(pd.Series(["2020-10-25"], name="date"))
