from django.urls import path

from tokt.core import views

app_name = "core"

urlpatterns = [
    path("start/", views.home, name="home"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
]
