"""A ledger's names looked up in two processes give the resolutions one process gives, with this
process's own Place objects; too few names, a verbose run and a refused name stay in this process."""

import logging
import os
import sys
from pathlib import Path

import pytest

import mapper.lookups as lookups
from mapper.analysis import analyse
from mapper.ledger import read_ledger

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system does not fork")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def _keys(gaz, n):
    """n distinct (name, near) pairs: names of settlements in the gazetteer, some given a near, some
    misspelled, one the gazetteer refuses (empty)."""
    out = {("", None): None}
    for i, rec in enumerate(r for r in gaz.records() if r["kind"] == "settlement"):
        if len(out) >= n:
            break
        name = rec["name"]
        if i % 7 == 3:
            name = name[:-1] + "x"  # a misspelling: fuzzy, ambiguous or not found
        out[(name, "Khojavend" if i % 5 == 0 else None)] = None
    assert len(out) == n
    return list(out)


def _values(found):
    return {key: (res.query, res.status, res.why, res.near,
                  [(c.place.id, c.score, c.matched, c.layer, c.why) for c in res.candidates])
            for key, res in found.items()}


def _count(gaz, monkeypatch, seen):
    real = gaz.resolve

    def resolve(name, near=None, as_of=None):
        seen.append((name, near))
        return real(name, near=near, as_of=as_of)

    monkeypatch.setattr(gaz, "resolve", resolve)  # on the object: the forked copy has it too
    return seen


@pytest.fixture
def counted(gaz, monkeypatch):
    """The names looked up in this process (a forked copy's are not seen here)."""
    return _count(gaz, monkeypatch, [])


def test_two_processes_give_one_process_s_resolutions_with_this_process_s_places(gaz, counted):
    keys = _keys(gaz, lookups.MIN_APART + 101)
    two = lookups.resolve_names(gaz, keys, workers=2)
    assert counted == keys[0::2]  # this process looked up every other pair; the copy the rest
    counted.clear()
    one = lookups.resolve_names(gaz, keys, workers=1)
    assert counted == keys
    assert ("", None) not in one and ("", None) not in two  # refused: the caller meets the error itself
    assert list(two) == list(one) == keys[1:]  # in the order of the keys
    assert _values(two) == _values(one)
    statuses = {res.status for res in two.values()}
    assert statuses >= {"resolved", "not_found"} or statuses >= {"resolved", "ambiguous"}
    for key in keys[1::2]:  # made by the copy: the places are this process's own objects
        for cand in two[key].candidates:
            assert cand.place is gaz.get(cand.place.id)


def test_few_names_or_a_verbose_run_are_looked_up_here(gaz, counted):
    few = _keys(gaz, lookups.MIN_APART - 1)
    lookups.resolve_names(gaz, few, workers=2)
    assert counted == few
    counted.clear()
    keys = _keys(gaz, lookups.MIN_APART)
    log = logging.getLogger("gazetteer")
    level = log.level
    log.setLevel(logging.INFO)  # -v: how names were matched is logged, from this process alone
    try:
        lookups.resolve_names(gaz, keys, workers=2)
    finally:
        log.setLevel(level)
    assert counted == keys
    counted.clear()
    lookups.resolve_names(gaz, keys, workers=2)
    assert counted == keys[0::2]


def test_a_failure_in_the_copy_is_raised_here(gaz, monkeypatch):
    def broken(found):
        raise RuntimeError("no room")

    monkeypatch.setattr(lookups, "_dumps", lambda gaz, found: broken(found))
    with pytest.raises(RuntimeError, match="no room"):
        lookups.resolve_names(gaz, _keys(gaz, lookups.MIN_APART), workers=2)


def test_analyse_with_two_workers_is_analyse_with_one(gaz, tmp_path, counted):
    from _ledgers import write_ledger

    led = read_ledger(write_ledger(tmp_path / "l.csv", 10000))
    one = analyse(led, gaz, workers=1)
    counted.clear()
    two = analyse(led, gaz, workers=2)
    names = dict.fromkeys((c.place, c.near) for c in led.claims)
    assert len(names) >= lookups.MIN_APART
    # Every other name was looked up in the copy; this process looked up only its half (and the
    # names whose answer a date can change, again per day).
    assert len([k for k in counted if k in names]) < len(names) * 0.75
    assert [c.id for c in two.claims] == [c.id for c in one.claims]
    assert two.keys == one.keys and two.flags == one.flags and two.related == one.related
    assert two.inside_claimed == one.inside_claimed and two.related_total == one.related_total
    assert {cid: p and p.id for cid, p in two.places.items()} == {cid: p and p.id for cid, p in one.places.items()}
    assert _values(two.resolutions) == _values(one.resolutions)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_mapper_build_s_workers_option_reaches_the_look_ups(tmp_path, monkeypatch, workers):
    from click.testing import CliRunner

    from mapper.cli import EXAMPLE_DIR, cli

    calls = []
    real = lookups.resolve_names

    def spy(gaz, keys, *, workers):
        calls.append(workers)
        return real(gaz, keys, workers=workers)

    monkeypatch.setattr(lookups, "resolve_names", spy)
    done = CliRunner().invoke(cli, ["-q", "build", str(EXAMPLE_DIR / "war-2020.csv"), "--output-dir",
                                    str(tmp_path), "--name", "w", "--workers", workers])
    assert done.exit_code == 0, done.output
    assert calls == ([] if workers == "1" else [2])
    assert (tmp_path / "w.html").is_file()


def test_a_gazetteer_with_an_online_fallback_looks_up_here(gaz, monkeypatch):
    from gazetteer import Gazetteer

    class Nothing:  # a geocoder that finds nothing: rate-limited per process, so never forked
        def geocode(self, *args, **kwargs):
            return None

    online = Gazetteer(fallback=Nothing(), fallback_delay=0)
    counted = _count(online, monkeypatch, [])
    keys = _keys(gaz, lookups.MIN_APART)
    lookups.resolve_names(online, keys, workers=2)
    assert counted == keys
