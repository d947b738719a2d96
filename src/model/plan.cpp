#include "model/plan.hpp"

#include "model/tracking.hpp"

namespace carnet::model {

const char* status_name(Status s) {
  switch (s) {
    case Status::planned:
      return "planned";
    case Status::in_progress:
      return "in_progress";
    case Status::done:
      return "done";
    case Status::postponed:
      return "postponed";
    case Status::cancelled:
      return "cancelled";
  }
  return "planned";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : all_statuses)
    if (s == status_name(st)) return st;
  return std::nullopt;
}

const FieldValue* Fields::find(std::string_view key) const {
  auto it = by_key.find(key);
  return it == by_key.end() ? nullptr : &it->second;
}

const LocalizedText& Fields::markdown(std::string_view key) const {
  static const LocalizedText none;
  const FieldValue* f = find(key);
  return f && !f->texts.empty() ? f->texts.front() : none;
}

const std::vector<LocalizedText>& Fields::texts(std::string_view key) const {
  static const std::vector<LocalizedText> none;
  const FieldValue* f = find(key);
  return f ? f->texts : none;
}

const std::vector<Note>& Fields::notes() const {
  static const std::vector<Note> none;
  const FieldValue* f = find("notes");
  return f ? f->notes : none;
}

const std::optional<Due>& Action::due() const {
  static const std::optional<Due> none;
  const FieldValue* f = fields.find("due");
  return f ? f->due : none;
}

std::optional<int> Action::progress() const {
  const FieldValue* f = fields.find("progress");
  return f ? f->percent : std::nullopt;
}

const std::vector<std::string>& Action::years() const {
  static const std::vector<std::string> none;
  const FieldValue* f = fields.find("years");
  return f ? f->years : none;
}

namespace {
constexpr std::pair<Numbering, const char*> numbering_names[] = {
    {Numbering::decimal, "decimal"},
    {Numbering::upper_roman, "upper-roman"},
    {Numbering::lower_roman, "lower-roman"},
    {Numbering::upper_alpha, "upper-alpha"},
    {Numbering::lower_alpha, "lower-alpha"}};

std::string roman(int n) {
  static const std::pair<int, const char*> parts[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, digits] : parts)
    for (; n >= value; n -= value) out += digits;
  return out;
}

// 1 → A, 26 → Z, 27 → AA: as spreadsheets name columns.
std::string alpha(int n) {
  std::string out;
  for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c - 'A' + 'a');
  return s;
}
}  // namespace

std::optional<Numbering> parse_numbering(std::string_view s) {
  for (const auto& [n, name] : numbering_names)
    if (s == name) return n;
  return std::nullopt;
}

const char* numbering_name(Numbering n) {
  for (const auto& [value, name] : numbering_names)
    if (value == n) return name;
  return "decimal";
}

std::string format_number(Numbering n, int value) {
  if (value <= 0) return std::to_string(value);
  switch (n) {
    case Numbering::decimal:
      return std::to_string(value);
    case Numbering::upper_roman:
      return value < 4000 ? roman(value) : std::to_string(value);
    case Numbering::lower_roman:
      return value < 4000 ? lower(roman(value)) : std::to_string(value);
    case Numbering::upper_alpha:
      return alpha(value);
    case Numbering::lower_alpha:
      return lower(alpha(value));
  }
  return std::to_string(value);
}

namespace {
void add(PlanCounts& c, const PlanSection& s, const std::optional<base::Date>& as_of) {
  if (c.per_level.size() <= static_cast<size_t>(s.depth)) c.per_level.resize(s.depth + 1);
  c.per_level[s.depth]++;
  for (const auto& a : s.actions) {
    c.actions++;
    c.per_status[a.status]++;
    const FieldValue* own = a.fields.find("updated");
    if (is_late(a, own && own->date ? own->date : as_of)) c.late++;
  }
  for (const auto& child : s.sections) add(c, child, as_of);
}
}  // namespace

PlanCounts count_plan(const Plan& plan) {
  PlanCounts c;
  c.per_level.assign(plan.levels.size(), 0);
  for (Status st : all_statuses) c.per_status[st] = 0;
  const auto when = as_of(plan);
  for (const auto& s : plan.sections) add(c, s, when);
  return c;
}

PlanCounts count_section(const PlanSection& section, size_t levels,
                         const std::optional<base::Date>& as_of) {
  PlanCounts c;
  c.per_level.assign(levels, 0);
  for (Status st : all_statuses) c.per_status[st] = 0;
  add(c, section, as_of);
  return c;
}

}  // namespace carnet::model
