// extractors: event kinds defined in YAML alone (config/extractors/*.yaml), no C++.
// The host checks each definition and hands it over flattened in this plugin's lexicon
// (keys in core/include/chronicle/extractor_definitions.h; format in docs/plugins.md).
#include <chronicle/sdk/plugin_api.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace sdk = chronicle::sdk;

namespace {

const char* const kStatusNames[] = {"occurred",    "ongoing",   "planned",
                                    "speculative", "postponed", "cancelled"};
const sdk::Status kStatuses[] = {sdk::Status::occurred,  sdk::Status::ongoing,
                                 sdk::Status::planned,   sdk::Status::speculative,
                                 sdk::Status::postponed, sdk::Status::cancelled};

bool is_place(const sdk::Entity& e) {
  return e.kind == sdk::EntityKind::country || e.kind == sdk::EntityKind::city ||
         e.kind == sdk::EntityKind::region;
}

bool contains(sdk::View<std::string_view> v, std::string_view w) { return sdk::any_of_terms(w, v); }

class Definition final : public sdk::Extractor {
 public:
  Definition(const sdk::Lexicon& lex, std::string name) : lex_(lex), name_(std::move(name)) {
    type_ = std::string(lookup("type")[0]);
    specificity_ = std::atoi(std::string(lookup("specificity")[0]).c_str());
    for (const char* key : kKeys) views_.emplace_back(key, lookup(key));
    for (const char* st : kStatusNames)
      views_.emplace_back(std::string("status.") + st, lookup(std::string("status.") + st));
    verbs_ = sdk::PhraseSet(terms("triggers.verbs"));
    nouns_ = sdk::PhraseSet(terms("triggers.nouns"));
    whole_ = sdk::PhraseSet(terms("exclude.sentence"));
    first_words_ = sdk::PhraseSet(
        {terms("triggers.verbs"), terms("triggers.nouns"), terms("exclude.sentence")});
  }
  std::string_view name() const noexcept override { return name_; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    // the tokens that start a phrase of a trigger list or of exclude.sentence: most start none
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.tokens.size; ++i)
      if (first_words_.starts_with_word(s.tokens[i].lower)) starts.push_back(i);
    for (const std::size_t i : starts)
      if (whole_.match(s, i)) return;
    std::size_t next = 0;  // past the last trigger
    for (const std::size_t i : starts) {
      if (i < next) continue;
      sdk::TriggerForm form = sdk::TriggerForm::verb;
      std::size_t n = verbs_.match(s, i);
      if (n == 0 && (n = nouns_.match(s, i))) form = sdk::TriggerForm::noun;
      if (n == 0) continue;
      if (!excluded(s, i, n)) propose(s, i, n, form, out);
      next = i + n;
    }
  }

 private:
  static constexpr const char* kKeys[] = {
      "triggers.verbs", "triggers.nouns", "participants",     "with",          "location",
      "exclude.before", "exclude.after",  "exclude.sentence", "require.verbs", "require.nouns"};

  sdk::View<std::string_view> lookup(const std::string& key) const {
    return lex_.terms(name_ + "." + key);
  }
  // The lists, looked up once: the lexicon does not change while the plugin is loaded.
  sdk::View<std::string_view> terms(std::string_view key) const {
    for (const auto& [k, v] : views_)
      if (k == key) return v;
    return {};
  }

  // "called for a ceasefire", "enact a nationwide ceasefire", "ceasefire talks": a phrase
  // ending at most three words before the trigger, or starting right after it.
  bool excluded(const sdk::Sentence& s, std::size_t i, std::size_t n) const {
    const auto before = terms("exclude.before");
    for (std::size_t j = i; j + 3 > i && j > 0; --j)
      if (sdk::preceded_by(s, j, before)) return true;
    return sdk::match_phrase(s, i + n, terms("exclude.after")) > 0;
  }

  void propose(const sdk::Sentence& s, std::size_t i, std::size_t n, sdk::TriggerForm form,
               std::vector<sdk::EventCandidate>& out) const {
    const sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
    sdk::EventCandidate c;
    c.type = type_;
    c.form = form;
    c.trigger = {s.tokens[i].span.begin, s.tokens[i + n - 1].span.end};
    c.time = f.time;
    c.status = f.status;
    c.specificity = specificity_;
    const auto roles = terms("participants");
    auto add = [](std::vector<std::string>& v, std::string_view name) {
      for (const auto& x : v)
        if (x == name) return;
      v.emplace_back(name);
    };
    if (contains(roles, "subject"))
      for (auto k : f.agents) add(c.participants, s.entities[k].name);
    std::vector<std::size_t> others;  // entity indices, in the order found
    if (contains(roles, "with")) others = with_role(s, i + n);
    if (contains(roles, "object") && form == sdk::TriggerForm::verb) {
      const std::ptrdiff_t o = entity_at(s, i + n);
      if (o >= 0) others.push_back(static_cast<std::size_t>(o));
    }
    for (auto k : f.counterparts) {
      // the frame's "meet X", "with X": sorted by the cue between the trigger and X
      const bool with = opened_by_with(s, i + n, s.entities[k].first_token);
      if (contains(roles, with ? "with" : "object")) others.push_back(k);
    }
    for (auto k : others) {
      if (is_place(s.entities[k]) && s.entities[k].kind != sdk::EntityKind::country) continue;
      add(c.participants, s.entities[k].name);
      add(c.counterparts, s.entities[k].name);
    }
    locate(s, i, n, f, c);
    const std::ptrdiff_t cue = status_cue(s, i);
    if (cue >= 0) c.status = kStatuses[cue];
    if (!required_found(c, form)) return;
    out.push_back(std::move(c));
  }

