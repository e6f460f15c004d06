// Lexicon::list() and terms() by key through one hash table: every list of the shipped
// lexicons found under its key, the same words both ways; copies and moves keep answering
// from their own lists.
#include <chronicle/lexicon.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

// every key of the lexicon's maps, nested ones joined with '.'
void all_keys(const chronicle::Lexicon& lex, const std::string& prefix,
              std::vector<std::string>& out) {
  for (const auto& k : lex.keys(prefix)) {
    const std::string full = prefix.empty() ? k : prefix + "." + k;
    out.push_back(full);
    all_keys(lex, full, out);
  }
}

void expect_lists_alike(const chronicle::Lexicon& lex, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    const auto& list = lex.list(key);
    const auto terms = lex.terms(key);
    ASSERT_EQ(terms.size, list.size()) << key;
    for (std::size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(terms[i], list[i]) << key;
      EXPECT_EQ(terms[i].data(), list[i].data()) << key;  // views of the lexicon's own words
    }
  }
}

}  // namespace

TEST(LexiconLookup, ListAndTermsAgreeForEveryKeyOfTheShippedLexicons) {
  const fs::path dir = fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en";
  std::size_t lists = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".yaml" || e.path().filename() == "places.yaml" ||
        e.path().filename() == "organizations.yaml")
      continue;
    SCOPED_TRACE(e.path().string());
    const auto lex = chronicle::Lexicon::load(e.path());
    std::vector<std::string> keys;
    all_keys(lex, "", keys);
    expect_lists_alike(lex, keys);
    for (const auto& k : keys) lists += !lex.list(k).empty();
    EXPECT_TRUE(lex.list("no such key").empty());
    EXPECT_EQ(lex.terms("no such key").size, 0u);
  }
  EXPECT_GT(lists, 100u);
}

TEST(LexiconLookup, CopiesAndMovesAnswerFromTheirOwnLists) {
  auto lex = std::make_unique<chronicle::Lexicon>(chronicle::Lexicon::parse(
      "a: [one, two words, three]\nb: {c: [x], d: [y, z]}\nn: 5\n", "test"));
  const std::vector<std::string> keys = {"a", "b", "b.c", "b.d", "n"};
  chronicle::Lexicon copy(*lex);
  chronicle::Lexicon assigned;
  assigned = *lex;
  chronicle::Lexicon to_move(*lex);
  chronicle::Lexicon moved(std::move(to_move));
  lex.reset();  // the original gone: the others view their own words
  for (const chronicle::Lexicon* l : {&copy, &assigned, &moved}) {
    expect_lists_alike(*l, keys);
    EXPECT_EQ(l->list("a"), (std::vector<std::string>{"one", "two words", "three"}));
    EXPECT_EQ(l->list("b.d"), (std::vector<std::string>{"y", "z"}));
    EXPECT_TRUE(l->list("b").empty());
    EXPECT_EQ(l->scalar("n"), "5");
  }
  // a list added or merged is found as well
  copy.add("e", {"New"});
  EXPECT_EQ(copy.list("e"), std::vector<std::string>{"new"});
  copy.merge(assigned);
  EXPECT_EQ(copy.list("a").size(), 6u);
  expect_lists_alike(copy, {"a", "b.c", "b.d", "e"});
}
