// plugin_terms::Terms: whether a lexicon list holds a word, by a table, as sdk::any_of_terms
// tells it by a walk over the list; plugin_terms::FirstWords: whether a phrase of some lists
// starts with a word, as sdk::PhraseSet tells it.
#include "../../plugins/term_set.h"

#include <chronicle/lexicon.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
namespace sdk = chronicle::sdk;

TEST(PluginTerms, SameAnswersAsAnyOfTerms) {
  std::size_t lists = 0, held = 0;
  for (const char* plugin : {"meetings", "conferences", "fallback", "visits", "summits", "calls"}) {
    const auto lex = chronicle::Lexicon::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en" /
                                              (std::string(plugin) + ".yaml"));
    const std::vector<std::string> keys = lex.keys("");
    // every term of every list of the plugin, each word of them, a few that are none, and
    // each with a letter more or less
    std::vector<std::string> words = {"", "a", "the", "meeting", "xyz", "talks's", "two words"};
    for (const auto& key : keys)
      for (std::string_view p : lex.terms(key)) {
        words.emplace_back(p);
        for (std::size_t pos = 0; pos <= p.size();) {
          const std::size_t sp = std::min(p.find(' ', pos), p.size());
          words.emplace_back(p.substr(pos, sp - pos));
          pos = sp + 1;
        }
      }
    for (std::size_t i = 0, n = words.size(); i < n; ++i) {
      words.push_back(words[i] + "s");
      if (!words[i].empty()) words.push_back(words[i].substr(0, words[i].size() - 1));
    }
    for (const auto& key : keys) {
      const sdk::View<std::string_view> terms = lex.terms(key);
      if (terms.size == 0) continue;
      ++lists;
      const plugin_terms::Terms set(terms);
      const sdk::View<std::string_view> back = set;  // the list itself
      EXPECT_EQ(back.data, terms.data);
      EXPECT_EQ(back.size, terms.size);
      const plugin_terms::FirstWords firsts({terms});
      const sdk::PhraseSet phrases(terms);
      for (const auto& w : words) {
        EXPECT_EQ(firsts.starts(w), phrases.starts_with_word(w))
            << plugin << " " << key << " '" << w << "'";
        const bool want = sdk::any_of_terms(w, terms);
        held += want;
        EXPECT_EQ(set.contains(w), want) << plugin << " " << key << " '" << w << "'";
        EXPECT_EQ(plugin_terms::any_of_terms(w, set), want) << plugin << " " << key;
      }
    }
    // several lists as one
    ASSERT_GE(keys.size(), 3u);
    const auto a = lex.terms(keys[0]), b = lex.terms(keys[1]), c = lex.terms(keys[2]);
    const plugin_terms::FirstWords firsts({a, b, c});
    const sdk::PhraseSet phrases({a, b, c});
    for (const auto& w : words)
      EXPECT_EQ(firsts.starts(w), phrases.starts_with_word(w)) << plugin << " '" << w << "'";
  }
  EXPECT_GT(lists, 100u);
  EXPECT_GT(held, 1000u);
  EXPECT_FALSE(plugin_terms::Terms().contains("meeting"));  // an empty table holds no word
  EXPECT_FALSE(plugin_terms::Terms().contains(""));
  EXPECT_FALSE(plugin_terms::FirstWords().starts("meeting"));
}
