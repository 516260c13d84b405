"""``geopol actors lookup``: how a phrase resolves to actor codes, and why."""
from __future__ import annotations

import json
from typing import Optional

import typer

from geopol.cli._common import fail, parse_date_option


def lookup(text: str, when, actors: list[str] | None = None, replace: bool = False,
           model: str | None = None) -> dict:
    """Resolve ``text`` (one or more sentences) as the coder would; a JSON-ready explanation."""
    from geopol.actors.kb import KBError, KnowledgeBase
    from geopol.actors.resolver import ActorResolver, DocContext
    from geopol.nlp.parse import ModelError, load_nlp
    try:
        nlp = load_nlp(model)
        kb = KnowledgeBase.load(extra=list(actors or ()), replace=replace)
    except (ModelError, KBError, OSError) as exc:
        raise fail(str(exc))
    resolver = ActorResolver(kb, nlp.tokenizer)
    ctx = DocContext()
    sentences = []
    for sent in nlp(text).sents:
        discard = resolver.discard(sent) if kb.discards else None
        groups = resolver.trace(sent, when)
        mentions = resolver.mentions(sent, when, ctx)
        sentences.append({
            "sentence": sent.text,
            "discarded_by": {"phrase": discard.phrase, "origin": discard.origin,
                             "scope": "story" if discard.kind == "discard-story" else "sentence"}
            if discard else None,
            "mentions": [{"text": sent.doc[m.start:m.end].text, "kind": m.kind,
                          "actors": [dict(a.to_dict(), rule=a.rule) for a in m.actors]} for m in mentions],
            "groups": groups,
        })
    return {"text": text, "date": when.isoformat() if when else None, "sources": kb.sources,
            "sentences": sentences}


def render(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.tree import Tree
    console = Console()
    console.print(f"[bold]{result['text']}[/bold]  (date: {result['date'] or 'none: current office holders'})")
    console.print("knowledge base: " + "; ".join(result["sources"]))
    for s in result["sentences"]:
        if len(result["sentences"]) > 1:
            console.print(f"\n[italic]{s['sentence']}[/italic]")
        if s["discarded_by"]:
            d = s["discarded_by"]
            console.print(f"[red]discarded[/red] ({d['scope']}) by {d['phrase']!r} at {d['origin']}")
        table = Table(title="mentions")
        for col in ("text", "code", "country", "sector", "name", "kind", "rule"):
            table.add_column(col, overflow="fold")
        for m in s["mentions"]:
            for a in m["actors"]:
                table.add_row(m["text"], a["code"], a["country"] or "", a["sector"] or "", a["name"] or "",
                              m["kind"], a["rule"])
        if s["mentions"]:
            console.print(table)
        else:
            console.print("no actor mentions")
        for g in s["groups"]:
            code = g["actor"]["code"] if g["actor"] else "-"
            tree = Tree(f"[bold]{g['text']}[/bold] -> [green]{code}[/green]: {g['rule']}")
            for n in g["names"]:
                p = n["picked"]
                ten = f" tenure {p['tenure'][0] or '...'}..{p['tenure'][1] or 'now'}" if "tenure" in p else ""
                branch = tree.add(f"{n['text']!r}: {p['kind']} {p['code']}{ten} ({p['origin']})")
                others = []
                for c in n["candidates"]:
                    if c != p and c not in others:
                        others.append(c)
                for c in others[:8]:
                    ten = f" tenure {c['tenure'][0] or '...'}..{c['tenure'][1] or 'now'}" if "tenure" in c else ""
                    branch.add(f"[dim]also {c['kind']} {c['code']}{ten} ({c['origin']})[/dim]")
                if len(others) > 8:
                    branch.add(f"[dim]... {len(others) - 8} more[/dim]")
            console.print(tree)


def register(app: typer.Typer) -> None:
    actors_app = typer.Typer(help="Inspect the actor knowledge base.", no_args_is_help=True)
    app.add_typer(actors_app, name="actors")

    @actors_app.command("lookup")
    def lookup_command(
        phrase: str = typer.Argument(..., help="a phrase or sentence(s), e.g. \"Russian President Vladimir Putin\""),
        date: Optional[str] = typer.Option(None, "--date", help="document date YYYY-MM-DD (tenures)"),
        actors: list[str] = typer.Option([], "--actors", help="extra actor folder or PETRARCH dictionary file "
                                          "(*.actors.txt, *.agents.txt, *.discards.txt; repeatable)"),
        replace: bool = typer.Option(False, "--actors-replace", help="use the --actors sources instead of geopol's"),
        model: Optional[str] = typer.Option(None, "--model", help="installed English spaCy pipeline to use"),
        as_json: bool = typer.Option(False, "--json", help="print JSON"),
    ) -> None:
        """Show how PHRASE resolves: the mentions, the knowledge-base entries matched (file:line), the
        composition rule and the tenure used."""
        result = lookup(phrase, parse_date_option(date), actors, replace, model)
        if as_json:
            typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        else:
            render(result)
