// The plan page's filter bar (PRODUCT.md §8). The page holds every action and
// a hidden filter bar; this script shows the bar, reads the state from the
// URL query (?status=done&org=SLUG&year=2021-2022&top=ID&late=1), hides the
// actions that do not match and the levels left empty, and says how many
// actions remain. What each action is (status, organisations, years, levels,
// late) is written by Carnet on its row as data-* attributes, from the same
// view as the rest of the page, so nothing is decided twice.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;
  var keys = ["status", "org", "year", "top", "late"];
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-status]"));
  var levels = Array.prototype.slice.call(document.querySelectorAll("section.plan-level[id]"));
  var count = form.querySelector(".filter-count");
  var total = rows.length;

  function field(key) {
    return form.elements.namedItem(key);
  }

  // The state from a query string; a value the bar does not offer is dropped,
  // so that a stale link shows everything rather than nothing.
  function read(search) {
    var params = new URLSearchParams(search);
    var state = {};
    keys.forEach(function (key) {
      var value = params.get(key);
      var input = field(key);
      if (!value || !input) return;
      if (key === "late") {
        if (value === "1") state.late = "1";
        return;
      }
      for (var i = 0; i < input.options.length; i++)
        if (input.options[i].value === value) state[key] = value;
    });
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    keys.forEach(function (key) {
      if (state[key]) params.set(key, state[key]);
    });
    var q = params.toString();
    return q ? "?" + q : "";
  }

  function fromForm() {
    var state = {};
    keys.forEach(function (key) {
      var input = field(key);
      if (!input) return;
      if (key === "late") {
        if (input.checked) state.late = "1";
      } else if (input.value) {
        state[key] = input.value;
      }
    });
    return state;
  }

  function toForm(state) {
    keys.forEach(function (key) {
      var input = field(key);
      if (!input) return;
      if (key === "late") input.checked = state.late === "1";
      else input.value = state[key] || "";
    });
  }

  function has(list, value) {
    return (" " + list + " ").indexOf(" " + value + " ") >= 0;
  }

  function matches(row, state) {
    var d = row.dataset;
    return (
      (!state.status || d.status === state.status) &&
      (!state.org || has(d.org, state.org)) &&
      (!state.year || has(d.year, state.year)) &&
      (!state.top || d.top === state.top) &&
      (!state.late || d.late === "1")
    );
  }

  function apply(state) {
    var shown = 0;
    var open = {};
    rows.forEach(function (row) {
      var ok = matches(row, state);
      row.hidden = !ok;
      if (!ok) return;
      shown++;
      row.dataset.levels.split(" ").forEach(function (id) {
        open[id] = true;
      });
    });
    // A level is shown while one of its actions, or of its sub-levels', is;
    // with no filter every level is shown, those without actions too.
    var filtered = query(state) !== "";
    levels.forEach(function (level) {
      var hide = filtered && !open[level.id];
      level.hidden = hide;
      var entry = document.querySelector('.plan-toc a[href="#' + level.id + '"]');
      if (entry) entry.parentNode.hidden = hide;
    });
    var words = form.getAttribute(shown === 1 ? "data-count-one" : "data-count-words");
    count.textContent = words.replace("{shown}", shown).replace("{total}", total);
  }

  function change() {
    var state = fromForm();
    var url = location.pathname + query(state) + location.hash;
    if (url !== location.pathname + location.search + location.hash)
      history.pushState(state, "", url);
    apply(state);
  }

  form.addEventListener("change", change);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  form.addEventListener("reset", function () {
    // After the browser has reset the fields.
    setTimeout(change, 0);
  });
  window.addEventListener("popstate", function () {
    var state = read(location.search);
    toForm(state);
    apply(state);
  });
  // The status chart's bars: the same page filtered, without a reload.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-filter-link]"), function (a) {
    a.addEventListener("click", function (e) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      var state = read(a.search);
      toForm(state);
      change();
      form.scrollIntoView();
      field("status").focus();
    });
  });

  form.hidden = false;
  var initial = read(location.search);
  toForm(initial);
  apply(initial);
})();
