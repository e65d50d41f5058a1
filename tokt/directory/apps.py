from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "tokt.directory"
    label = "directory"
    verbose_name = "Directory and referral paths"
