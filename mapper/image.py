"""Static pictures of maps, through the same headless Chromium the tests use."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import RenderError

__all__ = ["find_chromium", "write_png", "CHROMIUM_ARGS"]

#: Flags for a closed network: without the background-networking ones Chromium
#: keeps trying to reach its update and sync services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def find_chromium() -> str | None:
    """The system Chromium: $CHROMIUM, or chromium / chromium-browser on PATH."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def write_png(html: str, png_path: Path, *, size: tuple[int, int] = (1280, 800),
              timeout_ms: int = 20_000) -> Path:
    """Load a map's HTML in headless Chromium, wait for tiles (or their failure), save a PNG.

    Give it a self-contained map: the picture must not depend on a CDN.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RenderError("--png needs Playwright: pip install 'armaz-conflict-maps[browser]'") from exc
    executable = find_chromium()
    if executable is None:
        raise RenderError("--png needs Chromium: install Debian's 'chromium' package or set $CHROMIUM")
    width, height = size
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.set_content(html, wait_until="load")
                page.wait_for_selector(".leaflet-container[data-claims-ready]", timeout=timeout_ms)
                try:
                    page.wait_for_load_state("networkidle", timeout=5_000)
                except PlaywrightError:
                    pass  # tiles that never load must not block the picture
                page.screenshot(path=str(png_path))
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise RenderError(f"{png_path}: could not take a picture: {exc}") from exc
    return png_path
