// Upload with progress: the bytes sent (XHR upload events), then the ingest polled from the API.
import { clear, csrfToken, el, getJSON } from "./common.js";

const form = document.getElementById("upload-form");
const section = document.getElementById("progress");
const uploadBar = document.getElementById("upload-bar");
const uploadLabel = document.getElementById("upload-label");
const ingestBar = document.getElementById("ingest-bar");
const ingestLabel = document.getElementById("ingest-label");
const statusLine = document.getElementById("job-status");
const files = document.getElementById("job-files");

function render(job) {
  ingestBar.max = Math.max(1, job.total);
  ingestBar.value = job.done;
  ingestLabel.textContent = `Ingesting: ${job.done} of ${job.total} files`;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  statusLine.textContent = `${job.status}: ${job.stored} stored, ${job.duplicates} already stored, ${job.failed} failed, ${plural(job.claims, "claim")}${job.error ? ` — ${job.error}` : ""}`;
  clear(files);
  for (const f of job.files) {
    files.append(el("li", {}, `${f.name} — ${f.status}`, f.claims ? ` (${plural(f.claims, "claim")})` : "", f.reason ? `: ${f.reason}` : ""));
  }
  if (job.status === "done" && job.stored) {
    files.append(el("li", {}, el("a", { href: "/documents" }, "Open the newest documents")));
  }
}

async function poll(id) {
  const job = await getJSON(`/api/uploads/${encodeURIComponent(id)}`);
  render(job);
  if (job.status === "queued" || job.status === "running") setTimeout(() => poll(id), 700);
  else statusLine.dataset.finished = "true";
}

if (form) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    data.delete("csrf_token");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.setRequestHeader("Accept", "application/json");
    section.hidden = false;
    uploadBar.value = 0;
    uploadLabel.textContent = "Uploading";
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) uploadBar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.addEventListener("load", () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 400 || !body) {
        uploadLabel.textContent = `Upload failed: ${(body && body.error) || xhr.status}`;
        return;
      }
      uploadBar.value = 100;
      uploadLabel.textContent = "Uploaded";
      render(body);
      poll(body.id);
    });
    xhr.addEventListener("error", () => {
      uploadLabel.textContent = "Upload failed: the server could not be reached";
    });
    xhr.send(data);
  });
}

const existing = statusLine && statusLine.dataset.job;
if (existing) poll(existing);
