"""Reader-comment sections are cut from an article; the article itself stays."""

from __future__ import annotations

import pytest

from newsline.clean import clean
from newsline.clean.comments import cut_comments
from newsline.model import Article

BODY = (
    "The county council approved the new harbour plan on Tuesday after a long debate .\n"
    "Work on the sea wall is due to start in the spring , the council said .\n"
)


@pytest.mark.parametrize(
    "section",
    [
        # signed after each comment, blog style
        "Great news for the town , finally ! Posted by : harbourfan | March 3 , 2014 9:12 AM | "
        "Report abuse It will never be finished on time .\nPosted by : Anonymous | March 3 , 2014 "
        "10:40 AM | Report abuse",
        # signed with the time, news-site style
        "March 3 , 2014 at 9:12 am | Report abuse | Who pays for all of this ?",
        # opened by an invitation: what comes after it goes too
        "Leave your thoughts in the comments section below Who asked the fishermen ?\n"
        "Nobody did .\nPosted by : skipper | March 4 , 2014 8:01 PM | Report abuse",
    ],
)
def test_comment_section_is_cut(section):
    text, cut = cut_comments(BODY + section)
    assert cut
    assert text == BODY.rstrip()


def test_text_without_signatures_is_kept_whole():
    text = BODY + "Leave your thoughts in the comments section below .\nNobody objected ."
    assert cut_comments(text) == (text, False)
    # "abuse" alone is not a signature
    text = BODY + "The report found no abuse of the council 's planning powers ."
    assert cut_comments(text) == (text, False)


def test_a_page_of_comments_only_is_kept():
    text = "Posted by : harbourfan | March 3 , 2014 9:12 AM | Report abuse Great news ."
    assert cut_comments(text) == (text, False)


def test_clean_reports_comment_sections():
    a = Article("a", BODY + "Posted by : x | March 3 , 2014 9:12 AM | Report abuse Rubbish .")
    b = Article("b", "A different story about the new ferry timetable and its late trains .")
    out, report = clean([a, b])
    assert report.comment_sections == 1
    assert out[0].text == BODY.rstrip()
    assert out[1] is b


def test_reply_style_signature_is_cut():
    section = "March 21 , 2014 at 5:51 pm | Reply Who asked the fishermen ?\nNobody did ."
    assert cut_comments(BODY + section) == (BODY.rstrip(), True)
    # a byline with a date is not a comment
    byline = "March 21 , 2014 | By a staff reporter\n" + BODY
    assert cut_comments(byline) == (byline, False)
