// TemporalGrammar (tag) and resolve(), with the tense given directly: the rules of
// docs/design.md s.4 one by one. The full pipeline (tense read from the clause) is
// covered by tests/corpus/en/relative_dates.yaml through corpus_test.cpp.
#include <chronicle/calendar.h>
#include <chronicle/lexicon.h>
#include <chronicle/temporal.h>
#include <chronicle/temporal_types.h>
#include <chronicle/text.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#ifndef CHRONICLE_CONFIG_DIR
#error "CHRONICLE_CONFIG_DIR must name the config/ directory"
#endif

namespace {

using chronicle::Granularity;
using chronicle::Tense;
using chronicle::TimexType;
using date::sys_days;

sys_days day(const char* iso) {
  sys_days d{};
  EXPECT_TRUE(chronicle::cal::parse_iso_day(iso, d)) << iso;
  return d;
}

struct Found {
  std::string text;
  TimexType type = TimexType::date;
  bool possessive = false;
  chronicle::Resolved r;
};

class TemporalGrammarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    lexicon_ = new chronicle::Lexicon(
        chronicle::Lexicon::load(CHRONICLE_CONFIG_DIR "/lexicons/en/temporal.yaml"));
    grammar_ = new chronicle::TemporalGrammar(*lexicon_);
  }
  static void TearDownTestSuite() {
    delete grammar_;
    delete lexicon_;
  }

  static std::vector<Found> run(std::string_view text, const char* ref, Tense tense,
                                std::optional<sys_days> last_explicit = std::nullopt) {
    const auto tl = chronicle::tokenize(text);
    std::vector<Found> out;
    chronicle::Anchor anchor{day(ref), last_explicit};
    for (const auto& m : grammar_->tag(tl.tokens)) {
      Found f;
      const auto b = tl.tokens[m.first_token].span.begin;
      const auto e = tl.tokens[m.last_token - 1].span.end;
      f.text = std::string(text.substr(b, e - b));
      f.type = m.type;
      f.possessive = m.possessive;
      f.r = chronicle::resolve(*m.rel, anchor, tense);
      out.push_back(std::move(f));
    }
    return out;
  }
  // The single expression of `text`; fails when there is not exactly one.
  static Found one(std::string_view text, const char* ref, Tense tense,
                   std::optional<sys_days> last_explicit = std::nullopt) {
    auto all = run(text, ref, tense, last_explicit);
    EXPECT_EQ(all.size(), 1u) << text;
    return all.empty() ? Found{} : all.front();
  }
  static void expect_span(const Found& f, const char* earliest, const char* latest) {
    ASSERT_TRUE(f.r.earliest.has_value()) << f.text;
    ASSERT_TRUE(f.r.latest.has_value()) << f.text;
    EXPECT_EQ(chronicle::cal::iso_day(*f.r.earliest), earliest) << f.text;
    EXPECT_EQ(chronicle::cal::iso_day(*f.r.latest), latest) << f.text;
  }

  static chronicle::Lexicon* lexicon_;
  static chronicle::TemporalGrammar* grammar_;
};

chronicle::Lexicon* TemporalGrammarTest::lexicon_ = nullptr;
chronicle::TemporalGrammar* TemporalGrammarTest::grammar_ = nullptr;

constexpr const char* kMon = "2025-02-17";
constexpr const char* kTue = "2013-02-12";

TEST_F(TemporalGrammarTest, BareWeekdayFollowsTense) {
  EXPECT_EQ(one("They met on Tuesday.", kMon, Tense::past).r.value, "2025-02-11");
  EXPECT_EQ(one("They will meet on Tuesday.", kMon, Tense::future).r.value, "2025-02-18");
  EXPECT_EQ(one("The meeting is on Tuesday.", kMon, Tense::none).r.value, "2025-02-18");
  EXPECT_EQ(one("They met on Monday.", kMon, Tense::past).r.value, "2025-02-17");
  // the publication's own weekday is that day, whatever the tense
  EXPECT_EQ(one("They will meet on Monday.", kMon, Tense::future).r.value, "2025-02-17");
  EXPECT_EQ(one("Talks were postponed until Monday.", kMon, Tense::past).r.value, "2025-02-24");
  EXPECT_EQ(one("Talks on Friday.", kMon, Tense::none).r.value, "2025-02-14");
  EXPECT_EQ(one("Talks on Thursday.", kMon, Tense::none).r.value, "2025-02-20");
  EXPECT_EQ(one("It happened Tuesday.", kTue, Tense::past).r.value, "2013-02-12");
}

