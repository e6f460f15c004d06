// Temporal expressions: tagging into typed, underspecified values, then resolution
// against an anchor (the publication date, or the last explicit date for "the next day").
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/sdk/plugin_api.h>

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

using sdk::Granularity;
using sdk::Tense;

enum class TimexType : std::uint8_t { date, time, duration, set };

// The typed, underspecified reading of one expression, produced by the tagger and
// consumed by resolve(). No strings are rewritten between the two phases.
struct RelativeDate;  // defined in temporal_types.h (engine-internal)

struct Anchor {
  date::sys_days publication;
  std::optional<date::sys_days> last_explicit;  // last fully explicit day in the text
  // the month of the last month or day the text names ("in March 1995", "on May 22,
  // 1995"): "the following month", "that year" count from it
  std::optional<date::year_month> last_month;
  // the first quarter the text names by its number without a year ("third-quarter
  // profit", "its fiscal first quarter"), as resolved (its first month): the quarter a
  // results story reports
  std::optional<date::year_month> named_quarter;
  // last_explicit was named in the sentence being read (the caller clears it at each
  // sentence): a clock time with no day of its own takes that day, else the publication's
  bool day_in_sentence = false;
  // a year, or a month of it, the text names after its last day with no day of its own
  // ("In 1965, ...", "three years ago", "in March 1968"): the story has moved there, and
  // "that day", "the next day" are a day of it the text does not give (1965-XX-XX)
  std::optional<date::year> undated_year;
  std::optional<date::month> undated_month;
  // the last day the story named before the text came back to the publication's ("On
  // January 6, ... those still today living with what they lived through that day"):
  // "that day" is that one, not today
  std::optional<date::sys_days> story_day;
};

struct Resolved {
  std::optional<date::sys_days> earliest;  // inclusive
  std::optional<date::sys_days> latest;    // inclusive
  Granularity granularity = Granularity::unknown;
  std::string value;  // TIMEX3 value: 2025-02-18, 2025-W08, P3D, PAST_REF, XXXX-WXX-2 ...
  bool approx = false;
  // a vague past or future written as a TIMEX3 duration ("in recent weeks" PXW): what it
  // is as an event's time, PAST_REF or FUTURE_REF (with the window above); else empty
  std::string_view vague_value;
};

// The value an event dated by `r` takes: the vague past or future a span of recent or
// coming units reads as ("in recent weeks": PAST_REF), else the TIMEX3 value.
inline std::string_view event_value(const Resolved& r) {
  return r.vague_value.empty() ? std::string_view(r.value) : r.vague_value;
}

// One tagged expression over tokens [first_token, last_token) of a sentence.
struct TimexMatch {
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  TimexType type = TimexType::date;
  bool possessive = false;  // "Tuesday's"
  std::shared_ptr<const RelativeDate> rel;
};

// The grammar: word lists from config/lexicons/<lang>/temporal.yaml, rules in code.
// tag() is linear in the number of tokens (bounded look-ahead at each position).
class TemporalGrammar {
 public:
  explicit TemporalGrammar(const Lexicon& temporal_lexicon);
  ~TemporalGrammar();
  TemporalGrammar(TemporalGrammar&&) noexcept;
  TemporalGrammar& operator=(TemporalGrammar&&) noexcept;

  std::vector<TimexMatch> tag(std::span<const sdk::Token> tokens) const;
  // The same into `out` (emptied first), whose storage is kept: for a caller tagging
  // sentence after sentence.
  void tag(std::span<const sdk::Token> tokens, std::vector<TimexMatch>& out) const;
  // The same, trying every rule at every word, also at those that start no lexicon phrase
  // and where a rule's gate rules it out (tag() skips both). For tests: both must always
  // agree.
  std::vector<TimexMatch> tag_every_word(std::span<const sdk::Token> tokens) const;

  // The words tag() looks up first, each token's lower-case word (its start words), by
  // their numbers 0 to start_word_count() - 1; start_word_count() is the number of a word
  // not among them. A caller that looks the tokens up in an index of its own holding these
  // words too can hand tag() the numbers it found instead of a second look-up.
  std::uint32_t start_word_count() const noexcept;
  const std::string& start_word(std::uint32_t id) const;
  // The number of `lower` among the start words (start_word_count() if none).
  std::uint32_t start_word_id(std::string_view lower) const noexcept;
  // tag(tokens, out), given each token's number in the caller's index (word_ids[k]) and
  // by that number its start-word number (start_id_by_word[word_ids[k]]).
  void tag(std::span<const sdk::Token> tokens, const std::uint32_t* word_ids,
           const std::uint32_t* start_id_by_word, std::vector<TimexMatch>& out) const;

 private:
  void tag(std::span<const sdk::Token> tokens, bool skip_non_start_words,
           std::vector<TimexMatch>& out, const std::uint32_t* word_ids = nullptr,
           const std::uint32_t* start_id_by_word = nullptr) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The year of a year-less day (month `month`, day `day`) told in a past clause of a story
// that stands more than two years back ("On July 1, 1863, ... on July 3"): the year of the
// day or month the story last named, when the day falls within half a year after it.
std::optional<int> narrative_year(const Anchor& anchor, unsigned month, unsigned day);

// Resolves one expression. `tense` is the tense of the clause holding it.
Resolved resolve(const RelativeDate& rel, const Anchor& anchor, Tense tense);

// True when the expression names a day by itself ("February 18, 2025"): such a day
// becomes the anchor for later "the next day", "two days later".
std::optional<date::sys_days> explicit_day(const RelativeDate& rel, const Resolved& resolved);

// Moves the anchor on after one resolved expression: its explicit day (explicit_day) and
// the month of a calendar date or month ("May 22, 1995", "in March"). `before` is the
// expression that ends right where this one starts, if any ("three years ago" before
// "today": the day three years before the publication's).
void advance_anchor(const RelativeDate& rel, const Resolved& resolved, Anchor& anchor,
                    const RelativeDate* before = nullptr);

}  // namespace chronicle
