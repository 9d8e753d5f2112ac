"""What a person reads about a situation: escaped HTML snippets, table rows and CSV files.

Every string that comes from the statement is untrusted. It reaches HTML inside
Streamlit, inside Leaflet popups and inside JavaScript template literals (folium
writes popup and tooltip HTML between backticks), so :func:`escape_untrusted`
escapes HTML *and* the three characters that act inside a template literal.
No streamlit or folium import here: :mod:`geo.mapview` and ``app.py`` both use it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .export import REVIEW_FIELDS, mention_record, place_record, place_review_record, unreviewed_record
from .memo import per_object
from .model import LAYERS, Mention, Quote
from .situation import Situation, SituationPlace
from .untrusted import escape_untrusted, to_csv

__all__ = [
    "UNLOCATED_COLOUR",
    "ARABIC_FONTS",
    "escape_untrusted",
    "is_rtl",
    "quote_html",
    "quotes_html",
    "place_rows",
    "mention_rows",
    "unlocated_rows",
    "places_csv",
    "mentions_csv",
    "statement_html",
    "statement_pages",
    "legend_html",
    "first_quotes",
    "MAX_PANEL_QUOTES",
    "PAGE_CHARS",
]

#: Colour of mentions that name no known place (grey: "seen, not mapped").
UNLOCATED_COLOUR = "#8c8c8c"

#: Fonts that shape Arabic well, in order of preference (Debian's fonts-noto-core, fonts-dejavu-core).
#: Single quotes: it goes inside double-quoted style="..." attributes, which a double quote would end.
ARABIC_FONTS = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")

#: Quotes shown at once for one place (a place can be mentioned thousands of times; the CSV has all).
MAX_PANEL_QUOTES = 50
#: Characters of the statement shown at once: the highlighted text is paged, so a 10 MB statement
#: does not become one page with a hundred thousand highlighted elements.
PAGE_CHARS = 20_000



def is_rtl(s: str) -> bool:
    """Whether ``s`` is mostly Arabic script, so it is shown right-to-left.

    >>> is_rtl("في الرياض"), is_rtl("in Riyadh")
    (True, False)
    """
    return len(_ARABIC.findall(s)) > len(_LATIN.findall(s))


def _dir_attrs(s: str) -> str:
    return 'dir="rtl" lang="ar"' if is_rtl(s) else 'dir="ltr"'


def quote_html(q: Quote, *, colour: str = "#ffe08a", styled: bool = True) -> str:
    """One quote as a paragraph: the sentence escaped, the mention in ``<mark>``, Arabic right-to-left.

    Offsets come from the quote (``start - sentence_start``), not from searching the
    surface, so the right occurrence is marked when a name appears twice. ``styled=False``
    leaves the looks to the page's CSS (``.geo-quote``): the map's popups, where thousands
    of quotes would otherwise each carry the same style attributes.
    """
    a = max(0, q.start - q.sentence_start)
    b = max(a, q.end - q.sentence_start)
    s = q.sentence
    if not styled:
        return (f'<p class="geo-quote" {_dir_attrs(s)}>{escape_untrusted(s[:a])}<mark>{escape_untrusted(s[a:b])}'
                f"</mark>{escape_untrusted(s[b:])}</p>")
    font = f"font-family:{ARABIC_FONTS};font-size:1.05em;" if is_rtl(s) else ""
    return (
        f'<p class="geo-quote" {_dir_attrs(s)} style="margin:0 0 .5em 0;line-height:1.6;{font}">'
        f"{escape_untrusted(s[:a])}"
        f'<mark style="background:{colour};padding:0 .1em;border-radius:2px">{escape_untrusted(s[a:b])}</mark>'
        f"{escape_untrusted(s[b:])}</p>"
    )


def _place_heading(sp: SituationPlace) -> str:
    p = sp.place
    layer = p.layer
    return (
        f'<div class="geo-place-head" style="margin-bottom:.4em">'
        f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
        f'background:{layer.colour};margin-right:.35em"></span>'
        f"<b>{escape_untrusted(p.name)}</b>"
        f' · <span dir="rtl" lang="ar" style="font-family:{ARABIC_FONTS}">{escape_untrusted(p.name_ar)}</span>'
        f'<br><small style="color:#555">{escape_untrusted(p.kind)} · {escape_untrusted(p.country_code)}'
        f" · {len(sp.mentions)} mention{'s' if len(sp.mentions) != 1 else ''}"
        f" · confidence {sp.confidence:.2f} ({escape_untrusted(sp.reason)})</small></div>"
    )


def first_quotes(sp: SituationPlace, text: str, limit: int | None) -> list[Quote]:
    """The quotes of the place's first ``limit`` mentions (all of them when ``limit`` is None), in text order."""
    mentions = sp.mentions if limit is None else sp.mentions[: max(0, limit)]
    return [Quote(text[m.sentence_start : m.sentence_end], m.start, m.end, m.surface, m.sentence_start)
            for m in mentions]


