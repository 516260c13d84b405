"""Modality of a candidate event: did the text say it happened?

`ModalityClassifier.classify(trigger)` looks at the trigger token of a
spaCy-parsed sentence and returns ``(modality, reason)`` where ``modality`` is
one of ``asserted``, ``negated``, ``hypothetical``, ``future`` or
``reported_claim`` (the values of the event record's ``modality`` field, see
``/work/shared/spec/event-record.md``).

How it works
------------
All cue words live in ``coding/data/modality.tsv`` (``cue  category  scope
note``).  The classifier walks from the trigger up its chain of governing
words (a few dozen token visits at most) and collects cues:

* on the trigger and on every governing word reached through an *open*
  link (xcomp, non-finite conj, verbal prepositional complement, purpose
  clause, indefinite event-noun subject): auxiliaries (``will``, ``may``,
  ``could``), negators (``not``, ``never``, ``no``), adverbs
  (``reportedly``, ``probably``), attributive adjectives on event nouns
  (``planned``, ``alleged``, ``possible``), predicative adjectives
  (``seems unlikely``), conditional subordinators (``if``, ``unless``,
  ``whether``), conditional prepositional phrases (``in the event of``),
  inverted conditionals (``Had the talks succeeded``), ``according to
  unconfirmed reports``;
* on governing *words* whatever the link: ``plans to``, ``refused to``,
  ``denied attacking``, ``claimed that``, ``the possibility of``, ``accused
  X of``, ``is said to`` (passive reporting verbs only), ``called off``;
* on prepositions whose object is on the path: ``without``, ``instead of``,
  ``in case of``.

Across a clause boundary (ccomp, finite conj, csubj) only clause-level cues
of the governing clause still apply (conditionals, ``it is possible that``,
governing-word cues); a relative clause or a finite adverbial clause is its
own assertion and stops the walk, so "Officials who may resign said Russia
attacked" leaves *attacked* asserted.  An event noun that is the definite
subject or a plain object/oblique of a verb (``condemned the attack``,
``vowed to retaliate for the killing``) does not inherit that verb's
modality, except for light verbs (``failed to reach an agreement``) and
occurrence predicates (``no attack took place``).

Precedence (documented rule)
----------------------------
1. A conditional scope (``if``/``unless``/``whether``/``in the event of``/
   ``in case of``/inverted conditional/direct question) containing the
   trigger makes it ``hypothetical`` whatever else is inside the condition
   ("if Washington did not stop arming Ukraine" -> hypothetical).
2. Otherwise: negated > hypothetical > future > reported_claim > asserted.
3. Exceptions inside rule 2: ``may/might/should/must not`` stays
   hypothetical (the modal scopes over the negation); a negated negative
   governor ("did not rule out", "did not deny") is hypothetical; a negation
   on an aspectual verb ("did not stop arming") does not negate its
   complement.

Documented choices: evidential hedges (``apparently``, ``seems/appears to
have``, ``is known/said/believed to have``) are ``reported_claim``;
epistemic hedges on the author's own statement (``probably``, ``perhaps``,
``may have``) are ``hypothetical``; requested or demanded events (``urged X
to``, ``called for``, ``demanded that``) are ``hypothetical``; committed
or planned ones (``pledged``, ``agreed``, ``threatened to``) are ``future``;
neutral attribution (``X said``, ``reported``, ``according to the
ministry``) does not change the modality, distancing attribution
(``claimed``, ``alleged``, ``maintains``, ``according to unconfirmed
reports``) gives ``reported_claim``.  A governing event (``refused``,
``claimed``, ``agreed``) is itself asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

__all__ = ["ModalityClassifier", "MODALITIES", "PRECEDENCE"]

MODALITIES = ("asserted", "negated", "hypothetical", "future", "reported_claim")
#: higher wins (rule 2 of the module docstring)
PRECEDENCE = MappingProxyType({"negated": 4, "hypothetical": 3, "future": 2, "reported_claim": 1, "asserted": 0})

_MODAL_CATEGORIES = frozenset(PRECEDENCE) - {"asserted"}
_SCOPES = frozenset(
    "aux aux_absorb neg subj adv adj pred mark prep cond clausemod inversion comp clause passive role".split()
)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VERB_POS = frozenset({"VERB", "AUX"})
_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"})
_INDEFINITE_DETS = frozenset({"a", "an", "any", "no", "some", "another", "every"})
_PAST_TAGS = frozenset({"VBD"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MAX_STEPS = 12

# walk modes
_FULL = 2  # every local cue of the node applies
_CLAUSE = 1  # only clause-level cues (conditionals, predicative hedges)
_WEAK = 0  # only governing-word cues


@dataclass(frozen=True)
class _Cue:
    category: str
    reason: str
    conditional: bool = False  # rule 1: a conditional scope wins


@dataclass
class _Lexicon:
    single: dict[str, dict[str, str]] = field(default_factory=dict)  # scope -> lemma -> category
    multi: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)  # scope -> lemma tuple -> category
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # category -> lemmas (scope 'role')
    passive_exist: frozenset[str] = frozenset()
    max_multi: int = 1
    size: int = 0


def _parse_lexicon(lines: Iterable[str], origin: str) -> _Lexicon:
    lex = _Lexicon()
    roles: dict[str, set[str]] = {}
    passive_exist: set[str] = set()
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"{origin}:{lineno}: expected 'cue<TAB>category<TAB>scope[<TAB>note]'")
        cue, category, scope = (p.strip() for p in parts[:3])
        cue = cue.lower()
        if scope not in _SCOPES:
            raise ValueError(f"{origin}:{lineno}: unknown scope {scope!r}")
        lex.size += 1
        if scope == "role":
            roles.setdefault(category, set()).add(cue)
            continue
        if category == "exist" and scope == "passive":
            passive_exist.add(cue)
            continue
        if category not in _MODAL_CATEGORIES:
            raise ValueError(f"{origin}:{lineno}: unknown category {category!r} for scope {scope!r}")
        variants = {cue, cue.replace("'", "\u2019")}  # typographic apostrophe: "n’t", "’ll"
        for variant in variants:
            words = tuple(variant.split())
            if len(words) == 1:
                lex.single.setdefault(scope, {})[words[0]] = category
            else:
                lex.multi.setdefault(scope, {})[words] = category
                lex.max_multi = max(lex.max_multi, len(words))
    lex.roles = {k: frozenset(v) for k, v in roles.items()}
    lex.passive_exist = frozenset(passive_exist)
    return lex


def _lemma(tok) -> str:
    lem = tok.lemma_.lower()
    return lem if lem and lem != "-pron-" else tok.lower_


def _forms(tok) -> tuple[str, ...]:
    """Lemma, surface form, and a naive de-inflection (the small model mis-lemmatises 'hopes' as 'hop')."""
    low = tok.lower_
    forms = [_lemma(tok), low]
    if tok.tag_ == "VBZ" and low.endswith("s"):
        forms.append(low[:-1])
    elif tok.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        forms.extend((low[:-1], low[:-2]))
    return tuple(forms)


def _lookup(table: dict, tok):
    for f in _forms(tok):
        if f in table:
            return table[f], f
    return None, None


def _bare_infinitive_clause(tok) -> bool:
    """A to-infinitive with no subordinator of its own ("to allow", not "in order to allow")."""
    kids = list(tok.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in ("order", "so")) for c in kids)


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _has_subject(tok) -> bool:
    return any(c.dep_ in _SUBJ_DEPS for c in tok.children)


def _is_nominal(tok) -> bool:
    return tok.pos_ in _NOUN_POS or (tok.tag_.startswith("NN"))


# subordinators of time: with a present tense under a future clause they speak of what has not happened yet
FUTURE_TIME_MARKS = {"until", "till", "when", "before", "after", "once"}


class ModalityClassifier:
    """Decides the modality of an event from its trigger token (see module docstring)."""

    def __init__(self, lexicon: _Lexicon):
        self._lex = lexicon
        s = lexicon.single
        self._aux = {**s.get("aux", {}), **s.get("aux_absorb", {})}
        self._aux_absorb = frozenset(s.get("aux_absorb", {}))
        self._neg = s.get("neg", {})
        self._subj = s.get("subj", {})
        self._adv = s.get("adv", {})
        self._adj = s.get("adj", {})
        self._pred = s.get("pred", {})
        self._mark = s.get("mark", {})
        self._inversion = s.get("inversion", {})
        self._comp = s.get("comp", {})
        self._clause = s.get("clause", {})
        self._passive = s.get("passive", {})
        self._prep1 = s.get("prep", {})
        self._cond1 = s.get("cond", {})
        m = lexicon.multi
        self._comp_multi = m.get("comp", {})
        self._clause_multi = m.get("clause", {})
        self._prep_multi = {**m.get("prep", {}), **m.get("cond", {})}
        self._cond_multi = m.get("cond", {})
        self._clausemod_multi = m.get("clausemod", {})
        r = lexicon.roles
        self._neg_flip = r.get("neg_flip", frozenset())
        self._support = r.get("support", frozenset())
        self._participate = r.get("participate", frozenset())
        self._source = r.get("source", frozenset())
        self._proform = r.get("proform", frozenset())
        self._exist = r.get("exist", frozenset())
        self._exist_multi = frozenset(tuple(x.split()) for x in self._exist if " " in x)
        self._passive_exist = lexicon.passive_exist
        self._future_roles = r.get("future", frozenset())
        self._max_multi = lexicon.max_multi

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> "ModalityClassifier":
        """Build a classifier from a cue lexicon (default: the packaged coding/data/modality.tsv)."""
        if path is None:
            ref = resources.files("geopol.coding").joinpath("data/modality.tsv")
            text = ref.read_text(encoding="utf-8")
            origin = "geopol/coding/data/modality.tsv"
        else:
            text = Path(path).read_text(encoding="utf-8")
            origin = str(path)
        return cls(_parse_lexicon(text.splitlines(), origin))

    @property
    def lexicon_size(self) -> int:
        return self._lex.size

    # ------------------------------------------------------------------ public
    def classify(self, trigger) -> tuple[str, str]:
        """Return ``(modality, reason)`` for the event whose trigger is ``trigger``."""
        cues: list[_Cue] = []
        node = trigger
        mode = _FULL
        skip_neg_on: object = None
        weak_budget = 0
        for _ in range(_MAX_STEPS):
            self._local_cues(node, trigger, mode, cues, skip_neg=node is skip_neg_on)
            head = node.head
            if head is node or head.i == node.i:
                if mode >= _CLAUSE and self._is_question(node):
                    cues.append(_Cue("hypothetical", f"question governs '{trigger.text}'", True))
                break
            dep = node.dep_
            if mode == _WEAK and dep not in ("prep", "agent", "dative"):
                # an event noun that is an argument/oblique of a predicate takes only the cue of
                # its immediate governor ("cancelled the visit"), not that of higher verbs
                # ("vowed to retaliate for the killing": the killing is asserted)
                if weak_budget <= 0:
                    break
                weak_budget -= 1
            nxt_mode, stop = self._step(node, head, dep, mode, trigger, cues)
            if stop:
                break
            if nxt_mode == _WEAK and mode != _WEAK:
                weak_budget = 1 if dep == "acl" else 0
            if dep == "xcomp" and _lemma(head) in self._neg_flip:
                skip_neg_on = head
            mode = nxt_mode
            node = head
        return self._decide(cues, trigger)

    # ------------------------------------------------------------------ walk
    def _step(self, node, head, dep, mode, trigger, cues) -> tuple[int, bool]:
        """Apply the cues carried by the link node->head; return (next mode, stop?)."""
        hl = _lemma(head)
        if dep == "relcl":
            # "In the event that Kyiv falls": the parser reads 'that' as a relative pronoun
            hit = self._match_multi_ending(node.left_edge, self._cond_multi)
            if hit is not None:
                cues.append(_Cue(hit[0], f"conditional phrase '{' '.join(hit[1])}' governs '{trigger.text}'", True))
            return mode, True
        if dep in ("parataxis", "appos", "npadvmod", "compound", "poss", "nmod", "meta", "dep", "punct"):
            return mode, True
        if dep == "advcl":
            if _has_subject(node) and not self._inverted(node):
                return mode, True  # finite adverbial clause: its own assertion
            if _bare_infinitive_clause(node) or self._gerund_complement(node, head):
                # "demanded the parties to allow", "have sworn to fight": an infinitive the parser hung
                # as an adverbial clause is the governor's complement and takes its cue; so is a gerund right
                # after its verb ("ruled out sending troops")
                self._governor_cue(node, head, "xcomp", cues, trigger)
                self._object_noun_cue(node, head, cues, trigger)
            return mode, False  # participial / purpose clause shares the main clause's modality
        if dep == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < node.i for c in head.children):
            # "neither confirmed nor denied", "neither attacked nor threatened": the second is negated too
            cues.append(_Cue("negated", f"'nor' before '{node.text}'"))
        if dep == "conj":
            if node.pos_ in _VERB_POS and (
                _has_subject(node)
                or node.tag_ in _FINITE_TAGS
                or any(c.dep_ in ("aux", "auxpass", "neg") for c in node.children)
            ):  # a conjunct with its own subject/auxiliary does not share the first conjunct's
                if self._is_proform(node):
                    return _FULL, False
                return min(mode, _CLAUSE), False
            return mode, False
        if dep == "xcomp":
            self._governor_cue(node, head, "xcomp", cues, trigger)
            return mode, False
        if dep in ("ccomp", "csubj", "csubjpass"):
            self._governor_cue(node, head, "ccomp", cues, trigger)
            if dep == "ccomp":
                self._object_noun_cue(node, head, cues, trigger)
            return min(mode, _CLAUSE), False
        if dep == "acl" and node.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in node.children) \
                and any(c.dep_ == "agent" for c in node.children):
            # a reduced relative clause with its agent, "a deal brokered by China": a past act of its own
            # that describes the noun, not the noun's content
            return mode, True
        if dep == "acl":
            self._governor_cue(node, head, "acl", cues, trigger)
            return _WEAK, False
        if dep in ("pobj", "pcomp"):
            self._prep_object_cue(node, head, cues, trigger)
            if dep == "pcomp" and _has_subject(node) and any(c.dep_ in ("aux", "auxpass") for c in node.children):
                return mode, True  # finite clause under a preposition ("from where moves have been made")
            verbal = dep == "pcomp" or node.tag_ == "VBG"
            predicative = head.dep_ == "prep" and (_lemma(head.head) == "be"  # "has been under discussion"
                                                   or self._takes_part(head.head))  # "was not involved in"
            return (mode if verbal or predicative else _WEAK), False
        if dep in ("prep", "agent", "dative"):
            self._governor_cue(node, head, "prep", cues, trigger)
            return mode, False
        if dep == "attr" and hl == "be" and _is_nominal(node):
            # the copula predicates the event noun: "in what would be the first trip by a Chinese premier"
            return mode, False
        if dep in ("dobj", "attr", "oprd"):
            self._governor_cue(node, head, "obj", cues, trigger)
            if _is_nominal(node) and hl not in self._support:
                self._elliptic_condition(head, trigger, cues)
                return _WEAK, False
            return mode, False
        if dep in ("nsubj", "nsubjpass"):
            if not _is_nominal(node):
                return _WEAK, False
            self._scheduled_subject(head, trigger, cues)   # "Talks are scheduled to resume next week"
            if self._existential(head) or self._indefinite(node):
                return mode, False
            self._elliptic_condition(head, trigger, cues)  # "If confirmed, the deployment ... would"
            return mode, True
        if dep in ("advmod", "acomp", "prt", "amod"):
            return mode, False
        return mode, True

    def _scheduled_subject(self, head, trigger, cues) -> None:
        """An event noun that is the subject of a scheduling or planning predicate is not yet an event:
        "talks are scheduled/expected/set to resume", "a visit is planned for June", "the vote is due"."""
        if _is_passive(head):
            for table in (self._passive, self._comp):
                cat, form = _lookup(table, head)
                if cat in ("future", "hypothetical"):
                    cues.append(_Cue(cat, f"'{head.text}' ({form}) governs its subject '{trigger.text}'"))
                    return
        for c in head.children:
            if c.dep_ in ("acomp", "oprd") and self._pred.get(_lemma(c)) == "future":
                cues.append(_Cue("future", f"predicate '{c.text}' governs its subject '{trigger.text}'"))
                return

    @staticmethod
    def _gerund_complement(node, head) -> bool:
        """A subjectless gerund right after its governing verb (only particles or adverbs between), parsed as an
        adverbial clause: "ruled out sending troops", "denied supplying weapons"."""
        if node.tag_ != "VBG" or node.i < head.i or any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in node.children):
            return False
        doc = node.doc
        return all(doc[i].dep_ in ("prt", "advmod", "neg") for i in range(head.i + 1, node.i))

    def _future_time_clause(self, node) -> bool:
        """A present-tense adverbial clause under a clause with "will" / "would" / "shall", or under an
        infinitive a verb of planning governs ("plans to send police once the Council gives its approval")."""
        if node.dep_ != "advcl" or node.tag_ not in ("VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in node.children):
            return False
        head = node.head
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in head.children):
            return True
        return head.dep_ == "xcomp" and head.head.i != head.i and _lookup(self._comp, head.head)[0] == "future"

    def _takes_part(self, verb) -> bool:
        """A verb of taking part ("involved", "participated", "took part"): its event noun under "in" is its act."""
        if _lemma(verb) == "part" and _lemma(verb.head) == "take":
            return "take part" in self._participate
        return _lemma(verb) in self._participate

    @staticmethod
    def _is_question(root) -> bool:
        sent = root.sent
        for j in range(sent.end - 1, max(sent.start, sent.end - 4) - 1, -1):
            t = root.doc[j]
            if t.text == "?":
                return True
            if not (t.is_punct or t.is_quote):
                return False
        return False

    def _elliptic_condition(self, head, trigger, cues) -> None:
        """'If confirmed, ...' / 'if true': a verbless conditional that covers the whole clause."""
        for c in head.children:
            if c.dep_ == "advcl" and not _has_subject(c) and c.tag_ in ("VBN", "JJ"):
                for m in c.children:
                    if m.dep_ == "mark" and m.lower_ in self._mark and self._mark[m.lower_] == "hypothetical":
                        cues.append(_Cue("hypothetical", f"conditional '{m.text} {c.text}' governs '{trigger.text}'", True))
                        return

    def _inverted(self, node) -> bool:
        first = node.left_edge
        if first.lower_ not in self._inversion:
            return False
        if first is not node and first.head is not node:
            return False
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subj) and subj[0].i > first.i

    def _is_proform(self, node) -> bool:
        return any(c.dep_ in ("advmod", "acomp", "attr") and c.lower_ in self._proform for c in node.children)

    def _existential(self, head) -> bool:
        hl = _lemma(head)
        if hl in self._exist:
            return True
        for c in head.children:
            if c.dep_ in ("dobj", "prt", "advmod") and (hl, _lemma(c)) in self._exist_multi:
                return True
        return hl in self._passive_exist and _is_passive(head)

    @staticmethod
    def _indefinite(noun) -> bool:
        for c in noun.children:
            if c.dep_ in ("det", "poss") :
                low = c.lower_
                if low in _INDEFINITE_DETS:
                    return True
                if c.dep_ == "poss" or low in _DEFINITE_DETS:
                    return False
        return noun.pos_ != "PROPN" and noun.tag_ in ("NNS",)

    def _phrasal_keys(self, head) -> list[tuple[str, ...]]:
        hl = _lemma(head)
        keys = []
        for c in head.children:
            if c.dep_ in ("prt", "advmod") and c.i > head.i:
                keys.append((hl, _lemma(c)))
            elif c.dep_ == "prep" and c.i == head.i + 1:  # "calling on X to recognise"
                keys.append((hl, c.lower_))
        return keys

    def _governor_cue(self, node, head, link, cues, trigger) -> None:
        """Cue carried by the governing word `head` on its complement `node`."""
        hl = _lemma(head)
        cat = None
        cue = hl
        # phrasal verbs first: "call off", "rule out", "call for"
        keys = self._phrasal_keys(head)
        if link == "prep":
            keys.append((hl, _lemma(node)))
        for key in keys:
            if key in self._comp_multi:
                cat, cue = self._comp_multi[key], " ".join(key)
                break
            if link in ("xcomp", "ccomp", "acl") and key in self._clause_multi:
                cat, cue = self._clause_multi[key], " ".join(key)
                break
        if cat is None:
            pcat, pform = _lookup(self._passive, head)
            if _lookup(self._comp, head)[0]:
                cat, cue = _lookup(self._comp, head)
            elif link in ("xcomp", "ccomp", "acl") and _lookup(self._clause, head)[0] and not (
                    link == "ccomp" and node.tag_ == "VBD" and node.i < head.i):
                # (fronted past-tense content is a report of what was done: "Solomon Islands severed ties with
                # Taiwan, the cabinet decided")
                cat, cue = _lookup(self._clause, head)
            elif link in ("xcomp", "ccomp") and pcat and (
                _is_passive(head) or (head.tag_ == "VBN" and link == "xcomp")
            ):
                cat, cue = pcat, pform
            elif link == "acl" and (hl in self._source or head.lower_ in self._source):
                cat = "reported_claim"  # "a report that New Delhi had ordered ..."
            elif link == "ccomp" and self._source_subject(head):
                cat, cue = "reported_claim", self._source_subject(head)
            elif link == "xcomp":
                cat = self._xcomp_special(node, head)
                if cat:
                    cue = f"{head.text} to"
        if link in ("xcomp", "ccomp") and cat is None:
            for c in head.children:  # "It is possible that", "is due to", "is about to"
                if c.dep_ in ("acomp", "oprd", "attr") and c is not node and _lemma(c) in self._pred:
                    cat, cue = self._pred[_lemma(c)], c.lower_
                    break
        if link == "xcomp" and cat is None and _lookup(self._pred, head)[0]:
            cat, cue = _lookup(self._pred, head)
        if cat is None:
            return
        # negation on the governor: "no plans to", "did not rule out"
        neg = self._negator_of(head)
        if neg is not None:
            if cat == "negated":
                cues.append(_Cue("hypothetical", f"negated negative '{neg.text} {cue}' governs '{trigger.text}'"))
                return
            if link != "xcomp":  # on an xcomp chain the negation is collected anyway
                cues.append(_Cue("negated", f"negation '{neg.text}' on governing '{head.text}'"))
        cues.append(_Cue(cat, f"{cat} cue '{cue}' governs '{trigger.text}'"))

    def _object_noun_cue(self, node, head, cues, trigger) -> None:
        """A clause the parser hung on the verb instead of on its object noun takes the noun's cue:
        "reiterated its demand today that Israel ease", "signed an agreement today to increase trade"."""
        n_before = len(cues)
        for c in head.children:
            if c.dep_ in ("dobj", "attr") and c.i < node.i and _is_nominal(c) and len(cues) == n_before:
                self._governor_cue(node, c, "acl", cues, trigger)

    def _source_subject(self, head) -> str | None:
        """'Rumours spread that ...', 'Reports say that ...': an unendorsed source as subject."""
        for c in head.children:
            if c.dep_ == "nsubj" and (_lemma(c) in self._source or c.lower_ in self._source):
                return c.text
        return None

    def _xcomp_special(self, node, head) -> str | None:
        hl = _lemma(head)
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if not has_to:
            return None
        if hl == "go" and head.tag_ == "VBG" and "go" in self._future_roles:
            return "future"
        if hl == "be" and "be" in self._future_roles and not any(
            c.dep_ in ("acomp", "attr", "prep", "oprd") for c in head.children
        ):  # "are to leave", but not "is at liberty to use" / "is free to use"
            return "future"
        return None

    def _negator_of(self, tok):
        for c in tok.children:
            if c.dep_ in ("neg", "det", "advmod", "preconj") and c.lower_ in self._neg:
                if c.dep_ == "advmod" and c.lower_ not in ("never",):
                    continue
                nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
                if nxt is not None and nxt.lower_ == "only":
                    continue
                return c
        return None

    def _match_multi_ending(self, tok, table) -> tuple[str, tuple[str, ...]] | None:
        doc = tok.doc
        for n in range(self._max_multi, 1, -1):
            start = tok.i - n + 1
            if start < 0:
                continue
            key = tuple(_lemma(doc[j]) for j in range(start, tok.i + 1))
            if key in table:
                return table[key], key
            key2 = tuple(doc[j].lower_ for j in range(start, tok.i + 1))
            if key2 in table:
                return table[key2], key2
        return None

    def _prep_object_cue(self, node, prep, cues, trigger) -> None:
        low = prep.lower_
        hit = None
        if low in self._prep1:
            hit = (self._prep1[low], (low,))
        elif low in self._cond1:
            hit = (self._cond1[low], (low,))
        else:
            hit = self._match_multi_ending(prep, self._prep_multi)
        if hit is None:
            return
        cat, key = hit
        cond = key in self._cond_multi or key[0] in self._cond1
        verb = "conditional phrase" if cond else "preposition"
        cues.append(_Cue(cat, f"{verb} '{' '.join(key)}' governs '{trigger.text}'", cond and cat == "hypothetical"))

    # ------------------------------------------------------------------ local cues
    def _local_cues(self, node, trigger, mode, cues, skip_neg=False) -> None:
        if mode == _WEAK:
            return
        full = mode == _FULL
        modal_absorb = False
        neg_tok = None
        for c in node.children:
            dep = c.dep_
            low = c.lower_
            lem = _lemma(c)
            if dep == "mark" and low in self._mark:
                cues.append(_Cue(self._mark[low], f"conditional clause '{c.text}' governs '{trigger.text}'", True))
                continue
            if (dep == "mark" and low in FUTURE_TIME_MARKS or dep == "advmod" and low == "when" and c.i < node.i) \
                    and self._future_time_clause(node):
                # "the sanctions will stay until Moscow changes course": a present tense after "until", "when"
                # (which the parser may take for an adverb), "before" under a future clause speaks of what has
                # not happened
                cues.append(_Cue("hypothetical", f"future time clause '{c.text} {node.text}' governs "
                                                 f"'{trigger.text}'", True))
                continue
            if dep == "mark":
                continue
            if dep in ("acomp", "oprd", "attr") and lem in self._pred and self._pred[lem] == "hypothetical":
                # predicative hedge: "an attack seems unlikely", "remains possible"
                cues.append(_Cue("hypothetical", f"predicate '{c.text}' on '{node.text}'"))
                continue
            if dep == "prep":
                self._prep_child_cue(c, node, trigger, cues)
                continue
            if not full:
                continue
            if dep in ("aux", "auxpass"):
                cat = self._aux.get(lem) or self._aux.get(low)
                if cat is None:
                    continue
                if (lem in self._aux_absorb or low in self._aux_absorb):
                    modal_absorb = True
                if lem == "would" or low == "would":
                    if self._future_in_past(node):
                        cues.append(_Cue("future", f"future-in-the-past 'would' on '{node.text}'"))
                        continue
                cues.append(_Cue(cat, f"{cat} auxiliary '{c.text}' on '{node.text}'"))
            elif dep in ("neg", "det", "preconj") or (dep == "advmod" and low == "never"):
                if low in self._neg and not skip_neg:
                    nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
                    if nxt is not None and nxt.lower_ == "only":
                        continue  # "not only ... but also"
                    neg_tok = c
            elif dep in ("advmod", "npadvmod"):
                cat = self._adv.get(low) or self._adv.get(lem)
                if cat is None:
                    continue
                if low == "yet" and _lemma(node) not in ("have", "be"):
                    continue
                cues.append(_Cue(cat, f"{cat} adverb '{c.text}' on '{node.text}'"))
            elif dep == "amod" and _is_nominal(node):
                cat = self._adj.get(low) or self._adj.get(lem)
                if cat is not None:
                    cues.append(_Cue(cat, f"{cat} modifier '{c.text}' on '{node.text}'"))
            elif dep in ("nsubj", "nsubjpass") and not skip_neg:
                if low in self._subj or lem in self._subj:
                    cues.append(_Cue("negated", f"negative subject '{c.text}' of '{node.text}'"))
                else:
                    for d in c.children:
                        if d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither"):
                            cues.append(_Cue("negated", f"negative subject '{d.text} {c.text}' of '{node.text}'"))
                            break
        if node is not trigger:
            self._elliptic_condition(node, trigger, cues)
        if full and self._inverted(node) and node.dep_ == "advcl":
            cues.append(_Cue("hypothetical", f"inverted conditional '{node.left_edge.text}' governs '{trigger.text}'", True))
        if neg_tok is not None:
            if modal_absorb:
                cues.append(_Cue("hypothetical", f"modal with negation '{neg_tok.text}' on '{node.text}'"))
            else:
                cues.append(_Cue("negated", f"negation '{neg_tok.text}' on '{node.text}'"))

    def _future_in_past(self, node) -> bool:
        """'said he would visit': 'would' in a that-clause after a past-tense verb.

        Fronted content ('NATO would retaliate ..., the secretary general said') keeps the
        conditional reading."""
        while node.dep_ == "conj" and node.head is not node:  # "said it would not send ... but would continue"
            node = node.head
        head = node.head
        if head.tag_ == "VBG" and head.dep_ == "pcomp" and head.head.lower_ == "as":
            head = head.head.head    # "was quoted as saying he would be ready to ...": the tense of "quoted"
            if any(c.dep_ in ("aux", "auxpass") and c.tag_ in _PAST_TAGS for c in head.children):
                head = next(c for c in head.children if c.dep_ in ("aux", "auxpass") and c.tag_ in _PAST_TAGS)
        if node.dep_ != "ccomp" or head.tag_ not in _PAST_TAGS or node.i < node.head.i:
            return False
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in node.children):
            return False  # "would have" is counterfactual
        return not any(c.dep_ == "advcl" for c in node.children)

    def _prep_child_cue(self, prep, node, trigger, cues) -> None:
        """A prepositional phrase modifying a path node: 'in the event of X', 'at no point', 'according to reports'."""
        doc = prep.doc
        low = prep.lower_
        if low == "according":
            for to in prep.children:
                for obj in to.children:
                    if obj.dep_ != "pobj":
                        continue
                    words = {_lemma(obj)} | {_lemma(d) for d in obj.children if d.dep_ in ("amod", "compound")}
                    src = words & self._source
                    if src:
                        cues.append(_Cue("reported_claim", f"unendorsed source 'according to {obj.text}' on '{node.text}'"))
                    return
            return
        if low in self._cond1:
            cues.append(_Cue(self._cond1[low], f"conditional phrase '{prep.text}' on '{node.text}'", True))
            return
        end = min(len(doc), prep.i + self._max_multi)
        for table, cond in ((self._cond_multi, True), (self._clausemod_multi, False)):
            for n in range(end - prep.i, 1, -1):
                key = tuple(_lemma(doc[j]) for j in range(prep.i, prep.i + n))
                key2 = tuple(doc[j].lower_ for j in range(prep.i, prep.i + n))
                k = key if key in table else key2 if key2 in table else None
                if k is not None:
                    cat = table[k]
                    kind = "conditional phrase" if cond else "phrase"
                    cues.append(_Cue(cat, f"{kind} '{' '.join(k)}' on '{node.text}'", cond and cat == "hypothetical"))
                    return

    # ------------------------------------------------------------------ decision
    @staticmethod
    def _decide(cues: list[_Cue], trigger) -> tuple[str, str]:
        if not cues:
            return "asserted", f"no modality cue governs '{trigger.text}'"
        for c in cues:
            if c.conditional:
                return "hypothetical", c.reason
        best = max(cues, key=lambda c: PRECEDENCE[c.category])
        return best.category, best.reason
