#include "view/changes_text.hpp"

#include "model/tracking.hpp"

namespace carnet::view {

namespace {

class Writer {
 public:
  Writer(const model::Words& words, const std::string& lang, const std::string& fallback)
      : words_(words), lang_(lang), fallback_(fallback) {}

  std::string word(const char* key) const { return words_.get(lang_, key); }
  std::string text(const model::LocalizedText& t) const { return t.get(lang_, fallback_); }

  std::string action(const model::Action& a) const {
    std::string out = a.code.empty() ? a.id : a.code + " " + a.id;
    const std::string title = text(a.title);
    return title.empty() ? out : out + "  " + title;
  }
  std::string status(model::Status s) const {
    return word((std::string("status_") + model::status_name(s)).c_str());
  }
  std::string progress(const std::optional<int>& p) const {
    return p ? words_.format(lang_, "percent", std::to_string(*p)) : "—";
  }
  std::string due(const std::optional<model::Due>& d) const {
    if (!d) return "—";
    switch (d->kind) {
      case model::Due::Kind::date:
        return d->date.format_long(lang_);
      case model::Due::Kind::ongoing:
        return word("due_ongoing");
      case model::Due::Kind::tbd:
        return word("due_tbd");
      case model::Due::Kind::text:
        return text(d->text);
    }
    return "—";
  }
  std::string arrow() const {
    const std::string a = word("tracking_arrow");
    return a == "tracking_arrow" ? " → " : a;
  }

 private:
  const model::Words& words_;
  const std::string& lang_;
  const std::string& fallback_;
};

}  // namespace

std::string changes_text(const model::Plan& plan, const model::Words& words,
                         const std::string& lang, const std::string& fallback) {
  const auto& h = plan.history;
  if (!h || h->since.empty() || !h->since_date) return "";
  Writer w(words, lang, fallback);
  std::string out = w.text(plan.title) + " (" + plan.source + ")\n";
  out += w.word("tracking_changes_since") + " " + h->since + " (" +
         h->since_date->format_long(lang) + ")\n";
  // A plan that did not exist then: every action is new.
  static const model::Plan empty;
  if (h->existed_then && !h->before) {
    out += "  " + w.word("tracking_changes_unreadable") + "\n";
    return out;
  }
  const auto c = model::compare_plans(h->before ? *h->before : empty, plan);
  if (c.empty()) return out + "  " + w.word("tracking_changes_none") + "\n";
  auto list = [&](const char* heading, const std::vector<model::PlanChanges::Change>& items,
                  auto&& detail) {
    if (items.empty()) return;
    out += "  " + w.word(heading) + "\n";
    for (const auto& item : items) out += "    " + detail(item) + "\n";
  };
  list("tracking_changes_added", c.added,
       [&](const auto& i) { return w.action(*i.after) + " (" + w.status(i.after->status) + ")"; });
  list("tracking_changes_removed", c.removed, [&](const auto& i) { return w.action(*i.before); });
  list("tracking_changes_status", c.status, [&](const auto& i) {
    return w.action(*i.after) + w.word("colon") + w.status(i.before->status) + w.arrow() +
           w.status(i.after->status);
  });
  list("tracking_changes_progress", c.progress, [&](const auto& i) {
    return w.action(*i.after) + w.word("colon") + w.progress(i.before->progress()) + w.arrow() +
           w.progress(i.after->progress());
  });
  list("tracking_changes_due", c.due, [&](const auto& i) {
    return w.action(*i.after) + w.word("colon") + w.due(i.before->due()) + w.arrow() +
           w.due(i.after->due());
  });
  if (!c.new_notes.empty()) {
    out += "  " + w.word("tracking_changes_notes") + "\n";
    for (const auto& n : c.new_notes) {
      out += "    " + w.action(*n.after) + "\n";
      for (const model::Note* note : n.notes) {
        std::string line = w.text(note->text);
        while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
        for (size_t p = 0; (p = line.find('\n', p)) != std::string::npos; p += 7)
          line.replace(p, 1, "\n      ");
        out += "      " + (note->date ? note->date->format_long(lang) + w.word("colon") : "") +
               line + "\n";
      }
    }
  }
  return out;
}

}  // namespace carnet::view
