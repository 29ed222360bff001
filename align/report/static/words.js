// Word links: resting the pointer on a word highlights it and its counterparts (data-to: their token
// ids; each word's element id is "w-" + its token id). Ids are looked up, never put in a selector.
(function () {
  const grid = document.querySelector("table.grid");
  if (!grid) return;
  function mark(w, on) {
    const ids = (w.dataset.to || "").split(" ").filter(Boolean);
    [w, ...ids.map((id) => document.getElementById("w-" + id))].forEach((el) => {
      if (el) el.classList.toggle("hl", on);
    });
  }
  grid.addEventListener("mouseover", (e) => {
    const w = e.target.closest ? e.target.closest("span.w") : null;
    if (w) mark(w, true);
  });
  grid.addEventListener("mouseout", (e) => {
    const w = e.target.closest ? e.target.closest("span.w") : null;
    if (w) mark(w, false);
  });
})();
