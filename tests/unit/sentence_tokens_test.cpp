// split_sentences() hands each sentence its tokens, cut from the paragraph's
// tokenization; they must be exactly what tokenize() gives for the sentence's own text
// (offsets, text, lower-case form, kind, capital). Checked on the corpora, the examples,
// hand-made edge cases and, when ../shared is beside the checkout, TempEval-3, MEANTIME
// and the first articles of both news collections.
#include <chronicle/analysis.h>
#include <chronicle/text.h>

#include "../test_support.h"
#include "../token_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const chronicle::Resources& resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return *r;
}

using chronicle::testing::describe;
using chronicle::testing::hash_error;

// Returns the number of sentences checked.
std::size_t check_text(const std::string& text, const std::string& where,
                       const chronicle::SegmenterRules& rules) {
  std::vector<chronicle::TokenList> given;
  const auto spans = chronicle::split_sentences(text, rules, &given);
  EXPECT_EQ(given.size(), spans.size()) << where;
  if (given.size() != spans.size()) return 0;
  EXPECT_EQ(spans.size(), chronicle::split_sentences(text, rules).size()) << where;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::string_view s =
        std::string_view(text).substr(spans[i].begin, spans[i].end - spans[i].begin);
    const chronicle::TokenList own = chronicle::tokenize(s);
    EXPECT_EQ(describe(given[i]), describe(own)) << where << ": \"" << s << "\"";
    EXPECT_EQ(hash_error(given[i]), "") << where << ": \"" << s << "\"";
    EXPECT_EQ(hash_error(own), "") << where << ": \"" << s << "\"";
  }
  return spans.size();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SentenceTokens, CorporaExamplesAndEdgeCases) {
  const auto& rules = resources().segmenter;
  std::size_t n = 0;
  for (const char* name : {"relative_dates.yaml", "events.yaml"}) {
    const YAML::Node root = YAML::LoadFile(std::string(CHRONICLE_CORPUS_DIR "/en/") + name);
    for (const auto& c : root["cases"])
      if (c["text"]) n += check_text(c["text"].as<std::string>(), name, rules);
  }
  for (const auto& e : fs::directory_iterator(CHRONICLE_SOURCE_DIR "/examples"))
    if (e.path().extension() == ".txt" || e.path().extension() == ".md")
      n += check_text(read_file(e.path()), e.path().filename().string(), rules);
  // sentences that end in an initialism, a number, a possessive or a closing quote, and
  // one too long for a sentence (cut at the token limit, here between a word and 's)
  chronicle::SegmenterRules small = rules;
  small.max_sentence_tokens = 5;
  const std::vector<std::string> edge = {
      "Talks with the U.S. The meeting ended. Output rose 3.5. Prices fell 2,000.",
      "It was the ministers' meeting. \"We met,\" he said. (They left.) \xE2\x80\x9CNo.\xE2\x80\x9D",
      "Baker's visit, Shultz's trip and the envoys' talks, all in 1987-03-04 at 10:30.",
      "one two three four James's five six seven eight nine ten's eleven",
      "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 Zelenskyy\xE2\x80\x99s visit.  \n\n  Indented line.\nNext",
  };
  for (const auto& t : edge) {
    n += check_text(t, "edge", rules);
    n += check_text(t, "edge (5-token limit)", small);
  }
  EXPECT_GT(n, 300u);
}

// A DocumentTokens filled again for each document (a long one, then shorter ones, and
// one moved from) gives the sentences the tokens and hashes the lists of their own do.
TEST(SentenceTokens, DocumentBufferFilledAgain) {
  const auto& rules = resources().segmenter;
  std::string long_text;
  for (int k = 0; k < 400; ++k)
    long_text += "The envoys' talks on Monday, March " + std::to_string(k % 28 + 1) +
                 ", ended. Baker\xE2\x80\x99s visit to the U.S. Capitol followed.\n\n";
  const std::vector<std::string> texts = {
      long_text, "Talks with the U.S. The meeting ended.",
      "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 Zelenskyy\xE2\x80\x99s visit.\n\n  Indented line.", "",
      long_text.substr(0, 20000)};
  chronicle::DocumentTokens doc;
  std::vector<chronicle::TokenList> lists;
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : texts) {
      const auto spans = chronicle::split_sentences(text, rules, doc, lists);
      std::vector<chronicle::TokenList> own;
      const auto own_spans = chronicle::split_sentences(text, rules, &own);
      ASSERT_EQ(spans.size(), own_spans.size());
      ASSERT_EQ(lists.size(), own.size());
      for (std::size_t i = 0; i < lists.size(); ++i) {
        EXPECT_EQ(spans[i].begin, own_spans[i].begin);
        EXPECT_EQ(describe(lists[i]), describe(own[i])) << i;
        EXPECT_EQ(hash_error(lists[i]), "") << i;
        EXPECT_FALSE(lists[i].lower_store);
      }
    }
    chronicle::DocumentTokens moved = std::move(doc);
    EXPECT_EQ(doc.capacity, 0u);
    EXPECT_EQ(doc.count, 0u);
  }
}

