"""Frozen dataclass instances made in bulk are the ones their constructor makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle

import pytest

from newsline.frozen import make_many
from newsline.model import DateMention, Sentence, TimePoint, TimexType
from newsline.timeline.candidates import PooledSentence


def test_make_many_makes_what_the_constructor_makes():
    cols = (["a", "b"], [0, 1], [0, 5], [4, 9], ["One.", "Two."])
    made = make_many(Sentence, *cols)
    plain = list(map(Sentence, *cols))
    assert made == plain and [type(s) for s in made] == [Sentence, Sentence]
    assert [hash(s) for s in made] == [hash(s) for s in plain]
    assert repr(made[1]) == repr(plain[1]) and pickle.loads(pickle.dumps(made[0])) == plain[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[0].text = "changed"  # type: ignore[misc]
    day = TimePoint.day(dt.date(2011, 2, 11))
    (m,) = make_many(DateMention, ["today"], [3], [8], [TimexType.DATE], ["2011-02-11"],
                     ["relative"], [day])
    assert m == DateMention("today", 3, 8, TimexType.DATE, "2011-02-11", "relative", day)
    (p,) = make_many(PooledSentence, [0], [made[0]], [None], [()], [()], [True])
    assert p == PooledSentence(0, made[0], None, (), (), True) and p.text == "One."
    assert make_many(Sentence, [], [], [], [], []) == []


def test_make_many_refuses_classes_it_cannot_twin():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            assert self.x >= 0

    for cls in (NoSlots, Checked):
        with pytest.raises(TypeError):
            make_many(cls, [1])


def test_stored_mention_time_points_are_one_object_per_date_and_granularity():
    import pyarrow as pa

    from newsline.model import Granularity
    from newsline.store.query import _time_points

    d = [dt.date(1900, 1, 2), None, dt.date(1969, 12, 31), dt.date(1900, 1, 2), dt.date(1900, 1, 2)]
    g = ["day", None, "year", "day", "month"]
    arr = pa.StructArray.from_arrays([pa.array(d, pa.date32()), pa.array(g)], ["date", "granularity"])
    points = _time_points(arr)
    assert points == [None if x is None else TimePoint(x, Granularity(y)) for x, y in zip(d, g, strict=True)]
    assert points[0] is points[3] and points[0] is not points[4]
    assert _time_points(arr.slice(0, 0)) == []
