"""Event extraction from the dependency structure.

For each verb (and each event noun) of a sentence the extractor builds the trigger's *frame*,
asks the pattern dictionary for the most specific matching pattern, and finds the source and
target actors through the dependencies: subjects, objects, prepositional objects, passive
agents, possessors and "by" phrases of event nouns, coordination ("Putin and Kim signed"),
inherited subjects (xcomp, conj, relcl) and support verbs ("launched an attack on").

Further mechanisms (all structural, no word lists beyond the small ones below):

* pronoun subjects bound by the reporting clause: in "Syria says it is willing to withdraw" or
  "the rebels said they would release", *it*/*they*/*he*/*she*/*we* of a complement clause stands for the
  subject of the governing clause when the resolver did not name it; a relative pronoun ("Macedonia,
  which is preparing an offensive") stands for the noun the clause modifies;
* participles and infinitives attached to a noun ("issued a declaration demanding that...", "reached a
  consensus to exchange...", "demonstrators protesting...") take their subject from that noun when it
  names an actor, else from the verb whose object the noun is;
* stated intentions (``coding/data/intent.tsv``, column ``intent``): a future event stated by its own actor
  ("X said it will support", "X is ready to send troops", "Greece plans to impose", "Finland will give
  Tanzania a grant") also yields the asserted statement of intent, coded 03x (AGREE) or 13x (THREATEN) on
  the carrying word ("said", "ready", "plans", or the verb itself for a main-clause "will"); "X said it
  could/may ..." states one too; an "unless" condition makes it an ultimatum (139), an "if" condition leaves
  it a (conditional) intention or threat; another actor's forecast is no intention;
* refusals (column ``refusal``): "X says it will not accept", "declined to resign", "refused to release"
  of a cooperative act is an asserted rejection (12x) by X;
* demands (column ``demand``): "X said Y must return the helicopter" is X's asserted demand (10x, else 100)
  on Y, whether or not Y's act has a pattern; "X said it must" is X's own duty, no demand;
* an agreement referred back to (``EventMemory``): "the draft treaty is under discussion" with no actor
  takes the parties of the document's earlier event whose frame named a treaty (046 between them);
* violence with no named perpetrator ("were killed by a roadside bomb", "a car bomb killed three police
  officers") is coded with an unidentified armed actor (CAMEO UAF) whose country the pipeline takes from
  the event's place, else from the target; without either the event is dropped;
* stative participles ("Israel is opposed to French mediation", "troops were engaged in fighting") keep
  their grammatical subject as the actor;
* confidence reflects prominence: main-clause verb events rank above events in subordinate clauses and
  above event nouns whose actor is only a modifier ("the U.S. invasion"); a bare statement (01x "said",
  "announced") ranks below every more specific event of its sentence;
* background event nouns are not events of the sentence (``_background``): a noun in a setting phrase
  ("since last month's U.S. invasion", "after a week of unrest", "on the eve of a visit by Arafat"), a noun
  that is the content of another event ("rejected an Australian ultimatum", "complained over Israeli air
  raids", "agreed to US mediation"), and a noun whose only actor is a modifier when it is neither subject
  nor head of its clause ("met U.N. mediator Cordovez"); a noun tied to an actor by a possessor, a "by"
  phrase or a support verb ("Israel mounted its invasion") or standing as subject stays;
* purpose clauses: "troops were sent to Chechnya to crush the rebellion" (the ones sent do the purpose);
  an infinitive under a directive verb, even when parsed as a purpose clause, is done by the object
  ("demanded the parties to allow", ``DIRECTIVE_VERBS``);
* announced measures: a restrictive measure an actor announces or decides for itself ("announced it would
  prohibit all aid") is coded as that measure on the announcing verb, not as a threat (``DECIDED_CODES``);
  a vow without patterns of its own ("have sworn to fight") carries the stated intention like "said it will".

Target binding (``_bind_target``, ``_objects``, ``_prep_target``, ``_arg_actors``, ``other_party``):

* a guessed (unbound) target may be a domestic party of another kind ("the Ethiopian government accepted
  demands from Oromo rebels"), never a bare country or city of the source's own country, the organs of a
  source named only by its country ("Syria offered its troops"), a sub-body of the same organisation, the
  source's own kind, or an actor whose country was borrowed from earlier sentences (``other_party``);
* an argument noun naming no actor yields the agent of the act it names ("protested against the arrest of
  their leaders by Chilean police") or the actor of its "of"/"for"/"in" phrase ("a convoy of Ukrainian
  refugees was shelled");
* with nothing else found, the object of the trigger's purpose clause ("opened fire to disperse Kurdish
  demonstrators", "began a hunger strike to protest the president's refusal");
* a preposition the parser left without an object takes the actor named right after it;
* coordinated modifiers name both parties ("the Turkish and Greek sides"), and coordinated parties of
  different countries doing a cooperative act (03-06) are each other's target unless a pattern binds another
  party ("Armenia and Azerbaijan agreed to a ceasefire");
* a bare noun of manner ("staged a strike in protest against X") is the act of the verb's subject, and a
  gerund under "by"/"to" ("responded by blocking roads") is done by the governing verb's subject.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from geopol.actors.resolver import NONSTATE, UNPLACED, Mention
from geopol.coding.ontology import data_path, read_tsv
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
                 "extend", "provide", "deliver", "send", "undertake", "perform", "have", "take", "lead", "adopt",
                 "unveil", "present", "submit", "pass",
                 # aspectual verbs: "completed their withdrawal", "speeded up the pullout", "stepped up attacks"
                 "complete", "finish", "speed", "accelerate", "step", "intensify", "escalate", "expand", "renew",
                 "join"}
# verbs of taking part whose "in" phrase names the act: "were engaged in ethnic cleansing", "took part in the raid"
PARTICIPATION_VERBS = {"engage", "participate", "involve", "take"}
# nouns whose infinitive is done by the addressee, not by the one who issues them
OBJECT_CONTROL_NOUNS = {"invitation", "ultimatum", "call", "appeal", "request", "order", "demand", "permission",
                        "mandate", "instruction", "warning", "pressure", "authority", "right", "chance",
                        "opportunity", "license", "licence", "approval", "authorization", "green", "go-ahead"}
# verbs whose infinitive is done by their subject even with an object ("promised Iran to withdraw")
SUBJECT_CONTROL_VERBS = {"promise", "vow", "pledge", "threaten", "offer", "use", "take", "spend", "need", "send",
                         "scramble", "dispatch", "deploy", "mobilise", "mobilize", "station",
                         "summon"}   # "summoned the ambassador to protest against ...": the summoner protests
# verbs whose to-infinitive (often parsed as a purpose clause) is done by their object: "demanded the parties
# to allow", "pressed Iran to release"
DIRECTIVE_VERBS = {"urge", "demand", "ask", "call", "order", "press", "pressure", "force", "compel", "encourage",
                   "invite", "persuade", "convince", "request", "instruct", "tell", "advise", "appeal", "push",
                   "oblige", "require", "authorize", "authorise", "allow", "permit", "help", "enable", "warn",
                   "implore", "beg", "exhort", "command", "direct"}
# actor "countries" that are organizations: their sectors are sub-bodies of one party, not domestic rivals
TRANSNATIONAL = {"IGO", "NGO", "MNC", "UNO", "INT"}
# cooperative acts that coordinated parties of different countries do with each other unless a pattern binds
# another party: "Bosnia and Slovenia agreed to a ceasefire", "Czechia and Albania upgraded their ties"
JOINT_ROOTS = {"03", "04", "05", "06"}
ON_CONTROL_VERBS = {"call", "prevail", "rely", "count", "depend", "lean", "press", "push", "wait", "insist"}
PARTITIVE_HEADS = {"one", "some", "many", "several", "most", "all", "dozens", "hundreds", "thousands", "members",
                   "member", "units", "unit", "elements", "supporters", "supporter", "followers", "loyalists",
                   "partisans", "wing", "faction", "factions", "cells", "cell", "remnants", "splinter"}
TRANSFER_VERBS = {"deliver", "ship", "supply", "send", "transfer", "sell", "provide", "hand", "airlift", "fly"}
ORDER_VERBS = {"order", "instruct", "direct", "command", "tell"}
AGENT_SECTORS = {"MIL", "COP", "SPY", "BUS", "MED"}
OWN_AGENTS = "its own agents ordered"
AGENT_NOUNS = {"provider", "company", "firm", "bank", "operator", "carrier", "airline", "broadcaster", "outlet",
               "newspaper", "platform", "telecom", "telecoms", "utility", "ministry", "ministries", "agency",
               "agencies", "department", "departments", "governor", "governors", "authority", "authorities"}
FORCE_UNITS = {"aircraft", "jets", "warplanes", "fighters", "bombers", "warships", "ships", "vessels", "submarines",
               "drones", "troops", "soldiers", "tanks", "helicopters", "destroyers", "frigates", "carrier", "flotilla",
               "fleet", "squadron", "battalion", "battalions", "brigade", "convoy", "columns", "forces"}
FIGURE_SECTORS = {"GOV", "LEG", "JUD", "PTY", "OPP", "ELI"}
OWNED_HEADS = {"office", "ministry", "administration", "team", "aides", "cabinet", "spokesman", "spokeswoman",
               "spokesperson", "lawyers", "envoy", "envoys", "delegation", "negotiators", "officials"}
RIOT_ROOTS = {"17", "18", "19"}
NOT_RIOT = ("181", "186")   # a kidnapping or an assassination stays what it is, whoever does it
PROTESTERS = {"protester", "protesters", "demonstrator", "demonstrators", "rioter", "rioters", "crowd", "crowds",
              "mob", "mobs", "marcher", "marchers"}
JOINT_VERBS = {"sign", "ink", "seal", "conclude"}     # "X and Y signed a ceasefire in Havana": with each other
STATE_SECTORS = {None, "GOV", "MIL", "NAT", "NTO"}
NON_AERIAL_BOMBS = {"suicide", "car", "roadside", "truck", "bus", "letter", "parcel", "pipe", "nail", "terrorist",
                    "terror", "bicycle", "motorcycle", "market"}
MEDIATE = "045"
MAX_PREP_DEPTH = 4     # a guessed target's preposition: at most this far below the trigger (prep of its object's...)
# nouns for the people or firms of a trade: the word compounded with them names their trade, not the event's
# object ("arms makers", "aid workers", "peace activists")
AGENT_HEADS = {"maker", "manufacturer", "dealer", "company", "firm", "industry", "worker", "activist", "expert",
               "trafficker", "smuggler", "exporter", "producer", "supplier", "contractor", "official",
               "agency", "organisation", "organization", "lobby", "campaigner", "advocate", "analyst"}
COMMENTATORS = {"analyst", "analysts", "expert", "experts", "observer", "observers", "commentator",
                "commentators", "economist", "economists", "scholar", "scholars", "researcher", "researchers",
                "pundit", "pundits", "academic", "academics", "investor", "investors", "trader", "traders",
                "markets", "strategist", "strategists"}
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
HARM_VERBS = {"kill", "wound", "injure", "abduct", "kidnap", "arrest", "detain", "behead", "execute", "displace",
              "massacre", "slaughter", "murder", "torture"}
RESPONSE_VERBS = {"retaliate", "respond", "react", "hit", "answer", "counter"}
# cooperative acts that several actors named together do each on a third party, not with each other: visit,
# host, mediate (by code), praise, defend, recognise, apologise ... (by verb: "Spain, Ireland and Norway
# recognised a Palestinian state", but "Kenya and Uganda upgraded their ties" is joint)
SINGLE_HANDED = ("042", "043", "045")
SINGLE_HANDED_VERBS = {"recognise", "recognize", "praise", "hail", "commend", "welcome", "defend", "apologise",
                       "apologize", "forgive", "thank", "congratulate", "endorse", "back", "support", "laud"}
# verbal acts whose noun names its author with "from": "a protest from Tokyo", "threats from Iran" (not
# "a withdrawal from Gaza" or "aid from Japan", which the patterns' own "$src" slots handle)
SAID_FROM_ROOTS = {"02", "03", "05", "10", "11", "12", "13", "14"}
# what two countries' forces do together when they "hold" or "launch" them: military cooperation (062)
EXERCISES = frozenset({"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "wargames",
                       "war-games", "games", "war"})
RECIPROCAL_OBJECTS = {("each", "other"), ("one", "another")}
# verbs whose coordinated subjects act on each other when no object is named: "Indian and Chinese
# soldiers clashed", "the army and the RSF fought in Khartoum"
# verbs whose object is what is talked about, not a party: "met Xi to discuss the war in Ukraine" (a party is
# named by "with": "discussed trade with Japan")
TOPIC_VERBS = {"discuss", "debate"}
RECIPROCAL_VERBS = {"clash", "fight", "battle", "skirmish", "scuffle", "brawl", "spar", "exchange", "trade"}
# verbal acts aimed at someone named anywhere in what was said: "warned that ... if Washington did not stop"
ADDRESSED_ROOTS = {"09", "10", "11", "12", "13"}
# pronoun subjects that a governing clause's subject binds ("X said it would ...")
BOUND_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
# statement verbs that carry a stated intention, and predicates of readiness ("is willing to")
INTENT_SAY = {"say", "announce", "tell", "declare", "state", "add", "confirm", "insist", "stress", "reiterate",
              "indicate", "signal", "warn", "vow", "pledge", "promise", "assure", "write", "report", "decide",
              "agree", "threaten"}
INTENT_READY = {"willing", "ready", "prepared", "prepare", "determined", "committed", "commit", "eager", "keen",
                "poised", "resolved"}
FUTURE_AUX = {"will", "shall", "would", "'ll"}
# modals that state an intention only when the actor itself says so: "the EU said it could suspend aid if ..."
STATED_MODALS = {"may", "might", "could"}
# verbs of commitment whose to-infinitive is their subject's stated intention ("have sworn to fight")
INTENT_VOW = {"vow", "pledge", "swear", "promise", "resolve"}
# verbs of planning whose to-infinitive is their subject's intention ("Greece plans to impose restrictions")
FORCE_ROOTS = {"18", "19", "20"}
ORDERED_ROOTS = {"07", "08", "15", "16", "17", "18", "19", "20"}
FIGURATIVE_ROOTS = {"11", "13", "15", "18", "19", "20"}
RAIDERS = {"MIL", "REB", "INS", "SEP", "UAF", "CRM"}
ARMED_SECTORS = {"MIL", "REB", "INS", "SEP", "UAF", "COP"}
ASPECT_VERBS = {"resume", "continue", "start", "begin", "restart", "renew", "intensify", "step"}
INTENT_PLAN = {"plan", "intend", "aim", "want", "wish", "hope", "seek", "expect"}
# a plan the reporter relays ("Li Qiang plans to visit Australia") is intended, not stated: no asserted intent
# unless its actor says or announces it ("Greece said it plans to ..."); wanting or seeking is a stance, stated
RELAYED_PLANS = {"plan", "intend", "aim"}
# verbs of refusal whose to-infinitive is refused ("declined to resign", "refused to release the prisoners")
REFUSE_VERBS = {"refuse", "decline"}
# participles that name their subject's own stance, not something done to it: "Israel is opposed to French
# mediation", "Iran is committed to the talks" (the parse is passive, the subject is the actor)
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "determine", "devote", "engage", "involve"}
# modals of obligation: "X said Y must return the helicopter" is X's demand on Y
OBLIGATION_AUX = {"must", "should"}
OBLIGATION_NOUNS = {"reminder", "warning", "statement", "message", "declaration", "communique", "communiqué",
                    "letter", "note", "resolution", "ultimatum"}
# an actor that announces or decides its own restrictive measure ("the United States announced it would
# prohibit all aid to the rebels", "the EU decided it will suspend talks") imposes it: the announcement is the
# sanction (PLOVER SANCTION / COERCE), not a threat; "said it would" / "warned it would" stay threats
DECIDING_VERBS = {"announce", "decide", "declare", "order", "agree"}
DECIDED_CODES = ("16", "163", "172")
# verbs of saying: a pattern of theirs that only matched words inside a complement clause that has its own
# event ("announced that it will withdraw its peacekeeping force") is that clause's event, not the saying's
ATTRIBUTION_VERBS = {"say", "report", "tell", "add", "confirm", "state", "write", "note", "quote"}
REPORT_VERBS = {"say", "announce", "tell", "declare", "state", "add", "confirm", "report", "reiterate",
                "indicate", "write", "disclose", "reveal", "explain", "note", "quote"}
# verbs whose "Y was behind the attack" clause accuses Y
BLAME_SAY = {"say", "tell", "state", "insist", "claim", "allege", "believe", "conclude", "charge", "assert",
             "prove", "show", "suggest", "find", "accuse", "blame", "announce", "declare", "report", "add"}
# verbs whose "that Y must ..." clause is the subject's demand on Y
OBLIGATION_SAY = INTENT_SAY | REPORT_VERBS | {"conclude", "remind", "argue", "insist", "maintain"}
# prepositions and nouns that set an event noun in the background of the sentence's own event: "after the
# 2003 invasion", "since last month's coup", "amid unrest", "on the eve of a visit", "in the wake of the raid"
BACKGROUND_PREPS = {"after", "since", "before", "following", "amid", "amidst", "despite", "during", "until",
                    "prior", "ahead", "throughout", "like", "unlike"}
BACKGROUND_NOUNS = {"eve", "wake", "aftermath", "run-up", "runup", "anniversary", "history", "legacy", "memory",
                    "issue", "question", "topic", "subject", "matter", "problem", "years", "days", "weeks",
                    "months", "week", "month", "year", "time", "period", "era", "course", "start", "end",
                    "outbreak", "height", "victims", "victim", "veteran", "veterans", "survivors"}
# ... of which these only when no actor is tied to the noun: "clashes during protests by students" and "despite
# Putin's warning" are coded, "amid unrest" is not
CONCURRENT_PREPS = {"during", "amid", "amidst", "throughout", "despite", "until", "like", "unlike"}
# links by which a noun is an argument inside another word's phrase ("rejected [an appeal]",
# "complained [over [raids]]", "denounced [the suppression [of [unrest]]]")
ARG_LINKS = {"dobj", "pobj", "prep", "conj", "appos", "nmod", "compound", "dative", "attr", "oprd", "agent",
             "npadvmod", "poss", "nsubjpass", "pcomp", "cc", "amod"}



def _accidental(noun: Token) -> bool:
    """An explosion or fire of an accidental kind: "a gas explosion", "a boiler blast"."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in ACCIDENTAL for c in noun.children)


