"""Scoring on a hand-built gold + prediction fixture; expected numbers computed by hand.

Gold (CAMEO-coded; PLOVER types from geopol's table):
  s1  RUSGOV->PRK 057 AGREE, reciprocal (so also PRK->RUSGOV 057)
  s2  ISRMIL->PSE 190 ASSAULT
  s3  USAGOV->CHN 111 ACCUSE
  s4  (no event)
Predictions:
  p1  s1 RUSGOV->PRK 057 AGREE reciprocal, asserted
  p2  s2 ISRGOV->PSE 193 ASSAULT, asserted      (wrong agent, same root)
  p3  s3 USAGOV->CHN 112 ACCUSE, negated         (dropped unless --all-modalities)
  p4  s3 USAGOV->CHN 130 THREATEN, asserted      (wrong type)
  p5  s4 RUS->UKR 190 ASSAULT, hypothetical      (dropped unless --all-modalities)
  p6  doc "zzz" (not in gold)
"""
from __future__ import annotations

import json

import pytest

from geopol.eval.gold import GoldEvent, GoldSentence, read_gold_jsonl
from geopol.eval.score import NONE, evaluate, render_report

GOLD = [
    {"id": "s1", "text": "Russia and North Korea signed a pact.",
     "events": [{"source": "RUSGOV", "target": "PRK", "cameo": "057", "reciprocal": True}]},
    {"id": "s2", "text": "Israeli troops attacked Gaza.",
     "events": [{"source": "ISRMIL", "target": "PSE", "cameo": "190"}]},
    {"id": "s3", "text": "The US criticized China.",
     "events": [{"source": "USAGOV", "target": "CHN", "cameo": "111"}]},
    {"id": "s4", "text": "Nothing happened.", "events": []},
]


def ev(doc, src, tgt, cameo, plover, modality="asserted", reciprocal=False):
    return {"doc_id": doc, "source": {"code": src, "country": src[:3]},
            "target": {"code": tgt, "country": tgt[:3]} if tgt else None,
            "cameo": cameo, "cameo_root": cameo[:2], "plover": {"type": plover, "mode": None, "context": []},
            "modality": modality, "reciprocal": reciprocal}


PRED = [
    ev("s1", "RUSGOV", "PRK", "057", "AGREE", reciprocal=True),
    ev("s2", "ISRGOV", "PSE", "193", "ASSAULT"),
    ev("s3", "USAGOV", "CHN", "112", "ACCUSE", modality="negated"),
    ev("s3", "USAGOV", "CHN", "130", "THREATEN"),
    ev("s4", "RUS", "UKR", "190", "ASSAULT", modality="hypothetical"),
    ev("zzz", "USA", "RUS", "010", None),
]


