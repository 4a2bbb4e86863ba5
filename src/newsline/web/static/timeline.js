// Drawing a timeline document: month/year index, entries with headlines, gaps in words.
// Every text from the data goes in with textContent: article text is never markup.
"use strict";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve"];
const DAY = 86400000;

export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function number(n) { return n <= 12 ? WORDS[n] : String(n); }

function plural(n, unit) { return `${number(n)} ${unit}${n === 1 ? "" : "s"} later`; }

// "The next day", "three days later", "two weeks later", "five months later", "two years later".
// Between periods of a month or a year the gap is counted in months or years.
export function gapWords(fromIso, toIso, granularity) {
  const [y0, m0] = fromIso.split("-").map(Number), [y1, m1] = toIso.split("-").map(Number);
  if (granularity === "year") {
    const n = y1 - y0;
    return n <= 0 ? "" : n === 1 ? "The next year" : cap(plural(n, "year"));
  }
  if (granularity === "month") {
    const n = (y1 - y0) * 12 + (m1 - m0);
    return n <= 0 ? "" : n === 1 ? "The next month" : n < 24 ? cap(plural(n, "month")) : cap(plural(Math.round(n / 12), "year"));
  }
  const days = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / DAY);
  if (days <= 0) return "";
  if (days === 1) return "The next day";
  if (days < 14) return cap(plural(days, "day"));
  if (days < 60) return cap(plural(Math.round(days / 7), "week"));
  if (days < 730) return cap(plural(Math.round(days / 30.44), "month"));
  return cap(plural(Math.round(days / 365.25), "year"));
}

function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

export function dateLabel(entry) {
  const [y, m, d] = entry.date.split("-").map(Number);
  if (entry.granularity === "year") return String(y);
  if (entry.granularity === "month") return `${MONTHS[m - 1]} ${y}`;
  const wd = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
  return `${wd} ${d} ${MONTHS[m - 1]} ${y}`;
}

// The estimate an entry's date rests on (meta.estimated_entries: every sentence of the
// entry is dated from an article's estimated publication date), or null.
function estimateOf(entry, meta) {
  const aid = ((meta && meta.estimated_entries) || {})[entry.time || entry.date];
  if (aid === undefined) return null;
  return ((meta && meta.date_estimates) || {})[aid] || {};
}

// The sentences dated from an estimate in entries not wholly estimated
// (meta.estimated_sentences), as `${time}\u0000${article_id}\u0000${start}`.
function estimatedSentences(meta) {
  const out = new Set();
  for (const [time, refs] of Object.entries((meta && meta.estimated_sentences) || {})) {
    for (const r of refs) out.add(`${time}\u0000${r.article_id}\u0000${r.start}`);
  }
  return out;
}

function sentenceKey(s) { return s.source ? `${s.source.article_id}\u0000${s.source.start}` : null; }

// Draw `doc` into the list `ol` and the index `nav`; `act(kind, payload)` handles the buttons.
export function drawTimeline(doc, ol, nav, act) {
  ol.textContent = "";
  nav.textContent = "";
  const entries = doc.entries || [];
  const heads = (doc.meta && doc.meta.headlines) || [];
  const edits = (doc.meta && doc.meta.edits) || { pinned: [], excluded: [], added: [] };
  const pinnedDates = new Set(edits.pinned.filter((p) => p.date).map((p) => p.date));
  const pinnedSents = new Set(edits.pinned.filter((p) => p.article_id).map((p) => `${p.article_id}\u0000${p.start}`));
  if (!entries.length) {
    ol.append(el("li", "No entries: no sentence with a date matched. Try other words or a wider range.", "empty"));
    return;
  }
  drawIndex(entries, nav);
  const marked = estimatedSentences(doc.meta);
  let prev = null;
  entries.forEach((entry, i) => {
    if (prev) {
      const coarse = [prev.granularity, entry.granularity].includes("year") ? "year"
        : [prev.granularity, entry.granularity].includes("month") ? "month" : "day";
      const gap = gapWords(prev.date, entry.date, coarse);
      if (gap) ol.append(el("li", gap, "gap"));
    }
    prev = entry;
    const li = el("li", null, "entry");
    li.dataset.date = entry.date;
    li.id = "entry-" + entry.date;
    li.tabIndex = -1;
    const pinned = pinnedDates.has(entry.date);
    if (pinned) li.classList.add("pinned");
    const hid = `h-${i}`;
    li.setAttribute("aria-labelledby", hid);
    const h = el("h3", heads[i] || (entry.sentences[0] && entry.sentences[0].text) || dateLabel(entry));
    h.id = hid;
    const when = el("p", null, "when");
    const time = el("time", dateLabel(entry));
    time.dateTime = entry.time || entry.date;
    when.append(time);
    if (entry.granularity && entry.granularity !== "day") when.append(el("span", entry.granularity, "badge"));
    const est = estimateOf(entry, doc.meta);
    if (est) {
      const b = el("span", "≈ date estimated", "badge");
      b.title = "The date rests on an estimated publication date" +
        (est.earliest ? ` (${est.earliest} to ${est.latest}, confidence ${est.confidence})` : "");
      when.append(b);
    }
    if (pinned) when.append(el("span", "pinned", "badge pin"));
    li.append(h, when);
    const sents = el("ul", null, "sents");
    for (const s of entry.sentences) {
      const approx = s.source && marked.has(`${entry.time || entry.date}\u0000${s.source.article_id}\u0000${s.source.start}`);
      sents.append(drawSentence(s, entry, pinnedSents, act, approx));
    }
    li.append(sents);
    const tools = el("div", null, "entry-tools");
    tools.append(
      button(pinned ? "Unpin date" : "Pin date", `${pinned ? "Unpin" : "Pin"} ${dateLabel(entry)}`,
        () => act(pinned ? "unpin" : "pin", { date: entry.date })),
      button("Exclude date", `Exclude ${dateLabel(entry)} from the timeline`, () => act("exclude", { date: entry.date })),
    );
    li.append(tools);
    ol.append(li);
  });
}

