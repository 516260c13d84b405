"""Event extraction from the dependency structure.

For each verb (and each event noun) of a sentence the extractor builds the trigger's *frame*,
asks the pattern dictionary for the most specific matching pattern, and finds the source and
target actors through the dependencies: subjects, objects, prepositional objects, passive
agents, possessors and "by" phrases of event nouns, coordination ("Putin and Kim signed"),
inherited subjects (xcomp, conj, relcl) and support verbs ("launched an attack on").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geopol.actors.resolver import Mention
from geopol.coding.patterns import OBJ, Pattern, PatternSet
from geopol.records import Actor

SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CLAUSE = {"advcl", "relcl", "parataxis", "csubj", "acl"}   # ccomp stays: "allow X to use", "demand that X withdraw"
NP_LINKS = {"compound", "amod", "poss", "appos", "nmod", "det", "nummod", "flat", "case", "punct", "quantmod"}
OBJ_DEPS = ("dobj", "dative", "attr", "oprd")
DEFAULT_TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "from", "for",
                        "over", "in", "of")
NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "upon", "at", "over", "of", "for",
                     "between")
SUPPORT_VERBS = {"launch", "carry", "conduct", "hold", "make", "pay", "stage", "mount", "begin", "start", "resume",
                 "continue", "sign", "reach", "issue", "impose", "announce", "order", "host", "give", "offer",
                 "extend", "provide", "deliver", "send", "undertake", "perform", "have", "take", "lead"}
RECIPROCAL_OBJECTS = {("each", "other"), ("one", "another")}
# verbal acts aimed at someone named anywhere in what was said: "warned that ... if Washington did not stop"
ADDRESSED_ROOTS = {"09", "10", "11", "12", "13"}


def frame_of(trigger: Token) -> list[Token]:
    """The trigger's frame: its subtree without its subject and nested clauses (complement clauses kept)."""
    out: list[Token] = []
    stack = [c for c in trigger.children]
    noun = trigger.pos_ in ("NOUN", "PROPN")
    while stack:
        t = stack.pop()
        if t.head == trigger and (t.dep_ in SUBJ or (t.dep_ == "conj" and (t.pos_ in ("VERB", "AUX") or noun))):
            continue
        if t.dep_ in CLAUSE or (t.dep_ == "conj" and t.pos_ == "VERB"):
            continue
        out.append(t)
        stack.extend(t.children)
    out.sort(key=lambda t: t.i)
    return out


