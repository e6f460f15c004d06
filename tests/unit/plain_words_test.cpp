// detail::plain_words / is_plain_word: the gazetteer reads a name of plain ASCII words
// without tokenize(); the words (and lower-case forms) must be the tokens tokenize() makes.
#include "../../core/src/plain_words.h"

#include <chronicle/text.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/src/compiled_config.h"

#ifndef CHRONICLE_CONFIG_DIR
#error "CHRONICLE_CONFIG_DIR must name the config/ directory"
#endif

namespace {

using chronicle::detail::CompiledKind;

// plain_words(s) answers as tokenize(s) does whenever it answers: the same words, one
// token each, their lower-case forms the ASCII lower case; and a single plain word is
// one token whose text is the word.
void expect_as_tokenize(const std::string& s) {
  std::vector<std::string_view> words;
  if (!chronicle::detail::plain_words(s, words)) return;
  const chronicle::TokenList tl = chronicle::tokenize(s);
  ASSERT_EQ(tl.tokens.size(), words.size()) << s;
  std::string lower;
  for (std::size_t k = 0; k < words.size(); ++k) {
    EXPECT_EQ(tl.tokens[k].text, words[k]) << s;
    chronicle::detail::plain_lower(words[k], lower);
    EXPECT_EQ(tl.tokens[k].lower, lower) << s;
    EXPECT_TRUE(chronicle::detail::is_plain_word(words[k])) << s;
  }
}

std::vector<std::string> names_in(const char* file, CompiledKind kind) {
  const std::filesystem::path p =
      std::filesystem::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en" / file;
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> out;
  for (const auto& e : chronicle::detail::parse_place_file(ss.str(), p.string(), kind)) {
    out.push_back(e.name);
    out.insert(out.end(), e.forms.begin(), e.forms.end());
    out.insert(out.end(), e.adjectives.begin(), e.adjectives.end());
  }
  return out;
}

TEST(PlainWords, ShippedPlaceNamesAsTokenized) {
  std::size_t plain = 0, all = 0;
  std::vector<std::string_view> words;
  for (const auto& [file, kind] : {std::pair{"places.yaml", CompiledKind::places},
                                   std::pair{"organizations.yaml", CompiledKind::organizations}})
    for (const auto& name : names_in(file, kind)) {
      ++all;
      plain += chronicle::detail::plain_words(name, words);
      expect_as_tokenize(name);
      // every word as a first word alone (share_words())
      std::vector<std::string_view> one;
      for (std::string_view w : words)
        if (chronicle::detail::plain_words(w, one)) expect_as_tokenize(std::string(w));
    }
  EXPECT_GT(all, 1000u);
  EXPECT_GT(plain, all / 2);  // (the fast path is the common one)
}

TEST(PlainWords, OnlyPlainAsciiWordsAtSingleSpaces) {
  std::vector<std::string_view> w;
  EXPECT_TRUE(chronicle::detail::plain_words("New York", w));
  EXPECT_EQ(w, (std::vector<std::string_view>{"New", "York"}));
  EXPECT_TRUE(chronicle::detail::plain_words("G7", w));
  EXPECT_TRUE(chronicle::detail::plain_words("McDonald Islands", w));
  for (const char* s : {"", " ", "U.S.", "St. Louis", "Guinea-Bissau", "Cote d'Ivoire", "New  York",
                        " York", "York ", "7Eleven", "Zürich", "Ho Chi\tMinh", "Group of 7"})
    EXPECT_FALSE(chronicle::detail::plain_words(s, w)) << s;
  EXPECT_TRUE(chronicle::detail::plain_words("A1 B2", w));
  for (const char* s : {"New York", "G7", "McDonald Islands", "USA", "iPhone", "A1 B2", "X",
                        "aB9c D", "U.S.", "St. Louis", "Cote d'Ivoire", "Zürich"})
    expect_as_tokenize(s);
  std::string lower;
  chronicle::detail::plain_lower("McDonald9X", lower);
  EXPECT_EQ(lower, "mcdonald9x");
}

}  // namespace
