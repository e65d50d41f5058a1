from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "tokt.training"
    label = "training"
    verbose_name = "Training (Opplæring)"
