"""Run ``Pipeline.code_documents`` over chunks of documents with N local processes.

Each worker process builds the pipeline once (spawn context: nothing inherited
but the config) and codes chunks of documents sent to it. Documents stream:
at most ``2 * workers`` chunks are in flight, so memory stays flat however big
the corpus is, and results come back in input order.
"""
from __future__ import annotations

import multiprocessing
import resource
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from itertools import chain, islice

from geopol.pipeline import DocumentResult, Pipeline, PipelineConfig
from geopol.records import Document

CHUNK = 16   # documents sent to a worker at a time

# One pipeline per worker process, set by the pool initializer (process-local by design: the
# pool's workers are separate processes and build it once; nothing else reads or writes it).
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline.load(config)


def _code_chunk(docs: list[Document], default_date: date | None) -> tuple[list[DocumentResult], int]:
    assert _WORKER_PIPELINE is not None, "worker pipeline not initialised"
    results = list(_WORKER_PIPELINE.code_documents(docs, default_date))
    return results, peak_rss_kb()


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

    def code_documents(self, docs: Iterable[Document], default_date: date | None = None) -> Iterator[DocumentResult]:
        if self.workers == 1:
            it = iter(docs)
            first = next(it, None)
            if first is None:
                return
            if self._pipeline is None:
                self._pipeline = self._loader() if self._loader else Pipeline.load(self.config)
            yield from self._pipeline.code_documents(chain([first], it), default_date)
            self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, peak_rss_kb())
            return
        it = iter(docs)
        first = next(it, None)
        if first is None:
            return
        docs = chain([first], it)
        ctx = multiprocessing.get_context(self.start_method)
        window = 2 * self.workers
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(self.config,)) as pool:
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

    def _collect(self, future) -> list[DocumentResult]:
        results, rss = future.result()
        self.peak_worker_rss_kb = max(self.peak_worker_rss_kb, rss)
        return results
