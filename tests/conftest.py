import os
from functools import lru_cache
from pathlib import Path

import pytest

from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
# Beside the checkout, or two levels up from a worktree (/work/wt/<name>).
WOF = next((p for p in (ROOT.parent / "shared" / "data" / "whosonfirst",
                        ROOT.parents[1] / "shared" / "data" / "whosonfirst") if p.is_dir()),
           ROOT.parent / "shared" / "data" / "whosonfirst")
DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _shared_gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="session")
def gaz():
    # benchmarks/mutation.py sets this for groups whose modules keep nothing
    # in the gazetteer: each mutant's test run (a fork of one process) then
    # reuses the gazetteer loaded once instead of parsing the data again.
    if os.environ.get("ARMAZ_TEST_SHARED_GAZETTEER") == "1":
        return _shared_gazetteer()
    return Gazetteer()


@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """(the gazetteer the importer makes from the raw WOF data and the curated
    folder, the importer's report): compiled once for every test of what the
    importer makes, rather than once per test module."""
    if not WOF.is_dir():
        pytest.skip("needs shared/data/whosonfirst")
    from gazetteer.compile import compile_gazetteer

    out = tmp_path_factory.mktemp("imported")
    report = compile_gazetteer([WOF / "admin-az", WOF / "admin-am"], out_dir=out)
    return Gazetteer(out / "gazetteer.json"), report


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright; missing in CI is a failure, elsewhere a skip."""
    from mapper.image import CHROMIUM_ARGS, find_chromium

    if os.environ.get("CI"):
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI")
        pytest.skip("no Chromium")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()
