// The clause reader's shortcuts must give the answers of the word lists they stand for,
// and the `timex` analysis, which reads clauses only in sentences with a temporal
// expression, must give those sentences the clauses the full analysis gives them.
//
// - every list read_clauses() tests at a token is one bit of a single word index: checked
//   against the list itself for every token of the corpora (and, with ../shared, of
//   TempEval-3, MEANTIME and the first news articles);
// - a marker phrase is looked up once per token for the whole sentence (its shortest
//   match): it must fit before a clause end exactly when PhraseIndex::at() finds one there;
// - DocumentAnalysis without entities against the full one, sentence by sentence: the
//   same expressions and readings, and where a reading depends on the tense, the same
//   clauses and tense;
// - resolution_reads_tense(), which lets that analysis skip clauses: when it says the
//   tense does not matter, resolve() gives one reading for every tense (every expression
//   of the corpora, against many publication days).
#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "../../core/src/clauses.h"
#include "../../core/src/tense_use.h"
#include "../corpus_documents.h"
#include "../test_support.h"

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
  if (!shared) return chronicle::testing::corpus_case_documents();
  std::vector<chronicle::Document> docs;
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

// Whether one of `cues` (words separated by single spaces) is at t[k], all of it before
// `end`: each phrase against the tokens, word by word (what PhraseIndex::any_at() stands for).
bool cue_at(const chronicle::detail::WordList& cues, std::span<const chronicle::sdk::Token> t,
            std::size_t k, std::size_t end) {
  for (const auto& p : cues) {
    std::size_t q = k, pos = 0;
    bool ok = true;
    while (ok && pos < p.size()) {
      std::size_t sp = p.find(' ', pos);
      if (sp == std::string::npos) sp = p.size();
      ok = q < end && t[q].lower == std::string_view(p).substr(pos, sp - pos);
      ++q;
      pos = sp + 1;
    }
    if (ok) return true;
  }
  return false;
}

// Every token's bits against the lists, shortest_at() against at(), and the cue phrases'
// any_at() against the phrases themselves.
std::size_t check_tokens(std::span<const chronicle::sdk::Token> t) {
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
      {&r.that_clause_openers, B::kThatClauseOpener},
      {&r.reporting_participles, B::kReportingParticiple},
      {&r.relative_pronouns, B::kRelativePronoun},
      {&r.relative_closers, B::kRelativeCloser},
      {&r.subject_pronouns, B::kSubjectPronoun},
      {&r.pronoun_subordinators, B::kPronounSubordinator},
      {&r.period_abbreviations, B::kPeriodAbbreviation}};
  const std::vector<std::pair<const PhraseIndex*, std::uint32_t>> phrases{
      {&r.future_ix, B::kFutureStart},
      {&r.speculative_ix, B::kSpeculativeStart},
      {&r.cancelled_ix, B::kCancelledStart},
      {&r.postponed_ix, B::kPostponedStart},
      {&r.negation_ix, B::kNegationStart}};
  const std::size_t n = t.size();
  // the bits by a token's word number (word_ids(), as DocumentAnalysis::frame reads them)
  std::vector<std::uint32_t> ids;
  r.word_ids(t, ids);
  for (std::size_t i = 0; i < n; ++i) {
    const auto w = t[i].lower;
    const std::uint32_t bits = r.bits(w, chronicle::detail::word_hash(w));
    EXPECT_EQ(r.bits_of_word(ids[i]), r.all_bits(w, chronicle::detail::word_hash(w)))
        << "'" << w << "'";
    // the lists only DocumentAnalysis::frame reads by those bits
    const std::uint64_t more = r.bits_of_word(ids[i]);
    EXPECT_EQ((more & ClauseRules::kCommitmentVerb) != 0, r.noun_commitment_verbs.contains(w));
    EXPECT_EQ((more & ClauseRules::kNounExtender) != 0, r.noun_extenders.contains(w));
    EXPECT_EQ((more & ClauseRules::kSpanVerb) != 0, r.span_verbs.contains(w));
    for (std::size_t e = i + 1; e <= n && e <= i + 9; ++e) {
      if (r.noun_planned_cues.any_at(t.data(), i, e))
        EXPECT_NE(more & ClauseRules::kPlannedCueStart, 0u) << "'" << w << "'";
      if (r.noun_speculative_cues.any_at(t.data(), i, e))
        EXPECT_NE(more & ClauseRules::kSpeculativeCueStart, 0u) << "'" << w << "'";
    }
    for (const auto& [list, bit] : lists)
      EXPECT_EQ((bits & bit) != 0, list->contains(w)) << "'" << w << "' bit " << bit;
    for (std::size_t e = i + 1; e <= n && e <= i + 9; ++e) {
      EXPECT_EQ(r.noun_planned_cues.any_at(t.data(), i, e), cue_at(r.noun_planned_verbs, t, i, e))
          << "'" << w << "' at " << i;
      EXPECT_EQ(r.noun_speculative_cues.any_at(t.data(), i, e),
                cue_at(r.noun_speculative_verbs, t, i, e))
          << "'" << w << "' at " << i;
    }
    for (const auto& [ix, bit] : phrases) {
      EXPECT_EQ((bits & bit) != 0, ix->first_words().contains(w)) << "'" << w << "' bit " << bit;
      const std::size_t s = ix->shortest_at(t, i, n);
      for (std::size_t e = i + 1; e <= n && e <= i + 12; ++e)
        EXPECT_EQ(ix->at(t, i, e) != 0, s != 0 && i + s <= e) << "'" << w << "' at " << i;
    }
  }
  return n;
}

