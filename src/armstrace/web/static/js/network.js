// Network graph (cytoscape, served from /vendor): click an arrow to list the claims of that hop.
import { actorLink, claimLine, clear, el, getJSON } from "./common.js";

const container = document.getElementById("graph");
const controls = document.getElementById("network-controls");
const panel = { title: document.getElementById("hop-h"), hint: document.getElementById("hop-hint"), list: document.getElementById("hop-claims") };
const KIND_COLOURS = { state: "#12263f", group: "#b42318", agency: "#6941c6", body: "#0b5cad", company: "#9a6700", media: "#5a6572" };
let cy = null;

function filterParams() {
  const params = new URLSearchParams();
  if (!controls) return params;
  for (const [key, value] of new FormData(controls)) if (value !== "") params.set(key, value);
  return params;
}

async function showHop(source, target) {
  panel.title.textContent = `Hop ${source} → ${target}`;
  panel.hint.textContent = "Loading…";
  clear(panel.list);
  const params = filterParams();
  params.delete("top");
  params.delete("support");
  params.set("from", source);
  params.set("to", target);
  try {
    const hop = await getJSON(`/api/network/hop?${params}`);
    const shown = hop.claims.length < hop.total ? ` (the first ${hop.claims.length})` : "";
    panel.hint.textContent = `${hop.total} claim${hop.total === 1 ? "" : "s"}${shown}; follow “Read in …” to the sentence.`;
    for (const c of hop.claims) panel.list.append(claimLine(c));
    if (hop.claims.length < hop.total) {
      const all = `/claims?supplier=${encodeURIComponent(source)}&recipient=${encodeURIComponent(target)}`;
      panel.list.append(el("li", {}, el("a", { href: all }, "All claims naming this pair")));
    }
    const first = panel.list.querySelector("a");
    if (first && document.activeElement && document.activeElement.classList.contains("hop-button")) first.focus();
  } catch (error) {
    panel.hint.textContent = error.message;
  }
  if (cy) {
    cy.elements().removeClass("selected");
    cy.$id(`${source}->${target}`).addClass("selected");
  }
}

async function draw() {
  if (!container || typeof window.cytoscape !== "function") {
    if (container) container.append(el("p", { class: "notice bad" }, "The graph library is not installed (run npm ci); the hop list still works."));
    return;
  }
  const data = await getJSON(`/api/network?${filterParams()}`);
  const maxClaims = Math.max(1, ...data.edges.map((e) => e.claims));
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.id === n.name ? n.id : `${n.name}`, kind: n.kind || "other", claims: n.claims } })),
    ...data.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, claims: e.claims, kind: e.kind, width: 1.5 + 6 * (e.claims / maxClaims) } })),
  ];
  if (cy) cy.destroy();
  cy = window.cytoscape({
    container,
    elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 20, gravity: 0.2, componentSpacing: 80, numIter: 1500, padding: 40 },
    maxZoom: 2.5,
    minZoom: 0.2,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, width: "mapData(claims, 0, 40, 12, 34)", height: "mapData(claims, 0, 40, 12, 34)", "background-color": "#5a6572", color: "#1b1f24", "text-outline-color": "#fff", "text-outline-width": 2 } },
      ...Object.entries(KIND_COLOURS).map(([kind, colour]) => ({ selector: `node[kind = "${kind}"]`, style: { "background-color": colour } })),
      { selector: "edge", style: { width: "data(width)", "line-color": "#c0392b", "target-arrow-color": "#c0392b", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75 } },
      { selector: 'edge[kind = "support"]', style: { "line-style": "dashed", "line-color": "#6941c6", "target-arrow-color": "#6941c6" } },
      { selector: "edge.selected", style: { "line-color": "#f59e0b", "target-arrow-color": "#f59e0b", opacity: 1, "z-index": 10 } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#f59e0b" } },
    ],
  });
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  container.cy = cy;
  cy.on("tap", "edge", (event) => showHop(event.target.data("source"), event.target.data("target")));
  cy.on("tap", "node", (event) => window.location.assign(`/actors/${encodeURIComponent(event.target.id())}`));
  const focus = container.dataset.focus;
  if (focus && cy.$id(focus).nonempty()) cy.$id(focus).addClass("focus");
  container.dataset.ready = "true";
}

for (const button of document.querySelectorAll(".hop-button")) {
  button.addEventListener("click", (event) => {
    event.preventDefault();
    showHop(button.dataset.source, button.dataset.target);
  });
}

if (controls) {
  controls.addEventListener("submit", (event) => {
    event.preventDefault();
    draw();
  });
}

const pathForm = document.getElementById("path-form");
const pathResults = document.getElementById("path-results");
if (pathForm) {
  pathForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(pathResults);
    try {
      const found = await getJSON(`/api/network/paths?${new URLSearchParams(new FormData(pathForm))}`);
      if (!found.routes.length) pathResults.append(el("li", {}, "No route found."));
      for (const route of found.routes) {
        const hops = route.hops.map((hop) =>
          el("li", {}, actorLink(hop.from), " → ", actorLink(hop.to), el("span", { class: "muted small" }, ` ${hop.claim_count} claim(s) in ${hop.document_count} document(s) `),
            el("a", { href: "#hop-h", class: "small", "data-source": hop.from, "data-target": hop.to }, "claims")),
        );
        const item = el("li", {}, el("strong", {}, route.nodes.join(" → ")), el("br"), el("span", { class: "small muted" }, route.reason), el("ul", {}, hops));
        pathResults.append(item);
      }
      for (const link of pathResults.querySelectorAll("a[data-source]")) {
        link.addEventListener("click", () => showHop(link.dataset.source, link.dataset.target));
      }
    } catch (error) {
      pathResults.append(el("li", { class: "notice bad" }, error.message));
    }
  });
}

draw();
