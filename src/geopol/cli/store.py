"""`geopol ingest`, `geopol events`, `geopol dyads`, `geopol export`: the DuckDB event store."""
from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from geopol.cli._common import (ActorsOpt, ActorsReplaceOpt, AllEventsOpt, DateOpt, EventsModelOpt, InputFormatOpt,
                                MaxDocMbOpt, ModelOpt, PatternsOpt, QuietOpt, VerbsOpt, check_input_format, fail,
                                parse_date_option)
from geopol.cli.code import Summary, code_paths, load_pipeline

DB_HELP = "the store (a DuckDB file; default $GEOPOL_DB or ./geopol.duckdb)"
ENGINES = ("local", "dask")


def _db_default() -> str:
    return os.environ.get("GEOPOL_DB", "geopol.duckdb")


def open_store(db: str | None, read_only: bool = False, lock_wait: float = 0.0):
    from geopol.store import Store, StoreError
    try:
        return Store(db or _db_default(), read_only=read_only, lock_wait=lock_wait)
    except StoreError as exc:
        raise fail(str(exc))


@contextmanager
def store_errors(store):
    """Turn store and DuckDB errors into one-line messages; close the store in any case."""
    import duckdb

    from geopol.store import StoreError
    try:
        yield store
    except StoreError as exc:
        raise fail(str(exc))
    except duckdb.Error as exc:
        raise fail(f"{store.path}: store error: {' '.join(str(exc).split())[:300]}")
    finally:
        store.close()


class IngestSummary(Summary):
    """`geopol code`'s summary plus what the store did."""

    def __init__(self) -> None:
        super().__init__()
        from geopol.store import WriteStats
        self.stored = WriteStats()
        self.skipped_before = 0    # known documents filtered out before coding
        self.batches = 0

    @property
    def skipped(self) -> int:
        return self.skipped_before + self.stored.skipped

    def line(self) -> str:
        dt = max(time.perf_counter() - self.t0, 1e-9)
        return (f"geopol: {self.docs} documents, {self.sentences} sentences, {self.stored.events} events stored, "
                f"{self.skipped} skipped (already stored), {self.stored.duplicates} duplicates, "
                f"{self.stored.replaced} replaced, {self.errors} errors, {self.warnings} warnings in {dt:.1f}s "
                f"({self.docs / dt:.1f} documents/s, {self.sentences / dt:.0f} sentences/s)")


class _NullWriter:
    def write(self, events, url=None, source=None) -> None:
        pass


class _CodedDoc:
    """What the Dask path and the local worker processes hand back per document: counts only (the
    coded document went to the store as tables: Parquet shards, Arrow IPC)."""

    __slots__ = ("document", "sentences", "events", "warnings")

    def __init__(self, document, n_sentences: int, n_events: int, warnings) -> None:
        self.document, self.warnings = document, warnings
        self.sentences, self.events = range(n_sentences), range(n_events)   # sized, for the counters


class Ingest:
    """Looks like a pipeline to ``code_paths`` (``code_documents(docs, date)``): skips documents already
    stored, codes the rest with the chosen engine and commits every ``batch`` documents in one transaction."""

    def __init__(self, store, summary: IngestSummary, batch: int, engine, log_batches: bool = False) -> None:
        self.store, self.summary, self.batch, self.engine = store, summary, batch, engine
        self.log_batches = log_batches

    def _unknown(self, docs):
        from geopol.engines.local import chunked
        for chunk in chunked(docs, self.batch):
            known = self.store.known([(d.id, d.content_hash) for d in chunk])
            self.summary.skipped_before += sum(1 for d in chunk if d.id in known)
            yield from (d for d in chunk if d.id not in known)

    def _committed(self, stats, n: int) -> None:
        self.summary.stored.add(stats)
        self.summary.batches += 1
        if self.log_batches:
            print(f"geopol: batch {self.summary.batches} committed ({n} documents, {stats.events} events)",
                  file=sys.stderr, flush=True)

    def code_documents(self, docs, default_date):
        from geopol.engines.dask_engine import DaskEngine
        from geopol.engines.local import chunked
        todo = self._unknown(docs)
        if isinstance(self.engine, DaskEngine):
            for shard in self.engine.code_shards(chunked(todo, self.batch), default_date):
                self._committed(self.store.write_parquet(shard.path), len(shard.docs))
                self.engine.discard(shard)
                for doc, (ns, ne), w in zip(shard.docs, shard.counts, shard.warnings):
                    yield _CodedDoc(doc, ns, ne, w)
            return
        for coded in self.engine.code_batches(todo, default_date, self.batch):
            self._committed(self.store.write_tables(*coded.tables, dropped=coded.dropped), len(coded.docs))
            if coded.results is not None:
                yield from coded.results
            else:   # from worker processes: the tables came back, not the coded documents
                for doc, (ns, ne), w in zip(coded.docs, coded.counts, coded.warnings):
                    yield _CodedDoc(doc, ns, ne, w)


