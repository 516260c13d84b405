"""End-to-end throughput of `geopol code` against bare spaCy parsing of the same text.

    .venv/bin/python benchmarks/throughput.py [--docs N] [--repeat R]

Both runs parse the same paragraphs with the same spaCy pipeline and batch size in one process;
geopol's run adds everything after parsing (actors, patterns, modality, dates, places) and the
JSON serialisation of the events. Prints sentences/s for both and the ratio (target >= 0.7).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

from geopol.ingest.readers import content_hash
from geopol.nlp.parse import split_paragraphs
from geopol.output import EventWriter
from geopol.pipeline import Pipeline
from geopol.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOPOL_SHARED", ROOT.parent / "shared"))


def corpus() -> list[str]:
    texts = [(ROOT / "src/geopol/examples/demo-article.txt").read_text(encoding="utf-8")]
    founding = SHARED / "corpus/putin-pyongyang-analysis.txt"
    if founding.exists():
        texts.append(founding.read_text(encoding="utf-8"))
    giga = SHARED / "data/dev/GigaWord.sample.PETR.xml"
    if giga.exists():
        from geopol.ingest.readers import read_bytes
        texts.extend(d.text for d in read_bytes(giga.read_bytes(), str(giga)) if isinstance(d, Document))
    return texts


def stage_costs(pipe, docs) -> dict[str, float]:
    """Share of end-to-end coding time spent in each stage after parsing (one extra timed run)."""
    spent: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    originals = []
    targets = [("actors", pipe.resolver, "mentions"), ("coding", pipe.extractor, "extract"),
               ("modality", pipe.modality, "classify"), ("dates", pipe.tagger, "tag")]
    if pipe.locator is not None:
        targets += [("places", pipe.locator, "locate"), ("places", pipe.locator, "doc_places")]
    for name, obj, attr in targets:
        originals.append((obj, attr, getattr(obj, attr)))
        setattr(obj, attr, timed(name, getattr(obj, attr)))
    t0 = time.perf_counter()
    try:
        for _ in pipe.code_documents(docs, date(2024, 6, 21)):
            pass
    finally:
        for obj, attr, fn in originals:
            setattr(obj, attr, fn)
    total = time.perf_counter() - t0
    return {k: round(v / total, 3) for k, v in sorted(spent.items())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=8, help="times the corpus is repeated")
    ap.add_argument("--rounds", type=int, default=3, help="alternating timing rounds; the best of each is kept")
    args = ap.parse_args()
    texts = corpus() * args.repeat
    docs = [Document(id=f"d{i}", text=t, content_hash=content_hash(f"{i}{t}")) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    pipe = Pipeline.load()
    load_s = time.perf_counter() - t0
    units = [u for t in texts for _, u in split_paragraphs(t)]
    nlp = pipe.nlp
    n_sent = sum(1 for d in nlp.pipe(units[:50]) for _ in d.sents)  # warm-up
    bare, full = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_sent = sum(1 for d in nlp.pipe(units, batch_size=64) for _ in d.sents)
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sink = io.StringIO()
        writer = EventWriter(sink, "jsonl")
        n_events = n_geo_sent = 0
        for r in pipe.code_documents(docs, date(2024, 6, 21)):
            writer.write(r.events)
            n_events += len(r.events)
            n_geo_sent += len(r.sentences)
        full.append(time.perf_counter() - t0)
    b, f = min(bare), min(full)
    stages = stage_costs(pipe, docs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"documents": len(docs), "sentences": n_sent, "events": n_events, "pipeline_load_s": round(load_s, 2),
              "bare_spacy_sent_per_s": round(n_sent / b, 1), "geopol_sent_per_s": round(n_geo_sent / f, 1),
              "ratio": round(b / f, 3), "peak_rss_mb": round(rss), "cpus": os.cpu_count(),
              "stage_share_of_coding_time": stages}
    print(json.dumps(result, indent=2))
    print(f"| {len(docs)} docs, {n_sent} sentences | {result['bare_spacy_sent_per_s']} | "
          f"{result['geopol_sent_per_s']} | {result['ratio']} | {result['peak_rss_mb']} MB |", file=sys.stderr)


if __name__ == "__main__":
    main()
