// Engine-internal: clause boundaries, tense and modality.
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/sdk/plugin_api.h>
#include <chronicle/string_hash.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "word_index.h"

namespace chronicle::detail {

// Phrases (words separated by single spaces) indexed by their first word.
class PhraseIndex {
 public:
  PhraseIndex() = default;
  explicit PhraseIndex(const std::vector<std::string>& phrases);
  // Length in tokens of the longest phrase at tokens[i] (before `end`), 0 if none.
  std::size_t at(std::span<const sdk::Token> t, std::size_t i, std::size_t end) const;
  // Length of the shortest phrase at tokens[i] (before `end`), 0 if none: at() is not 0
  // for an end e <= `end` exactly when this is not 0 and fits before e.
  std::size_t shortest_at(std::span<const sdk::Token> t, std::size_t i, std::size_t end) const;
  const WordIndex& first_words() const noexcept { return first_; }
  // Whether a phrase is at tokens[i], all of it before `end` (i < end, tokens[0..end)
  // readable): for a test at a few tokens, in or out of a SentenceHashes scope (the first
  // word's shape turns most words away before any hash).
  bool any_at(const sdk::Token* tokens, std::size_t i, std::size_t end) const;
  // shortest_at() for a first word known by its number in first_words(), with the hashes
  // of the tokens' lower-case forms (`hashes` covers tokens[0..end))
  std::size_t shortest_from(std::uint32_t first, const sdk::Token* tokens,
                            const std::uint64_t* hashes, std::size_t i, std::size_t end) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::vector<std::uint64_t> hashes;  // word_hash() of each word
    // the words after the first at tokens[i + 1 ...] (which must exist)
    bool follows(const sdk::Token* t, const std::uint64_t* hashes, std::size_t i) const;
  };
  WordIndex first_;                            // first words
  std::vector<std::vector<Phrase>> by_first_;  // phrases by first word, shortest first
};

struct ClauseReading;

struct ClauseRules {
  WordList boundary_punct, after_comma, fronted, reporting_verbs, complement_nouns, hedging_nouns,
      future, speculative, cancelled, postponed, negation, past, present, perfect, participles,
      not_past, determiners, be_forms, future_blockers, not_participles, that_clause_openers,
      relative_pronouns, relative_closers, reporting_participles, period_abbreviations,
      subject_pronouns, pronoun_subordinators, complementizers;
  // words right before an event noun that set its status ("the potential meeting")
  WordList noun_speculative, noun_planned, noun_cancelled, noun_postponed;
  // "the current meeting": under way; "said during the IADB meeting here": a lead-in
  // before a noun whose place is the dateline city puts the undated event under way
  WordList noun_ongoing, ongoing_lead_ins, ongoing_lead_in_stops;
  // participles after an event noun through which its time and place are read ("a
  // meeting on farm prices beginning in Luxembourg on June 15", "talks held last Sunday
  // in Qatar"), and lead-ins before a noun that state the event took place ("after talks
  // with")
  WordList noun_extenders, noun_lead_ins;
  // past forms that tell an event's own span ("a meeting at the Treasury that ended last
  // night"): a time after them still dates the noun
  WordList span_verbs;
  // ... of them, those that tell the end ("the meeting, which ends tomorrow": under way)
  WordList ending_verbs;
  // right before an event noun: an event other than those already told ("a separate meeting")
  WordList noun_distinct;
  // a sentence with one of these (or starting with an inversion: "Should there be ...") is
  // conditional: its "would" is speculative
  WordList conditionals, conditional_inversions, weak_speculative;
  WordList nonfinite_future_heads;
  // a few words before an event noun: the event is asked for, not decided ("called for a
  // swift convening of a meeting of the G-7")
  WordList noun_speculative_verbs, noun_planned_verbs;
  PhraseIndex noun_speculative_cues, noun_planned_cues;  // the same, by first word
  // before "to" and a verb, a few words before an event: a promise, so the event lies ahead
  // ("committed to convene Foreign Ministers"; not "committed to the talks")
  WordList noun_commitment_verbs;
  // "the principles endorsed at the summit": a past participle right before one of these
  // and the event's phrase tells an event held
  WordList noun_participle_preps;
  std::string participle_suffix;
  PhraseIndex future_ix, speculative_ix, cancelled_ix, postponed_ix, negation_ix;
  static ClauseRules from(const Lexicon& lexicon);
  bool is_past_form(std::span<const sdk::Token> tokens, std::size_t i) const;

