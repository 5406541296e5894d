/**
 * A minimal, self-contained API explorer for /api/docs (no CDN: the platform must work offline). It reads
 * /api/openapi.json, lists every operation, and can send GET requests (with path and query parameters) using the
 * browser's session cookie.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kera Platform API</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem; color: #1b1f24; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #ccd; }
  details { border: 1px solid #dde; border-radius: 6px; margin: .4rem 0; padding: .3rem .6rem; }
  summary { cursor: pointer; } code { font-size: .92em; }
  .m { display: inline-block; min-width: 4.2rem; font-weight: 600; text-transform: uppercase; }
  .get { color: #0a6b2d; } .post { color: #8a4b00; } .put, .patch { color: #0b4f8a; } .delete { color: #a11; }
  pre { background: #f4f5f7; padding: .6rem; overflow: auto; max-height: 24rem; }
  label { display: block; margin: .2rem 0; } input { font: inherit; padding: .1rem .3rem; }
</style>
</head>
<body>
<h1>Kera Platform API</h1>
<p>Generated from <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). GET requests can be tried here;
they use your session cookie. Other methods need the <code>x-csrf-token</code> header (or an API token).</p>
<main id="ops">Loading…</main>
<script>
const esc = (s) => String(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
async function main() {
  const doc = await (await fetch("/api/openapi.json")).json();
  const groups = {};
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || "other";
      (groups[tag] = groups[tag] || []).push({ path, method, op });
    }
  }
  const root = document.getElementById("ops");
  root.innerHTML = "";
  for (const [tag, ops] of Object.entries(groups)) {
    const h = document.createElement("h2"); h.textContent = tag; root.append(h);
    for (const { path, method, op } of ops) {
      const d = document.createElement("details");
      const params = (op.parameters || []).filter((p) => p.in === "path" || p.in === "query");
      d.innerHTML = '<summary><span class="m ' + method + '">' + method + "</span> <code>" + esc(path) + "</code> — " +
        esc(op.summary || "") + "</summary>" + (op.description ? "<p>" + esc(op.description) + "</p>" : "") +
        "<p>Responses: " + Object.keys(op.responses || {}).map(esc).join(", ") + "</p>";
      if (method === "get") {
        const form = document.createElement("form");
        for (const p of params) {
          form.insertAdjacentHTML("beforeend", "<label>" + esc(p.name) + " (" + p.in + (p.required ? ", required" : "") +
            ') <input name="' + esc(p.name) + '" data-in="' + p.in + '"></label>');
        }
        form.insertAdjacentHTML("beforeend", "<button>Send</button><pre hidden></pre>");
        form.addEventListener("submit", async (e) => {
          e.preventDefault();
          let url = path; const q = new URLSearchParams();
          for (const input of form.querySelectorAll("input")) {
            if (input.dataset.in === "path") url = url.replace("{" + input.name + "}", encodeURIComponent(input.value));
            else if (input.value) q.set(input.name, input.value);
          }
          const res = await fetch(url + (q.size ? "?" + q : ""), { credentials: "same-origin" });
          const out = form.querySelector("pre"); out.hidden = false;
          out.textContent = res.status + " " + res.statusText + "\\n\\n" + (await res.text()).slice(0, 20000);
        });
        d.append(form);
      }
      root.append(d);
    }
  }
}
main().catch((e) => { document.getElementById("ops").textContent = "Could not load the API document: " + e; });
</script>
</body>
</html>
`;
