"""Rules of the two ledger paths stated with known answers: the column reader a regular CSV takes,
and the row checker JSON, YAML and irregular CSV take. Each test runs both, since either may be
the one a user's file meets."""

import json

import pytest

from mapper.ledger import read_ledger

HEADER = "date,place,claimant,claim,lat,lon\n"
LIMIT = ("lat '{lat}' / lon '{lon}': give both, as decimal degrees (lat -90..90, lon -180..180)")


def _csv(tmp_path, text):
    path = tmp_path / "l.csv"
    path.write_text(text, encoding="utf-8")
    return read_ledger(path)


def _json(tmp_path, rows):
    path = tmp_path / "l.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return read_ledger(path)


def _row(lat, lon, **more):
    return {"date": "2020-10-26", "place": "Shusha", "claimant": "Aliyev", "claim": "captured",
            "lat": lat, "lon": lon, **more}


@pytest.mark.parametrize("lat,lon", [("90", "180"), ("-90", "-180"), ("90", "-180"), ("-90", "180")])
def test_the_poles_and_the_antimeridian_are_coordinates(tmp_path, lat, lon):
    for led in (_csv(tmp_path, HEADER + f"2020-10-26,Shusha,Aliyev,captured,{lat},{lon}\n"),
                _json(tmp_path, [_row(lat, lon)])):
        assert led.problems == [] and [(c.lat, c.lon) for c in led.claims] == [(float(lat), float(lon))]


@pytest.mark.parametrize("lat,lon", [("90.000001", "0"), ("-90.000001", "0"), ("0", "180.000001"),
                                     ("0", "-180.000001")])
def test_one_step_past_the_limits_is_a_problem_naming_row_and_field(tmp_path, lat, lon):
    for led, row in ((_csv(tmp_path, HEADER + f"2020-10-26,Shusha,Aliyev,captured,{lat},{lon}\n"), 2),
                     (_json(tmp_path, [_row(lat, lon)]), 1)):
        assert led.claims == []
        assert [(p.row, p.field, p.message) for p in led.problems] == [(row, "lat", LIMIT.format(lat=lat, lon=lon))]


def test_every_optional_field_is_kept_on_both_paths(tmp_path):
    fields = {"near": "Lachin", "source": "MoD", "url": "https://example.org/a", "quote": "Shusha is ours",
              "notes": "first report", "unit": "villages", "side": "Azerbaijan"}
    header = "date,place,claimant,claim," + ",".join(fields) + "\n"
    row = "2020-10-26,Shusha,Aliyev,captured," + ",".join(fields.values()) + "\n"
    for led in (_csv(tmp_path, header + row), _json(tmp_path, [_row("", "", **fields)])):
        assert led.problems == []
        (claim,) = led.claims
        assert {name: getattr(claim, name) for name in fields} == fields


def test_no_status_column_and_blank_statuses_are_published(tmp_path):
    plain = _csv(tmp_path, "date,place,claimant,claim\n2020-10-26,Shusha,Aliyev,captured\n")
    assert [c.status for c in plain.claims] == ["published"]
    text = ("date,place,claimant,claim,status\n" + "2020-10-26,Shusha,Aliyev,captured,\n"
            + "2020-10-27,Shusha,Aliyev,captured, DELETED \n" + "2020-10-28,Shusha,Aliyev,captured,\n")
    rows = [{"date": "2020-10-26", "place": "Shusha", "claimant": "Aliyev", "claim": "captured", "status": s}
            for s in ("", " DELETED ", None, "")]
    assert [c.status for c in _csv(tmp_path, text).claims] == ["published", "deleted", "published"]
    assert [c.status for c in _json(tmp_path, rows).claims] == ["published", "deleted", "published", "published"]


def test_a_claim_word_met_again_is_read_the_same(tmp_path):
    # The row checker remembers each claim word and status it has read: the
    # second and third rows must get what the first got.
    rows = [{"date": f"2020-10-2{i}", "place": "Shusha", "claimant": "Aliyev", "claim": " Captured ",
             "status": "deleted"} for i in range(3)]
    led = _json(tmp_path, rows)
    assert led.problems == [] and [(c.claim, c.status) for c in led.claims] == [("captured", "deleted")] * 3


