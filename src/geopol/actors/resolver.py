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
# -- descriptive noun phrases (role words without a country of their own) --------------------------
NONSTATE = {"IGO", "NGO", "IMG", "MNC"}
# the rule of a role word whose country the text does not give (code = the sector alone); the pipeline
# places it (geopol.pipeline.Pipeline._place)
UNPLACED = "no country in the text"
# sectors whose members are often foreign where they are ("troops in Iraq", "refugees in Hungary"): a place
# they are in does not give their country
FOREIGN_PRONE = {"MIL", "REF", "MNC", "NGO", "DEV", "SPY"}
# ... but "the army" of a story is its country's own
NATIONAL_FORCES = {"army", "military", "armed forces", "navy", "air force", "national army"}
# words that title one person ("President", "Gen."): a capitalised name may follow
PERSON_TITLES = {"president", "minister", "premier", "general", "gen", "chancellor", "king", "queen", "prince",
                 "senator", "sen", "rep", "governor", "gov", "colonel", "col", "commander", "envoy", "ambassador",
                 "secretary", "spokesman", "spokeswoman", "mayor", "judge", "emir", "sheikh", "marshal",
                 "admiral", "adm", "brigadier", "captain", "capt", "major", "lieutenant"}
# nouns a story uses for an armed group it has just named: "the group said it had killed 20 soldiers"
GROUP_NOUNS = {"group", "movement", "outfit", "organisation", "organization", "faction", "militia"}
ARMED_KINDS = frozenset({"REB", "INS", "UAF", "SEP", "RAD", "CRM", "IMG"})
# role words that refer back to the government or armed group just named when the sentence names no country
GOV_ANAPHORS = {"government", "junta", "regime", "authorities", "administration", "leadership", "rulers"}
ARMED_ANAPHORS = {"rebels", "militants", "insurgents", "fighters", "jihadists", "guerrillas", "extremists",
                  "militiamen", "terrorists", "rebel", "militant", "insurgent"}
LOC_PREPS = {"in", "at", "throughout", "across", "inside", "within"}
LINK_PREPS = {"of", "for", "from"}
# role words that stand for the actor of their "of"/"for" phrase ("leaders of Hamas", "officials of the
# Egyptian government"); with a bare country they take their own sector ("the president of Sudan")
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "head", "heads", "chief", "chiefs", "spokesman",
                 "spokeswoman", "spokesperson", "spokesmen", "representative", "representatives", "delegation",
                 "delegations", "delegate", "delegates", "commander", "commanders", "chairman", "chairwoman",
                 "chair", "director", "secretary", "envoy", "envoys", "member", "members"}
# nouns that name a part or a number of the actors of their "of" phrase ("a group of Moroccan diplomats")
COLLECTIVE = {"group", "groups", "member", "members", "thousands", "hundreds", "dozens", "tens", "millions",
              "scores", "number", "team", "contingent", "handful", "band", "couple", "crowd", "crowds", "majority",
              "unit", "units", "batch", "some", "many", "several", "most", "all", "few", "one", "two", "three",
              "four", "five", "six", "seven", "eight", "nine", "ten", "bunch", "section", "faction", "wing",
              "delegation", "representatives", "leaders", "leader", "head", "members", "supporters",
              "supporter", "followers", "loyalists", "backers", "partisans"}
FORMER = {"former", "ousted", "ex", "deposed", "exiled", "toppled", "overthrown", "onetime", "one-time",
          "erstwhile", "late", "retired", "sacked", "dismissed", "fired"}
# verbs whose "it" subject is an expletive or not an actor ("it is time", "it seems", "it emerged")
EXPLETIVE_VERBS = {"be", "seem", "appear", "emerge", "become", "remain", "happen", "matter", "take", "rain",
                   "look", "sound", "feel", "mean", "cost", "follow", "come", "go", "get"}
POSS_PRONOUNS = {"its", "their", "his", "her"}
NAME_CONNECTORS = {"da", "de", "do", "dos", "das", "del", "di", "du", "des", "la", "le", "el"}
NOT_A_ROLE = "-"   # sectors.tsv: a phrase that contains a role word but names no actor
STATE_ORGANS = {"GOV", "COP", "JUD", "LEG"}
# sectors of the people a state's organs act on at home ("police dispersed demonstrators")
DOMESTIC = {"OPP", "CVL", "REB", "SEP", "INS", "LAB", "EDU", "MED", "HRI", "REL", "AGR", "CRM", "PTY", "ELI",
            "BUS", "HLH"}


