"""`geopol serve`'s JSON API, driven through TestClient over a store coded from our test articles."""
from __future__ import annotations

import duckdb
import pytest

from geopol.records import MODALITIES


def _all(client, **params):
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()


def _n_events(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()


# -- info / events ----------------------------------------------------------------------------

def test_info(client, web_store):
    r = client.get("/api/info")
    assert r.status_code == 200
    d = r.json()
    assert d["counts"]["documents"] == 2
    assert d["counts"]["events"] == _n_events(web_store)
    assert d["token_required"] is False
    assert "AGREE" in d["plover_types"] and "asserted" in d["modalities"]


def test_events_default_page_and_evidence_spans(client, web_store):
    d = client.get("/api/events").json()
    assert d["limit"] == 100 and d["offset"] == 0
    assert d["total"] == _n_events(web_store) == len(d["events"])
    for ev in d["events"]:
        s, sp = ev["sentence"], ev["spans"]
        assert sp["trigger"] and s[sp["trigger"][0]:sp["trigger"][1]] == ev["trigger"]
        for role in ("source", "target"):
            if ev[role] and sp[role]:
                assert s[sp[role][0]:sp[role][1]].lower() == ev[role]["text"].lower()
        assert ev["source"] is None or sp["source"] is not None, ev
        assert "explain" not in ev and "trigger_span" not in ev


def test_events_known_event(client):
    evs = _all(client, dyad="DEU,POL")["events"]
    assert {(e["source"]["code"], e["plover"]["type"], e["target"]["code"]) for e in evs} >= {
        ("DEUGOV", "CONSULT", "POLGOV"), ("POLGOV", "CONSULT", "DEUGOV")}


@pytest.mark.parametrize("params, check", [
    ({"actor": "deu"}, lambda e: "DEU" in (e["source"]["code"][:3], (e["target"] or {}).get("code", "")[:3])),
    ({"dyad": "TUR,GRC"}, lambda e: {e["source"]["country"], e["target"]["country"]} == {"TUR", "GRC"}),
    ({"type": "assault"}, lambda e: e["plover"]["type"] == "ASSAULT"),
    ({"root": "19"}, lambda e: e["cameo_root"] == "19"),
    ({"root": "5"}, lambda e: e["cameo_root"] == "05"),
    ({"modality": "negated,hypothetical"}, lambda e: e["modality"] in ("negated", "hypothetical")),
    ({"since": "2025-03-01"}, lambda e: e["date"] >= "2025-03-01"),
    ({"until": "2025-02-28"}, lambda e: e["date"] <= "2025-02-28"),
    ({"q": "SANCTIONS"}, lambda e: "sanctions" in e["sentence"].lower()),
    ({"doc_id": "february"}, lambda e: e["doc_id"] == "february"),
])
def test_events_filters(client, params, check):
    d = _all(client, **params)
    assert d["total"] == len(d["events"]) > 0, params
    assert all(check(e) for e in d["events"]), params
    assert d["total"] < _all(client)["total"]


def test_events_q_is_literal_not_a_pattern(client):
    assert _all(client, q="%")["total"] == 0
    assert _all(client, q="_")["total"] == 0
    assert _all(client, q="Warsaw")["total"] > 0


def test_events_paging(client):
    full = _all(client)["events"]
    page = client.get("/api/events", params={"limit": 3, "offset": 2}).json()
    assert [e["event_id"] for e in page["events"]] == [e["event_id"] for e in full[2:5]]
    assert page["total"] == len(full)
    beyond = client.get("/api/events", params={"offset": 5000}).json()
    assert beyond["events"] == [] and beyond["total"] == len(full)


@pytest.mark.parametrize("params, word", [
    ({"limit": "-1"}, "limit"), ({"limit": "0"}, "limit"), ({"limit": "1001"}, "limit"),
    ({"limit": "abc"}, "limit"), ({"limit": "1.5"}, "limit"), ({"offset": "-1"}, "offset"),
    ({"offset": "x"}, "offset"), ({"since": "notadate"}, "since"), ({"until": "2025-13-01"}, "until"),
    ({"since": "2025-03-01", "until": "2025-01-01"}, "after"), ({"type": "BOGUS"}, "PLOVER"),
    ({"root": "99"}, "root"), ({"root": "ab"}, "root"), ({"modality": "maybe"}, "modality"),
    ({"dyad": "RUS"}, "dyad"), ({"dyad": "A,B,C"}, "dyad"), ({"dyad": ",PRK"}, "dyad"),
    ({"actor": "X" * 65}, "actor"), ({"q": "x" * 201}, "q"),
])
def test_events_bad_parameters(client, params, word):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.text)
    detail = r.json()["detail"]
    assert isinstance(detail, str) and word in detail


