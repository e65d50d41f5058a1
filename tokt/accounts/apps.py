from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tokt.accounts"
    label = "accounts"
    verbose_name = "Accounts"
