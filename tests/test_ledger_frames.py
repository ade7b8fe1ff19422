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
