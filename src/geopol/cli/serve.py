"""`geopol serve`: the JSON API and the browser page over an event store."""
from __future__ import annotations

import os
from typing import Optional

import typer

from geopol.cli._common import fail


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: Optional[str] = typer.Option(None, "--db", help="the store (a DuckDB file; default $GEOPOL_DB or "
                                                           "./geopol.duckdb); created if missing"),
        host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (loopback by default)"),
        port: int = typer.Option(8000, "--port", help="TCP port"),
        token: Optional[str] = typer.Option(None, "--token", envvar="GEOPOL_TOKEN", show_envvar=True,
                                            help="token required to store coded text (prefer $GEOPOL_TOKEN: "
                                                 "a command-line token is visible to other local users)"),
        cors: list[str] = typer.Option([], "--cors", help="allow this browser origin cross-site (repeatable); "
                                                         "CORS is off by default"),
        max_body_mb: float = typer.Option(1.0, "--max-body-mb", help="largest request body accepted"),
    ) -> None:
        """Serve the API (/api/..., docs at /docs) and a page at / to code text and browse the store."""
        from geopol.web.app import is_loopback
        if token is not None and not token.strip():
            raise fail("--token / GEOPOL_TOKEN is empty")
        if not is_loopback(host) and not token:
            raise fail(f"refusing to listen on {host} without a token: set GEOPOL_TOKEN (or --token) "
                       f"or use --host 127.0.0.1")
        if not 0 < port < 65536:
            raise fail(f"--port must be 1..65535, got {port}")
        if max_body_mb <= 0:
            raise fail("--max-body-mb must be positive")
        try:
            import uvicorn

            from geopol.web.app import create_app
        except ImportError as exc:
            raise fail(f"`geopol serve` needs the server extra ({exc.name} is missing): "
                       f"pip install 'geopol[server]'")
        from geopol.store import StoreError
        path = db or os.environ.get("GEOPOL_DB", "geopol.duckdb")
        allowed = None
        if is_loopback(host):
            allowed = ["localhost", "127.0.0.1", "::1", host.strip("[]").lower()]
        try:
            application = create_app(path, token=token or None, cors_origins=tuple(cors),
                                     max_body=int(max_body_mb * 1_000_000), allowed_hosts=allowed)
        except StoreError as exc:
            raise fail(str(exc))
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"geopol: serving {path} on http://{shown}:{port}/ (API docs at /docs"
                   f"{'; storing needs the token' if token else ''})", err=True)
        uvicorn.run(application, host=host, port=port, log_level="info", server_header=False,
                    proxy_headers=False)
