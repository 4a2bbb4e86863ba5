"""Articles written for the store tests: a small harbour-strike story, and a generator."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

STORY = [
    ("dock-1", "2021-03-01", "Dockers vote to strike",
     "Dock workers in Port Ellery voted on Monday to strike over pay.\n"
     "The union said the walkout would begin on March 8, 2021.\n"
     "Harbour managers called the vote regrettable."),
    ("dock-2", "2021-03-08", "Harbour strike begins",
     "The harbour strike began on Monday as dock workers left the cranes idle.\n"
     "Ships queued outside Port Ellery by the evening.\n"
     "The union said talks could resume on March 12."),
    ("dock-3", "2021-03-12", "Talks resume in harbour strike",
     "Talks between the union and harbour managers resumed on Friday.\n"
     "Both sides said the meeting on March 12, 2021 was constructive.\n"
     "A mediator will join the talks next week."),
    ("dock-4", "2021-03-19", "Strike ends after deal",
     "The harbour strike ended on Friday after dock workers accepted a pay deal.\n"
     "Cranes were moving again at Port Ellery on March 20, 2021.\n"
     "The union called the deal a fair result after the strike that began on March 8."),
    ("rail-1", "2021-03-15", "Rail line reopens",
     "The coastal rail line reopened on Monday after repairs to the bridge.\n"
     "Engineers had closed the line on February 2, 2021."),
]

WORDS = ["council", "harbour", "budget", "river", "bridge", "school", "market", "festival", "storm", "ferry", "museum", "library", "tram", "hospital", "election", "garden", "factory", "orchestra", "stadium", "airport", "tunnel", "vineyard", "lighthouse", "bakery", "quarry", "canal", "forest", "glacier", "island", "valley", "mayor", "inspector", "engineer", "teacher", "farmer", "pilot", "nurse", "judge", "sailor", "miner", "painter"]
VERBS = ["opened", "closed", "approved", "delayed", "rebuilt", "inspected", "praised", "criticised", "funded", "visited"]


def write_story(path: Path, rows: list[tuple[str, str, str, str]] = STORY) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for aid, day, title, text in rows:
            f.write(json.dumps({"id": aid, "time": day, "title": title, "text": text,
                                "url": f"https://news.example/{aid}"}) + "\n")
    return path


def generated(n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` distinct dated articles of random sentences (no two near duplicates)."""
    rng = random.Random(seed)
    base = dt.date(2020, 1, 1)
    out = []
    for i in range(n):
        day = base + dt.timedelta(days=rng.randrange(365))
        sents = []
        for _ in range(rng.randrange(5, 12)):
            when = day - dt.timedelta(days=rng.randrange(1, 20))
            a, b = rng.sample(WORDS, 2)
            sents.append(f"The {a} {rng.choice(VERBS)} the {b} on {when:%B} {when.day}, {when.year}, "
                         f"officials in district {rng.randrange(1000)} said.")
        out.append({"id": f"gen-{seed}-{i}", "time": day.isoformat(), "title": f"Report {i}",
                    "text": "\n".join(sents)})
    return out


def write_generated(path: Path, n: int, seed: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for rec in generated(n, seed):
            f.write(json.dumps(rec) + "\n")
    return path
