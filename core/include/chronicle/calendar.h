// Calendar idioms: every date computation in Chronicle goes through these, on `date`
// types only. Each is constexpr and pinned by static_asserts in tests/unit/calendar_test.cpp.
#pragma once

#include <date/date.h>
#include <date/iso_week.h>

#include <string>

namespace chronicle::cal {

using date::days;
using date::months;
using date::sys_days;
using date::weekday;
using date::weeks;
using date::year_month_day;
using date::years;

// First `wd` strictly after `ref` ("next Tuesday", future bare weekday).
constexpr sys_days after(sys_days ref, weekday wd) {
  return ref + days{1} + (wd - weekday{ref + days{1}});
}
// Last `wd` strictly before `ref` ("last Tuesday").
constexpr sys_days before(sys_days ref, weekday wd) {
  return ref - days{1} - (weekday{ref - days{1}} - wd);
}
// Latest `wd` on or before `ref` (past bare weekday: the same day counts).
constexpr sys_days on_or_before(sys_days ref, weekday wd) { return ref - (weekday{ref} - wd); }
// First `wd` on or after `ref`.
constexpr sys_days on_or_after(sys_days ref, weekday wd) { return ref + (wd - weekday{ref}); }
// Monday of the ISO week holding `d`.
constexpr sys_days week_start(sys_days d) { return d - (weekday{d} - date::Monday); }
constexpr sys_days week_end(sys_days d) { return week_start(d) + days{6}; }
// Nearest `wd` to `ref`, ties to the past (the same day is nearest of all).
constexpr sys_days nearest(sys_days ref, weekday wd) {
  const sys_days back = on_or_before(ref, wd);
  const sys_days fwd = on_or_after(ref, wd);
  return (fwd - ref) < (ref - back) ? fwd : back;
}
constexpr sys_days month_start(sys_days d) {
  const year_month_day ymd{d};
  return sys_days{ymd.year() / ymd.month() / 1};
}
constexpr sys_days month_end(sys_days d) {
  const year_month_day ymd{d};
  return sys_days{ymd.year() / ymd.month() / date::last};
}
constexpr sys_days year_start(sys_days d) { return sys_days{year_month_day{d}.year() / 1 / 1}; }
constexpr sys_days year_end(sys_days d) { return sys_days{year_month_day{d}.year() / 12 / 31}; }
// Month arithmetic that clamps an impossible day (Jan 31 + 1 month -> Feb 28).
constexpr sys_days add_months(sys_days d, months m) {
  year_month_day ymd = year_month_day{d} + m;
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  return sys_days{ymd};
}
constexpr sys_days add_years(sys_days d, years y) {
  year_month_day ymd = year_month_day{d} + y;
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
  return sys_days{ymd};
}

// Formatting: "2025-02-18", "2025-W08", "2025-02", "2025".
std::string iso_day(sys_days d);
std::string iso_week_of(sys_days d);
std::string iso_month(sys_days d);
std::string iso_year(sys_days d);
// iso_day() of a day whose year has four digits, written into the 10 bytes at `out`
// (no allocation): true; false, and nothing written, for other years.
bool write_iso_day(sys_days d, char* out);
// Parses "YYYY-MM-DD" strictly (a real calendar day); false otherwise.
bool parse_iso_day(std::string_view text, sys_days& out);

}  // namespace chronicle::cal
