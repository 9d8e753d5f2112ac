"""Turn the bytes of an uploaded statement into text, or say plainly why not.

Supported encodings: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or
without one when the text reads as Arabic/Latin that way), Windows-1256 and
ISO-8859-6. Nothing is stripped or normalised except a leading BOM, so offsets
computed on :attr:`Decoded.text` point into what the user sees.

Detection, in order (each step only runs when the earlier ones did not decide):

1. size limit, empty input, binary magic bytes (PNG, PDF, ZIP/Office, GIF,
   JPEG, gzip, old Office), byte-order marks (a BOM is trusted; a broken body
   after it is an error, UTF-32 is refused);
2. strict UTF-8: valid UTF-8 with at least one multi-byte sequence is UTF-8
   (legacy Arabic text is practically never valid UTF-8), and so is pure ASCII,
   unless either reads with control or unassigned characters. Invalid UTF-8 in
   which well-formed multi-byte sequences dominate is *damaged* UTF-8 and is
   rejected rather than misread as Windows-1256 mojibake; so is invalid UTF-8
   whose code-page reading has no Arabic word but a stray Urdu/Persian letter
   or direction mark, or whose bytes are shaped like a forbidden 3- or 4-byte
   UTF-8 sequence (``b"Riyadh \\xff Damascus"``, an encoded surrogate
   ``b"\\xed\\xa0\\x80"``);
3. otherwise every supported codec that decodes all the bytes strictly is
   scored on a 64 KiB sample: control/unassigned characters cost 10;
   characters outside the Arabic/Latin/common-punctuation repertoire cost 1
   (that is what UTF-16 read with the wrong byte order produces: CJK); and so
   does each "oddity" - a word mixing Arabic and Latin letters (ISO-8859-6
   ``ي`` read as Windows-1256 is ``ê``), a rare Latin-1 symbol (``½ ¬ ±``), a
   vowel mark with no letter before it, an unpaired guillemet. Equal costs
   prefer Unicode, then, between the two code pages, the reading whose Arabic
   letters are more frequent, then Windows-1256;
4. the best-scoring reading that is believable wins: at most 1% control
   characters, at most 10% foreign characters for BOM-less UTF-16, at most one
   oddity per five words for the code pages. If none is, the input is rejected
   with the reason the best one failed.

Known limits: a short text using only letters that both Arabic code pages
encode as clean Arabic (e.g. ISO-8859-6 ``ن`` is Windows-1256 ``و``) is decided
by letter frequency and can come out wrong; a Windows-1256 text made only of
letters followed by ``، ؛ ؟`` can be valid UTF-8 and is read as such; ASCII
text with one damaged byte that Windows-1256 reads as an Arabic letter standing
alone (``b"\\xc1\\xbf"`` is ``ء؟``) is read so; other
legacy code pages are not supported (Latin-1 French often decodes correctly as
Windows-1256, which shares its accented letters; Cyrillic, Greek and CJK code
pages are rejected); BOM-less UTF-16 is only recognised for Arabic/Latin text.
charset-normalizer is not used: it misnames short Arabic inputs (``كلمة`` in
Windows-1256 comes out as Big5).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from .errors import InputError

__all__ = ["SUPPORTED_ENCODINGS", "Decoded", "decode_bytes", "read_text_file"]

#: Codec names reported in :attr:`Decoded.encoding`; each is a valid Python codec name.
SUPPORTED_ENCODINGS: tuple[str, ...] = ("utf-8", "utf-16-le", "utf-16-be", "windows-1256", "iso-8859-6")

_SUPPORTED_HUMAN = "UTF-8, UTF-16, Windows-1256 or ISO-8859-6"
_NUL_MESSAGE = (
    "the file contains NUL bytes and is not UTF-16 text, so it looks like a binary file; "
    f"upload the statement as plain text ({_SUPPORTED_HUMAN})"
)

# (magic prefix, what to call the file). Checked before anything else: a PNG
# decodes "successfully" as Windows-1256, which defines all 256 bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (Word .docx, Excel .xlsx and OpenDocument files are ZIP archives too)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
)

# UTF-32 BOMs must be tested before UTF-16's: b"\xff\xfe\x00\x00" starts with b"\xff\xfe".
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le", "little-endian"), (b"\xfe\xff", "utf-16-be", "big-endian"))
_UTF8_BOM = b"\xef\xbb\xbf"

# Candidate order is the tie-break order: Windows-1256 before ISO-8859-6
# because it is by far the more common Arabic code page in the files people have.
_CANDIDATES: tuple[str, ...] = ("utf-8", "utf-16-le", "utf-16-be", "windows-1256", "iso-8859-6")
_SINGLE_BYTE = frozenset({"windows-1256", "iso-8859-6"})

# Scoring looks at a prefix only: enough to decide, bounded time on a 10 MB file.
_SAMPLE_BYTES = 64 * 1024

# Characters that never occur in a real statement: C0/C1 controls except
# tab, newlines, vertical tab and form feed (Word pastes \v and \f), private
# use, noncharacters. Unassigned code points are added per character below.
_HARD_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]")

_AR = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefc"
_LA = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# Everything a statement in Arabic/English plausibly contains. U+2000..U+200A
# (typographic spaces) are deliberately left out: a UTF-16 space read with the
# wrong byte order is U+2000, and that must cost something.
_EXPECTED = (
    "\t\n\x0b\x0c\r\x20-\x7e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff"
    + _AR
    + "\u200b-\u200f\u2010-\u2027\u2028-\u202e\u2030-\u205e\u2060-\u206f\u20a0-\u20bf\u2122\ufeff"
)
_UNEXPECTED_RE = re.compile(f"[^{_EXPECTED}]")
# Words are runs of letters and combining marks; Arabic punctuation (، ؛ ؟) ends a word.
_WORD_RE = re.compile("(?:[^\\W\\d_]|[\u0300-\u036f\u064b-\u065f\u0670])+")
# Latin-1 symbols that a statement rarely has but a wrong code page produces
# in bulk (GBK read as Windows-1256 is full of ½ ² ¢ ± ¾ £ ¬).
_RARE_SYMBOL_RE = re.compile("[\u00a2-\u00a9\u00ac\u00ae-\u00b9\u00bc-\u00be\u00d7\u00f7]")
# A combining mark (harakat, Latin accents) right after a space, punctuation or
# the start: nothing to sit on, so the byte was not meant as a mark.
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670"
_ORPHAN_MARK_RE = re.compile(f"(?<![^\\W\\d_]|[{_MARKS}])[{_MARKS}]")
_UTF8_SEQ_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_AR_RE = re.compile(f"[{_AR}]")
_LA_RE = re.compile(f"[{_LA}]")
# An Arabic word: two letters, vowel marks or tatweel between them allowed.
_AR_WORD_RE = re.compile("[\u0621-\u064a][\u064b-\u0652\u0640]*[\u0621-\u064a]")
# Arabic-script characters other than Arabic letters, marks, tatweel and ، ؛ ؟ (Urdu ے, Persian گ), and the
# joiners and direction marks Windows-1256 has for Arabic (0x9D 0x9E 0xFD 0xFE): in a text with no Arabic
# word, one of them is a byte that was never meant in that code page.
_STRAY_RE = re.compile(
    "[\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620\u063b-\u063f\u0653-\u06ff\u200c-\u200f]"
)
# Three- and four-byte sequences shaped like UTF-8 (a lead byte and its continuation bytes) that UTF-8 forbids:
# an encoded surrogate (what JavaScript's broken pairs give), an overlong form, a code point past U+10FFFF.
# (Two-byte overlongs are left out: Windows-1256 ء followed by ، is b"\xc1\xa1".)
_UTF8_SHAPED_RE = re.compile(
    rb"\xed[\xa0-\xbf][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x80-\x8f][\x80-\xbf]{2}|\xf4[\x90-\xbf][\x80-\xbf]{2}|[\xf5-\xf7][\x80-\xbf]{3}"
)

# Letter frequencies (per mille) measured on the project's Arabic statements
# (data/statements, tests/data/corpus; ~15k letters), close to published
# figures. Only used to break a tie between Windows-1256 and ISO-8859-6 when
# both readings are clean Arabic, e.g. ISO "كلمة" vs its Windows reading "منهة".
_AR_FREQ: dict[str, float] = {
    "ا": 154, "ل": 113, "ي": 74, "م": 66, "و": 53, "ر": 49, "ن": 49, "ت": 48, "ة": 39, "د": 37,
    "ع": 34, "ب": 30, "ف": 25, "س": 24, "ق": 22, "أ": 21, "ح": 19, "ه": 15, "ك": 15, "ج": 15,
    "ش": 12, "إ": 12, "ط": 11, "ى": 8, "ص": 8, "ز": 8, "خ": 7, "ض": 6, "ث": 5, "ء": 4, "ئ": 4,
    "غ": 4, "ذ": 3, "ؤ": 2, "ظ": 2, "آ": 1.5, "ـ": 1.5,
}
_AR_LOGP = {ch: math.log(n / 1000) for ch, n in _AR_FREQ.items()}
# Vowel marks, rare letters and Arabic punctuation: rarer than any common letter
# (statements are seldom vowelled), so ي beats tanween ٍ for the same byte.
_AR_LOGP_OTHER = math.log(1 / 1000)

# Limits beyond which a reading is not believed (see _implausible).
_MAX_HARD_RATIO = 0.01
_MAX_ODD_RATIO = 0.2
_MAX_SOFT_RATIO = 0.1
_MIN_UTF8_SEQUENCES = 8


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded.

    ``encoding`` is the codec of the body (one of :data:`SUPPORTED_ENCODINGS`);
    ``had_bom`` says whether a byte-order mark preceded it. The BOM itself is
    not part of ``text``; nothing else is removed.
    """

    text: str
    encoding: str
    had_bom: bool


