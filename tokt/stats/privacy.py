"""Public release with differential privacy (OpenDP): noisy counts and a per-year budget. No Django here.

Each case adds 1 to the total and to one cell of each single-valued table, and
to at most ``MAX_FORMS`` cells of the forms table, so the L1 sensitivity of a
table is 1 (``MAX_FORMS`` for forms). A release spends ``epsilon``, split
evenly over its tables (sequential composition); each table gets discrete
Laplace noise with scale = sensitivity / its share, and OpenDP itself checks
that the measurement's privacy loss is within the share. The expected error is
reported as the 95 % accuracy bound (OpenDP ``discrete_laplacian_scale_to_accuracy``).

Method: Dwork & Roth, "The Algorithmic Foundations of Differential Privacy"
(2014), 3.3 (Laplace mechanism) and 3.5 (composition); OpenDP user guide,
"Laplace/Geometric" and "accuracy" sections.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_FORMS = 3
ALPHA = 0.05
TABLE_SENSITIVITY = {"total": 1, "form": MAX_FORMS, "sector": 1, "gender": 1, "age_group": 1}


class BudgetExceeded(ValueError):
    pass


@dataclass(frozen=True)
class NoisyTable:
    name: str
    values: dict[str, int]
    scale: float
    epsilon: float
    accuracy_95: float


def check_budget(*, spent: float, budget: float, epsilon: float) -> None:
    """Refuse a release that would take the year's spending above its budget."""
    if epsilon <= 0:
        raise BudgetExceeded("epsilon must be positive")
    if spent + epsilon > budget + 1e-12:
        raise BudgetExceeded(f"spent {spent:g} + {epsilon:g} > budget {budget:g}")


def release(tables: dict[str, dict[str, int]], epsilon: float) -> list[NoisyTable]:
    import opendp.prelude as dp

    dp.enable_features("contrib")
    share = epsilon / len(tables)
    out = []
    for name, values in tables.items():
        sensitivity = TABLE_SENSITIVITY[name]
        scale = sensitivity / share
        measurement = dp.m.make_laplace(dp.atom_domain(T=int), dp.absolute_distance(T=int), scale=scale)
        # OpenDP's own privacy map: the loss for neighbours differing by `sensitivity`.
        loss = measurement.map(sensitivity)
        if loss > share * (1 + 1e-9):
            raise BudgetExceeded(f"table {name} would spend {loss} > {share}")
        noisy = {key: max(0, measurement(int(count))) for key, count in values.items()}
        accuracy = dp.discrete_laplacian_scale_to_accuracy(scale, ALPHA)
        out.append(NoisyTable(name, noisy, scale, share, accuracy))
    return out
