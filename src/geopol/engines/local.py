"""Run ``Pipeline.code_documents`` over chunks of documents with N local processes.

Each worker process builds the pipeline once (spawn context: nothing inherited
but the config) and codes chunks of documents sent to it. Documents stream:
at most ``2 * workers`` chunks are in flight, so memory stays flat however big
the corpus is, and results come back in input order.

Two ways out: ``code_documents`` gives the pipeline's DocumentResults;
``code_batches`` (what ``geopol ingest`` uses) gives store batches: each worker
turns its chunk into the store's documents/sentences/events tables itself
(simhash, JSON records) and sends them as Arrow IPC bytes, so the main process,
which also writes the store, only concatenates tables and inserts them.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import resource
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice

import pyarrow as pa

from geopol.pipeline import DOC_BATCH, DocumentResult, Pipeline, PipelineConfig
from geopol.records import Document, Problem

# Documents sent to a worker at a time: the pipeline's own batch (DOC_BATCH, 32), whose spaCy calls
# it fills; smaller chunks cost more per document (16: +6 %, 8: +10 % measured), a loss that
# coding in one process does not pay.
CHUNK = DOC_BATCH

# One pipeline per worker process, set by the pool initializer (process-local by design: the
# pool's workers are separate processes and build it once; nothing else reads or writes it).
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), name="geopol-parent-watch",
                         daemon=True).start()
    _WORKER_PIPELINE = Pipeline.load(config)
    atexit.register(_exit_now)


def _exit_with_parent(sentinel: int) -> None:
    """Leave as soon as the parent process is gone (killed with -9, say): a worker waiting for its next
    chunk would otherwise wait for ever, since it holds both ends of the pool's call queue."""
    from multiprocessing.connection import wait
    wait([sentinel])
    os._exit(1)


def _exit_now() -> None:
    """A worker's last act: leave without the interpreter's teardown, which with spaCy, torch and the
    gazetteer loaded takes about 0.9 s per worker (1.5 s for two on two cores, measured) and which the
    pool's shutdown, hence every run, waits for. Nothing is left to do: results went back through the
    pool's pipe as each chunk finished, and a worker opens no file or store. Registered after the
    pipeline is loaded, so it runs first among the exit handlers (they run last-in, first-out)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(0)


def _code_chunk(docs: list[Document], default_date: date | None) -> tuple[list[DocumentResult], int]:
    assert _WORKER_PIPELINE is not None, "worker pipeline not initialised"
    results = list(_WORKER_PIPELINE.code_documents(docs, default_date))
    return results, peak_rss_kb()


def _code_chunk_tables(docs: list[Document], default_date: date | None) -> tuple:
    """Code a chunk and return it as the store's tables (Arrow IPC bytes) plus per-document counts."""
    from geopol.store.tables import results_to_tables, tables_to_ipc
    assert _WORKER_PIPELINE is not None, "worker pipeline not initialised"
    results = list(_WORKER_PIPELINE.code_documents(docs, default_date))
    *tables, dropped = results_to_tables(results)
    return ([(len(r.sentences), len(r.events)) for r in results], [r.warnings for r in results],
            tables_to_ipc(tables), dropped, peak_rss_kb())


@dataclass
class CodedBatch:
    """One store batch, coded: its documents in input order, per-document (sentences, events) counts
    and warnings, and the documents/sentences/events tables that ``Store.write_tables`` takes
    (``dropped``: documents left out of the tables because a later one has the same doc_id)."""
    docs: list[Document]
    counts: list[tuple[int, int]]
    warnings: list[tuple[Problem, ...]]
    tables: tuple[pa.Table, pa.Table, pa.Table]
    dropped: int
    results: list[DocumentResult] | None = None   # the DocumentResults, when coded in this process


