/* Offline API docs: render /openapi.json (no CDN, no libraries). */
"use strict";

function h(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function resolve(spec, schema) {
  while (schema && schema.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop()];
  return schema || {};
}

function typeOf(spec, s) {
  s = resolve(spec, s);
  if (s.enum) return s.enum.join(" | ");
  if (s.anyOf) return s.anyOf.map((x) => typeOf(spec, x)).filter((t) => t !== "null").join(" | ") + " (optional)";
  let t = s.type || "any";
  const lim = [];
  if (s.minimum !== undefined) lim.push("≥ " + s.minimum);
  if (s.maximum !== undefined) lim.push("≤ " + s.maximum);
  if (s.maxLength !== undefined) lim.push("≤ " + s.maxLength + " chars");
  return lim.length ? `${t} (${lim.join(", ")})` : t;
}

function paramTable(spec, rows) {
  const t = h("table");
  const head = h("tr");
  for (const c of ["name", "in", "type", "default", "description"]) head.appendChild(h("th", null, c));
  t.appendChild(head);
  for (const r of rows) {
    const tr = h("tr");
    for (const c of r) tr.appendChild(h("td", null, c === undefined || c === null ? "" : String(c)));
    t.appendChild(tr);
  }
  return t;
}

function tryForm(path, params) {
  const box = h("div", "try");
  const inputs = {};
  for (const p of params) {
    const lab = h("label", null, p.name + " ");
    const inp = h("input");
    inp.size = 10;
    if (p.schema && p.schema.default !== undefined && p.schema.default !== null) inp.placeholder = String(p.schema.default);
    lab.appendChild(inp);
    inputs[p.name] = [p.in, inp];
    box.appendChild(lab);
  }
  const btn = h("button", null, "Try it");
  const out = h("pre");
  out.hidden = true;
  btn.addEventListener("click", async () => {
    let url = path;
    const qs = new URLSearchParams();
    for (const [name, [where, inp]] of Object.entries(inputs)) {
      if (!inp.value) continue;
      if (where === "path") url = url.replace("{" + name + "}", encodeURIComponent(inp.value));
      else qs.set(name, inp.value);
    }
    const q = qs.toString();
    try {
      const res = await fetch(url + (q ? "?" + q : ""));
      const text = await res.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
      out.textContent = `${res.status} ${res.statusText}\n` + shown;
    } catch (e) {
      out.textContent = String(e);
    }
    out.hidden = false;
  });
  box.appendChild(btn);
  const wrap = h("div");
  wrap.appendChild(box);
  wrap.appendChild(out);
  return wrap;
}

async function main() {
  const root = document.getElementById("endpoints");
  let spec;
  try {
    spec = await (await fetch("/openapi.json")).json();
  } catch (e) {
    root.appendChild(h("p", "status error", "could not load /openapi.json: " + e));
    return;
  }
  document.getElementById("api-version").textContent = `${spec.info.title} ${spec.info.version}`;
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const card = h("section", "ep");
      const title = h("h2");
      title.appendChild(h("span", "method " + method, method.toUpperCase()));
      title.appendChild(document.createTextNode(path));
      card.appendChild(title);
      if (op.summary) card.appendChild(h("div", null, op.summary));
      if (op.description && op.description !== op.summary) card.appendChild(h("p", "muted", op.description));
      const params = op.parameters || [];
      if (params.length) {
        card.appendChild(paramTable(spec, params.map((p) => [p.name + (p.required ? " *" : ""), p.in,
          typeOf(spec, p.schema), p.schema ? p.schema.default : "", p.description || ""])));
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body) {
        const s = resolve(spec, body.schema);
        card.appendChild(h("div", null, "JSON body:"));
        card.appendChild(paramTable(spec, Object.entries(s.properties || {}).map(([k, v]) =>
          [k + ((s.required || []).includes(k) ? " *" : ""), "body", typeOf(spec, v), v.default, v.description || ""])));
      }
      const codes = Object.keys(op.responses || {}).join(", ");
      card.appendChild(h("div", "muted", "responses: " + codes));
      if (method === "get") card.appendChild(tryForm(path, params));
      root.appendChild(card);
    }
  }
}

document.addEventListener("DOMContentLoaded", main);
