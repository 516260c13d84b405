"""`geopol serve`: a small JSON API over an event store, and a page that uses it.

``create_app(db_path, token=None, cors_origins=(), pipeline_loader=Pipeline.load)``
builds the FastAPI application (tests drive it with ``TestClient``). Reads open a
read-only DuckDB connection per request; storing coded text opens a writable one
briefly. One lock serialises store access inside the process (DuckDB refuses a
read-only and a writable connection to the same file in one process at once).

Security: every SQL value is a bound parameter; nothing in a request names a file;
``POST /api/code`` with ``store: true`` needs the token when one is configured;
request bodies over ``max_body`` bytes are refused with 413 before they are read
in full; CORS is off unless origins are given; responses carry a strict CSP.
"""
from __future__ import annotations

import hmac
import ipaddress
import math
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import date as Date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from geopol.records import MODALITIES
from geopol.web import queries
from geopol.web.spans import event_spans

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_BODY = 1_000_000            # bytes of a request body
MAX_TEXT = 500_000              # characters of text to code in one request
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
STATIC = resources.files("geopol.web").joinpath("static")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost; False for 0.0.0.0, :: and anything else."""
    h = host.strip().strip("[]").lower()
    if h in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


class _TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large (limit {limit} bytes)")


class BodyLimit:
    """ASGI middleware: 413 for a declared Content-Length over the limit (nothing is read), and
    for streamed bodies as soon as the bytes received pass it."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = None
        for k, v in scope.get("headers", ()):
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    return await _send_json(send, 400, "bad Content-Length header")
        if declared is not None and declared > self.max_bytes:
            return await _send_json(send, 413, _TooLarge(self.max_bytes).detail)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return msg

        async def tracking_send(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge as exc:
            if not started:
                await _send_json(send, 413, exc.detail)


class HostCheck:
    """ASGI middleware: only these Host names (guards a loopback server against DNS rebinding)."""

    def __init__(self, app, allowed: Iterable[str]) -> None:
        self.app, self.allowed = app, {h.lower() for h in allowed}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            host = ""
            for k, v in scope.get("headers", ()):
                if k == b"host":
                    host = v.decode("latin-1").lower()
            name = host.rsplit("]", 1)[0].lstrip("[") if host.startswith("[") else host.split(":", 1)[0]
            if name not in self.allowed:
                return await _send_json(send, 400, "invalid Host header")
        return await self.app(scope, receive, send)


class JsonOnly:
    """ASGI middleware: API writes must be JSON (a cross-site form or text/plain POST cannot be)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH", "DELETE") \
                and scope["path"].startswith("/api/"):
            ctype = ""
            for k, v in scope.get("headers", ()):
                if k == b"content-type":
                    ctype = v.decode("latin-1").split(";")[0].strip().lower()
            if ctype != "application/json":
                return await _send_json(send, 415, "send JSON (Content-Type: application/json)")
        return await self.app(scope, receive, send)


class SecurityHeaders:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for k, v in ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                             (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")):
                    if k not in names:
                        headers.append((k, v))
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, send_with_headers)


async def _send_json(send, status: int, message: str) -> None:
    import json
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# -- request parsing ------------------------------------------------------------------------

def _bad(message: str) -> HTTPException:
    return HTTPException(422, message)


def _date(value: str | None, name: str) -> Date | None:
    if value is None or value == "":
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{name} expects a date YYYY-MM-DD, got {value!r}") from None


def _range(since: str | None, until: str | None) -> tuple[Date | None, Date | None]:
    s, u = _date(since, "since"), _date(until, "until")
    if s and u and s > u:
        raise _bad(f"since ({s}) is after until ({u})")
    return s, u


def _code_param(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 64:
        raise _bad(f"{name} is too long (64 characters at most)")
    return value.strip().upper()


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="the text to code")
    date: str | None = Field(None, description="publication date YYYY-MM-DD (relative dates resolve against it)")
    title: str | None = Field(None, max_length=500)
    store: bool = Field(False, description="also store the document and its events (needs the token if one is set)")
    explain: bool = Field(False, description="add each event's pattern and modality cue")


# -- the application -------------------------------------------------------------------------

class _State:
    def __init__(self, db_path: Path, token: str | None, loader: Callable[[], Any]) -> None:
        self.db_path, self.token, self.loader = db_path, token, loader
        self.db_lock = threading.RLock()
        self.pipe_lock = threading.Lock()
        self.pipeline = None

    def pipe(self):
        if self.pipeline is None:
            with self.pipe_lock:
                if self.pipeline is None:
                    try:
                        self.pipeline = self.loader()
                    except Exception as exc:   # noqa: BLE001 - reported to the client in one line
                        raise HTTPException(503, f"the coding pipeline could not be loaded: {exc}") from None
        return self.pipeline

    @contextmanager
    def read(self):
        """A read-only connection to the store, closed afterwards."""
        with self.db_lock:
            if not self.db_path.is_file():
                raise HTTPException(503, "the event store file is missing")
            try:
                con = duckdb.connect(str(self.db_path), read_only=True)
            except duckdb.Error as exc:
                msg = " ".join(str(exc).split())
                if "lock" in msg.lower():
                    raise HTTPException(503, "the event store is in use by another process; try again") from None
                raise HTTPException(503, f"cannot open the event store: {msg}") from None
            try:
                yield con
            finally:
                con.close()


def _json_safe(v: Any) -> Any:
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    if hasattr(v, "isoformat"):
        try:
            return v.date().isoformat() if hasattr(v, "date") and callable(v.date) else v.isoformat()
        except (TypeError, ValueError):
            return None
    if hasattr(v, "item"):           # numpy scalars
        return _json_safe(v.item())
    return v


def create_app(db_path: str | Path, token: str | None = None, cors_origins: Iterable[str] = (),
               pipeline_loader: Callable[[], Any] | None = None, max_body: int = MAX_BODY,
               allowed_hosts: Iterable[str] | None = None, init_store: bool = True) -> FastAPI:
    """The geopol web application over the store at ``db_path``.

    ``token``: when set, storing requires ``Authorization: Bearer <token>`` or ``X-Geopol-Token``.
    ``pipeline_loader``: builds the coding pipeline on the first ``POST /api/code`` (default
    ``Pipeline.load``). ``allowed_hosts``: Host header names accepted (None: any).
    ``init_store``: create the store file (or bring its schema up to date) now.
    """
    db = Path(db_path)
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    if init_store:
        from geopol.store import Store
        Store(db).close()
    if pipeline_loader is None:
        def pipeline_loader():
            from geopol.pipeline import Pipeline
            return Pipeline.load()
    state = _State(db, token, pipeline_loader)

    app = FastAPI(title="geopol", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Code news text into CAMEO/PLOVER events and browse a geopol event store.")
    app.state.geopol = state

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path")]
            where = ".".join(loc) or "request"
            got = err.get("input")
            got_s = f" (got {got!r})" if isinstance(got, (str, int, float)) and len(repr(got)) < 80 else ""
            parts.append(f"{where}: {err.get('msg', 'invalid')}{got_s}")
        return JSONResponse({"detail": "; ".join(parts) or "invalid request"}, status_code=422)

    def require_token(request: Request) -> None:
        if state.token is None:
            return
        given = request.headers.get("x-geopol-token")
        auth = request.headers.get("authorization", "")
        if given is None and auth[:7].lower() == "bearer ":
            given = auth[7:].strip()
        if not given or not hmac.compare_digest(given.encode(), state.token.encode()):
            raise HTTPException(401, "a valid token is required (Authorization: Bearer <token>)",
                                headers={"WWW-Authenticate": "Bearer"})

    # -- pages --------------------------------------------------------------------------
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index():
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs():
        return FileResponse(str(STATIC.joinpath("docs.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    # -- API ----------------------------------------------------------------------------
    @app.get("/api/info", tags=["store"], summary="What this server serves")
    def info():
        with state.read() as con:
            c = queries.counts(con)
        return {"version": _version(), "store": db.name, "counts": c, "token_required": state.token is not None,
                "pipeline_loaded": state.pipeline is not None, "plover_types": list(PLOVER_TYPES),
                "modalities": list(MODALITIES), "max_body": max_body}

    @app.get("/api/events", tags=["store"], summary="Stored events, filtered and paged")
    def list_events(
        actor: str | None = Query(None, description="actor code prefix (source or target), e.g. RUS or USAGOV"),
        dyad: str | None = Query(None, description="two actor code prefixes A,B (either direction)"),
        type: str | None = Query(None, description="PLOVER event type, e.g. AGREE"),
        root: str | None = Query(None, description="CAMEO root code 01..20"),
        modality: str | None = Query(None, description="comma-separated modalities, e.g. asserted,future"),
        since: str | None = Query(None, description="first event date YYYY-MM-DD"),
        until: str | None = Query(None, description="last event date YYYY-MM-DD"),
        q: str | None = Query(None, max_length=200, description="text searched in the sentence (case-insensitive)"),
        doc_id: str | None = Query(None, max_length=500, description="only this document's events"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=10_000_000),
    ):
        s, u = _range(since, until)
        f = queries.EventQuery(
            actor=_code_param(actor, "actor"), dyad=_dyad(dyad), plover_type=_plover(type), cameo_root=_root(root),
            modality=_modalities(modality), since=s, until=u,
            q=q if q else None, doc_id=doc_id, limit=limit, offset=offset)
        with state.read() as con:
            total, rows = queries.events(con, f)
        return {"total": total, "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/dyads", tags=["analysis"], summary="Directed dyad counts per period")
    def dyads(by: Literal["month", "week", "day"] = Query("month"),
              level: Literal["country", "code"] = Query("country"),
              all_modalities: bool = Query(False, description="count every modality, not only asserted events")):
        from geopol.store import Store, StoreError
        with state.db_lock:
            try:
                store = Store(db, read_only=True)
            except StoreError as exc:
                raise HTTPException(503, str(exc)) from None
            try:
                rows = store.dyads(by=by, level=level, asserted_only=not all_modalities).to_pylist()
            except StoreError as exc:
                raise _bad(str(exc)) from None
            finally:
                store.close()
        return {"by": by, "level": level, "dyads": [{k: _json_safe(v) for k, v in r.items()} for r in rows]}

    @app.get("/api/network", tags=["analysis"], summary="Signed, weighted actor network")
    def network(since: str | None = Query(None), until: str | None = Query(None),
                level: Literal["country", "code"] = Query("country"),
                min_events: int = Query(1, ge=1, le=1_000_000),
                all_modalities: bool = Query(False)):
        s, u = _range(since, until)
        from geopol.analysis import network as _net
        with state.db_lock:
            G = _net.network(db, since=s, until=u, level=level, all_modalities=all_modalities,
                             min_events=min_events)
        edges = []
        for a, b, d in G.edges(data=True):
            a, b = sorted((str(a), str(b)))
            edges.append({"source": a, "target": b, **{k: _json_safe(v) for k, v in d.items()}})
        edges.sort(key=lambda e: (e["source"], e["target"]))
        return {"level": level, "nodes": queries.nodes_of(edges), "edges": edges}

    @app.get("/api/timeline", tags=["analysis"], summary="One actor's (or one dyad's) events per period")
    def timeline(actor: str = Query(..., min_length=1, max_length=64, description="actor (country code)"),
                 other: str | None = Query(None, max_length=64, description="the other actor of a dyad"),
                 by: Literal["day", "week", "month", "year"] = Query("month"),
                 since: str | None = Query(None), until: str | None = Query(None),
                 all_modalities: bool = Query(False)):
        s, u = _range(since, until)
        a = actor.strip().upper()
        b = other.strip().upper() if other and other.strip() else None
        from geopol.analysis import timeline as _tl
        with state.db_lock:
            df = _tl.timeline(db, a, b, by=by, since=s, until=u, all_modalities=all_modalities)
        periods = [{k: _json_safe(v) for k, v in r.items() if k not in ("actor", "partner")}
                   for r in df.to_dict("records")]
        return {"actor": a, "other": b, "by": by, "periods": periods}

    @app.get("/api/documents/{doc_id:path}", tags=["store"], summary="One stored document with evidence spans")
    def get_document(doc_id: str):
        if len(doc_id) > 500:
            raise HTTPException(404, "no such document")
        with state.read() as con:
            doc = queries.document(con, doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return {k: _json_safe(v) if not isinstance(v, (list, dict)) else v for k, v in doc.items()}

    @app.post("/api/code", tags=["coding"], summary="Code text into events (optionally store them)")
    def code(body: CodeRequest, request: Request):
        if body.store:
            require_token(request)
        when = _date(body.date, "date")
        pipe = state.pipe()
        from geopol.ingest.readers import content_hash
        from geopol.records import Document
        chash = content_hash(body.text)
        doc = Document(id=f"web-{chash[:16]}", text=body.text, date=when, title=body.title or None,
                       origin="web", content_hash=chash)
        with state.pipe_lock:
            result = next(iter(pipe.code_documents([doc], when)))
        stored = None
        if body.store:
            from geopol.store import Store, StoreError
            with state.db_lock:
                try:
                    with Store(db) as store:
                        stats = store.write_results([result])
                except StoreError as exc:
                    raise HTTPException(503, str(exc)) from None
            stored = dict(vars(stats))
        evs = []
        for e in result.events:
            d = e.to_dict(explain=body.explain)
            d["spans"] = event_spans(e)
            evs.append(d)
        return {"doc_id": doc.id, "date": result.date.isoformat() if result.date else None,
                "date_source": result.date_source,
                "sentences": [{"index": s.index, "text": s.text, "start": s.start_char} for s in result.sentences],
                "events": evs, "warnings": [w.message for w in result.warnings], "stored": stored}

    app.add_middleware(JsonOnly)
    # outermost last: host check, then size limit, then security headers
    app.add_middleware(SecurityHeaders)
    cors = [o for o in cors_origins if o]
    if cors:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=cors, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "X-Geopol-Token", "Content-Type"])
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    return app


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None or not value.strip():
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise _bad(f"dyad expects two actor codes A,B, got {value!r}")
    a, b = (_code_param(p, "dyad") for p in parts)
    return a, b


def _plover(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    v = value.strip().upper()
    if v not in PLOVER_TYPES:
        raise _bad(f"type must be a PLOVER event type ({', '.join(PLOVER_TYPES)}), got {value!r}")
    return v


def _root(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    v = value.strip()
    if not v.isdigit() or len(v) > 2 or not 1 <= int(v) <= 20:
        raise _bad(f"root expects a CAMEO root code 01..20, got {value!r}")
    return v.zfill(2)


def _modalities(value: str | None) -> tuple[str, ...]:
    if value is None or not value.strip():
        return ()
    out = tuple(m.strip().lower() for m in value.split(",") if m.strip())
    bad = [m for m in out if m not in MODALITIES]
    if bad:
        raise _bad(f"modality must be among {', '.join(MODALITIES)}, got {bad[0]!r}")
    return out


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("geopol")
    except Exception:   # noqa: BLE001
        return "0"
