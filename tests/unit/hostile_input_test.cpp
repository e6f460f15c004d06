// Hostile input end to end (issue 8): each case puts the bad document between good ones
// and checks that the bad one is named with a clear message (or read safely) and that no
// good document is lost. Large inputs are made here at test time, never committed.
//
// Covered elsewhere and not repeated here: a JSONL line with "published" as a number
// (cli_test), front matter that is a list, invalid YAML, an unclosed block (document_test),
// `-o` into a missing folder, `-o /dev/null` and `-o` into a FIFO (cli_polish_test),
// byte-identical output for any --threads (corpus_scale_test).
#include <chronicle/text.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../test_support.h"

namespace {

using chronicle::testing::CliRun;
using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

class Hostile : public chronicle::testing::CliTest {
 protected:
  Hostile() : CliTest("hostile") {}

  void SetUp() override {
    CliTest::SetUp();
    in_ = dir_ / "in";
    fs::create_directories(in_);
  }

  // Writes an input file into in_ (the test's folder also holds stdout.txt, stderr.txt).
  fs::path input(const std::string& name, const std::string& content) {
    return write(in_ / name, content);
  }

  fs::path in_;  // the input documents

  static std::string doc(const std::string& id, const std::string& text,
                         const std::string& published = "2025-02-17") {
    nlohmann::json j;
    j["id"] = id;
    j["published"] = published;
    j["text"] = text;
    return j.dump() + "\n";
  }

  // `chronicle extract ARGS --format jsonl`: one JSON object per output line.
  std::vector<nlohmann::json> extract_jsonl(const std::string& args, CliRun* run_out = nullptr) {
    const CliRun r = run("extract --format jsonl -q " + args);
    if (run_out) *run_out = r;
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << "not JSON: " << line.substr(0, 200);
      lines.push_back(j);
    }
    std::string out = r.out;
    EXPECT_EQ(chronicle::repair_utf8(out), 0u) << "the output must be valid UTF-8";
    return lines;
  }

  // The ids of the documents in a jsonl output, "error" for a failure line.
  static std::vector<std::string> ids(const std::vector<nlohmann::json>& lines) {
    std::vector<std::string> out;
    for (const auto& j : lines) out.push_back(j.contains("error") ? "error" : j.value("id", "?"));
    return out;
  }

  // A copy of the English lexicons in dir_/<name> with `text.yaml`'s line `from` made
  // `to`, and a config using it; returns the config's path.
  fs::path config_with_lexicon(const std::string& name, const std::string& from,
                               const std::string& to) {
    const fs::path lex = dir_ / name;
    fs::copy(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en", lex);
    std::string text = slurp(lex / "text.yaml");
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    std::ofstream(lex / "text.yaml", std::ios::binary | std::ios::trunc) << text;
    return write(name + ".yaml", "schema: 1\nengine:\n  lexicons: " + lex.string() +
                                     "\nplugins:\n  search_paths: [\"" CHRONICLE_PLUGIN_DIR
                                     "\"]\n"
                                     "  load:\n    - {name: meetings, lexicon: meetings.yaml}\n");
  }
};

const std::string kMeeting =
    "President John Smith met Prime Minister Jane Doe in Paris on Tuesday.";

// --- bytes ----------------------------------------------------------------------------

TEST_F(Hostile, InvalidUtf8AndNulBytesAmongGoodDocuments) {
  input("a.txt", kMeeting + "\n");
  input("b.txt",
        "Caf\xE9 talks \x00\x00 were held \xFF\xFE\xC0\xAF on Monday.\n"
        "\xED\xA0\x80 (a surrogate) and \xF4\x90\x80\x80 (past U+10FFFF).\n" +
            std::string("\0", 1) + kMeeting + "\n");
  input("c.txt", kMeeting + "\n");
  // JSON must be UTF-8: a raw Latin-1 byte makes the line invalid JSON; \u0000 is valid
  input("d.jsonl", doc("d1", kMeeting) +
                       "{\"id\":\"d2\",\"published\":\"2025-02-17\",\"text\":\"Caf\xE9\"}\n" +
                       doc("d3", std::string("NUL \0 inside", 12) + kMeeting));
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"a", "b", "c", "d1", "error", "d3"}));
  EXPECT_HAS(r.err, "warning: " + (in_ / "b.txt").string() + ": ");
  EXPECT_HAS(r.err, "byte(s) that were not UTF-8 (or NUL) were replaced with U+FFFD");
  EXPECT_HAS(r.err, "error: " + (in_ / "d.jsonl").string() + ":2: not valid JSON");
  EXPECT_HAS(r.err, "UTF-8");
  // the repaired document is still read: its meeting is there
  EXPECT_FALSE(lines[1]["events"].empty()) << lines[1].dump();
  EXPECT_FALSE(lines[5]["events"].empty()) << lines[5].dump();
}

