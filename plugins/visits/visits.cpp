// visits: an official's travel to, or stay in, a place ("will travel to Riyadh",
// "visit Turkey on Tuesday", "a trip to China"). "Visit <a person>" is a meeting.
#include <chronicle/sdk/plugin_api.h>

namespace sdk = chronicle::sdk;

namespace {

class Visits final : public sdk::Extractor {
 public:
  explicit Visits(const sdk::Lexicon& lex) : lex_(lex) {}
  std::string_view name() const noexcept override { return "visits"; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    const auto verbs = lex_.terms("verbs"), motion = lex_.terms("motion_verbs"),
               nouns = lex_.terms("nouns"), excl = lex_.terms("exclude_before"),
               excl_phrases = lex_.terms("exclude_phrases"), dets = lex_.terms("determiners");
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      sdk::TriggerForm form = sdk::TriggerForm::verb;
      bool needs_destination = false;
      // "his visit", "a possible visit": a determiner right before, or before an adjective
      const bool after_det =
          (i > 0 && sdk::any_of_terms(s.tokens[i - 1].lower, dets)) ||
          (i > 1 && sdk::any_of_terms(s.tokens[i - 2].lower, dets) &&
           s.tokens[i - 1].kind == sdk::TokenKind::word && !s.tokens[i - 1].capitalized);
      std::size_t n = after_det ? 0 : sdk::match_phrase(s, i, verbs);
      if (n == 0 && !after_det && (n = sdk::match_phrase(s, i, motion))) needs_destination = true;
      if (n == 0 && (n = sdk::match_phrase(s, i, nouns))) form = sdk::TriggerForm::noun;
      if (n == 0) continue;
      bool excluded = false;
      for (std::size_t k = i >= 2 ? i - 2 : 0; k < i; ++k)
        excluded = excluded || sdk::any_of_terms(s.tokens[k].lower, excl);
      if (sdk::preceded_by(s, i, excl_phrases)) excluded = true;
      if (excluded) {
        i += n - 1;
        continue;
      }
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
      bool person_visited = false;
      for (auto k : f.counterparts)
        person_visited = person_visited || s.entities[k].kind == sdk::EntityKind::person;
      if (f.destination < 0 && person_visited && form == sdk::TriggerForm::verb &&
          !f.agents.empty()) {
        // "visit <a person>" is a meeting; a summit when every side heads a state
        bool heads = !f.agents.empty();
        for (auto k : f.agents) heads = heads && s.entities[k].head_of_state;
        for (auto k : f.counterparts) heads = heads && s.entities[k].head_of_state;
        auto c = sdk::candidate_from_frame(s, f, heads ? "summit" : "meeting", i, i + n, form);
        c.specificity = heads ? 3 : 0;
        out.push_back(std::move(c));
        i += n - 1;
        continue;
      }
      auto c = sdk::candidate_from_frame(s, f, "visit", i, i + n, form);
      c.counterparts.clear();
      // a visit is someone's travel: it needs a traveller, and a place or a date
      bool keep = !f.agents.empty();
      if (form == sdk::TriggerForm::noun)
        keep = keep && !f.anaphoric && (f.destination >= 0 || f.time >= 0 || f.place >= 0);
      else
        keep = keep && (f.destination >= 0 || (!needs_destination && f.place >= 0) ||
                        (!needs_destination && f.time >= 0));
      if (keep) {
        out.push_back(std::move(c));
      }
      i += n - 1;
    }
  }

 private:
  const sdk::Lexicon& lex_;
};

bool register_visits(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Visits>(r, "verbs");
}

}  // namespace

CHRONICLE_PLUGIN("visits", "1.0.0", register_visits)