@pytest.fixture
def gold(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n")
    return read_gold_jsonl(p)


def prf(x):
    return (x.tp, x.fp, x.fn)


def test_asserted_only(gold):
    r = evaluate(gold, PRED)
    c = r.counts
    assert (c["pred_events"], c["pred_events_outside_gold"], c["pred_events_skipped_modality"],
            c["pred_events_scored"], c["pred_events_reciprocal"]) == (6, 1, 2, 3, 1)
    assert c["gold_events"] == 4 and c["sentences_scored"] == 4
    # PLOVER types, sentence level
    assert prf(r.plover["AGREE"]) == (1, 0, 0)
    assert prf(r.plover["ASSAULT"]) == (1, 0, 0)
    assert prf(r.plover["ACCUSE"]) == (0, 0, 1)
    assert prf(r.plover["THREATEN"]) == (0, 1, 0)
    assert prf(r.plover_micro) == (2, 1, 1)
    assert r.plover_micro.precision == pytest.approx(2 / 3)
    assert r.plover_micro.recall == pytest.approx(2 / 3)
    assert r.plover_micro.f1 == pytest.approx(2 / 3)
    assert r.plover_macro_f1 == pytest.approx((1 + 1 + 0 + 0) / 4)
    # CAMEO roots
    assert {k: prf(v) for k, v in r.root.items()} == {"05": (1, 0, 0), "19": (1, 0, 0), "11": (0, 0, 1),
                                                      "13": (0, 1, 0)}
    assert r.root_macro_f1 == pytest.approx(0.5)
    # confusion
    conf = r.confusion
    assert conf["AGREE"]["AGREE"] == 1 and conf["ASSAULT"]["ASSAULT"] == 1
    assert conf["ACCUSE"]["THREATEN"] == 1 and conf[NONE][NONE] == 1
    assert sum(n for row in conf.values() for n in row.values()) == 4
    # actors: s1 two aligned events (reciprocal expanded), s2 one; s3 types differ -> not aligned
    a = r.actors
    assert (a["matched"], a["source_exact"], a["source_country"], a["target_exact"], a["target_country"]) == \
        (3, 2, 3, 3, 3)
    assert a["source_exact_accuracy"] == pytest.approx(2 / 3)
    # triples
    assert r.triple_event_key == "cameo"
    assert prf(r.triples["exact"]) == (2, 2, 2)
    assert r.triples["exact"].f1 == pytest.approx(0.5)
    assert prf(r.triples["relaxed"]) == (3, 1, 1)
    assert r.triples["relaxed"].f1 == pytest.approx(0.75)


def test_all_modalities(gold):
    r = evaluate(gold, PRED, all_modalities=True)
    assert r.counts["pred_events_scored"] == 5 and r.counts["pred_events_skipped_modality"] == 0
    assert prf(r.plover["ACCUSE"]) == (1, 0, 0)
    assert prf(r.plover["ASSAULT"]) == (1, 1, 0)
    assert prf(r.plover_micro) == (3, 2, 0)
    assert r.plover_micro.f1 == pytest.approx(0.75)
    assert r.plover_macro_f1 == pytest.approx((1 + 2 / 3 + 1 + 0) / 4)
    assert r.confusion["ACCUSE"]["ACCUSE"] == 1
    assert r.confusion[NONE]["THREATEN"] == 1 and r.confusion[NONE]["ASSAULT"] == 1
    assert r.confusion[NONE][NONE] == 0
    assert prf(r.triples["exact"]) == (2, 4, 2)
    assert r.triples["exact"].precision == pytest.approx(1 / 3)
    assert r.triples["exact"].f1 == pytest.approx(0.4)
    assert prf(r.triples["relaxed"]) == (4, 2, 0)
    assert r.triples["relaxed"].f1 == pytest.approx(0.8)


def test_reciprocal_flag_gives_reversed_triple(gold):
    one_way = [dict(PRED[0], reciprocal=False)]
    r = evaluate(gold[:1], one_way)
    assert prf(r.triples["exact"]) == (1, 0, 1)
    r = evaluate(gold[:1], PRED[:1])
    assert prf(r.triples["exact"]) == (2, 0, 0)
    # two explicit records are the same as one reciprocal record
    both = [dict(PRED[0], reciprocal=False), dict(ev("s1", "PRK", "RUSGOV", "057", "AGREE"))]
    assert prf(evaluate(gold[:1], both).triples["exact"]) == (2, 0, 0)


def test_missing_modality_counts_as_asserted_and_plover_from_cameo(gold):
    d = {"doc_id": "s3", "source": "USAGOV", "target": "CHN", "cameo": "111"}   # bare, flat actors
    r = evaluate(gold, [d])
    assert prf(r.plover["ACCUSE"]) == (1, 0, 0)
    assert prf(r.triples["exact"]) == (1, 0, 3)


def test_gold_modality_filter(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Russia will not invade.",
                             "events": [{"source": "RUS", "target": "UKR", "cameo": "190",
                                         "modality": "negated"}]}) + "\n")
    g = read_gold_jsonl(p)
    pred = [ev("a", "RUS", "UKR", "190", "ASSAULT", modality="negated")]
    r = evaluate(g, pred)
    assert r.counts["gold_events"] == 0 and r.counts["gold_events_skipped_modality"] == 1
    assert prf(r.plover_micro) == (0, 0, 0) and r.confusion[NONE][NONE] == 1
    r = evaluate(g, pred, all_modalities=True)
    assert prf(r.plover_micro) == (1, 0, 0)


def test_confusion_pairs_by_actor_agreement():
    s = GoldSentence("x", "text", None, (
        GoldEvent("USA", "CHN", "111", "ACCUSE"),
        GoldEvent("ISR", "PSE", "190", "ASSAULT")))
    preds = [ev("x", "USA", "CHN", "130", "THREATEN"), ev("x", "ISR", "PSE", "170", "COERCE")]
    r = evaluate([s], preds)
    # alphabetical pairing would give ACCUSE->COERCE; actor agreement wins
    assert r.confusion["ACCUSE"]["THREATEN"] == 1 and r.confusion["ASSAULT"]["COERCE"] == 1
    assert r.confusion["ACCUSE"]["COERCE"] == 0