// Texts strung at random from pieces the tokenizer reads differently (capitals anywhere,
// initialisms, numbers, apostrophes, possessives, letters and signs beyond ASCII, blanks
// and line breaks): the tokens of each sentence as tokenize() gives them, and every token's
// hash that of its lower-case form.
TEST(SentenceTokens, RandomTexts) {
  const auto& rules = resources().segmenter;
  const std::vector<std::string> pieces = {"the",
                                           "Talks",
                                           "USA",
                                           "iPhone",
                                           "aBcDeFgHiJ",
                                           "internationalization",
                                           "INTERNATIONALLY",
                                           "U.S.",
                                           "a.m.",
                                           "U.N",
                                           "e.g.",
                                           "Mr.",
                                           "x",
                                           "Q",
                                           "2025-02-18",
                                           "3:30",
                                           "155,221",
                                           "18th",
                                           "1990s",
                                           "100M",
                                           "3.5",
                                           "'s",
                                           "'",
                                           "\xE2\x80\x99s",
                                           "\xE2\x80\x99S",
                                           "\xE2\x80\x98",
                                           "didn't",
                                           "DIDN'T",
                                           "caf\xC3\xA9",
                                           "\xC3\x89mile",
                                           "Erdo\xC4\x9F"
                                           "an",
                                           "\xC5\x81ukasz",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xC2\xA0",
                                           "\xEF\xBF\xBD",
                                           "\xE4\xB8\xAD",
                                           "\xF0\x9F\x98\x80",
                                           ".",
                                           "!",
                                           "?",
                                           ",",
                                           ";",
                                           ":",
                                           "-",
                                           "\"",
                                           "(",
                                           ")",
                                           "`",
                                           "*",
                                           "/",
                                           "#",
                                           "$",
                                           "%",
                                           "&",
                                           "@",
                                           "0",
                                           "9",
                                           "\t",
                                           "\n",
                                           "\n\n",
                                           "  \n "};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 60);
  std::uniform_int_distribution<int> gap(0, 3);  // 0: no space between pieces
  std::size_t n = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      text += pieces[pick(rng)];
      if (gap(rng) != 0) text += ' ';
    }
    n += check_text(text, "random text " + std::to_string(round), rules);
    const chronicle::TokenList whole = chronicle::tokenize(text);
    EXPECT_EQ(hash_error(whole), "") << "random text " << round << ": \"" << text << "\"";
  }
  EXPECT_GT(n, 3000u);
}

// A document's paragraphs are tokenized in one call and split over their runs of tokens:
// its sentences are those of each paragraph split alone (offsets moved by where the
// paragraph starts), with the same tokens, for short documents and for one longer than
// 16 kB, whose room for tokens is made token by token.
TEST(SentenceTokens, ParagraphsOfADocumentAsEachAlone) {
  const auto& rules = resources().segmenter;
  const std::vector<std::string> paragraphs = {
      "Talks with the U.S. The meeting ended on March 4, 1987.",
      "    The dry period means the temporao will be late this year. Output rose 3.5.",
      "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 Zelenskyy\xE2\x80\x99s visit. USA Today said so.",
      "A heading without a period",
      "It was the ministers' meeting. \"We met,\" he said. (They left.)"};
  for (const int copies : {1, 60}) {
    std::string text;
    std::vector<std::size_t> starts;
    for (int c = 0; c < copies; ++c)
      for (const auto& p : paragraphs) {
        starts.push_back(text.size());
        text += p + "\n\n";
      }
    if (copies > 1) EXPECT_GT(text.size(), 16384u);
    std::vector<chronicle::TokenList> whole_tokens;
    const auto whole = chronicle::split_sentences(text, rules, &whole_tokens);
    std::size_t k = 0;
    for (std::size_t q = 0; q < starts.size(); ++q) {
      const std::string& p = paragraphs[q % paragraphs.size()];
      std::vector<chronicle::TokenList> own_tokens;
      const auto own = chronicle::split_sentences(p, rules, &own_tokens);
      for (std::size_t i = 0; i < own.size(); ++i, ++k) {
        ASSERT_LT(k, whole.size());
        EXPECT_EQ(whole[k].begin, starts[q] + own[i].begin) << q << " " << i;
        EXPECT_EQ(whole[k].end, starts[q] + own[i].end) << q << " " << i;
        EXPECT_EQ(whole[k].heading, own[i].heading) << q << " " << i;
        EXPECT_EQ(describe(whole_tokens[k]), describe(own_tokens[i])) << q << " " << i;
        EXPECT_EQ(hash_error(whole_tokens[k]), "") << q << " " << i;
      }
    }
    EXPECT_EQ(k, whole.size());
  }
}

TEST(SentenceTokens, SharedCollections) {
  const std::vector<chronicle::testing::SharedSet> sets{
      {"data/tempeval3/timebank.jsonl"},
      {"data/tempeval3/aquaint.jsonl"},
      {"data/meantime/meantime_en.jsonl"},
      {"data/reuters21578/reuters.jsonl", 2000},
      {"data/modern-news/articles.jsonl", 1000}};
  if (const auto missing = chronicle::testing::missing_shared(sets); !missing.empty())
    GTEST_SKIP() << missing;
  const auto& rules = resources().segmenter;
  std::size_t n = 0;
  for (const auto& set : sets)
    chronicle::testing::for_each_jsonl_line(set, [&](const std::string& line) {
      const auto j = nlohmann::json::parse(line);
      n += check_text(j.value("text", std::string()), set.relative, rules);
    });
  EXPECT_GT(n, 20000u);
}

}  // namespace
