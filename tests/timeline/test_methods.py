"""Timeline methods: registry, length and keyword contracts, baselines, learned models."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

import newsline
from newsline.errors import ConfigError, NotFittedError
from newsline.model import Article
from newsline.timeline import TimelineConfig, available_methods, get_method
from newsline.timeline.candidates import SentencePool
from newsline.timeline.dates import CENSORING_PRIOR, FEATURES, censoring_factors, date_features
from newsline.timeline.dates.ranker import LearnedDateRanker
from newsline.timeline.length import default_n_dates
from newsline.timeline.sentences.scorer import FEATURES as SENT_FEATURES
from newsline.timeline.sentences.scorer import LearnedSentenceScorer

D = dt.date


def _corpus() -> newsline.Corpus:
    """A small story: a dam breaks on 2 March, a rescue on 4 March, an inquiry on 20 March."""
    texts = [
        (D(2021, 3, 2), "The Orrin dam broke early Tuesday and flooded the valley below it. "
         "Rescue teams from three towns searched the flooded farms for survivors."),
        (D(2021, 3, 3), "The dam failure on Tuesday flooded forty farms in the valley, officials said. "
         "Engineers had warned about cracks in the dam wall last year."),
        (D(2021, 3, 4), "Divers rescued a family of five from a flooded barn on Thursday after the dam collapse. "
         "The governor visited the valley and promised help for the farms."),
        (D(2021, 3, 5), "A family of five was rescued from a flooded barn on Thursday, two days after the dam broke. "
         "Volunteers handed out food and water in the valley towns."),
        (D(2021, 3, 20), "A state inquiry into the dam collapse opened on Saturday with testimony from engineers. "
         "The engineers said the cracks in the dam wall had been reported in 2019."),
        (D(2021, 3, 22), "The inquiry heard on Saturday that warnings about the dam had been ignored for two years. "
         "Farmers in the valley are still waiting for compensation payments."),
        (D(2021, 3, 22), "Football results from the weekend were mixed for the valley clubs this season. "
         "The league table changed little after the matches on Sunday afternoon."),
    ]
    arts = [Article(f"a{i}", t, published=d) for i, (d, t) in enumerate(texts)]
    return newsline.prepare(arts)


@pytest.fixture(scope="module")
def corpus() -> newsline.Corpus:
    return _corpus()


def test_registry_lists_builtin_methods_and_rejects_unknown():
    names = available_methods()
    for name in ("datewise", "datewise-fixed", "datewise-ranked", "datewise-learned", "pubcount", "random"):
        assert name in names
    with pytest.raises(ConfigError, match="unknown timeline method 'nope'"):
        get_method("nope")


@pytest.mark.parametrize(
    "method", ["datewise", "datewise-fixed", "datewise-ranked", "datewise-learned", "pubcount", "random"]
)
def test_methods_honour_length_and_bounds(corpus, method):
    config = TimelineConfig(n_dates=2, n_sentences=1, start=D(2021, 3, 1), end=D(2021, 3, 10))
    tl = get_method(method).build(corpus, config)
    assert 1 <= len(tl) <= 2
    for e in tl:
        assert D(2021, 3, 1) <= e.date <= D(2021, 3, 10)
        assert len(e.sentences) == 1
    assert tl.dates == sorted(tl.dates)


@pytest.mark.parametrize(
    "method", ["datewise", "datewise-fixed", "datewise-ranked", "datewise-learned", "pubcount", "random"]
)
def test_keywords_restrict_selected_sentences(corpus, method):
    tl = get_method(method).build(corpus, TimelineConfig(n_dates=4, n_sentences=2, keywords=("dam",)))
    assert len(tl) > 0
    for e in tl:
        for s in e.sentences:
            assert "dam" in s.text.lower()


def test_datewise_finds_the_key_dates_and_cites_sources(corpus):
    tl = newsline.build_timeline(corpus, n_dates=3, n_sentences=1, query="dam")
    assert D(2021, 3, 2) in tl.dates
    assert D(2021, 3, 4) in tl.dates
    by_id = {d.article.id: d.article for d in corpus}
    for e in tl:
        for s in e.sentences:
            art = by_id[s.source.article_id]
            assert art.text[s.source.start : s.source.end] == s.text


def test_summaries_do_not_repeat_themselves(corpus):
    tl = newsline.build_timeline(corpus, n_dates=4, n_sentences=2)
    texts = [s.text for e in tl for s in e.sentences]
    assert len(texts) == len(set(texts))


def test_default_length_grows_with_the_corpus_and_is_bounded():
    flat = np.ones(500)
    assert default_n_dates(flat, 10) == 5
    assert default_n_dates(flat, 45) == 10
    assert default_n_dates(flat, 100_000) == 40
    peaked = np.r_[np.ones(3), np.full(497, 0.01)]
    assert default_n_dates(peaked, 10_000) == 3
    assert default_n_dates(np.zeros(0), 100) == 0


def test_build_without_lengths_gives_a_sensible_timeline(corpus):
    tl = newsline.build_timeline(corpus)
    assert 1 <= len(tl) <= 5
    assert all(len(e.sentences) <= 2 for e in tl)


def test_random_baseline_is_seeded(corpus):
    cfg = TimelineConfig(n_dates=2, n_sentences=1, random_state=7)
    a = get_method("random").build(corpus, cfg)
    b = get_method("random").build(corpus, cfg)
    assert a.entries == b.entries


def test_pubcount_prefers_the_busiest_day(corpus):
    tl = get_method("pubcount").build(corpus, TimelineConfig(n_dates=1, n_sentences=1))
    assert tl.dates == [D(2021, 3, 22)]


def test_date_features_count_mentions_by_article(corpus):
    pool = SentencePool.from_corpus(corpus)
    feats = date_features(pool)
    row = feats.X[feats.dates.index(D(2021, 3, 2))]
    named = dict(zip(FEATURES, row, strict=True))
    assert named["pub"] == 1
    assert named["ment_docs"] == 2  # "early Tuesday" (same day), "on Tuesday" (next day)
    assert named["ment_near_docs"] == 2
    assert named["ment_later_est"] == 0  # "two days after" is a duration, not a date
    later = dict(zip(FEATURES, feats.X[feats.dates.index(D(2021, 3, 4))], strict=True))
    assert later["ment_docs"] == 2 and later["pub"] == 1


def test_back_references_are_corrected_for_the_end_of_the_collection():
    # 10 articles a day for ten days: a date late in the collection has had
    # fewer later articles to be recalled in, so its later mentions count more.
    days = [D(2021, 3, 1) + dt.timedelta(days=i) for i in range(10)]
    pub = dict.fromkeys(days, 10)
    before = D(2021, 2, 20)  # every article is more than a day after it
    later, span = censoring_factors(pub, [before, *days])
    assert later[0] == pytest.approx(1.0) and span[0] < 1  # it had more time than the span
    assert np.all(np.diff(later) >= 0) and np.all(np.diff(span) >= 0)
    assert later[1] == pytest.approx((100 + 5) / (80 + 5))  # 80 articles after March 2
    bound = (1 + CENSORING_PRIOR) / CENSORING_PRIOR
    assert later[-1] == pytest.approx(bound) and span[-1] == pytest.approx(bound)
    assert censoring_factors({}, days)[0].tolist() == [1.0] * 10


def test_learned_models_follow_the_estimator_contract(tmp_path, corpus):
    with pytest.raises(NotFittedError):
        LearnedDateRanker().score(date_features(SentencePool.from_corpus(corpus)))
    feats = date_features(SentencePool.from_corpus(corpus))
    labels = np.array([d in {D(2021, 3, 2), D(2021, 3, 4)} for d in feats.dates], dtype=int)
    ranker = LearnedDateRanker(C=1.0).fit([feats], [labels])
    path = tmp_path / "ranker.json"
    ranker.save(path)
    again = LearnedDateRanker.load(path)
    assert np.allclose(again.score(feats), ranker.score(feats))
    top = feats.dates[int(np.argmax(again.score(feats)))]
    assert top in {D(2021, 3, 2), D(2021, 3, 4)}

    data = json.loads(path.read_text())
    data["features"] = data["features"][:-1]
    path.write_text(json.dumps(data))
    with pytest.raises(NotFittedError, match="do not match"):
        LearnedDateRanker.load(path)

    with pytest.raises(NotFittedError):
        LearnedSentenceScorer().predict(np.zeros((1, len(SENT_FEATURES))))


def test_shipped_models_load():
    assert LearnedDateRanker.load().model_.features == tuple(FEATURES)
    assert LearnedSentenceScorer.load().model_.features == tuple(SENT_FEATURES)


def test_datewise_candidates_are_mentions_and_undated_leads_of_the_day_and_the_day_after():
    from newsline.timeline.methods.datewise import DateWise
    from newsline.timeline.sentences.summarize import SentenceFilter

    lead = " ".join(f"Filler sentence number {i} about the harbour strike goes here." for i in range(8))
    arts = [
        Article("x", "The harbour strike began on 3 May 2022 with a walkout of dockers. " + lead,
                published=D(2022, 5, 10)),
    ]
    corpus = newsline.prepare(arts)
    pool = SentencePool.from_corpus(corpus)
    idx = {ps.sentence.index: i for i, ps in enumerate(pool.sentences)}
    cands = DateWise(sentence_filter=SentenceFilter(3, 60)).candidates(pool)
    # The dated sentence belongs to the date it mentions only.
    assert idx[0] in cands[D(2022, 5, 3)]
    assert idx[0] not in cands[D(2022, 5, 10)]
    # Undated lead sentences (index < 6) count for the publication day and the day before.
    for day in (D(2022, 5, 10), D(2022, 5, 9)):
        assert sorted(cands[day]) == sorted(idx[i] for i in range(1, 6))
    # With the lead limit and the next day off, every undated sentence counts for its day only.
    wide = DateWise(sentence_filter=SentenceFilter(3, 60), lead_sentences=None, next_day=False)
    cands = wide.candidates(pool)
    assert D(2022, 5, 9) not in cands
    assert sorted(cands[D(2022, 5, 10)]) == sorted(idx[i] for i in range(1, 9))


def test_a_lead_naming_another_year_is_no_candidate_for_the_publication_day():
    """A lead like "The last strike was in 1998" or "Last year the board refused" is background:
    a timeline would show them on the day the article ran."""
    from newsline.timeline.methods.datewise import DateWise
    from newsline.timeline.sentences.summarize import SentenceFilter

    text = (
        "Dockers walked out of the harbour this morning over pay. "
        "The last harbour strike was in 1998 and lasted a month. "
        "Last year the harbour board refused a similar claim. "
        "This year the harbour board has offered two per cent."
    )
    corpus = newsline.prepare([Article("x", text, published=D(2022, 5, 10))])
    pool = SentencePool.from_corpus(corpus)
    day = DateWise(sentence_filter=SentenceFilter(3, 60)).candidates(pool)[D(2022, 5, 10)]
    assert [pool.sentences[i].sentence.index for i in sorted(day)] == [0, 3]


def test_datewise_prefers_sentences_whose_first_date_is_the_entry_date():
    from newsline.timeline.methods.datewise import DateWise

    d1, d2 = D(2011, 2, 11), D(2011, 1, 25)
    pool = SentencePool.from_corpus(newsline.prepare([
        Article("a", "The president resigned on 11 February 2011, after protests that began on "
                "25 January 2011. Protests began in the capital on 25 January 2011.",
                published=D(2011, 2, 12)),
    ]))
    first, second = pool.sentences
    assert first.dates == (d1, d2)
    w = DateWise(secondary=0.5).pub_weights([first, second], d2)
    assert list(w) == [0.5, 1.0]
    assert list(DateWise(secondary=0.5).pub_weights([first], d1)) == [1.0]


def test_datewise_prefers_timeline_entries_and_drops_their_date_label():
    from newsline.timeline.methods.datewise import DateWise
    from newsline.timeline.sentences.summarize import SentenceFilter

    day = D(2011, 3, 17)
    entry = "March 17 - The Security Council votes to authorize a no-fly zone over Libya ."
    prose = "The Security Council voted on March 17 to authorize a no-fly zone over Libya ."
    corpus = newsline.prepare([
        Article("b", "Diplomats gathered in New York . " + prose, published=D(2011, 3, 18)),
        Article("a", "Timeline of the crisis . " + entry, published=D(2011, 3, 30)),
    ])
    pool = SentencePool.from_corpus(corpus)
    sents = [ps for ps in pool.sentences if day in ps.dates]
    assert [ps.text for ps in sents] == [prose, entry]
    assert list(DateWise().pub_weights(sents, day)) == [1.0, 1.3]
    assert list(DateWise(entry=1.0).pub_weights(sents, day)) == [1.0, 1.0]
    # The two sentences say the same: the entry wins, and shows without its label.
    method = DateWise(sentence_filter=SentenceFilter(3, 60))
    tl = method.build(corpus, TimelineConfig(n_dates=1, n_sentences=1, start=day, end=day))
    (only,) = tl.entries
    assert only.time.date == day
    assert [s.text for s in only.sentences] == [entry[len("March 17 - "):]]
    assert only.sentences[0].source.article_id == "a"
    # Without the prior the plain sentence, first in the corpus, wins the tie.
    plain = DateWise(sentence_filter=SentenceFilter(3, 60), entry=1.0)
    (only,) = plain.build(corpus, TimelineConfig(n_dates=1, n_sentences=1, start=day, end=day)).entries
    assert [s.text for s in only.sentences] == [prose]


def test_chronology_docs_counts_articles_with_an_entry_for_the_date():
    from newsline.timeline.dates import chronology_docs

    corpus = newsline.prepare([
        Article("a", "Key dates of the strike . March 3 - Dockers walk out at the northern harbour . "
                "March 9 - The port authority offers a four percent pay rise .",
                published=D(2022, 3, 20)),
        Article("b", "A look back . March 3 - Dockers walk out in protest at the new shift rules .",
                published=D(2022, 3, 21)),
        Article("c", "Dockers walked out on March 9 after talks broke down over shift rules .",
                published=D(2022, 3, 10)),
    ])
    pool = SentencePool.from_corpus(corpus)
    days = [D(2022, 3, 3), D(2022, 3, 9), D(2022, 3, 10)]
    got = chronology_docs(pool, days)
    # Two articles list 3 March, one lists 9 March (article c mentions it in prose).
    assert got == pytest.approx([1.0, np.log(2) / np.log(3), 0.0])
    assert chronology_docs(pool, []).size == 0


def test_select_dates_spread_keeps_one_busy_week_from_taking_the_timeline():
    from newsline.timeline.dates import DateFeatures, select_dates

    start = D(2020, 1, 1)
    dates = [start + dt.timedelta(days=k) for k in (0, 1, 2, 3, 60, 120)]
    feats = DateFeatures(dates, np.zeros((len(dates), len(FEATURES))))
    scores = np.array([5.0, 4.9, 4.8, 4.7, 4.6, 4.5])
    # By score alone, the first four days.
    assert select_dates(feats, scores, 4) == dates[:4]
    # The stronger the spread penalty, the earlier the distant dates come in.
    assert select_dates(feats, scores, 4, spread=0.5) == [dates[0], dates[1], dates[2], dates[4]]
    assert select_dates(feats, scores, 4, spread=1.0) == [dates[0], dates[1], dates[4], dates[5]]
    assert select_dates(feats, scores, 4, spread=3.0) == [dates[0], dates[4], dates[5], dates[1]]
    # A tiny penalty only breaks near-ties; -inf dates are never chosen.
    scores = np.array([5.0, 4.0, 3.0, 2.0, 1.0, -np.inf])
    assert select_dates(feats, scores, 6, spread=0.01) == dates[:5]
    assert select_dates(feats, scores, 2, min_gap_days=2, spread=0.01) == [dates[0], dates[2]]


def test_spread_reach_follows_the_span_the_articles_cover():
    from newsline.timeline.dates import DateFeatures, select_dates

    story = [D(2011, 1, 25) + dt.timedelta(days=k) for k in range(12)]
    recalled = D(1935, 10, 31)  # "born on 31 October 1935", in one article
    dates = [recalled, *story]
    feats = DateFeatures(dates, np.zeros((len(dates), len(FEATURES))))
    scores = np.array([0.0] + [1.0] * len(story))
    # Measured over the candidates' range, the reach spans decades: every
    # chosen day of the story weighs on all the others and the 1935 date gets in.
    assert recalled in select_dates(feats, scores, 10, spread=1.0)
    # Measured over the publication span, only near days weigh on each other.
    chosen = select_dates(feats, scores, 10, spread=1.0, span=(story[0], story[-1]))
    assert recalled not in chosen and len(chosen) == 10


def test_spread_reach_ignores_publication_days_outside_the_bounds():
    from newsline.timeline.methods.datewise import _span

    days = [D(2002, 11, 1), D(2021, 3, 2), D(2021, 3, 22)]
    march = (D(2021, 3, 1), D(2021, 3, 31))
    # A publication day estimated years before the bounds (a stale photo
    # caption's date) is cut to them: no date there can be chosen.
    assert _span(days, *march) == (D(2021, 3, 1), D(2021, 3, 22))
    assert _span(days, None, None) == (D(2002, 11, 1), D(2021, 3, 22))
    assert _span(days, D(2021, 3, 10), None) == (D(2021, 3, 10), D(2021, 3, 22))
    assert _span([D(2002, 11, 1)], *march) is None and _span([], *march) is None


def test_timeline_within_bounds_is_the_same_with_an_article_published_years_before():
    base = _corpus()
    stale = newsline.prepare([Article(
        "old", "Volunteers gathered at the dam in the valley on Friday, Nov. 1, 2002, for a festival. "
        "The festival lasted through Sunday, Nov. 3.", published=D(2002, 11, 1),
    )])
    both = newsline.Corpus(base.documents + stale.documents)
    config = TimelineConfig(n_dates=2, n_sentences=1, start=D(2021, 3, 1), end=D(2021, 3, 31))
    method = get_method("datewise")
    # (Over the span from 2002 the spread's reach is 19 years / 2 wide, and the
    # rescue's second day, 2 March, comes in for 4 March.)
    assert method.build(both, config).dates == method.build(base, config).dates == [
        D(2021, 3, 4), D(2021, 3, 20),
    ]


def test_blended_ranker_moves_from_fixed_to_learned_with_its_weight(corpus):
    from newsline.timeline.dates import LinearDateRanker
    from newsline.timeline.dates.ranker import BlendedDateRanker

    feats = date_features(SentencePool.from_corpus(corpus))
    learned = LearnedDateRanker.load()
    fixed = LinearDateRanker().score(feats)
    # Weight 0 ranks exactly as the fixed weights; a huge weight as the learned model.
    assert list(np.argsort(-BlendedDateRanker(learned, 0.0).score(feats), kind="stable")) == list(
        np.argsort(-fixed, kind="stable")
    )
    big = BlendedDateRanker(learned, 1e9).score(feats)
    assert list(np.argsort(-big, kind="stable")) == list(
        np.argsort(-learned.score(feats), kind="stable")
    )
    with pytest.raises(NotFittedError):
        BlendedDateRanker(LearnedDateRanker()).score(feats)


def test_datewise_vocabulary_is_every_candidate_up_to_a_bound():
    from newsline.timeline.methods.datewise import DateWise

    cands = {D(2020, 1, d): list(range(d * 100, d * 100 + 50)) for d in range(1, 11)}
    chosen = [D(2020, 1, 1), D(2020, 1, 2)]
    m = DateWise()
    assert m.vocabulary(cands, chosen) == sorted(i for v in cands.values() for i in v)
    m.max_vocabulary = 200
    vocab = m.vocabulary(cands, chosen)
    assert set(cands[chosen[0]]) | set(cands[chosen[1]]) <= set(vocab)
    assert 150 <= len(vocab) <= 200 and vocab == sorted(vocab)
    m.max_vocabulary = 10
    assert m.vocabulary(cands, chosen) == sorted(cands[chosen[0]] + cands[chosen[1]])


def test_datewise_raises_dates_that_outlets_list_in_their_chronologies():
    from newsline.timeline.methods.datewise import DateWise
    from newsline.timeline.sentences.summarize import SentenceFilter

    busy, listed = D(2022, 3, 3), D(2022, 3, 9)
    # Reports on 3 March and a later look back at it; 9 March only in two chronologies.
    reports = [
        "Dockers at the northern harbour walked out on 3 March 2022 over the new shift rules .",
        "Hundreds of dockers marched to the port offices on 3 March 2022 demanding higher pay .",
        "Ferry services were cancelled after dockers stopped work on 3 March 2022 .",
    ]
    arts = [Article(f"b{i}", t, published=busy) for i, t in enumerate(reports)] + [
        Article("r", "Dockers remembered the rally of 3 March 2022 as the start of the strike .",
                published=D(2022, 3, 25)),
        Article("q1", "Dockers met union leaders in the port canteen to plan the week .",
                published=D(2022, 3, 12)),
        Article("q2", "A few dockers returned to work at the southern quay this morning .",
                published=D(2022, 3, 15)),
    ] + [
        Article("c1", "Harbour strike chronology . March 9 - The port authority offers dockers a four "
                "percent pay rise .", published=D(2022, 3, 20)),
        Article("c2", "Key dates of the harbour strike . March 9 - Dockers reject the pay offer of "
                "the port authority .", published=D(2022, 3, 22)),
    ]
    corpus = newsline.prepare(arts)
    config = TimelineConfig(n_dates=1, n_sentences=1, keywords=("dockers",))
    filt = SentenceFilter(3, 60)
    plain = DateWise(sentence_filter=filt, chronology=0.0, spread=0.0).build(corpus, config)
    assert [e.time.date for e in plain.entries] == [busy]
    listed_first = DateWise(sentence_filter=filt).build(corpus, config)
    assert [e.time.date for e in listed_first.entries] == [listed]


def test_a_dates_sentences_each_add_something_while_dates_may_share_words():
    from newsline.timeline.sentences.summarize import CentroidSummarizer

    texts = [
        "Residents filed a class action lawsuit against the chemical company",
        "A lawsuit filed by residents accuses the company of negligence over the leak at the plant",
        "Regulators proposed a record fine against the chemical company",
        "Shares of the chemical company fell sharply after the leak",
    ]
    summ = CentroidSummarizer(topic_weight=0.0).fit(texts)
    M = summ.matrix_
    assert summ.within_redundancy < float((M[0] @ M[1].T).toarray()[0, 0]) < summ.redundancy
    # the two lawsuit sentences are the most central, but do not both summarize one date
    assert summ.select([0, 1, 2], 2, chosen=[]) == [0, 2]
    # with the across-dates threshold within a date too, they would
    loose = CentroidSummarizer(topic_weight=0.0, within_redundancy=summ.redundancy).fit(texts)
    assert loose.select([0, 1, 2], 2, chosen=[]) == [0, 1]
    # a later date may still take a sentence as close as that to an earlier date's
    assert summ.select([1], 1, chosen=[0]) == [1]


def test_every_date_gets_its_first_sentence_before_any_gets_a_second():
    import numpy as np

    from newsline.timeline.sentences.summarize import CentroidSummarizer

    texts = [
        "Regulators proposed a record fine against the chemical company",
        "Residents of the valley were evacuated overnight",
    ]
    summ = CentroidSummarizer(topic_weight=0.0).fit(texts)
    # the first date may take both sentences; the second has only the evacuation
    groups = [([0, 1], np.array([1.0, 0.5]), None), ([1], None, None)]
    # filled one date after the other, the second date is left with nothing to say
    assert summ.select_timeline(groups, 2, by_slot=False) == [[0, 1], []]
    # by slot, it keeps its one sentence and the first date has one less
    assert summ.select_timeline(groups, 2) == [[0], [1]]
    assert summ.select_timeline(groups, 0) == [[], []]


def test_a_date_that_ran_out_of_sentences_gets_no_later_slot():
    import numpy as np

    from newsline.timeline.sentences.summarize import CentroidSummarizer

    texts = [
        "Regulators proposed a record fine against the chemical company",
        "Regulators proposed a record fine against the chemical company on appeal",
        "Residents of the valley were evacuated overnight",
    ]
    summ = CentroidSummarizer(topic_weight=0.0).fit(texts)
    # the second date's only sentence repeats the first date's: it stays empty in every slot
    groups = [([0, 2], np.array([1.0, 0.5]), None), ([1], None, None)]
    assert summ.select_timeline(groups, 3) == [[0, 2], []]
