// align review: the page. State comes from /api/state; every edit goes to the server, which answers
// with the pair's links and findings as they now are (the server holds the truth, the page a view).
"use strict";

// The token travels in an HttpOnly cookie set by /login: the page never sees it.
const $ = (id) => document.getElementById(id);
const view = $("view");
let state = null;      // /api/state
let pairIndex = 0;     // the pair shown
let allView = false;   // all versions side by side
let cur = 0;           // current link
let side = 0;          // 0 left, 1 right
let busy = false;
let gridRow = 0;       // all-versions view: current row
let gridCol = 1;       // and column (1 = the first version)
let queueMark = null;  // [confidence, link] of the last link n / N reached: where the queue walk is
let queuePair = -1;    // and in which pair

function esc(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function say(text, error = false) {
  const el = $("message");
  el.textContent = text;
  el.className = error ? "error" : "";
  el.setAttribute("role", error ? "alert" : "status");
}

async function api(path, body) {
  const options = { headers: {} };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: `${response.status} ${response.statusText}` }; }
  if (!response.ok && !data.error) data.error = `${response.status} ${response.statusText}`;
  return data;
}

const lang = (code) => state.langs.find((l) => l.lang === code);
const pair = () => state.pairs[pairIndex];
const links = () => pair().links;

function updateStatus(data) {
  for (const key of ["rev", "dirty", "canUndo", "canRedo"]) if (key in data) state[key] = data[key];
  $("dirty").hidden = !state.dirty;
  $("undo").disabled = !state.canUndo;
  $("redo").disabled = !state.canRedo;
  document.title = `${state.dirty ? "● " : ""}${state.file} · align review`;
}

function findingsByLink(p) {
  const out = new Map();
  for (const f of p.findings) {
    if (!out.has(f.link)) out.set(f.link, []);
    out.get(f.link).push(f);
  }
  return out;
}

// A sentence's text; with word links (l.words, offsets in code points) each word a span that knows its
// counterparts, a word without any dotted.
function textHtml(l, i) {
  const words = l.words && l.words[i];
  if (!words) return esc(l.texts[i]);
  const chars = Array.from(l.texts[i]);
  let out = "", pos = 0;
  for (const [start, end, id, to] of words) {
    out += esc(chars.slice(pos, start).join(""))
      + `<span class="w${to.length ? "" : " none"}" data-w="${esc(id)}" data-to="${esc(to.join(" "))}">`
      + `${esc(chars.slice(start, end).join(""))}</span>`;
    pos = end;
  }
  return out + esc(chars.slice(pos).join(""));
}

function sentences(code, indices) {
  if (!indices.length) return '<span class="empty">no counterpart</span>';
  const l = lang(code);
  return indices.map((i) => `<span class="s" data-id="${esc(l.ids[i])}"><span class="sid">${esc(l.ids[i])}</span>${textHtml(l, i)}</span>`).join("");
}

// Resting on a word highlights it and its counterparts in the same row (a link since re-linked elsewhere
// shows none: the word links are those of the file as opened).
function highlightWord(event, on) {
  const w = event.target.closest ? event.target.closest("span.w") : null;
  const row = w && w.closest(".row");
  if (!row) return;
  const to = new Set(w.dataset.to.split(" ").filter(Boolean));
  w.classList.toggle("hl", on);
  row.querySelectorAll("span.w").forEach((x) => { if (to.has(x.dataset.w)) x.classList.toggle("hl", on); });
}

function findingHtml(f) {
  return `<p class="finding ${f.severity}"><b>${esc(f.kind)}</b> ${esc(f.detail)}</p>`;
}

