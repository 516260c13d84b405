"""Evaluation against gold-standard event codings (``geopol eval``).

``gold`` reads gold files (PLOVER JSON, PETRARCH validation XML, geopol JSONL)
into :class:`GoldSentence` records; ``score`` compares predicted event records
with them and builds an :class:`EvalReport`. See ``README.md`` here.
"""
from .gold import (GOLD_FORMATS, OLD_TO_NEW_PLOVER, PLOVER_TYPES, GoldEvent, GoldFormatError, GoldSentence,
                   detect_format, gold_documents, read_gold)
from .score import EvalReport, PRF, evaluate, read_predictions, render_report

__all__ = ["GOLD_FORMATS", "OLD_TO_NEW_PLOVER", "PLOVER_TYPES", "GoldEvent", "GoldFormatError", "GoldSentence",
           "detect_format", "gold_documents", "read_gold", "EvalReport", "PRF", "evaluate", "read_predictions",
           "render_report"]
