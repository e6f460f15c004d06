// TemporalGrammar: tags temporal expressions over tokens into typed RelativeDate values,
// and resolve(): turns them into days against an Anchor and the clause tense.
//
// Every English word comes from config/lexicons/en/temporal.yaml; the rules are here.
// tag() is linear: at each token a fixed set of rules looks ahead a bounded number of
// tokens (phrases are at most a few words), the longest reading wins, and the scan
// resumes after it. No regular expressions, no backtracking over the text.
// A rule is tried only where its gate (declare_gates(): the words it can start with, the
// words it cannot do without and how far ahead they can be) holds; a rule that learns to
// read something new may need its gate widened (TemporalStartWords.* test it).
#include <chronicle/calendar.h>
#include <chronicle/errors.h>
#include <chronicle/string_hash.h>
#include <chronicle/temporal.h>
#include <chronicle/temporal_types.h>

#include "start_word_pass.h"
#include "word_index.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace chronicle {
namespace {

using sdk::Token;
using sdk::TokenKind;
using Tokens = std::span<const Token>;

// ---------------------------------------------------------------------------------------
// Phrase tables: lexicon phrases (space-separated words) matched token by token.

inline bool is_hyphen(const Token& t) {
  if (t.kind != TokenKind::punct) return false;
  const std::string_view w = t.lower;
  return w.size() == 1 ? w[0] == '-'
                       : w.size() == 3 && (w == "\xE2\x80\x93" || w == "\xE2\x80\x90");
}

// "'" or U+2019, the apostrophe before a short decade ("' 80s")
bool is_apostrophe(std::string_view w) { return detail::is_apostrophe_word(w); }

// The dash of a day range ("February 18-20", "18\u201320 February"): the hyphen, every
// Unicode dash (U+2010..2015, U+2212 minus, U+2E3A/2E3B, U+FE58, U+FE63, U+FF0D, U+058A,
// U+05BE, U+301C) and "--"; the hyphen of "twenty-four" is is_hyphen().
bool is_range_dash(const Token& t) {
  static constexpr std::array<std::string_view, 17> kDashes{
      "-",
      "--",
      "\xE2\x80\x90",
      "\xE2\x80\x91",
      "\xE2\x80\x92",
      "\xE2\x80\x93",
      "\xE2\x80\x94",
      "\xE2\x80\x95",
      "\xE2\x88\x92",
      "\xE2\xB8\xBA",
      "\xE2\xB8\xBB",
      "\xEF\xB9\x98",
      "\xEF\xB9\xA3",
      "\xEF\xBC\x8D",
      "\xD6\x8A",
      "\xD6\xBE",
      "\xE3\x80\x9C",
  };
  return t.kind == TokenKind::punct &&
         std::find(kDashes.begin(), kDashes.end(), t.text) != kDashes.end();
}

struct PhraseMatch {
  std::size_t length = 0;  // tokens consumed (0: none)
  int value = 0;
};

// Collects every word of every phrase added to any table while it lives (the grammar's
// constructor). Each token of a sentence being tagged is looked up once in it, and the
// tables compare those numbers instead of the words.
class PhraseTable;
class StartWords {
 public:
  // `tables`: the tables using the index (to seal once it is complete)
  explicit StartWords(detail::WordIndex& into, std::vector<PhraseTable*>& tables)
      : saved_(current_), saved_tables_(current_tables_) {
    current_ = &into;
    current_tables_ = &tables;
  }
  ~StartWords() {
    current_ = saved_;
    current_tables_ = saved_tables_;
  }
  StartWords(const StartWords&) = delete;
  StartWords& operator=(const StartWords&) = delete;
  // The collector, when one lives, and the word's number in it.
  static std::pair<const detail::WordIndex*, std::uint32_t> note(std::string_view word) {
    if (!current_) return {nullptr, detail::WordIndex::npos};
    return {current_, current_->add(word)};
  }
  // A table whose phrases are all noted in the current index.
  static void enroll(PhraseTable* table) { current_tables_->push_back(table); }

 private:
  static inline thread_local detail::WordIndex* current_ = nullptr;
  static inline thread_local std::vector<PhraseTable*>* current_tables_ = nullptr;
  detail::WordIndex* saved_;
  std::vector<PhraseTable*>* saved_tables_;
};

// The word number (in `index`) of each token of the sentence being tagged, looked up once
// per token by tag(): a table then finds a token's phrases by one array read, and compares
// the phrase's later words by number, instead of hashing and comparing words for each of
// the dozens of tables the rules consult at a token.
struct StartIds {
  const Token* tokens = nullptr;
  std::size_t size = 0;
  const std::uint32_t* ids = nullptr;
  const detail::WordIndex* index = nullptr;
  // tag()'s word classes of each token (WordClass, by the next word for paired words)
  const std::uint32_t* classes = nullptr;
};
thread_local StartIds current_start_ids{};

// tag()'s per-token buffers (word numbers, word classes), reused by the thread;
// `busy` while a tag() uses them.
struct TagScratch {
  // six arrays of a sentence's length: the tokens' start-word numbers and classes, the
  // tokens where some rule's gate may hold (tries) and the number of heads before each,
  // the tokens of a class some gate needs near (heads), and those of some class (marked),
  // all in order
  std::vector<std::uint32_t> per_token;
  std::vector<std::uint64_t> hashes;  // (only when no SentenceHashes scope covers the tokens)
  bool busy = false;
};

class PhraseTable {
 public:
  void add(std::string_view phrase, int value) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < phrase.size()) {
      std::size_t sp = phrase.find(' ', pos);
      if (sp == std::string_view::npos) sp = phrase.size();
      if (sp > pos) words.emplace_back(phrase.substr(pos, sp - pos));
      pos = sp + 1;
    }
    if (words.empty()) return;
    max_words_ = std::max(max_words_, words.size());
    const std::uint32_t id = first_.add(words.front());
    if (id == by_first_.size()) by_first_.emplace_back();
    std::vector<std::uint32_t> ids;
    ids.reserve(words.size());
    const detail::WordIndex* starts = nullptr;
    for (std::size_t w = 0; w < words.size(); ++w) {
      const auto [index, word_id] = StartWords::note(words[w]);
      if (!index || (starts && starts != index)) {
        starts = nullptr;
        break;
      }
      starts = index;
      ids.push_back(word_id);
    }
    if (!starts || unindexed_ || (starts_ && starts_ != starts)) {
      unindexed_ = true;  // a word noted elsewhere or not at all: match() hashes
      starts_ = nullptr;
    } else {
      if (!starts_) StartWords::enroll(this);
      starts_ = starts;
      if (ids.front() >= by_start_id_.size())
        by_start_id_.resize(ids.front() + 1, detail::WordIndex::npos);
      by_start_id_[ids.front()] = id;
    }
    if (id == groups_.size()) groups_.emplace_back();
    Group& grp = groups_[id];
    if (ids.size() == 1 && !grp.has_one) {
      grp.has_one = true;
      grp.one = value;
    } else if (ids.size() > 1) {
      grp.multi.push_back({ids[1], static_cast<std::uint32_t>(by_first_[id].size())});
      grp.seconds |= std::uint64_t{1} << (ids[1] & 63);
    }
    by_first_[id].push_back({std::move(words), std::move(ids), value});
  }
  void add_all(const std::vector<std::string>& phrases, int value) {
    for (const auto& p : phrases) add(p, value);
  }
  // Longest phrase starting at token i; a hyphen token between two words is skipped.
  // Inside tag() the token's start-word number finds its phrases (most tokens start none);
  // elsewhere the word is hashed and looked up.
  [[gnu::always_inline]] PhraseMatch match(Tokens t, std::size_t i) const {
    if (i >= t.size()) return {};
    const StartIds& c = current_start_ids;
    // (an unindexed table's starts_ is null, never the index of a tag() scope; the scope's
    // tokens are those of the span the rules read, so i < t.size() is inside it)
    if (c.index != starts_ || c.tokens != t.data()) return match_hashed(t, i);
    if (!starts_at(c.ids[i])) return {};
    const Start& st = sealed_[c.ids[i]];
    if (!st.longer) return st.one;
    // most next words are no phrase's second word (a hyphen between: match_ids() sees)
    if (i + 1 < t.size() && t[i + 1].kind != TokenKind::punct &&
        !(st.seconds >> (c.ids[i + 1] & 63) & 1))
      return st.one;
    return match_ids(t, i, st.group, c.ids);
  }
  // match() where the caller found tag()'s scope `c` to cover t's tokens (null: it does
  // not): the thread-local read and the token test made once for several look-ups
  [[gnu::always_inline]] PhraseMatch match(Tokens t, std::size_t i, const StartIds* c) const {
    if (i >= t.size()) return {};
    if (!c || c->index != starts_) return match_hashed(t, i);
    if (!starts_at(c->ids[i])) return {};
    const Start& st = sealed_[c->ids[i]];
    if (!st.longer) return st.one;
    if (i + 1 < t.size() && t[i + 1].kind != TokenKind::punct &&
        !(st.seconds >> (c->ids[i + 1] & 63) & 1))
      return st.one;
    return match_ids(t, i, st.group, c->ids);
  }
  // Once the start-word index is complete (`words` words): a token's number (or `words`
  // for a word not in it) finds its phrases without a bounds test. Needed before match()
  // runs inside tag().
  void seal(std::size_t words) {
    sealed_.assign(words + 1, Start{});
    first_bits_.assign(words / 64 + 1, 0);
    for (std::uint32_t g = 0; g < by_start_id_.size(); ++g) {
      const std::uint32_t id = by_start_id_[g];
      if (id == detail::WordIndex::npos) continue;
      const Group& grp = groups_[id];
      if (grp.has_one) sealed_[g].one = {1, grp.one};
      sealed_[g].longer = !grp.multi.empty();
      sealed_[g].seconds = grp.seconds;
      sealed_[g].group = id;
      if (grp.has_one || !grp.multi.empty()) first_bits_[g / 64] |= std::uint64_t{1} << (g % 64);
    }
  }
  // The token with start-word number g (from tag()) starts a phrase of the table.
  // (Not sealed: maybe.)
  bool starts_with(std::uint32_t g) const {
    return !starts_ || sealed_.empty() || starts_at(g);
  }
  bool contains_word(std::string_view w) const {
    const std::uint32_t id = first_.find(w);
    if (id == detail::WordIndex::npos) return false;
    for (const auto& e : by_first_[id])
      if (e.words.size() == 1) return true;
    return false;
  }
  // Calls f(word, alone, seconds) for each word some phrase of the table starts with:
  // `alone` when the word is a phrase by itself, `seconds` the numbers in `index` of the
  // second words of its longer phrases. A table not indexed there reports every word
  // `alone` (nothing is known of its second words' numbers).
  template <typename F>
  void for_each_start(const detail::WordIndex& index, F&& f) const {
    const bool by_ids = !unindexed_ && starts_ == &index;
    std::vector<std::uint32_t> seconds;
    for (std::uint32_t id = 0; id < first_.size(); ++id) {
      bool alone = !by_ids;
      seconds.clear();
      for (const Entry& e : by_first_[id]) {
        if (e.words.size() == 1)
          alone = true;
        else if (by_ids)
          seconds.push_back(e.ids[1]);
      }
      f(first_.word(id), alone, std::as_const(seconds));
    }
  }
  // Tokens a match can span at most: its longest phrase with a hyphen between each two
  // words. The rule gates' windows (TemporalGrammar::Impl::declare_gates) are built from it.
  std::size_t max_tokens() const { return max_words_ ? 2 * max_words_ - 1 : 0; }
  // Calls f(word) for each word some phrase of the table starts with.
  template <typename F>
  void for_each_first_word(F&& f) const {
    for (std::uint32_t id = 0; id < first_.size(); ++id) f(first_.word(id));
  }
  // Calls f(word) for each word of each phrase of the table (a word as often as it occurs).
  template <typename F>
  void for_each_word(F&& f) const {
    for (const auto& entries : by_first_)
      for (const Entry& e : entries)
        for (const std::string& w : e.words) f(w);
  }
  int value_of(std::string_view w, int fallback = -1) const {
    const std::uint32_t id = first_.find(w);
    if (id == detail::WordIndex::npos) return fallback;
    for (const auto& e : by_first_[id])
      if (e.words.size() == 1) return e.value;
    return fallback;
  }

 private:
  // match() outside tag()'s sentence: the word hashed and looked up in this table
  [[gnu::noinline]] PhraseMatch match_hashed(Tokens t, std::size_t i) const {
    const std::uint32_t id = first_.find(t[i].lower, detail::SentenceHashes::of(t.data(), i));
    if (id == detail::WordIndex::npos) return {};
    return match_from(t, i, id);
  }
  [[gnu::noinline]] PhraseMatch match_from(Tokens t, std::size_t i, std::uint32_t id) const {
    PhraseMatch best;
    // the second word's token (after a hyphen), the same for every phrase: most phrases
    // fail on it
    std::size_t second = i + 1;
    if (second < t.size() && is_hyphen(t[second]) && second + 1 < t.size()) ++second;
    const std::string_view second_word =
        second < t.size() ? std::string_view(t[second].lower) : std::string_view();
    for (const auto& e : by_first_[id]) {
      std::size_t k = i + 1;
      bool ok = true;
      if (e.words.size() > 1) {
        if (second >= t.size() || second_word != e.words[1]) continue;
        k = second + 1;
      }
      for (std::size_t w = 2; w < e.words.size(); ++w) {
        if (k < t.size() && is_hyphen(t[k]) && k + 1 < t.size()) ++k;
        if (k >= t.size() || t[k].lower != e.words[w]) {
          ok = false;
          break;
        }
        ++k;
      }
      if (ok && k - i > best.length) best = {k - i, e.value};
    }
    return best;
  }
  // match_from() inside tag()'s sentence: the tokens' word numbers (`ids`) against the
  // phrases' (a token's number is its word's in the start-word index, which holds every
  // word of every indexed phrase: equal numbers, equal words). As there, the longest
  // phrase wins, the first in lexicon order among equally long ones: the longest phrase of
  // two words or more that matches, else the first one-word one.
  [[gnu::noinline]] PhraseMatch match_ids(Tokens t, std::size_t i, std::uint32_t id,
                                          const std::uint32_t* ids) const {
    const Group& grp = groups_[id];
    PhraseMatch best;
    if (grp.has_one) best = {1, grp.one};
    if (grp.multi.empty()) return best;
    const std::size_t n = t.size();
    // the second word's token (after a hyphen), the same for every phrase: most phrases
    // fail on it
    std::size_t second = i + 1;
    if (second < n && is_hyphen(t[second]) && second + 1 < n) ++second;
    if (second >= n) return best;
    const std::uint32_t second_id = ids[second];
    if (!(grp.seconds >> (second_id & 63) & 1)) return best;
    for (const Multi& m : grp.multi) {
      if (m.second != second_id) continue;
      const Entry& e = by_first_[id][m.entry];
      std::size_t k = second + 1;
      bool ok = true;
      for (std::size_t w = 2; w < e.ids.size(); ++w) {
        if (k < n && is_hyphen(t[k]) && k + 1 < n) ++k;
        if (k >= n || ids[k] != e.ids[w]) {
          ok = false;
          break;
        }
        ++k;
      }
      if (ok && k - i > best.length) best = {k - i, e.value};
    }
    return best;
  }
  struct Entry {
    std::vector<std::string> words;
    std::vector<std::uint32_t> ids;  // the words' numbers in starts_ (indexed tables)
    int value;
  };
  detail::WordIndex first_;                   // first words
  std::vector<std::vector<Entry>> by_first_;  // phrases by first word, in lexicon order
  // by first word, for match_ids(): the first one-word phrase's value, and the longer
  // phrases' second words (numbers in starts_) with their place in by_first_
  struct Multi {
    std::uint32_t second, entry;
  };
  struct Group {
    bool has_one = false;
    int one = 0;
    std::vector<Multi> multi;
    std::uint64_t seconds = 0;  // bit (number & 63) of each second word: most tokens miss
  };
  std::vector<Group> groups_;
  // the start-word index its first words were noted in; by_start_id_[a word's number
  // there] = its number in first_ (npos: not a first word of this table)
  const detail::WordIndex* starts_ = nullptr;
  std::vector<std::uint32_t> by_start_id_;
  // by start-word number, once sealed: the first one-word phrase's match, and whether
  // longer phrases start with the word (then match_ids() reads them)
  struct Start {
    PhraseMatch one;
    std::uint64_t seconds = 0;  // Group::seconds
    std::uint32_t group = 0;
    bool longer = false;
  };
  std::vector<Start> sealed_;
  // by start-word number, once sealed: bit (number % 64) of word number / 64 set when the
  // word starts a phrase of the table. Most tokens a rule looks up start none: one bit per
  // start word, which stays in the first-level cache, says so instead of a 32-byte entry
  // of sealed_, most of which would be a miss.
  std::vector<std::uint64_t> first_bits_;
  bool starts_at(std::uint32_t g) const { return first_bits_[g / 64] >> (g % 64) & 1; }
  bool unindexed_ = false;
  std::size_t max_words_ = 0;
};

// A word list for membership tests on tokens' lower-case words: given the Token::lower
// member itself, the word's hash comes from the sentence's SentenceHashes (see
// detail::WordIndex::find_lower), and most words are rejected by their shape unhashed.
class TokenWordSet {
 public:
  void insert(std::string_view w) { set_.insert(w); }
  std::size_t count(const std::string_view& lower) const { return set_.contains_lower(lower); }

 private:
  detail::WordSet set_;
};

// Word classes of a token, looked up once per token by tag(): a rule is tried only where
// the token is one it can start with and a token of the classes it needs to read is close
// enough (see declare_gates()).
enum WordClass : std::uint32_t {
  kNumberToken = 1u << 0,     // a number token ("18", "1990s", "3:30", "6pm"); "FY23"
  kMonthWord = 1u << 1,       // first words of months
  kWeekdayWord = 1u << 2,     // weekdays
  kNamedDayWord = 1u << 3,    // named_days ("today", "yesterday")
  kUnitWord = 1u << 4,        // units ("day", "years")
  kSeasonWord = 1u << 5,      // seasons
  kPartWord = 1u << 6,        // parts_of_day
  kNumberWord = 1u << 7,      // numbers, tens (spelled numbers, spelled years)
  kDecadeWord = 1u << 8,      // decade_words ("nineties")
  kCenturyWord = 1u << 9,     // century_words
  kPeriodCode = 1u << 10,     // period_codes ("q3", "h1")
  kLongUnitWord = 1u << 11,   // lengths.units ("yearlong")
  kPhraseStart = 1u << 12,    // anchored_days, fuzzy(_adjectives), context_days, vague_durations
  kSetStart = 1u << 13,       // weekday_plurals, set_frequencies.words, set_quantifiers, set_words
  kReportingNoun = 1u << 14,  // reporting.nouns
  kHolidayWord = 1u << 15,    // holidays
  kClockWord = 1u << 16,      // clock.noon, clock.midnight
  // words a rule can start with before its head
  kDeterminer = 1u << 17,        // determiners
  kModifier = 1u << 18,          // modifiers ("early", "mid", "end")
  kShifter = 1u << 19,           // shifters ("this", "next", "last")
  kRelativeModifier = 1u << 20,  // relative_modifiers ("earlier", "later")
  kOrdinalWord = 1u << 21,       // ordinals
  kFiscalWord = 1u << 22,        // fiscal
  kAnchoredPeriod = 1u << 23,    // anchored_periods ("the following", "that")
  kTimeLead = 1u << 24,          // relative_modifiers.time_leads ("this time")
  kArticle = 1u << 25,           // articles
  kFraction = 1u << 26,          // fractions
  kApproximator = 1u << 27,      // approximators, count_approximators
  kVagueCount = 1u << 28,        // vague_counts
  kReportingThis = 1u << 29,     // reporting.this
  kApostrophe = 1u << 30,        // an apostrophe token before a short decade ("' 80s")
  // not a class of any gate: the word has classes with some next words (Impl::pairs)
  kPaired = 1u << 31,
};
// Classes of words read only when capitalized (read_month, read_weekday, rule_holiday).
constexpr std::uint32_t kCapitalizedOnly = kMonthWord | kWeekdayWord | kHolidayWord;
// "the company", "a share", "two companies", "nearly all": a word that only leads a reading
// (an article, "the", a spelled or vague count, an approximator) before a word in no phrase
// of any table starts none (each rule tried at it reads the next word by its tables; a
// range link is a start word: Impl()), in tag()
constexpr std::uint32_t kLeadOnly =
    kDeterminer | kArticle | kReportingThis | kNumberWord | kVagueCount | kApproximator | kPaired;
static_assert((kLeadOnly & kCapitalizedOnly) == 0);

// A year written with two digits ("'82", "FY 22", "3/22/13"): 2000-2049 or 1950-1999.
constexpr int short_year(int yy) { return yy < 50 ? 2000 + yy : 1900 + yy; }

