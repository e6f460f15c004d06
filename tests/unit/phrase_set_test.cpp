// sdk::PhraseSet (trigger phrases indexed by first word) gives the same answer as
// sdk::match_phrase() over the same phrases, at every token: for every word list of the
// bundled plugins' lexicons, over the corpora's sentences, the examples and each list's
// own phrases set in a sentence (so that every phrase matches somewhere). PhraseSet::contains
// gives any_of_terms()'s answer for every token of the same texts, and starts_with_word
// whether a phrase's first word is the token's.
#include <chronicle/lexicon.h>
#include <chronicle/sdk/plugin_api.h>
#include <chronicle/text.h>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace sdk = chronicle::sdk;

void lists_of(const chronicle::Lexicon& lex, const std::string& prefix,
              std::vector<std::string>& out) {
  for (const auto& k : lex.keys(prefix)) {
    const std::string full = prefix.empty() ? k : prefix + "." + k;
    if (!lex.terms(full).empty()) out.push_back(full);
    lists_of(lex, full, out);
  }
}

// The test corpora's case texts and the examples.
std::vector<std::string> sample_texts() {
  std::vector<std::string> texts;
  for (const char* name : {"relative_dates.yaml", "events.yaml"}) {
    const YAML::Node root = YAML::LoadFile(std::string(CHRONICLE_CORPUS_DIR "/en/") + name);
    for (const auto& c : root["cases"])
      if (c["text"]) texts.push_back(c["text"].as<std::string>());
  }
  for (const auto& e : fs::directory_iterator(CHRONICLE_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

// A word list of a bundled plugin's lexicon, named "plugin.key".
struct NamedList {
  std::string name;
  sdk::View<std::string_view> phrases;
};

// Every word list of the lexicons of `plugins`; the lists view the lexicons, kept in
// `lexicons`.
std::vector<NamedList> bundled_lists(std::initializer_list<const char*> plugins,
                                     std::deque<chronicle::Lexicon>& lexicons) {
  std::vector<NamedList> out;
  for (const char* plugin : plugins) {
    const auto& lex = lexicons.emplace_back(chronicle::Lexicon::load(
        std::string(CHRONICLE_CONFIG_DIR "/lexicons/en/") + plugin + ".yaml"));
    std::vector<std::string> keys;
    lists_of(lex, "", keys);
    for (const auto& key : keys) out.push_back({std::string(plugin) + "." + key, lex.terms(key)});
  }
  return out;
}

// The texts, then each phrase set in a sentence of its own (so that every phrase stands
// somewhere).
std::vector<std::string> with_phrases(std::vector<std::string> texts,
                                      sdk::View<std::string_view> phrases) {
  for (auto p : phrases) texts.push_back("They said the " + std::string(p) + " ended.");
  return texts;
}

TEST(PhraseSet, SameAnswersAsMatchPhrase) {
  const std::vector<std::string> texts = sample_texts();
  std::size_t lists = 0, checked = 0, matched = 0, contained = 0;
  std::deque<chronicle::Lexicon> lexicons;
  for (const auto& [name, phrases] : bundled_lists(
           {"meetings", "visits", "calls", "summits", "conferences", "fallback"}, lexicons)) {
    ++lists;
    const sdk::PhraseSet set(phrases);
    for (const auto& text : with_phrases(texts, phrases)) {
      const auto tl = chronicle::tokenize(text);
      sdk::Sentence s;
      s.text = text;
      s.tokens = {tl.tokens.data(), tl.tokens.size()};
      for (std::size_t i = 0; i <= tl.tokens.size(); ++i) {
        const std::size_t want = sdk::match_phrase(s, i, phrases);
        ASSERT_EQ(set.match(s, i), want) << name << " at token " << i << " of \"" << text << "\"";
        ++checked;
        matched += want > 0;
        if (i == tl.tokens.size()) continue;
        // starts_with_word: some phrase's first word is the token's
        bool starts = false;
        for (std::string_view p : phrases)
          starts = starts || p.substr(0, p.find(' ')) == tl.tokens[i].lower;
        ASSERT_EQ(set.starts_with_word(tl.tokens[i].lower), starts)
            << name << ": \"" << tl.tokens[i].lower << "\"";
        const bool in_list = sdk::any_of_terms(tl.tokens[i].lower, phrases);
        ASSERT_EQ(set.contains(tl.tokens[i].lower), in_list)
            << name << ": \"" << tl.tokens[i].lower << "\"";
        contained += in_list;
      }
    }
  }
  EXPECT_GT(lists, 40u);
  EXPECT_GT(matched, 1000u);
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(contained, 1000u);
}

// A set built from several lists (the extractors' first_words_ gates) holds their phrases
// in list order: a word starts one of its phrases exactly when it starts one of some list's,
// and match() is match_phrase() over the lists one after another. Every list of a plugin's
// lexicon in one set, over the same texts and each phrase set in a sentence.
TEST(PhraseSet, SetOfSeveralListsAnswersAsTheirUnion) {
  std::vector<std::string> texts = sample_texts();
  std::size_t checked = 0, starting = 0;
  for (const char* plugin : {"meetings", "visits", "calls", "summits", "conferences"}) {
    const auto lex = chronicle::Lexicon::load(std::string(CHRONICLE_CONFIG_DIR "/lexicons/en/") +
                                              plugin + ".yaml");
    std::vector<std::string> keys;
    lists_of(lex, "", keys);
    ASSERT_GE(keys.size(), 3u) << plugin;
    // the first three lists, as the extractors put their trigger lists together
    const auto a = lex.terms(keys[0]), b = lex.terms(keys[1]), c = lex.terms(keys[2]);
    const sdk::PhraseSet one({a, b, c});
    const sdk::PhraseSet sa(a), sb(b), sc(c);
    std::vector<std::string_view> joined(a.begin(), a.end());
    joined.insert(joined.end(), b.begin(), b.end());
    joined.insert(joined.end(), c.begin(), c.end());
    const sdk::View<std::string_view> all{joined.data(), joined.size()};
    std::vector<std::string> sentences = texts;
    for (auto p : joined) sentences.push_back("They said the " + std::string(p) + " ended.");
    for (const auto& text : sentences) {
      const auto tl = chronicle::tokenize(text);
      sdk::Sentence s;
      s.text = text;
      s.tokens = {tl.tokens.data(), tl.tokens.size()};
      for (std::size_t i = 0; i < tl.tokens.size(); ++i) {
        const auto w = tl.tokens[i].lower;
        const bool starts =
            sa.starts_with_word(w) || sb.starts_with_word(w) || sc.starts_with_word(w);
        ASSERT_EQ(one.starts_with_word(w), starts) << plugin << ": \"" << w << "\"";
        ASSERT_EQ(one.match(s, i), sdk::match_phrase(s, i, all))
            << plugin << " at token " << i << " of \"" << text << "\"";
        ASSERT_EQ(one.contains(w), sdk::any_of_terms(w, all)) << plugin << ": \"" << w << "\"";
        ++checked;
        starting += starts;
      }
    }
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_GT(starting, 500u);
}

// sdk::PhraseEnds (phrases indexed by last word) gives the same answer as sdk::preceded_by()
// over the same phrases, and both the answer of preceded_by()'s definition (the words of a
// phrase are the tokens right before), at every token and one past the last: for every word
// list of the bundled plugins' lexicons, over the same texts and each list's own phrases set
// in a sentence (so that every phrase ends before some token).
TEST(PhraseEnds, SameAnswersAsPrecededBy) {
  const std::vector<std::string> texts = sample_texts();
  std::size_t lists = 0, checked = 0, preceded = 0;
  std::deque<chronicle::Lexicon> lexicons;
  for (const auto& [name, phrases] : bundled_lists(
           {"meetings", "visits", "calls", "summits", "conferences", "fallback"}, lexicons)) {
    ++lists;
    const sdk::PhraseEnds ends(phrases);
    for (const auto& text : with_phrases(texts, phrases)) {
      const auto tl = chronicle::tokenize(text);
      sdk::Sentence s;
      s.text = text;
      s.tokens = {tl.tokens.data(), tl.tokens.size()};
      for (std::size_t i = 0; i <= tl.tokens.size() + 1; ++i) {
        // by its definition: a phrase whose words are the tokens right before i
        bool want = false;
        for (std::string_view p : phrases) {
          std::size_t words = 1;
          for (char ch : p) words += ch == ' ';
          const sdk::View<std::string_view> one{&p, 1};
          want = want || (i > 0 && i <= tl.tokens.size() && words <= i &&
                          sdk::match_phrase(s, i - words, one) == words);
        }
        ASSERT_EQ(sdk::preceded_by(s, i, phrases), want)
            << name << " at token " << i << " of \"" << text << "\"";
        ASSERT_EQ(ends.preceded_by(s, i), want)
            << name << " at token " << i << " of \"" << text << "\"";
        ++checked;
        preceded += want;
      }
    }
  }
  EXPECT_GT(lists, 40u);
  EXPECT_GT(checked, 100000u);
  EXPECT_GT(preceded, 500u);
}

}  // namespace
