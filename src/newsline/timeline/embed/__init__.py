"""Sentence embeddings (all-MiniLM-L6-v2, optional extra ``newsline[embeddings]``).

- :mod:`.summarizer`: the encoder wrapper and the embedding-based per-date summarizer;
- :mod:`.minilm`: the plain-torch BERT forward pass, imported only when a model is loaded,
  so importing this package never needs torch.
"""

from .summarizer import DIM, INSTALL_HINT, EmbeddingSummarizer, MiniLMEncoder, default_model_dir

__all__ = ["DIM", "INSTALL_HINT", "EmbeddingSummarizer", "MiniLMEncoder", "default_model_dir"]
