"""axe-core (bundled by axe-playwright-python, no download) on the page a Playwright page
shows: the violations a person with assistive technology would hit hardest."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

SERIOUS = ("serious", "critical")


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} ×{len(v['nodes'])} e.g. {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]
