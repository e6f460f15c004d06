// tag() does not try the temporal rules at a word that starts no phrase of the grammar's
// tables, and tries each rule only where its gate (TemporalGrammar::Impl::declare_gates:
// the word classes it needs within a few tokens) holds; tag_every_word() tries every rule
// at every word. They must agree on every sentence: every corpus under tests/corpus/en,
// the examples and, when ../shared is beside the checkout, the TempEval-3 and MEANTIME
// texts and the first Reuters and modern-news articles; and on each token of them, tag()'s
// first pass gives what a plain look-up of each token gives (check_first_pass()). A rule
// that starts at a word no lexicon list holds, or reads a phrase its gate does not allow
// for, fails here (give its first word a lexicon entry; widen its gate).
#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>

#include "../../core/src/start_word_pass.h"
#include "../../core/src/word_index.h"
#include "../test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

const chronicle::Resources& resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return *r;
}

std::string describe(const std::vector<chronicle::TimexMatch>& ms) {
  const chronicle::Anchor anchor{chronicle::cal::sys_days{date::year{2000} / 1 / 1}, std::nullopt};
  std::string out;
  for (const auto& m : ms) {
    out += std::to_string(m.first_token) + "-" + std::to_string(m.last_token) + ":" +
           std::to_string(static_cast<int>(m.type)) + (m.possessive ? "'s" : "") + "=" +
           chronicle::resolve(*m.rel, anchor, chronicle::Tense::none).value + " ";
  }
  return out;
}

// tag()'s first pass (detail::look_up_tokens(), detail::classify_tokens()) against a plain
// look-up of each token: the grammar's start words in an index as sparse as the grammar's
// and in a full one, each word of classes made up from its number (none for a third of
// them), and the start words numbered in another index holding other words first (as the
// clause reader's), whose numbers classify_tokens() takes.
struct FirstPassIndexes {
  chronicle::detail::WordIndex sparse, full, other;
  std::vector<std::uint32_t> classes;                    // by start-word number; 0 for no word
  std::vector<std::uint32_t> start_id_by_word;           // by number in `other`
  std::unordered_map<std::string, std::uint32_t> plain;  // the start words' numbers
};

const FirstPassIndexes& first_pass_indexes() {
  static const FirstPassIndexes x = [] {
    const auto& grammar = *resources().grammar;
    FirstPassIndexes i;
    const std::uint32_t count = grammar.start_word_count();
    for (std::uint32_t k = 0; k < 50; ++k) i.other.add("other" + std::to_string(k));
    for (std::uint32_t k = 0; k < count; ++k) {
      i.sparse.add(grammar.start_word(k));
      i.full.add(grammar.start_word(k));
      i.other.add(grammar.start_word(k));
      i.plain.emplace(grammar.start_word(k), k);
      i.classes.push_back(k % 3 == 0 ? 0u : 1u << (k % 29));
    }
    i.sparse.reserve(count * 4);
    i.classes.push_back(0);
    i.start_id_by_word.assign(i.other.size() + 1, count);
    for (std::uint32_t k = 0; k < count; ++k)
      i.start_id_by_word[i.other.find(grammar.start_word(k))] = k;
    return i;
  }();
  return x;
}

struct FirstPass {
  std::vector<std::uint32_t> ids, classes, marked;
  friend bool operator==(const FirstPass&, const FirstPass&) = default;
};

FirstPass plain_first_pass(std::span<const chronicle::sdk::Token> t, bool gated) {
  const auto& x = first_pass_indexes();
  using chronicle::sdk::TokenKind;
  FirstPass p;
  for (std::size_t k = 0; k < t.size(); ++k) {
    const auto found = x.plain.find(std::string(t[k].lower));
    const std::uint32_t id =
        found == x.plain.end() ? static_cast<std::uint32_t>(x.plain.size()) : found->second;
    p.ids.push_back(id);
    p.classes.push_back(x.classes[id]);
    const bool apostrophe =
        t[k].kind == TokenKind::punct && (t[k].lower == "'" || t[k].lower == "\xE2\x80\x99");
    if (x.classes[id] != 0 || t[k].kind == TokenKind::number || apostrophe ||
        (!gated && t[k].kind == TokenKind::word))
      p.marked.push_back(static_cast<std::uint32_t>(k));
  }
  return p;
}

