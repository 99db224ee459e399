// Colony's only script: live updates, keyboard shortcuts and small comforts.
// Everything works without it; it never runs inline code (the CSP forbids that).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  const gettext = window.gettext || ((s) => s);

  // Live updates over server-sent events: the server says when the newest
  // home post or the unread count changed; htmx fetches what is new.
  function connectEvents() {
    const url = document.body.dataset.events;
    if (!url || !window.EventSource) return;
    const source = new EventSource(url);
    // Ids are 63-bit: compare them as BigInt, never as floating-point numbers.
    source.addEventListener("timeline", (e) => {
      const live = document.getElementById("live");
      if (!live || !/^\d+$/.test(e.data)) return;
      if (BigInt(live.dataset.since || "0") < BigInt(e.data) && window.htmx) {
        window.htmx.trigger(document.body, "colony:timeline");
      }
    });
    source.addEventListener("messages", (e) => {
      const count = JSON.parse(e.data);
      const badge = document.getElementById("messages-badge");
      if (badge) {
        const changed = badge.textContent.trim() !== String(count);
        badge.textContent = String(count);
        badge.hidden = count === 0;
        if (changed && window.htmx) window.htmx.trigger(document.body, "colony:messages");
      }
    });
    source.addEventListener("notifications", (e) => {
      const count = JSON.parse(e.data);
      const badge = document.getElementById("unread-badge");
      if (badge) {
        const changed = badge.textContent.trim() !== String(count);
        badge.textContent = String(count);
        badge.hidden = count === 0;
        if (changed && window.htmx) window.htmx.trigger(document.body, "colony:notifications");
      }
    });
  }

  // Character counter for every composer.
  function updateCounter(area) {
    const out = document.getElementById(area.dataset.counter || "");
    if (!out) return;
    const max = Number(area.getAttribute("maxlength") || 5000);
    const left = max - area.value.length;
    out.textContent = left < 500 ? interpolate(gettext("%s characters left"), [left]) : "";
    out.classList.toggle("over", left < 0);
  }
  function interpolate(fmt, args) {
    return window.interpolate ? window.interpolate(fmt, args) : fmt.replace("%s", args[0]);
  }
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches("textarea[data-composer]")) updateCounter(e.target);
  });

  // After htmx publishes a post, clear the composer and keep the live cursor ahead of it.
  document.addEventListener("colony:posted", () => {
    document.querySelectorAll("form.composer").forEach((f) => {
      f.reset();
      f.querySelectorAll("textarea[data-composer]").forEach(updateCounter);
    });
  });

  // A refused htmx action answers 4xx with a message retargeted at #alerts
  // (core.web.refuse); htmx 2 does not swap error responses unless told to.
  document.addEventListener("htmx:beforeSwap", (e) => {
    const xhr = e.detail.xhr;
    if (xhr && xhr.status >= 400 && xhr.getResponseHeader("HX-Retarget")) e.detail.shouldSwap = true;
  });

  // Confirm destructive actions.
  document.addEventListener("submit", (e) => {
    const msg = e.target.dataset && e.target.dataset.confirm;
    if (msg && !window.confirm(msg)) e.preventDefault();
  }, true);

  // Selects marked data-autosubmit submit their form on change; file pickers
  // show the names of the chosen files next to them.
  document.addEventListener("change", (e) => {
    const el = e.target;
    if (!el.matches) return;
    if (el.matches("select[data-autosubmit]")) el.form.submit();
    if (el.matches("input[type=file][data-file-names]")) {
      const out = document.getElementById(el.dataset.fileNames);
      if (out) out.textContent = Array.from(el.files).map((f) => f.name).join(", ");
    }
  });
  document.addEventListener("reset", (e) => {
    e.target.querySelectorAll && e.target.querySelectorAll("input[type=file][data-file-names]").forEach((el) => {
      const out = document.getElementById(el.dataset.fileNames);
      if (out) out.textContent = "";
    });
  }, true);

  // Keyboard shortcuts: n new post, / search, g h / g a / g o / g n / g p go to places.
  let pendingG = false;
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target;
    if (el.closest && el.closest("input, textarea, select, [contenteditable]")) {
      if (e.key === "Escape") el.blur();
      return;
    }
    if (pendingG) {
      pendingG = false;
      const places = { h: "/", a: "/asks", o: "/organisation", n: "/notifications", p: "/people", s: "/search" };
      if (places[e.key]) { e.preventDefault(); window.location.href = places[e.key]; }
      return;
    }
    if (e.key === "g") { pendingG = true; setTimeout(() => (pendingG = false), 1200); return; }
    if (e.key === "n") {
      const box = document.querySelector("textarea[data-composer]");
      if (box) { e.preventDefault(); box.focus(); } else { window.location.href = "/#composer"; }
    } else if (e.key === "/") {
      e.preventDefault();
      const search = document.querySelector("[data-search-box]");
      if (search) search.focus(); else window.location.href = "/search";
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    connectEvents();
    document.querySelectorAll("textarea[data-composer]").forEach(updateCounter);
  });
})();
