from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tokt.cases"
    verbose_name = "Cases"
