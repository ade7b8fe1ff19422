from pathlib import Path

import pytest

from gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
WOF = ROOT.parent / "shared" / "data" / "whosonfirst"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gaz():
    return Gazetteer()
