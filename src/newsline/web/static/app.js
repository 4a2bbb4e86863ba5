// The page: search, chart, timeline, source reader, edits, saved timelines, exports.
"use strict";

import * as api from "./api.js";
import { drawChart } from "./chart.js";
import { drawArticle, drawTimeline, el, focusEntry } from "./timeline.js";
import { setupUpload } from "./upload.js";

const $ = (id) => document.getElementById(id);
const state = { name: "", doc: null };

function spec() {
  const f = $("search");
  return {
    query: f.query.value.trim(), start: f.start.value || null, end: f.end.value || null, source: f.source.value,
    granularity: f.granularity.value, dates: f.dates.value ? Number(f.dates.value) : null,
  };
}

function fill(s) {
  const f = $("search");
  f.query.value = s.query || "";
  f.start.value = s.start || "";
  f.end.value = s.end || "";
  f.granularity.value = s.granularity || "auto";
  f.dates.value = s.dates || "";
  ensureOption(f.source, s.source || "");
  f.source.value = s.source || "";
}

function ensureOption(select, value) {
  if (!value || Array.from(select.options).some((o) => o.value === value)) return;
  const o = el("option", value);
  o.value = value;
  select.append(o);
}

function status(text) { $("tl-status").textContent = text; }

async function refreshInfo() {
  const info = await api.get("/api/info");
  const dups = info.near_duplicates || 0;
  $("store-info").textContent = `${info.articles} articles` +
    (dups ? ` (${dups} near ${dups === 1 ? "duplicate" : "duplicates"})` : "") +
    (info.first ? `, ${info.first} to ${info.last}` : "") +
    (info.sources && info.sources.length ? ` · ${info.sources.length} sources` : "");
  $("store-info").title = dups ? "Near duplicates of other articles are stored, but left out of the lists and the chart" : "";
  const sel = $("source"), keep = sel.value;
  sel.length = 1;
  for (const s of info.sources || []) {
    const o = el("option", `${s.name} (${s.articles})`);
    o.value = s.name;
    sel.append(o);
  }
  ensureOption(sel, keep);
  sel.value = keep;
  const saved = $("saved");
  saved.length = 1;
  for (const n of info.timelines || []) {
    const o = el("option", n);
    o.value = n;
    saved.append(o);
  }
  saved.value = state.name && (info.timelines || []).includes(state.name) ? state.name : "";
  return info;
}

const volumes = { key: null, answer: null };  // the last answer, reused while the selection holds

function volume(s, fresh) {
  const params = { query: s.query, start: s.start, end: s.end, source: s.source };
  const key = JSON.stringify(params);
  if (!fresh && volumes.key === key) return volumes.answer;
  const answer = api.get("/api/volume", params);
  Object.assign(volumes, { key, answer });
  answer.catch(() => { if (volumes.answer === answer) volumes.key = null; });
  return answer;
}

// The chart of the articles a spec selects, the current timeline's dates marked
// (``vol``: an answer of /api/volume already asked for, so both appear at once).
async function refreshChart(s, vol) {
  vol = vol || await volume(s);
  const marks = state.doc ? state.doc.entries.map((e) => e.date) : [];
  $("chart-cap").textContent = `Articles over time${s.query ? ` mentioning ${s.query}` : ""}: ` +
    `${vol.articles} article${vol.articles === 1 ? "" : "s"}` +
    (vol.undated ? ` (${vol.undated} undated)` : "") +
    (marks.length === 1 ? "; the timeline's date is marked"
      : marks.length ? `; the ${marks.length} timeline dates are marked` : "");
  drawChart($("chart-svg"), vol.days, marks, focusEntry);
}

function show(doc) {
  state.doc = doc;
  const meta = doc.meta || {};
  $("tl-title").textContent = meta.title && meta.title !== "Timeline" ? `Timeline: ${meta.title}` : "Timeline";
  drawTimeline(doc, $("entries"), $("tl-index"), act);
  const n = doc.entries.length;
  status(`${n} ${n === 1 ? "date" : "dates"} from ${meta.articles || 0} articles` +
    (state.name ? ` · saved as “${state.name}”` : " · not saved"));
  const edits = meta.edits;
  const box = $("edits"), list = box.querySelector("ul");
  list.textContent = "";
  for (const x of (edits && edits.excluded) || []) {
    const li = el("li", x.date ? `Date ${x.date} ` : `Sentence of ${x.article_id} at ${x.start} `);
    const b = el("button", "Restore");
    b.type = "button";
    b.addEventListener("click", () => act("undo", x));
    li.append(b);
    list.append(li);
  }
  box.hidden = !list.children.length;
  if (n && !$("own-date").value) $("own-date").value = doc.entries[n - 1].date;
}

let builds = 0;

async function build(ev) {
  if (ev) ev.preventDefault();
  const s = spec();
  const mine = ++builds;  // a later build wins, whichever answer comes first
  status("Building…");
  try {
    const vol = volume(s, true);  // asked for while the timeline is built
    const doc = state.name ? await api.send("PUT", `/api/timelines/${encodeURIComponent(state.name)}`, s)
      : await api.get("/api/timeline", s);
    const counts = await vol;
    if (mine !== builds) return;
    show(doc);
    await refreshChart(s, counts);
  } catch (e) {
    status(`Could not build the timeline: ${e.message}`);
  }
}