def _order_to_own_agents(c: "Candidate") -> bool:
    """A state's order to its own forces or police ("Venezuela ordered 5,600 troops to take part in exercises")
    is no demand on another party: the act ordered is the event. (An order to a newspaper or a firm stays one.)"""
    t = c.target
    return (c.pattern.code[:2] == "10" and c.trigger.lemma_.lower() in ORDER_VERBS and t is not None
            and t.sector in ("MIL", "COP", "SPY") and t.country in (None, c.source.country)
            and c.source.sector in (None, "GOV", "ELI") and c.source.country not in (None, "IGO", "NGO"))


def _announced(tok: Token) -> bool:
    """A plan its actor states: "announced plans to", "said it plans to"."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("ccomp", "dobj", "xcomp") and t.head.lemma_.lower() in INTENT_SAY | REPORT_VERBS:
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _not_ruled_out(tok: Token) -> bool:
    """"did not rule out", "refused to rule out", "would not rule out": the option stays open."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in REFUSE_VERBS or any(
        c.dep_ == "neg" for c in tok.head.children) and tok.head.lemma_.lower() in ("want", "wish", "be"))


def _same_party(a: Actor, b: Actor) -> bool:
    """One party under two codes: the same code, or a state and one of its state organs ("Russia said it
    must ...", "the Kremlin said Russia must ..."); rebels and their government are two parties."""
    if a.code == b.code:
        return True
    if a.country is None or a.country != b.country:
        return False
    return a.sector in STATE_SECTORS and b.sector in STATE_SECTORS and (a.sector is None or b.sector is None)

def _bare_infinitive(t: Token) -> bool:
    """A to-infinitive clause with no subordinator ("to discuss", not "in order to discuss")."""
    kids = list(t.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in ("order", "so")) for c in kids)


def _depth_below(t: Token, top: Token) -> int:
    """How many heads up from ``t`` to ``top`` (99 when ``top`` is not above it)."""
    d = 0
    while t.i != top.i:
        if t.head.i == t.i or d > 20:
            return 99
        t, d = t.head, d + 1
    return d


def _unplaced(a: Actor) -> bool:
    """A role word the text gives no country ("rebels", "troops"): placed later by the pipeline."""
    return a.country is None and UNPLACED in a.rule


def head_word(a: Actor) -> str:
    return a.text.split()[-1].lower() if a.text.split() else ""


def _two_parties(a: Actor, b: Actor) -> bool:
    """Whether a and b can be an event's two sides: two codes, or two groups named by different role words
    the text gives no country ("herders" and "farmers", both AGR)."""
    return a.code != b.code or (_unplaced(a) and _unplaced(b) and head_word(a) != head_word(b))


def other_party(a: Actor, sources) -> bool:
    """Whether a guessed (unbound) target can be another party than the source: an actor of another
    country, or a domestic actor of another kind ("the Syrian government" for Syrian MPs, "Shona rebels"
    for the Mozambique government). A bare country or city of the source's own country ("curfew in
    Algiers"), the organs of a source named only by its country, sub-bodies of one organization and the
    source's own kind of actor ("X said they (= X) will attack Y") cannot."""
    sources = list(sources or ())
    if _unplaced(a) and sources and all(_unplaced(s) and _two_parties(s, a) for s in sources):
        return True     # two groups named by different role words: "armed herders attacked farmers"
    if a.country not in {s.country for s in sources}:
        return True
    if not a.sector or a.country in TRANSNATIONAL or a.code in {s.code for s in sources} \
            or "previous sentences" in a.rule:   # its country guessed from earlier sentences
        return False
    # a bare country's own organs are its own ("Syria offered its troops to ..."): only a source of a
    # named kind (government, police, parliament) meets other domestic parties
    return all(s.country != a.country or (s.sector and s.sector != a.sector and not a.code.startswith(s.code)
                                          and not s.code.startswith(a.code))
               for s in sources)


def frame_of(trigger: Token) -> list[Token]:
    """The trigger's frame: its subtree without its subject and nested clauses (complement clauses kept)."""
    out: list[Token] = []
    stack = [c for c in trigger.children]
    noun = trigger.pos_ in ("NOUN", "PROPN")
    while stack:
        t = stack.pop()
        if t.head == trigger and ((t.dep_ in SUBJ and not (t.dep_ == "nsubjpass" and not noun))
                                  or (t.dep_ == "conj" and (t.pos_ in ("VERB", "AUX") or noun))):
            continue   # (a passive subject is the verb's object: "Sanctions were imposed on Russia")
        if t.dep_ in CLAUSE or (t.dep_ == "conj" and t.pos_ == "VERB"):
            continue
        out.append(t)
        stack.extend(t.children)
    if _relative_object(trigger) is not None:   # "the peace plan, which Kyiv has dismissed": the antecedent
        h = trigger.head
        out += [h] + [c for c in h.children if c.dep_ in ("compound", "amod") and c.i < h.i]
    out.sort(key=lambda t: t.i)
    return out


def _relative_object(trigger: Token) -> Token | None:
    """The relative pronoun that is the object of a relative clause's verb ("which" in "the plan which Kyiv
    dismissed"), or None."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lower_ in ("which", "that", "whom")), None)


def _forms(t: Token) -> set[str]:
    return {t.lemma_.lower(), t.lower_}


def frame_words(frame: list[Token]) -> set[str]:
    """What a pattern can test in a frame: each token's lemma and lower-case form, ``word/TAG`` for its
    part of speech and dependency label, and ``a_b`` / ``a_b_c`` for neighbouring frame tokens."""
    words: set[str] = set()
    by_i = {t.i: t for t in frame}
    for t in frame:
        if t.dep_ == "compound" and t.head.lemma_.lower() in AGENT_HEADS:
            continue    # "Russia's arms makers" are makers, not arms; "aid workers" are workers
        forms = _forms(t)
        words |= forms
        for f in forms:
            words.add(f"{f}/{t.pos_.lower()}")
            words.add(f"{f}/{t.dep_.lower()}")
        n1 = by_i.get(t.i + 1)
        if n1 is not None:
            two = {f"{a}_{b}" for a in forms for b in _forms(n1)}
            words |= two
            n2 = by_i.get(t.i + 2)
            if n2 is not None:
                words |= {f"{a}_{b}" for a in two for b in _forms(n2)}
    return words


def _satisfies(t: Token, word: frozenset[str]) -> bool:
    """Whether frame token ``t`` is one of a pattern word's alternatives (a form, ``form/POS``, ``form/dep``, or
    a part of a joined ``a_b`` alternative)."""
    forms = _forms(t)
    keys = forms | {f"{f}/{t.pos_.lower()}" for f in forms} | {f"{f}/{t.dep_.lower()}" for f in forms}
    return bool(keys & word) or any("_" in a and forms & set(a.split("_")) for a in word)


def matched_tokens(frame: list[Token], pattern: Pattern) -> set[int]:
    """Indices of the frame tokens that satisfied the pattern's required words."""
    return {t.i for t in frame if any(_satisfies(t, w) for w in pattern.words)}


