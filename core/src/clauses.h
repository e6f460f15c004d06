// Engine-internal: clause boundaries, tense and modality.
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/string_hash.h>
#include <chronicle/sdk/plugin_api.h>

#include "word_index.h"

#include <string>
#include <vector>

namespace chronicle::detail {

// Phrases (words separated by single spaces) indexed by their first word.
class PhraseIndex {
 public:
  PhraseIndex() = default;
  explicit PhraseIndex(const std::vector<std::string>& phrases);
  // Length in tokens of the longest phrase at tokens[i] (before `end`), 0 if none.
  std::size_t at(const std::vector<sdk::Token>& t, std::size_t i, std::size_t end) const;

 private:
  WordIndex first_;                                              // first words
  std::vector<std::vector<std::vector<std::string>>> by_first_;  // phrases by first word
};

struct ClauseRules {
  WordList boundary_punct, after_comma, fronted, reporting_verbs,
      complement_nouns, hedging_nouns, future, speculative, cancelled, postponed, negation, past,
      present, perfect, participles, not_past, determiners, be_forms, future_blockers,
      not_participles, that_clause_openers;
  // words right before an event noun that set its status ("the potential meeting")
  WordList noun_speculative, noun_planned, noun_cancelled, noun_postponed;
  std::string participle_suffix;
  PhraseIndex future_ix, speculative_ix, cancelled_ix, postponed_ix, negation_ix;
  static ClauseRules from(const Lexicon& lexicon);
  bool is_past_form(const std::vector<sdk::Token>& tokens, std::size_t i) const;
};

struct ClauseReading {
  std::vector<sdk::Clause> clauses;
  std::vector<std::size_t> verb;  // first verb-like token of each clause (last_token if none)
  std::vector<bool> negated;
};

ClauseReading read_clauses(const std::vector<sdk::Token>& tokens, const ClauseRules& rules);
bool is_past_form_loose(std::string_view word);
std::size_t clause_of(const std::vector<sdk::Clause>& clauses, std::size_t token);

}  // namespace chronicle::detail
