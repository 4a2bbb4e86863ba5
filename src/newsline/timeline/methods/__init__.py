"""Built-in timeline methods; importing this package registers them.

``embedded`` (datewise-embed) needs the optional extra only when it builds:
it imports torch lazily, so importing it never fails without the extra.
"""

from . import baselines, datewise, embedded  # noqa: F401
