"""``geopol eval``: score coded events against a gold standard."""
from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer

from ._common import fail


def _code_gold(golds: list, **pipeline_options) -> list[dict[str, Any]]:
    """Run geopol's coder on the gold sentences; event records as dicts."""
    from geopol.eval.gold import gold_documents

    from geopol.cli.code import load_pipeline
    try:
        pipe = load_pipeline(**pipeline_options)
    except ImportError as e:  # the pipeline is missing or broken
        raise fail(f"eval: cannot run the coder ({type(e).__name__}: {e}); pass --pred EVENTS.jsonl")
    try:
        events: list[dict[str, Any]] = []
        for result in pipe.code_documents(gold_documents(golds)):
            events.extend(ev.to_dict() for ev in result.events)
    except typer.Exit:
        raise
    except Exception as e:
        raise fail(f"eval: coding the gold sentences failed ({type(e).__name__}: {e})", 1)
    return events


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        gold: str = typer.Argument(..., help="Gold file: PLOVER JSON, PETRARCH validation XML, or geopol gold JSONL."),
        pred: Optional[str] = typer.Option(None, "--pred", help="Events JSONL to score ('-' = stdin). "
                                           "Without it geopol codes the gold sentences itself."),
        gold_format: str = typer.Option("auto", "--gold-format",
                                        help="auto | plover-json | petrarch-xml | jsonl"),
        all_modalities: bool = typer.Option(False, "--all-modalities",
                                            help="Count predicted (and gold) events of every modality, "
                                                 "not only 'asserted'."),
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1,
                                            help="Use only the first N gold sentences."),
        actors: list[str] = typer.Option([], "--actors", help="coding: extra actor folder or PETRARCH dictionary"),
        actors_replace: bool = typer.Option(False, "--actors-replace", help="coding: --actors instead of ours"),
        patterns: Optional[str] = typer.Option(None, "--patterns", help="coding: pattern folder/file replacing ours"),
        verbs: Optional[str] = typer.Option(None, "--verbs", help="coding: PETRARCH CAMEO verb dictionary as well"),
        events_model: bool = typer.Option(False, "--events-model",
                                          help="coding: also the learned event classifier (needs the 'events' extra)"),
        all_events: bool = typer.Option(False, "--all-events",
                                        help="coding: keep weak secondary events too (see geopol code --help)"),
    ) -> None:
        """Score geopol's events (or any events JSONL) against gold codings: PLOVER type and CAMEO root
        P/R/F1, confusion, actor-code accuracy, exact and relaxed (source, target, event) triples."""
        from geopol.eval.gold import GOLD_FORMATS, GoldFormatError, detect_format, read_gold
        from geopol.eval.score import evaluate, read_predictions, render_report

        if gold_format not in GOLD_FORMATS:
            raise fail(f"--gold-format must be one of {', '.join(GOLD_FORMATS)}, got {gold_format!r}")
        problems: list = []
        try:
            fmt = detect_format(gold) if gold_format == "auto" else gold_format
            golds = read_gold(gold, fmt, problems)
        except GoldFormatError as e:
            raise fail(str(e), 1)
        for p in problems:
            print(str(p), file=sys.stderr)
        if limit is not None:
            golds = golds[:limit]
        if pred is not None:
            try:
                preds = read_predictions(pred)
            except GoldFormatError as e:
                raise fail(str(e), 1)
        else:
            preds = _code_gold([g for g in golds if g.annotated], actors=actors, actors_replace=actors_replace,
                               patterns=patterns, verbs=verbs, events_model=events_model, all_events=all_events)
        report = evaluate(golds, preds, all_modalities=all_modalities)
        if as_json:
            out = report.to_dict()
            out["gold"] = {"path": gold, "format": fmt, "limit": limit}
            out["pred"] = pred
            typer.echo(json.dumps(out, indent=2))
        else:
            render_report(report)
