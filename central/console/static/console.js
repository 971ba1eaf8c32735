"use strict";
// Progressive enhancement only: every page works without this file. With it, parts marked data-refresh="URL"
// reload themselves every data-every seconds (new staff calls, fleet state). The X-Console-Poll header tells
// central a refresh is not activity, so it does not keep an idle session alive; a 401 means the session ended.
(function () {
  function refresh(el) {
    var every = Math.max(1, Number(el.getAttribute("data-every")) || 5) * 1000;
    var last = null;
    function tick() {
      fetch(el.getAttribute("data-refresh"), {
        headers: { "X-Console-Poll": "1" }, credentials: "same-origin", cache: "no-store"
      }).then(function (r) {
        if (r.status === 401) { window.location.reload(); return null; }
        return r.ok ? r.text() : null;
      }).then(function (html) {
        // keep what someone is typing or pressing: replace only when nothing inside has the focus
        if (html !== null && html !== last && !el.contains(document.activeElement)) {
          el.innerHTML = html;
          last = html;
        }
      }).catch(function () { /* offline for a moment: the next tick tries again */ })
        .then(function () { window.setTimeout(tick, every); });
    }
    window.setTimeout(tick, every);
  }
  document.querySelectorAll("[data-refresh]").forEach(refresh);
})();
