"""Movements: who or what moves from where to where, read from a parsed statement.

:func:`extract_movements` is a pure function over a :class:`~geo.situation.Situation`
(its text and resolved mentions). Within one sentence, a *trigger* (transfer, return,
flee ...; نقل، عودة، فرار ...) opens a *scope* that runs to the right until a clause
boundary. In the scope, an origin word (from, out of; من، من داخل) or a destination word
(to, towards, into; إلى، نحو، باتجاه، صوب) *governs* the first place that follows it
within a few words (``to Iraqi custody``, ``إلى عهدة الحكومة العراقية`` → Iraq), and the
places coordinated with that one (``من مخيمي الهول وروج``). One movement is made per
origin × destination; an end the sentence does not name stays ``None``.

Everything language-specific is in the tables below; the scanning is linear: each
token is looked at a bounded number of times (scopes, governed phrases and subjects
have fixed maximum lengths), and no regular expression can backtrack over long runs.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Mention, ParsedText, Place
from .text import CUES, fold, token_spans

__all__ = [
    "Movement",
    "extract_movements",
    "EN_TRIGGERS",
    "AR_TRIGGERS",
    "EN_ORIGIN",
    "EN_DESTINATION",
    "AR_ORIGIN",
    "AR_DESTINATION",
    "NOT_MOVING",
    "NOT_PLACE_HEADS",
    "NOT_PLACE_AFTER",
]


@dataclass(frozen=True, slots=True)
class Movement:
    """One movement a sentence states: a trigger, an origin and/or a destination, what moves.

    Offsets are code-point offsets into the statement: ``text[trigger_start:trigger_end] ==
    trigger`` and, when the sentence says what moves, ``text[what_start:what_end] == what``.
    ``from_start``/``from_end`` and ``to_start``/``to_end`` are the offsets of the mentions
    that name the ends (``None`` for a missing end).
    """

    trigger: str
    trigger_start: int
    trigger_end: int
    from_place: Place | None
    to_place: Place | None
    what: str | None
    what_start: int | None
    what_end: int | None
    sentence_start: int
    sentence_end: int
    quote: str
    from_start: int | None = None
    from_end: int | None = None
    to_start: int | None = None
    to_end: int | None = None

    @property
    def from_place_id(self) -> str | None:
        """The origin's place id, or ``None`` when the sentence names no origin."""
        return self.from_place.place_id if self.from_place is not None else None

    @property
    def to_place_id(self) -> str | None:
        """The destination's place id, or ``None`` when the sentence names no destination."""
        return self.to_place.place_id if self.to_place is not None else None

    @property
    def ends(self) -> str:
        """``"both"``, ``"from"`` (origin only) or ``"to"`` (destination only)."""
        if self.from_place is not None and self.to_place is not None:
            return "both"
        return "from" if self.from_place is not None else "to"


# -- language tables -----------------------------------------------------------------------------
# Object roles: what a place right after the trigger is (fled Khartoum → origin; entered Gaza → destination).
_ORIGIN, _DEST = "from", "to"

#: English triggers: lemma → (inflected forms, role of a direct-object place, extra destination words).
#: Noun forms are listed with the verb: "the transfer of detainees into ..." is read like the verb.
EN_TRIGGERS: dict[str, tuple[tuple[str, ...], str | None, tuple[str, ...]]] = {
    "transfer": (("transfer", "transfers", "transferred", "transferring"), None, ()),
    "move": (("move", "moves", "moved", "moving", "movement", "movements"), None, ()),
    "return": (("return", "returns", "returned", "returning"), None, ()),
    "repatriate": (("repatriate", "repatriates", "repatriated", "repatriating", "repatriation",
                    "repatriations"), None, ()),
    "evacuate": (("evacuate", "evacuates", "evacuated", "evacuating", "evacuation", "evacuations"), _ORIGIN, ()),
    "flee": (("flee", "flees", "fled", "fleeing"), _ORIGIN, ()),
    "escape": (("escape", "escapes", "escaped", "escaping"), _ORIGIN, ()),
    "deport": (("deport", "deports", "deported", "deporting", "deportation", "deportations"), None, ()),
    "expel": (("expel", "expels", "expelled", "expelling", "expulsion", "expulsions"), None, ()),
    "extradite": (("extradite", "extradites", "extradited", "extraditing", "extradition"), None, ()),
    "withdraw": (("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal"), None, ()),
    "retreat": (("retreat", "retreats", "retreated", "retreating"), None, ()),
    "pull": (("pull", "pulls", "pulled", "pulling"), None, ()),
    "advance": (("advance", "advances", "advanced", "advancing"), None, ("on",)),
    "push": (("push", "pushes", "pushed", "pushing"), None, ("on",)),
    "arrive": (("arrive", "arrives", "arrived", "arriving", "arrival", "arrivals"), None, ("in", "at")),
    "cross": (("cross", "crosses", "crossed"), None, ()),
    "head": (("headed", "heading"), None, ("for",)),
    "leave": (("leave", "leaves", "left", "leaving"), _ORIGIN, ("for",)),
    "depart": (("depart", "departs", "departed", "departing", "departure"), _ORIGIN, ("for",)),
    "enter": (("enter", "enters", "entered", "entering"), _DEST, ()),
    "reach": (("reach", "reaches", "reached", "reaching"), _DEST, ()),
    "relocate": (("relocate", "relocates", "relocated", "relocating", "relocation"), None, ()),
    "displace": (("displace", "displaces", "displaced", "displacing", "displacement"), None, ()),
    "deploy": (("deploy", "deploys", "deployed", "deploying", "deployment"), None, ()),
    "dispatch": (("dispatch", "dispatches", "dispatched", "dispatching"), None, ()),
    "travel": (("travel", "travels", "travelled", "traveled", "travelling", "traveling"), None, ()),
    "fly": (("fly", "flies", "flew", "flown", "flying"), None, ()),
    "migrate": (("migrate", "migrates", "migrated", "migrating", "migration"), None, ()),
    "resettle": (("resettle", "resettles", "resettled", "resettling", "resettlement"), None, ()),
    "reintegrate": (("reintegrate", "reintegrates", "reintegrated", "reintegrating", "reintegration"), None, ()),
    "hand over": (("handed", "handing", "handover"), None, ()),
    "airlift": (("airlift", "airlifts", "airlifted", "airlifting"), None, ()),
    "exodus": (("exodus",), None, ()),
}

