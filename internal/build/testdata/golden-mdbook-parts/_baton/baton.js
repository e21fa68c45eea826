// baton's theme script: small, no dependencies. Reading never needs it.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;

  // The words this script shows are the page's, in the handbook's language
  // (baton-strings, from internal/i18n): t fills a message's {name}s, tn
  // picks a plural form as the browser's rules for the language say.
  var words = {};
  try { words = JSON.parse(doc.getElementById("baton-strings").textContent) || {}; } catch (e) {}
  function t(key, args) {
    var v = words[key];
    if (typeof v !== "string") return key;
    return v.replace(/\{(\w+)\}/g, function (m, name) { return args && name in args ? String(args[name]) : m; });
  }
  var plurals = null;
  try { plurals = new Intl.PluralRules(words.lang || "en"); } catch (e) {}
  function tn(key, count, args) {
    var form = plurals ? plurals.select(count) : count === 1 ? "one" : "other";
    args = args || {};
    args.count = count;
    return t(typeof words[key + "." + form] === "string" ? key + "." + form : key + ".other", args);
  }
  // What a reader keeps here (reflect notes, ticks, path progress) belongs
  // to one handbook: its keys start with the handbook's title and the path
  // of its root, so that two handbooks under two paths of a host, two
  // served in turn at one address (baton serve), or two opened from the
  // file system (where every page shares one origin) never share them.
  var prefix = "baton:" + (root.dataset.handbook || "") + ":" + new URL(root.dataset.root || "./", location.href).pathname + ":";
  function store(name, value) {
    try {
      if (value !== undefined) { localStorage.setItem(prefix + name, JSON.stringify(value)); return; }
      var v = localStorage.getItem(prefix + name);
      if (v === null) {
        // Keys used to be "baton-" + name for every handbook of an origin:
        // the first handbook that reads one takes it over, once.
        v = localStorage.getItem("baton-" + name);
        if (v !== null) { localStorage.setItem(prefix + name, v); localStorage.removeItem("baton-" + name); }
      }
      return JSON.parse(v || "null");
    } catch (e) { return null; }
  }

  // Opened from the file system, folders do not open their index.html.
  if (location.protocol === "file:") {
    doc.querySelectorAll("a[href]").forEach(function (a) {
      var h = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(h)) return;
      var i = h.search(/[?#]/), path = i < 0 ? h : h.slice(0, i), rest = i < 0 ? "" : h.slice(i);
      if (path === "" ) return;
      if (path.slice(-1) === "/") a.setAttribute("href", path + "index.html" + rest);
    });
  }

  // Dark mode toggle, remembered.
  var toggle = doc.querySelector(".theme-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("baton-theme", root.dataset.theme); } catch (e) {}
    });
  }

  // Menu on narrow screens.
  var navToggle = doc.querySelector(".nav-toggle"), sidebar = doc.getElementById("sidebar");
  if (navToggle && sidebar) {
    var narrow = matchMedia("(max-width: 52rem)");
    var sync = function () { navToggle.hidden = !narrow.matches; };
    sync(); narrow.addEventListener("change", sync);
    navToggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      navToggle.setAttribute("aria-expanded", String(open));
    });
  }

  // Heading anchors copy their link.
  doc.querySelectorAll(".prose .anchor").forEach(function (a) {
    a.addEventListener("click", function () {
      if (navigator.clipboard && location.protocol !== "file:") {
        navigator.clipboard.writeText(a.href).catch(function () {});
      }
    });
  });

  // A conductor diagram wider than the screen scrolls sideways: open it with
  // the conductor in the middle rather than at its left edge.
  doc.querySelectorAll(".diagram-scroll").forEach(function (s) {
    var c = s.querySelector(".cd-conductor rect");
    if (!c || s.scrollWidth <= s.clientWidth) return;
    var a = s.getBoundingClientRect(), b = c.getBoundingClientRect();
    s.scrollLeft += (b.left + b.right - a.left - a.right) / 2;
  });

  // A code block or table wider than its column scrolls sideways: it must
  // take keyboard focus then, or a reader without a mouse cannot read the
  // rest of it. Only those that scroll take it, so the others add no stop.
  var scrollers = doc.querySelectorAll(".prose pre, .prose table");
  function focusScrollers() {
    scrollers.forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
      else el.removeAttribute("tabindex");
    });
  }
  if (scrollers.length) {
    focusScrollers();
    var resizing = 0;
    window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(focusScrollers, 150); });
  }

  // The page's own URL, site-absolute, as the handbook names it
  // ("/playbooks/x/"), wherever the page is opened from and however (its
  // folder or its index.html).
  var rootPath = new URL(root.dataset.root || "./", location.href).pathname;
  var pageURL = "/" + decodeURI(location.pathname.slice(rootPath.length)).replace(/index\.html$/, "");

  // Copy buttons on code blocks: a playbook's templates are there to be
  // copied. Each button follows its block (the block scrolls, the button
  // stays), and a live region says when it worked. The Clipboard API needs
  // a secure context; elsewhere a hidden textarea and execCommand copy,
  // and if that fails too the code is selected for the reader to copy.
  var live = null;
  function say(text) {
    if (!live) {
      live = doc.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      doc.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  }
  function copyText(text, pre) {
    function fallback() {
      var ta = doc.createElement("textarea"), ok = false, focus = doc.activeElement;
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "copy-buffer";
      doc.body.appendChild(ta);
      ta.select();
      try { ok = doc.execCommand("copy"); } catch (e) {}
      ta.remove();
      if (focus) focus.focus();
      if (!ok) {
        var range = doc.createRange(), sel = window.getSelection();
        range.selectNodeContents(pre);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      return Promise.resolve(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return fallback();
  }
  doc.querySelectorAll(".prose pre:not(.mermaid)").forEach(function (pre) {
    var wrap = doc.createElement("div"), button = doc.createElement("button");
    wrap.className = "code-block";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    button.type = "button";
    button.className = "code-copy";
    // Its name says what it copies while it shows "Copy"; the words it
    // shows after a copy are its name then.
    var show = function (text) {
      button.textContent = text;
      if (text === t("copy")) button.setAttribute("aria-label", t("copy_label"));
      else button.removeAttribute("aria-label");
    };
    show(t("copy"));
    wrap.appendChild(button);
    var reset = 0;
    button.addEventListener("click", function () {
      var code = pre.querySelector("code") || pre;
      copyText(code.textContent.replace(/\n$/, ""), pre).then(function (ok) {
        show(ok ? t("copied") : t("copy_failed"));
        say(ok ? t("copied") : t("copy_failed_said"));
        clearTimeout(reset);
        reset = setTimeout(function () { show(t("copy")); }, 2000);
      });
    });
  });

  // Task lists are boxes a reader can tick, kept in this browser like
  // reflect notes, each by its item's text (the list may change around
  // it); the print view shows them as written.
  doc.querySelectorAll("main .prose li > input[type=checkbox]").forEach(function (box, i, all) {
    if (box.closest(".print-view")) return;
    var key = "tasks:" + pageURL, state = store(key) || {};
    var name = (box.getAttribute("aria-label") || "") + "#", n = 0;
    for (var j = 0; j < i; j++) if (all[j].getAttribute("aria-label") + "#" === name) n++;
    name += n;
    box.disabled = false;
    box.checked = name in state ? !!state[name] : box.checked;
    box.addEventListener("change", function () {
      state = store(key) || {};
      state[name] = box.checked;
      store(key, state);
    });
  });

  // Table of contents follows the reader.
  var tocLinks = doc.querySelectorAll(".toc a");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.hash.slice(1))] = a; });
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting && byId[e.target.id]) {
          tocLinks.forEach(function (a) { a.classList.remove("active"); });
          byId[e.target.id].classList.add("active");
        }
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) { var h = doc.getElementById(id); if (h) io.observe(h); });
  }

  // Reflect: a private checklist and journal kept in this browser.
  doc.querySelectorAll("[data-reflect]").forEach(function (box) {
    var key = "reflect:" + box.dataset.reflect, state = store(key) || {};
    box.querySelectorAll("input[type=checkbox]").forEach(function (c) {
      c.checked = !!(state["c" + c.dataset.key]);
      c.addEventListener("change", function () { state["c" + c.dataset.key] = c.checked; store(key, state); });
    });
    box.querySelectorAll("textarea").forEach(function (t) {
      t.value = state["t" + t.dataset.key] || "";
      t.addEventListener("input", function () { state["t" + t.dataset.key] = t.value; store(key, state); });
    });
  });

  // Reading paths: a reader follows a path by opening a step from the path's
  // page or from a step bar; only then are steps counted as read, and the
  // bars of other paths on a shared page step aside.
  function pathState(id) { return store("path:" + id) || {}; }
  function follow(id) { try { sessionStorage.setItem(prefix + "active-path", id); } catch (e) {} }
  var active = null;
  try { active = sessionStorage.getItem(prefix + "active-path"); } catch (e) {}
  // The summary line of a page in several paths is a .path-bar too, but
  // has no path of its own and no progress to show.
  var bars = doc.querySelectorAll(".path-bar[data-path]");
  var following = Array.prototype.some.call(bars, function (b) { return b.dataset.path === active; });
  var summary = doc.querySelector(".path-summary");
  if (summary && following) summary.hidden = true;
  bars.forEach(function (bar) {
    var id = bar.dataset.path, n = +bar.dataset.steps, s = pathState(id);
    bar.querySelectorAll("a").forEach(function (a) { a.addEventListener("click", function () { follow(id); }); });
    if (following) bar.hidden = id !== active;
    if (bar.hidden) return;
    if (id === active) { s[bar.dataset.step] = true; store("path:" + id, s); }
    var done = Object.keys(s).length, prog = bar.querySelector(".path-progress");
    prog.hidden = false;
    prog.setAttribute("role", "progressbar");
    prog.setAttribute("aria-valuemin", "0"); prog.setAttribute("aria-valuemax", String(n));
    prog.setAttribute("aria-valuenow", String(done));
    prog.setAttribute("aria-label", tn("steps_read", n, { done: done }));
    prog.firstElementChild.style.width = Math.round(100 * done / n) + "%";
  });
  // At the end of a step's page the path being followed leads on to its
  // next step, in place of the section's next page; the step it leads to
  // is kept for the home page's "continue".
  doc.querySelectorAll(".path-foot[data-path]").forEach(function (foot) {
    var id = foot.dataset.path;
    foot.querySelectorAll("a").forEach(function (a) { a.addEventListener("click", function () { follow(id); }); });
    if (id !== active) return;
    foot.hidden = false;
    var section = foot.parentNode.querySelector(":scope > .prev-next");
    if (section) section.hidden = true;
    var next = foot.querySelector("a[rel=next]");
    store("path-next:" + id, next ? { href: next.href, title: next.lastChild.textContent } : {});
  });
  // A link made here from what this handbook kept, never another scheme.
  function card(href, title, meta, summary) {
    var li = doc.createElement("li"), a = doc.createElement("a");
    li.className = "card";
    a.href = href;
    [["card-title", title], ["card-meta", meta], ["card-summary", summary]].forEach(function (p) {
      if (!p[1]) return;
      var s = doc.createElement("span");
      s.className = p[0]; s.textContent = p[1]; a.appendChild(s);
    });
    li.appendChild(a);
    return li;
  }
  function sameSite(href) { return typeof href === "string" && href.indexOf(location.protocol) === 0; }
  doc.querySelectorAll("article.path[data-path]").forEach(function (art) {
    var id = art.dataset.path, s = pathState(id), n = +art.dataset.steps, done = 0, first = null;
    art.querySelectorAll(".step").forEach(function (li) {
      if (s[li.dataset.step]) { li.classList.add("done"); done++; } else if (!first) first = li.querySelector("a");
      li.querySelectorAll("a").forEach(function (a) { a.addEventListener("click", function () { follow(id); }); });
    });
    var out = art.querySelector(".path-done");
    if (out && done) { out.hidden = false; out.textContent = t("read", { done: done, count: n }); }
    var cont = art.querySelector(".path-continue");
    if (cont && done && first) {
      var a = doc.createElement("a");
      a.href = first.href; a.textContent = first.textContent;
      a.addEventListener("click", function () { follow(id); });
      cont.textContent = t("continue");
      cont.appendChild(a);
      cont.hidden = false;
    }
  });
  // The home page offers each path begun and not finished, at its next step.
  var resume = doc.querySelector(".continue");
  if (resume) {
    doc.querySelectorAll(".card[data-path]").forEach(function (c) {
      var id = c.dataset.path, n = +c.dataset.steps, done = Object.keys(pathState(id)).length;
      if (!done || done >= n) return;
      var next = store("path-next:" + id) || {}, link = c.querySelector("a");
      var li = card(sameSite(next.href) ? next.href : link.href, link.querySelector(".card-title").textContent,
        tn("steps_read", n, { done: done }), next.title ? t("next", { title: next.title }) : "");
      li.querySelector("a").addEventListener("click", function () { follow(id); });
      resume.querySelector("ul").appendChild(li);
      resume.hidden = false;
    });
  }

  // Responsibility matrix: filter by kind and stage (rows, stage groups)
  // and by involvement letter (a cell of an unchecked letter is blanked,
  // keeping the columns in place).
  var filters = doc.querySelector(".matrix-filters");
  if (filters) {
    filters.hidden = false;
    var checked = function (name) {
      var on = {};
      filters.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { on[i.value] = i.checked; });
      return on;
    };
    filters.addEventListener("change", function () {
      var kinds = checked("kind"), stages = checked("stage"), letters = checked("letter");
      doc.querySelectorAll(".matrix tr[data-kind]").forEach(function (tr) { tr.hidden = !kinds[tr.dataset.kind]; });
      doc.querySelectorAll(".matrix tbody[data-stage]").forEach(function (tb) { tb.hidden = !stages[tb.dataset.stage]; });
      doc.querySelectorAll(".matrix td[data-letter]").forEach(function (td) { td.classList.toggle("off", !letters[td.dataset.letter]); });
    });
  }

  // Diagrams: Mermaid (loaded only on a page with one) draws each
  // ```mermaid block in the scheme the reader sees, and again when it
  // changes; without it the block's source stays as written.
  var diagrams = doc.querySelectorAll("pre.mermaid");
  if (diagrams.length && window.mermaid) {
    diagrams.forEach(function (pre) { pre.dataset.source = pre.textContent; });
    var scheme = window.matchMedia ? matchMedia("(prefers-color-scheme: dark)") : null;
    var draw = function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark" : !!(scheme && scheme.matches);
      diagrams.forEach(function (pre) { pre.removeAttribute("data-processed"); pre.textContent = pre.dataset.source; });
      window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
      window.mermaid.run({ nodes: diagrams, suppressErrors: true });
    };
    draw();
    new MutationObserver(draw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
    if (scheme && scheme.addEventListener) scheme.addEventListener("change", draw);
  }

  // Glossary terms: CSS shows a term's definition on hover and focus; here
  // a tap (touch has no hover) shows it before a second tap follows the
  // link, Escape hides it until the pointer or focus leaves, and a tip
  // that would run off the right edge moves left.
  var terms = doc.querySelectorAll(".term");
  if (terms.length) {
    var touched = false;
    var place = function (term) {
      var tip = term.querySelector(".term-tip");
      if (!tip) return;
      tip.style.removeProperty("--tip-shift");
      var over = tip.getBoundingClientRect().right - (root.clientWidth - 8);
      if (over > 0) tip.style.setProperty("--tip-shift", -over + "px");
    };
    var closeAll = function (except) {
      terms.forEach(function (t) { if (t !== except) t.classList.remove("open"); });
    };
    terms.forEach(function (term) {
      var link = term.querySelector(".term-link");
      term.addEventListener("pointerdown", function (e) { touched = e.pointerType === "touch" || e.pointerType === "pen"; });
      term.addEventListener("mouseenter", function () { term.classList.remove("closed"); place(term); });
      term.addEventListener("mouseleave", function () { term.classList.remove("closed"); });
      term.addEventListener("focusin", function () { term.classList.remove("closed"); place(term); });
      // A tap keeps it open until a tap elsewhere: a tap on the definition
      // takes focus from the link, and must not hide it before its click.
      term.addEventListener("focusout", function () { term.classList.remove("closed"); });
      // On a phone the definition lies along the screen's foot, where it
      // may cover the term (a browser shows it on the tap's emulated hover,
      // before the click): a tap on it opens it, a second follows the link.
      var tipEl = term.querySelector(".term-tip");
      var open = function () {
        closeAll(term);
        term.classList.remove("closed");
        term.classList.add("open");
        place(term);
      };
      if (link && tipEl) tipEl.addEventListener("click", function () {
        if (term.classList.contains("open")) location.href = link.href; else open();
      });
      if (link) link.addEventListener("click", function (e) {
        if (!touched || term.classList.contains("open")) return;
        e.preventDefault();
        open();
      });
    });
    doc.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      terms.forEach(function (t) { if (t.classList.contains("open") || t.matches(":hover, :focus-within")) { t.classList.remove("open"); t.classList.add("closed"); } });
    });
    doc.addEventListener("pointerdown", function (e) { if (!e.target.closest || !e.target.closest(".term")) closeAll(null); });
  }

  var printButton = doc.querySelector(".print-button");
  if (printButton) { printButton.hidden = false; printButton.addEventListener("click", function () { window.print(); }); }
  // A part printed alone names itself in the title, which is the name a
  // browser gives the PDF.
  var printTitle = doc.title;
  var titlePart = function () {
    var part = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    doc.title = part && part.classList.contains("print-part") ? part.dataset.title : printTitle;
  };
  if (printButton) { titlePart(); window.addEventListener("hashchange", titlePart); }
})();
