"""Fixtures for the web tests: a store built by coding two short articles written for
these tests with the real pipeline, and TestClients over it."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (needed by fastapi.testclient) is not installed")

ARTICLE_MARCH = """BRUSSELS, March 4, 2025 — The European Union imposed new sanctions on Iran on Monday over its drone deliveries to Russia, and France summoned the Iranian ambassador in Paris.

German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw and pledged military aid to Ukraine. Turkey and Greece signed an agreement on trade and energy after two days of talks in Ankara.

Israeli forces attacked targets in Lebanon overnight, killing two people, Lebanese officials said. Iran denied sending weapons to Russia. China did not criticise the sanctions, and Beijing urged both sides to resume dialogue.
"""

ARTICLE_FEBRUARY = """GENEVA, February 12, 2025 — Russia and Ukraine exchanged prisoners of war on Tuesday after talks mediated by the United Arab Emirates.

The United States accused Russia of violating the ceasefire in the Black Sea, and Moscow rejected the accusation. Japan pledged humanitarian aid to Ukraine.

India and Pakistan agreed to reopen a border crossing. Analysts said an attack on Taiwan by China was unlikely this year.
"""

TOKEN = "test-token-7f3a9c"


@pytest.fixture(scope="session")
def articles() -> dict[str, tuple[str, date]]:
    return {"march": (ARTICLE_MARCH, date(2025, 3, 4)), "february": (ARTICLE_FEBRUARY, date(2025, 2, 12))}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, geopol_pipeline, articles) -> Path:
    """A store holding the two articles (doc ids 'march' and 'february')."""
    from geopol.ingest.readers import content_hash
    from geopol.records import Document
    from geopol.store import Store

    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    results = []
    for doc_id, (text, when) in articles.items():
        doc = Document(id=doc_id, text=text, date=when, title=f"Test article ({doc_id})", source="geopol tests",
                       content_hash=content_hash(text))
        results.extend(geopol_pipeline.code_documents([doc], when))
    with Store(path) as store:
        stats = store.write_results(results)
    assert stats.events > 10
    return path


@pytest.fixture
def store_copy(web_store, tmp_path) -> Path:
    """A private copy of the store, for tests that write."""
    dst = tmp_path / "copy.duckdb"
    shutil.copy(web_store, dst)
    return dst


def make_client(db, pipeline, **kw):
    from fastapi.testclient import TestClient

    from geopol.web.app import create_app
    return TestClient(create_app(db, pipeline_loader=lambda: pipeline, **kw))


@pytest.fixture(scope="session")
def client(web_store, geopol_pipeline):
    """A client over the shared store, no token (read tests only: do not store through it)."""
    with make_client(web_store, geopol_pipeline) as c:
        yield c


@pytest.fixture
def write_client(store_copy, geopol_pipeline):
    with make_client(store_copy, geopol_pipeline) as c:
        yield c


@pytest.fixture
def token_client(store_copy, geopol_pipeline):
    with make_client(store_copy, geopol_pipeline, token=TOKEN) as c:
        yield c


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture
def client_for(geopol_pipeline):
    """``client_for(db, **create_app_kwargs)``: a TestClient over an app built for one test."""
    made = []

    def factory(db, **kw):
        c = make_client(db, geopol_pipeline, **kw)
        made.append(c)
        return c

    yield factory
    for c in made:
        c.close()
