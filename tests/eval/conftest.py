from __future__ import annotations

import os
from pathlib import Path

import pytest


def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture
def shared_dev() -> Path:
    d = shared_dir() / "data" / "dev"
    if not d.is_dir():
        pytest.skip(f"shared gold data not found at {d}")
    return d
