from django.core.management.base import BaseCommand, CommandError

from tokt.training.content import DEFAULT_DIR, load_modules


class Command(BaseCommand):
    help = (
        "Check content/training/*.yaml (articles, catalogue signs, answers, both languages); print file:line problems."
    )

    def handle(self, *args, **options):
        modules, problems = load_modules(DEFAULT_DIR)
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in {len(modules)} module file(s)")
        self.stdout.write(f"{len(modules)} module file(s), no problems")
