"""The dating stage: one estimate per undated document, from its text and its collection.

1. text: each undated article's clues (:mod:`~newsline.dating.evidence`) give a first estimate;
2. collection: its nearest articles in content (:mod:`~newsline.dating.collection`)
   add their dates: dated ones at full weight, estimated ones weighted by their
   confidence (so with every date hidden, undated articles still date each
   other; only day and week estimates propagate, a month or year estimate's
   best day being no more likely than its others; a week counts as its
   likely days, each with its share); this is repeated ``rounds`` times;
3. the article is re-read against its estimate (:mod:`~newsline.dating.resolve`):
   a day estimate becomes its publication date (``date_source="estimated"``),
   an interval only resolves what it can at its precision (a month and day
   keeps its day where the interval leaves it one year; a relative one where
   its likely days, holding ``day_confidence``, read it as one day).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..gcpause import collector_paused
from ..model import Article, DateEstimate, Document
from ..temporal import forget_scans
from .collection import K, similar
from .copies import WeekdayCopy, WeekdayLine, clue_lines, match, mention_lines
from .estimate import DAY_CONFIDENCE, MASS, Neighbour, estimate
from .evidence import UNKNOWN, TextClues, read_clues
from .fork import Forked, processes
from .prior import DatingPrior, shipped_prior
from .resolve import resolve
from .years import anchor_partials

_NO_CLUES = TextClues((), ())


@dataclass(frozen=True, slots=True)
class DatingOptions:
    """Which evidence the dating stage uses, and how sure a day must be.

    ``text``/``collection`` switch the two kinds of evidence (for ablations);
    ``neighbours`` is how many similar articles count, ``rounds`` how often
    estimates propagate between undated articles; ``day_confidence`` is the
    posterior mass the best day needs to be given as the publication day,
    ``mass`` that of an interval; ``neighbour_product`` > 0 combines
    neighbours as a tempered product instead of a mixture. ``prior`` is a model file (default: shipped).
    ``search``: among how many nearest articles the ``neighbours`` with a date
    are taken; ``pin_mentions``: an interval estimate's relative mentions keep
    a day they read as against ``day_confidence`` of its likely days;
    ``wire_datelines`` gives a wire dateline its own hit rate (off: read as a
    partial date; on, T17 gets more exact days, and since the weekday date at an
    article's head is weighed first, fewer wrong days in all: BENCHMARKS.md).
    ``likely_neighbours``: an interval neighbour counts as its likely days
    (:func:`neighbours_of`). Lab variants, off by default
    (:mod:`~newsline.dating.years`): ``year_reach``, a month and day is also
    read in that many years after the latest year named (negative: as far as
    the prior's lags reach); ``year_spread``, the year term's open bin (3 or
    more years later) spread over the years it covers; ``told_years``, a
    month-day the estimate leaves without a year is read in the year told
    before it; ``weekday_copies``, a relative weekday whose sentence a near
    article copies near verbatim weighs the week that article reads it in
    (:mod:`~newsline.dating.copies`); ``copy_days``, that week may make a
    day estimate the other evidence does not (off: the estimate is then the
    one without it). ``workers``: how many processes the stage may use
    (``None``: ``NEWSLINE_WORKERS``, else every core; 1: this one only; when
    it forks: :mod:`~newsline.dating.fork`); the output is the same.
    """

    text: bool = True
    collection: bool = True
    neighbours: int = K
    rounds: int = 2
    estimated_weight: float = 0.5
    day_confidence: float = DAY_CONFIDENCE
    mass: float = MASS
    neighbour_product: float = 0.0
    prior: str | Path | None = None
    propagate: tuple[str, ...] = ("day", "week")
    search: int = K
    pin_mentions: bool = True
    wire_datelines: bool = True
    year_reach: int = 0
    likely_neighbours: bool = True
    told_years: bool = False
    year_spread: bool = False
    weekday_copies: bool = False
    copy_days: bool = False
    workers: int | None = None


DEFAULT = DatingOptions()


def _without_wire_datelines(c: TextClues) -> TextClues:
    plain = tuple(
        dataclasses.replace(x, rule="partial-date") if x.rule == "partial-dateline" else x
        for x in c.clues
    )
    return TextClues(c.mentions, plain)


Search = Forked[dict[int, list[tuple[int, float]]]]


def start_search(articles: Sequence[Article], options: DatingOptions = DEFAULT) -> Search | None:
    """The undated articles' neighbour search (it needs only the texts) started
    in a forked child, where that pays (:func:`~newsline.dating.fork.processes`),
    for :func:`estimate_documents` of these articles' documents; else ``None``."""
    undated = [i for i, a in enumerate(articles) if a.published is None]
    if not (options.collection and options.rounds > 0) or processes(options.workers, len(undated)) < 2:
        return None
    return Forked(similar, [a.text for a in articles], undated, max(options.search, options.neighbours))


def estimate_documents(
    docs: Sequence[Document],
    options: DatingOptions = DEFAULT,
    prior: DatingPrior | None = None,
    search: Search | None = None,
) -> dict[int, DateEstimate | None]:
    """Index of each undated document -> its estimate (``None``: nothing dates it).

    Undated documents' mentions must be those of ``tag(text, None)`` (what
    :func:`newsline.core.prepare_document` gives an undated article).
    ``search``: :func:`start_search` of the documents' articles (else one is
    started here, meanwhile the clues are read)."""
    prior = prior or shipped_prior(options.prior)
    undated = [i for i, d in enumerate(docs) if d.article.published is None]
    texts = [d.article.text for d in docs]
    k = max(options.search, options.neighbours)
    if search is not None and search.args != (texts, undated, k):
        search.cancel()  # not these documents' search
        search = None
    if not undated:
        return {}
    near_of = search or start_search([d.article for d in docs], options)
    near_of = near_of or Forked(similar, texts, undated, k, fork=False)  # computed when asked
    with near_of:
        clues = {
            i: read_clues(docs[i].article.text, docs[i].mentions) if options.text else _NO_CLUES
            for i in undated
        }
        if not options.wire_datelines:
            clues = {i: _without_wire_datelines(c) for i, c in clues.items()}

        def one(i: int, ns: Sequence[Neighbour], cs: Sequence[WeekdayCopy] = ()) -> DateEstimate | None:
            return estimate(
                clues[i],
                prior,
                ns,
                day_confidence=options.day_confidence,
                mass=options.mass,
                product=options.neighbour_product,
                year_reach=options.year_reach,
                year_spread=options.year_spread,
                copies=cs,
                copy_days=options.copy_days,
            )

        est = {i: one(i, ()) for i in undated}
        if not options.collection or options.rounds <= 0:
            return est
        lines: dict[int, list[WeekdayLine]] = {}
        if options.weekday_copies:
            lines = {i: clue_lines(docs[i].article.text, clues[i]) for i in undated}
        near = near_of.result()
    first_done = False
    changed = set(undated)
    for _ in range(options.rounds):
        nxt: dict[int, DateEstimate | None] = {}
        days_of: dict[int, tuple[tuple[dt.date, float], ...]] = {}  # (of this round's est)
        for i in undated:
            if first_done and not any(j in changed for j, _ in near[i]):
                nxt[i] = est[i]  # nothing it depends on moved
                continue
            ns = neighbours_of(near[i], docs, est, options, days_of)
            cs = _copies(i, near[i], docs, est, clues, lines) if lines.get(i) else ()
            nxt[i] = one(i, ns, cs) if ns else est[i]
        changed = {i for i in undated if nxt[i] != est[i]}
        est = nxt
        first_done = True
    return est


def _copies(
    i: int,
    near: Sequence[tuple[int, float]],
    docs: Sequence[Document],
    est: dict[int, DateEstimate | None],
    clues: dict[int, TextClues],
    lines: dict[int, list[WeekdayLine]],
) -> list[WeekdayCopy]:
    """Copies of article ``i``'s weekday sentences in the ``near`` articles that
    read them as a day: dated ones (their mentions), or estimated to a day."""
    out: list[WeekdayCopy] = []
    own = [c for c in clues[i].of("weekday") if c.tense != UNKNOWN]  # (as clue_lines)
    for j, sim in near:
        a = docs[j].article
        if a.published is not None:
            if j not in lines:  # (a dated article's lines, found once)
                lines[j] = mention_lines(a.text, docs[j].mentions)
            out += match(lines[i], own, lines[j], None, a.id, sim)
        elif (e := est.get(j)) is not None and e.is_day and lines.get(j):
            out += match(lines[i], own, lines[j], e.best, a.id, sim)
    return out


def neighbours_of(
    near: Sequence[tuple[int, float]],
    docs: Sequence[Document],
    est: dict[int, DateEstimate | None],
    options: DatingOptions = DEFAULT,
    days_of: dict[int, tuple[tuple[dt.date, float], ...]] | None = None,
) -> list[Neighbour]:
    """The dated or estimated articles among ``near`` (index, similarity; the
    nearest first) as neighbours, up to ``options.neighbours`` articles.

    An estimate counts at its confidence (an interval's at
    ``estimated_weight`` of it); with ``likely_neighbours`` an interval
    counts as its likely days, each with its share of that (a week's best
    day is no more than its likeliest), else as its best day. ``days_of``
    keeps each article's days and sureness found here, for further calls
    with the same ``est`` (a round asks for each article about ten times)."""
    ns: list[Neighbour] = []
    taken = 0
    for j, sim in near:
        days = days_of.get(j) if days_of is not None else None
        if days is None:
            days = _days_of(docs[j].article, est.get(j), options)
            if days_of is not None:
                days_of[j] = days
        if not days:
            continue
        id_ = docs[j].article.id
        ns.extend(Neighbour(d, sim, sure, id_) for d, sure in days)
        taken += 1
        if taken >= options.neighbours:
            break
    return ns


def _days_of(
    a: Article, e: DateEstimate | None, options: DatingOptions
) -> tuple[tuple[dt.date, float], ...]:
    """The days an article counts as a neighbour, with their sureness (none: it
    does not count; see :func:`neighbours_of`)."""
    if a.published is not None:
        return ((a.published, 1.0),)
    if e is None or e.precision not in options.propagate:
        return ()  # only a day or a week says where in the interval it lies
    sure = e.confidence * (1.0 if e.is_day else options.estimated_weight)
    if options.likely_neighbours and e.likely:
        total = sum(p for _, p in e.likely)
        return tuple((d, sure * p / total) for d, p in e.likely)
    return ((e.best, sure),)


def apply_estimate(
    doc: Document,
    est: DateEstimate | None,
    confidence: float | None = DAY_CONFIDENCE,
    told: bool = False,
) -> Document:
    """The document re-read against its estimate (unchanged without one); an
    interval's relative mentions keep a day read with ``confidence`` (``None``:
    never); ``told``: month-days the estimate leaves without a year are read
    in the year told before them."""
    if est is None:
        if told:
            return Document(doc.article, doc.sentences, anchor_partials(doc.article.text, doc.mentions))
        return doc
    text = doc.article.text
    if est.is_day:
        article = dataclasses.replace(doc.article, published=est.best, date_source="estimated")
        return Document(article, doc.sentences, resolve(text, est), est)
    likely = est.likely if confidence is not None else ()
    return Document(doc.article, doc.sentences, resolve(text, est, confidence or 1.0, likely, told), est)


def apply_estimates(
    docs: Sequence[Document], est: dict[int, DateEstimate | None], options: DatingOptions = DEFAULT
) -> tuple[Document, ...]:
    """``docs`` with each one ``est`` holds (the undated) re-read against its estimate."""
    pin = options.day_confidence if options.pin_mentions else None
    return tuple(
        apply_estimate(d, est[i], pin, options.told_years) if i in est else d for i, d in enumerate(docs)
    )


def date_documents(
    docs: Sequence[Document],
    options: DatingOptions = DEFAULT,
    prior: DatingPrior | None = None,
    search: Search | None = None,
) -> tuple[Document, ...]:
    """Every document, the undated ones dated as far as the evidence allows
    (``search``: see :func:`estimate_documents`)."""
    # clues, estimates and re-read mentions: many small objects in no cycle, each
    # burst of which would make the collector walk the whole corpus again
    with collector_paused():
        out = apply_estimates(docs, estimate_documents(docs, options, prior, search), options)
    forget_scans()  # the undated texts' scans, kept since they were tagged
    return out
