"""Code shards of documents on a Dask cluster; each shard comes back as Parquet files.

``DaskEngine(config, scheduler="tcp://HOST:PORT")`` uses an existing cluster;
``DaskEngine(config, workers=N)`` starts a LocalCluster. Each worker builds the
pipeline once (cached on the worker object), codes a shard and writes its
documents, sentences and events (the store's batch tables) as Parquet under
``shard_dir``; the store merges a shard with ``INSERT ... SELECT FROM
read_parquet`` in one transaction. With a remote cluster, ``shard_dir`` must be
a folder the workers and this process both see (a shared file system).

Event ids are deterministic (doc id, content hash, sentence, trigger, actors,
code), so a shard coded here gives the same ids as the local engine.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geopol.engines.local import peak_rss_kb
from geopol.pipeline import PipelineConfig
from geopol.records import Document, Problem


@dataclass
class ShardResult:
    index: int
    path: str                                   # folder with documents/sentences/events.parquet
    docs: list[Document]                        # the shard's documents, in order
    counts: list[tuple[int, int]]               # (sentences, events) per document
    warnings: list[tuple[Problem, ...]] = field(default_factory=list)
    peak_rss_kb: int = 0


def _worker_pipeline(config: PipelineConfig):
    """The pipeline of the Dask worker running this task, built on first use."""
    from distributed import get_worker

    from geopol.pipeline import Pipeline
    worker = get_worker()
    cache = worker.__dict__.setdefault("_geopol_pipelines", {})
    if config not in cache:
        cache[config] = Pipeline.load(config)
    return cache[config]


def code_shard(config: PipelineConfig, docs: list[Document], default_date: date | None, out_dir: str) -> dict:
    """Dask task: code one shard and write it as Parquet; returns per-document counts."""
    import pyarrow.parquet as pq

    from geopol.store.tables import results_to_tables
    pipe = _worker_pipeline(config)
    results = list(pipe.code_documents(docs, default_date))
    tables = results_to_tables(results)[:3]
    tmp = Path(out_dir + ".part")
    tmp.mkdir(parents=True, exist_ok=True)
    for name, table in zip(("documents", "sentences", "events"), tables):
        pq.write_table(table, tmp / f"{name}.parquet")
    os.replace(tmp, out_dir)   # a shard folder is complete or absent
    return {"counts": [(len(r.sentences), len(r.events)) for r in results],
            "warnings": [r.warnings for r in results], "rss": peak_rss_kb()}


class DaskEngine:
    def __init__(self, config: PipelineConfig | None = None, scheduler: str | None = None, workers: int = 2,
                 shard_dir: str | os.PathLike | None = None, processes: bool = True) -> None:
        from distributed import Client, LocalCluster
        self.config = config or PipelineConfig()
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise RuntimeError(f"cannot reach Dask scheduler {scheduler}: {exc}") from None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.nworkers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self._own_dir = shard_dir is None
        self.shard_dir = Path(shard_dir) if shard_dir else Path(tempfile.mkdtemp(prefix="geopol-shards-"))
        self.shard_dir.mkdir(parents=True, exist_ok=True)
        self.peak_worker_rss_kb = 0

    def code_shards(self, shards: Iterable[list[Document]], default_date: date | None = None) -> Iterator[ShardResult]:
        """Submit shards (at most 2 per worker in flight) and yield them coded, in input order."""
        run = uuid.uuid4().hex[:8]
        pending: deque = deque()
        window = 2 * self.nworkers
        try:
            for i, docs in enumerate(shards):
                out = str(self.shard_dir / f"shard-{run}-{i:06d}")
                fut = self.client.submit(code_shard, self.config, docs, default_date, out, pure=False,
                                         key=f"geopol-shard-{run}-{i}")
                pending.append((i, out, docs, fut))
                while len(pending) >= window:
                    yield self._collect(*pending.popleft())
            while pending:
                yield self._collect(*pending.popleft())
        finally:
            for *_, fut in pending:
                fut.cancel()

    def _collect(self, i: int, out: str, docs: list[Document], fut) -> ShardResult:
        info = fut.result()
        self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, info["rss"])
        return ShardResult(i, out, docs, info["counts"], info["warnings"], info["rss"])

    @staticmethod
    def discard(shard: ShardResult) -> None:
        shutil.rmtree(shard.path, ignore_errors=True)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._own_dir:
            shutil.rmtree(self.shard_dir, ignore_errors=True)

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