// --- size -----------------------------------------------------------------------------

TEST_F(Hostile, FiftyMegabyteOneLineDocumentIsRefusedByTheConfiguredLimit) {
  input("a.txt", kMeeting + "\n");
  {
    std::ofstream big(in_ / "b.txt", std::ios::binary);
    const std::string unit = "Officials met on Tuesday and talked about 1987 and March. ";
    for (std::size_t n = 0; n < 50'000'000; n += unit.size()) big << unit;
  }
  input("c.txt", kMeeting + "\n");
  {
    std::ofstream big(in_ / "d.jsonl", std::ios::binary);
    big << doc("d1", kMeeting);
    big << doc("d2", std::string(12'000'000, 'x'));
    big << doc("d3", kMeeting);
  }
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"a", "error", "c", "d1", "error", "d3"}));
  EXPECT_HAS(r.err, "error: " + (in_ / "b.txt").string() + ": the document is " +
                        std::to_string(fs::file_size(in_ / "b.txt")) +
                        " bytes, more than the limit of 10000000 bytes (limits.document_bytes");
  EXPECT_HAS(r.err, "error: " + (in_ / "d.jsonl").string() + ":2: the document is 12");
  for (const std::size_t i : {0u, 2u, 3u, 5u}) EXPECT_FALSE(lines[i]["events"].empty()) << i;
}

TEST_F(Hostile, DocumentSizeLimitIsConfigurable) {
  const std::string lex = (fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string();
  const fs::path cfg = write("small.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                                               "\"}\nlimits: {document_bytes: 100}\n");
  input("short.txt", "Officials met on Tuesday.\n");
  input("long.txt", std::string(101, 'a'));
  CliRun r;
  const auto lines = extract_jsonl(
      sh_quote(in_.string()) + " --published 2025-02-17 --config " + sh_quote(cfg.string()), &r);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"error", "short"}));
  EXPECT_HAS(r.err, "long.txt: the document is 101 bytes, more than the limit of 100 bytes");
  const fs::path bad = write("bad.yaml", "schema: 1\nlimits: {document_bytes: -5}\n");
  const CliRun b = run("extract " + sh_quote((in_ / "short.txt").string()) +
                       " --published 2025-02-17 --config " + sh_quote(bad.string()));
  EXPECT_EQ(b.code, 2);
  EXPECT_HAS(b.err, bad.string() + ":2:");
  EXPECT_HAS(b.err, "limits.document_bytes must be a positive number");
}

