"""The local (processes) and Dask engines give the pipeline's own results and event ids."""
from __future__ import annotations

import pytest

from geopol.engines.local import LocalEngine, chunked
from geopol.ingest.readers import read_paths
from geopol.records import Document
from geopol.store import Store
from store_corpus import documents, write_jsonl


@pytest.fixture
def corpus(tmp_path) -> list[Document]:
    path = write_jsonl(tmp_path / "c.jsonl", documents(40, seed=21, duplicates=2))
    return [d for d in read_paths([str(path)], "auto") if isinstance(d, Document)]


def stored(db) -> tuple:
    with Store(db) as s:
        return (sorted(s.con.execute("SELECT event_id, num_mentions, num_sources FROM events").fetchall()),
                sorted(s.con.execute("SELECT doc_id, duplicate_of, n_sentences, n_events FROM documents").fetchall()))


def test_local_engine_in_process_is_the_pipeline(pipeline, corpus):
    engine = LocalEngine(pipeline=pipeline)
    got = [r.events for r in engine.code_documents(corpus)]
    assert got == [r.events for r in pipeline.code_documents(corpus)]


@pytest.mark.slow
def test_local_engine_two_processes_same_results_in_order(pipeline, corpus):
    engine = LocalEngine(pipeline.config, workers=2, chunk=4)
    got = list(engine.code_documents(iter(corpus)))
    assert [r.document.id for r in got] == [d.id for d in corpus]
    assert [r.events for r in got] == [r.events for r in pipeline.code_documents(corpus)]
    assert engine.peak_worker_rss_kb > 0


@pytest.mark.slow
def test_dask_local_cluster_same_store_as_local_engine(pipeline, corpus, tmp_path):
    from geopol.engines.dask_engine import DaskEngine
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    with Store(local_db) as s:
        for batch in chunked(LocalEngine(pipeline=pipeline).code_documents(corpus), 8):
            s.write_results(batch)
    # two worker processes of a LocalCluster, each building the pipeline once
    with DaskEngine(pipeline.config, workers=2, shard_dir=tmp_path / "shards") as engine, Store(dask_db) as s:
        n = 0
        for shard in engine.code_shards(chunked(corpus, 8)):
            assert [d.id for d in shard.docs] == [d.id for d in corpus[n:n + len(shard.docs)]]
            n += len(shard.docs)
            s.write_parquet(shard.path)
            engine.discard(shard)
        assert n == len(corpus)
    want = stored(local_db)
    assert len(want[0]) > 40 and any(dup for _, dup, *_ in want[1])
    assert stored(dask_db) == want


def ingest(db, docs, engine, batch: int) -> tuple:
    """`geopol ingest`'s driver over ``docs``: (documents handed back, what the store did)."""
    from geopol.cli.store import Ingest, IngestSummary
    summary = IngestSummary()
    with Store(db) as s:
        out = list(Ingest(s, summary, batch, engine).code_documents(iter(docs), None))
    return out, summary


def test_code_batches_in_process_gives_the_results_and_their_tables(pipeline, corpus):
    from geopol.store.tables import results_to_tables
    batches = list(LocalEngine(pipeline=pipeline).code_batches(corpus, batch=16))
    assert [len(b.docs) for b in batches] == [16, 16, len(corpus) - 32]
    results = [r for b in batches for r in b.results]
    assert [r.events for r in results] == [r.events for r in pipeline.code_documents(corpus)]
    for b in batches:
        assert all(t.equals(w) for t, w in zip(b.tables, results_to_tables(b.results)[:3]))
        assert b.counts == [(len(r.sentences), len(r.events)) for r in b.results]


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_worker_stores(pipeline, corpus, tmp_path):
    """Workers send their chunks' tables (Arrow IPC), merged into the same batches: the same event ids,
    duplicates and mention counts, also when a doc_id repeats across the chunks of one batch."""
    docs = corpus[:10] + corpus[3:6] + corpus[10:]         # doc ids 3-5 twice in the first batch
    one, summary1 = ingest(tmp_path / "one.duckdb", docs, LocalEngine(pipeline=pipeline), 16)
    engine = LocalEngine(pipeline.config, workers=2, chunk=5)   # 16-document batches cut into 4 + 4 + 4 + 4
    two, summary2 = ingest(tmp_path / "two.duckdb", docs, engine, 16)
    assert engine.peak_worker_rss_kb > 0
    assert [r.document.id for r in two] == [r.document.id for r in one] == [d.id for d in docs]
    assert [(len(r.sentences), len(r.events)) for r in two] == [(len(r.sentences), len(r.events)) for r in one]
    assert vars(summary2.stored) == vars(summary1.stored)
    assert summary1.stored.skipped == 3 and summary1.stored.duplicates > 0
    want = stored(tmp_path / "one.duckdb")
    assert stored(tmp_path / "two.duckdb") == want
    # again with two workers: everything is known, nothing coded or written
    again, summary3 = ingest(tmp_path / "two.duckdb", docs, LocalEngine(pipeline.config, workers=2), 16)
    assert again == [] and summary3.skipped_before == len(docs) and summary3.stored.documents == 0
    assert stored(tmp_path / "two.duckdb") == want
