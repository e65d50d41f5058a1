from django.core.management.base import BaseCommand

from tokt.directory.selectors import stale_actors


class Command(BaseCommand):
    help = "List directory entries not verified for more than six months (for the coordinators)."

    def handle(self, *args, **options):
        actors = stale_actors()
        for actor in actors:
            self.stdout.write(f"{actor.last_verified:%Y-%m-%d}  {actor.slug}  {actor.name}")
        self.stdout.write(f"directory_stale: {len(actors)} entr{'y' if len(actors) == 1 else 'ies'} to verify")
