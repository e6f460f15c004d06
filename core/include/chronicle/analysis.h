// Per-document analysis: sentences, tokens, clauses (tense, modality), temporal mentions
// resolved against the publication date, entities with in-document coreference, and the
// frame of a trigger (who, where, when) that plugins ask for.
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>

#include <date/date.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace chronicle {

struct Document;

struct PlaceEntry {
  std::string name;
  std::string country;  // a country's own name for countries
  sdk::EntityKind kind = sdk::EntityKind::city;
};

struct ResourceOptions {
  // false: only what temporal mentions need (`chronicle timex`): no titles, gazetteer
  // (places.yaml, organizations.yaml) or common words; such resources analyse documents
  // only with `entities` false
  bool entities = true;
  // false: every file parsed as YAML, never read from its compiled form (tests)
  bool compiled = true;
};

// Everything the core reads from config/lexicons/<lang>/.
class Resources {
 public:
  static std::shared_ptr<const Resources> load(const std::filesystem::path& lexicon_dir,
                                               ResourceOptions options = {});
  ~Resources();

  Lexicon text;      // text.yaml: abbreviations, boilerplate, stop words
  Lexicon clauses;   // clauses.yaml: tense and modality markers
  Lexicon temporal;  // temporal.yaml
  Lexicon titles;    // titles.yaml
  SegmenterRules segmenter;
  std::unique_ptr<TemporalGrammar> grammar;

  struct Gazetteer;
  std::unique_ptr<Gazetteer> gazetteer;  // places.yaml + organizations.yaml

  const PlaceEntry* place(std::string_view name) const;  // by canonical name
  std::filesystem::path dir;
  bool entities = true;  // loaded with ResourceOptions::entities
  // text.yaml limits.timexes_per_sentence: temporal expressions read per sentence
  std::size_t max_sentence_timexes = 100;

  // The lists extract_events() reads (timeline.cpp), looked up by key once, at the first
  // call: Lexicon::list() and terms() search by key
  struct EventLists;
  const EventLists& event_lists() const;

 private:
  mutable std::once_flag event_lists_once_;
  mutable std::shared_ptr<const EventLists> event_lists_;
};

struct TimexResult {
  std::size_t begin = 0;  // byte offsets into the document text
  std::size_t end = 0;
  std::string text;
  TimexType type = TimexType::date;
  Resolved resolved;
  Tense tense = Tense::none;  // the clause's, as the reading took it (none when the reading
                              // does not depend on it, in an analysis without entities or
                              // one that reads clauses only where needed)
};

struct AnalyzedSentence {
  SentenceSpan span;
  std::string_view text;
  TokenList tokens;
  std::vector<sdk::Clause> clauses;
  std::vector<std::size_t> clause_verb;  // first verb-like token of each clause
  std::vector<bool> clause_negated;
  // the three above hold the sentence's reading (false: not read yet, by an analysis that
  // reads clauses only where needed, DocumentAnalysis::with_clauses)
  bool clauses_read = false;
  // "from June 8 to 10", "April 29 to May 5", "today and tomorrow": the span a day
  // mention opens, as the last day and the words (empty when it opens none)
  std::vector<std::optional<date::sys_days>> span_end;
  std::vector<std::string> span_text;
  std::vector<std::size_t> span_inner;  // mentions that only close a span
  std::vector<TimexResult> timexes;      // document offsets
  std::vector<TimexMatch> matches;
  std::vector<sdk::TemporalMention> mentions;
  std::vector<sdk::Entity> entities;
  std::vector<bool> entity_modifier;  // entity only qualifies a title/group ("US Secretary")
  sdk::Sentence view;                 // ready for plugins
};

// Asked of a sentence's tokens before anything past them is read: can the sentence yield
// what the caller wants? (`extract`: PluginHost::may_propose, whether an extractor would be
// called on it.)
using SentenceGate = std::function<bool(std::span<const sdk::Token>)>;

// Which sentences' clauses an analysis with entities reads while it analyses the document:
// every sentence's, or only those it reads itself (`needed`): where the reading of a
// temporal expression depends on the tense, and where a sentence's subject is taken by a
// pronoun or group of a later one. The others wait for with_clauses(), which the readers
// of a sentence's clauses call first (`extract`: before an extractor is called on a
// sentence, and the timeline's readers). Either way the events, readings and entities are
// the same; only TimexResult::tense differs (none with `needed` where the reading does not
// depend on it).
enum class ClausesRead { every_sentence, needed };