int to_int(std::string_view s, int fallback = -1) {
  int v = 0;
  // most are a few digits: read at once (what from_chars reads from them)
  if (!s.empty() && s.size() <= 9 &&
      std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return fallback;
  return v;
}

struct SlashDate {
  int year;
  unsigned month, day;
};

// "M/D/YYYY", "M/D/YY" (or "D/M/..." when the first number is over 12), a valid day.
std::optional<SlashDate> slash_date(std::string_view s) {
  const std::size_t a = s.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  const std::size_t b = s.find('/', a + 1);
  if (b == std::string_view::npos || s.find('/', b + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view p1 = s.substr(0, a), p2 = s.substr(a + 1, b - a - 1),
                         p3 = s.substr(b + 1);
  if (p1.empty() || p1.size() > 2 || p2.empty() || p2.size() > 2 ||
      (p3.size() != 2 && p3.size() != 4))
    return std::nullopt;
  int x = to_int(p1), y = to_int(p2), yr = to_int(p3);
  if (x < 1 || y < 1 || yr < 0) return std::nullopt;
  if (p3.size() == 2) yr = short_year(yr);
  if (x > 12) std::swap(x, y);
  const date::year_month_day ymd{date::year{yr}, date::month{static_cast<unsigned>(x)},
                                 date::day{static_cast<unsigned>(y)}};
  if (!ymd.ok()) return std::nullopt;
  return SlashDate{yr, static_cast<unsigned>(x), static_cast<unsigned>(y)};
}

inline bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Schema keys of temporal.yaml (identifiers, not words of the text).
constexpr std::array<std::pair<std::string_view, Unit>, 13> kUnitKeys{{
    {"second", Unit::second},
    {"minute", Unit::minute}, {"hour", Unit::hour}, {"day", Unit::day},
    {"week", Unit::week}, {"weekend", Unit::weekend}, {"fortnight", Unit::fortnight},
    {"month", Unit::month}, {"quarter", Unit::quarter}, {"half", Unit::half},
    {"year", Unit::year}, {"decade", Unit::decade}, {"century", Unit::century},
}};

Unit unit_from_key(std::string_view k) {
  for (const auto& [name, u] : kUnitKeys)
    if (name == k) return u;
  return Unit::none;
}

// The next smaller unit a fraction of `u` is counted in, and how many of it make one `u`
// ("a quarter century" P25Y, "three quarters of an hour" PT45M); {none, 0} when none is.
std::pair<Unit, int> smaller_unit(Unit u) {
  switch (u) {
    case Unit::century:
      return {Unit::year, 100};
    case Unit::decade:
      return {Unit::year, 10};
    case Unit::year:
      return {Unit::month, 12};
    case Unit::day:
      return {Unit::hour, 24};
    case Unit::hour:
      return {Unit::minute, 60};
    default:
      return {Unit::none, 0};
  }
}

// The units a duration of two counts joins ("9 minutes and 29 seconds"), larger ranking
// higher; 0 for the others (weeks, quarters: "two weeks and three days" stays two)
int compound_rank(Unit u) {
  switch (u) {
    case Unit::second:
      return 1;
    case Unit::minute:
      return 2;
    case Unit::hour:
      return 3;
    case Unit::day:
      return 4;
    case Unit::month:
      return 5;
    case Unit::year:
      return 6;
    default:
      return 0;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------

struct TemporalGrammar::Impl {
  // word classes
  PhraseTable months, weekdays, named_days, numbers, tens, articles, vague, ordinals, units,
      shifters, parts, seasons, modifiers, relmods, relmod_links, time_leads, off_ago, off_from_now, off_before,
      off_after, future_preps, determiners, duration_preps, anchored, fuzzy, not_fuzzy,
      set_quant, set_words, set_blockers, set_rates, am_tails, pm_tails, unit_ends, fuzzy_adj, fuzzy_adj_blockers, am, pm, oclock, noon, midnight, tz, month_cues,
      year_blockers, year_preblockers, fiscal, period_codes, century_words, name_followers,
      company_suffixes, company_followers, approximators, future_hints, past_hints, day_prepositions, thousand,
      age_words, past_date_hints, weak_future_hints, generic_today, holidays, holiday_blockers,
      business_cues, reporting_nouns, reporting_ago, reporting_this,
      reporting_pre, reporting_span, reporting_year_end, reporting_year_adj, reporting_for,
      reporting_year_back, reporting_year_spans;
  PhraseTable fiscal_code_years;  // "fy23", "fy2022" (fiscal_codes and years), by year
  PhraseTable noon_blockers;  // "high noon": no clock time
  PhraseTable adjective_phrases;  // "the present system": no time (rule_phrases)
  TokenWordSet adjective_phrase_preps, adjective_phrase_stops;
  PhraseTable month_prepositions, past_act_verbs;  // "took place in March"
  PhraseTable game_half_cues;                      // "scored in the second half": a half of a game
  PhraseTable verb_particles;                      // "spoke out on Tuesday"
  PhraseTable until_words, until_blockers;         // "closed until Friday"
  // shifters counting from the text's last named day: "the previous Friday"
  PhraseTable anaphoric_shifters;
  // shifters that are also prepositions: "following Monday's raids"
  PhraseTable preposition_shifters;
  TokenWordSet month_abbr, months_ambiguous, weekday_abbr, ordinal_suffixes,
      day_range_words,  // not start words: never begin a reading
      early_year_cues, early_year_followers, in_span_cues, in_span_stops, verb_shifters, verb_leads,
      past_date_links;
  // ahead_cues' word lists (words, stops, nouns, askers, amount_symbols): their words are
  // noted in start_words, and by start-word number ahead_lists holds the lists a word is in
  // (AheadList bits): finish()'s look-backs read them from tag()'s numbers of the tokens.
  enum AheadList : std::uint8_t {
    kAheadCue = 1,
    kAheadStop = 2,
    kAheadNoun = 4,
    kAheadAsker = 8,
    kAheadAmount = 16
  };
  std::vector<std::uint8_t> ahead_lists;
  void add_ahead(const std::vector<std::string>& words, AheadList list) {
    for (const auto& w : words) {
      const std::uint32_t id = start_words.add(w);
      if (id >= ahead_lists.size()) ahead_lists.resize(id + 1, 0);
      ahead_lists[id] |= list;
    }
  }
  // The ahead_cues lists holding token k's word; `ids`: tag()'s start-word numbers of the
  // tokens of t (start_ids_of()), or null (the word is looked up).
  std::uint8_t ahead_lists_of(Tokens t, const std::uint32_t* ids, std::size_t k) const {
    const std::uint32_t id = ids ? ids[k] : start_words.find_lower(t[k].lower);
    return id < ahead_lists.size() ? ahead_lists[id] : 0;
  }
  // tag()'s scope when it covers the tokens of t (its start-word numbers of them); null
  // outside tag()'s sentence
  const StartIds* scope_of(Tokens t) const {
    const StartIds& c = current_start_ids;
    return c.index == &start_words && c.tokens == t.data() ? &c : nullptr;
  }
  TokenWordSet month_noun_blockers;  // "the March accession", not "the March of Dimes"
  // "figures for March", not "for March of Dimes"
  TokenWordSet month_name_cues, month_name_followers;
  // count ranges, bare plurals and rates (rule_count)
  TokenWordSet range_leads, range_links, span_adverbs, plural_of_leads, rate_breakers,
      in_span_name_preps, in_span_perfects, in_span_participles, in_span_infinitive_cues,
      in_span_cue_blockers, in_span_followers, coming_day_verbs, present_appositions, someday_leads,
      hyphen_only_counts, age_nouns, age_persons, age_leads, day_name_leads, day_name_tails,
      holiday_name_leads, whole_count_adjectives, whole_unit_followers, recent_span_leads,
      recent_span_words;
  // "the people of tomorrow" (rule_named), "Now, he says" (rule_phrases), "a quarter point"
  // (rule_count), "its first quarterly loss" (rule_set)
  TokenWordSet generic_tomorrow_leads, generic_tomorrow_blockers, discourse_openers,
      fraction_measures, set_modifiers, set_counted_quant, set_day_adjective_nouns, set_stressers,
      set_alternates, set_rate_quant;
  TokenWordSet tz_capitalized;                        // "ET", not "et" (read_clock_at)
  TokenWordSet compound_links;                        // "9 minutes and 29 seconds" (rule_count)
  // the plural unit words by their unit, for a count written on its unit: "every 6months"
  // (rule_set)
  std::unordered_map<std::string, Unit> glued_plural_units;
  std::vector<std::string> am_suffixes, pm_suffixes;  // "6pm": clock markers without dots
  std::array<bool, 256> clock_suffix_ends{};          // the last characters of those markers
  std::array<bool, 256> ordinal_suffix_starts{};      // the first characters of ordinal_suffixes
  // `rest` (what follows a day number's digits: "st" of "21st") is an ordinal suffix; most
  // numbers go on with a character no suffix starts with ("2.5", "1,500")
  bool is_ordinal_suffix(std::string_view rest) const {
    return !rest.empty() && ordinal_suffix_starts[static_cast<unsigned char>(rest.front())] &&
           ordinal_suffixes.count(rest);
  }
  // Number token i is a plain number ("300", "1,500", "2.5"; not four digits, not an
  // ordinal "21st", not two digits after an apostrophe: "'82"), whose first `digits`
  // characters are digits: rule_numeric() reads no date, decade, century or year from it.
  bool plain_number(Tokens t, std::size_t i, std::size_t digits) const;
  // Of the rules that may start at a number (kNumberRules in tag()), those that may read
  // something at number token i (bit r: rule r), `at_i` its classes: most numbers ("300",
  // "1,500", "2.5") are no date, day, ordinal, year, short count or clock time, and this
  // test costs less than the calls. (It follows the shapes of number each rule reads: a
  // new shape there is a new case here.)
  [[gnu::always_inline]] inline std::uint32_t number_rules(Tokens t, std::size_t i,
                                                           std::uint32_t at_i) const;
  // hedges, ranges, halves, decades, periods counted from the text's last date
  PhraseTable set_frequent_after, set_noun_after, set_freqs, set_times, long_words, long_units,
      fractions, weekday_plurals, plural_parts, deadline_tails, approx_tails, count_adjectives,
      count_ranges, halves, last_ordinals, context_days, day_contexts, utc_zones, decade_words,
      age_possessives, duration_preps_the, anchored_periods, count_approximators, off_preps,
      count_approximator_cues, plan_leads, part_preps, part_phrase_ends, part_trading_nouns,
      period_openers, date_approximators, date_open_tails, unit_coords, vague_durations, run_tails;
  detail::WordIndex start_words;             // every word of every table's phrases (and
                                             // ahead_cues' words)
  std::vector<PhraseTable*> indexed_tables;  // the tables using start_words (sealed by
                                             // declare_gates())

  // ---- rule gates: where tag() tries each rule (declare_gates())
  enum Rule : unsigned {
    kRuleReporting,
    kRulePhrases,
    kRuleNamed,
    kRuleHoliday,
    kRuleWeekday,
    kRuleMonth,
    kRuleDayMonth,
    kRuleNumeric,
    kRulePeriod,
    kRuleOrdinalPeriod,
    kRuleYearPeriod,
    kRuleCount,
    kRuleSet,
    kRuleClock,
    kRules
  };
  // A necessary condition for the rule to read anything at token i: token i has a class of
  // `at`; or it has a class of `first` (the words the rule can start with) and a token of
  // a class of `near` lies in tokens i..i+window. It names the words the rule cannot do
  // without (a month for rule_month) and the longest run of optional words the rule reads
  // before one (built from the tables' longest phrases).
  struct Gate {
    std::uint32_t at = 0, first = 0, near = 0;
    std::size_t window = 0;
  };
  std::array<Gate, kRules> gates{};
  // by WordClass bit: the rules whose gate holds at a token of that class (`at`), and those
  // that may start there when their head is near (`first`)
  std::array<std::uint32_t, 32> rules_at_class{}, rules_first_class{};
  // A token's classes -> the rules whose gate holds there (`at`), those that may start
  // there (`first`), and those it can be the head of (`near`): each the union over its
  // class bits, read byte by byte
  template <class Rules>
  struct ClassRules {
    std::array<std::array<Rules, 256>, 4> by_byte{};
    void add(unsigned bit, Rules rules) {
      for (unsigned v = 0; v < 256; ++v)
        if (v & (1u << (bit % 8))) by_byte[bit / 8][v] |= rules;
    }
    Rules operator()(std::uint32_t c) const {
      return by_byte[0][c & 0xFF] | by_byte[1][(c >> 8) & 0xFF] | by_byte[2][(c >> 16) & 0xFF] |
             by_byte[3][c >> 24];
    }
  };
  // `at` and `first` in one table, the `first` rules in the high 32 bits: tag() reads both
  // at each try
  ClassRules<std::uint64_t> rules_at_first_classes;
  ClassRules<std::uint32_t> rules_near_classes;
  // by distance from a rule's first token: the rules whose window reaches that far
  std::vector<std::uint32_t> rules_within;
  std::uint32_t head_classes = 0;            // the classes of every gate's `near`
  std::vector<std::uint32_t> start_classes;  // WordClass bits by start-word number
  // Classes a word has only with the next word (after a hyphen): the word starts only
  // longer phrases of those classes' tables ("the" of "the day before yesterday"). By
  // start-word number, the range of `pairs` holding its second words, in order.
  struct Pair {
    std::uint32_t second, classes;
  };
  std::vector<Pair> pairs;
  std::vector<std::uint32_t> pairs_from;  // pairs of word g: pairs_from[g]..pairs_from[g + 1]
  // by paired word, a row of one bit per start-word number: set for its second words
  // (most next words are none: one bit says)
  std::vector<std::uint32_t> pair_row;  // by start-word number (of paired words)
  std::vector<std::uint64_t> pair_bits;
  std::size_t pair_row_words = 0;
  // by start-word number: bit (number & 63) of each of the word's second words (most next
  // words have none of their bits set: tag() tests this before paired_classes())
  std::vector<std::uint64_t> pair_filter;
  // the classes token k of `t` has by its next word (ids: the tokens' start-word numbers)
  std::uint32_t paired_classes(Tokens t, const std::uint32_t* ids, std::size_t k) const {
    if (pairs_from[ids[k]] == pairs_from[ids[k] + 1]) return 0;
    std::size_t second = k + 1;  // as PhraseTable::match reads a phrase's second word
    if (second < t.size() && is_hyphen(t[second]) && second + 1 < t.size()) ++second;
    if (second >= t.size()) return 0;
    return pair_classes(ids[k], ids[second]);
  }
  // the classes word `id` has before word `want` (start-word numbers)
  std::uint32_t pair_classes(std::uint32_t id, std::uint32_t want) const {
    const std::uint32_t b = pairs_from[id], e = pairs_from[id + 1];
    if (b == e) return 0;
    if (!(pair_bits[pair_row[id] * pair_row_words + want / 64] >> (want % 64) & 1)) return 0;
    const Pair* p = std::lower_bound(pairs.data() + b, pairs.data() + e, want,
                                     [](const Pair& x, std::uint32_t w) { return x.second < w; });
    return p != pairs.data() + e && p->second == want ? p->classes : 0;
  }
  // By start-word number: the rules that may read the word between the token they start
  // at and their head (a gate's `near`): before a word without a rule's bit, tag() looks
  // for no head of that rule. A word not in the index has none (no rule reads one); a
  // word of some table has every rule's but those narrowed by declare_gates().
  std::vector<std::uint32_t> gap_rules;
  std::vector<std::string> range_link_words;  // split_ranges.links (range_links' words)
  void declare_gates();
  // tag()'s second pass over the `marked` tokens of a sentence (see there): their final
  // classes, and the lists of tries (with try_heads) and heads
  struct Marks {
    std::size_t tries = 0, heads = 0;
    std::uint32_t any_class = 0;  // the union of the classes
  };
  template <bool kGated>
  Marks mark_tries(Tokens t, const std::uint32_t* start_ids, std::uint32_t* classes,
                   const std::uint32_t* marked, std::size_t n_marked, std::uint32_t* tries,
                   std::uint32_t* try_heads, std::uint32_t* heads) const;

  explicit Impl(const Lexicon& lex);

  // ---- token helpers
  static bool in(Tokens t, std::size_t i) { return i < t.size(); }
  static bool is_word(Tokens t, std::size_t i) { return in(t, i) && t[i].kind == TokenKind::word; }
  static bool is_num(Tokens t, std::size_t i) { return in(t, i) && t[i].kind == TokenKind::number; }
  static bool is_punct(Tokens t, std::size_t i, std::string_view p) {
    return in(t, i) && t[i].kind == TokenKind::punct && t[i].lower == p;
  }
  static bool is_any_punct(Tokens t, std::size_t i) {
    return in(t, i) && t[i].kind == TokenKind::punct;
  }
  static bool is_possessive(Tokens t, std::size_t i) { return in(t, i) && t[i].lower == "'s"; }
  // End of a clause: nothing follows, or punctuation does.
  static bool clause_end(Tokens t, std::size_t i) {
    return !in(t, i) || (t[i].kind == TokenKind::punct && !is_hyphen(t[i]));
  }
  // The word classes (WordClass) of token k as tag() found them (kNumberToken for a number;
  // a word that starts only longer phrases of a table has its class only before one of
  // their second words, as the table matches): a rule rules a reading out by them before
  // reading the words. Not a token: none; outside tag()'s sentence: every class (nothing
  // is ruled out).
  std::uint32_t classes_of(Tokens t, std::size_t k) const {
    if (k >= t.size()) return 0;
    const StartIds& c = current_start_ids;
    if (c.index != &start_words || c.tokens != t.data()) return ~std::uint32_t{0};
    return c.classes[k];
  }
  // classes_of() where the caller found tag()'s scope `c` over t (scope_of(); null: none)
  std::uint32_t classes_of(Tokens t, std::size_t k, const StartIds* c) const {
    if (k >= t.size()) return 0;
    return c ? c->classes[k] : ~std::uint32_t{0};
  }
  // Token k's word is in no phrase of any table, as tag() looked it up: no table matches
  // at k. Outside tag()'s sentence (or for a word start_words holds for ahead_lists only):
  // false (not known).
  bool in_no_phrase(Tokens t, std::size_t k) const {
    if (k >= t.size()) return true;
    const StartIds& c = current_start_ids;
    return c.index == &start_words && c.tokens == t.data() && c.ids[k] == start_words.size();
  }
  // Only a one-word phrase can start at token i: the word after it (after a hyphen, as the
  // tables read) is in no phrase of any table, or there is none.
  bool only_one_word_at(Tokens t, std::size_t i) const {
    std::size_t next = i + 1;
    if (next < t.size() && is_hyphen(t[next]) && next + 1 < t.size()) ++next;
    return in_no_phrase(t, next);
  }
  // by start-word number: the word alone is a phrase of anchored, fuzzy, context_days,
  // fuzzy_adj or vague_durations (what rule_phrases() reads)
  std::vector<bool> single_phrase_words;
  // by start-word number: the word starts a phrase of am, pm, oclock, am_tails, pm_tails or
  // tz (the markers read_clock() reads after a number); `clock_markers_known` when every
  // such word is in the index
  std::vector<bool> clock_marker_words;
  bool clock_markers_known = false;
  // Some clock marker may start at token k, as tag() looked its word up (outside tag()'s
  // sentence: maybe).
  // a time zone at k, after a clock time ("10 a.m. EDT", "0735 GMT"); one of
  // time_zones_capitalized only capitalized (not "50 U.S.C. 1701 et seq.", "entre 15 et 20")
  bool zone_at(Tokens t, std::size_t k, const StartIds* sc) const {
    return is_word(t, k) && tz.match(t, k, sc).length &&
           (t[k].capitalized || !tz_capitalized.count(t[k].lower));
  }
  bool clock_marker_may_start(Tokens t, std::size_t k) const {
    if (k >= t.size()) return false;
    const StartIds& c = current_start_ids;
    if (!clock_markers_known || c.index != &start_words || c.tokens != t.data()) return true;
    return clock_marker_words[c.ids[k]];
  }

  // ---- small readers; each returns the index after what it read, or 0 for none
  struct Count {
    std::size_t end = 0;
    std::optional<int> value;
    bool article = false;
    // a decimal count ("38.5", "7.11"): the digits after the point, trailing zeros dropped
    // ("35.0": none); value holds the whole part
    bool decimal = false;
    std::uint16_t fraction = 0;
    std::uint8_t fraction_digits = 0;
  };
  // (inlined up to a word of a count class: most calls read nothing)
  [[gnu::always_inline]] inline Count read_count(Tokens t, std::size_t i) const;
  Count read_count_words(Tokens t, std::size_t i) const;  // read_count() at a count word
  Count read_decimal_count(Tokens t, std::size_t i) const;  // "1.5", "38.5", "7.11"
  struct UnitRead {
    std::size_t end = 0;
    Unit unit = Unit::none;
    bool plural = false;
  };
  // (inlined: most calls find no unit, and the call cost more than the look-up)
  [[gnu::always_inline]] inline UnitRead read_unit(Tokens t, std::size_t i) const;
  // read_unit() with tag()'s scope over t as the caller found it (scope_of())
  [[gnu::always_inline]] inline UnitRead read_unit(Tokens t, std::size_t i,
                                                   const StartIds* sc) const;
  // (these four inlined up to a token they can read: most calls read nothing)
  [[gnu::always_inline]] inline std::pair<std::size_t, unsigned> read_day_number(
      Tokens t, std::size_t i) const;
  std::pair<std::size_t, unsigned> read_day_digits(Tokens t, std::size_t i) const;
  [[gnu::always_inline]] inline std::pair<std::size_t, int> read_year(Tokens t, std::size_t i,
                                                                      bool bare) const;
  std::pair<std::size_t, int> read_year_digits(Tokens t, std::size_t i, bool bare) const;
  // a year of two digits after a fiscal word ("FY 22"), or {0, 0}
  std::pair<std::size_t, int> read_short_fiscal_year(Tokens t, std::size_t i) const;
  // a fiscal year written as one word ("FY23", "FY2022"), or {0, 0}
  std::pair<std::size_t, int> read_fiscal_code(Tokens t, std::size_t i) const;
  // (inlined up to a number word: most calls read nothing)
  [[gnu::always_inline]] inline std::pair<std::size_t, int> read_spelled_year(Tokens t,
                                                                              std::size_t i) const;
  std::pair<std::size_t, int> read_spelled_year_words(Tokens t, std::size_t i) const;
  [[gnu::always_inline]] inline std::pair<std::size_t, unsigned> read_month(Tokens t, std::size_t i,
                                                                            bool cued) const;
  std::pair<std::size_t, unsigned> read_month_word(Tokens t, std::size_t i, bool cued) const;
  std::pair<std::size_t, date::weekday> read_weekday(Tokens t, std::size_t i) const;
  // (inlined up to a number or a number or ordinal word: most calls read nothing)
  [[gnu::always_inline]] inline std::pair<std::size_t, int> read_ordinal(Tokens t,
                                                                         std::size_t i) const;
  std::pair<std::size_t, int> read_ordinal_at(Tokens t, std::size_t i) const;
  [[gnu::always_inline]] inline std::pair<std::size_t, ClockTime> read_clock(Tokens t,
                                                                             std::size_t i) const;
  std::pair<std::size_t, ClockTime> read_clock_at(Tokens t, std::size_t i) const;

  // ---- rules
  struct Hit {
    std::size_t first = 0, end = 0;
    RelativeDate rel;
    TimexType type = TimexType::date;
    bool possessive = false;
  };
  std::optional<Hit> rule_month(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_day_month(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_numeric(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_weekday(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_named(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_period(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_ordinal_period(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_year_period(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_count(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_phrases(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_set(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_reporting(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_holiday(Tokens t, std::size_t i) const;
  std::optional<Hit> rule_clock(Tokens t, std::size_t i) const;
  using RuleFn = std::optional<Hit> (Impl::*)(Tokens, std::size_t) const;

  void finish(Tokens t, Hit& h) const;  // type, possessive
  // A dash and a later day number at i ("-20" after "February 18"): the index after the
  // day number, or 0.
  // A word ("April 24 and 25") needs the phrase to end after the second day, or a year.
  std::size_t range_day_end(Tokens t, std::size_t i, unsigned first_day) const {
    if (!in(t, i)) return 0;
    const bool dash = is_range_dash(t[i]);
    if (!dash && !(is_word(t, i) && day_range_words.count(t[i].lower))) return 0;
    std::size_t n = i + 1;
    if (dash && is_punct(t, n, "-")) ++n;  // "18--20"
    auto [de, d] = read_day_number(t, n);
    if (!de || d <= first_day) return 0;
    if (!dash && !is_num(t, n)) return 0;  // "the first and second" are ordinals
    // after a word, the phrase ends: punctuation, a month, a year or a preposition follows
    // ("March 4 to 6 in Geneva"), not a noun ("March 3 and 5 others")
    if (!dash && in(t, de) && !is_any_punct(t, de) && !read_month(t, de, true).first &&
        !read_year(t, de, false).first && month_cues.match(t, de).length != 1)
      return 0;
    return de;
  }
  // The second day of "February 18-20[, 2025]" after the first day's reading `first`.
  std::optional<Hit> range_second_day(Tokens t, const Hit& first) const;
  // "early", "late", "earlier", "later" right before a day: length, or 0.
  std::size_t day_modifier(Tokens t, std::size_t i) const {
    if (!is_word(t, i)) return 0;
    if (auto m = relmods.match(t, i); m.length == 1) return 1;
    if (auto m = modifiers.match(t, i); m.length == 1 &&
        (static_cast<Mod>(m.value) == Mod::early || static_cast<Mod>(m.value) == Mod::late))
      return 1;
    return 0;
  }
  // A day expression right after a clock time: "noon Thursday", "5 p.m. EST, Nov. 6".
  std::optional<Hit> day_after_clock(Tokens t, std::size_t i) const;
};

TemporalGrammar::Impl::Impl(const Lexicon& lex) {
  const StartWords collect(start_words, indexed_tables);
  auto need = [&](std::string_view key) {
    if (!lex.has(key))
      throw ConfigError(lex.origin() + ": temporal lexicon has no '" + std::string(key) +
                        "'; see config/lexicons/en/temporal.yaml for the expected keys");
  };
  need("months");
  need("weekdays");
  need("numbers");
  need("units");
  {
    int m = 1;
    for (const auto& k : lex.keys("months")) months.add_all(lex.list("months." + k), m++);
    if (m != 13) throw ConfigError(lex.origin() + ": 'months' must list 12 months in order");
  }
  {
    int w = 1;  // ISO: Monday = 1 .. Sunday = 7
    for (const auto& k : lex.keys("weekdays")) weekdays.add_all(lex.list("weekdays." + k), w++);
    if (w != 8) throw ConfigError(lex.origin() + ": 'weekdays' must list 7 days, Monday first");
  }
  {
    int w = 1;
    for (const auto& k : lex.keys("weekday_plurals"))
      weekday_plurals.add_all(lex.list("weekday_plurals." + k), w++);
    if (w != 8)
      throw ConfigError(lex.origin() + ": 'weekday_plurals' must list 7 days, Monday first");
  }
  for (const auto& s : lex.list("month_abbreviations")) month_abbr.insert(s);
  for (const auto& s : lex.list("day_range_words")) day_range_words.insert(s);
  for (const auto& s : lex.list("early_year_cues")) early_year_cues.insert(s);
  for (const auto& s : lex.list("early_year_followers")) early_year_followers.insert(s);
  for (const auto& s : lex.list("in_span_cues")) in_span_cues.insert(s);
  for (const auto& s : lex.list("in_span_stops")) in_span_stops.insert(s);
  for (const auto& s : lex.list("split_ranges.leads")) range_leads.insert(s);
  for (const auto& s : lex.list("split_ranges.links")) {
    range_links.insert(s);
    range_link_words.push_back(s);
  }
  for (const auto& s : lex.list("span_adverbs")) span_adverbs.insert(s);
  for (const auto& s : lex.list("plural_of_leads")) plural_of_leads.insert(s);
  for (const auto& s : lex.list("rate_breakers")) rate_breakers.insert(s);
  for (const auto& s : lex.list("in_span_name_prepositions")) in_span_name_preps.insert(s);
  for (const auto& s : lex.list("in_span_perfects")) in_span_perfects.insert(s);
  for (const auto& s : lex.list("in_span_participles")) in_span_participles.insert(s);
  for (const auto& s : lex.list("in_span_infinitive_cues")) in_span_infinitive_cues.insert(s);
  for (const auto& s : lex.list("coming_day_verbs")) coming_day_verbs.insert(s);
  for (const auto& s : lex.list("in_span_cue_blockers")) in_span_cue_blockers.insert(s);
  for (const auto& s : lex.list("in_span_followers")) in_span_followers.insert(s);
  for (const auto& s : lex.list("present_appositions")) present_appositions.insert(s);
  for (const auto& s : lex.list("someday_leads")) someday_leads.insert(s);
  for (const auto& s : lex.list("set_counted_quantifiers")) set_counted_quant.insert(s);
  for (const auto& s : lex.list("set_day_adjective_nouns")) set_day_adjective_nouns.insert(s);
  for (const auto& s : lex.list("set_counted_stressers")) set_stressers.insert(s);
  for (const auto& s : lex.list("set_counted_alternates")) set_alternates.insert(s);
  for (const auto& s : lex.list("set_rate_quantifiers")) set_rate_quant.insert(s);
  for (const auto& s : lex.list("compound_duration_links")) compound_links.insert(s);
  for (const auto& s : lex.list("generic_tomorrow_leads")) generic_tomorrow_leads.insert(s);
  for (const auto& s : lex.list("generic_tomorrow_blockers")) generic_tomorrow_blockers.insert(s);
  for (const auto& s : lex.list("discourse_openers")) discourse_openers.insert(s);
  for (const auto& s : lex.list("fraction_measures")) fraction_measures.insert(s);
  for (const auto& s : lex.list("set_word_modifiers")) set_modifiers.insert(s);
  for (const auto& s : lex.list("hyphen_only_counts")) hyphen_only_counts.insert(s);
  for (const auto& s : lex.list("whole_count_adjectives")) whole_count_adjectives.insert(s);
  for (const auto& s : lex.list("whole_unit_followers")) whole_unit_followers.insert(s);
  for (const auto& s : lex.list("recent_spans.leads")) recent_span_leads.insert(s);
  for (const auto& s : lex.list("recent_spans.words")) recent_span_words.insert(s);
  for (const auto& s : lex.list("age_nouns")) age_nouns.insert(s);
  for (const auto& s : lex.list("age_person_words")) age_persons.insert(s);
  for (const auto& s : lex.list("age_leads")) age_leads.insert(s);
  for (const auto& s : lex.list("day_names.leads")) day_name_leads.insert(s);
  for (const auto& s : lex.list("day_names.tails")) day_name_tails.insert(s);
  for (const auto& s : lex.list("past_date_hint_links")) past_date_links.insert(s);
  for (const auto& s : lex.list("shifter_verbs.words")) verb_shifters.insert(s);
  for (const auto& s : lex.list("shifter_verbs.after")) verb_leads.insert(s);
  add_ahead(lex.list("ahead_cues.words"), kAheadCue);
  add_ahead(lex.list("ahead_cues.stops"), kAheadStop);
  add_ahead(lex.list("ahead_cues.nouns"), kAheadNoun);
  add_ahead(lex.list("ahead_cues.askers"), kAheadAsker);
  add_ahead(lex.list("ahead_cues.amount_symbols"), kAheadAmount);
  for (const auto& s : lex.list("months_ambiguous")) months_ambiguous.insert(s);
  for (const auto& s : lex.list("month_noun_blockers")) month_noun_blockers.insert(s);
  for (const auto& s : lex.list("month_name_cues")) month_name_cues.insert(s);
  for (const auto& s : lex.list("month_name_followers")) month_name_followers.insert(s);
  for (const auto& s : lex.list("weekday_abbreviations")) weekday_abbr.insert(s);
  for (const auto& s : lex.list("ordinal_suffixes")) {
    ordinal_suffixes.insert(s);
    if (!s.empty()) ordinal_suffix_starts[static_cast<unsigned char>(s.front())] = true;
  }
  name_followers.add_all(lex.list("weekday_name_followers"), 1);
  company_suffixes.add_all(lex.list("company_suffixes"), 1);
  company_followers.add_all(lex.list("company_followers"), 1);

  static constexpr std::array<std::pair<std::string_view, int>, 6> kNamed{{
      {"today", 0}, {"tonight", 100}, {"yesterday", -1}, {"tomorrow", 1},
      {"day_before_yesterday", -2}, {"day_after_tomorrow", 2}}};
  for (const auto& [k, v] : kNamed) named_days.add_all(lex.list("named_days." + std::string(k)), v);

  for (const auto& k : lex.keys("numbers")) numbers.add_all(lex.list("numbers." + k), to_int(k));
  for (const auto& k : lex.keys("tens")) tens.add_all(lex.list("tens." + k), to_int(k));
  articles.add_all(lex.list("articles"), 1);
  vague.add_all(lex.list("vague_counts"), 1);
  for (const auto& k : lex.keys("ordinals")) ordinals.add_all(lex.list("ordinals." + k), to_int(k));
  for (const auto& k : lex.keys("units")) {
    Unit u = unit_from_key(k);
    if (u == Unit::none)
      throw ConfigError(lex.origin() + ": unknown unit '" + k + "' under 'units'");
    units.add_all(lex.list("units." + k), static_cast<int>(u));
    for (const auto& w : lex.list("units." + k))
      if (w.size() > 2 && w.back() == 's' && w.find(' ') == std::string::npos)
        glued_plural_units.emplace(w, u);
  }
  shifters.add_all(lex.list("shifters.this"), static_cast<int>(Shift::this_));
  shifters.add_all(lex.list("shifters.next"), static_cast<int>(Shift::next));
  shifters.add_all(lex.list("shifters.last"), static_cast<int>(Shift::last));
  anaphoric_shifters.add_all(lex.list("anaphoric_shifters"), 1);
  preposition_shifters.add_all(lex.list("preposition_shifters"), 1);
  parts.add_all(lex.list("parts_of_day.mo"), static_cast<int>(PartOfDay::morning));
  parts.add_all(lex.list("parts_of_day.af"), static_cast<int>(PartOfDay::afternoon));
  parts.add_all(lex.list("parts_of_day.ev"), static_cast<int>(PartOfDay::evening));
  parts.add_all(lex.list("parts_of_day.ni"), static_cast<int>(PartOfDay::night));
  seasons.add_all(lex.list("seasons.sp"), static_cast<int>(Season::spring));
  seasons.add_all(lex.list("seasons.su"), static_cast<int>(Season::summer));
  seasons.add_all(lex.list("seasons.fa"), static_cast<int>(Season::fall));
  seasons.add_all(lex.list("seasons.wi"), static_cast<int>(Season::winter));
  modifiers.add_all(lex.list("modifiers.early"), static_cast<int>(Mod::early));
  modifiers.add_all(lex.list("modifiers.mid"), static_cast<int>(Mod::mid));
  modifiers.add_all(lex.list("modifiers.late"), static_cast<int>(Mod::late));
  modifiers.add_all(lex.list("modifiers.start"), static_cast<int>(Mod::start));
  modifiers.add_all(lex.list("modifiers.end"), static_cast<int>(Mod::end));
  modifiers.add_all(lex.list("modifiers.rest"), static_cast<int>(Mod::later));
  relmods.add_all(lex.list("relative_modifiers.earlier"), static_cast<int>(Mod::earlier));
  time_leads.add_all(lex.list("relative_modifiers.time_leads"), 1);
  relmods.add_all(lex.list("relative_modifiers.later"), static_cast<int>(Mod::later));
  off_ago.add_all(lex.list("offsets.ago"), 1);
  off_from_now.add_all(lex.list("offsets.from_now"), 1);
  off_before.add_all(lex.list("offsets.before"), 1);
  off_after.add_all(lex.list("offsets.after"), 1);
  off_preps.add_all(lex.list("offsets.prepositions"), 1);
  future_preps.add_all(lex.list("future_prepositions"), 1);
  determiners.add_all(lex.list("determiners"), 1);
  duration_preps.add_all(lex.list("duration_prepositions"), 1);
  duration_preps_the.add_all(lex.list("duration_prepositions_the"), 1);
  anchored_periods.add_all(lex.list("anchored_periods.next"), 1);
  anchored_periods.add_all(lex.list("anchored_periods.same"), 0);
  anchored.add_all(lex.list("anchored_days.next"), 1);
  anchored.add_all(lex.list("anchored_days.previous"), -1);
  anchored.add_all(lex.list("anchored_days.same"), 0);
  fuzzy.add_all(lex.list("fuzzy.past"), static_cast<int>(FuzzyRef::past));
  fuzzy.add_all(lex.list("fuzzy.present"), static_cast<int>(FuzzyRef::present));
  fuzzy.add_all(lex.list("fuzzy.future"), static_cast<int>(FuzzyRef::future));
  not_fuzzy.add_all(lex.list("not_fuzzy"), 1);
  fuzzy_adj.add_all(lex.list("fuzzy_adjectives.past"), static_cast<int>(FuzzyRef::past));
  fuzzy_adj.add_all(lex.list("fuzzy_adjectives.present"), static_cast<int>(FuzzyRef::present));
  fuzzy_adj_blockers.add_all(lex.list("fuzzy_adjective_blockers"), 1);
  set_quant.add_all(lex.list("set_quantifiers"), 1);
  for (const auto& k : lex.keys("set_words")) {
    Unit u = unit_from_key(k);
    if (u != Unit::none) set_words.add_all(lex.list("set_words." + k), static_cast<int>(u));
  }
  set_blockers.add_all(lex.list("set_word_blockers"), 1);
  set_frequent_after.add_all(lex.list("set_word_frequent_after"), 1);
  set_rates.add_all(lex.list("set_rate_words"), 1);
  set_freqs.add_all(lex.list("set_frequencies.words"), 1);
  fractions.add_all(lex.list("fractions.half"), 2);
  fractions.add_all(lex.list("fractions.quarter"), 4);
  for (const auto& [key, u] : kUnitKeys)
    if (lex.has("lengths.units." + std::string(key)))
      long_units.add_all(lex.list("lengths.units." + std::string(key)), static_cast<int>(u));
  unit_ends.add_all(lex.list("unit_end_words"), 1);
  am.add_all(lex.list("clock.am"), 1);
  pm.add_all(lex.list("clock.pm"), 1);
  oclock.add_all(lex.list("clock.oclock"), 1);
  for (const auto& a : lex.list("clock.am"))
    if (a.find_first_of(". ") == std::string::npos) am_suffixes.push_back(a);
  for (const auto& p : lex.list("clock.pm"))
    if (p.find_first_of(". ") == std::string::npos) pm_suffixes.push_back(p);
  for (const auto* list : {&am_suffixes, &pm_suffixes})
    for (const auto& x : *list)
      if (!x.empty()) clock_suffix_ends[static_cast<unsigned char>(x.back())] = true;
  // Tables matched only after another word of a reading
  {
    plural_parts.add_all(lex.list("parts_of_day_plural.mo"), static_cast<int>(PartOfDay::morning));
    plural_parts.add_all(lex.list("parts_of_day_plural.af"), static_cast<int>(PartOfDay::afternoon));
    plural_parts.add_all(lex.list("parts_of_day_plural.ev"), static_cast<int>(PartOfDay::evening));
    plural_parts.add_all(lex.list("parts_of_day_plural.ni"), static_cast<int>(PartOfDay::night));
    deadline_tails.add_all(lex.list("ahead_cues.deadlines"), 1);
    plan_leads.add_all(lex.list("ahead_cues.plan_leads"), 1);
    part_preps.add_all(lex.list("parts_of_day_prepositions"), 1);
    part_phrase_ends.add_all(lex.list("parts_of_day_phrase_ends"), 1);
    part_trading_nouns.add_all(lex.list("parts_of_day_trading_nouns"), 1);
    period_openers.add_all(lex.list("period_openers"), 1);
    date_approximators.add_all(lex.list("date_approximators"), 1);
    date_open_tails.add_all(lex.list("date_open_tails"), 1);
    relmod_links.add_all(lex.list("relative_modifiers.links"), 1);
    set_noun_after.add_all(lex.list("set_word_noun_after"), 1);
    long_words.add_all(lex.list("lengths.words"), 1);
    set_times.add_all(lex.list("set_frequencies.times"), 1);
    am_tails.add_all(lex.list("clock.am_tails"), 1);
    pm_tails.add_all(lex.list("clock.pm_tails"), 1);
  }
  noon.add_all(lex.list("clock.noon"), 1);
  noon_blockers.add_all(lex.list("clock.noon_blockers"), 1);
  adjective_phrases.add_all(lex.list("adjective_phrases"), 1);
  for (const auto& s : lex.list("adjective_phrase_preps")) adjective_phrase_preps.insert(s);
  for (const auto& s : lex.list("adjective_phrase_stops")) adjective_phrase_stops.insert(s);
  midnight.add_all(lex.list("clock.midnight"), 1);
  tz.add_all(lex.list("time_zones"), 1);
  for (const auto& s : lex.list("time_zones_capitalized")) tz_capitalized.insert(s);
  utc_zones.add_all(lex.list("utc_zones"), 1);
  for (const auto& k : lex.keys("decade_words"))
    decade_words.add_all(lex.list("decade_words." + k), to_int(k));
  age_possessives.add_all(lex.list("age_possessives"), 1);
  month_cues.add_all(lex.list("month_cues"), 1);
  year_blockers.add_all(lex.list("year_blockers"), 1);
  year_preblockers.add_all(lex.list("year_preblockers"), 1);
  fiscal.add_all(lex.list("fiscal"), 1);
  // "FY23", "FY2022": each fiscal code with the years written on it, as words (two digits
  // read as after "FY 22": short_year(); four, 1950-2049)
  for (const auto& f : lex.list("fiscal_codes")) {
    for (int yy = 0; yy < 100; ++yy)
      fiscal_code_years.add(f + (yy < 10 ? "0" : "") + std::to_string(yy), short_year(yy));
    for (int y = 1950; y <= 2049; ++y) fiscal_code_years.add(f + std::to_string(y), y);
  }
  // value: unit key * 10 + number ("q3" -> quarter 3)
  for (const auto& [key, u] : {std::pair{"period_codes.quarter", Unit::quarter},
                               std::pair{"period_codes.half", Unit::half}})
    for (const auto& code : lex.list(key))
      for (char c : code)
        if (c >= '1' && c <= '4') period_codes.add(code, static_cast<int>(u) * 10 + (c - '0'));
  century_words.add_all(lex.list("century_words"), 1);
  approximators.add_all(lex.list("approximators"), 1);
  approx_tails.add_all(lex.list("approximate_tails"), 1);
  count_approximators.add_all(lex.list("count_approximators"), 1);
  count_approximator_cues.add_all(lex.list("count_approximator_cues"), 1);
  count_adjectives.add_all(lex.list("count_adjectives"), 1);
  run_tails.add_all(lex.list("ordinal_run_tails"), 1);
  count_ranges.add_all(lex.list("count_ranges"), 1);
  unit_coords.add_all(lex.list("unit_coordinations"), 1);
  vague_durations.add_all(lex.list("vague_durations"), 1);
  halves.add_all(lex.list("halves"), 1);
  last_ordinals.add_all(lex.list("last_ordinals"), 1);
  context_days.add_all(lex.list("context_days.phrases"), 1);
  day_contexts.add_all(lex.list("context_days.after"), 1);
  future_hints.add_all(lex.list("future_hints"), 1);
  past_hints.add_all(lex.list("past_hints"), 1);
  day_prepositions.add_all(lex.list("day_prepositions"), 1);
  month_prepositions.add_all(lex.list("month_prepositions"), 1);
  past_act_verbs.add_all(lex.list("past_act_verbs"), 1);
  game_half_cues.add_all(lex.list("game_half_cues"), 1);
  verb_particles.add_all(lex.list("verb_particles"), 1);
  until_words.add_all(lex.list("until.words"), 1);
  until_blockers.add_all(lex.list("until.blockers"), 1);
  thousand.add_all(lex.list("thousand"), 1);
  age_words.add_all(lex.list("age_words"), 1);
  past_date_hints.add_all(lex.list("past_date_hints"), 1);
  weak_future_hints.add_all(lex.list("weak_future_hints"), 1);
  generic_today.add_all(lex.list("generic_today_nouns"), 1);
  // holidays: fixed ones by "MM-DD" key (value month*100+day), moving ones by name
  // (value -Holiday)
  static constexpr std::array<std::pair<std::string_view, Holiday>, 10> kHolidays{{
      {"thanksgiving", Holiday::thanksgiving}, {"election_day", Holiday::election_day},
      {"labor_day", Holiday::labor_day}, {"memorial_day", Holiday::memorial_day},
      {"easter", Holiday::easter}, {"good_friday", Holiday::good_friday},
      {"mothers_day", Holiday::mothers_day}, {"fathers_day", Holiday::fathers_day},
      {"martin_luther_king_day", Holiday::martin_luther_king_day},
      {"presidents_day", Holiday::presidents_day}}};
  for (const auto& k : lex.keys("holidays.fixed")) {
    if (k.size() != 5 || k[2] != '-') continue;
    const int mo = to_int(k.substr(0, 2)), d = to_int(k.substr(3, 2));
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    holidays.add_all(lex.list("holidays.fixed." + k), mo * 100 + d);
  }
  for (const auto& [k, hd] : kHolidays)
    holidays.add_all(lex.list("holidays.moving." + std::string(k)), -static_cast<int>(hd));
  holiday_blockers.add_all(lex.list("holiday_name_followers"), 1);
  for (const auto& s : lex.list("holiday_name_leads_allowed")) holiday_name_leads.insert(s);
  business_cues.add_all(lex.list("reporting.cues"), 1);
  reporting_nouns.add_all(lex.list("reporting.nouns"), 1);
  reporting_ago.add_all(lex.list("reporting.year_ago"), 1);
  reporting_this.add_all(lex.list("reporting.this"), 1);
  reporting_pre.add_all(lex.list("reporting.adjectives"), 1);
  reporting_year_back.add_all(lex.list("reporting.year_back"), 1);
  reporting_span.add_all(lex.list("reporting.fiscal_span"), 1);
  reporting_year_end.add_all(lex.list("reporting.year_followers"), 1);
  reporting_year_adj.add_all(lex.list("reporting.year_adjectives"), 1);
  reporting_for.add_all(lex.list("reporting.year_prepositions"), 1);
  reporting_year_spans.add_all(lex.list("reporting.year_spans"), 1);
  // The range links are start words too (after every table's words: their numbers stay):
  // tag() takes a word in no phrase after a count for the end of any reading there, and
  // rule_count reads "between two and six days" up to a link.
  for (const auto& s : lex.list("split_ranges.links")) start_words.add(s);
  // the words that are a whole phrase of rule_phrases()'s tables on their own
  single_phrase_words.assign(start_words.size() + 1, false);
  for (const PhraseTable* p : {&anchored, &fuzzy, &context_days, &fuzzy_adj, &vague_durations})
    p->for_each_first_word([&](const std::string& w) {
      const std::uint32_t id = start_words.find(w);
      if (id != detail::WordIndex::npos && p->contains_word(w)) single_phrase_words[id] = true;
    });
  clock_marker_words.assign(start_words.size() + 1, false);
  clock_markers_known = true;
  for (const PhraseTable* p : {&am, &pm, &oclock, &am_tails, &pm_tails, &tz})
    p->for_each_first_word([&](const std::string& w) {
      const std::uint32_t id = start_words.find(w);
      if (id == detail::WordIndex::npos)
        clock_markers_known = false;
      else
        clock_marker_words[id] = true;
    });
}

// Each rule's gate: the classes of the words it must read (its head) and how far after
// its first token the head can be, from the paths of the rule's body. A rule change that
// lets a rule read something without such a word, or further on, must change its gate
// here: TemporalStartWords.* compare tag() with tag_every_word() (every rule everywhere).
void TemporalGrammar::Impl::declare_gates() {
  start_classes.assign(start_words.size() + 1, 0);  // and 0 for a word not in the index
  for (PhraseTable* tab : indexed_tables) tab->seal(start_words.size());
  indexed_tables.clear();
  // tag() looks every token up: a sparse table ends most probes for other words at once
  start_words.reserve(start_words.size() * 4);
  // a table's class: on each word that is a phrase by itself, and on each word that
  // starts longer phrases when a second word of those follows it
  std::vector<std::vector<Pair>> paired(start_words.size() + 1);
  auto mark = [&](const PhraseTable& tab, std::uint32_t cls) {
    tab.for_each_start(start_words, [&](const std::string& w, bool alone,
                                        const std::vector<std::uint32_t>& seconds) {
      const std::uint32_t id = start_words.find(w);
      if (id == detail::WordIndex::npos)
        throw std::logic_error("temporal grammar: a gate's table is not among the start words");
      if (alone) start_classes[id] |= cls;
      for (const std::uint32_t second : seconds) paired[id].push_back({second, cls});
    });
  };
  mark(months, kMonthWord);
  mark(weekdays, kWeekdayWord);
  mark(named_days, kNamedDayWord);
  mark(units, kUnitWord);
  mark(seasons, kSeasonWord);
  mark(parts, kPartWord);
  mark(numbers, kNumberWord);
  mark(tens, kNumberWord);
  mark(decade_words, kDecadeWord);
  mark(century_words, kCenturyWord);
  mark(period_codes, kPeriodCode);
  mark(long_units, kLongUnitWord);
  for (const PhraseTable* p : {&anchored, &fuzzy, &fuzzy_adj, &context_days, &vague_durations})
    mark(*p, kPhraseStart);
  for (const PhraseTable* p : {&weekday_plurals, &set_freqs, &set_quant, &set_words})
    mark(*p, kSetStart);
  mark(reporting_nouns, kReportingNoun);
  mark(holidays, kHolidayWord);
  mark(noon, kClockWord);
  mark(midnight, kClockWord);
  mark(determiners, kDeterminer);
  mark(modifiers, kModifier);
  mark(shifters, kShifter);
  mark(relmods, kRelativeModifier);
  mark(ordinals, kOrdinalWord);
  mark(fiscal, kFiscalWord);
  mark(fiscal_code_years, kFiscalWord | kNumberToken);  // "FY23": a fiscal word and a year
  mark(anchored_periods, kAnchoredPeriod);
  mark(time_leads, kTimeLead);
  mark(articles, kArticle);
  mark(fractions, kFraction);
  mark(approximators, kApproximator);
  mark(count_approximators, kApproximator);
  mark(vague, kVagueCount);
  mark(reporting_this, kReportingThis);
  pairs_from.assign(paired.size() + 1, 0);
  for (std::uint32_t id = 0; id < paired.size(); ++id) {
    std::vector<Pair>& ps = paired[id];
    std::sort(ps.begin(), ps.end(),
              [](const Pair& a, const Pair& b) { return a.second < b.second; });
    for (const Pair& p : ps)
      if (p.classes & ~start_classes[id]) {  // (a class the word has alone needs no pair)
        if (!pairs.empty() && pairs.size() > pairs_from[id] && pairs.back().second == p.second)
          pairs.back().classes |= p.classes;
        else
          pairs.push_back(p);
      }
    pairs_from[id + 1] = static_cast<std::uint32_t>(pairs.size());
    if (pairs_from[id + 1] != pairs_from[id]) start_classes[id] |= kPaired;
  }
  pair_row.assign(paired.size(), 0);
  pair_filter.assign(paired.size(), 0);
  pair_row_words = (paired.size() + 63) / 64;  // (numbers up to start_words.size())
  for (std::uint32_t id = 0, rows = 0; id < paired.size(); ++id) {
    if (pairs_from[id + 1] == pairs_from[id]) continue;
    pair_row[id] = rows++;
    pair_bits.resize(rows * pair_row_words, 0);
    for (std::uint32_t p = pairs_from[id]; p < pairs_from[id + 1]; ++p)
      pair_filter[id] |= std::uint64_t{1} << (pairs[p].second & 63);
    for (std::uint32_t p = pairs_from[id]; p < pairs_from[id + 1]; ++p)
      pair_bits[pair_row[id] * pair_row_words + pairs[p].second / 64] |= std::uint64_t{1}
                                                                         << (pairs[p].second % 64);
  }

  auto L = [](const PhraseTable& p) { return p.max_tokens(); };
  using std::max;
  // read_day_number / read_ordinal: a number, tens [-] ordinal, or an ordinal phrase
  const std::size_t day_len = max({std::size_t{1}, L(tens) + 2, L(ordinals)});
  const std::uint32_t day_first = kNumberToken | kNumberWord | kOrdinalWord;
  // read_count: a number, tens [-] number, number [thousand], a vague count, an article
  const std::size_t count_len =
      max({std::size_t{1}, L(tens) + 2, L(numbers) + L(thousand), L(vague), L(articles)});
  const std::uint32_t count_first = kNumberToken | kNumberWord | kVagueCount | kArticle;
  // [det unit of] | [mod -]; [shift] MONTH
  gates[kRuleMonth] = {0, kDeterminer | kModifier | kShifter | kMonthWord, kMonthWord,
                       max(L(determiners) + 2, L(modifiers) + 1) + L(shifters)};
  // [det] DAY [- DAY] [of] MONTH
  gates[kRuleDayMonth] = {0, kDeterminer | day_first, kMonthWord,
                          L(determiners) + day_len + 2 + day_len + 1};
  // [mod -] | [det [mod -]]; then a number, a spelled year, a decade word, an ordinal and a
  // century word, "year" and a spelled year, or fiscal [year] and a year
  gates[kRuleNumeric] = {
      0, kModifier | kDeterminer | day_first | kDecadeWord | kFiscalWord | kApostrophe,
      kNumberToken | kNumberWord | kDecadeWord | kCenturyWord,
      L(determiners) + L(modifiers) + 1 + max({day_len, L(fiscal) + 1})};
  // [early|late|earlier|later] [shift] WEEKDAY
  gates[kRuleWeekday] = {0, kRelativeModifier | kModifier | kShifter | kWeekdayWord, kWeekdayWord,
                         1 + L(shifters)};
  // [early|late|earlier|later] NAMED_DAY
  gates[kRuleNamed] = {0, kRelativeModifier | kModifier | kNamedDayWord, kNamedDayWord, 1};
  // [time lead] [relmod [link] | mod -] [[det] shift] [shift] [fiscal] SEASON|PART|UNIT;
  // anchored period UNIT; UNIT-end
  gates[kRulePeriod] = {
      0,
      kUnitWord | kAnchoredPeriod | kTimeLead | kRelativeModifier | kModifier | kShifter |
          kDeterminer | kSeasonWord | kPartWord,
      kUnitWord | kSeasonWord | kPartWord,
      max(L(anchored_periods), L(time_leads) + max(L(relmods) + L(relmod_links), L(modifiers) + 1) +
                                   L(determiners) + 2 * L(shifters) + L(fiscal))};
  // [det] [fiscal] PERIOD_CODE | ORDINAL [-] UNIT; [det|article] ORDINAL [count adjective]
  // day|week
  gates[kRuleOrdinalPeriod] = {
      0, kDeterminer | kArticle | kFiscalWord | kPeriodCode | day_first, kUnitWord | kPeriodCode,
      max(L(determiners), L(articles)) + L(fiscal) + max(day_len, L(last_ordinals)) + 1 +
          L(count_adjectives)};
  // [det] YEAR_NUMBER ['s] [ORDINAL [-]] UNIT|REPORTING_NOUN | shift UNIT
  gates[kRuleYearPeriod] = {0, kDeterminer | kNumberToken | kShifter, kUnitWord | kReportingNoun,
                            max(L(determiners) + 2 + day_len + 1, L(shifters))};
  // [article] FRACTION [article|-] UNIT; [approx] [shift | det [first]] [count [range
  // count]] [-] [halves] [count adjective] UNIT | LONG_UNIT
  gates[kRuleCount] = {0,
                       kArticle | kFraction | kApproximator | kShifter | kDeterminer | count_first |
                           kLongUnitWord | kUnitWord,
                       kUnitWord | kLongUnitWord,
                       max(L(articles) + L(fractions) + max(L(articles), std::size_t{1}),
                           max(L(approximators), L(count_approximators)) +
                               max(L(shifters), L(determiners) + day_len) + count_len + 1 +
                               count_len + 1 + L(halves) + L(count_adjectives))};
  // a fuzzy, anchored or context-day phrase or a fuzzy adjective at the token itself
  gates[kRulePhrases] = {kPhraseStart, 0, 0, 0};
  // a recurring weekday, frequency, quantifier or set word at the token; or COUNT times
  // [article|quantifier] UNIT
  gates[kRuleSet] = {kSetStart | kWeekdayWord, kNumberToken | kNumberWord, kUnitWord,
                     count_len + L(set_times) + max(L(articles), L(set_quant))};
  // [det] [adjective] [year adjective] UNIT; "this" UNIT|NOUN
  gates[kRuleReporting] = {
      0, kDeterminer | kReportingThis | kUnitWord, kUnitWord | kReportingNoun,
      max(L(determiners) + L(reporting_pre) + L(reporting_year_adj), L(reporting_this))};
  // [shift] HOLIDAY
  gates[kRuleHoliday] = {0, kShifter | kHolidayWord, kHolidayWord, L(shifters)};
  // a number or noon/midnight at the token
  gates[kRuleClock] = {kNumberToken | kClockWord, 0, 0, 0};
  for (unsigned b = 0; b < 32; ++b)
    for (unsigned r = 0; r < kRules; ++r) {
      if (gates[r].at & (1u << b)) rules_at_class[b] |= 1u << r;
      if (gates[r].first & (1u << b)) rules_first_class[b] |= 1u << r;
      if (gates[r].near & (1u << b)) rules_near_classes.add(b, 1u << r);
    }
  for (unsigned b = 0; b < 32; ++b) {
    rules_at_first_classes.add(b, rules_at_class[b] | std::uint64_t{rules_first_class[b]} << 32);
  }
  for (const Gate& gate : gates) head_classes |= gate.near;
  const auto absent = static_cast<std::uint32_t>(start_words.size());
  gap_rules.assign(start_classes.size(), ~std::uint32_t{0});
  gap_rules[absent] = 0;
  // A rule that reads before its head only words of `tables` (and `extra`): a word of
  // none of them ends its window ("mln", "dlrs", "pct" before a unit)
  auto narrow = [&](Rule rule, std::initializer_list<const PhraseTable*> tables,
                    const std::vector<std::string>& extra) {
    std::vector<std::uint8_t> reads(absent, 0);
    auto read = [&](const std::string& w) {
      if (const std::uint32_t id = start_words.find(w); id != detail::WordIndex::npos)
        reads[id] = 1;
    };
    for (const PhraseTable* p : tables) p->for_each_word(read);
    for (const std::string& w : extra) read(w);
    for (std::uint32_t id = 0; id < absent; ++id)
      if (!reads[id]) gap_rules[id] &= ~(1u << rule);
  };
  // rule_count(): [article] fraction [article] unit; [approximator] [shifter | determiner
  // [ordinal]] [count [range count]] [halves] [count adjective] unit or long unit; a count
  // and a split range's link before the second count's unit ("between two and six days")
  narrow(kRuleCount,
         {&articles, &fractions, &approximators, &count_approximators, &shifters, &determiners,
          &ordinals, &tens, &numbers, &thousand, &vague, &count_ranges, &halves, &count_adjectives,
          &long_units, &units},
         range_link_words);
  // rule_period(): [anchored period] | [time lead] [relmod [link] | modifier] [shifter |
  // determiner [shifter]] [fiscal] [shifter] season, part or unit
  narrow(kRulePeriod,
         {&anchored_periods, &time_leads, &relmods, &relmod_links, &modifiers, &shifters,
          &determiners, &fiscal, &seasons, &parts, &units},
         {});
  // rule_numeric(): [modifier [-] | determiner [modifier [-]]], then a year, a number, a
  // spelled year, a decade word, an ordinal and a century word, "year" and a spelled year,
  // or fiscal [year] and a year
  narrow(kRuleNumeric,
         {&modifiers, &determiners, &fiscal, &units, &ordinals, &tens, &numbers, &decade_words,
          &century_words},
         {});
  // rule_ordinal_period(): [determiner] [fiscal] period code; [determiner | article]
  // ordinal or last ordinal [count adjective] unit
  narrow(kRuleOrdinalPeriod,
         {&determiners, &fiscal, &period_codes, &articles, &tens, &ordinals, &last_ordinals,
          &count_adjectives, &units},
         {});
  std::size_t widest = 0;
  for (const Gate& gate : gates) widest = std::max(widest, gate.window);
  rules_within.assign(widest + 1, 0);
  for (unsigned r = 0; r < kRules; ++r)
    for (std::size_t d = 0; d <= gates[r].window; ++d) rules_within[d] |= 1u << r;
}

// ---- readers ---------------------------------------------------------------------------

inline TemporalGrammar::Impl::Count TemporalGrammar::Impl::read_count(Tokens t,
                                                                      std::size_t i) const {
  Count c;
  if (!in(t, i)) return c;
  if (is_num(t, i) && t[i].lower.size() <= 4 && all_digits(t[i].lower)) {
    c.end = i + 1;
    c.value = to_int(t[i].lower);
    return c;
  }
  if (t[i].kind != TokenKind::word) return c;
  // a count word starts a number, a vague count or an article
  if (!(classes_of(t, i) & (kNumberWord | kVagueCount | kArticle))) return c;
  return read_count_words(t, i);
}

TemporalGrammar::Impl::Count TemporalGrammar::Impl::read_count_words(Tokens t,
                                                                     std::size_t i) const {
  Count c;
  if (auto m = tens.match(t, i); m.length) {
    c.end = i + m.length;
    c.value = m.value;
    std::size_t k = c.end;
    if (in(t, k) && is_hyphen(t[k])) ++k;
    if (auto u = numbers.match(t, k); u.length == 1 && u.value >= 1 && u.value <= 9) {
      c.end = k + 1;
      c.value = m.value + u.value;
    }
    return c;
  }
  PhraseMatch best = numbers.match(t, i);
  PhraseMatch v = vague.match(t, i);
  PhraseMatch a = articles.match(t, i);
  if (best.length >= v.length && best.length >= a.length && best.length) {
    c.end = i + best.length;
    c.value = best.value;
    // "two thousand years"
    if (auto th = thousand.match(t, c.end); th.length && best.value < 1000) {
      c.end += th.length;
      c.value = best.value * 1000;
    }
  } else if (v.length >= a.length && v.length) {
    c.end = i + v.length;  // value stays empty: X
  } else if (a.length) {
    c.end = i + a.length;
    c.value = 1;
    c.article = true;
  }
  return c;
}

// a decimal number of up to four digits before the point and three after it: "1.5 years",
// "38.5 hours" (rule_count() reads it only before a unit, so never before "percent" or a
// currency)
TemporalGrammar::Impl::Count TemporalGrammar::Impl::read_decimal_count(Tokens t,
                                                                       std::size_t i) const {
  Count c;
  if (!is_num(t, i)) return c;
  const std::string_view s = t[i].lower;
  const std::size_t point = s.find('.');
  if (point == 0 || point > 4 || point == std::string_view::npos) return c;
  std::string_view whole = s.substr(0, point), part = s.substr(point + 1);
  if (part.empty() || part.size() > 3 || !all_digits(whole) || !all_digits(part)) return c;
  while (!part.empty() && part.back() == '0') part.remove_suffix(1);
  c.end = i + 1;
  c.value = to_int(whole);
  c.decimal = true;
  c.fraction = static_cast<std::uint16_t>(part.empty() ? 0 : to_int(part));
  c.fraction_digits = static_cast<std::uint8_t>(part.size());
  return c;
}

inline TemporalGrammar::Impl::UnitRead TemporalGrammar::Impl::read_unit(Tokens t,
                                                                        std::size_t i) const {
  return is_word(t, i) ? read_unit(t, i, scope_of(t)) : UnitRead{};
}

inline TemporalGrammar::Impl::UnitRead TemporalGrammar::Impl::read_unit(Tokens t, std::size_t i,
                                                                        const StartIds* sc) const {
  UnitRead r;
  if (!is_word(t, i)) return r;
  auto m = units.match(t, i, sc);
  if (m.length != 1) return r;
  r.end = i + 1;
  r.unit = static_cast<Unit>(m.value);
  r.plural = t[i].lower.size() > 1 && t[i].lower.back() == 's';  // plural forms end in s
  return r;
}

inline std::pair<std::size_t, unsigned> TemporalGrammar::Impl::read_day_number(
    Tokens t, std::size_t i) const {
  if (!in(t, i)) return {0, 0};
  if (is_num(t, i)) return read_day_digits(t, i);
  auto [end, v] = read_ordinal(t, i);
  if (end && v >= 1 && v <= 31) return {end, static_cast<unsigned>(v)};
  return {0, 0};
}

std::pair<std::size_t, unsigned> TemporalGrammar::Impl::read_day_digits(Tokens t,
                                                                        std::size_t i) const {
  if (!in(t, i)) return {0, 0};
  if (is_num(t, i)) {
    std::string_view s = t[i].lower;
    std::size_t d = 0;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    if (d == 0 || d > 2) return {0, 0};
    if (d < s.size() && !is_ordinal_suffix(s.substr(d))) return {0, 0};
    int v = to_int(s.substr(0, d));
    if (v < 1 || v > 31) return {0, 0};
    return {i + 1, static_cast<unsigned>(v)};
  }
  auto [end, v] = read_ordinal(t, i);
  if (end && v >= 1 && v <= 31) return {end, static_cast<unsigned>(v)};
  return {0, 0};
}

inline std::pair<std::size_t, int> TemporalGrammar::Impl::read_ordinal(Tokens t,
                                                                       std::size_t i) const {
  if (!in(t, i)) return {0, 0};
  if (t[i].kind == TokenKind::word ? !(classes_of(t, i) & (kNumberWord | kOrdinalWord))
                                   : t[i].kind != TokenKind::number)
    return {0, 0};
  return read_ordinal_at(t, i);
}

std::pair<std::size_t, int> TemporalGrammar::Impl::read_ordinal_at(Tokens t, std::size_t i) const {
  if (!is_word(t, i)) {
    if (is_num(t, i)) {
      std::string_view s = t[i].lower;
      std::size_t d = 0;
      while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
      if (d > 0 && d < s.size() && d <= 2 && is_ordinal_suffix(s.substr(d)))
        return {i + 1, to_int(s.substr(0, d))};
    }
    return {0, 0};
  }
  if (!(classes_of(t, i) & (kNumberWord | kOrdinalWord))) return {0, 0};
  if (auto m = tens.match(t, i); m.length) {
    std::size_t k = i + m.length;
    if (in(t, k) && is_hyphen(t[k])) ++k;
    if (auto o = ordinals.match(t, k); o.length == 1 && o.value >= 1 && o.value <= 9)
      return {k + 1, m.value + o.value};
    return {0, 0};
  }
  if (auto o = ordinals.match(t, i); o.length) return {i + o.length, o.value};
  return {0, 0};
}

inline std::pair<std::size_t, int> TemporalGrammar::Impl::read_spelled_year(Tokens t,
                                                                            std::size_t i) const {
  if (!is_word(t, i) || !(classes_of(t, i) & kNumberWord)) return {0, 0};
  return read_spelled_year_words(t, i);
}

std::pair<std::size_t, int> TemporalGrammar::Impl::read_spelled_year_words(Tokens t,
                                                                           std::size_t i) const {
  // "two thousand [and] [N]" (not "two thousand years": a count)
  if (auto n = numbers.match(t, i); n.length == 1 && n.value == 2 && thousand.match(t, i + 1).length) {
    std::size_t k = i + 2;
    if (read_unit(t, k).end) return {0, 0};
    const std::size_t n_at = is_word(t, k) && t[k].lower == "and" ? k + 1 : k;
    Count c = read_count(t, n_at);
    if (c.end && c.value && !c.article && *c.value < 100 && !is_num(t, n_at)) return {c.end, 2000 + *c.value};
    // the bare year only after a date cue or "year" ("in two thousand", "the year two
    // thousand", not "two thousand troops")
    if (i == 0 || !(month_cues.match(t, i - 1).length || t[i - 1].lower == "year")) return {0, 0};
    return {k, 2000};
  }
  // "nineteen ninety-six": a century word (10..19) then tens[-unit]
  auto n = numbers.match(t, i);
  if (n.length != 1 || n.value < 10 || n.value > 19) return {0, 0};
  if (!tens.match(t, i + 1).length) return {0, 0};
  Count c = read_count(t, i + 1);
  if (!c.end || !c.value || *c.value < 20 || *c.value > 99) return {0, 0};
  return {c.end, n.value * 100 + *c.value};
}

inline std::pair<std::size_t, int> TemporalGrammar::Impl::read_year(Tokens t, std::size_t i,
                                                                    bool bare) const {
  if (!in(t, i)) return {0, 0};
  if (t[i].kind == TokenKind::word)
    return bare ? std::pair<std::size_t, int>{0, 0} : read_spelled_year(t, i);
  if (t[i].kind != TokenKind::number || t[i].lower.size() != 4) return {0, 0};
  return read_year_digits(t, i, bare);
}

std::pair<std::size_t, int> TemporalGrammar::Impl::read_year_digits(Tokens t, std::size_t i,
                                                                    bool bare) const {
  if (!bare && is_word(t, i)) {
    if (auto sp = read_spelled_year(t, i); sp.first) return sp;
  }
  if (!is_num(t, i)) return {0, 0};
  std::string_view s = t[i].lower;
  if (s.size() != 4 || !all_digits(s)) return {0, 0};
  int y = to_int(s);
  if (bare) {
    // "independence from Spain in 1898.": a year before 1900 after a cue word ("in",
    // "since"), ending the phrase or before a function word ("repulsed in 1862 and a
    // Union campaign"; not a noun: "in 1500 villages")
    const bool early = y >= 1000 && y < 1900 && i > 0 && is_word(t, i - 1) &&
                       early_year_cues.count(t[i - 1].lower) &&
                       (!in(t, i + 1) || is_any_punct(t, i + 1) ||
                        (is_word(t, i + 1) && early_year_followers.count(t[i + 1].lower)));
    if ((y < 1900 && !early) || y > 2099) return {0, 0};
    // A quantity, not a year: "2000 tonnes", "$1987", "1990 %".
    if (i > 0 && (year_preblockers.match(t, i - 1).length || is_num(t, i - 1))) return {0, 0};
    if (in(t, i + 1)) {
      if (is_word(t, i + 1) && year_blockers.match(t, i + 1).length) return {0, 0};
      if (is_num(t, i + 1)) return {0, 0};
      if (is_punct(t, i + 1, "%")) return {0, 0};
      if (is_hyphen(t[i + 1]) && is_word(t, i + 2) && year_blockers.match(t, i + 2).length)
        return {0, 0};
    }
  } else if (y < 1000 || y > 2999) {
    return {0, 0};
  }
  return {i + 1, y};
}

// "FY 22": a year written short after a fiscal word (2000-2049 or 1950-1999, as "'82" in
// rule_numeric()); not a quantity ("fiscal 22 pct")
std::pair<std::size_t, int> TemporalGrammar::Impl::read_short_fiscal_year(Tokens t,
                                                                          std::size_t i) const {
  if (!is_num(t, i) || t[i].lower.size() != 2 || !all_digits(t[i].lower)) return {0, 0};
  if (in(t, i + 1) && (is_num(t, i + 1) || is_punct(t, i + 1, "%") ||
                       (is_word(t, i + 1) && year_blockers.match(t, i + 1).length)))
    return {0, 0};
  const int yy = to_int(t[i].lower);
  return {i + 1, short_year(yy)};
}

// "FY23", "FY2022": a fiscal code and its year in one capitalized word (a year of two
// digits as after "FY 22": read_short_fiscal_year(); of four, 1950-2049)
std::pair<std::size_t, int> TemporalGrammar::Impl::read_fiscal_code(Tokens t, std::size_t i) const {
  if (!is_word(t, i) || !t[i].capitalized || !(classes_of(t, i) & kFiscalWord)) return {0, 0};
  const PhraseMatch m = fiscal_code_years.match(t, i);
  if (m.length != 1) return {0, 0};
  return {i + 1, m.value};
}

inline std::pair<std::size_t, unsigned> TemporalGrammar::Impl::read_month(Tokens t, std::size_t i,
                                                                          bool cued) const {
  if (!is_word(t, i) || !t[i].capitalized || !(classes_of(t, i) & kMonthWord)) return {0, 0};
  return read_month_word(t, i, cued);
}

std::pair<std::size_t, unsigned> TemporalGrammar::Impl::read_month_word(Tokens t, std::size_t i,
                                                                        bool cued) const {
  if (!is_word(t, i) || !t[i].capitalized) return {0, 0};
  auto m = months.match(t, i);
  if (m.length != 1) return {0, 0};
  // (the token's own member: the sets find its hash in the sentence's)
  const std::string_view& lw = t[i].lower;
  std::size_t end = i + 1;
  const bool next_num = is_num(t, i + 1) || (is_punct(t, i + 1, ".") && is_num(t, i + 2));
  if (month_abbr.count(lw)) {
    if (is_punct(t, i + 1, ".")) {
      end = i + 2;
    } else if (!is_num(t, i + 1)) {
      return {0, 0};
    }
  }
  if (months_ambiguous.count(lw)) {
    // "figures for March", "for May shipment" (not "for March of Dimes", "for May Day")
    const bool prev_cue =
        i > 0 && (month_cues.match(t, i - 1).length == 1 ||
                  (is_word(t, i - 1) && month_name_cues.count(t[i - 1].lower) &&
                   !(is_word(t, i + 1) &&
                     (t[i + 1].capitalized || month_name_followers.count(t[i + 1].lower)))));
    const bool date_after = read_day_number(t, i + 1).first || read_year(t, i + 1, false).first;
    // "the March accession", "the May date" (not "the March of Dimes")
    const bool modifier = i > 0 && determiners.match(t, i - 1).length == 1 && is_word(t, i + 1) &&
                          !t[i + 1].capitalized && !month_noun_blockers.count(t[i + 1].lower);
    if (!cued && !prev_cue && !date_after && !modifier) return {0, 0};
    (void)next_num;
  }
  return {end, static_cast<unsigned>(m.value)};
}

std::pair<std::size_t, date::weekday> TemporalGrammar::Impl::read_weekday(Tokens t,
                                                                          std::size_t i) const {
  if (!is_word(t, i) || !t[i].capitalized) return {0, date::weekday{}};
  auto m = weekdays.match(t, i);
  if (m.length != 1) return {0, date::weekday{}};
  std::size_t end = i + 1;
  if (weekday_abbr.count(t[i].lower)) {
    // "Tue., Feb. 18" / "Sun, 16 Feb": a short form only right before a date.
    std::size_t k = i + 1;
    if (is_punct(t, k, ".")) ++k;
    const bool had_period = k > i + 1;
    if (is_punct(t, k, ",")) ++k;
    if (k == i + 1) return {0, date::weekday{}};
    if (!read_month(t, k, true).first && !read_day_number(t, k).first) return {0, date::weekday{}};
    end = had_period ? i + 2 : i + 1;
  }
  // Names: "Sunday Times", "Tuesday Morning Inc".
  if (is_word(t, end) && t[end].capitalized) {
    if (name_followers.match(t, end).length) return {0, date::weekday{}};
    if (is_word(t, end + 1) && t[end + 1].capitalized && company_suffixes.match(t, end + 1).length)
      return {0, date::weekday{}};
    if (company_suffixes.match(t, end).length) return {0, date::weekday{}};
    if (is_word(t, end + 1) && !t[end + 1].capitalized &&
        company_followers.match(t, end + 1).length)
      return {0, date::weekday{}};
  }
  return {end, date::weekday{static_cast<unsigned>(m.value)}};
}

bool TemporalGrammar::Impl::plain_number(Tokens t, std::size_t i, std::size_t digits) const {
  const std::string_view s = t[i].lower;
  const std::size_t d = digits;
  bool plain = std::all_of(s.begin() + static_cast<std::ptrdiff_t>(d), s.end(),
                           [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
  if (d == s.size())
    plain = s.size() != 4 && (s.size() != 2 || i == 0 ||
                              !(is_punct(t, i - 1, "'") || is_punct(t, i - 1, "\xE2\x80\x99")));
  else if (d > 0 && d <= 2 && plain)
    plain = !is_ordinal_suffix(s.substr(d));
  return plain;
}

inline std::uint32_t TemporalGrammar::Impl::number_rules(Tokens t, std::size_t i,
                                                         std::uint32_t at_i) const {
  // a number that is also a word of some table's class: no rule ruled out here (each rule
  // below reads such a word only by those tables)
  if (at_i & ~std::uint32_t{kNumberToken}) return ~std::uint32_t{0};
  const std::string_view s = t[i].lower;
  const std::size_t n = s.size();
  if (n == 0) return ~std::uint32_t{0};
  std::size_t d = 0;  // the leading digits
  while (d < n && s[d] >= '0' && s[d] <= '9') ++d;
  // read_clock_at(): a marker written on the number ("6pm")
  std::uint32_t rules =
      clock_suffix_ends[static_cast<unsigned char>(s.back())] ? 1u << kRuleClock : 0;
  // rule_numeric(), rule_ordinal_period(): a number that is not plain (plain_number(); an
  // ordinal "3rd" is not)
  if (d == n) {
    // rule_count(): a count of up to four digits (read_count()); rule_year_period(): a year
    // of four (read_year_digits()); rule_day_month(): a day of one or two (read_day_digits())
    if (n <= 4) rules |= 1u << kRuleCount;
    if (n == 4) rules |= 1u << kRuleYearPeriod;
    if (n <= 2) rules |= 1u << kRuleDayMonth;
    // (all digits: plain but for four, or two after an apostrophe)
    if (n == 4 || (n == 2 && !plain_number(t, i, d)))
      rules |= 1u << kRuleNumeric | 1u << kRuleOrdinalPeriod;
    // read_clock_at(): one or two digits before a clock marker ("10 a.m."), four before a
    // time zone ("0735 GMT"), which is one
    if ((n <= 2 || n == 4) && clock_marker_may_start(t, i + 1)) rules |= 1u << kRuleClock;
  } else {
    // rule_day_month(): a day with an ordinal suffix ("21st")
    const bool ordinal = d > 0 && d <= 2 && is_ordinal_suffix(s.substr(d));
    if (ordinal) rules |= 1u << kRuleDayMonth;
    std::size_t q = d;
    while (q < n && ((s[q] >= '0' && s[q] <= '9') || s[q] == '.' || s[q] == ',')) ++q;
    // (a character other than a digit, point or comma after the leading digits; else
    // plain but for an ordinal suffix)
    if (q < n || ordinal) rules |= 1u << kRuleOrdinalPeriod;
    // rule_numeric(): of those, an ordinal (a century), a decade ("1990s", "70s"), an ISO or
    // slash day ("2025-02-18", "3/22/2013"), a span of years ("2012-13", "2013/14") or a
    // number not opening with a digit ("'82"); not "1/4", "5-1/4"
    if (ordinal ||
        (q < n && (d == 0 || s.back() == 's' || (n >= 7 && (s[4] == '-' || s[4] == '/')) ||
                   std::count(s.begin(), s.end(), '/') == 2)))
      rules |= 1u << kRuleNumeric;
    // rule_count(): a decimal count ("1.5 years", read_decimal_count())
    if (q == n && d <= 4 && s[d] == '.') rules |= 1u << kRuleCount;
    // read_clock_at(): digits up to a colon ("3:30"), or up to a dot before a clock marker
    // ("2.40 PM": read only with a.m./p.m. after it)
    if (s[d] == ':' || (s[d] == '.' && clock_marker_may_start(t, i + 1)))
      rules |= 1u << kRuleClock;
  }
  // rule_set() reads from a word only
  return rules;
}

// "10 a.m.", "3:30 p.m.", "10:35", "noon", "midnight", "9 o'clock", "0735 GMT".
inline std::pair<std::size_t, ClockTime> TemporalGrammar::Impl::read_clock(Tokens t,
                                                                           std::size_t i) const {
  if (!in(t, i)) return {0, {}};
  // a word: noon or midnight, of kClockWord
  if (t[i].kind == TokenKind::word ? !(classes_of(t, i) & kClockWord)
                                   : t[i].kind != TokenKind::number)
    return {0, {}};
  return read_clock_at(t, i);
}

std::pair<std::size_t, ClockTime> TemporalGrammar::Impl::read_clock_at(Tokens t,
                                                                       std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  if (!in(t, i)) return {0, {}};
  if (is_word(t, i)) {
    // "High Noon" (the film), "high noon comes today": an idiom, not the hour
    if (auto m = noon.match(t, i, sc); m.length) {
      if (i > 0 && noon_blockers.match(t, i - 1, sc).length == 1) return {0, {}};
      return {i + m.length, {12, 0}};
    }
    if (auto m = midnight.match(t, i, sc); m.length) return {i + m.length, {0, 0}};
    return {0, {}};
  }
  if (!is_num(t, i)) return {0, {}};
  std::string_view s = t[i].lower;
  int h = -1, mi = 0;
  bool colon = false;
  // "6pm", "6.30pm", "10:15am": the marker written on the number (most numbers end in a
  // character no marker ends in)
  const bool suffixed = !s.empty() && clock_suffix_ends[static_cast<unsigned char>(s.back())];
  for (int half = 0; suffixed && half < 2; ++half) {
    for (const auto& suffix : half ? pm_suffixes : am_suffixes) {
      if (s.size() <= suffix.size() || !s.ends_with(suffix)) continue;
      std::string_view n = s.substr(0, s.size() - suffix.size());
      const auto sep = n.find_first_of(":.");
      const int hh = to_int(n.substr(0, sep));
      const int mm = sep == std::string_view::npos ? 0 : to_int(n.substr(sep + 1));
      if (!all_digits(n.substr(0, sep)) || hh < 1 || hh > 12 || mm < 0 || mm > 59 ||
          (sep != std::string_view::npos && n.size() - sep - 1 != 2))
        return {0, {}};
      ClockTime ct{static_cast<unsigned>(half ? (hh == 12 ? 12 : hh + 12) : (hh == 12 ? 0 : hh)),
                   static_cast<unsigned>(mm)};
      std::size_t k = i + 1;
      if (zone_at(t, k, sc)) {
        ct.utc = utc_zones.match(t, k, sc).length > 0;
        ++k;
      }
      return {k, ct};
    }
  }
  // the first colon; a character other than a digit before it (or with none) makes no
  // time of any shape below ("1,500", "2.5": the hour would not read)
  if (s.empty()) return {0, {}};
  std::size_t c = std::string_view::npos;
  // "2.40 PM": a dot for the colon, read only with "a.m."/"p.m." after it (below); most
  // such numbers are decimals ("2.40 percent", "$2.40", "14.40")
  bool dotted = false;
  for (std::size_t q = 0; q < s.size(); ++q) {
    if (s[q] == ':' || s[q] == '.') {
      c = q;
      dotted = s[q] == '.';
      break;
    }
    if (s[q] < '0' || s[q] > '9') return {0, {}};
  }
  if (c != std::string_view::npos) {
    if (c == 0 || c > 2 || s.size() - c - 1 != 2) return {0, {}};
    h = to_int(s.substr(0, c));
    mi = to_int(s.substr(c + 1));
    colon = true;
  } else if (s.size() <= 2) {
    // a bare number is a time only with a marker or zone after it, all words of phrases
    if (in_no_phrase(t, i + 1)) return {0, {}};
    h = to_int(s);
  } else if (s.size() == 4) {
    // military time only with a zone: "0735 GMT"
    if (!zone_at(t, i + 1, sc)) return {0, {}};
    h = to_int(s.substr(0, 2));
    mi = to_int(s.substr(2));
    colon = true;
  } else {
    return {0, {}};
  }
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return {0, {}};
  std::size_t k = i + 1;
  // most numbers are followed by no marker: none of the tables below matches
  if (!clock_marker_may_start(t, k)) {
    if (!colon || dotted) return {0, {}};
    return {k, {static_cast<unsigned>(h), static_cast<unsigned>(mi), false}};
  }
  bool marked = false;
  if (dotted && !am.match(t, k, sc).length && !pm.match(t, k, sc).length) return {0, {}};
  if (auto m = am.match(t, k, sc); m.length) {
    if (h < 1 || h > 12) return {0, {}};
    if (h == 12) h = 0;
    k += m.length;
    marked = true;
  } else if (auto m2 = pm.match(t, k, sc); m2.length) {
    if (h < 1 || h > 12) return {0, {}};
    if (h != 12) h += 12;
    k += m2.length;
    marked = true;
  } else if (auto m3 = oclock.match(t, k, sc); m3.length) {
    if (h < 1 || h > 12) return {0, {}};
    k += m3.length;
    marked = true;
  } else if (auto m4 = am_tails.match(t, k, sc); m4.length && !colon && h >= 1 && h <= 12) {
    // "4 in the morning"
    if (h == 12) h = 0;
    k += m4.length;
    marked = true;
  } else if (auto m5 = pm_tails.match(t, k, sc); m5.length && !colon && h >= 5 && h <= 12) {
    // "8 in the evening", "11 at night"
    if (h != 12) h += 12;
    k += m5.length;
    marked = true;
  }
  bool utc = false;
  if (zone_at(t, k, sc)) {
    utc = utc_zones.match(t, k, sc).length > 0;
    ++k;
    marked = true;
  }
  if (!marked && !colon) return {0, {}};
  if (!marked && colon) {
    // "3:30" alone is a clock time only after "at"-like context; scores ("3:1") excluded
    // by the two-digit minutes rule above. Accept.
  }
  return {k, {static_cast<unsigned>(h), static_cast<unsigned>(mi), utc}};
}

// ---- rules -----------------------------------------------------------------------------

// [the] [mod] [shift] MONTH [day] [,] [year] | MONTH [of] YEAR | mid-MONTH
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_month(Tokens t,
                                                                            std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  Hit h;
  h.first = i;
  std::size_t k = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  bool cued = false;
  // "the week of March 18", "the weekend of June 1" (a day must follow); "the first week
  // of June", "the last week of March" (no day: week_ordinal picks it below)
  int week_ordinal = 0;  // 1..4, -1 for the last
  if (auto d = determiners.match(t, k, sc); d.length) {
    std::size_t w = k + d.length;
    if (auto [oe, ov] = read_ordinal(t, w); oe && ov >= 1 && ov <= 4) {
      week_ordinal = ov;
      w = oe;
    } else if (auto lo = last_ordinals.match(t, w, sc); lo.length) {
      week_ordinal = -1;
      w += lo.length;
    }
    if (auto u = read_unit(t, w, sc);
        u.end && !u.plural &&
        (u.unit == Unit::week || (u.unit == Unit::weekend && !week_ordinal)) && is_word(t, u.end) &&
        t[u.end].lower == "of" && read_month(t, u.end + 1, true).first) {
      r.period_of = u.unit;
      k = u.end + 1;
      cued = true;
    } else {
      week_ordinal = 0;
    }
  }
  if (auto m = modifiers.match(t, k, sc); m.length && r.period_of == Unit::none) {
    r.mod = static_cast<Mod>(m.value);
    k += m.length;
    if (in(t, k) && is_hyphen(t[k])) ++k;
    cued = true;
  }
  if (auto s = shifters.match(t, k, sc); s.length && is_word(t, k)) {
    // "last May", "next March", "this September"
    auto [e, mo] = read_month(t, k + s.length, true);
    if (e) {
      r.shift = static_cast<Shift>(s.value);
      k += s.length;
      cued = true;
    }
  }
  auto [e, mo] = read_month(t, k, cued);
  if (!e) return std::nullopt;
  r.month = mo;
  k = e;
  if (auto [de, d] = read_day_number(t, k); de && r.shift == Shift::none) {
    // not "May 5 percent", not "March 3:30"
    if (!(is_word(t, de) && units.match(t, de, sc).length) && !is_punct(t, de, "%")) {
      r.day = d;
      k = de;
    }
  }
  {
    std::size_t y = k;
    // "February 18-20, 2025": the range's year is the first day's (the tag stays
    // "February 18"; tag() reads "20, 2025" as the range's second day)
    const std::size_t range_end = r.day ? range_day_end(t, k, *r.day) : 0;
    if (range_end) y = range_end;
    if (r.day && is_punct(t, y, ",")) ++y;
    if (!r.day && is_word(t, y) && t[y].lower == "of") ++y;  // "February of 2025"
    // "in April, 1986": a comma then a year that ends the phrase
    if (!r.day && is_punct(t, y, ",") && read_year(t, y + 1, false).first &&
        (!in(t, y + 2) || is_any_punct(t, y + 2)))
      ++y;
    if (auto [ye, yv] = read_year(t, y, false); ye && r.shift == Shift::none) {
      r.year = yv;
      if (!range_end) k = ye;
    }
  }
  if (!r.year && r.shift == Shift::none) {
    // "January this year", "June last year"
    if (auto s = shifters.match(t, k, sc); s.length == 1) {
      if (auto u = read_unit(t, k + 1, sc); u.end && u.unit == Unit::year && !u.plural) {
        const auto sh = static_cast<Shift>(s.value);
        r.year_shift = sh == Shift::next ? 1 : sh == Shift::last ? -1 : 0;
        k = u.end;
      }
    }
  }
  if (r.day) {
    // a day the month has in some year ("February 29, 2023" is read, resolve() decides)
    date::year_month_day ymd{date::year{2000}, date::month{*r.month}, date::day{*r.day}};
    if (!ymd.ok()) return std::nullopt;
    r.mod = Mod::none;
    // "March 19 at 9 a.m.", "March 19, 2013, at 9 a.m."
    const std::size_t a = is_punct(t, k, ",") ? k + 1 : k;
    if (is_word(t, a) && t[a].lower == "at") {
      if (auto [ce, ct] = read_clock(t, a + 1); ce) {
        r.clock = ct;
        k = ce;
      }
    }
  }
  if (week_ordinal) {
    if (r.day || !r.month) return std::nullopt;
    // the nth week of a month is the one holding its (7n - 3)th day, the last the one
    // holding its last day but three: each has at least four days in the month (as ISO
    // counts a year's first week); a non-leap year gives February's length
    const auto last = date::year{2001} / date::month{*r.month} / date::last;
    r.day = week_ordinal > 0 ? static_cast<unsigned>(7 * week_ordinal - 3)
                             : static_cast<unsigned>(last.day()) - 3;
  }
  if (r.period_of != Unit::none && (!r.day || r.clock)) return std::nullopt;
  h.end = k;
  return h;
}

// [the] DAY [of] MONTH [year]: "18 February 2025", "the 18th of February".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_day_month(
    Tokens t, std::size_t i) const {
  std::size_t k = i;
  if (auto d = determiners.match(t, k); d.length) k += d.length;
  auto [de, day] = read_day_number(t, k);
  if (!de) return std::nullopt;
  k = de;
  // "18-20 February 2025": the first day of a range takes the month and year after it
  const std::size_t range_end = range_day_end(t, k, day);
  if (range_end) k = range_end;
  if (is_word(t, k) && t[k].lower == "of") ++k;
  auto [me, mo] = read_month(t, k, true);
  if (!me) return std::nullopt;
  k = me;
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  r.month = mo;
  r.day = day;
  std::size_t y = k;
  if (is_punct(t, y, ",")) ++y;
  if (auto [ye, yv] = read_year(t, y, false); ye) {
    r.year = yv;
    k = ye;
  }
  date::year_month_day ymd{date::year{2000}, date::month{mo}, date::day{day}};
  if (!ymd.ok()) return std::nullopt;
  h.end = range_end ? de : k;
  return h;
}

// "2025-02-18", "1987", "fiscal 1989", "the 1990s", "mid-1990s", "the 20th century".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_numeric(
    Tokens t, std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  // A plain number ("300", "1,500", "2.5"; not four digits, not an ordinal "21st", not two
  // digits after an apostrophe: "'82") is no date, decade, century or year: every reading
  // below needs another shape, or a modifier, determiner or fiscal word at i.
  const std::uint32_t at_i = classes_of(t, i, sc);
  // A spelled number of no other class reads a year only with a number word, "thousand" or
  // an ordinal after it ("nineteen ninety-six", "two thousand", "twenty-first century"):
  // not "two analysts", "five pct"
  if ((at_i & kNumberWord) &&
      !(at_i & (kModifier | kDeterminer | kFiscalWord | kDecadeWord | kOrdinalWord | kUnitWord)) &&
      is_word(t, i) &&
      !(in(t, i + 1) &&
        (is_hyphen(t[i + 1]) || (classes_of(t, i + 1, sc) & (kNumberWord | kOrdinalWord)) ||
         thousand.match(t, i + 1, sc).length)))
    return std::nullopt;
  if (is_num(t, i)) {
    const std::string_view s = t[i].lower;
    std::size_t d = 0;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    if (plain_number(t, i, d) &&
        (!(at_i & (kModifier | kDeterminer | kFiscalWord)) ||
         (!modifiers.match(t, i, sc).length && !determiners.match(t, i, sc).length &&
          !fiscal.match(t, i, sc).length)))
      return std::nullopt;
  }
  std::size_t k = i;
  bool det = false;
  Mod mod = Mod::none;
  if (auto m = at_i & kModifier ? modifiers.match(t, k, sc) : PhraseMatch{}; m.length) {
    mod = static_cast<Mod>(m.value);
    k += m.length;
    if (in(t, k) && is_hyphen(t[k])) ++k;
  } else if (auto d = at_i & kDeterminer ? determiners.match(t, k, sc) : PhraseMatch{}; d.length) {
    k += d.length;
    det = true;
    if (auto m2 = modifiers.match(t, k, sc); m2.length) {
      mod = static_cast<Mod>(m2.value);
      k += m2.length;
      if (in(t, k) && is_hyphen(t[k])) ++k;
    }
  }
  // Every reading below starts at k with a number, an apostrophe, a spelled number or
  // ordinal, a decade word, a fiscal word or a unit ("the year two thousand"): "the"
  // before a noun reads nothing.
  if (!((k == i ? at_i : classes_of(t, k, sc)) &
        (kNumberToken | kNumberWord | kOrdinalWord | kDecadeWord | kFiscalWord | kUnitWord)) &&
      !is_punct(t, k, "'") && !is_punct(t, k, "\xE2\x80\x99"))
    return std::nullopt;
  // four digits ("1987", "mid-1988"): of the shapes below, only a year
  if (is_num(t, k) && t[k].lower.size() == 4 && all_digits(t[k].lower)) {
    if (det && mod == Mod::none) return std::nullopt;  // "the 1987 budget"
    if (auto [ye, yv] = read_year(t, k, mod == Mod::none); ye) {
      Hit h;
      h.first = i;
      h.rel.kind = RelativeDate::Kind::calendar;
      h.rel.mod = mod;
      h.rel.year = yv;
      h.end = ye;
      return h;
    }
    return std::nullopt;
  }
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  r.mod = mod;
  // ISO day
  if (is_num(t, k) && !det && r.mod == Mod::none) {
    date::sys_days d;
    if (cal::parse_iso_day(t[k].lower, d)) {
      date::year_month_day ymd{d};
      r.year = static_cast<int>(ymd.year());
      r.month = static_cast<unsigned>(ymd.month());
      r.day = static_cast<unsigned>(ymd.day());
      h.end = k + 1;
      return h;
    }
    // "3/22/2013", "7/8/07": month first as in American news, day first when the first
    // number cannot be a month ("22/03/2013"); a two-digit year is 2000-2049 or 1950-1999
    if (auto sd = slash_date(t[k].lower)) {
      r.year = sd->year;
      r.month = sd->month;
      r.day = sd->day;
      h.end = k + 1;
      return h;
    }
  }
  // a span of years written as one token: "the 2012-13 season", "2011-2012", "2013/14": its first
  // year (the next one or up to twenty later; "1990-95")
  if (is_num(t, k) && r.mod == Mod::none) {
    std::string_view s = t[k].lower;
    if ((s.size() == 7 || s.size() == 9) && (s[4] == '-' || s[4] == '/') && all_digits(s.substr(0, 4)) &&
        all_digits(s.substr(5))) {
      const int y1 = to_int(s.substr(0, 4));
      int y2 = to_int(s.substr(5));
      if (s.size() == 7) {
        y2 += y1 / 100 * 100;
        if (y2 <= y1) y2 += 100;  // "1999-00"
      }
      if (y1 >= 1900 && y1 <= 2099 && y2 > y1 && y2 - y1 <= 20) {
        r.year = y1;
        h.first = k;
        h.end = k + 1;
        return h;
      }
    }
  }
  // decade "1990s"
  if (is_num(t, k)) {
    std::string_view s = t[k].lower;
    if (s.size() == 5 && s.back() == 's' && all_digits(s.substr(0, 4)) && s[3] == '0') {
      r.decade = to_int(s.substr(0, 3));
      h.end = k + 1;
      return h;
    }
  }
  // a decade of the 1900s written short: "the 70s", "the '80s", "the nineties" (not "in
  // his 30s": an age)
  if (i == 0 || !age_possessives.match(t, i - 1, sc).length) {
    std::size_t d = k;
    if (is_punct(t, d, "'") || is_punct(t, d, "\xE2\x80\x99")) ++d;
    // (not the end of a hyphenated name: "KC-30s" are tankers; "mid-70s" is read above)
    const bool named = d == i && i >= 2 && is_hyphen(t[i - 1]) && is_word(t, i - 2) &&
                       !modifiers.match(t, i - 2, sc).length;
    if (!named && is_num(t, d)) {
      std::string_view s = t[d].lower;
      if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
      if (s.size() == 3 && s[0] >= '1' && s[0] <= '9' && s[1] == '0' && s[2] == 's') {
        r.decade = 190 + (s[0] - '0');
        h.end = d + 1;
        return h;
      }
    }
    if (auto dw = decade_words.match(t, k, sc); dw.length && (det || r.mod != Mod::none)) {
      r.decade = 190 + dw.value;
      h.end = k + dw.length;
      return h;
    }
  }
  // a year written short after a year cue: "lowest level since '82", "in '99" (1950-1999
  // or 2000-2049, as slash dates); the apostrophe is part of the expression
  if (!det && r.mod == Mod::none && k == i && is_num(t, k)) {
    std::string_view s = t[k].lower;
    std::size_t first = i;
    bool apostrophe = false;
    if (!s.empty() && s.front() == '\'') {
      s.remove_prefix(1);
      apostrophe = true;
    } else if (i > 0 && (is_punct(t, i - 1, "'") || is_punct(t, i - 1, "\xE2\x80\x99")) &&
               t[i - 1].span.end == t[i].span.begin) {
      first = i - 1;
      apostrophe = true;
    }
    if (apostrophe && s.size() == 2 && all_digits(s) && first > 0 && is_word(t, first - 1) &&
        early_year_cues.count(t[first - 1].lower) &&
        (!in(t, k + 1) || !is_word(t, k + 1) || early_year_followers.count(t[k + 1].lower))) {
      const int yy = to_int(s);
      r.year = short_year(yy);
      h.first = first;
      h.end = k + 1;
      return h;
    }
  }
  // century: "the 20th century", "the twentieth century"
  if (auto [oe, ov] = read_ordinal(t, k);
      oe && ov >= 1 && ov <= 30 && century_words.match(t, oe, sc).length) {
    r.century = ov - 1;
    h.end = oe + century_words.match(t, oe, sc).length;
    return h;
  }
  if (det && r.mod == Mod::none) {
    // "the year two thousand"
    if (auto u = read_unit(t, k, sc); u.end && u.unit == Unit::year && !u.plural) {
      if (auto [ye, yv] = read_spelled_year(t, u.end); ye) {
        r.year = yv;
        h.end = ye;
        return h;
      }
    }
    return std::nullopt;  // "the 1987 budget": the year alone, from its own token
  }
  // "FY23", "FY2022"
  if (auto [ce, cv] = (k == i ? at_i : classes_of(t, k, sc)) & kFiscalWord
                          ? read_fiscal_code(t, k)
                          : std::pair{std::size_t{0}, 0};
      ce) {
    r.fiscal = true;
    r.year = cv;
    h.end = ce;
    // "FY22-FY23": a span of fiscal years, its first (as "2011-2012")
    if (in(t, ce) && is_range_dash(t[ce]))
      if (auto [ce2, cv2] = read_fiscal_code(t, ce + 1); ce2 && cv2 > cv && cv2 - cv <= 20)
        h.end = ce2;
    return h;
  }
  if (auto [ye, yv] = read_spelled_year(t, k); ye) {
    r.year = yv;
    h.end = ye;
    return h;
  }
  // "fiscal 1989", "fiscal year 2013"
  std::size_t y = k;
  if (auto f = fiscal.match(t, y, sc); f.length) {
    y += f.length;
    r.fiscal = true;
    if (auto fu = read_unit(t, y, sc);
        fu.end && fu.unit == Unit::year && !fu.plural && read_year(t, fu.end, false).first)
      y = fu.end;
  }
  if (auto [ye, yv] = read_year(t, y, !r.fiscal && r.mod == Mod::none); ye) {
    r.year = yv;
    h.end = ye;
    return h;
  }
  if (auto [ye, yv] = r.fiscal ? read_short_fiscal_year(t, y) : std::pair{std::size_t{0}, 0}; ye) {
    r.year = yv;
    h.end = ye;
    return h;
  }
  return std::nullopt;
}

// [shift] WEEKDAY [, date] [part] ['s] [at clock]
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_weekday(
    Tokens t, std::size_t i) const {
  Hit h;
  h.first = i;
  std::size_t k = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::weekday;
  // "late Friday" keeps its modifier; "earlier Friday" does not (TimeBank extents)
  if (auto m = day_modifier(t, k); m && read_weekday(t, k + m).first) {
    k += m;
    if (relmods.match(t, i).length) h.first = k;
  }
  std::size_t shift_at = k, shift_len = 0;
  if (auto s = shifters.match(t, k); s.length && is_word(t, k)) {
    if (read_weekday(t, k + s.length).first) {
      r.shift = static_cast<Shift>(s.value);
      // "the previous Friday": the Friday before the day the text last named
      if (anaphoric_shifters.match(t, k).length == s.length) r.anchor = AnchorRef::last_explicit;
      shift_len = s.length;
      k += s.length;
    }
  }
  const std::size_t wk = k;
  auto [we, wd] = read_weekday(t, k);
  if (!we) return std::nullopt;
  r.weekday = wd;
  k = we;
  // "Tuesday, Feb. 18, 2025" / "Tuesday 18 February" / "next Tuesday, March 26": the date
  // wins, the weekday agrees.
  {
    std::size_t d = k;
    if (is_punct(t, d, ",")) ++d;
    std::optional<Hit> date = rule_month(t, d);
    if (!date || !date->rel.day) date = rule_day_month(t, d);
    // "Edmonton Sun, August 16, 2008" (a Saturday): a short form that a dated day with its
    // year contradicts is a name, the date is read on its own
    if (date && date->rel.day && date->rel.month && date->rel.year &&
        weekday_abbr.count(t[wk].lower)) {
      const date::year_month_day ymd{date::year{*date->rel.year}, date::month{*date->rel.month},
                                     date::day{*date->rel.day}};
      if (ymd.ok() && date::weekday{date::sys_days{ymd}} != wd) return std::nullopt;
    }
    if (date && date->rel.day) {
      RelativeDate weekday_kept = date->rel;
      weekday_kept.weekday = wd;
      r = weekday_kept;
      k = date->end;
    }
  }
  if (auto p = parts.match(t, k); p.length) {
    r.part = static_cast<PartOfDay>(p.value);
    k += p.length;
  }
  if (is_possessive(t, k)) {
    h.possessive = true;
    // "Following Sunday's battle", "rates fell following Wednesday's cut": a preposition
    // before the weekday's possessive, not a shift ("the following Sunday")
    if (shift_len && r.shift != Shift::none &&
        preposition_shifters.match(t, shift_at).length == shift_len) {
      r.shift = Shift::none;
      h.first = std::max(h.first, shift_at + shift_len);
    }
  } else {
    // "Tuesday at 9 a.m.", "Tuesday, March 19, at 9 a.m."
    const std::size_t a = is_punct(t, k, ",") ? k + 1 : k;
    if (is_word(t, a) && t[a].lower == "at") {
      if (auto [ce, ct] = read_clock(t, a + 1); ce) {
        r.clock = ct;
        k = ce;
      }
    }
  }
  h.end = k;
  return h;
}

// today, tonight, yesterday [morning], tomorrow [at noon]; "late yesterday".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_named(Tokens t,
                                                                            std::size_t i) const {
  std::size_t k = i;
  // (a modifier is one word: the day after it starts a named day, or there is none)
  if (classes_of(t, i + 1) & kNamedDayWord) {
    if (auto m = day_modifier(t, k); m && named_days.match(t, k + m).length) {
      k += m;  // "late yesterday": the modifier is part of the extent, the day stays
    }
  }
  auto n = named_days.match(t, k);
  if (!n.length) return std::nullopt;
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  k += n.length;
  r.kind = RelativeDate::Kind::offset;
  r.unit = Unit::day;
  r.anchor = AnchorRef::publication;
  int v = n.value;
  if (v == 100) {  // tonight
    v = 0;
    r.part = PartOfDay::night;
  }
  r.count = std::abs(v);
  r.direction = v < 0 ? Direction::backward : v > 0 ? Direction::forward : Direction::none;
  if (r.part == PartOfDay::none) {
    if (auto p = parts.match(t, k); p.length) {
      r.part = static_cast<PartOfDay>(p.value);
      k += p.length;
    }
  }
  // "the people of tomorrow", "the jobs of tomorrow": the time to come, not a day (not "as
  // of tomorrow", "the data for tomorrow's report")
  if (v == 1 && k == i + n.length && r.part == PartOfDay::none && !is_possessive(t, k) && i > 0 &&
      is_word(t, i - 1) && generic_tomorrow_leads.count(t[i - 1].lower) &&
      !(i > 1 && is_word(t, i - 2) && generic_tomorrow_blockers.count(t[i - 2].lower)))
    return std::nullopt;
  if (is_possessive(t, k)) {
    // "today's youth", "today's personal computers": the present age, not a day
    if (v == 0 && r.part == PartOfDay::none && generic_today.match(t, k + 1).length)
      return std::nullopt;
    h.possessive = true;
  } else if (is_word(t, k) && t[k].lower == "at") {
    if (auto [ce, ct] = read_clock(t, k + 1); ce) {
      r.clock = ct;
      k = ce;
    }
  }
  h.end = k;
  return h;
}

// [earlier|later|mod] [the] SHIFT UNIT [of YEAR]: "this week", "earlier this year",
// "the end of the month", "the weekend", "last night", "this summer", "next spring".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_period(
    Tokens t, std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  Hit h;
  h.first = i;
  std::size_t k = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::period;
  const std::uint32_t at_i = classes_of(t, i, sc);
  // "by year-end", "by year's end": the end of this year (not "year-end net")
  if (auto u = at_i & kUnitWord ? read_unit(t, i, sc) : UnitRead{};
      u.end && !u.plural && (u.unit == Unit::year || u.unit == Unit::month)) {
    std::size_t e = u.end;
    if (in(t, e) && (is_hyphen(t[e]) || t[e].lower == "'s")) ++e;
    if (is_word(t, e) && unit_ends.match(t, e, sc).length == 1 && !is_word(t, e + 1)) {
      r.unit = u.unit;
      r.shift = Shift::this_;
      r.mod = Mod::end;
      h.end = e + 1;
      return h;
    }
  }
  // "the following year", "that month", "later that year": from the text's last date
  if (auto ap = at_i & kAnchoredPeriod ? anchored_periods.match(t, k, sc) : PhraseMatch{};
      ap.length) {
    if (auto u = read_unit(t, k + ap.length, sc);
        u.end && !u.plural &&
        (u.unit == Unit::week || u.unit == Unit::month || u.unit == Unit::year) &&
        !(in(t, u.end) && is_hyphen(t[u.end])) &&  // "that year-end"
        !(is_word(t, u.end) && (t[u.end].lower == "of" || off_before.match(t, u.end, sc).length ||
                                off_after.match(t, u.end, sc).length))) {
      r.shift = ap.value > 0 ? Shift::next : ap.value < 0 ? Shift::last : Shift::none;
      r.unit = u.unit;
      r.anchor = AnchorRef::last_explicit;
      h.end = u.end;
      // "the same month a year ago", "the same period last year": a year back
      if (u.unit != Unit::year) {
        Count c = read_count(t, u.end);
        if (auto y = read_unit(t, c.end, sc);
            c.end && c.value && y.end && y.unit == Unit::year &&
            (off_ago.match(t, y.end, sc).length || off_before.match(t, y.end, sc).length == 1)) {
          r.year_shift = -*c.value;
          h.end = y.end + 1;
        } else if (auto sh = shifters.match(t, u.end, sc);
                   sh.length == 1 && static_cast<Shift>(sh.value) == Shift::last) {
          if (auto y2 = read_unit(t, u.end + 1, sc);
              y2.end && y2.unit == Unit::year && !y2.plural) {
            r.year_shift = -1;
            h.end = y2.end;
          }
        }
      }
      return h;
    }
  }
  // "this time last year", "the same time next month": the period's own reading
  if (auto tl = at_i & kTimeLead ? time_leads.match(t, k, sc) : PhraseMatch{}; tl.length) {
    if (auto sh = shifters.match(t, k + tl.length, sc);
        sh.length && static_cast<Shift>(sh.value) != Shift::this_) {
      if (auto u = read_unit(t, k + tl.length + sh.length, sc); u.end && !u.plural) k += tl.length;
    }
  }
  bool mod_phrase = false;
  const std::uint32_t at_mod = k == i ? at_i : classes_of(t, k, sc);
  if (auto m = at_mod & kRelativeModifier ? relmods.match(t, k, sc) : PhraseMatch{}; m.length) {
    r.mod = static_cast<Mod>(m.value);
    k += m.length;
    // "earlier in the year", "later in the month": this week/month/year
    if (auto in_the = relmod_links.match(t, k, sc); in_the.length) {
      if (auto u = read_unit(t, k + in_the.length, sc);
          u.end && !u.plural &&
          (u.unit == Unit::week || u.unit == Unit::month || u.unit == Unit::year)) {
        r.shift = Shift::this_;
        k += in_the.length;
      }
    }
  } else if (auto m2 = at_mod & kModifier ? modifiers.match(t, k, sc) : PhraseMatch{}; m2.length) {
    r.mod = static_cast<Mod>(m2.value);
    k += m2.length;
    if (in(t, k) && is_hyphen(t[k])) ++k;
    mod_phrase = true;
  }
  bool det = false;
  const std::uint32_t at_shift = k == i ? at_i : classes_of(t, k, sc);
  if (auto s = at_shift & kShifter ? shifters.match(t, k, sc) : PhraseMatch{}; s.length) {
    r.shift = static_cast<Shift>(s.value);
    k += s.length;
  } else if (auto d = at_shift & kDeterminer ? determiners.match(t, k, sc) : PhraseMatch{};
             d.length) {
    det = true;
    k += d.length;
    if (auto s2 = shifters.match(t, k, sc); s2.length) {
      r.shift = static_cast<Shift>(s2.value);
      k += s2.length;
      det = false;
    }
  }
  // "this fiscal year", "the current fiscal quarter": the year or quarter so named
  if (r.shift != Shift::none) {
    if (auto f = fiscal.match(t, k, sc); f.length) {
      if (auto fu = read_unit(t, k + f.length, sc);
          fu.end && !fu.plural && (fu.unit == Unit::year || fu.unit == Unit::quarter))
        k += f.length;
    }
  }
  // "later this week" only ("the rest of the week" is a modifier phrase)
  if ((r.mod == Mod::earlier || r.mod == Mod::later) && !mod_phrase) {
    if (r.shift != Shift::this_) return std::nullopt;
  }
  // "this past weekend"
  if (r.shift == Shift::this_) {
    if (auto s = shifters.match(t, k, sc); s.length && static_cast<Shift>(s.value) == Shift::last) {
      r.shift = Shift::last;
      k += s.length;
    }
  }
  // season: "this summer", "last fall", "the summer of 1998", "summer 2024"
  if (auto se = seasons.match(t, k, sc); se.length && is_word(t, k)) {
    RelativeDate c;
    c.kind = RelativeDate::Kind::calendar;
    c.season = static_cast<Season>(se.value);
    c.mod = r.mod == Mod::earlier || r.mod == Mod::later ? Mod::none : r.mod;
    c.shift = r.shift;
    std::size_t e = k + se.length;
    std::size_t y = e;
    if (is_word(t, y) && t[y].lower == "of") ++y;
    if (auto [ye, yv] = read_year(t, y, false); ye && c.shift == Shift::none) {
      c.year = yv;
      e = ye;
    }
    // "in the summer", "over the summer," "throughout the winter." (not "over the spring
    // thaw": after these the season ends the phrase)
    const bool cue_before =
        i > 0 && (month_cues.match(t, i - 1, sc).length == 1 ||
                  (duration_preps_the.match(t, i - 1, sc).length == 1 && !is_word(t, e)));
    if (c.shift == Shift::none && !c.year && !mod_phrase && !(det && cue_before) &&
        !(cue_before && t[k].lower != "fall" && t[k].lower != "spring"))
      return std::nullopt;
    r = c;
    h.end = e;
    return h;
  }
  // "last night", "this morning"
  if (auto p = parts.match(t, k, sc); p.length && r.shift != Shift::none && !det) {
    if ((r.mod == Mod::earlier || r.mod == Mod::later) && r.shift != Shift::this_)
      return std::nullopt;
    RelativeDate o;
    o.kind = RelativeDate::Kind::offset;
    o.unit = Unit::day;
    o.part = static_cast<PartOfDay>(p.value);
    o.count = r.shift == Shift::this_ ? 0 : 1;
    o.direction = r.shift == Shift::last   ? Direction::backward
                  : r.shift == Shift::next ? Direction::forward
                                           : Direction::none;
    if (r.shift == Shift::next) o.anchor = AnchorRef::publication;
    r = o;
    h.end = k + p.length;
    return h;
  }
  // A part of the day with no day named: "by mid afternoon", "late afternoon", "in the
  // morning" (the day of the story, the last day the text names); "mid-afternoon
  // yesterday" (that day). Not "the morning of Oct. 23" (the day follows) nor "the night
  // the flight went down" (no preposition before "the").
  if (auto p = parts.match(t, k, sc); p.length && r.shift == Shift::none && is_word(t, k)) {
    const bool part_mod =
        mod_phrase && !det && (r.mod == Mod::early || r.mod == Mod::mid || r.mod == Mod::late);
    const bool after_prep =
        det && !mod_phrase && i > 0 && part_preps.match(t, i - 1, sc).length == 1;
    std::size_t e = k + p.length;
    // the part ends the phrase: "in the evening session", "the morning papers" are nouns
    const bool ends = clause_end(t, e) || named_days.match(t, e, sc).length ||
                      (is_word(t, e) && part_phrase_ends.match(t, e, sc).length == 1);
    // "in morning trading", "in early afternoon trading": the time of a market's trading
    // (no "the" needed after the preposition)
    const bool trading =
        is_word(t, e) && part_trading_nouns.match(t, e, sc).length == 1 &&
        (part_mod || (!det && !mod_phrase && i > 0 && part_preps.match(t, i - 1, sc).length == 1));
    if (((part_mod || after_prep) && ends) || trading) {
      RelativeDate o;
      o.kind = RelativeDate::Kind::offset;
      o.unit = Unit::day;
      o.part = static_cast<PartOfDay>(p.value);
      o.anchor = AnchorRef::last_explicit;
      if (auto n = named_days.match(t, e, sc); n.length && n.value != 100) {
        o.anchor = AnchorRef::publication;
        o.count = std::abs(n.value);
        o.direction = n.value < 0   ? Direction::backward
                      : n.value > 0 ? Direction::forward
                                    : Direction::none;
        e += n.length;
      }
      r = o;
      h.end = e;
      return h;
    }
  }
  auto u = read_unit(t, k, sc);
  if (!u.end || u.plural) return std::nullopt;
  // ABC's "This Week"; not "Last Year over 4 million visitors came" (a sentence's first
  // word and the unit capitalized, a lower-case word after them)
  if (k > 0 && t[k].capitalized &&
      !(i == 0 && k == 1 && is_word(t, u.end) && !t[u.end].capitalized))
    return std::nullopt;
  switch (u.unit) {
    case Unit::day:  // only "For the day," below
    case Unit::week: case Unit::weekend: case Unit::month: case Unit::quarter:
    case Unit::year: case Unit::decade: case Unit::century: case Unit::half:
      break;
    default:
      return std::nullopt;
  }
  if (u.unit == Unit::day && r.shift != Shift::none) return std::nullopt;
  if (r.shift == Shift::none) {
    // "For the week, the index dropped 3.8%", "For the day, the Nikkei closed down": a
    // sentence opening with "for the UNIT" and a comma speaks of the current day, week,
    // month, quarter or year
    bool opening = false;
    if (det && !mod_phrase && i > 0 && period_openers.match(t, i - 1, sc).length == 1 &&
        is_punct(t, u.end, ",") &&
        (u.unit == Unit::day || u.unit == Unit::week || u.unit == Unit::month ||
         u.unit == Unit::quarter || u.unit == Unit::year)) {
      opening = true;
      for (std::size_t b = 0; b + 1 < i; ++b)
        if (t[b].kind != TokenKind::punct) opening = false;
    }
    // "the weekend"; after a modifier phrase "the end of the month" means this month (not
    // "at the end of the day", a manner of speaking)
    if (u.unit == Unit::day && !opening) return std::nullopt;
    if (!(det && (u.unit == Unit::weekend || mod_phrase || opening))) return std::nullopt;
    if (mod_phrase || opening) r.shift = Shift::this_;
  }
  if (u.unit == Unit::half && r.shift == Shift::none) return std::nullopt;
  // "the last half century", "the past half hour": a part of another unit
  if (u.unit == Unit::half && read_unit(t, u.end, sc).end) return std::nullopt;
  r.unit = u.unit;
  k = u.end;
  k += approx_tails.match(t, k, sc).length;  // "the next year or so"
  // "the end of the year 2024" / "the first quarter of next year" are handled elsewhere
  h.end = k;
  return h;
}

// [the] ORDINAL [-] quarter|half [of YEAR]: "the third quarter", "third-quarter",
// "the first half of 2024".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_ordinal_period(
    Tokens t, std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  Hit h;
  h.first = i;
  std::size_t k = i;
  bool det = false;
  if (auto d = determiners.match(t, k, sc); d.length) {
    k += d.length;
    det = true;
  }
  if (auto f = fiscal.match(t, k, sc); f.length) k += f.length;
  // "Q3 2013", "Q1 of 2013", "H2 2012" (a half only with its year)
  if (auto pc = period_codes.match(t, k, sc); pc.length == 1 && t[k].capitalized && !det) {
    RelativeDate& r = h.rel;
    r.kind = RelativeDate::Kind::calendar;
    const int n = pc.value % 10;
    if (static_cast<Unit>(pc.value / 10) == Unit::quarter) {
      if (n > 4) return std::nullopt;
      r.quarter = static_cast<unsigned>(n);
    } else {
      if (n > 2) return std::nullopt;
      r.half = static_cast<unsigned>(n);
    }
    k += 1;
    std::size_t y = k;
    if (is_word(t, y) && t[y].lower == "of") ++y;
    const std::size_t fy = fiscal.match(t, y, sc).length;  // "Q3 fiscal 2013", "Q3 FY 22"
    y += fy;
    if (auto [ye, yv] = read_year(t, y, false); ye) {
      r.year = yv;
      k = ye;
    } else if (auto [se, sv] = fy ? read_short_fiscal_year(t, y) : read_fiscal_code(t, y); se) {
      r.year = sv;  // "Q3 FY 22", "Q3 FY2022"
      k = se;
    } else if (r.half) {
      return std::nullopt;
    }
    h.end = k;
    return h;
  }
  bool article = false;  // "a second straight day"
  if (!det) {
    if (auto a = articles.match(t, k, sc); a.length) {
      k += a.length;
      article = true;
    }
  }
  auto [oe, ov] = read_ordinal(t, k);
  // "the eighth day of the operation", "for a second consecutive day", "gains for a
  // fourth straight week": the day or week the story is in. Not a first day ("on the
  // first day of the summit" is seldom today), not someone's ("his second day in
  // office"; a thing's is: "the strike entered its ninth day"), a week only with
  // "straight"/"consecutive" ("in the third week" of a month named before) or "in a row" ("gains
  // for a fourth week in a row"); not "the third day-long meeting", "the first days".
  if (oe && ov >= 2 && !(i > 0 && age_possessives.match(t, i - 1, sc).length == 1)) {
    std::size_t e = oe;
    const std::size_t adj = count_adjectives.match(t, e, sc).length;
    e += adj;
    if (auto u = read_unit(t, e, sc);
        u.end && !u.plural &&
        (u.unit == Unit::day ||
         (u.unit == Unit::week && (adj || run_tails.match(t, u.end, sc).length))) &&
        !(in(t, u.end) && (is_hyphen(t[u.end]) || is_possessive(t, u.end)))) {
      // a day or week of a named month, year or period is another date ("the first week
      // of March", "the last day of the year"): not read here
      if (std::size_t o = u.end; is_word(t, o) && t[o].lower == "of") {
        std::size_t x = o + 1 + determiners.match(t, o + 1, sc).length;
        if (read_month(t, x, true).first || read_year(t, x, false).first ||
            read_unit(t, x, sc).end || shifters.match(t, x, sc).length)
          return std::nullopt;
      }
      RelativeDate& r = h.rel;
      r.kind = RelativeDate::Kind::period;
      r.shift = Shift::this_;
      r.unit = u.unit;
      h.end = u.end;
      return h;
    }
  }
  if (article) return std::nullopt;
  bool last_of = false;  // "the last half of 1989", "the final quarter of 1990"
  if (!oe && det) {
    if (auto lo = last_ordinals.match(t, k, sc); lo.length) {
      oe = k + lo.length;
      last_of = true;
    }
  }
  if (!oe) return std::nullopt;
  k = oe;
  if (in(t, k) && is_hyphen(t[k])) {
    ++k;
    if (det) return std::nullopt;  // "the third-quarter results": read from "third"
  }
  auto u = read_unit(t, k, sc);
  if (!u.end || u.plural) return std::nullopt;
  // "of the year" after the part: the end of "the second half of the year" (0: none)
  auto of_the_year = [&](std::size_t o) -> std::size_t {
    if (!(is_word(t, o) && t[o].lower == "of")) return 0;
    const std::size_t d = determiners.match(t, o + 1, sc).length;
    auto yu = d ? read_unit(t, o + 1 + d, sc) : UnitRead{};
    return yu.end && yu.unit == Unit::year && !yu.plural && !is_possessive(t, yu.end) ? yu.end : 0;
  };
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  if (last_of) {
    // only with the year: "the last quarter" alone is the previous one (rule_period)
    if (!(is_word(t, u.end) && t[u.end].lower == "of" &&
          (read_year(t, u.end + 1, false).first || of_the_year(u.end))))
      return std::nullopt;
    ov = u.unit == Unit::quarter ? 4 : 2;
  }
  if (u.unit == Unit::quarter && ov >= 1 && ov <= 4) {
    r.quarter = static_cast<unsigned>(ov);
  } else if (u.unit == Unit::half && ov >= 1 && ov <= 2) {
    // a half of something else is no half-year: "the first half hour", "second half March
    // shipments", a game's ("scored in the second half", "the first half ended 1 - 1")
    if (auto nu = read_unit(t, u.end, sc);
        (nu.end && nu.unit != Unit::year) || read_month(t, u.end, true).first)
      return std::nullopt;
    if (!(is_word(t, u.end) && t[u.end].lower == "of"))
      for (std::size_t g = 0; g < t.size(); ++g)
        if (is_word(t, g) && game_half_cues.match(t, g).length == 1) return std::nullopt;
    r.half = static_cast<unsigned>(ov);
  } else {
    return std::nullopt;
  }
  k = u.end;
  std::size_t y = k;
  if (is_word(t, y) && t[y].lower == "of") {
    ++y;
    std::size_t fy = fiscal.match(t, y, sc).length;  // "of fiscal 2013", "of FY 23"
    y += fy;
    if (auto [ye, yv] = read_year(t, y, false); ye) {
      r.year = yv;
      k = ye;
    } else if (auto [se, sv] = fy ? read_short_fiscal_year(t, y) : read_fiscal_code(t, y); se) {
      r.year = sv;  // "of FY 23", "of FY23"
      k = se;
    } else if (auto sh = shifters.match(t, y, sc); sh.length) {
      // "the first quarter of this year", "the fourth quarter of last year"
      if (auto yu = read_unit(t, y + sh.length, sc);
          yu.end && yu.unit == Unit::year && !yu.plural) {
        const auto shift = static_cast<Shift>(sh.value);
        r.year_shift = shift == Shift::last ? -1 : shift == Shift::next ? 1 : 0;
        k = yu.end;
      }
    } else if (const std::size_t ye = of_the_year(k)) {
      k = ye;  // "the second half of the year": the year the part is read in (the tense's)
    }
    // "the second half of February", "the first half of its commitment", "the second half
    // of the two-week period": a half of no year ("the first half of the fiscal year", "the
    // first half of FY 2022" are)
    if (r.half && k == u.end) {
      bool year_named = false;
      for (std::size_t x = y; x < t.size() && x < y + 5 && !year_named; ++x)
        if (auto yu = read_unit(t, x, sc);
            (yu.end && yu.unit == Unit::year) || read_year(t, x, false).first)
          year_named = true;
        else if (!is_word(t, x))
          break;
      if (!year_named) return std::nullopt;
    }
  }
  h.end = k;
  return h;
}

// A period of a named year: "the 1988 third quarter", "this year's third quarter", "next
// year's first half"; "the 1988 period", "last year's quarter" are the reported quarter
// (as in rule_reporting) of that year.
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_year_period(
    Tokens t, std::size_t i) const {
  if (!is_word(t, i) && !is_num(t, i)) return std::nullopt;
  std::size_t k = i;
  bool det = false;
  if (auto d = determiners.match(t, k); d.length) {
    k += d.length;
    det = true;
  }
  // a year is four digits here (a spelled one is not read)
  const auto [ye, yv] = is_num(t, k) && t[k].lower.size() == 4 ? read_year(t, k, false)
                                                               : std::pair<std::size_t, int>{};
  if (!ye && det) return std::nullopt;  // "the 1987 quarter" only
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  if (ye) {
    r.year = yv;
    k = ye;
    if (is_possessive(t, k)) ++k;
  } else if (auto s = shifters.match(t, k); s.length) {
    auto u = read_unit(t, k + s.length);
    if (!u.end || u.unit != Unit::year || u.plural || !is_possessive(t, u.end)) return std::nullopt;
    const auto sh = static_cast<Shift>(s.value);
    r.year_shift = sh == Shift::next ? 1 : sh == Shift::last ? -1 : 0;
    k = u.end + 1;
  } else {
    return std::nullopt;
  }
  std::optional<int> ord;
  if (auto [oe, ov] = read_ordinal(t, k); oe) {
    ord = ov;
    k = oe;
    if (in(t, k) && is_hyphen(t[k])) ++k;
  }
  if (auto u = read_unit(t, k); u.end && !u.plural && u.unit == Unit::quarter) {
    if (ord && (*ord < 1 || *ord > 4)) return std::nullopt;
    if (ord)
      r.quarter = static_cast<unsigned>(*ord);
    else
      r.reporting = true;
    k = u.end;
  } else if (u.end && !u.plural && u.unit == Unit::half && ord && *ord >= 1 && *ord <= 2) {
    r.half = static_cast<unsigned>(*ord);
    k = u.end;
  } else if (auto rn = reporting_nouns.match(t, k); rn.length && !ord) {
    r.reporting = true;
    k += rn.length;
  } else {
    return std::nullopt;
  }
  h.end = k;
  return h;
}

// Counted units: "three days ago", "two years earlier", "in two weeks" (shift), "the past
// three years", "a four-day visit", "three days" (durations).
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_count(Tokens t,
                                                                            std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  const std::uint32_t at_i = classes_of(t, i, sc);
  // a word of none of the classes that lead a count or its unit ("year" alone or of "last
  // year"): no count, article, shifter or determiner at it, so only a long unit
  // ("yearlong"), "UNIT-long" or a bare plural ("for years") reads on (below); a singular
  // unit reads nothing
  constexpr std::uint32_t kCountLeads = kArticle | kFraction | kDeterminer | kApproximator |
                                        kShifter | kNumberWord | kVagueCount | kNumberToken;
  if (!(at_i & kCountLeads) && !is_num(t, i) && !long_units.match(t, i, sc).length) {
    const UnitRead u = read_unit(t, i, sc);
    if (!u.end || (!u.plural && !(in(t, u.end) && is_hyphen(t[u.end])))) return std::nullopt;
  }
  Hit h;
  h.first = i;
  std::size_t k = i;
  RelativeDate& r = h.rel;
  // "half a century", "a half-century", "a quarter-century": that part of the unit, in
  // the next smaller one
  // "the first half hour", "the next half hour": a half of an hour or minute after a
  // determiner and "first" or a shifter (det_first: the token after those)
  std::size_t det_first = 0;
  if (!(at_i & (kArticle | kFraction)) && (at_i & kDeterminer) &&
      (classes_of(t, i + 1, sc) & (kOrdinalWord | kShifter))) {
    if (auto d = determiners.match(t, i, sc); d.length) {
      const std::size_t x = i + d.length;
      if (auto [oe, ov] = read_ordinal(t, x); oe && ov == 1)
        det_first = oe;
      else if (auto sh = shifters.match(t, x, sc); sh.length)
        det_first = x + sh.length;
    }
  }
  // "nearly half an hour": a hedge kept inside, as before a count (below)
  std::size_t fa = 0;
  if ((at_i & kApproximator) && !det_first)
    if (auto a = approximators.match(t, i, sc);
        a.length && (classes_of(t, i + a.length, sc) & kFraction))
      fa = a.length;
  if ((at_i & (kArticle | kFraction)) || det_first || fa) {
    std::size_t f = det_first ? det_first : i + fa + articles.match(t, i + fa, sc).length;
    if (auto fw = fractions.match(t, f, sc); fw.length && is_word(t, f)) {
      std::size_t g = f + fw.length;
      bool linked = false;
      if (f == i + fa && fw.value == 2 &&
          articles.match(t, g, sc).length) {  // not "the quarter a year ago"
        g += articles.match(t, g, sc).length;
        linked = true;
      } else if (f > i + fa && in(t, g) && is_hyphen(t[g])) {  // with its article
        ++g;
        linked = true;
      } else if (f > i + fa && is_word(t, g) && !t[g].capitalized) {  // "a quarter century"
        linked = true;
      }
      if (auto u = read_unit(t, g, sc);
          linked && u.end && !u.plural &&
          (!det_first || u.unit == Unit::hour || u.unit == Unit::minute)) {
        const auto smaller = smaller_unit(u.unit);
        if (smaller.second && smaller.second % fw.value == 0) {
          r.kind = RelativeDate::Kind::duration;
          r.unit = smaller.first;
          r.count = smaller.second / fw.value;
          h.end = u.end;
          return h;
        }
      }
    }
  }
  bool prefixed = false;  // "the past", "the next", "the first", "the"
  bool determined = false;  // (by a determiner: "the", "the first")
  // "in nearly five months"
  std::size_t approx = at_i & kApproximator ? approximators.match(t, k, sc).length : 0;
  // "in over a decade", "just over an hour" (not "over the last two weeks", "evolved over
  // several years": "over" there is the preposition of the whole phrase)
  if (!approx && k > 0 && (at_i & kApproximator) &&
      count_approximator_cues.match(t, k - 1, sc).length == 1) {
    if (auto ca = count_approximators.match(t, k, sc);
        ca.length && !determiners.match(t, k + ca.length, sc).length &&
        !shifters.match(t, k + ca.length, sc).length && read_count(t, k + ca.length).end)
      approx = ca.length;
  }
  k += approx;
  const std::uint32_t at_k = approx ? classes_of(t, k, sc) : at_i;
  if (auto s = at_k & kShifter ? shifters.match(t, k, sc) : PhraseMatch{};
      s.length && is_word(t, k)) {
    // "the talks will last two to three days": after a modal or "to", "last" is the verb
    if (k == i && i > 0 && s.length == 1 && verb_shifters.count(t[k].lower) &&
        verb_leads.count(t[i - 1].lower))
      return std::nullopt;
    k += s.length;
    prefixed = true;
  } else if (auto d = at_k & kDeterminer ? determiners.match(t, k, sc) : PhraseMatch{}; d.length) {
    k += d.length;
    prefixed = true;
    determined = true;
    if (auto [oe, ov] = read_ordinal(t, k); oe && ov == 1) k = oe;  // "the first nine months"
  }
  Count c = read_count(t, k);
  // "last year", "the first quarter": after a shifter or determiner and no count, only a
  // plural unit after "the" and a preposition reads on ("over the years", below)
  if (prefixed && !c.end && !is_num(t, k)) {
    const UnitRead pu = read_unit(t, k, sc);
    if (!pu.end || !pu.plural || !determiners.match(t, i, sc).length ||
        !(i > 0 && duration_preps_the.match(t, i - 1, sc).length))
      return std::nullopt;
  }
  // "1.5 years", "38.5 hours", "an average life of 7.11 years": a decimal count of one of
  // these units (TimeML P1.5Y, PT38.5H)
  if (!c.end && is_num(t, k)) {
    if (const UnitRead du = read_unit(t, k + 1, sc);
        du.end && (du.unit == Unit::second || du.unit == Unit::minute || du.unit == Unit::hour ||
                   du.unit == Unit::day || du.unit == Unit::week || du.unit == Unit::month ||
                   du.unit == Unit::year))
      c = read_decimal_count(t, k);
  }
  // the end of a range's second count before its unit ("three weeks", "23.99 years"), or 0
  auto range_second = [&](std::size_t at) -> std::size_t {
    Count c2 = read_count(t, at);
    if (!c2.end && is_num(t, at)) c2 = read_decimal_count(t, at);
    return c2.end && c2.value && !c2.article && read_unit(t, c2.end, sc).end ? c2.end : 0;
  };
  // "2.5 to 23.99 years": a decimal count opening a range
  if (!c.end && is_num(t, k) && is_word(t, k + 1) && count_ranges.match(t, k + 1, sc).length == 1 &&
      range_second(k + 2))
    c = read_decimal_count(t, k);
  std::size_t cstart = k;
  if (c.end) {
    k = c.end;
    // "between two and six days", "between 60 to 90 days": the first count is an
    // expression of its own, in the unit of the second ("two" P2D, then "six days" P6D)
    if (c.value && !c.article && !c.decimal && !prefixed && !approx && *c.value <= 999 && i > 0 &&
        is_word(t, i - 1) && range_leads.count(t[i - 1].lower) && is_word(t, k) &&
        range_links.count(t[k].lower)) {
      Count c2 = read_count(t, k + 1);
      auto u2 = c2.end && c2.value && !c2.article ? read_unit(t, c2.end, sc) : UnitRead{};
      std::size_t a = u2.end;  // "between 6 and 17 years old" is an age
      if (u2.end && in(t, a) && is_hyphen(t[a])) ++a;
      if (*c.value > 0 && u2.end && u2.plural && a == u2.end && !age_words.match(t, a, sc).length) {
        r.kind = RelativeDate::Kind::duration;
        r.unit = u2.unit;
        r.count = c.value;
        h.end = c.end;
        return h;
      }
    }
    // a range: "two to three weeks", "12 to 18 months", "one or two days", "2.5 to 23.99
    // years", "5-10 days" (the first count)
    if (c.value && !c.article && is_word(t, k) && count_ranges.match(t, k, sc).length == 1) {
      if (const std::size_t e = range_second(k + 1)) k = e;
    } else if (c.value && !c.article && !c.decimal && is_num(t, cstart) && in(t, k) &&
               is_range_dash(t[k]) && is_num(t, k + 1)) {
      // (digits on both sides of the dash, the second count the larger: not a score)
      if (const std::size_t e = range_second(k + 1); e && to_int(t[k + 1].lower, 0) > *c.value)
        k = e;
    } else if (c.value && !c.article && in(t, k + 3) && is_hyphen(t[k]) && is_word(t, k + 1) &&
               count_ranges.match(t, k + 1, sc).length == 1 && is_hyphen(t[k + 2])) {
      // "a 30-to-60-day process", "12-to-16-hour days": the range joined by hyphens to its
      // unit (the first count)
      Count c2 = read_count(t, k + 3);
      if (!c2.end && is_num(t, k + 3)) c2 = read_decimal_count(t, k + 3);
      if (c2.end && c2.value && !c2.article && in(t, c2.end) && is_hyphen(t[c2.end]) &&
          read_unit(t, c2.end + 1, sc).end)
        k = c2.end;
    }
  }
  bool hyphenated = false;
  if (c.end && in(t, k) && is_hyphen(t[k])) {
    ++k;
    hyphenated = true;
  }
  // "single-day", not "every single day"
  if (c.end == cstart + 1 && !hyphenated && is_word(t, cstart) &&
      hyphen_only_counts.count(t[cstart].lower))
    return std::nullopt;
  // "2 1/2 years", "two and a half years"
  bool and_half = false;
  if (c.end && c.value && !hyphenated) {
    if (auto hf = halves.match(t, k, sc); hf.length && read_unit(t, k + hf.length, sc).end) {
      k += hf.length;
      and_half = true;
    }
  }
  // "two more weeks", "an additional year", "six straight days", "eight trading days"; "a
  // full year", "an entire week" (whole: a length, never "in a full year" ahead)
  bool whole = false;
  if (c.end && !hyphenated) {
    if (auto ca = count_adjectives.match(t, k, sc); ca.length) {
      if (const UnitRead cu = read_unit(t, k + ca.length, sc); cu.end) {
        whole = ca.length == 1 && whole_count_adjectives.count(t[k].lower);
        // "a full year loss", "a full year dividend": a compound like "full-year" modifies the
        // noun after it; a length ends the clause or goes on with whole_unit_followers
        if (whole && !cu.plural && is_word(t, cu.end) &&
            !whole_unit_followers.count(t[cu.end].lower))
          return std::nullopt;
        k += ca.length;
      }
    }
  }
  // "yearlong", "weeklong": a duration of one unit
  if (!c.end && !prefixed) {
    if (auto lu = long_units.match(t, k, sc); lu.length) {
      r.kind = RelativeDate::Kind::duration;
      r.unit = static_cast<Unit>(lu.value);
      r.count = 1;
      h.end = k + lu.length;
      return h;
    }
  }
  auto u = read_unit(t, k, sc);
  if (!u.end) return std::nullopt;
  // "a year-long probe", "decades-long": the unit and "-long" (without the article)
  if (in(t, u.end) && is_hyphen(t[u.end]) && long_words.match(t, u.end + 1, sc).length == 1 &&
      !hyphenated) {
    if (c.end || prefixed) return std::nullopt;
    r.kind = RelativeDate::Kind::duration;
    r.unit = u.unit;
    if (!u.plural) r.count = 1;
    h.end = u.end + 2;
    return h;
  }
  // "60 Minutes", "This Week": a capitalized unit inside a sentence is a title
  if (k > 0 && t[k].capitalized && !(k == i && i == 0)) return std::nullopt;
  if (hyphenated && (u.plural || (prefixed && !shifters.match(t, i, sc).length)))
    return std::nullopt;  // "three-quarters"; "the eight-year" is read from "eight"
  // "the 38.5 hour working week", "the two day rally": a count and a singular unit modify
  // the noun after them, whose determiner it is (TimeBank "two day"): read from the count
  if (determined && c.end && c.value && !c.article && !u.plural && (c.decimal || *c.value != 1))
    return std::nullopt;
  if (u.unit == Unit::weekend || u.unit == Unit::half) return std::nullopt;
  // "Today is a day of joy", "Easter Sunday — a day of joy and hope", "World Refugee Day, a
  // day when ...": a day named, no length of one (day_name_leads, day_name_tails)
  if (c.article && cstart == i && u.unit == Unit::day && !u.plural && i > 0 &&
      day_name_leads.count(t[i - 1].lower) && is_word(t, u.end) &&
      day_name_tails.count(t[u.end].lower))
    return std::nullopt;
  // "almost a quarter of French exports", "one quarter of the total": a fraction
  if (u.unit == Unit::quarter && !u.plural && is_word(t, u.end) && t[u.end].lower == "of" &&
      !read_year(t, u.end + 1, false).first)
    return std::nullopt;
  if (u.unit == Unit::quarter && c.end) {
    // "a quarter point", "one quarter share": a part of a measure
    if (!u.plural && is_word(t, u.end) && fraction_measures.count(t[u.end].lower))
      return std::nullopt;
    // "789, or about a quarter, of its dealers": a fraction set off by commas
    if (is_punct(t, u.end, ",") && is_word(t, u.end + 1) && t[u.end + 1].lower == "of")
      return std::nullopt;
    // "three quarters of rural hospitals": three fourths (not "the final three quarters of
    // 2021", "three quarters of the year")
    if (u.plural && !prefixed && c.value && *c.value == 3 && !c.article && is_word(t, u.end) &&
        t[u.end].lower == "of" && !read_year(t, u.end + 1, false).first) {
      std::size_t e = u.end + 1;
      // "three quarters of a century": three fourths of that unit, in the next smaller one
      // (P75Y, "three quarters of a century later" as "75 years later")
      if (const std::size_t a = articles.match(t, e, sc).length) {
        const UnitRead w = read_unit(t, e + a, sc);
        // (not of a decade: no whole number of years)
        const auto part = w.end && !w.plural ? smaller_unit(w.unit) : std::pair{Unit::none, 0};
        if (part.second && part.second % 4 == 0) {
          u = UnitRead{w.end, part.first, true};
          c.value = 3 * part.second / 4;
        }
      }
      e += determiners.match(t, e, sc).length + shifters.match(t, e, sc).length;
      if (u.unit == Unit::quarter && !read_unit(t, e, sc).end) return std::nullopt;
    }
  }
  if (!c.end) {
    // bare plural after "for"/"within": "for years" -> PXY; "over the years"
    const bool the_span = prefixed && i > 0 && determiners.match(t, i, sc).length &&
                          duration_preps_the.match(t, i - 1, sc).length;
    // "in just minutes": an adverb between the preposition and the unit; "after months of
    // talks", "follows years of war": a plural unit opening an "of" phrase after a cue
    const bool lead = i > 0 && (the_span || duration_preps.match(t, i - 1, sc).length ||
                                (i > 1 && is_word(t, i - 1) && span_adverbs.count(t[i - 1].lower) &&
                                 duration_preps.match(t, i - 2, sc).length == 1) ||
                                (is_word(t, i - 1) && plural_of_leads.count(t[i - 1].lower) &&
                                 is_word(t, u.end) && t[u.end].lower == "of"));
    if ((prefixed && !the_span) || !u.plural || !lead) return std::nullopt;
    r.kind = RelativeDate::Kind::duration;
    r.unit = u.unit;
    h.end = u.end;
    // "within weeks or months", "for months and even years": one span, valued by its
    // first unit
    if (auto uc = unit_coords.match(t, h.end, sc); uc.length) {
      if (auto u2 = read_unit(t, h.end + uc.length, sc); u2.end && u2.plural) h.end = u2.end;
    }
    return h;
  }
  if (c.value && *c.value == 0 && !c.fraction_digits) return std::nullopt;
  // "Islam will one day be ...": "one day" after a modal, before its verb, is some day ahead
  if (c.value && *c.value == 1 && !c.article && !prefixed && !approx && !hyphenated &&
      u.unit == Unit::day && !u.plural && k == cstart + 1 && is_word(t, i - 1) &&
      someday_leads.count(t[i - 1].lower) && is_word(t, u.end) && !t[u.end].capitalized) {
    r.kind = RelativeDate::Kind::fuzzy;
    r.fuzzy = FuzzyRef::future;
    h.end = u.end;
    return h;
  }
  // a rate: "four flights a week", "358,000 a month" (the unit is per, not a time); not
  // before a shift: "up from 122,616 a year ago", "C$307.2 a year earlier"
  auto shifted_after = [&](std::size_t e) {
    if (off_ago.match(t, e, sc).length) return true;
    for (const PhraseTable* tab : {&off_before, &off_after})
      if (tab->match(t, e).length && t[e].lower != "before" && t[e].lower != "after" &&
          t[e].lower != "on")
        return true;
    // "down from 1,673 a year before.": "before" ending the clause is the shift
    return is_word(t, e) && rate_breakers.count(t[e].lower) && clause_end(t, e + 1);
  };
  // ("comes a day after the vote" is no rate: after a word that is no measure, the unit
  // leads a preposition)
  if (c.article && !prefixed && !hyphenated && i > 0 &&
      !(!is_num(t, i - 1) && !year_blockers.match(t, i - 1, sc).length && is_word(t, u.end) &&
        rate_breakers.count(t[u.end].lower)) &&
      (is_num(t, i - 1) ||
       (is_word(t, i - 1) && !t[i - 1].capitalized &&
        ((t[i - 1].lower.size() > 4 && t[i - 1].lower.back() == 's') ||
         read_unit(t, i - 1, sc).plural))) &&  // "seven days a week", as "24 hours a day"
      !shifted_after(u.end))
    return std::nullopt;
  // numbers like "1990 years" or "2,000" are not counts of years in a date sense: keep
  if (c.value && !c.article && is_num(t, cstart) && *c.value > 999) return std::nullopt;
  // "second" as an ordinal/unit after "a": "a second round" -> not read here (unit must
  // not be followed by a hyphen-less noun for "a"+singular? keep: "a second" duration)
  if (c.article && u.unit == Unit::minute) {
    // fine: "a minute"
  }
  // ages: "a 6-year-old boy", "52 years old" are not temporal expressions
  if (u.unit == Unit::year || u.unit == Unit::decade) {
    std::size_t a = u.end;
    if (in(t, a) && is_hyphen(t[a])) ++a;
    if (age_words.match(t, a, sc).length) return std::nullopt;
  }
  // "children aged 8-10 years", "youth ages 12-21 years", "at age 6 months": an age (from
  // the range's second count too)
  if (cstart == i && (u.unit == Unit::year || u.unit == Unit::month || u.unit == Unit::week)) {
    std::size_t lead = i;
    if (i > 1 && is_num(t, i - 2) &&
        (is_range_dash(t[i - 1]) || (is_word(t, i - 1) && count_ranges.match(t, i - 1, sc).length)))
      lead = i - 2;
    if (lead > 0 && is_word(t, lead - 1) && age_leads.count(t[lead - 1].lower)) return std::nullopt;
  }
  // "a 6-month-old son" is an age; "the 8-month-old truce" a duration with "-old" in it
  std::size_t old_end = 0;
  if (hyphenated && in(t, u.end) && is_hyphen(t[u.end]) &&
      age_words.match(t, u.end + 1, sc).length == 1) {
    const std::size_t n = u.end + 2;
    if (age_persons.count(t[n - 1].lower) || !is_word(t, n) || t[n].capitalized ||
        age_nouns.count(t[n].lower))
      return std::nullopt;
    old_end = n;
  }
  // written without hyphens: "the three month old strike" as "the 8-month-old truce"; "a six
  // month old baby", "the baby, six months old" an age
  if (!hyphenated && c.value && in(t, u.end) &&
      (u.unit == Unit::month || u.unit == Unit::week || u.unit == Unit::day) &&
      !in_no_phrase(t, u.end) && age_words.match(t, u.end, sc).length == 1) {
    const std::size_t n = u.end + 1;
    if (u.plural || age_persons.count(t[u.end].lower) || !is_word(t, n) || t[n].capitalized ||
        age_nouns.count(t[n].lower))
      return std::nullopt;
    old_end = n;
  }
  // "a year-earlier profit": "year-earlier" is read on its own (rule_reporting)
  if (in(t, u.end) && is_hyphen(t[u.end]) && !u.plural &&
      (off_ago.match(t, u.end + 1, sc).length || off_before.match(t, u.end + 1, sc).length))
    return std::nullopt;
  r.unit = u.unit;
  r.count = c.value;
  r.fraction = c.fraction;
  r.fraction_digits = c.fraction_digits;
  k = u.end;
  // a decimal count before a shift: "1.5 years ago" is 18 months ago (a whole count of
  // months); "2.5 days ago" some time back; other decimal shifts ("2.5 days later") are
  // left alone
  if (c.decimal && (off_ago.match(t, k, sc).length || off_from_now.match(t, k, sc).length ||
                    ((off_before.match(t, k, sc).length || off_after.match(t, k, sc).length) &&
                     !off_preps.match(t, k, sc).length))) {
    const auto [part, n] = smaller_unit(u.unit);
    int scale = 1;
    for (unsigned d = 0; d < c.fraction_digits; ++d) scale *= 10;
    if (u.unit == Unit::year && c.fraction * n % scale == 0) {
      c.value = *c.value * n + c.fraction * n / scale;
      c.decimal = false;
      u.unit = part;
      r.unit = part;
      r.count = c.value;
      r.fraction = 0;
      r.fraction_digits = 0;
    } else if (auto a = off_ago.match(t, k, sc); a.length && !prefixed && !hyphenated) {
      r = RelativeDate{};
      r.kind = RelativeDate::Kind::fuzzy;
      r.fuzzy = FuzzyRef::past;
      h.end = k + a.length;
      return h;
    } else {
      return std::nullopt;
    }
  }
  // "a minute and a half"
  if (!and_half && c.value && !hyphenated && !u.plural == (*c.value == 1)) {
    if (auto hf = halves.match(t, k, sc); hf.length > 1) {
      k += hf.length;
      and_half = true;
    }
  }
  r.and_half = and_half;
  if (!hyphenated) k += approx_tails.match(t, k, sc).length;  // "a week or so ago"
  if (!prefixed && !hyphenated && !c.decimal) {
    if (auto a = off_ago.match(t, k, sc); a.length) {
      r.kind = RelativeDate::Kind::offset;
      r.direction = Direction::backward;
      r.anchor = AnchorRef::publication;
      h.end = k + a.length;
      if (!r.count) {
        // "several years ago", "a few days ago": some time back, the whole phrase
        r.kind = RelativeDate::Kind::fuzzy;
        r.fuzzy = FuzzyRef::past;
        r.direction = Direction::none;
      }
      return h;
    }
    if (auto f = off_from_now.match(t, k, sc); f.length && r.count) {
      r.kind = RelativeDate::Kind::offset;
      r.direction = Direction::forward;
      r.anchor = AnchorRef::publication;
      h.end = k + f.length;
      return h;
    }
    for (int dir : {-1, 1}) {
      const PhraseTable& tab = dir < 0 ? off_before : off_after;
      auto b = tab.match(t, k, sc);
      if (!b.length || !r.count) continue;
      if (u.unit == Unit::hour || u.unit == Unit::minute || u.unit == Unit::second) continue;
      // "before"/"after" as prepositions ("three days after the vote") are not shifts;
      // a comparative ("later", "earlier") always is.
      // ("within 90 days prior to the anniversary": "prior to" is one too; offsets.prepositions)
      const bool preposition = off_preps.match(t, k, sc).length > 0;
      if (preposition && b.length == 1 && !clause_end(t, k + 1)) continue;
      r.kind = RelativeDate::Kind::offset;
      r.direction = dir < 0 ? Direction::backward : Direction::forward;
      r.anchor = AnchorRef::last_explicit;
      h.end = k + b.length;
      // "Today, 107 years later, ...": the present (its year, month ...), counted from a
      // day the text may not give; not that many years after the publication
      if (dir > 0 && !preposition) {
        std::size_t p = i;
        if (p > 0 && t[p - 1].kind == TokenKind::punct) --p;
        if (p > 0 && is_word(t, p - 1) && present_appositions.count(t[p - 1].lower)) {
          r.count = 0;
          r.direction = Direction::none;
          r.anchor = AnchorRef::publication;
        }
      }
      return h;
    }
    // "in two weeks" is ahead; "the first time in 20 years", "the highest in five years",
    // "its first annual loss in 20 years" is how long: a cue a few words before "in" (no
    // punctuation, verb or auxiliary between: "the first team will return in two weeks"),
    // up to ten ("the largest shortfall of new housing units in 50 years", "the worst
    // drought in the Horn of Africa in 70 years", "the biggest expansion of benefits for
    // service-connected health issues in 30 years")
    // ("more jobs in two years than any president": how long, compared)
    bool span_in = is_word(t, k) && in_span_followers.count(t[k].lower) > 0;
    // past "to" (an infinitive or a preposition), only a superlative or an ordinal a few
    // words before it: "the first Secretary of State to visit there in 36 years", "the most
    // significant legislation to pass Congress in 30 years" (not "is expected to rise in
    // two years": a stop before the cue; "the first payment to be made in 30 days": "be")
    bool past_to = false;
    for (std::size_t back = 2, words = 0; back <= i && words < 10 && !span_in; ++back) {
      const Token& w = t[i - back];
      if (is_hyphen(w)) continue;  // "one-day" is two words
      if (w.kind != TokenKind::word && w.kind != TokenKind::number) break;  // ("100 percent")
      ++words;
      // a perfect written with its negation: "a law we hadn't seen in 30 years"
      std::string_view stem = w.lower;
      if (stem.ends_with("n't")) stem.remove_suffix(3);
      if (stem.ends_with("n\xE2\x80\x99t")) stem.remove_suffix(5);
      if (past_to ? in_span_infinitive_cues.count(w.lower) > 0 : in_span_cues.count(w.lower) > 0) {
        // ("rather than in two years": ahead)
        span_in = !(back < i && is_word(t, i - back - 1) &&
                    in_span_cue_blockers.count(t[i - back - 1].lower));
        if (!span_in) break;
      } else if (stem.size() < w.lower.size() && in_span_perfects.count(stem)) {
        if (!past_to && is_word(t, i - back + 1)) {
          const std::string_view next = t[i - back + 1].lower;
          span_in = next.ends_with("ed") || in_span_participles.count(next);
        }
        break;
      } else if (in_span_stops.count(w.lower) &&
                 !(in_span_name_preps.count(w.lower) && t[i - back + 1].capitalized)) {
        // ("his second letter to Reno in two weeks": "to" before a name goes on)
        // "the growth our country has experienced in 40 years", "shots have been
        // administered in 150 days", "the highest it has been in 15 years", "more than it
        // has in 40 years", "the largest anyone has ever done": a perfect (not after a
        // modal: "will have been") is how long
        if (!past_to && in_span_perfects.count(w.lower) && is_word(t, i - back + 1)) {
          const std::string_view next = t[i - back + 1].lower;
          span_in = (in_span_stops.count(next) || next.ends_with("ed") ||
                     in_span_participles.count(next)) &&
                    !(i - back > 0 && someday_leads.count(t[i - back - 1].lower)) &&
                    !(i - back > 1 && someday_leads.count(t[i - back - 2].lower));
        }
        if (!past_to && !span_in && w.lower == "to" && back > 2) {
          past_to = true;
          continue;
        }
        break;
      }
    }
    // (not in hours, minutes or seconds: "losing 1,000 points in thirty minutes", "calls
    // answered in 15 seconds" are how long; a day ahead would say nothing)
    const bool sub_day = u.unit == Unit::hour || u.unit == Unit::minute || u.unit == Unit::second;
    // "in a year's time", "in two years' time": ahead, whatever cue comes before
    if (is_word(t, k + 1) && t[k + 1].lower == "time" &&
        (is_possessive(t, k) || is_punct(t, k, "'") || is_punct(t, k, "\xE2\x80\x99")))
      span_in = false;
    // ("in two months of indirect negotiations", "in eight days of talks": how long)
    const bool of_what = is_word(t, k) && t[k].lower == "of";
    if (i > 0 && !approx && !span_in && !sub_day && !of_what && !whole &&
        future_preps.match(t, i - 1, sc).length == 1 && r.count && !u.plural == (*r.count == 1)) {
      r.kind = RelativeDate::Kind::offset;
      r.direction = Direction::forward;
      r.anchor = AnchorRef::publication;
      h.end = k;
      return h;
    }
  }
  if (u.plural && c.value && *c.value == 1 && !c.article && !c.decimal) return std::nullopt;
  // "9 minutes and 29 seconds", "two hours and 15 minutes": one duration of both counts
  // (TimeML's PT9M29S), the second unit smaller ("189 days and 78 days" is two); not
  // before a shift ("two years and three months ago") or an age, not in a range ("between
  // 5 hours and 30 minutes")
  if (c.value && !c.decimal && !hyphenated && !and_half && !old_end && is_word(t, k) &&
      compound_links.count(t[k].lower) &&
      !(i > 0 && is_word(t, i - 1) && range_leads.count(t[i - 1].lower))) {
    const Count c2 = read_count(t, k + 1);
    const UnitRead u2 = c2.end && c2.value && *c2.value > 0 ? read_unit(t, c2.end, sc) : UnitRead{};
    const std::size_t e = u2.end;
    if (u2.end && compound_rank(u2.unit) && compound_rank(u2.unit) < compound_rank(u.unit) &&
        u2.plural == (*c2.value != 1) && !(in(t, e) && is_hyphen(t[e])) &&
        !off_ago.match(t, e, sc).length && !off_from_now.match(t, e, sc).length &&
        !off_before.match(t, e, sc).length && !off_after.match(t, e, sc).length &&
        !age_words.match(t, e, sc).length && !halves.match(t, e, sc).length) {
      r.and_unit = u2.unit;
      r.and_count = *c2.value;
      k = e;
    }
  }
  r.kind = RelativeDate::Kind::duration;
  h.end = old_end ? old_end : k;
  return h;
}

// Whole phrases: fuzzy references ("recently", "in the coming days"), anchored days
// ("the next day").
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_phrases(
    Tokens t, std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  if (!is_word(t, i)) return std::nullopt;
  // "the" before a word of no phrase: no phrase of the tables below is there
  if (only_one_word_at(t, i)) {
    const StartIds& c = current_start_ids;
    if (c.index == &start_words && c.tokens == t.data() && !single_phrase_words[c.ids[i]])
      return std::nullopt;
  }
  auto a = anchored.match(t, i, sc);
  auto f = fuzzy.match(t, i, sc);
  // a word starting none of the phrases read here ("the" mostly): nothing built
  if (!a.length && !f.length && !context_days.match(t, i, sc).length &&
      !fuzzy_adj.match(t, i, sc).length && !vague_durations.match(t, i, sc).length)
    return std::nullopt;
  Hit h;
  h.first = i;
  // "rebounded late in the day after falling 250 points", "earlier in the day before
  // rallying": after "in", "the day" is a part of a day, not "the day after/before"
  if (a.length && i > 0 && t[i - 1].lower == "in") a = {};
  // "to end the day", "later in the day": the day of the story (the last day named)
  bool context_day = false;
  if (auto cd = context_days.match(t, i, sc); cd.length && !a.length) {
    for (std::size_t len = 1; len <= 2 && len <= i; ++len) {
      if (day_contexts.match(t, i - len, sc).length == len) {
        a = cd;
        a.value = 0;
        context_day = true;
        break;
      }
    }
  }
  // "5 years to the day after Lindbergh's flight": "to the day" after a counted unit says
  // the count is exact, no day of its own
  if (a.length && i >= 2 && is_word(t, i - 1) && t[i - 1].lower == "to" &&
      read_unit(t, i - 2, sc).plural)
    return std::nullopt;
  // "'Twas the Night Before Christmas": a title (its words after "the" capitalized, not
  // in capitals), no day
  if (a.length >= 2) {
    bool title = true;
    for (std::size_t k = i + 1; k < i + a.length && title; ++k)
      title = t[k].capitalized &&
              std::ranges::any_of(t[k].text, [](char c) { return c >= 'a' && c <= 'z'; });
    if (title) return std::nullopt;
  }
  // "that day will come", "when that day comes": a day to come that no text names
  if (a.length && a.value == 0 && !context_day && t[i + a.length - 1].lower == "day") {
    std::size_t k = i + a.length;
    if (is_word(t, k) && someday_leads.count(t[k].lower)) ++k;
    if (is_word(t, k) && coming_day_verbs.count(t[k].lower)) return std::nullopt;
  }
  if (a.length && a.length >= f.length) {
    RelativeDate& r = h.rel;
    r.kind = RelativeDate::Kind::offset;
    r.unit = Unit::day;
    r.count = std::abs(a.value);
    r.direction = a.value < 0 ? Direction::backward : a.value > 0 ? Direction::forward
                                                                  : Direction::none;
    r.anchor = AnchorRef::last_explicit;
    r.anaphoric_day = !context_day;
    h.end = i + a.length;
    // "Oct. 12, the day before the stock market plunge": right after a day of the month
    // and a comma, "the day" is that day (an apposition); "before ..." tells what followed
    if (a.value != 0 && a.length == 3 && i >= 2 && is_punct(t, i - 1, ",") && is_num(t, i - 2) &&
        is_word(t, h.end) && !clause_end(t, h.end) && read_unit(t, i + 1, sc).unit == Unit::day) {
      r.count = 0;
      r.direction = Direction::none;
      h.end = i + 2;
    } else if (auto hd = a.value == -1 || a.value == 1 ? holidays.match(t, h.end) : PhraseMatch{};
               hd.length && hd.value > 0 && t[h.end].capitalized &&
               read_unit(t, i + 1, sc).unit == Unit::day &&
               (t[h.end - 1].lower == "before" || t[h.end - 1].lower == "after") &&
               !holiday_blockers.match(t, h.end + hd.length).length) {
      // "the day before Valentine's Day": the day next to a holiday of a fixed date, one
      // expression (its year as the holiday's would be read)
      const date::year_month_day d{
          date::sys_days{date::year{2001} / static_cast<unsigned>(hd.value / 100) /
                         static_cast<unsigned>(hd.value % 100)} +
          date::days{a.value}};
      r = RelativeDate{};
      r.kind = RelativeDate::Kind::calendar;
      r.month = static_cast<unsigned>(d.month());
      r.day = static_cast<unsigned>(d.day());
      h.end += hd.length;
    } else if (hd.length && hd.value < 0 && t[h.end].capitalized &&
               read_unit(t, i + 1, sc).unit == Unit::day &&
               (t[h.end - 1].lower == "before" || t[h.end - 1].lower == "after") &&
               !holiday_blockers.match(t, h.end + hd.length).length) {
      // "the day after Thanksgiving": the day next to a moving holiday, one expression (the
      // count is the days from the holiday, signed; its year as the holiday's would be read)
      r = RelativeDate{};
      r.kind = RelativeDate::Kind::calendar;
      r.holiday = static_cast<Holiday>(-hd.value);
      r.count = a.value;
      h.end += hd.length;
    } else if (a.value != 0 && is_word(t, h.end) && !clause_end(t, h.end) &&
               (t[h.end - 1].lower == "before" || t[h.end - 1].lower == "after") &&
               !months.match(t, h.end).length && !weekdays.match(t, h.end).length &&
               !holidays.match(t, h.end).length) {
      // "the day before her father's funeral": what follows is the event it counts from
      r.from_event = true;
    }
    return h;
  }
  // "the current weakness", "the then current price": an adjective before a word
  if (auto fa = fuzzy_adj.match(t, i, sc); fa.length && fa.length >= f.length) {
    const std::size_t k = i + fa.length;
    if (is_word(t, k) && !fuzzy_adj_blockers.match(t, k, sc).length) {
      RelativeDate& r = h.rel;
      r.kind = RelativeDate::Kind::fuzzy;
      r.fuzzy = static_cast<FuzzyRef>(fa.value);
      r.unit = Unit::day;
      h.end = k;
      return h;
    }
  }
  // "for some time", "for a while": a duration of no stated length (PXX); not "a while
  // ago" (a fuzzy phrase, longer)
  if (auto vd = vague_durations.match(t, i, sc);
      vd.length > f.length && i > 0 && duration_preps.match(t, i - 1, sc).length == 1) {
    h.rel.kind = RelativeDate::Kind::duration;
    h.end = i + vd.length;
    return h;
  }
  if (!f.length) return std::nullopt;
  if (auto nf = not_fuzzy.match(t, i, sc); nf.length > 0) return std::nullopt;
  // "Now, he says, ...": a discourse marker opening the sentence, before a comma
  if (f.length == 1 && is_punct(t, i + 1, ",") && discourse_openers.count(t[i].lower)) {
    std::size_t k = 0;
    while (k < i && t[k].kind == TokenKind::punct) ++k;
    if (k == i) return std::nullopt;
  }
  // "the present system", "the future direction": an adjective before a noun (not after a
  // preposition: "in the past rejected"); "Feed the Future": a name
  if (adjective_phrases.match(t, i, sc).length == f.length) {
    const std::size_t e = i + f.length;
    // (capitalized, not in capitals, after a capitalized word that is no preposition or
    // before a capitalized word: "Feed the Future", "the Future Act", "the Past President";
    // not "Help Ukraine Over the Long-Term", "JOBS OF THE FUTURE")
    bool named = false;
    for (std::size_t k = i + 1; k < e; ++k)
      if (t[k].capitalized &&
          std::ranges::any_of(t[k].text, [](char c) { return c >= 'a' && c <= 'z'; }))
        named = true;
    if (named && ((is_word(t, e) && t[e].capitalized) ||
                  (i > 0 && is_word(t, i - 1) && t[i - 1].capitalized &&
                   !adjective_phrase_preps.count(t[i - 1].lower))))
      return std::nullopt;
    if (is_word(t, e) && !t[e].capitalized && !t[e].lower.ends_with("ly") &&
        !adjective_phrase_stops.count(t[e].lower) && !read_unit(t, e, sc).end &&
        !(i > 0 && is_word(t, i - 1) && adjective_phrase_preps.count(t[i - 1].lower)))
      return std::nullopt;
  }
  // "the long-term partnership": a hyphenated phrase before a noun is an adjective
  if (is_word(t, i + f.length))
    for (std::size_t k = i + 1; k < i + f.length; ++k)
      if (is_hyphen(t[k])) return std::nullopt;
  // "the now-defunct plant", "the soon-to-open terminal": a phrase joined by a hyphen (as
  // written: not a dash, "right now—and") to the word after it is the first part of a
  // compound adjective, not a time
  if (const std::size_t k = i + f.length;
      in(t, k) && (t[k].text == "-" || t[k].text == "\xE2\x80\x90") && is_word(t, k + 1) &&
      t[k].span.begin == t[k - 1].span.end && t[k + 1].span.begin == t[k].span.end)
    return std::nullopt;
  // "just now", "as soon as": a blocking phrase starting one word earlier
  if (i > 0 && not_fuzzy.match(t, i - 1, sc).length >= 2) return std::nullopt;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::fuzzy;
  r.fuzzy = static_cast<FuzzyRef>(f.value);
  r.unit = Unit::day;
  for (std::size_t k = i; k < i + f.length; ++k) {
    if (auto u = read_unit(t, k, sc); u.end) r.unit = u.unit;
  }
  h.end = i + f.length;
  // "the coming days and weeks", "recent weeks and months": a phrase ending on a plural
  // unit takes a second one after "and"/"or", whose window it gets
  if (auto last = read_unit(t, h.end - 1, sc); last.end == h.end && last.plural) {
    if (auto uc = unit_coords.match(t, h.end, sc); uc.length) {
      if (auto u2 = read_unit(t, h.end + uc.length, sc); u2.end && u2.plural) {
        r.unit = u2.unit;
        h.end = u2.end;
        return h;
      }
    }
  }
  // "in recent years", "in coming weeks", "in the days ahead": after "in", the span of
  // those units up to now or from now (TimeML DURATION PXY, PXW; recent_spans), its window
  // that of the vague past or future; one plural unit only ("the days and weeks ahead")
  if (f.value != static_cast<int>(FuzzyRef::present) && i > 0 && is_word(t, i - 1) &&
      recent_span_leads.count(t[i - 1].lower)) {
    std::size_t units = 0;
    bool word = false;
    for (std::size_t k = i; k < h.end; ++k) {
      if (const UnitRead u = read_unit(t, k, sc); u.end) units += u.plural ? 1 : 2;
      if (is_word(t, k) && recent_span_words.count(t[k].lower)) word = true;
    }
    r.fuzzy_span = units == 1 && word;
  }
  return h;
}

// "every Tuesday", "each year", "per day", "weekly".
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_set(Tokens t,
                                                                          std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  if (!is_word(t, i)) return std::nullopt;
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::set;
  // "on Sundays", "Tuesday nights", "Friday evenings": a weekday that recurs
  {
    std::size_t e = 0;
    // (not after "the": "The Sundays played a concert")
    if (auto wp = weekday_plurals.match(t, i, sc);
        wp.length == 1 && t[i].capitalized && !(i > 0 && set_blockers.match(t, i - 1, sc).length)) {
      r.weekday = date::weekday{static_cast<unsigned>(wp.value)};
      e = i + 1;
      if (auto pp = parts.match(t, e, sc); pp.length) {  // "Sundays morning"
        r.part = static_cast<PartOfDay>(pp.value);
        e += pp.length;
      }
    } else if (auto [we, wd] = read_weekday(t, i); we) {
      if (auto pp = plural_parts.match(t, we, sc); pp.length) {
        r.weekday = wd;
        r.part = static_cast<PartOfDay>(pp.value);
        e = we + pp.length;
      }
    }
    if (auto pp = plural_parts.match(t, e, sc); e && pp.length && r.part == PartOfDay::none) {
      r.part = static_cast<PartOfDay>(pp.value);
      e += pp.length;
    }
    if (e) {
      r.unit = Unit::week;
      h.end = e;
      return h;
    }
  }
  // "twice a year", "three times a week", "once per month"
  {
    std::size_t fk = i;
    if (auto fq = set_freqs.match(t, fk, sc); fq.length) {
      fk += fq.length;
    } else if (Count c = read_count(t, fk);
               c.end && c.value && !c.article && set_times.match(t, c.end, sc).length) {
      fk = c.end + set_times.match(t, c.end, sc).length;
    }
    if (fk > i) {
      std::size_t a = articles.match(t, fk, sc).length;
      if (!a) a = set_quant.match(t, fk, sc).length;
      if (auto u = read_unit(t, fk + a, sc); a && u.end && !u.plural) {
        r.unit = u.unit;
        r.count = 1;
        h.end = u.end;
        return h;
      }
    }
  }
  if (auto q = set_quant.match(t, i, sc); q.length) {
    // "$9 per hour", "30 hours per week": a rate, as "$500 million a year" (only after a
    // frequency: "once per month")
    if (set_rate_quant.count(t[i].lower)) return std::nullopt;
    std::size_t k = i + q.length;
    // "every single day" (the day, stressed), "every other week" (every second one: P2W)
    if (set_counted_quant.count(t[i].lower) && is_word(t, k)) {
      const bool stressed = set_stressers.count(t[k].lower) > 0;
      if (stressed || set_alternates.count(t[k].lower)) {
        const UnitRead u = read_unit(t, k + 1, sc);
        if (!u.end || u.plural || u.unit == Unit::weekend) return std::nullopt;
        r.unit = u.unit;
        r.count = stressed ? 1 : 2;
        h.end = u.end;
        return h;
      }
    }
    // "every summer", "each fall" (not "every fall of the index")
    if (auto se = seasons.match(t, k, sc);
        se.length && !set_noun_after.match(t, k + se.length, sc).length) {
      r.season = static_cast<Season>(se.value);
      r.unit = Unit::year;
      h.end = k + se.length;
      return h;
    }
    if (auto [we, wd] = read_weekday(t, k); we) {
      r.weekday = wd;
      r.unit = Unit::week;
      k = we;
      if (auto p = parts.match(t, k, sc); p.length) {
        r.part = static_cast<PartOfDay>(p.value);
        k += p.length;
      }
      h.end = k;
      return h;
    }
    if (auto [me, mo] = read_month(t, k, true); me) {
      r.month = mo;
      r.unit = Unit::year;
      h.end = me;
      return h;
    }
    if (auto p = parts.match(t, k, sc); p.length) {
      r.part = static_cast<PartOfDay>(p.value);
      r.unit = Unit::day;
      h.end = k + p.length;
      return h;
    }
    // "every two years", "every 10 minutes": a counted recurrence (TimeML SET P2Y, PT10M)
    if (set_counted_quant.count(t[i].lower)) {
      // ("every few years": SET PXY, a vague count)
      if (Count c = read_count(t, k); c.end && (!c.value || *c.value > 1) && !c.article) {
        if (auto cu = read_unit(t, c.end, sc); cu.end && cu.plural) {
          r.unit = cu.unit;
          r.count = c.value;
          h.end = cu.end;
          return h;
        }
      }
      // "every 6months": the count written on its plural unit, one token
      if (is_num(t, k)) {
        const std::string_view w = t[k].lower;
        std::size_t d = 0;
        while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
        if (d > 0 && d <= 3 && d < w.size()) {
          if (auto g = glued_plural_units.find(std::string(w.substr(d)));
              g != glued_plural_units.end() && to_int(w.substr(0, d)) > 1) {
            r.unit = g->second;
            r.count = to_int(w.substr(0, d));
            h.end = k + 1;
            return h;
          }
        }
      }
    }
    auto u = read_unit(t, k, sc);
    if (u.end && !u.plural) {
      // "most people's every day lives", "his every day life", "every day costs": "every
      // day" written for "everyday", an adjective (after a possessive or before one of its
      // nouns), no recurrence
      if (u.unit == Unit::day && set_counted_quant.count(t[i].lower) &&
          ((i > 0 && (is_possessive(t, i - 1) || set_blockers.match(t, i - 1, sc).length)) ||
           (is_word(t, u.end) && set_day_adjective_nouns.count(t[u.end].lower))))
        return std::nullopt;
      r.unit = u.unit;
      r.count = 1;
      h.end = u.end;
      return h;
    }
    return std::nullopt;
  }
  if (auto s = set_words.match(t, i, sc); s.length) {
    // "the China Daily", "the People's Daily", "told LA Weekly": a capitalized set word
    // (not all capitals) after a capitalized word names a paper, no recurrence
    if (t[i].capitalized && i > 0) {
      const std::size_t p = i > 1 && is_possessive(t, i - 1) ? i - 2 : i - 1;
      const bool caps = std::any_of(t[i].text.begin() + 1, t[i].text.end(),
                                    [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      if (!caps && is_word(t, p) && t[p].capitalized) return std::nullopt;
    }
    // "the daily Le Monde", "its quarterly dividend" (not "a daily rally", "his weekly
    // radio address": a day or week after an article or a possessive is a recurrence)
    // (up to two modifiers between: "its first quarterly loss", "a regular quarterly
    // dividend", "the sixth consecutive monthly increase")
    std::size_t b = i;
    for (int m = 0; m < 2 && b > 1 && is_word(t, b - 1) && !t[b - 1].capitalized; ++m) {
      if (auto [oe, ov] = read_ordinal(t, b - 1);
          (oe == b && ov) || set_modifiers.count(t[b - 1].lower))
        --b;
      else
        break;
    }
    if (b > 0 && set_blockers.match(t, b - 1, sc).length) {
      const auto u = static_cast<Unit>(s.value);
      if (!((u == Unit::day || u == Unit::week) && set_frequent_after.match(t, b - 1, sc).length))
        return std::nullopt;
    }
    // a noun: "its initial quarterly of five cents"
    if (set_noun_after.match(t, i + s.length, sc).length) return std::nullopt;
    // a rate: "average daily volume", "by 20% annually"
    for (std::size_t k = i >= 2 ? i - 2 : 0; k < i; ++k)
      if (set_rates.match(t, k, sc).length || t[k].text.ends_with('%')) return std::nullopt;
    r.unit = static_cast<Unit>(s.value);
    r.count = 1;
    h.end = i + s.length;
    return h;
  }
  return std::nullopt;
}

// Reported periods, tried only in sentences about results (a business cue word):
// "year-earlier" / "year-ago" [ORDINAL] [quarter|period] with "the" -> the reported
// quarter a year back; "the quarter", "this quarter", "the latest period" -> the reported
// quarter. "a year ago" / "a year earlier" are marked in tag().
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_reporting(
    Tokens t, std::size_t i) const {
  const StartIds* const sc = scope_of(t);  // (for the tables' look-ups)
  if (!is_word(t, i)) return std::nullopt;
  Hit h;
  h.first = i;
  RelativeDate& r = h.rel;
  r.reporting = true;
  std::size_t k = i;
  bool det = false;
  if (auto d = determiners.match(t, k, sc); d.length) {
    k += d.length;
    det = true;
  }
  if (auto a = reporting_pre.match(t, k, sc); a.length && det) k += a.length;  // "comparable"
  // "the fiscal year", "the full year", "the current fiscal year"
  std::size_t year_adj = 0;
  if (det) {
    if (auto a = reporting_year_adj.match(t, k, sc); a.length) {
      if (auto u = read_unit(t, k + a.length, sc); u.end && u.unit == Unit::year && !u.plural) {
        year_adj = a.length;
        k += a.length;
      }
    }
  }
  // "year-ago", "year-earlier", "year ago"
  if (auto u = read_unit(t, k, sc); u.end && u.unit == Unit::year && !u.plural) {
    std::size_t j = u.end;
    if (in(t, j) && is_hyphen(t[j])) ++j;
    if (auto y = reporting_ago.match(t, j, sc); y.length) {
      j += y.length;
      r.kind = RelativeDate::Kind::offset;
      r.unit = Unit::year;
      r.count = 1;
      r.direction = Direction::backward;
      std::size_t n = j;
      if (auto [oe, ov] = read_ordinal(t, n); oe) n = oe;  // "the year-ago third quarter"
      if (auto q = read_unit(t, n, sc); q.end && q.unit == Unit::quarter && !q.plural) {
        n = q.end;
      } else if (auto rn = reporting_nouns.match(t, n, sc); rn.length) {
        n += rn.length;
      } else {
        n = 0;
      }
      if (det && n) {
        h.end = n;
        return h;
      }
      if (det) return std::nullopt;  // "the year-earlier results": not a period
      h.end = j;
      return h;
    }
    // "for the year ended Sept. 30": a fiscal year, a span of one year (TimeBank);
    // "For the year, volume was flat", "a high for the year of $42": this year
    if (det && k == i + 1 + year_adj && !(in(t, u.end) && is_hyphen(t[u.end]))) {
      if (reporting_span.match(t, u.end, sc).length) {
        r = RelativeDate{};
        r.kind = RelativeDate::Kind::duration;
        r.unit = Unit::year;
        r.count = 1;
        h.end = u.end;
        return h;
      }
      // "Sales for the full year were $6.6 billion": after "for", whatever follows
      // (not "the year before", "the year 2000")
      const bool after_for = i > 0 && reporting_for.match(t, i - 1, sc).length == 1 &&
                             is_word(t, u.end) && !off_before.match(t, u.end, sc).length &&
                             !off_after.match(t, u.end, sc).length;
      if (clause_end(t, u.end) || reporting_year_end.match(t, u.end, sc).length || after_for) {
        r = RelativeDate{};
        r.kind = RelativeDate::Kind::period;
        r.unit = Unit::year;
        h.end = u.end;
        return h;
      }
    }
    return std::nullopt;
  }
  // "the quarter", "this quarter", "the latest period"
  std::size_t j = i;
  if (auto th = reporting_this.match(t, j, sc); th.length) {
    j += th.length;
  } else {
    return std::nullopt;
  }
  // "the same period last year", "the corresponding quarter a year earlier": the reported
  // period a year back, the whole phrase (only with such a tail)
  const std::size_t same = det ? reporting_pre.match(t, j, sc).length : 0;
  j += same;
  if (auto q = read_unit(t, j, sc); q.end && q.unit == Unit::quarter && !q.plural) {
    j = q.end;
  } else if (auto rn = reporting_nouns.match(t, j, sc); rn.length) {
    j += rn.length;
  } else {
    return std::nullopt;
  }
  if (same) {
    const auto back = reporting_year_back.match(t, j, sc);
    if (!back.length) return std::nullopt;
    r.kind = RelativeDate::Kind::offset;
    r.unit = Unit::year;
    r.count = 1;
    r.direction = Direction::backward;
    h.end = j + back.length;
    return h;
  }
  // "For the quarter a year ago, Columbia reported ...": the same, without "same"
  if (const auto back = reporting_year_back.match(t, j, sc); back.length) {
    r.kind = RelativeDate::Kind::offset;
    r.unit = Unit::year;
    r.count = 1;
    r.direction = Direction::backward;
    h.end = j + back.length;
    return h;
  }
  r.kind = RelativeDate::Kind::period;
  r.unit = Unit::quarter;
  h.end = j;
  return h;
}

// [this|next|last] HOLIDAY [YEAR]: "Thanksgiving Day", "last Christmas", "Easter 2000".
// The holiday's first word must be capitalized ("Christmas", not "christmas trees").
std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_holiday(
    Tokens t, std::size_t i) const {
  if (!is_word(t, i)) return std::nullopt;
  Hit h;
  h.first = i;
  std::size_t k = i;
  RelativeDate& r = h.rel;
  r.kind = RelativeDate::Kind::calendar;
  if (auto s = shifters.match(t, k); s.length && holidays.match(t, k + s.length).length) {
    r.shift = static_cast<Shift>(s.value);
    k += s.length;
  }
  const std::size_t first = k;
  auto m = holidays.match(t, k);
  if (!m.length || !t[k].capitalized) return std::nullopt;
  k += m.length;
  // "Easter Island", "the Good Friday Agreement", "Christmas trees": names and things
  if (holiday_blockers.match(t, k).length) return std::nullopt;
  // "illustrator Johnnie Christmas", "Greek Independence Day", "the White House Easter Egg
  // Roll": a capitalized word (not in capitals) before it, inside the sentence, makes it
  // part of another name ("Merry Christmas" is the holiday)
  if (i == first && i >= 2 && is_word(t, i - 1) && t[i - 1].capitalized &&
      std::ranges::any_of(t[i - 1].text, [](char c) { return c >= 'a' && c <= 'z'; }) &&
      (is_word(t, i - 2) || is_num(t, i - 2)) && !holiday_name_leads.count(t[i - 1].lower))
    return std::nullopt;
  if (m.value > 0) {
    r.month = static_cast<unsigned>(m.value / 100);
    r.day = static_cast<unsigned>(m.value % 100);
  } else {
    r.holiday = static_cast<Holiday>(-m.value);
  }
  if (auto [ye, y] = read_year(t, k, false); ye && r.shift == Shift::none) {
    r.year = y;
    k = ye;
  }
  h.end = k;
  return h;
}

std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::rule_clock(Tokens t,
                                                                            std::size_t i) const {
  auto [ce, ct] = read_clock(t, i);
  if (!ce) return std::nullopt;
  // "3:30" with no marker: only after "at"/"by"/"until" and similar ("8am", "4:30pm": the
  // marker written on the number, a letter its last character)
  const bool marked =
      ce > i + 1 || is_word(t, i) || t[i].lower.back() < '0' || t[i].lower.back() > '9';
  if (!marked) {
    if (!(i > 0 && is_word(t, i - 1) &&
          (t[i - 1].lower == "at" || month_cues.match(t, i - 1).length == 1)))
      return std::nullopt;
  }
  Hit h;
  h.first = i;
  h.rel.kind = RelativeDate::Kind::offset;
  h.rel.unit = Unit::day;
  h.rel.count = 0;
  // a clock time with no day of its own is on the day the sentence named before it ("made
  // its first flight Tuesday ... at 18:00 UTC"), else the publication's (resolve())
  h.rel.anchor = AnchorRef::last_explicit;
  h.rel.clock = ct;
  h.end = ce;
  std::size_t k = ce;
  if (is_punct(t, k, ",")) ++k;
  if (day_prepositions.match(t, k).length == 1) ++k;  // "noon on Thursday"
  if (auto d = day_after_clock(t, k); d && !d->rel.clock && d->rel.part == PartOfDay::none) {
    h.rel = d->rel;
    h.rel.clock = ct;
    h.end = d->end;
    h.possessive = d->possessive;
    return h;
  }
  // the day after a bracketed aside ("at 10:35 a.m. (0735 GMT) Friday", "at 4 in the
  // morning (4 a.m. EDT Thursday)") or after the aside's own close ("0735 GMT) Friday"):
  // that day's clock time, the extent the clock time alone
  k = ce;
  if (is_punct(t, k, "(")) {
    std::size_t close = k + 1;
    while (close < k + 8 && in(t, close) && !is_punct(t, close, ")")) ++close;
    if (!is_punct(t, close, ")")) return h;
    k = close;
    // a day inside the aside, at its end: "(4 a.m. EDT Thursday)"
    for (std::size_t q = ce + 1; q < close; ++q)
      if (auto d = day_after_clock(t, q);
          d && d->end == close && !d->rel.clock && d->rel.part == PartOfDay::none) {
        h.rel = d->rel;
        h.rel.clock = ct;
        return h;
      }
  }
  if (!is_punct(t, k, ")")) return h;
  if (auto d = day_after_clock(t, k + 1); d && !d->rel.clock && d->rel.part == PartOfDay::none) {
    h.rel = d->rel;
    h.rel.clock = ct;
  }
  return h;
}

std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::day_after_clock(
    Tokens t, std::size_t i) const {
  if (!is_word(t, i)) return std::nullopt;
  std::optional<Hit> d = rule_weekday(t, i);
  if (!d) d = rule_named(t, i);
  if (!d) {
    d = rule_month(t, i);
    if (d && !d->rel.day) d.reset();
  }
  if (d && d->first != i) d.reset();
  return d;
}

std::optional<TemporalGrammar::Impl::Hit> TemporalGrammar::Impl::range_second_day(
    Tokens t, const Hit& first) const {
  const RelativeDate& f = first.rel;
  if (f.kind != RelativeDate::Kind::calendar || !f.month || !f.day || f.clock ||
      f.part != PartOfDay::none)
    return std::nullopt;
  const std::size_t de = range_day_end(t, first.end, *f.day);
  if (!de) return std::nullopt;
  // "18-20 February": the second day starts a reading of its own
  std::size_t m = de;
  if (is_word(t, m) && t[m].lower == "of") ++m;
  if (read_month(t, m, true).first) return std::nullopt;
  Hit h;
  h.first = first.end + 1;
  if (is_range_dash(t[first.end]) && is_punct(t, h.first, "-")) ++h.first;  // "18--20"
  h.end = de;
  h.rel.kind = RelativeDate::Kind::calendar;
  h.rel.month = f.month;
  h.rel.day = read_day_number(t, h.first).second;
  h.rel.year_shift = f.year_shift;
  h.rel.range_end = !f.year && !f.year_shift;
  if (f.year) {
    h.rel.year = f.year;
    std::size_t y = de;
    if (is_punct(t, y, ",")) ++y;
    if (auto [ye, yv] = read_year(t, y, false); ye && yv == *f.year) h.end = ye;
  }
  date::year_month_day ymd{date::year{2000}, date::month{*h.rel.month}, date::day{*h.rel.day}};
  if (!ymd.ok()) return std::nullopt;
  return h;
}

void TemporalGrammar::Impl::finish(Tokens t, Hit& h) const {
  // tag()'s scope over t (for the tables' look-ups and ahead_lists_of())
  const StartIds* const sc = scope_of(t);
  const std::uint32_t* const ids = sc ? sc->ids : nullptr;
  using K = RelativeDate::Kind;
  switch (h.rel.kind) {
    case K::duration: h.type = TimexType::duration; break;
    case K::set: h.type = TimexType::set; break;
    case K::fuzzy:
      h.type = h.rel.fuzzy_span ? TimexType::duration : TimexType::date;
      break;
    default:
      h.type = (h.rel.clock || h.rel.part != PartOfDay::none) ? TimexType::time
                                                               : TimexType::date;
  }
  if (!h.possessive && is_possessive(t, h.end)) h.possessive = true;
  // "around Nov. 1", "around 7:15 p.m.": the hedge is part of the date or time (TIMEX3
  // mod APPROX); not before a possessive ("to get around Wednesday's ruling")
  if (h.type != TimexType::duration && h.type != TimexType::set && h.rel.kind != K::fuzzy &&
      !h.possessive && h.first > 0 && date_approximators.match(t, h.first - 1, sc).length == 1)
    --h.first;
  // "until 1994 or later", "for 1990 and beyond": the open end is part of the date
  if (h.type == TimexType::date && h.rel.kind != K::fuzzy && !h.possessive)
    h.end += date_open_tails.match(t, h.end, sc).length;
  // "postponed until Monday": the day lies ahead of the postponement whatever the tense
  // of the clause. Phrases of up to three words ending right before the expression.
  if (h.rel.kind == K::weekday || h.rel.kind == K::calendar) {
    for (std::size_t len = 1; len <= 3 && len <= h.first; ++len) {
      if (future_hints.match(t, h.first - len, sc).length == len) {
        h.rel.direction = Direction::forward;
        break;
      }
      if (len == 1 && past_date_hints.match(t, h.first - 1, sc).length == 1) {
        h.rel.direction = Direction::backward;
        break;
      }
    }
    // "since shortly after the Oct. 23 slaying": the hint with a few link words between
    if (h.rel.direction == Direction::none) {
      for (std::size_t back = 1; back <= 3 && back < h.first; ++back) {
        if (!is_word(t, h.first - back) || !past_date_links.count(t[h.first - back].lower)) break;
        if (past_date_hints.match(t, h.first - back - 1, sc).length == 1) {
          h.rel.direction = Direction::backward;
          break;
        }
      }
    }
    // "forthcoming meetings -- the IMF session and the June summit": a year-less month or
    // a bare weekday in a list of events the text calls upcoming lies ahead. Looks back a
    // few words (up to 18), stopping at a sentence break or a stop word (a finite verb, a
    // relative pronoun, "last", "since").
    if (h.rel.direction == Direction::none && h.rel.shift == Shift::none && !h.rel.year &&
        !h.rel.year_shift) {
      for (std::size_t back = 1; back <= 18 && back <= h.first; ++back) {
        const auto& w = t[h.first - back];
        if (w.kind != TokenKind::word) {
          if (w.lower != "-" && w.lower != "--" && w.lower != "," && w.lower != "/") break;
          continue;
        }
        const std::uint8_t lists = ahead_lists_of(t, ids, h.first - back);
        if (lists & kAheadStop) break;
        if (lists & kAheadCue) {
          h.rel.direction = Direction::forward;
          break;
        }
      }
    }
    // "reached an agreement to acquire the unit in April": a date after "<noun> to <verb>"
    // dates the planned act, not the past clause around it; read it like a deadline (the
    // nearest reading unless the clause is future). Same bounded look-back and stops.
    if (h.rel.direction == Direction::none && h.rel.shift == Shift::none && !h.rel.year &&
        !h.rel.year_shift && !h.rel.deadline) {
      for (std::size_t back = 2; back <= 14 && back < h.first; ++back) {
        const auto& w = t[h.first - back];
        if (w.kind != TokenKind::word) {
          // "to acquire the Peoria, Ill., bank holding company in January", "to purchase
          // the line for $22 million in February"
          if (w.lower != "," && w.lower != "." && w.lower != "-" && w.kind != TokenKind::number &&
              !(ahead_lists_of(t, ids, h.first - back) & kAheadAmount) &&
              !is_possessive(t, h.first - back))
            break;
          continue;
        }
        if (ahead_lists_of(t, ids, h.first - back) & kAheadStop) break;
        if (w.lower == "to" && (ahead_lists_of(t, ids, h.first - back - 1) & kAheadNoun)) {
          h.rel.deadline = true;
          break;
        }
        // "invited President Lula to visit Washington in early February": the same for the
        // act someone is asked to do (the asking verb up to seven words before "to")
        if (w.lower == "to") {
          bool asked = false;
          for (std::size_t k = 1; k <= 7 && k <= h.first - back; ++k) {
            const auto& v = t[h.first - back - k];
            // "subpoenaed 6-year-old Elian to testify"
            if (v.kind != TokenKind::word && (v.kind == TokenKind::number || is_hyphen(v)))
              continue;
            if (v.kind != TokenKind::word) break;
            const std::uint8_t lists = ahead_lists_of(t, ids, h.first - back - k);
            if (lists & kAheadStop) break;
            if (lists & kAheadAsker) asked = true;
            if (asked) break;
          }
          if (asked) {
            h.rel.deadline = true;
            break;
          }
        }
      }
    }
    // "the accession was planned for early March": the date of a plan, the nearest reading
    // unless the clause is future (like a deadline)
    if (h.rel.kind == K::calendar && h.rel.direction == Direction::none && !h.rel.year &&
        !h.rel.year_shift && h.rel.shift == Shift::none && h.first >= 2) {
      const auto lead = plan_leads.match(t, h.first - 2, sc);
      if (lead.length == 2) h.rel.deadline = true;
    }
    // "has set Nov. 10 as the deadline", "a Jan. 14 return date": a deadline, the nearest
    // reading unless the clause is future
    if (h.rel.kind == K::calendar && h.rel.direction == Direction::none && !h.rel.year &&
        !h.rel.year_shift && h.rel.shift == Shift::none && !h.rel.clock &&
        deadline_tails.match(t, h.end, sc).length)
      h.rel.deadline = true;
    // "by Wednesday", "until Thursday": ahead, unless the clause is past ("had filed
    // reports by Wednesday", "Until Thursday, they had not called him a suspect")
    if (h.rel.direction == Direction::none && h.first > 0 &&
        weak_future_hints.match(t, h.first - 1, sc).length == 1) {
      // a calendar date after "by"/"until" is a deadline: the nearest reading unless the
      // clause is future ("said Elian must be returned by Jan. 14"); a clock time is ahead
      h.rel.forward_unless_past = h.rel.kind == K::weekday && !h.rel.clock;
      if (h.rel.kind == K::calendar && !h.rel.clock)
        h.rel.deadline = true;
      else
        h.rel.direction = Direction::forward;
    }
    // "ordered government offices closed until Wednesday", "has kept the markets closed
    // until Friday": a state that lasts until a bare weekday ends ahead even in a past
    // clause; not after a negation or "had" ("did not begin until Sunday", "had stayed open
    // until Friday": the weekday is past), nor with the sentence opening on it ("Until
    // Thursday, they had ...", "Up until Thursday")
    if (h.rel.kind == K::weekday && h.rel.forward_unless_past && h.first >= 2 &&
        until_words.match(t, h.first - 1, sc).length == 1) {
      std::size_t words = 0;
      bool blocked = false;
      for (std::size_t k = h.first - 1; k-- > 0 && k + 24 >= h.first;) {
        if (!is_word(t, k)) {
          if (t[k].lower == "," || is_hyphen(t[k])) continue;
          break;
        }
        ++words;
        if (until_blockers.match(t, k, sc).length == 1 || t[k].lower.ends_with("n't")) {
          blocked = true;
          break;
        }
      }
      if (!blocked && words >= 2) h.rel.forward_unless_past = false;
    }
    // "Wednesday's ruling", "Thursday's closing price": a day a news story names by its
    // possessive is one already past (or the publication's own day).
    if (h.rel.kind == K::weekday && h.rel.shift == Shift::none &&
        h.rel.direction == Direction::none && h.possessive && !h.rel.clock &&
        h.rel.part == PartOfDay::none)
      h.rel.possessive_day = true;
    // "the rebels marched on the capital in March", "the accession took place in early
    // March", "reviewed the results of the July 11-12 summit": a year-less month or day a
    // few words after a past verb (its complement between) dates that past act, even in the
    // month after the publication's (resolve())
    if (h.rel.kind == K::calendar && h.rel.month && !h.rel.year && !h.rel.year_shift) {
      std::size_t j = h.first;
      if (j > 0 && month_prepositions.match(t, j - 1, sc).length == 1) --j;
      for (std::size_t back = 1; back <= 6 && back <= j; ++back) {
        if (!is_word(t, j - back)) break;
        const auto& v = t[j - back].lower;
        if (past_hints.match(t, j - back, sc).length == 1 ||
            past_act_verbs.match(t, j - back, sc).length == 1 ||
            (v.size() > 4 && v.ends_with("ed"))) {
          h.rel.past_act = true;
          break;
        }
      }
      // "In April, HUD withdrew the rule": a date set before its clause dates the clause's
      // own act
      if (j < h.first && (j == 0 || !is_word(t, j - 1)) && h.end < t.size() &&
          t[h.end].lower == ",")
        h.rel.past_act = true;
    }
    // "said Tuesday", "told reporters on Friday": the day of a reported past act (not
    // "said Tuesday's meeting will ...": there the day qualifies the noun).
    if (h.rel.kind == K::weekday && h.rel.shift == Shift::none &&
        h.rel.direction == Direction::none && !h.rel.possessive_day) {
      std::size_t j = h.first;
      if (j > 0 && day_prepositions.match(t, j - 1, sc).length == 1) --j;
      // the verb right before, or with one word between ("told reporters on Friday")
      for (std::size_t back = 1; back <= 2 && back <= j; ++back) {
        if (is_word(t, j - back) && past_hints.match(t, j - back, sc).length == 1) {
          h.rel.direction = Direction::backward;
          break;
        }
      }
      // a past verb with its particle ("spoke out on Tuesday", "set off Monday", "broke
      // down on Friday"): not after a modal or "to" ("will set off on Monday")
      if (j >= 2 && is_word(t, j - 1) && verb_particles.match(t, j - 1, sc).length == 1 &&
          is_word(t, j - 2) &&
          (past_hints.match(t, j - 2, sc).length == 1 ||
           past_act_verbs.match(t, j - 2, sc).length == 1) &&
          !(j >= 3 && verb_leads.count(t[j - 3].lower)))
        h.rel.direction = Direction::backward;
    }
  }
}

// ---------------------------------------------------------------------------------------

TemporalGrammar::TemporalGrammar(const Lexicon& temporal_lexicon)
    : impl_(std::make_unique<Impl>(temporal_lexicon)) {
  impl_->declare_gates();  // after every table is filled
}
TemporalGrammar::~TemporalGrammar() = default;
TemporalGrammar::TemporalGrammar(TemporalGrammar&&) noexcept = default;
TemporalGrammar& TemporalGrammar::operator=(TemporalGrammar&&) noexcept = default;

namespace {
// The readings tag() hands out (TimexMatch::rel) are shared, each in one block with its
// count. A thread keeps up to kKept of the blocks it frees for the next readings instead
// of handing them back to malloc: sentence after sentence the same block size comes and
// goes. (A block freed after the thread's list is gone goes back to malloc.)
template <class T>
class KeptBlocks {
 public:
  using value_type = T;
  KeptBlocks() = default;
  template <class U>
  KeptBlocks(const KeptBlocks<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n == 1 && list.head) {
      Block* b = list.head;
      list.head = b->next;
      --list.count;
      return reinterpret_cast<T*>(b);
    }
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n == 1 && !list.closed && list.count < kKept) {
      thread_local Release release;  // (frees the list when the thread ends)
      (void)release;
      Block* b = reinterpret_cast<Block*>(p);
      b->next = list.head;
      list.head = b;
      ++list.count;
      return;
    }
    ::operator delete(p);
  }
  friend bool operator==(const KeptBlocks&, const KeptBlocks&) { return true; }

 private:
  static constexpr std::size_t kKept = 256;
  union Block {
    Block* next;
    alignas(T) unsigned char bytes[sizeof(T)];
  };
  struct List {
    Block* head;
    std::size_t count;
    bool closed;
  };
  static constinit inline thread_local List list{};  // (all zero)
  struct Release {
    ~Release() {
      list.closed = true;
      while (Block* b = list.head) {
        list.head = b->next;
        ::operator delete(b);
      }
      list.count = 0;
    }
  };
};

std::shared_ptr<const RelativeDate> shared_reading(const RelativeDate& rel) {
  return std::allocate_shared<const RelativeDate>(KeptBlocks<RelativeDate>{}, rel);
}
}  // namespace

// (Not inlined, and made for gated and not gated tag() apart: in a function of its own the
// loop keeps its values in registers.)
template <bool kGated>
[[gnu::noinline]] TemporalGrammar::Impl::Marks TemporalGrammar::Impl::mark_tries(
    Tokens t, const std::uint32_t* start_ids, std::uint32_t* classes, const std::uint32_t* marked,
    std::size_t n_marked, std::uint32_t* tries, std::uint32_t* try_heads,
    std::uint32_t* heads) const {
  const std::size_t n = t.size();
  const Token* const tokens = t.data();
  const auto absent_id = static_cast<std::uint32_t>(start_words.size());
  const std::uint32_t head_classes = this->head_classes;
  // (the counts in locals, not in the returned Marks: the stores to classes could change
  // those, as far as the compiler knows, and would send them to memory each token)
  std::size_t n_tries = 0, n_heads = 0;
  std::uint32_t any_class = 0;
  for (std::size_t m = 0; m < n_marked; ++m) {
    const std::size_t k = marked[m];
    const Token& tok = tokens[k];
    std::uint32_t c = classes[k];
    const bool has_next = k + 1 < n;
    // the next token is a word in no phrase of any table (found without a branch: the
    // answer follows no pattern; k itself is read when there is none, then not counted)
    const std::size_t next = has_next ? k + 1 : k;
    const bool before_absent =
        has_next & (start_ids[next] == absent_id) & (tokens[next].kind == TokenKind::word);
    // (a next word that is a word and none of the paired word's second words, as its filter
    // bit says, gives no class, nor does one in no phrase; punctuation may be a hyphen
    // before the second word)
    // (without a branch up to the look-up itself, which few tokens need: which words are
    // paired follows no pattern; pair_filter has a row for every number)
    const std::uint64_t pair_filter_bit = pair_filter[start_ids[k]] >> (start_ids[next] & 63) & 1;
    const std::uint32_t may_pair =
        (c >> 31) & has_next & !before_absent &
        (static_cast<std::uint32_t>(tokens[next].kind == TokenKind::punct) |
         static_cast<std::uint32_t>(pair_filter_bit));
    static_assert(kPaired == 1u << 31);
    if (may_pair) c |= paired_classes(t, start_ids, k);
    // (the kCapitalizedOnly classes dropped from a word not capitalized, kNumberToken added
    // to a number, without a branch)
    c &= ~(kCapitalizedOnly & (std::uint32_t{tok.capitalized} - 1));
    static_assert(kNumberToken == 1);
    c |= static_cast<std::uint32_t>(tok.kind == TokenKind::number);
    if (tok.kind == TokenKind::punct && is_apostrophe(tok.lower))
      c |= kApostrophe;  // read by rule_numeric (short decades) as it is
    classes[k] = c;
    any_class |= c;
    // (each try notes the first head at or after it: heads are listed up to k - 1 here.)
    // A try is no punctuation; when gated, of some class but kPaired, and not "the
    // company", "a share": a word of kLeadOnly classes only (it only leads a reading) before
    // a word in no phrase of any table starts none (each rule tried at it reads the next
    // word by its tables; a range link is a start word: Impl()).
    tries[n_tries] = static_cast<std::uint32_t>(k);
    try_heads[n_tries] = static_cast<std::uint32_t>(n_heads);
    if constexpr (kGated)
      n_tries += (tok.kind != TokenKind::punct) & ((c & ~kPaired) != 0) &
                 !(before_absent & ((c & ~kLeadOnly) == 0));
    else
      n_tries += tok.kind != TokenKind::punct;
    heads[n_heads] = static_cast<std::uint32_t>(k);
    n_heads += (c & head_classes) != 0;
  }
  return {n_tries, n_heads, any_class};
}

std::vector<TimexMatch> TemporalGrammar::tag(std::span<const sdk::Token> tokens) const {
  std::vector<TimexMatch> out;
  tag(tokens, /*skip_non_start_words=*/true, out);
  return out;
}

void TemporalGrammar::tag(std::span<const sdk::Token> tokens, std::vector<TimexMatch>& out) const {
  tag(tokens, /*skip_non_start_words=*/true, out);
}

std::vector<TimexMatch> TemporalGrammar::tag_every_word(std::span<const sdk::Token> tokens) const {
  std::vector<TimexMatch> out;
  tag(tokens, /*skip_non_start_words=*/false, out);
  return out;
}

std::uint32_t TemporalGrammar::start_word_count() const noexcept {
  return static_cast<std::uint32_t>(impl_->start_words.size());
}
const std::string& TemporalGrammar::start_word(std::uint32_t id) const {
  return impl_->start_words.word(id);
}
std::uint32_t TemporalGrammar::start_word_id(std::string_view lower) const noexcept {
  const std::uint32_t id = impl_->start_words.find(lower);
  return id == detail::WordIndex::npos ? start_word_count() : id;
}

void TemporalGrammar::tag(std::span<const sdk::Token> tokens, const std::uint32_t* word_ids,
                          const std::uint32_t* start_id_by_word,
                          std::vector<TimexMatch>& out) const {
  tag(tokens, /*skip_non_start_words=*/true, out, word_ids, start_id_by_word);
}

void TemporalGrammar::tag(std::span<const sdk::Token> tokens, bool skip_non_start_words,
                          std::vector<TimexMatch>& out, const std::uint32_t* word_ids,
                          const std::uint32_t* start_id_by_word) const {
  // Each rule's reader by its number: the order in which they are tried at a token (the
  // first wins ties, so the reporting rule comes first).
  static constexpr std::array<Impl::RuleFn, Impl::kRules> kReaders{
      &Impl::rule_reporting,   &Impl::rule_phrases,
      &Impl::rule_named,       &Impl::rule_holiday,
      &Impl::rule_weekday,     &Impl::rule_month,
      &Impl::rule_day_month,   &Impl::rule_numeric,
      &Impl::rule_period,      &Impl::rule_ordinal_period,
      &Impl::rule_year_period, &Impl::rule_count,
      &Impl::rule_set,         &Impl::rule_clock};
  static_assert(Impl::kRuleReporting == 0 && Impl::kRulePhrases == 1 && Impl::kRuleNamed == 2 &&
                    Impl::kRuleHoliday == 3 && Impl::kRuleWeekday == 4 && Impl::kRuleMonth == 5 &&
                    Impl::kRuleDayMonth == 6 && Impl::kRuleNumeric == 7 && Impl::kRulePeriod == 8 &&
                    Impl::kRuleOrdinalPeriod == 9 && Impl::kRuleYearPeriod == 10 &&
                    Impl::kRuleCount == 11 && Impl::kRuleSet == 12 && Impl::kRuleClock == 13,
                "kReaders follows the order of Impl::Rule");
  // The rules that may start a longer reading inside one found ("in the past three months").
  static constexpr std::array<Impl::Rule, 4> kInnerRules{Impl::kRuleCount, Impl::kRulePeriod,
                                                         Impl::kRuleMonth, Impl::kRuleNumeric};
  out.clear();
  const Impl& g = *impl_;
  // the tokens' hashes for every look-up below: those of the caller's scope when it covers
  // the tokens (analyze()'s), else of a scope of its own
  std::unique_ptr<detail::SentenceHashes> own_hashes;
  if (!detail::SentenceHashes::all_of(tokens.data(), tokens.size()))
    own_hashes = std::make_unique<detail::SentenceHashes>(tokens.data(), tokens.size());
  // per-token buffers, kept by the thread from sentence to sentence (a tag() inside a
  // tag() on the same thread gets its own)
  thread_local TagScratch kept;
  std::unique_ptr<TagScratch> own;
  TagScratch& sc = kept.busy ? *(own = std::make_unique<TagScratch>()) : kept;
  sc.busy = true;
  const std::size_t n = tokens.size();
  const StartIds saved_ids = current_start_ids;
  struct Restore {
    StartIds saved;
    TagScratch& sc;
    ~Restore() {
      current_start_ids = saved;
      sc.busy = false;
    }
  } restore{saved_ids, sc};
  // Each token's number in the start-word index and its word classes; with them each
  // rule's gate (declare_gates()) tells where the rule can read something. One pass also
  // lists the tokens where some rule may start (`tries`: not punctuation, and of some
  // gate's class; every token when not gated) and those that can be a rule's head
  // (`heads`): the scan below visits only the former and looks ahead only at the latter.
  const bool gated = skip_non_start_words;
  if (sc.per_token.size() < 6 * n) sc.per_token.resize(6 * n);
  std::uint32_t* const start_ids = sc.per_token.data();
  std::uint32_t* const classes = start_ids + n;
  std::uint32_t* const tries = classes + n;
  std::uint32_t* const try_heads = tries + n;
  std::uint32_t* const heads = try_heads + n;
  std::uint32_t* const marked = heads + n;
  // (a scope covers the tokens, so their hashes are there)
  const std::uint64_t* word_hashes = detail::SentenceHashes::all_of(tokens.data(), n);
  if (!word_hashes) {
    sc.hashes.resize(n);
    for (std::size_t k = 0; k < n; ++k) sc.hashes[k] = detail::word_hash(tokens[k].lower);
    word_hashes = sc.hashes.data();
  }
  // First pass (detail::look_up_tokens()), over every token (a word not in the index: the
  // number after the last, which starts nothing; the index is never empty once
  // declare_gates() ran); second pass over the marked tokens.
  std::size_t n_marked = 0;
  if (!gated)
    n_marked = detail::look_up_tokens<false>(tokens.data(), word_hashes, n, g.start_words,
                                             g.start_classes.data(), start_ids, classes, marked);
  else if (word_ids)  // (the caller's numbers stand for the look-up)
    n_marked = detail::classify_tokens(tokens.data(), word_hashes, word_ids, start_id_by_word, n,
                                       g.start_classes.data(), start_ids, classes, marked);
  else
    n_marked = detail::look_up_tokens<true>(tokens.data(), word_hashes, n, g.start_words,
                                            g.start_classes.data(), start_ids, classes, marked);
  const auto absent_id = static_cast<std::uint32_t>(g.start_words.size());
  // Second pass, over the marked tokens: their classes by the next word and the token, and
  // the lists of tries and heads.
  const Impl::Marks marks = gated ? g.mark_tries<true>(tokens, start_ids, classes, marked, n_marked,
                                                       tries, try_heads, heads)
                                  : g.mark_tries<false>(tokens, start_ids, classes, marked,
                                                        n_marked, tries, try_heads, heads);
  const std::size_t n_tries = marks.tries, n_heads = marks.heads;
  const std::uint32_t any_class = marks.any_class, head_classes = g.head_classes;
  // A sentence with no class at all holds no expression.
  if (n_tries == 0) return;
  current_start_ids = {tokens.data(), tokens.size(), start_ids, &g.start_words, classes};
  // the rules whose head (gate.near) some token of the sentence is
  const std::uint32_t heads_here = g.rules_near_classes(any_class & head_classes);
  const std::size_t widest = g.rules_within.size() - 1;
  // The rules whose gate holds at token `at` (bit r: rule r), from its classes: the rules
  // it is the head of, and those it can start whose head lies close enough after it.
  // heads[head_from]: a head at or before the first one at or after `at`.
  // (inlined at its two calls: the call cost as much as most of its work)
  auto rules_at = [&](std::size_t at, std::size_t head_from) __attribute__((always_inline)) {
    if (!gated) return (1u << Impl::kRules) - 1;
    const std::uint32_t c = classes[at];
    const std::uint64_t at_first = g.rules_at_first_classes(c);
    const auto here = static_cast<std::uint32_t>(at_first);
    std::uint32_t pending = static_cast<std::uint32_t>(at_first >> 32) & ~here & heads_here;
    if (!pending) return here;
    std::size_t h = head_from;
    while (h < n_heads && heads[h] < at) ++h;
    // the heads in the widest window, in order: each ends the wait of the rules it is the
    // head of whose window reaches it; the scan ends where no waiting rule's window does,
    // or where each waiting rule met a word it cannot read before its head (Impl::gap_rules:
    // a word in no phrase of any table ends every rule's window)
    std::uint32_t found = 0;
    std::size_t clear = at + 1;  // tokens at + 1 .. clear - 1: read by the rules of `open`
    std::uint32_t open = ~std::uint32_t{0};
    for (; h < n_heads && heads[h] - at <= widest; ++h) {
      const std::uint32_t reach = pending & g.rules_within[heads[h] - at];
      if (!reach) break;
      std::uint32_t now = reach & g.rules_near_classes(classes[heads[h]]);
      if (!now) continue;
      for (; clear < heads[h]; ++clear)
        if (tokens[clear].kind == TokenKind::word) open &= g.gap_rules[start_ids[clear]];
      pending &= open;
      if (!pending) return here | found;
      now &= open;
      found |= now;
      pending &= ~now;
    }
    return here | found;
  };
  // a sentence about reported results ("$", "million", "a share"): one linear pass, made
  // when a rule or a reading first asks
  enum class Business { unknown, no, yes } business = Business::unknown;
  auto in_business = [&] {
    if (business == Business::unknown) {
      business = Business::no;
      for (std::size_t k = 0; k < n; ++k)
        if (g.business_cues.starts_with(start_ids[k]) && g.business_cues.match(tokens, k).length) {
          business = Business::yes;
          break;
        }
    }
    return business == Business::yes;
  };
  // the rules the shape of a number token may rule out (Impl::number_rules())
  constexpr std::uint32_t kNumberRules = 1u << Impl::kRuleNumeric | 1u << Impl::kRuleClock |
                                         1u << Impl::kRuleOrdinalPeriod |
                                         1u << Impl::kRuleDayMonth | 1u << Impl::kRuleYearPeriod |
                                         1u << Impl::kRuleCount | 1u << Impl::kRuleSet;
  std::size_t i = 0;  // the first token not read yet
  // Three places for readings: each rule's reading is made in the free one (a rule's return
  // value is built right there), which trades places with the best reading at i or the best
  // one inside it when it wins: no reading is copied or cleared.
  union Slot {
    Slot() {}  // (left unset: each reading is made over it)
    std::optional<Impl::Hit> hit;
  } slots[3];
  static_assert(std::is_trivially_destructible_v<std::optional<Impl::Hit>>,
                "a reading is made over the last one without ending it");
  int free_slot = 0, best_slot = 1, inner_slot = 2;  // (always three different ones)
  // rule r's reading at token `at`, in the free slot
  auto read_into_free_slot = [&](std::size_t r, std::size_t at) __attribute__((always_inline)) {
    return ::new (static_cast<void*>(&slots[free_slot].hit))
        std::optional<Impl::Hit>((g.*kReaders[r])(tokens, at));
  };
  for (std::size_t t = 0; t < n_tries; ++t) {
    if (tries[t] < i) continue;
    i = tries[t];
    std::uint32_t rules = rules_at(i, try_heads[t]);
    if ((rules & kNumberRules) && gated && tokens[i].kind == TokenKind::number)
      rules &= ~kNumberRules | g.number_rules(tokens, i, classes[i]);
    constexpr std::uint32_t kReporting = 1u << Impl::kRuleReporting;
    if ((rules & kReporting) && !in_business()) rules &= ~kReporting;  // results sentences only
    if (!rules) continue;
    Impl::Hit* best = nullptr;  // the reading at i (in slots[best_slot])
    for (; rules; rules &= rules - 1) {
      std::optional<Impl::Hit>& h = *read_into_free_slot(std::countr_zero(rules), i);
      if (h && h->end > h->first &&
          (!best || h->end > best->end || (h->end == best->end && h->first < best->first))) {
        best = &*h;
        std::swap(best_slot, free_slot);
      }
    }
    if (!best) continue;
    // "in the past three months": a reading starting inside this one that reaches
    // further wins (bounded: only starts inside the current reading are tried). It reads
    // the token after this one: none when that is a word in no phrase of any table (no rule
    // reads one) or the sentence ends.
    const std::size_t after = best->end;
    const bool may_reach = !gated || (after < n && !(start_ids[after] == absent_id &&
                                                     tokens[after].kind == TokenKind::word));
    // a count, a period or a numeric date reads no comma or full stop (a month does: "last
    // Oct. 17")
    const bool stop_after = gated && may_reach && tokens[after].kind == TokenKind::punct &&
                            (tokens[after].lower == "," || tokens[after].lower == ".");
    for (std::size_t j = best->first + 1; may_reach && j < best->end; ++j) {
      Impl::Hit* inner = nullptr;  // (in slots[inner_slot])
      std::uint32_t inner_rules = rules_at(j, j < i ? 0 : try_heads[t]);
      if (stop_after) inner_rules &= 1u << Impl::kRuleMonth;
      if ((inner_rules & kNumberRules) && gated && tokens[j].kind == TokenKind::number)
        inner_rules &= ~kNumberRules | g.number_rules(tokens, j, classes[j]);
      for (const Impl::Rule r : kInnerRules) {
        if (!(inner_rules & (1u << r))) continue;
        std::optional<Impl::Hit>& h = *read_into_free_slot(r, j);
        if (h && h->first == j && (!inner || h->end > inner->end)) {
          inner = &*h;
          std::swap(inner_slot, free_slot);
        }
      }
      if (inner && inner->end > best->end) {
        best = inner;
        std::swap(best_slot, inner_slot);
        break;
      }
    }
    g.finish(tokens, *best);
    Impl::Hit* const done = best;
    // "a year ago", "a year earlier" in a results sentence: the reported quarter a year back
    if (done->rel.kind == RelativeDate::Kind::offset && done->rel.unit == Unit::year &&
        done->rel.count == 1 && done->rel.direction == Direction::backward &&
        done->rel.clock == std::nullopt && in_business())
      done->rel.reporting = true;
    // "For the nine months, net was $18.9 million, compared with a loss a year earlier", "a
    // loss of $195 million in the 1988 period": in a sentence reporting a span of months, a
    // period of a named year or a year back that names no quarter is that year (TimeBank)
    if (done->rel.reporting && (done->rel.year || (done->rel.kind == RelativeDate::Kind::offset &&
                                                   done->rel.direction == Direction::backward))) {
      bool quarter = false;
      for (std::size_t k = done->first; k < done->end && !quarter; ++k)
        quarter = g.read_unit(tokens, k).unit == Unit::quarter;
      bool months = false;
      for (std::size_t k = 0; k < n && !quarter && !months; ++k)
        months = g.reporting_year_spans.match(tokens, k).length > 0;
      if (months) done->rel.reporting = false;
    }
    TimexMatch m;
    m.first_token = done->first;
    m.last_token = done->end;
    m.type = done->type;
    m.possessive = done->possessive;
    m.rel = shared_reading(done->rel);
    if (out.empty()) out.reserve(4);  // (room for a few readings at the first)
    out.push_back(std::move(m));
    i = done->end;
    // "February 18-20, 2025": the range's second day, "20, 2025" (only after a reading with
    // a day: range_second_day() reads nothing else)
    if (auto second = done->rel.day ? g.range_second_day(tokens, *done) : std::nullopt) {
      Impl::Hit& d2 = *second;
      g.finish(tokens, d2);
      TimexMatch m2;
      m2.first_token = d2.first;
      m2.last_token = d2.end;
      m2.type = d2.type;
      m2.rel = shared_reading(d2.rel);
      out.push_back(std::move(m2));
      i = d2.end;
    }
  }
  // "March 9 to July 14, 2019", "February 14 to February 15, 2019": a year-less day joined
  // to a day with its year takes that year (the one before when it would fall after it)
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const RelativeDate& a = *out[k].rel;
    const RelativeDate& b = *out[k + 1].rel;
    if (a.kind != RelativeDate::Kind::calendar || !a.month || !a.day || a.year || a.year_shift ||
        b.kind != RelativeDate::Kind::calendar || !b.month || !b.day || !b.year ||
        out[k + 1].first_token != out[k].last_token + 1)
      continue;
    const sdk::Token& w = tokens[out[k].last_token];
    if (!is_range_dash(w) && !(w.kind == TokenKind::word && g.day_range_words.count(w.lower)))
      continue;
    RelativeDate joined = a;
    joined.year = std::pair(*a.month, *a.day) > std::pair(*b.month, *b.day) ? *b.year - 1 : *b.year;
    out[k].rel = shared_reading(joined);
  }
  // "April of last year", "October of next year", "May 12th of last year": a year-less month
  // or day is in the year the next expression names
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const RelativeDate& a = *out[k].rel;
    const RelativeDate& b = *out[k + 1].rel;
    // "September of that year": the year of the last month or day the text names
    const bool that_year =
        b.anchor == AnchorRef::last_explicit && b.shift == Shift::none && !b.year_shift;
    if (a.kind != RelativeDate::Kind::calendar || !a.month || a.year || a.year_shift ||
        b.kind != RelativeDate::Kind::period || b.unit != Unit::year || b.mod != Mod::none ||
        !(that_year || (b.anchor == AnchorRef::publication && b.shift != Shift::none)) ||
        out[k + 1].first_token != out[k].last_token + 1 ||
        tokens[out[k].last_token].kind != TokenKind::word ||
        tokens[out[k].last_token].lower != "of")
      continue;
    RelativeDate joined = a;
    if (that_year)
      joined.anchor = AnchorRef::last_explicit;
    else
      joined.year_shift = b.shift == Shift::next ? 1 : b.shift == Shift::last ? -1 : 0;
    out[k].rel = shared_reading(joined);
  }
  // "the April/February period of 1986/87", "the April through February period": a range
  // of year-less months across a year end, a period of results; its first month is in the
  // year before its last (the split year's first, when one follows: "of 1986/87")
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const RelativeDate& a = *out[k].rel;
    const RelativeDate& b = *out[k + 1].rel;
    auto month_only = [](const RelativeDate& r) {
      return r.kind == RelativeDate::Kind::calendar && r.month && !r.day && !r.year &&
             !r.year_shift && r.shift == Shift::none && r.anchor == AnchorRef::publication;
    };
    if (!month_only(a) || !month_only(b) || *a.month <= *b.month ||
        out[k + 1].first_token != out[k].last_token + 1)
      continue;
    const sdk::Token& w = tokens[out[k].last_token];
    const std::size_t e = out[k + 1].last_token;
    if (!(w.lower == "/" || is_range_dash(w) ||
          (w.kind == TokenKind::word && g.day_range_words.count(w.lower))) ||
        !g.reporting_nouns.match(tokens, e).length)
      continue;
    RelativeDate first = a;
    RelativeDate last = b;
    // "of 1986/87": the split year written after it
    const RelativeDate* y = k + 2 < out.size() ? out[k + 2].rel.get() : nullptr;
    if (y && y->kind == RelativeDate::Kind::calendar && y->year && !y->month && !y->quarter &&
        !y->half && y->season == Season::none && !y->decade && !y->century &&
        out[k + 2].first_token == e + 2 &&
        (out[k + 2].last_token > e + 3 || tokens[e + 2].lower.find('/') != std::string::npos) &&
        Impl::is_word(tokens, e + 1) &&
        (tokens[e + 1].lower == "of" || tokens[e + 1].lower == "in")) {
      first.year = *y->year;
      last.year = *y->year + 1;
      out[k + 1].rel = shared_reading(last);
    } else {
      first.range_to_month = *b.month;
    }
    out[k].rel = shared_reading(first);
  }
  // "the fourth quarter 1985", "first-half 1986": a year-less quarter or half right before
  // a year is that year's
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const RelativeDate& a = *out[k].rel;
    const RelativeDate& b = *out[k + 1].rel;
    if (a.kind != RelativeDate::Kind::calendar || !(a.quarter || a.half) || a.year ||
        a.year_shift || a.reporting || b.kind != RelativeDate::Kind::calendar || !b.year ||
        b.month || b.quarter || b.half || b.season != Season::none || b.decade || b.century ||
        b.holiday != Holiday::none || out[k + 1].first_token != out[k].last_token)
      continue;
    RelativeDate joined = a;
    joined.year = b.year;
    out[k].rel = shared_reading(joined);
  }
}

// =======================================================================================
// Resolution

namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

struct Span {
  sys_days b, e;
};

std::string year_str(int y) {
  return cal::iso_year(sys_days{date::year{y} / 1 / 1});
}

// A TIMEX3 value ("1987-03", "1987-Q3", "2025-02-18T10:30Z") written in a fixed buffer,
// made a string once: values are a few characters, and most would otherwise be built from
// several temporary strings.
class ValueText {
 public:
  // the year as year_str() writes it
  ValueText& year(int y) {
    if (y < 1000 || y > 9999) return text(year_str(y));
    return digits(static_cast<unsigned>(y), 4);
  }
  // at least two digits ("03", "12")
  ValueText& two(unsigned v) { return digits(v, 2); }
  template <class Int>
  ValueText& number(Int v) {
    const auto r = std::to_chars(buf_ + n_, buf_ + kSize, v);
    n_ = static_cast<std::size_t>(r.ptr - buf_);
    return *this;
  }
  ValueText& text(std::string_view s) {
    const std::size_t k = std::min(s.size(), kSize - n_);
    std::copy_n(s.data(), k, buf_ + n_);
    n_ += k;
    return *this;
  }
  std::string str() const { return std::string(buf_, n_); }

 private:
  // v with leading zeros to `width` digits
  ValueText& digits(unsigned v, std::size_t width) {
    char tmp[10];
    const auto k = static_cast<std::size_t>(std::to_chars(tmp, tmp + sizeof tmp, v).ptr - tmp);
    for (std::size_t z = k; z < width && n_ < kSize; ++z) buf_[n_++] = '0';
    return text(std::string_view(tmp, k));
  }
  static constexpr std::size_t kSize = 48;
  char buf_[kSize];
  std::size_t n_ = 0;
};

const char* part_code(PartOfDay p) {
  switch (p) {
    case PartOfDay::morning: return "MO";
    case PartOfDay::afternoon: return "AF";
    case PartOfDay::evening: return "EV";
    case PartOfDay::night: return "NI";
    default: return "";
  }
}
const char* season_code(Season s) {
  switch (s) {
    case Season::spring: return "SP";
    case Season::summer: return "SU";
    case Season::fall: return "FA";
    case Season::winter: return "WI";
    default: return "";
  }
}

Span month_span(int y, unsigned m) {
  const date::year_month ym = date::year{y} / date::month{m};
  return {sys_days{ym / 1}, sys_days{ym / date::last}};
}
// The months first .. first + n - 1 (the last may be in the next year).
Span months_span(int y, unsigned first, int n) {
  const date::year_month ym = date::year{y} / date::month{first};
  return {sys_days{ym / 1}, sys_days{(ym + date::months{n - 1}) / date::last}};
}
Span quarter_span(int y, unsigned q) { return months_span(y, 3 * (q - 1) + 1, 3); }
Span half_span(int y, unsigned h) { return months_span(y, 6 * (h - 1) + 1, 6); }
// Meteorological seasons; winter Y is Dec Y .. Feb Y+1.
Span season_span(int y, Season s) {
  unsigned m = s == Season::spring ? 3 : s == Season::summer ? 6 : s == Season::fall ? 9 : 12;
  return months_span(y, m, 3);
}
Span year_span(int y) {
  return {sys_days{date::year{y} / 1 / 1}, sys_days{date::year{y} / 12 / 31}};
}

int year_of(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return static_cast<unsigned>(year_month_day{d}.month()); }

Resolved make(Span s, Granularity g, std::string value) {
  Resolved r;
  r.earliest = s.b;
  r.latest = s.e;
  r.granularity = g;
  r.value = std::move(value);
  return r;
}
Resolved day_of(sys_days d) { return make({d, d}, Granularity::day, cal::iso_day(d)); }
Resolved week_of(sys_days d) {
  return make({cal::week_start(d), cal::week_end(d)}, Granularity::week, cal::iso_week_of(d));
}
Resolved weekend_of(sys_days d) {
  const sys_days sat = cal::week_start(d) + days{5};
  return make({sat, sat + days{1}}, Granularity::weekend, cal::iso_week_of(sat) + "-WE");
}
Resolved month_res(int y, unsigned m) {
  return make(month_span(y, m), Granularity::month, ValueText().year(y).text("-").two(m).str());
}
Resolved quarter_res(int y, unsigned q) {
  return make(quarter_span(y, q), Granularity::quarter,
              ValueText().year(y).text("-Q").number(q).str());
}
Resolved half_res(int y, unsigned h) {
  return make(half_span(y, h), Granularity::half, ValueText().year(y).text("-H").number(h).str());
}
Resolved season_res(int y, Season s) {
  return make(season_span(y, s), Granularity::season,
              ValueText().year(y).text("-").text(season_code(s)).str());
}
Resolved year_res(int y) {
  return make(year_span(y), Granularity::year, ValueText().year(y).str());
}
Resolved decade_res(int d) {
  return make({year_span(d * 10).b, year_span(d * 10 + 9).e}, Granularity::decade,
              std::to_string(d));
}
Resolved century_res(int c) {
  return make({year_span(c * 100).b, year_span(c * 100 + 99).e}, Granularity::century,
              std::to_string(c));
}

// A sub-interval of [b, e] for early/mid/late/start/end. Months use days 1-10 / 11-20 /
// 21-end (contract); weeks Mon-Wed / Tue-Fri / Thu-Sun; anything else thirds.
Span sub_span(Span s, Mod mod, Granularity g) {
  const bool first = mod == Mod::early || mod == Mod::start;
  const bool last = mod == Mod::late || mod == Mod::end;
  if (g == Granularity::month) {
    if (first) return {s.b, s.b + days{9}};
    if (last) return {s.b + days{20}, s.e};
    return {s.b + days{10}, s.b + days{19}};
  }
  if (g == Granularity::week) {
    if (first) return {s.b, s.b + days{2}};
    if (last) return {s.b + days{3}, s.e};
    return {s.b + days{1}, s.b + days{4}};
  }
  if (g == Granularity::year) {
    if (first) return {s.b, cal::add_months(s.b, date::months{4}) - days{1}};
    if (last) return {cal::add_months(s.b, date::months{8}), s.e};
    return {cal::add_months(s.b, date::months{4}), cal::add_months(s.b, date::months{8}) - days{1}};
  }
  const days len = s.e - s.b + days{1};
  const days third = len / 3;
  if (first) return {s.b, s.b + third - days{1}};
  if (last) return {s.e - third + days{1}, s.e};
  return {s.b + third, s.e - third};
}

void apply_mod(Resolved& r, Mod mod, sys_days P, Tense tense) {
  if (mod == Mod::none || !r.earliest || !r.latest) return;
  Span s{*r.earliest, *r.latest};
  Span out = s;
  if (mod == Mod::earlier) {
    out = {s.b, std::min(s.e, P - days{1})};
  } else if (mod == Mod::later) {
    out = {std::max(s.b, P + days{1}), s.e};
  } else {
    out = sub_span(s, mod, r.granularity);
    // what the clause says about the reference day narrows the window further
    if (tense == Tense::past && out.b <= P && P < out.e) out.e = P;
    if (tense == Tense::future && out.b < P && P <= out.e) out.b = P;
  }
  if (out.b > out.e) out = s;
  r.earliest = out.b;
  r.latest = out.e;
  r.approx = true;
}

// The day of a moving holiday in year y (US usage for the civic ones).
sys_days holiday_day(Holiday hd, int y) {
  using date::year;
  const year yr{y};
  auto nth = [&](unsigned mo, date::weekday wd, unsigned n) {
    return sys_days{yr / date::month{mo} / wd[n]};
  };
  auto last = [&](unsigned mo, date::weekday wd) {
    return sys_days{yr / date::month{mo} / wd[date::last]};
  };
  switch (hd) {
    case Holiday::thanksgiving: return nth(11, date::Thursday, 4);
    // the Tuesday after the first Monday of November
    case Holiday::election_day: return nth(11, date::Monday, 1) + days{1};
    case Holiday::labor_day: return nth(9, date::Monday, 1);
    case Holiday::memorial_day: return last(5, date::Monday);
    case Holiday::mothers_day: return nth(5, date::Sunday, 2);
    case Holiday::fathers_day: return nth(6, date::Sunday, 3);
    case Holiday::martin_luther_king_day: return nth(1, date::Monday, 3);
    case Holiday::presidents_day: return nth(2, date::Monday, 3);
    case Holiday::easter:
    case Holiday::good_friday: {
      // Gregorian computus (Meeus/Jones/Butcher)
      const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
      const int f = (b + 8) / 25, g = (b - f + 1) / 3, hh = (19 * a + b - d - g + 15) % 30;
      const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - hh - k) % 7;
      const int m = (a + 11 * hh + 22 * l) / 451;
      const int mo = (hh + l - 7 * m + 114) / 31, dd = (hh + l - 7 * m + 114) % 31 + 1;
      const sys_days sunday{yr / date::month{static_cast<unsigned>(mo)} /
                            date::day{static_cast<unsigned>(dd)}};
      return hd == Holiday::easter ? sunday : sunday - days{2};
    }
    case Holiday::none: break;
  }
  return sys_days{yr / 1 / 1};
}

// Picks among the readings of a year-less date in years Y-1, Y, Y+1.
// past: latest starting on or before P; future: earliest ending on or after P;
// none/present: closest to P (containing it is closest), ties to the past.
// shift last: latest ending before P; next: earliest starting after P; this: year of P.
// (Spans are made only as far as the answer needs: the latest or earliest year of a kind
// is the first one found looking down from Y+2 or up from Y-2.)
template <class SpanOf>
std::optional<int> pick_year(sys_days P, Tense tense, Shift shift, SpanOf span_of) {
  const int Y = year_of(P);
  // the latest year with a reading that `holds`, or the earliest (`latest` false)
  auto first = [&](bool latest, auto holds) -> std::optional<int> {
    for (int k = 0; k < 5; ++k) {
      const int y = latest ? Y + 2 - k : Y - 2 + k;
      if (auto s = span_of(y); s && holds(*s)) return y;
    }
    return std::nullopt;
  };
  if (shift == Shift::this_)
    return first(false, [](const Span&) { return true; }) ? std::optional(Y) : std::nullopt;
  if (shift == Shift::last) return first(true, [&](const Span& s) { return s.e < P; });
  if (shift == Shift::next) return first(false, [&](const Span& s) { return s.b > P; });
  if (tense == Tense::past) return first(true, [&](const Span& s) { return s.b <= P; });
  if (tense == Tense::future) return first(false, [&](const Span& s) { return s.e >= P; });
  std::optional<int> best;
  days best_d{0};
  for (int y = Y - 2; y <= Y + 2; ++y) {
    const auto s = span_of(y);
    if (!s) continue;
    days d = (P < s->b) ? s->b - P : (P > s->e) ? P - s->e : days{0};
    if (!best || d < best_d) {
      best = y;
      best_d = d;
    }
  }
  return best;
}

// A year-less day already past in the publication's own month ("by Jan. 14" in a Jan. 15
// story) is in the publication's year even in a future clause: a year ahead, the writer
// would name the year. (A later day of the month in a past clause stays a year back: "the
// quarter ended Oct. 31" in an Oct. 27 story.)
std::optional<int> same_month_year(sys_days P, unsigned m, unsigned d) {
  if (month_of(P) != m || static_cast<unsigned>(year_month_day{P}.day()) <= d) return std::nullopt;
  return year_of(P);
}

// The ISO 8601 designator of a unit counted in itself: Y, M, W, D, or H, M, S after the
// "T"; none for the others (fortnights, quarters, decades ... have values of their own).
struct Designator {
  char letter;
  bool time;  // after the "T"
};
std::optional<Designator> designator(Unit u) {
  switch (u) {
    case Unit::year:
      return Designator{'Y', false};
    case Unit::month:
      return Designator{'M', false};
    case Unit::week:
      return Designator{'W', false};
    case Unit::day:
      return Designator{'D', false};
    case Unit::hour:
      return Designator{'H', true};
    case Unit::minute:
      return Designator{'M', true};
    case Unit::second:
      return Designator{'S', true};
    default:
      return std::nullopt;
  }
}

std::string duration_value(const RelativeDate& rel) {
  const std::optional<int> n = rel.count;
  if (rel.and_unit != Unit::none && n) {
    // two counts: "9 minutes and 29 seconds" PT9M29S, "15 years and eight months" P15Y8M,
    // "two days and six hours" P2DT6H
    std::string day_part, time_part;
    // (never weeks: compound_rank())
    for (const auto& [u, c] : {std::pair{rel.unit, *n}, std::pair{rel.and_unit, rel.and_count}})
      if (const auto d = designator(u))
        (d->time ? time_part : day_part) += std::to_string(c) + d->letter;
    return "P" + day_part + (time_part.empty() ? "" : "T" + time_part);
  }
  if (rel.and_half && n) {
    // one half more, in the next smaller unit: P2Y6M, PT5H30M, PT1M30S, P2DT12H
    const std::string c = std::to_string(*n);
    switch (rel.unit) {
      case Unit::year: return "P" + c + "Y6M";
      case Unit::hour: return "PT" + c + "H30M";
      case Unit::minute: return "PT" + c + "M30S";
      case Unit::day: return "P" + c + "DT12H";
      case Unit::decade: return "P" + std::to_string(*n * 10 + 5) + "Y";
      case Unit::century: return "P" + std::to_string(*n * 100 + 50) + "Y";
      default: break;
    }
  }
  // a decimal count: "1.5 years" P1.5Y, "38.5 hours" PT38.5H (rule_count() reads one for
  // seconds up to years only)
  if (rel.fraction_digits && n) {
    std::string f = std::to_string(rel.fraction);
    f.insert(0, rel.fraction_digits - std::min<std::size_t>(f.size(), rel.fraction_digits), '0');
    if (const auto d = designator(rel.unit))
      return std::string(d->time ? "PT" : "P") + std::to_string(*n) + "." + f + d->letter;
  }
  auto num = [&](int mult) { return n ? std::to_string(*n * mult) : std::string("X"); };
  if (const auto d = designator(rel.unit))
    return std::string(d->time ? "PT" : "P") + num(1) + d->letter;
  switch (rel.unit) {
    case Unit::fortnight: return "P" + num(2) + "W";
    case Unit::weekend:
      return "P" + num(1) + "WE";
    // TimeML's quarter unit: "the past two quarters" P2Q, "several quarters" PXQ (the
    // TimeBank and MEANTIME convention, 5 of 8 quarter durations there)
    case Unit::quarter: return "P" + num(1) + "Q";
    case Unit::half:
      return "P" + num(6) + "M";
    // uncounted: "decades-long", "for decades" in years, PXY (AQUAINT and MEANTIME 2 of
    // 2); "for centuries" PXC, TimeML's century unit
    case Unit::decade: return n ? "P" + num(10) + "Y" : "PXY";
    case Unit::century: return n ? "P" + num(100) + "Y" : "PXC";
    default: return "PXX";
  }
}

std::string set_value(const RelativeDate& rel) {
  if (rel.weekday) {
    std::string v = "XXXX-WXX-" + std::to_string(rel.weekday->iso_encoding());
    if (rel.part != PartOfDay::none) v += std::string("T") + part_code(rel.part);
    return v;
  }
  if (rel.month) return ValueText().text("XXXX-").two(*rel.month).str();
  if (rel.season != Season::none) return std::string("XXXX-") + season_code(rel.season);
  if (rel.part != PartOfDay::none) return std::string("XXXX-XX-XXT") + part_code(rel.part);
  // "quarterly", "every quarter": three months (the quarter unit is for counted durations)
  // ("every two quarters": six months)
  if (rel.unit == Unit::quarter)
    return rel.count ? "P" + std::to_string(3 * *rel.count) + "M" : "PXM";
  // "every two years": P2Y; "every few years": PXY (no count: rule_set gives every other
  // set of a unit its count)
  return duration_value(rel);
}

// Day-level result refined by a part of day or a clock time (TIMEX3 TIME).
Resolved day_with_time(sys_days d, const RelativeDate& rel) {
  if (!rel.clock && rel.part == PartOfDay::none) return day_of(d);
  ValueText v;
  v.text(cal::iso_day(d)).text("T");
  if (rel.clock) {
    v.two(rel.clock->hour).text(":").two(rel.clock->minute);
    if (rel.clock->utc) v.text("Z");
  } else {
    v.text(part_code(rel.part));
  }
  return make({d, d}, Granularity::time, v.str());
}

Resolved shifted(const RelativeDate& rel, sys_days base) {
  const int n = rel.count.value_or(0) * static_cast<int>(rel.direction);
  switch (rel.unit) {
    case Unit::second: case Unit::minute: case Unit::hour:
    case Unit::part_of_day: case Unit::day:
      if (rel.unit == Unit::day) return day_with_time(base + days{n}, rel);
      return day_of(base);
    case Unit::week: return week_of(base + date::weeks{n});
    case Unit::fortnight: return week_of(base + date::weeks{2 * n});
    case Unit::weekend: return weekend_of(base + date::weeks{n});
    case Unit::month: {
      const sys_days d = cal::add_months(base, date::months{n});
      return month_res(year_of(d), month_of(d));
    }
    case Unit::quarter: {
      const sys_days d = cal::add_months(base, date::months{3 * n});
      return quarter_res(year_of(d), (month_of(d) - 1) / 3 + 1);
    }
    case Unit::half: {
      const sys_days d = cal::add_months(base, date::months{6 * n});
      return half_res(year_of(d), (month_of(d) - 1) / 6 + 1);
    }
    case Unit::year: return year_res(year_of(cal::add_years(base, date::years{n})));
    case Unit::decade: {
      const int y = year_of(cal::add_years(base, date::years{10 * n}));
      return decade_res(y / 10);
    }
    case Unit::century: {
      const int y = year_of(cal::add_years(base, date::years{100 * n}));
      return century_res(y / 100);
    }
    default: return day_of(base);
  }
}

int fuzzy_window_days(Unit u) {
  switch (u) {
    case Unit::week: return 28;
    case Unit::month: return 90;
    case Unit::quarter:
      return 365;
    case Unit::year: case Unit::decade: case Unit::century: return 1095;
    default: return 7;
  }
}

}  // namespace

// A year-less day in a past clause of a story told more than two years back ("On July 1,
// 1863, ... With the failure of Pickett's Charge on July 3, the battle was won", "On June
// 22, 1945, ... Months later, on September 2, Japan surrendered"): the year of the day (or
// month) the story last named, when the day falls within half a year after it; a reading
// by tense alone would put it in a year next to the publication's. (Not a story of a year
// or two back: "a meeting held on June 27th" after a 2021 date in a July 2022 story.)
std::optional<int> narrative_year(const Anchor& anchor, unsigned m, unsigned d) {
  std::optional<sys_days> ref = anchor.last_explicit;
  if (anchor.undated_year) {
    if (!anchor.undated_month) return std::nullopt;  // (a year alone: too wide to say)
    ref = sys_days{*anchor.undated_year / *anchor.undated_month / 1};
  }
  if (!ref) return std::nullopt;
  const int y = year_of(*ref);
  const year_month_day c{date::year{y}, date::month{m}, date::day{d}};
  if (!c.ok()) return std::nullopt;
  const sys_days day{c};
  if (day < *ref || day > *ref + days{183} || day + days{731} >= anchor.publication)
    return std::nullopt;
  return y;
}

Resolved resolve(const RelativeDate& rel, const Anchor& anchor, Tense tense) {
  using K = RelativeDate::Kind;
  // A forward hint on a date ("postponed until Monday") reads it as future.
  const bool ahead = rel.direction == Direction::forward &&
                     !(rel.forward_unless_past && tense == Tense::past);
  if ((rel.kind == K::weekday || rel.kind == K::calendar) && ahead) tense = Tense::future;
  if (rel.deadline && tense != Tense::future) tense = Tense::none;
  if ((rel.kind == K::weekday || rel.kind == K::calendar) && rel.direction == Direction::backward)
    tense = Tense::past;
  const sys_days P = anchor.publication;
  const sys_days A = anchor.last_explicit.value_or(P);
  // the year of the last month or day the text names ("September of that year")
  const int text_year =
      anchor.last_month ? static_cast<int>(anchor.last_month->year()) : year_of(A);
  Resolved r;
  if (rel.reporting) {
    // the reported quarter: the one the story names by its number ("fiscal first-quarter
    // net": the fiscal number as written), else the last one ended before P (results
    // come out in the weeks after a quarter)
    const sys_days q = anchor.named_quarter
                           ? sys_days{*anchor.named_quarter / 1}
                           : quarter_span(year_of(P), (month_of(P) - 1) / 3 + 1).b - days{1};
    const int back = rel.direction == Direction::backward ? rel.count.value_or(0) : 0;
    // "the 1988 period", "last year's quarter": that quarter of the named year
    const int y = rel.year ? *rel.year : year_of(q) + rel.year_shift.value_or(0) - back;
    return quarter_res(y, (month_of(q) - 1) / 3 + 1);
  }
  switch (rel.kind) {
    case K::calendar: {
      if (rel.century) {
        r = century_res(*rel.century);
        apply_mod(r, rel.mod, P, tense);
        return r;
      }
      if (rel.decade) {
        r = decade_res(*rel.decade);
        apply_mod(r, rel.mod, P, tense);
        return r;
      }
      if (rel.holiday != Holiday::none) {
        // ("the day after Thanksgiving": count days from it)
        const days from{rel.count.value_or(0)};
        auto span_of = [&](int yy) -> std::optional<Span> {
          const sys_days d = holiday_day(rel.holiday, yy) + from;
          return Span{d, d};
        };
        int y = 0;
        if (rel.year) {
          y = *rel.year;
        } else if (rel.year_shift) {
          y = year_of(P) + *rel.year_shift;
        } else {
          auto py = pick_year(P, tense, rel.shift, span_of);
          if (!py) return r;
          y = *py;
        }
        return day_with_time(holiday_day(rel.holiday, y) + from, rel);
      }
      if (rel.month && rel.range_to_month && !rel.year && !rel.year_shift) {
        // the range's first month: the year before its last month's
        RelativeDate last = rel;
        last.month = rel.range_to_month;
        last.range_to_month.reset();
        const Resolved e = resolve(last, anchor, tense);
        if (!e.earliest) return r;
        Resolved out = month_res(year_of(*e.earliest) - 1, *rel.month);
        apply_mod(out, rel.mod, P, tense);
        return out;
      }
      // a month, or a day of it, in the month after the publication's (same year) is the
      // coming one even in a past clause: eleven months back the writer says "last
      // September" (TimeBank/AQUAINT: 4 of 4, "notified oil companies of a cut in its supply
      // in September" in an Aug. 16 story, "subpoenaed him to testify on Feb. 10")
      if (tense == Tense::past && rel.month && !rel.year && !rel.year_shift &&
          rel.shift == Shift::none && rel.direction == Direction::none && !rel.past_act &&
          rel.anchor == AnchorRef::publication && !rel.range_end && month_of(P) < 12 &&
          *rel.month == month_of(P) + 1)
        tense = Tense::none;
      if (rel.month && rel.day) {
        const unsigned m = *rel.month, d = *rel.day;
        // "Feb. 29" in a story of a year with no such day near it: the day of an unknown year
        auto unknown_year = [&] {
          Resolved u;
          u.value = "XXXX-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-" +
                    std::string(d < 10 ? "0" : "") + std::to_string(d);
          u.granularity = Granularity::day;
          return u;
        };
        int y = 0;
        if (rel.year) {
          y = *rel.year;
        } else {
          if (rel.year_shift) {
            y = year_of(P) + *rel.year_shift;
          } else if (rel.anchor == AnchorRef::last_explicit) {
            y = text_year;
          } else if (auto ny = tense == Tense::past && rel.direction == Direction::none &&
                                       !rel.weekday && !rel.range_end
                                   ? narrative_year(anchor, m, d)
                                   : std::nullopt) {
            y = *ny;
          } else if (auto ay = same_month_year(P, m, d);
                     ay && rel.direction == Direction::none && !rel.weekday && !rel.range_end) {
            y = *ay;
          } else if (rel.range_end && anchor.last_explicit) {
            y = year_of(*anchor.last_explicit);
            const year_month_day e{date::year{y}, date::month{m}, date::day{d}};
            if (e.ok() && sys_days{e} < *anchor.last_explicit) ++y;
          } else {
            // "Saturday, April 25": only years where the weekday agrees, when one does
            auto span_of = [&](int yy, bool agree) -> std::optional<Span> {
              year_month_day ymd{date::year{yy}, date::month{m}, date::day{d}};
              if (!ymd.ok()) return std::nullopt;
              if (agree && rel.weekday && date::weekday{sys_days{ymd}} != *rel.weekday)
                return std::nullopt;
              return Span{sys_days{ymd}, sys_days{ymd}};
            };
            auto py = pick_year(P, tense, Shift::none, [&](int yy) { return span_of(yy, true); });
            // "on Monday, Oct. 26" in a Sunday Oct. 25 story: the weekday outweighs the
            // tense when the day agrees with it in a year next to the reference
            if (!py && rel.weekday)
              py = pick_year(P, Tense::none, Shift::none, [&](int yy) -> std::optional<Span> {
                if (std::abs(yy - year_of(P)) > 1) return std::nullopt;
                return span_of(yy, true);
              });
            if (!py) py = pick_year(P, tense, Shift::none, [&](int yy) { return span_of(yy, false); });
            if (!py) return unknown_year();
            y = *py;
          }
        }
        year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
        // "February 29, 2023": a day the written year lacks; its month is what is known
        if (!ymd.ok() && rel.year) return month_res(y, m);
        if (!ymd.ok()) return unknown_year();
        if (rel.period_of == Unit::week) return week_of(sys_days{ymd});
        if (rel.period_of == Unit::weekend) return weekend_of(sys_days{ymd});
        return day_with_time(sys_days{ymd}, rel);
      }
      auto resolve_period = [&](auto span_of, auto result_of) -> Resolved {
        int y = 0;
        if (rel.year) {
          y = *rel.year;
        } else if (rel.year_shift) {
          y = year_of(P) + *rel.year_shift;
        } else if (rel.anchor == AnchorRef::last_explicit) {
          y = text_year;
        } else {
          auto py = pick_year(P, tense, rel.shift,
                              [&](int yy) -> std::optional<Span> { return span_of(yy); });
          if (!py) return Resolved{};
          y = *py;
        }
        Resolved out = result_of(y);
        apply_mod(out, rel.mod, P, tense);
        return out;
      };
      if (rel.month) {
        return resolve_period([&](int y) { return month_span(y, *rel.month); },
                              [&](int y) { return month_res(y, *rel.month); });
      }
      if (rel.quarter) {
        // a quarter is reported on for weeks after it ends: "third-quarter earnings will
        // be lower" in November is this year's third quarter
        if (tense == Tense::future && !rel.year && !rel.year_shift && rel.shift == Shift::none)
          return resolve_period(
              [&](int y) {
                Span s = quarter_span(y, *rel.quarter);
                s.e += days{60};
                return s;
              },
              [&](int y) { return quarter_res(y, *rel.quarter); });
        return resolve_period([&](int y) { return quarter_span(y, *rel.quarter); },
                              [&](int y) { return quarter_res(y, *rel.quarter); });
      }
      if (rel.half) {
        return resolve_period([&](int y) { return half_span(y, *rel.half); },
                              [&](int y) { return half_res(y, *rel.half); });
      }
      if (rel.season != Season::none) {
        return resolve_period([&](int y) { return season_span(y, rel.season); },
                              [&](int y) { return season_res(y, rel.season); });
      }
      if (rel.year) {
        r = year_res(*rel.year);
        apply_mod(r, rel.mod, P, tense);
        return r;
      }
      return r;
    }
    case K::weekday: {
      if (!rel.weekday) return r;
      const date::weekday wd = *rel.weekday;
      // "next/last Tuesday" count from the publication; "the following/previous Tuesday"
      // from the day the text last named
      const sys_days from = rel.anchor == AnchorRef::last_explicit ? A : P;
      sys_days d;
      switch (rel.shift) {
        case Shift::this_: d = cal::week_start(P) + (wd - date::Monday); break;
        case Shift::next: d = cal::after(from, wd); break;
        case Shift::last: d = cal::before(from, wd); break;
        default:
          // "Wednesday's ruling": past unless the clause looks ahead ("Tuesday's meeting
          // will focus on"), then the nearest
          if (rel.possessive_day) tense = tense == Tense::past || tense == Tense::present
                                              ? Tense::past
                                              : Tense::none;
          // the publication's own weekday is that day whatever the tense (news usage:
          // "will announce the result Thursday" in a Thursday story), unless something
          // puts it ahead ("postponed until Monday")
          if (date::weekday{P} == wd && !ahead) {
            d = P;
            break;
          }
          d = tense == Tense::past     ? cal::on_or_before(P, wd)
              : tense == Tense::future ? cal::after(P, wd)
                                       : cal::nearest(P, wd);
      }
      return day_with_time(d, rel);
    }
    case K::period: {
      const int n = rel.shift == Shift::next ? 1 : rel.shift == Shift::last ? -1 : 0;
      if (rel.anchor == AnchorRef::last_explicit) {
        // "the following year", "that month": from the last month or day the text names
        sys_days base = A;
        if (anchor.last_month && rel.unit != Unit::week) base = sys_days{*anchor.last_month / 1};
        switch (rel.unit) {
          case Unit::week:
            r = week_of(
                cal::add_years(base + date::weeks{n}, date::years{rel.year_shift.value_or(0)}));
            break;
          case Unit::month: {
            const sys_days d =
                cal::add_months(base, date::months{n + 12 * rel.year_shift.value_or(0)});
            r = month_res(year_of(d), month_of(d));
            break;
          }
          case Unit::year: r = year_res(year_of(base) + n); break;
          default: return r;
        }
        apply_mod(r, rel.mod, P, tense);
        return r;
      }
      const date::weekday wp{P};
      switch (rel.unit) {
        case Unit::day: r = day_of(P + days{n}); break;  // "the eighth day", "For the day,"
        case Unit::week: {
          sys_days base = P + date::weeks{n};
          // In a Sunday story "this week" is the coming week (not "earlier this week").
          if (rel.shift == Shift::this_ && wp == date::Sunday && rel.mod != Mod::earlier)
            base = P + days{1};
          r = week_of(base);
          break;
        }
        case Unit::weekend: {
          if (rel.shift == Shift::none) {
            // "the weekend": past or no tense, the Saturday-Sunday before P (the current
            // one on a weekend day); future, the coming one.
            const bool on_weekend = wp == date::Saturday || wp == date::Sunday;
            if (tense == Tense::future)
              r = weekend_of(wp == date::Sunday ? P + days{1} : P);
            else
              r = weekend_of(on_weekend ? P : P - date::weeks{1});
          } else {
            r = weekend_of(P + date::weeks{n});
          }
          break;
        }
        case Unit::month: {
          const sys_days d = cal::add_months(P, date::months{n});
          r = month_res(year_of(d), month_of(d));
          break;
        }
        case Unit::quarter: {
          const sys_days d = cal::add_months(P, date::months{3 * n});
          r = quarter_res(year_of(d), (month_of(d) - 1) / 3 + 1);
          break;
        }
        case Unit::half: {
          const sys_days d = cal::add_months(P, date::months{6 * n});
          r = half_res(year_of(d), (month_of(d) - 1) / 6 + 1);
          break;
        }
        case Unit::year: r = year_res(year_of(P) + n); break;
        case Unit::decade: r = decade_res(year_of(P) / 10 + n); break;
        case Unit::century: r = century_res(year_of(P) / 100 + n); break;
        default: return r;
      }
      apply_mod(r, rel.mod, P, tense);
      return r;
    }
    case K::offset: {
      // "In 1965, ... that day", "three years ago ... the next day": a day of the year (or
      // month) the story has moved to after its last day, which the text does not give
      if (rel.anaphoric_day && rel.anchor == AnchorRef::last_explicit && anchor.undated_year) {
        const int y = static_cast<int>(*anchor.undated_year);
        ValueText v;
        v.year(y);
        if (anchor.undated_month) {
          const unsigned m = static_cast<unsigned>(*anchor.undated_month);
          v.text("-").two(m).text("-XX");
          r = make(month_span(y, m), Granularity::month, "");
        } else {
          v.text("-XX-XX");
          r = make(year_span(y), Granularity::year, "");
        }
        if (rel.part != PartOfDay::none) v.text("T").text(part_code(rel.part));
        r.value = v.str();
        return r;
      }
      // "the day before her father's funeral" with no day of the story (none named, or the
      // publication's): the event's day is not given, nor the one counted from it
      if (rel.from_event && rel.anchor == AnchorRef::last_explicit &&
          (!anchor.last_explicit || *anchor.last_explicit == P)) {
        r.value = "XXXX-XX-XX";
        if (rel.part != PartOfDay::none) r.value += std::string("T") + part_code(rel.part);
        return r;
      }
      // a bare clock time: the day named earlier in its sentence, else the publication's
      const bool bare_clock = rel.clock && rel.unit == Unit::day && rel.count.value_or(0) == 0 &&
                              !anchor.day_in_sentence;
      sys_days base = rel.anchor == AnchorRef::publication || bare_clock ? P : A;
      // "elected in 2008 and re-elected four years later": years or months counted forward
      // from the year or month the text named after its last day (or with no day named),
      // not from P (not backward: "up from 1.65 mln a year earlier" compares with the
      // story's period, not with the last month it names)
      if (rel.anchor == AnchorRef::last_explicit && anchor.last_month &&
          rel.direction == Direction::forward &&
          (rel.unit == Unit::year || rel.unit == Unit::decade || rel.unit == Unit::month) &&
          (!anchor.last_explicit || year_month_day{*anchor.last_explicit}.year() /
                                            year_month_day{*anchor.last_explicit}.month() !=
                                        *anchor.last_month))
        base = sys_days{*anchor.last_month / 1};
      // "Seventy-seven years later, President Putin ... chose" after "Today, on 8 May, we
      // commemorate the end of the war": years counted from no day before the publication's
      // (an event the text names by no date) reach the present (its year), not that far
      // past it
      if (rel.anchor == AnchorRef::last_explicit && rel.direction == Direction::forward &&
          (rel.unit == Unit::year || rel.unit == Unit::decade) && base == P) {
        RelativeDate present = rel;
        present.count = 0;
        present.direction = Direction::none;
        present.anchor = AnchorRef::publication;
        return shifted(present, P);
      }
      if (rel.count && *rel.count == 0 && rel.unit == Unit::day) {
        // "that day" after "today": the day the story named before it
        if (rel.anaphoric_day && rel.anchor == AnchorRef::last_explicit && !bare_clock &&
            base == P && anchor.story_day)
          base = *anchor.story_day;
        return day_with_time(base, rel);
      }
      // "a week ago", "two weeks ago": the day that many weeks back (TimeBank/MEANTIME 3 of
      // 3: "hit the country a week ago" in a Friday story is the Friday before); further
      // back, the week ("six weeks ago", 2 of 2)
      if (rel.unit == Unit::week && rel.direction == Direction::backward &&
          rel.anchor == AnchorRef::publication && rel.count && *rel.count <= 2)
        return day_with_time(base - date::weeks{*rel.count}, rel);
      return shifted(rel, base);
    }
    case K::fuzzy: {
      const days w{fuzzy_window_days(rel.unit)};
      r.approx = true;
      switch (rel.fuzzy) {
        case FuzzyRef::past:
          r.value = "PAST_REF";
          r.earliest = P - w;
          r.latest = P - days{1};
          break;
        case FuzzyRef::future:
          r.value = "FUTURE_REF";
          r.earliest = P;
          r.latest = P + w;
          break;
        case FuzzyRef::present:
          r.value = "PRESENT_REF";
          r.earliest = P;
          r.latest = P;
          break;
      }
      if (rel.fuzzy_span) {  // "in recent weeks", "in the days ahead": PXW, PXD
        RelativeDate span;
        span.kind = K::duration;
        span.unit = rel.unit;
        r.vague_value = rel.fuzzy == FuzzyRef::future ? "FUTURE_REF" : "PAST_REF";
        r.value = duration_value(span);
      }
      r.granularity = Granularity::unknown;
      return r;
    }
    case K::duration:
      r.value = duration_value(rel);
      return r;
    case K::set:
      r.value = set_value(rel);
      return r;
  }
  return r;
}

void advance_anchor(const RelativeDate& rel, const Resolved& resolved, Anchor& anchor,
                    const RelativeDate* before) {
  // the first quarter named; a later quarter named after it that is over by publication
  // replaces it ("Delta ... the fiscal first quarter. ... America West reported
  // third-quarter profit ... a year earlier": the third quarter)
  if (rel.kind == RelativeDate::Kind::calendar && rel.quarter && !rel.year && !rel.year_shift &&
      rel.shift == Shift::none && resolved.earliest) {
    const year_month_day first{*resolved.earliest};
    const date::year_month q = first.year() / first.month();
    if (!anchor.named_quarter ||
        (q > *anchor.named_quarter && resolved.latest && *resolved.latest < anchor.publication))
      anchor.named_quarter = q;
  }
  // "up 1.4 pct from the previous Friday": a point of comparison, not where the story
  // moves; a second "the previous Friday" is the same day
  if (rel.kind == RelativeDate::Kind::weekday && rel.shift == Shift::last &&
      rel.anchor == AnchorRef::last_explicit)
    return;
  auto day_named = [&](sys_days d) {
    // ("today", "tonight": the text's present, not a day of the story it tells)
    if (d == anchor.publication && rel.kind == RelativeDate::Kind::offset &&
        rel.anchor == AnchorRef::publication && rel.count.value_or(-1) == 0) {
      if (anchor.last_explicit && *anchor.last_explicit != d)
        anchor.story_day = anchor.last_explicit;
    } else {
      anchor.story_day.reset();
    }
    anchor.last_explicit = d;
    anchor.day_in_sentence = true;
    const year_month_day ymd{d};
    anchor.last_month = ymd.year() / ymd.month();
    anchor.undated_year.reset();
    anchor.undated_month.reset();
  };
  const bool years_back = rel.kind == RelativeDate::Kind::offset && rel.unit == Unit::year &&
                          rel.direction == Direction::backward &&
                          rel.anchor == AnchorRef::publication && rel.count.value_or(0) > 0 &&
                          !rel.reporting && !rel.clock && rel.part == PartOfDay::none;
  // "Three years ago today, a gunman ...": the day three years before the publication's
  // (Feb. 29 in a year without one: the last day of February)
  if (before && rel.kind == RelativeDate::Kind::offset && rel.unit == Unit::day &&
      rel.count.value_or(-1) == 0 && rel.anchor == AnchorRef::publication && !rel.clock &&
      rel.part == PartOfDay::none && before->kind == RelativeDate::Kind::offset &&
      before->unit == Unit::year && before->direction == Direction::backward &&
      before->anchor == AnchorRef::publication && before->count.value_or(0) > 0 &&
      !before->reporting) {
    const year_month_day p{anchor.publication};
    year_month_day d{p.year() - date::years{*before->count}, p.month(), p.day()};
    if (!d.ok()) d = year_month_day{d.year() / d.month() / date::last};
    day_named(sys_days{d});
    return;
  }
  // "The election was held on Sunday. The polls closed at 22:30 ... the next day": a bare
  // clock time, put on the publication's day for want of one, names no day of the story
  if (rel.kind == RelativeDate::Kind::offset && rel.clock && rel.unit == Unit::day &&
      rel.count.value_or(0) == 0 && !anchor.day_in_sentence && anchor.last_explicit &&
      *anchor.last_explicit < anchor.publication && resolved.earliest &&
      *resolved.earliest == anchor.publication) {
    // (nor to a year or month named since: back to the story's day, as a day would)
    anchor.undated_year.reset();
    anchor.undated_month.reset();
    return;
  }
  if (auto d = explicit_day(rel, resolved)) {
    day_named(*d);
    return;
  }
  // the year or month the story moves to, when it is not the one of its last day; a
  // period that is not over by publication brings the story back to its present
  auto moved_to = [&](date::year y, std::optional<date::month> m) {
    if (!resolved.latest || *resolved.latest >= anchor.publication) {
      anchor.undated_year.reset();
      anchor.undated_month.reset();
      return;
    }
    if (anchor.last_explicit) {
      // (back to the year or month of the story's last day: that day again)
      const year_month_day e{*anchor.last_explicit};
      if (e.year() == y && (!m || e.month() == *m)) {
        anchor.undated_year.reset();
        anchor.undated_month.reset();
        return;
      }
    }
    anchor.undated_year = y;
    anchor.undated_month = m;
  };
  // "three years ago", "101 years ago"
  if (years_back && resolved.earliest) {
    moved_to(year_month_day{*resolved.earliest}.year(), std::nullopt);
    return;
  }
  // "last year", "last month"; "next week", "this quarter": no month or year to move to
  if (rel.kind == RelativeDate::Kind::period && !rel.reporting && resolved.earliest &&
      !resolved.approx) {
    const year_month_day p{*resolved.earliest};
    if (rel.unit == Unit::year && resolved.granularity == Granularity::year) {
      moved_to(p.year(), std::nullopt);
    } else if (rel.unit == Unit::month && resolved.granularity == Granularity::month) {
      moved_to(p.year(), p.month());
    } else {
      anchor.undated_year.reset();
      anchor.undated_month.reset();
    }
    return;
  }
  // a calendar month ("in March"), or a year ("In 1988": its January stands for it)
  if (rel.kind != RelativeDate::Kind::calendar || rel.reporting || !resolved.earliest) return;
  const year_month_day ymd{*resolved.earliest};
  if (rel.month && !resolved.approx && !rel.day) {
    anchor.last_month = ymd.year() / ymd.month();
    moved_to(ymd.year(), ymd.month());
  } else if (rel.year && !rel.month && !rel.quarter && !rel.half && rel.season == Season::none &&
             !rel.decade && !rel.century) {
    anchor.last_month = ymd.year() / date::January;
    moved_to(ymd.year(), std::nullopt);
  } else if (rel.year && rel.season != Season::none && !rel.month && !resolved.approx) {
    // "by the spring of 1846, ... That April": the story moves to the season's year
    moved_to(ymd.year(), std::nullopt);
  }
}

std::optional<date::sys_days> explicit_day(const RelativeDate& rel, const Resolved& resolved) {
  if (resolved.approx || !resolved.earliest || !resolved.latest) return std::nullopt;
  if (*resolved.earliest != *resolved.latest) return std::nullopt;
  if (resolved.granularity != Granularity::day && resolved.granularity != Granularity::time)
    return std::nullopt;
  // A day the text names: a calendar date, a weekday, yesterday/today/tomorrow, or a day
  // counted from one of those ("the next day" keeps the chain going).
  switch (rel.kind) {
    case RelativeDate::Kind::calendar:
    case RelativeDate::Kind::weekday:
    case RelativeDate::Kind::offset:
      return resolved.earliest;
    default:
      return std::nullopt;
  }
}

}  // namespace chronicle
