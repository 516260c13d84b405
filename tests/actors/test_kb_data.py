"""Integrity and fact checks for geopol's actor knowledge-base TSV files."""

import csv
import datetime
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parents[2] / "src/geopol/actors/data"

HEADERS = {
    "countries.tsv": ["code", "iso3", "name", "aliases", "adjectives", "capitals", "seats"],
    "organisations.tsv": ["code", "country", "sector", "name", "aliases", "parent"],
    "groups.tsv": ["code", "country", "sector", "name", "aliases", "parent"],
    "sectors.tsv": ["sector", "phrase", "note"],
    "sector_types.tsv": ["sector", "name", "description"],
    "people.tsv": ["name", "aliases", "country", "sector", "role", "start", "end", "after"],
}

CODE_RE = re.compile(r"^[A-Z]{3,9}$")


def _raw(name):
    """Header and rows of a TSV file, skipping '#' comment lines."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def load(name):
    header, rows = _raw(name)
    return [dict(zip(header, r)) for r in rows]


def multi(cell):
    return [x for x in cell.split("|") if x] if cell else []


def date(s):
    return datetime.date.fromisoformat(s)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_column_counts(name):
    header, rows = _raw(name)
    assert header == HEADERS[name]
    for r in rows:
        assert len(r) == len(header), r
        for cell in r:
            assert cell == cell.strip(), r


# ---------------------------------------------------------------- countries

def test_countries():
    rows = load("countries.tsv")
    assert len(rows) >= 249
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert CODE_RE.match(r["code"]) and len(r["code"]) == 3, r
        assert re.match(r"^[A-Z]{3}$", r["iso3"]), r
        assert r["name"], r
    iso = {r["iso3"] for r in rows}
    for c in ["USA", "RUS", "CHN", "PRK", "KOR", "UKR", "PSE", "TLS", "XKX", "VAT", "TWN", "SSD", "ESH"]:
        assert c in iso, c


def _country(code):
    return next(r for r in load("countries.tsv") if r["code"] == code)


def test_country_facts():
    prk = _country("PRK")
    assert "DPRK" in multi(prk["aliases"])
    assert "North Korean" in multi(prk["adjectives"])
    assert "Pyongyang" in multi(prk["capitals"])
    ukr = _country("UKR")
    assert {"Kyiv", "Kiev"} <= set(multi(ukr["capitals"]))
    rus = _country("RUS")
    assert "the Kremlin" in multi(rus["seats"])
    assert "Moscow" in multi(rus["capitals"])
    usa = _country("USA")
    assert {"US", "U.S.", "USA", "America"} <= set(multi(usa["aliases"]))
    assert "White House" in multi(usa["seats"])
    assert "Pentagon" not in multi(usa["seats"])
    gbr = _country("GBR")
    assert {"UK", "Britain", "Great Britain"} <= set(multi(gbr["aliases"]))
    assert "Downing Street" in multi(gbr["seats"])
    assert "Emirati" in multi(_country("ARE")["adjectives"])
    assert "Burma" in multi(_country("MMR")["aliases"])
    assert "Swaziland" in multi(_country("SWZ")["aliases"])
    assert _country("KSV")["iso3"] == "XKX"
    assert _country("TMP")["iso3"] == "TLS"


def test_country_names_do_not_collide():
    seen = {}
    for r in load("countries.tsv"):
        for field in ("name", "aliases", "capitals", "seats"):
            for v in [r[field]] if field == "name" else multi(r[field]):
                assert seen.setdefault(v, r["code"]) == r["code"], (v, r["code"], seen[v])


# ------------------------------------------------------- organisations/groups

def _codes():
    return {r["code"] for r in load("organisations.tsv") + load("groups.tsv")}


def _sector_codes():
    return {r["sector"] for r in load("sector_types.tsv")}


def test_organisations():
    rows = load("organisations.tsv")
    countries = {r["code"] for r in load("countries.tsv")}
    sectors = _sector_codes()
    codes = _codes()
    intl = [r for r in rows if r["country"] in ("IGO", "NGO")]
    assert len(intl) >= 80
    assert len(rows) - len(intl) >= 60
    intl_codes = [r["code"] for r in intl]
    assert len(intl_codes) == len(set(intl_codes))
    for r in rows:
        assert CODE_RE.match(r["code"]), r
        assert r["name"], r
        assert r["sector"] == "" or r["sector"] in sectors, r
        assert r["parent"] == "" or r["parent"] in codes, r
        if r["country"] in ("IGO", "NGO"):
            assert r["code"].startswith(r["country"]), r
        else:
            assert r["country"] in countries, r
            assert r["code"] == r["country"] + r["sector"], r


def test_groups():
    rows = load("groups.tsv")
    assert len(rows) >= 60
    countries = {r["code"] for r in load("countries.tsv")} | {"IMG"}
    sectors = _sector_codes()
    codes = _codes()
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    for r in rows:
        assert CODE_RE.match(r["code"]), r
        assert r["country"] in countries, r
        assert r["sector"] in sectors, r
        assert r["parent"] == "" or r["parent"] in codes, r


def _org(code, table="organisations.tsv"):
    return [r for r in load(table) if r["code"] == code]


def test_org_and_group_facts():
    orgs = load("organisations.tsv")
    by_name = {r["name"]: r for r in orgs}
    un = _org("IGOUNO")[0]
    assert "UN" in multi(un["aliases"])
    assert by_name["United Nations Security Council"]["parent"] == "IGOUNO"
    assert "NATO" in multi(_org("IGONAT")[0]["aliases"])
    assert "Brussels" in multi(_org("IGOEU")[0]["aliases"])
    pentagon = by_name["United States Department of Defense"]
    assert pentagon["code"] == "USAMIL" and "Pentagon" in multi(pentagon["aliases"])
    assert "KCNA" in multi(_org("PRKMED")[0]["aliases"])
    assert "IDF" in multi(_org("ISRMIL")[0]["aliases"])
    assert any("Duma" in multi(r["aliases"]) for r in _org("RUSLEG"))
    groups = {r["name"]: r for r in load("groups.tsv")}
    assert groups["Hamas"]["code"] == "PSEREBHMS"
    assert groups["al-Qaeda"]["code"] == "IMGMUSALQ"
    assert "Ansar Allah" in multi(groups["Houthis"]["aliases"])
    assert "Daesh" in multi(groups["Islamic State"]["aliases"])
    assert groups["Fatah"]["sector"] == "PTY"


# ------------------------------------------------------------------ sectors

def test_sectors():
    types = load("sector_types.tsv")
    codes = [t["sector"] for t in types]
    assert len(codes) >= 25 and len(codes) == len(set(codes))
    for c in codes:
        assert re.match(r"^[A-Z]{3}$", c)
    rows = load("sectors.tsv")
    assert len(rows) >= 400
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases)), "duplicate phrase"
    for r in rows:
        assert r["sector"] in codes or r["sector"] == "-", r     # "-": names no actor ("social media")
        assert r["phrase"] == r["phrase"].lower() and r["phrase"], r
    assert len({r["sector"] for r in rows}) >= 25
    m = {r["phrase"]: r["sector"] for r in rows}
    assert m["president"] == "GOV" and m["foreign minister"] == "GOV"
    assert m["troops"] == "MIL" and m["soldiers"] == "MIL"
    assert m["police"] == "COP" and m["refugees"] == "REF"
    assert m["protesters"] == "OPP" and m["journalists"] == "MED"
    assert m["rebels"] == "REB" and m["insurgents"] == "INS"


# ------------------------------------------------------------------- people

def test_people_rows():
    rows = load("people.tsv")
    assert len(rows) >= 700
    countries = {r["code"] for r in load("countries.tsv")}
    sectors = _sector_codes()
    codes = _codes()
    for r in rows:
        assert r["name"] and r["role"], r
        start = date(r["start"])
        if r["end"]:
            assert start <= date(r["end"]), r
        c, s = r["country"], r["sector"]
        if c in ("IGO", "NGO", "IMG"):
            assert c + s in codes, r
        else:
            assert c in countries, r
            assert s in sectors or c + s in codes, r
        assert CODE_RE.match(c + s), r
        if r["after"]:
            assert CODE_RE.match(r["after"]), r


def test_bare_surnames_not_shared_by_overlapping_people():
    rows = load("people.tsv")
    by = {}
    for r in rows:
        for a in multi(r["aliases"]):
            if " " not in a:
                by.setdefault(a, []).append(r)
    for alias, rs in by.items():
        for i, x in enumerate(rs):
            for y in rs[i + 1:]:
                if x["name"] == y["name"]:
                    continue
                xe, ye = x["end"] or "9999-12-31", y["end"] or "9999-12-31"
                assert not (x["start"] < ye and y["start"] < xe), (alias, x["name"], y["name"])


def _terms(name, role=None):
    return [r for r in load("people.tsv")
            if r["name"] == name and (role is None or r["role"] == role)]


def test_people_facts():
    putin = _terms("Vladimir Putin", "President")
    assert any(r["start"] == "2012-05-07" and r["end"] == "" for r in putin)
    assert any(r["end"] == "2008-05-07" for r in putin)
    assert any(r["role"] == "Prime Minister" for r in _terms("Vladimir Putin"))
    biden = _terms("Joe Biden", "President")
    assert [r["end"] for r in biden] == ["2025-01-20"]
    kim = _terms("Kim Jong-un")[0]
    assert kim["country"] == "PRK" and "Kim Jong Un" in multi(kim["aliases"])
    zel = _terms("Volodymyr Zelensky")[0]
    assert {"Zelensky", "Zelenskyy"} <= set(multi(zel["aliases"]))
    assert _terms("Sergey Lavrov")[0]["end"] == ""
    assert "Ushakov" in multi(_terms("Yury Ushakov")[0]["aliases"])
    belousov = _terms("Andrei Belousov")[0]
    assert belousov["sector"] == "MIL" and "Belousev" in multi(belousov["aliases"])
    sg = _terms("António Guterres", "Secretary-General of the United Nations")[0]
    assert sg["country"] + sg["sector"] == "IGOUNO"
    assert any(r["country"] + r["sector"] == "IGONAT" for r in _terms("Mark Rutte"))