def split_even(items: list, most: int) -> list[list]:
    """``items`` cut into the fewest pieces of at most ``most``, as even as possible (100 by 32: 4 of 25)."""
    n = -(-len(items) // max(1, most))
    q, r = divmod(len(items), max(1, n))
    out, i = [], 0
    for k in range(n):
        size = q + (k < r)
        out.append(items[i:i + size])
        i += size
    return out


def peak_rss_kb() -> int:
    """Peak resident memory of this process in KiB (Linux: VmHWM, which, unlike ru_maxrss, does not
    inherit the parent's peak through fork + exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def chunked(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


class LocalEngine:
    """``LocalEngine(config, workers).code_documents(docs, default_date)``: same contract as the pipeline's.

    ``workers=1`` codes in this process: pass ``pipeline`` to reuse one already loaded, or ``loader``
    (a callable returning a Pipeline) to build it only when the first document arrives."""

    def __init__(self, config: PipelineConfig | None = None, workers: int = 1, chunk: int = CHUNK,
                 pipeline: Pipeline | None = None, start_method: str = "spawn", loader=None) -> None:
        if workers < 1:
            raise ValueError("workers must be >= 1")
        self.config = config or (pipeline.config if pipeline is not None else PipelineConfig())
        self.workers = workers
        self.chunk = max(1, chunk)
        self.start_method = start_method
        self._pipeline = pipeline
        self._loader = loader
        self.peak_worker_rss_kb = 0

    @staticmethod
    def _nonempty(docs: Iterable[Document]) -> Iterator[Document] | None:
        """``docs`` as an iterator, or None when there is none (no pipeline or pool is started for nothing)."""
        it = iter(docs)
        first = next(it, None)
        return None if first is None else chain([first], it)

    def _pool(self) -> ProcessPoolExecutor:
        """The worker pool: each worker builds the pipeline once (``_init_worker``)."""
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(self.start_method),
                                   initializer=_init_worker, initargs=(self.config,))

    def _local_pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self._loader() if self._loader else Pipeline.load(self.config)
        return self._pipeline

    def code_documents(self, docs: Iterable[Document], default_date: date | None = None) -> Iterator[DocumentResult]:
        docs = self._nonempty(docs)
        if docs is None:
            return
        if self.workers == 1:
            yield from self._local_pipeline().code_documents(docs, default_date)
            self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, peak_rss_kb())
            return
        window = 2 * self.workers
        with self._pool() as pool:
            pending: deque = deque()
            try:
                for chunk in chunked(docs, self.chunk):
                    pending.append(pool.submit(_code_chunk, chunk, default_date))
                    while len(pending) >= window:
                        yield from self._collect(pending.popleft())
                while pending:
                    yield from self._collect(pending.popleft())
            finally:
                for f in pending:
                    f.cancel()

    def code_batches(self, docs: Iterable[Document], default_date: date | None = None,
                     batch: int = 200) -> Iterator[CodedBatch]:
        """Code ``docs`` into store batches of ``batch`` documents, in input order.

        One worker: the pipeline runs in this process and the tables are built here (nothing else to
        pay). Several: each batch is cut into chunks of at most ``chunk`` documents; the workers build
        their chunk's tables and send them as Arrow IPC; this process merges a batch's chunks."""
        from geopol.store.tables import ipc_to_tables, merge_tables, results_to_tables
        batch = max(1, batch)
        docs = self._nonempty(docs)
        if docs is None:
            return
        if self.workers == 1:
            for results in chunked(self._local_pipeline().code_documents(docs, default_date), batch):
                *tables, dropped = results_to_tables(results)
                yield CodedBatch([r.document for r in results], [(len(r.sentences), len(r.events)) for r in results],
                                 [r.warnings for r in results], tuple(tables), dropped, results)
            self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, peak_rss_kb())
            return
        window = 2 * self.workers
        with self._pool() as pool:
            pending: deque = deque()   # (chunk docs, last chunk of its batch?, future)
            parts: list = []

            def collect(chunk_docs, last, fut) -> CodedBatch | None:
                counts, warnings, streams, dropped, rss = fut.result()
                self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, rss)
                parts.append((chunk_docs, counts, warnings, ipc_to_tables(streams), dropped))
                if not last:
                    return None
                *tables, merged_dropped = merge_tables([p[3] for p in parts])
                done = CodedBatch([d for p in parts for d in p[0]], [c for p in parts for c in p[1]],
                                  [w for p in parts for w in p[2]], tuple(tables),
                                  merged_dropped + sum(p[4] for p in parts))
                parts.clear()
                return done

            try:
                for batch_docs in chunked(docs, batch):
                    pieces = split_even(batch_docs, self.chunk)
                    for k, chunk_docs in enumerate(pieces):
                        pending.append((chunk_docs, k == len(pieces) - 1,
                                        pool.submit(_code_chunk_tables, chunk_docs, default_date)))
                        while len(pending) >= window:
                            if (done := collect(*pending.popleft())) is not None:
                                yield done
                while pending:
                    if (done := collect(*pending.popleft())) is not None:
                        yield done
            finally:
                for *_, f in pending:
                    f.cancel()

    def _collect(self, future) -> list[DocumentResult]:
        results, rss = future.result()
        self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, rss)
        return results
