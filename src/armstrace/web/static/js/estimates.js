import { getJSON } from "./common.js";
import { drawEstimates } from "./chartkit.js";

const canvas = document.getElementById("estimates-chart");
const axis = document.getElementById("e-axis");
if (canvas) {
  const params = new URLSearchParams({ supplier: canvas.dataset.supplier, recipient: canvas.dataset.recipient });
  if (canvas.dataset.unit) params.set("unit", canvas.dataset.unit);
  getJSON(`/api/estimates?${params}`).then((series) => {
    let chart = drawEstimates(canvas, series, { axis: axis ? axis.value : "reported" });
    if (axis) {
      axis.addEventListener("change", () => {
        if (chart) chart.destroy();
        chart = drawEstimates(canvas, series, { axis: axis.value });
      });
    }
  });
}
