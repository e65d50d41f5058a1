"""axe-core in the real browser: fails on any WCAG 2.0/2.1 A or AA violation."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def assert_accessible(page, where: str = "") -> None:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    # A page whose CSP kept axe from running would report no violations: require evidence it ran.
    assert results.response.get("passes"), f"axe did not run on {where or page.url} (blocked by the page's CSP?)"
    violations = results.response.get("violations", [])
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
        ]
        raise AssertionError(f"axe found {len(violations)} violation(s) on {where or page.url}:\n" + "\n".join(lines))


def assert_accessible_at_widths(page, widths=(320, 1280), where: str = "") -> None:
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page, f"{where or page.url} at {width}px")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{where or page.url} scrolls sideways by {overflow}px at {width}px"
