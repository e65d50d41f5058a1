"""assess(): one screening input in, one Assessment out."""

from __future__ import annotations

import functools

from .assessment import Assessment, Source
from .catalogue import Catalogue, load_catalogue
from .contacts import ContactsProvider, YamlContacts
from .model import ScreeningInput
from .questions import ask_texts
from .referrals import ReferralPaths, default_referrals
from .result_parts import THREE_WAY
from .routing import plan_steps, situations_for
from .rules import evaluate
from .unknowns import rank_unknowns


@functools.lru_cache(maxsize=1)
def default_contacts() -> YamlContacts:
    return YamlContacts()


def assess(
    inp: ScreeningInput,
    catalogue: Catalogue | None = None,
    contacts: ContactsProvider | None = None,
    *,
    referrals: ReferralPaths | None = None,
    max_unknowns: int = 10,
) -> Assessment:
    """Screen one input. `contacts` and `referrals` are the directory's data, passed in by the caller.

    Without them (the CLI, tests) the directory's YAML files are read.
    """
    cat = catalogue if catalogue is not None else load_catalogue()
    paths = referrals if referrals is not None else default_referrals()
    verdict = evaluate(cat, inp)
    situations = situations_for(inp, verdict)
    steps = plan_steps(inp, verdict, contacts if contacts is not None else default_contacts(), paths, situations)
    return Assessment(
        catalogue_version=cat.version,
        notice=cat.notice,
        ilo_conclusion=THREE_WAY[verdict.ilo],
        continuum=verdict.position,
        continuum_could_reach=verdict.could_reach,
        unknowns=rank_unknowns(cat, inp, verdict, ask_texts(cat), max_unknowns),
        situations=situations,
        next_steps=steps,
        source=Source(cat, inp, verdict, paths),
    )
