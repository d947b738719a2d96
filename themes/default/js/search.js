// The search box of every page (PRODUCT.md §8): results as the reader types,
// in the page's language, from the index render/search wrote beside the
// site. A query's words become terms exactly as the build made them (NFC,
// lowercase, the Snowball stem of stemmers.js, accents folded); the last
// word also matches as a prefix, since the reader is still typing it. Only
// the manifest, the shards of the query's terms and the chunks of the shown
// documents are fetched, relative to the page, so a site under a sub-path
// needs no server. Without JavaScript the form stays hidden.
(() => {
  const form = document.querySelector("form[role=search][data-search-index]");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const box = form.querySelector("[data-search-results]");
  const stem = carnetStemmers[document.documentElement.lang] || ((w) => w);
  const base = new URL(form.dataset.searchIndex, document.baseURI);
  const root = new URL("../../", base);
  const limit = 10;

  const cache = new Map();
  const load = (path) => {
    if (!cache.has(path))
      cache.set(path, fetch(new URL(path, base)).then((r) => (r.ok ? r.json() : null))
        .catch(() => null));
    return cache.get(path);
  };
  const wordRe = /[\p{L}\p{N}\p{M}]+/gu;
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const term = (w) => fold(stem(w));
  const hex = (s) => [...new TextEncoder().encode(s)]
    .map((b) => b.toString(16).padStart(2, "0")).join("");

  // A term's postings: base64 of LEB128 numbers (7 bits a byte, low bits
  // first, the high bit set on all but a number's last byte), in pairs of
  // (difference from the previous document, weight). Format 2, whose shards
  // are in t2/ (format 1's lists of numbers were in t/).
  const varints = (b64) => {
    const bytes = atob(b64), out = [];
    for (let i = 0, v = 0, scale = 1; i < bytes.length; i++) {
      const b = bytes.charCodeAt(i);
      v += (b & 0x7f) * scale;
      if (b & 0x80) {
        scale *= 128;
      } else {
        out.push(v);
        v = 0;
        scale = 1;
      }
    }
    return out;
  };

  // The shard that holds `t`: the longest prefix of it the manifest lists.
  const shardOf = (shards, t) => {
    const chars = [...t];
    for (let n = chars.length; n > 0; n--) {
      const p = chars.slice(0, n).join("");
      if (shards.has(p)) return p;
    }
    return null;
  };

  // One query word: its term, and (the last word) its folded prefix.
  async function postings(manifest, shards, word, prefix) {
    const t = term(word), f = fold(word);
    const names = new Set([shardOf(shards, t)]);
    if (prefix) {
      names.add(shardOf(shards, f));
      // A short prefix may span shards that were split further.
      for (const p of manifest.shards) if (p.startsWith(f) && names.size < 8) names.add(p);
    }
    const found = new Map();
    const match = (k) => k === t || (prefix && k.startsWith(f));
    for (const name of names) {
      if (name === null) continue;
      const shard = await load("t2/" + hex(name) + ".json");
      if (!shard) continue;
      for (const [k, list] of Object.entries(shard)) {
        if (!match(k)) continue;
        // Documents come as differences from the previous one.
        const n = varints(list);
        for (let i = 0, doc = 0; i < n.length; i += 2) {
          doc += n[i];
          found.set(doc, Math.max(found.get(doc) || 0, n[i + 1]));
        }
      }
    }
    return { t, f, prefix, found };
  }

  // `text` as nodes, the words that match a query word in <mark>; the
  // excerpt starts a little before the first match.
  function marked(text, parts, excerpt) {
    const out = document.createDocumentFragment();
    let last = 0, first = -1;
    const spans = [];
    for (const m of text.matchAll(wordRe)) {
      const w = m[0].toLowerCase();
      const t = term(w), f = fold(w);
      if (parts.some((p) => p.t === t || (p.prefix && f.startsWith(p.f)))) {
        spans.push([m.index, m.index + m[0].length]);
        if (first < 0) first = m.index;
      }
    }
    let start = 0;
    if (excerpt && first > 60) {
      start = text.lastIndexOf(" ", first - 40) + 1;
      out.append("… ");
    }
    const end = excerpt ? Math.min(text.length, start + 200) : text.length;
    last = start;
    for (const [a, b] of spans) {
      if (a < start || b > end) continue;
      out.append(text.slice(last, a));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(a, b);
      out.append(mark);
      last = b;
    }
    out.append(text.slice(last, end));
    if (end < text.length) out.append(" …");
    return out;
  }

  let generation = 0;
  async function run() {
    const mine = ++generation;
    const q = input.value.normalize("NFC");
    const all = q.match(wordRe) || [];
    const words = all.map((w) => w.toLowerCase()).filter((w) => [...w].length > 1);
    if (words.length === 0) {
      box.replaceChildren();
      return;
    }
    const manifest = await load("index.json");
    if (!manifest || mine !== generation) return;
    const shards = new Set(manifest.shards);
    const typing = !/\s$/.test(q);
    // Terms too common to index ("de", "the") match every document.
    const common = new Set(manifest.common || []);
    const parts = (await Promise.all(words.map((w, i) =>
      postings(manifest, shards, w, typing && i === words.length - 1))))
      .filter((p) => !(common.has(p.t) && p.found.size === 0));
    if (mine !== generation) return;
    if (parts.length === 0) {
      box.replaceChildren();
      return;
    }
    // Every word must match; rarer terms weigh more.
    let scores = null;
    for (const p of parts) {
      const idf = Math.log(1 + manifest.docs / (p.found.size || 1));
      const next = new Map();
      for (const [doc, w] of p.found)
        if (scores === null || scores.has(doc)) next.set(doc, (scores ? scores.get(doc) : 0) + w * idf);
      scores = next;
    }
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    const docs = await Promise.all(best.map(async ([doc]) => {
      const chunk = await load("d/" + Math.floor(doc / manifest.chunk) + ".json");
      return chunk && chunk[doc % manifest.chunk];
    }));
    if (mine !== generation) return;
    show(docs.filter(Boolean), scores.size, parts);
  }

  function show(docs, count, parts) {
    const status = document.createElement("p");
    status.className = "search-count";
    status.textContent = count === 0 ? box.dataset.none
      : count + " " + (count === 1 ? box.dataset.one : box.dataset.many);
    const list = document.createElement("ul");
    for (const [url, title, context, text] of docs) {
      const a = document.createElement("a");
      a.href = new URL(url, root).href;
      const t = document.createElement("span");
      t.className = "search-title";
      t.append(marked(title, parts, false));
      a.append(t);
      if (context) {
        const c = document.createElement("span");
        c.className = "search-context";
        c.textContent = context;
        a.append(c);
      }
      if (text) {
        const x = document.createElement("span");
        x.className = "search-excerpt";
        x.append(marked(text, parts, true));
        a.append(x);
      }
      const li = document.createElement("li");
      li.append(a);
      list.append(li);
    }
    box.replaceChildren(status, list);
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  const links = () => [...box.querySelectorAll("a")];
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("keydown", (e) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && all.length) {
      e.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    } else if (e.key === "Escape") {
      input.value = "";
      box.replaceChildren();
      input.focus();
    }
  });
  form.hidden = false;
})();
