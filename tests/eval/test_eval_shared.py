"""Readers on the real gold files in /work/shared (skipped when that folder is absent)."""
from __future__ import annotations

from collections import Counter

from geopol.eval.gold import PLOVER_TYPES, detect_format, gold_documents, read_gold
from geopol.eval.score import evaluate


def test_plover_gsr(shared_dev):
    path = shared_dev / "PLOVER_GSR_CAMEO.json"
    assert detect_format(path) == "plover-json"
    problems: list = []
    golds = read_gold(path, problems=problems)
    assert len(golds) == 322                         # 323 records less the DOCUMENT record
    assert len({g.id for g in golds}) == 322         # one duplicated id (COERCE-0004) renamed
    assert [p.line for p in problems] == [4826]
    assert sum(len(g.events) for g in golds) == 363
    assert all(g.events for g in golds)
    assert all(e.plover_type in PLOVER_TYPES for g in golds for e in g.events)
    orig = Counter(g.events[0].plover_type_orig for g in golds)
    assert (orig["DEMAND"], orig["DISAPPROVE"], orig["FIGHT"], orig["INVESTIGATE"]) == (34, 16, 17, 9)
    new = Counter(g.events[0].plover_type for g in golds)
    assert new["REQUEST"] == 34 and new["ACCUSE"] == 25 and new["ASSAULT"] == 32
    # scoring the gold against itself is perfect on types and triples
    preds = [{"doc_id": g.id, "source": e.source, "target": e.target, "plover": {"type": e.plover_type},
              "modality": "asserted"} for g in golds for e in g.events]
    r = evaluate(golds, preds)
    assert r.plover_micro.f1 == 1.0 and r.triples["exact"].f1 == 1.0


def test_petr2_gsr_validation(shared_dev):
    path = shared_dev / "PETR2_GSR_validation.xml"
    golds = read_gold(path)
    assert len(golds) == 78
    assert all(g.annotated for g in golds)
    assert sum(len(g.events) for g in golds) == 80                  # EventCodings with an eventcode
    assert sum(1 for g in golds if not g.events) == 12              # noevents="True"
    assert sum(1 for g in golds if len(g.events) > 1) == 10
    coop = next(g for g in golds if g.id == "COOP_0")
    assert len(coop.events) == 6
    assert golds[0].id == "AFP0808020625_4" and golds[0].date == "2008-08-04"
    assert golds[0].text.startswith("The stopover came as the US leader")
    docs = gold_documents(golds)
    assert len(docs) == 78 and docs[0].id == golds[0].id


def test_petr_unit_tests_and_gigaword(shared_dev):
    unit = read_gold(shared_dev / "PETR.UnitTest.records.xml")
    assert len(unit) == 284
    assert sum(g.annotated for g in unit) == 276     # 7 error= records and one without coding
    assert sum(len(g.events) for g in unit) == 359
    giga = read_gold(shared_dev / "GigaWord.sample.PETR.xml")
    assert len(giga) == 76 and not any(g.annotated for g in giga)   # input text only, no codings
