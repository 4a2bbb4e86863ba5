"""Built-in timeline methods; importing this package registers them."""

from . import baselines, datewise  # noqa: F401
