"""Score predicted events (event-record dicts) against gold sentences.

Predictions are matched to gold by ``doc_id == gold id``; each gold sentence is
one document. What is measured (see ``README.md`` next to this file):

* **Event types, sentence level.** For each scored gold sentence, the set of
  gold PLOVER types G and predicted types P: a type in G & P is a true
  positive, P - G false positives, G - P false negatives, summed over
  sentences, per type; the same for CAMEO roots (only on sentences whose gold
  carries CAMEO codes: the PLOVER gold file has none). Micro P/R/F1 sum the
  counts over types; macro F1 is the mean F1 of the types seen in gold or
  predictions.
* **Confusion** (PLOVER types, sentence level): a type in G & P lands on the
  diagonal; the remaining gold and predicted types of a sentence are paired
  greedily (pairs whose events share actors first, then alphabetically), what
  is left goes to the ``none`` column (missed) or ``none`` row (spurious); a
  sentence with no gold and no predicted type counts once in none/none. Row
  ``T`` sums to the number of sentences with gold type ``T``; column ``T`` to
  the number with predicted type ``T``.
* **Actor codes.** Within a sentence gold and predicted events of the same
  type (PLOVER type, else CAMEO root) are aligned one-to-one (best actor
  agreement first); over aligned pairs: source/target exact-code accuracy and
  country-prefix (first three characters) accuracy.
* **Triples** (source, target, event) per sentence as sets, P/R/F1:
  ``exact`` full actor codes + full CAMEO code, ``relaxed`` actor country
  prefix + CAMEO root. Sentences whose gold has no CAMEO codes use the PLOVER
  type as the event in both (``triple_event_key`` says which applied).
  ``plover_exact`` / ``plover_relaxed`` always use the PLOVER type.
* **Best-event type accuracy** (``best_event``): for each scored gold sentence
  with at least one typed gold event, the predicted event with the highest
  ``confidence`` (first in input order on ties; a record without
  ``confidence`` counts as 0) is correct when its PLOVER type is one of the
  sentence's gold types; a sentence with no (scored) prediction counts as
  wrong. Accuracy = correct / such sentences.
* **No-event sentences** (``no_event``): gold sentences with no event at all
  (hard negatives: negations, hypotheticals, metaphors, sport): how many got an
  asserted prediction; ``sentence_accuracy`` counts both kinds of sentence
  (best event right, or nothing asserted where the gold has nothing).

Only predicted events with ``modality == "asserted"`` count (a record with no
``modality`` is taken as asserted) and only asserted gold events, unless
``all_modalities``. A predicted record with ``"reciprocal": true`` also gives
the reversed event (B->A).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .gold import PLOVER_TYPES, GoldEvent, GoldSentence, normalize_plover, plover_for_cameo

NONE = "none"


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.support,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class PredEvent:
    """The parts of a predicted event record that scoring uses."""

    source: str | None
    target: str | None
    cameo: str | None
    plover_type: str | None
    modality: str = "asserted"
    reciprocal: bool = False
    confidence: float = 0.0

    @property
    def cameo_root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


def _actor_code(v: Any) -> str | None:
    if isinstance(v, dict):
        v = v.get("code")
    if v is None or v == "":
        return None
    return str(v).strip().upper()


def pred_event(d: dict[str, Any]) -> PredEvent:
    """Read an event-record dict (see the event-record spec); tolerant of missing fields."""
    cameo = d.get("cameo")
    cameo = str(cameo).strip() if cameo not in (None, "") else None
    pl = d.get("plover")
    if isinstance(pl, dict):
        pl = pl.get("type")
    try:
        ptype, _ = normalize_plover(pl)
    except ValueError:
        ptype = None
    if ptype is None and cameo:
        ptype = plover_for_cameo(cameo)
    try:
        conf = float(d.get("confidence") or 0.0)
    except (TypeError, ValueError):
        conf = 0.0
    return PredEvent(source=_actor_code(d.get("source")), target=_actor_code(d.get("target")),
                     cameo=cameo, plover_type=ptype, modality=d.get("modality") or "asserted",
                     reciprocal=bool(d.get("reciprocal")), confidence=conf)


def _expand(p: PredEvent) -> list[PredEvent]:
    if p.reciprocal and p.target is not None and p.source != p.target:
        return [p, PredEvent(p.target, p.source, p.cameo, p.plover_type, p.modality, True, p.confidence)]
    return [p]


def _prefix(code: str | None) -> str | None:
    return code[:3] if code else code


def _actor_score(g: GoldEvent, p: PredEvent) -> int:
    s = 0
    for a, b in ((g.source, p.source), (g.target, p.target)):
        if a == b:
            s += 2
        elif _prefix(a) == _prefix(b):
            s += 1
    return s


def _same_type(g: GoldEvent, p: PredEvent) -> bool:
    if g.plover_type and p.plover_type:
        return g.plover_type == p.plover_type
    return bool(g.cameo and p.cameo and g.cameo[:2] == p.cameo[:2])


@dataclass
class EvalReport:
    options: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    plover: dict[str, PRF] = field(default_factory=dict)
    plover_micro: PRF = field(default_factory=PRF)
    plover_macro_f1: float = 0.0
    root: dict[str, PRF] = field(default_factory=dict)
    root_micro: PRF = field(default_factory=PRF)
    root_macro_f1: float = 0.0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    actors: dict[str, Any] = field(default_factory=dict)
    triples: dict[str, PRF] = field(default_factory=dict)
    triple_event_key: str = "cameo"
    old_types: dict[str, dict[str, Any]] = field(default_factory=dict)
    best_event: dict[str, Any] = field(default_factory=dict)
    no_event: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "options": dict(self.options),
            "counts": dict(self.counts),
            "plover": {
                "by_type": {t: v.to_dict() for t, v in self.plover.items()},
                "micro": self.plover_micro.to_dict(),
                "macro_f1": round(self.plover_macro_f1, 4),
            },
            "cameo_root": {
                "by_root": {t: v.to_dict() for t, v in self.root.items()},
                "micro": self.root_micro.to_dict(),
                "macro_f1": round(self.root_macro_f1, 4),
            },
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
            "actors": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.actors.items()},
            "triples": {k: v.to_dict() for k, v in self.triples.items()},
            "triple_event_key": self.triple_event_key,
            "gold_type_orig": {k: dict(v) for k, v in self.old_types.items()},
            "best_event": dict(self.best_event),
            "no_event": dict(self.no_event),
        }


def _macro(prfs: dict[str, PRF]) -> float:
    seen = [v for v in prfs.values() if v.tp + v.fp + v.fn]
    return sum(v.f1 for v in seen) / len(seen) if seen else 0.0


def _type_order(labels: Iterable[str]) -> list[str]:
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    return sorted(set(labels), key=lambda t: (order.get(t, len(order)), t))


def evaluate(golds: Sequence[GoldSentence], predictions: Iterable[dict[str, Any]], *,
             all_modalities: bool = False) -> EvalReport:
    """Score ``predictions`` (event-record dicts) against ``golds``."""
    scored = [g for g in golds if g.annotated]
    by_id = {g.id: g for g in scored}
    counts: Counter[str] = Counter()
    counts["sentences"] = len(golds)
    counts["sentences_scored"] = len(scored)
    counts["sentences_unannotated"] = len(golds) - len(scored)

    preds: dict[str, list[PredEvent]] = defaultdict(list)
    for d in predictions:
        counts["pred_events"] += 1
        doc = d.get("doc_id")
        doc = None if doc is None else str(doc)
        if doc not in by_id:
            counts["pred_events_outside_gold"] += 1
            continue
        p = pred_event(d)
        if not all_modalities and p.modality != "asserted":
            counts["pred_events_skipped_modality"] += 1
            continue
        counts["pred_events_scored"] += 1
        if p.reciprocal:
            counts["pred_events_reciprocal"] += 1
        preds[doc].extend(_expand(p))
    for k in ("pred_events", "pred_events_outside_gold", "pred_events_skipped_modality",
              "pred_events_scored", "pred_events_reciprocal"):
        counts.setdefault(k, 0)

    plover: dict[str, PRF] = defaultdict(PRF)
    root: dict[str, PRF] = defaultdict(PRF)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    triple_names = ("exact", "relaxed", "plover_exact", "plover_relaxed")
    triples = {k: PRF() for k in triple_names}
    actor = Counter()
    old: dict[str, dict[str, Any]] = {}
    keys_used: set[str] = set()
    counts["gold_events"] = 0
    counts["gold_events_skipped_modality"] = 0
    counts["sentences_with_predictions"] = 0
    best_ev: Counter[str] = Counter()
    no_ev: Counter[str] = Counter()

    for s in scored:
        gev = [e for e in s.events if all_modalities or e.modality == "asserted"]
        counts["gold_events"] += len(gev)
        counts["gold_events_skipped_modality"] += len(s.events) - len(gev)
        pev = preds.get(s.id, [])
        if pev:
            counts["sentences_with_predictions"] += 1

        # --- types (sentence level)
        gt = {e.plover_type for e in gev if e.plover_type}
        pt = {e.plover_type for e in pev if e.plover_type}
        for t in gt | pt:
            plover[t].add({t} & gt, {t} & pt)
        if s.cameo_annotated:
            gr = {e.cameo_root for e in gev if e.cameo_root}
            pr = {e.cameo_root for e in pev if e.cameo_root}
            for t in gr | pr:
                root[t].add({t} & gr, {t} & pr)

        # --- sentences with no gold event (hard negatives): does anything get asserted?
        if not gev and not s.events:
            no_ev["sentences"] += 1
            no_ev["with_prediction"] += int(bool(pev))

        # --- best event per sentence: is the most confident prediction's type a gold type?
        if gt:
            best_ev["sentences"] += 1
            typed = [e for e in pev if e.plover_type]
            if not typed:
                best_ev["no_prediction"] += 1
            elif max(typed, key=lambda e: e.confidence).plover_type in gt:   # max keeps the first on ties
                best_ev["correct"] += 1

        # --- original (pre-2021) gold types: recall
        for e in gev:
            if e.plover_type_orig:
                rec = old.setdefault(e.plover_type_orig, {"mapped_to": e.plover_type, "sentences": 0,
                                                          "recalled": 0, "_ids": set()})
                if s.id not in rec["_ids"]:
                    rec["_ids"].add(s.id)
                    rec["sentences"] += 1
                    rec["recalled"] += int(e.plover_type in pt)

        # --- confusion
        for t in gt & pt:
            confusion[t][t] += 1
        g_left, p_left = gt - pt, pt - gt
        if not gt and not pt:
            confusion[NONE][NONE] += 1
        cands = []
        for a in g_left:
            for b in p_left:
                best = max((_actor_score(ge, pe) for ge in gev if ge.plover_type == a
                            for pe in pev if pe.plover_type == b), default=0)
                cands.append((-best, a, b))
        for _, a, b in sorted(cands):
            if a in g_left and b in p_left:
                confusion[a][b] += 1
                g_left.discard(a)
                p_left.discard(b)
        for a in g_left:
            confusion[a][NONE] += 1
        for b in p_left:
            confusion[NONE][b] += 1

        # --- actor codes on aligned events
        pairs = sorted(((-_actor_score(ge, pe), i, j) for i, ge in enumerate(gev)
                        for j, pe in enumerate(pev) if _same_type(ge, pe)))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            ge, pe = gev[i], pev[j]
            actor["matched"] += 1
            actor["source_exact"] += int(ge.source == pe.source)
            actor["source_country"] += int(_prefix(ge.source) == _prefix(pe.source))
            actor["target_exact"] += int(ge.target == pe.target)
            actor["target_country"] += int(_prefix(ge.target) == _prefix(pe.target))

        # --- triples
        if s.cameo_annotated:
            keys_used.add("cameo")
            ex = lambda e: (e.source, e.target, e.cameo)                       # noqa: E731
            rx = lambda e: (_prefix(e.source), _prefix(e.target), e.cameo_root)  # noqa: E731
        else:
            keys_used.add("plover")
            ex = lambda e: (e.source, e.target, e.plover_type)                 # noqa: E731
            rx = lambda e: (_prefix(e.source), _prefix(e.target), e.plover_type)  # noqa: E731
        triples["exact"].add({ex(e) for e in gev}, {ex(e) for e in pev})
        triples["relaxed"].add({rx(e) for e in gev}, {rx(e) for e in pev})
        triples["plover_exact"].add({(e.source, e.target, e.plover_type) for e in gev if e.plover_type},
                                    {(e.source, e.target, e.plover_type) for e in pev if e.plover_type})
        triples["plover_relaxed"].add(
            {(_prefix(e.source), _prefix(e.target), e.plover_type) for e in gev if e.plover_type},
            {(_prefix(e.source), _prefix(e.target), e.plover_type) for e in pev if e.plover_type})

    plover_sorted = {t: plover[t] for t in _type_order(plover)}
    root_sorted = {t: root[t] for t in sorted(root)}
    micro = PRF(sum(v.tp for v in plover.values()), sum(v.fp for v in plover.values()),
                sum(v.fn for v in plover.values()))
    rmicro = PRF(sum(v.tp for v in root.values()), sum(v.fp for v in root.values()),
                 sum(v.fn for v in root.values()))
    labels = _type_order((set(confusion) | {b for row in confusion.values() for b in row}) - {NONE}) + [NONE]
    conf = {a: {b: confusion[a][b] for b in labels} for a in labels}
    m = actor["matched"]
    actors: dict[str, Any] = {"matched": m}
    for k in ("source_exact", "source_country", "target_exact", "target_country"):
        actors[k] = actor[k]
        actors[f"{k}_accuracy"] = actor[k] / m if m else 0.0
    old_out = {}
    if any(k != v["mapped_to"] for k, v in old.items()):
        for k in sorted(old):
            v = old[k]
            old_out[k] = {"mapped_to": v["mapped_to"], "sentences": v["sentences"], "recalled": v["recalled"],
                          "recall": round(v["recalled"] / v["sentences"], 4) if v["sentences"] else 0.0}
    return EvalReport(
        options={"all_modalities": all_modalities},
        counts=dict(counts),
        plover=plover_sorted, plover_micro=micro, plover_macro_f1=_macro(plover),
        root=root_sorted, root_micro=rmicro, root_macro_f1=_macro(root),
        confusion=conf, actors=actors, triples=triples,
        triple_event_key=("mixed" if len(keys_used) > 1 else next(iter(keys_used), "cameo")),
        old_types=old_out,
        best_event={"sentences": best_ev["sentences"], "correct": best_ev["correct"],
                    "no_prediction": best_ev["no_prediction"],
                    "accuracy": round(best_ev["correct"] / best_ev["sentences"], 4) if best_ev["sentences"] else 0.0},
        no_event=_no_event_summary(no_ev, best_ev),
    )


def _no_event_summary(no_ev: Counter, best_ev: Counter) -> dict[str, Any]:
    """Gold sentences without any event: how many got an asserted prediction; and the sentence accuracy over
    both kinds (best event right, or nothing asserted where nothing happened)."""
    n, wrong = no_ev["sentences"], no_ev["with_prediction"]
    total = n + best_ev["sentences"]
    return {"sentences": n, "with_prediction": wrong, "clean": n - wrong,
            "clean_rate": round((n - wrong) / n, 4) if n else 0.0,
            "sentence_accuracy": round((best_ev["correct"] + n - wrong) / total, 4) if total else 0.0}


# --------------------------------------------------------------------------- rendering

def render_report(report: EvalReport, console: Any = None) -> None:
    """Print the report as Rich tables (on ``console``, default stdout)."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    c = report.counts
    mods = "all modalities" if report.options.get("all_modalities") else "asserted events only"
    console.print(f"[bold]geopol eval[/bold]: {c.get('sentences_scored', 0)} gold sentences scored "
                  f"({c.get('sentences_unannotated', 0)} unannotated skipped), "
                  f"{c.get('gold_events', 0)} gold events, {c.get('pred_events_scored', 0)} predicted events scored "
                  f"of {c.get('pred_events', 0)} ({mods}).")
    if c.get("pred_events_outside_gold"):
        console.print(f"[yellow]{c['pred_events_outside_gold']} predicted events have a doc_id not among "
                      "the scored gold ids and were ignored.[/yellow]")

    def prf_table(title: str, label: str, rows: dict[str, PRF], micro: PRF, macro: float) -> Table:
        t = Table(title=title)
        for col in (label, "support", "tp", "fp", "fn", "P", "R", "F1"):
            t.add_column(col, justify="left" if col == label else "right")
        for k, v in rows.items():
            t.add_row(k, str(v.support), str(v.tp), str(v.fp), str(v.fn),
                      f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}")
        t.add_section()
        t.add_row("micro", str(micro.support), str(micro.tp), str(micro.fp), str(micro.fn),
                  f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{micro.f1:.3f}", style="bold")
        t.add_row("macro F1", "", "", "", "", "", "", f"{macro:.3f}", style="bold")
        return t

    console.print(prf_table("PLOVER types (sentence level)", "type", report.plover,
                            report.plover_micro, report.plover_macro_f1))
    if report.root:
        console.print(prf_table("CAMEO roots (sentence level)", "root", report.root,
                                report.root_micro, report.root_macro_f1))

    tt = Table(title=f"Triples (source, target, event); event key: {report.triple_event_key}")
    for col in ("match", "tp", "fp", "fn", "P", "R", "F1"):
        tt.add_column(col, justify="left" if col == "match" else "right")
    for k, v in report.triples.items():
        tt.add_row(k, str(v.tp), str(v.fp), str(v.fn), f"{v.precision:.3f}", f"{v.recall:.3f}", f"{v.f1:.3f}")
    console.print(tt)

    b = report.best_event
    if b.get("sentences"):
        console.print(f"Best-event type accuracy (most confident prediction per gold sentence): "
                      f"{b['correct']}/{b['sentences']} = {b['accuracy']:.3f} "
                      f"({b['no_prediction']} sentences without a prediction count as wrong)")
    ne = report.no_event
    if ne.get("sentences"):
        console.print(f"Sentences with no gold event: {ne['clean']}/{ne['sentences']} = {ne['clean_rate']:.3f} "
                      f"with nothing asserted ({ne['with_prediction']} with a predicted event); sentence accuracy "
                      f"(best event right, or nothing where nothing happened): {ne['sentence_accuracy']:.3f}")

    a = report.actors
    at = Table(title=f"Actor codes on {a.get('matched', 0)} type-matched events")
    for col in ("actor", "exact", "country prefix"):
        at.add_column(col, justify="left" if col == "actor" else "right")
    for side in ("source", "target"):
        at.add_row(side, f"{a.get(side + '_exact_accuracy', 0):.3f}", f"{a.get(side + '_country_accuracy', 0):.3f}")
    console.print(at)

    cells = [(g, p, n) for g, row in report.confusion.items() for p, n in row.items() if n and g != p]
    diag = sum(row.get(g, 0) for g, row in report.confusion.items() if g != NONE)
    if report.confusion:
        ct = Table(title="Confusions (sentence level, PLOVER types; full matrix in --json)",
                   caption=f"correct (diagonal): {diag} sentence-types; none/none: "
                           f"{report.confusion.get(NONE, {}).get(NONE, 0)} sentences")
        for col in ("gold", "predicted", "sentences"):
            ct.add_column(col, justify="right" if col == "sentences" else "left")
        for g, p, n in sorted(cells, key=lambda c: (-c[2], c[0], c[1])):
            ct.add_row(g, p, str(n))
        console.print(ct)

    if report.old_types:
        ot = Table(title="Gold types as written (PLOVER 0.5b1) and the current type they map to")
        for col in ("gold type", "mapped to", "sentences", "recalled", "recall"):
            ot.add_column(col, justify="left" if col in ("gold type", "mapped to") else "right")
        for k, v in report.old_types.items():
            ot.add_row(k, v["mapped_to"] or "-", str(v["sentences"]), str(v["recalled"]), f"{v['recall']:.3f}")
        console.print(ot)


# --------------------------------------------------------------------------- predictions

def read_predictions(path: str, stdin: Any = None) -> list[dict[str, Any]]:
    """Read an events JSONL file (``-`` = stdin): one event record per line.

    Blank lines are skipped. Raises :class:`~geopol.eval.gold.GoldFormatError`
    (``FILE:LINE: message``) for a missing file, bad JSON, a line that is not
    an object, or a record without ``doc_id``.
    """
    import sys
    from pathlib import Path

    from .gold import GoldFormatError

    if path == "-":
        lines = (stdin or sys.stdin).read().splitlines()
        origin = "<stdin>"
    else:
        origin = path
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise GoldFormatError(path, "no such file") from None
        except IsADirectoryError:
            raise GoldFormatError(path, "is a directory, expected an events JSONL file") from None
        except OSError as e:
            raise GoldFormatError(path, e.strerror or str(e)) from None
        try:
            lines = data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as e:
            raise GoldFormatError(path, "not UTF-8 text", data.count(b"\n", 0, e.start) + 1) from None
    out: list[dict[str, Any]] = []
    for lineno, ln in enumerate(lines, 1):
        if not ln.strip():
            continue
        try:
            obj = json.loads(ln)
        except json.JSONDecodeError as e:
            raise GoldFormatError(origin, f"invalid JSON: {e.msg}", lineno) from None
        if not isinstance(obj, dict):
            raise GoldFormatError(origin, "expected one JSON event object per line", lineno)
        if obj.get("doc_id") in (None, ""):
            raise GoldFormatError(origin, "event record has no 'doc_id'", lineno)
        out.append(obj)
    return out
