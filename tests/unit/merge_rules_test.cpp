// Cross-article merge rules (core/src/merge.cpp), one at a time: each rule with a pair of
// reports it joins and a pair it keeps apart. Reports are built here as an article's
// extraction would leave them (an undated report bounded by its article's date).
#include <gtest/gtest.h>

#include <chronicle/calendar.h>
#include <chronicle/merge.h>
#include <chronicle/timeline.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace {

using namespace chronicle;
using date::days;
using date::sys_days;

sys_days day(int y, unsigned m, unsigned d) {
  return sys_days{date::year{y} / date::month{m} / date::day{d}};
}

struct R {
  std::string source;
  sys_days published;
  std::string type = "meeting";
  sdk::Status status = sdk::Status::occurred;
  // the event's own window; none: undated
  std::optional<sys_days> from, to;
  Granularity granularity = Granularity::day;
  std::vector<std::string> participants;
  std::string location, country;
  bool approx = false;  // a window read from a vague phrase ("next month")

  // The same report told by another article (published on another day when given).
  R told_by(std::string other, std::optional<sys_days> on = std::nullopt) const {
    R r = *this;
    r.source = std::move(other);
    if (on) r.published = *on;
    return r;
  }
  // The report dated from one day to another, at a granularity.
  R& spanning(sys_days first, sys_days last, Granularity g) {
    from = first;
    to = last;
    granularity = g;
    return *this;
  }
  // The report dated on one day.
  R& on_day(sys_days d) { return spanning(d, d, Granularity::day); }
};

// One article's timeline holding one report.
Timeline article(const R& r) {
  Timeline t;
  t.sources.push_back({r.source, r.published, r.source + " title"});
  Event e;
  e.id = "e1";
  e.type = r.type;
  e.status = r.status;
  if (r.from) {
    e.when.text = "on that day";
    e.when.value = cal::iso_day(*r.from);
    e.when.earliest = r.from;
    e.when.latest = r.to ? r.to : r.from;
    e.when.granularity = r.granularity;
    e.when.approx = r.approx;
  } else {
    // what the in-document pass leaves on an undated event
    e.when.granularity = Granularity::unknown;
    if (r.status == sdk::Status::occurred) e.when.latest = r.published;
    if (r.status == sdk::Status::planned || r.status == sdk::Status::speculative)
      e.when.earliest = r.published;
  }
  e.participants = r.participants;
  e.location = r.location;
  e.country = r.country;
  e.summary = r.type + " of " + r.source;
  e.plugin = "meetings";
  e.evidence.push_back({r.source, "A sentence of " + r.source + ".", 0, 10});
  t.events.push_back(std::move(e));
  return t;
}

BuildOptions options() {
  BuildOptions o;
  o.type_rank = {"summit", "conference", "talks", "meeting"};
  return o;
}

Timeline merged(const std::vector<R>& rs) {
  std::vector<Timeline> parts;
  for (const auto& r : rs) parts.push_back(article(r));
  return merge_timelines(std::move(parts), options());
}

// Two reports: one entry or two.
std::size_t entries(const R& a, const R& b) { return merged({a, b}).events.size(); }

const std::vector<std::string> kShultz{"George Shultz", "Eduard Shevardnadze"};

// --- places -------------------------------------------------------------------------

TEST(MergeRules, DifferentCitiesNeverMerge) {
  R a{"a", day(1987, 4, 9), "talks", sdk::Status::occurred, day(1987, 4, 8)};
  a.participants = kShultz;
  a.location = "Washington";
  a.country = "United States";
  R b = a.told_by("b");
  b.location = "New York";
  EXPECT_EQ(entries(a, b), 2u) << "Washington and New York are two places";
  R c = a.told_by("c");
  c.location = "United States";
  c.country = "United States";
  EXPECT_EQ(entries(a, c), 1u) << "Washington is in the United States";
}

TEST(MergeRules, AnEntryNeverJoinsTwoPlacesThatExcludeEachOther) {
  // Luxembourg and Taupo both fit the unplaced report, never each other
  R a{"a", day(1987, 3, 20), "conference", sdk::Status::occurred, day(1987, 3, 19)};
  a.participants = {"General Agreement on Tariffs and Trade", "Clayton Yeutter"};
  R b = a.told_by("b");
  b.location = "Luxembourg";
  b.country = "Luxembourg";
  R c = a.told_by("c");
  c.location = "Taupo";
  c.country = "New Zealand";
  const Timeline t = merged({a, b, c});
  ASSERT_EQ(t.events.size(), 2u);
  for (const auto& e : t.events) EXPECT_LE(e.reports(), 2u);
}

