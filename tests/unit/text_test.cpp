// Text handling: tokens, code-point offsets, UTF-8 repair, and the sentence splitter
// with the English segmentation lexicon.
#include <chronicle/lexicon.h>
#include <chronicle/text.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#ifndef CHRONICLE_CONFIG_DIR
#error "CHRONICLE_CONFIG_DIR must name the config/ directory"
#endif

namespace {

using chronicle::CodePointIndex;
using chronicle::SegmenterRules;
using chronicle::SentenceSpan;
using chronicle::TokenList;
using chronicle::repair_utf8;
using chronicle::split_sentences;
using chronicle::tokenize;
using chronicle::sdk::TokenKind;

std::vector<std::string> texts(const TokenList& tl) {
  std::vector<std::string> out;
  for (const auto& t : tl.tokens) out.emplace_back(t.text);
  return out;
}

std::vector<std::string> lowers(const TokenList& tl) {
  std::vector<std::string> out;
  for (const auto& t : tl.tokens) out.emplace_back(t.lower);
  return out;
}

using Words = std::vector<std::string>;

// --- tokenize -----------------------------------------------------------------------

TEST(Tokenize, AsciiPossessiveIsItsOwnToken) {
  const std::string s = "Putin's envoy";
  const TokenList tl = tokenize(s);
  EXPECT_EQ(texts(tl), (Words{"Putin", "'s", "envoy"}));
  EXPECT_EQ(tl.tokens[1].lower, "'s");
}

TEST(Tokenize, CurlyPossessiveLowersToAsciiApostrophe) {
  const std::string s = "Tuesday\xE2\x80\x99s meeting";
  const TokenList tl = tokenize(s);
  ASSERT_EQ(tl.tokens.size(), 3u);
  EXPECT_EQ(tl.tokens[0].text, "Tuesday");
  EXPECT_EQ(tl.tokens[0].lower, "tuesday");
  EXPECT_EQ(tl.tokens[1].text, "\xE2\x80\x99s");
  EXPECT_EQ(tl.tokens[1].lower, "'s");
  EXPECT_EQ(tl.tokens[2].text, "meeting");
  // spans are byte offsets into the input
  EXPECT_EQ(tl.tokens[1].span.begin, 7u);
  EXPECT_EQ(tl.tokens[1].span.end, 11u);
  EXPECT_TRUE(tl.tokens[0].capitalized);
  EXPECT_FALSE(tl.tokens[2].capitalized);
}

// Names that start with a Latin-1 or Latin Extended-A capital are capitalised like ASCII
// ones ("Foreign Minister Álvaro Leyva" is a title and a name); small letters and signs
// of those ranges are not.
TEST(Tokenize, NonAsciiCapitalsAreCapitalized) {
  // (literals split after each escape: a hex digit must not follow one)
  const std::string s =
      "\xC3\x81"
      "lvaro \xC3\x89"
      "mile \xC5\x81"
      "ukasz \xC5\x9E"
      "ahin \xC3\xA9"
      "cole "
      "\xC5\x82\xC3\xB3"
      "d\xC5\xBA \xC3\x97";
  const TokenList tl = tokenize(s);
  ASSERT_EQ(tl.tokens.size(), 7u);
  EXPECT_TRUE(tl.tokens[0].capitalized);   // Álvaro
  EXPECT_TRUE(tl.tokens[1].capitalized);   // Émile
  EXPECT_TRUE(tl.tokens[2].capitalized);   // Łukasz (U+0141, odd)
  EXPECT_TRUE(tl.tokens[3].capitalized);   // Şahin (U+015E, even)
  EXPECT_FALSE(tl.tokens[4].capitalized);  // école
  EXPECT_FALSE(tl.tokens[5].capitalized);  // łódź (U+0142)
  EXPECT_FALSE(tl.tokens[6].capitalized);  // the multiplication sign
}

// A lower-case form that differs from the text lives in the list's store, the others view
// the text: both stay right when the list is moved, and when sentences cut from one
// paragraph outlive each other.
TEST(Tokenize, LowerFormsSurviveMovesAndSiblingSentences) {
  const std::string s =
      "WASHINGTON\xE2\x80\x99s long\xE2\x80\x94" "awaited \xE2\x80\x9CTalks\xE2\x80\x9D "
      "resumed on Monday. The envoys' trip ended Tuesday.";
  const Words want{"washington", "'s",      "long",  "-",      "awaited", "\"",      "talks",
                   "\"",         "resumed", "on",    "monday", ".",       "the",     "envoys",
                   "'s",         "trip",    "ended", "tuesday", "."};
  std::vector<TokenList> lists;
  lists.push_back(tokenize(s));
  lists.push_back(tokenize(std::string_view(s)));
  lists.erase(lists.begin());
  EXPECT_EQ(lowers(lists.front()), want);
  EXPECT_EQ(lists.front().tokens[2].lower.data(), s.data() + 15) << "as written: the text";

  const auto rules = SegmenterRules::from_lexicon(
      chronicle::Lexicon::load(std::filesystem::path(CHRONICLE_CONFIG_DIR) / "lexicons/en/text.yaml"));
  std::vector<TokenList> sentences;
  ASSERT_EQ(split_sentences(s, rules, &sentences).size(), 2u);
  TokenList second = std::move(sentences[1]);
  sentences.clear();
  EXPECT_EQ(lowers(second), Words(want.begin() + 12, want.end()));
}

TEST(Tokenize, PluralPossessive) {
  const TokenList tl = tokenize("the leaders' talks");
  EXPECT_EQ(texts(tl), (Words{"the", "leaders", "'", "talks"}));
  EXPECT_EQ(tl.tokens[2].lower, "'s");
}

TEST(Tokenize, CurlyApostropheInsideWordIsFolded) {
  const TokenList tl = tokenize("They didn\xE2\x80\x99t meet");
  EXPECT_EQ(texts(tl), (Words{"They", "didn\xE2\x80\x99t", "meet"}));
  EXPECT_EQ(tl.tokens[1].lower, "didn't");
  EXPECT_EQ(tl.tokens[1].kind, TokenKind::word);
}

TEST(Tokenize, InitialismIsOneWord) {
  const TokenList tl = tokenize("the U.S. delegation and the U.N.");
  EXPECT_EQ(texts(tl), (Words{"the", "U.S.", "delegation", "and", "the", "U.N."}));
  EXPECT_EQ(tl.tokens[1].lower, "u.s.");
  EXPECT_EQ(tl.tokens[1].kind, TokenKind::word);
  EXPECT_EQ(tl.tokens[5].text, "U.N.");
}

TEST(Tokenize, NumbersStayWhole) {
  const TokenList tl = tokenize("On 2025-02-18 at 3:30 some 155,221 people, on the 18th, in the 1990s");
  EXPECT_EQ(texts(tl), (Words{"On", "2025-02-18", "at", "3:30", "some", "155,221", "people", ",",
                              "on", "the", "18th", ",", "in", "the", "1990s"}));
  for (std::size_t i : {1u, 3u, 5u, 10u, 14u})
    EXPECT_EQ(tl.tokens[i].kind, TokenKind::number) << tl.tokens[i].text;
  EXPECT_EQ(tl.tokens[7].kind, TokenKind::punct);
}

TEST(Tokenize, TrailingPunctuationLeavesTheNumber) {
  const TokenList tl = tokenize("in 2025. Then 1,000, and 3:30.");
  EXPECT_EQ(texts(tl), (Words{"in", "2025", ".", "Then", "1,000", ",", "and", "3:30", "."}));
}

TEST(Tokenize, HyphenSplitsWords) {
  const TokenList tl = tokenize("Saudi-based talks");
  EXPECT_EQ(texts(tl), (Words{"Saudi", "-", "based", "talks"}));
  EXPECT_EQ(tl.tokens[1].kind, TokenKind::punct);
}

TEST(Tokenize, DashesAndCurlyQuotesLowerToAscii) {
  const TokenList tl = tokenize("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x93 he said");
  EXPECT_EQ(lowers(tl), (Words{"\"", "yes", "\"", "-", "he", "said"}));
}

TEST(Tokenize, MultibyteLettersStayInTheWord) {
  const TokenList tl = tokenize("Erdo\xC4\x9F" "an met Zelensky in Z\xC3\xBCrich.");
  EXPECT_EQ(texts(tl),
            (Words{"Erdo\xC4\x9F" "an", "met", "Zelensky", "in", "Z\xC3\xBCrich", "."}));
}

// Letters and digits are read eight bytes at a time where eight are left: words that end
// inside a block, fill one or run across several, with capitals anywhere in them and a
// letter beyond ASCII or an apostrophe after the ASCII ones, read as they would one by one.
TEST(Tokenize, WordsAcrossEightByteBlocks) {
  const std::string s =
      "internationalization INTERNATIONALLY Abcdefgh abcdefgH x12345678Y ab "
      "caf\xC3\xA9s NEGOTIATIONS\xE2\x80\x99 PRESIDENT\xE2\x80\x99S Gorbachev's";
  const TokenList tl = tokenize(s);
  EXPECT_EQ(texts(tl), (Words{"internationalization", "INTERNATIONALLY", "Abcdefgh", "abcdefgH",
                              "x12345678Y", "ab", "caf\xC3\xA9s", "NEGOTIATIONS", "\xE2\x80\x99",
                              "PRESIDENT", "\xE2\x80\x99S", "Gorbachev", "'s"}));
  EXPECT_EQ(lowers(tl), (Words{"internationalization", "internationally", "abcdefgh", "abcdefgh",
                               "x12345678y", "ab", "caf\xC3\xA9s", "negotiations", "'s",
                               "president", "'s", "gorbachev", "'s"}));
  EXPECT_EQ(tl.tokens[0].lower.data(), s.data()) << "no capital: the text itself";
  EXPECT_FALSE(tl.tokens[3].capitalized);  // a capital at the end only
  EXPECT_TRUE(tl.tokens[2].capitalized);
  EXPECT_EQ(tl.tokens[4].kind, TokenKind::word);
}

TEST(Tokenize, EmptyAndBlank) {
  EXPECT_TRUE(tokenize("").tokens.empty());
  EXPECT_TRUE(tokenize(" \n\t\xC2\xA0 ").tokens.empty());
}

// --- CodePointIndex -----------------------------------------------------------------

std::size_t naive_code_points(std::string_view s, std::size_t byte) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

TEST(CodePointIndex, MultibyteCharacters) {
  // é (2 bytes), – (3 bytes), 北 (3 bytes), 😀 (4 bytes)
  const std::string s = "Caf\xC3\xA9 \xE2\x80\x93 \xE5\x8C\x97 \xF0\x9F\x98\x80 end";
  const CodePointIndex cpi(s);
  EXPECT_EQ(cpi(0), 0u);
  EXPECT_EQ(cpi(3), 3u);   // before é
  EXPECT_EQ(cpi(5), 4u);   // after é
  EXPECT_EQ(cpi(6), 5u);   // before –
  EXPECT_EQ(cpi(9), 6u);   // after –
  EXPECT_EQ(cpi(10), 7u);  // before 北
  EXPECT_EQ(cpi(13), 8u);  // after 北
  EXPECT_EQ(cpi(14), 9u);  // before 😀
  EXPECT_EQ(cpi(18), 10u);  // after 😀
  EXPECT_EQ(cpi(s.size()), 14u);
  EXPECT_EQ(cpi(s.size() + 100), 14u);  // clamped
}

TEST(CodePointIndex, MatchesNaiveCountAcrossCheckpoints) {
  std::string s;
  for (int i = 0; i < 300; ++i) s += (i % 3 == 0) ? "\xE2\x80\x99" : (i % 3 == 1 ? "a" : "\xC3\xBC");
  const CodePointIndex cpi(s);
  for (std::size_t b = 0; b <= s.size(); ++b) ASSERT_EQ(cpi(b), naive_code_points(s, b)) << b;
}

TEST(CodePointIndex, AsciiTextAndLongMixedText) {
  std::string ascii(1000, 'x');
  const CodePointIndex a(ascii);
  for (std::size_t b = 0; b <= ascii.size() + 3; ++b)
    ASSERT_EQ(a(b), std::min(b, ascii.size())) << b;
  // ASCII runs longer than a checkpoint's stride between multibyte characters
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += std::string(static_cast<std::size_t>(i * 13 % 300), 'a') + "\xE2\x80\x99\xC3\xBC";
  const CodePointIndex cpi(s);
  for (std::size_t b = 0; b <= s.size(); ++b) ASSERT_EQ(cpi(b), naive_code_points(s, b)) << b;
}

TEST(CodePointIndex, EmptyText) {
  const CodePointIndex cpi("");
  EXPECT_EQ(cpi(0), 0u);
  EXPECT_EQ(cpi(5), 0u);
}

// --- repair_utf8 --------------------------------------------------------------------

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(RepairUtf8, ValidTextIsUntouched) {
  std::string s = "Z\xC3\xBCrich \xE2\x80\x9Ctalks\xE2\x80\x9D \xF0\x9F\x98\x80";
  const std::string before = s;
  EXPECT_EQ(repair_utf8(s), 0u);
  EXPECT_EQ(s, before);
}

TEST(RepairUtf8, InvalidBytesBecomeReplacementCharacter) {
  std::string s = "Caf\xE9 and \xFF\xFE end";
  EXPECT_EQ(repair_utf8(s), 3u);
  EXPECT_EQ(s, "Caf" + kReplacement + " and " + kReplacement + kReplacement + " end");
}

TEST(RepairUtf8, TruncatedOverlongAndSurrogateSequences) {
  std::string truncated = "a\xE2\x80";  // cut off at the end
  EXPECT_EQ(repair_utf8(truncated), 2u);
  EXPECT_EQ(truncated, "a" + kReplacement + kReplacement);

  std::string overlong = "\xC0\xAF";  // "/" spelled in two bytes
  EXPECT_EQ(repair_utf8(overlong), 2u);
  EXPECT_EQ(overlong, kReplacement + kReplacement);

  std::string surrogate = "\xED\xA0\x80";  // U+D800
  EXPECT_EQ(repair_utf8(surrogate), 3u);
  EXPECT_EQ(surrogate, kReplacement + kReplacement + kReplacement);
}

TEST(RepairUtf8, NulBecomesSpace) {
  std::string s("a\0b", 3);
  EXPECT_EQ(repair_utf8(s), 1u);
  EXPECT_EQ(s, "a b");
}

// --- split_sentences ----------------------------------------------------------------

class SplitSentences : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto lex = chronicle::Lexicon::load(std::filesystem::path(CHRONICLE_CONFIG_DIR) /
                                              "lexicons" / "en" / "text.yaml");
    rules_ = new SegmenterRules(SegmenterRules::from_lexicon(lex));
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }

  static std::vector<SentenceSpan> split(std::string_view text) {
    return split_sentences(text, *rules_);
  }
  static Words sentences(std::string_view text) {
    Words out;
    for (const auto& sp : split(text)) out.emplace_back(text.substr(sp.begin, sp.end - sp.begin));
    return out;
  }

  static SegmenterRules* rules_;
};

