// Pins every calendar idiom of core/include/chronicle/calendar.h at compile time
// (static_assert) and the formatting helpers at run time.
#include <chronicle/calendar.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>

namespace {

using namespace date::literals;
using chronicle::cal::sys_days;
using date::days;

constexpr sys_days kTue = sys_days{2013_y / date::February / 12};  // a Tuesday
constexpr sys_days kMon = sys_days{2025_y / date::February / 17};  // a Monday
constexpr sys_days kSun = sys_days{2015_y / date::February / 22};  // a Sunday

constexpr sys_days ymd(int y, unsigned m, unsigned d) {
  return sys_days{date::year{y} / date::month{m} / date::day{d}};
}

static_assert(date::weekday{kTue} == date::Tuesday);
static_assert(date::weekday{kMon} == date::Monday);
static_assert(date::weekday{kSun} == date::Sunday);

// after: first strictly after
static_assert(chronicle::cal::after(kMon, date::Tuesday) == ymd(2025, 2, 18));
static_assert(chronicle::cal::after(kMon, date::Monday) == ymd(2025, 2, 24));
static_assert(chronicle::cal::after(kTue, date::Tuesday) == ymd(2013, 2, 19));
static_assert(chronicle::cal::after(kTue, date::Monday) == ymd(2013, 2, 18));
static_assert(chronicle::cal::after(kSun, date::Monday) == ymd(2015, 2, 23));  // timenorm #65
// before: last strictly before
static_assert(chronicle::cal::before(kMon, date::Tuesday) == ymd(2025, 2, 11));
static_assert(chronicle::cal::before(kMon, date::Monday) == ymd(2025, 2, 10));
static_assert(chronicle::cal::before(kTue, date::Tuesday) == ymd(2013, 2, 5));
static_assert(chronicle::cal::before(kTue, date::Monday) == ymd(2013, 2, 11));
// on_or_before: the same day counts
static_assert(chronicle::cal::on_or_before(kMon, date::Monday) == kMon);
static_assert(chronicle::cal::on_or_before(kMon, date::Sunday) == ymd(2025, 2, 16));
static_assert(chronicle::cal::on_or_before(kTue, date::Wednesday) == ymd(2013, 2, 6));
// on_or_after
static_assert(chronicle::cal::on_or_after(kMon, date::Monday) == kMon);
static_assert(chronicle::cal::on_or_after(kMon, date::Sunday) == ymd(2025, 2, 23));
static_assert(chronicle::cal::on_or_after(kTue, date::Monday) == ymd(2013, 2, 18));
// week_start / week_end: ISO Monday..Sunday
static_assert(chronicle::cal::week_start(kMon) == kMon);
static_assert(chronicle::cal::week_end(kMon) == ymd(2025, 2, 23));
static_assert(chronicle::cal::week_start(kTue) == ymd(2013, 2, 11));
static_assert(chronicle::cal::week_end(kTue) == ymd(2013, 2, 17));
static_assert(chronicle::cal::week_start(kSun) == ymd(2015, 2, 16));
static_assert(chronicle::cal::week_start(ymd(2021, 1, 1)) == ymd(2020, 12, 28));
// nearest: ties to the past, the same day nearest of all
static_assert(chronicle::cal::nearest(kMon, date::Monday) == kMon);
static_assert(chronicle::cal::nearest(kMon, date::Tuesday) == ymd(2025, 2, 18));
static_assert(chronicle::cal::nearest(kMon, date::Sunday) == ymd(2025, 2, 16));
static_assert(chronicle::cal::nearest(kMon, date::Thursday) == ymd(2025, 2, 20));  // 3 vs 4
static_assert(chronicle::cal::nearest(kMon, date::Friday) == ymd(2025, 2, 14));    // 3 vs 4
static_assert(chronicle::cal::nearest(kTue, date::Saturday) == ymd(2013, 2, 9));   // 3 vs 4
static_assert(chronicle::cal::nearest(kTue, date::Friday) == ymd(2013, 2, 15));    // 3 vs 4
// month / year bounds
static_assert(chronicle::cal::month_start(kMon) == ymd(2025, 2, 1));
static_assert(chronicle::cal::month_end(kMon) == ymd(2025, 2, 28));
static_assert(chronicle::cal::month_end(ymd(2024, 2, 3)) == ymd(2024, 2, 29));
static_assert(chronicle::cal::month_start(kTue) == ymd(2013, 2, 1));
static_assert(chronicle::cal::year_start(kTue) == ymd(2013, 1, 1));
static_assert(chronicle::cal::year_end(kMon) == ymd(2025, 12, 31));
// add_months / add_years clamp impossible days
static_assert(chronicle::cal::add_months(ymd(2025, 1, 31), date::months{1}) == ymd(2025, 2, 28));
static_assert(chronicle::cal::add_months(ymd(2024, 1, 31), date::months{1}) == ymd(2024, 2, 29));
static_assert(chronicle::cal::add_months(kMon, date::months{-2}) == ymd(2024, 12, 17));
static_assert(chronicle::cal::add_months(kTue, date::months{12}) == ymd(2014, 2, 12));
static_assert(chronicle::cal::add_years(ymd(2024, 2, 29), date::years{1}) == ymd(2025, 2, 28));
static_assert(chronicle::cal::add_years(kMon, date::years{-1}) == ymd(2024, 2, 17));

TEST(Calendar, IsoDay) {
  EXPECT_EQ(chronicle::cal::iso_day(kMon), "2025-02-17");
  EXPECT_EQ(chronicle::cal::iso_day(kTue), "2013-02-12");
  EXPECT_EQ(chronicle::cal::iso_day(ymd(1987, 3, 1)), "1987-03-01");
}

// The four-digit-year fast paths (ISO weeks too) write what date::format writes, on every
// day of the years they cover and on both sides of them.
TEST(Calendar, IsoFormattingMatchesDateFormat) {
  for (sys_days d = ymd(998, 12, 1); d <= ymd(1002, 1, 31); d += days{1}) {
    ASSERT_EQ(chronicle::cal::iso_day(d), date::format("%F", d));
    ASSERT_EQ(chronicle::cal::iso_month(d), date::format("%Y-%m", d));
    ASSERT_EQ(chronicle::cal::iso_year(d), date::format("%Y", d));
    ASSERT_EQ(chronicle::cal::iso_week_of(d), date::format("%G-W%V", d));
  }
  for (sys_days d = ymd(1899, 1, 1); d <= ymd(2101, 12, 31); d += days{1}) {
    ASSERT_EQ(chronicle::cal::iso_day(d), date::format("%F", d));
    ASSERT_EQ(chronicle::cal::iso_month(d), date::format("%Y-%m", d));
    ASSERT_EQ(chronicle::cal::iso_year(d), date::format("%Y", d));
    ASSERT_EQ(chronicle::cal::iso_week_of(d), date::format("%G-W%V", d));
  }
  for (sys_days d = ymd(9998, 12, 1); d <= ymd(10001, 1, 31); d += days{1}) {
    ASSERT_EQ(chronicle::cal::iso_day(d), date::format("%F", d));
    ASSERT_EQ(chronicle::cal::iso_year(d), date::format("%Y", d));
    ASSERT_EQ(chronicle::cal::iso_week_of(d), date::format("%G-W%V", d));
  }
  EXPECT_EQ(chronicle::cal::iso_day(ymd(-1, 3, 4)), date::format("%F", ymd(-1, 3, 4)));
}

// write_iso_day writes iso_day's text for a four-digit year and nothing for another.
TEST(Calendar, WriteIsoDayAsIsoDay) {
  for (sys_days d = ymd(998, 12, 1); d <= ymd(10001, 1, 31); d += days{1}) {
    char buf[10] = {};
    const int y = static_cast<int>(date::year_month_day{d}.year());
    const bool four = y >= 1000 && y <= 9999;
    ASSERT_EQ(chronicle::cal::write_iso_day(d, buf), four) << date::format("%F", d);
    if (four)
      ASSERT_EQ(std::string(buf, 10), chronicle::cal::iso_day(d));
    else
      ASSERT_EQ(std::string(buf, 10), std::string(10, '\0'));
  }
}

TEST(Calendar, IsoWeek) {
  EXPECT_EQ(chronicle::cal::iso_week_of(kMon), "2025-W08");
  EXPECT_EQ(chronicle::cal::iso_week_of(kTue), "2013-W07");
  EXPECT_EQ(chronicle::cal::iso_week_of(kSun), "2015-W08");
}

TEST(Calendar, IsoWeekAtYearEdges) {
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2021, 1, 1)), "2020-W53");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2021, 1, 4)), "2021-W01");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2024, 12, 30)), "2025-W01");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2019, 12, 30)), "2020-W01");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2016, 1, 3)), "2015-W53");
  EXPECT_EQ(chronicle::cal::iso_week_of(ymd(2026, 12, 31)), "2026-W53");
}