// --- windows ------------------------------------------------------------------------

TEST(MergeRules, DatedReportsMustOverlapOnTheirOwnDates) {
  R a{"a", day(1987, 4, 1), "talks", sdk::Status::planned, day(1987, 4, 13), day(1987, 4, 19),
      Granularity::week};
  a.participants = kShultz;
  a.location = "Moscow";
  R b = a.told_by("b", day(1987, 4, 16));
  b.status = sdk::Status::occurred;
  b.on_day(day(1987, 4, 15));
  EXPECT_EQ(entries(a, b), 1u) << "April 15 is in the week of April 13";
  R c = b.told_by("c", day(1987, 5, 30));
  c.on_day(day(1987, 5, 29));
  EXPECT_EQ(entries(a, c), 2u) << "May 29 is not in the week of April 13";
}

TEST(MergeRules, DaysOneApartAreOneEventInConflict) {
  R a{"a", day(2025, 3, 3), "meeting", sdk::Status::planned, day(2025, 3, 6)};
  a.participants = {"Anna Keller", "Tomas Rivera"};
  a.location = "Geneva";
  R b = a.told_by("b");
  b.on_day(day(2025, 3, 7));
  const Timeline t = merged({a, b});
  ASSERT_EQ(t.events.size(), 1u);
  ASSERT_EQ(t.events[0].conflicts.size(), 1u);
  EXPECT_EQ(t.events[0].conflicts[0].field, "when");
  R c = a.told_by("c");
  c.on_day(day(2025, 3, 8));
  EXPECT_EQ(entries(a, c), 2u) << "two days apart: two meetings";
}

TEST(MergeRules, AnUndatedPlannedReportDoesNotSwallowAYearLongWindow) {
  // "GATT ministers will meet" (undated) and "the 1987 negotiations in Luxembourg"
  R a{"a", day(1987, 3, 24), "conference", sdk::Status::planned};
  a.participants = {"General Agreement on Tariffs and Trade"};
  a.location = "Luxembourg";
  R b = a.told_by("b", day(1987, 4, 20));
  b.status = sdk::Status::occurred;
  b.spanning(day(1987, 1, 1), day(1987, 12, 31), Granularity::year);
  EXPECT_EQ(entries(a, b), 2u) << "a year is no date of the event's own";
  R c = b.told_by("c");
  c.status = sdk::Status::planned;
  c.spanning(day(1987, 4, 1), day(1987, 4, 30), Granularity::month);
  EXPECT_EQ(entries(a, c), 1u) << "April meets the undated plan of March 24";
}

TEST(MergeRules, AnUndatedReportOnlyMeetsDatesOnItsStatusSide) {
  // told as over on April 9: not the meeting dated April 20
  R a{"a", day(1987, 4, 9), "meeting", sdk::Status::occurred};
  a.participants = kShultz;
  a.location = "Moscow";
  R b = a.told_by("b", day(1987, 4, 2));
  b.status = sdk::Status::planned;
  b.on_day(day(1987, 4, 20));
  EXPECT_EQ(entries(a, b), 2u);
  R c = b.told_by("c");
  c.on_day(day(1987, 4, 7));
  EXPECT_EQ(entries(a, c), 1u) << "April 7 is before the article of April 9";
}

TEST(MergeRules, UndatedReportsOnlyFromArticlesAWeekApart) {
  // a planned General Assembly told undated in August is not the one under way in September
  R a{"a", day(2023, 8, 21), "conference", sdk::Status::planned};
  a.participants = {"United Nations General Assembly", "Joe Biden"};
  a.location = "New York";
  R b = a.told_by("b", day(2023, 9, 19));
  b.status = sdk::Status::ongoing;
  const Timeline t = merged({a, b});
  ASSERT_EQ(t.events.size(), 2u);
  for (const auto& e : t.events) EXPECT_EQ(e.reports(), 1u);
  R c = a.told_by("c", day(2023, 8, 24));
  EXPECT_EQ(entries(a, c), 1u) << "the same plan told three days later";
}

TEST(MergeRules, AnExactWindowIsKeptOverAnApproximateOneOfTheSameWidth) {
  // "next month" in one article, "in August" in the other: the same window, one exact
  R a{"a", day(2021, 7, 20), "visit", sdk::Status::planned, day(2021, 8, 1), day(2021, 8, 31),
      Granularity::month};
  a.participants = {"Anna Keller", "Tomas Rivera"};
  a.location = "Geneva";
  a.approx = true;
  for (const bool exact_first : {false, true}) {
    R b = a.told_by(exact_first ? "0" : "b", day(2021, 7, 22));
    b.approx = false;
    const Timeline t = merged({a, b});
    ASSERT_EQ(t.events.size(), 1u);
    EXPECT_FALSE(t.events[0].when.approx) << "exact report told " << (exact_first ? "first" : "last");
    EXPECT_EQ(t.events[0].when.earliest, day(2021, 8, 1));
  }
}