class DocumentAnalysis final : public sdk::Analyzer {
 public:
  // `entities` false: temporal mentions only (what `chronicle timex` needs): the sentences'
  // tokens, matches and timexes; no entities, spans or plugin views (mentions, view), and a
  // sentence's clauses only when the reading of one of its expressions depends on their
  // tense (empty otherwise).
  // An analysis leaves its sentences' vectors (emptied) and its work vectors to the next
  // analysis made on the same thread, which fills them instead of allocating its own.
  // `gate`, when given, is asked of each sentence that is not a heading, in order, until one
  // passes; when none does, the document is read no further than its tokens: no sentences
  // (sentences() is empty), no expressions, entities or warnings, and passed_gate() is
  // false. The answers of a document that passes are those of an analysis without a gate.
  DocumentAnalysis(const Document& doc, std::shared_ptr<const Resources> resources,
                   bool entities = true, const SentenceGate& gate = {},
                   ClausesRead clauses = ClausesRead::every_sentence);
  ~DocumentAnalysis();
  DocumentAnalysis(const DocumentAnalysis&) = delete;
  DocumentAnalysis& operator=(const DocumentAnalysis&) = delete;

  std::span<const AnalyzedSentence> sentences() const {
    return {sentences_.data(), sentence_count_};
  }
  // Sentence `si`, its clauses read now if they were not yet (ClausesRead::needed); its
  // plugin view shows them from then on. (An analysis is read by one thread at a time.)
  const AnalyzedSentence& with_clauses(std::size_t si) const;
  const Document& document() const { return doc_; }
  const Resources& resources() const { return *res_; }
  std::string_view dateline_city() const { return dateline_city_; }
  // what the analysis left out, for the user (a limit reached), in text order
  const std::vector<std::string>& warnings() const { return warnings_; }
  // false when the gate given to the constructor let no sentence through
  bool passed_gate() const { return passed_gate_; }
  // the first sentence the gate let through (0 without a gate): each sentence before it is
  // a heading or one the gate refused
  std::size_t gate_opened_at() const { return gate_opened_at_; }

  sdk::Frame frame(const sdk::Sentence& sentence, std::size_t first, std::size_t last,
                   sdk::TriggerForm form) const override;

  // Is entity e of sentence s a person or group (not a place)?
  static bool is_actor(const sdk::Entity& e);

 private:
  void analyze(const SentenceGate* gate);
  const Document& doc_;
  std::shared_ptr<const Resources> res_;
  bool entities_ = true;
  bool every_clause_ = true;  // ClausesRead::every_sentence
  bool passed_gate_ = true;
  std::size_t gate_opened_at_ = 0;
  // (mutable: with_clauses() reads the clauses a sentence left unread; with entities, more
  // than sentence_count_, emptied, past the document's: what a longer document of this
  // thread left, kept in place for the next one)
  mutable std::vector<AnalyzedSentence> sentences_;
  std::size_t sentence_count_ = 0;  // the document's sentences: the first of sentences_
  DocumentTokens tokens_;  // what the sentences' token lists view
  // (with entities) the numbers of the sentences' words (ClauseRules::word_ids), sentence
  // si's from word_ids_at_[si] on
  std::vector<std::uint32_t> word_ids_;
  std::vector<std::size_t> word_ids_at_;
  // stable storage for entity names: their bytes, in blocks that never move (the first
  // block, and any more)
  std::unique_ptr<char[]> name_block_;
  std::vector<std::unique_ptr<char[]>> more_name_blocks_;
  char* name_at_ = nullptr;
  std::size_t name_room_ = 0;
  static constexpr std::size_t kNameBlock = 4096;
  std::string dateline_city_;
  std::string dateline_country_;  // when the city is not in the gazetteer
  std::vector<std::string> warnings_;
  std::string_view intern(std::string_view s);
};

// Temporal mentions of a whole text, resolved against `publication`.
std::vector<TimexResult> find_timexes(std::string_view text, date::sys_days publication,
                                      const Resources& resources);

}  // namespace chronicle
