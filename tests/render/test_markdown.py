from __future__ import annotations

from newsline.model import Timeline
from newsline.render import markdown


def test_structure(timeline):
    out = markdown.render(timeline)
    lines = out.splitlines()
    assert lines[0] == "# The Tessaly River spill"
    assert "- **Articles:** 41" in lines
    assert "> 1 article had no publication date and was used without one." in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## 2026-09-03", "## 2026-09-10", "## October 2026"]


def test_sentences_are_one_bullet_with_source(timeline):
    out = markdown.render(timeline)
    assert (
        "- A storage tank at the Varnell plant leaked about 9,000 gallons of solvent. "
        "([Hundreds evacuated after solvent spill](https://gazette.example/a/1), 2026-09-04)"
    ) in out
    # no title and no url: the article id and the date
    assert "- The town closed the river intake. (courier-0911, 2026-09-11)" in out
    # no source at all; markup characters escaped
    assert "- Residents filed a class action \\[in county court\\].\n" in out


def test_unsafe_url_is_not_linked_and_markup_escaped(timeline):
    out = markdown.render(timeline)
    assert "javascript:" not in out
    assert "(Residents \\<meet\\> & talk)" in out


def test_empty_timeline():
    assert markdown.render(Timeline(())) == (
        "# Timeline\n\n- **Entries:** 0\n\n<!-- newsline timeline -->\n"
    )


def test_escape_dollars_and_leading_markers():
    assert markdown.escape("Pay $18.5 million, then $6,000") == "Pay \\$18.5 million, then \\$6,000"
    assert markdown.escape("1. First") == "1\\. First"
    assert markdown.escape("2026) was") == "2026\\) was"
    assert markdown.escape("- dash") == "\\- dash" and markdown.escape("# tag") == "\\# tag"
    assert markdown.escape("> quote") == "\\> quote"
    assert markdown.escape("1.5 million and a-b") == "1.5 million and a-b"
