/* geopol page: plain DOM, no libraries, no build step. Text from the server is always
   inserted with textContent / createTextNode, never as HTML. */
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVGNS = "http://www.w3.org/2000/svg";
let INFO = { token_required: false, plover_types: [], modalities: [] };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail))
                                    : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

function setStatus(id, text, isError) {
  const s = $(id);
  s.textContent = text || "";
  s.classList.toggle("error", !!isError);
}

/* -- evidence highlighting ------------------------------------------------------------ */

// spans: {source: [s, e] | null, target: ..., trigger: ...} (character offsets, end exclusive).
// Several events' spans may be merged (list of span objects); later roles win on overlaps.
function highlighted(text, spanList) {
  const roles = new Array(text.length).fill(null);
  for (const spans of spanList) {
    for (const role of ["source", "target", "trigger"]) {
      const sp = spans && spans[role];
      if (!sp) continue;
      for (let i = Math.max(0, sp[0]); i < Math.min(text.length, sp[1]); i++) roles[i] = role;
    }
  }
  const frag = document.createDocumentFragment();
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && roles[j] === roles[i]) j++;
    const piece = text.slice(i, j);
    if (roles[i]) frag.appendChild(el("mark", { class: "hl-" + roles[i], title: roles[i] }, piece));
    else frag.appendChild(document.createTextNode(piece));
    i = j;
  }
  return frag;
}

function actorCell(a) {
  if (!a) return el("td", { class: "muted" }, "—");
  return el("td", {}, el("span", { class: "code" }, a.code || ""), el("span", { class: "sub" }, a.name || a.text || ""));
}

function eventCells(ev) {
  const q = "badge q" + (ev.quad_class || 0);
  return [
    actorCell(ev.source),
    el("td", {}, el("span", { class: "code" }, ev.cameo), el("span", { class: "sub" }, ev.cameo_name || "")),
    actorCell(ev.target),
    el("td", {}, el("span", { class: q, title: "Goldstein " + ev.goldstein }, (ev.plover && ev.plover.type) || "?")),
    el("td", { class: ev.modality === "asserted" ? "mod-asserted" : "" }, ev.modality),
  ];
}

function eventRow(ev, first, last) {
  const tr = el("tr", { class: "event-row" + (ev.modality === "asserted" ? "" : " not-asserted"),
                        "data-event-id": ev.event_id });
  tr.appendChild(first);
  tr.appendChild(el("td", { class: "sentence" }, highlighted(ev.sentence || "", [ev.spans || {}])));
  for (const c of eventCells(ev)) tr.appendChild(c);
  for (const c of last) tr.appendChild(c);
  return tr;
}

/* -- tabs ------------------------------------------------------------------------------- */

function showTab(name) {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t.id === "tab-" + name));
  if (name === "events" && !$("#stored-events tbody").childElementCount) loadEvents(0);
  if (name === "network" && !NET.nodes.length) loadNetwork();
}

/* -- coding ------------------------------------------------------------------------------- */

async function codeText(evt) {
  evt.preventDefault();
  const text = $("#text").value;
  if (!text.trim()) { setStatus("#code-status", "paste some text first", true); return; }
  const body = { text: text, store: $("#store").checked };
  if ($("#date").value) body.date = $("#date").value;
  const headers = { "Content-Type": "application/json" };
  const token = $("#token").value.trim();
  if (token) headers["Authorization"] = "Bearer " + token;
  const btn = $("#code-btn");
  btn.disabled = true;
  setStatus("#code-status", INFO.pipeline_loaded ? "coding…" : "loading the coding pipeline (a few seconds the first time)…");
  const t0 = performance.now();
  try {
    const res = await api("/api/code", { method: "POST", headers: headers, body: JSON.stringify(body) });
    INFO.pipeline_loaded = true;
    renderCoded(res);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    let msg = `${res.events.length} events in ${res.sentences.length} sentences (${secs} s)`;
    if (res.date) msg += `, dated ${res.date}`;
    if (res.stored) msg += ` — stored: ${res.stored.events} events` + (res.stored.skipped ? " (already stored)" : "");
    setStatus("#code-status", msg);
    if (res.stored) refreshInfo();
  } catch (e) {
    setStatus("#code-status", e.message, true);
  } finally {
    btn.disabled = false;
  }
}

