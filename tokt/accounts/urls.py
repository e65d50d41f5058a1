from django.urls import path

from tokt.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logg-inn/", views.login_view, name="login"),
    path("logg-inn/kode/", views.otp_verify_view, name="otp_verify"),
    path("logg-inn/tofaktor/", views.otp_enrol_view, name="otp_enrol"),
    path("logg-ut/", views.logout_view, name="logout"),
    path("forleng/", views.session_extend, name="session_extend"),
    path("brukere/", views.user_list, name="user_list"),
    path("brukere/ny/", views.user_create, name="user_create"),
    path("brukere/<int:pk>/", views.user_detail, name="user_detail"),
    path("brukere/<int:pk>/<slug:action>/", views.user_action, name="user_action"),
]
