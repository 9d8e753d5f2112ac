"""geo.worker: statements parsed in forked processes, within a budget, with a preview (issue 14 item 1/5).

Real processes (the fork server and one child per job), the real gazetteer.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
from newstext import arabic_news

from geo import geoparse
from geo.worker import ParseBudgetExceeded, ParsePool, pack_situation, preview_cut, unpack_situation, warm_up


def facts(situation) -> list[tuple]:
    # Every field of a Mention (the place by its id: its geometry is checked apart).
    return [(m.start, m.end, m.surface, m.sentence_start, m.sentence_end, m.place_id, m.confidence, m.reason, m.cue,
             m.form, m.candidates, m.evidence) for m in situation.mentions]


@pytest.fixture(scope="module")
def pool(gaz):
    warm_up()
    return ParsePool(max_workers=2, preview_chars=20_000)


@pytest.fixture(scope="module")
def news(gaz) -> str:
    return arabic_news(300_000, gaz)


def test_pack_and_unpack_keep_every_field(gaz):
    s = geoparse("اجتمع الوفد في دمشق ثم في مخيم الهول وسوريا. Talks in Baghdad; they fled to the Zahour camp.",
                 gazetteer=gaz)
    back = unpack_situation(s.text, pack_situation(s))
    assert facts(back) == facts(s) and back.lang == s.lang and back.text == s.text
    pairs = zip(s.places, back.places, strict=True)
    areas = [(a.place.geometry, b.place.geometry) for a, b in pairs if a.place.geometry]
    assert areas and all(a.equals(b) for a, b in areas)
    assert any(m.place is None for m in back.mentions)  # the unlocated camp survives as None
    assert any(m.candidates for m in back.mentions) and any(m.evidence for m in back.mentions)
    import dataclasses

    assert [f.name for f in dataclasses.fields(back.mentions[0])] == [  # a new field must be packed too
        "start", "end", "surface", "sentence_start", "sentence_end", "place", "confidence", "reason", "cue", "form",
        "candidates", "evidence"]


def test_a_job_gives_what_geoparse_gives(pool, gaz):
    text = "Officials met in Tripoli, Lebanon, then drove to Beirut and Damascus. " * 3
    job = pool.submit(text, lang="en")
    assert job.wait(60), job.state
    assert job.state == "done" and facts(job.situation()) == facts(geoparse(text, lang="en", gazetteer=gaz))
    assert pool.submit(text, lang="en") is job  # the same request shares the finished job
    assert pool.submit(text, lang="ar") is not job


def test_a_long_statement_sends_a_preview_first(pool, news, gaz):
    job = pool.submit(news)
    seen_preview = None
    while not job.wait(0.01):
        if job.preview is not None and seen_preview is None:
            seen_preview = job.preview
    assert job.state == "done", job.error
    assert seen_preview is not None, "no preview before the result"
    cut = preview_cut(news, 20_000)
    assert seen_preview.text == news[:cut] and len(seen_preview.places) > 50
    assert facts(job.result) == facts(geoparse(news, gazetteer=gaz))
    assert job.preview is None  # dropped once the result is there


def test_the_budget_stops_a_job_and_says_why(gaz):
    small = ParsePool(max_workers=1, budget_s=0.8, preview_chars=0)
    text = arabic_news(2_000_000, gaz)
    t0 = time.monotonic()
    job = small.submit(text)
    assert job.wait(10)
    assert time.monotonic() - t0 < 0.8 + 1.0
    assert job.state == "failed" and job.timed_out and "stopped after 1 s" in job.error
    with pytest.raises(ParseBudgetExceeded):
        job.situation()
    # A failed job is not kept: submitting again starts a new one.
    assert small.submit(text) is not job


def test_waiting_for_a_job_does_not_hold_this_process(pool, gaz):
    """The parse runs elsewhere: a thread here keeps running every few milliseconds meanwhile."""
    text = arabic_news(600_000, gaz)
    gaps: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    job = pool.submit(text + " ")
    job.wait(120)
    stop.set()
    ticker.join()
    assert job.state == "done"
    assert max(gaps) < 0.5, f"this process stalled for {max(gaps):.2f} s while the job ran"


def test_a_places_file_reaches_the_job(pool):
    shelter = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.9, 33.6]},
               "properties": {"id": "nour-shelter", "name": "Nour Shelter", "kind": "facility", "country_code": "LB"}}
    data = json.dumps({"type": "FeatureCollection", "features": [shelter]}).encode()
    job = pool.submit("Families reached the Nour Shelter on Monday.", places=data, places_name="up.geojson")
    assert job.wait(60) and [sp.place.place_id for sp in job.result.places] == ["user:nour-shelter"]


def test_an_input_error_in_the_job_is_reported_as_such(pool):
    job = pool.submit("Talks in Beirut.", places=b"{not json", places_name="broken.geojson")
    assert job.wait(60)
    assert job.state == "failed" and not job.timed_out and "broken.geojson" in job.error


def test_jobs_beyond_the_worker_count_wait_their_turn(gaz):
    one = ParsePool(max_workers=1, preview_chars=0)
    text = arabic_news(400_000, gaz)
    first = one.submit(text)
    second = one.submit("Talks in Beirut.")
    time.sleep(0.3)
    assert first.state == "running" and second.state == "queued"
    assert second.wait(120) and second.state == "done" and first.state == "done"
    assert second.finished >= first.finished
