from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tokt.directory.hsds import HsdsImportError, import_file


class Command(BaseCommand):
    help = "Import an Open Referral HSDS 3.0 JSON file into the directory; an invalid file changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            raw = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror or exc}") from None
        try:
            report = import_file(raw)
        except HsdsImportError as exc:
            raise CommandError(f"{len(exc.errors)} problem(s), nothing changed:\n" + "\n".join(exc.errors)) from None
        self.stdout.write(
            f"import_hsds: {len(report.created)} created, {len(report.updated)} updated, {len(report.unchanged)} unchanged"
        )
