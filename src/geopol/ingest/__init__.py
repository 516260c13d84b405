"""Readers: turn files, folders and stdin into Documents (and Problems for bad input)."""
from geopol.ingest.readers import FORMATS, detect_format, read_paths, read_bytes

__all__ = ["FORMATS", "detect_format", "read_paths", "read_bytes"]