function rowHtml(p, k, byLink, threshold) {
  const [src, tgt, cert, status] = p.links[k];
  const mark = status === "manual" ? '<span class="checked" title="checked: a manual link">✓</span>'
    : cert === null ? esc(status)
    : `<span class="cert${cert < threshold ? " low" : ""}" title="aligner confidence">${cert.toFixed(2)}</span>`;
  const found = (byLink.get(k) || []).map(findingHtml).join("");
  // The link number is a CSS counter, so rows after an edit need no redrawing when numbers shift.
  return `<div class="row"><div class="meta"><span class="num"></span><span class="kind">${src.length}-${tgt.length}</span>${mark}</div>`
    + `<div class="left">${sentences(p.src, src)}</div><div class="right">${sentences(p.tgt, tgt)}</div>`
    + `<div class="findings">${found}</div></div>`;
}

let drawn = [];  // the rows of the pair view as drawn, to redraw only what an edit changed

function pairRows(p) {
  const byLink = findingsByLink(p);
  const threshold = Number($("threshold").value);
  return p.links.map((_, k) => rowHtml(p, k, byLink, threshold));
}

function renderPair() {
  const p = pair();
  drawn = pairRows(p);
  view.className = "";
  view.innerHTML = `<div class="head"><div>#</div><div>${esc(lang(p.src).name)} (${esc(p.src)})</div>`
    + `<div>${esc(lang(p.tgt).name)} (${esc(p.tgt)})</div><div class="fcol">Findings</div></div>` + drawn.join("");
  showCursor(false);
}

function updatePair() {
  // Replace only the rows between the common start and the common end of the old and new drawing.
  const rows = pairRows(pair());
  let head = 0;
  while (head < rows.length && head < drawn.length && rows[head] === drawn[head]) head++;
  let tail = 0;
  while (tail < rows.length - head && tail < drawn.length - head
         && rows[rows.length - 1 - tail] === drawn[drawn.length - 1 - tail]) tail++;
  for (let k = drawn.length - tail - 1; k >= head; k--) view.children[k + 1].remove();
  const template = document.createElement("template");
  template.innerHTML = rows.slice(head, rows.length - tail).join("");
  view.insertBefore(template.content, view.children[head + 1] || null);
  drawn = rows;
}

const rowAt = (k) => view.children[k + 1];  // after the header

async function renderAll() {
  // Rows are pivot units (pivot sentences tied by any pair's link) and sentences a version adds, as the
  // HTML report shows them; the server builds them (/api/grid) from the links as they are now.
  const grid = await api("/api/grid");
  if (!allView) return;
  if (grid.error) { say(grid.error, true); return; }
  const threshold = Number($("threshold").value);
  const cell = (c, code) => (c.link === null ? `<div>${sentences(code, c.sentences)}</div>`
    : `<div data-pair="${c.pair}" data-link="${c.link}" title="open this link in the ${esc(state.pairs[c.pair].pair)} view">${sentences(code, c.sentences)}${cellMeta(c, threshold)}</div>`);
  const rows = grid.rows.map((r) => `<div class="row${r.pivot.length ? "" : " added"}"><div>${sentences(state.pivot, r.pivot)}</div>`
    + r.cells.map((c, n) => cell(c, grid.columns[n].lang)).join("") + "</div>");
  view.className = "all";
  view.style.setProperty("--cols", grid.columns.length + 1);
  view.innerHTML = `<div class="head"><div>${esc(lang(state.pivot).name)}</div>`
    + grid.columns.map((c) => `<div>${esc(lang(c.lang).name)}</div>`).join("") + "</div>" + rows.join("");
  $("current").textContent = "All versions: Enter or a click on a cell edits its link in the pair view.";
  showGridCursor();
}

function cellMeta(c, threshold) {
  // The confidence (or ✓) of the cell's links and their findings, as the pair view shows them.
  const p = state.pairs[c.pair];
  const marks = c.links.map((k) => {
    const [, , cert, status] = p.links[k];
    if (status === "manual") return '<span class="checked" title="checked: a manual link">✓</span>';
    return cert === null ? "" : `<span class="cert${cert < threshold ? " low" : ""}" title="aligner confidence">${cert.toFixed(2)}</span>`;
  });
  const found = p.findings.filter((f) => c.links.includes(f.link))
    .map((f) => `<span class="tag ${f.severity}" title="${esc(f.detail)}">${esc(f.kind)}</span>`);
  return `<div class="cellmeta">${marks.join(" ")} ${found.join(" ")}</div>`;
}