void check_first_pass(std::span<const chronicle::sdk::Token> t, const std::uint64_t* made,
                      const std::string& where) {
  const auto& x = first_pass_indexes();
  const std::size_t n = t.size();
  std::vector<std::uint64_t> hashes(n);
  for (std::size_t k = 0; k < n; ++k) hashes[k] = chronicle::detail::word_hash(t[k].lower);
  if (made) ASSERT_EQ(std::vector<std::uint64_t>(made, made + n), hashes) << where;
  auto run = [&](auto&& pass) {
    FirstPass p{std::vector<std::uint32_t>(n, 7), std::vector<std::uint32_t>(n, 7),
                std::vector<std::uint32_t>(n + 1, 7)};
    p.marked.resize(pass(p.ids.data(), p.classes.data(), p.marked.data()));
    return p;
  };
  for (const bool gated : {true, false}) {
    const FirstPass want = plain_first_pass(t, gated);
    for (const auto* ix : {&x.sparse, &x.full}) {
      const FirstPass got = run([&](std::uint32_t* ids, std::uint32_t* classes,
                                    std::uint32_t* marked) {
        return gated ? chronicle::detail::look_up_tokens<true>(
                           t.data(), hashes.data(), n, *ix, x.classes.data(), ids, classes, marked)
                     : chronicle::detail::look_up_tokens<false>(
                           t.data(), hashes.data(), n, *ix, x.classes.data(), ids, classes, marked);
      });
      EXPECT_EQ(got.ids, want.ids) << where << (gated ? "" : " (every word)");
      EXPECT_EQ(got.classes, want.classes) << where;
      EXPECT_EQ(got.marked, want.marked) << where << (gated ? "" : " (every word)");
    }
  }
  std::vector<std::uint32_t> word_ids(n);
  x.other.find_each(t.data(), hashes.data(), n, static_cast<std::uint32_t>(x.other.size()),
                    word_ids.data());
  const FirstPass got = run([&](std::uint32_t* ids, std::uint32_t* classes, std::uint32_t* marked) {
    return chronicle::detail::classify_tokens(t.data(), hashes.data(), word_ids.data(),
                                              x.start_id_by_word.data(), n, x.classes.data(), ids,
                                              classes, marked);
  });
  EXPECT_EQ(got, plain_first_pass(t, true)) << where << " (classified)";
}

// Every sentence of `text`: the fast and the exhaustive tagging agree. Returns sentences.
std::size_t check_text(const std::string& text, const std::string& where) {
  const auto& r = resources();
  std::size_t n = 0;
  for (const auto& span : chronicle::split_sentences(text, r.segmenter)) {
    const std::string_view s = std::string_view(text).substr(span.begin, span.end - span.begin);
    const auto tl = chronicle::tokenize(s);
    check_first_pass(tl.tokens, tl.hashes, where);
    const auto fast = r.grammar->tag(tl.tokens);
    const auto every = r.grammar->tag_every_word(tl.tokens);
    EXPECT_EQ(describe(fast), describe(every)) << where << ": \"" << s << "\"";
    ++n;
  }
  return n;
}