def frame_words(frame: list[Token]) -> set[str]:
    words = set()
    for t in frame:
        words.add(t.lemma_.lower())
        words.add(t.lower_)
    return words


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event found in a sentence, before dating, placing and modality."""

    trigger: Token
    pattern: Pattern
    source: Actor
    target: Actor | None
    reciprocal: bool
    confidence: float
    how: str     # how the actors were found, for --explain


class EventExtractor:
    def __init__(self, patterns: PatternSet, symmetric: frozenset[str] = frozenset()) -> None:
        self.patterns = patterns
        self.symmetric = symmetric

    # -- actor lookup -----------------------------------------------------------------
    @staticmethod
    def _index(mentions: list[Mention]) -> dict[int, Mention]:
        idx: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                idx[i] = m
        return idx

    @staticmethod
    def _np_mention(tok: Token, idx: dict[int, Mention]) -> Mention | None:
        """The mention naming the noun phrase headed by ``tok``."""
        if tok.i in idx:
            return idx[tok.i]
        best = None
        stack = list(tok.children)
        while stack:
            t = stack.pop()
            if t.dep_ not in NP_LINKS:
                continue
            if t.i in idx:
                m = idx[t.i]
                if best is None or abs(m.start - tok.i) < abs(best.start - tok.i):
                    best = m
                continue
            stack.extend(t.children)
        return best

    def _actors_of(self, tok: Token, idx: dict[int, Mention]) -> list[Actor]:
        """Actors of a noun phrase and of the phrases coordinated with it."""
        out: list[Actor] = []
        todo = [tok]
        seen = set()
        while todo:
            t = todo.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            m = self._np_mention(t, idx)
            if m is not None:
                out.extend(a for a in m.actors if a not in out)
            conj = [c for c in t.children if c.dep_ == "conj"]
            todo.extend(conj)
            if not conj:  # "Putin and <mis-parsed phrase>": take the name right after the conjunction
                for c in t.children:
                    if c.dep_ == "cc" and c.lower_ in ("and", "&"):
                        nxt = next((m2 for i in range(c.i + 1, min(c.i + 5, len(t.doc)))
                                    if (m2 := idx.get(i)) is not None), None)
                        if nxt is not None:
                            out.extend(a for a in nxt.actors if a not in out)
        return out

    def _subject(self, verb: Token, idx: dict[int, Mention]) -> tuple[list[Actor], list[Actor], str]:
        """(subject actors, passive-subject actors, how) for a verb, climbing xcomp/conj/relcl."""
        t = verb
        for _ in range(4):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
            passive = [c for c in t.children if c.dep_ == "nsubjpass"]
            agent = [gc for c in t.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            if agent:
                return (self._actors_of(agent[0], idx),
                        self._actors_of(passive[0], idx) if passive else [], "passive agent")
            if subj:
                return self._actors_of(subj[0], idx), [], "subject" if t is verb else f"subject of '{t.text}'"
            if passive:
                by = self._by_phrase(t, idx)   # a "by" phrase the parser attached elsewhere
                if by:
                    return by, self._actors_of(passive[0], idx), "passive 'by' phrase"
                return [], self._actors_of(passive[0], idx), "passive subject"
            if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return self._actors_of(t.head, idx), [], "relative clause head"
            if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t:
                t = t.head
                continue
            break
        return [], [], ""

    def _by_phrase(self, verb: Token, idx) -> list[Actor]:
        """Actors named right after a 'by' anywhere in the verb's frame."""
        doc = verb.doc
        for p in frame_of(verb):
            if p.lower_ != "by" or p.dep_ not in ("prep", "agent"):
                continue
            for i in range(p.i + 1, min(p.i + 12, verb.sent.end)):
                if i in idx:
                    return list(idx[i].actors)
                if doc[i].pos_ in ("VERB", "AUX") or doc[i].text in (";", ":"):
                    break
        return []

    def _prep_target(self, trig: Token, frame: list[Token], preps, idx) -> list[Actor]:
        for p in frame:
            if p.dep_ in ("prep", "agent") and p.lower_ in preps and p.lower_ != "by" \
                    and p.head.lower_ not in ("according", "due", "thanks", "owing"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        found = self._actors_of(o, idx)
                        if found:
                            return found
        return []

    def _objects(self, trig: Token, idx) -> list[Actor]:
        for c in trig.children:
            if c.dep_ in OBJ_DEPS:
                found = self._actors_of(c, idx)
                if found:
                    return found
        for c in trig.children:   # "allow Ukraine to use", xcomp with its own subject
            if c.dep_ in ("ccomp", "xcomp"):
                for gc in c.children:
                    if gc.dep_ == "nsubj":
                        found = self._actors_of(gc, idx)
                        if found:
                            return found
        return []

    def _bind_target(self, trig, pattern, frame, idx, default_preps) -> tuple[list[Actor], bool]:
        if pattern.target is not None:
            if OBJ in pattern.target:
                found = self._objects(trig, idx)
            else:
                found = self._prep_target(trig, frame, pattern.target, idx)
            if found:
                return found, True
        found = self._objects(trig, idx) if not pattern.noun else []
        if not found:
            found = self._prep_target(trig, frame, default_preps, idx)
        if not found:
            for t in frame:
                if t.i in idx:
                    found = list(idx[t.i].actors)
                    break
        return found, False

    def _subtree_target(self, trig: Token, sources: list[Actor], idx) -> list[Actor]:
        """The first actor of another country anywhere under the trigger, with its coordinates."""
        own = {a.country for a in sources}
        for t in trig.subtree:
            m = idx.get(t.i)
            if m is not None and any(a.country not in own for a in m.actors):
                return [a for a in self._actors_of(t, idx) if a.country not in own] or \
                    [a for a in m.actors if a.country not in own]
        return []

    @staticmethod
    def _reciprocal_object(trig: Token) -> bool:
        for c in trig.subtree:
            if c.lower_ in ("other", "another") and c.i > 0 and \
                    (c.doc[c.i - 1].lower_, c.lower_) in RECIPROCAL_OBJECTS:
                return True
        return False

    # -- noun events ----------------------------------------------------------------------
    def _noun_source(self, noun: Token, frame: list[Token], idx) -> tuple[list[Actor], str]:
        for c in noun.children:
            if c.dep_ == "poss":
                found = self._actors_of(c, idx)
                if found:
                    return found, "possessor"
        for p in frame:
            if p.dep_ in ("prep", "agent") and p.lower_ == "by" and p.head.pos_ in ("NOUN", "PROPN"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        found = self._actors_of(o, idx)
                        if found:
                            return found, "'by' phrase"
        i = noun.i - 1   # "Putin's brief visit" even when the parser did not attach the possessive
        while i > noun.sent.start and noun.doc[i].pos_ in ("ADJ", "ADV", "NUM") and noun.doc[i].i not in idx:
            i -= 1
        if i > noun.sent.start and noun.doc[i].text in ("'s", "’s", "'", "’") and (i - 1) in idx:
            return list(idx[i - 1].actors), "possessor (adjacent)"
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i in idx:
                return list(idx[c.i].actors), "modifier"
        for p in noun.children:   # "the deterioration of Russia's relations with the US"
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    for c in o.children:
                        if c.dep_ == "poss" and (found := self._actors_of(c, idx)):
                            return found, "possessor of the 'of' phrase"
        h = noun.head
        if noun.dep_ in ("dobj", "attr") and h.lemma_.lower() in SUPPORT_VERBS:
            subj, passive, how = self._subject(h, idx)
            if subj:
                return subj, f"subject of support verb '{h.text}'"
        if noun.dep_ == "nsubjpass" and h.lemma_.lower() in SUPPORT_VERBS:
            for c in h.children:
                if c.dep_ == "agent":
                    for o in c.children:
                        found = self._actors_of(o, idx)
                        if found:
                            return found, f"agent of support verb '{h.text}'"
        return [], ""

    def _choose(self, candidates: list[Pattern], trig: Token, frame: list[Token], idx,
                passive: list[Actor] | None = None) -> Pattern | None:
        """The most specific pattern that matches the frame and, if it has a target slot ``$``,
        finds an actor in it (the object, a passive subject, or the preposition's object)."""
        if not candidates:
            return None
        words = frame_words(frame)
        objects = None
        for p in candidates:
            if not p.matches(words):
                continue
            if p.target is not None:
                if OBJ in p.target:
                    if objects is None:
                        objects = passive or (self._objects(trig, idx) if not p.noun else [])
                    if not objects:
                        continue
                elif not self._prep_target(trig, frame, p.target, idx):
                    continue
            return p
        return None

    # -- main ---------------------------------------------------------------------------
    def extract(self, sent: Span, mentions: list[Mention]) -> list[Candidate]:
        if not mentions:
            return []
        idx = self._index(mentions)
        out: list[Candidate] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            if not self.patterns.candidates(lemma, False):
                continue
            frame = frame_of(tok)
            sources, passive_subj, how = self._subject(tok, idx)
            pattern = self._choose(self.patterns.candidates(lemma, False), tok, frame, idx, passive_subj)
            if pattern is None:
                continue
            for t in frame:
                if any(t.lemma_.lower() in w or t.lower_ in w for w in pattern.words):
                    consumed.add(t.i)
            if passive_subj and not sources and pattern.target is not None and OBJ in pattern.target:
                continue  # "X was attacked" without an agent: no source
            targets, bound = (passive_subj, True) if passive_subj else \
                self._bind_target(tok, pattern, frame, idx, DEFAULT_TARGET_PREPS)
            if not targets and pattern.code[:2] in ADDRESSED_ROOTS:
                targets = self._subtree_target(tok, sources, idx)
            out.extend(self._emit(tok, pattern, sources, targets, bound, how))
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed or tok.i in idx:
                continue
            lemma = tok.lemma_.lower()
            if not (self.patterns.candidates(lemma, True) or self.patterns.candidates(tok.lower_, True)):
                continue
            frame = frame_of(tok)
            cands = self.patterns.candidates(lemma, True) or self.patterns.candidates(tok.lower_, True)
            pattern = self._choose(cands, tok, frame, idx)
            if pattern is None:
                continue
            sources, how = self._noun_source(tok, frame, idx)
            targets, bound = self._bind_target(tok, pattern, frame, idx, NOUN_TARGET_PREPS)
            if not targets and pattern.code[:2] in ADDRESSED_ROOTS:
                targets = self._subtree_target(tok, sources, idx)
            if sources and targets and any(t in sources for t in targets):
                targets = [t for t in targets if t not in sources]
            out.extend(self._emit(tok, pattern, sources, targets, bound, how))
        return out

    def _emit(self, tok, pattern, sources, targets, bound, how) -> list[Candidate]:
        if not sources:
            return []
        if not bound:   # a guessed target from the actor's own country is almost always a mis-attachment
            own = {a.country for a in sources}
            targets = [t for t in targets if t.country not in own]
        if pattern.swap and targets:
            sources, targets = targets, sources
        conf = min(0.95, 0.55 + 0.1 * len(pattern.words) + (0.1 if bound else 0.0))
        if "anaphor" in " ".join(a.rule for a in sources):
            conf *= 0.85
        out: list[Candidate] = []
        reciprocal = False
        symmetric = pattern.code in self.symmetric or pattern.code[:3] in self.symmetric
        if not targets and len(sources) > 1 and (symmetric or self._reciprocal_object(tok)):
            pairs = [(a, b) for a in sources for b in sources if a is not b and a.code != b.code]
            reciprocal = True
        else:
            pairs = [(a, b) for a in sources for b in (targets or [None]) if b is None or a.code != b.code]
            if not pairs and sources:
                pairs = [(sources[0], None)]
        for a, b in pairs:
            out.append(Candidate(tok, pattern, a, b, reciprocal or (symmetric and b is not None), conf, how))
            if symmetric and b is not None and not reciprocal:
                out.append(Candidate(tok, pattern, b, a, True, conf * 0.95, how + " (symmetric)"))
        return out
