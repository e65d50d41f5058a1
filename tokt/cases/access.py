"""Who sees what of a case. Deny by default; no "break the glass".

- Members of the owning agency see the whole case.
- Another agency sees a case only while it is on an open conference the agency is
  invited to, or referred to it (sent or accepted), and then only the
  pseudonymised fields, unless a consent in force covers that agency.
- Coordinators see every case pseudonymised.
- Administrators and the personvernombud see no case (Perm.WORK_CASES).
"""

from __future__ import annotations

from enum import IntEnum

from django.db.models import Q
from django.http import Http404

from tokt.accounts.models import Role
from tokt.accounts.permissions import Perm, role_grants
from tokt.cases.choices import ConsentScope
from tokt.cases.models import Case, Conference, shared_case_ids


class Access(IntEnum):
    NONE = 0
    PSEUDONYMISED = 1
    DETAILS = 2  # consent covers the structured details, exact country included
    DETAILS_AND_NOTES = 3  # consent covers the notes too
    OWNER = 4


def _consented(case: Case, agency_id: int) -> Access | None:
    scopes = set(case.consents.in_force().filter(agencies=agency_id).values_list("scope", flat=True))
    if ConsentScope.DETAILS_AND_NOTES in scopes:
        return Access.DETAILS_AND_NOTES
    if ConsentScope.DETAILS in scopes:
        return Access.DETAILS
    return None


def case_access(user, case: Case) -> Access:
    if not role_grants(user, Perm.WORK_CASES):
        return Access.NONE
    if case.agency_id == user.agency_id:
        return Access.OWNER
    shared = bool(shared_case_ids(user.agency_id, case.pk))
    if not shared and user.role != Role.KOORDINATOR:
        return Access.NONE
    if shared:
        return _consented(case, user.agency_id) or Access.PSEUDONYMISED
    return Access.PSEUDONYMISED


def visible_cases(user):
    """The cases ``user`` may list (always shown pseudonymised in lists)."""
    if not role_grants(user, Perm.WORK_CASES):
        return Case.objects.none()
    if user.role == Role.KOORDINATOR:
        return Case.objects.all()
    # Few cases are shared at a time: a list of ids lets the database use its indexes for both halves.
    shared_ids = shared_case_ids(user.agency_id)
    return Case.objects.filter(Q(agency=user.agency_id) | Q(pk__in=shared_ids))


def get_case_for(user, public_id: str, *, minimum: Access = Access.PSEUDONYMISED) -> tuple[Case, Access]:
    """The case and the user's access, or 404 (existence never leaks to an agency without access)."""
    case = Case.objects.select_related("agency", "municipality").filter(public_id=public_id).first()
    if case is None:
        raise Http404
    access = case_access(user, case)
    if access < minimum:
        raise Http404
    return case, access


def conference_visible(user, conference: Conference) -> bool:
    return role_grants(user, Perm.WORK_CASES) and conference.invited_agencies.filter(pk=user.agency_id).exists()


def get_conference_for(user, public_id: str) -> Conference:
    conference = Conference.objects.filter(public_id=public_id).select_related("organiser").first()
    if conference is None or not conference_visible(user, conference):
        raise Http404
    return conference