TEST(TemporalStartWords, CorporaAndExamples) {
  std::size_t sentences = 0;
  std::size_t corpora = 0;
  for (const auto& e : fs::directory_iterator(CHRONICLE_CORPUS_DIR "/en")) {
    if (e.path().extension() != ".yaml") continue;
    const std::string name = e.path().filename().string();
    const YAML::Node root = YAML::LoadFile(e.path().string());
    for (const auto& c : root["cases"])
      for (const char* field : {"text", "dateline"})
        if (c[field]) sentences += check_text(c[field].as<std::string>(), name);
    ++corpora;
  }
  EXPECT_GE(corpora, 2u);
  for (const auto& e : fs::directory_iterator(CHRONICLE_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".txt" && e.path().extension() != ".md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    sentences += check_text(ss.str(), e.path().filename().string());
  }
  EXPECT_GT(sentences, 300u);
}

// The first pass on tokens made by hand: both apostrophes as punctuation (the tokenizer
// gives the curly one as "'"), and as words; a number; an empty token.
TEST(TemporalStartWords, FirstPassOnApostrophesAndNumbers) {
  using chronicle::sdk::TokenKind;
  std::vector<chronicle::sdk::Token> t;
  for (const auto& [w, kind] :
       std::vector<std::pair<std::string_view, TokenKind>>{{"in", TokenKind::word},
                                                           {"\xE2\x80\x99", TokenKind::punct},
                                                           {"82", TokenKind::number},
                                                           {"'", TokenKind::punct},
                                                           {"'", TokenKind::word},
                                                           {"\xE2\x80\x99", TokenKind::word},
                                                           {"", TokenKind::punct},
                                                           {"-", TokenKind::punct},
                                                           {"the", TokenKind::word},
                                                           {"\xE2\x80\x98", TokenKind::punct}}) {
    chronicle::sdk::Token tok;
    tok.text = tok.lower = w;
    tok.kind = kind;
    t.push_back(tok);
  }
  check_first_pass(t, nullptr, "tokens made by hand");
  // (and the plain look-up marks the apostrophes and the number, not the empty token or
  // the opening quote)
  const std::vector<std::uint32_t> marked = plain_first_pass(t, true).marked;
  auto has = [&](std::uint32_t k) {
    return std::find(marked.begin(), marked.end(), k) != marked.end();
  };
  EXPECT_TRUE(has(1) && has(2) && has(3));
  EXPECT_FALSE(has(6) || has(9));
}

// tag() also skips the rules a number's shape rules out ("1,500" is no day, year or clock
// time; "2.5" or "12" before no clock marker is none), a try at a word that only leads a
// reading ("the", "a", "two", "nearly") before a word in no phrase, a rule whose head
// lies after a word in no phrase or, for rule_count, rule_period, rule_ordinal_period and
// rule_numeric, after a word none of the tables it reads before its head holds ("mln",
// "pct", "company"), a longer reading from inside one followed by a word in no phrase or
// the sentence's end, a count, period or numeric one from inside one followed by a comma
// or full stop, and rule_numeric at a spelled number before no number word ("five pct") or
// at a number of no date's shape ("1/4"), and rule_count at a word that leads no count
// before a singular unit ("year", "week-long", "for years"): sentences on each side of
// those tests.
TEST(TemporalStartWords, NumberShapesAndLeadWords) {
  const char* const text =
      "Net rose 1,500 to 2.5 mln dlrs on March 3 and 4, 1987. Talks resume at 6pm, 10 a.m. "
      "or 0735 GMT, and at 3:30 on the 21st, the 3rd or 15 June, around 2.40 PM, 8.37 A.M. "
      "or 4.15 p.m. but not 2.40 percent. Prices were lowest since "
      "'82 and in the 1990s, the 2012-13 season and 1989/90. The 1988 third quarter and "
      "last year's first half were weak. It took between two and six days, two to three "
      "weeks, 12 to 18 months and 2 1/2 years. The company said two analysts and several "
      "traders expect nearly all of it in two weeks, about 200 people a year, twice a week "
      "and every 10 minutes. A year-long probe ended in nineteen ninety-six, in the 20th "
      "century, in fiscal 1989 and in the year two thousand. The quarter a year ago, the "
      "same period last year and the first nine months were good. About 30 to 40 pct of "
      "the 1,000 shares rose 5.6 pct in 12 hours and 1987 ended 25 years of growth. The "
      "firm bought the rest the day before yesterday, a deal the two firms signed a week "
      "after the - the all-time high of the year. Trading stopped at 4 in the morning, 9 "
      "o'clock and 11 at night, not at 2.5 mln dlrs or 12 pct, and resumed at 0800 local time, "
      "1430 GMT and 10.30 a.m. Sales rose 3.5 mln dlrs in the first quarter of the year, the "
      "week of March 18, three quarters of a century and two more weeks after 20 mln shares "
      "changed hands in two years. Over the past three months Acme rose, in the last two "
      "years sales fell and in the next few days talks resume; the year-ago quarter, last "
      "Sept. and the week ended Feb. 27 were good and sales doubled in the past three years. "
      "After a half-century and a quarter-century, two and a half years, six straight days, "
      "in over a decade, just over an hour, nearly five months, a yearlong probe and the two "
      "day rally, 5-10 days or 2.5 to 23.99 years and two thousand years passed; 5 mln dlrs "
      "a year, 12 pct of the first quarter, the 20 mln dlrs last year, a third of the year "
      "and one or two mln shares a week were traded, 60 to 90 billion dlrs a month. In the "
      "company's 1987 results, the mid-1980s, fiscal year 1989, the year two thousand and the "
      "twentieth century, over the years and for the past months, sales rose last Sept., "
      "last year, in the past two years, in the next three months. Profit fell last Oct. 17, "
      "this year's first half, the same month a year ago. It rose in the past three years. "
      "Five pct, 5-1/4 and 1/4 of two analysts in the twenty-first century, twenty first "
      "century, nineteen eighty, two thousand and five, one thousand, the 70s, 2013/14, "
      "3/22/2013, 2025-02-18, 1987-88 and 22/03/2013 saw nine. For years the week-long and "
      "day-long talks ran year after year, for months, within days and over the decades, a "
      "yearlong year-end Year of the Month; Hours later the decade-long quarter and half ended";
  EXPECT_GT(check_text(text, "number shapes and lead words"), 8u);
}

// The sentences of the sets' texts, checked.
std::size_t check_sets(const std::vector<chronicle::testing::SharedSet>& sets) {
  std::size_t sentences = 0;
  for (const auto& set : sets)
    chronicle::testing::for_each_jsonl_line(set, [&](const std::string& line) {
      const auto j = nlohmann::json::parse(line);
      sentences += check_text(j.value("text", std::string()), set.relative);
    });
  return sentences;
}

TEST(TemporalStartWords, SharedTempEvalAndMeantime) {
  const std::vector<chronicle::testing::SharedSet> sets{
      {"data/tempeval3/timebank.jsonl"},
      {"data/tempeval3/aquaint.jsonl"},
      {"data/tempeval3/platinum.jsonl"},
      {"data/meantime/meantime_en.jsonl"}};
  if (const auto missing = chronicle::testing::missing_shared(sets); !missing.empty())
    GTEST_SKIP() << missing;
  EXPECT_GT(check_sets(sets), 1000u);
}

// Newswire of two eras: 1987 Reuters (numbers, quarters, fiscal years) and modern news.
TEST(TemporalStartWords, SharedReutersAndModernNews) {
  const std::vector<chronicle::testing::SharedSet> sets{
      {"data/reuters21578/reuters.jsonl", 2000}, {"data/modern-news/articles.jsonl", 500}};
  if (const auto missing = chronicle::testing::missing_shared(sets); !missing.empty())
    GTEST_SKIP() << missing;
  EXPECT_GT(check_sets(sets), 10000u);
}

}  // namespace
