from django.urls import include, path

from tokt.accounts.views import language_choose

urlpatterns = [
    path("", include("tokt.core.urls")),
    path("konto/", include("tokt.accounts.urls")),
    path("revisjonslogg/", include("tokt.audit.urls")),
    path("sjekk/", include("tokt.screening.urls")),
    path("aktorer/", include("tokt.directory.urls")),
    path("kunnskap/", include("tokt.knowledge.urls")),
    path("saker/", include("tokt.cases.urls")),
    path("styringsdata/", include("tokt.stats.urls")),
    path("opplaering/", include("tokt.training.urls")),
    path("i18n/setlang/", language_choose, name="set_language"),
    path("koordinator/offentlig/", include("tokt.public.coordinator_urls")),
    # Before the public catch-all "<lang>/<page>/": the workers' self-check.
    path("", include("tokt.selfcheck.urls")),
    # Last: the public site lives at the root ("/", "/<lang>/...").
    path("", include("tokt.public.urls")),
]

handler400 = "tokt.core.views.bad_request"
handler403 = "tokt.core.views.permission_denied"
handler404 = "tokt.core.views.page_not_found"
handler500 = "tokt.core.views.server_error"