  // The lists read_clauses() tests at every token, as bits of one word index: one probe
  // per token gives all its memberships (and whether a marker phrase may start there).
  enum Bit : std::uint32_t {
    kBoundaryPunct = 1u << 0,
    kAfterComma = 1u << 1,
    kFronted = 1u << 2,
    kReportingVerb = 1u << 3,
    kComplementNoun = 1u << 4,
    kHedgingNoun = 1u << 5,
    kWeakSpeculative = 1u << 6,
    kConditional = 1u << 7,
    kConditionalInversion = 1u << 8,
    kFutureBlocker = 1u << 9,
    kPerfect = 1u << 10,
    kPresent = 1u << 11,
    kParticiple = 1u << 12,
    kBeForm = 1u << 13,
    kDeterminer = 1u << 14,
    kNotPast = 1u << 15,
    kPast = 1u << 16,
    kNonfiniteFutureHead = 1u << 17,
    kNotParticiple = 1u << 18,
    kThatClauseOpener = 1u << 19,
    kFutureStart = 1u << 20,  // first word of a phrase of future_ix, and so on
    kSpeculativeStart = 1u << 21,
    kCancelledStart = 1u << 22,
    kPostponedStart = 1u << 23,
    kNegationStart = 1u << 24,
    // the lists above: a word in none of them is a plain word (read_clauses' tail reports)
    kPlainTest = (1u << 25) - 1,
    kReportingParticiple = 1u << 25,
    kRelativePronoun = 1u << 26,
    kRelativeCloser = 1u << 27,
    kSubjectPronoun = 1u << 28,
    kPronounSubordinator = 1u << 29,
    kPeriodAbbreviation = 1u << 30,
    kComplementizer = 1u << 31,
  };
  std::uint32_t bits(std::string_view word, std::uint64_t hash) const noexcept {
    return static_cast<std::uint32_t>(all_bits(word, hash));
  }
  // Single words read_clauses() tests by identity, as bits above the list bits: one probe
  // per token instead of string compares in the loops.
  static constexpr std::uint64_t kWasWere = 1ull << 32;
  static constexpr std::uint64_t kComma = 1ull << 33;
  static constexpr std::uint64_t kTerminal = 1ull << 34;  // . ? !
  static constexpr std::uint64_t kQuoteMark = 1ull << 35;
  static constexpr std::uint64_t kThat = 1ull << 36;
  static constexpr std::uint64_t kAndBut = 1ull << 37;
  static constexpr std::uint64_t kHad = 1ull << 38;
  static constexpr std::uint64_t kBeen = 1ull << 39;
  static constexpr std::uint64_t kTo = 1ull << 40;
  static constexpr std::uint64_t kReportedSubject = 1ull << 41;  // he she they it we
  static constexpr std::uint64_t kClear = 1ull << 42;
  static constexpr std::uint64_t kPossessive = 1ull << 43;
  static constexpr std::uint64_t kWould = 1ull << 44;
  // (set by read_clauses() itself, not in the index: an em or en dash, is_past_form())
  static constexpr std::uint64_t kDash = 1ull << 45;
  static constexpr std::uint64_t kPastForm = 1ull << 46;
  // Lists DocumentAnalysis::frame tests by a token's word number (bits_of_word), not read
  // by read_clauses(): the first words of noun_planned_cues and noun_speculative_cues,
  // noun_commitment_verbs, noun_extenders, span_verbs
  static constexpr std::uint64_t kPlannedCueStart = 1ull << 47;
  static constexpr std::uint64_t kSpeculativeCueStart = 1ull << 48;
  static constexpr std::uint64_t kCommitmentVerb = 1ull << 49;
  static constexpr std::uint64_t kNounExtender = 1ull << 50;
  static constexpr std::uint64_t kSpanVerb = 1ull << 51;
  // The list bits and the word bits of `word`.
  std::uint64_t all_bits(std::string_view word, std::uint64_t hash) const noexcept {
    const std::uint32_t id = word_bits_ix_.find(word, hash);
    return id == WordIndex::npos ? 0 : word_bits_[id];
  }

