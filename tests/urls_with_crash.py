from django.urls import include, path

from tokt.accounts.permissions import public


@public
def crash(request):
    raise RuntimeError("deliberate failure for the 500-page test")


urlpatterns = [path("crash/", crash), path("", include("tokt.urls"))]
handler500 = "tokt.core.views.server_error"
