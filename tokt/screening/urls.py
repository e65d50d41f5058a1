from django.urls import path

from tokt.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.start, name="start"),
    path("sporsmal/", views.flow, name="flow"),
    path("metode/", views.method, name="method"),
]
