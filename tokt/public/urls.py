from django.urls import path, register_converter

from tokt.public import views
from tokt.public.converters import LanguageConverter, LanguageShapedConverter

register_converter(LanguageConverter, "publiclang")
register_converter(LanguageShapedConverter, "langshaped")

app_name = "public"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("<publiclang:lang>/", views.home, name="home"),
    path("<publiclang:lang>/tips/", views.tips, name="tips"),
    path("<publiclang:lang>/tips/sendt/", views.tip_sent, name="tip_sent"),
    path("<publiclang:lang>/<slug:page_id>/", views.page, name="page"),
    # Unnamed on purpose: helpful 404 pages for unknown languages and deeper paths.
    path("<langshaped:code>/", views.unknown_language),
    path("<langshaped:code>/<path:rest>/", views.unknown_language),
]