#: English origin words (``out of`` is read as one word).
EN_ORIGIN: frozenset[str] = frozenset({"from", "out of"})
#: English destination words (triggers may add their own: arrive *in*, advance *on*, leave *for*).
EN_DESTINATION: frozenset[str] = frozenset({"to", "towards", "toward", "into", "onto"})
# The path, not an end: "through the Rafah crossing".
_EN_PATH = frozenset({"via", "through", "across"})
# A role word right after one of these is not one: "according to", "apart from".
_EN_NOT_ROLE_AFTER = frozenset({
    "according", "due", "addition", "close", "next", "up", "prior", "owing", "thanks", "relative", "regard",
    "compared", "contrary", "similar", "adjacent", "apart", "aside", "far", "different", "free", "exempt",
})
# Words that end a trigger's scope (a new clause begins).
_EN_STOP = frozenset({
    "that", "which", "who", "whom", "whose", "while", "whereas", "but", "although", "though", "because",
    "since", "after", "before", "until", "when", "where", "as", "if", "said", "says", "say", "told",
    "during", "despite", "amid", "unless", "whether", "so",
})
_EN_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"})
# Coordination between two places of one end.
_EN_COORD = frozenset({"and", "or", "the"})
# Skipped when looking left for the subject of a verb ("detainees *will be* transferred").
_EN_AUX = frozenset({
    "have", "has", "had", "been", "be", "being", "will", "would", "could", "can", "may", "might", "should",
    "must", "were", "was", "is", "are", "to", "started", "begun", "began", "begin", "continued", "continue",
    "not", "also", "already", "reportedly", "then", "later", "finally", "all", "now",
})
_EN_PASSIVE = frozenset({"was", "were", "be", "been", "being", "is", "are", "get", "got"})
# The subject ends (going left) at these.
_EN_SUBJECT_BOUNDARY = frozenset({
    "said", "says", "say", "told", "that", "which", "who", "when", "while", "and", "but", "helped", "help",
    "helps", "urged", "asked", "allowed", "forced", "plans", "planned", "plan", "announced", "reported",
})
# Not what moves: adverbs between a verb and its origin or destination ("returned *home* from").
_EN_ADVERBS = frozenset({
    "home", "back", "out", "away", "up", "down", "off", "temporarily", "safely", "quickly", "again", "together",
    "north", "south", "east", "west", "northward", "southward", "eastward", "westward", "onward", "onwards",
})
_EN_NOUN_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "any", "s"})

