"""Measurements of the learned event classifier (issue 5).

    .venv/bin/python benchmarks/classifier.py cv           # 5-fold CV on our corpus: random and leave-template-out
    .venv/bin/python benchmarks/classifier.py codebook     # held-out CAMEO codebook example sentences (root, penta)
    .venv/bin/python benchmarks/classifier.py system       # the same sentences through the whole coder (patterns +/- model)
    .venv/bin/python benchmarks/classifier.py spacy        # the same estimator over spaCy bag-of-lemma features
    .venv/bin/python benchmarks/classifier.py calibrate    # reliability of p_model on a held-out template slice
    .venv/bin/python benchmarks/classifier.py gold OUTDIR  # code the PLOVER dev gold (or --gold FILE, any format) with the model off/on -> events
    .venv/bin/python benchmarks/classifier.py throughput   # sentences/s: bare spaCy, geopol, geopol + model

Embeddings of the corpus are cached in ~/.cache/geopol/ (keyed by the texts). The codebook and
dev gold are read from ../shared (GEOPOL_SHARED); they are never copied into the repository.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOPOL_SHARED", ROOT.parent / "shared"))
CORPUS = ROOT / "data/training/corpus.jsonl"
CACHE = Path.home() / ".cache/geopol"
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from geopol.coding.classifier import (NO_EVENT, EventClassifier, Embedder, embed_corpus, labels_of,  # noqa: E402
                                      mask_texts, read_corpus, train_classifier)

PENTA = {"01": "A", "02": "A", "03": "B", "04": "B", "05": "B", "06": "C", "07": "C", "08": "C",
         "09": "D", "10": "D", "11": "D", "12": "D", "13": "D", "16": "D",
         "14": "E", "15": "E", "17": "E", "18": "E", "19": "E", "20": "E", "00": "-"}


def corpus_xy():
    recs = read_corpus(CORPUS)
    X = embed_corpus(recs, CACHE / "corpus-emb-masked.npz", mask=True)   # as the shipped model (geopol train)
    return recs, X


def folds(recs, k=5, by_template=False):
    if by_template:
        tids = sorted({r["template"] for r in recs})
        f = {t: i % k for i, t in enumerate(tids)}
        return np.array([f[r["template"]] for r in recs])
    rng = np.random.RandomState(0)
    return rng.randint(0, k, len(recs))


def event_argmax(clf: EventClassifier, X: np.ndarray) -> list[str]:
    P, _ = clf.proba(X)
    if NO_EVENT in clf.codes:
        P[:, clf.codes.index(NO_EVENT)] = -1
    return [clf.codes[i] for i in P.argmax(1)]


def marginal_root(clf: EventClassifier, X: np.ndarray) -> list[str]:
    """Root = argmax of the summed probability of its codes ("000" excluded); returned as 'RR0'."""
    P, _ = clf.proba(X)
    roots = sorted({c[:2] for c in clf.codes if c != NO_EVENT})
    R = np.stack([P[:, [i for i, c in enumerate(clf.codes) if c[:2] == r]].sum(1) for r in roots], 1)
    return [roots[i] + "0" for i in R.argmax(1)]


def cv(recs, X, by_template, k=5):
    fo = folds(recs, k, by_template)
    codes, mods = labels_of(recs)
    pred_c, pred_m, prob = [None] * len(recs), [None] * len(recs), np.zeros(len(recs))
    t0 = time.perf_counter()
    for f in range(k):
        tr = np.where(fo != f)[0]
        te = np.where(fo == f)[0]
        clf = train_classifier([recs[i] for i in tr], X[tr])
        for i, p in zip(te, clf.predict_vectors(X[te])):
            pred_c[i], pred_m[i], prob[i] = p.code, p.modality, p.prob
    fit_s = time.perf_counter() - t0
    per_root = defaultdict(lambda: [0, 0])
    for g, p in zip(codes, pred_c):
        per_root[g[:2]][0] += g[:2] == p[:2]
        per_root[g[:2]][1] += 1
    acc = lambda a, b: float(np.mean([x == y for x, y in zip(a, b)]))  # noqa: E731
    return {
        "split": "leave-template-out" if by_template else "random", "folds": k, "n": len(recs),
        "code_acc": round(acc(codes, pred_c), 4),
        "root_acc": round(acc([c[:2] for c in codes], [c[:2] for c in pred_c]), 4),
        "penta_acc": round(acc([PENTA[c[:2]] for c in codes], [PENTA[c[:2]] for c in pred_c]), 4),
        "event_vs_none_acc": round(acc([c == NO_EVENT for c in codes], [c == NO_EVENT for c in pred_c]), 4),
        "modality_acc": round(acc(mods, pred_m), 4),
        "per_root": {r: round(a / n, 3) for r, (a, n) in sorted(per_root.items())},
        "fit_s_total": round(fit_s, 1),
    }, pred_c, prob


def codebook_examples():
    with open(SHARED / "data/reference/cameo-codebook.csv", encoding="cp1252", errors="replace") as fh:
        rows = [r for r in csv.DictReader(fh) if r["example"] not in ("", "NA") and len(r["code"]) >= 3]
    return [(r["code"], r["example"].strip()) for r in rows]


def score_codebook(gold_codes, preds):
    n = len(gold_codes)
    root = sum(g[:2] == p[:2] for g, p in zip(gold_codes, preds)) / n
    penta = sum(PENTA[g[:2]] == PENTA[p[:2]] for g, p in zip(gold_codes, preds)) / n
    code3 = sum(g[:3] == p[:3] for g, p in zip(gold_codes, preds)) / n
    return {"n": n, "root_acc": round(root, 4), "penta_acc": round(penta, 4), "code3_acc": round(code3, 4)}


def cmd_codebook(args):
    recs, X = corpus_xy()
    clf = train_classifier(recs, X)
    ex = codebook_examples()
    E = Embedder.shared().encode(mask_texts([t for _, t in ex]))
    gold = [c for c, _ in ex]
    preds = clf.predict_vectors(E)
    res = {"events_only_argmax": score_codebook(gold, event_argmax(clf, E)),
           "events_only_marginal_root": score_codebook(gold, marginal_root(clf, E)),
           "with_no_event_class": score_codebook(gold, [p.code for p in preds]),
           "predicted_no_event": sum(p.code == NO_EVENT for p in preds)}
    conf = Counter((g[:2], p[:2]) for g, p in zip(gold, event_argmax(clf, E)) if g[:2] != p[:2])
    res["top_root_confusions"] = [f"{g}->{p}: {n}" for (g, p), n in conf.most_common(12)]
    print(json.dumps(res, indent=2))


def cmd_system(args):
    """The codebook examples through the whole coder: patterns alone, patterns + model, and the model alone.

    A sentence's prediction is the code of its most confident event of any modality (the codebook's codes
    include intentions and threats); with no event, the model's best event code (for "patterns alone" the
    sentence counts as wrong). Codebook sentences are never trained on."""
    from geopol.ingest.readers import content_hash
    from geopol.pipeline import Pipeline, PipelineConfig
    from geopol.records import Document
    ex = codebook_examples()
    texts = [t.split(" Note:")[0] for _, t in ex]     # the codebook's coding notes are not news text
    gold = [c for c, _ in ex]
    recs, X = corpus_xy()
    clf = train_classifier(recs, X)
    model = event_argmax(clf, Embedder.shared().encode(mask_texts(texts)))
    docs = [Document(id=f"cb{i}", text=t, content_hash=content_hash(t)) for i, t in enumerate(texts)]
    res = {"model_alone": score_codebook(gold, model)}
    for on in (False, True):
        pipe = Pipeline.load(PipelineConfig(events_model=on))
        if on and args.sentence:
            from geopol.coding.combine import CombineRules
            pipe.classifier.rules = CombineRules(sentence_threshold=args.sentence)
        best, statements_only = [], []
        for r in pipe.code_documents(docs):
            # asserted events first, then the most confident; a bare statement (01x, "said") is the
            # least informative reading and yields to the model when it is all the patterns found
            evs = sorted(r.events, key=lambda e: (e.modality != "asserted", -e.confidence))
            specific = [e for e in evs if e.type.code[:2] != "01"]
            best.append((specific or evs)[0].type.code if evs else None)
            statements_only.append(bool(evs) and not specific)
        name = "patterns_plus_model" if on else "patterns_alone"
        res[name] = score_codebook(gold, [b or "000" for b in best])
        res[name]["sentences_with_an_event"] = sum(b is not None for b in best)
        res[name + "_model_fallback"] = score_codebook(gold, [b or m for b, m in zip(best, model)])
        res[name + "_model_fallback_over_statements"] = score_codebook(
            gold, [m if (b is None or st) else b for b, m, st in zip(best, model, statements_only)])
    print(json.dumps(res, indent=2))


def cmd_cv(args):
    recs, X = corpus_xy()
    for bt in (False, True):
        res, _, _ = cv(recs, X, bt)
        print(json.dumps(res, indent=2))


def cmd_calibrate(args):
    """Reliability of p_model on held-out templates: accuracy (code, root, event-vs-none) by p bin."""
    recs, X = corpus_xy()
    _, pred, prob = cv(recs, X, True)
    codes, _ = labels_of(recs)
    bins = [0, .3, .4, .5, .55, .6, .7, .8, .9, 1.01]
    rows = []
    for lo, hi in zip(bins, bins[1:]):
        sel = [i for i in range(len(recs)) if lo <= prob[i] < hi and pred[i] != NO_EVENT]
        if not sel:
            continue
        rows.append({"p": f"[{lo:.2f},{hi:.2f})", "n": len(sel),
                     "code_acc": round(np.mean([codes[i] == pred[i] for i in sel]), 3),
                     "root_acc": round(np.mean([codes[i][:2] == pred[i][:2] for i in sel]), 3),
                     "is_event": round(np.mean([codes[i] != NO_EVENT for i in sel]), 3)})
    for t in (0.4, 0.5, 0.55, 0.6, 0.7, 0.8):
        sel = [i for i in range(len(recs)) if prob[i] >= t and pred[i] != NO_EVENT]
        ev = [i for i in range(len(recs)) if codes[i] != NO_EVENT]
        rows.append({"threshold": t, "kept": len(sel), "precision_root": round(np.mean(
            [codes[i][:2] == pred[i][:2] for i in sel]), 3), "recall_root": round(sum(
                codes[i][:2] == pred[i][:2] for i in sel) / len(ev), 3)})
    print(json.dumps(rows, indent=1))


# -- spaCy features ---------------------------------------------------------------------------
def spacy_features(texts, nlp, dim=2 ** 12):
    import zlib
    X = np.zeros((len(texts), dim), dtype=np.float32)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=128)):
        feats = []
        for t in doc:
            if t.is_punct or t.ent_type_:
                continue
            feats.append("l:" + t.lemma_.lower())
            if t.dep_ in ("ROOT", "ccomp", "xcomp", "conj") and t.pos_ == "VERB":
                feats.append("v:" + t.lemma_.lower())
                feats.extend("vc:" + t.lemma_.lower() + ":" + c.lemma_.lower() for c in t.children
                             if c.dep_ in ("dobj", "prep", "xcomp", "neg", "aux", "prt"))
        for f in feats:
            X[i, zlib.crc32(f.encode()) % dim] += 1.0
        n = np.linalg.norm(X[i])
        if n:
            X[i] /= n
    return X


def cmd_spacy(args):
    from geopol.nlp.parse import load_nlp
    nlp = load_nlp()
    recs = read_corpus(CORPUS)
    t0 = time.perf_counter()
    X = spacy_features([r["text"] for r in recs], nlp)
    print("features", round(time.perf_counter() - t0, 1), "s", file=sys.stderr)
    clf = train_classifier(recs, X, iters=200)
    ex = codebook_examples()
    E = spacy_features([t for _, t in ex], nlp)
    print(json.dumps({"codebook_events_only": score_codebook([c for c, _ in ex], event_argmax(clf, E)),
                      "codebook_marginal_root": score_codebook([c for c, _ in ex], marginal_root(clf, E))}, indent=2))


# -- pipeline measurements ----------------------------------------------------------------------
def cmd_gold(args):
    from geopol.eval.gold import gold_documents, read_gold
    from geopol.pipeline import Pipeline, PipelineConfig
    gold = args.gold or str(SHARED / "data/dev/PLOVER_GSR_CAMEO.json")
    golds = [g for g in read_gold(gold, "auto", []) if g.annotated]
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    from geopol.coding.combine import CombineRules
    for on in ((False, True) if not args.only_on else (True,)):
        pipe = Pipeline.load(PipelineConfig(events_model=on))
        if on and (args.add or args.recode or args.sentence):
            base = CombineRules()
            pipe.classifier.rules = CombineRules(add_threshold=args.add or base.add_threshold,
                                                 recode_threshold=args.recode or base.recode_threshold,
                                                 sentence_threshold=args.sentence or base.sentence_threshold)
        path = out / f"events-model-{'on' if on else 'off'}.jsonl"
        n = 0
        with open(path, "w", encoding="utf-8") as fh:
            for res in pipe.code_documents(gold_documents(golds)):
                for ev in res.events:
                    fh.write(json.dumps(ev.to_dict()) + "\n")
                    n += 1
        print(f"{path}: {n} events; score with: .venv/bin/geopol eval {gold} --pred {path} --json")


def cmd_throughput(args):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from throughput import corpus
    from geopol.ingest.readers import content_hash
    from geopol.nlp.parse import split_paragraphs
    from geopol.pipeline import Pipeline, PipelineConfig
    from geopol.records import Document
    texts = corpus() * args.repeat
    docs = [Document(id=f"d{i}", text=t, content_hash=content_hash(f"{i}{t}")) for i, t in enumerate(texts)]
    off = Pipeline.load(PipelineConfig())
    on = Pipeline.load(PipelineConfig(events_model=True))
    units = [u for t in texts for _, u in split_paragraphs(t)]
    n_sent = sum(1 for d in off.nlp.pipe(units[:50]) for _ in d.sents)
    times = defaultdict(list)
    events = {}
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_sent = sum(1 for d in off.nlp.pipe(units, batch_size=64) for _ in d.sents)
        times["bare_spacy"].append(time.perf_counter() - t0)
        for name, pipe in (("geopol_model_off", off), ("geopol_model_on", on)):
            t0 = time.perf_counter()
            events[name] = sum(len(r.events) for r in pipe.code_documents(docs))
            times[name].append(time.perf_counter() - t0)
    best = {k: min(v) for k, v in times.items()}
    res = {"sentences": n_sent, **{f"{k}_sent_per_s": round(n_sent / v, 1) for k, v in best.items()},
           "events": events}
    res["ratio_off_vs_bare"] = round(best["bare_spacy"] / best["geopol_model_off"], 3)
    res["ratio_on_vs_bare"] = round(best["bare_spacy"] / best["geopol_model_on"], 3)
    print(json.dumps(res, indent=2))


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("cv", "codebook", "spacy", "calibrate"):
        sub.add_parser(name)
    sy = sub.add_parser("system")
    sy.add_argument("--sentence", type=float, help="CombineRules.sentence_threshold (whole-sentence fallback)")
    g = sub.add_parser("gold")
    g.add_argument("outdir")
    g.add_argument("--gold")
    g.add_argument("--only-on", action="store_true")
    g.add_argument("--add", type=float, help="CombineRules.add_threshold")
    g.add_argument("--recode", type=float, help="CombineRules.recode_threshold")
    g.add_argument("--sentence", type=float, help="CombineRules.sentence_threshold (whole-sentence fallback)")
    t = sub.add_parser("throughput")
    t.add_argument("--repeat", type=int, default=2)
    t.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    globals()["cmd_" + args.cmd](args)


if __name__ == "__main__":
    main()