SegmenterRules* SplitSentences::rules_ = nullptr;

TEST_F(SplitSentences, LexiconProvidesRules) {
  EXPECT_FALSE(rules_->abbreviations.empty());
  EXPECT_FALSE(rules_->sentence_starters.empty());
  EXPECT_FALSE(rules_->boilerplate.empty());
  EXPECT_FALSE(rules_->boilerplate_prefixes.empty());
}

TEST_F(SplitSentences, HardLineBreaksInsideAParagraphDoNotSplit) {
  const std::string text =
      "Russian and US officials will meet\n"
      "in Riyadh on Tuesday, the Kremlin\n"
      "said. The talks follow a call.\n";
  EXPECT_EQ(sentences(text),
            (Words{"Russian and US officials will meet\nin Riyadh on Tuesday, the Kremlin\nsaid.",
                   "The talks follow a call."}));
  for (const auto& sp : split(text)) EXPECT_FALSE(sp.heading);
}

TEST_F(SplitSentences, TimeBankBacktickQuoteStartsASentence) {
  // TimeBank writes an opening quote as two backticks
  EXPECT_EQ(sentences("The delegates voted Thursday. ``This convention will be seen as a "
                      "turning point,'' she said."),
            (Words{"The delegates voted Thursday.",
                   "``This convention will be seen as a turning point,'' she said."}));
  // a closing '' stays with its sentence
  EXPECT_EQ(sentences("He said ``it is over.'' The talks ended."),
            (Words{"He said ``it is over.''", "The talks ended."}));
  // a lowercase word after the period is no sentence start
  EXPECT_EQ(sentences("It was worth 5 p.m. time."), (Words{"It was worth 5 p.m. time."}));
}

