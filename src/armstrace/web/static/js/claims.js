// Claims table: filters and pages without reloading, from /api/claims and /api/search.
import { actorLink, clear, el, getJSON, highlighted, quantityLabel } from "./common.js";

const form = document.getElementById("claim-filters");
const body = document.getElementById("claims-body");
const status = document.getElementById("claims-status");
const pager = document.getElementById("claims-pager");
const LIMIT = 50;

function when(w) {
  if (!w) return "";
  if (typeof w === "string") return w;
  return `${w.start || "…"} – ${w.end || "…"}`;
}

function badge(kind, value) {
  return value ? el("span", { class: `badge ${kind}-${value}` }, value) : "";
}

function row(c) {
  const parties = [actorLink(c.supplier), " → ", actorLink(c.recipient)];
  if (c.via && c.via.length) parties.push(el("span", { class: "muted" }, ` via ${c.via.join(", ")}`));
  const title = c.document && c.document.title ? c.document.title : c.doc;
  const evidence = c.evidence.text.length > 220 ? c.evidence.text.slice(0, 219) + "…" : c.evidence.text;
  return el(
    "tr",
    {},
    el(
      "td",
      {},
      el("a", { class: "claim-link", href: `/claims/${encodeURIComponent(c.id)}` }, c.type),
      " ",
      parties,
      c.item ? [el("br"), el("span", { class: "tag" }, c.item.category), c.item.designation ? ` ${c.item.designation}` : ""] : "",
      c.quantity ? [el("br"), quantityLabel(c.quantity)] : "",
    ),
    el("td", {}, when(c.when)),
    el("td", {}, badge("hedge", c.hedge)),
    el("td", { class: "n" }, c.credibility || ""),
    el("td", {}, badge("status", c.curation_status)),
    el(
      "td",
      { class: "evidence" },
      el("a", { href: c.link }, title),
      c.source ? el("span", { class: "muted" }, ` · ${c.source}`) : "",
      el("br"),
      el("q", {}, evidence),
    ),
  );
}

// A capped total (the API's total_is_lower_bound) reads "10,000+", as on the server's page.
function totalLabel(data) {
  return data.total_is_lower_bound ? `${data.total.toLocaleString("en")}+` : String(data.total);
}

function pagerNode(data, params) {
  const nav = el("nav", { class: "pager", "aria-label": "Pages of claims" });
  const first = data.total ? data.offset + 1 : 0;
  const last = Math.min(data.offset + data.limit, data.total);
  nav.append(el("span", {}, data.total ? `${first}–${last} of ${totalLabel(data)}` : "none"));
  const link = (offset, label, rel) => {
    const p = new URLSearchParams(params);
    if (offset) p.set("offset", offset);
    else p.delete("offset");
    const a = el("a", { href: `/claims?${p}`, rel }, label);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      load(p);
    });
    return a;
  };
  if (data.offset > 0) nav.append(link(Math.max(0, data.offset - LIMIT), "← Previous", "prev"));
  if (data.offset + data.limit < data.total) nav.append(link(data.offset + LIMIT, "Next →", "next"));
  return nav;
}

async function loadHits(q) {
  const section = document.getElementById("doc-hits");
  const list = document.getElementById("hits-list");
  if (!q) {
    section.hidden = true;
    return;
  }
  const hits = await getJSON(`/api/search?${new URLSearchParams({ q, limit: 10 })}`);
  document.getElementById("hits-q").textContent = q;
  document.getElementById("hits-total").textContent = totalLabel(hits);
  clear(list);
  for (const h of hits.items) {
    list.append(
      el(
        "li",
        {},
        el("a", { href: h.link }, h.title || h.stem),
        " ",
        el("span", { class: "muted" }, `${h.publisher || ""} ${h.published || ""}`),
        el("br"),
        el("span", { class: "snippet" }, highlighted(h.snippet, h.highlights)),
      ),
    );
  }
  section.hidden = false;
}

async function load(params) {
  const clean = new URLSearchParams();
  for (const [key, value] of params) if (value !== "") clean.set(key, value);
  status.textContent = "Loading…";
  try {
    const data = await getJSON(`/api/claims?${clean}&limit=${LIMIT}`);
    clear(body);
    if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: 6 }, "No claims match these filters.")));
    for (const c of data.items) body.append(row(c));
    clear(status).append(pagerNode(data, clean));
    clear(pager).append(pagerNode(data, clean));
    history.replaceState(null, "", `/claims?${clean}`);
    await loadHits(clean.get("q"));
  } catch (error) {
    clear(status).append(el("p", { class: "notice bad", role: "alert" }, error.message));
  }
}

if (form) {
  form.addEventListener("submit", (event) => {
    if (!form.checkValidity()) return;
    event.preventDefault();
    load(new URLSearchParams(new FormData(form)));
  });
  for (const select of form.querySelectorAll("select")) {
    select.addEventListener("change", () => load(new URLSearchParams(new FormData(form))));
  }
}
