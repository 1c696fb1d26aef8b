// Shared helpers for the workbench's page scripts: JSON calls with the CSRF token, and DOM
// building with text nodes only (document text is never parsed as HTML).

export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute("content") : "";
}

export class ApiError extends Error {
  constructor(body, status) {
    super((body && body.error) || `request failed (${status})`);
    this.status = status;
    this.body = body;
  }
}

async function parse(response) {
  const type = response.headers.get("content-type") || "";
  const body = type.includes("application/json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  return parse(response);
}

export async function sendJSON(url, method, body) {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse(response);
}

// el("a", {href: "/x", class: "tag"}, "text", otherNode): attributes are set with setAttribute,
// strings become text nodes.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Text with highlighted ranges: [[start, end], ...] become <mark> elements.
export function highlighted(text, ranges) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges || []) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(el("mark", {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

export function formatNumber(value) {
  return Number(value).toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

export function quantityLabel(q) {
  if (!q) return "";
  const prefix = { approx: "≈ ", at_least: "≥ ", at_most: "≤ " }[q.qualifier] || "";
  const value = q.qualifier === "range" && q.max != null ? `${formatNumber(q.value)}–${formatNumber(q.max)}` : formatNumber(q.value);
  return `${prefix}${value} ${q.unit}`;
}

export function actorLink(id) {
  return id ? el("a", { class: "actor", href: `/actors/${encodeURIComponent(id)}` }, id) : el("span", { class: "muted" }, "?");
}

// One line per claim: what it says, its hedge, and a link to the sentence in the document.
export function claimLine(c) {
  const title = c.document && c.document.title ? c.document.title : c.doc;
  return el(
    "li",
    { "data-claim": c.id },
    el("a", { href: `/claims/${encodeURIComponent(c.id)}` }, c.summary || c.type),
    " ",
    c.hedge ? el("span", { class: `badge hedge-${c.hedge}` }, c.hedge) : null,
    el("br"),
    el("q", { class: "small" }, c.evidence.text.length > 240 ? c.evidence.text.slice(0, 239) + "…" : c.evidence.text),
    " ",
    el("a", { class: "read-sentence small", href: c.link }, `Read in ${title}`),
  );
}

function wireNavigation() {
  for (const select of document.querySelectorAll("select[data-navigate]")) {
    select.addEventListener("change", () => {
      if (select.value) window.location.assign(select.value);
    });
  }
  for (const input of document.querySelectorAll("input[data-filter-table]")) {
    const table = document.getElementById(input.dataset.filterTable);
    if (!table) continue;
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      for (const row of table.tBodies[0].rows) {
        row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
      }
    });
  }
}

wireNavigation();
