"""A BERT encoder forward pass in plain torch, for all-MiniLM-L6-v2's files.

Imported only by :mod:`newsline.timeline.embed.summarizer` when it first encodes, so
that ``newsline`` imports without torch. Plain torch rather than
``transformers``: importing transformers costs ~4 s per process, more than
encoding a timeline's sentences. The weights are read from ``model.safetensors``
(no pickle) and the word pieces come from ``tokenizer.json``; the output
matches sentence-transformers' for this model to ~1e-7.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from tokenizers import Tokenizer

from ...errors import ConfigError


class Bert:
    """Post-LayerNorm BERT encoder (GELU), inference only."""

    def __init__(self, weights: dict[str, torch.Tensor], config: dict[str, object]) -> None:
        if config.get("hidden_act", "gelu") != "gelu":
            raise ConfigError(f"unsupported activation {config.get('hidden_act')!r}")
        self.w = weights
        self.hidden = int(config["hidden_size"])  # type: ignore[call-overload]
        self.heads = int(config["num_attention_heads"])  # type: ignore[call-overload]
        self.layers = int(config["num_hidden_layers"])  # type: ignore[call-overload]
        self.eps = float(config.get("layer_norm_eps", 1e-12))  # type: ignore[arg-type]

    @classmethod
    def from_dir(cls, path: Path) -> Bert:
        config = json.loads((path / "config.json").read_text())
        weights = load_file(str(path / "model.safetensors"))
        need = f"encoder.layer.{int(config['num_hidden_layers']) - 1}.output.dense.weight"
        if "embeddings.word_embeddings.weight" not in weights or need not in weights:
            raise ConfigError(f"{path} does not hold BERT weights in the expected layout")
        return cls(weights, config)

    def _ln(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(
            x, (self.hidden,), self.w[name + ".weight"], self.w[name + ".bias"], self.eps
        )

    def _lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def __call__(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Last hidden states ``(batch, length, hidden)`` of padded ``ids``."""
        w = self.w
        b, n = ids.shape
        d = self.hidden // self.heads
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._ln(x, "embeddings.LayerNorm")
        attend = mask.bool()[:, None, None, :]
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (
                self._lin(x, p + "attention.self." + s).view(b, n, self.heads, d).transpose(1, 2)
                for s in ("query", "key", "value")
            )
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
            a = a.transpose(1, 2).reshape(b, n, self.hidden)
            x = self._ln(
                x + self._lin(a, p + "attention.output.dense"), p + "attention.output.LayerNorm"
            )
            h = F.gelu(self._lin(x, p + "intermediate.dense"))
            x = self._ln(x + self._lin(h, p + "output.dense"), p + "output.LayerNorm")
        return x


def load(path: Path, threads: int) -> tuple[Tokenizer, Bert]:
    torch.set_num_threads(threads)
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok, Bert.from_dir(path)


def embed(
    tok: Tokenizer, model: Bert, texts: list[str], batch_size: int, max_length: int
) -> torch.Tensor:
    """Mean-pooled, L2-normalized embeddings, in the order of ``texts``."""
    sep = tok.token_to_id("[SEP]")
    ids = [e.ids for e in tok.encode_batch(texts)]
    # Truncate keeping [SEP] last, as the reference tokenizer does.
    ids = [x if len(x) <= max_length else x[: max_length - 1] + [sep] for x in ids]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = torch.zeros((len(ids), model.hidden))
    with torch.inference_mode():
        for s in range(0, len(order), batch_size):
            batch = order[s : s + batch_size]
            width = max(len(ids[i]) for i in batch)
            x = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for r, i in enumerate(batch):
                x[r, : len(ids[i])] = torch.tensor(ids[i])
                mask[r, : len(ids[i])] = 1
            hidden = model(x, mask)
            m = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
            out[batch] = F.normalize(pooled, dim=1)
    return out
