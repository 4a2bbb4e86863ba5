"""The --query syntax: phrases, OR, -exclusion; and the line saying why fewer dates came out."""

from __future__ import annotations

import datetime as dt
import json

from newsline import build_timeline
from newsline.cli.main import main
from newsline.model import Article
from newsline.query import Query, parse

TEXTS = [
    ("a", "2019-10-27", "Abu Bakr al-Baghdadi was killed in a raid on 26 October 2019, officials said. "
     "The football match on 27 October 2019 went ahead as planned. Bakr Street was closed on 25 October 2019."),
    ("b", "2019-10-28", "The death of Baghdadi on 26 October 2019 was confirmed by the president. "
     "A football club said on 28 October 2019 that Baghdadi fans were banned from the ground."),
]  # fmt: skip


def articles() -> list[Article]:
    return [Article(i, t, published=dt.date.fromisoformat(d)) for i, d, t in TEXTS]


def test_parse():
    assert parse('"Abu Bakr al-Baghdadi" OR Baghdadi -football') == Query(
        ("abu bakr al-baghdadi", "baghdadi"), ("football",)
    )
    assert parse("BP's oil, spill") == Query(("bp", "oil", "spill"))
    assert parse('egypt -"world  cup" -') == Query(("egypt", "-"), ("world cup",))
    assert parse("") == Query() and not parse(None)


def test_phrase_or_and_exclusion_select_sentences():
    timeline = build_timeline(articles(), query='"Abu Bakr al-Baghdadi" OR Baghdadi -football', n_dates=3)
    texts = [s.text for e in timeline for s in e.sentences]
    assert texts and all("baghdadi" in t.lower() and "football" not in t for t in texts)
    # the phrase is one term: "Bakr" alone does not select the street closure
    assert not any("Bakr Street" in t for t in texts)
    # without the exclusion, the football club's sentence can be selected
    loose = build_timeline(articles(), query="Baghdadi", n_dates=3, n_sentences=2)
    assert any("football" in s.text for e in loose for s in e.sentences)


def test_fewer_dates_than_asked_says_why(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "date": d, "text": t}) for i, d, t in TEXTS))
    out = tmp_path / "t.json"
    code = main(["build", str(f), "--query", "Baghdadi -football", "-n", "5", "-o", str(out)])
    assert code == 0
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "instead of the 5 asked" in x]
    assert "sentences matching --query mention only" in line
    assert json.loads(out.read_text())["meta"]["notes"]


def test_shortfall_counts_read_in_the_singular_and_plural():
    from newsline.explain import _n

    assert (_n(1, "distinct date"), _n(2, "sentence"), _n(0, "sentence")) == (
        "1 distinct date", "2 sentences", "0 sentences",
    )  # fmt: skip
