"""Helpers shared by CLI commands: error output and date options."""
from __future__ import annotations

import sys
from datetime import date

import typer


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print a one-line error on stderr and return an Exit to raise."""
    print(f"geopol: {message}", file=sys.stderr)
    return typer.Exit(code)


def parse_date_option(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} expects YYYY-MM-DD, got {value!r}")
