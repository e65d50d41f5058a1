from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "tokt.public"
    label = "public"
    verbose_name = "Offentlig informasjon"
