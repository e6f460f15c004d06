// Export formats: iCalendar folding, escaping and UIDs, date words, and each writer on a
// hand-built timeline. The formats are also read back by independent parsers in
// tests/export/ (jsonschema, icalendar) through the binary.
#include <chronicle/export.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../test_support.h"

#include <cstdio>
#include <sstream>
#include <string>

namespace {

using namespace chronicle;
using date::days;

date::sys_days d(int y, unsigned m, unsigned dd) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{dd}};
}

Event event(std::string id, std::string type, sdk::Status status, When when) {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.status = status;
  e.when = std::move(when);
  e.summary = "Summary of " + e.id;
  e.plugin = "test";
  e.evidence.push_back({"src", "Sentence of " + e.id + ".", 10, 20});
  return e;
}

When window(std::optional<date::sys_days> lo, std::optional<date::sys_days> hi,
            Granularity g = Granularity::day, bool approx = false) {
  When w;
  w.earliest = lo;
  w.latest = hi;
  w.granularity = g;
  w.approx = approx;
  return w;
}

Timeline sample() {
  Timeline tl;
  tl.sources.push_back({"src", d(2025, 2, 17), "A | title"});
  tl.events.push_back(event("e1", "meeting", sdk::Status::planned,
                            window(d(2025, 2, 18), d(2025, 2, 18))));
  tl.events.push_back(event("e2", "summit", sdk::Status::occurred,
                            window(d(2025, 2, 10), d(2025, 2, 16), Granularity::unknown, true)));
  tl.events.push_back(event("e3", "visit", sdk::Status::cancelled,
                            window(d(2025, 2, 17), std::nullopt, Granularity::unknown)));
  tl.events.push_back(event("e4", "call", sdk::Status::unknown, window(std::nullopt, std::nullopt)));
  tl.events.push_back(event("e5", "talks", sdk::Status::postponed,
                            window(d(2025, 3, 1), d(2025, 3, 31), Granularity::month)));
  return tl;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (std::size_t n; (n = text.find("\r\n", pos)) != std::string::npos; pos = n + 2)
    out.push_back(text.substr(pos, n - pos));
  EXPECT_EQ(pos, text.size()) << "text after the last CRLF";
  return out;
}

// Logical lines, CRLF after each (RFC 5545 unfolding).
std::string unfold(const std::string& folded) {
  std::string out;
  for (const auto& l : lines(folded)) {
    if (!l.empty() && l[0] == ' ') {
      out.resize(out.size() - 2);  // continues the line before
      out += l.substr(1);
    } else {
      out += l;
    }
    out += "\r\n";
  }
  return out;
}