# Arabic. Forms are folded (أ إ آ → ا, ة → ه, ى → ي, no tashkeel). "v": a verb (takes و ف ل س),
# "n": a verbal noun (takes و ف ب ل ك and the article), "x": a verb read only as written
# (فرّ: وفرت is far more often "provided" than "and she fled").
_AR_FORMS: dict[str, tuple[tuple[str, str], ...]] = {
    "نقل": (("v", "نقل نقلت نقلوا ينقل تنقل ينقلون ننقل"), ("n", "نقل")),
    "انتقال": (("v", "انتقل انتقلت انتقلوا ينتقل تنتقل ينتقلون"), ("n", "انتقال")),
    "ترحيل": (("v", "رحل رحلت رحلوا يرحل ترحل يرحلون"), ("n", "ترحيل")),
    "إعادة": (("v", "اعاد اعادت اعادوا يعيد تعيد يعيدون نعيد"), ("n", "اعاده")),
    "عودة": (("v", "عاد عادت عادوا يعود تعود يعودون نعود"), ("n", "عوده")),
    "استعادة": (("v", "استعاد استعادت استعادوا يستعيد تستعيد يستعيدون"), ("n", "استعاده")),
    "إجلاء": (("v", "اجلي اجلت اجلوا يجلي تجلي يجلون اجليت"), ("n", "اجلاء")),
    "إخلاء": (("v", "اخلي اخلت اخلوا يخلي تخلي يخلون"), ("n", "اخلاء")),
    "نزوح": (("v", "نزح نزحت نزحوا ينزح تنزح ينزحون"), ("n", "نزوح")),
    "فرار": (("x", "فر فرت فروا"), ("v", "يفر تفر يفرون"), ("n", "فرار")),
    "هروب": (("v", "هرب هربت هربوا يهرب تهرب يهربون"), ("n", "هروب")),
    "انسحاب": (("v", "انسحب انسحبت انسحبوا ينسحب تنسحب ينسحبون"), ("n", "انسحاب")),
    "تقدم": (("v", "تقدم تقدمت تقدموا يتقدم تتقدم يتقدمون"), ("n", "تقدم")),
    "وصول": (("v", "وصل وصلت وصلوا يصل تصل يصلون"), ("n", "وصول")),
    "مغادرة": (("v", "غادر غادرت غادروا يغادر تغادر يغادرون"), ("n", "مغادره")),
    "توجه": (("v", "توجه توجهت توجهوا يتوجه تتوجه يتوجهون"),),
    "دخول": (("v", "دخل دخلت دخلوا يدخل يدخلون"), ("n", "دخول")),
    "لجوء": (("v", "لجا لجات لجاوا يلجا تلجا يلجاون"), ("n", "لجوء")),
    "تسليم": (("v", "سلم سلمت سلموا"), ("n", "تسليم")),
    "إرسال": (("v", "ارسل ارسلت ارسلوا يرسل ترسل يرسلون"), ("n", "ارسال")),
    "تهجير": (("v", "هجر هجرت هجروا"), ("n", "تهجير")),
    "إبعاد": (("v", "ابعد ابعدت ابعدوا يبعد"), ("n", "ابعاد")),
    "طرد": (("v", "طرد طردت طردوا يطرد تطرد"), ("n", "طرد")),
    "زحف": (("v", "زحف زحفت زحفوا يزحف تزحف"),),
    "تحرك": (("v", "تحرك تحركت تحركوا يتحرك تتحرك"),),
    "سفر": (("v", "سافر سافرت سافروا يسافر تسافر"), ("n", "سفر")),
    "تسلل": (("v", "تسلل تسللت تسللوا يتسلل"), ("n", "تسلل")),
}
# Direct-object places: غادر الدوحة (origin), دخلت القوات المدينة / وصل الوفد بيروت (destination).
_AR_OBJECT_ROLE: dict[str, str] = {"مغادرة": _ORIGIN, "إخلاء": _ORIGIN, "دخول": _DEST, "وصول": _DEST}
# Verbs whose subject is not what moves (the authorities transfer detainees).
_AR_TRANSITIVE = frozenset({"نقل", "ترحيل", "إعادة", "استعادة", "إجلاء", "إخلاء", "تسليم", "إرسال", "تهجير",
                            "إبعاد", "طرد"})
# Pronoun suffixes (folded): عودتهم، انسحابها، نقلتهم، أعادوهم.
_AR_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


def _ar_table() -> dict[str, tuple[str, str]]:
    """Folded form → (trigger lemma, kind), with pronoun-suffixed forms added."""
    table: dict[str, tuple[str, str]] = {}
    # Verbal nouns first: اعاده is إعادة far more often than أعاده (he returned it). A bare form that
    # is both (نقل، تقدم، طرد) is "vn": read as a verb only where a verbal sentence starts.
    for lemma, groups in _AR_FORMS.items():
        nouns = {f for kind, forms in groups if kind == "n" for f in forms.split()}
        for kind, forms in sorted(groups, key=lambda g: g[0] != "n"):
            for form in forms.split():
                if kind == "v" and form in nouns:
                    table[form] = (lemma, "vn")
                table.setdefault(form, (lemma, kind))
                for suf in _AR_SUFFIXES:
                    if form.endswith("ه") and kind == "n":  # ة → ت before a suffix: عودة → عودتهم
                        table.setdefault(form[:-1] + "ت" + suf, (lemma, kind))
                    elif form.endswith("وا"):  # نقلوا → نقلوهم
                        table.setdefault(form[:-1] + suf, (lemma, kind))
                    elif len(form) > 2:
                        table.setdefault(form + suf, (lemma, kind))
    table.setdefault("اجلائهم", ("إجلاء", "n"))
    return table


#: Arabic triggers: folded form → (lemma, "v" verb | "n" verbal noun | "vn" either | "x" verb read as written).
AR_TRIGGERS: dict[str, tuple[str, str]] = _ar_table()
_EN_TRIGGER_OF: dict[str, str] = {form: lemma for lemma, (forms, _r, _d) in EN_TRIGGERS.items() for form in forms}

