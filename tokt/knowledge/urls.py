from django.urls import path

from tokt.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("til-gjennomgang/", views.stale, name="stale"),
    path("ny/", views.create, name="create"),
    path("tilbaketrukket/", views.retired, name="retired"),
    path("artikkel/<slug:slug>/", views.article, name="article"),
    path("artikkel/<slug:slug>/<str:lang>/rediger/", views.edit, name="edit"),
    path("artikkel/<slug:slug>/<str:lang>/historikk/", views.history, name="history"),
    path("artikkel/<slug:slug>/<str:lang>/gjennomgatt/", views.mark_reviewed, name="mark_reviewed"),
    path("artikkel/<slug:slug>/<str:lang>/trekk-tilbake/", views.retire, name="retire"),
    path("artikkel/<slug:slug>/<str:lang>/ta-i-bruk/", views.restore, name="restore"),
    path(
        "artikkel/<slug:slug>/<str:lang>/historikk/<int:history_id>/gjenopprett/",
        views.restore_version,
        name="restore_version",
    ),
]
