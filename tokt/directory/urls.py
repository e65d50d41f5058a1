from django.urls import path

from tokt.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.index, name="index"),
    path("henvisning/", views.referral, name="referral"),
    path("situasjon/<slug:slug>/", views.situation_detail, name="situation"),
    path("kontaktark/", views.contact_sheet, name="contact_sheet"),
    path("moter/", views.meetings, name="meetings"),
    path("moter/nytt/", views.meeting_create, name="meeting_create"),
    path("til-kontroll/", views.stale, name="stale"),
    path("hsds/eksport/", views.hsds_export, name="hsds_export"),
    path("hsds/import/", views.hsds_import, name="hsds_import"),
    path("aktor/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("aktor/<slug:slug>/rediger/", views.actor_edit, name="actor_edit"),
    path("aktor/<slug:slug>/bekreft/", views.actor_verify, name="actor_verify"),
    path("aktor/<slug:slug>/historikk/", views.actor_history, name="actor_history"),
]