def _title(doc, end: int) -> str:
    """The title word ending at ``end`` without its abbreviation dot ("Gen." and "Col ." -> "gen", "col")."""
    t = doc[end - 2] if end > 1 and doc[end - 1].text == "." else doc[end - 1]
    return t.lower_.rstrip(".")


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
    dateline: Actor | None = None                          # the country of the document's dateline
    sentences: int = 0                                     # sentences seen
    last: tuple[tuple[Actor, ...], bool] | None = None     # the previous sentence's last mention (actors, plural)
    agents: list[tuple[Actor, int]] = field(default_factory=list)   # subjects of earlier sentences (actor, sentence)

    def copy(self) -> "DocContext":
        return DocContext(list(self.countries), list(self.people), self.last_plural, list(self.recent),
                          dict(self.heads), dict(self.names), list(self.hosts), self.discarded, self.dateline,
                          self.sentences, self.last, list(self.agents))

    def antecedent(self, kinds: frozenset[str], within: int = 3) -> Actor | None:
        """The most recent subject of the last ``within`` sentences of one of ``kinds`` (sectors, or "IMG" for a
        transnational group): what "the group", "the rebels", "the junta" refer back to."""
        for a, n in reversed(self.agents):
            if self.sentences - n > within:
                break
            if a.sector in kinds or (a.country in kinds and a.code != a.country):
                return a
        return None

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
        self._homes: dict[str, str] | None = None
        self.table: dict[tuple[str, ...], list[tuple[Entry, tuple[str, ...], str]]] = {}
        self.first: set[str] = set()
        self.maxlen = 1
        cache: dict[str, tuple[str, ...]] = {}
        for e in kb.entries:
            toks = cache.get(e.phrase)
            if toks is None:
                # an abbreviated title is tokenized as text writes it ("Gen." stays one token, "gen." does not)
                written = " ".join(w[:1].upper() + w[1:] for w in e.phrase.split()) \
                    if e.kind == "sector" and "." in e.phrase else e.phrase
                toks = cache[e.phrase] = tuple(t.text for t in tokenizer(written))
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
        if it.start - 2 >= sent.start and doc[it.start - 1].lower_ in NAME_CONNECTORS \
                and doc[it.start - 2].is_title and any(e.kind == "capital" for e in it.entries):
            # "Mocimboa da Praia" is not Praia, Cape Verde's capital; "San José de ..." likewise
            keep = tuple(e for e in it.entries if e.kind != "capital")
            return _Item(it.start, it.end, keep) if keep else None
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
    def _pick(entries: tuple[Entry, ...], when: date | None, countries: frozenset[str] = frozenset()) -> Entry:
        """The entry a phrase stands for: a person in office on the date, else an entry of a country the
        sentence names otherwise ("SNA" near Al Shabaab is the Somali National Army, not the Syrian
        National Army), else by kind."""
        if countries and len({e.country for e in entries}) > 1:
            local = tuple(e for e in entries if e.country in countries)
            if local:
                entries = local
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
        named = frozenset(e.country for it in items if len({x.country for x in it.entries}) == 1
                          for e in it.entries[:1] if e.country and e.country not in NONSTATE)
        for it in items:
            e = self._pick(it.entries, when, named)
            if groups:
                prev_it, prev_e = groups[-1][-1]
                gap = it.start - prev_it.end
                adjacent = gap == 0 or (gap == 1 and doc[prev_it.end].text in POSSESSIVE)
                c_prev = next((self._country_of(x) for _, x in groups[-1] if self._country_of(x)), None)
                c_new = self._country_of(e)
                clash = c_prev is not None and c_new is not None and c_prev != c_new
                generic = next((x for x in it.entries if x.kind == "sector"), None)
                if adjacent and generic is not None and e.kind in ORG_KINDS and c_prev is not None \
                        and e.country != c_prev:
                    # "Peru's Congress" is Peru's legislature, not the US Congress the word names alone
                    e = generic
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
        ethnic = next((e for e in reversed(entries) if e.kind == "ethnic"), None)
        country = next((e for e in reversed(entries) if e.kind in COUNTRY_KINDS), None)
        if ethnic is not None:
            home, how_home = (country.code[:3], f"{country.kind} {country.code[:3]}") if country is not None \
                else self._ethnic_home(ethnic, sent)
            code = home + (sector or "") + ethnic.code
            how = f"ethnic group {ethnic.code} ({ethnic.name}) in {home} ({how_home})" + \
                (f" + role {sector} ({sec_entry.phrase!r})" if sector else "")
            return Actor(text, code, home, sector, ethnic.name, cs, ce, rule), how
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

    def _ethnic_home(self, ethnic: Entry, sent: Span) -> tuple[str, str]:
        """The home country of an ethnic group named in the sentence ("Kurdish fighters in Syria"), else the
        group's first (most populous) home."""
        if len(ethnic.homes) > 1:
            words = self._home_words()
            for tok in sent:
                c = words.get(tok.lower_)
                if c in ethnic.homes:
                    return c, f"{tok.text!r} in the sentence"
        return ethnic.homes[0], "its first home country"

    def _home_words(self) -> dict[str, str]:
        """Single-word country names, adjectives and capitals -> country code (built once)."""
        if self._homes is None:
            self._homes = {e.phrase.lower(): e.code[:3] for e in self.kb.entries
                           if e.kind in ("country", "adjective", "capital") and " " not in e.phrase}
        return self._homes

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
        bare: list[list[tuple[_Item, Entry]]] = []
        for group in self._groups(self._items(sent), sent, when):
            actor, _ = self._compose(group, sent, when)
            if actor is None:
                bare.append(group)
            else:
                m = Mention(group[0][0].start, group[-1][0].end, (actor,))
                if context is not None:
                    m = self._named_person(m, sent, context)
                    roles[m.start] = [(sent.doc[it.end - 1].lower_, sub)
                                      for k, (it, e) in enumerate(group) if e.kind in ("sector", "org", "seat")
                                      and (sub := self._compose(group[:k + 1], sent, when)[0] or actor)]
                out.append(m)
        if context is not None:
            prev = list(context.countries)
            first = context.sentences == 0
            context.sentences += 1
            if first:
                out = self._dateline(sent, out, context)
            last_before = context.last
            out = self._anaphors(sent, out, context, roles)
            out = self._descriptive(sent, out, bare, context, prev, last_before)
            out = self._shared_role(sent, out)
            context.last = self._last_of(sent, out)
            for m in out:   # this sentence's subjects, for "the group" / "the junta" in the next ones
                if len(m.actors) == 1 and sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass") \
                        and m.actors[0].country:
                    context.agents = (context.agents + [(m.actors[0], context.sentences)])[-12:]
        return out

    @staticmethod
    def _shared_role(sent: Span, out: list[Mention]) -> list[Mention]:
        """A country adjective coordinated with another that carries the role shares it: "Indian and
        Chinese soldiers" -> INDMIL and CHNMIL, "US and British forces" -> USAMIL and GBRMIL."""
        doc = sent.doc
        res = list(out)
        for k in range(len(res) - 2, -1, -1):
            m1, m2 = res[k], res[k + 1]
            if len(m1.actors) != 1 or len(m2.actors) != 1 or m1.end - m1.start > 3:
                continue
            a, b = m1.actors[0], m2.actors[0]
            between = [t.lower_ for t in doc[m1.end:m2.start]]
            if between not in (["and"], ["or"], [","], [",", "and"]) or not a.country or a.code != a.country \
                    or a.country in NONSTATE or not b.sector or not b.country \
                    or b.code != b.country + b.sector:
                continue
            t1, t2 = doc[m1.end - 1], doc[m2.start]
            if t1.dep_ not in ("amod", "compound", "nmod", "conj") or t1.head.i >= m2.end \
                    or t2.pos_ not in ("ADJ", "PROPN") or t2.i == m2.end - 1:
                continue     # "Russia and Chinese troops" is not this; the second must be adjective + role
            shared = Actor(a.text, a.country + b.sector, a.country, b.sector, a.name, a.start, a.end,
                           f"{a.rule}; role {b.sector} shared with {b.text!r}")
            res[k] = Mention(m1.start, m1.end, (shared,), m1.kind)
        return res

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

    @staticmethod
    def _titled_name(doc, i: int, limit: int) -> int:
        """End of a two- or three-word capitalised name right after a personal title that the entity tagger
        took for an organisation ("Vice-President Moody Awori", "Lt. Gen. Prosper Avril"), else ``i``."""
        if i == 0 or _title(doc, i) not in PERSON_TITLES:
            return i
        j = i
        while j < limit and j - i < 3 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].text.isalpha() and doc[j].ent_type_ in ("ORG", "PERSON", "", "GPE", "NORP"):
            j += 1
        return j if j - i >= 2 else i

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
            if "(person" in a.rule:   # the most recent person of that name: "Kim" after "Kim Jong Un"
                words = {head.text.lower()}
                first = (a.name or "").split(" ")[0].lower()
                if first and any(t.lower_ == first for t in sent.doc[m.start:m.end]):
                    words.add(first)       # the family name written first ("Kim Jong Un", "Xi Jinping")
                for w in words:
                    ctx.names[w] = a

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
            elif low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and \
                    (x := self._it(tok, sorted(out, key=lambda m: m.start), ctx)) is not None:
                actors = (span_actor(x, start, end, "'it': the last singular country/organisation"),)
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
            elif low in GROUP_NOUNS and tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "amod", "poss") \
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) \
                    and (d := self._definite(tok, sent, hyphens=True)) is not None \
                    and (x := ctx.antecedent(ARMED_KINDS)) is not None:
                start = d     # "The group said ...", "the Rwanda-backed group": the armed group just named
                actors = (span_actor(x, start, end, f"'the {low}': the armed group acting before"),)
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

    # -- datelines ----------------------------------------------------------------------------
    @staticmethod
    def _dateline_end(sent: Span) -> int | None:
        """End of a dateline opening the document's first sentence ("KABUL, Afghanistan (AP) --")."""
        doc = sent.doc
        first = doc[sent.start]
        if not (first.is_alpha and first.text.isupper() and len(first.text) > 1):
            return None
        for k in range(sent.start + 1, min(sent.end, sent.start + 12)):
            t = doc[k]
            if t.text in ("—", "–", "-", "--", ":") and k > sent.start:
                return k + 1
            if t.text == ")" and k + 1 < sent.end and doc[k + 1].text not in ("—", "–", "-", "--", ":"):
                return k + 1
            if not (t.text in (",", "(", ")", ".") or t.text[:1].isupper()):
                return None
        return None

    def _dateline(self, sent: Span, named: list[Mention], ctx: DocContext) -> list[Mention]:
        """Note the dateline's country and drop its place names (they are never actors)."""
        end = self._dateline_end(sent)
        if end is None:
            return named
        inside = [m for m in named if m.end <= end]
        for m in inside:
            a = m.actors[0]
            if len(m.actors) == 1 and a.country and a.country not in NONSTATE and not a.sector:
                ctx.dateline = Actor(a.text, a.country, a.country, None, a.name, rule="dateline")
                break
        return [m for m in named if m.end > end] if ctx.dateline else named

    @staticmethod
    def _last_of(sent: Span, out: list[Mention]) -> tuple[tuple[Actor, ...], bool] | None:
        if not out:
            return None
        m = max(out, key=lambda m: m.end)
        return m.actors, ActorResolver._plural(sent.doc, m)

    @staticmethod
    def _plural(doc, m: Mention) -> bool:
        """Does the mention name several actors ("Iran and Israel", "the rebels")?"""
        head = doc[m.end - 1]
        return len(m.actors) > 1 or head.tag_ in ("NNS", "NNPS") or head.dep_ == "conj" or \
            any(c.dep_ == "conj" for c in head.children)

    # -- descriptive noun phrases ---------------------------------------------------------------
    def _descriptive(self, sent: Span, out: list[Mention], bare: list, ctx: DocContext, prev: list[Actor],
                     last_before) -> list[Mention]:
        """Role words that name no country themselves: "President Askar Akayev", "police in Kabul", "the
        army of Sudan", "its forces", "a group of Moroccan diplomats", "traditional elders"."""
        doc = sent.doc
        taken = {i for m in out for i in range(m.start, m.end)}
        groups = [g for g in bare if not any(it.start <= i < it.end for it, _ in g for i in taken)
                  and not any(i in taken for i in range(g[0][0].start, g[-1][0].end))]
        if not groups and not any(m for m in out):
            return out
        heads: dict[int, tuple] = {}     # NP head index -> group
        for g in groups:
            heads[self._np_head(doc, g, sent).i] = g
        done: dict[int, Mention | None] = {}
        absorbed: set[int] = set()       # starts of mentions an enclosing phrase replaced
        new: list[Mention] = []

        def country_mentions():
            ms = [m for m in out if m.start not in absorbed] + [m for m in new if m is not None]
            return sorted(ms, key=lambda m: m.start)

        def resolve(g) -> Mention | None:
            key = g[0][0].start
            if key in done:
                return done[key]
            done[key] = None                  # no cycles
            m = self._resolve_group(g, sent, ctx, prev, last_before, out, heads, resolve, absorbed,
                                    country_mentions)
            done[key] = m
            if m is not None:
                new.append(m)
            return m

        for g in groups:
            resolve(g)
        ext = self._collective(sent, [m for m in out if m.start not in absorbed] + new, taken)
        result = [m for m in ext if m.start not in absorbed or m.kind == "descriptive"]
        # keep only the outermost of nested descriptive mentions
        final = []
        for m in sorted(result, key=lambda m: (m.start, -m.end)):
            if final and m.start < final[-1].end and m.kind == "descriptive" and final[-1].kind == "descriptive":
                continue
            final.append(m)
        for m in new:
            if m in final:
                ctx.note(m.actors)
                a = m.actors[0]
                if a.name and "unknown person" in a.rule:
                    span = doc[m.start:m.end]
                    name_toks = [t for t in span if t.ent_type_ == "PERSON"]
                    if name_toks:
                        for t in (name_toks[0], name_toks[-1]):
                            ctx.names[t.text.lower()] = a
                        ctx.people = (ctx.people + [a])[-10:]
        return sorted(final, key=lambda m: m.start)

    @staticmethod
    def _np_head(doc, g, sent: Span):
        """The noun heading the phrase a role group belongs to ("opposition" in "opposition coalition")."""
        t = doc[g[-1][0].end - 1]
        for _ in range(3):
            h = t.head
            if t.dep_ in ("compound", "amod", "nmod") and h.i > t.i and h.i < sent.end and h.i - t.i <= 3 \
                    and h.pos_ in ("NOUN", "PROPN") and h.ent_type_ not in ("PERSON",):
                t = h
            else:
                break
        return t

    @staticmethod
    def _code(country: str, sec: Entry | None, sector: str | None) -> str:
        if sector is None:
            return country
        if sec is not None and sec.prefix:
            return sector + country
        return country + sector

    def _resolve_group(self, g, sent: Span, ctx: DocContext, prev: list[Actor], last_before, out, heads,
                       resolve, absorbed, country_mentions) -> Mention | None:
        doc = sent.doc
        start, end = g[0][0].start, g[-1][0].end
        sec = next((e for _, e in reversed(g) if e.kind == "sector"), None)
        if sec is None:
            return None
        sector = sec.sector
        if sector == NOT_A_ROLE:
            return None     # "social media" is no media organisation (sectors.tsv sector '-')
        role = doc[end - 1].lower_
        former = self._former(doc, start, sent)
        if former is not None:
            start = former
            sector = "ELI"
        head = self._np_head(doc, g, sent)
        span_end = max(end, head.i + 1)
        if head.lower_ in COLLECTIVE and head.lower_ not in GENERIC_HEADS and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None     # "thousands of Iraqi Kurds": the counted actors (see _collective)

        def make(s: int, e: int, code: str, country: str | None, sect: str | None, rule: str,
                 name: str | None = None) -> Mention:
            a = Actor(doc[s:e].text, code, country, sect, name, doc[s].idx - sent.start_char,
                      doc[e - 1].idx + len(doc[e - 1]) - sent.start_char, rule)
            return Mention(s, e, (a,), "descriptive")

        # 0. right after a name the composition kept apart: "the Biden Administration", "Putin's government"
        k = start - 1 if start - 1 >= sent.start and doc[start - 1].text in POSSESSIVE else start
        before = next((m for m in out if m.end == k), None)
        if before is not None:
            x = before.actors[0]
            if len(before.actors) != 1 or "person" not in x.rule or not x.country or x.country in NONSTATE:
                return None
            absorbed.add(before.start)
            return make(before.start, span_end, self._code(x.country, sec, sector), x.country, sector,
                        f"role {sector} ({sec.phrase!r}) of {x.text!r} ({x.country})")
        # 0a. a country adjective further left in the same phrase: "Nigerian oil workers"
        mod = next((m for m in out if m.end < start and m.start >= head.left_edge.i and len(m.actors) == 1
                    and doc[m.end - 1].head.i in (head.i, *range(start, end)) and doc[m.end - 1].dep_ in
                    ("amod", "compound", "nmod") and m.actors[0].country and "person" not in m.actors[0].rule
                    and all(
                        doc[i].dep_ in ("amod", "compound", "nmod") and doc[i].pos_ in ("ADJ", "NOUN", "PROPN")
                        and doc[i].ent_type_ in ("", "NORP", "GPE") for i in range(m.end, start))), None)
        if mod is not None:
            x = mod.actors[0]
            absorbed.add(mod.start)
            if x.code != x.country:    # an organisation's own: "NATO peacekeeping troops" -> IGONAT
                return make(mod.start, span_end, x.code, x.country, x.sector,
                            f"role {sector} ({sec.phrase!r}) of {x.text!r} ({x.code}) in the same phrase")
            return make(mod.start, span_end, self._code(x.country, sec, sector), x.country, sector,
                        f"role {sector} ({sec.phrase!r}) of {x.text!r} ({x.country}) in the same phrase")
        # 0b. led by a named country: "Vietnamese-led forces", "the US-led coalition" ("US-backed" is not)
        if start - 2 > sent.start and doc[start - 1].lower_ == "led" and doc[start - 2].text in ("-", "–"):
            leader = next((m for m in out if m.end == start - 2), None)
            if leader is not None and len(leader.actors) == 1:
                x = leader.actors[0]
                if x.country and x.country not in NONSTATE and x.code[:3] == x.country:
                    absorbed.add(leader.start)
                    return make(leader.start, span_end, self._code(x.country, sec, sector), x.country, sector,
                                f"role {sector} ({sec.phrase!r}) led by {x.text!r} ({x.country})")
        # 1. a person's name right after the role: "President Askar Akayev", "Judge Alejandro Rivera"
        if head.i == end - 1 or (doc[end - 1].dep_ in ("compound", "punct") and _title(doc, end) in PERSON_TITLES):
            name_end = self._name_tokens(doc, end, sent.end)
            if name_end == end:
                name_end = self._titled_name(doc, end, sent.end)
            if name_end > end:
                name = doc[end:name_end].text
                of = self._of_country(doc, name_end, out)     # "King Hassan of Morocco"
                if of is not None:
                    absorbed.add(of.start)
                    x = of.actors[0]
                    return make(start, of.end, self._code(x.country, sec, sector), x.country, sector,
                                f"role + unknown person {name!r} of {x.text!r} ({x.country})", name)
                c, how = self._context_country(sent, start, sector, out, country_mentions(), prev, ctx,
                                               person=True)
                if c is None:
                    return make(start, name_end, sector, None, sector,
                                f"role + unknown person {name!r}; {UNPLACED}", name)
                return make(start, name_end, self._code(c, sec, sector), c, sector,
                            f"role + unknown person {name!r}; country {c} from context ({how})", name)
        # 2. a possessive: "its forces", "their troops", "his government", "the country's army"
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None and start > sent.start and doc[start - 1].lower_ in POSS_PRONOUNS:
            poss = doc[start - 1]
        if poss is not None and poss.i < start:
            named = next((m for m in out if m.start <= poss.i < m.end and len(m.actors) == 1), None)
            x = named.actors[0] if named is not None else None
            if x is not None and x.country and x.country not in NONSTATE and x.code == x.country:
                absorbed.add(named.start)    # "Nicaragua's Sandinista government"
                return make(named.start, span_end, self._code(x.country, sec, sector), x.country, sector,
                            f"role {sector} ({sec.phrase!r}) of the possessor {x.text!r} ({x.country})")
            found = self._possessor(poss, sent, out, country_mentions(), ctx, last_before)
            if found is not None:
                actors, how = found
                acts = []
                for x in actors:
                    if role in GENERIC_HEADS and x.sector:
                        code, c, sct = x.code, x.country, x.sector     # "their leaders" of an opposition
                    elif x.country and x.country not in NONSTATE and x.code[:3] == x.country and (
                            len(x.code) <= 6 or x.code == x.country + (x.sector or "")):
                        code, c, sct = self._code(x.country, sec, sector), x.country, sector
                    else:
                        code, c, sct = x.code, x.country, x.sector
                    acts.append(Actor(doc[poss.i:span_end].text, code, c, sct, x.name,
                                      doc[poss.i].idx - sent.start_char,
                                      doc[span_end - 1].idx + len(doc[span_end - 1]) - sent.start_char,
                                      f"anaphor: {poss.text!r} + role {sector} ({how})"))
                return Mention(poss.i, span_end, tuple(acts), "descriptive")
        # 3. an "of/for/from" or a locative phrase: "the army of Sudan", "police in Kabul"
        for p in head.children:
            if p.dep_ != "prep" or p.i < head.i or p.lower_ not in LINK_PREPS | LOC_PREPS:
                continue
            if p.lower_ in LOC_PREPS and sector in FOREIGN_PRONE and not self._governmental(g):
                continue     # "troops in Iraq" may be anyone's; "government troops in Syria" are Syria's
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            inner = self._inner(obj, out, heads, resolve)
            if inner is None:
                continue
            x = inner.actors[0]
            if len(inner.actors) == 1 and not x.country and UNPLACED in x.rule:
                e = max(span_end, inner.end)     # "the president of the company": the company's, no country
                absorbed.add(inner.start)
                return make(start, e, x.code, None, x.sector, f"role {sector} ({sec.phrase!r}) + "
                                                                f"'{p.lower_}' phrase ({x.text} -> {x.code}); {UNPLACED}")
            if len(inner.actors) > 1 or not x.country:
                continue
            if p.lower_ in LOC_PREPS:
                if x.sector or x.country in NONSTATE or "(person" in x.rule:
                    continue     # "police in Kabul", not "officials in the ministry"
                code, c, sct = self._code(x.country, sec, sector), x.country, sector
            elif x.country in NONSTATE or x.code[:3] != x.country or (
                    len(x.code) > 6 and x.code != x.country + (x.sector or "")):
                code, c, sct = x.code, x.country, x.sector          # an organisation or group
            elif role in GENERIC_HEADS and x.sector:
                code, c, sct = x.code, x.country, x.sector          # "leaders of the opposition coalition"
            else:
                code, c, sct = self._code(x.country, sec, sector), x.country, sector
            e = max(span_end, inner.end)
            if any(c.dep_ == "conj" and head.i < c.i < p.i for c in head.children):
                e = span_end     # "police and protesters in Nairobi": the phrase is not all police
            absorbed.add(inner.start)
            return make(start, e, code, c, sct, f"role {sector} ({sec.phrase!r}) + '{p.lower_}' phrase "
                                                f"({x.text} -> {x.code})")
        # 4. the country from the context: "traditional elders", "the opposition coalition ... in Baku";
        # else none yet: the pipeline gives it the event's place ("rebels seized Goma" -> CODREB)
        c, how = None, ""
        if sector not in FOREIGN_PRONE or self._governmental(g) or self._national_force(doc, start, end):
            c, how = self._context_country(sent, start, sector, out, country_mentions(), prev, ctx, person=False)
        if (c is None or how.startswith(("previous sentences", "dateline"))) and start > sent.start \
                and doc[start - 1].lower_ in DEFINITE and head.i == end - 1:
            # "the rebels", "the junta" with no country in the sentence: the armed group or government that was
            # the subject of a recent sentence, not merely the country named last
            kinds = ARMED_KINDS if role in ARMED_ANAPHORS else frozenset({"GOV"}) if role in GOV_ANAPHORS else None
            x = ctx.antecedent(kinds) if kinds else None
            if x is not None:
                return make(start - 1, span_end, x.code, x.country, x.sector,
                            f"role {sector} ({sec.phrase!r}); 'the {role}': {x.text!r}, the subject of a recent "
                            f"sentence ({x.code})")
        if c is None:
            if any(c.dep_ == "cc" for c in doc[end - 1].children) and doc[end - 1].pos_ == "NOUN":
                # "between the army and M23 rebels", parsed as a modifier of "rebels"
                return make(start, end, sector, None, sector, f"role {sector} ({sec.phrase!r}); {UNPLACED}")
            if head.i != end - 1 or head.dep_ in ("amod", "compound", "nmod", "npadvmod", "attr", "oprd"):
                return None      # a modifier or a predicate, not an actor: "military aid", "was elected president"
            return make(start, span_end, sector, None, sector, f"role {sector} ({sec.phrase!r}); {UNPLACED}")
        return make(start, span_end, self._code(c, sec, sector), c, sector,
                    f"role {sector} ({sec.phrase!r}); country {c} from context ({how})")

    @staticmethod
    def _national_force(doc, start: int, end: int) -> bool:
        """ "the army", "the military": a country's own forces, the country of the story (not "troops")."""
        return doc[start:end].text.lower() in NATIONAL_FORCES and start > 0 and doc[start - 1].lower_ == "the"

    @staticmethod
    def _governmental(g) -> bool:
        """ "government troops", "regime forces": the armed forces of the country where they are."""
        return len(g) > 1 and any(e.kind == "sector" and e.sector == "GOV" for _, e in g[:-1])

    @staticmethod
    def _former(doc, start: int, sent: Span) -> int | None:
        """Start of a "former"/"ousted"/"ex-" modifier right before a role ("Ousted President")."""
        i = start - 1
        if i >= sent.start and doc[i].text in ("-", "–") and i - 1 >= sent.start and doc[i - 1].lower_ == "ex":
            return i - 1
        if i >= sent.start and doc[i].lower_ in FORMER:
            return i
        return None

    @staticmethod
    def _of_country(doc, i: int, out: list[Mention]) -> Mention | None:
        """The country mention of an "of" phrase right at token ``i`` ("... of Morocco", "... of the Philippines")."""
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
        m = next((m for m in out if m.start == j), None)
        if m is None or len(m.actors) != 1:
            return None
        x = m.actors[0]
        return m if x.country and x.country not in NONSTATE and x.code == x.country else None

    def _inner(self, obj, out: list[Mention], heads, resolve) -> Mention | None:
        """The mention naming the noun phrase headed by ``obj``: a named mention or a role group."""
        idx = {i: m for m in out for i in range(m.start, m.end)}
        if obj.i in heads:
            m = resolve(heads[obj.i])
            if m is not None:
                return m
        if obj.i in idx:
            return idx[obj.i]
        stack = [c for c in obj.children if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod", "flat")]
        while stack:
            t = stack.pop()
            if t.i in idx:
                return idx[t.i]
            if t.i in heads:
                m = resolve(heads[t.i])
                if m is not None:
                    return m
            stack.extend(c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "flat", "case"))
        return None

    def _possessor(self, poss, sent: Span, out, mentions, ctx: DocContext, last_before):
        """Actors a possessive pronoun ("its", "their", "his") or "the country's" stands for."""
        low = poss.lower_
        before = [m for m in mentions if m.end <= poss.i]
        if low in ("country", "nation") and poss.i > sent.start and poss.doc[poss.i - 1].lower_ == "the":
            for m in reversed(before):
                a = m.actors[0]
                if len(m.actors) == 1 and a.country and a.country not in NONSTATE:
                    return (Actor(a.text, a.country, a.country, None, a.name),), f"the {low}: {a.country}"
            if ctx.countries:
                a = ctx.countries[-1]
                return (a,), f"the {low}: {a.country}"
            return None
        if low not in POSS_PRONOUNS:
            return None
        doc = poss.doc

        def plural(m):
            return self._plural(doc, m)

        if low in ("his", "her"):
            for m in reversed(before):
                if "(person" in m.actors[0].rule or "unknown person" in m.actors[0].rule:
                    return m.actors[:1], f"most recent person {m.actors[0].text!r}"
            if not before and ctx.people:
                return (ctx.people[-1],), f"most recent person {ctx.people[-1].text!r}"
            return None
        if before:
            # the subject of the clause is the likeliest owner ("France recalled its ambassador from Niger and
            # announced the withdrawal of its troops": France's), else the nearest mention before
            m = self._clause_subject_mention(poss, before) or before[-1]
            a = m.actors[0]
            if low == "its" and (plural(m) or "person" in a.rule):
                return None
            if low == "their" and not plural(m):
                return None
            return m.actors, f"{m.actors[0].text!r}"
        if last_before is not None:
            actors, pl = last_before
            if (low == "its") == (not pl) and not any("person" in a.rule for a in actors):
                return actors, f"previous sentence: {actors[0].text!r}"
        return None

    @staticmethod
    def _clause_subject_mention(poss, before):
        """The mention (among ``before``) of the subject of the clause a possessive pronoun sits in; a conjoined
        or complement verb without a subject of its own takes the governing clause's."""
        v = poss
        for _ in range(8):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            v = v.head
        for _ in range(4):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.left_edge.i <= poss.i <= subj.right_edge.i and v.dep_ == "relcl":
                # "Hamas's assault on Israel, in which its gunmen killed ...": the antecedent's owner
                ante = v.head
                for c in [c for c in ante.children if c.dep_ == "poss"] + [ante]:
                    m = next((m for m in before if m.start <= c.i < m.end), None)
                    if m is not None:
                        return m
                return None
            if subj is not None:
                return next((m for m in before if m.start <= subj.i < m.end), None)
            if v.dep_ not in ("conj", "xcomp", "advcl") or v.head.i == v.i:
                return None
            v = v.head
        return None

    def _context_country(self, sent: Span, pos: int, sector: str | None, out, mentions, prev: list[Actor],
                         ctx: DocContext, person: bool) -> tuple[str | None, str]:
        """The country of a role without one: a country named before it in the sentence, else the previous
        sentences' most recent country, else the dateline, else the one country named later in the sentence.
        Mentions of the same sector ("President X welcomed South African leader Y") and, for role words
        without a name, places that are not locations ("protesters attacked the US embassy") do not count."""
        doc = sent.doc
        before, after = [], []
        for m in mentions:
            if pos <= m.start < pos + 1 or len(m.actors) != 1:
                continue
            a = m.actors[0]
            if not a.country or a.country in NONSTATE or a.code[:3] != a.country:
                continue
            if a.sector and a.sector == sector:
                continue
            head = doc[m.end - 1]
            locative = head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS
            # a state organ acting on its own people: "Egyptian police dispersed demonstrators"
            # ... or on its own state's other organs: "the Dutch court ordered the government to ..."
            organ = a.sector in STATE_ORGANS and head.dep_ == "nsubj" and m.end <= pos \
                and (sector in DOMESTIC
                     or (sector in STATE_ORGANS | {"MIL"} and pos > 0 and doc[pos - 1].lower_ == "the")) \
                and ("(person" not in a.rule or sector in ("MIL", "COP", "SPY"))   # "Maduro ordered the army"
            if not person and not (locative or organ):
                continue
            if person and head.dep_ == "pobj" and head.head.lower_ in ("to", "into", "toward", "towards") \
                    and head.head.head.lemma_.lower() != "return":
                continue     # a destination: "fled to Belarus", "visited ... to Egypt"
            if person and self._visited(head) and head.head.head.lemma_.lower() != "return":
                continue
            (before if m.end <= pos else after).append(a)
        if before:
            return before[-1].country, f"{before[-1].text!r} earlier in the sentence"
        if prev:
            return prev[-1].country, f"previous sentences: {prev[-1].text!r}"
        if ctx.dateline is not None:
            return ctx.dateline.country, f"dateline {ctx.dateline.text!r}"
        countries = {a.country for a in after}
        if len(countries) == 1:
            return after[0].country, f"{after[0].text!r} later in the sentence"
        return None, ""

    @staticmethod
    def _collective(sent: Span, mentions: list[Mention], taken: set[int]) -> list[Mention]:
        """Widen a mention to the noun that counts or groups it: "a group of [Moroccan diplomats]",
        "members of [the Egyptian parliament]", "tens of thousands of [Iraqi Kurds]"."""
        doc = sent.doc
        out = []
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for m in mentions:
            head = next((t for t in doc[m.start:m.end] if not (m.start <= t.head.i < m.end) or t.head is t),
                        doc[m.end - 1])
            new_start = m.start
            t = head
            for _ in range(3):
                if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i < t.i:
                    h = t.head.head
                    if (h.lower_ in COLLECTIVE or h.pos_ == "NUM") and h.i not in covered and \
                            all(doc[k].lower_ in ("of", "the", "a", "an") or k in covered or doc[k].pos_ in ("NUM", "ADJ")
                                for k in range(h.i + 1, m.start)):
                        new_start = h.i
                        t = h
                        continue
                break
            if new_start != m.start:
                a = [Actor(doc[new_start:m.end].text, x.code, x.country, x.sector, x.name,
                           doc[new_start].idx - sent.start_char, x.end, x.rule + f" (part of: {doc[new_start].text!r})")
                     for x in m.actors]
                m = Mention(new_start, m.end, tuple(a), m.kind)
            out.append(m)
        return out

    @staticmethod
    def _it(tok, out: list[Mention], ctx: DocContext) -> Actor | None:
        """The actor a subject "it" stands for, when that is safe: the last mention before it (in this
        sentence, else at the end of the previous one) is a single country or organisation."""
        verb = tok.head
        if verb.lemma_.lower() in EXPLETIVE_VERBS or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i
                                                        for c in verb.children if tok.dep_ == "nsubjpass"):
            return None
        if any(c.dep_ == "expl" for c in verb.children):
            return None
        before = [m for m in out if m.end <= tok.i]
        if before:
            if verb.dep_ == "ccomp":
                return None     # "X said it would ...": the extractor binds it to the reporting clause
            m = max(before, key=lambda m: m.end)
            actors, plural = m.actors, ActorResolver._plural(tok.doc, m)
        elif ctx.last is not None:
            actors, plural = ctx.last
        else:
            return None
        if plural or len(actors) != 1:
            return None
        a = actors[0]
        if "person" in a.rule or not a.country:
            return None
        return a

    @staticmethod
    def _definite(tok, sent: Span, hyphens: bool = False) -> int | None:
        """Index of "the" opening the noun phrase of ``tok`` ("the ministry", "the foreign ministry"; with
        ``hyphens`` also "the Rwanda-backed group")."""
        i = tok.i - 1
        while i >= sent.start and i >= tok.i - (6 if hyphens else 3):
            t = tok.doc[i]
            if t.lower_ in DEFINITE:
                return i
            if hyphens and (t.text in ("-", "–") or t.head.i in range(i + 1, tok.i + 1)) \
                    and t.dep_ in ("compound", "amod", "npadvmod", "punct", "advmod"):
                i -= 1
                continue
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
