from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "tokt.stats"
    verbose_name = "Styringsdata"
