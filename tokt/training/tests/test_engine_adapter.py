from __future__ import annotations

from tokt.training.content import load_modules
from tokt.training.engine import screen_signs, sign_ids, sign_names


def test_the_adapter_reads_signs_and_results_from_the_engine():
    assert {"EXP01", "CD01", "DR08"} <= sign_ids()
    assert sign_names(["EXP01"], "en") == {"EXP01": "Excessive working days or hours"}
    result = screen_signs([], age_group="adult", types=["labour"])
    assert result.ilo_conclusion == "insufficient_information" and result.reason("nb")


def test_the_signs_in_a_story_weigh_more_than_none_in_every_exercise():
    """Every exercise teaches something the engine can show: its signs move the result."""
    modules, _problems = load_modules()
    empty = {}
    for module in modules:
        for exercise in module.exercises:
            scope = {"age_group": exercise.age_group, "types": exercise.types, "facts": exercise.facts}
            key = (exercise.age_group, exercise.types, exercise.facts)
            empty.setdefault(key, screen_signs([], **scope))
            expected = screen_signs(exercise.expected, **scope)
            assert expected.position != empty[key].position, (module.slug, exercise.id)
