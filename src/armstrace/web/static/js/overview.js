import { getJSON } from "./common.js";
import { drawEstimates } from "./chartkit.js";

const canvas = document.getElementById("overview-chart");
if (canvas) {
  const params = new URLSearchParams({ supplier: canvas.dataset.supplier, recipient: canvas.dataset.recipient, unit: canvas.dataset.unit });
  getJSON(`/api/estimates?${params}`).then((series) => drawEstimates(canvas, series, { small: true, axis: "auto" }));
}