function showGridCursor() {
  const rows = view.children;
  if (rows.length < 2) return;
  gridRow = Math.max(0, Math.min(gridRow, rows.length - 2));
  gridCol = Math.max(1, Math.min(gridCol, rows[1].children.length - 1));
  for (const el of view.querySelectorAll(".cur, .side-cur")) el.classList.remove("cur", "side-cur");
  const row = rows[gridRow + 1];
  row.classList.add("cur");
  row.children[gridCol].classList.add("side-cur");
  row.scrollIntoView({ block: "nearest" });
}

const gridKeys = {
  j: () => { gridRow++; showGridCursor(); }, ArrowDown: () => gridKeys.j(),
  k: () => { gridRow--; showGridCursor(); }, ArrowUp: () => gridKeys.k(),
  h: () => { gridCol--; showGridCursor(); }, ArrowLeft: () => gridKeys.h(),
  l: () => { gridCol++; showGridCursor(); }, ArrowRight: () => gridKeys.l(),
  Enter: () => {
    const cell = view.children[gridRow + 1].children[gridCol];
    if (cell.dataset.link) cell.click(); else say("This version has no link in this row.");
  },
};

function render() {
  $("pairs").innerHTML = state.pairs.map((p, k) => `<button type="button" data-pair="${k}" aria-pressed="${!allView && k === pairIndex}">${k + 1} ${esc(p.pair)}</button>`).join("")
    + `<button type="button" data-all="1" aria-pressed="${allView}">All versions</button>`;
  if (allView) renderAll(); else renderPair();
}

function showCursor(scroll = true) {
  if (allView) return;
  cur = Math.max(0, Math.min(cur, links().length - 1));
  for (const el of view.querySelectorAll(".row.cur")) el.classList.remove("cur");
  for (const el of view.querySelectorAll(".side-cur")) el.classList.remove("side-cur");
  const row = rowAt(cur);
  if (!row) return;
  row.classList.add("cur");
  row.children[1 + side].classList.add("side-cur");
  if (scroll) row.scrollIntoView({ block: "nearest" });
  const p = pair();
  const [src, tgt, cert, status] = links()[cur];
  const found = p.findings.filter((f) => f.link === cur);
  $("current").innerHTML = `<b>Link ${cur + 1} of ${links().length}</b> (${src.length}-${tgt.length}, `
    + `${status === "manual" ? "checked" : cert === null ? status : "confidence " + cert.toFixed(2)}), `
    + `${side ? "right" : "left"} side<br>` + (found.length ? found.map(findingHtml).join("") : "No findings.");
}

function goTo(k) {
  if (k === null) return;
  if (k === undefined || k < 0) { say("No more such links."); return; }
  cur = k;
  showCursor();
}

function search(step, test) {
  const all = links();
  for (let k = cur + step; k >= 0 && k < all.length; k += step) if (test(all[k], k)) return k;
  return -1;
}

// n / N walk the review queue: the unchecked links with a confidence, least certain first (ties in text
// order), whatever the threshold, so that on a good alignment n still leads to the links most worth a look.
function queue() {
  const all = links();
  return all.map((_, k) => k)
    .filter((k) => all[k][3] !== "manual" && all[k][2] !== null && all[k][0].length && all[k][1].length)
    .sort((a, b) => all[a][2] - all[b][2] || a - b);
}

