from django.urls import path

from tokt.training import views

app_name = "training"

urlpatterns = [
    path("", views.index, name="index"),
    path("statistikk/", views.stats, name="stats"),
    path("kursbevis/<str:code>/", views.certificate, name="certificate"),
    path("<slug:slug>/", views.module_detail, name="module"),
    path("<slug:slug>/steg/<int:number>/", views.step, name="step"),
    path("<slug:slug>/quiz/resultat/", views.quiz_result, name="quiz_result"),
    path("<slug:slug>/oppgave/<slug:exercise>/resultat/", views.exercise_result, name="exercise_result"),
]
