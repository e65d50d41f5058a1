from django.urls import path

from tokt.public import coordinator_views

app_name = "public_admin"

urlpatterns = [
    path("tips/", coordinator_views.tip_list, name="tips"),
    path("tips/<int:pk>/", coordinator_views.tip_detail, name="tip_detail"),
    path("oversettelser/", coordinator_views.translations, name="translations"),
    path("trykksaker/", coordinator_views.print_material, name="print_material"),
    path("trykksaker/<slug:lang>/<slug:kind>.pdf", coordinator_views.print_download, name="print_download"),
]