TEST(IcsEscape, EscapesCommaSemicolonBackslashAndNewline) {
  EXPECT_EQ(detail::ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(detail::ics_escape("x\r\ny"), "x\\ny");
  EXPECT_EQ(detail::ics_escape(std::string("bell\x07") + "tab\t"), "bell tab\t");
  EXPECT_EQ(detail::ics_escape("Zürich: 会談"), "Zürich: 会談");
}

TEST(IcsFold, ShortLinesStayWhole) {
  EXPECT_EQ(detail::ics_fold("SUMMARY:short"), "SUMMARY:short\r\n");
  const std::string exactly75(75, 'x');
  EXPECT_EQ(detail::ics_fold(exactly75), exactly75 + "\r\n");
}

TEST(IcsFold, FoldsAtSeventyFiveOctets) {
  const std::string line = "DESCRIPTION:" + std::string(300, 'a');
  const std::string folded = detail::ics_fold(line);
  const auto ls = lines(folded);
  ASSERT_GT(ls.size(), 4u);
  EXPECT_EQ(ls.front().size(), 75u);
  for (std::size_t i = 1; i < ls.size(); ++i) {
    EXPECT_EQ(ls[i][0], ' ');
    EXPECT_LE(ls[i].size(), 75u);
  }
  EXPECT_EQ(unfold(folded), line + "\r\n");
}

TEST(IcsFold, NeverSplitsUtf8Sequences) {
  // 2-, 3- and 4-octet characters at every alignment against the 75-octet limit
  for (const std::string ch : {"ä", "会", "🤝"}) {
    for (std::size_t pad = 0; pad < 4; ++pad) {
      std::string line = "SUMMARY:" + std::string(pad, 'p');
      for (int i = 0; i < 60; ++i) line += ch;
      const std::string folded = detail::ics_fold(line);
      for (const auto& l : lines(folded)) {
        EXPECT_LE(l.size(), 75u);
        const std::string body = l[0] == ' ' ? l.substr(1) : l;
        // a physical line starts with a lead octet and ends after a whole sequence
        ASSERT_FALSE(body.empty());
        EXPECT_NE(static_cast<unsigned char>(body.front()) & 0xC0, 0x80) << ch << pad;
        const auto last = body.find_last_of(ch.substr(0, 1));
        if (last != std::string::npos && body.compare(last, ch.size(), ch) != 0 &&
            body.size() - last < ch.size())
          ADD_FAILURE() << "split sequence of " << ch << " at pad " << pad;
      }
      EXPECT_EQ(unfold(folded), line + "\r\n");
    }
  }
}

TEST(IcsUid, StableAndDistinct) {
  const Timeline tl = sample();
  EXPECT_EQ(detail::ics_uid(tl.events[0]), detail::ics_uid(tl.events[0]));
  Event moved = tl.events[0];
  moved.id = "e9";  // renumbering does not change the UID
  moved.summary = "other words";
  EXPECT_EQ(detail::ics_uid(moved), detail::ics_uid(tl.events[0]));
  Event other_type = tl.events[0];
  other_type.type = "talks";
  EXPECT_NE(detail::ics_uid(other_type), detail::ics_uid(tl.events[0]));
  Event other_offset = tl.events[0];
  other_offset.evidence.front().start = 11;
  EXPECT_NE(detail::ics_uid(other_offset), detail::ics_uid(tl.events[0]));
  Event more_sources = tl.events[0];
  more_sources.evidence.push_back({"src2", "x", 0, 1});
  EXPECT_NE(detail::ics_uid(more_sources), detail::ics_uid(tl.events[0]));
  EXPECT_EQ(detail::ics_uid(tl.events[0]).size(), 16u + std::string("@chronicle").size());
}

TEST(DescribeWhen, Words) {
  using detail::describe_when;
  EXPECT_EQ(describe_when(window(d(2025, 2, 18), d(2025, 2, 18))), "18 February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 18), d(2025, 2, 20))), "18\u201320 February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 1), d(2025, 2, 28), Granularity::month)), "February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 18), d(2025, 2, 28), Granularity::unknown, true)),
            "later in February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 1), d(2025, 2, 16), Granularity::unknown, true)),
            "earlier in February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 10), d(2025, 2, 16), Granularity::unknown, true)),
            "about 10\u201316 February 2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 17), std::nullopt)), "on or after 17 February 2025");
  EXPECT_EQ(describe_when(window(std::nullopt, d(2025, 2, 16))), "by 16 February 2025");
  EXPECT_EQ(describe_when(window(std::nullopt, std::nullopt)), "date unknown");
  EXPECT_EQ(describe_when(window(d(2025, 1, 1), d(2025, 12, 31), Granularity::year)), "2025");
  EXPECT_EQ(describe_when(window(d(2025, 2, 27), d(2025, 3, 2))), "27 February \u2013 2 March 2025");
  EXPECT_EQ(describe_when(window(d(2024, 12, 30), d(2025, 1, 2))),
            "30 December 2024 \u2013 2 January 2025");
}