def _progress(summary: IngestSummary, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            dt = task.elapsed or 0
            return Text(f"{task.completed / dt:.1f} docs/s" if dt > 0 else "- docs/s")

    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} docs"),
                        Rate(), TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True, redirect_stderr=True)
    task = progress.add_task("ingest", total=None, events=0)
    events = [0]

    def update(result) -> None:
        events[0] += len(result.events)
        progress.update(task, advance=1, events=events[0])
    return progress, update


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: list[str] = typer.Argument(..., help="files, folders (recursive) or - for stdin"),
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        input_format: InputFormatOpt = "auto",
        date: DateOpt = None,
        workers: int = typer.Option(1, "--workers", "-w", help="coding processes (local) or LocalCluster workers (dask)"),
        engine: str = typer.Option("local", "--engine", help="local|dask"),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler tcp://HOST:PORT (--engine dask)"),
        batch: int = typer.Option(200, "--batch", help="documents per transaction (and per Dask shard)"),
        shard_dir: Optional[Path] = typer.Option(None, "--shard-dir",
                                                 help="folder for Dask's Parquet shards (shared with the workers)"),
        model: ModelOpt = None,
        actors: ActorsOpt = [],
        actors_replace: ActorsReplaceOpt = False,
        patterns: PatternsOpt = None,
        verbs: VerbsOpt = None,
        events_model: EventsModelOpt = False,
        all_events: AllEventsOpt = False,
        max_doc_mb: MaxDocMbOpt = 5.0,
        log_batches: bool = typer.Option(False, "--log-batches", help="one stderr line per committed batch"),
        quiet: QuietOpt = False,
    ) -> None:
        """Code documents and store their events (idempotent: documents already stored are skipped)."""
        import duckdb

        from geopol.pipeline import PipelineConfig
        from geopol.store import StoreError
        check_input_format(input_format)
        if engine not in ENGINES:
            raise fail(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
        if workers < 1 or batch < 1:
            raise fail("--workers and --batch must be at least 1")
        if scheduler and engine != "dask":
            raise fail("--scheduler needs --engine dask")
        default_date = parse_date_option(date)
        store = open_store(db, lock_wait=30.0)   # a server's short read connections come and go
        summary = IngestSummary()
        config = PipelineConfig(model=model, actors=tuple(actors), actors_replace=actors_replace, patterns=patterns,
                                verbs=verbs, events_model=events_model,
                                **({"secondary_min_confidence": 0.0} if all_events else {}))
        runner = None
        try:
            if engine == "dask":
                from geopol.engines.dask_engine import DaskEngine
                if shard_dir is None:
                    shard_dir = Path(store.path).resolve().parent
                import tempfile
                shard_dir.mkdir(parents=True, exist_ok=True)
                tmp = tempfile.mkdtemp(prefix=".geopol-shards-", dir=shard_dir)
                try:
                    runner = DaskEngine(config, scheduler=scheduler, workers=workers, shard_dir=tmp)
                except (RuntimeError, OSError) as exc:
                    raise fail(str(exc))
                runner._own_dir = True
            else:
                from geopol.engines.local import LocalEngine
                runner = LocalEngine(config, workers=workers,
                                     loader=lambda: load_pipeline(model, actors, patterns, verbs, actors_replace,
                                                                  events_model, all_events))
            progress, update = _progress(summary, quiet)
            driver = Ingest(store, summary, batch, runner, log_batches)
            if progress is not None:
                progress.start()
            try:
                run = code_paths(driver, paths, _NullWriter(), input_format, default_date,
                                 int(max_doc_mb * 1_000_000), quiet=True, on_result=update)
            finally:
                if progress is not None:
                    progress.stop()
        except StoreError as exc:
            raise fail(str(exc))
        except typer.Exit:
            raise
        except Exception as exc:   # a worker died, the pipeline failed to load in a worker, a store error...
            kind = "store error" if isinstance(exc, duckdb.Error) else "ingest failed"
            raise fail(f"{kind}: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
                       f"(batches already committed are kept; run again to resume)")
        finally:
            if runner is not None and hasattr(runner, "close"):
                runner.close()
            store.close()
        for k in ("docs", "sentences", "events", "errors", "warnings"):
            setattr(summary, k, getattr(run, k))
        summary.t0 = run.t0
        if not quiet:
            print(summary.line(), file=sys.stderr)
        if summary.errors:
            raise typer.Exit(1)

    @app.command("events")
    def events(
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        actor: Optional[str] = typer.Option(None, "--actor", help="source or target code prefix, e.g. RUS or USAGOV"),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="A,B: code prefixes, either direction"),
        type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT"),
        root: Optional[str] = typer.Option(None, "--root", help="CAMEO root code, e.g. 19"),
        since: Optional[str] = typer.Option(None, "--since", help="events on or after YYYY-MM-DD"),
        until: Optional[str] = typer.Option(None, "--until", help="events on or before YYYY-MM-DD"),
        modality: Optional[str] = typer.Option(None, "--modality", help="asserted|negated|hypothetical|future|"
                                                                         "reported_claim (comma-separated for several)"),
        limit: Optional[int] = typer.Option(None, "--limit", help="at most N events"),
        offset: int = typer.Option(0, "--offset", help="skip the first N events"),
        fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl|tsv|plover|parquet"),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
        explain: bool = typer.Option(False, "--explain", help="jsonl: add the 'explain' field"),
    ) -> None:
        """Query stored events (the event-record format, plus num_mentions and num_sources)."""
        from geopol.output import OUTPUT_FORMATS, EventWriter
        from geopol.records import MODALITIES
        from geopol.store import EventFilter
        from geopol.store.db import row_record
        from geopol.store.tables import record_to_event
        if fmt not in OUTPUT_FORMATS + ("parquet",):
            raise fail(f"--format must be one of {', '.join(OUTPUT_FORMATS + ('parquet',))}, got {fmt!r}")
        if fmt == "parquet" and output is None:
            raise fail("--format parquet needs --output FILE")
        pair = None
        if dyad:
            parts = [p.strip() for p in dyad.split(",")]
            if len(parts) != 2 or not all(parts):
                raise fail(f"--dyad expects two codes A,B, got {dyad!r}")
            pair = (parts[0], parts[1])
        mods = tuple(m.strip() for m in modality.split(",")) if modality else ()
        bad = [m for m in mods if m not in MODALITIES]
        if bad:
            raise fail(f"--modality must be among {', '.join(MODALITIES)}, got {bad[0]!r}")
        filters = EventFilter(actor=actor, dyad=pair, plover_type=type_, cameo_root=root,
                              since=parse_date_option(since, "--since"), until=parse_date_option(until, "--until"),
                              modality=mods)
        with store_errors(open_store(db, read_only=True)) as store:
            reader = store.event_batches(filters, limit, offset)
            if fmt == "parquet":
                import pyarrow.parquet as pq
                writer = None
                n = 0
                for b in reader:
                    if writer is None:
                        writer = pq.ParquetWriter(str(output), b.schema)
                    writer.write_batch(b)
                    n += b.num_rows
                if writer is None:
                    pq.write_table(reader.schema.empty_table(), str(output))
                else:
                    writer.close()
                return
            out = open(output, "w", encoding="utf-8") if output else sys.stdout
            try:
                w = EventWriter(out, fmt, explain)
                for b in reader:
                    for row in b.select(["record", "num_mentions", "num_sources", "doc_url",
                                         "doc_source"]).to_pylist():
                        rec = row_record(row, explain=True)
                        if fmt == "jsonl":
                            d = record_to_event(rec).to_dict(explain)
                            d["num_mentions"], d["num_sources"] = rec["num_mentions"], rec["num_sources"]
                            out.write(json.dumps(d, ensure_ascii=False) + "\n")
                        else:
                            w.write([record_to_event(rec)], row["doc_url"], row["doc_source"])
                out.flush()
            except BrokenPipeError:
                sys.stderr.close()
                raise typer.Exit(0)
            finally:
                if output:
                    out.close()

    @app.command("dyads")
    def dyads(
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        by: str = typer.Option("month", "--by", help="month|week|day"),
        level: str = typer.Option("country", "--level", help="country (ISO/IGO code) or code (full actor code)"),
        all_modalities: bool = typer.Option(False, "--all-modalities",
                                            help="count negated/hypothetical/future/claimed events too"),
        fmt: str = typer.Option("table", "--format", "-f", help="table|csv|json"),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
    ) -> None:
        """Directed dyads per period: events, counts per quad class, Goldstein sum and mean."""
        if fmt not in ("table", "csv", "json"):
            raise fail(f"--format must be one of table, csv, json, got {fmt!r}")
        with store_errors(open_store(db, read_only=True)) as store:
            t = store.dyads(by=by, level=level, asserted_only=not all_modalities)
        rows = t.to_pylist()
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "json":
                for r in rows:
                    r["period"] = r["period"].isoformat()
                    out.write(json.dumps(r) + "\n")
            elif fmt == "csv":
                import csv
                w = csv.writer(out)
                w.writerow(t.column_names)
                for r in rows:
                    w.writerow([r["period"].isoformat()] + [
                        (f"{v:.3f}" if isinstance(v, float) else v) for k, v in r.items() if k != "period"])
            else:
                from rich.console import Console
                from rich.table import Table
                table = Table(title=f"{len(rows)} dyad-periods ({'all modalities' if all_modalities else 'asserted'})")
                for col in ("period", "source", "target", "events", "q1", "q2", "q3", "q4", "goldstein", "mean"):
                    table.add_column(col, justify="left" if col in ("period", "source", "target") else "right",
                                     no_wrap=True)
                for r in rows:
                    table.add_row(r["period"].isoformat(), r["source"] or "", r["target"] or "", str(r["n_events"]),
                                  str(r["n_q1"]), str(r["n_q2"]), str(r["n_q3"]), str(r["n_q4"]),
                                  f"{r['goldstein_sum']:.1f}", f"{r['goldstein_mean']:.2f}")
                Console(file=out, width=None if out is sys.stdout else 160).print(table)
        finally:
            if output:
                out.close()

    @app.command("export")
    def export(
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        parquet: Path = typer.Option(..., "--parquet", help="folder: events/, documents/, sentences/ "
                                                             "partitioned year=YYYY/month=MM"),
    ) -> None:
        """Export the store as Parquet, hive-partitioned by month."""
        import duckdb

        from geopol.store import StoreError
        store = open_store(db, read_only=True)
        try:
            counts = store.export(parquet)
        except (StoreError, duckdb.Error, OSError) as exc:
            raise fail(f"export failed: {' '.join(str(exc).split())}")
        finally:
            store.close()
        print(f"geopol: exported {counts['events']} events, {counts['documents']} documents, "
              f"{counts['sentences']} sentences to {parquet}", file=sys.stderr)