def _words_depth(frame: list[Token], pattern: Pattern, trig: Token) -> int:
    """How many prepositional phrases down from the trigger the pattern's required words sit: for each word
    its nearest matching token, the deepest of those ("seized schoolgirls" 0, "seized ... from the town" 1)."""
    def hops(t: Token) -> int:
        n, x = 0, t
        while x.i != trig.i and x.head.i != x.i:
            n += x.dep_ in ("prep", "agent")
            x = x.head
        return n
    return max((min((hops(t) for t in frame if _satisfies(t, w)), default=99) for w in pattern.words), default=0)


def phrase_words(tok: Token | None) -> set[str]:
    """Lemmas and forms of a phrase (``tok``'s subtree), for ``s:word`` subject tests."""
    if tok is None:
        return set()
    return {w for t in tok.subtree for w in _forms(t)}


def load_stances(path=None) -> dict[str, dict[str, str]]:
    """``{"intent": {code: 03x/13x}, "demand": {code: 10x}, "refusal": {code: 12x}}`` from ``intent.tsv``
    (a column that is missing or "-" gives no entry)."""
    path = path or data_path("geopol.coding", "intent.tsv")
    out: dict[str, dict[str, str]] = {"intent": {}, "demand": {}, "refusal": {}}
    try:
        rows = read_tsv(path)
    except FileNotFoundError:
        return out
    for r in rows:
        for col, table in out.items():
            v = (r.get(col) or "-").strip()
            if v and v != "-":
                table[r["code"].strip()] = v
    return out


@dataclass(frozen=True)
class Context:
    """A non-political setting named by phrases (``contexts.tsv``): sport, fiction. In it, events of
    ``roots`` between actors that are only countries or unknown people are not coded."""
    name: str
    roots: frozenset[str]
    phrases: re.Pattern

    def excludes(self, text: str, code: str, actors) -> bool:
        return (code[:2] in self.roots and all(a is None or not a.sector or head_word(a) in TEAM_WORDS
                                               for a in actors)
                and self.phrases.search(text) is not None)


TEAM_WORDS = {"team", "teams", "national", "side", "sides", "squad", "squads", "eleven", "club", "clubs", "players",
              "player"}   # a team named after its country ("Georgia's national rugby team")


def load_contexts(path=None) -> tuple[Context, ...]:
    path = path or data_path("geopol.coding", "contexts.tsv")
    try:
        rows = read_tsv(path)
    except FileNotFoundError:
        return ()
    out = []
    for r in rows:
        plain, _, regex = ("|" + r["phrases"]).partition("|re:")   # a last item "re:..." is a regular expression
        phrases = sorted((p.strip() for p in plain.split("|") if p.strip()), key=len, reverse=True)
        parts = [r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])"] if phrases else []
        rx = re.compile("|".join(parts + ([f"(?:{regex.strip()})"] if regex.strip() else [])), re.I)
        out.append(Context(r["context"].strip(), frozenset(x.strip() for x in r["roots"].split("|")), rx))
    return tuple(out)


@dataclass
class EventMemory:
    """What a document's earlier sentences said about agreements: the parties of the last coded event whose
    frame named each agreement noun ("Putin and Kim signed a treaty" -> treaty: RUSGOV, PRKGOV). A later
    definite description ("the draft treaty is under discussion") takes its parties from here. One per
    document, filled by :meth:`EventExtractor.extract`."""

    parties: dict[str, tuple[tuple[Actor, ...], int]] = field(default_factory=dict)   # noun -> (actors, sentence)
    sentences: int = 0


# violence whose perpetrator the text does not name ("civilians were killed in a car bombing", "a roadside bomb
# killed two soldiers") is coded, as in CAMEO, with an unidentified armed actor (UAF) of the place's country
VIOLENT_ROOTS = {"18", "19", "20"}
UNNAMED_AGENTS = {"bombing", "bomb", "car-bomb", "explosion", "blast", "attack", "ambush", "device", "mine",
                  "minefield", "landmine", "rocket", "shell", "mortar", "missile", "grenade", "gunman", "gunmen",
                  "attacker", "assailant", "sniper", "bomber", "shooting", "gunfire", "airstrike", "strike",
                  "raid", "drone", "ied"}
UNIDENTIFIED = "UAF"
# passives whose subject does their to-complement: "is scheduled / expected / believed to ..."
RAISING_PASSIVES = {"schedule", "expect", "set", "slate", "suppose", "believe", "say", "report", "think", "poise",
                    "tip", "understand", "know", "allege", "rumour", "rumor", "see", "consider", "due", "oblige",
                    "require", "force", "compel", "authorize", "authorise", "allow", "permit", "prepare"}
# what kills without an agent: the company or country that names it is no perpetrator
MISHAPS = {"crash", "accident", "collision", "earthquake", "quake", "flood", "flooding", "landslide", "storm",
           "cyclone", "hurricane", "typhoon", "blaze", "wildfire", "disease", "outbreak", "epidemic", "heatwave",
           "stampede", "avalanche", "tsunami", "drought", "famine", "lightning", "derailment", "mudslide"}
ACCIDENTAL = {"gas", "boiler", "methane", "firework", "fireworks", "industrial", "accidental", "tanker", "pipeline"}
WEATHER = {"rain", "rains", "downpour", "downpours", "snow", "snowfall", "wind", "winds", "heat", "cold", "fire", "fires",
           "floodwater", "floodwaters", "tornado", "tornadoes", "monsoon", "eruption", "volcano", "waves", "surge"}
# what a state's forces fire from: its country owns the attack ("killed in Israeli tank shelling")
ARMED_VEHICLES = {"tank", "artillery", "helicopter", "gunship", "warplane", "jet", "aircraft", "warship", "navy",
                  "gunboat", "fire"}
BETWEEN = "'between' phrase"    # how the parties of "fighting between X and Y" were found

# "the treaty is/was under discussion": a negotiation about the agreement, by its parties
UNDER_NEGOTIATION = {"discussion", "discussions", "negotiation", "negotiations", "talks", "consideration"}
DEFINITE = {"the", "this", "that", "these", "those"}


def _construction(code: str, text: str, why: str, noun: bool = False) -> Pattern:
    """The pattern record of an event a construction of the extractor (not a dictionary line) decides."""
    return Pattern(code=code, head=frozenset(), noun=noun, words=(), forbidden=frozenset(), target=None,
                   swap=False, text=text, origin=f"construction ({why})")


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
    modality: tuple[str, str] | None = None   # (modality, reason) decided here; None: the modality stage decides


