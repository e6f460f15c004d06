// The grammar's start words are words of the clause rules' index too
// (ClauseRules::add_numbered_words): one look-up of a token there (word_ids()) gives its
// clause-rules number and, through the returned numbers, its start-word number, which
// tag() takes instead of a look-up of its own. Both numbers must equal those of the two
// indexes looked up apart: on every start word and on the tokens of a few hundred
// articles; and tag() given the numbers must find what it finds alone.
#include <chronicle/analysis.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../../core/src/clauses.h"
#include "../test_support.h"

namespace {

using chronicle::detail::ClauseRules;

const chronicle::Resources& resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return *r;
}

// The clause rules as read from the lexicon, and the same with the start words added.
struct Indexes {
  ClauseRules alone;
  ClauseRules shared;
  std::vector<std::uint32_t> start_id_by_word;
};

const Indexes& indexes() {
  static const Indexes x = [] {
    const auto& grammar = *resources().grammar;
    Indexes i{ClauseRules::from(resources().clauses), ClauseRules::from(resources().clauses), {}};
    i.start_id_by_word = i.shared.add_numbered_words(
        grammar.start_word_count(), [&](std::uint32_t k) { return grammar.start_word(k); });
    i.shared.plain_words_added();
    return i;
  }();
  return x;
}

std::string describe(const std::vector<chronicle::TimexMatch>& ms) {
  std::string out;
  for (const auto& m : ms)
    out += std::to_string(m.first_token) + "-" + std::to_string(m.last_token) + ":" +
           std::to_string(static_cast<int>(m.type)) + (m.possessive ? "'s " : " ");
  return out;
}

// Each token's numbers, shared and apart, and tag() with and without the shared numbers.
void check_tokens(std::span<const chronicle::sdk::Token> t, const std::string& where) {
  const auto& x = indexes();
  const auto& grammar = *resources().grammar;
  std::vector<std::uint32_t> alone, shared;
  x.alone.word_ids(t, alone);
  x.shared.word_ids(t, shared);
  ASSERT_EQ(shared.size(), t.size() + 1);
  EXPECT_EQ(shared[t.size()], x.shared.unlisted());
  for (std::size_t k = 0; k < t.size(); ++k) {
    const std::string_view w = t[k].lower;
    // the clause reader's number: the same for a word of its own lists; a word only the
    // start words hold is one of the added ones, of no bits
    if (alone[k] != x.alone.unlisted()) {
      EXPECT_EQ(shared[k], alone[k]) << where << ": " << w;
    } else {
      EXPECT_TRUE(shared[k] >= x.alone.word_count()) << where << ": " << w;
      EXPECT_EQ(x.shared.all_bits(w, chronicle::detail::word_hash(w)), 0u) << where << ": " << w;
    }
    EXPECT_EQ(x.start_id_by_word[shared[k]], grammar.start_word_id(w)) << where << ": " << w;
  }
  std::vector<chronicle::TimexMatch> given;
  grammar.tag(t, shared.data(), x.start_id_by_word.data(), given);
  EXPECT_EQ(describe(given), describe(grammar.tag(t))) << where;
}

TEST(SharedStartWords, EveryStartWord) {
  const auto& grammar = *resources().grammar;
  ASSERT_GT(grammar.start_word_count(), 100u);
  EXPECT_EQ(indexes().start_id_by_word.size(), indexes().shared.word_count() + 1u);
  EXPECT_EQ(indexes().start_id_by_word.back(), grammar.start_word_count());
  for (std::uint32_t k = 0; k < grammar.start_word_count(); ++k) {
    chronicle::sdk::Token tok;
    tok.text = tok.lower = grammar.start_word(k);
    EXPECT_EQ(grammar.start_word_id(tok.lower), k);
    std::vector<std::uint32_t> ids;
    indexes().shared.word_ids(std::span(&tok, 1), ids);
    EXPECT_EQ(indexes().start_id_by_word[ids[0]], k) << tok.lower;
    check_tokens(std::span(&tok, 1), "start word");
  }
}

TEST(SharedStartWords, ArticleTokens) {
  const std::vector<chronicle::testing::SharedSet> sets{{"data/reuters21578/reuters.jsonl", 300},
                                                        {"data/modern-news/articles.jsonl", 100}};
  if (const auto missing = chronicle::testing::missing_shared(sets); !missing.empty())
    GTEST_SKIP() << missing;
  std::size_t sentences = 0;
  for (const auto& set : sets)
    chronicle::testing::for_each_jsonl_line(set, [&](const std::string& line) {
      const std::string text = nlohmann::json::parse(line).value("text", std::string());
      for (const auto& span : chronicle::split_sentences(text, resources().segmenter)) {
        const auto tl =
            chronicle::tokenize(std::string_view(text).substr(span.begin, span.end - span.begin));
        check_tokens(tl.tokens, set.relative);
        ++sentences;
      }
    });
  EXPECT_GT(sentences, 3000u);
}

}  // namespace
