from django.urls import path

from tokt.public import admin_views

app_name = "public_admin"

urlpatterns = [
    path("tips/", admin_views.tip_list, name="tips"),
    path("tips/<int:pk>/", admin_views.tip_detail, name="tip_detail"),
    path("oversettelser/", admin_views.translations, name="translations"),
    path("trykksaker/", admin_views.print_material, name="print_material"),
    path("trykksaker/<slug:lang>/<slug:kind>.pdf", admin_views.print_download, name="print_download"),
]
