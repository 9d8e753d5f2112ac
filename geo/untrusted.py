"""Untrusted text (a statement's words, a user's names) written where it could act: HTML, JavaScript
template literals and spreadsheets.

One low module, so every writer (:mod:`geo.report`, :mod:`geo.export`, :mod:`geo.mapview`, the
collection map) escapes the same way and none of them has to import another for it.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from typing import Any

__all__ = ["escape_untrusted", "to_csv"]

# html.escape covers & < > " '. Three more act inside a JavaScript template literal
# (`...${x}...`, backslash escapes), where folium puts popup and tooltip HTML. And the
# braces: folium wraps each rendered script in a new jinja2 Template and renders it
# again, so "{{ ... }}" in a quote would run as Jinja on the server (checked on folium
# 0.20: a popup "{{ 7*7 }}" renders as "49").
_JS_TEMPLATE_CHARS = str.maketrans(
    {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
)

# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_untrusted(s: str) -> str:
    """Escape ``s`` for HTML text, attribute values and JavaScript template literals.

    >>> escape_untrusted("<b>`${x}`</b>")
    '&lt;b&gt;&#96;&#36;&#123;x&#125;&#96;&lt;/b&gt;'
    """
    return html.escape(s, quote=True).translate(_JS_TEMPLATE_CHARS)


def _csv_cell(v: Any) -> Any:
    # Neutralise spreadsheet formulas in text cells (a statement may start a line with "=").
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return "" if v is None else v


def to_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    r"""RFC 4180 CSV (CRLF) of ``rows`` with ``columns`` as header; a text cell that a spreadsheet would run as a
    formula is written with a leading apostrophe.

    >>> to_csv([{"a": "=1+1", "b": None}], ["a", "b"])
    "a,b\r\n'=1+1,\r\n"
    """
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _csv_cell(r.get(k)) for k in columns})
    return buf.getvalue()
