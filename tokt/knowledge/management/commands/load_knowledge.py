from pathlib import Path

from django.core.management.base import BaseCommand

from tokt.knowledge.content_check import DEFAULT_DIR
from tokt.knowledge.services import articles_load


class Command(BaseCommand):
    help = (
        "Load content/knowledge/*.md into the database (idempotent): new files create articles, changed files "
        "update articles nobody has edited in the web UI. A web edit is never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--folder", type=Path, default=DEFAULT_DIR, help="folder with <slug>.<nb|en>.md files")
        parser.add_argument(
            "--force", action="store_true", help="reload unchanged files too (never articles edited in the web UI)"
        )

    def handle(self, *args, folder: Path, force: bool, **options):
        report = articles_load(folder=folder, force=force)
        for problem in report.problems:
            self.stderr.write(f"problem: {problem}")
        for label in report.kept_edited:
            self.stderr.write(
                f"kept: {label} was changed in the web UI, which is the source of truth; its file was not loaded"
            )
        for label in report.orphaned:
            self.stderr.write(f"orphaned: {label} is in the database but has no file (not deleted)")
        self.stdout.write(
            f"Knowledge articles: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.kept_edited)} kept (changed in the web UI), "
            f"{len(report.problems)} problem(s)."
        )