// --- participants -------------------------------------------------------------------

TEST(MergeRules, GroupsAsWrittenLinkNothing) {
  R a{"a", day(1987, 4, 13), "talks", sdk::Status::occurred, day(1987, 4, 13)};
  a.participants = {"Soviet leaders", "EC diplomats"};
  R b = a.told_by("b");
  EXPECT_EQ(entries(a, b), 2u) << "\"Soviet leaders\" names no one";
  R c = a, d = a;
  d.source = "d";
  c.location = d.location = "Moscow";
  EXPECT_EQ(entries(c, d), 2u) << "groups as written, even in one place";
  c.participants = {"George Shultz", "Soviet leaders"};
  d.participants = {"George Shultz", "Soviet leaders", "Eduard Shevardnadze"};
  EXPECT_EQ(entries(c, d), 1u) << "George Shultz, in Moscow, on the same day";
  c.location = d.location = "";
  EXPECT_EQ(entries(c, d), 2u) << "one name shared, among others, and no place";
}

TEST(MergeRules, OneSharedNameNeedsAPlaceOrPreciseDates) {
  // "the IMF" on both sides, in a month: many IMF meetings
  R a{"a", day(1987, 4, 2), "conference", sdk::Status::planned, day(1987, 4, 1), day(1987, 4, 30),
      Granularity::month};
  a.participants = {"IMF"};
  R b = a.told_by("b", day(1987, 4, 3));
  EXPECT_EQ(entries(a, b), 2u);
  R c = a, d = b;
  c.on_day(day(1987, 4, 8));
  d.on_day(day(1987, 4, 8));
  EXPECT_EQ(entries(c, d), 1u) << "the IMF on the same day";
  R e = a, f = b;
  e.location = f.location = "Washington";
  EXPECT_EQ(entries(e, f), 1u) << "the IMF in Washington in April";
}

TEST(MergeRules, OneSharedNameWithAnUndatedSideNeedsAPlace) {
  // "the IMF meetings" told undated, and "today's IMF interim committee meeting"
  R a{"a", day(1987, 4, 9), "conference", sdk::Status::occurred, day(1987, 4, 9)};
  a.participants = {"International Monetary Fund"};
  R b{"b", day(1987, 4, 9), "conference", sdk::Status::occurred};
  b.participants = {"International Monetary Fund"};
  EXPECT_EQ(entries(a, b), 2u);
  a.location = b.location = "Washington";
  EXPECT_EQ(entries(a, b), 1u) << "the IMF in Washington, told the same day";
  R c = b, d = b;
  c.participants = d.participants = {"George Shultz", "Geoffrey Howe"};
  c.location = d.location = "";
  d.source = "d";
  d.status = sdk::Status::planned;
  d.published = day(1987, 4, 3);
  EXPECT_EQ(entries(c, d), 1u) << "two names, undated on both sides";
}

TEST(MergeRules, SidesNamingDifferentPeopleAreTwoEventsInOnePlace) {
  R a{"a", day(1987, 4, 8), "meeting", sdk::Status::occurred, day(1987, 4, 7)};
  a.participants = {"Dilson Funaro"};
  a.location = "Washington";
  R b = a.told_by("b");
  b.participants = {"Geoffrey Howe", "George Shultz"};
  EXPECT_EQ(entries(a, b), 2u);
  R c = a.told_by("c");
  c.participants = {};
  EXPECT_EQ(entries(a, c), 1u) << "the Washington meeting of April 7, nobody named";
  c.type = "talks";
  EXPECT_EQ(entries(a, c), 2u) << "a place alone links one type only";
  a.participants = {};
  EXPECT_EQ(entries(a, c), 1u) << "unless neither names anyone";
}

TEST(MergeRules, APlaceAloneLinksOnlyDatedReportsOfAMonthOrLess) {
  R a{"a", day(1987, 3, 2), "summit", sdk::Status::planned, day(1987, 6, 8), day(1987, 6, 10)};
  a.location = "Venice";
  R b = a.told_by("b");
  b.spanning(day(1987, 6, 1), day(1987, 6, 30), Granularity::month);
  EXPECT_EQ(entries(a, b), 1u) << "the Venice summit, June 8-10 and in June";
  R c = a.told_by("c");
  c.from.reset();
  c.to.reset();
  EXPECT_EQ(entries(a, c), 2u) << "an undated report in the same place";
  R d = b;
  d.spanning(day(1986, 1, 1), day(1986, 12, 31), Granularity::year);
  R e = d.told_by("e");
  EXPECT_EQ(entries(d, e), 2u) << "a year and a place: many events";
}

