"""The founding article (Putin in Pyongyang, June 2024), coded, stored and analysed.

Skipped when /work/shared (or $GEOPOL_SHARED) is absent.
"""
from __future__ import annotations

from datetime import date

import pytest

from .conftest import shared_dir

ARTICLE = shared_dir() / "corpus" / "putin-pyongyang-analysis.txt"


@pytest.fixture(scope="module")
def article_db(tmp_path_factory, geopol_pipeline):
    if not ARTICLE.is_file():
        pytest.skip(f"founding article not found at {ARTICLE}")
    from geopol.ingest.readers import content_hash
    from geopol.records import Document
    from geopol.store import Store
    text = ARTICLE.read_text(encoding="utf-8")
    doc = Document(id="putin-pyongyang-analysis", text=text, date=date(2024, 6, 24), content_hash=content_hash(text))
    results = list(geopol_pipeline.code_documents([doc], date(2024, 6, 24)))
    path = tmp_path_factory.mktemp("founding") / "article.duckdb"
    store = Store(path)
    try:
        store.write_results(results)
    finally:
        store.close()
    import geopol.api as gp
    return gp.open(path)


def dyad(db, a, b):
    d = db.dyads(directed=False)
    a, b = sorted((a, b))
    sel = d[(d["a"] == a) & (d["b"] == b)]
    return sel.iloc[0] if len(sel) else None


def test_rus_prk_strongly_cooperative(article_db):
    r = dyad(article_db, "RUS", "PRK")
    assert r is not None, "no asserted RUS-PRK events"
    assert r.coop >= 3 and r.balance >= 0.6, r


def test_chn_kor_cooperative(article_db):
    r = dyad(article_db, "CHN", "KOR")
    assert r is not None, "no asserted CHN-KOR events"
    assert r.coop >= 1 and r.balance > 0, r


def test_rus_prk_mutual_defence(article_db):
    md = article_db.commitments(kind="mutual_defence")
    assert [(r.a, r.b) for r in md.itertuples()] == [("PRK", "RUS")], md
    # the treaty was signed on June 19; the coder may date the signing sentence by the publication date
    assert date(2024, 6, 19) <= md.iloc[0]["start_date"] <= date(2024, 6, 24)
    assert "helping each other in the event of an attack" in " ".join(md.iloc[0]["sentences"])


def test_rus_usa_conflictual(article_db):
    r = dyad(article_db, "RUS", "USA")
    assert r is not None and r.conflict >= 1 and r.balance < 0, r


def test_usa_ukr_cooperative(article_db):
    r = dyad(article_db, "USA", "UKR")
    assert r is not None and r.coop >= 1 and r.balance > 0, r


def test_article_report(article_db, tmp_path):
    index = article_db.report(tmp_path / "report")
    html = index.read_text()
    assert "RUS – PRK" in html or "PRK – RUS" in html
