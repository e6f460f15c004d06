// The flat word index behind every lexicon lookup of the engine: ids in insertion order,
// no false hits (the filter and the probe are only shortcuts), and per-sentence hashes
// that give the same answers as hashing each word.
#include "../../core/src/word_index.h"

#include <chronicle/text.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using chronicle::detail::SentenceHashes;
using chronicle::detail::word_hash;
using chronicle::detail::WordIndex;
using chronicle::detail::WordList;
using chronicle::detail::WordSet;

TEST(WordIndex, IdsInInsertionOrderAndNoFalseHits) {
  WordIndex ix;
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back("w" + std::to_string(i * 7919 % 10007));
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(ix.add(words[i]), i);
    EXPECT_EQ(ix.add(words[i]), i) << "adding twice keeps the first id";
  }
  EXPECT_EQ(ix.size(), words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    ASSERT_EQ(ix.find(words[i]), i);
    ASSERT_EQ(ix.word(static_cast<std::uint32_t>(i)), words[i]);
  }
  for (int i = 0; i < 3000; ++i) {
    const std::string absent = "x" + std::to_string(i);
    ASSERT_EQ(ix.find(absent), WordIndex::npos) << absent;
  }
  EXPECT_EQ(ix.find(""), WordIndex::npos);
  EXPECT_EQ(WordIndex{}.find("anything"), WordIndex::npos);
}

// word_hash() as word_hash.h defines it, spelled out byte by byte: the length xor-ed into
// the seed, then each eight bytes (little-endian, the last padded with zero bytes) xor-ed
// in and mixed by the 128-bit product's halves xor-ed.
std::uint64_t word_hash_by_bytes(const std::string& w) {
  std::uint64_t h = chronicle::detail::kWordHashSeed ^ w.size();
  for (std::size_t at = 0; at < w.size(); at += 8) {
    std::uint64_t c = 0;
    for (std::size_t k = 0; k < 8 && at + k < w.size(); ++k)
      c |= std::uint64_t{static_cast<unsigned char>(w[at + k])} << (8 * k);
    __extension__ typedef unsigned __int128 Wide;
    const Wide m = static_cast<Wide>(h ^ c) * chronicle::detail::kWordHashMul;
    h = static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
  }
  return h | chronicle::detail::kWordHashMark;
}

// The same hash from word_hash() (its loads of 1 to 8 bytes) at every alignment, at compile
// time (the tokenizer's tables) and byte by byte; never 0; words of each length from 0 to
// 40 that differ in one byte, or by a NUL at the end, hash apart.
TEST(WordIndex, WordHashIsItsDefinition) {
  static_assert(word_hash("") == (chronicle::detail::kWordHashSeed | chronicle::detail::kWordHashMark));
  constexpr std::uint64_t kThe = word_hash("the");
  EXPECT_EQ(kThe, word_hash(std::string("the")));
  std::string w;
  for (int i = 0; i < 40; ++i) {
    const std::uint64_t h = word_hash(w);
    ASSERT_NE(h, 0u);
    ASSERT_EQ(h, word_hash_by_bytes(w)) << w.size() << " bytes";
    for (std::size_t shift = 1; shift < 8; ++shift) {
      const std::string padded = std::string(shift, 'x') + w;
      ASSERT_EQ(word_hash(std::string_view(padded).substr(shift)), h) << w.size() << " " << shift;
    }
    for (std::size_t k = 0; k < w.size(); ++k) {
      std::string x = w;
      x[k] = static_cast<char>(x[k] ^ 0x20);
      EXPECT_NE(word_hash(x), h) << w.size() << " bytes, byte " << k;
    }
    EXPECT_NE(word_hash(w + '\0'), h) << w.size() << " bytes and a NUL";
    w += static_cast<char>(i % 3 == 0 ? 0xC3 : 'a' + i * 7 % 26);
  }
  for (const char* x : {"the", "'s", "-", "\xE2\x80\x93", "Washington", "nineteen-eighty"})
    EXPECT_EQ(word_hash(x), word_hash_by_bytes(x)) << x;
}