TEST(MergeRules, AWindowLongerThanAMonthLinksOnlyByTwoNames) {
  // "the 2023 Munich Security Conference" and "Harris met Scholz today in Munich"
  R a{"a", day(2023, 2, 10), "conference", sdk::Status::planned, day(2023, 1, 1),
      day(2023, 12, 31), Granularity::year};
  a.participants = {"Kamala Harris"};
  a.location = "Munich";
  R b{"b", day(2023, 2, 17), "meeting", sdk::Status::occurred, day(2023, 2, 17)};
  b.participants = {"Kamala Harris", "Olaf Scholz"};
  b.location = "Munich";
  EXPECT_EQ(entries(a, b), 2u);
  a.participants = {"Kamala Harris", "Olaf Scholz"};
  EXPECT_EQ(entries(a, b), 1u) << "two names shared";
  R c = b.told_by("c");
  c.participants = {"Kamala Harris"};
  c.spanning(day(2023, 2, 1), day(2023, 2, 28), Granularity::month);
  EXPECT_EQ(entries(c, b), 1u) << "a month is not too long";
}

TEST(MergeRules, AVisitsDestinationIsNoSharedParticipant) {
  R a{"a", day(1987, 4, 9), "visit", sdk::Status::planned, day(1987, 4, 16), day(1987, 4, 27)};
  a.participants = {"Richard Lyng", "Japan"};
  a.location = a.country = "Japan";
  a.granularity = Granularity::unknown;
  R b = a.told_by("b");
  b.participants = {"Noboru Takeshita", "Japan"};
  EXPECT_EQ(entries(a, b), 2u) << "two visitors to Japan";
  R c = a.told_by("c");
  c.participants = {"Clayton Yeutter", "Richard Lyng", "Japan"};
  EXPECT_EQ(entries(a, c), 1u);
}

// --- status -------------------------------------------------------------------------

TEST(MergeRules, ALaterDatedReportTurnsAPlanIntoWhatOccurred) {
  R a{"a", day(2025, 3, 3), "meeting", sdk::Status::planned, day(2025, 3, 6)};
  a.participants = {"Anna Keller", "Tomas Rivera"};
  a.location = "Geneva";
  R b = a.told_by("b", day(2025, 3, 12));
  b.status = sdk::Status::occurred;
  b.spanning(day(2025, 3, 3), day(2025, 3, 9), Granularity::week);
  const Timeline t = merged({a, b});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].status, sdk::Status::occurred) << "\"the meeting last week\"";
}

TEST(MergeRules, AStatusComesOnlyFromAReportWhoseWindowFits) {
  // two reports plan it for March 6; a later one has it on March 5 ("met yesterday"): the
  // date kept is March 6, and the report that disagrees does not turn it to occurred
  R a{"a", day(2025, 3, 3), "meeting", sdk::Status::planned, day(2025, 3, 6)};
  a.participants = {"Anna Keller", "Tomas Rivera"};
  a.location = "Geneva";
  R b = a.told_by("b", day(2025, 3, 4));
  R c = a.told_by("c", day(2025, 3, 6));
  c.status = sdk::Status::occurred;
  c.on_day(day(2025, 3, 5));
  Timeline t = merged({a, b, c});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].status, sdk::Status::planned);
  ASSERT_EQ(t.events[0].conflicts.size(), 1u);
  // under way on the article's date, within the window: it fits
  R d = a.told_by("d", day(2025, 3, 6));
  d.status = sdk::Status::ongoing;
  d.from.reset();
  t = merged({a, b, d});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].status, sdk::Status::ongoing);
}

// --- algebra ------------------------------------------------------------------------

TEST(MergeRules, MergeIsCommutativeAndAssociative) {
  R a{"a", day(1987, 4, 9), "talks", sdk::Status::planned, day(1987, 4, 13), day(1987, 4, 19),
      Granularity::week};
  a.participants = kShultz;
  a.location = "Moscow";
  R b{"b", day(1987, 4, 13), "talks", sdk::Status::ongoing};
  b.participants = {"George Shultz", "Soviet leaders"};
  b.location = "Moscow";
  R c{"c", day(1987, 4, 16), "meeting", sdk::Status::occurred, day(1987, 4, 14)};
  c.participants = kShultz;
  R d{"d", day(1987, 4, 14), "meeting", sdk::Status::occurred, day(1987, 4, 14)};
  d.participants = {"Geoffrey Howe"};
  d.location = "Washington";
  const std::vector<R> all{a, b, c, d};
  const std::string want = to_yaml(merged(all));
  EXPECT_EQ(to_yaml(merged({d, c, b, a})), want);
  std::vector<Timeline> ab;
  ab.push_back(article(a));
  ab.push_back(article(b));
  std::vector<Timeline> cd;
  cd.push_back(article(c));
  cd.push_back(article(d));
  std::vector<Timeline> halves;
  halves.push_back(merge_timelines(std::move(ab), options()));
  halves.push_back(merge_timelines(std::move(cd), options()));
  EXPECT_EQ(to_yaml(merge_timelines(std::move(halves), options())), want);
}

