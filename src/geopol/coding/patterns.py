"""The pattern dictionary: transparent, editable event patterns.

Files: ``coding/data/patterns/*.tsv`` (columns ``code  pattern  note``) and
``coding/data/synsets.tsv`` (columns ``name  words``). Pattern syntax, one
pattern per line::

    057   sign &AGREEMENT                     verb "sign" with agreement/treaty/... in its frame
    057   n:signing of &AGREEMENT             noun trigger "signing"
    042   visit $                             target = the direct object
    163   impose &SANCTION on|against $       target = object of the preposition on/against
    0254  call for lifting|abrogation|end of &SANCTION
    071   receive aid from $ @swap            the bound actor is the SOURCE, the subject the target
    190   n:attack !heart                     "!word": the word must NOT be in the frame

* The first token is the trigger lemma (``n:`` marks a noun trigger); ``a|b``
  gives alternatives; ``&NAME`` a synset from synsets.tsv.
* Other words must all occur (as lemma or lower-case text) in the trigger's
  *frame*: its dependency subtree without its subject and without nested
  clauses (see :mod:`geopol.coding.extract`). Order does not matter.
* ``$`` marks the target slot: after a preposition it is that preposition's
  object, otherwise the direct object.
* The most specific matching pattern wins (most required words, then a
  target slot, then the deeper code, then file order). A pattern whose ``$``
  follows a preposition applies only when an actor is found there.

Extensions (all optional, freely combined)::

    0871  declare cease_fire                  "a_b": the words a, b as neighbouring tokens of the frame
    1011  call_for                            (also as an alternative: "talks|peace_talks")
    020   appeal to/prep $                    "word/TAG": the word with that part of speech or dependency
                                              (prep, adp, part, aux, verb, noun, adj, adv, dobj, pobj...):
                                              "to/prep" is the preposition, "to/aux" the infinitive marker
    0831  resign s:minister|president         "s:word": a word of the trigger's SUBJECT phrase (not its frame)
    071   n:aid from $src                     "$src": the actor found at the slot is the SOURCE; for a verb the
                                              subject becomes the target (= ``$ @swap``); for a noun the target
                                              is looked for elsewhere in the frame

* ``_`` inside a synset name (``&ECON_AID``) is part of the name, not a
  multi-word joint.
* A word group never contains the trigger's own lemma: grid-generated
  patterns such as ``aid|help &AID`` do not require a second "aid"; the head
  lemma is removed from the group (unless it is the group's only word).
* ``s:`` tests count as required words for specificity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geopol.coding.ontology import data_path, read_tsv

PREPOSITIONS = frozenset(
    "to with on against for from at in into of over toward towards upon by about between among "
    "across onto inside within through under near behind beyond amid".split())
OBJ = "OBJ"


class PatternError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    head: frozenset[str]
    noun: bool
    words: tuple[frozenset[str], ...]
    forbidden: frozenset[str]
    target: frozenset[str] | None      # prepositions whose object is the target, or {OBJ}
    swap: bool
    text: str
    origin: str
    order: int = 0
    subject: tuple[frozenset[str], ...] = ()   # s:word tests on the subject phrase
    src_slot: bool = False                      # the slot is written $src: its actor is the source

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        # more required words, then a target slot, then the deeper code, then file order
        return (len(self.words) + len(self.subject), 1 if self.target else 0, len(self.code), -self.order)

    def matches(self, frame: set[str], subject: set[str] | None = None) -> bool:
        if self.forbidden & frame:
            return False
        if self.subject and not (subject and all(alts & subject for alts in self.subject)):
            return False
        return all(alts & frame for alts in self.words)


def load_synsets(path: Path | str | None = None) -> dict[str, frozenset[str]]:
    path = Path(path) if path else data_path("geopol.coding", "synsets.tsv")
    if not path.exists():
        return {}
    synsets: dict[str, frozenset[str]] = {}
    for row in read_tsv(path):
        name = row["name"].lstrip("&").upper()
        synsets[name] = frozenset(w.strip().lower() for w in row["words"].split("|") if w.strip())
    return synsets


def _alternatives(token: str, synsets: dict[str, frozenset[str]], origin: str) -> frozenset[str]:
    out: set[str] = set()
    for alt in token.split("|"):
        if alt.startswith("&"):
            name = alt[1:].upper()
            if name not in synsets:
                raise PatternError(f"{origin}: unknown synset &{name}")
            out |= synsets[name]
        elif alt:
            out.add(alt.lower())
    return frozenset(out)


def parse_pattern(code: str, text: str, synsets: dict[str, frozenset[str]], origin: str = "",
                  order: int = 0) -> Pattern:
    toks = text.split()
    if not toks:
        raise PatternError(f"{origin}: empty pattern")
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise PatternError(f"{origin}: bad CAMEO code {code!r}")
    head_tok = toks[0]
    noun = head_tok.startswith("n:")
    if noun:
        head_tok = head_tok[2:]
    head = _alternatives(head_tok, synsets, origin)
    words: list[frozenset[str]] = []
    subject: list[frozenset[str]] = []
    forbidden: set[str] = set()
    target: frozenset[str] | None = None
    swap = False
    src_slot = False
    prev: frozenset[str] | None = None
    for tok in toks[1:]:
        if tok == "@swap":
            swap = True
            continue
        if tok.startswith("s:") and len(tok) > 2:
            subject.append(_alternatives(tok[2:], synsets, origin))
            continue
        if tok in ("$", "$src"):
            if tok == "$src":
                src_slot = True
            if prev is not None and prev <= PREPOSITIONS:
                target = prev
            else:
                target = frozenset([OBJ])
            prev = None
            continue
        if tok.startswith("!"):
            forbidden |= _alternatives(tok[1:], synsets, origin)
            continue
        alts = _alternatives(tok, synsets, origin)
        if alts - head:       # the trigger's own lemma is not a second required word
            alts = alts - head
        words.append(alts)
        prev = alts
    if src_slot and target is None:
        raise PatternError(f"{origin}: $src without a slot")
    return Pattern(code=code, head=head, noun=noun, words=tuple(words), forbidden=frozenset(forbidden),
                   target=target, swap=swap or (src_slot and not noun), text=text, origin=origin, order=order,
                   subject=tuple(subject), src_slot=src_slot)


@dataclass
class PatternSet:
    """Patterns indexed by trigger lemma; ``best`` picks the most specific match."""

    patterns: list[Pattern] = field(default_factory=list)
    verb_index: dict[str, list[Pattern]] = field(default_factory=dict)
    noun_index: dict[str, list[Pattern]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | str | None = None, synsets: Path | str | None = None,
             extra: list[Pattern] | None = None) -> "PatternSet":
        folder = Path(folder) if folder else data_path("geopol.coding", "patterns")
        syn = load_synsets(synsets)
        pats: list[Pattern] = []
        files = sorted(folder.glob("*.tsv")) if folder.is_dir() else [folder]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    line = line.rstrip("\n")
                    if not line.strip() or line.startswith("#") or line.startswith("code\t"):
                        continue
                    parts = line.split("\t")
                    if len(parts) < 2:
                        raise PatternError(f"{f}:{lineno}: expected 'code<TAB>pattern'")
                    pats.append(parse_pattern(parts[0].strip(), parts[1].strip(), syn,
                                              f"{f.name}:{lineno}", order=len(pats)))
        pats.extend(extra or [])
        return cls.from_patterns(pats)

    @classmethod
    def from_patterns(cls, pats: list[Pattern]) -> "PatternSet":
        ps = cls(patterns=list(pats))
        for p in pats:
            index = ps.noun_index if p.noun else ps.verb_index
            for h in p.head:
                index.setdefault(h, []).append(p)
        for index in (ps.verb_index, ps.noun_index):
            for lst in index.values():
                lst.sort(key=lambda p: p.specificity, reverse=True)
        return ps

    def candidates(self, lemma: str, noun: bool) -> list[Pattern]:
        return (self.noun_index if noun else self.verb_index).get(lemma, [])

    def best(self, lemma: str, noun: bool, frame: set[str], subject: set[str] | None = None) -> Pattern | None:
        for p in self.candidates(lemma, noun):
            if p.matches(frame, subject):
                return p
        return None

    def __len__(self) -> int:
        return len(self.patterns)