TEST_F(TemporalGrammarTest, ShiftedWeekdays) {
  EXPECT_EQ(one("next Tuesday", kMon, Tense::none).r.value, "2025-02-18");
  EXPECT_EQ(one("last Tuesday", kMon, Tense::none).r.value, "2025-02-11");
  EXPECT_EQ(one("this Friday", kMon, Tense::none).r.value, "2025-02-21");
  EXPECT_EQ(one("last Tuesday", kTue, Tense::past).r.value, "2013-02-05");
  EXPECT_EQ(one("next Tuesday", kTue, Tense::future).r.value, "2013-02-19");
  auto f = one("this Tuesday", kTue, Tense::none);
  EXPECT_EQ(f.text, "this Tuesday");
  EXPECT_EQ(f.r.value, "2013-02-12");
}

TEST_F(TemporalGrammarTest, PossessiveWeekdayExcludesApostropheS) {
  auto f = one("Tuesday's meeting in Riyadh", kMon, Tense::none);
  EXPECT_EQ(f.text, "Tuesday");
  EXPECT_TRUE(f.possessive);
  EXPECT_EQ(f.r.value, "2025-02-18");
  EXPECT_EQ(f.r.granularity, Granularity::day);
}

TEST_F(TemporalGrammarTest, NamedDays) {
  EXPECT_EQ(one("today", kMon, Tense::none).r.value, "2025-02-17");
  EXPECT_EQ(one("yesterday", kMon, Tense::past).r.value, "2025-02-16");
  EXPECT_EQ(one("tomorrow", kMon, Tense::future).r.value, "2025-02-18");
  auto night = one("last night", kMon, Tense::past);
  EXPECT_EQ(night.r.value, "2025-02-16TNI");
  EXPECT_EQ(night.type, TimexType::time);
  auto morning = one("this morning", kMon, Tense::past);
  EXPECT_EQ(morning.r.value, "2025-02-17TMO");
  EXPECT_EQ(morning.r.granularity, Granularity::time);
  expect_span(morning, "2025-02-17", "2025-02-17");
  EXPECT_EQ(one("tonight", kMon, Tense::future).r.value, "2025-02-17TNI");
}

TEST_F(TemporalGrammarTest, WeeksAreSpans) {
  auto f = one("this week", kMon, Tense::none);
  EXPECT_EQ(f.r.value, "2025-W08");
  EXPECT_EQ(f.r.granularity, Granularity::week);
  expect_span(f, "2025-02-17", "2025-02-23");
  expect_span(one("next week", kMon, Tense::none), "2025-02-24", "2025-03-02");
  expect_span(one("last week", kMon, Tense::none), "2025-02-10", "2025-02-16");
  // a Sunday story: "this week" is the coming week
  auto sun = one("this week", "2015-02-22", Tense::none);
  EXPECT_EQ(sun.r.value, "2015-W09");
  expect_span(sun, "2015-02-23", "2015-03-01");
}

TEST_F(TemporalGrammarTest, LaterAndEarlierThisPeriod) {
  auto later = one("later this week", kTue, Tense::future);
  EXPECT_EQ(later.r.value, "2013-W07");
  EXPECT_TRUE(later.r.approx);
  expect_span(later, "2013-02-13", "2013-02-17");
  auto earlier = one("earlier this month", kTue, Tense::past);
  EXPECT_EQ(earlier.r.value, "2013-02");
  expect_span(earlier, "2013-02-01", "2013-02-11");
  auto year = one("later this year", kMon, Tense::future);
  EXPECT_EQ(year.r.value, "2025");
  expect_span(year, "2025-02-18", "2025-12-31");
}

TEST_F(TemporalGrammarTest, MonthsYearsQuarters) {
  auto m = one("last month", kMon, Tense::past);
  EXPECT_EQ(m.r.value, "2025-01");
  expect_span(m, "2025-01-01", "2025-01-31");
  EXPECT_EQ(one("next year", kMon, Tense::none).r.value, "2026");
  EXPECT_EQ(one("this year", kMon, Tense::none).r.value, "2025");
  EXPECT_EQ(one("the third quarter", "1989-10-30", Tense::past).r.value, "1989-Q3");
  EXPECT_EQ(one("third-quarter profit", "1989-10-30", Tense::past).r.value, "1989-Q3");
  EXPECT_EQ(one("the first half of 2024", kMon, Tense::none).r.value, "2024-H1");
  EXPECT_EQ(one("this summer", kMon, Tense::future).r.value, "2025-SU");
  EXPECT_EQ(one("last fall", kMon, Tense::past).r.value, "2024-FA");
}

