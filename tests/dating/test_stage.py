"""The stage's switches on articles written for the test (shipped prior)."""

from __future__ import annotations

import datetime as dt

from newsline.core import prepare_document
from newsline.dating import DatingOptions, estimate_documents
from newsline.model import Article

WIRE = (
    "HARBOURTON, March 14 (Wirenews) - The council of Harbourton voted on Tuesday to "
    "close the Brennick ferry pier, which has stood since 1998."
)
DATED = "The council of Harbourton voted to close the Brennick ferry pier after the storms."


def test_wire_datelines_have_their_own_term_unless_switched_off() -> None:
    other = ["Wheat prices rose at the market.", "The orchestra played Brahms.", "Snow fell."]
    docs = [
        prepare_document(Article("wire", WIRE)),
        prepare_document(Article("dated", DATED, published=dt.date(2017, 3, 13))),
        *(prepare_document(Article(f"o{k}", t, published=dt.date(2016, 1, 5)))
          for k, t in enumerate(other)),
    ]  # fmt: skip
    on = estimate_documents(docs, DatingOptions())[0]
    assert on is not None and on.is_day and on.best == dt.date(2017, 3, 14)
    assert "partial-dateline" in [x.rule for x in on.evidence]
    # off, the month and day is a partial date: a lower bound
    off = estimate_documents(docs, DatingOptions(wire_datelines=False))[0]
    assert off is not None
    assert [x.rule for x in off.evidence if "dateline" in x.rule] == []
    assert "latest-past-date" in [x.rule for x in off.evidence]