TEST(WordIndex, EmptyWordAndPrefixesAreWordsOfTheirOwn) {
  WordIndex ix;
  ix.add("may");
  EXPECT_FALSE(ix.contains("ma"));
  EXPECT_FALSE(ix.contains("mayor"));
  EXPECT_FALSE(ix.contains("May"));
  EXPECT_FALSE(ix.contains(""));
  ix.add("");
  EXPECT_TRUE(ix.contains(""));
  EXPECT_TRUE(ix.contains("may"));
  const std::string long_word(100, 'q'), other_long(64, 'q');
  ix.add(long_word);
  EXPECT_TRUE(ix.contains(long_word));
  EXPECT_FALSE(ix.contains(other_long)) << "lengths of 63 and more share one filter bit";
  EXPECT_FALSE(ix.contains("\xC3\xA9t\xC3\xA9"));
  ix.add("\xC3\xA9t\xC3\xA9");
  EXPECT_TRUE(ix.contains("\xC3\xA9t\xC3\xA9")) << "a first byte above 0x7F";
}

TEST(WordList, KeepsLexiconOrderAndAnswersMembership) {
  const WordList list(std::vector<std::string>{"will", "shall", "'ll", "is going to"});
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[2], "'ll");
  const std::vector<std::string>& as_vector = list;
  EXPECT_EQ(as_vector.back(), "is going to");
  EXPECT_TRUE(list.contains("shall"));
  EXPECT_TRUE(list.contains("is going to"));
  EXPECT_FALSE(list.contains("is"));
  EXPECT_FALSE(WordList{}.contains("will"));
  WordSet set;
  set.insert("leaders");
  EXPECT_EQ(set.count("leaders"), 1u);
  EXPECT_EQ(set.count("leader"), 0u);
}

chronicle::sdk::Token token(std::string_view lower) {
  chronicle::sdk::Token t;
  t.text = lower;
  t.lower = lower;
  return t;
}

// A word whose hash equals an indexed word's is that word only when every byte is the
// same: find() given the indexed word's hash with each byte of it changed in turn (the
// byte comparison, not the hash, decides), for each length from 0 to 40.
TEST(WordIndex, EqualHashesStillCompareEveryByte) {
  WordIndex ix;
  std::vector<std::string> words;
  for (std::size_t len = 0; len <= 40; ++len) {
    std::string w;
    for (std::size_t k = 0; k < len; ++k) w += static_cast<char>('a' + (k * 5 + len) % 26);
    words.push_back(w);
    ix.add(w);
  }
  for (std::uint32_t id = 0; id < words.size(); ++id) {
    const std::string& w = words[id];
    const std::uint64_t h = word_hash(w);
    ASSERT_EQ(ix.find(w, h), id) << w;
    ASSERT_EQ(ix.find_unfiltered(w, h, 99), id) << w;
    for (std::size_t k = 0; k < w.size(); ++k) {
      std::string other = w;
      other[k] = static_cast<char>(other[k] ^ 0x80);
      ASSERT_EQ(ix.find(other, h), WordIndex::npos) << w << " byte " << k;
      ASSERT_EQ(ix.find_unfiltered(other, h, 99), 99u) << w << " byte " << k;
      const chronicle::sdk::Token t[2] = {token(other), token(w)};
      const std::uint64_t hs[2] = {h, h};
      std::uint32_t seen[2] = {99, 99};
      ix.visit_found(t, hs, 2, [&](std::size_t j, std::uint32_t found) { seen[j] = found; });
      ASSERT_EQ(seen[0], 99u) << w << " byte " << k;
      ASSERT_EQ(seen[1], id) << w;
    }
    const std::string longer = w + 'a';
    ASSERT_NE(ix.find(longer, h), id) << w;
  }
}