#: Arabic origin words (folded), alone or after و/ف.
AR_ORIGIN: frozenset[str] = frozenset({"من", "ومن", "فمن"})
#: Arabic destination words (folded), alone or after و/ف.
AR_DESTINATION: frozenset[str] = frozenset(
    p + w for w in ("الي", "نحو", "باتجاه", "صوب", "اتجاه") for p in ("", "و", "ف")
)
_AR_PATH = frozenset({"عبر", "وعبر", "مرورا", "ومرورا"})
# من before these is not an origin: من قبل (by), من خلال (through), من أجل (for) ...
_AR_NOT_ORIGIN_BEFORE = frozenset({"قبل", "خلال", "اجل", "جانب", "جهه", "حيث", "بين", "ضمن", "دون", "غير",
                                   "جديد", "جهته", "جهتها"})
# من after a quantity is partitive: أكثر من عشرة آلاف، دفعة من مواطنيها، شحنة من القمح.
_AR_PARTITIVE_AFTER = frozenset({
    "اكثر", "اقل", "عدد", "عددا", "عشرات", "مئات", "الاف", "الف", "ملايين", "مليون", "دفعه", "دفعات",
    "شحنه", "شحنات", "مجموعه", "مجموعات", "جزء", "بعض", "كثير", "العديد", "واحد", "واحده", "اول", "اخر",
    "المزيد", "مزيد", "الكثير", "نحو", "حوالي", "قرابه",
})
# إلى after these is not a destination: بالإضافة إلى (in addition to), أشار إلى (pointed to) ...
_AR_NOT_DEST_AFTER = frozenset({"بالاضافه", "اضافه", "اشار", "اشارت", "اشاروا", "دعا", "دعت", "دعوا",
                                "استنادا", "بالنسبه", "نظرا", "حاجه", "الحاجه", "بحاجه"})
# Words that end a trigger's scope (folded).
_AR_STOP = frozenset({
    "بعد", "قبل", "منذ", "حيث", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ان", "انه", "انها",
    "لكن", "ولكن", "بينما", "حين", "حينما", "عندما", "اذ", "كما", "مع", "خلال", "وذلك", "بسبب", "رغم",
    "برغم", "قال", "وقال", "اضاف", "واضاف", "اكد", "واكد", "يوم", "لان", "كي", "لكي", "حتي",
})
# The active participles قادماً من / متوجهاً إلى continue the movement; they neither open nor close a scope.
_AR_CONTINUE = frozenset(p + w for w in ("قادما", "قادمه", "قادمين", "قادمون", "متوجها", "متوجهه", "متوجهين",
                                        "متجها", "متجهه", "متجهين") for p in ("", "و"))
_AR_COORD = frozenset({"و", "او", "ثم"})
_AR_REL = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "ان", "انه", "انها"})
# Damma on a verb's first letter marks the passive (نُقل، أُجليت): then its subject is what moves.
_DAMMA = "\u064f"

# The word tables below are written folded (ة → ه, أ إ آ → ا, ى → ي, ؤ → و, no tashkeel), like _AR_FORMS:
# folding them here would build the folding tables at import (tests/test_movements.py checks they are folded).

#: What a trigger may carry without anything moving (folded): a message is conveyed (نقل كلمة الرئيس),
#: power or control is transferred. A movement whose "what" starts with one of these is none.
NOT_MOVING: frozenset[str] = frozenset(" ".join((
    "message messages greetings condolences speech speeches remarks words regards news footage images",
    "power powers authority sovereignty responsibility responsibilities control ownership",
    "كلمه كلمات رساله رسائل تحيات تحيه تعازي خطاب تصريحات قول قوله صوره صور مشاهد وقائع",
    "صلاحيات مسووليه سياده ملكيه سيطره حكم",
    # إعادة in its "re-" senses: rebuild, reopen, re-examine, re-elect, reaffirm (إعادة فتح الطريق من ... إلى ...)
    "اعمار بناء تاهيل فتح هيكله النظر انتخاب تاكيد تقييم جدوله",
)).split())

# After إعادة these name the same movement (إعادة دمج العائلات = the families' return and reintegration):
# what moves comes after them.
_AR_COMPOUND = frozenset("دمج ادماج توطين انتشار تموضع".split())

#: Words that, first after an origin or destination word, make the phrase no place (folded):
#: return to normal life / to the negotiating table, عادت الحياة إلى طبيعتها، withdrew from an agreement
#: (انسحابها من اتفاق باريس). In English an agreement's head follows the place: see NOT_PLACE_AFTER.
NOT_PLACE_HEADS: frozenset[str] = frozenset(" ".join((
    "normal normality normalcy life table talks negotiations dialogue calm stability power office duty",
    "prominence levels agreement accord deal treaty pact convention",
    "طبيعتها طبيعته طبيعتهم طبيعتهما طبيعي طبيعيه طاوله مفاوضات المفاوضات حوار الحوار اتفاق اتفاقيه",
    "اتفاقات معاهده هدوء الهدوء استقرار الاستقرار الحياه السلطه الحكم الواجهه مسار",
)).split())