def test_blank_lines_keep_row_numbers_and_are_not_counted(tmp_path):
    text = (HEADER + "2020-10-26,Shusha,Aliyev,captured,,\n" + "\n" + "\n"
            + "2020-10-27,Hadrut,Aliyev,captured,,\n" + ",,,,,\n" + " , ,,,,\n"
            + "2020-10-28,Lachin,Aliyev,captured,,\n")
    led = _csv(tmp_path, text)
    assert [(c.row, c.place) for c in led.claims] == [(2, "Shusha"), (5, "Hadrut"), (8, "Lachin")]
    assert led.rows_read == 3 and led.problems == []


def _by_column_used(monkeypatch):
    """Records whether the column reader finished a read (it returns None to hand a file to the rows)."""
    import mapper.ledger as ledger_module

    finished = []
    real = ledger_module._by_column
    monkeypatch.setattr(ledger_module, "_by_column",
                        lambda *args: finished.append(result := real(*args)) or result)
    return finished


@pytest.mark.parametrize("header,cells", [("lat", "39.76"), ("lon", "46.75")])
def test_one_coordinate_column_without_the_other_is_a_problem_not_a_claim_without_a_point(
        tmp_path, header, cells):
    # A sheet with a lat column and no lon column (or the reverse) gives half a point: said, not dropped.
    text = f"date,place,claimant,claim,{header}\n2020-10-26,Shusha,Aliyev,captured,{cells}\n"
    rows = [{"date": "2020-10-26", "place": "Shusha", "claimant": "Aliyev", "claim": "captured", header: cells}]
    for led, row in ((_csv(tmp_path, text), 2), (_json(tmp_path, rows), 1)):
        assert led.claims == [] and [(p.row, p.field) for p in led.problems] == [(row, "lat")]


def test_a_sheet_with_points_and_a_bad_row_is_read_by_column_to_the_end(tmp_path, monkeypatch):
    # Coordinates and a row the rules refuse do not send the whole sheet to the slower reader row by row.
    finished = _by_column_used(monkeypatch)
    led = _csv(tmp_path, HEADER + "2020-10-26,Shusha,Aliyev,captured,39.76,46.75\n"
               + "2020-10-26,Hadrut,Aliyev,seized,,\n" + "2020-10-27,Lachin,Aliyev,captured, 39.6 , 46.5 \n")
    assert len(finished) == 1 and finished[0] is not None
    assert [(c.place, c.lat, c.lon) for c in led.claims] == [("Shusha", 39.76, 46.75), ("Lachin", 39.6, 46.5)]
    assert [(p.row, p.field) for p in led.problems] == [(3, "claim")]


def test_ids_made_by_the_column_reader_are_the_row_readers(tmp_path, monkeypatch):
    # A claim without an id gets one made from its date as written, place, claimant and claim, on
    # either path: the same ledger as CSV or JSON keeps its ids, and so its links and diffs.
    finished = _by_column_used(monkeypatch)
    rows = [("2020-10-26T08:02+04:00", "Shusha", "Aliyev", "captured"),
            ("2020-10-26T09:15+04:00", "Hadrut", "Pashinyan", "holds")]
    text = "date,place,claimant,claim,side\n" + "".join(f"{d},{p},{c},{k},Azerbaijan\n" for d, p, c, k in rows)
    by_column = _csv(tmp_path, text)
    assert len(finished) == 1 and finished[0] is not None
    by_row = _json(tmp_path, [{"date": d, "place": p, "claimant": c, "claim": k, "side": "Azerbaijan"}
                              for d, p, c, k in rows])
    assert [c.id for c in by_column.claims] == [c.id for c in by_row.claims]
    assert len({c.id for c in by_column.claims}) == 2 and all(c.id.startswith("c-") for c in by_column.claims)
