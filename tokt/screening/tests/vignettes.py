"""The inputs of the vignettes (test_vignettes.py), shared with the routing tests.

Short synthetic cases set in northern Norway; the stories are in the test
docstrings. All persons are invented.
"""

from __future__ import annotations

from typing import Any

from tokt.screening.tests.helpers import MEANS_DIMS, all_in

_MEANS = [i for d in MEANS_DIMS for i in all_in(d)]

CASES: dict[str, dict[str, Any]] = {
    "v01": {"observed": ["EXP04"], "sector": "fisheries", "municipality": "1804"},
    "v02": {"observed": ["EXP04"], "not_observed": _MEANS, "facts": {"cannot_leave_without_loss": "not_observed"}},
    "v03": {
        "age": "under_18", "observed": ["EXP01", "EXP09"], "not_observed": _MEANS,
        "facts": {"act_present": "observed"}, "sector": "restaurants", "municipality": "1841",
    },
    "v04_consent": {
        "observed": ["DR02", "DR07", "DR08", "EXP01", "EXP02", "CD01", "CD02"],
        "facts": {"person_consented": "observed"}, "sector": "car_wash",
    },
    "v04": {"observed": ["DR02", "DR07", "DR08", "EXP01", "EXP02", "CD01", "CD02"], "sector": "car_wash"},
    "v05": {
        "observed": ["EXP01", "EXP08", "CD01", "CD14"], "not_observed": all_in("DR") + all_in("CR") + all_in("AVR"),
        "municipality": "1848",
    },
    "v06": {
        "observed": ["EXP01", "EXP04", "CD01", "CD03", "AVD01", "AVD05"],
        "facts": {"close_relationship_violence": "observed"}, "municipality": "1840",
    },
    "v07": {
        "types": ["crime_begging"], "sector": "begging_crime",
        "observed": ["AVR03", "AVR06", "AVR09", "EXP02", "EXP04", "EXP07", "CD05", "CD06", "CD11"],
        "facts": {"act_present": "observed"},
    },
    "v08": {
        "types": ["sexual"], "sector": "commercial_sex",
        "observed": ["AVR02", "AVR11", "AVR15", "EXP01", "EXP08", "CD02", "CD15"],
        "facts": {"sexual_services_provided": "observed"},
    },
    "v09": {
        "age": "under_18", "types": ["sexual"], "observed": ["AVR11"],
        "facts": {"sexual_exploitation_of_child_established": "observed"}, "municipality": "1875",
    },
    "v10": {
        "observed": ["EXP03", "EXP05", "EXP06"], "not_observed": all_in("CD") + all_in("AVD"),
        "facts": {"clear_law_breach": "observed"}, "sector": "construction", "municipality": "1841",
    },
    "v11": {"observed": ["CD04"], "facts": {"acute_danger": "observed"}, "sector": "nail_massage"},
    "v12": {"age": "unknown", "observed": ["EXP01", "EXP09"], "facts": {"act_present": "observed"}, "municipality": "1838"},
    "v13": {"observed": ["EXP08"], "sector": "agriculture", "municipality": "1840"},
    "v14": {
        "observed": ["EXP01", "EXP02", "CD14"], "facts": {"cannot_leave_without_loss": "observed"},
        "sector": "transport",
    },
    # The done-when case: a minor from Romania found working at a car wash in Fauske.
    "fauske_car_wash_minor": {
        "age": "under_18", "role": "child_welfare", "sector": "car_wash", "municipality": "1841",
        "observed": ["EXP01", "EXP04"], "facts": {"act_present": "observed"},
    },
}  # fmt: skip
