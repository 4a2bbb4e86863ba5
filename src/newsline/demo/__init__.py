"""The bundled demo corpus: a fictional story told by 44 short news articles.

The story (invented places, companies and people): on Thursday 3 September
2026 a corroded valve on a storage tank at the Varnell Chemical plant in
Alder Ford leaks about 9,000 gallons of solvent into the Tessaly River. A
neighborhood is evacuated, the town's tap water is declared unsafe,
residents sue, a state Senate committee holds a hearing, regulators fine the
company, the river is cleaned and reopened, investigators report, and the
lawsuit is settled.

The corpus exercises every ingest path: plain-text files with ``Title:``,
``Date:``, ``Source:`` and ``URL:`` headers, HTML pages with navigation and
footer boilerplate, a JSON-lines export, one syndicated near-duplicate, one
undated article, repeated headlines, "Latest News"/"Share this article"
lines and per-outlet footers. Dates in the text are mostly relative to
publication ("early Thursday", "last week", "the Sept. 3 spill").
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

__all__ = ["DEMO_QUERY", "DEMO_TITLE", "EXPECTED_EVENTS", "corpus_path"]

#: Title shown on the demo timeline.
DEMO_TITLE = "The Tessaly River chemical spill"

#: No keyword filter: every article in the corpus is about the story.
DEMO_QUERY: str | None = None

#: The key events written into the corpus: (date, keyword). A good timeline of
#: the corpus has an entry on each date whose sentences contain the keyword
#: (case-insensitive substring).
EXPECTED_EVENTS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2026, 9, 3), "leak"),  # Tank 4 leaks solvent into the river
    (dt.date(2026, 9, 4), "evacuat"),  # Lowmill evacuated, do-not-use water order
    (dt.date(2026, 9, 5), "apologi"),  # Varnell's chief executive apologizes
    (dt.date(2026, 9, 10), "lawsuit"),  # class action filed
    (dt.date(2026, 9, 18), "water"),  # do-not-use water order lifted for the whole town
    (dt.date(2026, 9, 30), "alarm"),  # Senate hearing: alarm was switched off
    (dt.date(2026, 10, 8), "fine"),  # state cites 11 violations, $2.4 million fine
    (dt.date(2026, 10, 20), "reopen"),  # sediment removed, river reopens
    (dt.date(2026, 10, 29), "report"),  # review board's preliminary report
    (dt.date(2026, 11, 12), "settle"),  # $18.5 million settlement
    (dt.date(2026, 11, 18), "approval"),  # judge's preliminary approval
)

#: The article published without any date (no header, no date in its name).
UNDATED_FILE = "letter-to-the-editor.txt"

#: A syndicated copy and its original: same story, different first and last lines.
SYNDICATED_PAIR = ("statewire-evacuation.txt", "northbank-evacuation-syndicated.txt")


def corpus_path() -> Path:
    """The folder of the bundled corpus (pass it to ``newsline.load``)."""
    return Path(str(files(__name__).joinpath("corpus")))