TEST_F(SplitSentences, IndentedLineStartsAParagraph) {
  // without the indent the label runs into the sentence ...
  EXPECT_EQ(sentences("WORLD NEWS\nOfficials met on Tuesday.\n"),
            (Words{"WORLD NEWS\nOfficials met on Tuesday."}));
  // ... with it, the label is a paragraph of its own
  const std::string text = "WORLD NEWS\n    Officials met on Tuesday.\n";
  const auto spans = split(text);
  EXPECT_EQ(sentences(text), (Words{"WORLD NEWS", "Officials met on Tuesday."}));
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_TRUE(spans[0].heading);
  EXPECT_FALSE(spans[1].heading);
}

TEST_F(SplitSentences, DatedListItemIsNoHeading) {
  // "- <date>: ..." with no closing punctuation is a sentence of a chronology ...
  const std::string text =
      "Recent contacts:\n\n- December 2: Secretary Ruiz's meeting with Minister Berg\n\n"
      "- November 30 \u2013 December 1: Secretary Ruiz attends the ministerial meeting\n\n"
      // ... an undated item, a label before a colon or a line of names stays a heading
      "- USA Today: Officials meet again\n\n- Governor Ana Ruiz (NM), Co-Chair of the Council\n";
  const auto spans = split(text);
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_TRUE(spans[0].heading);
  EXPECT_FALSE(spans[1].heading);
  EXPECT_FALSE(spans[2].heading);
  EXPECT_TRUE(spans[3].heading);
  EXPECT_TRUE(spans[4].heading);
}

