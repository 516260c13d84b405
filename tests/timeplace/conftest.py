from __future__ import annotations

import os
from pathlib import Path

import pytest

from geopol.timeplace.dates import TemporalTagger
from geopol.timeplace.places import EventLocator, Gazetteer


def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def locator(gaz) -> EventLocator:
    return EventLocator(gaz)


@pytest.fixture(scope="session")
def tagger() -> TemporalTagger:
    return TemporalTagger()
