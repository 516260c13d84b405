"""Find actor mentions in a parsed sentence and resolve them to CAMEO actor codes.

Names are matched longest-first against the knowledge base on spaCy tokens; adjacent names
in one noun phrase are composed ("Russian" + "President" + "Vladimir Putin" -> RUSGOV);
people resolve through their tenure on the document date; a few anaphors take the actors of
the preceding text (DocContext):

- "the two countries", "both sides": the two most recent countries; "he"/"she": the most recent
  person; "they": the most recent group of several actors;
- "the former"/"the latter" (used as a noun): the penultimate / last singular actor;
- "the ministry", "the spokesman", "the president" ... ("the" + a role word): the most recent actor
  whose mention ended in that role word ("Chinese Foreign Ministry ... the ministry" -> CHNGOV);
- people not in the knowledge base named next to a role ("Chinese Foreign Ministry spokesman Lin
  Jian", "Lin Jian, a spokesman for the Chinese foreign ministry,"): the name joins the mention and
  its first and last words, repeated later ("Lin said"), resolve to the same actor;
- "the host country/nation/government", "the hosts": the most recent country named as a visit
  destination ("arrived in Pyongyang", "visit to North Korea", "visited Vietnam") or by its capital.
  (The document's dateline is not used: the resolver only sees sentences.)

PETRARCH discard phrases (KnowledgeBase.discards) blank a sentence (or, with ``+``, the rest of
the document) so that nothing in it is coded, as PETRARCH does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span

from geopol.actors.kb import KIND_PRIORITY, Entry, KnowledgeBase
from geopol.records import Actor

COUNTRY_KINDS = ("country", "adjective", "capital", "seat")
ORG_KINDS = ("org", "group")
POSSESSIVE = {"'s", "’s", "'", "’"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
PAIR_NOUNS = {"countries", "sides", "nations", "states", "leaders", "governments", "neighbours", "neighbors",
              "parties", "capitals", "presidents", "allies"}
VISIT_VERBS = {"arrive", "visit", "travel", "fly", "land", "go", "come", "return", "head", "tour", "trip",
               "journey", "stop", "stay", "welcome", "host", "receive"}
HOST_NOUNS = {"country", "nation", "state", "government", "side", "capital", "authorities", "leader"}
HOST_SECTOR = {"government": "GOV", "authorities": "GOV", "leader": "GOV"}
DEFINITE = {"the", "this"}


@dataclass(frozen=True, slots=True)
class Mention:
    """Actors named by one span of tokens (doc indices ``start``..``end``, end exclusive)."""

    start: int
    end: int
    actors: tuple[Actor, ...]
    kind: str = "name"      # name | anaphor


@dataclass
class DocContext:
    """What the preceding sentences of a document said: recent countries, people and groups of actors."""

    countries: list[Actor] = field(default_factory=list)   # most recent last
    people: list[Actor] = field(default_factory=list)
    last_plural: tuple[Actor, ...] = ()
    recent: list[Actor] = field(default_factory=list)      # singular actors, most recent last
    heads: dict[str, Actor] = field(default_factory=dict)  # role word ("ministry") -> its last actor
    names: dict[str, Actor] = field(default_factory=dict)  # a word of a person's name -> the person
    hosts: list[Actor] = field(default_factory=list)       # visit destinations, most recent last
    discarded: str | None = None                           # a story-level discard phrase was seen

    def copy(self) -> "DocContext":
        return DocContext(list(self.countries), list(self.people), self.last_plural, list(self.recent),
                          dict(self.heads), dict(self.names), list(self.hosts), self.discarded)

    def note(self, actors: tuple[Actor, ...]) -> None:
        for a in actors:
            if a.country and a.country not in ("IGO", "NGO"):
                self.countries = [c for c in self.countries if c.country != a.country][-20:] + [
                    Actor(a.text, a.country, a.country, None, a.name, rule="context")]
            if a.name and ("person" in a.rule or "people.tsv" in a.rule):
                self.people = (self.people + [a])[-10:]
        if len(actors) > 1:
            self.last_plural = actors
        elif actors:
            a = actors[0]
            self.recent = [r for r in self.recent if r.code != a.code or r.name != a.name][-20:] + [a]


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    entries: tuple[Entry, ...]


class ActorResolver:
    """Built once per process from a KnowledgeBase and the spaCy tokenizer; stateless per call."""

    def __init__(self, kb: KnowledgeBase, tokenizer) -> None:
        self.kb = kb
        self.table: dict[tuple[str, ...], list[tuple[Entry, tuple[str, ...], str]]] = {}
        self.first: set[str] = set()
        self.maxlen = 1
        cache: dict[str, tuple[str, ...]] = {}
        for e in kb.entries:
            toks = cache.get(e.phrase)
            if toks is None:
                toks = cache[e.phrase] = tuple(t.text for t in tokenizer(e.phrase))
            if not toks:
                continue
            key = tuple(t.lower() for t in toks)
            if e.case:
                case = e.case
            elif e.kind == "sector":
                case = "any"
            elif any(c.isalpha() for c in e.phrase) and e.phrase == e.phrase.upper():
                case = "exact"
            else:
                case = "cap"
            if e.kind == "person" and len(key) == 1 and key[0] in MONTHS:
                continue
            self.table.setdefault(key, []).append((e, toks, case))
            self.first.add(key[0])
            self.maxlen = max(self.maxlen, len(key))
        self.discards: dict[tuple[str, ...], Entry] = {}
        self.discard_first: set[str] = set()
        self.discard_maxlen = 1
        for e in kb.discards:
            key = tuple(t.text.lower() for t in tokenizer(e.phrase))
            if key:
                self.discards.setdefault(key, e)
                self.discard_first.add(key[0])
                self.discard_maxlen = max(self.discard_maxlen, len(key))

    # -- matching -------------------------------------------------------------------------
    def discard(self, sent: Span) -> Entry | None:
        """The PETRARCH discard phrase found in ``sent``, if any."""
        if not self.discards:
            return None
        lowers = [t.lower_ for t in sent]
        for i, w in enumerate(lowers):
            if w in self.discard_first:
                for length in range(min(self.discard_maxlen, len(lowers) - i), 0, -1):
                    e = self.discards.get(tuple(lowers[i:i + length]))
                    if e is not None:
                        return e
        return None

    def _items(self, sent: Span) -> list[_Item]:
        lowers = [t.lower_ for t in sent]
        texts = [t.text for t in sent]
        base = sent.start
        n = len(lowers)
        items: list[_Item] = []
        i = 0
        while i < n:
            if lowers[i] not in self.first:
                i += 1
                continue
            found = None
            for length in range(min(self.maxlen, n - i), 0, -1):
                cands = self.table.get(tuple(lowers[i:i + length]))
                if not cands:
                    continue
                ok = []
                for e, toks, case in cands:
                    if case == "exact" and tuple(texts[i:i + length]) != toks:
                        continue
                    if case == "cap" and not texts[i][:1].isupper():
                        continue
                    ok.append(e)
                if ok:
                    found = _Item(base + i, base + i + length, tuple(ok))
                    break
            if found is not None:
                found = self._not_part_of_a_name(found, sent)
            if found is None:
                i += 1
                continue
            items.append(found)
            i = found.end - base
        return items

    @staticmethod
    def _not_part_of_a_name(it: _Item, sent: Span) -> _Item | None:
        """Drop readings that a longer proper name contradicts: a country inside a person's name
        ("Jordan Peterson", "Michael Jordan"), a first name taken for a known person ("Petro
        Kovalenko"), a country inside a longer place name ("Latin America", "New Mexico")."""
        doc = sent.doc
        first, last = doc[it.start], doc[it.end - 1]
        if not first.ent_type_:
            return it
        ent_start = first.i if first.ent_iob_ == "B" else next(
            (k for k in range(first.i, sent.start - 1, -1) if doc[k].ent_iob_ == "B"), first.i)
        ent_end = last.i + 1
        while ent_end < sent.end and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        while ent_start < it.start and doc[ent_start].pos_ in ("DET", "PUNCT"):
            ent_start += 1
        longer_after = ent_end > it.end
        longer_before = ent_start < it.start
        if not (longer_after or longer_before):
            return it
        etype = first.ent_type_
        keep = []
        for e in it.entries:
            if e.kind in ("country", "adjective", "capital"):
                if etype == "PERSON" or etype in ("GPE", "LOC") and longer_before:
                    continue
            elif e.kind == "person" and etype == "PERSON" and longer_after:
                continue
            keep.append(e)
        if len(keep) == len(it.entries):
            return it
        return _Item(it.start, it.end, tuple(keep)) if keep else None

    @staticmethod
    def _pick(entries: tuple[Entry, ...], when: date | None) -> Entry:
        people = [e for e in entries if e.kind == "person"]
        if people:
            valid = [e for e in people if e.valid_on(when)]
            if valid:
                return valid[0]
            if when is not None:
                past = [e for e in people if e.end and e.end < when]
                if past:
                    return max(past, key=lambda e: e.end)
            return max(people, key=lambda e: e.start or date.min)
        if len(entries) > 1 and any(e.start or e.end for e in entries):
            valid = [e for e in entries if e.valid_on(when) or (when is None and e.start is None)]
            if valid:
                entries = tuple(valid)
        return min(entries, key=lambda e: KIND_PRIORITY.get(e.kind, 9))

    @staticmethod
    def _country_of(e: Entry) -> str | None:
        return e.country if e.kind in COUNTRY_KINDS else None

    def _groups(self, items: list[_Item], sent: Span, when: date | None) -> list[list[tuple[_Item, Entry]]]:
        doc = sent.doc
        groups: list[list[tuple[_Item, Entry]]] = []
        for it in items:
            e = self._pick(it.entries, when)
            if groups:
                prev_it, prev_e = groups[-1][-1]
                gap = it.start - prev_it.end
                adjacent = gap == 0 or (gap == 1 and doc[prev_it.end].text in POSSESSIVE)
                c_prev = next((self._country_of(x) for _, x in groups[-1] if self._country_of(x)), None)
                c_new = self._country_of(e)
                clash = c_prev is not None and c_new is not None and c_prev != c_new
                if adjacent and not clash and prev_e.kind != "person":
                    groups[-1].append((it, e))
                    continue
            groups.append([(it, e)])
        return groups

    @staticmethod
    def _tenure(e: Entry) -> str:
        if e.start is None and e.end is None:
            return ""
        return f" [{e.start or '...'} to {e.end or 'now'}]"

    def _compose(self, group: list[tuple[_Item, Entry]], sent: Span, when: date | None) -> tuple[Actor | None, str]:
        """The actor a group of adjacent names stands for, and the rule that made it."""
        doc = sent.doc
        start, end = group[0][0].start, group[-1][0].end
        span = doc[start:end]
        text = span.text
        cs, ce = span.start_char - sent.start_char, span.end_char - sent.start_char
        entries = [e for _, e in group]
        rule = "+".join(e.origin for e in entries)
        person = next((e for e in reversed(entries) if e.kind == "person"), None)
        sec_entry = next((e for e in reversed(entries) if e.kind == "sector"), None)
        sector = sec_entry.sector if sec_entry else None
        if person is not None:
            if person.valid_on(when) or when is None and person.end is None:
                how = f"person in office on {when or 'today'}{self._tenure(person)} -> {person.code}"
                return Actor(text, person.code, person.country, person.sector, person.name, cs, ce,
                             rule + " (person)"), how
            code = person.after or (person.country + "ELI")
            how = f"person out of office on {when}{self._tenure(person)} -> {code}"
            return Actor(text, code, person.country, code[len(person.country or ""):] or None, person.name,
                         cs, ce, rule + " (person, out of office)"), how
        orgs = [e for e in entries if e.kind in ORG_KINDS]
        if orgs:
            codes = {o.code for o in orgs}
            child = next((o for o in reversed(orgs) if o.parent in codes), orgs[-1])
            how = (f"organ {child.code} of {child.parent}" if child.parent in codes else
                   f"{child.kind} {child.code}" + (f" (role words ignored)" if sector else ""))
            return Actor(text, child.code, child.country, child.sector, child.name, cs, ce, rule), how
        seat = next((e for e in reversed(entries) if e.kind == "seat"), None)
        if seat is not None:
            return Actor(text, seat.code, seat.country, "GOV", seat.name, cs, ce, rule), \
                f"seat of government -> {seat.code}"
        country = next((e for e in reversed(entries) if e.kind in COUNTRY_KINDS), None)
        if country is not None:
            if sector and sec_entry.prefix:
                code = sector + country.code
                how = f"prefix agent {sector} + {country.kind} {country.code}"
            else:
                code = country.code + (sector or "")
                how = (f"{country.kind} {country.code} + role {sector} ({sec_entry.phrase!r})" if sector
                       else f"{country.kind} {country.code}")
            if country.start or country.end:
                how += f", code dated{self._tenure(country)}"
            return Actor(text, code, country.code[:3], sector, country.name, cs, ce, rule), how
        return None, "role words without a country or organisation: no actor"

    # -- public API ---------------------------------------------------------------------
    def mentions(self, sent: Span, when: date | None, context: DocContext | None = None) -> list[Mention]:
        """Mentions in ``sent`` in text order; anaphors are resolved from ``context``, which is then updated."""
        if self.discards:
            if context is not None and context.discarded:
                return []
            d = self.discard(sent)
            if d is not None:
                if context is not None and d.kind == "discard-story":
                    context.discarded = d.origin
                return []
        out: list[Mention] = []
        roles: dict[int, list[tuple[str, Actor]]] = {}
        for group in self._groups(self._items(sent), sent, when):
            actor, _ = self._compose(group, sent, when)
            if actor is not None:
                m = Mention(group[0][0].start, group[-1][0].end, (actor,))
                if context is not None:
                    m = self._named_person(m, sent, context)
                    roles[m.start] = [(sent.doc[it.end - 1].lower_, sub)
                                      for k, (it, e) in enumerate(group) if e.kind in ("sector", "org", "seat")
                                      and (sub := self._compose(group[:k + 1], sent, when)[0] or actor)]
                out.append(m)
        if context is not None:
            out = self._anaphors(sent, out, context, roles)
        return out

    def trace(self, sent: Span, when: date | None) -> list[dict]:
        """How each name group of ``sent`` resolves: entries matched, the one picked, the rule."""
        out = []
        for group in self._groups(self._items(sent), sent, when):
            actor, how = self._compose(group, sent, when)
            out.append({
                "text": sent.doc[group[0][0].start:group[-1][0].end].text,
                "actor": actor.to_dict() if actor else None,
                "rule": how,
                "names": [{"text": sent.doc[it.start:it.end].text,
                           "picked": _entry_dict(e),
                           "candidates": [_entry_dict(x) for x in it.entries]} for it, e in group],
            })
        return out

    # -- people not in the knowledge base --------------------------------------------------
    @staticmethod
    def _name_tokens(doc, i: int, limit: int) -> int:
        """End of a run of capitalised proper-noun tokens from ``i`` (a person's name), else ``i``."""
        j = i
        while j < limit and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].ent_type_ in ("PERSON", ""):
            j += 1
        if j > i and not any(doc[k].ent_type_ == "PERSON" for k in range(i, j)):
            return i
        return j

    def _named_person(self, m: Mention, sent: Span, ctx: DocContext) -> Mention:
        a = m.actors[0]
        if "(person" in a.rule or a.sector is None or not a.country:
            return m
        doc = sent.doc
        end = self._name_tokens(doc, m.end, sent.end)
        if end == m.end:
            return m
        name = doc[m.end:end].text
        span = doc[m.start:end]
        actor = Actor(span.text, a.code, a.country, a.sector, name, a.start,
                      span.end_char - sent.start_char, a.rule + f" + name {name!r} (not in the knowledge base)")
        self._remember_name(ctx, doc[m.end:end], actor)
        return Mention(m.start, end, (actor,), m.kind)

    @staticmethod
    def _remember_name(ctx: DocContext, name: Span, actor: Actor) -> None:
        for t in (name[0], name[-1]):
            ctx.names[t.text.lower()] = actor

    # -- anaphors ---------------------------------------------------------------------------
    def _anaphors(self, sent: Span, named: list[Mention], ctx: DocContext,
                  roles: dict[int, list[tuple[str, Actor]]]) -> list[Mention]:
        doc = sent.doc
        taken = {i for m in named for i in range(m.start, m.end)}
        out = list(named)
        named_iter = iter(sorted(named, key=lambda m: m.start))
        pending = next(named_iter, None)
        skip_to = sent.start

        def span_actor(x: Actor, s: int, e: int, rule: str, code=None, sector=None) -> Actor:
            return Actor(doc[s:e].text, code or x.code, x.country, sector if code else x.sector, x.name,
                         doc[s].idx - sent.start_char, doc[e - 1].idx + len(doc[e - 1]) - sent.start_char,
                         f"anaphor: {rule} ({x.text})")

        by_head: dict[int, Actor] = {}

        def note_named(m: Mention) -> None:
            a = m.actors[0]
            head = doc[m.end - 1]
            locative = head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "from", "into", "outside")
            if locative:
                ctx.countries = [c for c in ctx.countries if c.country != a.country][-20:] + [
                    Actor(a.text, a.country, a.country, None, a.name, rule="context")] if a.country else ctx.countries
            else:
                ctx.note(m.actors)
            by_head[head.i] = a
            if head.dep_ == "conj" and head.head.i in by_head:
                ctx.last_plural = (by_head[head.head.i], a)
            for w, sub in roles.get(m.start, ()):
                ctx.heads[w] = sub
            if head.dep_ == "pobj" and head.head.lower_ in ("for", "of") and head.head.head.pos_ == "NOUN":
                role = head.head.head
                if (role.lower_,) in self.table and any(e.kind == "sector" for e, _, _ in self.table[(role.lower_,)]):
                    ctx.heads[role.lower_] = a
            if a.country and a.country not in ("IGO", "NGO") and self._visited(head):
                ctx.hosts = (ctx.hosts + [a])[-10:]
            if "(person" in a.rule:
                ctx.names.setdefault(head.text.lower(), a)

        for tok in sent:
            while pending is not None and pending.end <= tok.i:
                note_named(pending)
                pending = next(named_iter, None)
            if tok.i in taken or tok.i < skip_to:
                continue
            low = tok.lower_
            actors: tuple[Actor, ...] = ()
            start, end = tok.i, tok.i + 1
            prev = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
            nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if low in PAIR_NOUNS and prev in ("two", "both"):
                if len(ctx.countries) >= 2:
                    a, b = ctx.countries[-2], ctx.countries[-1]
                    start = tok.i - 1 - (1 if tok.i - 2 >= sent.start and doc[tok.i - 2].lower_ == "the" else 0)
                    actors = tuple(span_actor(x, start, end, "two most recent countries") for x in (a, b))
            elif low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and ctx.people:
                actors = (span_actor(ctx.people[-1], start, end, "most recent person"),)
            elif low == "they" and tok.dep_ in ("nsubj", "nsubjpass") and ctx.last_plural:
                actors = tuple(span_actor(x, start, end, "most recent group") for x in ctx.last_plural)
            elif low in ("former", "latter") and prev == "the" and (
                    nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
                k = 2 if low == "former" else 1
                if len(ctx.recent) >= k:
                    start = tok.i - 1
                    actors = (span_actor(ctx.recent[-k], start, end, f"the {low}"),)
            elif low in ("host", "hosts") and prev in DEFINITE | {"its", "their"} and ctx.hosts:
                x = ctx.hosts[-1]
                if low == "hosts" and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
                    actors = (span_actor(x, tok.i - 1, end, "host: last visit destination", x.country, None),)
                    start = tok.i - 1
                elif low == "host" and nxt is not None and nxt.lower_ in HOST_NOUNS:
                    sec = HOST_SECTOR.get(nxt.lower_)
                    start, end = tok.i - 1, tok.i + 2
                    actors = (span_actor(x, start, end, "host: last visit destination",
                                         x.country + (sec or ""), sec),)
            elif low in ctx.heads and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") \
                    and (d := self._definite(tok, sent)) is not None:
                start = d
                actors = (span_actor(ctx.heads[low], start, end, f"'the {low}'"),)
            elif low in ctx.names and tok.pos_ == "PROPN" and tok.text[:1].isupper():
                e2 = self._name_tokens(doc, tok.i, sent.end)
                end = max(end, e2)
                x = ctx.names[low]
                actors = (span_actor(x, start, end, "repeated name"),)
            elif tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                # "Lin Jian, a spokesman for the Chinese foreign ministry, said": the name's role is an apposition
                e2 = self._name_tokens(doc, tok.i, sent.end)
                head = doc[e2 - 1] if e2 > tok.i else tok
                role = self._appos_actor(head, named)
                if role is not None:
                    end = e2
                    x = Actor(doc[start:end].text, role.code, role.country, role.sector, doc[start:end].text,
                              rule=role.rule)
                    actors = (span_actor(x, start, end, f"apposition {role.text!r}"),)
                    self._remember_name(ctx, doc[start:end], actors[0])
            if actors:
                m = Mention(start, end, actors, "anaphor")
                out.append(m)
                ctx.note(actors)
                skip_to = end
        while pending is not None:
            note_named(pending)
            pending = next(named_iter, None)
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _definite(tok, sent: Span) -> int | None:
        """Index of "the" opening the noun phrase of ``tok`` ("the ministry", "the foreign ministry")."""
        i = tok.i - 1
        while i >= sent.start and i >= tok.i - 3:
            t = tok.doc[i]
            if t.lower_ in DEFINITE:
                return i
            if t.head.i != tok.i or t.dep_ not in ("compound", "amod") or t.ent_type_ in ("GPE", "NORP", "PERSON"):
                return None
            i -= 1
        return None

    @staticmethod
    def _visited(head) -> bool:
        """Is the noun phrase headed by ``head`` a visit destination ("arrived in X", "visit to X", "visited X")?"""
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "to") :
            gov = head.head.head
            return gov.lemma_.lower() in VISIT_VERBS
        if head.dep_ == "dobj" and head.head.lemma_.lower() in ("visit", "tour"):
            return True
        return False

    @staticmethod
    def _appos_actor(head, named: list[Mention]) -> Actor | None:
        for child in head.children:
            if child.dep_ != "appos":
                continue
            lo, hi = child.left_edge.i, child.right_edge.i
            for m in named:
                a = m.actors[0]
                if lo <= m.start and m.end - 1 <= hi and a.sector and "(person" not in a.rule:
                    return a
        return None


def _entry_dict(e: Entry) -> dict:
    d = {"kind": e.kind, "phrase": e.phrase, "code": e.code, "country": e.country, "sector": e.sector,
         "name": e.name, "origin": e.origin}
    if e.start or e.end:
        d["tenure"] = [e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None]
    if e.after:
        d["after"] = e.after
    if e.parent:
        d["parent"] = e.parent
    return d
