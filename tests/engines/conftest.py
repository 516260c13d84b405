from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))   # store_corpus


@pytest.fixture(scope="session")
def pipeline(geopol_pipeline):
    """The session's one pipeline (tests/conftest.py)."""
    return geopol_pipeline