function renderCoded(res) {
  const tbody = $("#code-events tbody");
  tbody.replaceChildren();
  res.events.forEach((ev, i) => {
    tbody.appendChild(eventRow(ev, el("td", { class: "muted" }, String(i + 1)),
      [el("td", { class: "code" }, ev.date || ""), el("td", {}, (ev.confidence ?? "").toString())]));
  });
  if (!res.events.length) {
    tbody.appendChild(el("tr", {}, el("td", { colspan: "9", class: "muted" }, "No events found in this text.")));
  }
  $("#code-events").classList.remove("hidden");
}

function loadFile() {
  const f = $("#file").files[0];
  if (!f) return;
  if (f.size > 900000) { setStatus("#code-status", "file too large (900 kB at most)", true); return; }
  const reader = new FileReader();
  reader.onload = () => { $("#text").value = reader.result; setStatus("#code-status", `loaded ${f.name}`); };
  reader.onerror = () => setStatus("#code-status", "could not read the file", true);
  reader.readAsText(f);
}

/* -- stored events ------------------------------------------------------------------------- */

let PAGE = { offset: 0, limit: 50, total: 0 };

function filterParams() {
  const p = new URLSearchParams();
  const map = { actor: "#f-actor", dyad: "#f-dyad", type: "#f-type", root: "#f-root", modality: "#f-modality",
                since: "#f-since", until: "#f-until", q: "#f-q" };
  for (const [k, sel] of Object.entries(map)) {
    const v = $(sel).value.trim();
    if (v) p.set(k, v);
  }
  return p;
}

async function loadEvents(offset) {
  const p = filterParams();
  PAGE.limit = parseInt($("#f-limit").value, 10);
  p.set("limit", PAGE.limit);
  p.set("offset", Math.max(0, offset));
  setStatus("#events-status", "loading…");
  try {
    const res = await api("/api/events?" + p.toString());
    PAGE.offset = res.offset; PAGE.total = res.total;
    const tbody = $("#stored-events tbody");
    tbody.replaceChildren();
    for (const ev of res.events) {
      const link = el("a", { class: "doclink", title: "show the document", onclick: () => showDocument(ev.doc_id) },
                      ev.doc_id.length > 22 ? ev.doc_id.slice(0, 21) + "…" : ev.doc_id);
      tbody.appendChild(eventRow(ev, el("td", { class: "code" }, ev.date || ""), [el("td", {}, link)]));
    }
    if (!res.events.length) tbody.appendChild(el("tr", {}, el("td", { colspan: "8", class: "muted" }, "No events match.")));
    const last = Math.min(res.total, res.offset + res.events.length);
    $("#page-info").textContent = res.total ? `${res.offset + 1}–${last} of ${res.total}` : "0 events";
    $("#prev").disabled = res.offset <= 0;
    $("#next").disabled = last >= res.total;
    setStatus("#events-status", "");
  } catch (e) {
    setStatus("#events-status", e.message, true);
  }
}

