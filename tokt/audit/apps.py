from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tokt.audit"
    label = "audit"
    verbose_name = "Audit trail"
