// Clause reading: where clauses start and end inside a sentence, and the tense and
// modality of each. Marker words and phrases come from config/lexicons/<lang>/clauses.yaml.
#include "clauses.h"

#include <algorithm>

namespace chronicle::detail {
namespace {

bool in(const WordList& v, std::string_view w) { return v.contains(w); }

}  // namespace

PhraseIndex::PhraseIndex(const std::vector<std::string>& phrases) {
  for (const auto& p : phrases) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < p.size()) {
      std::size_t sp = p.find(' ', pos);
      if (sp == std::string::npos) sp = p.size();
      if (sp > pos) words.push_back(p.substr(pos, sp - pos));
      pos = sp + 1;
    }
    if (words.empty()) continue;
    const std::uint32_t id = first_.add(words.front());
    if (id == by_first_.size()) by_first_.emplace_back();
    by_first_[id].push_back(std::move(words));
  }
}

std::size_t PhraseIndex::at(const std::vector<sdk::Token>& t, std::size_t i,
                            std::size_t end) const {
  if (i >= end || i >= t.size()) return 0;
  const std::uint32_t id = first_.find(t[i].lower, SentenceHashes::of(t.data(), i));
  if (id == WordIndex::npos) return 0;
  std::size_t best = 0;
  for (const auto& words : by_first_[id]) {
    if (i + words.size() > end) continue;
    bool ok = true;
    for (std::size_t k = 1; k < words.size() && ok; ++k) ok = t[i + k].lower == words[k];
    if (ok) best = std::max(best, words.size());
  }
  return best;
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
  r.noun_extenders = lex.list("noun_extenders");
  r.noun_lead_ins = lex.list("noun_lead_ins");
  r.span_verbs = lex.list("span_verbs");
  r.noun_distinct = lex.list("noun_cues.distinct");
  r.future_blockers = lex.list("markers.future_blockers");
  r.not_participles = lex.list("not_participles");
  r.that_clause_openers = lex.list("that_clause_openers");
  r.relative_pronouns = lex.list("boundaries.relative");
  r.relative_closers = lex.list("boundaries.relative_closers");
  r.period_abbreviations = lex.list("boundaries.period_abbreviations");
  r.subject_pronouns = lex.list("boundaries.subject_pronouns");
  r.pronoun_subordinators = lex.list("boundaries.pronoun_subordinators");
  r.reporting_participles = lex.list("reporting_participles");
  r.conditionals = lex.list("conditionals");
  r.nonfinite_future_heads = lex.list("markers.nonfinite_future_heads");
  r.weak_speculative = lex.list("markers.weak_speculative");
  r.conditional_inversions = lex.list("conditional_inversions");
  r.noun_speculative_verbs = lex.list("noun_cues.speculative_verbs");
  r.noun_planned_verbs = lex.list("noun_cues.planned_verbs");
  r.participle_suffix = lex.scalar("participle_suffix");
  r.future_ix = PhraseIndex(r.future);
  r.speculative_ix = PhraseIndex(r.speculative);
  r.cancelled_ix = PhraseIndex(r.cancelled);
  r.postponed_ix = PhraseIndex(r.postponed);
  r.negation_ix = PhraseIndex(r.negation);
  return r;
}