TEST_F(SplitSentences, BlankLineStartsAParagraph) {
  EXPECT_EQ(sentences("Officials met in Riyadh\n\nthe talks lasted hours.\n"),
            (Words{"Officials met in Riyadh", "the talks lasted hours."}));
}

TEST_F(SplitSentences, TitlesAndMonthAbbreviationsDoNotSplit) {
  EXPECT_EQ(sentences("Mr. Smith met Gen. Jones on Feb. 18. They talked."),
            (Words{"Mr. Smith met Gen. Jones on Feb. 18.", "They talked."}));
}

TEST_F(SplitSentences, InitialismBeforeSentenceStarterSplits) {
  EXPECT_EQ(sentences("Officials met in the U.S. The next day they flew home."),
            (Words{"Officials met in the U.S.", "The next day they flew home."}));
}

TEST_F(SplitSentences, InitialismBeforeNameDoesNotSplit) {
  EXPECT_EQ(sentences("The U.S. Senate voted. It passed."),
            (Words{"The U.S. Senate voted.", "It passed."}));
}

TEST_F(SplitSentences, SingleInitialIsNotASentenceEnd) {
  EXPECT_EQ(sentences("George W. Bush met them."), (Words{"George W. Bush met them."}));
}

TEST_F(SplitSentences, CurlyQuotesAtSentenceEndStayWithTheSentence) {
  const std::string text =
      "\xE2\x80\x9CThe talks were useful.\xE2\x80\x9D Officials agreed.";
  EXPECT_EQ(sentences(text),
            (Words{"\xE2\x80\x9CThe talks were useful.\xE2\x80\x9D", "Officials agreed."}));
}

