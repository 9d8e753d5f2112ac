"""Hostile and broken input in the Streamlit shell (AppTest): nothing runs, nothing crashes, nothing is lost.

* Every kind of unusable upload ends in one ``st.error`` that says why, and the
  statement shown before it (text, places, map layers) stays exactly as it was.
* The upload limit is stated in the sidebar and enforced by the app itself
  (``decode_bytes(max_bytes=...)``), not only by Streamlit's uploader in the browser.
* A statement full of HTML/JavaScript reaches every Markdown and HTML body only as
  text: parsed the way a browser parses it, the bodies contain no element, attribute
  or URL that came from the statement, and the statement's strings come back whole.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest
from test_app import (  # noqa: F401
    ENGLISH,
    SEED_IDS,
    app,
    caption,
    errors,
    map_args,
    paste,
    place_ids,
    place_names,
    settle,
)

from dashboard.bigstatement import SURROGATE_GUARD

PREVIOUS = {"Baghdad", "Damascus"}  # the places of ENGLISH, the statement shown before each bad upload

#: The pieces of the hostile statement, each of which must survive as literal text.
HOSTILE_BITS = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "`", "${alert(1)}",
    "</div>", "&lt;b&gt;", "{{ 7*7 }}",
)
HOSTILE = (
    "اجتمع الوفد في دمشق <img src=x onerror=alert(1)> ثم <script>alert(1)</script> و javascript:alert(1) "
    "و ` و ${alert(1)} و </div> و &lt;b&gt; و {{ 7*7 }} قبل أن يصل إلى بغداد، "
    "and talks in Baghdad `${alert(1)}` continued."
)
HOSTILE_IDS = {"geonames:170654", "geonames:98182"}  # Damascus, Baghdad

#: Tags and attributes the app's own HTML uses; anything else in a body came from the statement.
OWN_TAGS = {"div", "p", "mark", "span", "b", "br", "small", "style"}
OWN_ATTRS = {"class", "style", "dir", "lang", "title"}


def snapshot(at: AppTest) -> tuple:
    """What the user sees of the current statement: caption, places and the map's feature groups."""
    return caption(at), place_ids(at), map_args(at)["feature_group"], map_args(at)["layer_control"]


def upload(at: AppTest, name: str, data: bytes) -> None:
    at.file_uploader(key="upload").upload(name, data, "text/plain").run()
    assert not at.exception, at.exception


@pytest.fixture
def upload_limit_mb():
    """Lower Streamlit's ``server.maxUploadSize`` (MB) for one test, so the app's own check is reached cheaply."""
    before = config.get_option("server.maxUploadSize")

    def set_limit(mb: int) -> int:
        config.set_option("server.maxUploadSize", mb)
        return mb * 1_000_000  # Streamlit's uploader counts 1 MB as 1,000,000 bytes in the browser: so does the app

    yield set_limit
    config.set_option("server.maxUploadSize", before)


# -- bad uploads ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data", "message"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "this is a PNG image, not a text file"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + bytes(range(256)), "this is a PDF document"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "this is a ZIP archive"),
    ("anim.txt", b"GIF89a\x01\x00\x01\x00" + bytes(50), "this is a GIF image"),
    ("photo2.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(50), "this is a JPEG image"),
    ("notes.txt", b"\x1f\x8b\x08\x00" + bytes(40), "this is a gzip-compressed file"),
    ("damaged.txt", "اجتمع الوفد في بغداد ثم في دمشق لبحث الأوضاع".encode() * 3 + b"\xff\xfe\xfd" + "نهاية".encode(),
     "the file is UTF-8 text with invalid bytes"),
    ("bom.txt", b"\xef\xbb\xbf" + "في بغداد".encode() + b"\xc3\x28", "starts with a UTF-8 byte-order mark, but byte"),
    ("utf32.txt", "في بغداد".encode("utf-32"), "UTF-32 text"),
    ("binary.txt", bytes(range(256)) * 4, "NUL bytes"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \r\n\t \n", "the file has only whitespace; nothing to map"),
    ("blank16.txt", " \n ".encode("utf-16"), "the file has only whitespace; nothing to map"),
])
def test_bad_upload_shows_one_error_and_keeps_the_previous_statement(app, name, data, message):
    paste(app, ENGLISH)
    before = snapshot(app)
    upload(app, name, data)
    assert len(errors(app)) == 1
    err = errors(app)[0]
    assert err.startswith(f"Upload '{name.removesuffix('.txt')}': ") and message in err
    assert snapshot(app) == before and place_names(app) == PREVIOUS
    # The error stays visible on further reruns (a map click, a layer toggle) until a good input replaces it.
    app.run()
    assert errors(app) == [err] and snapshot(app) == before


