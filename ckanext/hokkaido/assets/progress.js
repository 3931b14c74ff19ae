/* The progress map and table: the metric switcher recolours the map at once, the tooltip
   follows the pointer and keyboard focus, the subprefecture choice submits, and the
   table's header buttons sort it (aria-sort tells screen readers). */
(function () {
  "use strict";

  function setUpMap(map) {
    var tooltip = document.getElementById(map.getAttribute("data-module-tooltip"));
    var wrap = map.parentNode;
    function show(area, x, y) {
      tooltip.textContent = area.getAttribute("data-tip");
      tooltip.hidden = false;
      var box = wrap.getBoundingClientRect();
      tooltip.style.left = Math.max(0, x - box.left + 12) + "px";
      tooltip.style.top = Math.max(0, y - box.top + 12) + "px";
    }
    function hide() { tooltip.hidden = true; }
    map.querySelectorAll("a.hokkaido-progress-area").forEach(function (area) {
      area.addEventListener("mousemove", function (e) { show(area, e.clientX, e.clientY); });
      area.addEventListener("mouseleave", hide);
      area.addEventListener("focus", function () {
        var r = area.getBoundingClientRect();
        show(area, r.right, r.top + r.height / 2);
      });
      area.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  }

  function setUpControls(form, map) {
    form.querySelectorAll("input[name=metric]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        map.setAttribute("data-metric", radio.value);
        form.submit();
      });
    });
    var select = form.querySelector("select[name=subprefecture]");
    if (select) { select.addEventListener("change", function () { form.submit(); }); }
  }

  function cellValue(row, index, kind) {
    var cell = row.children[index];
    var value = cell.getAttribute("data-value");
    if (value === null) { value = cell.textContent.trim(); }
    return kind === "number" ? parseFloat(value) : value;
  }

  function setUpTable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var kind = th.getAttribute("data-kind");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          var order = kind === "number" ? x - y : String(x).localeCompare(String(y), "ja");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var map = document.querySelector(".hokkaido-progress-map");
    var form = document.querySelector(".hokkaido-progress-controls");
    if (map) { setUpMap(map); }
    if (map && form) { setUpControls(form, map); }
    document.querySelectorAll("table[data-sortable]").forEach(setUpTable);
  });
})();
