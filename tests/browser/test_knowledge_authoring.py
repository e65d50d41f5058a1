"""A coordinator writes the knowledge bank in the browser: create, preview, edit, retire, restore (axe on each page)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_a_coordinator_creates_previews_edits_retires_and_restores_an_article(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/kunnskap/")
    page.get_by_role("link", name="Skriv en ny artikkel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny artikkel")
    assert_accessible_at_widths(page, where="knowledge create")

    page.get_by_label("Norsk bokmål").check()
    page.get_by_label("Tittel").fill("Utnytting i oppdrettsnæringen")
    page.get_by_label("Sammendrag").fill("Hva du ser etter ved merdene og på båtene.")
    page.get_by_label("Tekst", exact=True).fill("Innledning om merdene.\n\n## Tegn\n\n- Lang arbeidstid\n")
    page.get_by_label("Alle", exact=True).uncheck()
    page.get_by_label("Arbeidstilsyn eller A-krim").check()
    page.get_by_label("Fiskeri og fiskeindustri").check()
    page.get_by_label("Kilder").fill("Arbeidstilsynet, https://www.arbeidstilsynet.no")
    page.get_by_role("button", name="Forhåndsvis").click()
    preview = page.get_by_role("region", name="Forhåndsvisning (ikke lagret)")
    expect(preview.get_by_role("heading", name="Tegn")).to_be_visible()
    expect(page.get_by_label("Tittel")).to_have_value("Utnytting i oppdrettsnæringen")
    assert_accessible_at_widths(page, where="knowledge create with preview")
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Utnytting i oppdrettsnæringen")

    page.get_by_role("link", name="Rediger artikkelen").click()
    page.get_by_label("Tekst", exact=True).fill(
        "Innledning om merdene og brønnbåtene.\n\n## Tegn\n\n- Lang arbeidstid\n"
    )
    page.get_by_role("button", name="Forhåndsvis").click()
    expect(page.get_by_role("region", name="Forhåndsvisning (ikke lagret)")).to_contain_text("brønnbåtene")
    assert_accessible_at_widths(page, where="knowledge edit with preview")
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.locator(".tokt-prose")).to_contain_text("brønnbåtene")

    page.get_by_role("button", name="Trekk tilbake artikkelen").click()
    expect(page.get_by_text("Artikkelen er trukket tilbake.").first).to_be_visible()
    assert_accessible_at_widths(page, where="retired article")
    page.goto("/kunnskap/?q=br%C3%B8nnb%C3%A5tene")
    expect(page.get_by_role("heading", level=2, name="0 artikler passer søket")).to_be_visible()
    page.goto("/kunnskap/tilbaketrukket/")
    assert_accessible_at_widths(page, where="knowledge retired list")
    listed = page.get_by_role("listitem").filter(has_text="Utnytting i oppdrettsnæringen")
    listed.get_by_role("button", name="Ta i bruk igjen").click()
    expect(page.get_by_text("Artikkelen er tatt i bruk igjen.")).to_be_visible()
    page.goto("/kunnskap/?q=br%C3%B8nnbatene")
    expect(page.locator(".tokt-kb-result").first).to_contain_text("Utnytting i oppdrettsnæringen")
    expect(page.get_by_text("Mente du")).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge search with a suggestion")
    page.wait_for_load_state("networkidle")


def test_a_coordinator_restores_an_earlier_version_from_the_history(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/kunnskap/artikkel/ordliste/nb/rediger/")
    page.get_by_label("Tittel").fill("Ordliste (midlertidig)")
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.goto("/kunnskap/artikkel/ordliste/nb/historikk/")
    expect(page.get_by_text("gjeldende versjon")).to_be_visible()
    page.get_by_role("button", name="Gjenopprett versjonen fra").click()
    expect(page.get_by_text("Den tidligere versjonen er gjenopprettet.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ordliste: begreper")
    # Let the page's last requests finish before the live server is torn down (see issue 9).
    page.wait_for_load_state("networkidle")
