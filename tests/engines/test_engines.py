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
