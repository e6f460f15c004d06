// The clause reader's shortcuts must give the answers of the word lists they stand for,
// and the `timex` analysis, which reads clauses only in sentences with a temporal
// expression, must give those sentences the clauses the full analysis gives them.
//
// - every list read_clauses() tests at a token is one bit of a single word index: checked
//   against the list itself for every token of the corpora (and, with ../shared, of
//   TempEval-3, MEANTIME and the first news articles);
// - a marker phrase is looked up once per token for the whole sentence (its shortest
//   match): it must fit before a clause end exactly when PhraseIndex::at() finds one there;
// - DocumentAnalysis without entities against the full one, sentence by sentence.
#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/text.h>

#include "../../core/src/clauses.h"
#include "../test_support.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using chronicle::detail::ClauseRules;
using chronicle::detail::PhraseIndex;

std::shared_ptr<const chronicle::Resources> resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return r;
}

const ClauseRules& rules() {
  static const ClauseRules r = ClauseRules::from(resources()->clauses);
  return r;
}

const std::vector<chronicle::testing::SharedSet>& shared_sets() {
  static const std::vector<chronicle::testing::SharedSet> sets{
      {"data/tempeval3/timebank.jsonl"},
      {"data/tempeval3/platinum.jsonl"},
      {"data/meantime/meantime_en.jsonl"},
      {"data/reuters21578/reuters.jsonl", 1500},
      {"data/modern-news/articles.jsonl", 500}};
  return sets;
}

// The corpora's texts (with a publication date), and with ../shared the shared sets.
std::vector<chronicle::Document> documents(bool shared) {
  std::vector<chronicle::Document> docs;
  if (!shared) {
    for (const char* name : {"relative_dates.yaml", "events.yaml"}) {
      const YAML::Node root = YAML::LoadFile(std::string(CHRONICLE_CORPUS_DIR "/en/") + name);
      for (const auto& c : root["cases"]) {
        if (!c["text"]) continue;
        chronicle::Document d;
        d.id = name;
        d.text = c["text"].as<std::string>();
        d.published = date::sys_days{date::year{2025} / 2 / 17};
        docs.push_back(std::move(d));
      }
    }
    return docs;
  }
  for (const auto& set : shared_sets()) {
    std::size_t n = 0;
    chronicle::read_path(
        set.path(), {},
        [&](chronicle::Document&& d) {
          if ((set.limit == 0 || n < set.limit) && d.published) docs.push_back(std::move(d));
          ++n;
        },
        [](chronicle::DocumentFailure&&) {});
  }
  return docs;
}

// Every token's bits against the lists, and shortest_at() against at().
std::size_t check_tokens(const std::vector<chronicle::sdk::Token>& t) {
  const auto& r = rules();
  using B = ClauseRules::Bit;
  const std::vector<std::pair<const chronicle::detail::WordList*, std::uint32_t>> lists{
      {&r.boundary_punct, B::kBoundaryPunct},
      {&r.after_comma, B::kAfterComma},
      {&r.fronted, B::kFronted},
      {&r.reporting_verbs, B::kReportingVerb},
      {&r.complement_nouns, B::kComplementNoun},
      {&r.hedging_nouns, B::kHedgingNoun},
      {&r.weak_speculative, B::kWeakSpeculative},
      {&r.conditionals, B::kConditional},
      {&r.conditional_inversions, B::kConditionalInversion},
      {&r.future_blockers, B::kFutureBlocker},
      {&r.perfect, B::kPerfect},
      {&r.present, B::kPresent},
      {&r.participles, B::kParticiple},
      {&r.be_forms, B::kBeForm},
      {&r.determiners, B::kDeterminer},
      {&r.not_past, B::kNotPast},
      {&r.past, B::kPast},
      {&r.nonfinite_future_heads, B::kNonfiniteFutureHead},
      {&r.not_participles, B::kNotParticiple},
      {&r.that_clause_openers, B::kThatClauseOpener}};
  const std::vector<std::pair<const PhraseIndex*, std::uint32_t>> phrases{
      {&r.future_ix, B::kFutureStart},
      {&r.speculative_ix, B::kSpeculativeStart},
      {&r.cancelled_ix, B::kCancelledStart},
      {&r.postponed_ix, B::kPostponedStart},
      {&r.negation_ix, B::kNegationStart}};
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto w = t[i].lower;
    const std::uint32_t bits = r.bits(w, chronicle::detail::word_hash(w));
    for (const auto& [list, bit] : lists)
      EXPECT_EQ((bits & bit) != 0, list->contains(w)) << "'" << w << "' bit " << bit;
    for (const auto& [ix, bit] : phrases) {
      EXPECT_EQ((bits & bit) != 0, ix->first_words().contains(w)) << "'" << w << "' bit " << bit;
      const std::size_t s = ix->shortest_at(t, i, n);
      for (std::size_t e = i + 1; e <= n && e <= i + 12; ++e)
        EXPECT_EQ(ix->at(t, i, e) != 0, s != 0 && i + s <= e) << "'" << w << "' at " << i;
    }
  }
  return n;
}

