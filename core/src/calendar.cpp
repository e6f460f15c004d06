// Formatting and strict parsing of calendar values, through date::format / date::parse.
#include <chronicle/calendar.h>
#include <date/date.h>
#include <date/iso_week.h>

#include <string>

namespace chronicle::cal {

namespace {

// The decimal digits of v < 10000 (four) and of v < 100 (two).
void put_four(char* out, unsigned v) {
  out[0] = static_cast<char>('0' + v / 1000);
  out[1] = static_cast<char>('0' + v / 100 % 10);
  out[2] = static_cast<char>('0' + v / 10 % 10);
  out[3] = static_cast<char>('0' + v % 10);
}
void put_two(char* out, unsigned v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

// "YYYY-MM-DD" (or its first `n` characters) for a four-digit year, as date::format
// writes it, into `buf`; other years go through date::format.
bool four_digit_day(sys_days d, std::size_t n, char* buf) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  if (y < 1000 || y > 9999) return false;
  const unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  put_four(buf, static_cast<unsigned>(y));
  buf[4] = '-';
  put_two(buf + 5, m);
  if (n > 7) {
    buf[7] = '-';
    put_two(buf + 8, day);
  }
  return true;
}

}  // namespace

bool write_iso_day(sys_days d, char* out) { return four_digit_day(d, 10, out); }

std::string iso_day(sys_days d) {
  char buf[10];
  if (four_digit_day(d, 10, buf)) return std::string(buf, 10);
  return date::format("%F", d);
}

// ISO 8601 week-numbering year and week: 2021-01-01 is in 2020-W53.
std::string iso_week_of(sys_days d) {
  const iso_week::year_weeknum_weekday ywd{d};
  const int y = static_cast<int>(ywd.year());
  if (y < 1000 || y > 9999) return date::format("%G-W%V", d);
  char buf[8];
  put_four(buf, static_cast<unsigned>(y));
  buf[4] = '-';
  buf[5] = 'W';
  put_two(buf + 6, static_cast<unsigned>(ywd.weeknum()));
  return std::string(buf, 8);
}

std::string iso_month(sys_days d) {
  char buf[10];
  if (four_digit_day(d, 7, buf)) return std::string(buf, 7);
  return date::format("%Y-%m", d);
}

std::string iso_year(sys_days d) {
  char buf[10];
  if (four_digit_day(d, 4, buf)) return std::string(buf, 4);
  return date::format("%Y", d);
}

bool parse_iso_day(std::string_view text, sys_days& out) {
  // Shape first: exactly YYYY-MM-DD, so "2025-2-18" or "2025-02-18x" are refused.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  // the digits read as numbers (what date::parse("%Y-%m-%d") reads from this shape, without
  // a stream per document): a byte that is no ASCII digit gives a value above 9
  const char* const p = text.data();
  auto digit = [p](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(p[i])) - '0';
  };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
  const unsigned m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return false;
  // date::year_month_day tells whether the day is on the calendar
  const date::year_month_day ymd{date::year{static_cast<int>(((y0 * 10 + y1) * 10 + y2) * 10 + y3)},
                                 date::month{m0 * 10 + m1}, date::day{d0 * 10 + d1}};
  if (!ymd.ok()) return false;
  out = sys_days{ymd};
  return true;
}

}  // namespace chronicle::cal
