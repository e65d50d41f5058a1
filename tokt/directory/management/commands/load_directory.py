from types import SimpleNamespace

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tokt.directory import datafile, models
from tokt.directory.loading import load_directory


class Command(BaseCommand):
    help = "Load tokt/directory/data/*.yaml into the database (idempotent; keeps actors edited in the web UI)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite", action="store_true", help="Also overwrite actors a coordinator edited in the web UI."
        )

    def handle(self, *args, overwrite=False, **options):
        try:
            with transaction.atomic():
                report = load_directory(
                    models=SimpleNamespace(
                        Actor=models.Actor,
                        ReferralSituation=models.ReferralSituation,
                        ReferralStep=models.ReferralStep,
                        StepActor=models.StepActor,
                        ActorText=models.ActorText,
                    ),
                    overwrite=overwrite,
                )
        except datafile.DirectoryDataError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"load_directory: {report.summary()}")
