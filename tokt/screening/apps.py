from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "tokt.screening"
    label = "screening"
    verbose_name = "Screening"
