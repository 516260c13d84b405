"""`geopol serve` refuses unsafe setups before it starts anything."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from geopol.cli import app
from geopol.web.app import is_loopback


@pytest.mark.parametrize("host, loop", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False), ("", False),
])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def _run(args, env=None):
    runner = CliRunner()
    return runner.invoke(app, ["serve", *args], env={"GEOPOL_TOKEN": None, **(env or {})})


def _text(result) -> str:
    return result.output     # stdout and stderr together (click's default)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_refuses_public_host_without_token(tmp_path, host):
    r = _run(["--db", str(tmp_path / "x.duckdb"), "--host", host])
    assert r.exit_code != 0
    msg = _text(r)
    assert "refusing to listen on" in msg and "GEOPOL_TOKEN" in msg
    assert len([ln for ln in msg.splitlines() if ln.strip()]) == 1
    assert not (tmp_path / "x.duckdb").exists()


def test_refuses_empty_token(tmp_path):
    r = _run(["--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"], env={"GEOPOL_TOKEN": "  "})
    assert r.exit_code != 0 and "empty" in _text(r)


def test_bad_port(tmp_path):
    r = _run(["--db", str(tmp_path / "x.duckdb"), "--port", "70000"])
    assert r.exit_code != 0 and "--port" in _text(r)


def test_not_a_store(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("hello, not a database")
    r = _run(["--db", str(bad)])
    assert r.exit_code != 0 and "notes.duckdb" in _text(r)


def test_help_mentions_token_env():
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "GEOPOL_TOKEN" in r.output