@dataclass(frozen=True)
class _Score:
    hard: int  # controls, unassigned, private use: never in a real statement
    soft: int  # characters outside the Arabic/Latin/punctuation repertoire
    odd: int  # words mixing Arabic and Latin, rare symbols, marks with no letter to sit on
    words: int
    chars: int
    arabic_logp: float

    @property
    def cost(self) -> int:
        # A control character is much stronger evidence of a wrong reading than
        # an unusual letter, hence the weight.
        return 10 * self.hard + self.soft + self.odd


def _human_size(n: int) -> str:
    """``12.3 MB``, ``10 MB``, ``512 KB``, ``800 bytes`` in binary units (1 MB = 1,048,576 bytes),
    as Streamlit's uploader counts them, so the app's limit and its message agree."""
    for unit, size in (("MB", 1 << 20), ("KB", 1 << 10)):
        if round(n / size, 1) >= 1:  # 999_999 bytes is "1 MB", not "1000 KB"
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} byte" + ("" if n == 1 else "s")


def _too_big(n: int, limit: int) -> str:
    size, lim = _human_size(n), _human_size(limit)
    if size == lim:  # 10.04 MB and 10 MB both print as "10 MB": give exact counts instead
        size, lim = f"{n:,} bytes", f"{limit:,} bytes"
    return f"the file is {size}; the limit is {lim}"


