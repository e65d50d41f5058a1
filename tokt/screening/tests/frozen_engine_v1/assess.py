"""assess(): one screening input in, one Assessment out."""

from __future__ import annotations

import functools

from .assessment import Assessment, Source
from .catalogue import Catalogue, load_catalogue
from .contacts import ContactsProvider, YamlContacts
from .core import compiled_for
from .model import AgeGroup, ScreeningInput
from .questions import ask_texts
from .referrals import ReferralPaths, default_referrals
from .results import THREE_WAY
from .routing import plan_steps, situations_for
from .unknowns import child_variant, rank_unknowns


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
    """`contacts` defaults to actors.yaml and `referrals` to referral_paths.yaml (the directory's data)."""
    cat = catalogue if catalogue is not None else load_catalogue()
    paths = referrals if referrals is not None else default_referrals()
    comp = compiled_for(cat)
    red = comp.reduce(inp)
    d = comp.derive_reduced(red)
    unknowns = rank_unknowns(comp, inp, red, d, ask_texts(cat), max_unknowns)
    child_if_minor = inp.age_group is AgeGroup.UNKNOWN and child_variant(comp, inp, red).ilo == 2
    situations = situations_for(inp, d, child_if_minor)
    steps = plan_steps(inp, d, contacts if contacts is not None else default_contacts(), paths, situations)
    return Assessment(
        catalogue_version=cat.version,
        notice=cat.notice,
        ilo_conclusion=THREE_WAY[d.ilo],
        continuum=cat.continuum[d.level][0],
        continuum_could_reach=cat.continuum[d.max_level][0],
        unknowns=unknowns,
        situations=situations,
        next_steps=steps,
        source=Source(comp, inp, red, d, paths),
    )