// extract keeps only the timeline fields of each document's events until the merge: the
// merge reads nothing else, so the result is the same, and merged entries keep everything.
TEST(MergeRules, KeepingTimelineFieldsChangesNoMerge) {
  R a{"a", day(1987, 4, 9), "talks", sdk::Status::planned, day(1987, 4, 13), day(1987, 4, 19),
      Granularity::week};
  a.participants = kShultz;
  a.location = "Moscow";
  R b{"b", day(1987, 4, 13), "talks", sdk::Status::ongoing};
  b.participants = kShultz;
  b.location = "Moscow";
  R c{"c", day(1987, 4, 14), "meeting", sdk::Status::occurred, day(1987, 4, 14)};
  c.participants = {"Geoffrey Howe"};
  const std::string want = to_yaml(merged({a, b, c}));
  std::vector<Timeline> parts;
  for (const auto& r : {a, b, c}) {
    Timeline t = article(r);
    Event& e = t.events.front();
    e.agents = {r.participants.front()};
    e.type_votes = {{r.type, 2}};
    e.name_words = {"east", "asia"};
    e.first_sentence = 3;
    keep_timeline_fields(e);
    EXPECT_TRUE(e.id.empty() && e.agents.empty() && e.type_votes.empty() &&
                e.name_words.empty() && e.first_sentence == 0);
    EXPECT_EQ(e.participants, r.participants);
    EXPECT_EQ(e.evidence.size(), 1u);
    parts.push_back(std::move(t));
  }
  Timeline t = merge_timelines(std::move(parts), options());
  EXPECT_EQ(to_yaml(t), want);
  ASSERT_EQ(t.events.size(), 2u);
  Event& entry = t.events[0].versions.empty() ? t.events[1] : t.events[0];
  ASSERT_EQ(entry.reports(), 2u);
  const Event before = entry;
  keep_timeline_fields(entry);  // an entry with versions is left as it is
  EXPECT_EQ(to_yaml({{}, {entry}, {}}), to_yaml({{}, {before}, {}}));
  EXPECT_EQ(entry.id, before.id);
}

// The merged sources are in (date, id, title) order with the repeats dropped, the ids
// compared byte by byte whatever their lengths, shared beginnings and zero bytes.
TEST(MergeRules, SourcesInDateIdTitleOrder) {
  using namespace std::string_literals;
  const std::vector<std::string> ids{"reuters-10", "reuters-9", "reuters-1",  "reuters-100",
                                     "reuters-",   "reuters",   "reuters-1\0"s, "reuters-1\0a"s,
                                     "reuters-10000000000", "reuters-1000000000a", "Reuters-5",
                                     "reuters-\xff", "reuters-\x80x"};
  std::vector<Source> all;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    all.push_back({ids[i], day(1987, 3, 1 + static_cast<unsigned>(i % 3)), "t"});
    all.push_back({ids[i], day(1987, 3, 1 + static_cast<unsigned>(i % 2)), i % 2 ? "b" : "a"});
  }
  all.push_back(all[3]);  // a repeat
  std::vector<Timeline> parts;
  for (const Source& s : all) {
    Timeline t;
    t.sources.push_back(s);
    parts.push_back(std::move(t));
  }
  const Timeline t = merge_timelines(std::move(parts), options());
  std::vector<Source> want = all;
  const auto key = [](const Source& s) { return std::tie(s.published, s.id, s.title); };
  std::sort(want.begin(), want.end(),
            [&](const Source& a, const Source& b) { return key(a) < key(b); });
  want.erase(std::unique(want.begin(), want.end(),
                         [&](const Source& a, const Source& b) { return key(a) == key(b); }),
             want.end());
  ASSERT_EQ(t.sources.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(t.sources[i].id, want[i].id) << i;
    EXPECT_EQ(t.sources[i].published, want[i].published) << i;
    EXPECT_EQ(t.sources[i].title, want[i].title) << i;
  }
}

}  // namespace
