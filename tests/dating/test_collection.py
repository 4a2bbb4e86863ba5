from __future__ import annotations

import numpy as np
from scipy import sparse

from newsline.dating.collection import _STOP, _WORD, _dense_product, analyzer, similar, tfidf

TEXTS = [
    "The rig's blow-out off Louisiana sent oil toward the marshes; BP's engineers tried a cap.",
    "Engineers tried a second cap on the blow-out as oil reached Louisiana marshes.",
    "Fishermen in Grand Isle waited for the cap while the marshes filled with oil.",
    "Café owners in Zürich débated the ﬁnance rules again, the café's déjà-vu.",
    "The finance rules in Zürich: owners and café staff débated them once more.",
]


def test_analyzer_words_are_the_unicode_patterns_on_ascii_and_other_text() -> None:
    for text in TEXTS:
        expected = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
        assert analyzer(text) == expected
    assert "blow-out" in analyzer(TEXTS[0]) and "rig's" in analyzer(TEXTS[0])
    assert "zürich" in analyzer(TEXTS[3]) and "déjà-vu" in analyzer(TEXTS[3])


def test_tfidf_rows_are_unit_length_over_words_of_two_to_half_the_texts() -> None:
    X = tfidf(TEXTS)
    assert X.shape[0] == len(TEXTS)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    # the fishermen's words ("cap", "marshes", "oil") are in 3 of 5 texts: left out
    assert np.allclose(norms, [1, 1, 0, 1, 1], atol=1e-6)
    near = similar(TEXTS, [0, 3], k=2)
    assert near[0][0][0] == 1  # the other blow-out story
    assert near[3][0][0] == 4  # the other Zürich story
    assert tfidf([]).shape[0] == 0


def test_dense_product_is_scipys_product_to_the_bit() -> None:
    rng = np.random.default_rng(7)
    dense = rng.random((40, 300), dtype=np.float32) * (rng.random((40, 300)) < 0.05)
    A = sparse.csr_matrix(dense)
    B = sparse.csr_matrix(dense.T)
    got = _dense_product(A[:13], B)
    assert got.dtype == np.float32 and got.shape == (13, 40)
    assert np.array_equal(got, (A[:13] @ B).toarray())
    assert A.nnz > 0
