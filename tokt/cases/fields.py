from __future__ import annotations

from django.db import models

from tokt.cases import crypto


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token: the database (and any dump of it) holds only ciphertext.

    Not searchable or sortable by content, on purpose.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)


def encrypted_fields():
    """(model, [field names]) for every model with encrypted text, for key rotation."""
    from django.apps import apps

    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names
