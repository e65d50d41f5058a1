"""Who may do what: the one place where permissions are decided. Deny by default."""

from __future__ import annotations

from enum import StrEnum
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from tokt.accounts.models import Role


class Perm(StrEnum):
    USE_START_PAGE = "use_start_page"
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    READ_INTERNAL_KNOWLEDGE = "read_internal_knowledge"
    EDIT_KNOWLEDGE = "edit_knowledge"
    READ_DIRECTORY = "read_directory"
    EDIT_DIRECTORY = "edit_directory"
    TRIAGE_TIPS = "triage_tips"
    DOWNLOAD_PRINT_MATERIAL = "download_print_material"
    REVIEW_TRANSLATIONS = "review_translations"
    WORK_CASES = "work_cases"
    VIEW_STATISTICS = "view_statistics"
    USE_ADVERT_AID = "use_advert_aid"
    TAKE_TRAINING = "take_training"
    VIEW_TRAINING_STATS = "view_training_stats"


_MEMBER = {Role.FAGPERSON, Role.KOORDINATOR, Role.ADMINISTRATOR}

GRANTS: dict[Perm, frozenset[Role]] = {
    Perm.USE_START_PAGE: frozenset(Role),
    Perm.MANAGE_USERS: frozenset({Role.ADMINISTRATOR}),
    # The data-protection officer reads the audit trail and nothing else.
    Perm.READ_AUDIT: frozenset({Role.PERSONVERNOMBUD}),
    Perm.READ_INTERNAL_KNOWLEDGE: frozenset(_MEMBER),
    Perm.EDIT_KNOWLEDGE: frozenset({Role.KOORDINATOR}),
    Perm.READ_DIRECTORY: frozenset(_MEMBER),
    Perm.EDIT_DIRECTORY: frozenset({Role.KOORDINATOR}),
    Perm.TRIAGE_TIPS: frozenset({Role.KOORDINATOR}),
    Perm.DOWNLOAD_PRINT_MATERIAL: frozenset({Role.KOORDINATOR}),
    Perm.REVIEW_TRANSLATIONS: frozenset({Role.KOORDINATOR}),
    # Case work: administrators manage users, not cases; the personvernombud
    # reads the audit trail, never case content. Which case: tokt/cases/access.py.
    Perm.WORK_CASES: frozenset({Role.FAGPERSON, Role.KOORDINATOR}),
    # Network-wide statistics (small counts hidden) and the annual report.
    Perm.VIEW_STATISTICS: frozenset({Role.KOORDINATOR}),
    # Outreach workers are members (fagperson); nothing pasted is stored.
    Perm.USE_ADVERT_AID: frozenset(_MEMBER),
    Perm.TAKE_TRAINING: frozenset(_MEMBER),
    # Completion counts per agency and the questions most learners get wrong.
    Perm.VIEW_TRAINING_STATS: frozenset({Role.KOORDINATOR}),
}


def is_signed_in(user) -> bool:
    """Authenticated, active and, where two-factor login is required, verified."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return not settings.OTP_REQUIRED or user.is_verified()


def has_perm(user, perm: Perm) -> bool:
    if not is_signed_in(user):
        return False
    return user.role in GRANTS.get(perm, frozenset())


def role_grants(user, perm: Perm) -> bool:
    """Whether the user's role holds ``perm``, for services that run outside a request.

    Views still check ``has_perm`` (signed in and verified) before they call a service.
    """
    return bool(getattr(user, "is_active", False)) and user.role in GRANTS.get(perm, frozenset())


def require(perm: Perm):
    """View decorator: anonymous users go to login, others without ``perm`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not is_signed_in(request.user):
                return redirect_to_login(request.get_full_path())
            if not has_perm(request.user, perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.tokt_permission = perm  # type: ignore[attr-defined]  # read by tests/test_every_url.py
        return wrapped

    return decorator


def public(view):
    """Mark a view as deliberately open to everyone (checked by a test over all URLs)."""
    view.tokt_public = True
    return view


def menu_for(user) -> dict[str, bool]:
    return {perm.value: has_perm(user, perm) for perm in Perm}