function byConfidence(step) {
  const all = links();
  const q = queue();
  if (queuePair !== pairIndex) { queuePair = pairIndex; queueMark = null; }
  const at = queueMark;
  const later = (k) => !at || all[k][2] > at[0] || (all[k][2] === at[0] && k > at[1]);
  const k = step > 0 ? q.find(later) : q.findLast((j) => at && !later(j) && !(all[j][2] === at[0] && j === at[1]));
  if (k === undefined) {
    say(step > 0 ? "No unchecked link is more certain than this one: the queue is done." : "This is the least certain unchecked link.");
    return null;
  }
  queueMark = [all[k][2], k];
  say(`Queue: ${q.indexOf(k) + 1} of ${q.length} unchecked links by confidence, least certain first.`);
  return k;
}
const unchecked = (link) => link[3] !== "manual";
function hasFinding(link, k) { return pair().findings.some((f) => f.link === k); }

function sideIds(k, s) {
  if (k < 0 || k >= links().length) return [];
  const p = pair();
  const indices = links()[k][s];
  const l = lang(s ? p.tgt : p.src);
  return indices.map((i) => l.ids[i]);
}

function anchor(k) { return sideIds(k, 0)[0] || sideIds(k, 1)[0]; }

async function send(path, body) {
  if (busy) return;
  busy = true;
  try {
    const data = await api(path, { ...body, rev: state.rev });
    if (data.stale) { say(`Not done: ${data.error}.`, true); return; }
    updateStatus(data);
    if (data.saveAs) { $("saveas").hidden = false; if (!$("saveas-name").value) $("saveas-name").value = data.saveAs; }
    if (data.error) { say(data.error, true); return; }
    if (data.file) {
      state.file = data.file;
      $("file").textContent = data.file;
      $("saveas").hidden = true;
      updateStatus(data);
    }
    if (data.pair) {
      const k = state.pairs.findIndex((p) => p.pair === data.pair.pair);
      state.pairs[k] = data.pair;
      cur = data.focus;
      if (k === pairIndex && !allView) updatePair();
      else { pairIndex = k; allView = false; render(); }
      showCursor();
    }
    say(data.message || (path === "/api/edit" ? `${body.op} done.` : path.slice(5) + " done."));
  } finally {
    busy = false;
  }
}

function edit(op, sentence, direction) {
  if (!sentence) { say(op === "move" || op === "detach" ? "No sentence there on this side." : "No link here.", true); return; }
  send("/api/edit", { pair: pair().pair, op, sentence, direction });
}

function jump(id) {
  const l = state.langs.find((x) => x.ids.includes(id));
  if (!l) { say(`Unknown sentence id ${id}.`, true); return; }
  const i = l.ids.indexOf(id);
  let k = state.pairs.findIndex((p) => p.src === l.lang || p.tgt === l.lang);
  if (pair().src === l.lang || pair().tgt === l.lang) k = pairIndex;
  pairIndex = k;
  allView = false;
  const s = pair().tgt === l.lang ? 1 : 0;
  render();
  side = s;
  goTo(links().findIndex((link) => link[s].includes(i)));
  say(`At ${id}.`);
}

const keys = {
  j: () => goTo(Math.min(cur + 1, links().length - 1)), ArrowDown: () => keys.j(),
  k: () => goTo(Math.max(cur - 1, 0)), ArrowUp: () => keys.k(),
  h: () => { side = 0; showCursor(); }, ArrowLeft: () => keys.h(),
  l: () => { side = 1; showCursor(); }, ArrowRight: () => keys.l(),
  n: () => goTo(byConfidence(1)), N: () => goTo(byConfidence(-1)),
  f: () => goTo(search(1, hasFinding)), F: () => goTo(search(-1, hasFinding)),
  u: () => goTo(search(1, unchecked)), U: () => goTo(search(-1, unchecked)),
  g: () => { $("jump-id").focus(); $("jump-id").select(); },
  m: () => edit("merge", anchor(cur), "next"), M: () => edit("merge", anchor(cur), "prev"),
  s: () => edit("split", anchor(cur)),
  "]": () => edit("move", sideIds(cur, side).at(-1), "down"),
  "[": () => edit("move", sideIds(cur, side)[0], "up"),
  "}": () => edit("move", sideIds(cur + 1, side)[0], "up"),
  "{": () => edit("move", sideIds(cur - 1, side).at(-1), "down"),
  d: () => edit("detach", sideIds(cur, side).at(-1)), D: () => edit("detach", sideIds(cur, side)[0]),
  c: () => edit(links()[cur][3] === "manual" ? "uncheck" : "check", anchor(cur)),
  z: () => send("/api/undo", {}), y: () => send("/api/redo", {}), Z: () => keys.y(),
  v: () => { allView = !allView; render(); if (!allView) showCursor(); },
};

