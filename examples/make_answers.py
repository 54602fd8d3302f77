"""Write the synthetic survey answers used by the example facts.

    python examples/make_answers.py

The answers are made up (the real ones belong to the Danish Business
Authority's user evaluation) but shaped like a real export: one row per
company, semicolon-separated as a Danish spreadsheet writes it, and some
blank cells where a company skipped a question. The counts are fixed, so the
example's NPS is exactly 57 and its effect share exactly 72.5%; the seed only
decides the order of the rows.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).with_name("nordjylland-2019-svar-syntetiske.csv")
SUBQUESTIONS = ("ikke_erkendte", "strategi", "vækstambitioner", "forretningskoncept",
                "salg_marketing", "organisation", "drift")
EFFECT = ("i høj grad", "i nogen grad")
NO_EFFECT = ("i lav grad", "slet ikke", "ved ikke")


def main() -> None:
    rng = random.Random(2019)
    # 0-10 answers: 264 promoters, 100 passives, 36 detractors, 12 blanks.
    recommend = ([rng.choice((9, 10)) for _ in range(264)] + [rng.choice((7, 8)) for _ in range(100)]
                 + [rng.randint(0, 6) for _ in range(36)] + [None] * 12)
    # Effect: 290 companies with a medium or high effect on at least one of
    # the seven questions, 110 without, 12 who skipped all seven.
    effect = [_answers(rng, True) for _ in range(290)] + [_answers(rng, False) for _ in range(110)]
    effect += [[None] * 7 for _ in range(12)]
    rng.shuffle(recommend)
    rng.shuffle(effect)
    with OUT.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\n")
        writer.writerow(("virksomhed", "anbefaling", *SUBQUESTIONS))
        for number, (score, answers) in enumerate(zip(recommend, effect), start=1):
            writer.writerow((f"S{number:04d}", "" if score is None else score,
                             *("" if a is None else a for a in answers)))


def _answers(rng: random.Random, with_effect: bool) -> list[str | None]:
    answers: list[str | None] = [rng.choice(NO_EFFECT) for _ in SUBQUESTIONS]
    if with_effect:
        for index in rng.sample(range(len(SUBQUESTIONS)), rng.randint(1, 4)):
            answers[index] = rng.choice(EFFECT)
    for index in range(len(SUBQUESTIONS)):
        # Now and then a skipped sub-question; never one that shows the effect.
        if answers[index] not in EFFECT and rng.random() < 0.05:
            answers[index] = None
    return answers


if __name__ == "__main__":
    main()
