"""Sentence selection: which candidate sentences summarize each chosen date.

- :mod:`.tfidf`: the TF-IDF matrix shared by the summarizers;
- :mod:`.summarize`: greedy MMR-style selection, the TF-IDF centroid summarizer, sentence filters;
- :mod:`.features`: per-candidate features (form, position, relation to the date);
- :mod:`.scorer`: the learned (ridge) sentence scorer, read from
  ``timeline/models/sentence_scorer.json``, and the summarizer that uses it.
"""
