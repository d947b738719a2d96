// The Snowball stemmers of French and English (snowballstem.org, the
// published algorithm descriptions), written for the browser so that a
// query becomes the terms libstemmer wrote at build time (render/search):
// same rules, same stems. tests/search_stemmers_test.cpp checks
// them word for word against libstemmer. Words come lowercase.
const carnetStemmers = (() => {
  // The longest of `suffixes` that `w` ends with, or "".
  const longest = (w, suffixes) => {
    let best = "";
    for (const s of suffixes) if (s.length > best.length && w.endsWith(s)) best = s;
    return best;
  };

  // ---- English (Porter2) ----
  const enV = "aeiouy";
  const isEnV = (c) => c !== undefined && enV.includes(c);
  const enException1 = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias",
    andes: "andes",
  };
  const enException2 = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed",
    "succeed"];
  // Where the region after the first non-vowel following a vowel starts.
  const enRegion = (w, from) => {
    let i = from;
    while (i < w.length && !isEnV(w[i])) i++;
    while (i < w.length && isEnV(w[i])) i++;
    return Math.min(i + 1, w.length);
  };
  const enShortV = (w) => {
    const n = w.length;
    if (n >= 3 && !isEnV(w[n - 3]) && isEnV(w[n - 2]) && !isEnV(w[n - 1]) &&
        !"wxY".includes(w[n - 1])) return true;
    return n === 2 && isEnV(w[0]) && !isEnV(w[1]);
  };
  const enStep2 = {
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
    ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al",
    alli: "al", fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive",
    biliti: "ble", bli: "ble", ogi: "og", fulli: "ful", lessli: "less", li: "",
  };
  const enStep3 = {
    tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "",
    ness: "", ative: "",
  };
  const enStep4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
    "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion"];

  function english(word) {
    if (Object.hasOwn(enException1, word)) return enException1[word];
    if (word.length < 3) return word;
    let w = word.startsWith("'") ? word.slice(1) : word;
    let chars = [...w];
    for (let i = 0; i < chars.length; i++)
      if (chars[i] === "y" && (i === 0 || isEnV(chars[i - 1]))) chars[i] = "Y";
    w = chars.join("");
    let p1;
    const special = ["gener", "commun", "arsen"].find((p) => w.startsWith(p));
    if (special) p1 = special.length;
    else p1 = enRegion(w, 0);
    const p2 = enRegion(w, p1);
    const done = () => w.replace(/Y/g, "y");

    // Step 0 and 1a.
    let s = longest(w, ["'", "'s", "'s'"]);
    if (s) w = w.slice(0, -s.length);
    s = longest(w, ["sses", "ied", "ies", "s", "us", "ss"]);
    if (s === "sses") w = w.slice(0, -2);
    else if (s === "ied" || s === "ies") w = w.slice(0, -3) + (w.length - 3 > 1 ? "i" : "ie");
    else if (s === "s" && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
    if (enException2.includes(w)) return done();

    // Step 1b.
    s = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (s === "eed" || s === "eedly") {
      if (w.length - s.length >= p1) w = w.slice(0, -s.length) + "ee";
    } else if (s && /[aeiouy]/.test(w.slice(0, -s.length))) {
      w = w.slice(0, -s.length);
      if (["at", "bl", "iz"].some((e) => w.endsWith(e))) w += "e";
      else if (["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].some((e) => w.endsWith(e)))
        w = w.slice(0, -1);
      else if (p1 === w.length && enShortV(w)) w += "e";
    }
    // Step 1c.
    if (w.length > 2 && /[yY]$/.test(w) && !isEnV(w[w.length - 2])) w = w.slice(0, -1) + "i";
    // Step 2.
    s = longest(w, Object.keys(enStep2));
    if (s && w.length - s.length >= p1) {
      const before = w[w.length - s.length - 1];
      if (s === "ogi") {
        if (before === "l") w = w.slice(0, -3) + "og";
      } else if (s === "li") {
        if (before !== undefined && "cdeghkmnrt".includes(before)) w = w.slice(0, -2);
      } else {
        w = w.slice(0, -s.length) + enStep2[s];
      }
    }
    // Step 3.
    s = longest(w, Object.keys(enStep3));
    if (s && w.length - s.length >= p1 && (s !== "ative" || w.length - s.length >= p2))
      w = w.slice(0, -s.length) + enStep3[s];
    // Step 4.
    s = longest(w, enStep4);
    if (s && w.length - s.length >= p2) {
      if (s !== "ion" || /[st]$/.test(w.slice(0, -3))) w = w.slice(0, -s.length);
    }
    // Step 5.
    if (w.endsWith("e")) {
      const at = w.length - 1;
      if (at >= p2 || (at >= p1 && !enShortV(w.slice(0, -1)))) w = w.slice(0, -1);
    } else if (w.endsWith("l")) {
      if (w.length - 1 >= p2 && w[w.length - 2] === "l") w = w.slice(0, -1);
    }
    return done();
  }

  // ---- French ----
  const frV = "aeiouyâàëéêèïîôûù";
  const isFrV = (c) => c !== undefined && frV.includes(c);

  function frPrelude(w) {
    const c = [...w];
    for (let i = 0; i < c.length;) {
      if (isFrV(c[i])) {
        const n = c[i + 1];
        if (n === "u" && isFrV(c[i + 2])) { c[i + 1] = "U"; continue; }
        if (n === "i" && isFrV(c[i + 2])) { c[i + 1] = "I"; continue; }
        if (n === "y") { c[i + 1] = "Y"; continue; }
      }
      if (c[i] === "ë") { c.splice(i, 1, "H", "e"); continue; }
      if (c[i] === "ï") { c.splice(i, 1, "H", "i"); continue; }
      if (c[i] === "y" && isFrV(c[i + 1])) { c[i] = "Y"; continue; }
      if (c[i] === "q" && c[i + 1] === "u") { c[i + 1] = "U"; continue; }
      i++;
    }
    return c.join("");
  }

  const frRegion = (w, from) => {
    let i = from;
    while (i < w.length && !isFrV(w[i])) i++;
    while (i < w.length && isFrV(w[i])) i++;
    return Math.min(i + 1, w.length);
  };

  const frIVerb = ["îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent",
    "irais", "irait", "iras", "irent", "irez", "iriez", "irions", "irons", "iront", "is",
    "issaIent", "issais", "issait", "issant", "issante", "issantes", "issants", "isse",
    "issent", "isses", "issez", "issiez", "issions", "issons", "it"];
  const frVerbDelete = ["é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent",
    "erais", "erait", "eras", "erez", "eriez", "erions", "erons", "eront", "ez", "iez"];
  const frVerbE = ["âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante",
    "antes", "ants", "as", "asse", "assent", "asses", "assiez", "assions"];
  const frStd = {
    a: ["ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables",
      "istes"],
    b: ["atrice", "ateur", "ation", "atrices", "ateurs", "ations"],
    c: ["logie", "logies"], d: ["usion", "ution", "usions", "utions"], e: ["ence", "ences"],
    f: ["ement", "ements"], g: ["ité", "ités"], h: ["if", "ive", "ifs", "ives"], i: ["eaux"],
    j: ["aux"], k: ["euse", "euses"], l: ["issement", "issements"], m: ["amment"],
    n: ["emment"], o: ["ment", "ments"],
  };
  const frStdAll = Object.values(frStd).flat();
  const frGroup = Object.fromEntries(
    Object.entries(frStd).flatMap(([g, list]) => list.map((s) => [s, g])));

  function french(word) {
    let w = frPrelude(word);
    // Regions.
    let pV = w.length;
    if (w.length >= 2 && isFrV(w[0]) && isFrV(w[1])) pV = Math.min(3, w.length);
    else if (/^(par|col|tap)/.test(w)) pV = 3;
    else {
      let i = 1;
      while (i < w.length && !isFrV(w[i])) i++;
      if (i < w.length) pV = i + 1;
    }
    const p1 = frRegion(w, 0), p2 = frRegion(w, p1);
    const at = (s) => w.length - s.length;  // where suffix s starts
    const ends = (s) => w.endsWith(s);
    const cut = (n) => { w = w.slice(0, w.length - n); };
    const put = (n, r) => { w = w.slice(0, w.length - n) + r; };

    // Step 1: standard suffixes. Returns "done", "verb" (go on to step 2 as
    // if nothing were removed) or "" (the suffix's condition failed).
    function standard() {
      const s = longest(w, frStdAll);
      if (!s) return "";
      const start = at(s), n = s.length;
      switch (frGroup[s]) {
        case "a":
          if (start < p2) return "";
          cut(n);
          return "done";
        case "b":
          if (start < p2) return "";
          cut(n);
          if (ends("ic")) { if (at("ic") >= p2) cut(2); else put(2, "iqU"); }
          return "done";
        case "c":
          if (start < p2) return "";
          put(n, "log");
          return "done";
        case "d":
          if (start < p2) return "";
          put(n, "u");
          return "done";
        case "e":
          if (start < p2) return "";
          put(n, "ent");
          return "done";
        case "f":
          if (start < pV) return "";
          cut(n);
          if (ends("iv")) {
            if (at("iv") >= p2) {
              cut(2);
              if (ends("at") && at("at") >= p2) cut(2);
            }
          } else if (ends("eus")) {
            if (at("eus") >= p2) cut(3);
            else if (at("eus") >= p1) put(3, "eux");
          } else if (ends("abl") || ends("iqU")) {
            if (at("abl") >= p2) cut(3);
          } else if (ends("ièr") || ends("Ièr")) {
            if (at("ièr") >= pV) put(3, "i");
          }
          return "done";
        case "g":
          if (start < p2) return "";
          cut(n);
          if (ends("abil")) { if (at("abil") >= p2) cut(4); else put(4, "abl"); }
          else if (ends("ic")) { if (at("ic") >= p2) cut(2); else put(2, "iqU"); }
          else if (ends("iv")) { if (at("iv") >= p2) cut(2); }
          return "done";
        case "h":
          if (start < p2) return "";
          cut(n);
          if (ends("at") && at("at") >= p2) {
            cut(2);
            if (ends("ic")) { if (at("ic") >= p2) cut(2); else put(2, "iqU"); }
          }
          return "done";
        case "i":
          put(n, "eau");
          return "done";
        case "j":
          if (start < p1) return "";
          put(n, "al");
          return "done";
        case "k":
          if (start >= p2) cut(n);
          else if (start >= p1) put(n, "eux");
          else return "";
          return "done";
        case "l":
          if (start < p1 || isFrV(w[start - 1]) || w[start - 1] === undefined) return "";
          cut(n);
          return "done";
        case "m":
          if (start < pV) return "";
          put(n, "ant");
          return "verb";
        case "n":
          if (start < pV) return "";
          put(n, "ent");
          return "verb";
        case "o":
          if (start - 1 < pV || !isFrV(w[start - 1])) return "";
          cut(n);
          return "verb";
      }
      return "";
    }

    // Step 2a: verb suffixes beginning with i, after a non-vowel in RV.
    function iVerb() {
      const s = longest(w.slice(pV), frIVerb);
      if (!s) return false;
      const before = w[at(s) - 1];
      if (at(s) - 1 < pV || before === "H" || isFrV(before)) return false;
      cut(s.length);
      return true;
    }
    // Step 2b: other verb suffixes, in RV.
    function verb() {
      const s = longest(w.slice(pV), ["ions", ...frVerbDelete, ...frVerbE]);
      if (!s) return false;
      if (s === "ions") {
        if (at(s) < p2) return false;
        cut(4);
      } else if (frVerbDelete.includes(s)) {
        cut(s.length);
      } else {
        cut(s.length);
        if (ends("e") && at("e") >= pV) cut(1);
      }
      return true;
    }
    // Step 4: residual suffixes.
    function residual() {
      if (ends("s")) {
        const before = w[w.length - 2];
        if ((before !== undefined && !"aiouès".includes(before)) || w.endsWith("His")) cut(1);
      }
      const s = longest(w.slice(pV), ["ion", "ier", "ière", "Ier", "Ière", "e"]);
      if (s === "ion") {
        if (at(s) >= p2 && at(s) - 1 >= pV && /[st]$/.test(w.slice(0, -3))) cut(3);
      } else if (s === "e") {
        cut(1);
      } else if (s) {
        put(s.length, "i");
      }
    }

    const step1 = standard();
    let altered = step1 === "done";
    if (!altered) altered = iVerb() || verb();
    if (altered) {
      if (ends("Y")) put(1, "i");
      else if (ends("ç")) put(1, "c");
    } else {
      residual();
    }
    // Step 5: undouble.
    if (["enn", "onn", "ett", "ell", "eill"].some((e) => w.endsWith(e))) cut(1);
    // Step 6: un-accent.
    let i = w.length;
    while (i > 0 && !isFrV(w[i - 1])) i--;
    if (i < w.length && i > 0 && (w[i - 1] === "é" || w[i - 1] === "è"))
      w = w.slice(0, i - 1) + "e" + w.slice(i);
    // Postlude.
    return w.replace(/He/g, "ë").replace(/Hi/g, "ï").replace(/H/g, "").replace(/I/g, "i")
      .replace(/U/g, "u").replace(/Y/g, "y");
  }

  return { fr: french, en: english };
})();