def _score(text: str) -> _Score:
    hard = len(_HARD_RE.findall(text))
    soft = 0
    for ch in _UNEXPECTED_RE.findall(text):
        if _HARD_RE.match(ch):
            continue  # already counted as hard
        # Unassigned code points only come from misreading bytes.
        if unicodedata.category(ch) in ("Cn", "Cs"):
            hard += 1
        else:
            soft += 1
    words = _WORD_RE.findall(text)
    odd = sum(1 for w in words if _AR_RE.search(w) and _LA_RE.search(w))
    odd += len(_RARE_SYMBOL_RE.findall(text)) + len(_ORPHAN_MARK_RE.findall(text))
    # Guillemets come in pairs; a lone » is ISO-8859-6 "؛" (0xBB) read as Windows-1256.
    odd += abs(text.count("«") - text.count("»"))
    # Every character of the Arabic block scores, marks included: the two code pages
    # can differ by a letter in one and a vowel mark in the other (0xED: ي or ٍ).
    logp = sum(_AR_LOGP.get(ch, _AR_LOGP_OTHER) for ch in text if "\u0600" <= ch <= "\u06ff")
    return _Score(hard, soft, odd, len(words), len(text), logp)


def _utf8_damage(data: bytes) -> UnicodeDecodeError | None:
    """The decoding error if ``data`` is UTF-8 with a few bad bytes, else ``None``.

    Mostly-valid UTF-8 must not fall through to Windows-1256, which would turn it
    into mojibake (``ط³ظˆط±ظٹط§`` for ``سوريا``). Legacy Arabic text almost never
    contains well-formed multi-byte sequences, so "most high bytes are in
    well-formed sequences" separates the two.
    """
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        error = e
    sequences = _UTF8_SEQ_RE.findall(data)
    stray = sum(1 for b in data if b >= 0x80) - sum(len(m) for m in sequences)
    # Many good characters per bad byte: a damaged UTF-8 file, not a code page
    # (Windows-1256 makes a valid pair only from a letter followed by ، ؛ or ؟).
    return error if len(sequences) >= _MIN_UTF8_SEQUENCES and len(sequences) >= 10 * stray else None


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _sample(data: bytes) -> bytes:
    # Even length so a UTF-16 reading of the sample never ends in half a code unit.
    return data[: _SAMPLE_BYTES & ~1]


def _reject_binary(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                f"this is {kind}, not a text file (it starts with {data[:len(magic)]!r}); "
                f"upload the statement as plain text ({_SUPPORTED_HUMAN})"
            )