async function showDocument(docId) {
  const view = $("#doc-view");
  view.classList.remove("hidden");
  view.replaceChildren(el("p", { class: "muted" }, "loading…"));
  try {
    const d = await api("/api/documents/" + encodeURIComponent(docId));
    const byIndex = {};
    for (const ev of d.events) (byIndex[ev.sentence_index] = byIndex[ev.sentence_index] || []).push(ev.spans);
    const body = el("div", { class: "doc-text" });
    let pos = 0;
    for (const s of d.sentences) {
      if (s.start > pos) body.appendChild(document.createTextNode(d.text.slice(pos, s.start)));
      body.appendChild(el("span", { class: "sent", "data-index": s.index }, highlighted(s.text, byIndex[s.index] || [])));
      pos = s.end;
    }
    const meta = [d.doc_date, d.source, d.url, `${d.n_sentences} sentences`, `${d.events.length} events`]
      .filter(Boolean).join(" · ");
    view.replaceChildren(
      el("h2", {}, d.title || d.doc_id),
      el("p", { class: "muted" }, meta + (d.duplicate_of ? ` · duplicate of ${d.duplicate_of}` : "")),
      body,
      el("p", {}, el("button", { type: "button", onclick: () => view.classList.add("hidden") }, "Close")));
    view.scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (e) {
    view.replaceChildren(el("p", { class: "status error" }, e.message));
  }
}

/* -- timeline chart (SVG) ------------------------------------------------------------------- */

async function loadTimeline(evt) {
  if (evt) evt.preventDefault();
  const p = new URLSearchParams({ actor: $("#t-actor").value.trim(), by: $("#t-by").value });
  if ($("#t-other").value.trim()) p.set("other", $("#t-other").value.trim());
  if ($("#t-all").checked) p.set("all_modalities", "true");
  setStatus("#timeline-status", "loading…");
  try {
    const res = await api("/api/timeline?" + p.toString());
    drawTimeline(res);
    const n = res.periods.reduce((a, r) => a + (r.n_events || 0), 0);
    setStatus("#timeline-status", `${n} events in ${res.periods.length} periods`);
  } catch (e) {
    setStatus("#timeline-status", e.message, true);
  }
}

function drawTimeline(res) {
  const box = $("#timeline-chart");
  box.replaceChildren();
  const rows = res.periods;
  if (!rows.length) { box.appendChild(el("p", { class: "muted" }, "No dated events for this selection.")); return; }
  const W = Math.max(640, Math.min(1200, box.clientWidth || 900)), H = 320;
  const m = { l: 48, r: 16, t: 28, b: 54 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const maxUp = Math.max(1, ...rows.map((r) => Math.max(r.coop || 0, (r.n_events || 0) - (r.conflict || 0))));
  const maxDown = Math.max(1, ...rows.map((r) => r.conflict || 0));
  const total = maxUp + maxDown;
  const zero = m.t + ih * (maxUp / total);
  const y = (v) => (ih * v) / total;
  const bw = iw / rows.length;
  const root = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
                            "aria-label": `timeline of ${res.actor}${res.other ? " and " + res.other : ""}` });
  root.appendChild(svg("text", { x: m.l, y: 16, "font-weight": "600" },
    `${res.actor}${res.other ? " – " + res.other : " with anyone"}: events per ${res.by} (cooperation above, conflict below)`));
  for (const v of [maxUp, Math.round(maxUp / 2)]) {
    if (v <= 0) continue;
    root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: zero - y(v), y2: zero - y(v), stroke: "#eceff2" }));
    root.appendChild(svg("text", { x: m.l - 6, y: zero - y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  for (const v of [maxDown]) {
    root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: zero + y(v), y2: zero + y(v), stroke: "#eceff2" }));
    root.appendChild(svg("text", { x: m.l - 6, y: zero + y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  const every = Math.ceil(rows.length / Math.max(1, Math.floor(iw / 70)));
  rows.forEach((r, i) => {
    const x = m.l + i * bw + bw * 0.15, w = Math.max(1, bw * 0.7);
    const g = svg("g", { class: "period" });
    g.appendChild(svg("title", {}, `${r.period}: ${r.n_events} events, ${r.coop} cooperative, ${r.conflict} conflictual` +
      (r.goldstein_mean !== null && r.goldstein_mean !== undefined ? `, mean Goldstein ${Number(r.goldstein_mean).toFixed(1)}` : "")));
    if (r.coop) g.appendChild(svg("rect", { x: x, y: zero - y(r.coop), width: w, height: y(r.coop), fill: "#2e8b57" }));
    if (r.conflict) g.appendChild(svg("rect", { x: x, y: zero, width: w, height: y(r.conflict), fill: "#c0392b" }));
    const other = (r.n_events || 0) - (r.coop || 0) - (r.conflict || 0);
    if (other > 0) g.appendChild(svg("rect", { x: x, y: zero - y(r.coop || 0) - y(other), width: w, height: y(other), fill: "#b8c0c9" }));
    root.appendChild(g);
    if (i % every === 0) {
      root.appendChild(svg("text", { x: m.l + i * bw + bw / 2, y: H - m.b + 18, "text-anchor": "middle" }, String(r.period)));
    }
  });
  root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: zero, y2: zero, stroke: "#555" }));
  root.appendChild(svg("text", { x: m.l - 6, y: zero + 4, "text-anchor": "end" }, "0"));
  const lg = [["#2e8b57", "cooperation (quad 1–2)"], ["#c0392b", "conflict (quad 3–4)"], ["#b8c0c9", "statements"]];
  lg.forEach(([c, t], i) => {
    root.appendChild(svg("rect", { x: m.l + i * 190, y: H - 20, width: 12, height: 12, fill: c }));
    root.appendChild(svg("text", { x: m.l + i * 190 + 18, y: H - 10 }, t));
  });
  box.appendChild(root);
}

