from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tokt.core"
    label = "core"
    verbose_name = "ToKt core"