def _with_bom(data: bytes) -> Decoded | None:
    """Decode by byte-order mark, or ``None`` when there is none. A BOM is a promise: broken bodies are rejected."""
    if data.startswith(_UTF32_BOMS):
        raise InputError(
            f"the file is UTF-32 text (it starts with {data[:4]!r}), which is not supported; "
            f"save it as {_SUPPORTED_HUMAN}"
        )
    if data.startswith(_UTF8_BOM):
        body = data[len(_UTF8_BOM):]
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            pos = e.start + len(_UTF8_BOM)
            raise InputError(
                f"the file starts with a UTF-8 byte-order mark, but byte {data[pos:pos + 1]!r} at "
                f"position {pos} is not valid UTF-8; the file is damaged or mislabelled"
            ) from e
        problem = _implausible(text, "utf-8", _score(text[:_SAMPLE_BYTES]), data, guessed=False)
        if problem:
            raise InputError(problem)
        return Decoded(text, "utf-8", True)
    for bom, enc, endian in _UTF16_BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if len(body) % 2:
                raise InputError(
                    f"the file starts with a UTF-16 ({endian}) byte-order mark but has an odd number "
                    f"of bytes ({len(data)}), so it is truncated or not UTF-16"
                )
            try:
                text = body.decode(enc)
            except UnicodeDecodeError as e:
                pos = e.start + len(bom)
                raise InputError(
                    f"the file starts with a UTF-16 ({endian}) byte-order mark, but the bytes "
                    f"{data[pos:pos + 2]!r} at position {pos} are not valid UTF-16"
                ) from e
            problem = _implausible(text, enc, _score(text[: _SAMPLE_BYTES // 2]), data, guessed=False)
            if problem:
                raise InputError(problem)
            return Decoded(text, enc, True)
    return None


def _implausible(text: str, encoding: str, sample_score: _Score, data: bytes, *, guessed: bool = True) -> str | None:
    """Why this reading is not believable text (binary data, an unsupported code page), or ``None``."""
    # Hard characters are counted on the whole text (a regex, cheap even at 10 MB):
    # a binary tail after a text-like head must not slip through.
    hard = len(_HARD_RE.findall(text))
    if hard > _MAX_HARD_RATIO * max(len(text), 1) or sample_score.hard > _MAX_HARD_RATIO * max(sample_score.chars, 1):
        if b"\x00" in data:
            return _NUL_MESSAGE
        first = _HARD_RE.search(text)
        where = f" (first one: {first.group()!r} at character {first.start()})" if first else ""
        return (
            f"the file does not look like text: read as {encoding} it has {max(hard, sample_score.hard)} "
            f"control or unassigned characters{where}; supported encodings are {_SUPPORTED_HUMAN}"
        )
    if encoding.startswith("utf-16") and guessed and sample_score.soft > _MAX_SOFT_RATIO * max(sample_score.chars, 1):
        # Without a BOM, UTF-16 is only believed when it reads as Arabic/Latin text:
        # bytes that are not UTF-16 read as CJK ideographs.
        if b"\x00" in data:
            return _NUL_MESSAGE
        return (
            f"the file does not look like text: read as {encoding} without a byte-order mark, "
            f"{sample_score.soft} of {sample_score.chars} characters are outside Arabic and Latin; "
            f"supported encodings are {_SUPPORTED_HUMAN}"
        )
    if encoding in _SINGLE_BYTE and guessed and not _AR_WORD_RE.search(text):
        # Not valid UTF-8, and the code page makes no Arabic word of the other bytes, but a stray letter or a
        # sequence shaped like UTF-8: a few damaged UTF-8 bytes (b"Riyadh \xff Damascus", an encoded surrogate
        # b"\xed\xa0\x80"), not Windows-1256 text. (Typographic dashes and quotes, é, € alone are believed.)
        stray = _STRAY_RE.search(text)
        shaped = _UTF8_SHAPED_RE.search(data)
        if stray is not None or shaped is not None:
            try:
                data.decode("utf-8")
                bad = ""
            except UnicodeDecodeError as e:
                bad = f": {data[e.start:e.start + 4]!r} at position {e.start} ({e.reason})"
            return (
                f"the file is not valid UTF-8{bad}, and its other bytes read as no Arabic text in Windows-1256 "
                f"or ISO-8859-6 either; the file is damaged or in another encoding, so re-save it as UTF-8"
            )
    if encoding in _SINGLE_BYTE and sample_score.odd > _MAX_ODD_RATIO * max(sample_score.words, 1):
        return (
            f"the file is not valid UTF-8 and does not read as Arabic text in Windows-1256 or "
            f"ISO-8859-6 either (read as {encoding}, {sample_score.odd} oddities in "
            f"{sample_score.words} words: Arabic and Latin letters mixed in one word, stray symbols "
            f"or vowel marks); save it as UTF-8 and try again"
        )
    return None


def decode_bytes(data: bytes, *, max_bytes: int | None = None) -> Decoded:
    """Detect the encoding of ``data`` and decode it.

    Parameters
    ----------
    data
        The raw bytes of a text file (``bytes``, ``bytearray`` or ``memoryview``).
    max_bytes
        Reject inputs longer than this many bytes; ``None`` means no limit.

    Returns
    -------
    Decoded
        The text (only a leading BOM removed), the codec name and whether a BOM was present.

    Raises
    ------
    InputError
        Empty, too large, binary, or not text in a supported encoding; the message says which.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"decode_bytes expects bytes, got {type(data).__name__}")
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(_too_big(len(data), max_bytes))
    if not data:
        raise InputError("the file is empty")

    _reject_binary(data)
    bommed = _with_bom(data)
    if bommed is not None:
        return bommed

    has_nul = b"\x00" in data
    utf8 = None if has_nul else _decode_or_none(data, "utf-8")
    if utf8 is not None:
        if not data.isascii():
            # Valid multi-byte UTF-8 is overwhelming evidence: Windows-1256/ISO-8859-6
            # Arabic letters (0xC1..0xFE) are lead bytes that need 0x80..0xBF after them.
            # Only a reading with control/unassigned characters is doubted (then all
            # readings are scored below): cp1256 "ق؛" is the valid UTF-8 of U+07BA.
            if _implausible(utf8, "utf-8", _score(utf8[:_SAMPLE_BYTES]), data) is None:
                return Decoded(utf8, "utf-8", False)
        elif not _HARD_RE.search(utf8):
            return Decoded(utf8, "utf-8", False)
        # ASCII with control characters: maybe UTF-16 without a BOM whose text
        # is all Arabic letters (bytes like b"(\x06"), so score the readings.

    damage = None if (has_nul or utf8 is not None) else _utf8_damage(data)
    if damage is not None:
        pos = damage.start
        raise InputError(
            f"the file is UTF-8 text with invalid bytes: {data[pos:pos + 4]!r} at position {pos} "
            f"({damage.reason}); the file is damaged or was cut off, so re-save it as UTF-8"
        )

    sample = _sample(data)
    # (sort key, encoding, text, why implausible or None)
    readings: list[tuple[tuple[int, bool, float, int], str, str, str | None]] = []
    for rank, enc in enumerate(_CANDIDATES):
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        if enc in _SINGLE_BYTE and has_nul:
            continue  # a NUL byte is not text in a single-byte code page
        if enc == "utf-8" and utf8 is None:
            continue
        text = _decode_or_none(data, enc)  # strict over the whole input, not just the sample
        if text is None:
            continue
        s = _score(sample.decode(enc, errors="replace"))  # the sample may cut a UTF-8 sequence
        # Lower is better: cost; Unicode before code pages; (code pages only) more
        # probable Arabic letters; candidate order.
        tiebreak = -s.arabic_logp if enc in _SINGLE_BYTE else 0.0
        readings.append(((s.cost, enc in _SINGLE_BYTE, tiebreak, rank), enc, text, _implausible(text, enc, s, data)))

    if not readings:
        if has_nul:
            raise InputError(_NUL_MESSAGE)
        # Unreachable in practice (Windows-1256 defines every byte), kept so the
        # function can never fall through without an answer.
        raise InputError(f"the file is not text in a supported encoding ({_SUPPORTED_HUMAN})")

    readings.sort(key=lambda r: r[0])
    for _, enc, text, problem in readings:
        if problem is None:
            return Decoded(text, enc, False)
    # No believable reading: explain why the most likely one fails.
    raise InputError(readings[0][3])


def read_text_file(path: str | PathLike[str], *, max_bytes: int | None = None) -> Decoded:
    """Read and decode a text file with :func:`decode_bytes`.

    Unreadable files (missing, a directory, no permission) raise :class:`InputError`
    too, so a caller handles one exception type for "this upload cannot be used".
    """
    p = Path(path)
    try:
        with p.open("rb") as f:
            # Read at most one byte past the limit: enough to know it is too big
            # without loading a huge file; the real size comes from stat.
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
            if max_bytes is not None and len(data) > max_bytes:
                raise InputError(_too_big(p.stat().st_size, max_bytes))
    except OSError as e:
        raise InputError(f"cannot read {str(p)!r}: {e.strerror or e}") from e
    return decode_bytes(data, max_bytes=max_bytes)