TEST_F(SplitSentences, QuestionInQuotesFollowedByLowerCaseGoesOn) {
  EXPECT_EQ(sentences("\"Will they meet?\" he asked. Nobody knew."),
            (Words{"\"Will they meet?\" he asked.", "Nobody knew."}));
}

// BUG (core/src/text.cpp, split_paragraph, the "closing quotes and brackets" loop): it
// compares Token::lower, where an opening “ is folded to '"', and a straight '"' is taken
// as closing even when a space separates it from the period. So the opening quote of the
// next sentence is glued to the end of this one ("he said. “" / "“The talks ...").
// Enable these two when the loop only takes a quote attached to the previous token that
// is not an opening “ or ‘.
TEST_F(SplitSentences, OpeningCurlyQuoteAfterPeriodStartsTheNextSentence) {
  const std::string text =
      "\xE2\x80\x9CWe will meet again,\xE2\x80\x9D he said. "
      "\xE2\x80\x9CThe talks were useful.\xE2\x80\x9D Officials agreed.";
  EXPECT_EQ(sentences(text),
            (Words{"\xE2\x80\x9CWe will meet again,\xE2\x80\x9D he said.",
                   "\xE2\x80\x9CThe talks were useful.\xE2\x80\x9D", "Officials agreed."}));
  EXPECT_EQ(sentences("They left. \xE2\x80\x98We will see,\xE2\x80\x99 one said."),
            (Words{"They left.", "\xE2\x80\x98We will see,\xE2\x80\x99 one said."}));
}

