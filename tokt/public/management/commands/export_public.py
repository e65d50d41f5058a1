from pathlib import Path

from django.core.management.base import BaseCommand

from tokt.public.export import export_site


class Command(BaseCommand):
    help = "Write every public information page of every language, and its CSS/JS, as static files into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        result = export_site(directory)
        self.stdout.write(f"Wrote {result.pages} pages and {result.assets} static files to {result.directory}.")
        self.stdout.write(
            "The tip form (/<lang>/tips/) needs the ToKt server: route those paths to it, or link to its address."
        )
