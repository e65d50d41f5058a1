from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "tokt.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base (Kunnskapsbank)"
