"""Ingest scaling: code and store N generated documents with 1 and 2 worker processes.

    .venv/bin/python benchmarks/ingest_scale.py [--docs N] [--sentences S] [--workers 1,2] [--batch B]

Each run ingests the same corpus into a fresh store through the local engine and `geopol ingest`'s
driver (the command's code path), and prints documents/s and sentences/s (pipeline start-up
excluded: it is timed from the first committed batch; the start-up is printed apart) and the peak
RSS of a coding worker (the process itself for 1 worker).
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from geopol.cli.store import Ingest, IngestSummary
from geopol.engines.local import LocalEngine, chunked, peak_rss_kb
from geopol.ingest.readers import content_hash
from geopol.pipeline import PipelineConfig
from geopol.records import Document
from geopol.store import Store

COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "India", "Pakistan",
             "Turkey", "Egypt", "Brazil", "Canada", "Poland", "the United States", "North Korea", "Syria"]
TEMPLATES = [
    "{a} accused {b} of shelling the border town on Monday.",
    "{a} condemned {b} over the missile launch.",
    "{a} imposed sanctions on {b} after the vote.",
    "Officials from {a} met officials from {b} in Geneva to discuss the grain deal.",
    "{a} will not send troops to {b}, the defence minister said.",
    "{a} praised {b} for its humanitarian aid to the region.",
    "{a} threatened {b} with retaliation if the talks failed.",
    "{a} signed an agreement with {b} on energy cooperation.",
    "The weather in the capital stayed mild for most of the week.",
    "Markets rose slightly as investors waited for the central bank decision.",
]


def corpus(n: int, sentences: int, seed: int = 1) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        text = " ".join(rng.choice(TEMPLATES).format(a=a, b=b)
                        for a, b in (rng.sample(COUNTRIES, 2) for _ in range(sentences)))
        text = text[0].upper() + text[1:]
        docs.append(Document(id=f"bench{i:06d}", text=text, url=f"https://site{i % 7}.example/{i}",
                             content_hash=content_hash(text)))
    return docs


def run(docs: list[Document], workers: int, batch: int, db: Path) -> dict:
    engine = LocalEngine(PipelineConfig(), workers=workers)
    t0 = time.perf_counter()
    first = None
    n_docs = n_sents = n_events = 0
    with Store(db) as store:
        # `geopol ingest`'s driver: skip stored documents, code, commit every `batch` documents
        for results in chunked(Ingest(store, IngestSummary(), batch, engine).code_documents(iter(docs), None), batch):
            if first is None:
                first = time.perf_counter()   # the first batch is coded and committed
                cpu0 = time.process_time()
            n_docs += len(results)
            n_sents += sum(len(r.sentences) for r in results)
            n_events += sum(len(r.events) for r in results)
    end = time.perf_counter()
    main_cpu = time.process_time() - cpu0   # this process, all its threads (IPC reader, DuckDB)
    with Store(db) as store:   # the query a user runs next, on the finished store
        q0 = time.perf_counter()
        n_dyads = store.dyads(by="month").num_rows
        dyads_s = time.perf_counter() - q0
    # time to the first batch includes the start-up and that batch: count it as start-up
    first_batch_docs = min(batch, len(docs))
    steady = max(end - first, 1e-9)
    return {"workers": workers, "docs": n_docs, "sentences": n_sents, "events": n_events,
            "total_s": end - t0, "startup_s": first - t0,
            "docs_s": (n_docs - first_batch_docs) / steady,
            "sents_s": (n_sents - n_sents * first_batch_docs / max(n_docs, 1)) / steady,
            "overall_docs_s": n_docs / (end - t0),
            "worker_rss_mb": (engine.peak_worker_rss_kb or peak_rss_kb()) / 1024,
            "main_rss_mb": peak_rss_kb() / 1024, "store_mb": db.stat().st_size / 1e6,
            "dyads_query_s": dyads_s, "dyad_rows": n_dyads,
            "main_cpu_ms_doc": 1000 * main_cpu / max(n_docs - first_batch_docs, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--sentences", type=int, default=8, help="sentences per document")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch", type=int, default=50)
    args = ap.parse_args()
    docs = corpus(args.docs, args.sentences)
    print(f"{len(docs)} documents x {args.sentences} sentences, batch {args.batch}")
    print(f"{'workers':>7} {'docs':>6} {'events':>7} {'start-up s':>10} {'docs/s':>8} {'sent/s':>8} "
          f"{'overall docs/s':>14} {'worker peak RSS MB':>18} {'store MB':>8} {'dyads query s':>13} "
          f"{'main CPU ms/doc':>15}")
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        for w in (int(x) for x in args.workers.split(",")):
            r = run(docs, w, args.batch, Path(tmp) / f"w{w}.duckdb")
            print(f"{r['workers']:>7} {r['docs']:>6} {r['events']:>7} {r['startup_s']:>10.1f} {r['docs_s']:>8.1f} "
                  f"{r['sents_s']:>8.0f} {r['overall_docs_s']:>14.1f} {r['worker_rss_mb']:>18.0f} "
                  f"{r['store_mb']:>8.1f} {r['dyads_query_s']:>13.3f} {r['main_cpu_ms_doc']:>15.2f}")
            rates[w] = r["docs_s"]
    if 1 in rates and len(rates) > 1:
        print("speed-up (docs/s) over 1 worker: " + ", ".join(f"{w} workers x{rates[w] / rates[1]:.2f}"
                                                              for w in rates if w != 1))


if __name__ == "__main__":
    main()
