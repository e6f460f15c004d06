// fallback: a last, conservative pass for recall. A sentence that names an event of the
// guidelines' types by one of its nouns ("the talks", "a visit", "the summit") together
// with an official actor (a titled person, a government, a country, an intergovernmental
// body, "ministers", "officials"), and for which no other plugin proposes an event, still
// gives one event: the type of its noun, the status and time of its clause, the actors of
// the sentence, the place of the frame. Its candidates carry a negative specificity, which
// tells the host to drop them in a sentence where any other plugin found an event (-1), and
// also in a document that told an event of their kind before (-2: a mention that refers
// back, "the meeting", "his visit"). An encounter told by a verb with a titled person for
// its other side ("discussed the debt with President X", "was received by Premier Y") is
// read too; the host keeps it beside another plugin's event of a kind it is no kin of (a
// visit and the talks held during it). Words
// come from lexicons/<lang>/fallback.yaml; the plugin is switched off by leaving it out of
// the `plugins.load` list of config/chronicle.yaml.
#include <chronicle/sdk/plugin_api.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../term_set.h"
#include "first_word_roles.h"

namespace sdk = chronicle::sdk;

namespace {

using plugin_terms::any_of_terms;
using plugin_terms::Terms;

// The event types in the order of the guidelines: the first whose noun starts at a token
// types it ("phone call" is a call before "call" could be anything else).
constexpr std::array<const char*, 6> kTypes = {"call",       "visit", "summit",
                                               "conference", "talks", "meeting"};

bool is_actor(const sdk::Entity& e) {
  return e.kind == sdk::EntityKind::person || e.kind == sdk::EntityKind::group ||
         e.kind == sdk::EntityKind::organization || e.kind == sdk::EntityKind::country;
}

// An actor the text names: a person, a body, a country, or a group of some state ("Soviet
// leaders"); not "the partners", "the delegation".
bool is_named(const sdk::Entity& e) {
  return is_actor(e) && (e.kind != sdk::EntityKind::group || !e.country.empty() || e.head_of_state);
}

// The lexicon's lists read while extracting, looked up once: Lexicon::terms() searches
// them by key.
struct Lists {
  explicit Lists(const sdk::Lexicon& lex)
      : encounter_object_skip(lex.terms("encounter_object_skip")),
        exclude_after(lex.terms("exclude_after")),
        exclude_phrases(lex.terms("exclude_phrases")),
        gerund_before(lex.terms("gerund_before")),
        gerund_nouns(lex.terms("gerund_nouns")),
        legislative_chamber_not_after(lex.terms("legislative_chamber_not_after")),
        legislative_chambers(lex.terms("legislative_chambers")),
        legislative_committees(lex.terms("legislative_committees")),
        negating(lex.terms("negating")),
        ongoing_before(lex.terms("ongoing_before")),
        plural_determiners(lex.terms("plural_determiners")),
        plurals_need_determiner(lex.terms("plurals_need_determiner")),
        refer_back_determiners(lex.terms("refer_back_determiners")),
        speculative_before(lex.terms("speculative_before")),
        speech_determiners(lex.terms("speech_determiners")),
        speech_verbs(lex.terms("speech_verbs")),
        talk_object_stops(lex.terms("talk_object_stops")),
        talks_lead_ins(lex.terms("talks_lead_ins")),
        talks_measures(lex.terms("talks_measures")),
        verb_adverbs(lex.terms("verb_adverbs")),
        verb_before(lex.terms("verb_before")) {}
  Terms encounter_object_skip;
  Terms exclude_after;
  Terms exclude_phrases;
  Terms gerund_before;
  Terms gerund_nouns;
  Terms legislative_chamber_not_after;
  Terms legislative_chambers;
  Terms legislative_committees;
  Terms negating;
  Terms ongoing_before;
  Terms plural_determiners;
  Terms plurals_need_determiner;
  Terms refer_back_determiners;
  Terms speculative_before;
  Terms speech_determiners;
  Terms speech_verbs;
  Terms talk_object_stops;
  Terms talks_lead_ins;
  Terms talks_measures;
  Terms verb_adverbs;
  Terms verb_before;
};

class Fallback final : public sdk::Extractor {
 public:
  explicit Fallback(const sdk::Lexicon& lex)
      : lex_(lex),
        lists_(lex),
        context_(lex.terms("exclude_context")),
        before_(lex.terms("exclude_before")),
        talk_verbs_(lex.terms("talk_verbs")),
        receive_verbs_(lex.terms("receive_verbs")),
        titles_(lex.terms("encounter_titles")),
        excl_phrases_(lex.terms("exclude_phrases")),
        speculative_before_(lex.terms("speculative_before")),
        ongoing_before_(lex.terms("ongoing_before")),
        excl_after_(lex.terms("exclude_after")),
        roles_({{lex.terms("nouns.call"), kNoun << 0},
                {lex.terms("nouns.visit"), kNoun << 1},
                {lex.terms("nouns.summit"), kNoun << 2},
                {lex.terms("nouns.conference"), kNoun << 3},
                {lex.terms("nouns.talks"), kNoun << 4},
                {lex.terms("nouns.meeting"), kNoun << 5},
                {lex.terms("talk_verbs"), kVerb},
                {lex.terms("receive_verbs"), kVerb},
                {lex.terms("official_words"), 0, kOfficial},
                {lex.terms("exclude_context"), kContext}}) {
    static_assert(kTypes.size() == 6, "one noun bit per type");
    for (std::size_t t = 0; t < kTypes.size(); ++t)
      nouns_[t] = sdk::PhraseSet(lex.terms(std::string("nouns.") + kTypes[t]));
  }
  std::string_view name() const noexcept override { return "fallback"; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    // in one pass: a noun, a verb, an official word; the scope filters of the whole
    // sentence (business, labour, the press, hearings). Most words start none of them: one
    // look-up a word tells
    // (each token's roles kept for the passes below: on the stack for a sentence of the
    // usual length, at most 250 tokens unless the config says otherwise. No thread_local
    // here: a library loaded at run time gets its thread_local storage from the dynamic TLS
    // that LeakSanitizer's tracer (clang 14 with glibc 2.36) crashes scanning at exit.)
    std::uint32_t on_stack[256];
    std::vector<std::uint32_t> on_heap;
    std::uint32_t* roles_at = on_stack;
    if (s.tokens.size > std::size(on_stack)) {
      on_heap.resize(s.tokens.size);
      roles_at = on_heap.data();
    }
    bool noun = false, verb = false, official = false;
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      const std::uint32_t r = roles_at[i] = roles_(s.tokens[i].lower);
      if (r == 0) continue;
      if ((r & kContext) && context_.match(s, i)) return;
      noun = noun || (r & kNouns);
      verb = verb || (r & kVerb);
      official = official || (r & kOfficial);
    }
    // most sentences hold none of the nouns
    if (!noun && !verb) return;
    // a committee of a chamber ("a House Agriculture Committee meeting", "the Senate
    // Finance Subcommittee, meeting in closed session"): a parliamentary session
    if (legislative_committee(s)) return;
    // a named person alone is no official, nor a group of no state ("the partners"): a
    // title or a body tells it
    for (const auto& e : s.entities)
      official =
          official || (is_named(e) && (e.kind != sdk::EntityKind::person || e.head_of_state));
    if (!official) return;
    for (std::size_t i = 0; i < s.tokens.size && noun; ++i) {
      const std::uint32_t r = roles_at[i] & kNouns;
      if (r == 0) continue;
      std::size_t n = 0, type = 0;
      // (only the lists the word starts a phrase of)
      for (; type < kTypes.size() && n == 0; ++type)
        if (r & kNoun << type) n = nouns_[type].match(s, i);
      if (n == 0) continue;
      --type;
      // "press conference", "wage talks", "talks with creditors"; "called for a swift
      // convening of a meeting": a demand ending up to seven words back, within the phrase
      bool excluded = i + n < s.tokens.size && excl_after_.match(s, i + n) > 0;
      for (std::size_t k = i, steps = 0; k > 0 && steps < 7 && !excluded; --k, ++steps) {
        excluded = excl_phrases_.preceded_by(s, k);
        if (s.tokens[k - 1].kind == sdk::TokenKind::punct) break;
      }
      // "he talks with", "would visit": the word is a verb here (the plugins read verbs)
      {
        std::size_t k = i;  // "would also visit": adverbs skipped
        while (k > 1 && any_of_terms(s.tokens[k - 1].lower, lists_.verb_adverbs)) --k;
        if (k > 0 && any_of_terms(s.tokens[k - 1].lower, lists_.verb_before)) excluded = true;
      }
      // "when the President visits Prime Minister Mulroney": a name or a title right after
      // makes the word a verb (not a date: "the summit Tuesday")
      if (i + n < s.tokens.size && s.tokens[i + n].kind == sdk::TokenKind::word &&
          s.tokens[i + n].capitalized && !sdk::mention_starts_at(s, i + n))
        excluded = true;
      // "the United Nations Conference on Trade and Development": part of a name
      for (const auto& e : s.entities)
        if (e.first_token <= i && i < e.last_token) excluded = true;
      // "agreements produced at international conferences": a bare plural is no one event
      if (any_of_terms(s.tokens[i + n - 1].lower, lists_.plurals_need_determiner)) {
        bool determined = false;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 3 && !determined; --k, ++steps)
          determined = s.tokens[k - 1].kind == sdk::TokenKind::number ||
                       s.tokens[k - 1].lower == "'s" ||
                       any_of_terms(s.tokens[k - 1].lower, lists_.plural_determiners);
        if (!determined) excluded = true;
      }
      for (std::size_t k = i >= 3 ? i - 3 : 0; k < i && !excluded; ++k)
        excluded = before_.contains(s.tokens[k].lower);
      // "told an Export-Import Bank conference", "addressed the Paris OPEC seminar": a speech
      // to a gathering named in capitals, past the three words looked at above
      if (!excluded) {
        std::size_t k = i;
        while (k > 0 && (s.tokens[k - 1].capitalized || s.tokens[k - 1].lower == "-" ||
                         s.tokens[k - 1].kind == sdk::TokenKind::number))
          --k;
        excluded = k >= 2 && k < i &&
                   any_of_terms(s.tokens[k - 1].lower, lists_.speech_determiners) &&
                   any_of_terms(s.tokens[k - 2].lower, lists_.speech_verbs);
      }
      // "work on meeting the needs", "succeeded in meeting its payments": right after a
      // preposition the word is a gerund (the plugins read verbs)
      if (i > 0 && n == 1 && any_of_terms(s.tokens[i].lower, lists_.gerund_nouns) &&
          any_of_terms(s.tokens[i - 1].lower, lists_.gerund_before))
        excluded = true;
      // "there are no plans for an emergency meeting", "did not want a summit": denied in
      // its own clause, a few words back
      const auto& negating = lists_.negating;
      for (std::size_t k = i, steps = 0; k > 0 && steps < 6 && !excluded; --k, ++steps) {
        if (s.tokens[k - 1].kind == sdk::TokenKind::punct) break;
        excluded = any_of_terms(s.tokens[k - 1].lower, negating);
      }
      for (const auto& cl : s.clauses)
        if (cl.first_token <= i && i < cl.last_token && cl.modality == sdk::Modality::negated)
          excluded = true;
      if (excluded) {
        i += n - 1;
        continue;
      }
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, sdk::TriggerForm::noun);
      // talks with no determiner ("ongoing talks to end the conflict", "facilitating
      // negotiations") name a process unless held, resumed or measured ("resume
      // negotiations", "36 hours of negotiations"), or told with a side, a time or a place
      // of their own ("in talks with Washington")
      if (std::string_view(kTypes[type]) == "talks" && f.counterparts.empty() && f.time < 0 &&
          f.place < 0) {
        bool told = i == 0;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 3 && !told; --k, ++steps) {
          const auto w = s.tokens[k - 1].lower;
          // (a determiner right before, or with one word between: "the sources said
          // negotiations" is no determiner of the noun)
          told =
              (steps < 2 && (s.tokens[k - 1].kind == sdk::TokenKind::number || w == "'s" ||
                             any_of_terms(w, lists_.plural_determiners))) ||
              any_of_terms(w, lists_.talks_lead_ins) ||
              (w == "of" && k >= 2 && any_of_terms(s.tokens[k - 2].lower, lists_.talks_measures));
          if (s.tokens[k - 1].kind != sdk::TokenKind::word || w == "of") break;
        }
        if (!told) {
          i += n - 1;
          continue;
        }
      }
      auto c = sdk::candidate_from_frame(s, f, kTypes[type], i, i + n, sdk::TriggerForm::noun);
      // "proposed an annual meeting", "still opposed to a budget summit": a proposal, not
      // a plan; "during the current round of negotiations": under way. A cue among the
      // eight tokens before the noun, within its phrase, sets the status
      for (std::size_t k = i, steps = 0; k > 0 && steps < 8; --k, ++steps) {
        const auto w = s.tokens[k - 1].lower;  // ("a so-called 'budget summit'")
        if (s.tokens[k - 1].kind == sdk::TokenKind::punct && w != "-" && w != "'" && w != "\"")
          break;
        if (speculative_before_.preceded_by(s, k)) {
          c.status = sdk::Status::speculative;
          break;
        }
        if (f.time < 0 && ongoing_before_.preceded_by(s, k)) {
          c.status = sdk::Status::ongoing;
          break;
        }
      }
      // "is on the first leg of a tour", "on her trip to Guatemala, the Vice President
      // announces": a trip told in the present, with no time, is under way
      if (c.type == "visit" && f.time < 0 &&
          (c.status == sdk::Status::occurred || c.status == sdk::Status::unknown))
        for (const auto& cl : s.clauses)
          if (cl.first_token <= i && i < cl.last_token && cl.tense == sdk::Tense::present &&
              cl.modality == sdk::Modality::none)
            c.status = sdk::Status::ongoing;
      // nobody in the frame: the actors of the sentence outside its reporting clauses
      if (c.participants.empty())
        for (const auto& e : s.entities) {
          if (!is_actor(e) || e.kind == sdk::EntityKind::country || reporting(s, e.first_token))
            continue;
          sdk::add_participant(c, e.name);
        }
      // "the meeting", "his visit", "these talks" with no counterpart, time or place of
      // their own refer back: the host keeps such a mention only when the document told
      // no event of its kind before
      bool back = f.anaphoric;
      bool owner = false;  // "the Prime Minister's visit": a title owns it
      const auto& dets = lists_.refer_back_determiners;
      for (std::size_t k = i, steps = 0; k > 0 && steps < 2 && !back; --k, ++steps) {
        // ... or a possessive name ("Nakasone's visit")
        if (any_of_terms(s.tokens[k - 1].lower, dets) || s.tokens[k - 1].lower == "'s") {
          back = f.counterparts.empty() && f.time < 0 && f.place < 0;
          owner = s.tokens[k - 1].lower == "'s" && k >= 2 && s.tokens[k - 2].capitalized;
        }
        if (s.tokens[k - 1].kind != sdk::TokenKind::word || s.tokens[k - 1].capitalized) break;
      }
      // ... and, with nobody named in the sentence, it is no event ("the visit by the
      // delegation was a success")
      if (back) {
        bool named = owner;
        for (const auto& e : s.entities)
          named = named || (is_named(e) && !e.pronoun && !reporting(s, e.first_token));
        if (!named) continue;
      }
      c.specificity = back ? -2 : -1;
      // one event a noun at most; talks told by a verb besides, when the noun's event is
      // a visit or a call ("paid a brief visit ..., during which he discussed ... with
      // President X")
      const bool gathering = c.type != "visit" && c.type != "call";
      out.push_back(std::move(c));
      if (gathering) return;
      break;
    }
    if (verb) encounter_verb(s, roles_at, out);
  }

 private:
  // A capitalised chamber word ("House", "Senate"; not "White House") with a committee word
  // among the next five tokens, both in config
  bool legislative_committee(const sdk::Sentence& s) const {
    const auto& chambers = lists_.legislative_chambers;
    const auto& committees = lists_.legislative_committees;
    const auto& not_after = lists_.legislative_chamber_not_after;
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      if (!s.tokens[i].capitalized || !any_of_terms(s.tokens[i].lower, chambers)) continue;
      if (i > 0 && any_of_terms(s.tokens[i - 1].lower, not_after)) continue;
      for (std::size_t k = i + 1; k < s.tokens.size && k <= i + 5; ++k)
        if (s.tokens[k].capitalized && any_of_terms(s.tokens[k].lower, committees)) return true;
    }
    return false;
  }

  // An encounter told by a verb whose other side is a titled person: "discussed the debt
  // with President Houphouet-Boigny", "consulted with Senator Domenici" (talk_verbs, the
  // person after "with" further on in the clause), "received Foreign Minister Kuranari",
  // "was received by Premier Zhao" (receive_verbs, the person right after)
  // (`roles`: roles_ of each token)
  void encounter_verb(const sdk::Sentence& s, const std::uint32_t* roles,
                      std::vector<sdk::EventCandidate>& out) const {
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      if (!(roles[i] & kVerb)) continue;
      bool talk = true;
      std::size_t n = talk_verbs_.match(s, i);
      if (n == 0 && (n = receive_verbs_.match(s, i))) talk = false;
      if (n == 0) continue;
      std::size_t from = i + n;
      if (talk) {
        // "with" within the clause: no punctuation mark but a hyphen between
        std::size_t k = from;
        // ("discussed their conversations with President Putin": the "with" of an event
        // noun between is that event's)
        while (k < s.tokens.size && k < from + 12 && s.tokens[k].lower != "with" &&
               (s.tokens[k].kind != sdk::TokenKind::punct || s.tokens[k].lower == "-" ||
                s.tokens[k].lower == "'s") &&
               !(roles[k] & kNouns) && !any_of_terms(s.tokens[k].lower, lists_.talk_object_stops))
          ++k;
        if (k >= s.tokens.size || s.tokens[k].lower != "with") continue;
        from = k + 1;
      } else if (from < s.tokens.size && s.tokens[from].lower == "by") {
        ++from;  // "was received by"
      }
      const sdk::Entity* who = titled_person_at(s, from);
      if (who == nullptr) continue;
      // "called for talks", "no plans to discuss": a wish or a denial
      bool excluded = excl_phrases_.preceded_by(s, i);
      for (std::size_t k = i, steps = 0; k > 0 && steps < 4 && !excluded; --k, ++steps) {
        if (s.tokens[k - 1].kind == sdk::TokenKind::punct) break;
        excluded = any_of_terms(s.tokens[k - 1].lower, lists_.negating);
      }
      for (const auto& cl : s.clauses)
        if (cl.first_token <= i && i < cl.last_token && cl.modality == sdk::Modality::negated)
          excluded = true;
      if (excluded) continue;
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, sdk::TriggerForm::verb);
      auto c = sdk::candidate_from_frame(s, f, talk ? "talks" : "meeting", i, i + n,
                                         sdk::TriggerForm::verb);
      // "arrived in Abidjan and discussed ...": the subject of the first verb
      if (c.participants.empty())
        for (const auto& e : s.entities)
          if (e.last_token <= i && is_actor(e) && e.kind != sdk::EntityKind::country &&
              !reporting(s, e.first_token))
            sdk::add_participant(c, e.name);
      sdk::add_participant(c, who->name);
      if (std::find(c.counterparts.begin(), c.counterparts.end(), who->name) ==
          c.counterparts.end())
        c.counterparts.emplace_back(who->name);
      if (c.participants.size() < 2) continue;  // the one who talks is named too
      c.specificity = -1;
      out.push_back(std::move(c));
      return;
    }
  }

  // The person named from token `from` on, past capitalised words and titles only, with a
  // title among them or a head of state's ("President Houphouet-Boigny", "Senator Pete
  // Domenici", "visiting Japanese Foreign Minister Tadashi Kuranari"); not a possessive
  // ("President Reagan's letter")
  const sdk::Entity* titled_person_at(const sdk::Sentence& s, std::size_t from) const {
    const auto& skip = lists_.encounter_object_skip;
    while (from < s.tokens.size && any_of_terms(s.tokens[from].lower, skip)) ++from;
    for (const auto& e : s.entities) {
      if (e.first_token < from || e.first_token > from + 5) continue;
      if (e.kind != sdk::EntityKind::person || e.pronoun || e.possessive) return nullptr;
      bool titled = e.head_of_state;
      for (std::size_t k = from; k < e.last_token; ++k) {
        if (k < e.first_token && !s.tokens[k].capitalized && s.tokens[k].lower != "-" &&
            !titles_.contains(s.tokens[k].lower))
          return nullptr;
        titled = titled || titles_.contains(s.tokens[k].lower);
      }
      if (e.last_token < s.tokens.size &&
          (s.tokens[e.last_token].lower == "'s" || s.tokens[e.last_token].lower == "'"))
        return nullptr;
      return titled ? &e : nullptr;
    }
    return nullptr;
  }

  static bool reporting(const sdk::Sentence& s, std::size_t token) {
    for (const auto& c : s.clauses)
      if (c.first_token <= token && token < c.last_token) return c.reporting;
    return false;
  }

  const sdk::Lexicon& lex_;
  Lists lists_;
  std::array<sdk::PhraseSet, kTypes.size()> nouns_;
  sdk::PhraseSet context_, before_;
  sdk::PhraseSet talk_verbs_, receive_verbs_;  // encounters told by a verb
  sdk::PhraseSet titles_;                      // ... whose other side holds a title
  // phrases looked for before every noun and a few words back
  sdk::PhraseEnds excl_phrases_, speculative_before_, ongoing_before_;
  sdk::PhraseSet excl_after_;  // looked for after every noun
  // The lists a word starts a phrase of, asked first at every word of a sentence: the noun
  // list of kTypes[t] (kNoun << t), the two verb lists (kVerb), official_words (kOfficial:
  // a one-word phrase), exclude_context (kContext).
  static constexpr std::uint32_t kNoun = 1, kNouns = 0x3F, kVerb = 1u << 6, kOfficial = 1u << 7,
                                 kContext = 1u << 9;
  fallback::FirstWordRoles roles_;
};

bool register_fallback(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Fallback>(r, "nouns.meeting");
}

}  // namespace

// (extract() returns at once when a sentence holds no word of these lists)
CHRONICLE_PLUGIN_PHRASE_GATED("fallback", "1.0.0", register_fallback, "nouns.call", "nouns.visit",
                              "nouns.summit", "nouns.conference", "nouns.talks", "nouns.meeting",
                              "talk_verbs", "receive_verbs")
