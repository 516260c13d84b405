"""Sentence splitting and parsing with spaCy."""
from geopol.nlp.parse import DEFAULT_MODEL, load_nlp, split_paragraphs

__all__ = ["DEFAULT_MODEL", "load_nlp", "split_paragraphs"]