TEST(Calendar, IsoMonthAndYear) {
  EXPECT_EQ(chronicle::cal::iso_month(kMon), "2025-02");
  EXPECT_EQ(chronicle::cal::iso_month(ymd(2013, 12, 31)), "2013-12");
  EXPECT_EQ(chronicle::cal::iso_year(kTue), "2013");
  EXPECT_EQ(chronicle::cal::iso_year(ymd(1987, 6, 1)), "1987");
}

TEST(Calendar, ParseIsoDayAcceptsRealDays) {
  sys_days d{};
  ASSERT_TRUE(chronicle::cal::parse_iso_day("2025-02-18", d));
  EXPECT_EQ(d, ymd(2025, 2, 18));
  ASSERT_TRUE(chronicle::cal::parse_iso_day("2024-02-29", d));
  EXPECT_EQ(d, ymd(2024, 2, 29));
}

TEST(Calendar, ParseIsoDayRejectsOthers) {
  sys_days d = kMon;
  EXPECT_FALSE(chronicle::cal::parse_iso_day("2025-02-30", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("2025-02-29", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("2025-13-01", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("2025-2-18", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("2025-02-18x", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("20250218", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("", d));
  EXPECT_FALSE(chronicle::cal::parse_iso_day("abcd-ef-gh", d));
  EXPECT_EQ(d, kMon);  // untouched on failure
}

// The same answer and day as date::parse("%Y-%m-%d") read from a stream, for every month
// 00-19 and day 00-39 of years around leap-year rules and at the ends of the range.
TEST(Calendar, ParseIsoDayAgreesWithDateParse) {
  std::size_t accepted = 0;
  for (const char* year : {"0000", "0004", "1900", "1987", "2000", "2024", "2025", "9999"})
    for (int m = 0; m < 20; ++m)
      for (int dd = 0; dd < 40; ++dd) {
        char text[16];
        std::snprintf(text, sizeof text, "%s-%02d-%02d", year, m, dd);
        std::istringstream in{std::string(text)};
        date::year_month_day want{};
        in >> date::parse("%Y-%m-%d", want);
        const bool ok = !in.fail() && want.ok();
        sys_days got = kMon;
        ASSERT_EQ(chronicle::cal::parse_iso_day(text, got), ok) << text;
        EXPECT_EQ(got, ok ? sys_days{want} : kMon) << text;
        accepted += ok;
      }
  EXPECT_EQ(accepted, 8u * 365 + 4);  // 0000, 0004, 2000 and 2024 leap years; 1900 not
}

}  // namespace