TEST_F(SplitSentences, OpeningStraightQuoteAfterPeriodStartsTheNextSentence) {
  EXPECT_EQ(sentences("Nobody knew! \"Yes.\" Then silence."),
            (Words{"Nobody knew!", "\"Yes.\"", "Then silence."}));
}

TEST_F(SplitSentences, BoilerplateLinesAreDropped) {
  const std::string text =
      "Leave A Comment\n"
      "Officials met on Tuesday.\n"
      "Newsletter\n"
      "Subscribe to our newsletter for daily updates\n"
      "They will meet again in March.\n";
  const Words got = sentences(text);
  EXPECT_EQ(got, (Words{"Officials met on Tuesday.", "They will meet again in March."}));
}

TEST_F(SplitSentences, BoilerplateFoldEdges) {
  // the fold drops blanks, case and trailing periods and colons; a prefix may be followed
  // by anything; a line is compared whole however long it is
  const std::string text =
      "  SHARE   THIS   ARTICLE..:.  \n\n"
      "Officials met on Tuesday.\n\n"
      "Read more: the full story of the talks that went on for many hours and many days\n\n"
      "s\n\n"
      "Share this article with every reader of this long line of text.\n";
  EXPECT_EQ(sentences(text), (Words{"Officials met on Tuesday.", "s",
                                    "Share this article with every reader of this long line "
                                    "of text."}));
}

TEST_F(SplitSentences, BoilerplateFirstCharactersAfterBlanksAndCase) {
  // the first characters of the fold decide whether a line is looked at further: blank
  // runs among them, capitals, a sign beyond ASCII, a line shorter than every entry
  const std::string text =
      "TOP \t  STORIES\n\n"
      "\xC2\xA9 Copyright 1987 Reuters\n\n"
      "Top officials met on Tuesday.\n\n"
      "Sha\n\n"
      "  Print::\n";
  EXPECT_EQ(sentences(text), (Words{"Top officials met on Tuesday.", "Sha"}));
}

TEST_F(SplitSentences, BoilerplateGateReadsABlankAsItsSpace) {
  // one blank among the first four characters (a tab, a carriage return) folds to a space:
  // such a line is looked at further as well as a line with a run of blanks or blanks at
  // its end
  const std::string text =
      "Top\tStories\n\n"
      "\tLive\rTV\n\n"
      "A B\n\n"
      "all  rights reserved 1987\n\n"
      "Live tv \n\n"
      "Officials met on Tuesday.\n";
  EXPECT_EQ(sentences(text), (Words{"A B", "Officials met on Tuesday."}));
}

// Entries shorter than the four characters the gate reads, and one of a single character
// (no gate at all), are found as well.
TEST_F(SplitSentences, ShortBoilerplateEntries) {
  SegmenterRules rules = *rules_;
  rules.boilerplate = {"ok", "x"};
  rules.boilerplate_prefixes = {"ab:"};
  const std::string text = "OK\n\nX.\n\nAB: a note\n\nOkay then.\n\nAb, cd.\n";
  Words got;
  for (const auto& sp : split_sentences(text, rules))
    got.emplace_back(text.substr(sp.begin, sp.end - sp.begin));
  EXPECT_EQ(got, (Words{"Okay then.", "Ab, cd."}));
  rules.boilerplate = {"ok"};
  got.clear();
  for (const auto& sp : split_sentences(text, rules))
    got.emplace_back(text.substr(sp.begin, sp.end - sp.begin));
  EXPECT_EQ(got, (Words{"X.", "Okay then.", "Ab, cd."}));
}

