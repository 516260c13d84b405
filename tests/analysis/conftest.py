"""Fixtures for the analysis tests: small DuckDB stores built from the schema
(``store/schema.sql``) and hand-made event rows, independent of the coder and
of the store's writer."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from geopol.analysis.synthetic import event_row, world_events, write_store


def shared_dir() -> Path:
    env = os.environ.get("GEOPOL_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture
def small_db(tmp_path) -> Path:
    """A handful of events whose aggregates are checked by hand in test_dyads."""
    rows = [
        event_row("RUSGOV", "PRKGOV", "057", date(2024, 6, 19), doc_id="d1", sentence_index=0, num_mentions=3,
                  sentence="Putin and Kim signed a treaty."),
        event_row("PRKGOV", "RUSGOV", "042", date(2024, 6, 20), doc_id="d1", sentence_index=1,
                  sentence="Kim visited Moscow."),
        event_row("RUSMIL", "PRKMIL", "190", date(2024, 7, 1), doc_id="d2", sentence_index=0,
                  sentence="Russian forces fired on North Korean troops."),
        event_row("USAGOV", "RUSGOV", "111", date(2024, 6, 19), doc_id="d3", sentence_index=0,
                  sentence="Washington denounced Moscow."),
        # not asserted: excluded unless all_modalities
        event_row("USAGOV", "RUSGOV", "130", date(2024, 6, 21), doc_id="d3", sentence_index=1, modality="hypothetical",
                  sentence="Washington might threaten Moscow."),
        # a self-dyad at country level and an event without target: never in dyads
        event_row("RUSGOV", "RUSMIL", "010", date(2024, 6, 19), doc_id="d4", sentence_index=0),
        event_row("USAGOV", None, "010", date(2024, 6, 19), doc_id="d4", sentence_index=1),
        # one reciprocal record stands for CHN->KOR and KOR->CHN
        event_row("CHNGOV", "KORGOV", "057", date(2024, 6, 19), doc_id="d5", sentence_index=0, reciprocal=True,
                  sentence="China and South Korea signed an agreement."),
    ]
    return write_store(tmp_path / "small.duckdb", rows)


@pytest.fixture
def world_db(tmp_path) -> Path:
    return write_store(tmp_path / "world.duckdb", world_events())
