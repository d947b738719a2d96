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
  // Digits written by hand for the usual date: fmt parses its format at
  // each call, some 1,800 instructions for "2024-08-31", which a build asks
  // for tens of thousands of times (each page's date, each action's).
  if (year < 0 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 99) {
    if (month == 0) return fmt::format("{:04}", year);
    if (day == 0) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }
  char text[10] = {static_cast<char>('0' + year / 1000),
                   static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10),
                   static_cast<char>('0' + year % 10),
                   '-',
                   static_cast<char>('0' + month / 10),
                   static_cast<char>('0' + month % 10),
                   '-',
                   static_cast<char>('0' + day / 10),
                   static_cast<char>('0' + day % 10)};
  return std::string(text, month == 0 ? 4 : day == 0 ? 7 : 10);
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

namespace {

// The time after a full date: HH:MM, HH:MM:SS or HH:MM:SS.fraction, then
// perhaps an offset (Z, +HH:MM, -HHMM, +HH), each part in its range. The
// time itself is not used (feeds date entries at midnight), but a time that
// does not exist is a typo the author should see. "" when it is fine.
std::string time_problem(std::string_view t) {
  const std::string shape =
      "expected a time written HH:MM or HH:MM:SS after the date, perhaps with an offset such as "
      "+02:00 or Z";
  auto two = [&](size_t at) { return digits(t.substr(at, 2), 2) ? to_int(t.substr(at, 2)) : -1; };
  const int hour = two(0), minute = t.size() >= 5 && t[2] == ':' ? two(3) : -1;
  if (hour < 0 || minute < 0) return shape;
  if (hour > 23) return fmt::format("hour {} does not exist", hour);
  if (minute > 59) return fmt::format("minute {} does not exist", minute);
  size_t i = 5;
  if (i < t.size() && t[i] == ':') {
    const int second = two(i + 1);
    if (second < 0) return shape;
    // 60: a leap second, which RFC 3339 allows.
    if (second > 60) return fmt::format("second {} does not exist", second);
    i += 3;
    if (i < t.size() && t[i] == '.') {
      size_t n = 0;
      while (i + 1 + n < t.size() && t[i + 1 + n] >= '0' && t[i + 1 + n] <= '9') ++n;
      if (n == 0) return shape;
      i += 1 + n;
    }
  }
  if (i < t.size() && t[i] == ' ') ++i;
  if (i == t.size()) return "";
  if ((t[i] == 'Z' || t[i] == 'z') && i + 1 == t.size()) return "";
  if (t[i] != '+' && t[i] != '-') return shape;
  const std::string_view offset = t.substr(i + 1);
  const int oh = two(i + 1);
  int om = 0;
  if (offset.size() == 5 && offset[2] == ':')
    om = two(i + 4);
  else if (offset.size() == 4)
    om = two(i + 3);
  else if (offset.size() != 2)
    return shape;
  if (oh < 0 || om < 0) return shape;
  if (oh > 23 || om > 59)
    return fmt::format("the offset {} does not exist (at most 23:59)", t.substr(i));
  return "";
}

}  // namespace

std::optional<Date> parse_full_date(std::string_view text, std::string* why) {
  if (text.size() > 10 && (text[10] == 'T' || text[10] == 't' || text[10] == ' ')) {
    auto date = parse_full_date(text.substr(0, 10), why);
    if (!date) return date;
    if (auto problem = time_problem(text.substr(11)); !problem.empty()) {
      if (why) *why = problem;
      return std::nullopt;
    }
    return date;
  }
  if (text.size() != 10) {
    if (why) *why = "expected a date written YYYY-MM-DD";
    return std::nullopt;
  }
  return parse_date(text, why);
}

}  // namespace carnet::base