std::string describe_clauses(const chronicle::AnalyzedSentence& s) {
  std::string out;
  for (std::size_t c = 0; c < s.clauses.size(); ++c) {
    const auto& cl = s.clauses[c];
    out += "[" + std::to_string(cl.first_token) + "," + std::to_string(cl.last_token) + ") t" +
           std::to_string(static_cast<int>(cl.tense)) + " m" +
           std::to_string(static_cast<int>(cl.modality)) + (cl.progressive ? " prog" : "") +
           (cl.reporting ? " rep" : "") + " v" + std::to_string(s.clause_verb[c]) +
           (s.clause_negated[c] ? " neg" : "") + "; ";
  }
  return out;
}

std::string day(const std::optional<date::sys_days>& d) {
  return d ? date::format("%F", *d) : std::string("-");
}

// The expression and its reading; its tense when `tense`.
std::string describe(const chronicle::TimexResult& x, bool tense) {
  return "{" + std::to_string(x.begin) + "-" + std::to_string(x.end) + " " + x.text + " " +
         x.resolved.value + " " + day(x.resolved.earliest) + ".." + day(x.resolved.latest) + " g" +
         std::to_string(static_cast<int>(x.resolved.granularity)) +
         (x.resolved.approx ? " ~" : "") +
         (tense ? " t" + std::to_string(static_cast<int>(x.tense)) : std::string()) + "} ";
}

// Returns the number of sentences with a temporal expression.
std::size_t check_lazy(const chronicle::Document& d) {
  const chronicle::DocumentAnalysis lazy(d, resources(), /*entities=*/false);
  const chronicle::DocumentAnalysis full(d, resources(), /*entities=*/true);
  EXPECT_EQ(lazy.sentences().size(), full.sentences().size()) << d.id;
  if (lazy.sentences().size() != full.sentences().size()) return 0;
  // the anchor each expression was read against, as the analysis moves it on (with the
  // expression right before it; a year after "since" or "the" does not move the story)
  std::vector<std::vector<chronicle::Anchor>> anchors;
  chronicle::Anchor anchor{*d.published, std::nullopt, std::nullopt};
  const auto& leads = resources()->temporal.list("point_of_comparison_leads");
  for (const auto& s : full.sentences()) {
    anchors.emplace_back();
    for (std::size_t k = 0; k < s.timexes.size(); ++k) {
      anchors.back().push_back(anchor);
      const auto& m = s.matches[k];
      const auto undated = std::pair{anchor.undated_year, anchor.undated_month};
      const bool next_to = k > 0 && s.matches[k - 1].last_token == m.first_token;
      chronicle::advance_anchor(*m.rel, s.timexes[k].resolved, anchor,
                                next_to ? s.matches[k - 1].rel.get() : nullptr);
      if (anchor.undated_year && m.first_token > 0 &&
          std::find(leads.begin(), leads.end(), s.tokens.tokens[m.first_token - 1].lower) !=
              leads.end())
        std::tie(anchor.undated_year, anchor.undated_month) = undated;
    }
  }
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
    if (a.timexes.size() != b.timexes.size()) continue;
    // the tense, and the clauses it comes from, where the reading depends on it
    bool tense_read = false;
    for (std::size_t k = 0; k < a.timexes.size(); ++k) {
      const bool reads =
          chronicle::detail::resolution_reads_tense(*a.matches[k].rel, anchors[i][k]);
      tense_read = tense_read || reads;
      EXPECT_EQ(describe(a.timexes[k], reads), describe(b.timexes[k], reads))
          << d.id << ": " << a.text;
    }
    EXPECT_EQ(describe_clauses(a), tense_read ? describe_clauses(b) : std::string())
        << d.id << ": " << a.text;
  }
  return with;
}

