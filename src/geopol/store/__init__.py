"""The DuckDB event store: schema and migrations, idempotent batched writes, queries, exports."""
from geopol.store.db import DEFAULT_PATH, EventFilter, Store, StoreError, WriteStats

__all__ = ["DEFAULT_PATH", "EventFilter", "Store", "StoreError", "WriteStats"]
