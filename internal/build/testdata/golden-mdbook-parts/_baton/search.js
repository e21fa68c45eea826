// baton's search: small, no dependencies. The index is built by baton into
// _baton/search/ (see internal/search) as scripts that call batonSearch.meta,
// .shard and .doc, so it loads with script tags and works from file:// too.
// A query loads the meta, one shard per word (and, for the word being
// typed, the shards its prefix needs), each with the small shards that
// share its file, and the small file of each result shown (four
// documents' records to a file).
(function () {
  "use strict";
  var doc = document, html = doc.documentElement;

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
  var base = (html.getAttribute("data-root") || "./") + "_baton/search/";
  var fileMode = location.protocol === "file:";

  // ---- Loading the index -------------------------------------------------
  var meta = null, metaLoad = null, split = {}, stops = {}, partOf = {}, elide = {}, snowball = null;
  var shards = {}, stemMaps = {}, docs = {}, loads = {}, fileOf = {}, fileBytes = {};

  function script(path) {
    if (!loads[path]) {
      loads[path] = new Promise(function (resolve) {
        var s = doc.createElement("script");
        s.src = base + path + (meta ? "?v=" + meta.version : "");
        s.async = true;
        s.onload = s.onerror = function () { s.remove(); resolve(); };
        doc.head.appendChild(s);
      });
    }
    return loads[path];
  }
  // The meta, and the stemmer of the site's language when it has one
  // (internal/search, language.go): an English site loads no stemmer.
  function loadMeta() {
    if (!metaLoad) {
      metaLoad = (fileMode ? script("index.js") : fetchMeta()).then(function () {
        if (meta && meta.stemmer) return script("stem/" + meta.stemmer + ".js");
      });
    }
    return metaLoad;
  }
  // Over http(s) the meta is asked for on every page, revalidated (a 304
  // while it has not changed): a copy from the browser's cache would name
  // the last deploy's files and miss the new words. Where fetch is refused
  // (a Content-Security-Policy), the script tag as from the file system.
  function fetchMeta() {
    return fetch(base + "index.js", { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("index.js: " + r.status);
      return r.text();
    }).then(function (t) {
      window.batonSearch.meta(JSON.parse(t.slice(t.indexOf("(") + 1, t.lastIndexOf(")"))));
    }).catch(function () { return script("index.js"); });
  }
  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "_" + hex;
  }
  // Small shards share a file, named after its first shard's key: loading
  // one loads them all (internal/search, pack).
  function shardPath(key) { return "s/" + shardFile(fileOf[key] || key) + ".js"; }
  function loadShard(key) { return script(shardPath(key)); }
  // Documents' display records come DocsPerFile to a file.
  function loadDoc(id) { return script("d/" + Math.floor(id / (meta.docsPerFile || 1)) + ".js"); }

  window.batonSearch = {
    meta: function (m) {
      meta = m;
      // Every shard's key and size, in key order; those that share a
      // file in a list of their own, the file named after the first.
      var sizes = {};
      function add(k, size, file) {
        sizes[k] = size;
        fileOf[k] = file;
        fileBytes[file] = (fileBytes[file] || 0) + size;
        var cs = Array.from(k);
        for (var n = cs.length - 1; n >= m.keyRunes; n--) split[cs.slice(0, n).join("")] = true;
      }
      for (var i = 0; i < m.shards.length; i++) {
        var e = m.shards[i];
        if (typeof e === "string") { add(e, m.shards[++i], e); continue; }
        for (var j = 0; j < e.length; j += 2) add(e[j], e[j + 1], e[0]);
      }
      m.shards = sizes;
      m.stop.forEach(function (w) { stops[w] = true; });
      (m.elide || []).forEach(function (w) { elide[w] = true; });
      // Documents that are parts of another's page: a role's
      // responsibilities (internal/search, parts).
      (m.parts || []).forEach(function (p) { for (var i = 0; i < p[2]; i++) partOf[p[1] + i] = p[0]; });
    },
    shard: function (key, entries) { shards[key] = entries; },
    doc: function (id, d) { docs[id] = d; },
    stemmer: function (f) { snowball = f; },
    stem: stem,
    // The index's meta says how long a word may be: load it before
    // tokenizing.
    load: function () { return loadMeta(); },
    tokenize: function (text) { return tokenize(text, true); },
    search: function (q, n) { return search(q, n || 10); }
  };

  // ---- Words: the twin of internal/search/tokenize.go ---------------------
  var WORD = /[\p{L}\p{Nd}\p{Mn}\p{Mc}]/u, UPPER = /\p{Lu}/u, LOWER = /\p{Ll}/u, DIGIT = /\p{Nd}/u;
  var CHUNK = /[\p{L}\p{Nd}\p{Mn}\p{Mc}'_-]+/gu;
  // Scripts written without spaces: a run of them is its pairs of characters.
  var SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\u30fc]/u;

  function tokenize(text, whole) {
    var out = [];
    (normalize(text).match(CHUNK) || []).forEach(function (c) { splitChunk(Array.from(c), out, whole); });
    return out;
  }
  function normalize(text) { return text.replace(/[\u2019\u2018\u02bc\u201b]/g, "'"); }
  // The index's meta gives the word lengths it keeps (internal/search).
  function keep(w) { var n = Array.from(w).length; return n >= meta.words[0] && n <= meta.words[1]; }
  function splitChunk(rs, out, whole) {
    var parts = [], start = -1;
    function flush(end) {
      if (start < 0) return;
      var p = rs.slice(start, end).join("").replace(/^'+|'+$/g, "");
      if (p) parts.push(p.toLowerCase().replace(/ς/g, "σ"));
      start = -1;
    }
    for (var k = 0; k < rs.length; k++) {
      var r = rs[k];
      if (r === "-" || r === "_") { flush(k); continue; }
      if (r === "'") {
        if (start < 0 || k + 1 >= rs.length || !WORD.test(rs[k + 1])) flush(k);
        continue;
      }
      if (start >= 0 && k > start && UPPER.test(r)) {
        var prev = rs[k - 1], next = k + 1 < rs.length ? rs[k + 1] : "";
        if (LOWER.test(prev) || DIGIT.test(prev) || (UPPER.test(prev) && next !== "" && LOWER.test(next))) flush(k);
      }
      if (start < 0) start = k;
    }
    flush(rs.length);
    var spaceless = false;
    parts.forEach(function (p) {
      if (!SPACELESS.test(p)) { if (keep(p)) out.push(p); return; }
      spaceless = true;
      spacelessTerms(Array.from(p), out);
    });
    if (whole && parts.length > 1 && !spaceless) {
      var w = parts.join("").replace(/'/g, "");
      if (keep(w)) out.push(w);
    }
  }

  // The terms of a part with characters of a script written without
  // spaces: each run of them as its overlapping pairs (one alone as
  // itself), the rest as words.
  function spacelessTerms(rs, out) {
    for (var i = 0; i < rs.length;) {
      var s = SPACELESS.test(rs[i]), j = i + 1;
      while (j < rs.length && SPACELESS.test(rs[j]) === s) j++;
      var run = rs.slice(i, j);
      if (!s) { var w = run.join(""); if (keep(w)) out.push(w); }
      else if (run.length === 1) out.push(run[0]);
      else for (var k = 0; k + 1 < run.length; k++) out.push(run[k] + run[k + 1]);
      i = j;
    }
  }

  // ---- Stemming: the twin of stemmer.stem in internal/search/language.go --
  // English is Porter2 (stemEnglish, below); other languages are Snowball's
  // stemmer when the site has one (loaded with the meta), and their stems'
  // Latin letters lose their accents.
  var LATIN = /\p{Script=Latin}/gu, LATIN_WORD = /^[\p{Script=Latin}']+$/u, MARK = /\p{M}/gu;
  function stem(word) {
    if (!meta || !meta.fold) return stemEnglish(word);
    word = unelided(word);
    if (snowball && LATIN_WORD.test(word)) word = snowball(word);
    return fold(word);
  }
  // unelided drops an elided article or preposition (l'équipe).
  function unelided(w) {
    var q = w.indexOf("'");
    return q > 0 && q < w.length - 1 && elide[w.slice(0, q)] ? w.slice(q + 1) : w;
  }
  // fold takes the accents off Latin letters, as language.go's fold does.
  function fold(w) {
    return w.replace(LATIN, function (c) { return c.normalize("NFD").replace(MARK, ""); });
  }
  // bare is a word as the word being typed is matched, as a prefix: where
  // stems are folded (shard keys are stems' prefixes), without its accents
  // and elision, so "ubersi" finds "Übersicht" and "equi" "l'équipe" while
  // they are typed.
  function bare(w) { return meta && meta.fold ? fold(unelided(w)) : w; }

  // ---- Porter2 English stemmer, as github.com/kljensen/snowball does it ---
  var SPECIAL = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes", inning: "inning", innings: "inning",
    outing: "outing", outings: "outing", canning: "canning", cannings: "canning", herring: "herring",
    herrings: "herring", earring: "earring", earrings: "earring", proceed: "proceed", proceeds: "proceed",
    proceeded: "proceed", proceeding: "proceed", exceed: "exceed", exceeds: "exceed", exceeded: "exceed",
    exceeding: "exceed", succeed: "succeed", succeeds: "succeed", succeeded: "succeed", succeeding: "succeed"
  };
  var STEP2 = ["ational", "fulness", "iveness", "ization", "ousness", "biliti", "lessli", "tional", "alism",
    "aliti", "ation", "entli", "fulli", "iviti", "ousli", "anci", "abli", "alli", "ator", "enci", "izer",
    "bli", "ogi", "li"];
  var STEP2R = { tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
    ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al",
    fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble",
    fulli: "ful", lessli: "less" };
  var STEP3 = ["ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"];
  var STEP3R = { ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "" };
  var STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ent", "ant", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic"];

  function vowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }

  // ---- British spellings folded to American: internal/search/spelling.go --
  var SPELLING = {
    programme: "program", programmes: "programs",
    grey: "gray", greys: "grays", greyed: "grayed", greying: "graying",
    judgement: "judgment", judgements: "judgments",
    acknowledgement: "acknowledgment", acknowledgements: "acknowledgments",
    ageing: "aging", skilful: "skillful", skilfully: "skillfully", wilful: "willful", wilfully: "willfully",
    sceptic: "skeptic", sceptics: "skeptics", sceptical: "skeptical", sceptically: "skeptically", scepticism: "skepticism",
    artefact: "artifact", artefacts: "artifacts", aluminium: "aluminum",
    manoeuvre: "maneuver", manoeuvres: "maneuvers", manoeuvred: "maneuvered", manoeuvring: "maneuvering",
    practise: "practice", practises: "practices", practised: "practiced", practising: "practicing",
    enrol: "enroll", enrols: "enrolls", enrolment: "enrollment", enrolments: "enrollments",
    fulfil: "fulfill", fulfils: "fulfills", fulfilment: "fulfillment",
    instalment: "installment", instalments: "installments", counsellor: "counselor", counsellors: "counselors",
    jewellery: "jewelry", mould: "mold", moulds: "molds", moulded: "molded", moulding: "molding", mouldy: "moldy",
    plough: "plow", ploughs: "plows", ploughed: "plowed", ploughing: "plowing",
    centred: "centered", centring: "centering",
    fibre: "fiber", fibres: "fibers", calibre: "caliber", calibres: "calibers", sabre: "saber", sabres: "sabers",
    sombre: "somber", meagre: "meager",
    odour: "odor", odours: "odors", odourless: "odorless", vapour: "vapor", vapours: "vapors"
  };
  var ISE_ENDINGS = ["ational", "ations", "ements", "ation", "ement", "ingly", "able", "ably", "ance", "ant", "ers", "ing",
    "er", "es", "ed", "e"];
  var ISE_KEPT = set(["advertise", "expertise", "chastise", "mortise", "treatise", "paradise", "merchandise", "anise",
    "cerise", "valise"]);
  var ISE_KEPT_ENDS = ["wise", "advise", "devise", "revise", "supervise", "improvise", "televise", "ruise", "guise",
    "aise", "oise", "chise", "pise", "romise", "premise", "demise", "chemise", "rmise"];
  var OUR_ENDINGS = set(["ably", "able", "ally", "fully", "ful", "hoods", "hood", "lessness", "less", "ites", "ite", "itism",
    "ists", "ist", "ism", "ations", "ation", "liness", "ly", "ies", "ier", "iest", "ers", "er", "ings", "ing", "ed", "al", "s", "y", ""]);
  var OUR_KEPT = ["hour", "four", "tour", "pour", "sour", "your", "flour", "scour", "jour"];
  var OUR_KEPT_WORDS = set(["devour", "amour", "paramour", "glamour", "velour", "tambour", "troubadour", "pompadour", "parkour"]);
  var OGUE_ROOTS = ["catalog", "dialog", "analog", "prolog", "epilog", "monolog", "travelog", "homolog"];
  var TRE_KEPT = set(["entre", "contre", "notre", "autre", "quatre"]);
  var ENCE_ROOTS = [["licenc", "licens"], ["defenc", "defens"], ["offenc", "offens"], ["pretenc", "pretens"]];

  function set(list) { var m = Object.create(null); list.forEach(function (w) { m[w] = true; }); return m; }
  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u"; }
  function iseKept(base) {
    if (ISE_KEPT[base]) return true;
    for (var i = 0; i < ISE_KEPT_ENDS.length; i++) if (base.endsWith(ISE_KEPT_ENDS[i])) return true;
    var n = base.length;
    if (base.endsWith("cise")) return n < 5 || (base[n - 5] !== "i" && base[n - 5] !== "a");
    return base.endsWith("rise") && n > 4 && !isVowel(base[n - 5]);
  }
  function american(w) {
    var q = w.indexOf("'");
    if (q > 0 && /^'(s'?)?$/.test(w.slice(q))) return american(w.slice(0, q)) + w.slice(q);
    if (Object.prototype.hasOwnProperty.call(SPELLING, w)) return SPELLING[w];
    if (w.length < 5) return w;
    var i, root, end;
    for (i = 0; i < ENCE_ROOTS.length; i++) if (w.indexOf(ENCE_ROOTS[i][0]) >= 0) return w.replace(ENCE_ROOTS[i][0], ENCE_ROOTS[i][1]);
    for (i = 0; i < ISE_ENDINGS.length; i++) {
      end = "is" + ISE_ENDINGS[i];
      if (w.endsWith(end)) {
        root = w.slice(0, w.length - end.length);
        if (root.length >= 3 && !iseKept(root + "ise")) return root + "iz" + ISE_ENDINGS[i];
        break;
      }
    }
    var yse = ["ers", "ing", "er", "es", "ed", "e"];
    for (i = 0; i < yse.length; i++) {
      end = "lys" + yse[i];
      if (w.endsWith(end)) {
        root = w.slice(0, w.length - end.length);
        if (root.length >= 2) return root + "lyz" + yse[i];
        break;
      }
    }
    var at = w.lastIndexOf("our");
    if (at >= 3 && OUR_ENDINGS[w.slice(at + 3)]) {
      var base = w.slice(0, at + 3), kept = !!OUR_KEPT_WORDS[base];
      OUR_KEPT.forEach(function (k) { kept = kept || base.endsWith(k); });
      if (!kept) return w.slice(0, at) + "or" + w.slice(at + 3);
    }
    var tre = ["tres", "tre"];
    for (i = 0; i < tre.length; i++) {
      if (w.endsWith(tre[i])) {
        root = w.slice(0, w.length - tre[i].length);
        if (root.length >= 2 && !TRE_KEPT[root + "tre"]) return root + "ter" + tre[i].slice(3);
      }
    }
    for (i = 0; i < OGUE_ROOTS.length; i++) {
      if (w.startsWith(OGUE_ROOTS[i] + "u")) {
        var rest = w.slice(OGUE_ROOTS[i].length + 1);
        if (rest === "e") return OGUE_ROOTS[i];
        if (rest === "es") return OGUE_ROOTS[i] + "s";
        if (rest === "ed" || rest === "ing") return OGUE_ROOTS[i] + rest;
      }
    }
    return w;
  }

  function stemEnglish(word) {
    if (!/^[a-z']+$/.test(word) || word.length <= 2) return word;
    word = american(word);
    if (Object.prototype.hasOwnProperty.call(SPECIAL, word)) return SPECIAL[word];
    var s = word.replace(/^'+/, ""), r1, r2, i;
    var cs = s.split("");
    for (i = 0; i < cs.length; i++) if (cs[i] === "y" && (i === 0 || vowel(cs[i - 1]))) cs[i] = "Y";
    s = cs.join("");
    function vnv(start) {
      for (var j = start + 1; j < s.length; j++) if (vowel(s[j - 1]) && !vowel(s[j])) return j + 1;
      return s.length;
    }
    var sp = /^(gener|commun|arsen)/.exec(s);
    r1 = sp ? sp[1].length : vnv(0);
    r2 = vnv(r1);
    function set(t) { s = t; r1 = Math.min(r1, s.length); r2 = Math.min(r2, s.length); }
    function first(list) {
      for (var k = 0; k < list.length; k++) if (s.endsWith(list[k])) return list[k];
      return "";
    }
    function cut(n) { set(s.slice(0, s.length - n)); }
    function shortSyllable(at) {
      if (at === 2) return vowel(s[0]) && !vowel(s[1]);
      if (at >= 3) {
        var a = s[at - 1], b = s[at - 2], c = s[at - 3];
        return !vowel(a) && a !== "w" && a !== "x" && a !== "Y" && vowel(b) && !vowel(c);
      }
      return false;
    }
    // Step 0
    var suf = first(["'s'", "'s", "'"]);
    if (suf) cut(suf.length);
    // Step 1a
    suf = first(["sses", "ied", "ies", "us", "ss", "s"]);
    if (suf === "sses") set(s.slice(0, -4) + "ss");
    else if (suf === "ied" || suf === "ies") set(s.slice(0, -3) + (s.length > 4 ? "i" : "ie"));
    else if (suf === "s") {
      for (i = 0; i < s.length - 2; i++) if (vowel(s[i])) { cut(1); break; }
    }
    // Step 1b
    suf = first(["eedly", "ingly", "edly", "ing", "eed", "ed"]);
    if (suf === "eed" || suf === "eedly") {
      if (suf.length <= s.length - r1) set(s.slice(0, -suf.length) + "ee");
    } else if (suf) {
      var has = false;
      for (i = 0; i < s.length - suf.length; i++) if (vowel(s[i])) { has = true; break; }
      if (has) {
        var o1 = r1, o2 = r2, shortened = false;
        cut(suf.length);
        var ns = first(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
        if (ns === "") {
          if (r1 >= s.length && shortSyllable(s.length)) { s += "e"; r1 = r2 = s.length; shortened = true; }
        } else if (ns === "at" || ns === "bl" || ns === "iz") set(s + "e");
        else cut(1);
        if (!shortened) { r1 = Math.min(o1, s.length); r2 = Math.min(o2, s.length); }
      }
    }
    // Step 1c
    var n = s.length;
    if (n > 2 && (s[n - 1] === "y" || s[n - 1] === "Y") && !vowel(s[n - 2])) s = s.slice(0, -1) + "i";
    // Step 2
    suf = first(STEP2);
    if (suf && suf.length <= s.length - r1) {
      n = s.length;
      if (suf === "li") { if (n >= 3 && "cdeghkmnrt".indexOf(s[n - 3]) >= 0) cut(2); }
      else if (suf === "ogi") { if (n >= 4 && s[n - 4] === "l") set(s.slice(0, -3) + "og"); }
      else set(s.slice(0, -suf.length) + STEP2R[suf]);
    }
    // Step 3
    suf = first(STEP3);
    if (suf && suf.length <= s.length - r1) {
      if (suf === "ative") { if (s.length - r2 >= 5) cut(5); }
      else set(s.slice(0, -suf.length) + STEP3R[suf]);
    }
    // Step 4
    suf = first(STEP4);
    if (suf && suf.length <= s.length - r2) {
      n = s.length;
      if (suf !== "ion") cut(suf.length);
      else if (n >= 4 && (s[n - 4] === "s" || s[n - 4] === "t")) cut(3);
    }
    // Step 5
    var last = s.length - 1;
    if (r1 <= last) {
      if (s[last] === "e") { if (r2 <= last || !shortSyllable(last)) cut(1); }
      else if (r2 <= last && s[last] === "l" && last >= 1 && s[last - 1] === "l") cut(1);
    }
    return s.replace(/Y/g, "y");
  }

  // ---- Querying ------------------------------------------------------------
  var FIELD = [100, 30, 10, 1], EXACT = 1, STEMMED = 0.7, PREFIX = 0.5, TYPO = 0.3;
  var PREFIX_BYTES = 100 * 1024, PREFIX_VARIANTS = 200;
  // A word of TYPO_RUNES letters or more that finds nothing is looked for
  // with one letter wrong, missing, extra or swapped, in at most
  // TYPO_BYTES of shards beyond those already loaded (docs/performance.md).
  var TYPO_RUNES = 5, TYPO_BYTES = 64 * 1024;

  function route(s) {
    var cs = Array.from(s);
    // A term of a script without spaces is in the bucket of its first
    // character (internal/search, Index.group).
    if (SPACELESS.test(cs[0])) return "~" + (cs[0].codePointAt(0) % meta.buckets).toString(16);
    var n = Math.min(meta.keyRunes, cs.length), k = cs.slice(0, n).join("");
    while (split[k] && cs.length > n) { n++; k = cs.slice(0, n).join(""); }
    return k;
  }
  // prefixKeys are the shards that may hold a word starting with w: those
  // whose key is a prefix of w, and those under w when they are not too big.
  function prefixKeys(w) {
    if (SPACELESS.test(Array.from(w)[0])) return [route(w)];
    var up = [], down = [], size = 0;
    Object.keys(meta.shards).forEach(function (k) {
      if (w.startsWith(k)) up.push(k);
      else if (k.startsWith(w)) { down.push(k); size += meta.shards[k]; }
    });
    return size <= PREFIX_BYTES ? up.concat(down) : up;
  }
  // near says whether a and b are at most one edit apart: a letter
  // changed, added or dropped, or two neighbours swapped.
  function near(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
    if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  // typoKeys are the shards that may hold a word one edit from w: those
  // whose key is one edit from a prefix of w. Keys are stems' prefixes, so
  // the shard that holds w's own stem holds every word that differs only
  // after its key; the others are taken by the most letters they share
  // with w (a longer key is the surer), smallest first, up to TYPO_BYTES
  // of files: a shard in a file already loaded or taken comes free.
  function typoKeys(w) {
    var found = [];
    Object.keys(meta.shards).forEach(function (k) {
      if (k[0] === "~") return;
      var i = 0;
      while (i < k.length && i < w.length && k[i] === w[i]) i++;
      if (i < k.length && !(w.startsWith(k.slice(i + 1), i + 1) || w.startsWith(k.slice(i + 1), i) ||
          w.startsWith(k.slice(i), i + 1) || (k[i] === w[i + 1] && k[i + 1] === w[i] && w.startsWith(k.slice(i + 2), i + 2)))) return;
      found.push({ key: k, shared: i, size: meta.shards[k] });
    });
    found.sort(function (a, b) {
      return (b.shared - a.shared) || (b.key.length - a.key.length) || (a.size - b.size) || (a.key < b.key ? -1 : 1);
    });
    var keys = [], size = 0, taken = {};
    found.forEach(function (f) {
      var file = fileOf[f.key], n = fileBytes[file];
      if (loads[shardPath(f.key)] || taken[file]) keys.push(f.key);
      else if (size + n <= TYPO_BYTES) { size += n; taken[file] = true; keys.push(f.key); }
    });
    return keys;
  }
  function entries(key) {
    if (!stemMaps[key]) {
      var m = {};
      (shards[key] || []).forEach(function (e) { m[e[0]] = e[1]; });
      stemMaps[key] = m;
    }
    return stemMaps[key];
  }

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", VAL = {};
  for (var d = 0; d < 64; d++) VAL[DIGITS[d]] = d;
  function postings(str, each) {
    var vals = [], v = 0, mul = 1;
    for (var i = 0; i < str.length; i++) {
      var c = VAL[str[i]];
      v += (c & 31) * mul;
      if (c & 32) { mul *= 32; continue; }
      vals.push(v); v = 0; mul = 1;
      if (vals.length === 3) { each(vals[0], vals[1], vals[2]); vals = []; }
    }
  }
  function weight(code) {
    var field = code & 3, tf = code >> 2;
    return FIELD[field] + (field === 3 ? tf * 0.3 : tf * 0.5);
  }

  function parse(q) {
    var words = [], seen = {};
    tokenize(q, false).forEach(function (w) { if (!seen[w]) { seen[w] = true; words.push(w); } });
    var typing = words.length > 0 && !/[\s"]$/.test(q);
    var allStop = words.every(function (w) { return stops[w]; });
    return words.map(function (w, i) {
      var last = typing && i === words.length - 1;
      return { word: w, bare: bare(w), stem: stem(w), prefix: last, required: !stops[w] || allStop, hits: {} };
    });
  }

  // run finds the documents that have every required term, best first: by
  // score, then in site order; and groups them by page, so a page is one
  // result however many of its sections and parts match.
  function run(terms) {
    var N = meta.docs, byDoc = {}, need = 0;
    terms.forEach(function (t) {
      if (t.required) need++;
      var best = {}, count = 0;
      function add(str, factor, variant) {
        var id = 0;
        t.hits[variant] = true;
        postings(str, function (delta, code, sec) {
          id += delta;
          var sc = weight(code) * factor, b = best[id];
          if (!b) { best[id] = { score: sc, sec: sec }; count++; }
          else if (sc > b.score) { b.score = sc; b.sec = sec; }
        });
      }
      var vs = entries(route(t.stem))[t.stem];
      if (vs) for (var i = 0; i < vs.length; i += 2) add(vs[i + 1], vs[i] === t.word ? EXACT : STEMMED, vs[i]);
      if (t.typo) {
        var nt = 0;
        t.typo.forEach(function (k) {
          var m = entries(k);
          Object.keys(m).forEach(function (s) {
            var vs = m[s], close = s.length >= TYPO_RUNES - 1 && near(s, t.stem);
            for (var i = 0; i < vs.length && nt < PREFIX_VARIANTS; i += 2) {
              if (!t.hits[vs[i]] && !stops[vs[i]] && (close || near(vs[i], t.word))) { nt++; add(vs[i + 1], TYPO, vs[i]); }
            }
          });
        });
      }
      if (t.prefix) {
        var n = 0;
        t.keys.forEach(function (k) {
          var m = entries(k);
          Object.keys(m).forEach(function (s) {
            if (s === t.stem) return;
            var vs = m[s];
            for (var i = 0; i < vs.length && n < PREFIX_VARIANTS; i += 2) {
              if (vs[i] !== t.word && bare(vs[i]).startsWith(t.bare) && !stops[vs[i]]) { n++; add(vs[i + 1], PREFIX, vs[i]); }
            }
          });
        });
      }
      var idf = 1 + Math.log(1 + N / Math.max(count, 1)) / Math.log(1 + N);
      Object.keys(best).forEach(function (k) {
        var id = +k, b = best[k], r = byDoc[id];
        if (!r) r = byDoc[id] = { id: id, score: 0, matched: 0, secs: {} };
        r.score += b.score * idf;
        if (t.required) r.matched++;
        r.secs[b.sec] = (r.secs[b.sec] || 0) + b.score;
      });
    });
    // Every word is required, but stop words when there are others.
    var list = Object.keys(byDoc).map(function (k) { return byDoc[k]; })
      .filter(function (r) { return r.matched === need; });
    list.sort(function (a, b) { return (b.score - a.score) || (a.id - b.id); });
    list.forEach(function (r) {
      var best = 0, sc = -1;
      Object.keys(r.secs).forEach(function (s) {
        var v = r.secs[s];
        if (v > sc || (v === sc && +s < best)) { sc = v; best = +s; }
      });
      r.section = best;
    });
    return group(list);
  }

  // group makes one result of each page: its best document (the page, or
  // one of its parts) with the other matches in the page under it, as
  // .more, best first: its other sections and its other parts.
  function group(list) {
    var heads = {}, out = [];
    list.forEach(function (r) {
      var page = partOf[r.id] !== undefined ? partOf[r.id] : r.id, head = heads[page];
      if (!head) {
        heads[page] = r;
        r.more = [];
        out.push(r);
      } else head.more.push({ id: r.id, sec: r.section, score: r.score });
    });
    out.forEach(function (r) {
      Object.keys(r.secs).forEach(function (s) {
        if (+s !== r.section && +s > 0) r.more.push({ id: r.id, sec: +s, score: r.secs[s] });
      });
      r.more.sort(function (a, b) { return (b.score - a.score) || (a.id - b.id) || (a.sec - b.sec); });
    });
    return out;
  }

  // search answers a query with its first n results, their documents loaded.
  function search(q, n) {
    return loadMeta().then(function () {
      if (!meta) return { error: true, results: [], total: 0 };
      var terms = parse(q);
      if (!terms.length) return { results: [], total: 0, terms: terms };
      var keys = {};
      terms.forEach(function (t) {
        keys[route(t.stem)] = true;
        t.keys = t.prefix ? prefixKeys(t.bare) : [];
        t.keys.forEach(function (k) { keys[k] = true; });
      });
      var want = Object.keys(keys).filter(function (k) { return k in meta.shards; });
      return Promise.all(want.map(loadShard)).then(function () {
        var list = run(terms);
        // A long word that found nothing may be mistyped: look again for
        // it one edit away, ranked below every exact, stemmed and prefix
        // match.
        var missed = terms.filter(function (t) {
          return !Object.keys(t.hits).length && !stops[t.word] && Array.from(t.word).length >= TYPO_RUNES && !SPACELESS.test(t.word);
        });
        if (!missed.length) return list;
        var more = {};
        missed.forEach(function (t) {
          t.typo = typoKeys(t.word);
          t.typo.forEach(function (k) { more[k] = true; });
        });
        return Promise.all(Object.keys(more).map(loadShard)).then(function () {
          terms.forEach(function (t) { t.hits = {}; });
          return run(terms);
        });
      }).then(function (list) {
        return page(list, 0, n).then(function (results) {
          return { results: results, total: list.length, all: list, terms: terms };
        });
      });
    });
  }
  // MORE is how many of a page's other matches a result names.
  var MORE = 3;
  function page(list, from, n) {
    var slice = list.slice(from, from + n), ids = [];
    slice.forEach(function (r) {
      ids.push(r.id);
      r.more.slice(0, MORE).forEach(function (m) { ids.push(m.id); });
    });
    return Promise.all(ids.map(loadDoc)).then(function () {
      return slice.filter(function (r) { return docs[r.id]; }).map(function (r) {
        var d = docs[r.id], sec = d.sections[r.section] || ["", "", ""];
        var more = r.more.slice(0, MORE).filter(function (m) { return docs[m.id]; }).map(function (m) {
          var md = docs[m.id], ms = md.sections[m.sec] || ["", "", ""];
          // Another section of the page is named by its heading, a part
          // by its title.
          return { title: m.id === r.id ? ms[1] : md.title, url: href(md.url, ms[0]) };
        });
        return { id: r.id, doc: d, anchor: sec[0], heading: sec[1], text: sec[2] || firstText(d), url: href(d.url, sec[0]),
          more: more, matches: 1 + r.more.length };
      });
    });
  }
  function firstText(d) {
    for (var i = 0; i < d.sections.length; i++) if (d.sections[i][2]) return d.sections[i][2];
    return "";
  }
  function href(url, anchor) {
    var u = (html.getAttribute("data-root") || "./") + url.replace(/^\//, "");
    if (fileMode && /\/$/.test(u)) u += "index.html";
    return u + (anchor ? "#" + anchor : "");
  }

  // ---- Showing results -----------------------------------------------------
  function matcher(terms) {
    return function (word) {
      return terms.some(function (t) { return t.hits[word] || (t.prefix && bare(word).startsWith(t.bare)); });
    };
  }
  // marked appends text to el with the matching words in <mark>; with
  // around > 0 it shows only a window of that many words around the best
  // cluster of matches.
  function marked(el, text, hit, around) {
    var spans = [], m, re = new RegExp(CHUNK.source, "gu"), norm = normalize(text);
    while ((m = re.exec(norm))) {
      spans.push({ at: m.index, end: m.index + m[0].length, hit: tokenize(m[0], true).some(hit) });
    }
    var from = 0, to = spans.length;
    if (around > 0 && spans.length > around) {
      var bestAt = 0, bestN = -1;
      for (var i = 0; i < spans.length; i++) {
        if (!spans[i].hit && i !== 0) continue;
        var n = 0;
        for (var j = i; j < Math.min(spans.length, i + around); j++) if (spans[j].hit) n++;
        if (n > bestN) { bestN = n; bestAt = i; }
      }
      from = Math.max(0, bestAt - 4);
      to = Math.min(spans.length, from + around);
    }
    var start = from > 0 ? spans[from].at : 0, end = to < spans.length ? spans[to - 1].end : text.length;
    if (from > 0) el.appendChild(doc.createTextNode("… "));
    var pos = start;
    for (var k = from; k < to; k++) {
      if (!spans[k].hit) continue;
      el.appendChild(doc.createTextNode(text.slice(pos, spans[k].at)));
      var mk = doc.createElement("mark");
      mk.textContent = text.slice(spans[k].at, spans[k].end);
      el.appendChild(mk);
      pos = spans[k].end;
    }
    el.appendChild(doc.createTextNode(text.slice(pos, end)));
    if (to < spans.length) el.appendChild(doc.createTextNode(" …"));
  }
  function span(cls) { var s = doc.createElement("span"); s.className = cls; return s; }
  function resultLink(r, hit) {
    var a = doc.createElement("a");
    a.href = r.url;
    var title = span("search-result-title");
    marked(title, r.doc.title, hit, 0);
    a.appendChild(title);
    var where = [r.doc.section, r.heading].filter(Boolean).join(" › ");
    if (where) { var w = span("search-result-where"); w.textContent = where; a.appendChild(w); }
    if (r.text) { var sn = span("search-result-snippet"); marked(sn, r.text, hit, 24); a.appendChild(sn); }
    return a;
  }
  // moreIn says how many other matches a result's page has and names the
  // best of them, as text (in the box, where a result is one option) or
  // as links (on the search page).
  function moreIn(r, el, links) {
    var count = r.matches - 1;
    if (count < 1 || !r.more.length) return false;
    el.appendChild(doc.createTextNode(tn("more_matches", count)));
    r.more.forEach(function (m, i) {
      if (i > 0) el.appendChild(doc.createTextNode(" · "));
      if (!links) { el.appendChild(doc.createTextNode(m.title)); return; }
      var a = doc.createElement("a");
      a.href = m.url;
      a.textContent = m.title;
      el.appendChild(a);
    });
    if (count > r.more.length) el.appendChild(doc.createTextNode(" …"));
    return true;
  }
  function fixAction(form) {
    var act = form.getAttribute("action");
    if (fileMode && act && /\/$/.test(act)) form.setAttribute("action", act + "index.html");
  }

  // The box in the header: results as you type, keyboard to move and open.
  function box(form) {
    var input = form.querySelector("input[name=q]");
    var panel = doc.createElement("div"), list = doc.createElement("ul"), foot = doc.createElement("a");
    panel.className = "search-results";
    panel.hidden = true;
    list.id = "baton-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", t("results_label"));
    foot.className = "search-all";
    panel.appendChild(list);
    panel.appendChild(foot);
    form.appendChild(panel);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var active = -1, seq = 0;

    function open(on) {
      panel.hidden = !on;
      input.setAttribute("aria-expanded", String(on));
    }
    function options() { return list.querySelectorAll("[role=option]"); }
    // openActive follows the chosen result, if there is one.
    function openActive() {
      var opts = options();
      if (panel.hidden || active < 0 || !opts[active]) return false;
      location.href = opts[active].querySelector("a").href;
      return true;
    }
    function activate(i) {
      var opts = options();
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", String(k === active)); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function update() {
      var q = input.value, my = ++seq;
      if (!q.trim()) { list.textContent = ""; open(false); return; }
      search(q, 8).then(function (res) {
        if (my !== seq) return;
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
        var hit = matcher(res.terms || []);
        res.results.forEach(function (r, i) {
          var li = doc.createElement("li");
          li.id = "baton-result-" + i;
          li.className = "search-result";
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          var a = resultLink(r, hit), more = span("search-result-parts");
          if (moreIn(r, more, false)) a.appendChild(more);
          a.tabIndex = -1;
          li.appendChild(a);
          list.appendChild(li);
        });
        if (!res.results.length) {
          var li = doc.createElement("li");
          li.className = "search-empty";
          li.textContent = res.error ? t("index_failed") : t("no_results", { query: q.trim() });
          list.appendChild(li);
        }
        foot.textContent = res.total > res.results.length ? t("all_results", { count: res.total }) : t("open_search");
        foot.href = href("/search/", "").replace(/#$/, "") + "?q=" + encodeURIComponent(q.trim());
        foot.hidden = !res.results.length;
        open(true);
      });
    }
    input.addEventListener("input", update);
    // Enter submits the form to the search page, unless a result is chosen.
    form.addEventListener("submit", function (e) { if (openActive()) e.preventDefault(); });
    input.addEventListener("focus", function () { if (input.value.trim() && list.childNodes.length) open(true); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (panel.hidden) { if (input.value.trim()) update(); return; }
        e.preventDefault();
        activate(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter") {
        if (openActive()) e.preventDefault();
      } else if (e.key === "Escape") {
        if (!panel.hidden) { e.preventDefault(); open(false); }
        else if (input.value) { input.value = ""; }
        else input.blur();
      }
    });
    doc.addEventListener("click", function (e) { if (!form.contains(e.target)) open(false); });
    form.addEventListener("focusout", function (e) { if (e.relatedTarget && !form.contains(e.relatedTarget)) open(false); });
    loadMeta(); // warm: the meta is small
    return input;
  }

  // The search page: answers ?q= and updates as the query changes.
  function searchPage(form) {
    var input = form.querySelector("input[name=q]");
    var out = doc.querySelector(".search-page-results"), status = doc.querySelector(".search-status");
    var more = doc.querySelector(".search-more"), seq = 0, state = null;
    var PAGE = 20;
    function show(results) {
      var hit = matcher(state.terms || []);
      results.forEach(function (r) {
        var li = doc.createElement("li");
        li.className = "search-result";
        li.appendChild(resultLink(r, hit));
        var more = doc.createElement("p");
        more.className = "search-result-parts";
        if (moreIn(r, more, true)) li.appendChild(more);
        out.appendChild(li);
      });
      state.shown += results.length;
      more.hidden = state.shown >= state.total;
    }
    function update() {
      var q = input.value.trim(), my = ++seq;
      try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname); } catch (e) {}
      if (!q) { out.textContent = ""; status.textContent = ""; more.hidden = true; return; }
      search(input.value, PAGE).then(function (res) {
        if (my !== seq) return;
        out.textContent = "";
        state = { terms: res.terms, all: res.all || [], total: res.total, shown: 0 };
        status.textContent = res.error ? t("index_failed") :
          res.total === 0 ? t("no_results", { query: q }) : tn("results", res.total, { query: q });
        show(res.results);
      });
    }
    more.addEventListener("click", function () {
      var my = seq;
      page(state.all, state.shown, PAGE).then(function (results) { if (my === seq) show(results); });
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    input.addEventListener("input", update);
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    if (q) update();
    return input;
  }

  var header = doc.querySelector(".search-form"), pageForm = doc.querySelector(".search-page-form");
  doc.querySelectorAll("form[role=search]").forEach(fixAction);
  var headerInput = header ? box(header) : null;
  var pageInput = pageForm ? searchPage(pageForm) : null;
  var focusTarget = pageInput || headerInput;
  if (focusTarget) {
    doc.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if ((e.key === "k" || e.key === "K") && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        focusTarget.focus();
        focusTarget.select();
      } else if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        focusTarget.focus();
        focusTarget.select();
      }
    });
  }
})();
