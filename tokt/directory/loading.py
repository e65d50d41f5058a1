"""Copy the directory's YAML files into the database, idempotently.

Used by migration 0002 (with the migration's historical models) and by the
``load_directory`` command (with the real ones, so history is recorded).
Rows are saved only when something changed, so running it on every start
adds no history noise. Actors a coordinator has edited in the web UI are left
alone unless ``overwrite`` is given. Referral paths are maintained in
referral_paths.yaml and always follow the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tokt.directory import datafile
from tokt.directory.translation_file import ActorTranslation, load_translations


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept_ui_edits: list[str] = field(default_factory=list)
    situations_changed: list[str] = field(default_factory=list)
    translations_changed: int = 0

    def summary(self) -> str:
        return (
            f"actors: {len(self.created)} created, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.kept_ui_edits)} kept (edited in the web UI: {', '.join(self.kept_ui_edits) or '-'}); "
            f"referral paths rewritten: {', '.join(self.situations_changed) or 'none'}; "
            f"translations saved: {self.translations_changed}"
        )


def actor_fields(actor: datafile.Actor) -> dict:
    """Model field values for one validated actor from actors.yaml."""
    return {
        "name": actor.name,
        "kind": actor.kind,
        "description_nb": actor.description.nb,
        "description_en": actor.description.en,
        "services": list(actor.services),
        "all_municipalities": actor.municipalities == "all",
        "phone": actor.phone or "",
        "email": actor.email or "",
        "url": actor.url or "",
        "address": actor.address or "",
        "hours_nb": actor.hours.nb if actor.hours else "",
        "hours_en": actor.hours.en if actor.hours else "",
        "languages": list(actor.languages),
        "anonymous": actor.anonymous,
        "cost": actor.cost,
        "internal_note": actor.internal_note,
        "public": actor.public,
        "verified": actor.verified,
        "last_verified": actor.last_verified,
        "verified_by": actor.verified_by,
        "source": list(actor.source),
    }


def _save_if_changed(obj, fields: dict) -> bool:
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, fields[name])
    if changed:
        obj.save()
    return bool(changed)


def load_directory(*, models, overwrite: bool = False, actors=None, situations=None, translations=None) -> LoadReport:
    """``models``: an object with Actor, ReferralSituation, ReferralStep, StepActor (and ActorText) attributes."""
    actors = actors if actors is not None else datafile.load_actors()
    situations = situations if situations is not None else datafile.load_referral_paths(actors=actors)
    report = LoadReport()
    Actor = models.Actor
    # An early migration runs this with a historical model that lacks later fields.
    known = {f.name for f in Actor._meta.get_fields()}
    for position, item in enumerate(actors, start=1):
        fields = {k: v for k, v in (actor_fields(item) | {"position": position}).items() if k in known}
        numbers = [] if item.municipalities == "all" else sorted(item.municipalities)
        obj = Actor.objects.filter(slug=item.id).first()
        if obj is None:
            obj = Actor.objects.create(slug=item.id, **fields)
            obj.municipalities.set(numbers)
            report.created.append(item.id)
            continue
        if obj.edited_in_ui and not overwrite:
            report.kept_ui_edits.append(item.id)
            continue
        changed = _save_if_changed(obj, fields | {"edited_in_ui": False})
        if sorted(obj.municipalities.values_list("number", flat=True)) != numbers:
            obj.municipalities.set(numbers)
            changed = True
        if changed:
            report.updated.append(item.id)
        else:
            report.unchanged += 1
    for position, situation in enumerate(situations, start=1):
        if _sync_situation(models, situation, position):
            report.situations_changed.append(situation.id)
    if getattr(models, "ActorText", None) is not None:
        rows = translations if translations is not None else load_translations(a.id for a in actors)
        report.translations_changed = _sync_translations(models, rows, overwrite=overwrite)
    return report


def _sync_translations(models, rows: list[ActorTranslation], *, overwrite: bool) -> int:
    """Create or update one row per (actor, field, language); rows a coordinator edited stay unless ``overwrite``."""
    actors = {a.slug: a for a in models.Actor.objects.all()}
    existing = {(t.actor.slug, t.field, t.lang): t for t in models.ActorText.objects.select_related("actor")}
    changed = 0
    for row in rows:
        fields = {"text": row.text, "status": row.status, "translated_on": row.translated_on}
        obj = existing.get((row.actor_id, row.field, row.lang))
        if obj is None:
            models.ActorText.objects.create(actor=actors[row.actor_id], field=row.field, lang=row.lang, **fields)
            changed += 1
        elif (overwrite or not obj.edited_in_ui) and _save_if_changed(obj, fields):
            changed += 1
    return changed


def _step_rows(situation: datafile.Situation) -> list[tuple]:
    rows = []
    for number, step in enumerate(situation.steps, start=1):
        rows.append(
            (
                number,
                step.title.nb,
                step.title.en,
                step.detail.nb,
                step.detail.en,
                step.when.nb if step.when else "",
                step.when.en if step.when else "",
                tuple(step.actors),
            )
        )
    return rows


def _sync_situation(models, situation: datafile.Situation, position: int) -> bool:
    fields = {
        "title_nb": situation.title.nb,
        "title_en": situation.title.en,
        "summary_nb": situation.summary.nb,
        "summary_en": situation.summary.en,
        "sources": list(situation.sources),
        "unverified": list(situation.unverified),
        "position": position,
    }
    obj = models.ReferralSituation.objects.filter(slug=situation.id).first()
    if obj is None:
        obj = models.ReferralSituation.objects.create(slug=situation.id, **fields)
        changed = True
    else:
        changed = _save_if_changed(obj, fields)
    existing = [
        (
            s.number,
            s.title_nb,
            s.title_en,
            s.detail_nb,
            s.detail_en,
            s.when_nb,
            s.when_en,
            tuple(models.StepActor.objects.filter(step=s).order_by("position").values_list("actor__slug", flat=True)),
        )
        for s in models.ReferralStep.objects.filter(situation=obj).order_by("number")
    ]
    wanted = _step_rows(situation)
    if existing == wanted:
        return changed
    models.ReferralStep.objects.filter(situation=obj).delete()
    actors = {a.slug: a for a in models.Actor.objects.all()}
    for number, title_nb, title_en, detail_nb, detail_en, when_nb, when_en, actor_ids in wanted:
        step = models.ReferralStep.objects.create(
            situation=obj,
            number=number,
            title_nb=title_nb,
            title_en=title_en,
            detail_nb=detail_nb,
            detail_en=detail_en,
            when_nb=when_nb,
            when_en=when_en,
        )
        for index, actor_id in enumerate(actor_ids, start=1):
            models.StepActor.objects.create(step=step, actor=actors[actor_id], position=index)
    return True
