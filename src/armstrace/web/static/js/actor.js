// An actor's timeline: claims per year, stacked by direction.
import { getJSON } from "./common.js";

const canvas = document.getElementById("timeline-chart");
if (canvas && typeof window.Chart === "function") {
  getJSON(`/api/actors/${encodeURIComponent(canvas.dataset.actor)}`).then((actor) => {
    const years = actor.timeline.map((t) => t.year);
    const series = [
      ["Supplies (out)", "out", "#0b5cad"],
      ["Receives (in)", "in", "#b42318"],
      ["Intermediary", "via", "#9a6700"],
    ];
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: years, datasets: series.map(([label, key, colour]) => ({ label, data: actor.timeline.map((t) => t[key]), backgroundColor: colour })) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "claims" } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.dataset.ready = "true";
  });
}
