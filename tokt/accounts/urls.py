from django.urls import path

from tokt.accounts import views

app_name = "accounts"

urlpatterns = [
    path("logg-inn/", views.login_view, name="login"),
    path("logg-inn/kode/", views.otp_verify_view, name="otp_verify"),
    path("logg-inn/tofaktor/", views.otp_enrol_view, name="otp_enrol"),
    path("logg-inn/passord/", views.login_finish_view, name="login_finish"),
    path("aktiver/<str:token>/", views.enrolment_link_view, name="enrolment_link"),
    path("logg-ut/", views.logout_view, name="logout"),
    path("forleng/", views.session_extend, name="session_extend"),
    path("meg/", views.me, name="me"),
    path("meg/passord/", views.me_password, name="me_password"),
    path("meg/reservekoder/", views.me_recovery_codes, name="me_recovery_codes"),
    path("meg/telefon/", views.me_device, name="me_device"),
    path("brukere/", views.user_list, name="user_list"),
    path("brukere/ny/", views.user_create, name="user_create"),
    path("brukere/<int:pk>/", views.user_detail, name="user_detail"),
    path("brukere/<int:pk>/<slug:action>/", views.user_action, name="user_action"),
]
