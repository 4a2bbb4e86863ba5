// Talking to the JSON API: the token (kept for this tab only) goes in a header.
"use strict";

const KEY = "newsline-token";

export function takeTokenFromHash() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
}

export function setToken(token) { sessionStorage.setItem(KEY, token); }

export function headers(extra) {
  const h = Object.assign({}, extra || {});
  const token = sessionStorage.getItem(KEY);
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

let onUnauthorized = () => {};
export function whenUnauthorized(fn) { onUnauthorized = fn; }

async function check(r) {
  if (r.status === 401) onUnauthorized();
  if (!r.ok) {
    let detail = r.statusText;
    try {
      const body = await r.json();
      detail = typeof body.detail === "string" ? body.detail
        : Array.isArray(body.detail) ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
        : JSON.stringify(body.detail);
    } catch (e) { /* not JSON */ }
    throw new ApiError(r.status, detail);
  }
  return r;
}

export async function get(path, params) {
  const q = params ? "?" + new URLSearchParams(clean(params)).toString() : "";
  const r = await fetch(path + q, { headers: headers() });
  return (await check(r)).json();
}

export async function send(method, path, body) {
  const r = await fetch(path, {
    method, headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(body || {}),
  });
  return (await check(r)).json();
}

export async function download(path, params) {
  const q = "?" + new URLSearchParams(clean(params)).toString();
  const r = await check(await fetch(path + q, { headers: headers() }));
  const cd = r.headers.get("Content-Disposition") || "";
  const m = /filename="([^"]+)"/.exec(cd);
  const blob = await r.blob();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = m ? m[1] : "timeline";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  return a.download;
}

// One multipart upload with progress (fetch cannot report upload progress).
export function upload(files, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [file, name] of files) form.append("files", file, name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/articles");
    for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 401) onUnauthorized();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body && body.detail ? String(body.detail) : xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, "the server could not be reached"));
    xhr.send(form);
  });
}

function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out[k] = v;
  return out;
}
