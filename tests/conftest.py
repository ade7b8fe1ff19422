from pathlib import Path

import pytest

from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
# Beside the checkout, or two levels up from a worktree (/work/wt/<name>).
WOF = next((p for p in (ROOT.parent / "shared" / "data" / "whosonfirst",
                        ROOT.parents[1] / "shared" / "data" / "whosonfirst") if p.is_dir()),
           ROOT.parent / "shared" / "data" / "whosonfirst")
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gaz():
    return Gazetteer()
