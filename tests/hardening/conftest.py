"""Fixtures of the hardening suite (helpers live in hardening_helpers.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))   # hardening_helpers

from hardening_helpers import cli, corpus_lines, store_events  # noqa: E402


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    p.write_text("\n".join(corpus_lines(60)) + "\n", encoding="utf-8")
    return p


@pytest.fixture(scope="session")
def clean_store(small_corpus, tmp_path_factory) -> tuple[Path, list[tuple]]:
    """The corpus ingested once without faults: (db path, its events)."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    r = cli("ingest", str(small_corpus), "--db", str(db), "--batch", "5", "-q")
    assert r.returncode == 0, r.stderr.decode()
    events = store_events(db)
    assert len(events) > 60 and len(set(events)) == len(events)
    return db, events
