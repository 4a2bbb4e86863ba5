"""Sentence quality: leading bylines, datelines and credits trimmed; form prior; entry labels."""

from __future__ import annotations

import pytest

from newsline.text.quality import entry_label, is_stamp, prior, trim


def test_quality_prior_penalises_a_bare_dateline():
    bare = "CAIRO , Egypt -LRB- CNN -RRB- -- `` Freedom ! ''"
    full = "CAIRO , Egypt -LRB- CNN -RRB- -- Thousands marched to the square on Friday demanding change ."
    assert prior(bare, fragment=0.3) == pytest.approx(0.3 * prior(bare))
    assert prior(full, fragment=0.3) == prior(full)


def test_widget_buttons_are_trimmed_and_not_taken_for_a_comment():
    text = "YES | NO Egyptian President Hosni Mubarak stepped down as president of Egypt on February 11 ."
    assert text[trim(text):].startswith("Egyptian President")
    assert prior(text) == prior(text[trim(text):]) == 1.0
    comment = "February 3 , 2011 at 11:49 pm | Report abuse | If this was n't caused by Mubarak , who ?"
    assert trim(comment) == 0 and prior(comment) < 1.0


@pytest.mark.parametrize(
    "text, label",
    [
        ("March 17 - The U.N. Security Council votes to authorize a no-fly zone .", "March 17 - "),
        ("Feb. 11 , 2011 : Mubarak steps down and hands power to the army .", "Feb. 11 , 2011 : "),
        ("- 17 March 2011 -- The Security Council votes for a no-fly zone over Libya .",
         "- 17 March 2011 -- "),
        ("Friday , May 5 : A barge begins towing a containment dome to the leak .",
         "Friday , May 5 : "),
        ("2010-06-16 : BP agrees to put $ 20 billion into an escrow fund for claims .",
         "2010-06-16 : "),
        ("\\* May 6 - Oil washes ashore on the barrier islands off the coast .", "\\* May 6 - "),
        # A date followed by a comma belongs to the sentence; no label.
        ("On March 17 , the Security Council voted to authorize a no-fly zone .", ""),
        ("March 2011 - The month the uprising spread to every province of the country .", ""),
        ("March 17 - Vote passes .", ""),  # too little after the label
        ("The Security Council voted on March 17 - a Thursday - for a no-fly zone .", ""),
    ],
)
def test_entry_label_finds_the_date_label_of_a_timeline_entry(text, label):
    assert text[: entry_label(text)] == label


@pytest.mark.parametrize(
    "text",
    [
        "HOUSTON | Thu Jun 3 , 2010 1:34 pm BST HOUSTON -LRB- Reuters -RRB- - BP 's oil spill "
        "has become the worst in U.S. history .",
        "DERAA , Syria | Sat Mar 26 , 2011 11:08 pm GMT DERAA , Syria -LRB- Reuters -RRB- - "
        "BP 's oil spill has become the worst in U.S. history .",
        "BENGHAZI Aug 29 -LRB- Reuters -RRB- - BP 's oil spill has become the worst in U.S. history .",
        "13 July 2010 Last updated at 09:43 GMT Help BP 's oil spill has become the worst in U.S. "
        "history .",
        "15 February 12 22:17 GMT BP 's oil spill has become the worst in U.S. history .",
        # leads starting with a letter (trim's shortcut for plain sentences must not skip them)
        "Last updated at 09:43 GMT BP 's oil spill has become the worst in U.S. history .",
        "Picture : Gerald Herbert\\/AP BP 's oil spill has become the worst in U.S. history .",
        "Photograph : Gerald Herbert\\/AP BP 's oil spill has become the worst in U.S. history .",
        "-LRB- Getty Images -RRB- BP 's oil spill has become the worst in U.S. history .",
        "-LRB- AP Photo\\/Charles Dharapak -RRB- -LRB- Charles Dharapak - AP -RRB- BP 's oil spill "
        "has become the worst in U.S. history .",
        "(By Ted S. Warren -- Associated Press) BP 's oil spill has become the worst in U.S. history .",
        # a dateline without its city
        "-LRB- CNN -RRB- -- BP 's oil spill has become the worst in U.S. history .",
        "(Reuters) - BP 's oil spill has become the worst in U.S. history .",
        # bylines that ran into the text
        "By the CNN Wire Staff BP 's oil spill has become the worst in U.S. history .",
        "By Pam Benson , CNN National Security Producer BP 's oil spill has become the worst in "
        "U.S. history .",
        "By Nic Robertson and Paul Cruickshank , CNN Senior Correspondents BP 's oil spill has "
        "become the worst in U.S. history .",
        "By Pam Benson , CNN National Security Producer WASHINGTON -LRB- CNN -RRB- -- BP 's oil "
        "spill has become the worst in U.S. history .",
    ],
)
def test_wire_page_stamps_and_datelines_are_trimmed(text):
    assert text[trim(text):] == "BP 's oil spill has become the worst in U.S. history ."
    # the stamp's "|" does not make the sentence a reader comment
    assert prior(text) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        # a parenthetical sentence is text, not a credit
        "-LRB- The vote was later annulled by the court -RRB- Protesters returned to the square .",
        # a credit is short
        "-LRB- A Very Long Parenthesized List Of Capitalized Names Well Beyond What A Photo Credit "
        "Holds -RRB- Protesters returned to the square on Friday .",
    ],
)
def test_parentheses_that_are_not_credits_stay(text):
    assert trim(text) == 0


@pytest.mark.parametrize(
    "text",
    [
        "By the time the senator spoke on Sept. 24 , the markets had fallen again .",
        "By Monday , Staff at the embassy had been told to leave the country .",
        "By June 28 last year , the authority had spent up to $ 20bn of Iraq 's money .",
    ],
)
def test_a_sentence_of_its_own_that_starts_with_by_is_not_a_byline(text):
    assert trim(text) == 0


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("Updated 3:15 p.m. ET, Thu March 5, 2015", True),
        ("Posted on Thursday, March 5, 2015 at 3:15 pm", True),
        ("Last updated: Thursday 5 March 2015 15:15 GMT", True),
        ("Published: 2015-03-05 15:15", True),
        ("Updated figures show 300 people died on March 5, 2015.", False),
        ("Published on Monday, the report says the river rose by two metres.", False),
        ("The storm was posted on Thursday, March 5, 2015 at 3:15 pm.", False),
    ],
)
def test_a_page_stamp_is_no_summary_sentence(text: str, stamp: bool) -> None:
    from newsline.timeline.sentences.summarize import SentenceFilter

    assert is_stamp(text) is stamp
    assert SentenceFilter(3, 60).ok(text) is not stamp
