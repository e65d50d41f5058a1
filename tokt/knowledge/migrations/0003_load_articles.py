from django.db import migrations


class Migration(migrations.Migration):
    """Articles were loaded here in the first version; 0005 loads them now, once the
    model has all the fields the files fill in (an installation that ran this
    before keeps its articles, and 0005 finds them unchanged)."""

    dependencies = [("knowledge", "0002_search_index")]
    operations = []