std::string describe(const chronicle::AnalyzedSentence& s) {
  std::string out;
  for (std::size_t c = 0; c < s.clauses.size(); ++c) {
    const auto& cl = s.clauses[c];
    out += "[" + std::to_string(cl.first_token) + "," + std::to_string(cl.last_token) + ") t" +
           std::to_string(static_cast<int>(cl.tense)) + " m" +
           std::to_string(static_cast<int>(cl.modality)) + (cl.progressive ? " prog" : "") +
           (cl.reporting ? " rep" : "") + " v" + std::to_string(s.clause_verb[c]) +
           (s.clause_negated[c] ? " neg" : "") + "; ";
  }
  for (const auto& x : s.timexes)
    out += "{" + std::to_string(x.begin) + "-" + std::to_string(x.end) + " " + x.text + " " +
           x.resolved.value + " t" + std::to_string(static_cast<int>(x.tense)) + "} ";
  return out;
}

// Returns the number of sentences with a temporal expression.
std::size_t check_lazy(const chronicle::Document& d) {
  const chronicle::DocumentAnalysis lazy(d, resources(), /*entities=*/false);
  const chronicle::DocumentAnalysis full(d, resources(), /*entities=*/true);
  EXPECT_EQ(lazy.sentences().size(), full.sentences().size()) << d.id;
  if (lazy.sentences().size() != full.sentences().size()) return 0;
  std::size_t with = 0;
  for (std::size_t i = 0; i < lazy.sentences().size(); ++i) {
    const auto& a = lazy.sentences()[i];
    const auto& b = full.sentences()[i];
    EXPECT_EQ(a.timexes.size(), b.timexes.size()) << d.id << ": " << a.text;
    if (a.matches.empty()) {
      EXPECT_TRUE(a.clauses.empty()) << d.id << ": " << a.text;
      continue;
    }
    ++with;
    check_tokens(a.tokens.tokens);
    EXPECT_EQ(describe(a), describe(b)) << d.id << ": " << a.text;
  }
  return with;
}

TEST(ClauseReader, WordBitsAndPhrasesMatchTheLists) {
  std::size_t n = 0;
  for (const auto& d : documents(false))
    for (const auto& toks : [&] {
           std::vector<chronicle::TokenList> tl;
           chronicle::split_sentences(d.text, resources()->segmenter, &tl);
           return tl;
         }())
      n += check_tokens(toks.tokens);
  EXPECT_GT(n, 5000u);
}

TEST(ClauseReader, TimexAnalysisReadsTheSameClausesOnCorpora) {
  std::size_t n = 0;
  for (const auto& d : documents(false)) n += check_lazy(d);
  EXPECT_GT(n, 300u);
}

TEST(ClauseReader, TimexAnalysisReadsTheSameClausesOnSharedSets) {
  if (const auto missing = chronicle::testing::missing_shared(shared_sets()); !missing.empty())
    GTEST_SKIP() << missing;
  std::size_t n = 0;
  for (const auto& d : documents(true)) n += check_lazy(d);
  EXPECT_GT(n, 5000u);
}

}  // namespace