// resolve() against `rel` for every tense: one reading, as text
std::string reading(const chronicle::RelativeDate& rel, const chronicle::Anchor& anchor,
                    chronicle::Tense tense) {
  chronicle::TimexResult x;
  x.resolved = chronicle::resolve(rel, anchor, tense);
  return describe(x, false);
}

// Every expression of `d`, resolved with its anchors against publication days from the
// document's on: where resolution_reads_tense() is false, the reading of every tense is
// the same. Returns the number of expressions it said so of.
std::size_t check_tense_use(const chronicle::Document& d, std::size_t& reading_tense) {
  const auto& res = *resources();
  std::vector<chronicle::TokenList> sentences;
  chronicle::split_sentences(d.text, res.segmenter, &sentences);
  std::vector<chronicle::TimexMatch> matches;
  for (const auto& s : sentences)
    for (auto& m : res.grammar->tag(s.tokens)) matches.push_back(std::move(m));
  using chronicle::Tense;
  std::size_t free = 0;
  // every weekday, both ends of a month, other months and years
  for (const int shift : {0, 1, 2, 3, 4, 5, 6, 9, 13, 16, 27, 30, 45, 100, 183, 250, 365}) {
    chronicle::Anchor anchor{*d.published + date::days{shift}, std::nullopt, std::nullopt};
    for (const auto& m : matches) {
      const std::string none = reading(*m.rel, anchor, Tense::none);
      if (chronicle::detail::resolution_reads_tense(*m.rel, anchor)) {
        ++reading_tense;
      } else {
        ++free;
        for (const Tense t : {Tense::past, Tense::present, Tense::future})
          EXPECT_EQ(reading(*m.rel, anchor, t), none)
              << d.id << ": expression " << m.first_token << "-" << m.last_token << " published "
              << date::format("%F", anchor.publication) << " tense " << static_cast<int>(t);
      }
      chronicle::advance_anchor(*m.rel, chronicle::resolve(*m.rel, anchor, Tense::none), anchor);
    }
  }
  return free;
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

// The cue phrases, rare in the corpora, in sentences of their own.
TEST(ClauseReader, CuePhrasesMatchTheLists) {
  std::size_t n = 0;
  for (const char* text :
       {"Officials met in the run-up to the summit \xE2\x80\x94 and called for talks.",
        "In advance of the vote, the party made arrangements for a meeting \xE2\x80\x93 not "
        "plans for one.",
        "Between now and the talks, the plan for an invitation for a visit called it off.",
        "Calls for talks, in the run-up, in advance, between now and then: call for a vote."}) {
    std::vector<chronicle::TokenList> tl;
    chronicle::split_sentences(text, resources()->segmenter, &tl);
    for (const auto& toks : tl) n += check_tokens(toks.tokens);
  }
  EXPECT_GT(n, 40u);
}

// A reading as text: its clauses, their verbs and negation.
std::string describe(const chronicle::detail::ClauseReading& r) {
  std::string out;
  for (std::size_t c = 0; c < r.clauses.size(); ++c) {
    const auto& cl = r.clauses[c];
    out += "[" + std::to_string(cl.first_token) + "," + std::to_string(cl.last_token) + ") t" +
           std::to_string(static_cast<int>(cl.tense)) + " m" +
           std::to_string(static_cast<int>(cl.modality)) + (cl.progressive ? " prog" : "") +
           (cl.reporting ? " rep" : "") + " v" + std::to_string(r.verb[c]) +
           (r.negated[c] ? " neg" : "") + "; ";
  }
  return out;
}

// The entity passes add their words to the clause rules' index (add_plain_word) and read
// each token's number once (word_ids) for both: the words added change no word's bits and
// no reading, a word added has its own number (the same when added again), and a word
// not in the index has the number unlisted().
TEST(ClauseReader, PlainWordsChangeNoReading) {
  ClauseRules shared = ClauseRules::from(resources()->clauses);
  // (the documents are kept: the tokens view their text)
  const auto docs = documents(false);
  std::vector<std::vector<chronicle::TokenList>> sentences;
  for (const auto& d : docs) {
    sentences.emplace_back();
    chronicle::split_sentences(d.text, resources()->segmenter, &sentences.back());
  }
  // every other word of the texts (words of the clause lists among them), and a few more
  std::vector<std::string> added{"president", "minister", "talks", "said", "the", "-", "'s"};
  std::size_t k = 0;
  for (const auto& doc : sentences)
    for (const auto& s : doc)
      for (const auto& t : s.tokens)
        if (k++ % 2 == 0) added.emplace_back(t.lower);
  const std::set<std::string> added_set(added.begin(), added.end());
  std::vector<std::uint32_t> numbers;
  for (const auto& w : added) numbers.push_back(shared.add_plain_word(w));
  shared.plain_words_added();
  for (std::size_t q = 0; q < added.size(); ++q) {
    EXPECT_EQ(shared.add_plain_word(added[q]), numbers[q]) << added[q];
    EXPECT_LT(numbers[q], shared.unlisted()) << added[q];
    EXPECT_EQ(shared.all_bits(added[q], chronicle::detail::word_hash(added[q])),
              rules().all_bits(added[q], chronicle::detail::word_hash(added[q])))
        << added[q];
  }
  std::size_t n = 0;
  std::vector<std::uint32_t> ids;
  chronicle::detail::ClauseReading with_ids;
  for (const auto& doc : sentences)
    for (const auto& s : doc) {
      const auto& t = s.tokens;
      shared.word_ids(t, ids);
      ASSERT_EQ(ids.size(), t.size() + 1);
      EXPECT_EQ(ids[t.size()], shared.unlisted());
      // the same numbers into room made beforehand: n + 1 of them, nothing after
      std::vector<std::uint32_t> room(t.size() + 2, 0xABCDu);
      shared.word_ids(t, room.data());
      EXPECT_TRUE(std::equal(ids.begin(), ids.end(), room.begin())) << "sentence " << n;
      EXPECT_EQ(room.back(), 0xABCDu);
      for (std::size_t i = 0; i < t.size(); ++i) {
        const bool listed =
            added_set.count(std::string(t[i].lower)) != 0 ||
            rules().all_bits(t[i].lower, chronicle::detail::word_hash(t[i].lower)) != 0;
        EXPECT_EQ(ids[i] < shared.unlisted(), listed) << t[i].lower;
      }
      chronicle::detail::read_clauses(t, shared, ids.data(), with_ids.clauses, with_ids.verb,
                                      with_ids.negated);
      EXPECT_EQ(describe(with_ids), describe(chronicle::detail::read_clauses(t, rules())))
          << "sentence " << n;
      ++n;
    }
  EXPECT_GT(n, 500u);
}

TEST(ClauseReader, TenseUseMatchesResolutionOnCorpora) {
  std::size_t free = 0, reading_tense = 0;
  for (const auto& d : documents(false)) free += check_tense_use(d, reading_tense);
  EXPECT_GT(free, 3000u);
  EXPECT_GT(reading_tense, 1000u);
}

TEST(ClauseReader, TenseUseMatchesResolutionOnSharedSets) {
  if (const auto missing = chronicle::testing::missing_shared(shared_sets()); !missing.empty())
    GTEST_SKIP() << missing;
  std::size_t free = 0, reading_tense = 0;
  for (const auto& d : documents(true)) free += check_tense_use(d, reading_tense);
  EXPECT_GT(free, 50000u);
  EXPECT_GT(reading_tense, 10000u);
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
