// summits: meetings of heads of state or government ("the informal summit in Paris",
// "Trump could meet Putin", "European leaders are set to meet").
#include <algorithm>

#include <chronicle/sdk/plugin_api.h>

namespace sdk = chronicle::sdk;

namespace {

class Summits final : public sdk::Extractor {
 public:
  explicit Summits(const sdk::Lexicon& lex)
      : nouns_(lex.terms("nouns")),
        verbs_(lex.terms("meet_verbs")),
        attendance_(lex.terms("attendance_nouns")),
        first_words_({lex.terms("nouns"), lex.terms("meet_verbs")}),
        possessive_pronouns_(lex.terms("possessive_pronouns")),
        body_summit_lead_ins_(lex.terms("body_summit_lead_ins")),
        alongside_nouns_(lex.terms("alongside_nouns")),
        meet_verb_terms_(lex.terms("meet_verbs")),
        today_words_(lex.terms("today_words")),
        alongside_future_marks_(lex.terms("alongside_future_marks")),
        bare_verbs_(lex.terms("bare_verbs")),
        after_meet_(lex.terms("after_meet")),
        object_determiners_(lex.terms("object_determiners")) {}
  std::string_view name() const noexcept override { return "summits"; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      // a trigger starts with a word of one of the two lists; most tokens start none
      if (!first_words_.starts_with_word(s.tokens[i].lower)) continue;
      if (std::size_t n = nouns_.match(s, i)) {
        // a named summit ("to attend the G20 Leaders' Summit") reads like its verb: the
        // clause's subject attends, the clause's time and place are its own
        const bool named = sdk::named_event_at(s, i);
        const auto form = named ? sdk::TriggerForm::verb : sdk::TriggerForm::noun;
        sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
        bool attended = false;  // whose participation in it the text gives
        // "thanked El-Sisi for his participation in the U.S.-Africa Leaders' Summit": the
        // one who takes part is the possessor of "participation", not the clause's subject
        {
          std::size_t k = i;  // back over the summit's name
          while (k > 0 && (s.tokens[k - 1].capitalized || s.tokens[k - 1].lower == "'s" ||
                           s.tokens[k - 1].lower == "'" || s.tokens[k - 1].lower == "the" ||
                           s.tokens[k - 1].lower == "-" ||
                           s.tokens[k - 1].kind == sdk::TokenKind::number))
            --k;
          for (std::size_t q = k > 4 ? k - 4 : 0; q < k; ++q) {
            const std::size_t m = attendance_.match(s, q);
            if (m == 0 || q + m != k || q == 0) continue;
            // "Pashinyan's participation"; "thanked El-Sisi for his participation": the
            // nearest name before the possessive pronoun
            const bool pronoun = sdk::any_of_terms(s.tokens[q - 1].lower, possessive_pronouns_);
            for (std::size_t e = 0; e < s.entities.size; ++e) {
              const auto& en = s.entities[e];
              if (en.last_token == q || en.last_token + 1 == q ||
                  (pronoun && en.last_token < q && !en.pronoun &&
                   (en.kind == sdk::EntityKind::person || en.kind == sdk::EntityKind::group)))
              {
                f.agents.assign(1, e);
                attended = true;
              }
            }
          }
        }
        auto c = sdk::candidate_from_frame(s, f, "summit", i, i + n, form);
        c.counterparts.clear();
        // "the NATO Summit", "the G7 Leaders' Summit": the body the summit is named after
        // takes part in it ("U.S.-ASEAN Summit" names two sides, not one body)
        // and when the summit only comes up after one of `body_summit_lead_ins` ("preparations
        // for the NATO Summit", "progress made at the recent G7 Summit"), nobody of the
        // clause is said to attend it: the body alone takes part
        if (named) {
          // (a plural possessive reads "'s" too: "the G7 Leaders' Summit")
          std::size_t k = i;
          while (k > 0 && (s.tokens[k - 1].capitalized || s.tokens[k - 1].lower == "'" ||
                           (s.tokens[k - 1].lower == "'s" && k >= 2 &&
                            s.tokens[k - 2].lower.back() == 's') ||
                           s.tokens[k - 1].lower == "-" ||
                           s.tokens[k - 1].kind == sdk::TokenKind::number))
            --k;
          std::size_t lead = k;  // back over "the upcoming", "the recent"
          // ... and over a name joined before it: "at the G-7 Summit and NATO Summit"
          if (lead >= 2 && s.tokens[lead - 1].lower == "and" && s.tokens[lead - 2].capitalized) {
            --lead;
            while (lead > 0 && (s.tokens[lead - 1].capitalized || s.tokens[lead - 1].lower == "-" ||
                                s.tokens[lead - 1].kind == sdk::TokenKind::number))
              --lead;
          }
          for (std::size_t steps = 0;
               lead > 0 && steps < 3 && !s.tokens[lead - 1].capitalized &&
               s.tokens[lead - 1].kind == sdk::TokenKind::word &&
               !sdk::any_of_terms(s.tokens[lead - 1].lower, body_summit_lead_ins_);
               ++steps)
            --lead;
          const bool body_only = !attended && lead > 0 &&
                                 sdk::any_of_terms(s.tokens[lead - 1].lower, body_summit_lead_ins_);
          std::vector<std::string> bodies;
          for (std::size_t e = 0; e < s.entities.size; ++e) {
            const auto& en = s.entities[e];
            const bool joined = (en.first_token > 0 && s.tokens[en.first_token - 1].lower == "-") ||
                                (en.last_token < i && s.tokens[en.last_token].lower == "-");
            if (en.first_token >= k && en.last_token <= i && !en.pronoun && !joined &&
                (en.kind == sdk::EntityKind::organization || en.kind == sdk::EntityKind::group) &&
                std::find(bodies.begin(), bodies.end(), en.name) == bodies.end())
              bodies.emplace_back(en.name);
          }
          if (body_only && !bodies.empty()) c.participants.clear();
          for (auto& b : bodies)
            if (std::find(c.participants.begin(), c.participants.end(), b) == c.participants.end())
              c.participants.push_back(std::move(b));
        }
        if (named) {  // "met today on the margins of the G7 Summit": the summit is under way
          std::size_t k = i;
          while (k > 0 && (s.tokens[k - 1].capitalized || s.tokens[k - 1].lower == "-" ||
                           s.tokens[k - 1].kind == sdk::TokenKind::number))
            --k;
          c.status = sdk::alongside_status(s, k, c.status, c.time, alongside_nouns_, today_words_,
                                           meet_verb_terms_, alongside_future_marks_);
        }
        if (named || (!f.anaphoric && (f.time >= 0 || f.place >= 0 || !c.participants.empty()))) {
          c.specificity = 3;
          out.push_back(std::move(c));
        }
        i += n - 1;
        continue;
      }
      if (std::size_t n = verbs_.match(s, i)) {
        // a meeting whose every named side is a head of state or government
        if (sdk::any_of_terms(s.tokens[i + n - 1].lower, bare_verbs_) &&
            sdk::takes_thing_object(s, i + n, after_meet_, object_determiners_)) {
          i += n - 1;
          continue;
        }
        const sdk::Frame f = s.analyzer->frame(s, i, i + n, sdk::TriggerForm::verb);
        std::size_t heads = 0, others = 0;
        bool leaders_group = false;
        auto count = [&](std::size_t k) {
          const auto& e = s.entities[k];
          if (e.kind == sdk::EntityKind::person) (e.head_of_state ? heads : others) += 1;
          if (e.kind == sdk::EntityKind::group && e.head_of_state) leaders_group = true;
          if (e.kind == sdk::EntityKind::group && !e.head_of_state) ++others;
        };
        for (auto k : f.agents) count(k);
        for (auto k : f.counterparts) count(k);
        if (others == 0 && (heads >= 2 || leaders_group)) {
          auto c = sdk::candidate_from_frame(s, f, "summit", i, i + n, sdk::TriggerForm::verb);
          c.specificity = 3;
          out.push_back(std::move(c));
        }
        i += n - 1;
      }
    }
  }

 private:
  sdk::PhraseSet nouns_, verbs_;  // triggers, indexed by first word
  sdk::PhraseSet attendance_;     // "participation in" before a named summit
  sdk::PhraseSet first_words_;    // the two trigger lists as one, asked first at every token
  // lists read near a trigger, looked up once (Lexicon::terms() searches by key)
  sdk::View<std::string_view> possessive_pronouns_, body_summit_lead_ins_, alongside_nouns_,
      meet_verb_terms_, today_words_, alongside_future_marks_, bare_verbs_, after_meet_,
      object_determiners_;
};

bool register_summits(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Summits>(r, "nouns");
}

}  // namespace

CHRONICLE_PLUGIN_PHRASE_GATED("summits", "1.0.0", register_summits, "nouns", "meet_verbs")