/* -- network (canvas, small force layout) --------------------------------------------------- */

const NET = { nodes: [], edges: [], drag: null };

async function loadNetwork(evt) {
  if (evt) evt.preventDefault();
  const p = new URLSearchParams({ level: $("#n-level").value, min_events: $("#n-min").value || "1" });
  if ($("#n-since").value) p.set("since", $("#n-since").value);
  if ($("#n-until").value) p.set("until", $("#n-until").value);
  setStatus("#network-status", "loading…");
  try {
    const res = await api("/api/network?" + p.toString());
    layoutNetwork(res);
    drawNetwork();
    setStatus("#network-status", `${res.nodes.length} actors, ${res.edges.length} ties`);
  } catch (e) {
    setStatus("#network-status", e.message, true);
  }
}

function layoutNetwork(res) {
  const cv = $("#network-canvas");
  const W = cv.width, H = cv.height;
  const index = {};
  NET.nodes = res.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, res.nodes.length);
    const node = { id: n.id, n: n.n_events || 1, x: W / 2 + Math.cos(a) * W / 4, y: H / 2 + Math.sin(a) * H / 4, vx: 0, vy: 0 };
    index[n.id] = node;
    return node;
  });
  NET.edges = res.edges.filter((e) => index[e.source] && index[e.target])
    .map((e) => ({ a: index[e.source], b: index[e.target], w: e.n_events || e.weight || 1, sign: e.sign || 0,
                   coop: e.coop, conflict: e.conflict }));
  const N = NET.nodes.length;
  if (!N) return;
  const k = Math.sqrt((W * H) / N) * 0.55;
  for (let it = 0; it < 400; it++) {
    const t = 1 - it / 400;
    for (const a of NET.nodes) { a.fx = 0; a.fy = 0; }
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        const a = NET.nodes[i], b = NET.nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; d2 = 0.5; }
        const d = Math.sqrt(d2), f = (k * k) / d;
        a.fx += (dx / d) * f; a.fy += (dy / d) * f; b.fx -= (dx / d) * f; b.fy -= (dy / d) * f;
      }
    }
    for (const e of NET.edges) {
      const dx = e.a.x - e.b.x, dy = e.a.y - e.b.y, d = Math.max(0.1, Math.hypot(dx, dy));
      const f = (d * d) / k * (0.6 + Math.min(2, Math.log1p(e.w) / 2));
      e.a.fx -= (dx / d) * f; e.a.fy -= (dy / d) * f; e.b.fx += (dx / d) * f; e.b.fy += (dy / d) * f;
    }
    const step = 12 * t + 0.5;
    for (const a of NET.nodes) {
      a.fx += (W / 2 - a.x) * 0.02 * k / 10; a.fy += (H / 2 - a.y) * 0.02 * k / 10;
      const f = Math.max(0.01, Math.hypot(a.fx, a.fy));
      a.x += (a.fx / f) * Math.min(step, f); a.y += (a.fy / f) * Math.min(step, f);
      a.x = Math.min(W - 40, Math.max(40, a.x)); a.y = Math.min(H - 30, Math.max(30, a.y));
    }
  }
}