TEST_F(TemporalGrammarTest, EarlyMidLateMonth) {
  auto e = one("early February", kMon, Tense::none);
  EXPECT_EQ(e.r.value, "2025-02");
  expect_span(e, "2025-02-01", "2025-02-10");
  expect_span(one("mid-February", kMon, Tense::none), "2025-02-11", "2025-02-20");
  expect_span(one("late February", kMon, Tense::none), "2025-02-21", "2025-02-28");
  auto end = one("the end of the month", kMon, Tense::future);
  EXPECT_EQ(end.r.value, "2025-02");
  expect_span(end, "2025-02-21", "2025-02-28");
}

TEST_F(TemporalGrammarTest, DatesWithoutYearFollowTense) {
  EXPECT_EQ(one("Feb. 18", kMon, Tense::future).r.value, "2025-02-18");
  EXPECT_EQ(one("Feb. 18", kMon, Tense::past).r.value, "2024-02-18");
  EXPECT_EQ(one("18 February", kMon, Tense::none).r.value, "2025-02-18");
  EXPECT_EQ(one("February 18th", kMon, Tense::none).r.value, "2025-02-18");
  EXPECT_EQ(one("Dec. 30", "2025-01-03", Tense::past).r.value, "2024-12-30");
  EXPECT_EQ(one("Jan. 5", "2024-12-28", Tense::future).r.value, "2025-01-05");
  EXPECT_EQ(one("in April", kMon, Tense::past).r.value, "2024-04");
  // the month after the publication's: the coming one even in a past clause
  EXPECT_EQ(one("in March", kMon, Tense::past).r.value, "2025-03");
  EXPECT_EQ(one("Dec. 5", "2025-11-17", Tense::past).r.value, "2025-12-05");
  EXPECT_EQ(one("in January", "2025-12-10", Tense::past).r.value, "2025-01");
  EXPECT_EQ(one("in March", kMon, Tense::future).r.value, "2025-03");
  EXPECT_EQ(one("in December", "2025-03-10", Tense::none).r.value, "2024-12");
}

TEST_F(TemporalGrammarTest, ExplicitDates) {
  auto f = one("February 18, 2025", kMon, Tense::past);
  EXPECT_EQ(f.text, "February 18, 2025");
  EXPECT_EQ(f.r.value, "2025-02-18");
  EXPECT_EQ(one("2025-02-18", kMon, Tense::none).r.value, "2025-02-18");
  EXPECT_EQ(one("in 2024", kMon, Tense::none).r.value, "2024");
  EXPECT_EQ(one("in 1987", kMon, Tense::none).r.value, "1987");
  EXPECT_EQ(one("Tuesday, Feb. 18, 2025", kMon, Tense::none).r.value, "2025-02-18");
  auto dec = one("the 1990s", kMon, Tense::none);
  EXPECT_EQ(dec.text, "the 1990s");
  EXPECT_EQ(dec.r.value, "199");
  expect_span(dec, "1990-01-01", "1999-12-31");
  EXPECT_EQ(one("the 20th century", kMon, Tense::none).r.value, "19");
}

TEST_F(TemporalGrammarTest, Offsets) {
  EXPECT_EQ(one("three days ago", kMon, Tense::past).r.value, "2025-02-14");
  auto w = one("a week ago", kMon, Tense::past);
  EXPECT_EQ(w.r.value, "2025-02-10");
  expect_span(w, "2025-02-10", "2025-02-10");
  EXPECT_EQ(one("two weeks ago", kMon, Tense::past).r.value, "2025-02-03");
  EXPECT_EQ(one("three weeks ago", kMon, Tense::past).r.value, "2025-W05");
  auto in2 = one("in two weeks", kMon, Tense::future);
  EXPECT_EQ(in2.text, "two weeks");
  EXPECT_EQ(in2.r.value, "2025-W10");
  EXPECT_EQ(one("two years earlier", kMon, Tense::past, day("2020-06-01")).r.value, "2018");
  // (from no day before the publication's: the present's year, not two years past it)
  EXPECT_EQ(one("two years later", kMon, Tense::past).r.value, "2025");
  EXPECT_EQ(one("two years later", kMon, Tense::past, day("2020-06-01")).r.value, "2022");
  EXPECT_EQ(one("the next day", kMon, Tense::past, day("2025-01-10")).r.value, "2025-01-11");
  EXPECT_EQ(one("the day before", kMon, Tense::past, day("2025-01-10")).r.value, "2025-01-09");
  EXPECT_EQ(one("the following day", kMon, Tense::past).r.value, "2025-02-18");
}