  // The word index is shared with the entity passes: a word they test (in no list of the
  // clause reader) is added with no bits, and the one look-up of each token (word_ids())
  // serves both. The word's number in the index (the same number when already there).
  // (Then plain_words_added(), once after the last, keeps the index sparse.)
  std::uint32_t add_plain_word(std::string_view word);
  // add_plain_word(word(k)) for k = 0 to count - 1 (another index's words, by their
  // numbers there), the last words added: returns by word number (word_count() + 1
  // entries, unlisted() too) the word's k, or `count` for a word not among them, so one
  // look-up of a token (word_ids()) gives its number in both indexes.
  template <class Word>
  std::vector<std::uint32_t> add_numbered_words(std::uint32_t count, Word&& word) {
    std::vector<std::uint32_t> ids(count);
    for (std::uint32_t k = 0; k < count; ++k) ids[k] = add_plain_word(word(k));
    std::vector<std::uint32_t> by_word(word_count() + 1, count);
    for (std::uint32_t k = 0; k < count; ++k) by_word[ids[k]] = k;
    return by_word;
  }
  void plain_words_added();
  // Numbers of words: those of the index, 0 to word_count() - 1, and unlisted() for a
  // word not in it.
  std::uint32_t word_count() const noexcept {
    return static_cast<std::uint32_t>(word_bits_ix_.size());
  }
  std::uint32_t unlisted() const noexcept { return word_count(); }
  // The list bits and word bits of the word numbered `id` (a number word_ids() gives,
  // unlisted() included): all_bits() without the look-up.
  std::uint64_t bits_of_word(std::uint32_t id) const noexcept { return word_bits_[id]; }
  // ids[k]: the number of tokens[k].lower (with the hashes of the current SentenceHashes
  // scope when it covers the tokens), and ids[n] = unlisted(): n + 1 numbers.
  void word_ids(std::span<const sdk::Token> tokens, std::vector<std::uint32_t>& ids) const;
  // The same into ids[0] .. ids[n] (room for n + 1 numbers).
  void word_ids(std::span<const sdk::Token> tokens, std::uint32_t* ids) const;

 private:
  friend void read_clauses(std::span<const sdk::Token> tokens, const ClauseRules& rules,
                           const std::uint32_t* ids, std::vector<sdk::Clause>& clauses,
                           std::vector<std::size_t>& verb, std::vector<bool>& negated);
  void index_bits();
  WordIndex word_bits_ix_;
  std::vector<std::uint64_t> word_bits_;  // by word number in word_bits_ix_
  // by word number in word_bits_ix_: its number in the first words of future_ix,
  // speculative_ix, cancelled_ix, postponed_ix and negation_ix (WordIndex::npos if none)
  std::vector<std::array<std::uint32_t, 5>> phrase_firsts_;
};

struct ClauseReading {
  std::vector<sdk::Clause> clauses;
  std::vector<std::size_t> verb;  // first verb-like token of each clause (last_token if none)
  std::vector<bool> negated;
};

ClauseReading read_clauses(std::span<const sdk::Token> tokens, const ClauseRules& rules);
// The same, into the caller's vectors (emptied first, their room kept).
void read_clauses(std::span<const sdk::Token> tokens, const ClauseRules& rules,
                  std::vector<sdk::Clause>& clauses, std::vector<std::size_t>& verb,
                  std::vector<bool>& negated);
// The same, given the tokens' word numbers (rules.word_ids(), n + 1 of them).
void read_clauses(std::span<const sdk::Token> tokens, const ClauseRules& rules,
                  const std::uint32_t* ids, std::vector<sdk::Clause>& clauses,
                  std::vector<std::size_t>& verb, std::vector<bool>& negated);
bool is_past_form_loose(std::string_view word);
std::size_t clause_of(const std::vector<sdk::Clause>& clauses, std::size_t token);

}  // namespace chronicle::detail