TEST(Ics, OneAllDayEventPerDatedEvent) {
  const std::string ics = to_ics(sample());
  const std::string all = unfold(ics);
  EXPECT_EQ(ics.find('\n'), ics.find("\r\n") + 1);
  EXPECT_EQ(lines(ics).front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines(ics).back(), "END:VCALENDAR");
  std::size_t n = 0;
  for (std::size_t p = 0; (p = all.find("BEGIN:VEVENT", p)) != std::string::npos; ++p) ++n;
  EXPECT_EQ(n, 4u);  // e4 has no day
  EXPECT_HAS(ics, "X-CHRONICLE-UNDATED:e4 Summary of e4\r\n");
  // e1: one day; DTEND is exclusive
  EXPECT_HAS(ics, "DTSTART;VALUE=DATE:20250218\r\nDTEND;VALUE=DATE:20250219\r\n");
  // e2: a window, approximate
  EXPECT_HAS(ics, "DTSTART;VALUE=DATE:20250210\r\nDTEND;VALUE=DATE:20250217\r\n");
  EXPECT_HAS(ics, "X-CHRONICLE-WINDOW:2025-02-10/2025-02-16\r\nX-CHRONICLE-APPROX:TRUE\r\n"
                  "X-CHRONICLE-GRANULARITY:unknown\r\n");
  // e3: open end, DTSTART only
  EXPECT_HAS(ics, "DTSTART;VALUE=DATE:20250217\r\nSUMMARY:Summary of e3\r\n");
  EXPECT_HAS(ics, "X-CHRONICLE-WINDOW:2025-02-17/..\r\n");
  // e5: a whole month
  EXPECT_HAS(ics, "DTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250401\r\n");
  EXPECT_HAS(ics, "X-CHRONICLE-APPROX:FALSE\r\nX-CHRONICLE-GRANULARITY:month\r\n");
  // statuses
  EXPECT_HAS(all, "STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\nX-CHRONICLE-ID:e1\r\n");
  EXPECT_HAS(all, "STATUS:CONFIRMED\r\nTRANSP:TRANSPARENT\r\nX-CHRONICLE-ID:e2\r\n");
  EXPECT_HAS(all, "STATUS:CANCELLED\r\nTRANSP:TRANSPARENT\r\nX-CHRONICLE-ID:e3\r\n");
  EXPECT_HAS(all, "STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\nX-CHRONICLE-ID:e5\r\n");
  // a sure single day has no uncertainty marks
  const auto e1 = all.substr(all.find("X-CHRONICLE-ID:e1"));
  EXPECT_LT(e1.find("END:VEVENT"), e1.find("X-CHRONICLE-APPROX"));
  EXPECT_HAS(all, "DTSTAMP:20250217T000000Z\r\n");
  EXPECT_EQ(ics, to_ics(sample()));
}

TEST(Json, SameFieldsAsYaml) {
  Timeline tl = sample();
  tl.errors.push_back({"x.jsonl:2", "not valid JSON"});
  const auto j = nlohmann::ordered_json::parse(to_json(tl));
  std::vector<std::string> top;
  for (const auto& [k, v] : j.items()) top.push_back(k);
  EXPECT_EQ(top, (std::vector<std::string>{"chronicle", "sources", "events", "errors"}));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j["events"][0].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "type", "status", "when", "summary",
                                            "participants", "location", "country", "plugin",
                                            "evidence"}));
  EXPECT_TRUE(j["events"][2]["when"]["latest"].is_null());
  EXPECT_EQ(j["events"][1]["when"]["approx"], true);
  EXPECT_EQ(j["events"][0]["evidence"][0]["start"], 10);
  EXPECT_FALSE(j["events"][0].contains("reports"));
}