// A timeline must be saved before it is edited or exported: save it under the name given.
async function ensureSaved() {
  if (state.name) return state.name;
  let name = $("tl-name").value.trim() || spec().query.replace(/[^A-Za-z0-9 _.-]+/g, " ").trim().slice(0, 60) || "untitled";
  if (!/^[A-Za-z0-9]/.test(name)) name = "t " + name;
  const doc = await api.send("PUT", `/api/timelines/${encodeURIComponent(name)}`, spec());
  state.name = name;
  $("tl-name").value = name;
  await refreshInfo();
  show(doc);
  return name;
}

async function act(kind, payload) {
  if (kind === "read") return read(payload);
  try {
    const name = await ensureSaved();
    const path = `/api/timelines/${encodeURIComponent(name)}/`;
    const op = kind === "unpin" || kind === "undo" ? "pin" : kind;
    const body = Object.assign({}, payload, kind === "unpin" || kind === "undo" ? { undo: true } : {});
    const focusDate = payload.date || document.activeElement.closest(".entry")?.dataset.date;
    show(await api.send("POST", path + op, body));
    await refreshChart(spec());
    status(`${$("tl-status").textContent} · ${kind === "exclude" ? "excluded" : kind === "pin" ? "pinned" : "changed"}`);
    if (focusDate) focusEntry(focusDate);
  } catch (e) {
    status(`Could not change the timeline: ${e.message}`);
  }
}

async function read(source) {
  const reader = $("reader");
  try {
    const a = await api.get(`/api/articles/${source.article_id.split("/").map(encodeURIComponent).join("/")}`);
    const mark = drawArticle($("reader-text"), $("reader-meta"), $("reader-title"), a, source.start, source.end);
    reader.classList.add("open");
    reader.focus({ preventScroll: true });
    if (mark) mark.scrollIntoView({ block: "center" });
    else reader.scrollIntoView({ block: "nearest" });
  } catch (e) {
    $("reader-text").textContent = `Cannot open the article: ${e.message}`;
  }
}

async function save() {
  const name = $("tl-name").value.trim();
  if (!name) { $("tl-name").focus(); status("Give the timeline a name to save it."); return; }
  try {
    state.name = name;
    show(await api.send("PUT", `/api/timelines/${encodeURIComponent(name)}`, spec()));
    await refreshInfo();
  } catch (e) {
    state.name = "";
    status(`Could not save: ${e.message}`);
  }
}

async function open(name) {
  if (!name) return;
  try {
    const doc = await api.get(`/api/timelines/${encodeURIComponent(name)}`);
    state.name = name;
    $("tl-name").value = name;
    fill(doc.meta.spec || {});
    show(doc);
    await refreshChart(spec());
  } catch (e) {
    status(`Could not open “${name}”: ${e.message}`);
  }
}

async function exportAs(format) {
  try {
    const name = await ensureSaved();
    const file = await api.download(`/api/timelines/${encodeURIComponent(name)}/export`, { format });
    status(`Exported ${file}`);
  } catch (e) {
    status(`Could not export: ${e.message}`);
  }
}

async function addOwn(ev) {
  ev.preventDefault();
  const date = $("own-date").value, text = $("own-text").value.trim();
  if (!date || !text) return;
  try {
    const name = await ensureSaved();
    show(await api.send("POST", `/api/timelines/${encodeURIComponent(name)}/entries`, { date, text }));
    $("own-text").value = "";
    focusEntry(date);
  } catch (e) {
    status(`Could not add the line: ${e.message}`);
  }
}

function keys(ev) {
  if (ev.target.closest("input, select, textarea") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key !== "j" && ev.key !== "k") return;
  const all = Array.from(document.querySelectorAll(".entry"));
  const cur = all.indexOf(document.activeElement.closest(".entry"));
  const next = all[Math.max(0, Math.min(all.length - 1, cur + (ev.key === "j" ? 1 : -1)))];
  if (next) focusEntry(next.dataset.date);
}

function start() {
  api.takeTokenFromHash();
  api.whenUnauthorized(() => { $("token-form").hidden = false; $("token").focus(); });
  $("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    api.setToken($("token").value);
    $("token-form").hidden = true;
    boot();
  });
  $("search").addEventListener("submit", build);
  $("search").addEventListener("input", (ev) => { if (ev.target.id === "q" && state.name) { state.name = ""; $("saved").value = ""; } });
  $("save").addEventListener("click", save);
  $("saved").addEventListener("change", (ev) => open(ev.target.value));
  $("tl-name").addEventListener("input", () => { state.name = ""; });
  for (const b of document.querySelectorAll(".exports button")) b.addEventListener("click", () => exportAs(b.dataset.format));
  $("own").addEventListener("submit", addOwn);
  $("reader-close").addEventListener("click", () => $("reader").classList.remove("open"));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") $("reader").classList.remove("open");
    keys(ev);
  });
  setupUpload($("upload"), async (sum) => { await refreshInfo(); if (sum.added || sum.updated) build(); });
  boot();
}

async function boot() {
  try {
    await refreshInfo();
    await build();
  } catch (e) {
    status(e.status === 401 ? "This server needs its token." : `Cannot reach the server: ${e.message}`);
  }
}

start();
