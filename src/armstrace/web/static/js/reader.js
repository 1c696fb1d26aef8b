// Document reader: claims and their sentences linked both ways.
const text = document.getElementById("doc-text");
const reader = document.getElementById("reader");

function light(claimId) {
  for (const node of text.querySelectorAll("a.ev.lit")) node.classList.remove("lit");
  for (const node of document.querySelectorAll(".claim-list li.current")) node.classList.remove("current");
  if (!claimId) return;
  for (const node of text.querySelectorAll("a.ev")) {
    if ((node.dataset.claims || "").split(" ").includes(claimId)) node.classList.add("lit");
  }
  const item = document.getElementById(`claim-${claimId}`);
  if (item) item.classList.add("current");
}

for (const link of document.querySelectorAll(".claim-list a.jump")) {
  link.addEventListener("click", () => light(link.dataset.claim));
}
for (const mark of text ? text.querySelectorAll("a.ev") : []) {
  mark.addEventListener("click", () => light((mark.dataset.claims || "").split(" ")[0]));
}

const current = reader ? reader.dataset.current : "";
if (current) {
  light(current);
  const anchor = document.getElementById(`ev-${current}`);
  if (anchor) anchor.scrollIntoView({ block: "center" });
}
