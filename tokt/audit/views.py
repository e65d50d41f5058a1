from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import render

from tokt.accounts.permissions import Perm, require
from tokt.audit.forms import AuditFilterForm
from tokt.audit.models import AuditAction
from tokt.audit.selectors import audit_chain_break, audit_entries
from tokt.audit.services import log_action


@require(Perm.READ_AUDIT)
def audit_list(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    with transaction.atomic():
        log_action(
            actor=request.user, action=AuditAction.AUDIT_VIEWED, details={k: str(v) for k, v in filters.items() if v}
        )
        page = Paginator(audit_entries(**filters), 50).get_page(request.GET.get("side"))
        chain_break = audit_chain_break(incremental=True)
    # One lookup table instead of get_action_display(), which rebuilds it for every row.
    labels = dict(AuditAction.choices)
    for entry in page:
        entry.action_label = labels.get(entry.action, entry.action)
    query = request.GET.copy()
    query.pop("side", None)
    context = {"form": form, "page": page, "chain_break": chain_break, "query": query.urlencode()}
    return render(request, "audit/audit_list.html", context)
