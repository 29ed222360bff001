(function () {
  const groups = ["kind", "lang", "severity"];
  const param = { kind: "kinds", lang: "langs", severity: "severities" };  // in the URL fragment
  const boxes = (g) => Array.from(document.querySelectorAll('#filters input[data-' + g + ']'));
  const only = document.getElementById("only-findings");
  function checked(g) { return new Set(boxes(g).filter((b) => b.checked).map((b) => b.dataset[g])); }
  function visible(el, sel) { return groups.every((g) => sel[g].has(el.dataset[g])); }
  function apply() {
    const sel = {}; groups.forEach((g) => { sel[g] = checked(g); });
    let shown = 0;
    document.querySelectorAll("table.findings tbody tr").forEach((tr) => {
      const on = visible(tr, sel); tr.hidden = !on; if (on) shown += 1;
    });
    document.querySelectorAll("table.grid a.badge").forEach((a) => { a.hidden = !visible(a, sel); });
    const filterable = new Set(boxes("lang").map((b) => b.dataset.lang));
    document.querySelectorAll("table.grid th[data-lang], table.grid td[data-lang]").forEach((cell) => {
      cell.hidden = filterable.has(cell.dataset.lang) && !sel.lang.has(cell.dataset.lang);
    });
    document.querySelectorAll("table.grid tbody tr").forEach((tr) => {
      const found = tr.querySelector("a.badge:not([hidden])") !== null;
      tr.classList.toggle("has-findings", found);
      tr.hidden = only.checked && !found;
    });
    document.getElementById("shown").textContent = shown + " of " + TOTAL + " findings shown";
    recount();
    document.querySelectorAll("mark.d[data-refs]").forEach((m) => {
      const on = m.dataset.refs.split(" ").some((id) => {
        const tr = document.getElementById(id);
        return tr && !tr.hidden;
      });
      m.classList.toggle("off", !on);
    });
    document.querySelectorAll("#overview rect.of").forEach((r) => {
      const row = document.getElementById("row-" + r.dataset.row);
      const cell = row && Array.from(row.querySelectorAll("td[data-lang]"))
        .find((td) => td.dataset.lang === r.dataset.lang);
      const badges = cell ? Array.from(cell.querySelectorAll("a.badge:not([hidden])")) : [];
      const sev = badges.map((a) => a.dataset.severity);
      const worst = SEVERITIES.find((s) => sev.indexOf(s) >= 0);
      r.setAttribute("visibility", worst ? "visible" : "hidden");
      if (worst) r.setAttribute("fill", SEVERITY_COLOURS[worst]);
    });
    const hash = groups.filter((g) => sel[g].size < boxes(g).length)
      .map((g) => param[g] + "=" + Array.from(sel[g]).map(encodeURIComponent).join(","));
    if (only.checked) hash.push("only=1");
    if (sort) hash.push("sort=" + sort);
    if (hash.length || location.hash.indexOf("=") >= 0) {
      history.replaceState(null, "", hash.length ? "#" + hash.join("&") : location.pathname);
    }
  }
  function recount() {
    const n = {};  // "pair|kind", "pair|", "|kind", "|" -> visible findings
    const add = (k) => { n[k] = (n[k] || 0) + 1; };
    document.querySelectorAll("table.findings tbody tr").forEach((tr) => {
      if (tr.hidden) return;
      const p = tr.dataset.pair, k = tr.dataset.kind;
      add(p + "|" + k); add(p + "|"); add("|" + k); add("|");
    });
    const cells = "table.counts td[data-pair], table.counts td[data-kind], table.counts td[data-all]";
    document.querySelectorAll(cells).forEach((td) => {
      td.textContent = n[(td.dataset.pair || "") + "|" + (td.dataset.kind || "")] || 0;
    });
    const chart = document.getElementById("chart");
    if (!chart) return;
    const scale = parseFloat(chart.dataset.scale), x0 = parseFloat(chart.dataset.x0);
    chart.querySelectorAll("g[data-pair]").forEach((g) => {
      let x = x0;
      g.querySelectorAll("rect[data-kind]").forEach((r) => {
        const c = n[g.dataset.pair + "|" + r.dataset.kind] || 0;
        r.setAttribute("x", x.toFixed(2)); r.setAttribute("width", (c * scale).toFixed(2));
        r.querySelector("title").textContent = g.dataset.pair + " " + r.dataset.kind + ": " + c;
        x += c * scale;
      });
      const t = g.querySelector("text.n"); t.setAttribute("x", (x + 4).toFixed(2));
      t.textContent = n[g.dataset.pair + "|"] || 0;
    });
  }
  let sort = "";  // the findings table's order, kept in the URL fragment: "severity", "-pair"
  function sortBy(th, dir) {
    const table = th.closest("table"), body = table.tBodies[0];
    const col = Array.from(th.parentNode.children).indexOf(th);
    sort = (dir < 0 ? "-" : "") + th.dataset.col;
    th.parentNode.querySelectorAll("th").forEach((h) => h.setAttribute("aria-sort", "none"));
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    const key = (tr) => {
      const td = tr.children[col];
      return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent.trim();
    };
    Array.from(body.rows).map((tr, i) => [key(tr), i, tr])
      .sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1] - b[1]))
      .forEach((t) => body.appendChild(t[2]));
  }
  document.querySelectorAll("table.findings th button").forEach((b) => {
    const th = b.closest("th");
    b.addEventListener("click", () => {
      sortBy(th, th.getAttribute("aria-sort") === "ascending" ? -1 : 1);
      apply();
    });
  });
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    groups.forEach((g) => {
      if (!params.has(param[g])) return;
      const want = new Set(params.get(param[g]).split(",").filter(Boolean));
      boxes(g).forEach((b) => { b.checked = want.has(b.dataset[g]); });
    });
    only.checked = params.get("only") === "1";
  }
  if (location.hash.indexOf("=") >= 0) fromHash();
  const wanted = new URLSearchParams(location.hash.slice(1)).get("sort");
  const col = wanted ? wanted.replace(/^-/, "") : "";
  // found by comparing, never by a selector built from the address (#sort=x"] must not stop the page)
  const th = Array.from(document.querySelectorAll("table.findings th[data-col]"))
    .find((h) => h.dataset.col === col);
  if (th) sortBy(th, wanted.charAt(0) === "-" ? -1 : 1);
  document.querySelectorAll("#filters input").forEach((b) => b.addEventListener("change", apply));
  apply();
  document.body.dataset.ready = "1";
})();
