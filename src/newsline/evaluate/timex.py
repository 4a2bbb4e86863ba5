"""TempEval-3 task A scoring of a temporal tagger against TimeML gold.

``read_tml(path)`` turns a TimeML file into its plain text (the ``TEXT``
element with the markup removed), the document creation time (DCT: the
``TIMEX3`` with ``functionInDocument="CREATION_TIME"``) and the gold
``TIMEX3`` spans of the text, by character offsets. The DCT itself is not
scored: it sits in the ``DCT`` header, outside ``TEXT``, and is the tagger's
input, not its output (as in TempEval-3, whose scorer skips the creation
time).

``score(pairs)`` follows the TempEval-3 rules (UzZaman et al. 2013):

* spans match *strictly* (same start and end) or *relaxed* (overlap);
  system and gold expressions are paired one to one, in text order, the
  earliest overlapping gold expression first;
* precision, recall and F1 of strict and relaxed spans;
* ``value`` and ``type`` on relaxed matches: a correct attribute counts
  once, precision is over all system expressions, recall over all gold
  expressions.

Offsets are characters (the official scorer counts tokens; on these spans
the two agree except where a token is split, which the relaxed match
absorbs).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["GoldDoc", "Match", "Scores", "Timex", "match", "read_tml", "read_tml_docs", "score"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: characters ``start:end`` of the text, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str
    text: str = ""
    kind: str = ""
    """The system's kind (explicit, partial, relative, "" for durations and sets)."""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A TimeML document: its text, creation date and gold expressions."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> GoldDoc:
    """Text, DCT and gold TIMEX3 of one TimeML file (raises ``ValueError`` on bad XML)."""
    docs = read_tml_docs(path)
    if len(docs) != 1:
        raise ValueError(f"{path}: {len(docs)} TimeML documents, expected one")
    return docs[0]


def read_tml_docs(path: Path) -> list[GoldDoc]:
    """The documents of a TimeML file: one ``TimeML`` root, or several under any other root.

    A collection (our held-out gold, ``tests/temporal/data/heldout.tml``) names each
    document by its ``DOCID`` (else ``<file>#<n>``); a single document by the file's stem.
    Raises ``ValueError`` on bad XML or a document without ``TEXT``.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed TimeML ({exc})") from exc
    if root.find("TEXT") is not None:
        return [_doc(root, path.stem, path)]
    docs = []
    for n, el in enumerate(root.iter("TimeML"), 1):
        docid = (el.findtext("DOCID") or "").strip()
        docs.append(_doc(el, docid or f"{path.stem}#{n}", path))
    if not docs:
        raise ValueError(f"{path}: no TEXT element")
    return docs


def _doc(root: ET.Element, name: str, path: Path) -> GoldDoc:
    dct: dt.date | None = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((t.get("value") or "")[:10])
            except ValueError:
                dct = None
            break
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: {name}: no TEXT element")
    parts: list[str] = []
    gold: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start:pos] if pos - start < 200 else ""
            gold.append(Timex(start, pos, el.get("type", ""), el.get("value", ""), text))

    walk(body)
    text = "".join(parts)
    gold = [Timex(g.start, g.end, g.type, g.value, text[g.start : g.end]) for g in gold]
    gold.sort(key=lambda g: (g.start, g.end))
    return GoldDoc(name, text, dct, tuple(gold))


@dataclass(frozen=True, slots=True)
class Match:
    """A gold expression, the system expression paired with it, or both."""

    gold: Timex | None
    system: Timex | None

    @property
    def strict(self) -> bool:
        g, s = self.gold, self.system
        return g is not None and s is not None and (g.start, g.end) == (s.start, s.end)


def match(gold: Iterable[Timex], system: Iterable[Timex]) -> list[Match]:
    """One-to-one pairing by overlap; unpaired expressions appear alone."""
    golds = sorted(gold, key=lambda t: (t.start, t.end))
    systems = sorted(system, key=lambda t: (t.start, t.end))
    used: set[int] = set()
    out: list[Match] = []
    for s in systems:
        paired = None
        for j in range(len(golds)):
            g = golds[j]
            if g.start >= s.end:
                break
            if j not in used and g.end > s.start:
                paired = j
                break
        if paired is None:
            out.append(Match(None, s))
        else:
            used.add(paired)
            out.append(Match(golds[paired], s))
    out.extend(Match(g, None) for j, g in enumerate(golds) if j not in used)
    out.sort(key=lambda m: ((m.gold or m.system).start, m.gold is None))  # type: ignore[union-attr]
    return out


def _prf(correct: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Scores:
    """Counts over a corpus; the figures are properties."""

    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    by_type: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold type, "gold"|"found"|"value") and (system type, "sys"|"sys_value")."""
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(system kind, "sys"|"matched"|"value")."""

    def add(self, matches: Iterable[Match]) -> None:
        for m in matches:
            g, s = m.gold, m.system
            if g is not None:
                self.n_gold += 1
                self.by_type[g.type, "gold"] += 1
            if s is not None:
                self.n_sys += 1
                self.by_type[s.type, "sys"] += 1
                self.by_kind[s.kind or "-", "sys"] += 1
            if g is None or s is None:
                continue
            self.relaxed += 1
            self.strict += m.strict
            self.by_type[g.type, "found"] += 1
            self.by_kind[s.kind or "-", "matched"] += 1
            if g.type == s.type:
                self.type += 1
            if g.value == s.value:
                self.value += 1
                self.by_type[g.type, "value"] += 1
                self.by_type[s.type, "sys_value"] += 1
                self.by_kind[s.kind or "-", "value"] += 1

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, correct in (
            ("strict", self.strict), ("relaxed", self.relaxed),
            ("value", self.value), ("type", self.type),
        ):  # fmt: skip
            p, r, f = _prf(correct, self.n_sys, self.n_gold)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
        return out

    def per_type(self) -> dict[str, dict[str, float]]:
        """Per TIMEX3 type: gold count, span recall, value recall and precision, value F1."""
        out: dict[str, dict[str, float]] = {}
        for t in ("DATE", "TIME", "DURATION", "SET"):
            gold, sys = self.by_type[t, "gold"], self.by_type[t, "sys"]
            # precision over the system's expressions of type t, recall over the gold's:
            # the counts differ when a right value comes with a wrong type.
            p = _prf(self.by_type[t, "sys_value"], sys, gold)[0]
            r = _prf(self.by_type[t, "value"], sys, gold)[1]
            out[t] = {
                "gold": gold, "system": sys,
                "span_recall": self.by_type[t, "found"] / gold if gold else 0.0,
                "value_recall": r, "value_precision": p,
                "value_f1": 2 * p * r / (p + r) if p + r else 0.0,
            }  # fmt: skip
        return out

    def per_kind(self) -> dict[str, dict[str, float]]:
        """Per system kind: count, share matched to a gold span, value right among matched."""
        kinds = sorted({k for k, _ in self.by_kind})
        out: dict[str, dict[str, float]] = {}
        for k in kinds:
            sys, matched = self.by_kind[k, "sys"], self.by_kind[k, "matched"]
            out[k] = {
                "system": sys,
                "span_precision": matched / sys if sys else 0.0,
                "value_accuracy": self.by_kind[k, "value"] / matched if matched else 0.0,
            }
        return out


def score(pairs: Iterable[tuple[Iterable[Timex], Iterable[Timex]]]) -> Scores:
    """Scores of (gold, system) expression lists, one pair per document."""
    s = Scores()
    for gold, system in pairs:
        s.add(match(gold, system))
    return s
