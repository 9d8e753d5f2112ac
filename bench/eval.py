"""``make eval``: the parser on the public development corpora, scored with each corpus's own conventions.

The corpora live outside the repository (``../shared/public-dev``, or ``--data DIR``, or the environment
variable ``GEO_PUBLIC_DEV``): publishers' articles and Wikipedia text that must never be copied in. Their
scorer (``score.py`` beside them) is loaded from there at run time, so spans are matched exactly as it
matches them (one-to-one; "exact" = same offsets, "overlap" = a shared character) and errors are measured
with its great-circle distance. When the corpora are absent this says so and exits 0.

Conventions applied per set (see the corpora's README):

* LGL and TR-News annotate demonyms and adjectives ("Russian" → Russia): every mention is scored.
* GeoVirus, Wojood and AQMAR do not: mentions whose ``form`` is ``"adjective"`` (a nisba or demonym read
  as its country) are dropped before scoring.
* Wojood: gold nested inside an organisation's name is dropped (``--drop-inside ORG``): our design reads an
  organisation's name as no place mention. Wojood also tags a country named as a political actor (روسيا as the
  subject of أعلنت, موقف روسيا, حكومة فلسطين) ORG, where our parser keeps the place (a map must show it) and flags the
  mention ``state_actor`` (``geo.scoring.Evidence.STATE_ACTOR``). Wojood gets two rows: as parsed (first), then
  "states acting aside", with the flagged mentions left out of the predictions (they count neither as hits nor
  as false positives there).
* WikToR annotates only each article's own toponym: recall and geocoding only, its precision means nothing.
* Wojood and AQMAR annotate whole whitespace tokens (their text is tokens joined by spaces), so a gold span
  carries the proclitic the parser leaves out of its quote (وبغداد, لمانشستر: in every case of both corpora).
  Before scoring, a prediction's start is moved back over the one to three proclitic letters (و ف ب ل ك ع) that
  begin its word (``token_start``): the corpora's tokenisation, not a change of what the parser quotes. The
  row "exact, spans as parsed" scores the parser's own spans.
* Arabic sets also get "exact, head noun and proclitic aside", which also lets the gold span start with head
  nouns of places (مدينة جنين, قضاء مدينة عكا, محافظة غزة: Wojood's GPE spans include them, our mentions name
  the place alone) or a proclitic on either side.

An unlocated mention (a cue with a name the gazetteer lacks) is scored like any other span; matched, it
counts at the scorer's maximum error (it has no coordinates).

Run: ``make eval`` or ``python bench/eval.py [--sets lgl,wojood] [--limit N] [--jobs 2]``. Writes
``bench/results_eval.md`` (``--out``) and, with ``--pred-dir``, the predictions in the scorer's format.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "public-dev"
#: Arabic proclitic letters: moved over to a whole token's start, and the "proclitic aside" measure.
PROCLITIC_LETTERS = frozenset("وفبلكع")  # (ع: the Levantine "on, to" of عالشام, which the parser also takes off)


@dataclass(frozen=True)
class EvalSet:
    """One corpus and the conventions it is scored with."""

    key: str
    file: str
    label: str
    lang: str
    adjectives: bool            # gold annotates demonyms/adjectives
    precision: bool = True      # precision is meaningful (not for WikToR)
    drop_inside: frozenset[str] = frozenset()
    whole_tokens: bool = False  # gold spans are whole whitespace tokens (proclitics included)
    actors_aside: bool = False  # also scored with the mentions flagged state_actor left out (a second row)


SETS: tuple[EvalSet, ...] = (
    EvalSet("lgl", "lgl.jsonl", "LGL", "en", adjectives=True),
    EvalSet("trnews", "trnews.jsonl", "TR-News", "en", adjectives=True),
    EvalSet("geovirus", "geovirus.jsonl", "GeoVirus", "en", adjectives=False),
    EvalSet("wiktor", "wiktor.jsonl", "WikToR", "en", adjectives=True, precision=False),
    EvalSet("wojood", "wojood.jsonl", "Wojood", "ar", adjectives=False, drop_inside=frozenset({"ORG"}),
            whole_tokens=True, actors_aside=True),
    EvalSet("aqmar", "aqmar.jsonl", "AQMAR", "ar", adjectives=False, whole_tokens=True),
)

# GeoNames feature codes → the classes recall is reported by (LGL, TR-News carry fcode).
_FCODE_CLASS = {
    "PCLI": "country", "PCLS": "country", "PCLD": "country", "PCLF": "country", "PCLIX": "country",
    "PCL": "country", "TERR": "country", "ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2",
    "ADM3": "admin3+", "ADM4": "admin3+", "ADMD": "admin3+", "CONT": "continent/region", "RGN": "continent/region",
    "AREA": "continent/region", "RGNE": "continent/region",
}


def fcode_class(code: str | None) -> str:
    """A coarse class of a GeoNames feature code: country, admin1, city ... (``-`` when absent)."""
    if not code:
        return "-"
    if code in _FCODE_CLASS:
        return _FCODE_CLASS[code]
    if code.startswith("PPL"):
        return "populated place"
    if code in ("STM", "LK", "SEA", "BAY", "GULF", "OCN", "MT", "MTS", "ISL", "ISLS", "DSRT", "VAL", "PLN"):
        return "natural feature"
    return "other (facility, area ...)"


def load_scorer(data: Path) -> ModuleType:
    """The corpora's own scorer (``score.py``), imported from beside them at run time."""
    spec = importlib.util.spec_from_file_location("public_dev_score", data / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {data / 'score.py'}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def spread(docs: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """At most ``limit`` documents spread evenly over the set (its order is by source, not random)."""
    if not limit or limit >= len(docs):
        return docs
    step = len(docs) / limit
    return [docs[int(k * step)] for k in range(limit)]


# -- prediction (in worker processes) ----------------------------------------------------------------

_GAZ: Any = None


def _init() -> None:
    global _GAZ
    if _GAZ is None:
        from geo import load_gazetteer

        _GAZ = load_gazetteer()


def _form(rec: dict[str, Any]) -> str:
    """``"adjective"`` or ``"name"``: the record's own ``form``."""
    return rec["form"]


def predict(item: tuple[str, str]) -> tuple[str, list[dict[str, Any]], float]:
    """Parse one document: its id, mentions as the scorer reads them, seconds taken."""
    from geo import geoparse
    from geo.export import mention_record

    _init()
    did, text = item
    t = time.perf_counter()
    s = geoparse(text, gazetteer=_GAZ)
    took = time.perf_counter() - t
    out = []
    for m in s.mentions:
        rec = mention_record(m)
        out.append({"start": rec["start"], "end": rec["end"], "lat": rec["lat"], "lon": rec["lon"],
                    "text": rec["text"], "name": rec["name"], "place_id": rec["place_id"],
                    "form": _form(rec), "actor": "state_actor" in rec["evidence"]})
    return did, out, took


def predict_all(docs: list[dict[str, Any]], jobs: int) -> tuple[dict[str, list[dict[str, Any]]], float]:
    """Mentions per document id, and the parser's own time (summed over documents)."""
    items = [(d["id"], d["text"]) for d in docs]
    if jobs > 1 and len(items) > 20:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, initializer=_init) as pool:
            results = pool.map(predict, items, chunksize=max(1, len(items) // (jobs * 8)))
    else:
        results = [predict(it) for it in items]
    return {did: ms for did, ms, _ in results}, sum(t for _, _, t in results)


# -- scoring ------------------------------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class SetResult:
    es: EvalSet
    docs: int
    seconds: float
    dropped_adjectives: int
    modes: dict[str, Counts] = field(default_factory=dict)
    dists: dict[str, list[float]] = field(default_factory=dict)
    by_type: dict[str, Counts] = field(default_factory=dict)
    by_fcode: dict[str, Counts] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    far: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)


def _is_head_prefix(prefix: str) -> bool:
    """Whether ``prefix`` is only Arabic head nouns of places (مدينة, قرية, قضاء مدينة, محافظة), each perhaps
    with a proclitic: Wojood's GPE spans include them, ours name the place alone."""
    from geo.text import CUES, FACILITY_CUES_AR, fold_name, strip_proclitics

    words = prefix.split()
    if not words:
        return False
    heads = {w for w in CUES if not w.isascii()} | {w for w, k in FACILITY_CUES_AR.items() if k == "district"}
    for w in words:
        f = fold_name(w)
        if f not in heads and not any(st in heads for _, st in strip_proclitics(f)):
            return False
    return True


def token_start(text: str, start: int) -> int:
    """Where the whitespace token holding ``start`` begins, when only one to three proclitic letters (و ف ب ل ك ع)
    lie between: the start of the span as a corpus of whole tokens writes it (وبغداد for بغداد); else ``start``."""
    k = start
    while k > 0 and start - k < 3 and text[k - 1] in PROCLITIC_LETTERS:
        k -= 1
    if k < start and (k == 0 or not text[k - 1].isalnum()):
        return k
    return start


def _clitic_pairs(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                  pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Exact pairs plus pairs whose spans end together and start apart by one or two proclitic letters at the start
    of a word (وبغداد / بغداد) or by head nouns of places (مدينة جنين / جنين): "exact, head noun and proclitic aside"
    (the whole-token row, :func:`token_start`, moves a start back over up to three proclitic letters, ع included)."""
    out = list(pairs)
    used_g = {i for i, _ in pairs}
    used_p = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, p in enumerate(pred):
            if j in used_p or p["end"] != g["end"] or p["start"] == g["start"]:
                continue
            a, b = sorted((p["start"], g["start"]))
            prefix = text[a:b]
            if ((len(prefix) <= 2 and set(prefix) <= PROCLITIC_LETTERS) or _is_head_prefix(prefix)) \
                    and (a == 0 or not text[a - 1].isalnum()):
                out.append((i, j))
                used_g.add(i)
                used_p.add(j)
                break
    return out


def _ctx(text: str, s: int, e: int, w: int = 50) -> str:
    return (text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w]).replace("\n", " ")


def score_set(es: EvalSet, docs: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]],
              scorer: ModuleType, seconds: float, examples: int) -> SetResult:
    """Score one set's predictions with the corpus scorer's matching and distance."""
    res = SetResult(es, len(docs), seconds, 0)
    modes = ("exact", "overlap") + (("exact, spans as parsed", "exact, head noun and proclitic aside")
                                     if es.lang == "ar" else ())
    res.modes = {m: Counts() for m in modes}
    res.dists = {m: [] for m in modes}
    res.examples = {"missed": [], "spurious": [], "far": []}
    for d in docs:
        text = d["text"]
        gold = [g for g in d["gold"] if not es.drop_inside & set(g.get("inside") or ())]
        pred = preds.get(d["id"], [])
        if not es.adjectives:
            kept = [m for m in pred if m["form"] != "adjective"]
            res.dropped_adjectives += len(pred) - len(kept)
            pred = kept
        parsed = pred
        if es.whole_tokens:
            pred = [{**m, "start": token_start(text, m["start"])} for m in pred]
        exact = scorer.match(gold, pred, True)
        for mode in modes:
            if mode == "exact":
                pairs = exact
            elif mode == "overlap":
                pairs = scorer.match(gold, pred, False)
            elif mode == "exact, spans as parsed":
                pairs = scorer.match(gold, parsed, True)
            else:
                pairs = _clitic_pairs(text, gold, pred, exact)
            c = res.modes[mode]
            c.tp, c.gold, c.pred = c.tp + len(pairs), c.gold + len(gold), c.pred + len(pred)
            for i, j in pairs:
                gc = scorer.coords(gold[i])
                if gc is None:
                    continue
                pc = scorer.coords(pred[j])
                dist = scorer.km(gc[0], gc[1], pc[0], pc[1]) if pc else scorer.MAX_KM
                res.dists[mode].append(dist)
                if mode == "overlap" and dist > 161:
                    res.far[f"{gold[i]['text']} → {pred[j]['name'] or 'unlocated'}"] += 1
                    if len(res.examples["far"]) < examples:
                        res.examples["far"].append(f"{d['id']} {dist:.0f} km → {pred[j]['name']}: "
                                                   + _ctx(text, gold[i]["start"], gold[i]["end"]))
            if mode != "overlap":
                continue
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, g in enumerate(gold):
                hit = i in matched_g
                for table, key in ((res.by_type, g.get("type") or "-"), (res.by_fcode, fcode_class(g.get("fcode")))):
                    tc = table.setdefault(key, Counts())
                    tc.gold += 1
                    tc.tp += hit
                if not hit:
                    res.missed[g["text"]] += 1
                    if len(res.examples["missed"]) < examples:
                        res.examples["missed"].append(f"{d['id']} {g.get('type')}: "
                                                      + _ctx(text, g["start"], g["end"]))
            if es.precision:
                for j, p in enumerate(pred):
                    if j not in matched_p:
                        res.spurious[f"{p['text']} → {p['name'] or 'unlocated'}"] += 1
                        if len(res.examples["spurious"]) < examples:
                            res.examples["spurious"].append(f"{d['id']} → {p['name']}: "
                                                            + _ctx(text, p["start"], p["end"]))
    return res


# -- report ------------------------------------------------------------------------------------------

def _acc(dists: list[float]) -> str:
    return f"{sum(1 for x in dists if x <= 161) / len(dists):.3f}" if dists else "–"


def _med(dists: list[float]) -> str:
    return f"{statistics.median(dists):.0f}" if dists else "–"


def _prf(c: Counts, precision: bool) -> str:
    return (f"{c.p:.3f} | {c.r:.3f} | {c.f1:.3f}" if precision else f"– | {c.r:.3f} | –")


def summary_table(results: list[SetResult]) -> list[str]:
    """One row per set: exact and overlap P/R/F1, acc@161 and median error."""
    lines = [
        "| set | docs | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 "
        "| acc@161 (exact) | acc@161 (overlap) | median km (overlap) | parse s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        e, o = r.modes["exact"], r.modes["overlap"]
        lines.append(f"| {r.es.label} | {r.docs} | {e.gold} | {e.pred} | {_prf(e, r.es.precision)} | "
                     f"{_prf(o, r.es.precision)} | {_acc(r.dists['exact'])} | {_acc(r.dists['overlap'])} | "
                     f"{_med(r.dists['overlap'])} | {r.seconds:.1f} |")
    return lines


def detail(r: SetResult, top: int) -> list[str]:
    """Per set: every measure, recall per gold type and class, the most frequent misses and errors."""
    es = r.es
    notes = []
    if es.drop_inside:
        notes.append(f"gold inside {'/'.join(sorted(es.drop_inside))} names dropped")
    if not es.adjectives:
        notes.append(f"{r.dropped_adjectives} adjective mentions dropped (the corpus does not annotate them)")
    if not es.precision:
        notes.append("only each article's own toponym is annotated: recall and geocoding only")
    out = [f"### {es.label} ({es.file}, {es.lang})", ""]
    if notes:
        out += ["; ".join(notes) + ".", ""]
    out += ["| measure | P | R | F1 | tp | gold | pred | acc@161 | median km | geocoded |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for mode, c in r.modes.items():
        ds = r.dists[mode]
        out.append(f"| {mode} | {_prf(c, es.precision)} | {c.tp} | {c.gold} | {c.pred} | {_acc(ds)} | "
                   f"{_med(ds)} | {len(ds)} |")
    out.append("")
    for title, table in (("gold type", r.by_type), ("GeoNames class", r.by_fcode)):
        if len(table) < 2 and title == "GeoNames class":
            continue
        out.append(f"Recall per {title} (overlap): " + ", ".join(
            f"{k} {c.r:.2f} ({c.tp}/{c.gold})" for k, c in sorted(table.items(), key=lambda kv: -kv[1].gold)))
        out.append("")
    for title, counter in (("Most frequent misses", r.missed), ("Most frequent false positives", r.spurious),
                           ("Most frequent errors > 161 km (gold → ours)", r.far)):
        if counter:
            out.append(f"{title}: " + "; ".join(f"{k} ×{n}" for k, n in counter.most_common(top)))
            out.append("")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("GEO_PUBLIC_DEV", DEFAULT_DATA)),
                    help="folder with the public-dev corpora and their score.py (default ../shared/public-dev)")
    ap.add_argument("--sets", default=",".join(s.key for s in SETS),
                    help="comma list of: " + ", ".join(s.key for s in SETS))
    ap.add_argument("--limit", type=int, default=0, metavar="N",
                    help="at most N documents per set, spread evenly (0: all; all six sets take ~2 min on one core)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results_eval.md"), help="markdown report ('' for none)")
    ap.add_argument("--pred-dir", type=Path, help="also write each set's predictions here (score.py's format)")
    ap.add_argument("--top", type=int, default=15, help="how many misses/false positives to list per set")
    ap.add_argument("--examples", type=int, default=0, help="print N examples in context of each error kind")
    a = ap.parse_args(argv)
    wanted = [s.strip() for s in a.sets.split(",") if s.strip()]
    unknown = [w for w in wanted if w not in {s.key for s in SETS}]
    if unknown:
        print(f"unknown set(s) {', '.join(map(repr, unknown))}; choose from {', '.join(s.key for s in SETS)}",
              file=sys.stderr)
        return 2
    present = [s for s in SETS if s.key in wanted and (a.data / s.file).is_file()]
    if not present or not (a.data / "score.py").is_file():
        print(f"make eval: the public development corpora are not here ({a.data} has no "
              f"{'score.py' if present else 'corpus files'}); nothing was scored. Point --data or "
              f"GEO_PUBLIC_DEV at a folder with lgl.jsonl ... aqmar.jsonl and score.py.")
        return 0
    scorer = load_scorer(a.data)
    t0 = time.perf_counter()
    _init()  # before forking: the workers share the loaded gazetteer
    results = []
    for es in present:
        docs = spread([json.loads(line) for line in (a.data / es.file).open(encoding="utf-8") if line.strip()],
                      a.limit)
        preds, took = predict_all(docs, a.jobs)
        if a.pred_dir:
            a.pred_dir.mkdir(parents=True, exist_ok=True)
            with (a.pred_dir / f"{es.key}.pred.jsonl").open("w", encoding="utf-8") as fh:
                for d in docs:
                    fh.write(json.dumps({"id": d["id"], "mentions": preds.get(d["id"], [])}, ensure_ascii=False)
                             + "\n")
        res = score_set(es, docs, preds, scorer, took, a.examples)
        rows = [res]
        if es.actors_aside:
            # The same predictions with the states acting left out: a second row, after the one as parsed.
            aside = replace(es, label=f"{es.label}, states acting aside", actors_aside=False)
            rows.append(score_set(aside, docs, {k: [m for m in ms if not m.get("actor")] for k, ms in preds.items()},
                                  scorer, took, 0))
        results.extend(rows)
        for r in rows:
            e, o = r.modes["exact"], r.modes["overlap"]
            print(f"{r.es.label}: exact P/R/F1 {e.p:.3f}/{e.r:.3f}/{e.f1:.3f}, overlap {o.p:.3f}/{o.r:.3f}/"
                  f"{o.f1:.3f}, acc@161 {_acc(r.dists['exact'])} ({len(docs)} docs, {took:.1f} s parsing)",
                  file=sys.stderr)
    wall = time.perf_counter() - t0
    missing = [s.label for s in SETS if s.key in wanted and s not in present]
    lines = ["# make eval: public development corpora", "",
             f"Command: `python bench/eval.py{' --limit %d' % a.limit if a.limit else ''}"
             f"{' --sets ' + a.sets if a.sets != ','.join(s.key for s in SETS) else ''}` "
             f"({a.jobs} worker{'s' if a.jobs > 1 else ''}, {wall:.0f} s wall). "
             "Scored with the corpora's own `score.py` (one-to-one matching; exact = same offsets, overlap = a "
             "shared character; acc@161 over matched gold with coordinates). Precision and F1 for WikToR are "
             "not meaningful. Adjective mentions are dropped for GeoVirus, Wojood and AQMAR; Wojood gold inside "
             "organisation names is dropped; Wojood and AQMAR annotate whole tokens, so an Arabic prediction "
             "starts at its token (the proclitic the parser leaves out of its quote included).", ""]
    if missing:
        lines += [f"Absent, not scored: {', '.join(missing)}.", ""]
    lines += summary_table(results) + [""]
    for r in results:
        lines += detail(r, a.top)
    report = "\n".join(lines)
    print(report)
    # Examples quote the corpora's text: printed only, never written into the repository's report.
    for r in results:
        for k, ex in r.examples.items():
            if ex:
                print(f"\n{r.es.label}, {k}:\n" + "\n".join(f"    {x}" for x in ex))
    if a.out:
        Path(a.out).write_text(report + "\n", encoding="utf-8")
        print(f"wrote {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
