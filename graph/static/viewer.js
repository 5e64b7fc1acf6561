// The tarikh viewer: the event–actor graph with search, type and year filters, a timeline strip
// and a details panel. Everything from the corpus is put on the page with textContent only.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("tarikh-data").textContent);
  const colours = Object.fromEntries(data.types.map((t) => [t.type, t.colour]));
  const events = new Map(data.events.map((e) => [e.id, e]));
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const eventsOfActor = new Map(data.actors.map((a) => [a.id, []]));
  data.events.forEach((e) => e.actors.forEach((link) => eventsOfActor.get(link.id).push(e.id)));

  const fold = (text) => (text || "").normalize("NFC").toLowerCase().replace(/\u0307/g, "").replace(/ı/g, "i");
  const shorten = (text, n) => (text.length > n ? text.slice(0, n - 1) + "…" : text);
  const searchKey = new Map();
  data.actors.forEach((a) => searchKey.set(a.id, fold([a.label, ...Object.values(a.labels)].join("\n"))));
  data.events.forEach((e) => {
    const forms = e.actors.flatMap((link) => link.forms);
    searchKey.set(e.id, fold([e.label, ...Object.values(e.labels), ...forms].join("\n")));
    e.actors.forEach((link) => searchKey.set(link.id, searchKey.get(link.id) + "\n" + fold(link.forms.join("\n"))));
  });

  // --- the network -------------------------------------------------------------------------
  const nodes = new vis.DataSet([
    ...data.events.map((e) => ({
      id: e.id, label: shorten(e.label, 40), shape: "dot", size: 8 + 3 * Math.min(e.mentions.length, 6),
      color: { background: colours[e.type], border: "#444", highlight: { background: colours[e.type], border: "#000" } },
      font: { size: 11 }, borderWidthSelected: 3,
    })),
    ...data.actors.map((a) => ({
      id: a.id, label: shorten(a.label, 32), shape: a.kind === "Place" ? "diamond" : "box", size: 10,
      color: { background: "#ffffff", border: "#666" }, font: { size: 12 },
    })),
  ]);
  const edges = new vis.DataSet(data.events.flatMap((e) => e.actors.map((link) => ({
    id: e.id + " " + link.id, from: e.id, to: link.id, color: { color: "#9a9a9a" },
    dashes: link.role === "place",
  }))));

  const state = {
    types: new Set(data.types.map((t) => t.type)), from: data.years[0], to: data.years[1], query: "", settled: false,
  };
  let visible = computeVisible();
  const nodesView = new vis.DataView(nodes, { filter: (n) => visible.has(n.id) });
  const edgesView = new vis.DataView(edges, { filter: (e) => visible.has(e.from) && visible.has(e.to) });
  const big = data.events.length + data.actors.length > 400;
  const network = new vis.Network(document.getElementById("network"), {}, {
    layout: { improvedLayout: !big, randomSeed: 7 },
    physics: {
      solver: "forceAtlas2Based", stabilization: { iterations: big ? 150 : 400, fit: true },
      forceAtlas2Based: { gravitationalConstant: -80, springLength: 90, avoidOverlap: 0.8 },
    },
    interaction: { hover: true, tooltipDelay: 200 },
    edges: { smooth: false, width: 1 },
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    // pin the layout, so nodes a filter hides come back where they were
    nodes.update(Object.entries(network.getPositions()).map(([id, p]) => ({ id, x: p.x, y: p.y })));
    state.settled = true;
  });
  network.setData({ nodes: nodesView, edges: edgesView });

  // --- filters -----------------------------------------------------------------------------
  function eventPasses(e) {
    if (!state.types.has(e.type)) return false;
    const full = state.from <= data.years[0] && state.to >= data.years[1];
    if (e.year === null) return full;
    return e.year >= state.from && e.year <= state.to;
  }

  function computeVisible() {
    const shown = new Set();
    const query = fold(state.query.trim());
    const hits = (id) => !query || searchKey.get(id).includes(query);
    for (const e of data.events) {
      if (!eventPasses(e)) continue;
      if (hits(e.id) || e.actors.some((link) => hits(link.id))) {
        shown.add(e.id);
        e.actors.forEach((link) => shown.add(link.id));
      }
    }
    return shown;
  }

  function refresh() {
    visible = computeVisible();
    nodesView.refresh();
    edgesView.refresh();
    const shownEvents = data.events.filter((e) => visible.has(e.id)).length;
    document.getElementById("status").textContent =
      `${shownEvents} of ${data.events.length} events, ${visible.size - shownEvents} of ${data.actors.length} actors shown`;
    layoutTimeline();
  }

  function buildTypeFilters() {
    const nav = document.getElementById("types");
    for (const t of data.types) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.checked = true; box.value = t.type;
      box.addEventListener("change", () => { box.checked ? state.types.add(t.type) : state.types.delete(t.type); refresh(); });
      const swatch = document.createElement("span");
      swatch.className = "swatch"; swatch.style.background = t.colour;
      label.append(box, swatch, document.createTextNode(`${t.name} (${t.count})`));
      nav.append(label);
    }
  }

  function bindInputs() {
    const search = document.getElementById("search");
    search.addEventListener("input", () => { state.query = search.value; refresh(); });
    for (const [id, key] of [["year-from", "from"], ["year-to", "to"]]) {
      const input = document.getElementById(id);
      input.min = data.years[0]; input.max = data.years[1]; input.value = state[key];
      input.addEventListener("input", () => {
        const year = parseInt(input.value, 10);
        state[key] = Number.isNaN(year) ? data.years[key === "from" ? 0 : 1] : year;
        refresh();
      });
    }
  }

  // --- timeline strip ----------------------------------------------------------------------
  const timeline = document.getElementById("timeline");

  function yearFraction(e) {
    const [y, m, d] = (e.date || String(e.year)).split("-").map(Number);
    return y + (m ? (m - 1) / 12 : 0.5) + (d ? (d - 1) / 365 : m ? 1 / 24 : 0);
  }

  function buildTimeline() {
    data.events.filter((e) => e.year !== null).forEach((e) => {
      const mark = document.createElement("span");
      mark.className = "mark"; mark.dataset.id = e.id;
      mark.style.top = `${(100 * data.types.findIndex((t) => t.type === e.type)) / data.types.length}%`;
      mark.style.background = colours[e.type];
      mark.title = `${e.date || e.year}: ${e.label}`;
      mark.addEventListener("click", () => select(e.id));
      timeline.append(mark);
    });
  }

  function layoutTimeline() {
    // the strip spans the year filter; by default the main period, not a lone date centuries earlier
    const first = state.from <= data.years[0] ? data.period[0] : state.from;
    const last = state.to;
    const span = Math.max(1, last + 1 - first);
    const place = (x) => `${(100 * (x - first)) / span}%`;
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => span / s <= 14) || 1000;
    timeline.querySelectorAll(".tick").forEach((tick) => tick.remove());
    for (let y = Math.ceil(first / step) * step; y <= last + 1; y += step) {
      const tick = el("span", String(y), "tick");
      tick.style.left = place(y);
      timeline.append(tick);
    }
    for (const mark of timeline.querySelectorAll(".mark")) {
      const x = yearFraction(events.get(mark.dataset.id));
      mark.style.left = place(x);
      mark.hidden = !visible.has(mark.dataset.id) || x < first || x >= last + 1;
    }
  }

  // --- details panel -----------------------------------------------------------------------
  const details = document.getElementById("details");
  const el = (tag, text, cls) => { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; if (cls) n.className = cls; return n; };

  function fieldList(pairs) {
    const dl = el("dl");
    for (const [key, value] of pairs) if (value !== null && value !== undefined && value !== "") dl.append(el("dt", key), el("dd", String(value)));
    return dl;
  }

  function linkTo(id, text) {
    const button = el("button", text, "link");
    button.type = "button";
    button.addEventListener("click", () => select(id));
    return button;
  }

  function showEvent(e) {
    const date = e.date_end ? `${e.date} – ${e.date_end}` : e.date || "undated";
    details.replaceChildren(el("h2", e.label), fieldList([
      ["type", e.subtype ? `${e.type} (${e.subtype})` : e.type], ["date", date], ["precision", e.precision],
      ["EDTF", e.edtf], ["confidence", e.confidence === null ? null : e.confidence.toFixed(2)],
      ["place", e.place && actors.has(e.place) ? actors.get(e.place).label : null],
      ...Object.entries(e.labels).filter(([lang]) => lang !== "en").map(([lang, text]) => [`label (${lang})`, text]),
    ]));
    details.append(el("h3", "Actors"));
    const list = el("ul");
    for (const link of e.actors) {
      const item = el("li");
      item.append(linkTo(link.id, actors.get(link.id).label), document.createTextNode(` — ${link.role}`));
      if (link.forms.length) item.append(el("span", ` as: ${link.forms.join(" | ")}`, "source"));
      if (link.inferred) item.append(el("span", " · inferred", "source"));
      list.append(item);
    }
    if (!e.actors.length) list.append(el("li", "none recorded"));
    details.append(list, el("h3", "Sources"));
    for (const m of e.mentions) {
      const lines = m.end_line && m.end_line !== m.line ? `${m.line}–${m.end_line}` : `${m.line}`;
      details.append(el("div", `${m.doc}, line ${lines}${m.lang ? ` [${m.lang}]` : ""}`, "source"), el("blockquote", m.quote || ""));
    }
  }

  function showActor(a) {
    details.replaceChildren(el("h2", a.label), fieldList([
      ["kind", a.kind], ["Wikidata", a.wikidata],
      ...Object.entries(a.labels).map(([lang, text]) => [`label (${lang})`, text]),
    ]), el("h3", "Events"));
    const list = el("ul");
    eventsOfActor.get(a.id).map((id) => events.get(id))
      .sort((x, y) => (x.date || "9999").localeCompare(y.date || "9999"))
      .forEach((e) => {
        const item = el("li", `${e.date || "undated"} `);
        item.append(linkTo(e.id, e.label));
        list.append(item);
      });
    details.append(list);
  }

  function select(id) {
    if (events.has(id)) showEvent(events.get(id)); else if (actors.has(id)) showActor(actors.get(id)); else return;
    for (const mark of timeline.querySelectorAll(".mark.selected")) mark.classList.remove("selected");
    const mark = timeline.querySelector(`.mark[data-id="${CSS.escape(id)}"]`);
    if (mark) mark.classList.add("selected");
    if (visible.has(id)) { network.selectNodes([id]); network.focus(id, { scale: 1.2, animation: false }); }
  }

  network.on("click", (params) => { if (params.nodes.length) select(params.nodes[0]); });

  buildTypeFilters();
  bindInputs();
  buildTimeline();
  refresh();
  window.tarikhViewer = { data, network, nodes, edges, nodesView, edgesView, state, refresh, select, visible: () => visible };
})();