TEST_F(Hostile, HundredThousandTinyDocuments) {
  {
    std::ofstream f(dir_ / "many.jsonl", std::ios::binary);
    for (int i = 0; i < 100'000; ++i) {
      if (i == 50'000) f << "{\"id\": 50000, \"text\": \"an id that is a number\"}\n";
      f << "{\"id\":\"t" << i << "\",\"published\":\"2025-02-17\",\"text\":\"Talks.\"}\n";
    }
  }
  CliRun r;
  const auto lines = extract_jsonl(sh_quote((dir_ / "many.jsonl").string()) + " --threads 2", &r);
  EXPECT_EQ(r.code, 1);
  ASSERT_EQ(lines.size(), 100'001u);
  for (int i = 0; i < 100'000; ++i) {
    const auto& j = lines[static_cast<std::size_t>(i < 50'000 ? i : i + 1)];
    ASSERT_EQ(j.value("id", ""), "t" + std::to_string(i)) << "out of order or lost";
  }
  EXPECT_TRUE(lines[50'000].contains("error"));
  EXPECT_HAS(r.err, "many.jsonl:50001: \"id\" must be a string, got number");
}

// --- temporal expressions and words ---------------------------------------------------

// "1000, 1001, ..., 9999" and weekdays: 10,000 expressions in one sentence. The sentence
// is cut (limits.sentence_tokens) and each piece reads at most limits.timexes_per_sentence
// expressions; a warning names the document and the limit.
TEST_F(Hostile, TenThousandTemporalExpressionsInOneSentence) {
  std::string text = "Officials met on";
  const char* days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  for (int i = 0; i < 10'000; ++i)
    text +=
        i % 2 ? " " + std::to_string(1000 + i % 9000) + "," : std::string(" ") + days[i % 5] + ",";
  text += " and today.";
  const fs::path f =
      input("t.jsonl", doc("good1", kMeeting) + doc("hostile", text) + doc("good2", kMeeting));
  const CliRun r = run("timex -q " + sh_quote(f.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  std::istringstream out(r.out);
  std::vector<std::string> got;
  std::size_t hostile = 0;
  for (std::string line; std::getline(out, line);) {
    const auto j = nlohmann::json::parse(line);
    got.push_back(j["id"]);
    if (j["id"] == "hostile")
      hostile = j["timexes"].size();
    else
      EXPECT_EQ(j["timexes"].size(), 1u) << line;
  }
  EXPECT_EQ(got, (std::vector<std::string>{"good1", "hostile", "good2"}));
  EXPECT_GT(hostile, 5'000u);
  EXPECT_LT(hostile, 10'000u);
  EXPECT_HAS(r.err, "warning: " + f.string() + ":2 (id hostile): ");
  EXPECT_HAS(r.err, " sentence(s) hold more than 100 temporal expressions (the first at byte ");
  EXPECT_HAS(r.err, "only the first 100 of each are read (limits.timexes_per_sentence in ");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one warning for the document";
}

TEST_F(Hostile, TemporalExpressionLimitIsConfigurable) {
  const fs::path cfg =
      config_with_lexicon("three", "timexes_per_sentence: 100", "timexes_per_sentence: 3");
  const fs::path f =
      input("a.txt", "They met on Monday, Tuesday, Wednesday, Thursday and Friday.\n");
  const CliRun r = run("timex -q --published 2025-02-17 --config " + sh_quote(cfg.string()) + " " +
                       sh_quote(f.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["timexes"].size(), 3u) << r.out;
  EXPECT_HAS(r.err, f.string() +
                        ": 1 sentence(s) hold more than 3 temporal expressions (the first at "
                        "byte 0, with 5); only the first 3 of each are read "
                        "(limits.timexes_per_sentence in " +
                        (dir_ / "three" / "text.yaml").string() + ")");
  const fs::path bad =
      config_with_lexicon("none", "timexes_per_sentence: 100", "timexes_per_sentence: none");
  const CliRun b = run("timex -q --published 2025-02-17 --config " + sh_quote(bad.string()) + " " +
                       sh_quote(f.string()));
  EXPECT_EQ(b.code, 2);
  EXPECT_HAS(b.err, (dir_ / "none" / "text.yaml").string() +
                        ": limits.timexes_per_sentence must be a positive number, not \"none\"");
}

TEST_F(Hostile, VeryLongWordsAndDigitRuns) {
  const std::string text = "Officials met on Tuesday. " + std::string(1'000'000, 'x') + " " +
                           std::string(200'000, '7') + " " + std::string(100'000, '-') +
                           " Talks were held on Monday in " +
                           [] {
                             std::string s;
                             for (int i = 0; i < 20'000; ++i) s += "Riyadh";
                             return s;
                           }() +
                           ". " + kMeeting;
  input("w.jsonl", doc("good1", kMeeting) + doc("long", text) + doc("good2", kMeeting));
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()), &r);
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(ids(lines), (std::vector<std::string>{"good1", "long", "good2"}));
  // the meetings before and after the long words are found
  EXPECT_GE(lines[1]["events"].size(), 2u) << lines[1].dump().substr(0, 2000);
  ASSERT_EQ(lines[0]["events"].size(), 1u);
  EXPECT_EQ(lines[0]["events"][0]["summary"], lines[2]["events"][0]["summary"]);
  bool after = false;  // the meeting after the long words
  for (const auto& e : lines[1]["events"])
    after = after || e["summary"] == lines[0]["events"][0]["summary"];
  EXPECT_TRUE(after) << lines[1].dump().substr(0, 3000);
}

// Every Unicode space separates words as a space does; every dash is read alike.
TEST_F(Hostile, EveryUnicodeSpaceAndDash) {
  const std::vector<std::string> spaces = {
      " ",      "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
      "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F", "\u205F",
      "\u3000", "\u2028", "\u2029", "\u0085", "\t",     "\v",     "\f"};
  const std::vector<std::string> dashes = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
                                           "\u2015", "\u2212", "\u2E3A", "\u2E3B", "\uFE58",
                                           "\uFE63", "\uFF0D", "\u058A", "\u05BE", "\u301C"};
  std::string text;
  for (const auto& sp : spaces)
    text += "Officials met on" + sp + "February" + sp + "18," + sp + "2025" + sp + "in" + sp +
            "Riyadh.\n\n";
  for (const auto& d : dashes)
    text += "The talks ran from February 18" + d + "20, 2025 and 2025" + d + "03" + d + "04.\n\n";
  const fs::path f = input("u.txt", text);
  const CliRun r = run("timex -q --published 2025-02-17 " + sh_quote(f.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto timexes = nlohmann::json::parse(r.out)["timexes"];
  // code-point offsets: the text at [start, end) is the expression
  std::vector<std::size_t> cp_to_byte;
  for (std::size_t b = 0; b < text.size(); ++b)
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) cp_to_byte.push_back(b);
  cp_to_byte.push_back(text.size());
  std::vector<std::string> values;
  for (const auto& t : timexes) {
    const std::size_t b = cp_to_byte.at(t["start"]), e = cp_to_byte.at(t["end"]);
    EXPECT_EQ(text.substr(b, e - b), t["text"].get<std::string>());
    values.push_back(t["value"]);
  }
  // one full date per space kind, then the same readings for every dash
  ASSERT_GE(values.size(), spaces.size());
  for (std::size_t i = 0; i < spaces.size(); ++i)
    EXPECT_EQ(values[i], "2025-02-18") << "space U+" << i << ": " << r.out;
  const std::size_t per_dash = (values.size() - spaces.size()) / dashes.size();
  ASSERT_EQ(values.size(), spaces.size() + per_dash * dashes.size()) << r.out;
  for (std::size_t d = 1; d < dashes.size(); ++d)
    for (std::size_t k = 0; k < per_dash; ++k)
      EXPECT_EQ(values[spaces.size() + d * per_dash + k], values[spaces.size() + k])
          << "dash " << dashes[d];
}

TEST_F(Hostile, RightToLeftText) {
  const std::string text =
      "\u05D4\u05E9\u05E8\u05D9\u05DD \u05E0\u05E4\u05D2\u05E9\u05D5 \u05D1\u05D9\u05D5\u05DD "
      "\u05E9\u05DC\u05D9\u05E9\u05D9. Officials met on Tuesday in Riyadh.\n\n"
      "\u0627\u0644\u062A\u0642\u0649 \u0627\u0644\u0648\u0632\u0631\u0627\u0621 \u0661\u0668 "
      "\u0641\u0628\u0631\u0627\u064A\u0631 \u0662\u0660\u0662\u0665. \u200FThe talks on February "
      "18, 2025\u200F were held.\n\n"
      "\u202EThe summit on March 3, 2025 \u202Cwas \u2067\u05E9\u05DC\u05D5\u05DD\u2069 held. "
      "\u200E\u061C\n";
  input("rtl.jsonl", doc("good1", kMeeting) + doc("rtl", text) + doc("good2", kMeeting));
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()), &r);
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(ids(lines), (std::vector<std::string>{"good1", "rtl", "good2"}));
  std::vector<std::string> when;
  for (const auto& e : lines[1]["events"]) when.push_back(e["when"]["value"]);
  EXPECT_EQ(when, (std::vector<std::string>{"2025-02-11", "2025-02-18", "2025-03-03"}))
      << lines[1].dump();
}

// --- JSONL fields and ids -------------------------------------------------------------

TEST_F(Hostile, JsonlWrongTypesEachNamedTheOthersKept) {
  const fs::path f = input(
      "t.jsonl", doc("a", kMeeting) + "{\"id\":\"b\",\"published\":20250217,\"text\":\"x\"}\n" +
                     "{\"id\":\"c\",\"published\":\"2025-02-17\",\"text\":null}\n" +
                     "{\"id\":\"d\",\"published\":\"2025-02-17\",\"text\":[\"x\"]}\n" +
                     "{\"id\":7,\"published\":\"2025-02-17\",\"text\":\"x\"}\n" +
                     "{\"id\":\"f\",\"published\":\"2025-02-17\",\"title\":{},\"text\":\"x\"}\n" +
                     "\"just a string\"\n" + doc("h", kMeeting));
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(f.string()), &r);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"a", "error", "error", "error", "error", "error",
                                                  "error", "h"}));
  const std::string file = f.string();
  EXPECT_HAS(r.err, file + ":2: \"published\" must be a string, got number");
  EXPECT_HAS(r.err, file + ":3: missing \"text\" (a string)");
  EXPECT_HAS(r.err, file + ":4: \"text\" must be a string, got array");
  EXPECT_HAS(r.err, file + ":5: \"id\" must be a string, got number");
  EXPECT_HAS(r.err, file + ":6: \"title\" must be a string, got object");
  EXPECT_HAS(r.err, file + ":7: a JSONL line must be a JSON object");
}

TEST_F(Hostile, DuplicateIdsAreRenamedWithAWarning) {
  const fs::path f = input("d.jsonl", doc("same", kMeeting) + doc("same", kMeeting, "2025-02-18") +
                                          doc("same#2", kMeeting) + doc("same", kMeeting));
  input("same.txt", kMeeting + "\n");
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ids(lines),
            (std::vector<std::string>{"same", "same#2", "same#2#2", "same#3", "same#4"}));
  EXPECT_HAS(r.err, "warning: " + f.string() + ":2 (id same): the id \"same\" is already used by " +
                        f.string() + ":1 (id same); this document is \"same#2\" in the output");
  EXPECT_HAS(r.err, (in_ / "same.txt").string() + ": the id \"same\" is already used by");
  // every evidence names its own document
  for (const auto& j : lines)
    for (const auto& e : j["events"])
      for (const auto& ev : e["evidence"]) EXPECT_EQ(ev["source"], j["id"]);
}

// --- dates ----------------------------------------------------------------------------

// Thousands of ids, most of them repeated, some already taken (--taken-ids) and some
// written as the name a repeat would get ("n7#2"): each document gets the name one run
// over them must give, by the rule of DuplicateIdsAreRenamedWithAWarning, and each
// renamed one a warning that names the first document of its id.
TEST_F(Hostile, ManyRepeatedIdsAreRenamedInOrder) {
  const fs::path f = dir_ / "repeats.jsonl";
  const std::string file = f.string();
  std::vector<std::string> given;
  {
    std::ofstream out(f, std::ios::binary);
    for (unsigned i = 0; i < 12'000; ++i) {
      std::string id = "n" + std::to_string(i * 7919u % 3001u);
      if (i % 97 == 0) id += "#" + std::to_string(2 + i % 5);
      given.push_back(id);
      out << "{\"id\":\"" << id << "\",\"published\":\"2025-02-17\",\"text\":\"Talks.\"}\n";
    }
  }
  write("taken.jsonl", "{\"id\": \"n5\", \"origin\": \"earlier.jsonl:3\"}\n{\"id\": \"n9#2\"}\n");
  // the rule, with std::map: the first document of an id keeps it, a later one is id#k
  // for the first k (from 2, counting on from the last repeat of that id) no document has
  std::map<std::string, std::string> first_origin{{"n5", "earlier.jsonl:3"},
                                                  {"n9#2", "an earlier document"}};
  std::map<std::string, unsigned> repeats;
  std::vector<std::string> want;
  std::string warnings;
  for (std::size_t line = 1; line <= given.size(); ++line) {
    const std::string& id = given[line - 1];
    const std::string origin = file + ":" + std::to_string(line) + " (id " + id + ")";
    std::string named = id;
    if (!first_origin.try_emplace(id, origin).second) {
      do named = id + "#" + std::to_string(++repeats[id] + 1);
      while (first_origin.count(named));
      warnings += "warning: " + origin + ": the id \"" + id + "\" is already used by " +
                  first_origin[id] + "; this document is \"" + named + "\" in the output\n";
      first_origin.emplace(named, origin);
    }
    want.push_back(named);
  }
  const CliRun r = run("timex --threads 2 -q " + sh_quote(file) + " --taken-ids " +
                       sh_quote((dir_ / "taken.jsonl").string()));
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  std::vector<std::string> got;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    got.push_back(nlohmann::json::parse(line).value("id", "?"));
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) ASSERT_EQ(got[k], want[k]) << "line " << k + 1;
  EXPECT_EQ(r.err, warnings);
}

TEST_F(Hostile, DatesOutOfRange) {
  input("y0.md",
        "---\npublished: 0000-01-01\n---\n"
        "Officials met last year and will meet next year, and met three days ago.\n");
  input("y9.md",
        "---\npublished: 9999-12-31\n---\n"
        "Officials met last year and will meet next year, next month and on January 3.\n");
  input("y99999.md", "---\npublished: 99999-01-01\n---\nOfficials met.\n");
  input("feb29.md", "---\npublished: 2023-02-29\n---\nOfficials met.\n");
  input("leap.md",
        "---\npublished: 2024-02-29\n---\nOfficials met on February 29, 2023 and "
        "in the year 99999 and on Feb. 30.\n");
  input("zz.md", "---\npublished: 2025-02-17\n---\n" + kMeeting + "\n");
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  // --published overrides the front matter: every document is read
  EXPECT_EQ(r.code, 0) << r.err;
  const CliRun own = run("extract -q " + sh_quote(in_.string()));
  EXPECT_EQ(own.code, 1);
  EXPECT_HAS(own.err, (in_ / "y99999.md").string() +
                          ":2: publication date \"99999-01-01\" is not "
                          "a calendar date in the form YYYY-MM-DD");
  EXPECT_HAS(own.err, (in_ / "feb29.md").string() + ":2: publication date \"2023-02-29\"");
  // what is written can be read back: every day is YYYY-MM-DD in 0000..9999
  const fs::path yaml = dir_ / "t.yaml";
  ASSERT_EQ(run("extract -q " + sh_quote(in_.string()) + " -o " + sh_quote(yaml.string())).code, 1);
  const CliRun back = run("merge " + sh_quote(yaml.string()));
  EXPECT_EQ(back.code, 0) << back.err;
  const CliRun tx = run("timex -q " + sh_quote(in_.string()));
  std::istringstream in(tx.out);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    for (const auto& t : j["timexes"]) {
      ++n;
      for (const char* k : {"earliest", "latest"})
        if (!t[k].is_null()) {
          const std::string d = t[k];
          EXPECT_EQ(d.size(), 10u) << line;
          EXPECT_TRUE(d[4] == '-' && d[7] == '-' && std::isdigit(static_cast<unsigned char>(d[0])))
              << line;
        }
    }
  }
  EXPECT_GT(n, 5u) << tx.out;
  // 0000 and 9999: the readings that fall outside are left unresolved
  EXPECT_HAS(tx.out, "\"text\":\"last year\",\"type\":\"DATE\",\"value\":\"XXXX\"");
  EXPECT_HAS(tx.out, "\"text\":\"next year\",\"type\":\"DATE\",\"value\":\"0001\"");
  EXPECT_HAS(tx.out, "\"text\":\"last year\",\"type\":\"DATE\",\"value\":\"9998\"");
}

TEST_F(Hostile, PublicationDateFarInTheFuture) {
  input("a.md", "---\npublished: 9000-06-15\n---\n" + kMeeting +
                    " They will meet again next week and in 2030.\n");
  input("b.md", "---\npublished: 2025-02-17\n---\n" + kMeeting + "\n");
  const CliRun own = run("extract -q --format jsonl " + sh_quote(in_.string()));
  EXPECT_EQ(own.code, 0) << own.err;
  const auto a = nlohmann::json::parse(own.out.substr(0, own.out.find('\n')));
  EXPECT_EQ(a["published"], "9000-06-15");
  ASSERT_FALSE(a["events"].empty());
  // 9000-06-15 is a Sunday: "met on Tuesday" is the 10th, "next week" the week after
  EXPECT_EQ(a["events"][0]["when"]["value"], "9000-06-10") << a.dump();
  ASSERT_GE(a["events"].size(), 2u);
  EXPECT_EQ(a["events"][1]["when"]["value"], "9000-W25") << a.dump();
}

// --- YAML: front matter, config, lexicons ---------------------------------------------

// Nine levels of nine aliases: 387 million leaves if expanded; lists of lists, or maps of
// maps (which a lexicon walks).
std::string alias_bomb(bool maps = false) {
  std::string y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + (maps ? " {" : " [");
    for (int k = 0; k < 9; ++k)
      y += std::string(k ? ", " : "") + (maps ? "k" + std::to_string(k) + ": " : "") + "*a" +
           std::to_string(i - 1);
    y += maps ? "}\n" : "]\n";
  }
  return y;
}

TEST_F(Hostile, FrontMatterListOrAliasBomb) {
  input("a.md", "---\npublished: 2025-02-17\n---\n" + kMeeting + "\n");
  input("b.md", "---\n- published: 2025-02-17\n- title: a list\n---\n" + kMeeting + "\n");
  input("c.md",
        "---\n" + alias_bomb() + "published: 2025-02-17\ntitle: *a9\n---\n" + kMeeting + "\n");
  input("d.md", "---\n" + alias_bomb() + "published: 2025-02-17\n---\n" + kMeeting + "\n");
  input("e.md", "---\npublished: 2025-02-17\n---\n" + kMeeting + "\n");
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()), &r);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"a", "error", "error", "d", "e"}));
  EXPECT_HAS(r.err, (in_ / "b.md").string() + ":2:1: front matter must be a map");
  EXPECT_HAS(r.err, (in_ / "c.md").string() + ":13:1: front matter `title` must be a single value");
  EXPECT_FALSE(lines[3]["events"].empty());  // the bomb's other keys are never walked
}

