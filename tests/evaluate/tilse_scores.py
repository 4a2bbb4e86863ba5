"""Score timeline pairs with tilse (run by tilse's interpreter, not newsline's).

Usage: ``$NEWSLINE_TILSE_PYTHON tilse_scores.py PAIRS.json [original|reimpl]``

PAIRS.json holds ``[{"system": {"YYYY-MM-DD": [sentence, ...]}, "golds": [{...}, ...]}, ...]``.
Prints, as one JSON list, newsline's score keys for every pair as tilse computes them.
"""

import datetime
import json
import sys

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates, rouge


def _timeline(mapping):
    return Timeline(
        {datetime.date.fromisoformat(day): list(sents) for day, sents in mapping.items()}
    )


def main():
    with open(sys.argv[1]) as f:
        pairs = json.load(f)
    computation = sys.argv[2] if len(sys.argv) > 2 else "original"
    evaluator = rouge.TimelineRougeEvaluator(
        measures={"rouge_1", "rouge_2"}, rouge_computation=computation
    )
    out = []
    for pair in pairs:
        system = _timeline(pair["system"])
        gold = GroundTruth([_timeline(g) for g in pair["golds"]])
        scores = {}
        for name, result in (
            ("concat", evaluator.evaluate_concat(system, gold)),
            ("agreement", evaluator.evaluate_agreement(system, gold)),
            ("align", evaluator.evaluate_align_date_content_costs_many_to_one(system, gold)),
        ):
            for n in (1, 2):
                r = result[f"rouge_{n}"]
                scores[f"{name}_r{n}_p"] = r["precision"]
                scores[f"{name}_r{n}_r"] = r["recall"]
                scores[f"{name}_r{n}_f"] = r["f_score"]
        d = dates.evaluate_dates(system, gold)
        scores.update(date_p=d["precision"], date_r=d["recall"], date_f1=d["f_score"])
        out.append(scores)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