TEST(WordIndex, FindEachAgreesWithFind) {
  std::vector<std::string> words;
  for (int i = 0; i < 50; ++i) words.push_back("w" + std::to_string(i));
  std::vector<chronicle::sdk::Token> tokens;
  for (const char* w : {"w3", "x", "", "w49", "w3", "w50", "W3", "w", "w12"})
    tokens.push_back(token(w));
  std::vector<std::uint64_t> hashes;
  for (const auto& t : tokens) hashes.push_back(word_hash(t.lower));
  const std::uint32_t absent = 1000;
  auto agree = [&](const WordIndex& ix) {
    std::vector<std::uint32_t> ids(tokens.size(), 7);
    ix.find_each(tokens.data(), hashes.data(), tokens.size(), absent, ids.data());
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const std::uint32_t id = ix.find(tokens[k].lower, hashes[k]);
      EXPECT_EQ(ids[k], id == WordIndex::npos ? absent : id) << tokens[k].lower;
    }
    if (ix.size() == 0) return;  // (visit_found() needs a word in the index)
    std::vector<std::uint32_t> visited(tokens.size(), absent);
    std::size_t next = 0;  // the tokens found are visited once each, in order
    ix.visit_found(tokens.data(), hashes.data(), tokens.size(),
                   [&](std::size_t k, std::uint32_t id) {
                     EXPECT_GE(k, next);
                     next = k + 1;
                     visited[k] = id;
                   });
    EXPECT_EQ(visited, ids);
  };
  WordIndex empty;
  agree(empty);
  WordIndex dense, sparse;
  for (const auto& w : words) dense.add(w);
  for (const auto& w : words) sparse.add(w);
  sparse.reserve(words.size() * 4);
  agree(dense);
  agree(sparse);
  sparse.add("");
  agree(sparse);
}

// A word's first slot taken by another word: the word lies further on in the run of full
// slots, which the first slot's tag tells (WordIndex::may_hold). Tables as full as they
// get (half their slots) and sparse ones, of 1 to 600 words, each word found by find(),
// find_unfiltered(), find_each() and visit_found() (also in sentences of more than 64
// tokens), and as many words not in the index not found, equal hashes or not.
// Every look-up of `tokens` (with `hashes`) gives `want`: find, find_unfiltered, find_each
// and visit_found alike.
void expect_look_ups(const WordIndex& ix, const std::vector<chronicle::sdk::Token>& tokens,
                     const std::vector<std::uint64_t>& hashes,
                     const std::vector<std::uint32_t>& want, const std::string& what) {
  const std::size_t n = tokens.size();
  for (std::size_t k = 0; k < n; ++k) {
    EXPECT_EQ(ix.find(tokens[k].lower, hashes[k]), want[k]) << tokens[k].lower << ", " << what;
    EXPECT_EQ(ix.find_unfiltered(tokens[k].lower, hashes[k], WordIndex::npos), want[k])
        << tokens[k].lower << ", " << what;
  }
  std::vector<std::uint32_t> ids(n, 7), visited(n, WordIndex::npos);
  ix.find_each(tokens.data(), hashes.data(), n, WordIndex::npos, ids.data());
  ix.visit_found(tokens.data(), hashes.data(), n,
                 [&](std::size_t k, std::uint32_t id) { visited[k] = id; });
  EXPECT_EQ(ids, want) << what;
  EXPECT_EQ(visited, want) << what;
}