document.addEventListener("keydown", (event) => {
  if (!state) return;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (ctrl && (key === "s" || key === "S")) { event.preventDefault(); send("/api/save", {}); return; }
  if (event.target.closest && event.target.closest("input")) {
    if (key === "Escape") { event.target.blur(); view.focus(); }
    return;
  }
  if (ctrl && (key === "z" || key === "Z")) { event.preventDefault(); (event.shiftKey ? keys.y : keys.z)(); return; }
  if (ctrl && key === "y") { event.preventDefault(); keys.y(); return; }
  if (ctrl || event.altKey) return;
  if (!busy && (keys[key] || gridKeys[key] || /^[1-9]$/.test(key))) say("");  // a new key: old news goes
  if (/^[1-9]$/.test(key) && Number(key) <= state.pairs.length) {
    pairIndex = Number(key) - 1; allView = false; cur = 0; render(); showCursor(); return;
  }
  if (allView && gridKeys[key]) { event.preventDefault(); gridKeys[key](); return; }
  if (allView && !"vzyZ".includes(key)) return;
  const action = keys[key];
  if (action) { event.preventDefault(); action(); }
});

view.addEventListener("mouseover", (event) => highlightWord(event, true));
view.addEventListener("mouseout", (event) => highlightWord(event, false));
view.addEventListener("click", (event) => {
  const cell = event.target.closest("[data-link]");
  if (allView && cell) {
    pairIndex = Number(cell.dataset.pair); allView = false; cur = Number(cell.dataset.link); side = 1;
    render(); showCursor(); return;
  }
  const row = event.target.closest(".row");
  if (!row || allView) return;
  cur = Array.prototype.indexOf.call(view.children, row) - 1;
  if (event.target.closest(".left")) side = 0;
  if (event.target.closest(".right")) side = 1;
  showCursor(false);
});

$("pairs").addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  allView = Boolean(button.dataset.all);
  if (!allView) { pairIndex = Number(button.dataset.pair); cur = 0; }
  render();
  if (!allView) showCursor();
});
$("undo").addEventListener("click", () => keys.z());
$("redo").addEventListener("click", () => keys.y());
$("save").addEventListener("click", () => send("/api/save", {}));
$("saveas").addEventListener("submit", (event) => {
  event.preventDefault();
  send("/api/save", { saveAs: $("saveas-name").value.trim() });
});
$("threshold").addEventListener("change", () => { if (!allView) { renderPair(); showCursor(false); } });
$("jump").addEventListener("submit", (event) => { event.preventDefault(); jump($("jump-id").value.trim()); $("jump-id").blur(); });
window.addEventListener("beforeunload", (event) => { if (state && state.dirty) event.preventDefault(); });

(async () => {
  const data = await api("/api/state");
  if (data.error) { say(data.error, true); return; }
  state = data;
  $("threshold").value = state.threshold;
  if (matchMedia("(max-width: 1000px)").matches) $("keylist").open = false;  // on a small screen, links first
  updateStatus(state);
  render();
  showCursor();
  say(`${state.set}: ${state.pairs.map((p) => `${p.pair} ${p.links.length} links`).join(", ")}. n walks the unchecked links from the least certain up; the keys are listed in the page.`
    + (state.kept ? ` ${state.kept} annotations of kinds not checked here (term findings need --terms) are kept as they are on save.` : ""));
  document.body.dataset.ready = "1";
})();
