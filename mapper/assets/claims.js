/* Claims layer for Leaflet: per-side layers, a time control, popups with each
 * place's whole claim timeline.
 *
 * A static file, never a template: the data comes from a JSON script element
 * (type application/json), read with JSON.parse. Every
 * string from a ledger reaches the page as text (textContent, text nodes,
 * DOM properties), never as markup. */
window.mapperClaimsLayer = function (map, dataId) {
  "use strict";
  var D = JSON.parse(document.getElementById(dataId).textContent);
  var S = D.strings;
  // Expand the compact claims: optional fields default, strings by index.
  D.claims.forEach(function (c, i) {
    c.i = i;
    c.f = c.f || [];
    c.w = c.w || c.d;
    c.st = c.st || "published";
    c.cl = S[c.cl];
    c.q = c.q === undefined ? null : S[c.q];
    c.src = c.src === undefined ? null : S[c.src];
    c.as = c.as === undefined ? null : S[c.as];
    c.n = c.n === undefined ? null : S[c.n];
  });
  // Colours are the renderer's own, but they go into markup: the second lock.
  D.sides.forEach(function (side) { if (!/^#[0-9a-fA-F]{6}$/.test(side.color)) side.color = "#444444"; });
  var CONTROL = {captured: "claims it", holds: "claims it", withdrew: "says it left"};
  var LANG_LABELS = {aze: "Azərbaycanca", hye: "Հայերեն", rus: "Русский", eng: "English"};
  // Marker shapes, one per kind of claim, as SVG elements and attributes (no markup strings).
  var SHAPES = {
    captured: [["polygon", {points: "9,1 17,16 1,16"}]],
    holds: [["rect", {x: 2, y: 2, width: 14, height: 14}]],
    withdrew: [["polygon", {points: "1,2 17,2 9,17"}]],
    denies: [["circle", {cx: 9, cy: 9, r: 7, "fill-opacity": 0.25}], ["line", {x1: 4, y1: 4, x2: 14, y2: 14, "stroke-width": 2.5}]],
    attacked: [["polygon", {points: "9,1 17,9 9,17 1,9"}]],
    casualties: [["polygon", {points: "6,1 12,1 12,6 17,6 17,12 12,12 12,17 6,17 6,12 1,12 1,6 6,6"}]],
    violation: [["polygon", {points: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7"}]],
    other: [["circle", {cx: 9, cy: 9, r: 7}]]
  };
  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgNode(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function shape(kind, size, fill, strokeWidth) {
    var svg = svgNode("svg", {width: size, height: size, viewBox: "0 0 18 18", fill: fill, stroke: "#222",
                              "stroke-width": strokeWidth});
    (SHAPES[kind] || SHAPES.other).forEach(function (part) { svg.appendChild(svgNode(part[0], part[1])); });
    return svg;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function safeUrl(url) {
    // Only http(s) links become links; the ledger reader already dropped the
    // rest, this is the second lock.
    try {
      var parsed = new URL(url);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (e) { return null; }
  }
  function swatch(color) {
    var s = el("span", "cm-swatch");
    s.style.background = color;
    return s;
  }
  function icon(c) {
    var side = D.sides[c.s];
    // Claims about one place fan out around it so that none hides another.
    var k = D.places[c.p].t.indexOf(c.i), dx = 0, dy = 0;
    if (k > 0) {
      var angle = k * 2.4, radius = 15 + 3 * Math.sqrt(k);
      dx = Math.round(radius * Math.cos(angle));
      dy = Math.round(radius * Math.sin(angle));
    }
    var cls = "cm-marker cm-side-" + c.s + " cm-claim-" + c.c + c.f.map(function (f) { return " cm-flag-" + f; }).join("");
    return L.divIcon({className: cls, html: shape(c.c, 18, side.color, 1), iconSize: [18, 18], iconAnchor: [9 - dx, 9 - dy], popupAnchor: [dx, dy - 8]});
  }

  function popup(c) {
    var place = D.places[c.p];
    var box = el("div", "cm-popup");
    box.appendChild(el("h3", "cm-place", place.n));
    var kind = el("div", "cm-kind", place.k + (place.h ? " · " + place.h : ""));
    box.appendChild(kind);
    var names = el("dl", "cm-names");
    ["aze", "hye", "rus", "eng"].forEach(function (lang) {
      if (!place.l[lang]) return;
      names.appendChild(el("dt", null, LANG_LABELS[lang]));
      names.appendChild(el("dd", null, place.l[lang]));
    });
    box.appendChild(names);
    // What each side claims here on the date the reader is looking at.
    var latest = {};
    place.t.forEach(function (i) {
      var x = D.claims[i];
      if (x.d <= current && CONTROL[x.c] && x.f.indexOf("retracted") < 0) latest[x.s] = x;
    });
    var sides = Object.keys(latest).sort();
    if (sides.length) {
      var control = el("div", "cm-control");
      control.appendChild(el("div", "cm-control-head", "As of " + current + ":"));
      sides.forEach(function (s) {
        var x = latest[s], line = el("div", "cm-control-line");
        line.appendChild(swatch(D.sides[s].color));
        line.appendChild(el("span", null, D.sides[s].name + " " + CONTROL[x.c] + " (" + x.c + " " + x.w + ")"));
        control.appendChild(line);
      });
      box.appendChild(control);
    }
    var list = el("ol", "cm-timeline");
    place.t.forEach(function (i) {
      var x = D.claims[i];
      var item = el("li", "cm-entry" + (i === c.i ? " cm-current" : "") + (x.d > current ? " cm-future" : ""));
      var head = el("div", "cm-head");
      head.appendChild(el("span", "cm-date", x.w));
      head.appendChild(swatch(D.sides[x.s].color));
      head.appendChild(el("span", "cm-claimant", x.cl));
      head.appendChild(el("span", "cm-claim cm-claim-" + x.c, x.c));
      x.f.forEach(function (f) { head.appendChild(el("span", "cm-flag cm-flag-" + f, f)); });
      if (x.st !== "published") head.appendChild(el("span", "cm-status", x.st));
      item.appendChild(head);
      if (x.in !== undefined) {
        var area = D.claims[x.in];
        item.appendChild(el("div", "cm-inside", "inside " + D.places[area.p].n + ", which " +
          D.sides[area.s].name + " claimed captured on " + area.w));
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
      if (x.as) item.appendChild(el("div", "cm-as", "as written: " + x.as));
      if (x.n) item.appendChild(el("div", "cm-notes", x.n));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }
  function tooltip(c) {
    var place = D.places[c.p];
    return el("span", "cm-tip", place.n + " — " + c.cl + " (" + D.sides[c.s].name + "): " + c.c + ", " + c.w);
  }

  // --- layers -------------------------------------------------------------
  var boundaries = L.geoJSON(D.boundaries, {
    interactive: false,
    style: function () { return {color: "#555", weight: 1, fill: false, dashArray: "3 3", className: "cm-boundary"}; }
  }).addTo(map);
  var groups = D.sides.map(function () { return L.layerGroup().addTo(map); });
  var layers = D.claims.map(function (c) {
    if (c.p === undefined) return null;
    var place = D.places[c.p];
    var layer;
    var flags = c.f.map(function (f) { return " cm-flag-" + f; }).join("");
    if (place.g !== undefined) {
      var color = D.sides[c.s].color;
      layer = L.geoJSON(D.areas[place.g], {style: function () {
        return {color: color, weight: c.f.indexOf("contested") >= 0 ? 3 : 2, fillOpacity: 0.18,
                dashArray: c.f.indexOf("contested") >= 0 ? "6 4" : null,
                className: "cm-area cm-side-" + c.s + " cm-claim-" + c.c + flags};
      }});
    } else {
      // Leaflet sets title and alt as DOM properties: ledger text stays text.
      var label = place.n + ": " + D.sides[c.s].name + " " + c.c + ", " + c.w;
      layer = L.marker([place.c[0], place.c[1]], {icon: icon(c), keyboard: true, title: label, alt: label});
    }
    layer.bindPopup(function () { return popup(c); }, {maxWidth: 320, maxHeight: 360, autoPanPadding: [10, 10]});
    layer.bindTooltip(function () { return tooltip(c); }, {direction: "top"});
    return layer;
  });

  // --- time control ------------------------------------------------------
  var current = D.days[D.days.length - 1];
  function show(day) {
    current = day;
    D.claims.forEach(function (c, i) {
      var layer = layers[i];
      if (!layer) return;
      var group = groups[c.s];
      if (c.d <= day) { if (!group.hasLayer(layer)) group.addLayer(layer); }
      else if (group.hasLayer(layer)) group.removeLayer(layer);
    });
    dateLabel.textContent = day;
    var active = D.events.filter(function (e) { return e.start <= day && (!e.end || day <= e.end); });
    eventLabel.textContent = active.map(function (e) { return e.name; }).join(" · ");
    map.getContainer().setAttribute("data-as-of", day);
  }

  var timeControl = L.control({position: "bottomleft"});
  var slider, dateLabel, eventLabel, playButton, timer = null;
  timeControl.onAdd = function () {
    var box = el("div", "cm-time leaflet-bar");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    playButton = el("button", "cm-play", "▶");
    playButton.type = "button";
    playButton.setAttribute("aria-label", "Play through the dates");
    slider = el("input", "cm-slider");
    slider.type = "range";
    slider.min = 0;
    slider.max = D.days.length - 1;
    slider.step = 1;
    slider.value = D.days.indexOf(D.asOf) >= 0 ? D.days.indexOf(D.asOf) : D.days.length - 1;
    slider.setAttribute("aria-label", "Claims as of date");
    // Events (ceasefires) are ticks on the slider.
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
    slider.addEventListener("input", function () { show(D.days[+slider.value]); });
    playButton.addEventListener("click", function () {
      if (timer) { clearInterval(timer); timer = null; playButton.textContent = "▶"; return; }
      if (+slider.value >= D.days.length - 1) slider.value = 0;
      playButton.textContent = "❚❚";
      show(D.days[+slider.value]);
      timer = setInterval(function () {
        if (+slider.value >= D.days.length - 1) { clearInterval(timer); timer = null; playButton.textContent = "▶"; return; }
        slider.value = +slider.value + 1;
        show(D.days[+slider.value]);
      }, 800);
    });
    return box;
  };
  timeControl.addTo(map);

  // --- title, legend, layer switcher ------------------------------------
  var title = L.control({position: "topright"});
  title.onAdd = function () {
    var box = el("div", "cm-title");
    if (D.title) box.appendChild(el("h2", null, D.title));
    box.appendChild(el("div", "cm-range", D.days[0] + " – " + D.days[D.days.length - 1]));
    return box;
  };
  title.addTo(map);

  // Leaflet writes a layer's name into the control as HTML; this control
  // writes it as text, with the side's swatch beside it.
  var TextLayers = L.Control.Layers.extend({
    _addItem: function (obj) {
      var label = L.Control.Layers.prototype._addItem.call(this, L.extend({}, obj, {name: ""}));
      var name = label.firstChild.lastChild;
      if (obj.layer.cmColor) name.appendChild(swatch(obj.layer.cmColor));
      name.appendChild(document.createTextNode(obj.name));
      return label;
    }
  });
  var control = new TextLayers(null, null, {collapsed: false, position: "topright"});
  D.sides.forEach(function (side, i) {
    groups[i].cmColor = side.color;
    control.addOverlay(groups[i], side.name);
  });
  control.addOverlay(boundaries, "District boundaries");
  control.addTo(map);

  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var box = el("details", "cm-legend");
    box.open = window.innerWidth > 600;
    box.appendChild(el("summary", null, "Legend"));
    var kinds = el("ul", "cm-kinds");
    Object.keys(SHAPES).forEach(function (k) {
      var li = el("li");
      li.appendChild(shape(k, 14, "#999", 1));
      li.appendChild(el("span", null, " " + k));
      kinds.appendChild(li);
    });
    box.appendChild(kinds);
    var flags = el("ul", "cm-flags");
    D.flagHelp.forEach(function (f) {
      var li = el("li");
      li.appendChild(el("span", "cm-flag cm-flag-" + f[0], f[0]));
      li.appendChild(el("span", null, " " + f[1]));
      flags.appendChild(li);
    });
    box.appendChild(flags);
    if (D.unmapped) box.appendChild(el("p", "cm-unmapped", D.unmapped + " claim(s) not on the map: place unresolved or ambiguous (see the report)."));
    box.appendChild(el("p", "cm-credit", D.credit));
    return box;
  };
  legend.addTo(map);
  // Attribution is HTML in Leaflet: a text node's escaped form goes in.
  if (map.attributionControl) {
    var attribution = document.createElement("span");
    attribution.textContent = D.attribution;
    map.attributionControl.addAttribution(attribution.innerHTML);
  }

  if (D.bounds) {
    // Keep the claims clear of the controls: the legend (open on wide
    // screens) on the right, the time control at the bottom.
    var wide = map.getContainer().clientWidth > 600;
    map.fitBounds(D.bounds, {paddingTopLeft: [40, 30], paddingBottomRight: [wide ? 290 : 30, wide ? 110 : 90],
                             maxZoom: 11});
  }
  show(D.days[+slider.value]);
  map.getContainer().setAttribute("data-claims-ready", "1");
};
