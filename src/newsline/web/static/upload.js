// Dropping files, zips and folders on the page: sent in batches, with progress.
"use strict";

import { upload } from "./api.js";
import { el } from "./timeline.js";

const BATCH_FILES = 50;
const BATCH_BYTES = 16 * 1024 * 1024;

// Files of a drop, folders walked (names keep their folder: "story/a.txt").
async function droppedFiles(dt) {
  const items = Array.from(dt.items || []);
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (!entries.length || entries.some((e) => !e)) return Array.from(dt.files).map((f) => [f, f.name]);
  const out = [];
  async function walk(entry, prefix) {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      out.push([file, prefix + file.name]);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const child of batch) await walk(child, prefix + entry.name + "/");
      }
    }
  }
  for (const e of entries) await walk(e, "");
  return out;
}

function batches(files) {
  const out = [];
  let cur = [], bytes = 0;
  for (const f of files) {
    if (cur.length && (cur.length >= BATCH_FILES || bytes + f[0].size > BATCH_BYTES)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(f);
    bytes += f[0].size;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function setupUpload(zone, onDone) {
  const bar = zone.querySelector("progress");
  const status = zone.querySelector("[role=status]");
  const details = zone.querySelector("details");
  const list = details.querySelector("ul");

  async function send(files) {
    files = files.filter(([f, name]) => !name.split("/").some((p) => p.startsWith(".")));
    if (!files.length) return;
    const total = files.reduce((n, [f]) => n + f.size, 0) || 1;
    let done = 0;
    const sum = { files: 0, added: 0, updated: 0, unchanged: 0, skipped: 0, duplicates: 0 };
    list.textContent = "";
    details.hidden = true;
    bar.hidden = false;
    bar.value = 0;
    const parts = batches(files);
    for (const [i, part] of parts.entries()) {
      const size = part.reduce((n, [f]) => n + f.size, 0);
      status.textContent = `Sending ${files.length} files… (${i + 1} of ${parts.length})`;
      try {
        const r = await upload(part, (loaded) => {
          bar.value = (done + loaded) / total;
          if (loaded >= size) status.textContent = `Reading ${part.length} files… (${i + 1} of ${parts.length})`;
        });
        for (const k of Object.keys(sum)) sum[k] += r[k] || 0;
        for (const p of r.problems.concat(r.notes || [])) list.append(el("li", p));
      } catch (e) {
        list.append(el("li", `${part.length} files not added: ${e.message}`));
        sum.skipped += part.length;
      }
      done += size;
      bar.value = done / total;
    }
    bar.hidden = true;
    details.hidden = !list.children.length;
    details.open = list.children.length > 0 && list.children.length <= 5;
    status.textContent = `Added ${sum.added} articles from ${sum.files} files` +
      (sum.updated ? `; ${sum.updated} updated` : "") +
      (sum.unchanged ? `; ${sum.unchanged} articles already stored` : "") +
      (sum.skipped ? `; ${sum.skipped} skipped` : "") +
      (sum.duplicates ? `; ${sum.duplicates} files already in the store` : "") + ".";
    onDone(sum);
  }

  for (const b of zone.querySelectorAll("button[data-pick]")) {
    b.addEventListener("click", () => document.getElementById(b.dataset.pick).click());
  }
  for (const input of zone.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", () => {
      const files = Array.from(input.files).map((f) => [f, f.webkitRelativePath || f.name]);
      input.value = "";
      send(files);
    });
  }
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    send(await droppedFiles(e.dataTransfer));
  });
  // Dropping anywhere else on the page must not navigate away to the file.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => { if (!zone.contains(e.target)) e.preventDefault(); });
}
