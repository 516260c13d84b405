"""geopol's command line (Typer). Commands live in sibling modules; each module
defines ``register(app)`` and is discovered here, so adding a command never
means editing this file. Commands stay thin: they parse options and call the
stages below."""
from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

app = typer.Typer(
    name="geopol",
    help="Code news and analysis text into political events (CAMEO/PLOVER) and study the relations they reveal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """geopol: political event coding and relations analysis."""


ORDER = ("code", "store", "analysis", "eval", "serve", "train")   # help lists commands in this order


def _register_all() -> None:
    rank = {name: i for i, name in enumerate(ORDER)}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: (rank.get(m.name, len(ORDER)), m.name)):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("geopol: interrupted", file=sys.stderr)
        sys.exit(130)