def test_bad_uploads_in_a_row_keep_the_first_statement(app):
    paste(app, ENGLISH)
    before = snapshot(app)
    for name, data, message in [("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(8), "PNG image"),
                                ("b.txt", b"", "the file is empty"),
                                ("c.txt", b"%PDF-1.4", "PDF document")]:
        upload(app, name, data)
        assert len(errors(app)) == 1 and message in errors(app)[0]
        assert snapshot(app) == before


def test_a_good_upload_after_a_bad_one_clears_the_error(app):
    upload(app, "bad.txt", b"\x89PNG\r\n\x1a\n" + bytes(8))
    assert errors(app) and place_ids(app) == SEED_IDS
    upload(app, "good.txt", "اجتمع الوفد في بغداد ثم في دمشق.".encode("utf-16"))
    assert not errors(app) and place_names(app) == PREVIOUS and "(utf-16-le)" in caption(app)


# -- the upload limit ------------------------------------------------------------------------------
def test_the_limit_is_stated_in_the_sidebar(app):
    assert config.get_option("server.maxUploadSize") == 10  # .streamlit/config.toml
    assert "Plain-text files (and pastes) up to 10 MB (10,000,000 bytes)." in [c.value for c in app.sidebar.caption]
    uploader = app.file_uploader(key="upload")
    assert "at most 10 MB (10,000,000 bytes)" in uploader.help
    assert uploader.proto.max_upload_size_mb == 10  # what Streamlit's uploader enforces and shows in the browser


def test_over_the_limit_is_refused_by_the_app_itself(app, upload_limit_mb):
    """Streamlit's uploader stops big files in the browser; the app checks again on the bytes it gets."""
    limit = upload_limit_mb(1)
    paste(app, ENGLISH)
    before = snapshot(app)
    upload(app, "big.txt", b"Officials met in Baghdad. " + b" " * limit)
    assert len(errors(app)) == 1
    assert errors(app)[0] == f"Upload 'big': the file is {limit + 26:,} bytes; the limit is 1 MB (1,000,000 bytes)"
    assert snapshot(app) == before
    assert "Plain-text files (and pastes) up to 1 MB (1,000,000 bytes)." in [c.value for c in app.sidebar.caption]


def test_at_the_limit_is_accepted(app, upload_limit_mb):
    limit = upload_limit_mb(1)
    head = b"Officials met in Baghdad."
    upload(app, "full.txt", head + b" " * (limit - len(head)))
    settle(app)  # a text this long is parsed by a worker process
    assert not errors(app) and place_names(app) == {"Baghdad"} and "Upload full (utf-8)" in caption(app)


# -- hostile text ----------------------------------------------------------------------------------
class _Markup(HTMLParser):
    """Parse a body as a browser would: collect the elements, attributes and the text it displays."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)


def parse_markup(body: str) -> _Markup:
    p = _Markup()
    p.feed(body)
    p.close()
    return p


def rendered_bodies(at: AppTest) -> dict[str, list[str]]:
    """Every Markdown-like and HTML body the app renders, in the main area and the sidebar."""
    return {
        # The app's one script (a constant, no statement text in it) is checked apart: it is exactly ours.
        "html": [h.proto.body for h in at.get("html") if h.proto.body != SURROGATE_GUARD],
        "markdown": [m.value for kind in ("markdown", "caption", "error", "warning", "info", "success")
                     for m in at.get(kind)],
    }


def assert_no_markup_from_the_statement(at: AppTest) -> str:
    """No body contains an element or attribute the app does not write itself; returns the displayed text."""
    bodies = rendered_bodies(at)
    shown = []
    for body in bodies["html"]:
        m = parse_markup(body)
        assert set(m.tags) <= OWN_TAGS, (set(m.tags) - OWN_TAGS, body[:300])
        for name, value in m.attrs:
            assert name in OWN_ATTRS and "javascript:" not in (value or "").lower(), (name, value)
        # Template-literal and Jinja characters never appear raw (folium and streamlit-folium put HTML in JS).
        assert "`" not in body and "${" not in body and "{{" not in body
        shown.append("".join(m.text))
    for body in bodies["markdown"]:
        # Markdown bodies carry only the app's own words and escaped file names, never statement text.
        for bit in ("<img", "<script", "javascript:", "${", "</div>"):
            assert bit not in body, (bit, body)
    return "\n".join(shown)


@pytest.mark.parametrize("how", ["paste", "upload-utf8", "upload-utf16"])
def test_hostile_statement_renders_only_as_text(app, how):
    if how == "paste":
        paste(app, HOSTILE)
    else:
        upload(app, "<img src=x onerror=alert(1)>.txt", HOSTILE.encode("utf-8" if how == "upload-utf8" else "utf-16"))
        assert not errors(app)
    assert place_ids(app) == HOSTILE_IDS
    text = assert_no_markup_from_the_statement(app)
    # The statement view shows every hostile string as the literal characters that were typed.
    for bit in HOSTILE_BITS:  # "{{ 7*7 }}" included: not evaluated as a template on the way
        assert bit in text, bit

    # The quotes panel of each place shows the same literal strings.
    for pid in sorted(HOSTILE_IDS):
        app.selectbox(key="selected").set_value(pid).run()
        assert not app.exception
        panel = [h.proto.body for h in app.get("html") if 'class="geo-quotes"' in h.proto.body]
        assert len(panel) == 1
        quote_text = "".join(parse_markup(panel[0]).text)
        for bit in HOSTILE_BITS:
            assert bit in quote_text, (pid, bit)
        assert_no_markup_from_the_statement(app)


def test_hostile_statement_reaches_the_map_only_escaped(app):
    paste(app, HOSTILE)
    args = map_args(app)
    for part in ("script", "header", "html", "feature_group", "layer_control"):
        for raw in ("<img src=x", "<script>alert", "${alert", "</div> و", "{{ 7*7 }}", "`"):
            assert raw not in args[part], (part, raw)
    # The popups travel as JSON strings of escaped HTML: "<" is \u003c, and HTML's "&lt;" is "\u0026lt;".
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in args["feature_group"]
    assert "\\u0026amp;lt;b\\u0026amp;gt;" in args["feature_group"]  # the typed "&lt;b&gt;", escaped once more
    assert "\\u0026#96;\\u0026#36;\\u0026#123;alert(1)\\u0026#125;\\u0026#96;" in args["feature_group"]


def test_hostile_statement_leaves_other_inputs_working(app):
    paste(app, HOSTILE)
    paste(app, ENGLISH)
    assert not errors(app) and place_names(app) == PREVIOUS
    assert "javascript" not in "".join(b for bodies in rendered_bodies(app).values() for b in bodies)