#: Words right after a place that make it the name of an agreement or a meeting, not an end
#: (withdrew from the Paris agreement, returned to the Astana talks).
NOT_PLACE_AFTER: frozenset[str] = frozenset(
    "agreement agreements accord accords deal treaty pact talks process declaration format summit conference "
    "convention protocol".split()
)

_CUE_WORDS = frozenset(CUES)
# How far a trigger reaches, and how many words may stand between a role word and its place.
_MAX_SCOPE = 30
_MAX_GAP = 3
_MAX_WHAT = 8
_MAX_COORD_GAP = 24
# Characters between two tokens that end a clause (a comma is handled on its own: lists).
_HARD = frozenset(".;:!?؟؛()[]{}\"«»“”\n–—")


# -- tokens --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Tok:
    start: int  # original offsets
    end: int
    word: str  # folded
    arabic: bool
    boundary: str  # what separates it from the previous token: "", "comma" or "hard"


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens of ``text[start:end]`` (one sentence), with original offsets and what separates them."""
    folded = fold(text[start:end])
    # Folding that deleted or expanded nothing keeps every offset: no offset map needed then.
    identity = len(folded.runs_f) == 1
    out: list[_Tok] = []
    prev_end = start
    prev_word = ""
    for fs, fe, word in token_spans(folded.text):
        if identity:
            s, e = start + fs, start + fe
        else:
            s, e = folded.span(fs, fe)
            s, e = s + start, e + start
        boundary = ""
        if out and s > prev_end:
            gap = text[prev_end:s]
            if not _HARD.isdisjoint(gap):
                boundary = "hard"
            elif "," in gap or "،" in gap:
                # 2,000 is one number, not a list.
                boundary = "" if gap == "," and word.isdigit() and prev_word.isdigit() else "comma"
        out.append(_Tok(s, e, word, "\u0600" <= word[0] <= "\u06ff", boundary))
        prev_end, prev_word = e, word
    return out


def _ar_candidates(word: str) -> list[tuple[str, str]]:
    """Readings of an Arabic token without its proclitics: (stem, "v" | "n" | "any")."""
    out = [(word, "any")]
    bases = [word]
    if word[0] in "وف" and len(word) > 3:
        bases.append(word[1:])
        out.append((word[1:], "conj"))
    for base in bases:
        if base.startswith(("بال", "كال")) and len(base) > 4:
            out.append((base[3:], "n"))
        elif base.startswith("لل") and len(base) > 3:
            out.append((base[2:], "n"))
        elif base.startswith("ال") and len(base) > 3:
            out.append((base[2:], "n"))
        elif base[0] in "بك" and len(base) > 3:
            out.append((base[1:], "n"))
        elif base[0] == "ل" and len(base) > 3:
            out.append((base[1:], "any"))
        elif base[0] == "س" and len(base) > 3 and base[1] in "يتنا":
            out.append((base[1:], "v"))
    return out


@dataclass(frozen=True, slots=True)
class _Trigger:
    lemma: str
    kind: str  # "v", "n" (Arabic verbal noun) or "en"
    arabic: bool
    object_role: str | None
    extra_dest: tuple[str, ...]


def _trigger(tok: _Tok, clause_start: bool = False) -> _Trigger | None:
    """The trigger a token is, if any; a bare Arabic form that is verb or noun is a verb at a clause start."""
    trig = _lookup(tok.word)
    if trig is None or trig.kind != "vn":
        return trig
    # نقل التلفزيون ... opens a verbal sentence; عمليات نقل المحتجزين is a noun.
    return replace(trig, kind="v" if clause_start else "n")


@lru_cache(maxsize=65536)
def _lookup(word: str) -> _Trigger | None:
    """The trigger a folded word is, decided once per distinct word (kind "vn" left to the context)."""
    if not "\u0600" <= word[0] <= "\u06ff":
        lemma = _EN_TRIGGER_OF.get(word)
        if lemma is None:
            return None
        _forms, role, extra = EN_TRIGGERS[lemma]
        return _Trigger(lemma, "en", False, role, extra)
    for stem, how in _ar_candidates(word):
        hit = AR_TRIGGERS.get(stem)
        if hit is None:
            continue
        lemma, kind = hit
        if kind == "x" and stem != word:
            continue
        if kind == "vn" and how in ("n", "v"):
            kind = how
        if how == "n" and kind not in ("n", "vn"):
            continue
        if how == "v" and kind == "n":
            continue
        return _Trigger(lemma, "v" if kind == "x" else kind, True, _AR_OBJECT_ROLE.get(lemma), ())
    return None


# -- the extractor -------------------------------------------------------------------------------
class _Sentence:
    """Tokens and mentions of one sentence, with the lookups the scan needs."""

    def __init__(self, text: str, toks: list[_Tok], mentions: list[Mention], start: int, end: int) -> None:
        self.text = text
        self.toks = toks
        self.start = start
        self.end = end
        self.mentions = mentions
        self.starts = starts = [t.start for t in toks]
        self.mention_starts = [m.start for m in mentions]
        # Mentions by the token they start in; tokens covered by a mention (never triggers).
        self.mention_at: dict[int, list[Mention]] = {}
        self.in_mention: set[int] = set()
        for m in mentions:
            i = max(0, bisect_left(starts, m.start + 1) - 1)
            self.mention_at.setdefault(i, []).append(m)
            j = i
            while j < len(toks) and toks[j].start < m.end:
                self.in_mention.add(j)
                j += 1
        self.triggers: dict[int, _Trigger] = {}
        for i, t in enumerate(toks):
            if i in self.in_mention:
                continue
            trig = _trigger(t, i == 0 or t.boundary == "hard")
            if trig is not None:
                self.triggers[i] = trig
        self._subjects: dict[int, tuple[int, int] | None] = {}
        self._whats: dict[int, tuple[str, int, int] | None] = {}

    # token classes
    def role(self, i: int, trig: _Trigger) -> tuple[str, int] | None:
        """(``"from"``/``"to"``/``"path"``, tokens it spans) if token ``i`` is a role word in ``trig``'s scope."""
        toks = self.toks
        w = toks[i].word
        prev = toks[i - 1].word if i > 0 else ""
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if toks[i].arabic:
            if w in AR_ORIGIN:
                if nxt in _AR_NOT_ORIGIN_BEFORE:
                    return None
                if prev in _AR_PARTITIVE_AFTER:
                    # Partitive (آلاف من اللاجئين) unless a place's own name follows (آلاف من لبنان).
                    m = self.located(i + 1)
                    if m is None or m.form == "adjective":
                        return None
                return _ORIGIN, 1
            if w in AR_DESTINATION:
                return None if prev in _AR_NOT_DEST_AFTER else (_DEST, 1)
            if w in _AR_PATH:
                return "path", 1
            return None
        if w == "out" and nxt == "of":
            return _ORIGIN, 2
        if prev in _EN_NOT_ROLE_AFTER:
            return None
        if w in EN_ORIGIN:
            return _ORIGIN, 1
        if w in EN_DESTINATION or w in trig.extra_dest:
            return _DEST, 1
        if w in _EN_PATH:
            return "path", 1
        return None

    def stops(self, i: int) -> bool:
        t = self.toks[i]
        return t.word in (_AR_STOP if t.arabic else _EN_STOP)

    def is_article(self, i: int) -> bool:
        t = self.toks[i]
        return (not t.arabic and t.word in _EN_ARTICLES)

    def located(self, i: int) -> Mention | None:
        for m in self.mention_at.get(i, ()):
            if m.place is not None:
                return m
        return None

    # governed phrases
    def governed(self, k: int, trig: _Trigger) -> tuple[list[Mention], int]:
        """The places the role word before token ``k`` governs, and the token after the last of them."""
        gap = 0
        i = k
        n = len(self.toks)
        head = True  # the first word that is not an article
        while i < n:
            if i > k and self.toks[i].boundary:
                return [], i
            m = self.located(i)
            if m is not None:
                after = self._token_after(m.end)
                if after < n and not self.toks[after].boundary and self.toks[after].word in NOT_PLACE_AFTER:
                    return [], after
                return self.coordinated(m)
            # Arabic puts the head first (إلى طاولة المفاوضات); English puts it last, after its
            # modifiers (to the negotiating table), so every English word before the place counts.
            if (head or not self.toks[i].arabic) and not self.is_article(i):
                head = False
                w = self.toks[i].word
                if w in NOT_PLACE_HEADS or (w.startswith("ال") and w[2:] in NOT_PLACE_HEADS):
                    return [], i
            if i in self.mention_at:  # an unlocated place: the end has no position
                return [], i
            if i in self.triggers or self.stops(i) or self.role(i, trig) is not None:
                return [], i
            if not self.is_article(i):
                gap += 1
                if gap > _MAX_GAP:
                    return [], i
            i += 1
        return [], i

    def coordinated(self, first: Mention) -> tuple[list[Mention], int]:
        """``first`` and the places coordinated with it (X, Y and Z; الهول وروج)."""
        found = [first]
        last = first
        k = bisect_left(self.mention_starts, first.end)
        for m in self.mentions[k:]:
            if m.start - last.end > _MAX_COORD_GAP:  # "X, Y and the Z camps": a list's joints are short
                break
            gap = self.text[last.end : m.start]
            words = fold(gap).text.replace(",", " , ").split()  # fold: ، → , and no tashkeel (وَ)
            if not words or not all(w in _EN_COORD or w in _AR_COORD or w == "," or w in _CUE_WORDS
                                    for w in words):
                break
            if not any(w != "the" and w not in _CUE_WORDS for w in words):
                break
            if not _HARD.isdisjoint(gap):
                break
            if m.place is not None:
                found.append(m)
            last = m
        return found, self._token_after(last.end)

    def _token_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def direct_object(self, i: int, trig: _Trigger) -> Mention | None:
        """A place right after the trigger that is its object: fled Khartoum, غادر الوفد الدوحة."""
        toks = self.toks
        if trig.arabic:
            for j in range(i + 1, min(len(toks), i + 6)):
                if toks[j].boundary or self.role(j, trig) is not None or self.stops(j) or j in self.triggers:
                    return None
                m = self.located(j)
                if m is not None and m.form != "adjective":
                    return m
            return None
        j = i + 1
        while j < len(toks) and not toks[j].boundary and (toks[j].word in _EN_ARTICLES or toks[j].word in
                                                           _CUE_WORDS or toks[j].word == "of"):
            if self.located(j) is not None:
                break
            j += 1
        if j < len(toks) and not toks[j].boundary:
            m = self.located(j)
            if m is not None and m.form != "adjective":
                return m
        return None

    # what moves
    def span_text(self, a: int, b: int) -> tuple[str, int, int] | None:
        """The original text of tokens ``a..b-1`` (``None`` when empty)."""
        if b <= a:
            return None
        s, e = self.toks[a].start, self.toks[b - 1].end
        return self.text[s:e], s, e

    def what(self, i: int, trig: _Trigger, scope_end: int, first_role: int, obj: Mention | None
             ) -> tuple[str, int, int] | None:
        """What moves, as written, or ``None`` when the sentence does not say."""
        toks = self.toks
        # The words between the trigger and its first role word (or the end of its scope).
        stop = min(first_role, scope_end)
        if obj is not None:
            stop = min(stop, self._token_after(obj.start))
        after = list(range(i + 1, min(stop, i + 1 + _MAX_WHAT)))
        if trig.arabic:
            if trig.kind == "n":
                if after and toks[after[0]].word in _AR_COMPOUND:
                    after = after[1:]
                return self.span_text(after[0], after[-1] + 1) if after else None
            if not after:
                if toks[i].word[0] == "و" and self._whats:  # وتقدمت: the same subject as the verb before
                    return self._whats[next(reversed(self._whats))]
                return self.subject_left(i)
            passive = _DAMMA in self.text[toks[i].start : toks[i].end][:3]
            if trig.lemma in _AR_TRANSITIVE and not passive:
                return self._ar_object(after)
            return self.span_text(after[0], after[-1] + 1)
        # English
        words = [j for j in after if toks[j].word not in _EN_ADVERBS]
        noun = (i > 0 and toks[i - 1].word in _EN_NOUN_BEFORE) or (i + 1 < len(toks) and toks[i + 1].word == "of")
        if noun:
            if i + 1 < len(toks) and toks[i + 1].word == "of":
                return self.span_text(i + 2, after[-1] + 1) if len(after) > 1 else None
            if i > 1 and toks[i - 1].word == "s":  # the president's return
                return self.subject_left(i - 1)
            return None
        passive = i > 0 and toks[i - 1].word in _EN_PASSIVE
        if words and not passive:
            return self.span_text(words[0], words[-1] + 1)
        return self.subject_left(i)

    def _ar_object(self, after: list[int]) -> tuple[str, int, int] | None:
        toks = self.toks
        # The object of a transitive verb follows its subject: it starts at a number or an
        # indefinite accusative (جنوداً), else after the subject's definite words (السلطات التركية).
        for j in after:
            if toks[j].word[0].isdigit() or self.text[toks[j].start : toks[j].end].endswith(("اً", "ًا")):
                return self.span_text(j, after[-1] + 1)
        k = 1
        while k < len(after) and toks[after[k]].word.startswith("ال"):
            k += 1
        if k < len(after):
            if toks[after[k]].word in AR_ORIGIN:  # الدفعة المقبلة من المحتجزين: one phrase, no subject
                return self.span_text(after[0], after[-1] + 1)
            return self.span_text(after[k], after[-1] + 1)
        if len(after) < 2:
            return None
        # All definite (فرق الدفاع المدني السكان): the object is the last noun, with its adjective.
        last = after[-1]
        if len(after) > 2 and toks[last].word.endswith(("ي", "يه", "يين", "يون")):
            last -= 1
        return self.span_text(last, after[-1] + 1)

    def _skip_aux_left(self, i: int) -> int:
        toks = self.toks
        j = i - 1
        while j >= 0 and not toks[j + 1].boundary and toks[j].word in _EN_AUX:
            j -= 1
        return j

    def subject_left(self, i: int) -> tuple[str, int, int] | None:
        """The subject before the trigger at ``i`` (bounded; shared with an earlier coordinated verb)."""
        if i in self._subjects:
            hit = self._subjects[i]
            return None if hit is None else self.span_text(*hit)
        toks = self.toks
        arabic = toks[i].arabic
        j = i - 1 if arabic else self._skip_aux_left(i)
        end = j + 1
        if toks[i].boundary:
            self._subjects[i] = None
            return None
        if j >= 0 and not arabic and toks[j].word in ("and", "then"):
            earlier = [t for t in self.triggers if t < j]
            self._subjects[i] = None
            return self.subject_left(earlier[-1]) if earlier else None
        start = end
        while j >= 0 and end - j <= _MAX_WHAT:
            w = toks[j].word
            if j in self.triggers:
                self._subjects[i] = None
                # English shares the subject of an earlier verb; an Arabic verb's subject follows it.
                return None if arabic else self.subject_left(j)
            if arabic and w in _AR_REL:
                if w.startswith("ال"):  # اللاجئون الذين عادوا: the noun before the relative
                    j -= 1
                    end = j + 1
                    start = end
                    continue
                break
            if not arabic and w in _EN_SUBJECT_BOUNDARY:
                break
            start = j
            if toks[j].boundary:
                break
            j -= 1
        span = (start, end) if end > start else None
        self._subjects[i] = span
        return None if span is None else self.span_text(*span)

    def _not_moving(self, start: int) -> bool:
        """Whether the "what" starting at ``start`` is a message, power or control (nothing moves)."""
        w = self.toks[self._token_after(start)].word
        return w in NOT_MOVING or (w.startswith("ال") and w[2:] in NOT_MOVING)

    # one trigger
    def movements_of(self, i: int, trig: _Trigger) -> list[Movement]:
        toks = self.toks
        origins: list[Mention] = []
        dests: list[Mention] = []
        obj = self.direct_object(i, trig) if trig.object_role else None
        if obj is not None:
            (origins if trig.object_role == _ORIGIN else dests).append(obj)
        j = i + 1
        n = len(toks)
        first_role = n
        limit = min(n, i + 1 + _MAX_SCOPE)
        while j < limit:
            t = toks[j]
            if t.boundary:
                break
            if (j in self.triggers and t.word not in _AR_CONTINUE) or self.stops(j):
                break
            role = self.role(j, trig)
            if role is None:
                j += 1
                continue
            kind, width = role
            if kind == "path":
                first_role = min(first_role, j)
                j += width
                continue
            places, after = self.governed(j + width, trig)
            if places:  # a role word that governs no place may be inside what moves (دفعة جديدة من مواطنيها)
                first_role = min(first_role, j)
            (origins if kind == _ORIGIN else dests).extend(places)
            j = max(after, j + width)
        if not origins and not dests:
            return []
        what = self._whats[i] = self.what(i, trig, j, first_role, obj)
        if what is not None and self._not_moving(what[1]):
            return []
        out = []
        tok = toks[i]
        for o in origins or [None]:
            for d in dests or [None]:
                if o is not None and d is not None and o.place_id == d.place_id:
                    continue  # from a place to itself: nothing to draw
                out.append(Movement(
                    trigger=self.text[tok.start : tok.end], trigger_start=tok.start, trigger_end=tok.end,
                    from_place=o.place if o else None, to_place=d.place if d else None,
                    what=what[0] if what else None, what_start=what[1] if what else None,
                    what_end=what[2] if what else None,
                    sentence_start=self.start, sentence_end=self.end, quote=self.text[self.start : self.end],
                    from_start=o.start if o else None, from_end=o.end if o else None,
                    to_start=d.start if d else None, to_end=d.end if d else None,
                ))
        return out



