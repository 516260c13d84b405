"""``geopol train``: train the learned event classifier from the labelled corpus (deterministic)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ._common import fail


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_command(
        corpus: str = typer.Option("data/training/corpus.jsonl", "--corpus",
                                   help="Labelled corpus JSONL (data/training/generate.py writes it)."),
        out: Optional[str] = typer.Option(None, "--out", help="Weights file to write "
                                          "(default: geopol/coding/data/model/event_classifier.npz)."),
        cache: Optional[str] = typer.Option(None, "--cache", help="Reuse/write corpus embeddings here (.npz)."),
        iters: int = typer.Option(150, "--iters", min=1, help="Gradient steps (full batch)."),
        l2: float = typer.Option(1e-5, "--l2", help="L2 penalty."),
        mask: bool = typer.Option(True, "--mask/--no-mask", help="Replace named entities by 'X' before embedding."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Train on the first N sentences only."),
        gold: list[str] = typer.Option([], "--gold", help="Also train on a geopol gold JSONL file (each sentence "
                                       "labelled with its first asserted event, or no event); repeatable."),
    ) -> None:
        """Embed the corpus with all-MiniLM-L6-v2 (offline) and fit the CAMEO-code and modality heads."""
        from geopol.coding.classifier import ClassifierUnavailable, gold_records, read_corpus, train_from_corpus
        from geopol.eval.gold import GoldFormatError

        path = Path(corpus)
        if not path.exists():
            raise fail(f"train: no corpus at {corpus} (run: python data/training/generate.py)")
        if limit is not None:
            import tempfile
            recs = read_corpus(path)[:limit]
            tmp = Path(tempfile.mkdtemp()) / path.name
            tmp.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
            path = tmp
        extra: list[dict] = []
        for g in gold:
            if not Path(g).exists():
                raise fail(f"train: no gold file at {g}")
            try:
                extra += gold_records(g)
            except GoldFormatError as e:
                raise fail(f"train: {e}")
        try:
            _, info = train_from_corpus(path, out, Path(cache) if cache else None, mask=mask, iters=iters,
                                        l2=l2, extra=extra)
        except ClassifierUnavailable as e:
            raise fail(f"train: {e}")
        typer.echo(json.dumps(info))
