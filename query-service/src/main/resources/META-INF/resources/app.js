// The search page's progressive enhancement: everything here is optional; the server-rendered page works without it.
(function () {
  "use strict";
  var live = null;

  // Live notice: new articles that match the search on this page, through Server-Sent Events.
  function followLive() {
    if (live) { live.close(); live = null; }
    var main = document.querySelector("main[data-live]");
    var notice = document.getElementById("live");
    if (!main || !notice || !window.EventSource) { return; }
    var fresh = 0;
    live = new EventSource("/articles/stream" + (main.dataset.live ? "?" + main.dataset.live : ""));
    live.onmessage = function () {
      fresh += 1;
      notice.textContent = fresh + " new article" + (fresh === 1 ? "" : "s") + " — ";
      var show = document.createElement("a");
      show.href = window.location.pathname + window.location.search;
      show.textContent = "show";
      notice.appendChild(show);
      notice.hidden = false;
    };
  }

  // Entity suggestions for the entity box, from /entities?prefix= (a datalist: the keyboard works as in any input).
  function suggestEntities() {
    var input = document.getElementById("entity-input");
    var list = document.getElementById("entity-suggestions");
    if (!input || !list || input.dataset.ready) { return; }
    input.dataset.ready = "1";
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var prefix = input.value.trim();
      if (prefix.length < 2) { return; }
      timer = setTimeout(function () {
        fetch("/entities?limit=8&prefix=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (e) {
              var option = document.createElement("option");
              option.value = e.name;
              option.label = e.type.toLowerCase() + ", " + e.articles + " articles";
              return option;
            }));
          });
      }, 150);
    });
  }

  // The timeline as a chart: drag across it to search those dates (the bars below stay for clicks without script).
  function drawTimeline() {
    var bars = document.querySelector("ol[data-bars]");
    if (!bars || !window.uPlot || bars.previousElementSibling && bars.previousElementSibling.classList.contains("chart")) { return; }
    var links = Array.prototype.slice.call(bars.querySelectorAll("a[data-from]"));
    if (links.length < 2) { return; }
    var xs = links.map(function (a) { return Date.parse(a.dataset.from) / 1000; });
    var ys = links.map(function (a) { return Number(a.dataset.count); });
    var box = document.createElement("div");
    box.className = "chart";
    box.setAttribute("aria-hidden", "true");
    bars.parentNode.insertBefore(box, bars);
    new uPlot({
      width: box.clientWidth || 600, height: 140, legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      series: [{}, { label: "articles", stroke: "#0b57d0", fill: "rgba(11,87,208,.15)", paths: uPlot.paths.stepped({ align: 1 }) }],
      axes: [{}, { size: 40 }],
      hooks: { setSelect: [function (u) {
        if (u.select.width < 3) { return; }
        var from = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 10);
        var to = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 10);
        var url = new URL(window.location.href);
        url.searchParams.set("from", from);
        url.searchParams.set("to", to);
        url.searchParams.delete("cursor");
        window.location.assign(url.pathname + url.search);
      }] }
    }, [xs, ys], box);
  }

  function enhance() { followLive(); suggestEntities(); drawTimeline(); }
  document.addEventListener("DOMContentLoaded", enhance);
  // A page left (or kept in the back-forward cache) gives its stream's connection back: browsers hold
  // six per host, and streams left open would stall every other request to the site.
  window.addEventListener("pagehide", function () { if (live) { live.close(); live = null; } });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { followLive(); } });
  document.addEventListener("htmx:historyRestore", enhance);
  // A boosted page replaces the body; the timeline arrives on its own after the page.
  document.addEventListener("htmx:afterSettle", function (e) { if (e.target === document.body) { enhance(); } else { drawTimeline(); } });
})();
