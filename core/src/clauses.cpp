// Clause reading: where clauses start and end inside a sentence, and the tense and
// modality of each. Marker words and phrases come from config/lexicons/<lang>/clauses.yaml.
#include "clauses.h"

#include <algorithm>
#include <cstring>

namespace chronicle::detail {
namespace {

bool in(const WordList& v, std::string_view w) { return v.contains(w); }

}  // namespace

PhraseIndex::PhraseIndex(const std::vector<std::string>& phrases) {
  for (const auto& p : phrases) {
    Phrase phrase;
    std::size_t pos = 0;
    while (pos < p.size()) {
      std::size_t sp = p.find(' ', pos);
      if (sp == std::string::npos) sp = p.size();
      if (sp > pos) phrase.words.push_back(p.substr(pos, sp - pos));
      pos = sp + 1;
    }
    if (phrase.words.empty()) continue;
    for (const auto& w : phrase.words) phrase.hashes.push_back(word_hash(w));
    const std::uint32_t id = first_.add(phrase.words.front());
    if (id == by_first_.size()) by_first_.emplace_back();
    by_first_[id].push_back(std::move(phrase));
  }
  for (auto& v : by_first_)
    std::stable_sort(v.begin(), v.end(), [](const Phrase& x, const Phrase& y) {
      return x.words.size() < y.words.size();
    });
}

bool PhraseIndex::Phrase::follows(const sdk::Token* t, const std::uint64_t* hs,
                                  std::size_t i) const {
  for (std::size_t k = 1; k < words.size(); ++k) {
    const std::uint64_t h = hs ? hs[i + k] : word_hash(t[i + k].lower);
    if (h != hashes[k] || t[i + k].lower != words[k]) return false;
  }
  return true;
}

std::size_t PhraseIndex::at(std::span<const sdk::Token> t, std::size_t i, std::size_t end) const {
  end = std::min(end, t.size());
  if (i >= end) return 0;
  const std::uint32_t id = first_.find(t[i].lower, SentenceHashes::of(t.data(), i));
  if (id == WordIndex::npos) return 0;
  const std::uint64_t* hs = SentenceHashes::all_of(t.data(), end);
  const auto& phrases = by_first_[id];
  for (auto p = phrases.rbegin(); p != phrases.rend(); ++p)  // longest first
    if (i + p->words.size() <= end && p->follows(t.data(), hs, i)) return p->words.size();
  return 0;
}

bool PhraseIndex::any_at(const sdk::Token* t, std::size_t i, std::size_t end) const {
  const std::uint32_t id = first_.find_lower(t[i].lower);
  if (id == WordIndex::npos) return false;
  for (const Phrase& p : by_first_[id]) {
    if (i + p.words.size() > end) break;  // (and so are all after it)
    if (p.follows(t, nullptr, i)) return true;
  }
  return false;
}

std::size_t PhraseIndex::shortest_at(std::span<const sdk::Token> t, std::size_t i,
                                     std::size_t end) const {
  end = std::min(end, t.size());
  if (i >= end) return 0;
  const std::uint32_t id = first_.find(t[i].lower, SentenceHashes::of(t.data(), i));
  if (id == WordIndex::npos) return 0;
  return shortest_from(id, t.data(), SentenceHashes::all_of(t.data(), end), i, end);
}

std::size_t PhraseIndex::shortest_from(std::uint32_t first, const sdk::Token* t,
                                       const std::uint64_t* hs, std::size_t i,
                                       std::size_t end) const {
  for (const Phrase& p : by_first_[first]) {
    const std::size_t len = p.words.size();
    if (i + len > end) break;  // (and so are all after it)
    // (most phrases fail at their second word: its hash first)
    if (len == 1 || ((!hs || hs[i + 1] == p.hashes[1]) && p.follows(t, hs, i))) return len;
  }
  return 0;
}

namespace {
// "-", the lower-case form of a dash: a word bit of the index (as ClauseRules' word bits)
// that read_clauses() tests the text of a token by, and keeps out of its facts
constexpr std::uint64_t kHyphen = 1ull << 52;
static_assert(kHyphen > ClauseRules::kSpanVerb, "kHyphen is above every bit of ClauseRules");
constexpr std::array<std::uint32_t, 5> kNoPhrases{WordIndex::npos, WordIndex::npos, WordIndex::npos,
                                                  WordIndex::npos, WordIndex::npos};
}  // namespace

void ClauseRules::index_bits() {
  auto add = [&](const std::vector<std::string>& words, std::uint64_t bit) {
    for (const auto& w : words) {
      const std::uint32_t id = word_bits_ix_.add(w);
      if (id == word_bits_.size()) word_bits_.push_back(0);
      word_bits_[id] |= bit;
    }
  };
  add(boundary_punct, kBoundaryPunct);
  add(after_comma, kAfterComma);
  add(fronted, kFronted);
  add(reporting_verbs, kReportingVerb);
  add(complement_nouns, kComplementNoun);
  add(hedging_nouns, kHedgingNoun);
  add(weak_speculative, kWeakSpeculative);
  add(conditionals, kConditional);
  add(conditional_inversions, kConditionalInversion);
  add(future_blockers, kFutureBlocker);
  add(perfect, kPerfect);
  add(present, kPresent);
  add(participles, kParticiple);
  add(be_forms, kBeForm);
  add(determiners, kDeterminer);
  add(not_past, kNotPast);
  add(past, kPast);
  add(nonfinite_future_heads, kNonfiniteFutureHead);
  add(not_participles, kNotParticiple);
  add(that_clause_openers, kThatClauseOpener);
  add(reporting_participles, kReportingParticiple);
  add(relative_pronouns, kRelativePronoun);
  add(relative_closers, kRelativeCloser);
  add(subject_pronouns, kSubjectPronoun);
  add(pronoun_subordinators, kPronounSubordinator);
  add(period_abbreviations, kPeriodAbbreviation);
  add(complementizers, kComplementizer);
  auto add_starts = [&](const PhraseIndex& ix, std::uint32_t bit, std::size_t which) {
    for (std::uint32_t k = 0; k < ix.first_words().size(); ++k) {
      const std::string& w = ix.first_words().word(k);
      add({w}, bit);
      const std::uint32_t id = word_bits_ix_.find(w, word_hash(w));
      if (id >= phrase_firsts_.size()) phrase_firsts_.resize(id + 1, kNoPhrases);
      phrase_firsts_[id][which] = k;
    }
  };
  add_starts(future_ix, kFutureStart, 0);
  add_starts(speculative_ix, kSpeculativeStart, 1);
  add_starts(cancelled_ix, kCancelledStart, 2);
  add_starts(postponed_ix, kPostponedStart, 3);
  add_starts(negation_ix, kNegationStart, 4);
  add({"was", "were"}, kWasWere);
  add({","}, kComma);
  add({".", "?", "!"}, kTerminal);
  add({"\"", "'", "''"}, kQuoteMark);
  add({"that"}, kThat);
  add({"and", "but"}, kAndBut);
  add({"had"}, kHad);
  add({"been"}, kBeen);
  add({"to"}, kTo);
  add({"he", "she", "they", "it", "we"}, kReportedSubject);
  add({"clear"}, kClear);
  add({"'s"}, kPossessive);
  add({"would"}, kWould);
  for (std::uint32_t k = 0; k < noun_planned_cues.first_words().size(); ++k)
    add({std::string(noun_planned_cues.first_words().word(k))}, kPlannedCueStart);
  for (std::uint32_t k = 0; k < noun_speculative_cues.first_words().size(); ++k)
    add({std::string(noun_speculative_cues.first_words().word(k))}, kSpeculativeCueStart);
  add(noun_commitment_verbs, kCommitmentVerb);
  add(noun_extenders, kNounExtender);
  add(span_verbs, kSpanVerb);
  add({"-"}, kHyphen);
  phrase_firsts_.resize(word_bits_.size(), kNoPhrases);
  // one more: the bits of a word in no list, the number read_clauses() gives such a word
  word_bits_.push_back(0);
  // read_clauses() looks up every token of every sentence, most of them in no list: in a
  // sparse table most of those probes end at the first slot, an empty one
  word_bits_ix_.reserve(word_bits_ix_.size() * 4);
}

std::uint32_t ClauseRules::add_plain_word(std::string_view word) {
  const std::uint32_t id = word_bits_ix_.add(word);
  if (id + 1 == word_bits_.size()) {  // a new word, in the place of the entry of no word
    word_bits_.push_back(0);
    phrase_firsts_.push_back(kNoPhrases);
  }
  return id;
}

void ClauseRules::plain_words_added() {
  word_bits_ix_.reserve(word_bits_ix_.size() * 4);  // (kept sparse: see index_bits())
}

void ClauseRules::word_ids(std::span<const sdk::Token> t, std::vector<std::uint32_t>& ids) const {
  ids.resize(t.size() + 1);
  word_ids(t, ids.data());
}

void ClauseRules::word_ids(std::span<const sdk::Token> t, std::uint32_t* ids) const {
  const std::size_t n = t.size();
  // (the current scope's hashes, as a rule: analyze()'s)
  if (const std::uint64_t* hs = SentenceHashes::all_of(t.data(), n)) {
    word_bits_ix_.find_each(t.data(), hs, n, unlisted(), ids);
  } else {
    const SentenceHashes hashes(t.data(), n);
    word_bits_ix_.find_each(t.data(), SentenceHashes::all_of(t.data(), n), n, unlisted(), ids);
  }
  ids[n] = unlisted();
}

ClauseRules ClauseRules::from(const Lexicon& lex) {
  ClauseRules r;
  r.boundary_punct = lex.list("boundaries.punct");
  r.after_comma = lex.list("boundaries.after_comma");
  r.fronted = lex.list("boundaries.fronted");
  r.reporting_verbs = lex.list("reporting_verbs");
  r.complement_nouns = lex.list("complement_nouns");
  r.hedging_nouns = lex.list("hedging_nouns");
  r.future = lex.list("markers.future");
  r.speculative = lex.list("markers.speculative");
  r.cancelled = lex.list("markers.cancelled");
  r.postponed = lex.list("markers.postponed");
  r.negation = lex.list("markers.negation");
  r.past = lex.list("markers.past");
  r.present = lex.list("markers.present");
  r.perfect = lex.list("markers.perfect");
  r.participles = lex.list("markers.participles");
  r.not_past = lex.list("markers.not_past");
  r.determiners = lex.list("determiners");
  r.be_forms = lex.list("be_forms");
  r.noun_speculative = lex.list("noun_cues.speculative");
  r.noun_planned = lex.list("noun_cues.planned");
  r.noun_cancelled = lex.list("noun_cues.cancelled");
  r.noun_postponed = lex.list("noun_cues.postponed");
  r.noun_ongoing = lex.list("noun_cues.ongoing");
  r.ongoing_lead_ins = lex.list("noun_cues.ongoing_lead_ins");
  r.ongoing_lead_in_stops = lex.list("noun_cues.ongoing_lead_in_stops");
  r.noun_extenders = lex.list("noun_extenders");
  r.noun_lead_ins = lex.list("noun_lead_ins");
  r.span_verbs = lex.list("span_verbs");
  r.ending_verbs = lex.list("ending_verbs");
  r.noun_distinct = lex.list("noun_cues.distinct");
  r.future_blockers = lex.list("markers.future_blockers");
  r.not_participles = lex.list("not_participles");
  r.that_clause_openers = lex.list("that_clause_openers");
  r.relative_pronouns = lex.list("boundaries.relative");
  r.relative_closers = lex.list("boundaries.relative_closers");
  r.period_abbreviations = lex.list("boundaries.period_abbreviations");
  r.subject_pronouns = lex.list("boundaries.subject_pronouns");
  r.pronoun_subordinators = lex.list("boundaries.pronoun_subordinators");
  r.complementizers = lex.list("boundaries.complementizers");
  r.reporting_participles = lex.list("reporting_participles");
  r.conditionals = lex.list("conditionals");
  r.nonfinite_future_heads = lex.list("markers.nonfinite_future_heads");
  r.weak_speculative = lex.list("markers.weak_speculative");
  r.conditional_inversions = lex.list("conditional_inversions");
  r.noun_speculative_verbs = lex.list("noun_cues.speculative_verbs");
  r.noun_planned_verbs = lex.list("noun_cues.planned_verbs");
  r.noun_commitment_verbs = lex.list("noun_cues.commitment_verbs");
  r.noun_participle_preps = lex.list("noun_cues.participle_preps");
  r.participle_suffix = lex.scalar("participle_suffix");
  r.future_ix = PhraseIndex(r.future);
  r.speculative_ix = PhraseIndex(r.speculative);
  r.cancelled_ix = PhraseIndex(r.cancelled);
  r.postponed_ix = PhraseIndex(r.postponed);
  r.negation_ix = PhraseIndex(r.negation);
  r.noun_speculative_cues = PhraseIndex(r.noun_speculative_verbs);
  r.noun_planned_cues = PhraseIndex(r.noun_planned_verbs);
  r.index_bits();
  return r;
}

bool ClauseRules::is_past_form(std::span<const sdk::Token> t, std::size_t i) const {
  const auto w = t[i].lower;
  // "the case is heard", "is being held": a passive participle after a present "be"
  if (in(past, w))
    return !(i > 0 && in(be_forms, t[i - 1].lower) && t[i - 1].lower != "was" &&
             t[i - 1].lower != "were");
  if (w.size() >= 5 && w.substr(w.size() - 2) == "ed" && t[i].kind == sdk::TokenKind::word &&
      !t[i].capitalized && !in(not_past, w)) {
    if (i > 0 && (in(determiners, t[i - 1].lower) || in(be_forms, t[i - 1].lower))) return false;
    if (i + 1 < t.size() && t[i + 1].lower == "to") return false;  // "scheduled to"
    return true;
  }
  return false;
}

namespace {

// What read_clauses() knows of one token before reading the sentence: its list bits (and
// kDash, kPastForm), the shortest marker phrase of each index starting there (0: none).
struct TokenFacts {
  std::uint64_t bits = 0;
  std::uint8_t future = 0, speculative = 0, cancelled = 0, postponed = 0, negation = 0;
  bool past_form() const noexcept { return (bits & ClauseRules::kPastForm) != 0; }
};

// Buffers reused from sentence to sentence on this thread (never shrunk: each pass writes
// what it reads, through raw pointers that no store in the loops can alias).
struct ClauseScratch {
  std::vector<TokenFacts> facts;
  std::vector<std::size_t> starts;
  std::vector<char> reporting_start;
  std::vector<std::size_t> participial;
  std::vector<char> would_future;
  std::vector<std::uint32_t> clause_tokens;    // the tokens the clause loop reads, in order
  std::vector<std::uint32_t> boundary_tokens;  // ... and those the boundary loop reads
  std::vector<std::pair<std::size_t, std::size_t>> resumed;
};

template <class T>
T* room_for(std::vector<T>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

}  // namespace

ClauseReading read_clauses(std::span<const sdk::Token> t, const ClauseRules& r) {
  ClauseReading out;
  read_clauses(t, r, out.clauses, out.verb, out.negated);
  return out;
}

void read_clauses(std::span<const sdk::Token> t, const ClauseRules& r,
                  std::vector<sdk::Clause>& clauses, std::vector<std::size_t>& verb,
                  std::vector<bool>& negated) {
  static thread_local std::vector<std::uint32_t> ids;
  const SentenceHashes hashes(t.data(), t.size());  // (shared with the reading)
  r.word_ids(t, ids);
  read_clauses(t, r, ids.data(), clauses, verb, negated);
}

void read_clauses(std::span<const sdk::Token> t, const ClauseRules& r, const std::uint32_t* ids,
                  std::vector<sdk::Clause>& clauses, std::vector<std::size_t>& verb,
                  std::vector<bool>& negated) {
  using B = ClauseRules::Bit;
  struct {
    std::vector<sdk::Clause>& clauses;
    std::vector<std::size_t>& verb;
    std::vector<bool>& negated;
  } out{clauses, verb, negated};
  clauses.clear();
  verb.clear();
  negated.clear();
  const std::size_t n = t.size();
  const SentenceHashes hashes(t.data(), n);
  static thread_local ClauseScratch scratch;
  TokenFacts* const facts = room_for(scratch.facts, n);
  std::uint32_t* const clause_tokens = room_for(scratch.clause_tokens, n);
  std::uint32_t* const boundary_tokens = room_for(scratch.boundary_tokens, n);
  std::size_t clause_count = 0, boundary_count = 0;
  const std::uint64_t* const hs = SentenceHashes::all_of(t.data(), n);  // (`hashes` covers t)
  constexpr std::uint64_t kAnyStart = B::kFutureStart | B::kSpeculativeStart |
                                      B::kCancelledStart | B::kPostponedStart |
                                      B::kNegationStart;
  // a token in none of these lists (nor a past form) changes nothing in the clause loop
  constexpr std::uint64_t kClauseWords = kAnyStart | B::kWeakSpeculative | B::kReportingVerb |
                                         B::kHedgingNoun | B::kPerfect | B::kPresent |
                                         ClauseRules::kWasWere | ClauseRules::kPastForm;
  // ... nor, in none of these, in the boundary loop
  constexpr std::uint64_t kBoundaryWords =
      ClauseRules::kTerminal | B::kBoundaryPunct | ClauseRules::kComma | B::kFronted |
      B::kReportingParticiple | B::kReportingVerb | ClauseRules::kThat | ClauseRules::kAndBut |
      ClauseRules::kDash | B::kRelativePronoun | B::kComplementizer;
  const std::uint64_t* const word_bits = r.word_bits_.data();
  auto bits_of = [&](std::uint32_t id) { return word_bits[id]; };
  auto phrase_len = [&](const PhraseIndex& ix, std::uint32_t first, std::size_t i) {
    const std::size_t len = ix.shortest_from(first, t.data(), hs, i, n);
    return static_cast<std::uint8_t>(len > 0xFF ? 0xFF : len);
  };
  std::uint64_t any_bits = 0;  // the bits of all tokens
  std::uint64_t prev = 0;      // the bits of tokens[i - 1]
  std::uint64_t next = n > 0 ? bits_of(ids[0]) : 0;
  // (all facts zero first: the loop writes only those of the tokens in some list, and of
  // plain past forms in "-ed")
  if (n > 0) std::memset(static_cast<void*>(facts), 0, n * sizeof(TokenFacts));
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t b = next;
    next = bits_of(ids[i + 1]);  // (0 past the end)
    const sdk::Token& tok = t[i];
    if (b == 0) {
      // most tokens: in no list, no dash (its lower-case form, "-", is listed), no phrase
      // starts there, and neither loop below reads them unless they are a past form:
      // is_past_form(t, i) of a word in no list
      const auto w = tok.lower;
      if (w.size() >= 5 && w[w.size() - 1] == 'd' && w[w.size() - 2] == 'e' &&
          tok.kind == sdk::TokenKind::word && !tok.capitalized &&
          !(prev & (B::kDeterminer | B::kBeForm)) && !(next & ClauseRules::kTo)) {
        b = ClauseRules::kPastForm;
        facts[i].bits = b;
        any_bits |= b;
        clause_tokens[clause_count++] = static_cast<std::uint32_t>(i);
      }
      prev = b;
      continue;
    }
    if ((b & kHyphen) && tok.text.size() == 3 &&
        (tok.text == "\xE2\x80\x94" || tok.text == "\xE2\x80\x93"))
      b |= ClauseRules::kDash;
    b &= ~kHyphen;
    // is_past_form(t, i), from the bits
    if (b & B::kPast) {
      if (!((prev & B::kBeForm) && !(prev & ClauseRules::kWasWere))) b |= ClauseRules::kPastForm;
    } else if (const auto w = tok.lower; w.size() >= 5 && w[w.size() - 1] == 'd' &&
                                         w[w.size() - 2] == 'e' && !(b & B::kNotPast) &&
                                         tok.kind == sdk::TokenKind::word && !tok.capitalized) {
      if (!(prev & (B::kDeterminer | B::kBeForm)) && !(next & ClauseRules::kTo))  // "scheduled to"
        b |= ClauseRules::kPastForm;
    }
    prev = b;
    if (b == 0) continue;  // ("-": its bit only)
    TokenFacts& f = facts[i];
    f.bits = b;
    if (b & kAnyStart) {
      const auto& first = r.phrase_firsts_[ids[i]];
      if (b & B::kFutureStart) f.future = phrase_len(r.future_ix, first[0], i);
      // "how critical the bills are to his vision": "be to" before a determiner is no
      // future
      if (f.future == 2 && (b & B::kBeForm) && (next & ClauseRules::kTo) && i + 2 < n &&
          (bits_of(ids[i + 2]) & B::kDeterminer))
        f.future = 0;
      if (b & B::kSpeculativeStart) f.speculative = phrase_len(r.speculative_ix, first[1], i);
      if (b & B::kCancelledStart) f.cancelled = phrase_len(r.cancelled_ix, first[2], i);
      if (b & B::kPostponedStart) f.postponed = phrase_len(r.postponed_ix, first[3], i);
      if (b & B::kNegationStart) f.negation = phrase_len(r.negation_ix, first[4], i);
    }
    any_bits |= b;
    clause_tokens[clause_count] = static_cast<std::uint32_t>(i);
    clause_count += (b & kClauseWords) != 0;
    boundary_tokens[boundary_count] = static_cast<std::uint32_t>(i);
    boundary_count += (b & kBoundaryWords) != 0;
  }
  auto has = [&](std::size_t i, std::uint64_t bit) { return (facts[i].bits & bit) != 0; };
  // a marker phrase of the index at token i that ends at or before e (PhraseIndex::at != 0)
  auto fits = [](std::uint16_t len, std::size_t i, std::size_t e) {
    return len != 0 && i + len <= e;
  };
  // 1. boundaries
  auto& starts = scratch.starts;
  auto& reporting_start = scratch.reporting_start;
  auto& participial = scratch.participial;  // starts of participial adjunct clauses
  starts.assign(1, 0);
  reporting_start.assign(1, false);
  participial.clear();
  // "Baker will meet Shevardnadze, who arrived yesterday, on Tuesday": a relative clause
  // set off by commas ends at the next comma, and what follows is the clause it interrupts
  // (start of the rest, start of the interrupted clause)
  auto& resumed = scratch.resumed;
  resumed.clear();
  // the clause begun last is a relative clause after a comma
  auto relative_open = [&] {
    const std::size_t s = starts.back();
    return starts.size() >= 2 && s > 0 && s < n && has(s - 1, ClauseRules::kComma) &&
           has(s, B::kRelativePronoun);
  };
  // (a token in none of the lists the loop tests starts no clause)
  for (std::size_t bt = 0; bt < boundary_count; ++bt) {
    const std::size_t i = boundary_tokens[bt];
    // a sentence end left inside the sentence counts before a capital or a quote mark,
    // not after a short capitalized word ("Jan. 5", "Mr. Smith")
    const bool terminal = has(i, ClauseRules::kTerminal);
    if (terminal && has(i, B::kBoundaryPunct) &&
        (i == 0 || i + 1 >= n ||
         !(t[i + 1].capitalized || t[i + 1].kind == sdk::TokenKind::punct) ||
         (t[i - 1].capitalized && t[i - 1].lower.size() <= 3) ||
         has(i - 1, B::kPeriodAbbreviation)))
      continue;
    if (has(i, B::kBoundaryPunct | ClauseRules::kDash)) {
      starts.push_back(i + 1);
      reporting_start.push_back(false);
      continue;
    }
    if (has(i, ClauseRules::kComma)) {
      // ',"when he visits Washington': a closing quote mark between the comma and the word
      if (i + 2 < n && has(i + 1, ClauseRules::kQuoteMark) && has(i + 2, B::kAfterComma)) {
        starts.push_back(i + 2);
        reporting_start.push_back(false);
        continue;
      }
      if (i + 1 < n && has(i + 1, B::kAfterComma)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
      // ", confirmed Kremlin spokesperson Dmitry Peskov." / ", Peskov said."
      if (i + 1 < n && has(i + 1, B::kReportingVerb)) {
        starts.push_back(i + 1);
        reporting_start.push_back(true);
        continue;
      }
      bool tail_report = false;
      bool plain_seen = false;
      for (std::size_t k = i + 1; k < n && k <= i + 7; ++k) {
        if (has(k, B::kReportingVerb)) {
          // ", Cuba predicted Wednesday.", ", he said in a statement.": at most three
          // words after the verb before the sentence or clause ends
          std::size_t q = k + 1;
          while (q < n && q <= k + 4 && t[q].kind != sdk::TokenKind::punct) ++q;
          tail_report = q >= n || t[q].lower == "." || (has(q, ClauseRules::kComma) && !plain_seen);
          break;
        }
        if (t[k].capitalized || has(k, ClauseRules::kPossessive | B::kDeterminer)) continue;
        // ", Western diplomats said.", ", they added.": at the end of the sentence, up to
        // three plain lower-case words (no verb form, no marker) or a subject pronoun
        // before the verb
        if (t[k].kind != sdk::TokenKind::word || k > i + 3 ||
            !(has(k, B::kSubjectPronoun) ||
              ((facts[k].bits & B::kPlainTest) == 0 && !facts[k].past_form())))
          break;
        plain_seen = true;
      }
      if (tail_report) {
        starts.push_back(i + 1);
        reporting_start.push_back(true);
        continue;
      }
      // ", insisting the boy would be ...": a participial adjunct clause
      if (i + 1 < n && !r.participle_suffix.empty() && t[i + 1].kind == sdk::TokenKind::word &&
          !t[i + 1].capitalized && t[i + 1].lower.size() >= r.participle_suffix.size() + 3 &&
          t[i + 1].lower.ends_with(r.participle_suffix) && !has(i + 1, B::kNotParticiple)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        participial.push_back(i + 1);
        continue;
      }
      // ... at a comma before a preposition or a time word, not inside a list ("who
      // stepped down as chairman, president and chief executive in March")
      if (i + 1 < n && has(i + 1, B::kRelativeCloser) && relative_open()) {
        resumed.emplace_back(i + 1, starts[starts.size() - 2]);
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
      // fronted adverbial: "Before the informal summit in Paris, ..."
      if (starts.back() == 0 && n > 0 && has(0, B::kFronted)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
    }
    // "if the relatives lose ... when the case is heard in May": a subordinator (a word
    // that opens both a fronted clause and a clause after a comma) starts a clause
    // ("... caring for him since he was rescued in late November": so do some others right
    // before a subject pronoun)
    if (i > 0 && has(i, B::kFronted) &&
        (has(i, B::kAfterComma) ||
         (i + 1 < n && has(i, B::kPronounSubordinator) && has(i + 1, B::kSubjectPronoun))) &&
        t[i - 1].kind != sdk::TokenKind::punct && !has(i - 1, B::kDeterminer)) {
      starts.push_back(i);
      reporting_start.push_back(false);
      continue;
    }
    // "issued a statement Friday saying the entry will consolidate ...": a reporting
    // participle opens the reported content, with or without a comma before it
    if (i > 0 && has(i, B::kReportingParticiple) && t[i - 1].kind != sdk::TokenKind::punct) {
      starts.push_back(i);
      reporting_start.push_back(false);
      participial.push_back(i);
      continue;
    }
    // "officials said she would raise it": reported speech without "that"
    if (has(i, B::kReportingVerb) && i + 1 < n && i > 0 &&
        has(i + 1, ClauseRules::kReportedSubject)) {
      starts.push_back(i + 1);
      reporting_start.push_back(false);
      continue;
    }
    // "announced a process to determine whether citizens would prefer ...": an embedded
    // question is a clause of its own, its tense its own
    if (i > 0 && has(i, B::kComplementizer)) {
      starts.push_back(i);
      reporting_start.push_back(false);
      continue;
    }
    if (has(i, ClauseRules::kThat) && i > 0) {
      if (has(i - 1, B::kReportingVerb | B::kComplementNoun | ClauseRules::kClear) ||
          (i + 1 < n && has(i + 1, B::kThatClauseOpener) &&
           t[i - 1].kind != sdk::TokenKind::punct && !has(i - 1, B::kDeterminer))) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
    }
    // "signed a bill which would raise taxes", "a law that will take effect": a relative
    // clause with a future of its own, after a past verb of the clause it hangs on (not a
    // reporting verb), starts there: the future is the bill's, the signing stays past
    if (i > 0 && i + 1 < n && has(i, B::kRelativePronoun | ClauseRules::kThat) &&
        t[i - 1].kind != sdk::TokenKind::punct && fits(facts[i + 1].future, i + 1, n)) {
      bool past_act = false;
      for (std::size_t k = starts.back(); k < i && !past_act; ++k)
        past_act = facts[k].past_form() && !has(k, B::kReportingVerb);
      if (past_act) {
        starts.push_back(i);
        reporting_start.push_back(false);
        continue;
      }
    }
    // "and may pave the way": a coordinated predicate with its own auxiliary
    // ("held its first meeting in February and is expected to meet again in May": a "be"
    // or "have" before the marker)
    if (has(i, ClauseRules::kAndBut) && i + 1 < n) {
      const std::size_t aux =
          i + 2 < n && (has(i + 1, B::kBeForm) || has(i + 1, B::kPerfect)) ? i + 2 : i + 1;
      if (fits(facts[i + 1].future, i + 1, n) || fits(facts[i + 1].speculative, i + 1, n) ||
          fits(facts[aux].future, aux, n) || fits(facts[aux].speculative, aux, n)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
      }
    }
  }
  starts.push_back(n);
  // a conditional sentence ("if ...", "Should there be ...", "unless ..."): what it says
  // "would" happen is possible, not planned
  bool conditional = n > 0 && has(0, B::kConditionalInversion);
  for (std::size_t i = 0; i < n && !conditional && (any_bits & B::kConditional); ++i)
    conditional = has(i, B::kConditional) &&
                  (i == 0 || t[i - 1].kind == sdk::TokenKind::punct || !t[i - 1].capitalized);
  auto& would_future = scratch.would_future;
  would_future.clear();
  out.clauses.reserve(starts.size() - 1);
  out.verb.reserve(starts.size() - 1);
  // 2. read each clause
  bool hedged_by_previous = false;
  for (std::size_t c = 0; c + 1 < starts.size(); ++c) {
    const std::size_t b = starts[c], e = starts[c + 1];
    if (b >= e) continue;
    sdk::Clause cl;
    cl.first_token = b;
    cl.last_token = e;
    cl.reporting = reporting_start[c] != 0;
    bool would = false;  // the clause's future is a bare "would"
    bool weak_spec = false;
    bool fut = false, spec = hedged_by_previous, canc = false, post = false, neg = false,
         past = false, pres = false, prog = false, report_verb = false, hedge_noun = false,
         overtaken = false;
    std::size_t verb = e;
    auto mark_verb = [&](std::size_t i) { verb = std::min(verb, i); };
    // reported content left in the reporting verb's clause ("bankers said there are no
    // plans for Funaro to meet ... on Friday"): its own present tense, not the reporting
    // verb's past, places its dates
    std::size_t report_ix = e;
    bool pres_after_report = false, past_after_report = false;
    // the clause's own finite verb, when it has a tense or a future of its own (a reporting
    // verb excepted: "officials said Baldrige could meet"): a modal or a non-finite future
    // well after it belongs to a clause the boundaries above did not split off ("will meet
    // Aquino on April 28 to discuss steps it could take", "spoke today to review plans for
    // the summit to be held in Vilnius")
    std::size_t anchor = e;
    bool anchor_past = false;
    auto late = [&](std::size_t i) { return anchor < e && i > anchor + 4; };
    const std::uint32_t* const clause_end = clause_tokens + clause_count;
    for (auto it = std::lower_bound<const std::uint32_t*>(clause_tokens, clause_end, b);
         it != clause_end && *it < e; ++it) {
      const std::size_t i = *it;
      const TokenFacts& f = facts[i];
      const bool was_were = (f.bits & ClauseRules::kWasWere) != 0;
      const bool future_here = fits(f.future, i, e);
      if (anchor == e && !(f.bits & B::kReportingVerb) && !t[i].capitalized &&
          (future_here || f.past_form() || was_were)) {
        anchor = i;
        anchor_past = !future_here;
      }
      if (fits(f.cancelled, i, e)) canc = true, mark_verb(i);
      if (fits(f.postponed, i, e)) post = true, mark_verb(i);
      // "May 5" is a month, "may meet" a modal: mid-sentence capitals are names
      if (fits(f.speculative, i, e) && !(t[i].capitalized && i > 0) &&
          (!late(i) || (f.bits & B::kConditional)))
        spec = true, mark_verb(i);
      if ((f.bits & B::kWeakSpeculative) && !(i == 0 && (f.bits & B::kConditionalInversion)))
        weak_spec = true, mark_verb(i);
      // "announced plans to", "its plans to", "the President's plans to": a noun, not a
      // future auxiliary
      // "faster than expected to", "had been scheduled to": no future of this clause; a
      // plan of the past overtaken ("had been due to expire Friday") lies on either side
      bool blocked = false, had = false;  // (only a future here reads them)
      if (future_here)
        for (std::size_t k = i > b + 2 ? i - 2 : b; k < i; ++k) {
          blocked = blocked || has(k, B::kFutureBlocker);
          had = had || has(k, ClauseRules::kHad);
        }
      if (had && future_here) overtaken = true;
      const bool late_nonfinite = anchor_past && late(i) && (f.bits & B::kNonfiniteFutureHead) &&
                                  !has(i - 1, B::kBeForm) && !has(i - 1, B::kPerfect);
      if (future_here && !blocked && !late_nonfinite &&
          !(i > b && t[i].lower.size() > 1 && t[i].lower.back() == 's' &&
            (has(i - 1, B::kDeterminer | ClauseRules::kPossessive) || facts[i - 1].past_form()))) {
        if (!fut) would = (f.bits & ClauseRules::kWould) != 0;
        fut = true, mark_verb(i);
      }
      if (fits(f.negation, i, e)) neg = true;
      if (f.bits & B::kReportingVerb) {
        report_verb = true, mark_verb(i);
        if (report_ix == e && f.past_form()) report_ix = i;
      }
      if (f.bits & B::kHedgingNoun) hedge_noun = true;
      if (f.bits & B::kPerfect) {
        for (std::size_t k = i + 1; k < e && k <= i + 3; ++k) {
          // "have been meeting privately": a perfect progressive is still going on
          if (has(k, ClauseRules::kBeen) && !(f.bits & ClauseRules::kHad) && k + 1 < e &&
              t[k + 1].lower.size() > 4 &&
              t[k + 1].lower.ends_with("ing")) {
            pres = true, prog = true;
            mark_verb(i);
            break;
          }
          if (has(k, B::kParticiple) || is_past_form_loose(t[k].lower)) {
            past = true;
            mark_verb(i);
            break;
          }
        }
      }
      if (f.bits & B::kPresent) {
        pres = true;
        if (i > report_ix) pres_after_report = true;
        mark_verb(i);
        for (std::size_t k = i + 1; k < e && k <= i + 2; ++k) {
          const auto v = t[k].lower;
          if (v.size() > 4 && v.substr(v.size() - 3) == "ing") {
            prog = true;
            break;
          }
        }
      }
      if (f.past_form()) past = true, mark_verb(i);
      if ((f.bits & B::kBeForm) && was_were) past = true, mark_verb(i);
      if (i > report_ix && (f.past_form() || was_were || (f.bits & B::kPerfect)))
        past_after_report = true;
    }
    if (past && pres_after_report && !past_after_report) past = false;
    spec = spec || (weak_spec && !fut);
    cl.tense = fut         ? sdk::Tense::future
               : overtaken ? sdk::Tense::none
               : past      ? sdk::Tense::past
               : pres      ? sdk::Tense::present
                           : sdk::Tense::none;
    // a participial clause with no tense of its own takes the one of the clause it hangs
    // on ("rising to a high in June from $29.75 in March")
    if (cl.tense == sdk::Tense::none && !out.clauses.empty() &&
        std::find(participial.begin(), participial.end(), b) != participial.end())
      cl.tense = out.clauses.back().tense;
    cl.modality = canc   ? sdk::Modality::cancelled
                  : post ? sdk::Modality::postponed
                  : spec ? sdk::Modality::speculative
                  : fut  ? sdk::Modality::planned
                  : neg  ? sdk::Modality::negated
                         : sdk::Modality::none;
    cl.progressive = prog && !fut && !past;
    // the rest of a clause a relative clause interrupted, with no verb of its own: the
    // interrupted clause's tense and modality
    if (verb == e)
      for (const auto& [rest, outer] : resumed)
        if (rest == b)
          for (const auto& o : out.clauses)
            if (o.first_token == outer) {
              cl.tense = o.tense;
              cl.modality = o.modality;
            }
    // a clause that only introduces reported speech: "Peskov revealed (that)"
    if (report_verb && c + 2 < starts.size() && e > 0 &&
        (t[e - 1].lower == "that" || has(e - 1, B::kReportingVerb)))
      cl.reporting = true;
    out.negated.push_back(neg);
    would_future.push_back(would && !spec && !canc && !post);
    hedged_by_previous = hedge_noun && e > 0 && t[e - 1].lower == "that";
    out.clauses.push_back(cl);
    out.verb.push_back(verb);
  }
  if (conditional)
    for (std::size_t c = 0; c < out.clauses.size(); ++c)
      if (would_future[c] && out.clauses[c].modality == sdk::Modality::planned)
        out.clauses[c].modality = sdk::Modality::speculative;
  // a short fronted adverbial with no verb of its own ("Until Thursday, they had not
  // called him a suspect") takes the tense of the clause it leads into
  if (out.clauses.size() >= 2 && out.clauses[0].first_token == 0 &&
      out.clauses[0].last_token <= 4 && out.clauses[0].tense == sdk::Tense::none &&
      out.verb[0] == out.clauses[0].last_token && out.clauses[0].last_token > 0 &&
      t[out.clauses[0].last_token - 1].lower == ",")
    out.clauses[0].tense = out.clauses[1].tense;
}

bool is_past_form_loose(std::string_view w) {
  return w.size() >= 4 && (w.substr(w.size() - 2) == "ed" || w.substr(w.size() - 2) == "en");
}

std::size_t clause_of(const std::vector<sdk::Clause>& clauses, std::size_t token) {
  for (std::size_t c = 0; c < clauses.size(); ++c)
    if (token >= clauses[c].first_token && token < clauses[c].last_token) return c;
  return clauses.empty() ? 0 : clauses.size() - 1;
}

}  // namespace chronicle::detail