def quotes_html(situation: Situation, place_id: str, *, max_quotes: int | None = MAX_PANEL_QUOTES) -> str:
    """Heading plus the first ``max_quotes`` quotes of one place (all when None), ready for ``st.html``.

    When there are more, a last line says how many are shown and where the rest are.
    Raises ``KeyError`` when the statement does not name ``place_id``.
    """
    sp = situation.place(place_id)
    shown = first_quotes(sp, situation.text, max_quotes)
    quotes = "".join(quote_html(q) for q in shown)
    if len(shown) < len(sp.mentions):
        quotes += (f'<p class="geo-more" style="color:#555;font-size:.9em">Showing the first {len(shown):,} of '
                   f"{len(sp.mentions):,} mentions; the CSV per mention has them all.</p>")
    return f'<div class="geo-quotes">{_place_heading(sp)}{quotes}</div>'


def place_rows(situation: Situation) -> list[dict[str, Any]]:
    """One row per place for the places table (plain values; the table widget escapes them).

    The fields are :func:`geo.export.place_record`'s, without the quotes and with
    ``mention_count`` shown as ``mentions``.
    """
    rows = []
    for sp in situation.places:
        rec = place_record(sp, "")
        rec.pop("quotes")
        rec["mentions"] = rec.pop("mention_count")
        rows.append(rec)
    return rows


def mention_rows(situation: Situation) -> list[dict[str, Any]]:
    """One row per mention (located or not), in text order: :func:`geo.export.mention_record`
    with the surface as ``surface``, empty text for an unlocated mention's place, and its sentence."""
    rows = []
    for m in situation.mentions:
        rec = mention_record(m)
        rec["surface"] = rec.pop("text")
        if m.place is None:
            rec.update(place_id="", name="", name_ar="", kind="", layer="")
        rec["sentence"] = situation.text[m.sentence_start : m.sentence_end]
        rows.append(rec)
    return rows


def unlocated_rows(situation: Situation) -> list[dict[str, Any]]:
    """Mentions that look like places but match no gazetteer entry."""
    return [
        {
            "surface": m.surface,
            "cue": m.cue,
            "reason": m.reason,
            "start": m.start,
            "sentence": situation.text[m.sentence_start : m.sentence_end],
        }
        for m in situation.unlocated
    ]


_PLACE_COLUMNS = ["place_id", "name", "name_ar", "kind", "layer", "country_code", "mentions",
                  "confidence", "reason", "lat", "lon", "source"]
_MENTION_COLUMNS = ["start", "end", "surface", "place_id", "name", "name_ar", "kind", "layer",
                    "lat", "lon", "confidence", "reason", "cue", "sentence"]


def places_csv(situation: Situation, review: dict[tuple[int, int], dict[str, Any]] | None = None) -> str:
    """CSV, one row per place (RFC 4180, CRLF). Encode as ``utf-8-sig`` so spreadsheets read Arabic.

    ``review`` (:func:`geo.export.review_index` of the corrected statement) adds the columns
    :data:`geo.export.REVIEW_FIELDS`, each place's as :func:`geo.export.place_review_record` gives them.
    """
    rows = place_rows(situation)
    if review is None:
        return to_csv(rows, _PLACE_COLUMNS)
    for row, sp in zip(rows, situation.places, strict=True):
        row.update(place_review_record(sp, review))
    return to_csv(rows, [*_PLACE_COLUMNS, *REVIEW_FIELDS])


def mentions_csv(situation: Situation, review: dict[tuple[int, int], dict[str, Any]] | None = None) -> str:
    """CSV, one row per mention, unlocated ones included with an empty ``place_id``; ``review`` as for
    :func:`places_csv` (a mention no correction touched in a statement not marked reviewed: unreviewed)."""
    rows = mention_rows(situation)
    if review is None:
        return to_csv(rows, _MENTION_COLUMNS)
    for row, m in zip(rows, situation.mentions, strict=True):
        row.update(review.get((m.start, m.end)) or unreviewed_record())
    return to_csv(rows, [*_MENTION_COLUMNS, *REVIEW_FIELDS])


