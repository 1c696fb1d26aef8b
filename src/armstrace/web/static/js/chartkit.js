// Charts with Chart.js (served from /vendor): estimates by report date, one colour per asserting
// body, qualifiers drawn as bounds (≥ an upward bar, ≤ a downward bar, a range between its ends).
import { formatNumber } from "./common.js";

const PALETTE = ["#0b5cad", "#b42318", "#1a7f37", "#9a6700", "#6941c6", "#0e7490", "#c2410c", "#4d7c0f", "#be185d", "#334155"];

function yearFraction(date) {
  if (!date) return null;
  const [y, m, d] = date.split("-").map(Number);
  return y + ((m || 6.5) - 1) / 12 + ((d || 15) - 1) / 365;
}

function yearLabel(value) {
  const year = Math.floor(value);
  const month = Math.round((value - year) * 12) + 1;
  return month <= 1 ? String(year) : `${year}-${String(Math.min(month, 12)).padStart(2, "0")}`;
}

const bounds = {
  id: "armstraceBounds",
  afterDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    const top = scales.y.top;
    const bottom = scales.y.bottom;
    ctx.save();
    chart.data.datasets.forEach((dataset, i) => {
      if (chart.getDatasetMeta(i).hidden) return;
      ctx.strokeStyle = dataset.borderColor;
      ctx.fillStyle = dataset.borderColor;
      ctx.lineWidth = 2;
      dataset.data.forEach((point) => {
        const x = scales.x.getPixelForValue(point.x);
        const y = scales.y.getPixelForValue(point.y);
        let to = null;
        if (point.qualifier === "at_least") to = Math.max(top, y - 36);
        else if (point.qualifier === "at_most") to = Math.min(bottom, y + 36);
        else if (point.qualifier === "range" && point.max != null) to = scales.y.getPixelForValue(point.max);
        else if (point.qualifier === "approx") {
          const lo = scales.y.getPixelForValue(point.y * 0.9);
          const hi = scales.y.getPixelForValue(point.y * 1.1);
          ctx.beginPath();
          ctx.moveTo(x, lo);
          ctx.lineTo(x, hi);
          ctx.moveTo(x - 4, lo);
          ctx.lineTo(x + 4, lo);
          ctx.moveTo(x - 4, hi);
          ctx.lineTo(x + 4, hi);
          ctx.stroke();
        }
        if (to === null) return;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x, to);
        ctx.stroke();
        const dir = to < y ? -1 : 1;
        ctx.beginPath();
        if (point.qualifier === "range") {
          ctx.moveTo(x - 5, to);
          ctx.lineTo(x + 5, to);
          ctx.stroke();
        } else {
          ctx.moveTo(x, to);
          ctx.lineTo(x - 5, to - 7 * dir);
          ctx.lineTo(x + 5, to - 7 * dir);
          ctx.closePath();
          ctx.fill();
        }
      });
    });
    ctx.restore();
  },
};

export function drawEstimates(canvas, series, { small = false, axis = "reported" } = {}) {
  if (typeof window.Chart !== "function") return null;
  if (axis === "auto") {
    // one report date for every figure says nothing over time: place them as of their dates
    const reported = new Set(series.points.map((p) => p.reported).filter(Boolean));
    axis = reported.size > 1 ? "reported" : "as_of";
  }
  canvas.dataset.axis = axis;
  const groups = new Map();
  for (const p of series.points) {
    const x =
      axis === "as_of"
        ? yearFraction(p.as_of) ?? yearFraction(p.since) ?? yearFraction(p.reported)
        : yearFraction(p.reported) ?? yearFraction(p.as_of) ?? yearFraction(p.since);
    if (x === null) continue;
    const body = p.asserted_by || "unattributed";
    if (!groups.has(body)) groups.set(body, []);
    groups.get(body).push({ x, y: p.value, max: p.max, qualifier: p.qualifier, label: p.label, unit: p.unit, asOf: p.as_of, reported: p.reported, doc: p.title || p.doc, claim: p.claim_id });
  }
  const datasets = [...groups.entries()].map(([body, data], i) => ({
    label: body,
    data,
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    pointRadius: small ? 4 : 6,
    pointHoverRadius: 8,
    pointStyle: "circle",
  }));
  const xs = datasets.flatMap((d) => d.data.map((p) => p.x));
  const span = xs.length ? [Math.min(...xs), Math.max(...xs)] : [2000, 2001];
  const pad = Math.max(0.25, (span[1] - span[0]) * 0.08);
  const chart = new window.Chart(canvas, {
    type: "scatter",
    data: { datasets },
    plugins: [bounds],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { type: "linear", min: span[0] - pad, max: span[1] + pad, title: { display: true, text: axis === "as_of" ? "date the figure stands at" : "date reported" }, ticks: { callback: (v) => yearLabel(v), maxTicksLimit: 8 } },
        y: { beginAtZero: true, title: { display: true, text: series.unit || "value" }, ticks: { callback: (v) => formatNumber(v) } },
      },
      plugins: {
        legend: { display: true, position: "bottom", labels: { boxWidth: 10 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = item.raw;
              return `${item.dataset.label}: ${p.label} ${p.unit}${p.asOf ? ` as of ${p.asOf}` : ""} (reported ${p.reported || "?"}, ${p.doc})`;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        if (!elements.length) return;
        const point = datasets[elements[0].datasetIndex].data[elements[0].index];
        window.location.assign(`/claims/${encodeURIComponent(point.claim)}`);
      },
    },
  });
  canvas.dataset.ready = "true";
  return chart;
}
