"""Gazetteer sources, one module each, called by :func:`geo.gazetteer.build_gazetteer` while it builds the index."""

__all__: list[str] = []