function drawSentence(s, entry, pinnedSents, act, approx = false) {
  const li = el("li");
  if (approx) {
    const b = el("span", "≈", "badge");
    b.title = "Dated from an estimated publication date";
    li.append(b, " ");
  }
  li.append(el("span", s.text, "text"));
  const meta = el("div", null, "src");
  if (!s.source) {
    li.classList.add("own");
    meta.append(el("span", "your line"));
  } else {
    const key = sentenceKey(s);
    const title = (s.source.title || s.source.article_id).replace(/\s+/g, " ");
    const open = button(title + (s.source.published ? ` · ${s.source.published}` : ""),
      `Read the source with this sentence highlighted: ${title}`, () => act("read", s.source));
    open.classList.add("source");
    meta.append(open);
    const pinned = pinnedSents.has(key);
    const ref = { article_id: s.source.article_id, start: s.source.start };
    meta.append(
      button(pinned ? "Unpin" : "Pin", `${pinned ? "Unpin" : "Pin"} this sentence`, () => act(pinned ? "unpin" : "pin", ref)),
      button("Exclude", "Exclude this sentence", () => act("exclude", ref)),
    );
    if (pinned) meta.append(el("span", "pinned", "badge pin"));
  }
  li.append(meta);
  return li;
}

function button(text, label, onClick) {
  const b = el("button", text);
  b.type = "button";
  if (label && label !== text) b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

function drawIndex(entries, nav) {
  const years = new Map();
  for (const e of entries) {
    const [y, m] = e.date.split("-");
    if (!years.has(y)) years.set(y, new Map());
    const months = years.get(y);
    if (!months.has(m)) months.set(m, { first: e.date, n: 0 });
    months.get(m).n += 1;
  }
  const ol = el("ol");
  for (const [y, months] of years) {
    const li = el("li");
    li.append(el("span", y, "year"));
    for (const [m, info] of months) {
      const a = el("a", `${MONTHS[Number(m) - 1].slice(0, 3)} (${info.n})`);
      a.href = "#entry-" + info.first;
      a.setAttribute("aria-label", `${MONTHS[Number(m) - 1]} ${y}: ${info.n} ${info.n === 1 ? "entry" : "entries"}`);
      a.addEventListener("click", (ev) => { ev.preventDefault(); focusEntry(info.first); });
      li.append(a);
    }
    ol.append(li);
  }
  nav.append(ol);
}

export function focusEntry(date) {
  const e = document.querySelector(`.entry[data-date="${CSS.escape(date)}"]`);
  if (!e) return;
  e.scrollIntoView({ block: "start", behavior: "smooth" });
  e.focus({ preventScroll: true });
}

// The article's text with the sentence [start, end) marked; the mark scrolled into view.
export function drawArticle(box, metaBox, titleBox, article, start, end) {
  titleBox.textContent = article.title || article.id;
  metaBox.textContent = [article.source, article.published, article.date_source === "inferred" ? "date estimated" : ""]
    .filter(Boolean).join(" · ");
  if (/^https?:\/\//i.test(article.url || "")) {
    const a = el("a", "original");
    a.href = article.url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    metaBox.append(metaBox.textContent ? " · " : "", a);
  }
  box.textContent = "";
  const text = article.text || "";
  if (start === undefined || start === null || end <= start || end > text.length) {
    box.append(document.createTextNode(text));
    return null;
  }
  const mark = el("mark", text.slice(start, end));
  box.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  return mark;
}