# -- dyads / network / timeline ------------------------------------------------------------------

@pytest.mark.parametrize("by", ["month", "week", "day"])
def test_dyads(client, by):
    r = client.get("/api/dyads", params={"by": by})
    assert r.status_code == 200
    rows = r.json()["dyads"]
    pairs = {(x["source"], x["target"]) for x in rows}
    assert ("TUR", "GRC") in pairs and ("DEU", "POL") in pairs
    assert all(x["n_events"] >= 1 and isinstance(x["period"], str) for x in rows)


@pytest.mark.parametrize("params", [{"by": "year"}, {"by": "decade"}, {"level": "planet"},
                                    {"all_modalities": "perhaps"}])
def test_dyads_bad_parameters(client, params):
    r = client.get("/api/dyads", params=params)
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)


def test_network(client):
    d = client.get("/api/network").json()
    ids = {n["id"] for n in d["nodes"]}
    assert {"TUR", "GRC", "ISR", "LBN", "DEU", "POL"} <= ids
    edges = {(e["source"], e["target"]): e for e in d["edges"]}
    for e in d["edges"]:
        assert e["source"] in ids and e["target"] in ids
        assert e["sign"] in (-1, 0, 1) and e["weight"] > 0
    assert edges[("GRC", "TUR")]["sign"] == 1
    assert edges[("FRA", "IRN")]["sign"] == -1 and edges[("FRA", "IRN")]["conflict"] >= 1
    only_march = client.get("/api/network", params={"since": "2025-03-01"}).json()
    assert "JPN" not in {n["id"] for n in only_march["nodes"]}


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"level": "x"}, {"min_events": "0"},
                                    {"min_events": "many"}])
def test_network_bad_parameters(client, params):
    assert client.get("/api/network", params=params).status_code == 422


def test_timeline(client):
    d = client.get("/api/timeline", params={"actor": "rus", "by": "month"}).json()
    assert d["actor"] == "RUS" and d["other"] is None
    periods = [p["period"] for p in d["periods"]]
    assert periods == ["2025-02", "2025-03"]
    assert all(p["n_events"] >= 1 for p in d["periods"])
    dy = client.get("/api/timeline", params={"actor": "TUR", "other": "GRC", "by": "day"}).json()
    assert dy["other"] == "GRC" and sum(p["n_events"] for p in dy["periods"]) >= 1
    assert dy["periods"][0]["coop"] >= 1


@pytest.mark.parametrize("params", [{}, {"actor": ""}, {"actor": "RUS", "by": "decade"},
                                    {"actor": "RUS", "until": "nope"}])
def test_timeline_bad_parameters(client, params):
    r = client.get("/api/timeline", params=params)
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)


# -- documents ------------------------------------------------------------------------------------

