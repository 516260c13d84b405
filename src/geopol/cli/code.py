"""`geopol code` and `geopol demo`."""
from __future__ import annotations

import sys
import time
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from geopol.cli._common import (ActorsOpt, ActorsReplaceOpt, AllEventsOpt, DateOpt, EventsModelOpt, InputFormatOpt,
                                MaxDocMbOpt, ModelOpt, PatternsOpt, QuietOpt, VerbsOpt, check_input_format, fail,
                                parse_date_option)


def load_pipeline(model: str | None = None, actors: list[str] | None = None, patterns: str | None = None,
                  verbs: str | None = None, actors_replace: bool = False, events_model: bool = False,
                  all_events: bool = False):
    """Build the pipeline, turning setup errors into one-line messages."""
    from geopol.actors.kb import KBError
    from geopol.coding.patterns import PatternError
    from geopol.nlp.parse import ModelError
    from geopol.pipeline import Pipeline, PipelineConfig
    try:
        return Pipeline.load(PipelineConfig(model=model, actors=tuple(actors or ()), patterns=patterns, verbs=verbs,
                                            actors_replace=actors_replace, events_model=events_model,
                                            **({"secondary_min_confidence": 0.0} if all_events else {})))
    except (ModelError, KBError, PatternError, OSError) as exc:
        raise fail(str(exc))
    except Exception as exc:   # the optional classifier: torch or its weights missing
        from geopol.coding.classifier import ClassifierUnavailable
        if isinstance(exc, ClassifierUnavailable):
            raise fail(str(exc))
        raise


class Summary:
    def __init__(self) -> None:
        self.docs = self.sentences = self.events = self.errors = self.warnings = 0
        self.t0 = time.perf_counter()

    def line(self) -> str:
        dt = max(time.perf_counter() - self.t0, 1e-9)
        return (f"geopol: {self.docs} documents, {self.sentences} sentences, {self.events} events, "
                f"{self.errors} errors, {self.warnings} warnings in {dt:.1f}s ({self.sentences / dt:.0f} sentences/s)")


def code_paths(pipe, paths: list[str], writer, input_format: str, default_date, max_bytes: int,
               quiet: bool = False, on_result=None) -> Summary:
    """Read, code and write; problems go to stderr as one line each. Returns the run's summary."""
    from geopol.ingest import read_paths
    from geopol.records import Problem

    summary = Summary()

    def documents():
        for item in read_paths(paths, input_format, max_bytes):
            if isinstance(item, Problem):
                summary.errors += 1
                print(str(item), file=sys.stderr)
                continue
            yield item

    progress = None
    if not quiet and sys.stderr.isatty():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} docs"),
                            TimeElapsedColumn(), transient=True, console=None)
        progress.start()
        task = progress.add_task("coding", total=None)
    try:
        for result in pipe.code_documents(documents(), default_date):
            summary.docs += 1
            summary.sentences += len(result.sentences)
            summary.events += len(result.events)
            for w in result.warnings:
                summary.warnings += 1
                print(str(w).replace("geopol: ", "geopol: warning: ", 1), file=sys.stderr)
            writer.write(result.events, result.document.url, result.document.source)
            if on_result is not None:
                on_result(result)
            if progress is not None:
                progress.update(task, advance=1)
    finally:
        if progress is not None:
            progress.stop()
    return summary


def register(app: typer.Typer) -> None:
    @app.command("code")
    def code(
        paths: list[str] = typer.Argument(..., help="files, folders (recursive) or - for stdin"),
        date: DateOpt = None,
        fmt: str = typer.Option("jsonl", "--format", "-f", help="output: jsonl|tsv|plover"),
        input_format: InputFormatOpt = "auto",
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="write events here instead of stdout"),
        explain: bool = typer.Option(False, "--explain", help="add an 'explain' field: pattern, actor rules, modality cue"),
        model: ModelOpt = None,
        actors: ActorsOpt = [],
        actors_replace: ActorsReplaceOpt = False,
        patterns: PatternsOpt = None,
        verbs: VerbsOpt = None,
        max_doc_mb: MaxDocMbOpt = 5.0,
        events_model: EventsModelOpt = False,
        all_events: AllEventsOpt = False,
        quiet: QuietOpt = False,
    ) -> None:
        """Code documents into events, one record per event (the event-record spec)."""
        from geopol.output import OUTPUT_FORMATS, EventWriter
        if fmt not in OUTPUT_FORMATS:
            raise fail(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, got {fmt!r}")
        check_input_format(input_format)
        default_date = parse_date_option(date)
        pipe = load_pipeline(model, actors, patterns, verbs, actors_replace, events_model, all_events)
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            summary = code_paths(pipe, paths, EventWriter(out, fmt, explain), input_format, default_date,
                                 int(max_doc_mb * 1_000_000), quiet)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0)
        finally:
            if output:
                out.close()
        if not quiet:
            print(summary.line(), file=sys.stderr)
        if summary.errors:
            raise typer.Exit(1)

    @app.command("demo")
    def demo(
        out: Path = typer.Option(Path("demo-events.jsonl"), "--out", help="where to write the events (JSONL)"),
        db: Path = typer.Option(Path("demo.duckdb"), "--db", help="the embedded store the demo ingests into"),
        text: Optional[Path] = typer.Option(None, "--text", help="code this file instead of the bundled article"),
        date: str = typer.Option("2024-06-21", "--date", help="publication date of the article"),
    ) -> None:
        """Code the bundled example article: print its events, store them, print the dyads, write JSONL."""
        from rich.console import Console
        from rich.table import Table

        from geopol.output import EventWriter
        from geopol.store import Store, StoreError
        src = text or Path(str(resources.files("geopol").joinpath("examples", "demo-article.txt")))
        console = Console()
        console.print(f"[bold]geopol demo[/bold]: coding {src}")
        pipe = load_pipeline()
        results = []
        with open(out, "w", encoding="utf-8") as fh:
            summary = code_paths(pipe, [str(src)], EventWriter(fh, "jsonl"), "auto", parse_date_option(date),
                                 5_000_000, quiet=True, on_result=results.append)
        table = Table(title=f"{summary.events} events (CAMEO code, PLOVER type, modality, evidence)")
        for col in ("date", "source", "cameo", "plover", "target", "modality", "trigger", "where"):
            table.add_column(col, overflow="fold")
        for r in results:
            for e in r.events:
                table.add_row(e.date or "", e.source.code if e.source else "", e.type.code,
                              e.type.plover_type or "-", e.target.code if e.target else "", e.modality, e.trigger,
                              e.location.name if e.location else "")
        console.print(table)
        try:
            with Store(db) as store:
                stats = store.write_results(results)
                dyads = store.dyads(by="month").to_pylist()
        except StoreError as exc:
            raise fail(str(exc))
        dt = Table(title=f"dyads in {db} (asserted events, by month)")
        for col in ("month", "source", "target", "events", "verbal coop", "material coop", "verbal conflict",
                    "material conflict", "Goldstein sum"):
            dt.add_column(col)
        for d in dyads:
            dt.add_row(str(d["period"])[:7], d["source"], d["target"], str(d["n_events"]), str(d["n_q1"]),
                       str(d["n_q2"]), str(d["n_q3"]), str(d["n_q4"]), f"{d['goldstein_sum']:+.1f}")
        console.print(dt)
        console.print(summary.line().replace("geopol: ", ""))
        console.print(f"stored in [bold]{db}[/bold] ({stats.events} new events, {stats.skipped} documents already stored); "
                      f"events written to [bold]{out}[/bold]")