  // The entity starting at token k ("the" skipped), or -1.
  static std::ptrdiff_t entity_at(const sdk::Sentence& s, std::size_t k) {
    if (k < s.tokens.size && s.tokens[k].lower == "the") ++k;
    for (std::size_t e = 0; e < s.entities.size; ++e)
      if (s.entities[e].first_token == k && !s.entities[e].pronoun)
        return static_cast<std::ptrdiff_t>(e);
    return -1;
  }

  // "with Azerbaijan", "between Sudan and Chad": the entities after the first `with` word
  // within five words of the trigger, joined by "and" or commas.
  std::vector<std::size_t> with_role(const sdk::Sentence& s, std::size_t from) const {
    std::vector<std::size_t> out;
    const auto with_words = terms("with");
    for (std::size_t k = from; k < s.tokens.size && k < from + 5; ++k) {
      if (!contains(with_words, s.tokens[k].lower)) continue;
      for (std::size_t at = k + 1;;) {
        const std::ptrdiff_t e = entity_at(s, at);
        if (e < 0) break;
        out.push_back(static_cast<std::size_t>(e));
        at = s.entities[static_cast<std::size_t>(e)].last_token;
        if (at < s.tokens.size && (s.tokens[at].lower == "and" || s.tokens[at].lower == ","))
          ++at;
        else
          break;
      }
      break;
    }
    return out;
  }

  bool opened_by_with(const sdk::Sentence& s, std::size_t from, std::size_t to) const {
    const auto with_words = terms("with");
    for (std::size_t k = from; k < to && k < s.tokens.size; ++k)
      if (contains(with_words, s.tokens[k].lower)) return true;
    return false;
  }

  // The place after a location cue ("in Gaza"), nearest the trigger; else the frame's.
  void locate(const sdk::Sentence& s, std::size_t i, std::size_t n, const sdk::Frame& f,
              sdk::EventCandidate& c) const {
    const auto cues = terms("location");
    std::ptrdiff_t best = -1;
    std::size_t best_dist = 0;
    for (std::size_t k = 0; k < s.entities.size; ++k) {
      const sdk::Entity& e = s.entities[k];
      if (!is_place(e) || e.first_token == 0 || !sdk::preceded_by(s, e.first_token, cues)) continue;
      const std::size_t d = e.first_token >= i + n ? e.first_token - (i + n) : i - e.last_token;
      if (best < 0 || d < best_dist) {
        best = static_cast<std::ptrdiff_t>(k);
        best_dist = d;
      }
    }
    if (best < 0 && cues.empty()) best = f.place;
    if (best < 0) return;
    const sdk::Entity& e = s.entities[static_cast<std::size_t>(best)];
    c.location = std::string(e.name);
    c.country = std::string(e.country);
  }

  // The status whose cue phrase is nearest the trigger within its clause, or -1.
  std::ptrdiff_t status_cue(const sdk::Sentence& s, std::size_t i) const {
    std::size_t first = 0, last = s.tokens.size;
    for (const auto& cl : s.clauses)
      if (cl.first_token <= i && i < cl.last_token) {
        first = cl.first_token;
        last = cl.last_token;
      }
    std::ptrdiff_t best = -1;
    std::size_t best_dist = 0;
    for (std::size_t st = 0; st < std::size(kStatusNames); ++st) {
      const auto cues = terms(std::string("status.") + kStatusNames[st]);
      for (std::size_t k = first; k < last; ++k) {
        if (sdk::match_phrase(s, k, cues) == 0) continue;
        const std::size_t d = k > i ? k - i : i - k;
        if (best < 0 || d < best_dist) {
          best = static_cast<std::ptrdiff_t>(st);
          best_dist = d;
        }
      }
    }
    return best;
  }

  bool required_found(const sdk::EventCandidate& c, sdk::TriggerForm form) const {
    const auto req = terms(form == sdk::TriggerForm::verb ? "require.verbs" : "require.nouns");
    if (req.empty()) return true;
    return (contains(req, "participant") && !c.participants.empty()) ||
           (contains(req, "location") && !c.location.empty()) ||
           (contains(req, "time") && c.time >= 0);
  }

  const sdk::Lexicon& lex_;
  std::string name_;
  std::vector<std::pair<std::string, sdk::View<std::string_view>>> views_;
  sdk::PhraseSet verbs_, nouns_, whole_;  // triggers and sentence exclusions, by first word
  sdk::PhraseSet first_words_;            // the three as one, asked first at every token
  std::string type_;
  int specificity_ = 3;
};

bool register_extractors(sdk::Registrar& r) noexcept {
  try {
    const auto names = r.lexicon().terms("extractors");
    if (names.empty()) {
      r.fail(
          "no extractor definitions: put *.yaml files in the folder named by "
          "`definitions:` in the config (config/extractors/), or disable this plugin");
      return false;
    }
    for (std::string_view name : names)
      r.add(std::make_unique<Definition>(r.lexicon(), std::string(name)));
    return true;
  } catch (const std::exception& e) {
    r.fail(e.what());
  } catch (...) {
    r.fail("unknown exception");
  }
  return false;
}

}  // namespace

// (each definition proposes an event only at one of its trigger phrases)
CHRONICLE_PLUGIN_PHRASE_GATED("extractors", "1.0.0", register_extractors,
                              "{extractors}.triggers.verbs", "{extractors}.triggers.nouns")
