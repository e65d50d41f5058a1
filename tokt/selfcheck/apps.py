from django.apps import AppConfig


class SelfcheckConfig(AppConfig):
    name = "tokt.selfcheck"
    label = "selfcheck"
    verbose_name = "Sjekk arbeidsforholdet ditt"
