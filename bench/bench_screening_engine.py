"""Benchmark the screening engine: assessments per second on one core.

Usage: python bench/bench_screening_engine.py [--out FILE] [--inputs N] [--repeat N]

Builds a realistic random mix of screenings (mostly adults in labour cases,
some children and unknown ages, a handful of signs each, some answered "no").
A first set warms the per-catalogue tables and caches (steady state of a
running server); every timed run uses fresh inputs never seen before, so no
result comes from a cache of identical inputs. Times assess() alone (the
verdict, ranked unknowns and next steps) and assess() + to_dict() (also the
full explanation as JSON); keeps the best and the median of --repeat runs. Prints the numbers and appends a JSON record to the
output file (default bench/results/screening_engine.json).
Target: >= 10,000 assess()/s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tokt.screening.engine import (  # noqa: E402
    AgeGroup,
    ExploitationType,
    NoContacts,
    ScreeningInput,
    State,
    assess,
    load_catalogue,
)

DEFAULT_OUT = ROOT / "bench" / "results" / "screening_engine.json"
TARGET = 10_000


def make_inputs(n: int, seed: int = 2025) -> list[ScreeningInput]:
    rng = random.Random(seed)
    cat = load_catalogue()
    delphi = list(cat.delphi_ids)
    facts = list(cat.facts)
    sectors = list(cat.vocab["sectors"])
    roles = list(cat.vocab["roles"])
    ages = [AgeGroup.ADULT] * 7 + [AgeGroup.UNDER_18] + [AgeGroup.UNKNOWN] * 2
    type_mix = [
        {ExploitationType.LABOUR},
        {ExploitationType.LABOUR},
        {ExploitationType.LABOUR},
        {ExploitationType.SEXUAL},
        {ExploitationType.CRIME_BEGGING},
        {ExploitationType.UNKNOWN},
        {ExploitationType.LABOUR, ExploitationType.SEXUAL},
    ]
    out = []
    for _ in range(n):
        k = min(len(delphi), int(rng.expovariate(1 / 6)))
        indicators = {}
        for ident in rng.sample(delphi, k):
            indicators[ident] = rng.choices([State.OBSERVED, State.NOT_OBSERVED, State.UNKNOWN], [6, 3, 1])[0]
        fact_states = {f: rng.choice(list(State)) for f in rng.sample(facts, rng.randint(0, 4))}
        age = rng.choice(ages)
        if age is AgeGroup.ADULT:
            fact_states.pop("sexual_exploitation_of_child_established", None)
        out.append(
            ScreeningInput(
                age_group=age,
                exploitation_types=frozenset(rng.choice(type_mix)),
                indicators=indicators,
                facts=fact_states,
                municipality=rng.choice(["1804", "1841", "1840", "1837", None]),
                sector=rng.choice(sectors),
                role=rng.choice(roles),
            )
        )
    return out


def rate(inputs: list[ScreeningInput], with_dict: bool) -> float:
    contacts = NoContacts()
    start = time.perf_counter()
    for inp in inputs:
        a = assess(inp, contacts=contacts)
        if with_dict:
            a.to_dict()
    return len(inputs) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--inputs", type=int, default=10_000, help="fresh inputs per timed run")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measure (best and median kept)")
    args = parser.parse_args(argv)
    for inp in make_inputs(5_000, seed=1):  # warm tables and rule caches
        assess(inp, contacts=NoContacts())
    # Every run screens inputs it has never seen (new seed per run).
    runs = [rate(make_inputs(args.inputs, seed=100 + r), with_dict=False) for r in range(args.repeat)]
    dict_runs = [rate(make_inputs(args.inputs, seed=200 + r), with_dict=True) for r in range(args.repeat)]
    assess_rate, dict_rate = max(runs), max(dict_runs)
    record = {
        "benchmark": "screening_engine",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "catalogue_version": load_catalogue().version,
        "fresh_inputs_per_run": args.inputs,
        "runs": args.repeat,
        "assessments_per_second": round(assess_rate),
        "assessments_per_second_median": round(statistics.median(runs)),
        "assessments_with_to_dict_per_second": round(dict_rate),
        "assessments_with_to_dict_per_second_median": round(statistics.median(dict_runs)),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "target_per_second": TARGET,
        "meets_target": assess_rate >= TARGET,
    }
    print(
        f"assess():             best {assess_rate:,.0f} /s, median {statistics.median(runs):,.0f} /s (target {TARGET:,})"
    )
    print(f"assess() + to_dict(): best {dict_rate:,.0f} /s, median {statistics.median(dict_runs):,.0f} /s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    history = []
    if args.out.exists():
        try:
            loaded = json.loads(args.out.read_text(encoding="utf-8"))
            history = loaded if isinstance(loaded, list) else [loaded]
        except json.JSONDecodeError:
            history = []
    history.append(record)
    args.out.write_text(json.dumps(history, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