class EventExtractor:
    def __init__(self, patterns: PatternSet, symmetric: frozenset[str] = frozenset(),
                 intents: dict[str, str] | None = None, demands: dict[str, str] | None = None,
                 refusals: dict[str, str] | None = None, contexts: tuple[Context, ...] | None = None) -> None:
        self.patterns = patterns
        self.contexts = load_contexts() if contexts is None else contexts
        self.symmetric = symmetric
        stances = load_stances() if intents is None or demands is None or refusals is None else None
        self.intents = stances["intent"] if intents is None else intents
        self.demands = stances["demand"] if demands is None else demands
        self.refusals = stances["refusal"] if refusals is None else refusals
        self._intent_patterns: dict[str, Pattern] = {}
        from geopol.coding.patterns import load_synsets
        synsets = load_synsets()
        self.agreement_nouns = synsets.get("AGREEMENT", frozenset())
        self.figurative_foes = synsets.get("FIGURATIVE_FOE", frozenset())
        self.market_things = synsets.get("MARKET_THING", frozenset())
        self._negotiate = _construction("046", "<agreement> under discussion|negotiation",
                                        "extract.UNDER_NEGOTIATION", noun=True)
        self._forces_storm = _construction("170", "<a protest act by soldiers or police>",
                                           "extract: security forces storming or blockading coerce")
        self._riot = _construction("145", "<violence by protesters>",
                                   "extract: violence by protesters or crowds is a violent protest")
        self._assassination = _construction("186", "<the killing of one political figure>",
                                            "extract: a killed official, lawmaker or candidate")
        self._force_posture = _construction("150", "<a 'visit' by aircraft, warships or troops>",
                                            "extract: armed forces that travel somewhere show force")
        self._blame = _construction("112", "<X said Y was behind / responsible for an act>",
                                    "extract: saying a party was behind an act accuses it")
        self._armed_raid = _construction("190", "<a raid by an armed group or army>",
                                         "extract: a raid by fighters, gunmen or soldiers is an attack (PETRARCH RAID 190)")
        self._aerial_bombing = _construction("195", "<a state's bombing of a place>",
                                             "extract: bombing by a state or alliance is aerial", noun=True)
        # two countries' forces demonstrating power together exercise together: military cooperation
        self._joint_exercise = _construction("062", "<150 by the forces of two countries>",
                                             "extract: a show of force by two countries")

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
        if best is not None:
            return best
        partitive = tok.lower_ in PARTITIVE_HEADS or tok.pos_ == "NUM"
        owners = ("its", "their", "his", "her") if tok.lower_ in OWNED_HEADS else ("its", "their") if partitive else ()
        if any(c.dep_ == "poss" and c.lower_ in owners for c in tok.children):
            # "her office had opened investigations", "one of its units": the governing clause's subject's
            return EventExtractor._owner_subject(tok, idx)
        if partitive:   # "supporters of Moqtada al-Sadr", "the armed wing of Hamas": the group's
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        if o.dep_ == "pobj" and (m := EventExtractor._np_mention(o, idx)) is not None:
                            return m
        return None

    @staticmethod
    def _owner_subject(tok: Token, idx: dict[int, Mention]) -> Mention | None:
        """The subject of the nearest clause above ``tok`` that does not contain it: whose "its units" are
        ("The ELN acknowledged that one of its units had kidnapped ...")."""
        v = tok.head
        for _ in range(8):
            if v.pos_ in ("VERB", "AUX"):
                for c in v.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and not c.left_edge.i <= tok.i <= c.right_edge.i:
                        return EventExtractor._np_mention(c, idx)
            if v.head.i == v.i:
                break
            v = v.head
        return None

    @staticmethod
    def _modifier_country(a: Actor, tok: Token, m: Mention, idx: dict[int, Mention]) -> Actor:
        """A role word without a country takes the country that modifies its phrase further out: "a US AC-130
        gunship" (the model name between them kept the two apart)."""
        if a.country is not None or not a.sector:
            return a
        stack = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < m.start]
        while stack:
            c = stack.pop()
            stack.extend(k for k in c.children if k.dep_ in ("compound", "amod", "nmod", "poss"))
            if c.i in idx:
                x = idx[c.i].actors
                if len(x) == 1 and x[0].country and x[0].code == x[0].country and x[0].country not in TRANSNATIONAL:
                    return replace(a, code=x[0].country + a.code, country=x[0].country,
                                   rule=a.rule + f"; country {x[0].country} from '{x[0].text}' in its phrase")
        return a

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
                out.extend(self._modifier_country(a, t, m, idx) for a in m.actors if a not in out)
                for c in t.children:   # coordinated modifiers: "the Turkish and Greek sides"
                    if c.dep_ in ("amod", "compound", "nmod") and c.i in idx:
                        for cc in c.children:
                            if cc.dep_ == "conj" and cc.i in idx:
                                out.extend(a for x in (c, cc) for a in idx[x.i].actors
                                           if a not in out and idx[x.i] is not m)
            conj = [c for c in t.children if c.dep_ == "conj"]
            if m is not None:    # a mis-parsed name ("Barack/nsubj Obama/pobj and Vladimir Putin"): the
                conj += [c for i in range(m.start, m.end) if i != t.i   # conjuncts of its other words
                         for c in t.doc[i].children if c.dep_ == "conj" and not m.start <= c.i < m.end]
            # a list read as an apposition: "The US, Russia, and Switzerland met"
            conj += [c for c in t.children if c.dep_ == "appos" and any(g.dep_ in ("cc", "conj") for g in c.children)]
            todo.extend(conj)
            if not conj:  # "Putin and <mis-parsed phrase>": take the name right after the conjunction
                for c in t.children:
                    if c.dep_ == "cc" and c.lower_ in ("and", "&"):
                        nxt = next((m2 for i in range(c.i + 1, min(c.i + 5, len(t.doc)))
                                    if (m2 := idx.get(i)) is not None), None)
                        if nxt is not None:
                            out.extend(a for a in nxt.actors if a not in out)
        return out

    def _arg_actors(self, tok: Token, idx: dict[int, Mention]) -> list[Actor]:
        """Actors of an argument phrase; for a common noun naming no actor, the agent of the act it names
        ("protested against the dismissal of nurses by the ministry"), else those of its "of" / "for" / "in"
        phrase: "attacked a camp for Congolese refugees", "fired at targets in Jericho"."""
        found = self._actors_of(tok, idx)
        if found or tok.pos_ != "NOUN":
            return found
        found = self._noun_agent(tok, idx)   # the agent of an act is what the act is aimed at ("protested
        if found:                            # against the arrest of students by the police")
            return found
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "for", "in"):
                for o in p.children:
                    if o.dep_ == "pobj" and (found := self._actors_of(o, idx)):
                        return found
        return []

    def _subject(self, verb: Token, idx: dict[int, Mention]) -> tuple[list[Actor], list[Actor], str]:
        """(subject actors, passive-subject actors, how) for a verb, climbing xcomp/conj/relcl/acl and
        binding pronoun subjects of complement clauses to the governing clause's subject."""
        t = verb
        how_prefix = ""
        came_from_purpose = False
        for _ in range(6):
            purpose, came_from_purpose = came_from_purpose, False
            subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
            passive = [c for c in t.children if c.dep_ == "nsubjpass"]
            agent = [gc for c in t.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            if agent and agent[0].lemma_.lower() in MISHAPS:
                # "victims killed by the Malaysia Airlines MH17 crash": a mishap, not an actor
                return [], self._arg_actors(passive[0], idx) if passive else [], how_prefix + "mishap"
            if agent and (passive or not subj or self._actors_of(agent[0], idx)):
                return (self._actors_of(agent[0], idx),
                        self._arg_actors(passive[0], idx) if passive else [], how_prefix + "passive agent")
            # (an active verb's "by" phrase of measure is no agent: "X shortened by one hour the curfew")
            if subj and (subj[0].lemma_.lower() in MISHAPS | WEATHER or _accidental(subj[0])):
                return [], [], how_prefix + "a natural event or mishap as subject"   # "rains forced 160,000 from ..."
            if subj:
                found = self._actors_of(subj[0], idx)
                if found:
                    return found, [], how_prefix + ("subject" if t is verb else f"subject of '{t.text}'")
                if subj[0].pos_ == "NOUN" and any(p.code[:2] not in ("01", "02") for p in
                                                  self.patterns.candidates(subj[0].lemma_.lower(), True)):
                    # an event noun as subject: "Putin's visit has revived...", "an attack by X killed..."
                    by = self._noun_agent(subj[0], idx)
                    if by:
                        return by, [], how_prefix + f"agent of the subject '{subj[0].text}'"
                low = subj[0].lower_
                if low in RELATIVE_PRONOUNS and t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                    return self._actors_of(t.head, idx), [], how_prefix + "relative clause head"
                if low in BOUND_PRONOUNS and t.dep_ == "ccomp" and t.head is not t:
                    how_prefix = f"'{subj[0].text}' bound by the clause of '{t.head.text}': "
                    t = t.head
                    continue
                return [], [], how_prefix + "subject"
            if passive and t is not verb and purpose:
                # "troops were sent to Chechnya to crush the rebellion": the ones sent do the purpose
                found = self._actors_of(passive[0], idx)
                if found:
                    return found, [], how_prefix + f"passive subject of '{t.text}' (purpose clause)"
            if passive and t is not verb and t.lemma_.lower() in RAISING_PASSIVES and not self._by_phrase(t, idx):
                # "Obama is scheduled to attend", "Pyongyang is believed to have sent": the passive subject
                # does the complement
                found = self._actors_of(passive[0], idx)
                if found:
                    return found, [], how_prefix + f"subject of '{t.text} to'"
            if passive and t.lemma_.lower() in STATIVE_PASSIVES and not self._by_phrase(t, idx):
                found = self._actors_of(passive[0], idx)   # "Israel is opposed to French mediation"
                if found:
                    return found, [], how_prefix + f"subject of the state '{t.text}'"
            if passive:
                by = self._by_phrase(t, idx)   # a "by" phrase the parser attached elsewhere
                if by:
                    return by, self._arg_actors(passive[0], idx), how_prefix + "passive 'by' phrase"
                return [], self._arg_actors(passive[0], idx), how_prefix + "passive subject"
            if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return self._actors_of(t.head, idx), [], how_prefix + "relative clause head"
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and t.tag_ in ("VB", "VBG"):
                # "demonstrators protesting ...": the noun is the subject
                found = self._actors_of(t.head, idx)
                if found:
                    return found, [], how_prefix + f"noun '{t.head.text}' the clause modifies"
                # "issued a declaration demanding ...", "reached a consensus to exchange ...": the subject of
                # the support verb, unless the noun's own addressee acts ("issued an ultimatum to X to halt")
                n = t.head
                if n.dep_ in ("dobj", "attr") and n.head.lemma_.lower() in SUPPORT_VERBS \
                        and n.lemma_.lower() not in OBJECT_CONTROL_NOUNS:
                    how_prefix = f"via '{n.text}': "
                    t = n.head
                    continue
                break
            if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and any(
                    c.dep_ == "dobj" for v in [t, *(c for c in t.children if c.dep_ == "conj")] for c in v.children) \
                    and t.sent.root.pos_ in ("NOUN", "PROPN") and t.sent.root.i < t.i:
                # a mis-parsed main verb (a participle takes no object): "Gunmen on motorbikes killed 20
                # villagers" read as "motorbikes [that] killed", in a sentence whose root is a noun
                found = self._actors_of(t.sent.root, idx)
                if found:
                    return found, [], how_prefix + f"subject '{t.sent.root.text}' (main verb parsed as a modifier)"
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "as" and t.head.head.pos_ == "VERB" \
                    and t.head.head.lemma_.lower() in ("quote", "cite"):
                # "King Hassan was quoted as saying ...": the one quoted says it
                quoted = [c for c in t.head.head.children if c.dep_ == "nsubjpass"]
                found = self._actors_of(quoted[0], idx) if quoted else []
                if found:
                    return found, [], how_prefix + f"the one '{t.head.head.text}' as '{t.text}'"
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.head.pos_ == "VERB" \
                    and t.head.lower_ in ("by", "to"):
                # a gerund under the verb's preposition is done by its subject: "resorted to throwing stones",
                # "protested by blocking roads"
                how_prefix = f"via '{t.head.head.text} {t.head.text}': "
                t = t.head.head
                continue
            if t.dep_ == "advcl" and t.tag_ == "VBN" and t.i > 0 and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN") \
                    and t.doc[t.i - 1].i != t.head.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in t.children):
                # a participle right after a noun describes that noun ("investors worried about the outlook"),
                # whatever the parser hung it on
                noun = t.doc[t.i - 1]
                return self._actors_of(noun, idx), [], how_prefix + f"the noun '{noun.text}' it describes"
            came_from_purpose = t.dep_ == "advcl" and _bare_infinitive(t)
            if (t.dep_ == "xcomp" or (came_from_purpose and t.head.lemma_.lower() in DIRECTIVE_VERBS)) \
                    and t.head is not t:
                # object control: "urged Israel to allow", "called on Iran to release": the object acts
                ctrl = [c for c in t.head.children if c.dep_ in ("dobj", "dative") and c.i < t.i]
                if t.head.lemma_.lower() in ON_CONTROL_VERBS:    # (not "voted on Saturday to impose")
                    ctrl += [o for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                             and c.i < t.i for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in
                             ("DATE", "TIME")]
                if ctrl and t.head.lemma_.lower() not in SUBJECT_CONTROL_VERBS:
                    agents = self._actors_of(ctrl[0], idx)
                    boss = self._own_agents_boss(t.head, agents, idx)
                    if boss:   # "Uganda ordered internet providers to block social media": Uganda blocks it
                        return boss, [], how_prefix + f"subject of '{t.head.text}' ({OWN_AGENTS})"
                    return agents, [], how_prefix + f"object of '{t.head.text}'"
            if t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head is not t:
                t = t.head          # acomp: "Syria is willing to withdraw" climbs willing -> is
                continue
            break
        if t.dep_ == "ROOT" and t.pos_ == "VERB" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in t.children):
            found = self._left_subject(t, idx)   # a subject the parser hung elsewhere
            if found:
                return found, [], how_prefix + f"actors right before '{t.text}' (no subject in the parse)"
        return [], [], ""

    @staticmethod
    def _left_subject(verb: Token, idx: dict[int, Mention]) -> list[Actor]:
        """The actors of the noun phrase right before a finite main verb that the parser gave no subject:
        "With the signing of an MOU, the Sudanese government and SPLM/A have agreed ..." (the actors read as
        conjuncts of "Memorandum")."""
        if not any(c.dep_ == "aux" for c in verb.children) and verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return []
        i = verb.i - 1
        doc = verb.doc
        while i >= verb.sent.start and doc[i].dep_ in ("aux", "neg", "advmod") and doc[i].head.i == verb.i:
            i -= 1
        found: list[Actor] = []
        while i >= verb.sent.start:
            m = idx.get(i)
            if m is not None:
                found = [a for a in m.actors if a not in found] + found
                i = m.start - 1
            elif found and (doc[i].lower_ == "and" or doc[i].pos_ in ("DET", "ADJ")):   # "the Sudanese ... and"
                i -= 1
            else:
                break
        return found

    def _object_act_agent(self, verb: Token, idx, sources: list[Actor]) -> list[Actor]:
        """The agent of an act named by the verb's object ("criticised [a visit to Taiwan by a US delegation]",
        "condemned [Russia's annexation of Crimea]"): the party the criticism is addressed to."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ != "NOUN" or obj.i in idx:
            return []
        lemma = obj.lemma_.lower()
        if not (self.patterns.candidates(lemma, True) or self.patterns.candidates(obj.lower_, True)):
            return []
        agent = self._noun_agent(obj, idx)
        if not agent and any(c.dep_ == "nsubj" for c in verb.children):
            # an active verb has no agent phrase of its own: "criticised a visit to Taiwan by a US delegation"
            # with "by" hung on the verb is the visit's
            agent = next((found for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > obj.i
                          for o in p.children if o.dep_ == "pobj" and (found := self._actors_of(o, idx))), [])
        return [a for a in agent if a not in sources]

    def _own_agents_boss(self, verb: Token, agents: list[Actor], idx) -> list[Actor]:
        """The subject of an order given to that subject's own forces, police, companies or media ("Maduro
        ordered the armed forces to ...", "Uganda ordered internet service providers to block ..."), else []."""
        if verb.lemma_.lower() not in ORDER_VERBS:
            return []
        if not agents:   # "ordered internet service providers to ...": firms the text names by a common noun
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None or obj.lemma_.lower() not in AGENT_NOUNS:
                return []
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        boss = self._actors_of(subj, idx) if subj is not None else []
        if not boss or any(b.sector not in (None, "GOV", "ELI") or not b.country or b.country in NONSTATE
                           for b in boss):
            return []
        country = boss[0].country
        if all(a.sector in AGENT_SECTORS and a.country in (None, country) for a in agents):   # (all of none: firms)
            return boss
        return []

    def _noun_agent(self, noun: Token, idx) -> list[Actor]:
        """The possessor or 'by' phrase of a noun: "Putin's visit", "an attack by rebels"."""
        for c in noun.children:
            if c.dep_ == "poss":
                found = self._actors_of(c, idx)
                if found:
                    return found
        for p in noun.children:
            if p.dep_ in ("prep", "agent") and p.lower_ == "by":
                for o in p.children:
                    if o.dep_ == "pobj" and (found := self._actors_of(o, idx)):
                        return found
        return []

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
        for p in frame:   # "dative": the parser's label for "to" after give-type verbs ("delivered gas to Turkey")
            if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps and p.lower_ != "by" \
                    and p.head.lower_ not in ("according", "due", "thanks", "owing"):
                objs = [o for o in p.children if o.dep_ == "pobj"]
                for o in objs:
                    found = self._arg_actors(o, idx)
                    if found:
                        return found
                if not objs and not any(c.dep_ == "pcomp" for c in p.children):
                    # a preposition the parser left without its object ("granted asylum to five Panamanian
                    # officers holed up ..." read as a clause): the actor named right after it
                    found = self._after(p, idx)
                    if found:
                        return found
        return []

    @staticmethod
    def _after(p: Token, idx) -> list[Actor]:
        """Actors named within the few words right after ``p``, before any verb or punctuation."""
        doc = p.doc
        for i in range(p.i + 1, min(p.i + 6, p.sent.end)):
            if i in idx:
                return list(idx[i].actors)
            if doc[i].pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ"):
                break
        return []

    def _objects(self, trig: Token, idx, nested: bool = True) -> list[Actor]:
        """Actors of the trigger's object; ``nested``: also those named inside an object naming none."""
        arg = self._arg_actors if nested else self._actors_of
        for c in trig.children:
            if c.dep_ in OBJ_DEPS:
                found = arg(c, idx)
                if found:
                    return found
        for c in trig.children:   # "allow Ukraine to use", xcomp with its own subject
            if c.dep_ in ("ccomp", "xcomp"):
                for gc in c.children:
                    if gc.dep_ == "nsubj":
                        found = self._actors_of(gc, idx)
                        if found:
                            return found
        for c in trig.children:   # "threatened to ban X": the object of the complement
            if c.dep_ == "xcomp" and not any(gc.dep_ == "nsubj" for gc in c.children):
                for gc in c.children:
                    if gc.dep_ in OBJ_DEPS:
                        found = arg(gc, idx)
                        if found:
                            return found
        return []

    def _bind_target(self, trig, pattern, frame, idx, default_preps, sources=None) -> tuple[list[Actor], bool]:
        """The event's target: the pattern's slot, else the object, a default preposition's object, the first
        other party of the frame, the purpose clause's object. A role word the text gives no country
        ("contribute troops to a force in Liberia") yields to an actor with one that an object or preposition
        names: it is more often the theme than the target."""
        found, bound = self._bind_target_in(trig, pattern, frame, idx, default_preps, sources)
        if found and all(_unplaced(a) for a in found):
            strong = {i: m for i, m in idx.items() if not all(_unplaced(a) for a in m.actors)}
            if len(strong) < len(idx):
                alt, alt_bound = self._bind_target_in(trig, pattern, frame, strong, default_preps, sources,
                                                      scan=False)
                if alt:
                    return alt, alt_bound
        return found, bound

    def _bind_target_in(self, trig, pattern, frame, idx, default_preps, sources=None,
                        scan: bool = True) -> tuple[list[Actor], bool]:
        # (without the scan, after the object was a role word without a country: prepositions only, not
        # what is named inside that object, "trained hackers capable of attacking the United States")
        if pattern.target is not None:
            if OBJ in pattern.target:
                found = self._objects(trig, idx) if scan else []
            else:
                found = self._prep_target(trig, frame, pattern.target, idx)
            if found:
                return found, True
        if trig.lemma_.lower() in TOPIC_VERBS and not pattern.noun:
            found = self._prep_target(trig, [c for c in trig.children if c.dep_ == "prep"], ("with",), idx)
            return [a for a in found if other_party(a, sources)], False
        found = self._objects(trig, idx) if not pattern.noun and scan else []
        found = [a for a in found if other_party(a, sources)]   # "X said they (= X) will attack Y": Y
        if not found:   # a default preposition near the trigger, not one deep in a complement ("trained
            # hackers capable of launching cyber warfare against the United States")
            near = [t for t in frame if _depth_below(t, trig) <= MAX_PREP_DEPTH]
            found = [a for a in self._prep_target(trig, near, default_preps, idx) if other_party(a, sources)]
        if not found and not scan:
            return [], False
        if not found:
            for t in frame:    # the first actor named in the frame that is not the source's own country
                if t.i in idx and any(other_party(a, sources) and not _unplaced(a) for a in idx[t.i].actors):
                    found = list(idx[t.i].actors)
                    break
        if not found:
            found = [a for a in self._purpose_object(trig, idx) if other_party(a, sources)]
        return found, False

    def _purpose_object(self, trig: Token, idx) -> list[Actor]:
        """The object of the trigger's purpose clause: "opened fire to disperse the demonstrators", "staged a
        hunger strike to protest the government's failure" (for an event noun, the support verb's clause)."""
        verb = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ == "dobj" \
            and trig.head.lemma_.lower() in SUPPORT_VERBS else trig
        if verb.pos_ != "VERB":
            return []
        for c in verb.children:
            if c.dep_ == "advcl" and c.i > trig.i and _bare_infinitive(c) and c.pos_ == "VERB":
                found = self._objects(c, idx)
                if not found:   # "to protest at the settlement of ..."
                    found = self._prep_target(c, frame_of(c), ("against", "at", "on", "over", "to", "with"), idx)
                return found
        return []

    def _subtree_target(self, trig: Token, sources: list[Actor], idx) -> list[Actor]:
        """The first actor of another country anywhere under the trigger, with its coordinates."""
        for t in trig.subtree:
            m = idx.get(t.i)
            if m is not None and any(other_party(a, sources) and not _unplaced(a) for a in m.actors):
                return [a for a in self._actors_of(t, idx) if other_party(a, sources)] or \
                    [a for a in m.actors if other_party(a, sources)]
        return []

    @staticmethod
    def _reciprocal_object(trig: Token) -> bool:
        for c in trig.subtree:
            if c.lower_ in ("other", "another") and c.i > 0 and \
                    (c.doc[c.i - 1].lower_, c.lower_) in RECIPROCAL_OBJECTS:
                return True
        return False

    def _between_parties(self, heads, idx) -> list[Actor]:
        """The actors of the first "between" phrase under ``heads`` ("between Israel and Hamas")."""
        for h in heads:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ == "between":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            found = self._actors_of(o, idx)
                            if len(found) > 1 or (found and any(c.lower_ == "rival" for c in o.children)):
                                return found     # (one: "clashes between rival gangs")
        return []

    def _between(self, trig: Token, idx) -> list[Actor]:
        """The parties of a "between" phrase of the event word, or of the clause an event noun is the subject
        of: "fighting between Azerbaijani and Armenian forces", "clashes broke out between police and
        protesters". Two or more parties are each other's counterparts."""
        heads = [trig]
        if trig.dep_ in ("nsubj", "nsubjpass") and trig.head.pos_ in ("VERB", "AUX"):
            heads.append(trig.head)   # "clashes broke out between ...", "fighting erupted between ..."
        return self._between_parties(heads, idx)

    def _between_targets(self, trig: Token, idx, sources) -> list[Actor]:
        """The parties of a "between" phrase of the trigger or of its object, when the trigger has its own
        subject: "Egypt mediated between Israel and Hamas", "Qatar brokered a deal between Israel and
        Hamas" (each party a target)."""
        heads = [trig] + [c for c in trig.children if c.dep_ in ("dobj", "attr")]
        found = [a for a in self._between_parties(heads, idx) if a not in sources]
        return found if len(found) > 1 else []

    def _mediated_parties(self, trig: Token, idx, sources) -> list[Actor]:
        """The parties to what a mediator brokered, named as the subject of the clause that names it:
        "Israel and Hezbollah agreed to a ceasefire brokered by the United States" -> ISR, LBNREB."""
        if trig.dep_ != "acl" or trig.head.pos_ not in ("NOUN", "PROPN"):
            return []
        t = trig.head
        for _ in range(4):
            if t.pos_ in ("VERB", "AUX"):
                break
            t = t.head
        else:
            return []
        subj, _, _ = self._subject(t, idx) if t.pos_ in ("VERB", "AUX") else ([], [], "")
        return [a for a in subj if a not in sources]

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
        if found := self._between(noun, idx):
            return found, BETWEEN
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
        if noun.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "in":
            v = h.head if h.head.pos_ in ("VERB", "AUX") else h.head.head   # "took part in": in -> part -> took
            if v.lemma_.lower() in PARTICIPATION_VERBS and (v.lemma_.lower() != "take" or any(
                    c.lower_ == "part" for c in v.children)):
                subj, _, _ = self._subject(v, idx)
                if subj:
                    return subj, f"subject of '{v.text} in'"
        if noun.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "in" and h.head.pos_ == "VERB" \
                and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children):
            # a bare noun of manner, "staged a strike in protest against X", "fired in retaliation for Y":
            # the act of the verb's subject
            subj, _, _ = self._subject(h.head, idx)
            if subj:
                return subj, f"subject of '{h.head.text}' (manner phrase)"
        if noun.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "with" and h.head.pos_ == "VERB" \
                and h.head.lemma_.lower() in RESPONSE_VERBS:
            # the means of a response is its subject's act: "Russia retaliated with sanctions against Britain"
            subj, _, _ = self._subject(h.head, idx)
            if subj:
                return subj, f"subject of '{h.head.text} with'"
        return [], ""

    @staticmethod
    def _subject_token(trig: Token) -> Token | None:
        """The phrase ``s:word`` tests look at: a verb's (inherited) subject, a noun's possessor or 'by' phrase."""
        if trig.pos_ in ("NOUN", "PROPN"):
            for c in trig.children:
                if c.dep_ == "poss":
                    return c
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    return next((o for o in c.children if o.dep_ == "pobj"), None)
            return None
        t = trig
        for _ in range(4):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    return c
            if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t:
                t = t.head
                continue
            break
        return None

    def _choose(self, candidates: list[Pattern], trig: Token, frame: list[Token], idx,
                passive: list[Actor] | None = None) -> Pattern | None:
        """The most specific pattern that matches the frame and, if it has a target slot ``$``,
        finds an actor in it (the object, a passive subject, or the preposition's object)."""
        if not candidates:
            return None
        words = frame_words(frame)
        subject = phrase_words(self._subject_token(trig)) if any(p.subject for p in candidates) else None
        objects = None
        best, best_depth = None, 0
        for p in candidates:
            if best is not None and p.specificity[:2] != best.specificity[:2]:
                break
            if not p.matches(words, subject):
                continue
            if p.target is not None:
                if OBJ in p.target:
                    if objects is None:
                        objects = passive or (self._objects(trig, idx, nested=False) if not p.noun else [])
                    if not objects:
                        continue
                elif not self._prep_target(trig, frame, p.target, idx):
                    continue
            if not p.words:
                return p
            # among equally specific patterns, the one whose words sit closest to the trigger ("seized 276
            # schoolgirls from ... the town of Chibok": the seized people, not the town in a prepositional phrase)
            depth = _words_depth(frame, p, trig)
            if best is None or depth < best_depth:
                best, best_depth = p, depth
            if depth == 0:
                break
        return best

    # -- main ---------------------------------------------------------------------------
    def extract(self, sent: Span, mentions: list[Mention], memory: EventMemory | None = None) -> list[Candidate]:
        if memory is not None:
            memory.sentences += 1
        if not mentions and not any(t.lemma_.lower() in UNNAMED_AGENTS or t.dep_ == "nsubjpass" for t in sent):
            return self._remembered_agreement(sent, memory) if memory is not None and memory.parties else []
        # (with no actor named, violence by an unnamed perpetrator can still be an event: "a bomb went off
        # at a bus station in Quetta", "three people were killed in Mosul")
        out = self.in_context(sent, self._extract(sent, mentions))
        if memory is not None:
            self._remember(out, memory)
            if not out and memory.parties:
                out = self._remembered_agreement(sent, memory)
        return out

    def in_context(self, sent: Span, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` without the events a non-political context rules out ("Nigeria launched wave after wave
        of attacks ... in the World Cup qualifier"): see ``contexts.tsv``."""
        if not cands:
            return cands
        cands = [c for c in cands if not self._figurative_force(c)]
        if not self.contexts:
            return cands
        return [c for c in cands if not any(x.excludes(sent.text, c.pattern.code, (c.source, c.target))
                                            for x in self.contexts)]

    def _figurative_force(self, c: Candidate) -> bool:
        """Force against an abstraction or by a market is a figure of speech: "stepped up its battle against
        stubborn inflation", "the peso staged a fierce counterattack against the dollar", "the Taiwan dollar
        came under fire" (synsets FIGURATIVE_FOE, MARKET_THING)."""
        if c.pattern.code[:2] not in FIGURATIVE_ROOTS or c.target is not None and c.target.sector:
            return False
        t = c.trigger
        foes = self.figurative_foes
        objects = [o for p in t.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "with")
                   for o in p.children if o.dep_ == "pobj"] + [o for o in t.children if o.dep_ == "dobj"]
        if any(o.lemma_.lower() in foes or o.lower_ in foes for o in objects):
            return True
        v = t
        while v.dep_ in ("dobj", "pobj", "prep", "conj") and v.head.i != v.i:   # "came under fire": the verb
            v = v.head
        subj = next((x for x in v.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.lemma_.lower() in self.market_things

    # -- agreements referred back to ------------------------------------------------------
    @staticmethod
    def _weapon_owner(verb: Token, idx) -> tuple[list[Actor], str]:
        """The country that modifies the weapon or attack named as the agent: "injured in a Russian
        airstrike", "killed by an Israeli drone", "a Ukrainian missile hit ..." -> that country."""
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")] + [
            o for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
            for o in p.children if o.dep_ in ("pobj", "pcomp")]   # (pcomp: "in Israeli tank shelling")
        for n in nouns:
            if n.lemma_.lower() not in UNNAMED_AGENTS | ARMED_VEHICLES:
                continue
            for c in n.children:   # "a suicide car bomb claimed by Islamic State": the claimant set it off
                if c.dep_ == "acl" and c.lemma_.lower() in ("claim", "blame", "attribute"):
                    for p in c.children:
                        if p.dep_ == "agent":
                            found = [a for o in p.children if o.dep_ == "pobj" and o.i in idx
                                     for a in idx[o.i].actors]
                            if found:
                                return found, f"'{c.text} by' of the attack '{n.text}'"
            for c in n.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.i in idx:
                    actors = [a for a in idx[c.i].actors if a.country and a.country not in ("IGO", "NGO")]
                    if actors:
                        return actors, f"modifier of the attack '{n.text}'"
        return [], ""

    @staticmethod
    def _unidentified(verb: Token, passive: bool) -> tuple[list[Actor], str]:
        """The unidentified perpetrator of violence whose agent names no actor: a passive with no agent or
        an agent that is a weapon or an attack ("killed by a roadside bomb", "were killed in a car bombing"),
        or such a noun as subject ("a minefield explosion killed two youths"). Its country is filled in
        from the event's place by the pipeline (``Pipeline._place_unidentified``)."""
        agent = [gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subj and not passive:
            noun = subj[0]
            if noun.lemma_.lower() not in UNNAMED_AGENTS:
                return [], ""
        elif passive:
            noun = agent[0] if agent else None
            if noun is not None and noun.lemma_.lower() not in UNNAMED_AGENTS:
                return [], ""                 # "killed by his brother": a person, not an armed group
        else:
            return [], ""
        if noun is not None and _accidental(noun):
            return [], ""                     # "a gas explosion tore through a block": an accident
        sent = verb.sent
        if noun is not None:
            start, end = noun.left_edge.idx - sent.start_char, noun.idx + len(noun.text) - sent.start_char
        else:
            start = end = verb.idx - sent.start_char
        text = sent.text[start:end]
        actor = Actor(text=text, code=UNIDENTIFIED, country=None, sector=UNIDENTIFIED,
                      name="unidentified armed perpetrator", start=start, end=end,
                      rule="unidentified perpetrator (CAMEO UAF): " + (f"'{text}'" if text else "passive, no agent"))
        return [actor], "unidentified perpetrator" + (f" ('{text}')" if text else " (passive without agent)")

    def _remember(self, out: list[Candidate], memory: EventMemory) -> None:
        """Note the parties of each cooperative event whose frame names an agreement."""
        for c in out:
            if c.pattern.code[:2] not in ("03", "04", "05", "06") or c.target is None:
                continue
            toks = [c.trigger] + frame_of(c.trigger)
            for t in toks:
                lemma = t.lemma_.lower()
                if lemma in self.agreement_nouns:
                    prev = memory.parties.get(lemma)
                    actors = (c.source, c.target)
                    if prev and prev[1] == memory.sentences:   # the same sentence: keep every party
                        actors = tuple(dict.fromkeys(prev[0] + actors))
                    memory.parties[lemma] = (actors, memory.sentences)

    def _remembered_agreement(self, sent: Span, memory: EventMemory) -> list[Candidate]:
        """ "The draft treaty is known to have been under discussion since September 2023": a definite
        agreement noun of an earlier event, said to be under discussion, is a negotiation by its parties."""
        out: list[Candidate] = []
        for tok in sent:
            if tok.lower_ not in UNDER_NEGOTIATION or tok.head.lower_ != "under" or tok.dep_ != "pobj":
                continue
            v = tok.head.head
            for _ in range(4):       # "is known to have been under ...": climb to the clause with the subject
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj or v.head is v:
                    break
                v = v.head
            if not subj:
                continue
            noun = subj[0]
            lemma = noun.lemma_.lower()
            if lemma not in memory.parties or not any(c.lower_ in DEFINITE for c in noun.children if c.dep_ == "det"):
                continue
            remembered, where = memory.parties[lemma]
            start, end = noun.left_edge.idx - sent.start_char, noun.idx + len(noun.text) - sent.start_char
            phrase = sent.text[start:end]
            # the evidence in this sentence is the agreement's description, not the earlier names
            actors = [replace(a, text=phrase, start=start, end=end,
                              rule=f"{a.rule}; a party of '{phrase}' (sentence {where})") for a in remembered]
            how = f"parties of '{phrase}' from sentence {where} of the document (the same agreement)"
            pairs = [(a, b) for a in actors for b in actors if a.code != b.code]
            out.extend(Candidate(tok, self._negotiate, a, b, True, 0.6, how) for a, b in pairs)
        return out

    def _extract(self, sent: Span, mentions: list[Mention]) -> list[Candidate]:
        idx = self._index(mentions)
        out: list[Candidate] = []
        consumed: set[int] = set()
        matched: dict[int, set[int]] = {}
        ordered: set[int] = set()
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
            used = matched_tokens(frame, pattern)
            consumed |= used
            matched[tok.i] = used
            if passive_subj and not sources and lemma in TRANSFER_VERBS and self._owned_goods(tok, idx):
                # "the first components of Russia's S-400 system were delivered to Ankara": the owner supplied them
                sources, passive_subj, how = passive_subj, [], "owner of the goods (passive without agent)"
            if sources and not passive_subj and self._counted_victims(tok):
                passive_subj, sources, how = sources, [], ""   # "15 fighters killed": the victims, not killers
            if not sources and not passive_subj and (between := self._between(tok, idx)):
                sources, how = between, BETWEEN     # "Fighting between X and Y killed ..."
            if not sources and pattern.code[:2] in VIOLENT_ROOTS:
                sources, how = self._unidentified(tok, bool(passive_subj))
                if sources:   # "injured in a Russian airstrike": the attack's country, not an unknown one
                    owner, owner_how = self._weapon_owner(tok, idx)
                    if owner:
                        sources, how = owner, owner_how
            if passive_subj and not sources and pattern.target is not None and OBJ in pattern.target:
                continue  # "X was attacked" without an agent: no source
            # a weapon the pattern itself matched is its wording, not a party ("launched a drone at ...")
            tidx = {i: m for i, m in idx.items() if i not in used or sent.doc[i].lemma_.lower() not in
                    UNNAMED_AGENTS or not all(_unplaced(a) for a in m.actors)}
            targets, bound = (passive_subj, True) if passive_subj else \
                self._bind_target(tok, pattern, frame, tidx, DEFAULT_TARGET_PREPS, sources)
            agent_of_act = False
            if pattern.code[:2] in ADDRESSED_ROOTS and not (bound and targets) \
                    and (agent := self._object_act_agent(tok, idx, sources)):
                targets, bound, agent_of_act = agent, True, True   # "criticised a visit to Taiwan by a US
                # delegation": the visitors (a bound party, though no surer sign of the kind of event)
            if not targets and pattern.code[:2] in ADDRESSED_ROOTS:
                targets = self._subtree_target(tok, sources, idx)
            if how == BETWEEN:
                targets = [t for t in targets if t not in sources]
            elif sources and len(targets) < 2 and (between := self._between_targets(tok, idx, sources)):
                targets, bound = between, True    # "Egypt mediated between Israel and Hamas"
            elif sources and not targets and pattern.code.startswith(MEDIATE) \
                    and (parties := self._mediated_parties(tok, idx, sources)):
                targets, bound = parties, True    # "X and Y agreed to a ceasefire brokered by Z"
            emitted = self._emit(tok, pattern, sources, targets, bound, how)
            if agent_of_act:
                emitted = [replace(c, confidence=round(c.confidence - 0.1, 4)) for c in emitted]
            if OWN_AGENTS in how:   # the state's order to its own agents is its act
                emitted = [replace(c, modality=("asserted", f"ordered by '{c.source.text}' to its own agents"))
                           for c in emitted]
                ordered.add(tok.head.i)
            if tok.lemma_.lower() in RELAYED_PLANS and pattern.code[:2] in ("03", "13") and not _announced(tok):
                # "Li Qiang plans to visit Australia": a plan the reporter relays, not an act (spec: intended)
                emitted = [replace(c, modality=("future", f"plan '{tok.text}' reported, not stated by its actor"))
                           for c in emitted]
            if pattern.code.startswith("138") and tok.lemma_.lower() == "rule":
                # "Trump said he was not ruling out a military option": a threat; "ruled out military action": none
                ruled = ("asserted", f"force not ruled out ('{tok.text} out')") if _not_ruled_out(tok) else \
                    ("negated", f"force ruled out ('{tok.text} out')")
                emitted = [replace(c, modality=ruled) for c in emitted]
            out.extend(emitted)
            if emitted and self.intents:
                out.extend(self._intent(tok, pattern, emitted, idx))
        out.extend(self._blamed(sent, idx, {c.trigger.i for c in out}))
        if self.demands:   # "Russia said Sudan must return ..." where the obligation itself has no pattern
            coded = {c.trigger.i for c in out}
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX") and tok.i not in coded and tok.dep_ == "ccomp":
                    out.extend(self._demand(tok, None, [], idx))
        out = self._intent_toward_complement(out)
        out = [c for c in out if not _order_to_own_agents(c)]
        if ordered:   # the order itself says nothing more than the act ordered
            out = [c for c in out if not (c.trigger.i in ordered and c.pattern.code[:2] == "10")]
        out = self._drop_reported(out, matched)
        out = self._drop_carrier_generics(out)
        out = self._victims_of_the_attack(out)
        nouns: list[Candidate] = []
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
            protested: list[Actor] = []
            if pattern.src_slot:   # "n:aid from $src": the slot names the source
                sources = self._prep_target(tok, frame, pattern.target, idx) if OBJ not in pattern.target \
                    else self._bind_target(tok, pattern, frame, idx, ())[0]
                how = "'$src' slot"
                targets = self._prep_target(tok, frame, tuple(p for p in NOUN_TARGET_PREPS
                                                              if p not in pattern.target), idx)
                bound = bool(targets)
                if not targets:
                    targets, _ = self._noun_source(tok, frame, idx)
                    bound = bool(targets)
            else:
                sources, how = self._noun_source(tok, frame, idx)
                if not sources and pattern.code[:2] in SAID_FROM_ROOTS:
                    # "prompting a protest from Tokyo", "a warning from Washington": who said it
                    preps = [c for c in tok.children if c.dep_ == "prep"]
                    if tok.dep_ == "dobj":   # "drew sharp criticism from Washington"
                        preps += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
                    sources = self._prep_target(tok, preps, ("from",), idx)
                    how = "'from' phrase" if sources else how
                    if sources and tok.head.tag_ == "VBG" and tok.head.dep_ in ("advcl", "xcomp", "conj"):
                        # "X visited the shrine, drawing protests from China": China protests against X
                        main = tok.head.head
                        subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                        if subj is not None and (done := [a for a in self._actors_of(subj, idx)
                                                          if a not in sources]):
                            protested = done
                targets, bound = self._bind_target(tok, pattern, frame, idx, NOUN_TARGET_PREPS, sources)
            if not targets and protested:
                targets, bound = protested, True
            if not targets and pattern.code[:2] in ADDRESSED_ROOTS:
                targets = self._subtree_target(tok, sources, idx)
            if sources and targets and any(t in sources for t in targets):
                targets = [t for t in targets if t not in sources]
            emitted = self._emit(tok, pattern, sources, targets, bound, how)
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ORDER_VERBS and pattern.code[:2] in ORDERED_ROOTS \
                    and all(c.source.sector in (None, "GOV", "ELI") for c in emitted):
                # "Maduro ordered the deployment of 15,000 troops": a head of state's order is the move itself
                emitted = [replace(c, modality=("asserted", f"ordered by '{c.source.text}'")) for c in emitted]
            nouns.extend(emitted)
        out.extend(self._drop_background(out, nouns))
        # what analysts or experts say or warn is commentary, not an act of a political actor
        out = [c for c in out if not (c.pattern.code[:2] in VERBAL_ROOTS and head_word(c.source) in COMMENTATORS)]
        return self._statements_last(self._drop_attributions(out))

    @staticmethod
    def _intent_toward_complement(out: list[Candidate]) -> list[Candidate]:
        """Parties who jointly agree or pledge to act on a third party intend it toward that party, not toward
        each other: "the US, the EU, Britain and Canada agreed to cut Russian banks off SWIFT"."""
        joint = [c for c in out if c.reciprocal and c.pattern.code[:2] == "03"]
        if not joint:
            return out
        fixed: list[Candidate] = []
        done: set[tuple[int, str]] = set()
        for c in out:
            if c not in joint:
                fixed.append(c)
                continue
            comp = {k.i for k in c.trigger.children if k.dep_ in ("xcomp", "ccomp")}
            third = [d.target for d in out if d.trigger.i in comp and d.target is not None
                     and d.target.code not in {x.source.code for x in joint if x.trigger.i == c.trigger.i}]
            if not third:
                fixed.append(c)
            elif (c.trigger.i, c.source.code) not in done:
                done.add((c.trigger.i, c.source.code))
                fixed.append(replace(c, target=third[0], reciprocal=False,
                                     how=c.how + "; toward the complement's party"))
        return fixed

    @staticmethod
    def _drop_attributions(out: list[Candidate]) -> list[Candidate]:
        """A bare "said" that only attributes an act it reports by another actor is sourcing, not an event:
        "Al-Shabaab gunmen shot dead a lawmaker, police said", "the UN refugee agency said" after what an army
        did; also a spokesman's "said" over what his state did ("... said China called for restraint": the call
        is the event). (Comparing countries instead of codes kept those: PLOVER relaxed triple F1 0.511 ->
        0.503.)"""
        drop = set()
        for c in out:
            t = c.trigger
            if c.pattern.code == "010" and not c.pattern.words and c.target is None and t.tag_ == "VBG" \
                    and t.dep_ == "advcl" and t.i > t.head.i:
                drop.add(id(c))    # "raised rates by a point, signalling further increases": a gloss, no act
                continue
            if c.pattern.code != "010" or c.pattern.words or t.lemma_.lower() not in ATTRIBUTION_VERBS:
                continue
            comp = {x.i for k in t.children if k.dep_ == "ccomp" for x in k.subtree}
            if c.target is None and (comp or t.dep_ in ("parataxis", "conj", "ccomp")):
                drop.add(id(c))    # "military spending rose to a record, the institute said": a report, no act
                continue
            for d in out:
                if d.pattern.code[:2] == "01" or d.source.code == c.source.code or d.source.country is None:
                    continue
                ancestors = {a.i for a in d.trigger.ancestors} | {d.trigger.i}
                if d.trigger.i in comp or (t.dep_ in ("parataxis", "conj") and t.head.i in ancestors):
                    drop.add(id(c))
                    break
        return [c for c in out if id(c) not in drop] if drop else out

    @staticmethod
    def _counted_victims(verb: Token) -> bool:
        """Note and headline style drops the passive auxiliary: in "15 fighters killed", "two soldiers
        wounded" the counted subject of a verb of harm with no object and no auxiliary is its victim."""
        if verb.lemma_.lower() not in HARM_VERBS or verb.tag_ not in ("VBD", "VBN"):
            return False
        kids = list(verb.children)
        if any(c.dep_ in ("dobj", "aux", "auxpass", "agent", "xcomp", "prt") for c in kids):
            return False
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return subj is not None and any(c.dep_ == "nummod" or c.like_num for c in subj.children)

    @staticmethod
    def _victims_of_the_attack(out: list[Candidate]) -> list[Candidate]:
        """The role word without a country that a participle clause of an attack names is of the attacked
        party's country when that party is of its kind: "ambushed a Malian army convoy near Boni, killing 12
        soldiers" -> MLIMIL; "stormed a police post, wounding three officers"."""
        attacked = {c.trigger.i: c.target for c in out
                    if c.pattern.code[:2] in VIOLENT_ROOTS and c.target is not None and c.target.country}
        if not attacked:
            return out
        fixed = []
        for c in out:
            t, head = c.target, attacked.get(c.trigger.head.i)
            if t is not None and head is not None and c.trigger.dep_ == "advcl" and c.trigger.tag_ == "VBG" \
                    and _unplaced(t) and t.sector == head.sector and head.country not in NONSTATE:
                t = replace(t, code=head.country + t.sector, country=head.country,
                            rule=f"{t.rule}; country of the attacked party {head.text!r}")
                c = replace(c, target=t)
            fixed.append(c)
        return fixed

    @staticmethod
    def _statements_last(out: list[Candidate]) -> list[Candidate]:
        """A bare statement (01x: "said", "announced") ranks below any more specific event of the sentence."""
        specific = [c.confidence for c in out if c.pattern.code[:2] != "01"]
        if not specific:
            return out
        cap = round(max(0.05, min(specific) - 0.05), 4)
        return [replace(c, confidence=min(c.confidence, cap)) if c.pattern.code[:2] == "01" else c for c in out]

    @staticmethod
    def _background(noun: Token, how: str, governors: set[int]) -> str | None:
        """Why an event noun is not an event of this sentence, or None.

        An event noun is the sentence's event when an actor is tied to it (possessor, 'by' phrase, the
        subject of a support verb: "Israel mounted its invasion") or when it is the clause's subject or
        head ("Palestinian riots are continuing"). It is background
        * when it sits in a temporal or setting phrase: "since last month's U.S. invasion", "after a week
          of unrest", "on the eve of a visit by Arafat";
        * when it is the content of another event of the sentence: "rejected an Australian ultimatum",
          "rejected calls by Annan", "complained over Israeli air raids", "agreed to US mediation"
          (the other event is what happened; the noun is what it was about);
        * when its only actor is a modifier ("the U.S. invasion", "French mediation", "a U.N. mediator")
          and it is neither a subject nor the head of its clause."""
        t = noun
        path_preps: list[str] = []
        for _ in range(12):
            if t.dep_ not in ARG_LINKS or t.head is t:
                break
            h = t.head
            if t.dep_ == "prep":
                path_preps.append(t.lower_)
            elif t.dep_ == "pobj" and h.dep_ == "prep":
                pass
            if h.i in governors and h.i != noun.i and not (
                    t is noun and t.dep_ in ("dobj", "attr", "nsubjpass") and h.lemma_.lower() in SUPPORT_VERBS):
                return f"content of '{h.text}'"
            if t is not noun and t.lemma_.lower() in BACKGROUND_NOUNS and t.dep_ == "pobj":
                return f"setting '{t.text}'"
            if h.pos_ in ("VERB", "AUX"):
                break
            t = h
        tied = how.startswith(("possessor", "'by' phrase", "subject of support", "agent of support"))
        for p in path_preps:
            if p in BACKGROUND_PREPS and not (p in CONCURRENT_PREPS and tied):
                return f"setting '{p}'"
        if how.startswith("modifier") and noun.dep_ not in ("nsubj", "nsubjpass", "ROOT") \
                and not (noun.dep_ in ("conj", "appos") and noun.head.dep_ in ("nsubj", "nsubjpass", "ROOT")):
            return "actor only a modifier"
        return None

    def _drop_background(self, verbs: list[Candidate], nouns: list[Candidate]) -> list[Candidate]:
        governors = {c.trigger.i for c in verbs + nouns
                     if c.pattern.code[:2] != "01" and not c.pattern.origin.startswith("intent")}
        return [c for c in nouns if self._background(c.trigger, c.how, governors) is None]

    def _drop_carrier_generics(self, out: list[Candidate]) -> list[Candidate]:
        """A word carrying a derived statement (intention, refusal, demand, blame) is that statement: its own generic
        codes ("said" 010, "intends" 030, "refused" 120) give way to the derived, more specific one."""
        derived = [c for c in out if c.pattern.origin.startswith("intent.tsv") or c.pattern is self._blame]
        if not derived:
            return out
        carriers = {c.trigger.i for c in derived}
        return [c for c in out if c.trigger.i not in carriers or any(c is d for d in derived)
                or c.pattern.code[:2] not in ("01", "03", "12") or len(c.pattern.code) > 3]

    @staticmethod
    def _drop_reported(out: list[Candidate], matched: dict[int, set[int]]) -> list[Candidate]:
        """Drop a saying verb's event when its pattern only matched words of a complement clause that
        yields its own event: "announced that it will withdraw its peacekeepers" is the withdrawal."""
        triggers = {c.trigger.i for c in out if not c.pattern.origin.startswith("intent")}
        drop: set[int] = set()
        for c in out:
            t = c.trigger
            if t.i in drop or t.lemma_.lower() not in REPORT_VERBS or c.pattern.origin.startswith("intent"):
                continue
            used = matched.get(t.i)
            if not used:
                continue
            for comp in t.children:
                if comp.dep_ != "ccomp":
                    continue
                span = {x.i for x in comp.subtree}
                if used <= span and triggers & span:
                    drop.add(t.i)
        if not drop:
            return out
        return [c for c in out if c.trigger.i not in drop or c.pattern.origin.startswith("intent")]

    # -- stated intentions ------------------------------------------------------------------
    def _derived(self, code: str, pattern: Pattern, kind: str) -> Pattern:
        """The pattern record of an event derived from ``pattern``'s event (kind: intent/demand/refusal)."""
        key = f"{kind}:{code}:{pattern.text}"
        ip = self._intent_patterns.get(key)
        if ip is None:
            ip = Pattern(code=code, head=frozenset(), noun=False, words=pattern.words, forbidden=frozenset(),
                         target=pattern.target, swap=pattern.swap, text=f"{kind}: {pattern.text}",
                         origin=f"intent.tsv {kind} ({pattern.origin})")
            self._intent_patterns[key] = ip
        return ip

    @staticmethod
    def _lookup(table: dict[str, str], code: str) -> str | None:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None

    def _intent_carrier(self, tok: Token, emitted: list[Candidate], idx,
                        pattern_code: str = "") -> tuple[Token | None, bool]:
        """(the word that carries the stated intention behind ``tok``'s event, whether that word is ``tok`` itself)."""
        head = tok.head
        hl = head.lemma_.lower()
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if tok.dep_ == "xcomp" and hl in DECIDING_VERBS and pattern_code.startswith(DECIDED_CODES):
            return head, False          # "EU leaders agreed to impose asset freezes": the measure decided
        if tok.dep_ == "xcomp" and (head.lower_ in INTENT_READY | {"prepared", "committed"} or hl == "prepare"):
            return head, False                                       # "X is willing to send"
        if head.dep_ == "xcomp" and (head.head.lower_ in INTENT_READY or head.head.lemma_.lower() == "prepare") and (
                (tok.dep_ in ("xcomp", "advcl") and _bare_infinitive(tok))
                or (tok.dep_ == "xcomp" and hl in ASPECT_VERBS)):
            return head.head, False      # "willing to send material to help defend X", "prepared to resume shelling"
        if aux & (FUTURE_AUX | STATED_MODALS) and tok.dep_ == "ccomp" and head.pos_ == "VERB" and hl in INTENT_SAY:
            speakers, _, _ = self._subject(head, idx)
            parties = {c.source.country for c in emitted} | {c.target.country for c in emitted if c.target}
            if speakers and all(a.country and a.country not in parties for a in speakers):
                return None, False                                   # someone else's forecast, not an intent
            said_by = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if said_by is not None and said_by.lemma_.lower() in COMMENTATORS:
                return None, False                                   # "..., analysts in Mexico City say"
            return head, False                                       # "X said it will support"
        if (tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and _bare_infinitive(tok))) and hl in INTENT_VOW \
                and not self.patterns.candidates(hl, False):
            return head, False          # "rebels have sworn to fight" (a vow with patterns of its own is coded by them)
        if tok.dep_ == "xcomp" and hl in INTENT_PLAN and head.pos_ == "VERB" and (hl not in RELAYED_PLANS or _announced(head)) \
                and not any(c.dep_ == "auxpass" for c in head.children):   # ("is expected to" is a forecast)
            return head, False                                       # "Greece plans to impose restrictions"
        if aux & (FUTURE_AUX - {"would"}):     # a condition does not unmake it: "will retaliate if ..." threatens
            t = tok
            while t.dep_ == "conj" and t.head is not t:
                t = t.head
            if t.dep_ == "ROOT":
                return tok, True                                     # "Finland will give Tanzania a grant"
        return None, False

    @staticmethod
    def _reported_readiness(carrier: Token) -> tuple[str, str] | None:
        """"He said he would be ready to host ...": readiness reported with 'would' under a verb of saying is
        stated now (an asserted intention), not a future one."""
        if carrier.lower_ not in INTENT_READY:
            return None
        cop = carrier.head if carrier.dep_ == "acomp" else carrier
        if not any(c.dep_ == "aux" and c.lower_ == "would" for c in cop.children) or any(
                c.dep_ == "neg" for c in cop.children) or cop.dep_ != "ccomp":
            return None
        say = cop.head
        if say.tag_ == "VBG" and say.dep_ == "pcomp" and say.head.lower_ == "as":
            say = say.head.head                                      # "was quoted as saying"
        if say.lemma_.lower() not in INTENT_SAY | REPORT_VERBS | {"quote"}:
            return None
        return "asserted", f"readiness '{cop.text} {carrier.text}' reported by '{say.text}'"

    def _intent(self, tok: Token, pattern: Pattern, emitted: list[Candidate], idx) -> list[Candidate]:
        """The asserted statement behind an event that is not itself asserted: the intention of its own actor
        (03x/13x), the refusal of a cooperative act (12x), or another actor's demand that it be done (10x)."""
        demand = self._demand(tok, pattern, emitted, idx)
        if demand:
            return demand
        negated = any(c.dep_ == "neg" for c in tok.children)
        refused = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSE_VERBS
        if refused or negated:
            code = self._lookup(self.refusals, pattern.code)
            if code is None:
                return []
            if refused:
                carrier, itself = tok.head, False                    # "declined to resign"
            else:
                carrier, itself = self._intent_carrier(tok, emitted, idx)   # "says it will not accept"
            kind, note = "refusal", "refusal"
        else:
            code = self._lookup(self.intents, pattern.code)
            if code is None:
                return []
            carrier, itself = self._intent_carrier(tok, emitted, idx, pattern.code)
            kind, note = "intent", "stated intention"
            if carrier is not None:
                unless = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                             for c in tok.children)
                code = "139" if unless else code
                if not unless and carrier.lemma_.lower() in DECIDING_VERBS and pattern.code.startswith(DECIDED_CODES):
                    code = pattern.code   # "announced it would suspend aid": the announced measure itself
                elif not unless and carrier.lemma_.lower() == "prepare" and pattern.code[:2] in FORCE_ROOTS and all(
                        c.source.sector in ARMED_SECTORS for c in emitted):
                    code = "150"          # "the army prepared to resume shelling": a military move (PLOVER MOBILIZE)
        if carrier is None:
            return []
        ip = self._derived(code, pattern, kind)
        modality = ("asserted", f"{note} stated with '{next(c.text for c in tok.children if c.dep_ == 'aux')}'") \
            if itself else self._reported_readiness(carrier)
        return [Candidate(carrier, ip, c.source, c.target, c.reciprocal, c.confidence,
                          f"{c.how}; {note} carried by '{carrier.text}'", modality)
                for c in emitted if "(symmetric)" not in c.how or not c.reciprocal]

    def _blamed(self, sent: Span, idx, coded: set[int]) -> list[Candidate]:
        """"Ukraine says it has evidence that Russia was behind the attacks", "officials said Iran was
        responsible for the bombing": the speaker accuses the party it names (112), whatever the act's pattern."""
        out: list[Candidate] = []
        for tok in sent:
            if tok.lemma_.lower() != "be" or tok.i in coded:
                continue
            blamed = any(c.dep_ == "prep" and c.lower_ == "behind" for c in tok.children) or any(
                c.dep_ == "acomp" and c.lower_ == "responsible"
                and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children) for c in tok.children)
            if not blamed or any(c.dep_ == "neg" for c in tok.children):
                continue     # ("said Iran was not behind the attack" accuses nobody)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            accused = self._actors_of(subj, idx) if subj is not None else []
            say, t = None, tok
            for _ in range(4):      # up the clauses to the verb of saying: says -> has evidence -> proving -> was
                if t.dep_ not in ("ccomp", "xcomp", "acl", "advcl", "relcl") or t.head.i == t.i:
                    break
                t = t.head
                if t.pos_ == "VERB" and t.lemma_.lower() in BLAME_SAY:
                    say = t
                    break
            if say is None or not accused:
                continue
            speakers, _, how = self._subject(say, idx)
            for a in accused:
                for sp in speakers:
                    if not _same_party(a, sp):
                        out.append(Candidate(say, self._blame, sp, a, False, 0.7,
                                             f"{how}; '{a.text}' said to be '{tok.text} behind/responsible'"))
        return out

    def _obligation(self, tok: Token, idx) -> tuple[Token, list[Actor]] | None:
        """(saying verb, speakers) when ``tok`` is what someone said another party must do: "Russia said Sudan
        must return ...", "the Red Cross said US forces must ensure security"."""
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
            return None
        head = tok.head
        if (tok.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in OBLIGATION_NOUNS
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
                and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB"):
            head = head.head       # "issued a stern reminder to Iraq that it must cooperate"
        elif tok.dep_ != "ccomp" or head.pos_ != "VERB" or head.lemma_.lower() not in OBLIGATION_SAY:
            return None
        speakers, _, _ = self._subject(head, idx)
        return (head, speakers) if speakers else None

    def _demand(self, tok: Token, pattern: Pattern | None, emitted: list[Candidate], idx) -> list[Candidate]:
        found = self._obligation(tok, idx)
        if found is None:
            return []
        carrier, speakers = found
        agents = [c.source for c in emitted] if emitted else self._subject(tok, idx)[0]
        agents = [a for i, a in enumerate(agents) if a not in agents[:i]
                  and not any(_same_party(a, s) for s in speakers)]
        if not agents:
            return []                                               # "X said it must ...": its own duty
        negated = any(c.dep_ == "neg" for c in tok.children)
        code = None if negated or pattern is None else self._lookup(self.demands, pattern.code)
        base = pattern or Pattern(code="100", head=frozenset(), noun=False, words=(), forbidden=frozenset(),
                                  target=None, swap=False, text=f"{tok.lemma_.lower()} (no pattern)",
                                  origin="obligation")
        ip = self._derived(code or "100", base, "demand")
        conf = max((c.confidence for c in emitted), default=0.6)
        return [Candidate(carrier, ip, s, a, False, conf,
                          f"speaker of '{carrier.text}'; '{a.name or a.code}' must act ('{tok.text}')")
                for s in speakers for a in agents]

    @staticmethod
    def _prominence(tok: Token, how: str) -> float:
        """Main-clause verbs rank above subordinate ones and above event nouns named only in passing."""
        if tok.pos_ in ("NOUN", "PROPN"):
            return -0.1 if how.startswith("modifier") else -0.05
        t = tok
        while t.dep_ == "conj" and t.head.i != t.i:   # "stormed and looted": as the first verb
            t = t.head
        if t.dep_ == "ROOT":
            return 0.05
        for _ in range(4):
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return -0.15   # a verb describing a noun: "protesters demanding ...", "soldiers fighting ..."
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since", "before", "until")
                                         for c in t.children):
                return -0.15   # background: "two weeks after a Russian plane was shot down by Syrian air defences"
            if t.dep_ == "advcl" and t.i > t.head.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                return -0.15   # a trailing "as" clause: "Serbia eased emergency measures, as Croatia cracked down"
            if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i and not any(
                    c.dep_ in ("mark", "nsubj") for c in t.children):
                return -0.15   # a participle after the main clause: "shelled the island, setting homes ablaze"
            if t.dep_ in ("relcl", "acl", "advcl", "pcomp"):
                return -0.05
            if t.head.i == t.i:
                break
            t = t.head
        return 0.0

    @staticmethod
    def _owned_goods(verb: Token, idx) -> bool:
        """The passive subject of a transfer verb is goods an actor owns ("Russia's S-400 system", "American
        weapons"), not an actor itself."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.i in idx or subj.pos_ not in ("NOUN", "PROPN"):
            return False
        head = subj
        if subj.lower_ in ("components", "batch", "batches", "shipment", "first", "part", "parts", "some"):
            head = next((o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), subj)
        return head.i not in idx and any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in idx
                                         for c in head.subtree if c.i != head.i)

    @staticmethod
    def _killing(tok: Token) -> bool:
        """The trigger reports a killing: kill, murder, assassinate, slay; shoot dead; gun down."""
        lemma = tok.lemma_.lower()
        if lemma in ("kill", "murder", "assassinate", "slay", "behead"):
            return True
        kids = {c.lower_ for c in tok.children}
        return (lemma == "shoot" and "dead" in kids) or (lemma == "gun" and "down" in kids)

    @staticmethod
    def _one_figure(tok: Token, actor: Actor) -> bool:
        """A single political figure: an official, lawmaker, judge, party or opposition figure named one by
        one ("a member of parliament", "the mayoral candidate", a named minister), not a group."""
        if actor.sector not in FIGURE_SECTORS or actor.country in ("IGO", "NGO", "IMG"):
            return False
        sent = tok.sent
        span = tok.doc.char_span(sent.start_char + actor.start, sent.start_char + actor.end,
                                 alignment_mode="expand") if actor.end > actor.start else None
        if span is None:
            return actor.name is not None
        return span.root.tag_ in ("NN", "NNP") and not any(t.lower_ in ("and", "officials", "members")
                                                           for t in span)

    @staticmethod
    def _state_bombing_of(tok: Token, sources: list[Actor]) -> bool:
        """A state's or an alliance's "bombing" of a place is aerial bombing (195); a suicide, car or
        roadside bombing, or one by a group, is not."""
        if tok.lower_ not in ("bombing", "bombings", "bombardment") or not sources:
            return False
        if any(c.lower_ in NON_AERIAL_BOMBS for c in tok.children):
            return False
        return all(a.country and a.country not in ("NGO", "IMG") and a.sector in STATE_SECTORS
                   for a in sources)   # (an alliance, IGO, bombs from the air too: "NATO's bombing of ...")

    def _reclassified(self, tok: Token, pattern: Pattern, sources: list[Actor], targets: list[Actor]) -> Pattern:
        """The kind of event the parties make of a pattern's act: police storming coerce, protesters' violence is
        a riot, the killing of one political figure an assassination, warplanes "visiting" show force, a state's
        bombing is aerial."""
        if pattern.code[:2] == "14" and sources and all(a.sector in ("MIL", "COP") for a in sources) and (
                pattern.code.startswith("145") or tok.lemma_.lower() in ("storm", "raid", "blockade", "besiege")):
            return self._forces_storm   # "Ecuadorean police stormed Mexico's embassy": no protest but force
        if pattern.code[:2] in RIOT_ROOTS and pattern.code not in NOT_RIOT and sources \
                and all(head_word(a) in PROTESTERS for a in sources):
            return self._riot     # "protesters stormed and torched the consulate", "crowds stoning the embassy"
        if pattern.code[:2] in ("18", "19") and pattern.code not in NOT_RIOT and targets \
                and self._killing(tok) and all(self._one_figure(tok, t) for t in targets):
            return self._assassination   # "gunmen shot dead a member of parliament", "a mayoral candidate ..."
        if pattern.code in ("042", "043") and sources and (
                all(head_word(a) in FORCE_UNITS for a in sources)
                or ((st := self._subject_token(tok)) is not None and st.lower_ in FORCE_UNITS)):
            return self._force_posture   # "39 Chinese military aircraft flew into Taiwan's air defence zone"
        if pattern.code == "170" and tok.lemma_.lower() == "raid" and sources and all(
                a.sector in RAIDERS for a in sources):
            return self._armed_raid      # "armed men raided a village" (police raiding homes still coerce: 170)
        if pattern.code == "183" and tok.pos_ in ("NOUN", "PROPN") and self._state_bombing_of(tok, sources):
            return self._aerial_bombing   # "NATO's bombing of Belgrade", "America's bombing of Fordow"
        return pattern

    def _emit(self, tok, pattern, sources, targets, bound, how) -> list[Candidate]:
        if not sources and not (pattern.swap and bound and targets):
            return []   # (a swapped pattern's bound actor is its source: "the move drew criticism from X")
        if not bound:   # a guessed target from the actor's own country is almost always a mis-attachment
            targets = [t for t in targets if other_party(t, sources)]
        if pattern.swap and targets:
            sources, targets = targets, sources
        conf = min(0.95, 0.55 + 0.1 * len(pattern.words) + (0.1 if bound else 0.0) + self._prominence(tok, how))
        if "anaphor" in " ".join(a.rule for a in sources) or any(a.code == UNIDENTIFIED for a in sources):
            conf *= 0.85
        out: list[Candidate] = []
        reciprocal = False
        symmetric = pattern.code in self.symmetric or pattern.code[:3] in self.symmetric
        if pattern.code == "150" and not targets and len({a.country for a in sources if a.country}) > 1 \
                and any(EXERCISES & w for w in pattern.words):
            pattern = self._joint_exercise   # "French and Egyptian warships launched war games"
        pattern = self._reclassified(tok, pattern, sources, targets)
        joint = (pattern.code[:2] in JOINT_ROOTS or tok.lemma_.lower() in JOINT_VERBS) \
            and len({a.code for a in sources}) > 1 and not pattern.swap \
            and not pattern.code.startswith(SINGLE_HANDED) and tok.lemma_.lower() not in SINGLE_HANDED_VERBS
        if joint and not bound:   # the parties acted with each other, not with a guessed third party
            # ("the Sudanese army and the RSF resumed talks in Jeddah")
            targets = []
        if not targets and len(sources) > 1 and (symmetric or joint or how == BETWEEN
                                                 or tok.lemma_.lower() in RECIPROCAL_VERBS
                                                 or self._reciprocal_object(tok)):
            # (two groups the text names by one role word each are two parties: "clashes between herders
            # and farmers")
            pairs = [(a, b) for a in sources for b in sources if a is not b and _two_parties(a, b)]
            reciprocal = bool(pairs)
        else:
            pairs = [(a, b) for a in sources for b in (targets or [None]) if b is None or _two_parties(a, b)]
        if not pairs:
            pairs = [(sources[0], None)]
        for a, b in pairs:
            out.append(Candidate(tok, pattern, a, b, reciprocal or (symmetric and b is not None), conf, how))
            if symmetric and b is not None and not reciprocal:
                out.append(Candidate(tok, pattern, b, a, True, conf * 0.95, how + " (symmetric)"))
        return out