TEST_F(TemporalGrammarTest, Fuzzy) {
  auto r = one("recently", kMon, Tense::past);
  EXPECT_EQ(r.r.value, "PAST_REF");
  EXPECT_TRUE(r.r.approx);
  expect_span(r, "2025-02-10", "2025-02-16");
  auto c = one("in the coming weeks", kMon, Tense::future);
  EXPECT_EQ(c.text, "the coming weeks");
  EXPECT_EQ(c.r.value, "PXW");  // after "in", a span of weeks from now; the window as "soon"
  expect_span(c, "2025-02-17", "2025-03-17");
  EXPECT_EQ(one("soon", kMon, Tense::future).r.value, "FUTURE_REF");
  EXPECT_EQ(one("now", kMon, Tense::present).r.value, "PRESENT_REF");
  EXPECT_EQ(one("currently", kMon, Tense::present).r.value, "PRESENT_REF");
  EXPECT_EQ(one("just days ago", kMon, Tense::past).r.value, "PAST_REF");
  EXPECT_EQ(one("the coming weeks", kMon, Tense::future).r.value, "FUTURE_REF");
}

TEST_F(TemporalGrammarTest, Durations) {
  auto d = one("for three days", kMon, Tense::past);
  EXPECT_EQ(d.text, "three days");
  EXPECT_EQ(d.type, TimexType::duration);
  EXPECT_EQ(d.r.value, "P3D");
  EXPECT_FALSE(d.r.earliest.has_value());
  EXPECT_EQ(d.r.granularity, Granularity::unknown);
  EXPECT_EQ(one("two weeks of talks", kMon, Tense::none).r.value, "P2W");
  auto v = one("a four-day visit", kMon, Tense::none);
  EXPECT_EQ(v.text, "four-day");
  EXPECT_EQ(v.r.value, "P4D");
  auto p = one("over the past three years", kMon, Tense::past);
  EXPECT_EQ(p.text, "the past three years");
  EXPECT_EQ(p.r.value, "P3Y");
  EXPECT_EQ(one("several months", kMon, Tense::none).r.value, "PXM");
  EXPECT_EQ(one("twenty-four hours", kMon, Tense::none).r.value, "PT24H");
}

TEST_F(TemporalGrammarTest, Sets) {
  auto s = one("every Tuesday", kMon, Tense::none);
  EXPECT_EQ(s.type, TimexType::set);
  EXPECT_EQ(s.r.value, "XXXX-WXX-2");
  EXPECT_EQ(one("They meet weekly.", kMon, Tense::present).r.value, "P1W");
  EXPECT_EQ(one("paid annually", kMon, Tense::present).r.value, "P1Y");
  EXPECT_EQ(one("each year", kMon, Tense::present).r.value, "P1Y");
  EXPECT_EQ(one("daily", kMon, Tense::present).r.value, "P1D");
}

TEST_F(TemporalGrammarTest, ClockTimes) {
  auto t = one("at 10 a.m.", kMon, Tense::future);
  EXPECT_EQ(t.text, "10 a.m.");
  EXPECT_EQ(t.type, TimexType::time);
  EXPECT_EQ(t.r.value, "2025-02-17T10:00");
  EXPECT_EQ(t.r.granularity, Granularity::time);
  EXPECT_EQ(one("3:30 p.m.", kMon, Tense::none).r.value, "2025-02-17T15:30");
  EXPECT_EQ(one("noon", kMon, Tense::none).r.value, "2025-02-17T12:00");
  auto w = one("Tuesday at 10 a.m.", kMon, Tense::future);
  EXPECT_EQ(w.text, "Tuesday at 10 a.m.");
  EXPECT_EQ(w.r.value, "2025-02-18T10:00");
}