function nodeRadius(n) { return 6 + Math.min(22, Math.sqrt(n.n) * 3); }

function drawNetwork() {
  const cv = $("#network-canvas"), ctx = cv.getContext("2d");
  ctx.clearRect(0, 0, cv.width, cv.height);
  if (!NET.nodes.length) {
    ctx.fillStyle = "#66707c"; ctx.font = "14px sans-serif";
    ctx.fillText("No ties between actors for this selection.", 20, 30);
    return;
  }
  for (const e of NET.edges) {
    ctx.strokeStyle = e.sign > 0 ? "rgba(46,139,87,.75)" : e.sign < 0 ? "rgba(192,57,43,.8)" : "rgba(138,147,158,.8)";
    ctx.lineWidth = 1 + Math.min(9, Math.log2(1 + e.w) * 1.6);
    ctx.beginPath(); ctx.moveTo(e.a.x, e.a.y); ctx.lineTo(e.b.x, e.b.y); ctx.stroke();
    ctx.fillStyle = "#66707c"; ctx.font = "10px sans-serif";
    ctx.fillText(String(e.w), (e.a.x + e.b.x) / 2 + 3, (e.a.y + e.b.y) / 2 - 3);
  }
  for (const n of NET.nodes) {
    const r = nodeRadius(n);
    ctx.beginPath(); ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = "#24579e"; ctx.fill();
    ctx.lineWidth = 2; ctx.strokeStyle = "#fff"; ctx.stroke();
    ctx.fillStyle = "#1d232b"; ctx.font = "bold 12px sans-serif";
    ctx.fillText(n.id, n.x + r + 3, n.y + 4);
  }
}

function canvasPoint(evt) {
  const cv = $("#network-canvas"), rect = cv.getBoundingClientRect();
  return { x: (evt.clientX - rect.left) * (cv.width / rect.width), y: (evt.clientY - rect.top) * (cv.height / rect.height) };
}

function setupNetworkDrag() {
  const cv = $("#network-canvas");
  cv.addEventListener("pointerdown", (evt) => {
    const p = canvasPoint(evt);
    NET.drag = NET.nodes.find((n) => Math.hypot(n.x - p.x, n.y - p.y) <= nodeRadius(n) + 3) || null;
    if (NET.drag) cv.setPointerCapture(evt.pointerId);
  });
  cv.addEventListener("pointermove", (evt) => {
    if (!NET.drag) return;
    const p = canvasPoint(evt);
    NET.drag.x = p.x; NET.drag.y = p.y;
    drawNetwork();
  });
  const stop = () => { NET.drag = null; };
  cv.addEventListener("pointerup", stop);
  cv.addEventListener("pointercancel", stop);
}

/* -- start ------------------------------------------------------------------------------------ */

async function refreshInfo() {
  try {
    INFO = await api("/api/info");
    const c = INFO.counts;
    $("#store-info").textContent = `${INFO.store}: ${c.documents} document${c.documents === 1 ? "" : "s"}, ${c.events} event${c.events === 1 ? "" : "s"}` +
      (c.first_date ? ` (${c.first_date} – ${c.last_date})` : "");
    $("#token-wrap").classList.toggle("hidden", !INFO.token_required);
  } catch (e) {
    $("#store-info").textContent = "store unavailable: " + e.message;
  }
}

async function init() {
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
  $("#code-form").addEventListener("submit", codeText);
  $("#file").addEventListener("change", loadFile);
  $("#filter-form").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(0); });
  $("#prev").addEventListener("click", () => loadEvents(PAGE.offset - PAGE.limit));
  $("#next").addEventListener("click", () => loadEvents(PAGE.offset + PAGE.limit));
  $("#timeline-form").addEventListener("submit", loadTimeline);
  $("#network-form").addEventListener("submit", loadNetwork);
  setupNetworkDrag();
  await refreshInfo();
  for (const t of INFO.plover_types || []) $("#f-type").appendChild(el("option", { value: t }, t));
  for (const m of INFO.modalities || []) $("#f-modality").appendChild(el("option", { value: m }, m));
}

document.addEventListener("DOMContentLoaded", init);