TEST_F(Hostile, ConfigThatPointsAtItself) {
  const std::string lex = (fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string();
  const fs::path f = input("a.txt", kMeeting + "\n");
  const std::string args =
      "extract -q --published 2025-02-17 " + sh_quote(f.string()) + " --config ";
  // the config as its own plugin library
  const fs::path lib =
      write("lib.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                            "\"}\n"
                            "plugins:\n  load:\n"
                            "    - {name: self, library: ./lib.yaml, required: true}\n");
  CliRun r = run(args + sh_quote(lib.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "plugin \"self\" (" + lib.string() + "): cannot be loaded as a shared library");
  // the config as a plugin's lexicon
  const fs::path lexi =
      write("lexi.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                             "\"}\n"
                             "plugins:\n  search_paths: [\"" CHRONICLE_PLUGIN_DIR
                             "\"]\n"
                             "  load:\n    - {name: meetings, lexicon: " +
                             (dir_ / "lexi.yaml").string() + ", required: true}\n");
  r = run(args + sh_quote(lexi.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, lexi.string() + ":6:7: 'plugins.load' must list plain words or phrases");
  // the config's own folder as the lexicon folder
  const fs::path here = write("here.yaml", "schema: 1\nengine: {lexicons: .}\n");
  r = run(args + sh_quote(here.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, (dir_ / "text.yaml").string() + ": cannot open lexicon file");
  // a YAML node that contains itself
  const fs::path self = write("self.yaml", "schema: 1\nplugins: &p\n  search_paths: *p\n");
  r = run(args + sh_quote(self.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, self.string() + ":2:10: plugins.search_paths must be a list");
  const fs::path eng = write("eng.yaml", "schema: 1\nengine: &e {lexicons: *e}\n");
  r = run(args + sh_quote(eng.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, eng.string() + ":2:9: engine.lexicons must be a single value");
  // a value that holds its own variable is written as it is, once (it used to grow forever)
  const fs::path lang = write("lang.yaml", "schema: 1\nengine: {language: \"x${language}\"}\n");
  r = run(args + sh_quote(lang.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, (dir_ / "lexicons" / "x${language}" / "text.yaml").string() +
                        ": cannot open lexicon file");
  // an alias bomb as a plugin's lexicon stops at the entry limit, naming the file
  const fs::path bomb = write("bomb-lexicon.yaml", alias_bomb(/*maps=*/true));
  const fs::path bc = write("bomb.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                                             "\"}\n"
                                             "plugins:\n  search_paths: [\"" CHRONICLE_PLUGIN_DIR
                                             "\"]\n"
                                             "  load:\n    - {name: meetings, lexicon: " +
                                             bomb.string() + ", required: true}\n");
  r = run(args + sh_quote(bc.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, bomb.string() + ":");
  EXPECT_HAS(r.err,
             "the lexicon holds more than 1000000 entries once its aliases (*name) are expanded");
}

TEST_F(Hostile, ConfigListingTenThousandPlugins) {
  const std::string lex = (fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string();
  std::string cfg = "schema: 1\nengine: {lexicons: \"" + lex +
                    "\"}\nplugins:\n  search_paths: [\"" CHRONICLE_PLUGIN_DIR "\"]\n  load:\n";
  for (int i = 0; i < 10'000; ++i)
    cfg += i % 2 ? "    - {name: meetings, lexicon: meetings.yaml}\n"
                 : "    - {name: ghost" + std::to_string(i) + ", required: false}\n";
  const fs::path c = write("many.yaml", cfg);
  const fs::path one =
      write("one.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                            "\"}\nplugins:\n  search_paths: [\"" CHRONICLE_PLUGIN_DIR
                            "\"]\n  load:\n    - {name: meetings, lexicon: meetings.yaml}\n");
  const fs::path f = input("a.txt", kMeeting + "\n");
  const CliRun r = run("extract -q --published 2025-02-17 " + sh_quote(f.string()) + " --config " +
                       sh_quote(c.string()));
  EXPECT_EQ(r.code, 0);
  const CliRun ref = run("extract -q --published 2025-02-17 " + sh_quote(f.string()) +
                         " --config " + sh_quote(one.string()));
  EXPECT_EQ(r.out, ref.out);
  EXPECT_HAS(r.err, "plugin \"ghost9998\"");
  EXPECT_HAS(r.err, "a plugin named \"meetings\" is already loaded");
}

// --- folders --------------------------------------------------------------------------

TEST_F(Hostile, FolderWithSymlinkLoops) {
  input("a.txt", kMeeting + "\n");
  fs::create_directories(in_ / "sub");
  input("sub/b.txt", kMeeting + "\n");
  fs::create_directory_symlink("..", in_ / "sub" / "up");  // a folder loop: not followed
  fs::create_directory_symlink(".", in_ / "self");
  fs::create_symlink("loop2.txt", in_ / "loop1.txt");  // a file loop
  fs::create_symlink("loop1.txt", in_ / "loop2.txt");
  fs::create_symlink("missing.txt", in_ / "dangling.txt");
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"error", "error", "error", "a", "b"}));
  for (const char* name : {"dangling.txt", "loop1.txt", "loop2.txt"})
    EXPECT_HAS(r.err,
               "error: " + (in_ / name).string() + ": a symbolic link that leads to no file");
}

TEST_F(Hostile, FolderWithUnreadableFile) {
  input("a.txt", kMeeting + "\n");
  const fs::path secret = input("secret.txt", kMeeting + "\n");
  input("z.txt", kMeeting + "\n");
  fs::permissions(secret, fs::perms::none);
  if (const int fd = ::open(secret.c_str(), O_RDONLY); fd >= 0) {
    ::close(fd);
    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
    GTEST_SKIP() << "running as root (or with CAP_DAC_OVERRIDE): a file with mode 000 can "
                    "still be read, so there is no unreadable file to test with";
  }
  CliRun r;
  const auto lines = extract_jsonl(sh_quote(in_.string()) + " --published 2025-02-17", &r);
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(ids(lines), (std::vector<std::string>{"a", "error", "z"}));
  EXPECT_HAS(r.err, "error: " + secret.string() +
                        ": cannot open the file; check the path and its permissions");
}

}  // namespace