// The fold as the rules define it, written plainly: ASCII capitals lowered, each run of
// blanks (space, tab, carriage return) one space and none at either end, the periods and
// colons at its end taken off; a line is boilerplate when its fold is a line of the list
// or starts with a prefix.
bool plainly_boilerplate(std::string_view line, const SegmenterRules& rules) {
  std::string f;
  bool space = false;
  for (const char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !f.empty();
      continue;
    }
    if (space) f += ' ';
    space = false;
    f += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  while (!f.empty() && (f.back() == '.' || f.back() == ':')) f.pop_back();
  if (f.empty()) return false;
  for (const auto& e : rules.boilerplate)
    if (f == e) return true;
  for (const auto& p : rules.boilerplate_prefixes)
    if (f.rfind(p, 0) == 0) return true;
  return false;
}

// The splitter's quick looks at a line's first characters (four, then eight) let every
// boilerplate line through: lines made from each entry, changed in the ways the fold
// forgives and in ways it does not, are dropped exactly when the plain fold says so, with
// the lexicon's lists and with lists whose entries are short or whose prefixes are.
TEST_F(SplitSentences, BoilerplateQuickLooksAgreeWithThePlainFold) {
  auto check = [](const SegmenterRules& rules) {
    std::vector<std::string> entries = rules.boilerplate;
    entries.insert(entries.end(), rules.boilerplate_prefixes.begin(),
                   rules.boilerplate_prefixes.end());
    std::vector<std::string> lines = {"Shares of the company rose",
                                      "Related: talks",
                                      "Most read",
                                      "Top stories of the day",
                                      "Read more:",
                                      "Sign up now",
                                      "A",
                                      "Live tv!"};
    for (const auto& e : entries) {
      std::string upper = e;
      for (auto& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c;
      std::string doubled = e, tabbed = e;
      if (const auto sp = e.find(' '); sp != std::string::npos) {
        doubled.insert(sp, " ");
        tabbed[sp] = '\t';
      }
      for (const std::string& v : {e,
                                   upper,
                                   e + ".",
                                   e + "...:",
                                   e + " .",
                                   e + ". .",
                                   e + "  ",
                                   "  " + e,
                                   "\t" + upper,
                                   e + " and more words here",
                                   e + "s",
                                   e + "s and more",
                                   e + "x",
                                   e + ":x",
                                   e.substr(0, e.size() - 1),
                                   doubled,
                                   tabbed,
                                   "The " + e,
                                   e.substr(0, 7) + ".",
                                   e.substr(0, 7) + ":",
                                   e.substr(0, 7) + " ",
                                   e.substr(0, 7) + ". x",
                                   e.substr(0, 8) + "zzzz",
                                   e.substr(0, 6) + "  x",
                                   e.substr(0, 6) + "\tx"})
        lines.push_back(v);
    }
    for (const auto& line : lines) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string text = line + "\n";
      EXPECT_EQ(split_sentences(text, rules).empty(), plainly_boilerplate(line, rules))
          << '"' << line << '"';
    }
  };
  check(*rules_);
  SegmenterRules rules = *rules_;
  rules.boilerplate = {"live tv", "ok", "newsletters", "most read today"};
  rules.boilerplate_prefixes = {"share on facebook", "read more:"};
  check(rules);
  rules.boilerplate_prefixes = {"sign up", "share on facebook"};  // a prefix under eight
  check(rules);
}

