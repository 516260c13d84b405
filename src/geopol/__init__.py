"""geopol: turn news and analysis text into coded political events and model the relations they reveal.

``geopol.open(db)`` opens an event store for analysis in a notebook (see geopol.api); it is
imported lazily so that the command line does not load pandas and networkx.
"""

__version__ = "0.1.0"


def __getattr__(name):
    if name in ("open", "GeopolDB", "GeopolDBError"):
        from geopol import api
        return getattr(api, name)
    raise AttributeError(f"module 'geopol' has no attribute {name!r}")