TEST(WordIndex, WordsFurtherOnInARunAndWordsNotInTheIndex) {
  for (const std::size_t count : {1u, 3u, 4u, 7u, 8u, 31u, 32u, 100u, 255u, 256u, 600u}) {
    for (const bool sparse : {false, true}) {
      WordIndex ix;
      std::vector<std::string> words, others;
      for (std::size_t i = 0; i < count; ++i) {
        words.push_back("w" + std::to_string(i * 7919 % 100003));
        others.push_back("o" + std::to_string(i));
      }
      for (const auto& w : words) ix.add(w);
      if (sparse) ix.reserve(words.size() * 4);
      std::vector<chronicle::sdk::Token> tokens;
      std::vector<std::uint64_t> hashes;
      std::vector<std::uint32_t> want;
      for (std::size_t i = 0; i < count; ++i) {
        tokens.push_back(token(words[i]));
        hashes.push_back(word_hash(words[i]));
        want.push_back(static_cast<std::uint32_t>(i));
        tokens.push_back(token(others[i]));
        hashes.push_back(word_hash(others[i]));
        want.push_back(WordIndex::npos);
        // another word given a word's hash: the same slot and tag, not the word
        tokens.push_back(token(others[i]));
        hashes.push_back(word_hash(words[i]));
        want.push_back(WordIndex::npos);
      }
      expect_look_ups(ix, tokens, hashes, want,
                      std::to_string(count) + " words, sparse " + std::to_string(sparse));
    }
  }
}

// An index of four words has eight slots. Three words whose first slot is the last one fill
// it and go on at slots 0 and 1; a fourth whose first slot is 1 goes on to slot 2. Every
// look-up must find each word past the end of the table, and no word that only shares a
// first slot with them.
TEST(WordIndex, RunOfFullSlotsWrapsPastTheEnd) {
  std::vector<std::string> last_home, first_home, absent;
  for (int i = 0; last_home.size() < 3 || first_home.empty() || absent.size() < 6; ++i) {
    const std::string w = "x" + std::to_string(i);
    const std::uint64_t home = word_hash(w) & 7;
    if (home == 7 && last_home.size() < 3)
      last_home.push_back(w);
    else if (home == 1 && first_home.empty())
      first_home.push_back(w);
    else if (home <= 3 || home == 7)
      absent.push_back(w);  // first slot 7, 0, 1, 2 or 3: inside or just after the run
  }
  WordIndex ix;
  for (const auto& w : last_home) ix.add(w);
  ix.add(first_home[0]);
  std::vector<chronicle::sdk::Token> tokens;
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> want;
  for (std::uint32_t id = 0; id < 3; ++id) {
    tokens.push_back(token(last_home[id]));
    want.push_back(id);
  }
  tokens.push_back(token(first_home[0]));
  want.push_back(3);
  for (const auto& w : absent) {
    tokens.push_back(token(w));
    want.push_back(WordIndex::npos);
  }
  for (const auto& t : tokens) hashes.push_back(word_hash(t.lower));
  for (std::size_t k = 0; k < tokens.size(); ++k)
    EXPECT_EQ(ix.find(tokens[k].lower), want[k]) << tokens[k].lower;
  expect_look_ups(ix, tokens, hashes, want, "a run past the end");
}

