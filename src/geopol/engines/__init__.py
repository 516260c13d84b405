"""Engines run ``Pipeline.code_documents`` over shards: ``local`` (processes) and ``dask_engine``."""