def extract_movements(situation: ParsedText) -> tuple[Movement, ...]:
    """Every movement the statement states, in text order.

    Parameters
    ----------
    situation
        What :func:`geo.geoparse` returned: the ends of a movement are its resolved mentions.

    Returns
    -------
    tuple[Movement, ...]
        One movement per trigger × origin × destination; an end the sentence does not
        name is ``None`` (a movement with neither end is not kept).

    Examples
    --------
    >>> from geo import geoparse
    >>> [(m.trigger, m.from_place_id, m.to_place_id) for m in extract_movements(
    ...     geoparse("Two convoys moved from Damascus to Baghdad."))]
    [('moved', 'geonames:170654', 'geonames:98182')]
    """
    text = situation.text
    if not situation.mentions:
        return ()
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in situation.mentions:
        by_sentence.setdefault((m.sentence_start, m.sentence_end), []).append(m)
    out: list[Movement] = []
    # Only sentences that name a place can state a movement: the others are never tokenized.
    for (ss, se), mentions in by_sentence.items():
        sent_toks = _tokens(text, ss, se)
        if not sent_toks:
            continue
        sent = _Sentence(text, sent_toks, mentions, ss, se)
        seen: set[tuple[int, str | None, str | None]] = set()
        for i, trig in sent.triggers.items():
            for mv in sent.movements_of(i, trig):
                key = (mv.trigger_start, mv.from_place_id, mv.to_place_id)
                if key not in seen:
                    seen.add(key)
                    out.append(mv)
    out.sort(key=lambda mv: (mv.trigger_start, mv.from_start or -1, mv.to_start or -1))
    return tuple(out)
