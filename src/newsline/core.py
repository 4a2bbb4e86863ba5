"""The pipeline, stage after stage: ingest -> clean -> sentences -> dates -> timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence

from .clean import clean, to_read
from .dating import DEFAULT as DEFAULT_DATING
from .dating import DatingOptions, date_documents, start_search
from .gcpause import collector_paused
from .ingest import read
from .model import Article, Corpus, Document, Timeline
from .query import parse as parse_terms
from .temporal import tag
from .text import split_sentences
from .timeline.base import DEFAULT_METHOD, TimelineConfig, get_method

PathLike = str | os.PathLike[str]


def load(
    paths: PathLike | Sequence[PathLike],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
) -> list[Article]:
    """Read articles from files, folders (recursive) or ``"-"`` (stdin).

    With ``strict=True`` the first bad file or record raises
    :class:`~newsline.errors.InputError`; otherwise bad items are skipped
    (see :func:`newsline.ingest.read` for the list of problems).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return read(paths, default_date=default_date, strict=strict).articles


def prepare_document(article: Article) -> Document:
    """Sentences and resolved date mentions of one (cleaned) article.

    An undated article's relative expressions stay unresolved here: the
    dating stage (:func:`prepare`) estimates its date from the whole collection.
    """
    sentences = tuple(split_sentences(article))
    mentions = tuple(tag(article.text, article.published))
    return Document(article, sentences, mentions)


def prepare(
    articles: Iterable[Article],
    *,
    dedupe: bool = True,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    dating: DatingOptions | None = DEFAULT_DATING,
) -> Corpus:
    """Clean, split and date-tag articles into a :class:`Corpus`.

    Undated articles then get a publication-date estimate from their text and
    the collection (:mod:`newsline.dating`; ``dating=None`` leaves them undated).
    """
    cleaned, report = clean(list(articles), dedupe=dedupe)
    # the dating stage's neighbour search needs only the texts: in a child while they are tagged
    search = start_search(cleaned, dating) if dating is not None else None
    try:
        items: Iterable[Article] = progress(cleaned) if progress else cleaned
        with collector_paused():  # sentences and mentions: many small objects in no cycle
            docs = tuple(prepare_document(a) for a in items)
        if dating is not None:
            docs = date_documents(docs, dating, search=search)
    finally:
        if search is not None:
            search.cancel()
    return Corpus(docs, report)


def build_timeline(
    articles: Iterable[Article] | Corpus,
    *,
    query: str | Sequence[str] | None = None,
    n_dates: int | None = None,
    n_sentences: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    method: str = DEFAULT_METHOD,
    random_state: int = 0,
) -> Timeline:
    """Build a timeline from articles (or an already prepared corpus).

    ``query`` is a string in the ``--query`` syntax (:mod:`newsline.query`:
    words, ``"quoted phrases"``, ``OR``, ``-excluded``) or a list of keywords;
    only sentences containing one of them (and no excluded term) are selected.
    """
    corpus = articles if isinstance(articles, Corpus) else prepare(articles)
    corpus = exclude_sentences(corpus, query)
    config = TimelineConfig(
        n_dates=n_dates,
        n_sentences=n_sentences,
        keywords=parse_query(query),
        start=start,
        end=end,
        random_state=random_state,
    )
    return locate_sources(get_method(method).build(corpus, config), corpus)


def exclude_sentences(corpus: Corpus, query: str | Sequence[str] | None) -> Corpus:
    """The corpus without the sentences that contain a ``-term`` of ``query``.

    Their date mentions go with them (a mention counts for the sentence it is in).
    """
    terms = parse_terms(query) if isinstance(query, str) else None
    if terms is None or not terms.exclude:
        return corpus
    docs = []
    for d in corpus.documents:
        kept = tuple(s for s in d.sentences if not terms.excludes(s.text.lower()))
        docs.append(d if len(kept) == len(d.sentences) else dataclasses.replace(d, sentences=kept))
    return Corpus(tuple(docs), corpus.report)


def locate_sources(timeline: Timeline, corpus: Corpus) -> Timeline:
    """The timeline with each source's ``start``/``end`` in its article's text *as read*.

    Methods point into the cleaned text; cleaning may have removed lines (a
    repeated headline, boilerplate) before a sentence, so the offsets are
    mapped back with the article's ``spans``.
    """
    spans = {d.article.id: d.article.spans for d in corpus.documents if d.article.spans}
    if not spans:
        return timeline
    entries = []
    for entry in timeline.entries:
        sentences = []
        for s in entry.sentences:
            ref = s.source
            if ref is not None and ref.article_id in spans:
                m = spans[ref.article_id]
                ref = dataclasses.replace(ref, start=to_read(m, ref.start), end=to_read(m, ref.end))
                s = dataclasses.replace(s, source=ref)
            sentences.append(s)
        entries.append(dataclasses.replace(entry, sentences=tuple(sentences)))
    return dataclasses.replace(timeline, entries=tuple(entries))


def parse_query(query: str | Sequence[str] | None) -> tuple[str, ...]:
    """The terms of which a selected sentence must contain one.

    A string follows the ``--query`` syntax of :mod:`newsline.query`
    (``'"Abu Bakr al-Baghdadi" OR Baghdadi -football'`` -> ``("abu bakr
    al-baghdadi", "baghdadi")``; the excluded terms come from
    :func:`newsline.query.parse`). A list is the field's keyword list:
    every element split on whitespace and commas (``["oil, spill"]`` ->
    ``("oil", "spill")``). A possessive ``'s`` is dropped (``"BP's"`` ->
    ``"bp"``) so that the keyword also matches tokenized text (``BP 's``).
    """
    if not query:
        return ()
    if isinstance(query, str):
        return parse_terms(query).include
    parts = [query] if isinstance(query, str) else list(query)
    words: list[str] = []
    for p in parts:
        for w in p.replace(",", " ").split():
            w = w.strip().lower().removesuffix("'s").removesuffix("\u2019s")
            if w and w not in words:
                words.append(w)
    return tuple(words)
