"""A progress bar over the stages of a run whose steps report nothing themselves.

Cleaning a large corpus or building its timeline is one call each; the bar
(on a terminal, not when quiet) names the running stage and its time once a
run has taken :data:`~.common.PROGRESS_DELAY` seconds, refreshed by a thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from types import TracebackType

from ..dating.fork import TOLERATED
from .common import PROGRESS_DELAY


class StageBar:
    """``with StageBar(["cleaning", "dating", "selecting"], quiet) as bar: bar.stage("cleaning") ...``"""

    def __init__(self, stages: Sequence[str], quiet: bool) -> None:
        self.stages = list(stages)
        self.enabled = not quiet and sys.stderr.isatty()
        self._done = threading.Event()
        self._current = ""
        self._index = 0
        self._bar = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> StageBar:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="newsline-progress", daemon=True)
            # it only draws the bar: the dating stage may fork beside it (dating/fork.py)
            setattr(self._thread, TOLERATED, True)
            self._thread.start()
        return self

    def stage(self, name: str) -> None:
        self._index = self.stages.index(name) if name in self.stages else self._index + 1
        self._current = name

    def _run(self) -> None:
        if self._done.wait(PROGRESS_DELAY):
            return
        from tqdm import tqdm

        self._bar = bar = tqdm(
            total=len(self.stages), desc=self._current, file=sys.stderr, leave=False, unit="stage",
            bar_format="newsline: {desc} [{elapsed}] {n_fmt}/{total_fmt} stages",
        )  # fmt: skip
        while not self._done.wait(0.5):
            bar.n = self._index
            bar.set_description_str(self._current, refresh=False)
            bar.refresh()
        bar.close()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
