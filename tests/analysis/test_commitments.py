"""Commitments derived from events whose sentences state pledges."""
from __future__ import annotations

from datetime import date

import pytest

from geopol.analysis.commitments import commitments, load_rules
from geopol.analysis.synthetic import event_row, write_store


@pytest.fixture
def pledges_db(tmp_path):
    rows = [
        # the clause in the event's own sentence
        event_row("RUSGOV", "PRKGOV", "057", date(2024, 6, 19), doc_id="a", sentence_index=0, reciprocal=True,
                  sentence="Putin and Kim signed a treaty of comprehensive strategic partnership that commits them "
                           "to mutual defence."),
        # the clause in the next sentence of the document (context match)
        event_row("RUSGOV", "BLRGOV", "057", date(2023, 3, 2), doc_id="b", sentence_index=4,
                  sentence="Moscow and Minsk signed the accord on Thursday."),
        # a later mention of the same pact: it keeps its first date
        event_row("BLRGOV", "RUSGOV", "057", date(2024, 1, 9), doc_id="c", sentence_index=0,
                  sentence="Belarus and Russia signed a protocol to the treaty on mutual assistance."),
        # a one-way guarantee: who is committed to defend whom
        event_row("USAGOV", "KORGOV", "0334", date(2023, 4, 26), doc_id="d", sentence_index=0,
                  sentence="Biden pledged to defend South Korea under the extended deterrence commitment."),
        event_row("IGOUNO", "PRKGOV", "163", date(2017, 9, 11), doc_id="e", sentence_index=0,
                  source_country="IGO", sentence="The Security Council imposed new sanctions on North Korea."),
        # no pledge: speculation, a hypothetical, an unrelated agreement
        event_row("CHNGOV", "RUSGOV", "057", date(2024, 5, 16), doc_id="f", sentence_index=0,
                  sentence="The deal fuelled speculation about a military alliance."),
        event_row("USAGOV", "RUSGOV", "190", date(2024, 6, 21), doc_id="g", sentence_index=0, modality="hypothetical",
                  sentence="In the event of an attack on an ally, the US would strike."),
        event_row("FRAGOV", "DEUGOV", "061", date(2024, 2, 2), doc_id="h", sentence_index=0,
                  sentence="France and Germany agreed to expand trade."),
    ]
    db = write_store(tmp_path / "pledges.duckdb", rows)
    import duckdb
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO sentences VALUES ('b', 5, 'The accord provides for the two countries helping each other "
                "in the event of aggression by a third state.', NULL)")
    con.close()
    return db


def pairs(df):
    return {(r.kind, r.a, r.b) for r in df.itertuples(index=False)}


def test_mutual_defence(pledges_db):
    md = commitments(pledges_db, kind="mutual_defence")
    assert pairs(md) == {("mutual_defence", "PRK", "RUS"), ("mutual_defence", "BLR", "RUS")}
    assert md["symmetric"].all()
    prk = md[md["b"] == "RUS"].set_index("a")
    assert prk.loc["PRK", "start_date"] == date(2024, 6, 19) and prk.loc["PRK", "match"] == "sentence"
    assert "mutual defence" in prk.loc["PRK", "sentence"]
    blr = prk.loc["BLR"]
    assert blr["start_date"] == date(2023, 3, 2)          # first evidence
    assert blr["n_evidence"] == 2 and set(blr["match"].split(",")) == {"context", "sentence"}
    assert "helping each other" in blr["sentence"]         # the clause, not the bare signing sentence
    assert len(blr["evidence"]) == 2


def test_who_defends_whom_and_filters(pledges_db):
    g = commitments(pledges_db, kind="security_guarantee")
    assert pairs(g) == {("security_guarantee", "USA", "KOR")}
    assert not g["symmetric"].any()
    everything = commitments(pledges_db)
    assert ("sanctions", "IGO", "PRK") in pairs(everything)
    assert ("partnership_treaty", "PRK", "RUS") in pairs(everything)
    assert not any(k == "alliance" for k, _, _ in pairs(everything))        # speculation vetoed
    assert not any({a, b} == {"USA", "RUS"} for _, a, b in pairs(everything))  # hypothetical attack ignored
    assert not any({a, b} == {"DEU", "FRA"} for _, a, b in pairs(everything))
    rus = commitments(pledges_db, actor="RUS")
    assert {(a, b) for _, a, b in pairs(rus)} == {("PRK", "RUS"), ("BLR", "RUS")}
    no_ctx = commitments(pledges_db, kind="mutual_defence", use_context=False)
    assert no_ctx[no_ctx["a"] == "BLR"]["n_evidence"].tolist() == [1]
    with pytest.raises(ValueError, match="unknown commitment kind"):
        commitments(pledges_db, kind="friendship")


def test_rules_are_data(tmp_path, pledges_db):
    assert {r.kind for r in load_rules()} >= {"mutual_defence", "security_guarantee", "alliance", "sanctions",
                                              "partnership_treaty", "military_cooperation"}
    custom = tmp_path / "rules.tsv"
    custom.write_text("kind\tcameo\tkeywords\tsymmetric\ntrade_pact\t061\texpand trade\tyes\n")
    out = commitments(pledges_db, rules_path=custom)
    assert pairs(out) == {("trade_pact", "DEU", "FRA")}
