from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # store_factory, store_corpus


@pytest.fixture(scope="session")
def pipeline(geopol_pipeline):
    """The session's one pipeline (tests/conftest.py)."""
    return geopol_pipeline


@pytest.fixture
def store(tmp_path):
    from geopol.store import Store
    s = Store(tmp_path / "t.duckdb")
    yield s
    s.close()
