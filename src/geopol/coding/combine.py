"""Combining the pattern coder with the learned event classifier (``PipelineConfig.events_model``).

The model never invents actors: it only re-codes pattern candidates, or adds an event for a clause
whose subject already resolved to an actor (the same actor binding as the patterns: subject /
passive agent -> source; object, prepositional object or frame mention -> target). Only those
clauses are embedded, one batch per sentence.

Rules (thresholds chosen by measurement, see data/training/README.md "Combination"):

* both fire, same 3-digit code          -> pattern code kept (it may be a 4-digit refinement) with the
                                           pattern's confidence; with ``agree_boost`` (off: measured worse)
                                           confidence = 1 - (1 - p_pattern)(1 - p_model)
* both fire, same root, other 3-digit   -> pattern code kept, pattern confidence
* both fire, different root             -> model re-codes when p_model >= recode_threshold and the
                                           pattern is weak (confidence < pattern_weak); otherwise the
                                           pattern code is kept with confidence * (1 - disagree_penalty * p_model)
* pattern fires, model says "no event"  -> pattern kept, confidence * (1 - veto_penalty * p_no_event)
* only the model fires                  -> event added when p_model >= add_threshold (and the code is
                                           not "000"); confidence = model_scale * p_model; with
                                           ``fill_only`` only in a sentence where no pattern found a
                                           specific (non-01) event
* no clause gave an event               -> the model reads the whole sentence; at p_model >= sentence_threshold
                                           its event joins the first actor with a country to the next actor
                                           of another country (confidence 0.72 p_model)

The defaults (``CombineRules``) make the patterns lead: no re-coding, no penalties, no boost, the model
only fills sentences the patterns left empty.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from geopol.coding.classifier import NO_EVENT, ClassifierUnavailable, EventClassifier, Prediction, masked_text
from geopol.coding.extract import DEFAULT_TARGET_PREPS, Candidate, EventExtractor, frame_of
from geopol.coding.patterns import Pattern

REPORTING = {"say", "tell", "add", "state", "report", "note", "write", "claim", "announce", "quote", "believe",
             "think", "argue", "suggest"}
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "parataxis", "relcl"}


@dataclass(frozen=True)
class CombineRules:
    """Defaults measured in data/training/README.md ("Combination"): the patterns lead and the model fills in.
    Re-coding pattern events and lowering their confidence on disagreement both lost accuracy on the codebook
    sentences and gained nothing on the dev gold, so they are off (recode_threshold > 1, penalties 0)."""
    add_threshold: float = 0.70
    recode_threshold: float = 1.01
    pattern_weak: float = 0.80
    disagree_penalty: float = 0.0
    veto_penalty: float = 0.0
    model_scale: float = 0.90
    fill_only: bool = True        # the model adds events only to sentences with no specific (non-01) pattern event
    agree_boost: bool = False     # raise a pattern event's confidence when the model agrees (measured: see README)
    sentence_threshold: float = 0.70  # a sentence with actors but no event from any clause: the model's reading of
    #                                   the whole sentence, between its first two actors, at or above this (off: > 1)


@dataclass(frozen=True, slots=True)
class Decision:
    code: str | None        # None: no event
    confidence: float
    origin: str             # pattern | pattern+model | model-recode | model | none


def decide(pattern_code: str | None, pattern_conf: float, pred: Prediction | None,
           rules: CombineRules = CombineRules()) -> Decision:
    """Combine one clause's pattern coding (or None) with the model's prediction (or None)."""
    if pred is None:
        return Decision(pattern_code, pattern_conf, "pattern") if pattern_code else Decision(None, 0.0, "none")
    p = pred.prob
    if pattern_code is None:
        if pred.code != NO_EVENT and p >= rules.add_threshold:
            return Decision(pred.code, round(rules.model_scale * p, 4), "model")
        return Decision(None, 0.0, "none")
    if pred.code == NO_EVENT:
        return Decision(pattern_code, pattern_conf * (1 - rules.veto_penalty * p), "pattern")
    if pattern_code[:3] == pred.code:
        conf = min(0.99, 1 - (1 - pattern_conf) * (1 - p)) if rules.agree_boost else pattern_conf
        return Decision(pattern_code, conf, "pattern+model")
    if pattern_code[:2] == pred.code[:2]:
        return Decision(pattern_code, pattern_conf, "pattern")
    if p >= rules.recode_threshold and pattern_conf < rules.pattern_weak:
        return Decision(pred.code, round(rules.model_scale * p, 4), "model-recode")
    return Decision(pattern_code, pattern_conf * (1 - rules.disagree_penalty * p), "pattern")


def governing_verb(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head is t:
            return t
        t = t.head
    return t


def clause_text(tok: Token, mask: bool = False) -> str:
    """The text the model sees for a trigger: its clause (the governing verb's subtree, with the
    inherited subject prepended when the clause has none), or the whole sentence at the root."""
    v = governing_verb(tok)
    sent = v.sent
    show = masked_text if mask else (lambda s: s.text)
    if v.dep_ == "ROOT":
        return show(sent).strip()
    toks = list(v.subtree)
    text = show(v.doc[toks[0].i:toks[-1].i + 1])
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        h = v.head
        subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            st = list(subj[0].subtree)
            text = show(v.doc[st[0].i:st[-1].i + 1]) + " " + text
    return text.strip()


def model_pattern(code: str, pred: Prediction, was: Pattern | None = None) -> Pattern:
    note = f"model {code} p={pred.prob:.2f}" + (f"; pattern '{was.text}' re-coded" if was else "")
    return Pattern(code=code, head=frozenset(), noun=False, words=(), forbidden=frozenset(), target=None,
                   swap=False, text=note, origin="classifier")


class ModelCoder:
    """The classifier plus the combination rules, called by the pipeline once per sentence."""

    def __init__(self, classifier: EventClassifier, extractor: EventExtractor,
                 rules: CombineRules = CombineRules()) -> None:
        self.classifier = classifier
        self.extractor = extractor
        self.rules = rules

    @classmethod
    def load(cls, extractor: EventExtractor, path=None, rules: CombineRules = CombineRules()) -> "ModelCoder":
        try:
            clf = EventClassifier.load(path)
            clf._embed(["warm-up"])  # fail now, not on the first sentence
        except ClassifierUnavailable:
            raise
        except Exception as e:
            raise ClassifierUnavailable(f"the event model could not be loaded ({type(e).__name__}: {e})") from e
        return cls(clf, extractor, rules)

    # -- clauses with actors but no pattern ---------------------------------------------------------
    def open_clauses(self, sent: Span, mentions: list, taken: set[int]) -> list[tuple[Token, list, list, str]]:
        ex = self.extractor
        idx = ex._index(mentions)
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.i in taken or tok.dep_ not in CLAUSE_DEPS:
                continue
            if tok.lemma_.lower() in REPORTING and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
                continue   # the reported clause carries the event
            sources, passive, how = ex._subject(tok, idx)
            if not sources:
                continue
            targets = passive or ex._objects(tok, idx)
            if not targets:
                targets = ex._prep_target(tok, frame_of(tok), DEFAULT_TARGET_PREPS, idx)
            targets = [t for t in targets if t not in sources]
            out.append((tok, sources, targets, how))
        return out

    def combine(self, sent: Span, mentions: list, cands: list[Candidate]) -> list[Candidate]:
        if not mentions:
            return cands
        open_ = self.open_clauses(sent, mentions, {c.trigger.i for c in cands})
        texts: dict[str, int] = {}
        m = self.classifier.masks
        keys_c = [clause_text(c.trigger, m) for c in cands]
        keys_o = [clause_text(t, m) for t, *_ in open_]
        for k in keys_c + keys_o:
            texts.setdefault(k, len(texts))
        if not texts:
            return cands
        preds = self.classifier.predict(list(texts), masked=True)
        out: list[Candidate] = []
        for c, k in zip(cands, keys_c):
            pred = preds[texts[k]]
            d = decide(c.pattern.code, c.confidence, pred, self.rules)
            if d.code is None:
                continue
            if d.origin == "model-recode":
                out.append(replace(c, pattern=model_pattern(d.code, pred, c.pattern), confidence=d.confidence,
                                   how=c.how + "; model re-coded"))
            else:
                out.append(replace(c, confidence=d.confidence))
        seen = {(c.source.code, c.target.code if c.target else None, c.pattern.code[:3]) for c in out}
        if self.rules.fill_only and any(c.pattern.code[:2] != "01" for c in out):
            return out
        best: dict[tuple, tuple[float, Candidate]] = {}
        for (tok, sources, targets, how), k in zip(open_, keys_o):
            pred = preds[texts[k]]
            d = decide(None, 0.0, pred, self.rules)
            if d.code is None:
                continue
            pat = model_pattern(d.code, pred)
            for cand in self.extractor._emit(tok, pat, sources, targets, bool(targets), how + "; model"):
                key = (cand.source.code, cand.target.code if cand.target else None, d.code)
                if key in seen:
                    continue
                cand = replace(cand, confidence=d.confidence)
                if key not in best or best[key][0] < d.confidence:
                    best[key] = (d.confidence, cand)
        out.extend(c for _, c in best.values())
        if self.rules.sentence_threshold <= 1 and not any(c.pattern.code[:2] != "01" for c in out):
            out.extend(self._sentence_event(sent, mentions))
        return out

    def _sentence_event(self, sent: Span, mentions: list) -> list[Candidate]:
        """The whole sentence read by the model, when no clause gave an event: its first actor with a country
        acts on the next actor of another country ("Doctors from two American aid groups donated ... goods to
        Baghdad University" -> USA... -> IRQ...). The evidence names the rule: 'model (sentence)'."""
        actors = [a for m in sorted(mentions, key=lambda m: m.start) for a in m.actors[:1] if a.country]
        if not actors:
            return []
        pred = self.classifier.predict([clause_text(sent.root, self.classifier.masks)], masked=True)[0]
        if pred.code == NO_EVENT or pred.prob < self.rules.sentence_threshold:
            return []
        source = actors[0]
        target = next((a for a in actors[1:] if a.country != source.country), None)
        pat = model_pattern(pred.code, pred)
        return [Candidate(sent.root, replace(pat, text=pat.text + " (whole sentence)"), source, target, False,
                          round(self.rules.model_scale * pred.prob * 0.8, 4), "model (sentence): first actors named")]