bool ClauseRules::is_past_form(const std::vector<sdk::Token>& t, std::size_t i) const {
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

ClauseReading read_clauses(const std::vector<sdk::Token>& t, const ClauseRules& r) {
  ClauseReading out;
  const std::size_t n = t.size();
  const SentenceHashes hashes(t.data(), n);
  // 1. boundaries
  std::vector<std::size_t> starts{0};
  std::vector<bool> reporting_start(1, false);
  std::vector<std::size_t> participial;  // starts of participial adjunct clauses
  // "Baker will meet Shevardnadze, who arrived yesterday, on Tuesday": a relative clause
  // set off by commas ends at the next comma, and what follows is the clause it interrupts
  // (start of the rest, start of the interrupted clause)
  std::vector<std::pair<std::size_t, std::size_t>> resumed;
  bool relative_open = false;
  std::size_t seen_starts = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto w = t[i].lower;
    if (starts.size() != seen_starts) {
      seen_starts = starts.size();
      const std::size_t s = starts.back();
      relative_open = seen_starts >= 2 && s > 0 && s < n && t[s - 1].lower == "," &&
                      in(r.relative_pronouns, t[s].lower);
    }
    // a sentence end left inside the sentence counts before a capital or a quote mark,
    // not after a short capitalized word ("Jan. 5", "Mr. Smith")
    const bool terminal = w == "." || w == "?" || w == "!";
    if (terminal && in(r.boundary_punct, w) &&
        (i == 0 || i + 1 >= n ||
         !(t[i + 1].capitalized || t[i + 1].kind == sdk::TokenKind::punct) ||
         (t[i - 1].capitalized && t[i - 1].lower.size() <= 3) ||
         in(r.period_abbreviations, t[i - 1].lower)))
      continue;
    if (in(r.boundary_punct, w) || t[i].text == "\xE2\x80\x94" || t[i].text == "\xE2\x80\x93") {
      starts.push_back(i + 1);
      reporting_start.push_back(false);
      continue;
    }
    if (w == ",") {
      // ',"when he visits Washington': a closing quote mark between the comma and the word
      if (i + 2 < n &&
          (t[i + 1].lower == "\"" || t[i + 1].lower == "'" || t[i + 1].lower == "''") &&
          in(r.after_comma, t[i + 2].lower)) {
        starts.push_back(i + 2);
        reporting_start.push_back(false);
        continue;
      }
      if (i + 1 < n && in(r.after_comma, t[i + 1].lower)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
      // ", confirmed Kremlin spokesperson Dmitry Peskov." / ", Peskov said."
      if (i + 1 < n && in(r.reporting_verbs, t[i + 1].lower)) {
        starts.push_back(i + 1);
        reporting_start.push_back(true);
        continue;
      }
      bool tail_report = false;
      for (std::size_t k = i + 1; k < n && k <= i + 7; ++k) {
        if (in(r.reporting_verbs, t[k].lower)) {
          // ", Cuba predicted Wednesday.", ", he said in a statement.": at most three
          // words after the verb before the sentence or clause ends
          std::size_t q = k + 1;
          while (q < n && q <= k + 4 && t[q].kind != sdk::TokenKind::punct) ++q;
          tail_report = q >= n || t[q].lower == "." || t[q].lower == ",";
          break;
        }
        if (!t[k].capitalized && t[k].lower != "'s" && !in(r.determiners, t[k].lower)) break;
      }
      if (tail_report) {
        starts.push_back(i + 1);
        reporting_start.push_back(true);
        continue;
      }
      // ", insisting the boy would be ...": a participial adjunct clause
      if (i + 1 < n && !r.participle_suffix.empty() && t[i + 1].kind == sdk::TokenKind::word &&
          !t[i + 1].capitalized && t[i + 1].lower.size() >= r.participle_suffix.size() + 3 &&
          t[i + 1].lower.ends_with(r.participle_suffix) &&
          !in(r.not_participles, t[i + 1].lower)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        participial.push_back(i + 1);
        continue;
      }
      // ... at a comma before a preposition or a time word, not inside a list ("who
      // stepped down as chairman, president and chief executive in March")
      if (relative_open && i + 1 < n && in(r.relative_closers, t[i + 1].lower)) {
        resumed.emplace_back(i + 1, starts[starts.size() - 2]);
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
      // fronted adverbial: "Before the informal summit in Paris, ..."
      if (starts.back() == 0 && n > 0 && in(r.fronted, t[0].lower)) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
    }
    // "if the relatives lose ... when the case is heard in May": a subordinator (a word
    // that opens both a fronted clause and a clause after a comma) starts a clause
    // ("... caring for him since he was rescued in late November": so do some others right
    // before a subject pronoun)
    if (i > 0 && in(r.fronted, w) &&
        (in(r.after_comma, w) ||
         (i + 1 < n && in(r.pronoun_subordinators, w) && in(r.subject_pronouns, t[i + 1].lower))) &&
        t[i - 1].kind != sdk::TokenKind::punct && !in(r.determiners, t[i - 1].lower)) {
      starts.push_back(i);
      reporting_start.push_back(false);
      continue;
    }
    // "issued a statement Friday saying the entry will consolidate ...": a reporting
    // participle opens the reported content, with or without a comma before it
    if (i > 0 && in(r.reporting_participles, w) && t[i - 1].kind != sdk::TokenKind::punct) {
      starts.push_back(i);
      reporting_start.push_back(false);
      participial.push_back(i);
      continue;
    }
    // "officials said she would raise it": reported speech without "that"
    if (in(r.reporting_verbs, w) && i + 1 < n && i > 0 &&
        (t[i + 1].lower == "he" || t[i + 1].lower == "she" || t[i + 1].lower == "they" ||
         t[i + 1].lower == "it" || t[i + 1].lower == "we")) {
      starts.push_back(i + 1);
      reporting_start.push_back(false);
      continue;
    }
    if (w == "that" && i > 0) {
      const auto p = t[i - 1].lower;
      if (in(r.reporting_verbs, p) || in(r.complement_nouns, p) || p == "clear" ||
          (i + 1 < n && in(r.that_clause_openers, t[i + 1].lower) &&
           t[i - 1].kind != sdk::TokenKind::punct && !in(r.determiners, p))) {
        starts.push_back(i + 1);
        reporting_start.push_back(false);
        continue;
      }
    }
    // "and may pave the way": a coordinated predicate with its own auxiliary
    if ((w == "and" || w == "but") && i + 1 < n &&
        (r.future_ix.at(t, i + 1, n) || r.speculative_ix.at(t, i + 1, n))) {
      starts.push_back(i + 1);
      reporting_start.push_back(false);
    }
  }
  starts.push_back(n);
  // a conditional sentence ("if ...", "Should there be ...", "unless ..."): what it says
  // "would" happen is possible, not planned
  bool conditional = n > 0 && in(r.conditional_inversions, t[0].lower);
  for (std::size_t i = 0; i < n && !conditional; ++i)
    conditional = in(r.conditionals, t[i].lower) &&
                  (i == 0 || t[i - 1].kind == sdk::TokenKind::punct || !t[i - 1].capitalized);
  std::vector<bool> would_future;
  // 2. read each clause
  bool hedged_by_previous = false;
  for (std::size_t c = 0; c + 1 < starts.size(); ++c) {
    const std::size_t b = starts[c], e = starts[c + 1];
    if (b >= e) continue;
    sdk::Clause cl;
    cl.first_token = b;
    cl.last_token = e;
    cl.reporting = reporting_start[c];
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
    for (std::size_t i = b; i < e; ++i) {
      const auto w = t[i].lower;
      if (anchor == e && !in(r.reporting_verbs, w) && !t[i].capitalized &&
          (r.future_ix.at(t, i, e) || r.is_past_form(t, i) || w == "was" || w == "were")) {
        anchor = i;
        anchor_past = !r.future_ix.at(t, i, e);
      }
      if (r.cancelled_ix.at(t, i, e)) canc = true, mark_verb(i);
      if (r.postponed_ix.at(t, i, e)) post = true, mark_verb(i);
      // "May 5" is a month, "may meet" a modal: mid-sentence capitals are names
      if (r.speculative_ix.at(t, i, e) && !(t[i].capitalized && i > 0) &&
          (!late(i) || in(r.conditionals, w)))
        spec = true, mark_verb(i);
      if (in(r.weak_speculative, w) && !(i == 0 && in(r.conditional_inversions, w)))
        weak_spec = true, mark_verb(i);
      // "announced plans to", "its plans to": a noun, not a future auxiliary
      // "faster than expected to", "had been scheduled to": no future of this clause; a
      // plan of the past overtaken ("had been due to expire Friday") lies on either side
      bool blocked = false, had = false;
      for (std::size_t k = i > b + 2 ? i - 2 : b; k < i; ++k) {
        blocked = blocked || in(r.future_blockers, t[k].lower);
        had = had || t[k].lower == "had";
      }
      if (had && r.future_ix.at(t, i, e)) overtaken = true;
      const bool late_nonfinite = anchor_past && late(i) && in(r.nonfinite_future_heads, w) &&
                                  !in(r.be_forms, t[i - 1].lower) && !in(r.perfect, t[i - 1].lower);
      if (r.future_ix.at(t, i, e) && !blocked && !late_nonfinite &&
          !(i > b && t[i].lower.size() > 1 && t[i].lower.back() == 's' &&
            (in(r.determiners, t[i - 1].lower) || r.is_past_form(t, i - 1)))) {
        if (!fut) would = w == "would";
        fut = true, mark_verb(i);
      }
      if (r.negation_ix.at(t, i, e)) neg = true;
      if (in(r.reporting_verbs, w)) {
        report_verb = true, mark_verb(i);
        if (report_ix == e && r.is_past_form(t, i)) report_ix = i;
      }
      if (in(r.hedging_nouns, w)) hedge_noun = true;
      if (in(r.perfect, w)) {
        for (std::size_t k = i + 1; k < e && k <= i + 3; ++k) {
          // "have been meeting privately": a perfect progressive is still going on
          if (t[k].lower == "been" && w != "had" && k + 1 < e && t[k + 1].lower.size() > 4 &&
              t[k + 1].lower.ends_with("ing")) {
            pres = true, prog = true;
            mark_verb(i);
            break;
          }
          if (in(r.participles, t[k].lower) || is_past_form_loose(t[k].lower)) {
            past = true;
            mark_verb(i);
            break;
          }
        }
      }
      if (in(r.present, w)) {
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
      if (r.is_past_form(t, i)) past = true, mark_verb(i);
      if (in(r.be_forms, w) && (w == "was" || w == "were")) past = true, mark_verb(i);
      if (i > report_ix && (r.is_past_form(t, i) || w == "was" || w == "were" || in(r.perfect, w)))
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
        (t[e - 1].lower == "that" || in(r.reporting_verbs, t[e - 1].lower)))
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
      out.clauses[0].last_token <= 4 &&
      out.clauses[0].tense == sdk::Tense::none && out.verb[0] == out.clauses[0].last_token &&
      out.clauses[0].last_token > 0 && t[out.clauses[0].last_token - 1].lower == ",")
    out.clauses[0].tense = out.clauses[1].tense;
  return out;
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
