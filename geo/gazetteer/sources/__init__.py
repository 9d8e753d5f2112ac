"""Gazetteer sources, one module each, called by :func:`geo.gazetteer.build.build_gazetteer` as it builds the index."""

__all__: list[str] = []
