// Calendar dates as they appear in content: a full date (2022-12-31), a month
// (2023-03) or a year (2021), checked against the calendar (no 2022-02-30),
// and written out the way French and English readers write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace carnet::base {

struct Date {
  int year = 0;
  int month = 0;  // 0 when only the year is known
  int day = 0;    // 0 when only the year and month are known

  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;

  // "2022-12-31", "2023-03" or "2021".
  std::string iso() const;
  // "31 décembre 2022", "1er mars 2023", "mars 2023"; "December 31, 2022", "March 2023".
  std::string format_long(std::string_view lang) const;
  // RFC 3339 at midnight UTC, for feeds: "2022-12-31T00:00:00Z".
  std::string rfc3339() const;
};

// "mars", "March": the name of month 1–12 in French ("fr") or English (any
// other language); "" for another number.
std::string month_name(int month, std::string_view lang);

// Parses YYYY-MM-DD, YYYY-MM or YYYY. Returns nullopt with `why` set when the
// text is not such a date or the date does not exist.
std::optional<Date> parse_date(std::string_view text, std::string* why = nullptr);

// Same, but only a full YYYY-MM-DD date. A time part ("T10:00", " 10:00:00",
// "T10:00:00.5+02:00") is allowed and ignored, but checked: hours to 23,
// minutes to 59, seconds to 60, an offset Z or ±HH[:MM] to 23:59.
std::optional<Date> parse_full_date(std::string_view text, std::string* why = nullptr);

}  // namespace carnet::base
