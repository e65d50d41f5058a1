from pathlib import Path

from django.core.management.base import BaseCommand

from tokt.knowledge import search_index
from tokt.knowledge.content_check import DEFAULT_DIR
from tokt.knowledge.services import articles_load


class Command(BaseCommand):
    help = (
        "Load content/knowledge/*.md into the database (idempotent). Articles a coordinator has edited in the "
        "web UI are kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=DEFAULT_DIR, help="folder with <slug>.<nb|en>.md files")
        parser.add_argument(
            "--force", action="store_true", help="reload every file, overwriting edits made in the web UI"
        )
        parser.add_argument("--reindex", action="store_true", help="also rebuild the search index from the database")

    def handle(self, *args, directory: Path, force: bool, reindex: bool, **options):
        report = articles_load(directory=directory, force=force)
        if reindex:
            search_index.rebuild()
        for problem in report.problems:
            self.stderr.write(f"problem: {problem}")
        for label in report.kept_edited:
            self.stderr.write(
                f"kept: {label} was edited in the web UI and its file changed; copy the edit into the "
                "file, then run with --force"
            )
        for label in report.orphaned:
            self.stderr.write(f"orphaned: {label} is in the database but has no file (not deleted)")
        self.stdout.write(
            f"Knowledge articles: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.kept_edited)} kept (edited in the web UI), "
            f"{len(report.problems)} problem(s)."
        )
