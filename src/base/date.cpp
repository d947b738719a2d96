#include "base/date.hpp"

#include <fmt/format.h>

#include <chrono>

#include "base/language.hpp"

namespace carnet::base {

namespace {
const char* const fr_months[] = {"janvier",   "février", "mars",     "avril",
                                 "mai",       "juin",    "juillet",  "août",
                                 "septembre", "octobre", "novembre", "décembre"};
const char* const en_months[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};

bool digits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::string month_name(int month, std::string_view lang) {
  if (month < 1 || month > 12) return "";
  return is_french(lang) ? fr_months[month - 1] : en_months[month - 1];
}

std::string Date::iso() const {
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string Date::format_long(std::string_view lang) const {
  if (month == 0) return std::to_string(year);
  if (is_french(lang)) {
    if (day == 0) return fmt::format("{} {}", fr_months[month - 1], year);
    return fmt::format("{}{} {} {}", day, day == 1 ? "er" : "", fr_months[month - 1], year);
  }
  if (day == 0) return fmt::format("{} {}", en_months[month - 1], year);
  return fmt::format("{} {}, {}", en_months[month - 1], day, year);
}

std::string Date::rfc3339() const {
  return fmt::format("{:04}-{:02}-{:02}T00:00:00Z", year, month ? month : 1, day ? day : 1);
}

std::optional<Date> parse_date(std::string_view text, std::string* why) {
  auto fail = [&](std::string msg) -> std::optional<Date> {
    if (why) *why = std::move(msg);
    return std::nullopt;
  };
  Date d;
  if (digits(text, 4)) {
    d.year = to_int(text);
    return d;
  }
  if (text.size() >= 7 && digits(text.substr(0, 4), 4) && text[4] == '-' &&
      digits(text.substr(5, 2), 2) &&
      (text.size() == 7 || (text.size() == 10 && text[7] == '-' && digits(text.substr(8, 2), 2)))) {
    d.year = to_int(text.substr(0, 4));
    d.month = to_int(text.substr(5, 2));
    if (!std::chrono::month(static_cast<unsigned>(d.month)).ok())
      return fail("month " + std::to_string(d.month) + " does not exist");
    if (text.size() == 10) {
      d.day = to_int(text.substr(8, 2));
      // The calendar knows leap years; a day 00 is not ok() either.
      const std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                            std::chrono::month(static_cast<unsigned>(d.month)),
                                            std::chrono::day(static_cast<unsigned>(d.day))};
      if (!ymd.ok())
        return fail(
            fmt::format("{} has no day {}", Date{d.year, d.month, 0}.format_long("en"), d.day));
    }
    return d;
  }
  return fail("expected a date written YYYY-MM-DD, YYYY-MM or YYYY");
}

std::optional<Date> parse_full_date(std::string_view text, std::string* why) {
  std::string_view head =
      text.size() > 10 && (text[10] == 'T' || text[10] == ' ') ? text.substr(0, 10) : text;
  if (head.size() != 10) {
    if (why) *why = "expected a date written YYYY-MM-DD";
    return std::nullopt;
  }
  return parse_date(head, why);
}

}  // namespace carnet::base
