from django.urls import include, path
from django.views.i18n import set_language

from tokt.accounts.permissions import public

urlpatterns = [
    path("", include("tokt.core.urls")),
    path("konto/", include("tokt.accounts.urls")),
    path("revisjonslogg/", include("tokt.audit.urls")),
    path("i18n/setlang/", public(set_language), name="set_language"),
]

handler400 = "tokt.core.views.bad_request"
handler403 = "tokt.core.views.permission_denied"
handler404 = "tokt.core.views.page_not_found"
handler500 = "tokt.core.views.server_error"
