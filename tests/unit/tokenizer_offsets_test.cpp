// The tokenizer at every offset: every piece of a text that starts in its first bytes, cut
// at every end, and words of every length at every offset (a word in the text's last eight
// bytes, where the lower-case form of a word with capitals is made a byte at a time, or
// before them, eight bytes at once; a word that runs to the end of the piece, read with a
// test for the end at every byte; a text that goes on past the piece given): the tokens
// each has alone in a string of its own, each hashed as word_hash() hashes its lower-case
// form, none past its end; on ASCII, text beyond ASCII, apostrophes, possessives,
// initialisms and numbers.
#include <chronicle/text.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "../token_test_support.h"

namespace {

using chronicle::testing::describe;
using chronicle::testing::hash_error;

// Words of every length from 1 to 40 (small letters and digits, a capital first, inside,
// at the end), apostrophes, possessives, letters beyond ASCII, initialisms, numbers.
std::string mixed_text() {
  std::string t;
  for (int len = 1; len <= 40; ++len) {
    std::string w;
    for (int k = 0; k < len; ++k)
      w += static_cast<char>(k % 7 == 6 ? '0' + k % 10 : 'a' + (k * 5 + len) % 26);
    t += w + ' ';
    std::string cap = w;
    cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
    t += cap + ", ";
    std::string mid = w;
    mid[static_cast<std::size_t>(len) / 2] = 'Q';
    t += mid + ".\n";
  }
  t += "didn't Sarah's James' Trump\xE2\x80\x99s rock\xE2\x80\x99n'roll caf\xC3\xA9 Z\xC3\xBCrich "
       "na\xC3\xAFve \xC3\x89lys\xC3\xA9\x65 U.S. a.m. U.N. e.g. p.m., U.S.A. iPhone USA "
       "2025-02-18 3:30 155,221 18th 1990s 100M 2025-02 "
       "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 end-to-end (brackets) [x] ok? yes! "
       "internationalization deinstitutionalization antidisestablishmentarianism "
       "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789abcdefghij\n"
       "\tTab\x0bvt\x0c\x66\x66 ";
  return t;
}

// The piece [a, b) of `buffer` (which goes on after it): the tokens it has alone in a
// string of its own, every hash word_hash() of its token's lower-case form, no token past
// the piece's end.
void check_piece(const std::string& buffer, std::size_t a, std::size_t b) {
  const std::string_view piece = std::string_view(buffer).substr(a, b - a);
  const chronicle::TokenList tl = chronicle::tokenize(piece);
  const std::string alone(piece);
  ASSERT_EQ(describe(tl), describe(chronicle::tokenize(alone)))
      << "piece [" << a << ", " << b << ")";
  ASSERT_EQ(hash_error(tl), "") << "piece [" << a << ", " << b << ")";
  if (!tl.tokens.empty()) ASSERT_LE(tl.tokens.back().span.end, piece.size());
}

// every piece that starts in the first `starts` bytes, to every end
void check_pieces(const std::string& text, std::size_t starts) {
  // the text followed by small letters: a piece of it is a view that the text goes on
  // after, and no token may take a byte past the piece
  const std::string buffer = text + std::string(64, 'z');
  for (std::size_t a = 0; a < starts && a < text.size(); ++a)
    for (std::size_t b = a; b <= text.size(); ++b) {
      check_piece(buffer, a, b);
      if (::testing::Test::HasFatalFailure()) return;
    }
}

TEST(TokenizerOffsets, EveryPieceOfAMixedText) { check_pieces(mixed_text(), 8); }

// Each word of 1 to 40 small letters, followed by each kind of byte, at each of 48 offsets
// from the text's start, as the whole text and as a piece of a longer one.
TEST(TokenizerOffsets, EveryWordLengthAtEveryOffset) {
  for (const char* after : {"", " ", ".", ",", "'s", "A", "\xC3\xA9", "\xE2\x80\x99s", "9", "\n"}) {
    for (std::size_t len = 1; len <= 40; ++len) {
      std::string w;
      for (std::size_t k = 0; k < len; ++k) w += static_cast<char>('a' + (k * 3) % 26);
      for (std::size_t at = 0; at < 48; ++at) {
        const std::string text = std::string(at, ' ') + w + after;
        const std::string buffer = text + std::string(32, 'z');
        check_piece(buffer, 0, text.size());
        check_piece(buffer, at, text.size());
        if (at == 0) check_pieces(text, 1);
        if (::testing::Test::HasFatalFailure()) return;
        const auto tl = chronicle::tokenize(text);
        ASSERT_FALSE(tl.tokens.empty());
        EXPECT_EQ(tl.tokens[0].span.begin, at);
        if (std::string_view(after).empty() || after[0] == ' ' || after[0] == '.' ||
            after[0] == ',' || after[0] == '\n' || after[0] == '\'')
          EXPECT_EQ(tl.tokens[0].lower, w) << at << " " << len << " " << after;
      }
    }
  }
}

// The tokens the tests of the tokenizer expect, with their hashes.
TEST(TokenizerOffsets, KnownTokensAndHashes) {
  const auto tl =
      chronicle::tokenize("The U.S. didn't say Trump\xE2\x80\x99s caf\xC3\xA9 was at 3:30 p.m.");
  std::string lowers;
  for (const auto& t : tl.tokens) lowers += std::string(t.lower) + "|";
  EXPECT_EQ(lowers, "the|u.s.|didn't|say|trump|'s|caf\xC3\xA9|was|at|3:30|p.m.|");
  EXPECT_EQ(hash_error(tl), "");
}

// Texts of plain words (a small letter or a capital, then small letters and digits, up to
// 100 bytes: longer than the 64 bytes the word loop classifies at once), runs of 1 to 130
// spaces of every kind, and punctuation, from 1 byte to over 16 kB (where the room for
// the tokens is checked token by token): the tokens a plain reading gives, with their hashes.
TEST(TokenizerOffsets, LongWordsAndSpaceRunsAsReadPlainly) {
  std::mt19937 rng(25);
  auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
  for (int round = 0; round < 60; ++round) {
    const std::size_t size = round < 40 ? 1 + pick(300) : 16000 + pick(2000);
    std::string text;
    std::string want;  // describe() of the tokens a plain reading gives
    auto token = [&](std::size_t b, std::size_t e, const std::string& lower, int kind, bool cap) {
      want += std::to_string(b) + "-" + std::to_string(e) + ":" + text.substr(b, e - b) + "|" +
              lower + "|" + std::to_string(kind) + (cap ? "C" : "") + " ";
    };
    while (text.size() < size) {
      const std::uint32_t what = pick(10);
      const std::size_t b = text.size();
      if (what < 5) {  // a word, then a space or punctuation (or the text's end)
        const std::size_t len = pick(4) == 0 ? 1 + pick(100) : 1 + pick(9);
        const bool cap = pick(4) == 0;
        std::string lower(1, static_cast<char>('a' + pick(26)));
        for (std::size_t k = 1; k < len; ++k)
          lower += static_cast<char>(pick(5) == 0 ? '0' + pick(10) : 'a' + pick(26));
        text += lower;
        if (cap) text[b] = static_cast<char>(text[b] - 'a' + 'A');
        token(b, text.size(), lower, static_cast<int>(chronicle::sdk::TokenKind::word), cap);
        // (a space or punctuation after it, but at the text's end)
        if (text.size() < size) text += pick(2) == 0 ? ' ' : pick(2) == 0 ? '\n' : ';';
        if (text.back() == ';')
          token(text.size() - 1, text.size(), ";",
                static_cast<int>(chronicle::sdk::TokenKind::punct), false);
      } else if (what < 8) {  // a run of spaces
        const std::size_t len = pick(3) == 0 ? 1 + pick(130) : 1 + pick(5);
        for (std::size_t k = 0; k < len; ++k) text += " \t\n\r\v\f  "[pick(8)];
      } else {  // punctuation
        const char c = ";()[]\"+*"[pick(8)];
        text += c;
        token(b, b + 1, std::string(1, c), static_cast<int>(chronicle::sdk::TokenKind::punct),
              false);
      }
    }
    const chronicle::TokenList tl = chronicle::tokenize(text);
    ASSERT_EQ(describe(tl), want) << "round " << round;
    ASSERT_EQ(hash_error(tl), "") << "round " << round;
  }
}

}  // namespace
