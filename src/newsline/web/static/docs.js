// The OpenAPI document as a readable page (no outside scripts): one section per operation.
"use strict";
(function () {
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // A docstring's ``literal`` parts as code (text nodes only: nothing is parsed as HTML).
  function prose(tag, text, cls) {
    const e = el(tag, null, cls);
    String(text || "").split("``").forEach((part, i) => e.append(i % 2 ? el("code", part) : part));
    return e;
  }
  function refName(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(refName).join(" | ");
    if (schema.type === "array") return refName(schema.items) + "[]";
    return schema.enum ? schema.enum.join(" | ") : schema.type || "";
  }
  function show(spec) {
    const ops = document.getElementById("ops");
    ops.textContent = "";
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const sec = el("section", null, "op");
        const h = el("h2");
        h.append(el("span", method.toUpperCase(), "method"), " ", el("code", path));
        sec.append(h, el("p", op.summary || ""));
        if (op.description) sec.append(prose("p", op.description, "desc"));
        const params = op.parameters || [];
        if (params.length) {
          const ul = el("ul");
          for (const p of params) {
            const li = el("li");
            li.append(el("code", p.name), " (" + p.in + ", " + refName(p.schema) + (p.required ? ", required" : "") + ")");
            ul.append(li);
          }
          sec.append(el("h3", "Parameters"), ul);
        }
        const body = op.requestBody && op.requestBody.content;
        if (body) {
          for (const [type, c] of Object.entries(body)) sec.append(el("p", "Body: " + type + " " + refName(c.schema)));
        }
        ops.append(sec);
      }
    }
    const schemas = (spec.components && spec.components.schemas) || {};
    for (const [name, s] of Object.entries(schemas)) {
      if (!s.properties) continue;
      const sec = el("section", null, "op");
      sec.append(el("h2", name), prose("p", s.description || ""));
      const ul = el("ul");
      for (const [k, v] of Object.entries(s.properties)) {
        const li = el("li");
        li.append(el("code", k), " " + refName(v));
        if (v.description) li.append(" — ", prose("span", v.description));
        ul.append(li);
      }
      sec.append(ul);
      ops.append(sec);
    }
  }
  fetch("/openapi.json").then((r) => r.json()).then(show).catch((e) => {
    document.getElementById("ops").textContent = "Cannot read /openapi.json: " + e;
  });
})();