TEST(SentenceHashes, SameHashesInsideAndOutsideAScope) {
  const std::vector<chronicle::sdk::Token> a{token("next"), token("week"), token(",")};
  const std::vector<chronicle::sdk::Token> b{token("last"), token("year")};
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_EQ(SentenceHashes::of(a.data(), i), word_hash(a[i].lower));
  {
    const SentenceHashes outer(a.data(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i)
      EXPECT_EQ(SentenceHashes::of(a.data(), i), word_hash(a[i].lower));
    EXPECT_EQ(SentenceHashes::of(b.data(), 1), word_hash("year")) << "another array: hashed";
    {
      const SentenceHashes inner(b.data(), b.size());
      EXPECT_EQ(SentenceHashes::of(b.data(), 0), word_hash("last"));
      EXPECT_EQ(SentenceHashes::of(a.data(), 0), word_hash("next"));
    }
    EXPECT_EQ(SentenceHashes::of(a.data(), 1), word_hash("week")) << "outer scope restored";
  }
  EXPECT_EQ(SentenceHashes::of(a.data(), 2), word_hash(","));
}

// The analysis opens a scope per sentence and the grammar and the clause reader open
// their own on the same tokens: the inner ones share the outer one's hashes, and a scope
// on a prefix of the same array (another size) computes its own.
TEST(SentenceHashes, NestedScopeOnTheSameTokens) {
  const std::vector<chronicle::sdk::Token> a{token("next"), token("week"), token(",")};
  {
    const SentenceHashes outer(a.data(), a.size());
    {
      const SentenceHashes same(a.data(), a.size());
      for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_EQ(SentenceHashes::of(a.data(), i), word_hash(a[i].lower));
      {
        const SentenceHashes prefix(a.data(), 2);
        EXPECT_EQ(SentenceHashes::of(a.data(), 1), word_hash("week"));
        EXPECT_EQ(SentenceHashes::of(a.data(), 2), word_hash(",")) << "beyond the prefix: hashed";
      }
      EXPECT_EQ(SentenceHashes::of(a.data(), 2), word_hash(","));
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      EXPECT_EQ(SentenceHashes::of(a.data(), i), word_hash(a[i].lower)) << "outer scope kept";
  }
  EXPECT_EQ(SentenceHashes::of(a.data(), 0), word_hash("next"));
}

// A scope given the tokens' hashes as made (TokenList::hashes) hands out those, and an
// inner scope on the same tokens shares them.
TEST(SentenceHashes, HashesAsMadeAreTakenAsGiven) {
  const std::vector<chronicle::sdk::Token> a{token("next"), token("week"), token(",")};
  const std::vector<std::uint64_t> made{word_hash("next"), word_hash("week"), word_hash(",")};
  {
    const SentenceHashes outer(a.data(), a.size(), made.data());
    EXPECT_EQ(SentenceHashes::all_of(a.data(), a.size()), made.data());
    {
      const SentenceHashes same(a.data(), a.size());
      EXPECT_EQ(SentenceHashes::all_of(a.data(), a.size()), made.data()) << "shared";
      for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_EQ(SentenceHashes::of(a.data(), i), word_hash(a[i].lower));
      EXPECT_EQ(SentenceHashes::of_lower(a[1].lower), word_hash("week"));
    }
  }
  EXPECT_EQ(SentenceHashes::all_of(a.data(), a.size()), nullptr);
}

// of_lower() and WordSet::contains_lower() take the scope's hash only for a token's own
// `lower` member: another member of the same token ("Week" as written), a copy of the
// word and the words of another array are hashed as they are.
TEST(SentenceHashes, OfLowerOnlyForTheTokensOwnLowerMember) {
  std::vector<chronicle::sdk::Token> a{token("next"), token("week"), token(",")};
  a[1].text = "Week";
  chronicle::detail::WordSet set;
  set.insert("week");
  set.insert("Week");
  set.insert(",");
  const std::vector<chronicle::sdk::Token> b{token("week"), token("next")};
  auto check = [&] {
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(SentenceHashes::of_lower(a[i].lower), word_hash(a[i].lower));
      EXPECT_EQ(SentenceHashes::of_lower(a[i].text), word_hash(a[i].text)) << a[i].text;
      const std::string_view copy = a[i].lower;
      EXPECT_EQ(SentenceHashes::of_lower(copy), word_hash(copy));
      EXPECT_EQ(set.contains_lower(a[i].lower), set.contains(a[i].lower)) << a[i].lower;
      EXPECT_EQ(set.contains_lower(a[i].text), set.contains(a[i].text)) << a[i].text;
    }
    for (const auto& t : b) {
      EXPECT_EQ(SentenceHashes::of_lower(t.lower), word_hash(t.lower));
      EXPECT_EQ(set.contains_lower(t.lower), set.contains(t.lower));
    }
  };
  check();  // no scope
  const SentenceHashes scope(a.data(), a.size());
  check();
  EXPECT_TRUE(set.contains_lower(a[1].lower));
  EXPECT_FALSE(set.contains_lower(a[0].lower));
}

}  // namespace

