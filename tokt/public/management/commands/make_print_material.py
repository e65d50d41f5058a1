from pathlib import Path

from django.core.management.base import BaseCommand

from tokt.public.printing import public_url, write_all


class Command(BaseCommand):
    help = "Write an A4 poster and an A5 leaflet (PDF, with a QR code) for every public language into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        written = write_all(directory)
        self.stdout.write(f"Wrote {len(written)} PDF files to {directory} (QR codes point to {public_url('nb')} etc.).")
