/* Claims layer for Leaflet: one marker per place, claimed control by date,
 * a side panel for claims about a whole country or region, filters by side,
 * claimant and status, and a time slider whose step touches only what changes.
 *
 * A static file, never a template: the data comes from a JSON script element
 * (type application/json), read with JSON.parse. Every string from a ledger
 * reaches the page as text (textContent, text nodes, DOM properties), never
 * as markup. Every UI string and date comes formatted from Python, in the
 * page's language: this script formats no date itself. */
// The data: a JSON element in the page, or (an external-assets build, for
// pages whose policy forbids inline scripts) an object a data file set.
function mapperReadData(dataId) {
  "use strict";
  var node = document.getElementById(dataId);
  if (node) return JSON.parse(node.textContent);
  return window.mapperClaimsData[dataId];
}

window.mapperClaimsLayer = function (map, dataId) {
  "use strict";
  var D = mapperReadData(dataId);
  var S = D.strings, T = D.ui;
  var AREA_FILLED = {captured: 1, holds: 1};
  var CONTROL_KINDS = {captured: 1, holds: 1, withdrew: 1};
  // Marker shapes as SVG elements and attributes: the script writes no markup at all.
  var SHAPES = {
    captured: [["polygon", {points: "9,1 17,16 1,16"}]],
    holds: [["rect", {x: 2, y: 2, width: 14, height: 14}]],
    withdrew: [["polygon", {points: "1,2 17,2 9,17"}]],
    denies: [["circle", {cx: 9, cy: 9, r: 7, "fill-opacity": 0.25}],
             ["line", {x1: 4, y1: 4, x2: 14, y2: 14, "stroke-width": 2.5}]],
    attacked: [["polygon", {points: "9,1 17,9 9,17 1,9"}]],
    casualties: [["polygon", {points: "6,1 12,1 12,6 17,6 17,12 12,12 12,17 6,17 6,12 1,12 1,6 6,6"}]],
    violation: [["polygon", {points: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7"}]],
    other: [["circle", {cx: 9, cy: 9, r: 7}]]
  };
  function svgElement(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (a) { node.setAttribute(a, String(attrs[a])); });
    return node;
  }
  function shapeInto(parent, kind) {
    SHAPES[kind].forEach(function (part) { parent.appendChild(svgElement(part[0], part[1])); });
    return parent;
  }

  // --- data ----------------------------------------------------------------
  // Claims come by column (payload.py): one object per claim again, here.
  D.claims = (function (cols) {
    var keys = Object.keys(cols), out = new Array(cols.id.length);
    for (var i = 0; i < out.length; i++) {
      var c = {};
      for (var k = 0; k < keys.length; k++) {
        var v = cols[keys[k]][i];
        if (v !== null) c[keys[k]] = v;
      }
      out[i] = c;
    }
    return out;
  })(D.claims);
  D.places.forEach(function (p) { p.t = []; p.h = S[p.h]; });
  D.claims.forEach(function (c, i) {
    c.i = i;
    c.c = D.kinds[c.c];
    c.st = D.statuses[c.st];
    var bits = c.f;
    c.f = D.flags.filter(function (f, b) { return (bits >> b) & 1; });
    if (c.p !== undefined) D.places[c.p].t.push(i);
    c.cli = c.cl;            // the claimant's index, what the filter keys on
    c.cl = S[c.cl];
    c.w = S[c.w];
    c.q = c.q === undefined ? null : S[c.q];
    c.src = c.src === undefined ? null : S[c.src];
    c.u = c.u === undefined ? null : S[c.u];
    c.as = c.as === undefined ? null : S[c.as];
    c.n = c.n === undefined ? null : S[c.n];
    c.un = c.un === undefined ? null : S[c.un];
  });
  // Colours are the renderer's own, but they go into markup: the second lock.
  D.sides.forEach(function (side) { if (!/^#[0-9a-fA-F]{6}$/.test(side.color)) side.color = "#444444"; });
  var nDays = D.days.length;
  // Claims bucketed by day: a slider step visits only the days it crosses.
  var byDay = D.days.map(function () { return []; });
  D.claims.forEach(function (c) { byDay[c.d].push(c.i); });
  D.places.forEach(function (p) {
    p.t.sort(function (a, b) { return D.claims[a].d - D.claims[b].d || a - b; });
  });
  function later(a, b) { return D.claims[a].d - D.claims[b].d || a - b; }

  // --- helpers -------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fill(template, values) {
    // split/join, not replace: a ledger string holding "$&" stays as written.
    Object.keys(values).forEach(function (k) { template = template.split("{" + k + "}").join(values[k]); });
    return template;
  }
  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (e) { return null; }
  }
  function swatch(color, cls) {
    var s = el("span", "cm-swatch" + (cls ? " " + cls : ""));
    if (color) s.style.background = color;
    return s;
  }
  function kindName(k) { return T.claims[k] || k; }
  function sideName(s) { return D.sides[s].name; }
  function amount(c) {
    if (c.k === undefined) return null;
    return c.k + (c.un ? " " + (T.units[c.un] || c.un) : "");
  }

  // --- filters -------------------------------------------------------------
  var F = {
    side: D.sides.map(function () { return true; }),
    claimant: {},
    status: {}
  };
  D.claimants.forEach(function (k) { F.claimant[k] = true; });
  D.statuses.forEach(function (s) { F.status[s] = true; });
  function passes(c) { return F.side[c.s] && F.claimant[c.cli] && F.status[c.st]; }

  // --- per-place state: how many claims show, and the latest of them ----------
  var cur = nDays - 1;
  var shown = new Int32Array(D.places.length);
  var head = new Int32Array(D.places.length).fill(-1);
  var panelDirty = true;

  function recomputeHead(p) {
    var t = D.places[p].t;
    for (var j = t.length - 1; j >= 0; j--) {
      var c = D.claims[t[j]];
      if (c.d <= cur && passes(c)) return t[j];
    }
    return -1;
  }
  function resetState() {
    shown.fill(0);
    head.fill(-1);
    D.claims.forEach(function (c) {
      if (c.p === undefined || c.d > cur || !passes(c)) return;
      shown[c.p]++;
      if (head[c.p] < 0 || later(c.i, head[c.p]) > 0) head[c.p] = c.i;
    });
    panelDirty = true;
  }
  /* Move the date from cur to day, visiting only the days between; returns
   * the places whose drawing may change. */
  function stepTo(day) {
    var touched = {}, i, j, c, bucket;
    if (day > cur) {
      for (i = cur + 1; i <= day; i++) {
        bucket = byDay[i];
        for (j = 0; j < bucket.length; j++) {
          c = D.claims[bucket[j]];
          if (c.p === undefined || !passes(c)) continue;
          shown[c.p]++;
          if (head[c.p] < 0 || later(c.i, head[c.p]) > 0) head[c.p] = c.i;
          touched[c.p] = 1;
        }
      }
      cur = day;
    } else {
      for (i = day + 1; i <= cur; i++) {
        bucket = byDay[i];
        for (j = 0; j < bucket.length; j++) {
          c = D.claims[bucket[j]];
          if (c.p === undefined || !passes(c)) continue;
          shown[c.p]--;
          touched[c.p] = 1;
        }
      }
      cur = day;
      Object.keys(touched).forEach(function (p) { head[p] = shown[p] ? recomputeHead(+p) : -1; });
    }
    return Object.keys(touched);
  }

  // --- drawing: one marker or area per place ---------------------------------
  var markers = L.layerGroup().addTo(map);
  var drawn = new Array(D.places.length);      // the Leaflet layer of each place, made on first need
  var drawnKey = new Array(D.places.length);   // what it was last drawn as
  var boundaries = L.geoJSON(D.boundaries, {
    interactive: false,
    style: function () { return {color: "#555", weight: 1, fill: false, dashArray: "3 3", className: "cm-boundary"}; }
  }).addTo(map);

  function claimClasses(c) {
    return "cm-side-" + c.s + " cm-claim-" + c.c + c.f.map(function (f) { return " cm-flag-" + f; }).join("");
  }
  // Each kind's shape is defined once, as a <symbol>; a marker's SVG holds a
  // <use> of it, so restyling a marker changes two attributes and makes no element.
  var SVG_NS = "http://www.w3.org/2000/svg";
  var shapeIds = {};
  function defineShapes() {
    var defs = document.createElementNS(SVG_NS, "svg");
    defs.setAttribute("class", "cm-defs");
    defs.setAttribute("aria-hidden", "true");
    Object.keys(SHAPES).forEach(function (kind) {
      var symbol = shapeInto(svgElement("symbol", {viewBox: "0 0 18 18"}), kind);
      symbol.id = shapeIds[kind] = dataId + "-shape-" + kind;
      defs.appendChild(symbol);
    });
    map.getPane("markerPane").appendChild(defs);
  }
  defineShapes();
  var markerSvg = (function () {
    var svg = document.createElementNS(SVG_NS, "svg");
    ["width", "height", "viewBox", "stroke", "stroke-width"].forEach(function (a, k) {
      svg.setAttribute(a, ["18", "18", "0 0 18 18", "#222", "1"][k]);
    });
    svg.appendChild(document.createElementNS(SVG_NS, "use"));
    return svg;
  })();
  function setShape(svg, c) {
    svg.setAttribute("fill", D.sides[c.s].color);
    svg.firstChild.setAttribute("href", "#" + shapeIds[SHAPES[c.c] ? c.c : "other"]);
  }
  function svgFor(c) {
    var svg = markerSvg.cloneNode(true);
    setShape(svg, c);
    return svg;
  }
  function icon(c) {
    return L.divIcon({className: "cm-marker " + claimClasses(c), html: svgFor(c), iconSize: [18, 18],
                      iconAnchor: [9, 9], popupAnchor: [0, -8]});
  }
  function restyleMarker(layer, c) {
    var node = layer._icon;
    if (!node) { layer.setIcon(icon(c)); return; }
    // In place: the marker keeps its element, its listeners and its focus.
    var svg = node.firstChild;
    node.className = "leaflet-marker-icon cm-marker " + claimClasses(c) +
      (layer._zoomAnimated ? " leaflet-zoom-animated" : " leaflet-zoom-hide") + " leaflet-interactive";
    setShape(svg, c);
    layer.options.icon = L.divIcon(L.extend({}, layer.options.icon.options, {className: "cm-marker " + claimClasses(c),
                                                                             html: svg}));
  }
  function areaStyle(c) {
    var filled = AREA_FILLED[c.c] === 1;
    return {color: D.sides[c.s].color, weight: 2, fill: filled, fillOpacity: filled ? 0.25 : 0,
            dashArray: filled ? null : "6 4"};
  }
  function makeLayer(p) {
    var place = D.places[p], c = D.claims[head[p]], layer;
    if (place.g !== undefined) {
      layer = L.geoJSON(D.areas[place.g], {style: function () { return areaStyle(c); }}).getLayers()[0];
    } else {
      // Leaflet sets title and alt as DOM properties: ledger text stays text.
      layer = L.marker(place.c, {icon: icon(c), keyboard: true, title: place.n, alt: place.n});
    }
    layer.cmPlace = p;  // for its accessible name (see nameArea)
    layer.bindPopup(function () { return popup(p); }, {maxWidth: 320, maxHeight: 360, autoPanPadding: [10, 10]});
    layer.bindTooltip(function () { return tooltip(p); }, {direction: "top"});
    return layer;
  }
  // A place's layer is made the first time it shows and then stays on the
  // map, hidden while nothing shows there: adding and removing Leaflet layers
  // costs far more than flipping their display.
  function setHidden(layer, hidden) {
    var node = layer._icon || layer._path;
    if (!node) return;
    node.style.display = hidden ? "none" : "";
    if (hidden) {
      // A hidden place matches no claim's selector; showing it again restyles it.
      layer.cmKey = "";
      node.setAttribute("class", (layer._icon ? "leaflet-marker-icon cm-marker" : "cm-area") + " cm-hidden");
    }
  }
  function draw(p) {
    if (D.places[p].z) return;  // a country or region: listed in the panel, never drawn at a point
    var c = shown[p] && head[p] >= 0 ? D.claims[head[p]] : null;
    var key = c ? claimClasses(c) : "";
    if (key === (drawnKey[p] || "")) return;
    drawnKey[p] = key;
    var area = D.places[p].g !== undefined;
    if (canvas && !area) { canvas.changed(); return; }
    var layer = drawn[p];
    if (!c) { if (layer) setHidden(layer, true); return; }
    if (!layer) {
      layer = drawn[p] = makeLayer(p);
      markers.addLayer(layer);
    } else if (layer.cmKey !== key) {
      if (area) layer.setStyle(areaStyle(c));
      else restyleMarker(layer, c);
    }
    layer.cmKey = key;
    if (area && layer._path) layer._path.setAttribute("class", "leaflet-interactive cm-area " + key);
    setHidden(layer, false);
  }

  // --- many places: every point marker drawn on one canvas ------------------------
  /* Past CANVAS_PLACES (payload.py) point places, one DOM element per marker costs the browser
   * more in restyling and repainting than the script costs in total (see the
   * README's "Speed and size"). The payload then says `canvas`: the markers
   * are painted on one canvas, in the same shapes, colours and flag styles
   * as the SVG markers; a click or hover is hit-tested against the painted
   * positions; popups and tooltips are the same, built when opened; and
   * keyboard and screen-reader users get the places as a list of buttons
   * ("Places on the map") that open the same popups. Areas stay SVG paths. */
  // Where a marker may move aside to: rings of spots around it, nearest first.
  var SPOTS = (function () {
    var SIZE = 26, out = [[0, 0]];
    for (var ring = 1; ring <= 4; ring++) {
      for (var a = 0; a < 6 * ring; a++) {
        var t = 2 * Math.PI * a / (6 * ring);
        out.push([Math.round(ring * SIZE * Math.cos(t)), Math.round(ring * SIZE * Math.sin(t))]);
      }
    }
    return out;
  })();
  // Sets markers apart one by one: each goes to the nearest spot clear of the
  // markers set before it and of the controls (a marker moved aside never goes
  // under one). Positions are layer pixels. The grid of SIZE cells is keyed by
  // number, no string per look-up: the canvas lays out thousands of markers.
  function spotFinder() {
    var SIZE = 26, h = SIZE / 2, grid = new Map();
    var origin = map.containerPointToLayerPoint([0, 0]), blocked = controlBoxes().map(function (q) {
      return [q[0] + origin.x, q[1] + origin.y, q[2] + origin.x, q[3] + origin.y];
    });
    function cellKey(i, j) { return (i + 65536) * 131072 + (j + 65536); }
    function free(x, y) {
      for (var b = 0; b < blocked.length; b++) {
        var q = blocked[b];
        if (x + h > q[0] && x - h < q[2] && y + h > q[1] && y - h < q[3]) return false;
      }
      var gx = Math.floor(x / SIZE), gy = Math.floor(y / SIZE);
      for (var i = gx - 1; i <= gx + 1; i++) {
        for (var j = gy - 1; j <= gy + 1; j++) {
          var cell = grid.get(cellKey(i, j));
          if (!cell) continue;
          for (var k = 0; k < cell.length; k += 2) {
            if (Math.abs(cell[k] - x) < SIZE && Math.abs(cell[k + 1] - y) < SIZE) return false;
          }
        }
      }
      return true;
    }
    return function (x, y) {
      var spot = SPOTS[0];
      for (var s = 0; s < SPOTS.length; s++) {
        if (free(x + SPOTS[s][0], y + SPOTS[s][1])) { spot = SPOTS[s]; break; }
      }
      var sx = x + spot[0], sy = y + spot[1], key = cellKey(Math.floor(sx / SIZE), Math.floor(sy / SIZE));
      var cell = grid.get(key);
      if (!cell) grid.set(key, cell = []);
      cell.push(sx, sy);
      return spot;
    };
  }
  var canvas = D.canvas ? makeCanvas() : null;
  function makeCanvas() {
    var points = [];
    D.places.forEach(function (place, p) { if (!place.z && place.g === undefined) points.push(p); });
    // The SVG shapes as canvas paths, in the same 18 px box.
    function partOf(part) {
      var tag = part[0], a = part[1], path = new Path2D();
      if (tag === "polygon") {
        a.points.split(" ").forEach(function (xy, i) {
          var q = xy.split(",");
          if (i) path.lineTo(+q[0], +q[1]); else path.moveTo(+q[0], +q[1]);
        });
        path.closePath();
      } else if (tag === "rect") {
        path.rect(a.x, a.y, a.width, a.height);
      } else if (tag === "circle") {
        path.arc(a.cx, a.cy, a.r, 0, 2 * Math.PI);
      } else {
        path.moveTo(a.x1, a.y1);
        path.lineTo(a.x2, a.y2);
      }
      return {path: path, fill: tag !== "line", alpha: a["fill-opacity"] === undefined ? 1 : a["fill-opacity"],
              width: a["stroke-width"]};
    }
    var parts = {};
    Object.keys(SHAPES).forEach(function (kind) { parts[kind] = SHAPES[kind].map(partOf); });
    // The flags as claims.css draws them on SVG markers: contested glows red,
    // repeat has a heavy black outline, retracted is faded.
    // One transform set per marker, no save/restore: every state it uses is set here.
    function paintMarker(ctx, x, y, c, ratio) {
      var faded = c.f.indexOf("retracted") >= 0 ? 0.45 : 1, repeat = c.f.indexOf("repeat") >= 0;
      var contested = c.f.indexOf("contested") >= 0;
      ctx.setTransform(ratio, 0, 0, ratio, (x - 9) * ratio, (y - 9) * ratio);
      ctx.shadowColor = contested ? "#d00" : "transparent";
      ctx.shadowBlur = contested ? 4 : 0;
      ctx.fillStyle = D.sides[c.s].color;
      ctx.strokeStyle = repeat ? "#000" : "#222";
      (parts[c.c] || parts.other).forEach(function (part) {
        if (part.fill) {
          ctx.globalAlpha = faded * part.alpha;
          ctx.fill(part.path);
        }
        ctx.globalAlpha = faded;
        ctx.lineWidth = part.width || (repeat ? 3 : 1);
        ctx.stroke(part.path);
      });
    }

    // Where each shown place was painted (layer pixels, after moving it aside),
    // in paint order: what a click or hover is tested against.
    var hitX = new Float64Array(points.length), hitY = new Float64Array(points.length);
    var hitPlace = new Int32Array(points.length), nHits = 0;
    var shiftX = new Int16Array(D.places.length), shiftY = new Int16Array(D.places.length);
    var layoutDirty = true, frame = 0, shownCount = 0;
    var projX = new Float64Array(points.length), projY = new Float64Array(points.length), projectedZoom = null;
    var Layer = L.Renderer.extend({
      options: {pane: "markerPane", padding: 0.1},
      _initContainer: function () {
        var node = this._container = document.createElement("canvas");
        node.className = "cm-canvas";
        node.setAttribute("aria-hidden", "true");  // the places list says what it shows
        this._ctx = node.getContext("2d");
      },
      _destroyContainer: function () { L.DomUtil.remove(this._container); },
      _update: function () {
        if (this._map._animatingZoom && this._bounds) return;
        L.Renderer.prototype._update.call(this);
        var b = this._bounds, size = b.getSize(), node = this._container;
        var ratio = this._ratio = window.devicePixelRatio || 1;
        L.DomUtil.setPosition(node, b.min);
        node.width = Math.round(ratio * size.x);
        node.height = Math.round(ratio * size.y);
        node.style.width = size.x + "px";
        node.style.height = size.y + "px";
        if (this._zoomSeen !== this._map.getZoom()) { this._zoomSeen = this._map.getZoom(); layoutDirty = true; }
        paint();
      },
      _updatePaths: function () {}
    });
    var layer = new Layer();

    // Markers of nearby places move aside as the SVG markers do (see declutter):
    // worked out again when the zoom, the shown places or the controls change,
    // never on a pan.
    function layout(shownList) {
      var setApart = spotFinder();
      shownList.forEach(function (item) {
        var spot = setApart(item[1], item[2]);
        shiftX[item[0]] = spot[0];
        shiftY[item[0]] = spot[1];
      });
    }
    function paint() {
      frame = 0;
      var ctx = layer._ctx, b = layer._bounds, ratio = layer._ratio;
      if (!ctx || !b) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, layer._container.width, layer._container.height);
      // Places projected once per zoom; a layer point is that less the map's pixel origin.
      var zoom = map.getZoom(), origin = map.getPixelOrigin(), shownList = [];
      if (zoom !== projectedZoom) {
        points.forEach(function (p, k) {
          var at = map.project(D.places[p].c, zoom);
          projX[k] = at.x;
          projY[k] = at.y;
        });
        projectedZoom = zoom;
      }
      points.forEach(function (p, k) {
        if (drawnKey[p]) shownList.push([p, projX[k] - origin.x, projY[k] - origin.y]);
      });
      shownCount = shownList.length;
      if (layoutDirty) { layout(shownList); layoutDirty = false; }
      nHits = 0;
      shownList.forEach(function (item) {
        var p = item[0], x = item[1] + shiftX[p], y = item[2] + shiftY[p];
        hitX[nHits] = x; hitY[nHits] = y; hitPlace[nHits++] = p;
        if (x < b.min.x - 20 || y < b.min.y - 20 || x > b.max.x + 20 || y > b.max.y + 20) return;
        paintMarker(ctx, x - b.min.x, y - b.min.y, D.claims[head[p]], ratio);
      });
      // The list changes with the data, not with a pan, a zoom or a popup's
      // autopan: its buttons stay the elements focus returns to.
      if (listDirty) {
        listDirty = false;
        clearTimeout(restTimer);
        restTimer = setTimeout(relayout, 120);
        node().setAttribute("data-places", String(shownCount));
        list.changed();
      }
    }
    function node() { return layer._container; }
    // A step or a filter marks the canvas; it is painted once, in the next frame,
    // with places moved aside where they were; once the slider rests, they are
    // set apart again (a drag or play pays nothing per step for that).
    var restTimer = null, listDirty = true;
    function changed() {
      listDirty = true;
      if (!frame) frame = requestAnimationFrame(paint);
    }
    function flush() {
      if (frame) { cancelAnimationFrame(frame); paint(); }
    }
    function layoutNow() {
      clearTimeout(restTimer);
      if (frame) cancelAnimationFrame(frame);
      layoutDirty = true;
      paint();
      clearTimeout(restTimer);  // just laid out
    }
    function relayout() { layoutDirty = true; if (!frame) frame = requestAnimationFrame(paint); }

    // --- pointer: the topmost marker within its 24 px target --------------------
    function hitAt(e) {
      var at = map.mouseEventToLayerPoint(e);
      for (var k = nHits - 1; k >= 0; k--) {
        if (Math.abs(hitX[k] - at.x) <= 12 && Math.abs(hitY[k] - at.y) <= 12) return k;
      }
      return -1;
    }
    function onMap(e) {
      var panes = map.getPanes(), t = e.target;
      if (panes.popupPane.contains(t) || panes.tooltipPane.contains(t)) return false;
      return t === map.getContainer() || panes.mapPane.contains(t);
    }
    function offsetOf(p, dy) { return L.point(shiftX[p], shiftY[p] + dy); }
    function open(p) {
      flush();
      L.popup({maxWidth: 320, maxHeight: 360, autoPanPadding: [10, 10], offset: offsetOf(p, -1)})
        .setLatLng(D.places[p].c).setContent(popup(p)).openOn(map);
    }
    var tip = L.tooltip({direction: "top", offset: [0, -8]}), hovered = -1;
    function hover(k) {
      var p = k < 0 ? -1 : hitPlace[k];
      if (p === hovered) return;
      hovered = p;
      map.getContainer().classList.toggle("cm-pointer", p >= 0);
      if (p < 0) { tip.remove(); return; }
      tip.options.offset = offsetOf(p, -8);
      tip.setLatLng(D.places[p].c).setContent(tooltip(p));
      if (!map.hasLayer(tip)) tip.addTo(map); else tip.update();
    }
    var box = map.getContainer();
    // Capture: a marker drawn over an area takes the click before the area's path does.
    box.addEventListener("click", function (e) {
      if (!onMap(e) || (map.dragging && map.dragging.moved())) return;
      var k = hitAt(e);
      if (k < 0) return;
      e.stopPropagation();
      open(hitPlace[k]);
    }, true);
    box.addEventListener("mousemove", function (e) { hover(onMap(e) ? hitAt(e) : -1); }, {passive: true});
    box.addEventListener("mouseleave", function () { hover(-1); });
    map.on("movestart zoomstart", function () { hover(-1); });

    // --- keyboard and screen readers: the shown places as buttons -----------------
    var list = (function () {
      var ctl = L.control({position: "topleft"}), details = null, summary = null, ol = null, pending = 0;
      var byName = points.slice().sort(function (a, b) {
        return D.places[a].n.localeCompare(D.places[b].n, D.lang) || a - b;
      });
      ctl.onAdd = function () {
        details = el("details", "cm-places");
        L.DomEvent.disableClickPropagation(details);
        L.DomEvent.disableScrollPropagation(details);
        summary = el("summary", null, fill(T.places_list, {count: shownCount}));
        details.appendChild(summary);
        ol = el("ul", "cm-places-list");
        details.appendChild(ol);
        details.addEventListener("toggle", function () { if (details.open) build(); else ol.textContent = ""; });
        return details;
      };
      function build() {
        pending = 0;
        var active = document.activeElement, focused = active && ol.contains(active) ? active.cmPlace : -1;
        ol.textContent = "";
        byName.forEach(function (p) {
          if (!drawnKey[p]) return;
          var li = el("li"), button = el("button", "cm-place-button " + drawnKey[p], tooltipText(p));
          button.type = "button";
          button.cmPlace = p;
          button.setAttribute("data-place", String(p));
          button.addEventListener("click", function () { open(p); });
          li.appendChild(button);
          ol.appendChild(li);
          if (p === focused) button.focus({preventScroll: true});
        });
      }
      return {
        control: ctl,
        changed: function () {
          if (!summary) return;
          summary.textContent = fill(T.places_list, {count: shownCount});
          if (details.open && !pending) pending = requestAnimationFrame(build);
        }
      };
    })();
    layer.addTo(map);
    return {changed: changed, flush: flush, layoutNow: layoutNow, relayout: relayout, open: open, list: list.control,
            node: node};
  }

  // --- popups and tooltips, built when opened ----------------------------------
  function claimLine(x, current) {
    var item = el("li", "cm-entry" + (x.i === current ? " cm-current" : "") + (x.d > cur ? " cm-future" : ""));
    var headRow = el("div", "cm-head");
    headRow.appendChild(el("span", "cm-date", x.w));
    headRow.appendChild(swatch(D.sides[x.s].color));
    headRow.appendChild(el("span", "cm-claimant", x.cl));
    headRow.appendChild(el("span", "cm-claim cm-claim-" + x.c, kindName(x.c)));
    x.f.forEach(function (f) { headRow.appendChild(el("span", "cm-flag cm-flag-" + f, T.flags[f] || f)); });
    if (x.st !== "published") headRow.appendChild(el("span", "cm-status", T.statuses[x.st] || x.st));
    item.appendChild(headRow);
    var n = amount(x);
    if (n) item.appendChild(el("div", "cm-count", T.count + ": " + n));
    if (x.in !== undefined) {
      var area = D.claims[x.in];
      item.appendChild(el("div", "cm-inside", fill(T.inside_area, {place: D.places[area.p].n,
        side: sideName(area.s), date: area.w})));
    }
    if (x.q) item.appendChild(el("blockquote", "cm-quote", x.q));
    var href = x.u ? safeUrl(x.u) : null;
    if (href) {
      var a = el("a", "cm-source", x.src || href);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer nofollow";
      item.appendChild(a);
    } else if (x.src || x.u) {
      item.appendChild(el("span", "cm-source", x.src || x.u));
    }
    if (x.as) item.appendChild(el("div", "cm-as", T.as_written + ": " + x.as));
    if (x.n) item.appendChild(el("div", "cm-notes", x.n));
    return item;
  }
  function controlSummary(place) {
    var latest = {};
    place.t.forEach(function (i) {
      var x = D.claims[i];
      if (x.d <= cur && CONTROL_KINDS[x.c] && x.f.indexOf("retracted") < 0 && passes(x)) latest[x.s] = x;
    });
    var sides = Object.keys(latest).sort();
    if (!sides.length) return null;
    var box = el("div", "cm-control");
    box.appendChild(el("div", "cm-control-head", fill(T.claims_on, {date: D.dayLabels[cur]})));
    sides.forEach(function (s) {
      var x = latest[s], line = el("div", "cm-control-line");
      line.appendChild(swatch(D.sides[s].color));
      line.appendChild(el("span", null, sideName(s) + ": " + kindName(x.c) + " (" + x.w + ")"));
      box.appendChild(line);
    });
    return box;
  }
  function placeHeader(box, place) {
    box.appendChild(el("h3", "cm-place", place.n));
    if (place.o && place.o.length) box.appendChild(el("div", "cm-other-names", place.o.join(" · ")));
    box.appendChild(el("div", "cm-kind", ((T.kinds && T.kinds[place.k]) || place.k) + (place.h ? " · " + place.h : "")));
  }
  function popup(p) {
    var place = D.places[p], box = el("div", "cm-popup");
    placeHeader(box, place);
    var control = controlSummary(place);
    if (control) box.appendChild(control);
    box.appendChild(el("div", "cm-timeline-head", T.timeline));
    var list = el("ol", "cm-timeline");
    place.t.forEach(function (i) { if (passes(D.claims[i])) list.appendChild(claimLine(D.claims[i], head[p])); });
    box.appendChild(list);
    return box;
  }
  function tooltipText(p) {
    var place = D.places[p], c = D.claims[head[p]];
    var text = place.n;
    if (c) text += " — " + c.cl + " (" + sideName(c.s) + "): " + kindName(c.c) + ", " + c.w;
    if (shown[p] > 1) text += " (+" + (shown[p] - 1) + ")";
    return text;
  }
  function tooltip(p) { return el("span", "cm-tip", tooltipText(p)); }

  // --- claimed control: shapes once, restyled by per-day diffs --------------------
  var control = null;
  if (D.control) control = makeControl(D.control);
  function makeControl(C) {
    var pane = map.createPane("cm-control-pane");
    pane.style.zIndex = 350;  // under the claims' areas and markers
    var hatchId = dataId + "-hatch";
    var defs = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    defs.setAttribute("width", "0");
    defs.setAttribute("height", "0");
    defs.setAttribute("aria-hidden", "true");
    defs.setAttribute("class", "cm-defs");
    var pattern = document.createElementNS("http://www.w3.org/2000/svg", "pattern");
    pattern.id = hatchId;
    ["patternUnits", "width", "height", "patternTransform"].forEach(function (a, k) {
      pattern.setAttribute(a, ["userSpaceOnUse", "8", "8", "rotate(45)"][k]);
    });
    var line = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    line.setAttribute("width", "3");
    line.setAttribute("height", "8");
    line.setAttribute("fill", "#555");
    pattern.appendChild(line);
    defs.appendChild(pattern);
    pane.appendChild(defs);

    // The state of each shape over time, as [day, state] changes, for stepping back.
    var changes = C.shapes.map(function () { return []; });
    var diffDays = Object.keys(C.diff).map(Number).sort(function (a, b) { return a - b; });
    diffDays.forEach(function (day) {
      Object.keys(C.diff[day]).forEach(function (k) { changes[+k].push([day, C.diff[day][k]]); });
    });
    var group = L.layerGroup();
    var state = C.shapes.map(function () { return null; });
    var layers = C.shapes.map(function (geom, k) {
      var layer = L.geoJSON(geom, {pane: "cm-control-pane", style: function () { return {stroke: false, fill: false}; }})
        .getLayers()[0];
      layer.bindTooltip(function () { return el("span", "cm-tip cm-control-tip", tipText(k)); }, {sticky: true});
      group.addLayer(layer);
      return layer;
    });
    function tipText(k) {
      var s = state[k];
      var who = s === -1 ? T.contested : s === null ? "" : fill(T.claimed_tip, {side: sideName(s)});
      return C.names[k] + (who ? " — " + who : "");
    }
    function styleOf(s) {
      if (s === null) return {stroke: false, fill: false};
      if (s === -1) return {stroke: true, color: "#555", weight: 1.5, dashArray: "4 3", fill: true,
                            fillColor: "url(#" + hatchId + ")", fillOpacity: 0.6};
      return {stroke: true, color: D.sides[s].color, weight: 0.5, fill: true, fillColor: D.sides[s].color,
              fillOpacity: 0.28, dashArray: null};
    }
    function classOf(s) {
      return "leaflet-interactive cm-ctl " + (s === null ? "cm-ctl-none" : s === -1 ? "cm-ctl-contested" : "cm-ctl-side-" + s);
    }
    // Every shape stays in the layer, unclaimed ones invisible: a step changes
    // attributes of the few shapes in its diff and adds or removes no element.
    // The attributes a state sets, and no others: Leaflet's setStyle writes a
    // dozen per shape, and a step of a big map restyles hundreds of shapes.
    // The layer's options follow, for Leaflet to draw it the same when re-added.
    function paint(k, s) {
      if (state[k] === s) return;
      state[k] = s;
      var layer = layers[k], style = styleOf(s), path = layer._path;
      L.setOptions(layer, style);
      if (!path) return;
      path.setAttribute("class", classOf(s));
      path.setAttribute("stroke", style.stroke ? style.color : "none");
      path.setAttribute("fill", style.fill ? style.fillColor : "none");
      if (style.stroke) path.setAttribute("stroke-width", style.weight);
      if (style.fill) path.setAttribute("fill-opacity", style.fillOpacity);
      if (style.dashArray) path.setAttribute("stroke-dasharray", style.dashArray);
      else path.removeAttribute("stroke-dasharray");
    }
    function stateAt(k, day) {
      var s = null, list = changes[k];
      for (var j = 0; j < list.length && list[j][0] <= day; j++) s = list[j][1];
      return s;
    }
    var at = -1;
    function show(day) {
      if (at < 0) {
        C.shapes.forEach(function (g, k) { paint(k, stateAt(k, day)); });
      } else if (day > at) {
        diffDays.forEach(function (d) {
          if (d > at && d <= day) Object.keys(C.diff[d]).forEach(function (k) { paint(+k, C.diff[d][k]); });
        });
      } else if (day < at) {
        diffDays.forEach(function (d) {
          if (d > day && d <= at) Object.keys(C.diff[d]).forEach(function (k) { paint(+k, stateAt(+k, day)); });
        });
      }
      at = day;
    }
    // Paths exist only while the group is on the map: repaint classes when it comes back.
    group.on("add", function () {
      layers.forEach(function (layer, k) {
        layer._path.setAttribute("class", classOf(state[k]));
        layer._path.setAttribute("data-shape", String(k));
        ["fill-rule", "stroke-linecap", "stroke-linejoin"].forEach(function (a, i) {
          layer._path.setAttribute(a, ["evenodd", "round", "round"][i]);
        });
      });
    });
    group.addTo(map);
    return {group: group, show: show, hatchId: hatchId};
  }

  // --- side panel: claims about a whole country or region -------------------------
  var panelPlaces = [];
  D.places.forEach(function (p, i) { if (p.z) panelPlaces.push(i); });
  var panelList = null;
  function renderPanel() {
    if (!panelList || !panelDirty) return;
    panelDirty = false;
    var items = [];
    panelPlaces.forEach(function (p) {
      D.places[p].t.forEach(function (i) { var c = D.claims[i]; if (c.d <= cur && passes(c)) items.push(c); });
    });
    items.sort(function (a, b) { return later(b.i, a.i); });
    panelList.textContent = "";
    if (!items.length) { panelList.appendChild(el("li", "cm-panel-empty", T.panel_empty)); return; }
    items.forEach(function (c) {
      var li = claimLine(c, -1);
      li.insertBefore(el("div", "cm-panel-place", D.places[c.p].n), li.firstChild);
      panelList.appendChild(li);
    });
  }
  function panelTouched(day, from) {
    var lo = Math.min(day, from), hi = Math.max(day, from);
    for (var i = lo + 1; i <= hi; i++) {
      for (var j = 0; j < byDay[i].length; j++) {
        var c = D.claims[byDay[i][j]];
        if (c.p !== undefined && D.places[c.p].z) return true;
      }
    }
    return false;
  }
  if (panelPlaces.length) {
    var panel = L.control({position: "topleft"});
    panel.onAdd = function () {
      var box = el("details", "cm-panel");
      box.open = window.innerWidth > 600;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(el("summary", null, T.panel_title));
      panelList = el("ol", "cm-panel-list");
      box.appendChild(panelList);
      return box;
    };
    panel.addTo(map);
  }

  // --- the date ------------------------------------------------------------------
  var slider, dateLabel, eventLabel, playButton, timer = null;
  function show(day) {
    if (panelTouched(day, cur)) panelDirty = true;
    stepTo(day).forEach(function (p) { draw(+p); });
    if (control) control.show(day);
    renderPanel();
    var iso = D.days[day];
    dateLabel.textContent = D.dayLabels[day];
    if (+slider.value !== day) slider.value = day;
    slider.setAttribute("aria-valuetext", D.dayLabels[day]);
    var active = D.events.filter(function (e) { return e.start <= iso && (!e.end || iso <= e.end); });
    eventLabel.textContent = active.map(function (e) { return e.name; }).join(" · ");
    map.getContainer().setAttribute("data-as-of", iso);
    writeHash();
  }
  function refilter() {
    resetState();
    D.places.forEach(function (p, i) { draw(i); });
    renderPanel();
    writeHash();
  }

  var timeControl = L.control({position: "bottomleft"});
  timeControl.onAdd = function () {
    var box = el("div", "cm-time leaflet-bar");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    playButton = el("button", "cm-play", "▶");
    playButton.type = "button";
    playButton.setAttribute("aria-label", T.play);
    slider = el("input", "cm-slider");
    slider.type = "range";
    slider.min = 0;
    slider.max = nDays - 1;
    slider.step = 1;
    slider.setAttribute("aria-label", T.date_slider);
    var ticks = el("datalist");
    ticks.id = dataId + "-event-days";  // unique: two maps may share a page
    D.events.forEach(function (e) {
      var i = D.days.indexOf(e.start);
      if (i < 0) i = D.days.findIndex(function (d) { return d >= e.start; });
      if (i >= 0) { var o = el("option"); o.value = i; ticks.appendChild(o); }
    });
    slider.setAttribute("list", ticks.id);
    box.appendChild(ticks);
    dateLabel = el("span", "cm-date-label");
    eventLabel = el("div", "cm-events");
    var row = el("div", "cm-time-row");
    row.appendChild(playButton);
    row.appendChild(slider);
    row.appendChild(dateLabel);
    box.appendChild(row);
    box.appendChild(eventLabel);
    slider.addEventListener("input", function () { show(+slider.value); });
    playButton.addEventListener("click", togglePlay);
    return box;
  };
  function stopPlay() {
    clearInterval(timer);
    timer = null;
    playButton.textContent = "▶";
    playButton.setAttribute("aria-label", T.play);
  }
  function togglePlay() {
    if (timer) { stopPlay(); return; }
    if (+slider.value >= nDays - 1) show(0);
    playButton.textContent = "❚❚";
    playButton.setAttribute("aria-label", T.pause);
    timer = setInterval(function () {
      if (+slider.value >= nDays - 1) { stopPlay(); return; }
      show(+slider.value + 1);
    }, 800);
  }
  timeControl.addTo(map);

  // --- the address keeps the view: date, sides, claimants, statuses ----------------
  var restoring = false;
  function listParam(names, on) {
    var all = on.every(Boolean);
    if (all) return null;
    return names.filter(function (n, i) { return on[i]; }).map(encodeURIComponent).join(",");
  }
  var hashTimer = null;
  function writeHash() {
    if (restoring) return;
    // Once the slider rests: rewriting the address on every step costs a frame.
    clearTimeout(hashTimer);
    hashTimer = setTimeout(writeHashNow, 150);
  }
  function writeHashNow() {
    var parts = ["date=" + D.days[cur]];
    var sides = listParam(D.sides.map(function (x) { return x.name; }), F.side);
    if (sides !== null) parts.push("side=" + sides);
    var cls = listParam(D.claimants.map(function (k) { return S[k]; }), D.claimants.map(function (k) { return F.claimant[k]; }));
    if (cls !== null) parts.push("claimant=" + cls);
    var sts = listParam(D.statuses, D.statuses.map(function (s) { return F.status[s]; }));
    if (sts !== null) parts.push("status=" + sts);
    try { history.replaceState(null, "", "#" + parts.join("&")); } catch (e) { /* a sandboxed frame */ }
  }
  function readHash() {
    var out = {};
    (location.hash || "").replace(/^#/, "").split("&").forEach(function (kv) {
      var at = kv.indexOf("=");
      if (at > 0) out[kv.slice(0, at)] = kv.slice(at + 1);
    });
    function set(value) {
      var names = {};
      value.split(",").forEach(function (n) {
        try { names[decodeURIComponent(n)] = true; } catch (e) { /* not ours */ }
      });
      return names;
    }
    var state = {};
    if (/^\d{4}-\d{2}-\d{2}$/.test(out.date || "")) {
      var day = -1;
      D.days.forEach(function (d, i) { if (d <= out.date) day = i; });
      state.day = Math.max(day, 0);
    }
    if (out.side !== undefined) { var s = set(out.side); state.side = D.sides.map(function (x) { return !!s[x.name]; }); }
    if (out.claimant !== undefined) state.claimant = set(out.claimant);
    if (out.status !== undefined) state.status = set(out.status);
    return state;
  }

  // --- title, layers, filters, legend -------------------------------------------
  var title = L.control({position: "topright"});
  title.onAdd = function () {
    var box = el("div", "cm-title");
    if (D.title) box.appendChild(el("h2", null, D.title));
    box.appendChild(el("div", "cm-range", D.dayLabels[0] + " – " + D.dayLabels[nDays - 1]));
    return box;
  };
  title.addTo(map);

  // Leaflet writes a layer's name into the control as HTML; this control
  // writes it as text, with a swatch beside it.
  var TextLayers = L.Control.Layers.extend({
    _addItem: function (obj) {
      var label = L.Control.Layers.prototype._addItem.call(this, L.extend({}, obj, {name: ""}));
      var name = label.firstChild.lastChild;
      if (obj.layer.cmColor) name.appendChild(swatch(obj.layer.cmColor));
      if (obj.layer.cmHatch) name.appendChild(swatch(null, "cm-swatch-claimed"));
      name.appendChild(document.createTextNode(obj.name));
      return label;
    }
  });
  // A side's entry is a switch: an empty group whose presence on the map says the side shows.
  var sideSwitches = D.sides.map(function (side, i) {
    var g = L.layerGroup();
    g.cmColor = side.color;
    g.on("add", function () { if (!F.side[i]) { F.side[i] = true; refilter(); } });
    g.on("remove", function () { if (F.side[i]) { F.side[i] = false; refilter(); } });
    return g;
  });
  var layerControl = new TextLayers(null, null, {collapsed: false, position: "topright"});
  D.sides.forEach(function (side, i) { layerControl.addOverlay(sideSwitches[i], side.name); });
  if (control) {
    control.group.cmHatch = true;
    layerControl.addOverlay(control.group, T.claimed_control);
  }
  layerControl.addOverlay(boundaries, T.boundaries);

  var filterBoxes = {claimant: {}, status: {}};
  function checkList(box, legendText, keys, labelOf, which) {
    var set = el("fieldset", "cm-filter cm-filter-" + which);
    set.appendChild(el("legend", null, legendText));
    keys.forEach(function (k) {
      var label = el("label", "cm-filter-option");
      var input = el("input");
      input.type = "checkbox";
      input.checked = F[which][k];
      input.addEventListener("change", function () { F[which][k] = input.checked; refilter(); });
      filterBoxes[which][k] = input;
      label.appendChild(input);
      label.appendChild(el("span", null, labelOf(k)));
      set.appendChild(label);
    });
    box.appendChild(set);
  }
  var filters = L.control({position: "topright"});
  filters.onAdd = function () {
    var box = el("details", "cm-filters");
    box.open = window.innerWidth > 600 && D.claimants.length <= 8;
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    box.appendChild(el("summary", null, T.filters));
    checkList(box, T.claimant, D.claimants, function (k) { return S[k]; }, "claimant");
    if (D.statuses.length > 1) {
      checkList(box, T.status, D.statuses, function (s) { return T.statuses[s] || s; }, "status");
    }
    return box;
  };

  function legendRow(list, mark, text) {
    var li = el("li");
    li.appendChild(mark);
    li.appendChild(el("span", null, " " + text));
    list.appendChild(li);
  }
  function areaMark(filled) {
    return swatch(null, filled ? "cm-swatch-area-filled" : "cm-swatch-area-outlined");
  }
  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var box = el("details", "cm-legend");
    box.open = window.innerWidth > 600;
    box.appendChild(el("summary", null, T.legend));
    var kinds = el("ul", "cm-kinds");
    box.appendChild(el("div", "cm-legend-head", T.point));
    Object.keys(SHAPES).forEach(function (k) {
      var mark = el("span", "cm-legend-shape");
      mark.appendChild(shapeInto(svgElement("svg", {width: 14, height: 14, viewBox: "0 0 18 18",
                                                    fill: "#999", stroke: "#222"}), k));
      legendRow(kinds, mark, kindName(k));
    });
    box.appendChild(kinds);
    var areas = el("ul", "cm-area-styles");
    legendRow(areas, areaMark(true), T.area_filled);
    legendRow(areas, areaMark(false), T.area_outlined);
    box.appendChild(areas);
    if (control) {
      box.appendChild(el("div", "cm-legend-head", T.claimed_control));
      var ctl = el("ul", "cm-control-legend");
      D.sides.forEach(function (side) {
        legendRow(ctl, swatch(side.color, "cm-swatch-claimed"), fill(T.claimed_by, {side: side.name}));
      });
      legendRow(ctl, swatch(null, "cm-swatch-contested"), T.contested);
      box.appendChild(ctl);
      box.appendChild(el("p", "cm-control-note", T.control_note));
    }
    var flags = el("ul", "cm-flags");
    D.flagHelp.forEach(function (f) {
      legendRow(flags, el("span", "cm-flag cm-flag-" + f, T.flags[f] || f), T.flag_help[f] || "");
    });
    box.appendChild(flags);
    if (D.unmapped) box.appendChild(el("p", "cm-unmapped", fill(T.unmapped, {count: D.unmapped})));
    box.appendChild(el("p", "cm-credit", T.credit));
    return box;
  };
  if (map.attributionControl) {
    // Attribution is HTML in Leaflet: a text node's escaped form goes in.
    var attribution = document.createElement("span");
    attribution.textContent = D.attribution;
    map.attributionControl.addAttribution(attribution.innerHTML);
  }

  // --- accessibility: names, keys, a live date, a text alternative, room on phones ------
  // A date the reader moves to is read out, once the slider settles on it.
  function liveDate() {
    dateLabel.setAttribute("aria-live", "polite");
    dateLabel.setAttribute("aria-atomic", "true");
  }
  // An area claim takes focus only with a name, and opens its popup from the keyboard.
  function nameArea(layer) {
    var path = layer._path;
    if (!path || layer.cmPlace === undefined || path.getAttribute("tabindex")) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", D.places[layer.cmPlace].n);
    path.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      layer.openPopup();
    });
  }
  // A popup takes focus when it opens; Esc closes it and gives focus back.
  function keyboardPopups() {
    var opener = null, container = map.getContainer();
    map.on("popupopen", function (e) {
      var active = document.activeElement;
      opener = active && active !== container && container.contains(active) ? active : null;
      var content = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-content");
      if (!content) return;
      content.setAttribute("tabindex", "-1");
      var heading = content.querySelector("h3");
      if (heading) {
        heading.id = heading.id || dataId + "-popup-head";
        content.setAttribute("role", "dialog");
        content.setAttribute("aria-labelledby", heading.id);
      }
      if (opener) content.focus({preventScroll: true});
    });
    container.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !map._popup || !map.hasLayer(map._popup)) return;
      map.closePopup();
      if (opener && document.contains(opener)) opener.focus({preventScroll: true});
      opener = null;
      e.stopPropagation();
    });
  }
  // What a screen reader gets instead of the picture: the report's summary.
  function textSummary() {
    var box = el("section", "cm-sr-only cm-summary");
    var headId = dataId + "-summary";
    var h = el("h2", null, T.summary);
    h.id = headId;
    box.setAttribute("aria-labelledby", headId);
    box.appendChild(h);
    box.appendChild(el("p", null, fill(T.summary_range, {count: D.claims.length, first: D.dayLabels[0],
                                                          last: D.dayLabels[nDays - 1]})));
    var order = Object.keys(SHAPES), list = el("ul");
    D.sides.forEach(function (side, s) {
      var kinds = {}, n = 0;
      D.claims.forEach(function (c) { if (c.s === s) { n++; kinds[c.c] = (kinds[c.c] || 0) + 1; } });
      if (!n) return;
      var parts = Object.keys(kinds).sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); })
        .map(function (k) { return kindName(k) + ": " + kinds[k]; });
      list.appendChild(el("li", null, fill(T.summary_side, {side: side.name, count: n, kinds: parts.join(", ")})));
    });
    box.appendChild(list);
    var flagged = D.flagHelp.map(function (f) {
      var n = D.claims.filter(function (c) { return c.f.indexOf(f) >= 0; }).length;
      return n ? (T.flags[f] || f) + ": " + n : null;
    }).filter(Boolean);
    box.appendChild(el("p", null, flagged.length ? fill(T.summary_flags, {flags: flagged.join(", ")}) : T.summary_no_flags));
    if (D.unmapped) box.appendChild(el("p", null, fill(T.unmapped, {count: D.unmapped})));
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", T.map_label);
    container.parentNode.insertBefore(box, container.nextSibling);
  }
  // On a narrow map the controls of the right corner sit above those of the
  // left (the time control and the scale), never over the date or the slider.
  function roomForTheDate() {
    var corner = map.getContainer().querySelector(".leaflet-bottom.leaflet-right");
    var left = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    if (!corner || !left) return;
    function place() {
      var narrow = map.getContainer().clientWidth <= 600;
      corner.style.bottom = narrow ? left.offsetHeight + "px" : "";
    }
    place();
    map.on("resize", place);
    if (window.ResizeObserver) new ResizeObserver(place).observe(left);
  }
  // On a phone the layer switcher folds to its button, as the legend and the
  // filters do; a click on the map or Esc folds it again.
  function foldLayersOnPhones() {
    var link = layerControl._layersLink, box = layerControl.getContainer();
    if (!link || !box) return;
    link.title = T.layers;
    link.setAttribute("aria-label", T.layers);
    if (map.getContainer().clientWidth > 600) return;
    function fold() {
      if (!box.classList.contains("leaflet-control-layers-expanded")) return false;
      layerControl.collapse();
      return true;
    }
    fold();
    map.on("click", fold);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && fold()) { link.focus(); e.stopPropagation(); }
    });
  }
  // Markers of nearby places would overlap at this zoom and hide each other
  // from a pointer: each that would is moved aside (CSS translate, nothing
  // else changes) to the nearest free spot, at most a few marker widths away.
  // The controls' boxes in container pixels, measured again only when the
  // map's size or view changes or a drawer opens: measuring forces a layout.
  var controlBoxCache = null;
  function controlBoxes() {
    if (controlBoxCache) return controlBoxCache;
    var box = map.getContainer().getBoundingClientRect();
    controlBoxCache = [];
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.width) controlBoxCache.push([r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]);
    });
    return controlBoxCache;
  }
  function declutter() {
    var setApart = spotFinder();
    var list = [];
    markers.eachLayer(function (layer) {
      if (layer._icon && layer._icon.style.display !== "none") list.push(layer);
    });
    list.sort(function (a, b) { return a.cmPlace - b.cmPlace; });
    list.forEach(function (layer) {
      var p = map.latLngToLayerPoint(layer.getLatLng()), spot = setApart(p.x, p.y);
      var shift = spot[0] || spot[1] ? spot[0] + "px " + spot[1] + "px" : "";
      if (layer.cmShift !== shift || layer._icon.style.translate !== shift) {
        layer._icon.style.translate = shift;
        layer.cmShift = shift;
      }
    });
  }
  // Markers show and hide as the date and the filters change, and move with
  // the zoom: each of those is followed, once per frame at most, by declutter.
  function keepMarkersApart() {
    var timer = null;
    function soon(wait) {
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; declutter(); }, wait || 0);
    }
    function remeasure() { controlBoxCache = null; soon(); if (canvas) canvas.relayout(); }
    // A step of the date or a filter: once the slider rests (a drag or play
    // pays nothing per step), markers of places that came out are set apart.
    var showDay = show, filterAgain = refilter;
    show = function (day) { showDay(day); soon(120); };
    refilter = function () { filterAgain(); soon(120); };
    markers.on("layeradd", function () { soon(120); });
    map.on("zoomend viewreset resize", remeasure);
    // A pan moves no marker against another: markers stay where the reader saw them.
    map.on("moveend", function () { controlBoxCache = null; });
    map.getContainer().addEventListener("toggle", remeasure, true);  // a drawer opened or closed
    declutter();
  }
  // The claims fitted into the part of the map no control covers: a marker
  // half under a control is half a target.
  function fitClearOfControls() {
    if (!D.bounds) return;
    var box = map.getContainer().getBoundingClientRect(), top = 0, bottom = 0;
    map.getContainer().querySelectorAll(".leaflet-top .leaflet-control").forEach(function (c) {
      top = Math.max(top, c.getBoundingClientRect().bottom - box.top);
    });
    map.getContainer().querySelectorAll(".leaflet-bottom .leaflet-control").forEach(function (c) {
      bottom = Math.max(bottom, box.bottom - c.getBoundingClientRect().top);
    });
    if (top + bottom > box.height - 60) return;  // too little room left: keep the first fit
    map.fitBounds(D.bounds, {paddingTopLeft: [20, top + 14], paddingBottomRight: [20, bottom + 14], maxZoom: 11,
                             animate: false});
  }
  function accessible() {
    liveDate();
    map.on("layeradd", function (e) { nameArea(e.layer); });
    markers.eachLayer(nameArea);
    keyboardPopups();
    textSummary();
    roomForTheDate();
    foldLayersOnPhones();
    if (map.getContainer().clientWidth <= 600) fitClearOfControls();
    keepMarkersApart();
  }

  // --- start: the address's view, else the data's date ---------------------------------
  var start = readHash();
  if (start.side) F.side = start.side;
  if (start.claimant) D.claimants.forEach(function (k) { F.claimant[k] = !!start.claimant[S[k]]; });
  if (start.status) D.statuses.forEach(function (s) { F.status[s] = !!start.status[s]; });
  D.sides.forEach(function (side, i) { if (F.side[i]) sideSwitches[i].addTo(map); });
  layerControl.addTo(map);
  filters.addTo(map);
  legend.addTo(map);
  if (canvas) canvas.list.addTo(map);
  if (D.bounds) {
    // Keep the claims clear of the controls: the legend on the right, the time control below.
    var wide = map.getContainer().clientWidth > 600;
    map.fitBounds(D.bounds, {paddingTopLeft: [40, 30], paddingBottomRight: [wide ? 290 : 30, wide ? 110 : 90],
                             maxZoom: 11});
  }
  var first = start.day !== undefined ? start.day : Math.max(D.days.indexOf(D.asOf), 0);
  restoring = true;
  cur = first;
  slider.value = first;
  resetState();
  D.places.forEach(function (p, i) { draw(i); });
  show(first);
  if (canvas) { controlBoxCache = null; canvas.layoutNow(); }
  restoring = false;
  if (start.day !== undefined || start.side || start.claimant || start.status) writeHashNow();
  accessible();
  if (window.performance && performance.mark) performance.mark("mapper-ready");
  map.getContainer().setAttribute("data-claims-ready", "1");
};