// The JSON is written one source and one event at a time: its bytes are still those of
// nlohmann::json's own dump(2) of the whole document, for every shape of list (empty, one,
// several), with and without errors, with versions and conflicts, and with text that is
// not ASCII or not UTF-8 (replaced, as the dump's error handler does).
TEST(Json, WrittenPieceByPieceAsOneDump) {
  auto dumped = [](const std::string& text) {
    return nlohmann::ordered_json::parse(text).dump(
               2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  };
  Timeline tl = sample();
  EXPECT_EQ(to_json(tl), dumped(to_json(tl)));
  tl.errors.push_back({"x.jsonl:2", "not valid JSON: \"{\" \u00e9\n"});
  tl.errors.push_back({"y.txt", "no date"});
  tl.events[0].versions = {tl.events[1], tl.events[2]};
  tl.events[0].conflicts.push_back({"when", {"2025-02-18", "2025-02-19"}, {{"a"}, {"b", "c"}}});
  tl.events[1].summary = std::string("bad \xff byte, Z\u00fcrich \u4f1a\u8ac7");
  tl.events[1].participants.clear();
  const std::string all = to_json(tl);
  EXPECT_EQ(all, dumped(all));
  EXPECT_NE(all.find("\"reports\": 2"), std::string::npos);
  EXPECT_NE(all.find("bad \xef\xbf\xbd byte"), std::string::npos);  // U+FFFD
  Timeline empty;
  EXPECT_EQ(to_json(empty), "{\n  \"chronicle\": 1,\n  \"sources\": [],\n  \"events\": []\n}\n");
  EXPECT_EQ(to_json(empty), dumped(to_json(empty)));
  empty.errors.push_back({"z", "m"});
  EXPECT_EQ(to_json(empty), dumped(to_json(empty)));
}

TEST(TimelineJs, KnownPartsOnly) {
  const auto j = nlohmann::json::parse(to_timelinejs(sample()));
  ASSERT_EQ(j["events"].size(), 4u);
  const auto& e1 = j["events"][0];
  EXPECT_EQ(e1["start_date"], (nlohmann::json{{"year", 2025}, {"month", 2}, {"day", 18}}));
  EXPECT_FALSE(e1.contains("end_date"));
  EXPECT_FALSE(e1.contains("display_date"));
  EXPECT_EQ(e1["group"], "meeting");
  EXPECT_EQ(e1["text"]["headline"], "Summary of e1");
  const auto& e2 = j["events"][1];
  EXPECT_EQ(e2["end_date"]["day"], 16);
  EXPECT_EQ(e2["display_date"], "about 10\u201316 February 2025");
  EXPECT_EQ(j["events"][2]["display_date"], "on or after 17 February 2025");
  const auto& e5 = j["events"][3];
  EXPECT_EQ(e5["start_date"], (nlohmann::json{{"year", 2025}, {"month", 3}}));
  EXPECT_FALSE(e5.contains("end_date"));
}

TEST(Markdown, PipesEscapedOneRowPerEvent) {
  Timeline tl = sample();
  tl.events[0].summary = "A | B";
  tl.events[0].location = "Line\nbreak";
  const std::string md = to_markdown(tl);
  EXPECT_HAS(md, "| Date | Event | Who | Where | Status | Source |\n");
  EXPECT_HAS(md, "| 18 February 2025 | A \\| B (meeting) | \u2014 | Line break | planned | src |\n");
  EXPECT_HAS(md, "| date unknown | Summary of e4 (call) |");
  std::size_t rows = 0;
  for (std::size_t p = 0; (p = md.find("\n| ", p)) != std::string::npos; ++p) ++rows;
  EXPECT_EQ(rows, 1u + tl.events.size());  // the header and one per event ("|---" rule apart)
}

TEST(Formats, RenderKnowsEveryListedFormat) {
  for (const auto& f : timeline_formats()) EXPECT_FALSE(render_timeline(sample(), f).empty()) << f;
  EXPECT_THROW(render_timeline(sample(), "pdf"), std::invalid_argument);
  EXPECT_EQ(render_timeline(sample(), "yaml"), to_yaml(sample()));
}

TEST(Formats, WriteTimelineGivesTheRenderedBytes) {
  for (const auto& f : timeline_formats()) {
    std::ostringstream out;
    write_timeline(out, sample(), f);
    EXPECT_EQ(out.str(), render_timeline(sample(), f)) << f;
  }
  std::ostringstream out;
  write_yaml(out, sample());
  EXPECT_EQ(out.str(), to_yaml(sample()));
  std::ostringstream none;
  EXPECT_THROW(write_timeline(none, sample(), "pdf"), std::invalid_argument);
}

}  // namespace

namespace {

std::string run_help(const std::string& sub) {
  std::string out;
  FILE* p = ::popen((std::string(CHRONICLE_BINARY) + " " + sub + " --help 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

// The set CLI11 prints after "--format TEXT:", e.g. {yaml,json,ics}.
std::string listed_formats(const std::string& help) {
  const auto at = help.find("--format TEXT:{");
  if (at == std::string::npos) return "(no --format)";
  const auto open = help.find('{', at), close = help.find('}', at);
  return help.substr(open + 1, close - open - 1);
}

TEST(FormatsHelp, ListsExactlyTheFormatsThatExist) {
  std::string want;
  for (const auto& f : timeline_formats()) want += (want.empty() ? "" : ",") + f;
  EXPECT_EQ(listed_formats(run_help("merge")), want);
  EXPECT_EQ(listed_formats(run_help("extract")), want + ",jsonl");
}

}  // namespace
