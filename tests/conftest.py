"""Shared fixtures: the spaCy pipeline and the full geopol pipeline are loaded once per session."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOPOL_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared reference data not found at {SHARED} (set GEOPOL_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def geopol_pipeline():
    from geopol.pipeline import Pipeline
    return Pipeline.load()


@pytest.fixture(scope="session")
def nlp(geopol_pipeline):
    return geopol_pipeline.nlp


@pytest.fixture(scope="session")
def founding_events(geopol_pipeline, shared):
    from datetime import date

    from geopol.ingest import read_paths
    docs = [d for d in read_paths([str(shared / "corpus/putin-pyongyang-analysis.txt")])]
    result = next(iter(geopol_pipeline.code_documents(docs, date(2024, 6, 24))))
    return result