def test_document_with_spans(client, articles):
    r = client.get("/api/documents/march")
    assert r.status_code == 200
    d = r.json()
    assert d["title"] == "Test article (march)" and d["doc_date"] == "2025-03-04"
    text = d["text"]
    for s in d["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["text"] in articles["march"][0]
    assert d["events"]
    for ev in d["events"]:
        ds = ev["doc_spans"]
        assert text[ds["trigger"][0]:ds["trigger"][1]] == ev["trigger"]
        if ev["source"] and ds["source"]:
            assert text[ds["source"][0]:ds["source"][1]].lower() == ev["source"]["text"].lower()
    ids = {e["event_id"] for e in d["events"]}
    assert ids == {i for s in d["sentences"] for i in s["events"]}


@pytest.mark.parametrize("path", [
    "/api/documents/../../etc/passwd", "/api/documents/..%2F..%2Fetc%2Fpasswd",
    "/api/documents/%2e%2e/%2e%2e/etc/passwd", "/api/documents/%2Fetc%2Fpasswd", "/api/documents//etc/passwd",
    "/api/documents/..\\..\\windows\\win.ini", "/api/documents/nope", "/api/documents/" + "a" * 600,
])
def test_document_missing_or_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text


# -- coding ------------------------------------------------------------------------------------------

def test_code_without_store(write_client, store_copy, articles):
    before = _n_events(store_copy)
    text, when = articles["march"]
    r = write_client.post("/api/code", json={"text": text, "date": when.isoformat()})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["stored"] is None and d["date"] == "2025-03-04"
    assert len(d["sentences"]) == 6
    rows = {(e["source"]["code"], e["plover"]["type"], (e["target"] or {}).get("code")) for e in d["events"]}
    assert ("TUR", "AGREE", "GRC") in rows and ("ISRMIL", "ASSAULT", "LBN") in rows
    for e in d["events"]:
        s, sp = e["sentence"], e["spans"]
        assert s[sp["trigger"][0]:sp["trigger"][1]] == e["trigger"]
        assert s[sp["source"][0]:sp["source"][1]] == e["source"]["text"]
        if e["target"]:
            assert s[sp["target"][0]:sp["target"][1]] == e["target"]["text"]
    assert _n_events(store_copy) == before


def test_code_and_store_without_token_configured(write_client, store_copy):
    text = "Canada and Mexico signed a trade agreement in Ottawa on Friday."
    r = write_client.post("/api/code", json={"text": text, "date": "2025-04-04", "store": True})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["stored"]["events"] == len(d["events"]) > 0
    stored = write_client.get(f"/api/documents/{d['doc_id']}")
    assert stored.status_code == 200 and len(stored.json()["events"]) == len(d["events"])
    again = write_client.post("/api/code", json={"text": text, "date": "2025-04-04", "store": True}).json()
    assert again["stored"]["skipped"] == 1 and again["stored"]["events"] == 0


@pytest.mark.parametrize("body", [
    {"text": ""}, {"text": "Hello.", "date": "not-a-date"}, {"text": "Hello.", "evil": 1}, {"date": "2025-01-01"},
    {"text": 5}, {"text": "Hello.", "store": "sometimes"}, [], "just a string",
])
def test_code_bad_bodies(write_client, body):
    r = write_client.post("/api/code", json=body)
    assert r.status_code == 422, r.text
    assert isinstance(r.json()["detail"], str)


def test_code_malformed_json(write_client):
    r = write_client.post("/api/code", content=b'{"text": "unterminated', headers={"Content-Type": "application/json"})
    assert r.status_code == 422


def test_code_needs_json_content_type(write_client):
    r = write_client.post("/api/code", content=b'{"text": "Hello."}', headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = write_client.post("/api/code", data={"text": "Hello."})
    assert r.status_code == 415


def test_body_too_large_declared(write_client):
    r = write_client.post("/api/code", content=b"x" * 1_000_001, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_body_too_large_streamed(write_client):
    def chunks():   # no Content-Length: chunked transfer, stopped once past the limit
        for _ in range(40):
            yield b" " * 50_000
    r = write_client.post("/api/code", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_body_limit_is_configurable(client_for, store_copy):
    c = client_for(store_copy, max_body=100)
    r = c.post("/api/code", json={"text": "Russia attacked Ukraine. " * 10})
    assert r.status_code == 413


# -- tokens --------------------------------------------------------------------------------------------

STORE_BODY = {"text": "Brazil and Argentina signed a defence agreement in Brasilia.", "date": "2025-05-05",
              "store": True}


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdA=="}, {"X-Geopol-Token": "nope"},
    {"Authorization": "Bearer "}, {"X-Geopol-Token": ""},
])
def test_store_needs_token(token_client, store_copy, headers):
    before = _n_events(store_copy)
    r = token_client.post("/api/code", json=STORE_BODY, headers=headers)
    assert r.status_code == 401
    assert r.headers.get("www-authenticate") == "Bearer"
    assert "token" in r.json()["detail"]
    assert _n_events(store_copy) == before


@pytest.mark.parametrize("style", ["bearer", "header"])
def test_store_with_token(token_client, store_copy, token, style):
    before = _n_events(store_copy)
    headers = {"Authorization": f"Bearer {token}"} if style == "bearer" else {"X-Geopol-Token": token}
    r = token_client.post("/api/code", json=STORE_BODY, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["stored"]["events"] > 0
    assert _n_events(store_copy) == before + r.json()["stored"]["events"]


def test_coding_without_storing_needs_no_token(token_client):
    r = token_client.post("/api/code", json={"text": STORE_BODY["text"]})
    assert r.status_code == 200 and r.json()["stored"] is None
    assert token_client.get("/api/info").json()["token_required"] is True


def test_empty_token_is_refused(store_copy, geopol_pipeline):
    from geopol.web.app import create_app
    with pytest.raises(ValueError):
        create_app(store_copy, token="  ")


# -- SQL injection ------------------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1", "RUS' OR 1=1 --", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%' OR '%'='",
    "1) OR (1=1", "RUS'); DELETE FROM events; --", "' UNION SELECT * FROM documents --", "\\'; --", "*",
]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("name", ["actor", "dyad_a", "dyad_b", "q", "doc_id", "type", "root", "modality",
                                  "since", "until"])
def test_sql_injection_in_filters(client, web_store, name, payload):
    total = _n_events(web_store)
    if name == "dyad_a":
        params = {"dyad": f"{payload},RUS"}
    elif name == "dyad_b":
        params = {"dyad": f"RUS,{payload}"}
    else:
        params = {name: payload}
    r = client.get("/api/events", params=params)
    if name in ("actor", "dyad_a", "dyad_b", "q", "doc_id") and "," not in payload:
        assert r.status_code == 200, r.text
        assert r.json()["total"] == 0 and r.json()["events"] == []
    else:
        # a filter with a fixed vocabulary rejects what is not in it; never a server error
        assert r.status_code in (200, 422), r.text
        if r.status_code == 200:
            assert r.json()["total"] == 0
    assert _n_events(web_store) == total


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_elsewhere(client, web_store, payload):
    total = _n_events(web_store)
    r = client.get("/api/timeline", params={"actor": payload[:64], "other": payload[:64]})
    assert r.status_code == 200 and all(p["n_events"] == 0 for p in r.json()["periods"])
    r = client.get("/api/timeline", params={"actor": payload[:64]})
    assert r.status_code == 200 and r.json()["periods"] == []
    from urllib.parse import quote
    assert client.get("/api/documents/" + quote(payload, safe="")).status_code == 404
    assert client.get("/api/network", params={"since": payload}).status_code == 422
    assert client.get("/api/dyads", params={"by": payload}).status_code == 422
    assert _n_events(web_store) == total


# -- pages, headers, CORS, hosts, lazy pipeline ------------------------------------------------------

def test_index_page(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/static/app.js" in r.text and "code-form" in r.text
    assert "http://" not in r.text and "https://" not in r.text      # nothing from a CDN
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for asset in ("app.js", "style.css", "docs.js", "docs.css"):
        a = client.get(f"/static/{asset}")
        assert a.status_code == 200 and "https://" not in a.text


def test_offline_docs(client):
    r = client.get("/docs")
    assert r.status_code == 200 and "/static/docs.js" in r.text and "cdn" not in r.text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyads", "/api/network", "/api/timeline", "/api/documents/{doc_id}",
            "/api/code"} <= set(spec["paths"])


@pytest.mark.parametrize("path", ["/static/../conftest.py", "/static/%2e%2e/app.py", "/static/..%2Fapp.py",
                                  "/static/%2e%2e%2f%2e%2e%2fpyproject.toml"])
def test_static_traversal(client, path):
    assert client.get(path).status_code == 404


def test_cors_off_by_default(client):
    r = client.get("/api/info", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/code", headers={"Origin": "https://evil.example",
                                               "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_asked(client_for, store_copy):
    c = client_for(store_copy, cors_origins=("https://notebook.example",))
    ok = c.get("/api/info", headers={"Origin": "https://notebook.example"})
    assert ok.headers["access-control-allow-origin"] == "https://notebook.example"
    other = c.get("/api/info", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_host_check(client_for, store_copy):
    c = client_for(store_copy, allowed_hosts=["localhost", "127.0.0.1", "::1"])
    assert c.get("/api/info", headers={"Host": "evil.example"}).status_code == 400
    assert c.get("/api/info", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert c.get("/api/info", headers={"Host": "[::1]:8000"}).status_code == 200
    assert c.get("/api/info", headers={"Host": "localhost"}).status_code == 200


def test_pipeline_loads_lazily_once(store_copy, geopol_pipeline):
    from fastapi.testclient import TestClient

    from geopol.web.app import create_app
    calls = []

    def loader():
        calls.append(1)
        return geopol_pipeline

    with TestClient(create_app(store_copy, pipeline_loader=loader)) as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/info").json()["pipeline_loaded"] is False
        assert calls == []
        for _ in range(2):
            assert c.post("/api/code", json={"text": "Russia attacked Ukraine."}).status_code == 200
        assert calls == [1]
        assert c.get("/api/info").json()["pipeline_loaded"] is True


def test_pipeline_load_failure_is_a_503(store_copy):
    from fastapi.testclient import TestClient

    from geopol.web.app import create_app

    def broken():
        raise OSError("model not installed")

    with TestClient(create_app(store_copy, pipeline_loader=broken)) as c:
        r = c.post("/api/code", json={"text": "Russia attacked Ukraine."})
        assert r.status_code == 503 and "model not installed" in r.json()["detail"]


def test_new_store_is_created_empty(tmp_path, client_for):
    db = tmp_path / "new.duckdb"
    c = client_for(db)
    assert db.is_file()
    d = c.get("/api/events").json()
    assert d["total"] == 0 and d["events"] == []
    assert c.get("/api/network").json() == {"level": "country", "nodes": [], "edges": []}
    assert c.get("/api/timeline", params={"actor": "RUS"}).json()["periods"] == []
    assert c.get("/api/dyads").json()["dyads"] == []


def test_modalities_listed_match_records():
    from geopol.web.app import _modalities
    assert _modalities(",".join(MODALITIES)) == MODALITIES
