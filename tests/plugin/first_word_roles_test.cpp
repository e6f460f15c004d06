// fallback::FirstWordRoles: the lists of the fallback plugin's lexicon a word starts a phrase
// of, in one look-up, as PhraseSet tells them list by list.
#include "../../plugins/fallback/first_word_roles.h"

#include <chronicle/lexicon.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
namespace sdk = chronicle::sdk;

TEST(FirstWordRoles, SameAnswersAsAPhraseSetPerList) {
  const auto lex = chronicle::Lexicon::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en" /
                                            "fallback.yaml");
  const std::vector<std::string> keys = {"nouns.call",       "nouns.visit",    "nouns.summit",
                                         "nouns.conference", "nouns.talks",    "nouns.meeting",
                                         "talk_verbs",       "official_words", "exclude_context"};
  std::vector<sdk::PhraseSet> sets;
  std::vector<fallback::FirstWordRoles::List> lists;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    ASSERT_GT(lex.terms(keys[k]).size, 0u) << keys[k];
    sets.emplace_back(lex.terms(keys[k]));
    // (bit 2k: starts a phrase of list k; bit 2k + 1: is a phrase of it)
    lists.push_back({lex.terms(keys[k]), 1u << (2 * k), 1u << (2 * k + 1)});
  }
  // two lists under one bit: the union of the two
  lists.push_back({lex.terms("receive_verbs"), 1u << 2 * 6, 0});
  const sdk::PhraseSet receive(lex.terms("receive_verbs"));
  const fallback::FirstWordRoles roles({lists[0], lists[1], lists[2], lists[3], lists[4], lists[5],
                                        lists[6], lists[7], lists[8], lists[9]});

  // every word of every list, a few that are none, and each with a letter more or less
  std::vector<std::string> words = {"", "a", "the", "meeting", "meetings", "xyz", "talks's"};
  std::vector<std::string> all = lex.keys("");
  all.insert(all.end(), keys.begin(), keys.end());
  for (const auto& key : all)
    for (std::string_view p : lex.terms(key))
      for (std::size_t pos = 0; pos <= p.size();) {
        const std::size_t sp = std::min(p.find(' ', pos), p.size());
        words.emplace_back(p.substr(pos, sp - pos));
        pos = sp + 1;
      }
  for (std::size_t i = 0, n = words.size(); i < n; ++i) {
    words.push_back(words[i] + "s");
    if (!words[i].empty()) words.push_back(words[i].substr(0, words[i].size() - 1));
  }
  ASSERT_GT(words.size(), 500u);
  std::size_t some = 0;
  for (const auto& w : words) {
    const std::uint32_t r = roles(w);
    some += r != 0;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const bool starts = k == 6 ? sets[k].starts_with_word(w) || receive.starts_with_word(w)
                                 : sets[k].starts_with_word(w);
      EXPECT_EQ((r >> (2 * k) & 1) != 0, starts) << keys[k] << " '" << w << "'";
      if (k != 6)
        EXPECT_EQ((r >> (2 * k + 1) & 1) != 0, sets[k].contains(w)) << keys[k] << " '" << w << "'";
    }
  }
  EXPECT_GT(some, 100u);
  EXPECT_EQ(fallback::FirstWordRoles()("meeting"), 0u);  // an empty table holds no word
}
