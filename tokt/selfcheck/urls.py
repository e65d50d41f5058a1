from django.urls import path, register_converter

from tokt.public.converters import LanguageConverter
from tokt.selfcheck import views

register_converter(LanguageConverter, "selfchecklang")

app_name = "selfcheck"

# Mounted before the public site's catch-all "<lang>/<page>/" in tokt/urls.py.
urlpatterns = [
    path("favicon.ico", views.no_favicon, name="no_favicon"),
    path("<selfchecklang:lang>/sjekk-arbeid/", views.check, name="check"),
    path("<selfchecklang:lang>/sjekk-arbeid/resultat/", views.result, name="result"),
    path("<selfchecklang:lang>/sjekk-arbeid/lonn/", views.pay, name="pay"),
    path("oppsokende/annonse/", views.advert, name="advert"),
]
