"""Read PETRARCH/TABARI actor, agent and discard dictionaries into a KnowledgeBase.

Formats (as in the PETRARCH 2 reader; see actors/data/README.md):

- ``#`` starts a comment anywhere; ``<!-- ... -->`` lines are skipped. Words of a phrase are joined
  by ``_`` or spaces; a final ``_`` (TABARI's "no stemming" mark) is ignored.
- actors: ``PHRASE [CODE]`` or ``PHRASE`` followed by synonym lines ``+PHRASE`` and (indented) code
  lines. A code may be date-limited: ``[CODE >YYMMDD]`` (from), ``[CODE <YYMMDD]`` (until),
  ``[CODE YYMMDD-YYMMDD]``; dates are YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD. An undated
  code is the default outside the dated ones. ``[---]`` (no code) entries are skipped.
- agents: ``PHRASE {PLURALS} [~CODE]``: ``~GOV`` is appended to the country (RUS + GOV),
  ``IGO~`` put before it; ``{}`` means no plural, ``{A B}`` lists the plurals, no braces: regular
  English plural of the last word. ``!PERSON! = MAN, MEN, ...`` defines a substitution set used
  inside phrases (``CATTLE!PERSON!`` -> CATTLEMAN, CATTLEMEN, ...).
- discards: one phrase a line; ``+PHRASE`` discards the whole story, otherwise the sentence.

Which kind a file is: by name (``actors``/``agents``/``discards`` in it) else by content.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from geopol.actors.kb import Entry, KBError, KnowledgeBase

CODE_RE = re.compile(r"\[([^\]]*)\]")
SUBST_RE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
NON_STATE = ("IGO", "NGO", "IMG", "MNC", "UIS")


def _strip(line: str) -> str:
    if line.lstrip().startswith("<"):
        return ""
    i = line.find("#")
    return (line if i < 0 else line[:i]).rstrip()


def _phrase(raw: str) -> str:
    words = [w for w in re.split(r"[_\s]+", raw.strip().lstrip("+").strip()) if w]
    return " ".join(words)


def parse_date(s: str, where: str) -> date:
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 7, 8):
        raise KBError(f"{where}: bad date {s!r} in code block (want YYMMDD or YYYYMMDD)")
    if len(s) <= 7:
        yy = int(s[:2])
        y, m, d = (2000 + yy if yy <= 30 else 1900 + yy), int(s[2:4]), int(s[4:6])
    else:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    try:
        return date(y, m, d)
    except ValueError:
        raise KBError(f"{where}: bad date {s!r} in code block") from None


def parse_code(block: str, where: str) -> tuple[str, date | None, date | None] | None:
    """``CODE``, ``CODE >D``, ``CODE <D``, ``CODE D-D`` -> (code, start, end); None for ``---``."""
    text = block.strip()
    m = re.match(r"^([A-Za-z~+\-]*)\s*(.*)$", text)
    code, rest = m.group(1).upper(), m.group(2).replace(" ", "")
    if not code or not code.strip("-+~") or not code.replace("~", "").isalpha():
        return None
    start = end = None
    if rest:
        if rest.startswith(">"):
            start = parse_date(rest[1:], where)
        elif rest.startswith("<"):
            end = parse_date(rest[1:], where)
        elif "-" in rest:
            a, b = rest.split("-", 1)
            start, end = parse_date(a, where), parse_date(b, where)
        else:
            raise KBError(f"{where}: bad date restriction {block!r}")
    return code, start, end


def sniff(path: Path) -> str:
    """actors | agents | discards, by file name else by content."""
    name = path.name.lower()
    for kind in ("actors", "agents", "discards"):
        if kind[:-1] in name:
            return kind
    text = path.read_text(encoding="utf-8", errors="replace")
    if re.search(r"\[\s*~|~\s*\]", text):
        return "agents"
    if CODE_RE.search(text):
        return "actors"
    return "discards"


def load_source(kb: KnowledgeBase, path: Path) -> None:
    """Add a PETRARCH file, or every PETRARCH ``*.txt`` dictionary in a folder (verbs files skipped)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and "verb" not in p.name.lower())
        if not files:
            raise KBError(f"{path}: no geopol actor files (countries.tsv, ...) or PETRARCH dictionaries here")
        for f in files:
            load_source(kb, f)
        return
    if not path.is_file():
        raise KBError(f"{path}: actor file or folder not found")
    kind = sniff(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KBError(f"{path}: {exc}") from None
    {"actors": load_actors, "agents": load_agents, "discards": load_discards}[kind](kb, lines, path.name)
    kb.sources.append(f"{path} (PETRARCH {kind})")


# -- actors ---------------------------------------------------------------------------------
def _case(phrase: str) -> str:
    # PETRARCH files are upper case: short one-word names (UN, US, EU) must be capitals in the text
    if " " not in phrase and len(phrase.replace(".", "")) <= 3:
        return "exact"
    return "cap"


def load_actors(kb: KnowledgeBase, lines: list[str], fname: str) -> None:
    block: list[tuple[str, str]] = []          # (phrase, origin)
    codes: list[tuple[str, date | None, date | None]] = []

    def flush() -> None:
        if block and codes:
            _add_actor(kb, block, codes)

    for n, raw in enumerate(lines, 1):
        line = _strip(raw)
        if not line.strip():
            continue
        where = f"{fname}:{n}"
        head = CODE_RE.split(line)[0].strip()
        found = []
        for c in CODE_RE.findall(line):
            try:
                pc = parse_code(c, where)
            except KBError:
                continue                           # a malformed date (there are some): skip that code
            if pc:
                found.append(pc)
        if head:
            if head.startswith("+") and block:
                block.append((_phrase(head), where))    # a synonym of the current block
            else:
                flush()
                block, codes = [(_phrase(head), where)], []
        codes.extend(found)
    flush()


def _kind(codes, kb: KnowledgeBase) -> str:
    dated = any(s or e for _, s, e in codes)
    default = [c for c, s, e in codes if s is None and e is None]
    plain = default if default else [c for c, _, _ in codes]
    if all(len(c) == 3 and c not in NON_STATE and c not in AGENT_ONLY for c in plain):
        return "country"
    return "person" if dated else "org"


AGENT_ONLY = {"ELI", "GOV", "MIL", "OPP", "REB", "BUS", "MED", "CVL"}


def _add_actor(kb: KnowledgeBase, block, codes) -> None:
    name = block[0][0].title()
    kind = _kind(codes, kb)
    # dated codes first so that a valid dated code beats the default
    ordered = sorted(codes, key=lambda c: (c[1] is None and c[2] is None))
    owner = next((c[:3] for c, _, _ in ordered if len(c) > 3), None)
    # a bare role code ([ELI] after an IGO tenure) belongs to the block's other code's owner
    ordered = [((owner + c) if c in AGENT_ONLY and owner else c, s, e) for c, s, e in ordered]
    for phrase, where in block:
        if not phrase:
            continue
        for code, start, end in ordered:
            if kind == "country":
                if len(code) == 3:
                    kb.countries.setdefault(code, name)
                country, sector = code[:3], code[3:6] or None
            else:
                country = code[:3]
                sector = code[3:6] or None
            kb.entries.append(Entry(kind, phrase, code, country, sector, name, start=start, end=end,
                                    origin=where, case=_case(phrase)))


# -- agents ---------------------------------------------------------------------------------
def plural(word: str) -> str:
    w = word.upper()
    if w.endswith("MAN"):
        return w[:-3] + "MEN"
    if w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        return w[:-1] + "IES"
    if w.endswith(("S", "SH", "CH", "X", "Z")):
        return w + "ES"
    return w + "S"


def load_agents(kb: KnowledgeBase, lines: list[str], fname: str) -> None:
    subst: dict[str, list[str]] = {}
    for n, raw in enumerate(lines, 1):
        line = _strip(raw)
        if not line.strip():
            continue
        where = f"{fname}:{n}"
        m = SUBST_RE.match(line.strip())
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = CODE_RE.search(line)
        if not cm:
            continue                                   # a phrase without a code: PETRARCH skips it too
        code = cm.group(1).replace(" ", "").upper()
        if "~" not in code:
            continue
        prefix = not code.startswith("~")
        sec = code.replace("~", "")
        if not sec.isalpha():
            continue
        head = line[:cm.start()]
        plurals_raw = None
        bm = re.search(r"\{([^}]*)\}", head)
        if bm:
            plurals_raw = bm.group(1).split()
            head = head[:bm.start()]
        head = head.strip()
        phrases = _expand(head, subst)
        forms = list(phrases)
        if plurals_raw is None:
            if "!" not in head:
                for p in phrases:
                    ws = p.split(" ")
                    forms.append(" ".join(ws[:-1] + [plural(ws[-1])]))
        else:
            forms += [_phrase(p) for p in plurals_raw if _phrase(p)]
        kb.sectors.setdefault(sec, sec)
        for ph in dict.fromkeys(forms):
            kb.entries.append(Entry("sector", ph.lower(), sec, None, sec, ph.lower(), origin=where,
                                    case="any", prefix=prefix))


def _expand(head: str, subst: dict[str, list[str]]) -> list[str]:
    out = [head]
    for key, values in subst.items():
        nxt = []
        for h in out:
            if key in h:
                nxt.extend(h.replace(key, v) for v in values)
            else:
                nxt.append(h)
        out = nxt
    return [p for p in (_phrase(h) for h in out) if p and "!" not in p]


# -- discards -------------------------------------------------------------------------------
def load_discards(kb: KnowledgeBase, lines: list[str], fname: str) -> None:
    for n, raw in enumerate(lines, 1):
        line = _strip(raw).strip()
        if not line:
            continue
        story = line.startswith("+")
        ph = _phrase(line)
        if ph:
            kb.discards.append(Entry("discard-story" if story else "discard", ph, "", None, None, ph,
                                     origin=f"{fname}:{n}", case="any"))
