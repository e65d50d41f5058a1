from django.urls import path

from tokt.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("til-gjennomgang/", views.stale, name="stale"),
    path("artikkel/<slug:slug>/", views.article, name="article"),
    path("artikkel/<slug:slug>/<str:lang>/rediger/", views.edit, name="edit"),
    path("artikkel/<slug:slug>/<str:lang>/historikk/", views.history, name="history"),
    path("artikkel/<slug:slug>/<str:lang>/gjennomgatt/", views.mark_reviewed, name="mark_reviewed"),
]