namespace {

// every string of a YAML node: the words of the lexicon lists (keys and values)
void collect_strings(const YAML::Node& node, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
  } else if (node.IsSequence()) {
    for (const auto& x : node) collect_strings(x, out);
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      collect_strings(kv.first, out);
      collect_strings(kv.second, out);
    }
  }
}

}  // namespace

// Every word of the shipped lexicons, in one index: each found by its own bytes, by the
// hash the tokenizer gives it (the lower-case form of a one-token word, as every table of
// the engine is searched), by find_each() and visit_found() over all the words' tokens at
// once, with the answers of a plain string look-up; words not in the index not found.
TEST(WordIndex, LexiconWordsFoundByTheTokenizersHashes) {
  std::vector<std::string> words;
  for (const auto& f : std::filesystem::directory_iterator(CHRONICLE_CONFIG_DIR "/lexicons/en"))
    if (f.path().extension() == ".yaml") collect_strings(YAML::LoadFile(f.path().string()), words);
  ASSERT_GT(words.size(), 1000u);
  std::unordered_map<std::string, std::uint32_t> plain;
  WordIndex ix;
  // with words of 7, 8, 9, 15, 16 and 17 bytes, about the lengths whose bytes the slot
  // keeps (up to 16): each also with its last byte, or its first, changed
  for (const std::size_t len : {7u, 8u, 9u, 15u, 16u, 17u}) {
    std::string w;
    for (std::size_t k = 0; k < len; ++k) w += static_cast<char>('a' + (k * 7 + len) % 26);
    words.push_back(w);
    std::string last = w, first = w;
    last.back() = last.back() == 'z' ? 'y' : 'z';
    first.front() = first.front() == 'q' ? 'r' : 'q';
    words.push_back(last);
    words.push_back(first);
  }
  for (const auto& w : words)
    if (plain.emplace(w, static_cast<std::uint32_t>(plain.size())).second) ix.add(w);
  std::string text;
  for (const auto& w : words) {
    EXPECT_EQ(ix.find(w), plain.at(w)) << w;
    EXPECT_EQ(ix.find(w, word_hash(w)), plain.at(w)) << w;
    text += w + " . ";
  }
  for (const char* absent :
       {"", "zzz", "the-no-such-word", "mondays1", "x", "abcdefg", "abcdefgh", "abcdefghi",
        "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq"})
    if (!plain.count(absent)) EXPECT_EQ(ix.find(absent), WordIndex::npos) << absent;
  // a word of each length ending at the end of its buffer (only its own bytes are read)
  for (const auto& w : words) {
    const std::unique_ptr<char[]> own(new char[w.size()]);
    std::memcpy(own.get(), w.data(), w.size());
    const std::string_view at_end(own.get(), w.size());
    EXPECT_EQ(ix.find(at_end, word_hash(at_end)), plain.at(w)) << w;
  }
  const chronicle::TokenList tl = chronicle::tokenize(text);
  ASSERT_NE(tl.hashes, nullptr);
  const std::size_t n = tl.tokens.size();
  std::vector<std::uint32_t> ids(n);
  constexpr std::uint32_t kAbsent = 0xFFFFFFF0u;
  ix.find_each(tl.tokens.data(), tl.hashes, n, kAbsent, ids.data());
  std::vector<std::uint32_t> visited(n, kAbsent);
  ix.visit_found(tl.tokens.data(), tl.hashes, n,
                 [&](std::size_t k, std::uint32_t id) { visited[k] = id; });
  std::size_t found = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string lower(tl.tokens[k].lower);
    const auto it = plain.find(lower);
    const std::uint32_t want = it == plain.end() ? kAbsent : it->second;
    ASSERT_EQ(tl.hashes[k], word_hash(lower)) << lower;
    EXPECT_EQ(ids[k], want) << lower;
    EXPECT_EQ(visited[k], want) << lower;
    EXPECT_EQ(ix.find_unfiltered(lower, tl.hashes[k], kAbsent), want) << lower;
    found += want != kAbsent;
  }
  EXPECT_GT(found, words.size() / 2);
}
