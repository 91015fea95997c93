#!/usr/bin/env python3
"""Writes docs/samples/kano-survey-sample.csv: a made-up owner survey with known Kano categories.

300 respondents each answer the functional question ("if the property company does this well, how do you
feel?") and the dysfunctional one ("... does not do it?") for 17 service items: 15 catalogue issue keys
and 2 service items the catalogue does not have. Each item's answers are drawn from a fixed mix of
categories, so the analysis must find the category named in KNOWN below (see the test
KanoSampleSurveyTest). Three catalogue keys are given another category than the catalogue's, so the
survey proposes three changes; door-to-door-visit is a close call that proposes nothing.

Answers: 1 I like it, 2 I expect it, 3 I am neutral, 4 I can live with it, 5 I dislike it.
Deterministic (seed 15): running it again writes the same file.
"""
import csv
import pathlib
import random

RESPONDENTS = 300
# item: (share of M, O, A, I, R, Q), the category the analysis must find, and whether the lead is significant
ITEMS = {
    "lift-outage":         ((0.62, 0.22, 0.04, 0.08, 0.01, 0.03), "M", True),   # catalogue MUST_BE
    "water-outage":        ((0.66, 0.18, 0.03, 0.09, 0.01, 0.03), "M", True),   # MUST_BE
    "garbage-collection":  ((0.55, 0.20, 0.05, 0.16, 0.01, 0.03), "M", True),   # MUST_BE
    "public-area-hygiene": ((0.50, 0.28, 0.06, 0.12, 0.01, 0.03), "M", True),   # MUST_BE
    "access-control":      ((0.52, 0.24, 0.05, 0.14, 0.02, 0.03), "M", True),   # MUST_BE
    "repair-delay":        ((0.22, 0.55, 0.08, 0.12, 0.01, 0.02), "O", True),   # EXPECTED
    "staff-attitude":      ((0.18, 0.52, 0.14, 0.13, 0.01, 0.02), "O", True),   # EXPECTED
    "parking-fees":        ((0.15, 0.48, 0.05, 0.28, 0.02, 0.02), "O", True),   # EXPECTED
    "security-patrol":     ((0.58, 0.26, 0.03, 0.10, 0.01, 0.02), "M", True),   # EXPECTED -> proposes MUST_BE
    "corridor-lighting":   ((0.60, 0.22, 0.04, 0.11, 0.01, 0.02), "M", True),   # EXPECTED -> proposes MUST_BE
    "greening":            ((0.08, 0.24, 0.50, 0.15, 0.01, 0.02), "A", True),   # EXPECTED -> proposes ATTRACTIVE
    "community-event":     ((0.03, 0.12, 0.55, 0.24, 0.04, 0.02), "A", True),   # ATTRACTIVE
    "lobby-decoration":    ((0.02, 0.06, 0.20, 0.62, 0.08, 0.02), "I", True),   # INDIFFERENT
    "notice-overload":     ((0.02, 0.05, 0.05, 0.25, 0.60, 0.03), "R", True),   # REVERSE
    "door-to-door-visit":  ((0.02, 0.04, 0.14, 0.40, 0.38, 0.02), "I", False),  # REVERSE, I by a hair: no proposal
    "快递代收":              ((0.10, 0.25, 0.45, 0.17, 0.01, 0.02), "A", True),   # not in the catalogue
    "社区食堂":              ((0.05, 0.15, 0.36, 0.40, 0.02, 0.02), "I", False),  # not in the catalogue
}

# the answer pairs (functional, dysfunctional) the evaluation table sends to each category
PAIRS = {
    "M": [(2, 5), (3, 5), (4, 5)],
    "O": [(1, 5)],
    "A": [(1, 2), (1, 3), (1, 4)],
    "I": [(f, d) for f in (2, 3, 4) for d in (2, 3, 4)],
    "R": [(5, 1), (5, 2), (5, 3), (5, 4), (2, 1), (3, 1), (4, 1)],
    "Q": [(1, 1), (5, 5)],
}


def main():
    rng = random.Random(15)
    out = pathlib.Path(__file__).resolve().parent.parent / "docs" / "samples" / "kano-survey-sample.csv"
    rows = []
    for item, (mix, _, _) in ITEMS.items():
        # exact shares, shuffled among the respondents, so the known category holds for this file
        counts = [round(share * RESPONDENTS) for share in mix]
        counts[0] += RESPONDENTS - sum(counts)
        categories = [c for c, n in zip("MOAIRQ", counts) for _ in range(n)]
        rng.shuffle(categories)
        for respondent, category in enumerate(categories, start=1):
            functional, dysfunctional = rng.choice(PAIRS[category])
            rows.append((f"R{respondent:03d}", item, functional, dysfunctional))
    rows.sort(key=lambda row: row[0])
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(["respondent", "item", "functional", "dysfunctional"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} answers from {RESPONDENTS} respondents, {len(ITEMS)} items")


if __name__ == "__main__":
    main()
