import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tokt.directory.hsds import export_document, schema_errors
from tokt.directory.models import Actor


class Command(BaseCommand):
    help = "Write the directory as an Open Referral HSDS 3.0 JSON file (checked against the schema first)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Output file, or - for standard output.")

    def handle(self, *args, file, **options):
        document = export_document(Actor.objects.prefetch_related("municipalities"))
        errors = schema_errors(document)
        if errors:
            raise CommandError("export does not match the HSDS schema:\n" + "\n".join(errors))
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if file == "-":
            self.stdout.write(text)
            return
        Path(file).write_text(text + "\n", encoding="utf-8")
        self.stdout.write(f"export_hsds: wrote {len(document['services'])} actors to {file}")
