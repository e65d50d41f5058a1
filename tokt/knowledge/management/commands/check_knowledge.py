from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tokt.knowledge.content_check import DEFAULT_DIR, check_folder


class Command(BaseCommand):
    help = (
        "Check the knowledge articles (front matter, ids, translations, Markdown, no internal files cited) "
        "and name file and line of each problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", type=Path, default=DEFAULT_DIR, help="folder with <slug>.<nb|en>.md files")

    def handle(self, *args, folder: Path, **options):
        problems = check_folder(folder)
        for problem in problems:
            self.stderr.write(str(problem))
        count = len(list(folder.glob("*.md"))) if folder.is_dir() else 0
        if problems:
            raise CommandError(f"{count} files checked, {len(problems)} problem(s).")
        self.stdout.write(f"{count} files checked, no problems.")