// Lines are found 64 bytes at a time: a paragraph break (a blank line, an indented line)
// is found at every offset of a block, and at the end; a paragraph missed would join a
// heading (a line without a period) to the next.
TEST_F(SplitSentences, ParagraphBreaksAtEveryOffset) {
  using Spans = std::vector<std::tuple<std::size_t, std::size_t, bool>>;
  const auto spans = [](const std::vector<SentenceSpan>& a, std::size_t shift = 0) {
    Spans out;
    for (const auto& sp : a) out.emplace_back(sp.begin + shift, sp.end + shift, sp.heading);
    return out;
  };
  const std::string second = "Talks resumed in March.";
  for (std::size_t n = 1; n < 200; ++n) {
    std::string first;  // "Aaa aaa ... aa" of n bytes
    while (first.size() < n) first += first.size() % 4 == 3 ? ' ' : 'a';
    first[0] = 'A';
    if (first.back() == ' ') first.back() = 'a';
    for (const std::string& sep : {"\n\n", "\n  ", "\n\t", "\n \n", "\r\n\r\n", "\n\n\n\n"}) {
      Spans want = spans(split(first));
      const Spans then = spans(split(second), first.size() + sep.size());
      want.insert(want.end(), then.begin(), then.end());
      EXPECT_EQ(spans(split(first + sep + second)), want) << n << " " << sep.size();
      EXPECT_EQ(spans(split(first + sep)), spans(split(first))) << n << " " << sep.size();
    }
  }
}

TEST_F(SplitSentences, BoilerplateIsWholeLineOnly) {
  // "newsletter" inside a sentence is text, not page furniture
  EXPECT_EQ(sentences("The newsletter reported the talks.\n"),
            (Words{"The newsletter reported the talks."}));
}

TEST_F(SplitSentences, HeadingLineIsFlagged) {
  const std::string text =
      "Russia and the US Confirm Ukraine Talks in Saudi Arabia\n\n"
      "Officials met on Tuesday. They talked.\n";
  const auto spans = split(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_TRUE(spans[0].heading);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin),
            "Russia and the US Confirm Ukraine Talks in Saudi Arabia");
  EXPECT_FALSE(spans[1].heading);
  EXPECT_FALSE(spans[2].heading);
}

TEST_F(SplitSentences, SpansAreDocumentOffsets) {
  const std::string text = "Intro line.\n\nSecond paragraph here. Third one.";
  const auto spans = split(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].begin, text.find("Second"));
  EXPECT_EQ(spans[2].begin, text.find("Third"));
  EXPECT_EQ(spans[2].end, text.size());
}

TEST_F(SplitSentences, EmptyText) {
  EXPECT_TRUE(split("").empty());
  EXPECT_TRUE(split("\n\n   \n").empty());
}

// The rules' index (prepare()) answers as the lists do: the same sentences with it as
// without, and rules whose lists are not those it was made from (a copy with other
// entries) are read from their own lists.
TEST_F(SplitSentences, PreparedIndexAnswersAsTheLists) {
  const std::string text =
      "Mr. Smith met Gen. Jones on Feb. 3 in the U.S. The talks ended. Subscribe to our "
      "newsletter\n\nRead more\n\nDr. Who left. Later, the St. Louis team won 3-1.\n"
      "  Indented line. He said no.\n";
  SegmenterRules bare = *rules_;
  bare.index = nullptr;
  auto spans_of = [&](const SegmenterRules& r, std::vector<chronicle::TokenList>* t) {
    Words out;
    for (const auto& sp : split_sentences(text, r, t))
      out.emplace_back(text.substr(sp.begin, sp.end - sp.begin));
    return out;
  };
  ASSERT_NE(rules_->index, nullptr);
  std::vector<chronicle::TokenList> with, without;
  EXPECT_EQ(spans_of(*rules_, &with), spans_of(bare, &without));
  ASSERT_EQ(with.size(), without.size());
  for (std::size_t k = 0; k < with.size(); ++k)
    EXPECT_EQ(with[k].tokens.size(), without[k].tokens.size());

  SegmenterRules other = *rules_;  // shares the index made for the lexicon's lists
  other.abbreviations.push_back("approx2");
  other.sentence_starters.clear();
  other.boilerplate = {"the talks ended"};
  const std::string t2 =
      "It rose approx2. Ten percent in the U.S. The rest fell.\n\nThe talks ended.\n\n"
      "End here. The end.";
  Words got;
  for (const auto& sp : split_sentences(t2, other))
    got.emplace_back(t2.substr(sp.begin, sp.end - sp.begin));
  EXPECT_EQ(got, (Words{"It rose approx2. Ten percent in the U.S. The rest fell.", "End here.",
                        "The end."}));
}

}  // namespace
