// calls: telephone or video conversations between officials ("agreed during a phone
// call", "spoke by telephone with").
#include <chronicle/sdk/plugin_api.h>

namespace sdk = chronicle::sdk;

namespace {

// "spoke to Governor Pedro Pierluisi", "contacted Thailand's foreign minister": a person
// for object, after capitalised titles, or an official's title (after a possessive name,
// lower-case words may come between). Not "spoke to reporters", "spoke to how ...".
bool person_object(const sdk::Sentence& s, std::size_t next, sdk::View<std::string_view> titles,
                   sdk::View<std::string_view> skip) {
  bool after_possessive = false;
  for (std::size_t k = next; k < s.tokens.size && k < next + 6; ++k) {
    const sdk::Token& t = s.tokens[k];
    if (t.lower == "'s") {
      after_possessive = true;
      continue;
    }
    if (t.kind == sdk::TokenKind::punct) return false;
    for (const auto& e : s.entities)
      if (e.first_token == k && !e.pronoun && !e.possessive && e.kind == sdk::EntityKind::person)
        return true;
    if (sdk::any_of_terms(t.lower, titles)) return true;
    if (!(t.capitalized || after_possessive || sdk::any_of_terms(t.lower, skip))) return false;
  }
  return false;
}

class Calls final : public sdk::Extractor {
 public:
  explicit Calls(const sdk::Lexicon& lex)
      : lex_(lex), verbs_(lex.terms("verbs")), nouns_(lex.terms("nouns")),
        conversation_verbs_(lex.terms("conversation_verbs")),
        in_person_verbs_(lex.terms("in_person_verbs")), person_verbs_(lex.terms("person_verbs")),
        phone_words_(lex.terms("phone_words")),
        first_words_({lex.terms("verbs"), lex.terms("nouns"), lex.terms("conversation_verbs")}) {}
  std::string_view name() const noexcept override { return "calls"; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      // a trigger starts with a word of one of the three lists; most tokens start none
      if (!first_words_.starts_with_word(s.tokens[i].lower)) continue;
      sdk::TriggerForm form = sdk::TriggerForm::verb;
      std::size_t n = verbs_.match(s, i);
      bool by_object = false;  // a call told by its person object alone
      if (n == 0 && (n = nouns_.match(s, i))) form = sdk::TriggerForm::noun;
      // "talked with Baker over the telephone": a conversation verb and a phone word
      if (n == 0 && (n = conversation_verbs_.match(s, i))) {
        bool phone = false;
        for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 15; ++k)
          phone = phone || phone_words_.contains(s.tokens[k].lower);
        // "spoke to Governor Pedro Pierluisi today": with no phone word, a call only with
        // a person for object
        if (!phone) {
          by_object = person_verbs_.match(s, i) == n &&
                      person_object(s, i + n, lex_.terms("person_object_titles"),
                                    lex_.terms("person_object_skip"));
          if (!by_object) n = 0;
        }
      }
      if (n == 0) continue;
      // "spoke with reporters", "spoke today with the press": a briefing, no call
      if (form == sdk::TriggerForm::verb && i + n < s.tokens.size &&
          sdk::match_phrase(s, i + n, lex_.terms("press_objects")) > 0) {
        i += n - 1;
        continue;
      }
      // the people on a call are the clause's subject and anyone "with" it
      sdk::Frame f = s.analyzer->frame(s, i, i + n, sdk::TriggerForm::verb);
      // ... but a possessive before the noun holds the call: "They will follow up on
      // Biden's September 9 call with Xi" is Biden's and Xi's
      if (form == sdk::TriggerForm::noun) {
        const sdk::Frame own = s.analyzer->frame(s, i, i + n, form);
        bool held = false;
        for (auto k : own.agents) held = held || s.entities[k].possessive;
        if (held) f.agents = own.agents;
        // ... and one that names its sides after "between" has no other: "to follow up on
        // last week's call between Biden and Lula"
        const bool between = s.tokens[i + n - 1].lower == "between" ||
                             (i + n < s.tokens.size && s.tokens[i + n].lower == "between");
        if (!held && between && f.counterparts.size() >= 2) f.agents.clear();
      }
      // ... and a person speaking ("USDA contacted State Directors" is an agency's letter)
      bool person_agent = false;
      for (auto k : f.agents)
        person_agent = person_agent || s.entities[k].kind == sdk::EntityKind::person;
      if (by_object && !person_agent) {
        i += n - 1;
        continue;
      }
      // "spoke with community leaders at the White House": a conversation the text places
      // somewhere was held in person, a meeting
      const bool in_person = form == sdk::TriggerForm::verb && f.place >= 0 &&
                             (in_person_verbs_.match(s, i) == n || person_verbs_.match(s, i) == n);
      auto c = sdk::candidate_from_frame(s, f, in_person ? "meeting" : "call", i, i + n, form);
      if (!in_person) {
        c.location.clear();
        c.country.clear();
      }
      // "spoke by phone today with counterparts from our Baltic Allies", "met virtually
      // with G7 Leaders": groups of people after "with" are the other side of a call told
      // with someone on it
      if (c.counterparts.empty() && !c.participants.empty()) {
        sdk::add_with_groups(c, s, i + n, lex_.terms("with_group_nouns"),
                             lex_.terms("with_group_leading"), lex_.terms("with_group_stops"));
      }
      if (!c.participants.empty()) {
        c.specificity = 5;
        out.push_back(std::move(c));
      }
      i += n - 1;
    }
  }

 private:
  const sdk::Lexicon& lex_;
  sdk::PhraseSet verbs_, nouns_, conversation_verbs_;  // triggers, indexed by first word
  sdk::PhraseSet in_person_verbs_;
  sdk::PhraseSet person_verbs_;  // conversation verbs that are calls with a person for object
  sdk::PhraseSet phone_words_;
  sdk::PhraseSet first_words_;  // the three trigger lists as one, asked first at every token
};

bool register_calls(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Calls>(r, "nouns");
}

}  // namespace

CHRONICLE_PLUGIN_PHRASE_GATED("calls", "1.0.0", register_calls, "verbs", "nouns",
                              "conversation_verbs")
