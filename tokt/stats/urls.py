from django.urls import path

from tokt.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("arsrapport/", views.annual, name="annual"),
    path("arsrapport/<int:year>.pdf", views.annual_pdf, name="annual_pdf"),
    path("arsrapport/<int:year>.xlsx", views.annual_xlsx, name="annual_xlsx"),
    path("offentlig-utgivelse/", views.releases, name="releases"),
]