def test_confusion_margins_match_type_counts(gold):
    r = evaluate(gold, PRED, all_modalities=True)
    for t, v in r.plover.items():
        assert sum(r.confusion[t].values()) == v.support
        assert sum(row[t] for row in r.confusion.values()) == v.tp + v.fp


def test_plover_gold_uses_plover_type_in_triples_and_reports_old_types():
    s = GoldSentence("p", "Sudan demanded ...", "2000-01-01",
                     (GoldEvent("SDNGOV", "SDNREB", None, "REQUEST", plover_type_orig="DEMAND"),),
                     cameo_annotated=False)
    pred = [ev("p", "SDNGOV", "SDN", "1041", "REQUEST")]
    r = evaluate([s], pred)
    assert r.triple_event_key == "plover"
    assert prf(r.triples["exact"]) == (0, 1, 1)      # target SDN != SDNREB
    assert prf(r.triples["relaxed"]) == (1, 0, 0)
    assert r.root == {}                              # no CAMEO in the gold: roots not scored
    assert r.old_types == {"DEMAND": {"mapped_to": "REQUEST", "sentences": 1, "recalled": 1, "recall": 1.0}}
    assert r.actors["target_exact"] == 0 and r.actors["target_country"] == 1


def test_unannotated_gold_not_scored():
    s = GoldSentence("u", "GAZA CITY", None, (), annotated=False)
    r = evaluate([s], [ev("u", "ISR", "PSE", "190", "ASSAULT")])
    assert r.counts["sentences_scored"] == 0 and r.counts["pred_events_outside_gold"] == 1
    assert prf(r.plover_micro) == (0, 0, 0)


def test_to_dict_is_json_and_render(gold):
    from io import StringIO

    from rich.console import Console

    r = evaluate(gold, PRED)
    d = json.loads(json.dumps(r.to_dict()))
    assert d["plover"]["micro"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert d["triples"]["relaxed"]["tp"] == 3
    assert d["confusion"]["ACCUSE"]["THREATEN"] == 1
    buf = StringIO()
    render_report(r, Console(file=buf, width=120))
    out = buf.getvalue()
    assert "PLOVER types" in out and "Triples" in out and "THREATEN" in out


def test_best_event_accuracy(gold):
    # asserted only: s1 AGREE right, s2 ASSAULT right, s3 only THREATEN left (wrong); s4 has no gold type
    b = evaluate(gold, PRED).best_event
    assert (b["sentences"], b["correct"], b["no_prediction"]) == (3, 2, 0)
    assert b["accuracy"] == pytest.approx(2 / 3, abs=1e-4)


def test_best_event_takes_the_most_confident_prediction(gold):
    preds = [dict(ev("s3", "USAGOV", "CHN", "130", "THREATEN"), confidence=0.6),
             dict(ev("s3", "USAGOV", "CHN", "111", "ACCUSE"), confidence=0.9),
             dict(ev("s2", "ISRMIL", "PSE", "190", "ASSAULT"), confidence=0.5),
             dict(ev("s2", "ISRMIL", "PSE", "130", "THREATEN"), confidence=0.5)]   # tie: first wins
    b = evaluate(gold, preds).best_event
    # s1 has no prediction -> wrong; s2 tie -> ASSAULT (first) right; s3 ACCUSE (0.9) right
    assert (b["sentences"], b["correct"], b["no_prediction"]) == (3, 2, 1)
    preds[1]["confidence"] = 0.1
    assert evaluate(gold, preds).best_event["correct"] == 1
    assert json.loads(json.dumps(evaluate(gold, preds).to_dict()))["best_event"]["sentences"] == 3


def test_no_event_sentences(gold):
    # s4 has no gold event; its only prediction is hypothetical, so nothing is asserted there
    ne = evaluate(gold, PRED).no_event
    assert (ne["sentences"], ne["with_prediction"], ne["clean"]) == (1, 0, 1)
    # sentence accuracy: best event right in s1, s2 (of 3) + s4 clean = 3/4
    assert ne["sentence_accuracy"] == pytest.approx(3 / 4, abs=1e-4)
    # with all modalities the hypothetical attack counts against s4
    ne = evaluate(gold, PRED, all_modalities=True).no_event
    assert (ne["with_prediction"], ne["clean"]) == (1, 0)
    assert "no_event" in json.loads(json.dumps(evaluate(gold, PRED).to_dict()))
