"""The gazetteer: an immutable, query-only index of place names, built from its sources and cached on disk.

The package's face; the work is split by concern: :mod:`~geo.gazetteer.index` (lookups),
:mod:`~geo.gazetteer.builder` (adding places and names), :mod:`~geo.gazetteer.layers` (a user's places
laid over a built gazetteer), :mod:`~geo.gazetteer.build` (from the sources; one module per newer source
in :mod:`geo.gazetteer.sources`), :mod:`~geo.gazetteer.words` (how common a name is as a word) and
:mod:`~geo.gazetteer.cache` (on disk and in memory).
"""

from typing import Any

from .cache import default_cache_dir, load_gazetteer
from .index import ALIAS, ALT, BARE, CONTINENT_IDS, DATA_DIR, DEMONYM, NAME, NAME_AR, NEAR_COUNTRY_DEG, ORG, NameRef
from .layers import Gazetteer

__all__ = [
    "NAME", "NAME_AR", "ALIAS", "ALT", "DEMONYM", "ORG", "BARE",
    "Gazetteer", "NameRef", "load_gazetteer", "build_gazetteer", "default_cache_dir", "DATA_DIR", "CONTINENT_IDS",
    "NEAR_COUNTRY_DEG",
]


def __getattr__(name: str) -> Any:
    # The build (and its sources' imports: csv, json, the source modules) only when asked for: a start that
    # reads the disk cache never needs it.
    if name == "build_gazetteer":
        from .build import build_gazetteer

        return build_gazetteer
    raise AttributeError(f"module 'geo.gazetteer' has no attribute {name!r}")
