"""Combination rules of the learned event classifier with the patterns (no torch needed)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from geopol.coding.classifier import NO_EVENT, EventClassifier, Prediction, fit_softmax
from geopol.coding.combine import CombineRules, decide

R = CombineRules()


def pred(code: str, p: float) -> Prediction:
    return Prediction(code=code, prob=p, event_prob=1 - (p if code == NO_EVENT else 0), modality="asserted",
                      modality_prob=0.9)


def test_no_model_keeps_pattern():
    assert decide("057", 0.7, None) .code == "057"
    assert decide(None, 0.0, None).code is None


def test_agreement_keeps_specific_pattern_code():
    d = decide("0571", 0.7, pred("057", 0.8), R)
    assert d.code == "0571" and d.origin == "pattern+model" and d.confidence == 0.7
    boost = replace(R, agree_boost=True)     # the former rule, measured worse (data/training/README.md)
    assert decide("0571", 0.7, pred("057", 0.8), boost).confidence > 0.9


def test_same_root_keeps_pattern():
    d = decide("057", 0.7, pred("051", 0.9), R)
    assert d.code == "057" and d.confidence == 0.7


# the re-coding and penalty rules, switched on (the defaults switch them off: see CombineRules)
RECODING = CombineRules(recode_threshold=0.80, disagree_penalty=0.30, veto_penalty=0.40)


def test_strong_model_recodes_weak_pattern_only():
    assert decide("190", 0.65, pred("173", 0.9), RECODING).code == "173"
    assert decide("190", 0.65, pred("173", 0.9), RECODING).origin == "model-recode"
    strong = decide("190", 0.95, pred("173", 0.9), RECODING)
    assert strong.code == "190" and strong.confidence < 0.95
    assert decide("190", 0.65, pred("173", 0.5), RECODING).code == "190"


def test_no_event_vote_lowers_confidence_but_keeps_pattern():
    d = decide("112", 0.8, pred(NO_EVENT, 0.9), RECODING)
    assert d.code == "112" and d.confidence < 0.8


def test_default_rules_let_the_patterns_lead():
    # measured defaults: a pattern event is never re-coded nor lowered; the model only fills in
    assert decide("190", 0.65, pred("173", 0.99), R) == decide("190", 0.65, None, R)
    assert decide("112", 0.8, pred(NO_EVENT, 0.99), R).confidence == 0.8
    assert decide("190", 0.65, pred("190", 0.9), R).confidence == 0.65     # nor raised: the model only fills
    assert R.fill_only


def test_model_only_needs_threshold_and_an_event():
    assert decide(None, 0.0, pred("190", R.add_threshold + 0.01), R).code == "190"
    assert decide(None, 0.0, pred("190", R.add_threshold - 0.01), R).code is None
    assert decide(None, 0.0, pred(NO_EVENT, 0.99), R).code is None


def test_fit_softmax_is_deterministic_and_learns():
    rng = np.random.RandomState(0)
    X = rng.randn(120, 8).astype(np.float32)
    y = (X[:, 0] > 0).astype(int) + 2 * (X[:, 1] > 0)
    W1, b1 = fit_softmax(X, y, 4, iters=200)
    W2, b2 = fit_softmax(X, y, 4, iters=200)
    assert np.array_equal(W1, W2) and np.array_equal(b1, b2)
    clf = EventClassifier(("010", "020", "190", NO_EVENT), W1, b1, ("asserted",), np.zeros((8, 1), np.float32),
                          np.zeros(1, np.float32), {})
    acc = np.mean([clf.codes.index(p.code) == t for p, t in zip(clf.predict_vectors(X), y)])
    assert acc > 0.9


class _FixedModel:
    """A stand-in classifier that reads every text as one prediction (no torch needed)."""
    masks = True

    def __init__(self, prediction):
        self.prediction = prediction

    def predict(self, texts, masked=False):
        return [self.prediction for _ in texts]


def _sentence_events(pipe, text, prediction, rules=R):
    from geopol.actors.resolver import DocContext
    from geopol.coding.combine import ModelCoder
    sent = next(pipe.nlp(text).sents)
    mentions = pipe.resolver.mentions(sent, None, DocContext())
    return ModelCoder(_FixedModel(prediction), pipe.extractor, rules)._sentence_event(sent, mentions)


def test_whole_sentence_reading_joins_the_first_actors_of_two_countries(geopol_pipeline):
    text = "Doctors from two American aid groups personally delivered goods worth $50,000 to Baghdad University."
    got = _sentence_events(geopol_pipeline, text, pred("073", 0.8))
    assert len(got) == 1 and got[0].pattern.code == "073"
    assert got[0].source.country == "USA" and got[0].target is not None and got[0].target.country == "IRQ"
    assert "whole sentence" in got[0].pattern.text


def test_whole_sentence_reading_needs_its_threshold_an_event_and_a_country(geopol_pipeline):
    text = "Doctors from two American aid groups personally delivered goods worth $50,000 to Baghdad University."
    assert not _sentence_events(geopol_pipeline, text, pred("073", R.sentence_threshold - 0.05))
    assert not _sentence_events(geopol_pipeline, text, pred(NO_EVENT, 0.9))
    assert not _sentence_events(geopol_pipeline, "Analysts expect prices to rise.", pred("073", 0.9))
