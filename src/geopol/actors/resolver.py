"""Find actor mentions in a parsed sentence and resolve them to CAMEO actor codes.

Names are matched longest-first against the knowledge base on spaCy tokens; adjacent names
in one noun phrase are composed ("Russian" + "President" + "Vladimir Putin" -> RUSGOV);
people resolve through their tenure on the document date; a few anaphors ("the two
countries", "both sides", "he", "they") take the actors of the preceding text.
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

    def note(self, actors: tuple[Actor, ...]) -> None:
        for a in actors:
            if a.country and a.country not in ("IGO", "NGO"):
                self.countries = [c for c in self.countries if c.country != a.country][-20:] + [
                    Actor(a.text, a.country, a.country, None, a.name, rule="context")]
            if a.name and "people.tsv" in a.rule:
                self.people = (self.people + [a])[-10:]
        if len(actors) > 1:
            self.last_plural = actors


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
        for e in kb.entries:
            toks = tuple(t.text for t in tokenizer(e.phrase))
            if not toks:
                continue
            key = tuple(t.lower() for t in toks)
            if e.kind == "sector":
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

    # -- matching -------------------------------------------------------------------------
    def _items(self, sent: Span) -> list[_Item]:
        doc = sent.doc
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
            if found is None:
                i += 1
                continue
            # a capitalised name that spaCy tags as a verb or a plain adjective at sentence start is risky; keep it
            items.append(found)
            i = found.end - base
        del doc
        return items

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

    def _compose(self, group: list[tuple[_Item, Entry]], sent: Span, when: date | None) -> Actor | None:
        doc = sent.doc
        start, end = group[0][0].start, group[-1][0].end
        span = doc[start:end]
        text = span.text
        cs, ce = span.start_char - sent.start_char, span.end_char - sent.start_char
        entries = [e for _, e in group]
        rule = "+".join(e.origin for e in entries)
        person = next((e for e in reversed(entries) if e.kind == "person"), None)
        sector = next((e.sector for e in reversed(entries) if e.kind == "sector"), None)
        if person is not None:
            if person.valid_on(when) or when is None and person.end is None:
                return Actor(text, person.code, person.country, person.sector, person.name, cs, ce, rule)
            code = person.after or (person.country + "ELI")
            return Actor(text, code, person.country, code[len(person.country or ""):] or None, person.name,
                         cs, ce, rule + " (out of office)")
        orgs = [e for e in entries if e.kind in ORG_KINDS]
        if orgs:
            codes = {o.code for o in orgs}
            child = next((o for o in reversed(orgs) if o.parent in codes), orgs[-1])
            return Actor(text, child.code, child.country, child.sector, child.name, cs, ce, rule)
        seat = next((e for e in reversed(entries) if e.kind == "seat"), None)
        if seat is not None:
            return Actor(text, seat.code, seat.country, "GOV", seat.name, cs, ce, rule)
        country = next((e for e in reversed(entries) if e.kind in COUNTRY_KINDS), None)
        if country is not None:
            code = country.code + (sector or "")
            return Actor(text, code, country.code, sector, country.name, cs, ce, rule)
        return None

    # -- public API ---------------------------------------------------------------------
    def mentions(self, sent: Span, when: date | None, context: DocContext | None = None) -> list[Mention]:
        """Mentions in ``sent`` in text order; anaphors are resolved from ``context``, which is then updated."""
        out: list[Mention] = []
        for group in self._groups(self._items(sent), sent, when):
            actor = self._compose(group, sent, when)
            if actor is not None:
                out.append(Mention(group[0][0].start, group[-1][0].end, (actor,)))
        if context is not None:
            out = self._anaphors(sent, out, context)
            for m in out:
                context.note(m.actors)
        return out

    def _anaphors(self, sent: Span, named: list[Mention], ctx: DocContext) -> list[Mention]:
        taken = {i for m in named for i in range(m.start, m.end)}
        out = list(named)
        local = DocContext(list(ctx.countries), list(ctx.people), ctx.last_plural)
        named_iter = iter(sorted(named, key=lambda m: m.start))
        pending = next(named_iter, None)
        for tok in sent:
            while pending is not None and pending.end <= tok.i:
                local.note(pending.actors)
                pending = next(named_iter, None)
            if tok.i in taken:
                continue
            low = tok.lower_
            actors: tuple[Actor, ...] = ()
            start, end = tok.i, tok.i + 1
            if low in PAIR_NOUNS and tok.i > sent.start:
                prev = tok.doc[tok.i - 1].lower_
                if prev in ("two", "both") and len(local.countries) >= 2:
                    a, b = local.countries[-2], local.countries[-1]
                    start = tok.i - 1 - (1 if tok.i - 2 >= sent.start and tok.doc[tok.i - 2].lower_ == "the" else 0)
                    actors = tuple(Actor(tok.doc[start:end].text, x.code, x.country, None, x.name,
                                         tok.doc[start].idx - sent.start_char,
                                         tok.idx + len(tok) - sent.start_char, "anaphor: two most recent countries")
                                   for x in (a, b))
            elif low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and local.people:
                p = local.people[-1]
                actors = (Actor(tok.text, p.code, p.country, p.sector, p.name, tok.idx - sent.start_char,
                                tok.idx + len(tok) - sent.start_char, "anaphor: most recent person"),)
            elif low == "they" and tok.dep_ in ("nsubj", "nsubjpass") and local.last_plural:
                actors = tuple(Actor(tok.text, x.code, x.country, x.sector, x.name, tok.idx - sent.start_char,
                                     tok.idx + len(tok) - sent.start_char, "anaphor: most recent pair")
                               for x in local.last_plural)
            if actors:
                m = Mention(start, end, actors, "anaphor")
                out.append(m)
                local.note(actors)
        out.sort(key=lambda m: m.start)
        return out
