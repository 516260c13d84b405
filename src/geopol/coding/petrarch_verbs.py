"""Read PETRARCH-2 verb dictionaries (the ``CAMEO.2.0.txt`` format) into geopol :class:`Pattern` objects.

The format, as far as it matters here::

    &SYNSET            a synonym set; the following ``+WORD`` lines are its members (``_`` joins words of a phrase;
    +WORD              a trailing ``_`` on the name or a word means "no plural")
    --- NAME [code] ---            starts a verb block; ``[code]`` is the block's default code (``---`` = none)
    VERB {IRREG FORMS} [code] # c  a synonym verb, optional irregular forms and its own default code
    +CALL_OFF [160]                a multi-word verb: ``+`` marks the verb, the other words are particles
    - PRE * POST [code] # comment  a pattern: ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` both,
                                   ``^`` skips a phrase, ``(PREP ...)`` a prepositional phrase, ``{A B}`` a noun phrase,
                                   ``&SYNSET`` a synonym set; ``[A:B]`` codes the event A (source -> target) and B
                                   (target -> source); ``[:B]`` only the reverse event
    ~ ...                          transformations (not convertible)

Conversion into geopol's syntax (see :mod:`geopol.coding.patterns`): the pattern head is every single-word verb of the
block (one pattern per multi-word verb, with its particles as required words); every pattern word becomes a required
frame word (lower-cased: surface forms such as ``SANCTIONS`` match the frame's lower-case text); ``+`` becomes ``$``
(after a preposition: that preposition's object); a ``$`` source bound after the verb, or a reverse-only ``[:B]`` code,
gives ``@swap``; synsets become alternatives (their multi-word phrases are dropped: geopol alternatives are single
words). Dropped, and counted in the stats: null codes (``---``), the secondary half of ``[A:B]``, transformations,
patterns whose synsets are undefined or end up empty, and phrase adjacency/order (geopol frames are unordered sets).
Words before ``*`` are kept as required words although in a geopol frame they can only match adverbs, negations or
auxiliaries (the subject is not in the frame); such patterns are counted as ``preverb``.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from geopol.coding.patterns import OBJ, PREPOSITIONS, Pattern, PatternError

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_AUX = frozenset("is are am was were be been being has have had will would".split())


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def _word(tok: str) -> str:
    return tok.strip().rstrip("_").lower()


def _parse_code(raw: str, where: str) -> tuple[str | None, bool, bool]:
    """-> (code or None for null, swap, secondary_dropped)."""
    raw = raw.strip()
    if not raw or raw.startswith("---") or raw.startswith("+++"):   # null, or "+++": no code of its own
        return None, False, False
    if ":" in raw:
        a, b = (x.strip() for x in raw.split(":", 1))
        if a and a != "---":
            code, swap, dropped = a, False, bool(b) and b != "---"
        elif b and b != "---":
            code, swap, dropped = b, True, False
        else:
            return None, False, False
    else:
        code, swap, dropped = raw, False, False
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise PatternError(f"{where}: bad CAMEO code {raw!r}")
    return code, swap, dropped


def load_petrarch_verbs(path: Path | str, strict: bool = False) -> tuple[list[Pattern], dict]:
    """Convert a PETRARCH-2 verb dictionary into geopol patterns; returns (patterns, stats).

    Structural errors (a pattern outside a block, a pattern without ``*``, a block header without a code) raise
    ``PatternError("FILE:LINE: message")``. A malformed code on one pattern or verb line (the real CAMEO.2.0.txt has
    e.g. ``[080!]``) is skipped and counted as ``skipped_bad_code``, or raises when ``strict``.
    """
    path = Path(path)
    name = path.name
    stats: Counter = Counter()
    synsets: dict[str, frozenset[str]] = {}
    patterns: list[Pattern] = []
    seen: set[tuple] = set()

    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()

    # ---- pass 1: synsets (PETRARCH allows use before definition) ----
    i = 0
    while i < len(lines):
        line = _strip_comment(lines[i])
        if line.startswith("&"):
            sname = line.strip()[1:].split()[0].rstrip("_").upper()
            words: set[str] = set()
            i += 1
            while i < len(lines) and (_strip_comment(lines[i]).startswith("+") or not _strip_comment(lines[i]).strip()):
                member = _strip_comment(lines[i]).strip()
                if member:
                    phrase = member[1:].strip().rstrip("_")
                    if "_" in phrase.strip("_") or " " in phrase.strip():
                        stats["synset_phrases_dropped"] += 1
                    elif phrase:
                        words.add(phrase.lower())
                i += 1
                if i < len(lines) and _strip_comment(lines[i]).startswith("&"):
                    break
            synsets[sname] = frozenset(words)
            stats["synsets"] += 1
            continue
        i += 1

    # ---- pass 2: verb blocks ----
    block_code: str | None = None
    verbs: list[str] = []                       # single-word verbs of the current block
    multi: list[tuple[str, tuple[str, ...]]] = []   # (verb, particles)
    in_block = False
    in_synset = False

    def emit(code: str, head: frozenset[str], words: list[frozenset[str]], target, swap: bool, text: str, lineno: int):
        key = (code, head, tuple(words), target, swap)
        if key in seen:
            stats["duplicates"] += 1
            return
        seen.add(key)
        patterns.append(Pattern(code=code, head=head, noun=False, words=tuple(words), forbidden=frozenset(),
                                target=target, swap=swap, text=text, origin=f"{name}:{lineno}", order=len(patterns)))

    for lineno, raw in enumerate(lines, 1):
        line = _strip_comment(raw)
        where = f"{name}:{lineno}"
        if not line.strip():
            continue
        s = line.strip()
        if s.startswith("&"):
            in_synset = True
            continue  # synset header (handled in pass 1)
        if s.startswith("+") and (in_synset or not in_block):
            continue  # synset member (handled in pass 1)
        in_synset = False
        if s.startswith("~"):
            stats["transformations_skipped"] += 1
            continue
        if s.startswith("---"):
            m = _CODE_RE.search(s)
            if not m:
                raise PatternError(f"{where}: verb block header without [code]")
            try:
                block_code, _, _ = _parse_code(m.group(1), where)
            except PatternError:
                if strict:
                    raise
                block_code = None           # e.g. the toy dictionaries' WEIS-style "[210a]"
                stats["skipped_bad_code"] += 1
            verbs, multi, in_block = [], [], True
            stats["blocks"] += 1
            continue
        if not in_block:
            if s.startswith("+"):
                continue
            raise PatternError(f"{where}: text outside a verb block: {s[:40]!r}")
        if s.startswith("-"):
            stats["pattern_lines"] += 1
            m = None
            for m in _CODE_RE.finditer(s):
                pass
            if m is None:
                code, swap_code, dropped = block_code, False, False
                if code is None:
                    stats["skipped"] += 1
                    stats["skipped_null_code"] += 1
                    continue
                body = s[1:]
            else:
                try:
                    code, swap_code, dropped = _parse_code(m.group(1), where)
                except PatternError:
                    if strict:
                        raise
                    stats["skipped"] += 1
                    stats["skipped_bad_code"] += 1
                    continue
                body = s[1:m.start()]
            if code is None:
                stats["skipped"] += 1
                stats["skipped_null_code"] += 1
                continue
            if dropped:
                stats["secondary_codes_dropped"] += 1
            if "*" not in body:
                raise PatternError(f"{where}: pattern without '*' verb marker")
            pre, _, post = body.partition("*")
            try:
                conv = _convert(pre, post, synsets, where)
            except _Skip as exc:
                stats["skipped"] += 1
                stats[f"skipped_{exc}"] += 1
                continue
            words, target, src_after, preverb, text = conv
            if preverb:
                stats["preverb"] += 1
            swap = swap_code != src_after
            heads = [(frozenset(verbs), [])] if verbs else []
            heads += [(frozenset([v]), [frozenset([p]) for p in parts]) for v, parts in multi]
            if not heads:
                stats["skipped"] += 1
                stats["skipped_no_verb"] += 1
                continue
            for head, extra in heads:
                htxt = "|".join(sorted(head)) + "".join(" " + next(iter(e)) for e in extra)
                rest = [w for w in words if w not in extra]
                emit(code, head, extra + rest, target, swap, f"{htxt} {text}".strip() + (" @swap" if swap else ""), lineno)
            stats["patterns"] += 1
            continue
        # a verb (synonym) line
        m = _CODE_RE.search(s)
        own_swap = False
        try:
            own, own_swap = _parse_code(m.group(1), where)[:2] if m else (block_code, False)
        except PatternError:
            if strict:
                raise
            stats["skipped_bad_code"] += 1
            own = block_code
        vtext = s[:m.start()] if m else s
        vtext = re.sub(r"\{[^}]*\}?", "", vtext).strip()
        if not vtext:
            continue
        toks = vtext.split()[0].split("_")
        if any(t.startswith("+") for t in toks):
            vi = next(k for k, t in enumerate(toks) if t.startswith("+"))
            verb = toks[vi][1:].lower()
            parts = tuple(t.lstrip("+").lower() for k, t in enumerate(toks) if k != vi and t)
            if verb in _AUX and parts:     # +IS_DETERMINED: the content word is the verb
                verb, parts = parts[0], parts[1:]
            multi.append((verb, parts))
            if own:
                emit(own, frozenset([verb]), [frozenset([p]) for p in parts], None, own_swap,
                     " ".join((verb,) + parts) + (" @swap" if own_swap else ""), lineno)
                stats["verb_defaults"] += 1
        else:
            verb = toks[0].lower()
            if not re.fullmatch(r"[a-z][a-z'\-]*", verb):
                raise PatternError(f"{where}: bad verb {vtext!r}")
            verbs.append(verb)
            if own:
                emit(own, frozenset([verb]), [], None, own_swap, verb + (" @swap" if own_swap else ""), lineno)
                stats["verb_defaults"] += 1
        stats["verbs"] += 1

    out = dict(stats)
    out.setdefault("blocks", 0)
    out.setdefault("patterns", 0)
    out.setdefault("skipped", 0)
    out["converted"] = len(patterns)
    return patterns, out


class _Skip(Exception):
    pass


def _convert(pre: str, post: str, synsets: dict[str, frozenset[str]], where: str):
    """Turn the text around '*' into (words, target, source_bound_after_verb, has_preverb_words, text)."""
    words: list[frozenset[str]] = []
    parts: list[str] = []
    target = None
    src_after = False
    preverb = False

    def toks(text: str) -> list[str]:
        text = text.replace("{", " ").replace("}", " ").replace("(", " ( ").replace(")", " ) ")
        return [t for t in re.split(r"[\s_]+", text) if t]

    for side, text in (("pre", pre), ("post", post)):
        prev: frozenset[str] | None = None
        for t in toks(text):
            if t in ("(", ")"):
                continue
            if t in ("+", "$", "%"):
                if side == "pre":
                    continue         # the subject: geopol binds it anyway
                if t == "%":
                    continue
                slot = prev if prev is not None and prev <= PREPOSITIONS else frozenset([OBJ])
                if t == "+":
                    target = slot
                else:
                    src_after = True
                    target = slot if target is None else target
                parts.append("$")
                prev = None
                continue
            if t == "^":
                continue
            if t.startswith("&"):
                sname = t[1:].rstrip("_").upper()
                if sname not in synsets:
                    raise _Skip("undefined_synset")
                alts = synsets[sname]
                if not alts:
                    raise _Skip("empty_synset")
                parts.append("&" + sname)
            else:
                w = _word(t)
                if not w or not re.search(r"[a-z0-9]", w):
                    continue
                alts = frozenset([w])
                parts.append(w)
            words.append(alts)
            prev = alts
            if side == "pre":
                preverb = True
    return words, target, src_after, preverb, " ".join(parts)
