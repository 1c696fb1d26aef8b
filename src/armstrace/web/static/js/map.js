// Map of flows, ports and crossings: Leaflet with a basemap drawn from world-atlas (TopoJSON to
// GeoJSON with topojson-client), all served locally, so no tile server is needed.
import { getJSON } from "./common.js";

const container = document.getElementById("map");
const PLACE_COLOURS = { port: "#1f77b4", rail_crossing: "#ff7f0e", border_crossing: "#ff7f0e", airfield: "#9467bd", factory: "#2ca02c" };

// Rings that cross the antimeridian jump from +180 to -180; keep them continuous instead, so
// Leaflet does not draw a band across the whole map.
function unwrapRing(ring) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const previous = ring[i - 1][0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

function unwrapGeometry(geometry) {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === "MultiPolygon") return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  return geometry;
}

async function draw() {
  if (!container || !window.L || !window.topojson) return;
  const L = window.L;
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 8, attributionControl: true }).setView([35, 60], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  const [topology, data] = await Promise.all([getJSON("/vendor/world-atlas/countries-110m.json"), getJSON("/api/map")]);
  const countries = window.topojson.feature(topology, topology.objects.countries);
  countries.features = countries.features
    .filter((f) => f.properties && f.properties.name !== "Antarctica")
    .map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
  L.geoJSON(countries, { style: { color: "#8c959f", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  const maxClaims = Math.max(1, ...data.flows.map((f) => f.claims));
  for (const flow of data.flows) {
    const line = L.polyline([flow.from, flow.to], { color: "#c0392b", weight: 1.5 + 7 * (flow.claims / maxClaims), opacity: 0.7 });
    line.bindTooltip(`${flow.supplier} → ${flow.recipient}: ${flow.claims} claim(s)`, { sticky: true });
    line.on("click", () => window.location.assign(`/claims?supplier=${encodeURIComponent(flow.supplier)}&recipient=${encodeURIComponent(flow.recipient)}`));
    line.addTo(map);
    L.circleMarker(flow.to, { radius: 3, color: "#c0392b", fillOpacity: 1 }).addTo(map);
  }
  for (const place of data.places) {
    const marker = L.circleMarker([place.lat, place.lon], { radius: 5, color: "#222", weight: 1, fillColor: PLACE_COLOURS[place.kind] || "#555", fillOpacity: 0.9 });
    marker.bindTooltip(`${place.name} (${place.kind.replace("_", " ")}, ${place.country})`);
    marker.addTo(map);
  }
  container.dataset.ready = "true";
}

draw();
