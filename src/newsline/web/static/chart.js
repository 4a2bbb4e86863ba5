// The volume chart: articles per day, week or month as SVG bars; timeline dates marked.
"use strict";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function toTime(iso) { return Date.parse(iso + "T00:00:00Z"); }

function binStart(t, unit) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  return t;
}

function nextBin(t, unit) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (unit === "week" ? 7 : 1) * DAY;
}

export function drawChart(box, days, marks, onPick) {
  box.textContent = "";
  if (!days.length) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "No dated articles yet.";
    box.append(p);
    return;
  }
  const first = toTime(days[0].date), last = toTime(days[days.length - 1].date);
  const span = (last - first) / DAY;
  const unit = span <= 120 ? "day" : span <= 3 * 366 ? "week" : "month";
  const bins = new Map();
  for (const d of days) {
    const b = binStart(toTime(d.date), unit);
    bins.set(b, (bins.get(b) || 0) + d.articles);
  }
  const lo = binStart(first, unit), hi = nextBin(binStart(last, unit), unit);
  const W = 1000, H = 120, top = 8, bottom = 2, left = 4, right = 4;
  const x = (t) => left + ((t - lo) / (hi - lo)) * (W - left - right);
  const max = Math.max(...bins.values());
  const total = days.reduce((n, d) => n + d.articles, 0);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img" });
  const title = svg("title");
  title.textContent = `${total} dated articles from ${days[0].date} to ${days[days.length - 1].date}, ` +
    `at most ${max} per ${unit}; ${marks.length} timeline dates marked.`;
  root.append(title);
  root.append(svg("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: "axis" }));
  for (const [b, n] of bins) {
    const h = ((H - top - bottom) * n) / max;
    const w = Math.max(1, x(nextBin(b, unit)) - x(b) - 1);
    const r = svg("rect", { x: x(b), y: H - bottom - h, width: w, height: h, class: "vol" });
    const t = svg("title");
    t.textContent = `${new Date(b).toISOString().slice(0, 10)}: ${n} articles`;
    r.append(t);
    root.append(r);
  }
  for (const m of marks) {
    const t = toTime(m);
    if (t < lo || t > hi) continue;
    const g = svg("g", { class: "mark", "data-date": m });
    g.append(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - bottom, class: "pick" }));
    const tt = svg("title");
    tt.textContent = "Timeline date " + m;
    g.append(tt);
    if (onPick) g.addEventListener("click", () => onPick(m));
    root.append(g);
  }
  const axis = document.createElement("div");
  axis.className = "chart-axis";
  for (const label of [days[0].date, days[days.length - 1].date]) {
    const span = document.createElement("span");
    span.textContent = label;
    axis.append(span);
  }
  box.append(root, axis);
}