def _mark(m: Mention, inner: str) -> str:
    if m.place is None:
        colour, title, cls = UNLOCATED_COLOUR, "unlocated: no gazetteer entry", "geo-unlocated"
    else:
        colour, title, cls = m.place.layer.colour, f"{m.place.name} ({m.place.kind})", f"geo-{m.place.layer.key}"
    line = "dashed" if m.place is None else "solid"
    style = f"background:{colour}33;border-bottom:2px {line} {colour};padding:0 .1em"
    return f'<mark class="geo-mention {cls}" title="{escape_untrusted(title)}" style="{style}">{inner}</mark>'


def statement_pages(situation: Situation, page_chars: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the statement's pages: about ``page_chars`` characters each.

    A page ends at a line break where there is one near its end, else at a space, and
    never inside a mention. A statement shorter than ``page_chars`` is one page.

    >>> from geo.situation import Situation
    >>> statement_pages(Situation(text="one two three", lang="en", mentions=()), page_chars=5)
    [(0, 4), (4, 8), (8, 13)]
    """
    return list(per_object(situation, ("pages", page_chars), lambda: _pages(situation, page_chars)))


def _pages(situation: Situation, page_chars: int) -> tuple[tuple[int, int], ...]:
    text = situation.text
    n = len(text)
    if n <= page_chars:
        return ((0, n),)
    spans = sorted((m.start, m.end) for m in situation.mentions)
    starts = [a for a, _ in spans]
    pages: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        end = min(n, pos + page_chars)
        if end < n:
            floor = pos + page_chars // 2
            cut = text.rfind("\n", floor, end)
            if cut < 0:
                cut = text.rfind(" ", floor, end)
            end = cut + 1 if cut >= 0 else end
            # Not inside a mention: move the end to the start of the mention that spans it.
            k = bisect.bisect_left(starts, end) - 1
            if k >= 0 and spans[k][1] > end and spans[k][0] > pos:
                end = spans[k][0]
        pages.append((pos, end))
        pos = end
    return tuple(pages)


def statement_html(situation: Situation, start: int = 0, end: int | None = None) -> str:
    """The statement (or its characters ``start:end``, one page), escaped, every mention highlighted.

    Overlapping mentions (should not happen) keep the first one. Newlines are kept
    with ``white-space: pre-wrap``; Arabic statements are laid out right-to-left.
    """
    text = situation.text
    end = len(text) if end is None else min(end, len(text))
    out: list[str] = []
    pos = start
    inside = [m for m in situation.mentions if start <= m.start and m.end <= end]
    for m in sorted(inside, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue
        out.append(escape_untrusted(text[pos : m.start]))
        out.append(_mark(m, escape_untrusted(text[m.start : m.end])))
        pos = m.end
    out.append(escape_untrusted(text[pos:end]))
    rtl = situation.lang == "ar" or is_rtl(text[start:end])
    attrs = f'dir="rtl" lang="ar" style="font-family:{ARABIC_FONTS};' if rtl else 'dir="ltr" style="'
    return (
        f'<div class="geo-statement" {attrs}white-space:pre-wrap;line-height:1.9;'
        f'max-height:26em;overflow-y:auto;padding:.5em .8em;border:1px solid #ddd;border-radius:6px">'
        f'{"".join(out)}</div>'
    )


def legend_html(counts: dict[str, int] | None = None) -> str:
    """A small legend: one coloured dot per layer (and the count of places when given)."""
    items = []
    for layer in (*LAYERS,):
        n = f" ({counts.get(layer.key, 0)})" if counts is not None else ""
        items.append(
            f'<div style="margin:.15em 0"><span style="display:inline-block;width:.9em;height:.9em;'
            f'border-radius:50%;background:{layer.colour};vertical-align:middle;margin-right:.4em"></span>'
            f"{escape_untrusted(layer.label)}{n}</div>"
        )
    items.append(
        f'<div style="margin:.15em 0"><span style="display:inline-block;width:.9em;height:.9em;'
        f'border:2px dashed {UNLOCATED_COLOUR};vertical-align:middle;margin-right:.4em"></span>'
        "Unlocated mention (text only)</div>"
    )
    return f'<div class="geo-legend" style="font-size:.9em">{"".join(items)}</div>'
