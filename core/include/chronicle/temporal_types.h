// The typed, underspecified reading of a temporal expression (engine-internal).
//
// The tagger (TemporalGrammar::tag) fills a RelativeDate from the words; resolve() turns
// it into days against an Anchor and the clause tense. Nothing in between is a string:
// "next Tuesday" is {Kind::weekday, Shift::next, weekday = Tuesday}, "two years earlier"
// is {Kind::offset, Unit::year, count 2, Direction::backward, AnchorRef::last_explicit}.
#pragma once

#include <chronicle/temporal.h>

#include <date/date.h>

#include <cstdint>
#include <optional>

namespace chronicle {

// this/next/last, as in "this week", "next Tuesday", "last fall".
enum class Shift : std::uint8_t { none, this_, next, last };

// Calendar units. `part_of_day` is a unit of its own ("this morning").
enum class Unit : std::uint8_t {
  none, second, minute, hour, part_of_day, day, week, weekend, fortnight, month, quarter,
  half, season, year, decade, century
};

// Position inside a period: "early February", "mid-1990s", "the end of the month",
// "earlier this week" (start .. P-1), "later this year" (P+1 .. end).
enum class Mod : std::uint8_t { none, early, mid, late, start, end, earlier, later };

enum class PartOfDay : std::uint8_t { none, morning, afternoon, evening, night };
enum class Season : std::uint8_t { none, spring, summer, fall, winter };
enum class FuzzyRef : std::uint8_t { past, present, future };

// Which day a shift counts from: the publication date ("three days ago", "in two
// weeks") or the last explicit day of the text ("two days later", "the next day"; the
// publication date when the text has none). On a year-less calendar date, last_explicit
// reads it in the year of the text's last month or day ("September of that year").
enum class AnchorRef : std::uint8_t { publication, last_explicit };
enum class Direction : std::int8_t { backward = -1, none = 0, forward = 1 };

// Holidays whose day moves with the year (fixed-date ones are plain month-days).
enum class Holiday : std::uint8_t {
  none, thanksgiving, election_day, labor_day, memorial_day, easter, good_friday,
  mothers_day, fathers_day, martin_luther_king_day, presidents_day
};

struct ClockTime {
  unsigned hour = 0;    // 0..23
  unsigned minute = 0;  // 0..59
  bool utc = false;     // "18:00 UTC", "0735 GMT": written with a Z
};

struct RelativeDate {
  enum class Kind : std::uint8_t {
    calendar,  // fields as written: year?, month?, day?, quarter?, half?, season?;
               // a missing year comes from the tense ("Feb. 18", "in March", "the
               // third quarter"); decade/century set for "the 1990s", "the 20th century"
    weekday,   // a weekday with a shift: "Tuesday", "next Tuesday", "this Tuesday"
    period,    // the period holding the reference, shifted: "this week", "last year",
               // "the weekend", "next month", "this summer" (unit season + season)
    offset,    // count units from the anchor: "three days ago", "the next day", "today"
    fuzzy,     // PAST_REF / PRESENT_REF / FUTURE_REF with a window by `unit`
    duration,  // "three days" -> P3D; count empty means X ("several days" -> PXD)
    set,       // "every Tuesday", "weekly"
  };

  Kind kind = Kind::calendar;

  // calendar fields
  std::optional<int> year;
  std::optional<unsigned> month;    // 1..12
  std::optional<unsigned> day;      // 1..31
  std::optional<unsigned> quarter;  // 1..4
  std::optional<unsigned> half;     // 1..2
  std::optional<int> decade;        // 199 for the 1990s
  std::optional<int> century;       // 19 for the 20th century (1900s)
  Season season = Season::none;
  bool fiscal = false;              // "fiscal 1989": written as the year
  std::optional<int> year_shift;    // year relative to the reference: "June last year" -1
  Holiday holiday = Holiday::none;  // "Thanksgiving": the day of that year (month/day unset)

  // weekday / period / offset / duration / set
  std::optional<date::weekday> weekday;
  Shift shift = Shift::none;
  Unit unit = Unit::none;
  std::optional<int> count;  // empty: unspecified ("several days", "days ago")
  bool and_half = false;     // "2 1/2 years", "a minute and a half": count + one half
  // a decimal count: "38.5 hours" count 38, fraction 5 of one digit (PT38.5H)
  std::uint16_t fraction = 0;
  std::uint8_t fraction_digits = 0;
  // a count of a smaller unit after "and": "9 minutes and 29 seconds" (PT9M29S), "15 years
  // and eight months" (P15Y8M); none for one unit
  Unit and_unit = Unit::none;
  int and_count = 0;
  Direction direction = Direction::none;  // offsets; on a weekday/calendar date, forward
                                          // means "ahead whatever the tense" ("postponed
                                          // until Monday")
  AnchorRef anchor = AnchorRef::publication;

  // refinements
  Mod mod = Mod::none;
  PartOfDay part = PartOfDay::none;    // "Tuesday morning", "last night", "tonight"
  std::optional<ClockTime> clock;      // "10 a.m.", "Tuesday at 3:30 p.m."
  FuzzyRef fuzzy = FuzzyRef::past;
  // a bare weekday written as a possessive ("Wednesday's ruling"): a day already past
  // unless the clause looks ahead
  bool possessive_day = false;
  // a fuzzy past read as a span of its unit up to now ("in recent weeks"): written as a
  // duration (PXW), its window kept for the events it dates
  bool fuzzy_span = false;
  // a forward direction from a weak hint ("by Wednesday", "until Thursday") that a past
  // clause overrides ("had filed reports by Wednesday")
  bool forward_unless_past = false;
  // a calendar date after "by"/"until" is a deadline: the nearest reading unless the
  // clause looks ahead ("must be returned by Jan. 14" in a Jan. 7 or a Jan. 15 story)
  bool deadline = false;
  // the second day of a range without a year ("March 22-23"): in the year of the first
  // (the text's last explicit day), or the next when it would fall before it
  bool range_end = false;
  // a year-less month or day right after a past verb ("the ceasefire began in March",
  // "talks collapsed on March 2"): the clause's past holds even for the month after the
  // publication's
  bool past_act = false;
  // "the week of March 18": the week (unit week) or weekend holding the day
  Unit period_of = Unit::none;
  // "the April through February period": a range of months across a year end; the month
  // (of the range's first) is in the year before the one of this last month
  std::optional<unsigned> range_to_month;
  // In a sentence about reported results ("net fell to $3 million from $5 million a year
  // ago"), the period is the reported quarter (the one ending before the publication):
  // "the quarter", "the latest period" (count empty), "a year ago", "the year-earlier
  // quarter" (count years back). TimeBank's convention for business news.
  bool reporting = false;
  // an offset of days from the anaphoric list ("that day", "the next day", "the night
  // before"), not "the day" of a market report ("to end the day"): a day of the period
  // the story has moved to when that period holds no day the text names
  bool anaphoric_day = false;
  // "the day before her father's funeral", "the night before the rally": a day counted
  // from an event the text names, not from a day; with no day of the story to tell when
  // the event was, the day is unknown (XXXX-XX-XX)
  bool from_event = false;
};

}  // namespace chronicle
