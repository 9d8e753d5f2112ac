"""Imported once by the parse workers' fork server (:mod:`geo.worker`): load the gazetteer there.

Every parse job is a process forked from that server, so each starts with the
gazetteer already in memory (shared copy-on-write) instead of reading it again.
Importing this module anywhere else loads the gazetteer too; nothing else does.
"""

from __future__ import annotations

import gc
import logging

__all__: list[str] = []

try:
    from .gazetteer import load_gazetteer
    from .pipeline import geoparse

    _gaz = load_gazetteer()
    # One small parse in each script builds what the parser builds lazily on first use (word
    # frequency tables, id maps): once here, instead of in every job (about a second each).
    geoparse("وصل الوفد إلى مخيم الهول في الحسكة ثم إلى بلدة عين عيسى وبغداد والرياض. "
             "Talks in Damascus, Raqqa and the town of Amuda continued.", gazetteer=_gaz)
    # Move what is loaded out of the collector's generations: a forked job that runs the GC then
    # does not touch (and so copy) every page of the shared index.
    gc.freeze()
except Exception:  # noqa: BLE001 - a job then loads the gazetteer itself, and reports any error it meets
    logging.getLogger(__name__).exception("parse workers: the gazetteer could not be preloaded")
