"""Markers of places that sit on one spot are set apart, on SVG and on canvas.

Three hills a few metres apart, claimed by three sides, would paint one
marker over the others: the reader would see one side's claim and never know
of the other two. Both marker paths move each marker to the nearest free spot
(claims.js, spotFinder): here the three must all be visible, none on another.
"""

import csv

import pytest
from click.testing import CliRunner

from mapper.cli import cli
from mapper.payload import SIDE_COLORS

from .test_browser import open_map
from .test_browser_canvas import force_canvas, rgb

pytestmark = pytest.mark.browser

CLUSTER = (39.80, 46.75)
ROWS = [
    ("a", "2020-10-01", "Hill 1", "Aliyev", "Azerbaijan", "captured", "39.8000", "46.7500"),
    ("b", "2020-10-01", "Hill 2", "Artsakh Defense Army", "Artsakh", "holds", "39.8001", "46.7501"),
    ("c", "2020-10-01", "Hill 3", "Armenia MoD", "Armenia", "attacked", "39.8002", "46.7502"),
    ("d", "2020-10-01", "Hadrut", "Aliyev", "Azerbaijan", "captured", "", ""),
]


def build(tmp_path):
    with (tmp_path / "h.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "place", "claimant", "side", "claim", "lat", "lon"])
        writer.writerows(ROWS)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "h.csv"), "--name", "h", "--output-dir", str(tmp_path),
                                      "--self-contained"])
    assert result.exit_code == 0, result.output
    return tmp_path / "h.html"


def test_svg_markers_on_one_spot_are_set_apart(browser, tmp_path):
    page, errors = open_map(browser, build(tmp_path))
    page.wait_for_function("document.querySelectorAll('.cm-marker').length === 4")
    # Set apart once the map rests (declutter runs after a 120 ms pause).
    page.wait_for_function("""() => [...document.querySelectorAll('.cm-marker')]
                                      .filter(m => m.style.translate).length >= 2""", timeout=5000)
    centres = page.locator(".cm-marker").evaluate_all("""els => els.map(e => {
        const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })""")
    pairs = [(a, b) for i, a in enumerate(centres) for b in centres[i + 1:]]
    # No two markers within one marker's 26 px box of each other.
    assert all(max(abs(a[0] - b[0]), abs(a[1] - b[1])) >= 25 for a, b in pairs), centres
    assert errors == []


# The side colours painted on the canvas in a box around the cluster.
PAINTED = """([lat, lon, half]) => {
  const map = window[document.querySelector('.folium-map').id], box = map.getContainer().getBoundingClientRect();
  const canvas = document.querySelector('canvas.cm-canvas'), r = canvas.getBoundingClientRect();
  const pt = map.latLngToContainerPoint([lat, lon]), sx = canvas.width / r.width;
  const x0 = Math.round((box.left + pt.x - half - r.left) * sx), y0 = Math.round((box.top + pt.y - half - r.top) * sx);
  const w = Math.round(2 * half * sx), px = canvas.getContext('2d').getImageData(x0, y0, w, w).data, seen = {};
  for (let i = 0; i < px.length; i += 4) if (px[i + 3] === 255) seen[[px[i], px[i + 1], px[i + 2]].join()] = 1;
  return Object.keys(seen);
}"""


def test_canvas_markers_on_one_spot_are_set_apart(browser, tmp_path):
    path = build(tmp_path)
    force_canvas(path)
    page, errors = open_map(browser, path)
    want = {",".join(map(str, rgb(SIDE_COLORS[s]))) for s in ("Azerbaijan", "Artsakh", "Armenia")}
    # Each side's marker shows somewhere within two rings of spots around the cluster.
    page.wait_for_function(f"([c, want]) => want.every(w => ({PAINTED})([c[0], c[1], 60]).includes(w))",
                           arg=[list(CLUSTER), sorted(want)], timeout=5000)
    # Only one marker's colour at the cluster's very point: the others moved off it.
    assert len(want & set(page.evaluate(PAINTED, [*CLUSTER, 3]))) == 1
    assert errors == []
