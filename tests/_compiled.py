"""A `gaz` fixture for test modules about what the importer makes: the gazetteer compiled in this
session from the raw WOF data and this checkout's curated folder (conftest's `imported`), not the
bundled data file. A module takes it with `from ._compiled import gaz`."""

import pytest


@pytest.fixture(scope="module")
def gaz(imported):
    return imported[0]
