"""Helpers shared by CLI commands: error output and date options."""
from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Optional

import typer


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print a one-line error on stderr and return an Exit to raise."""
    print(f"geopol: {message}", file=sys.stderr)
    return typer.Exit(code)


def check_input_format(value: str) -> None:
    from geopol.ingest.readers import FORMATS
    if value not in FORMATS:
        raise fail(f"--input-format must be one of {', '.join(FORMATS)}, got {value!r}")


def parse_date_option(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} expects YYYY-MM-DD, got {value!r}")


# Options shared by the commands that code text (code, ingest): one definition each.
INPUT_FORMAT_HELP = "auto|text|html|jsonl|csv|petrarch-xml (auto: by extension)"
DateOpt = Annotated[Optional[str], typer.Option("--date", help="publication date YYYY-MM-DD for documents without one")]
InputFormatOpt = Annotated[str, typer.Option("--input-format", "-i", help=INPUT_FORMAT_HELP)]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="installed English spaCy pipeline to use")]
ActorsOpt = Annotated[list[str], typer.Option("--actors", help="extra actor knowledge-base folder, or PETRARCH "
                                                             "actors/agents/discards dictionary file or folder "
                                                             "(repeatable)")]
ActorsReplaceOpt = Annotated[bool, typer.Option("--actors-replace",
                                                help="use the --actors sources instead of geopol's knowledge base")]
PatternsOpt = Annotated[Optional[str], typer.Option("--patterns", help="pattern folder/file replacing geopol's")]
VerbsOpt = Annotated[Optional[str], typer.Option("--verbs", help="PETRARCH CAMEO verb dictionary used as well")]
EventsModelOpt = Annotated[bool, typer.Option("--events-model", help="also code with the learned event classifier "
                                                                     "(needs the 'events' extra)")]
AllEventsOpt = Annotated[bool, typer.Option("--all-events", help="keep a sentence's weak secondary events too "
                                                            "(asserted, below 0.55, not the main event's)")]
MaxDocMbOpt = Annotated[float, typer.Option("--max-doc-mb", help="skip documents larger than this")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")]