TEST_F(TemporalGrammarTest, FalsePositives) {
  EXPECT_TRUE(run("They may meet again.", kMon, Tense::future).empty());
  EXPECT_TRUE(run("May I ask a question?", kMon, Tense::none).empty());
  EXPECT_TRUE(run("Thousands march in the capital.", kMon, Tense::present).empty());
  EXPECT_TRUE(run("The deal is worth 100M dollars.", kMon, Tense::none).empty());
  EXPECT_TRUE(run("It sold 155,221 cars.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("Shares of Tuesday Morning Inc fell.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("The Sun reported it.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("The Sunday Times reported it.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("They shipped 2000 tonnes of wheat.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("He won the second round.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("Theresa May said so.", kMon, Tense::past).empty());
}

TEST_F(TemporalGrammarTest, AmbiguousMonthInDateContext) {
  EXPECT_EQ(one("in May", kMon, Tense::future).r.value, "2025-05");
  EXPECT_EQ(one("May 5", kMon, Tense::future).r.value, "2025-05-05");
  EXPECT_EQ(one("early March", kMon, Tense::future).r.value, "2025-03");
}

TEST_F(TemporalGrammarTest, ExplicitDayAnchorsLaterShifts) {
  const auto tl = chronicle::tokenize("February 18, 2025");
  auto m = grammar_->tag(tl.tokens);
  ASSERT_EQ(m.size(), 1u);
  chronicle::Anchor a{day(kMon), std::nullopt};
  auto r = chronicle::resolve(*m[0].rel, a, Tense::past);
  auto d = chronicle::explicit_day(*m[0].rel, r);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(chronicle::cal::iso_day(*d), "2025-02-18");
  const auto tl2 = chronicle::tokenize("recently");
  auto m2 = grammar_->tag(tl2.tokens);
  ASSERT_EQ(m2.size(), 1u);
  auto r2 = chronicle::resolve(*m2[0].rel, a, Tense::past);
  EXPECT_FALSE(chronicle::explicit_day(*m2[0].rel, r2).has_value());
}

// tag() into a vector the caller keeps: the earlier sentence's matches give way to the
// next one's, which equal those of a fresh tag()
TEST_F(TemporalGrammarTest, TagIntoKeptVector) {
  std::vector<chronicle::TimexMatch> kept;
  for (const char* text : {"February 18-20, 2025 and last week", "nothing here",
                           "three days ago, on Tuesday at 10 a.m.", "recently"}) {
    const auto tl = chronicle::tokenize(text);
    grammar_->tag(tl.tokens, kept);
    const auto fresh = grammar_->tag(tl.tokens);
    ASSERT_EQ(kept.size(), fresh.size()) << text;
    chronicle::Anchor a{day(kMon), std::nullopt};
    for (std::size_t k = 0; k < kept.size(); ++k) {
      EXPECT_EQ(kept[k].first_token, fresh[k].first_token) << text;
      EXPECT_EQ(kept[k].last_token, fresh[k].last_token) << text;
      EXPECT_EQ(kept[k].type, fresh[k].type) << text;
      EXPECT_EQ(chronicle::resolve(*kept[k].rel, a, Tense::past).value,
                chronicle::resolve(*fresh[k].rel, a, Tense::past).value)
          << text;
    }
  }
}

TEST_F(TemporalGrammarTest, YearEndWhenNothingFollows) {
  const char* ref = "1989-11-02";
  auto f = one("They will finish by year-end.", ref, Tense::future);
  EXPECT_EQ(f.text, "year-end");
  EXPECT_EQ(f.r.value, "1989");
  EXPECT_EQ(one("It should be in place by year's end.", ref, Tense::future).text, "year's end");
  EXPECT_EQ(one("The shares will be sold by month-end.", ref, Tense::future).r.value, "1989-11");
  EXPECT_TRUE(run("The year-end figures were weak.", ref, Tense::past).empty());
  EXPECT_TRUE(run("The month-end net fell.", ref, Tense::past).empty());
}

TEST_F(TemporalGrammarTest, CurrentBeforeANoun) {
  EXPECT_EQ(one("the current weakness", kMon, Tense::none).r.value, "PRESENT_REF");
  auto f = one("the then current price", kMon, Tense::none);
  EXPECT_EQ(f.text, "then current");
  EXPECT_EQ(f.r.value, "PAST_REF");
  EXPECT_TRUE(run("The current account deficit widened.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("It was swept away by the current.", kMon, Tense::past).empty());
  EXPECT_EQ(one("It has not happened until now.", kMon, Tense::past).text, "now");
}

TEST_F(TemporalGrammarTest, RatesAreNoSets) {
  EXPECT_EQ(one("Rallies are held daily.", kMon, Tense::present).r.value, "P1D");
  EXPECT_TRUE(run("Revenue will grow by 20% annually.", kMon, Tense::future).empty());
  EXPECT_TRUE(run("Sales rise 8.5 percent annually.", kMon, Tense::present).empty());
  EXPECT_TRUE(run("The average daily volume fell.", kMon, Tense::past).empty());
  EXPECT_TRUE(run("Tuesday Morning shares fell.", kMon, Tense::past).empty());
}

TEST_F(TemporalGrammarTest, TaggingIsLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "the the March may 100M in in of ";
  const auto tl = chronicle::tokenize(text);
  EXPECT_TRUE(grammar_->tag(tl.tokens).empty());
}

}  // namespace
