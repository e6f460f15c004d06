// conferences: multilateral gatherings of ministers or officials of several states, and
// sessions of intergovernmental bodies ("an OPEC conference", "G-7 finance ministers will
// meet", "the EC farm ministers' meeting", "a ministerial meeting").
#include <chronicle/sdk/plugin_api.h>

#include <cctype>

#include "../term_set.h"

namespace sdk = chronicle::sdk;

namespace {

using plugin_terms::any_of_terms;
using plugin_terms::Terms;

// An intergovernmental body (an organisation without a country of its own) or a group of
// ministers or delegates.
bool multilateral(const sdk::Entity& e, sdk::View<std::string_view> group_words) {
  if (e.kind == sdk::EntityKind::organization && e.country.empty()) return true;
  if (e.kind != sdk::EntityKind::group) return false;
  // "EC farm ministers", "ministers of the Group of Seven"
  // (the name in lower case: in a buffer on the stack when it fits, as most names do)
  char buf[128];
  std::string long_name;
  char* const to =
      e.name.size() <= sizeof buf ? buf : (long_name.resize(e.name.size()), &long_name[0]);
  for (std::size_t k = 0; k < e.name.size(); ++k)
    to[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(e.name[k])));
  const std::string_view n(to, e.name.size());
  for (auto w : group_words) {
    const auto p = n.find(w);
    if (p != std::string::npos && (p + w.size() == n.size() || n[p + w.size()] == ' '))
      return true;
  }
  return false;
}

// "28th", "2nd": an ordinal written in digits
bool ordinal(const sdk::Token& t) {
  const std::string_view w = t.lower;
  if (w.size() < 3 || w[0] < '0' || w[0] > '9') return false;
  const std::string_view end = w.substr(w.size() - 2);
  return end == "st" || end == "nd" || end == "rd" || end == "th";
}

// The first token of the capitalised name holding token i ("the 28th Conference of the
// Parties": the "28th").
std::size_t name_start(const sdk::Sentence& s, std::size_t i) {
  while (i > 0 && (s.tokens[i - 1].capitalized || s.tokens[i - 1].kind == sdk::TokenKind::number ||
                   ordinal(s.tokens[i - 1]) || s.tokens[i - 1].lower == "-" ||
                   s.tokens[i - 1].lower == "'s"))
    --i;
  return i;
}

// Is entity e named right before token i, at most three words between, not counting a
// parenthesised short form ("the Inter-American Development Bank (IADB) annual meeting")?
bool named_before(const sdk::Sentence& s, const sdk::Entity& e, std::size_t i) {
  if (e.last_token > i) return false;
  std::size_t words = 0;
  for (std::size_t k = e.last_token; k < i; ++k) {
    if (s.tokens[k].lower == "(") {
      std::size_t q = k + 1;
      while (q < i && q < k + 6 && s.tokens[q].lower != ")") ++q;
      if (q < i && s.tokens[q].lower == ")") {
        k = q;
        continue;
      }
    }
    ++words;
  }
  return words <= 3;
}

// The lexicon's lists read while extracting, looked up once: Lexicon::terms() searches
// them by key.
struct Lists {
  explicit Lists(const sdk::Lexicon& lex)
      : after_meet(lex.terms("after_meet")),
        alongside_future_marks(lex.terms("alongside_future_marks")),
        alongside_meet_verbs(lex.terms("alongside_meet_verbs")),
        alongside_nouns(lex.terms("alongside_nouns")),
        bare_verbs(lex.terms("bare_verbs")),
        determiner_noun_after(lex.terms("determiner_noun_after")),
        determiner_nouns(lex.terms("determiner_nouns")),
        exclude_unless_body(lex.terms("exclude_unless_body")),
        named_event_nouns(lex.terms("named_event_nouns")),
        noun_determiners(lex.terms("noun_determiners")),
        object_determiners(lex.terms("object_determiners")),
        participle_nouns(lex.terms("participle_nouns")),
        participle_places(lex.terms("participle_places")),
        run_nouns(lex.terms("run_nouns")),
        setting_meet_words(lex.terms("setting_meet_words")),
        setting_preps(lex.terms("setting_preps")),
        thing_objects(lex.terms("thing_objects")),
        today_words(lex.terms("today_words")),
        under_words(lex.terms("under_words")) {}
  Terms after_meet;
  Terms alongside_future_marks;
  Terms alongside_meet_verbs;
  Terms alongside_nouns;
  Terms bare_verbs;
  Terms determiner_noun_after;
  Terms determiner_nouns;
  Terms exclude_unless_body;
  Terms named_event_nouns;
  Terms noun_determiners;
  Terms object_determiners;
  Terms participle_nouns;
  Terms participle_places;
  Terms run_nouns;
  Terms setting_meet_words;
  Terms setting_preps;
  Terms thing_objects;
  Terms today_words;
  Terms under_words;
};

class Conferences final : public sdk::Extractor {
 public:
  explicit Conferences(const sdk::Lexicon& lex)
      : lex_(lex),
        lists_(lex),
        nouns_(lex.terms("nouns")),
        body_nouns_(lex.terms("body_nouns")),
        verbs_(lex.terms("verbs")),
        ministerial_(lex.terms("ministerial_nouns")),
        context_(lex.terms("exclude_context")),
        first_words_({lex.terms("nouns"), lex.terms("body_nouns"), lex.terms("verbs")}),
        excl_(lex.terms("exclude_before")), groups_(lex.terms("group_words")) {}
  std::string_view name() const noexcept override { return "conferences"; }

  sdk::Status alongside_status(const sdk::Sentence& s, std::size_t name_first, sdk::Status status,
                               std::ptrdiff_t time) const {
    return sdk::alongside_status(s, name_first, status, time, lists_.alongside_nouns,
                                 lists_.today_words, lists_.alongside_meet_verbs,
                                 lists_.alongside_future_marks);
  }

  // "on the margins of (the) ...", "on the sidelines of ...": right before token i
  bool alongside_at(const sdk::Sentence& s, std::size_t i) const {
    if (i > 0 && s.tokens[i - 1].lower == "the") --i;
    return i >= 2 && s.tokens[i - 1].lower == "of" &&
           any_of_terms(s.tokens[i - 2].lower, lists_.alongside_nouns);
  }

  // "met with Navalnaya in February at the Munich Security Conference": a name starting at
  // token i after "at the", in a clause whose meeting word comes before: the setting of that
  // meeting
  bool setting_at(const sdk::Sentence& s, std::size_t i) const {
    if (i < 2 || s.tokens[i - 1].lower != "the" ||
        !any_of_terms(s.tokens[i - 2].lower, lists_.setting_preps))
      return false;
    for (std::size_t q = i - 2, steps = 0; q > 0 && steps < 14; --q, ++steps) {
      if (s.tokens[q - 1].kind == sdk::TokenKind::punct && s.tokens[q - 1].lower != ",") break;
      if (any_of_terms(s.tokens[q - 1].lower, lists_.setting_meet_words)) return true;
    }
    return false;
  }

  // a gathering named after "at the" as a meeting's setting, told as held today or with no
  // time of its own, is under way (the meeting took place during it)
  sdk::Status setting_status(const sdk::Sentence& s, sdk::Status status,
                             std::ptrdiff_t time) const {
    if (status != sdk::Status::occurred) return status;
    if (time < 0) return sdk::Status::ongoing;
    const auto& m = s.mentions[static_cast<std::size_t>(time)];
    for (std::size_t q = m.first_token; q < m.last_token; ++q)
      if (any_of_terms(s.tokens[q].lower, lists_.today_words)) return sdk::Status::ongoing;
    return status;
  }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    const auto& excl = excl_;
    const auto groups = groups_;
    int business = -1;  // a word of exclude_context in the sentence; -1: not looked for yet
    int body_entity = -1;  // a multilateral entity in the sentence; -1: not looked for yet
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      // a trigger starts with a word of one of the three lists; most tokens start none
      if (!first_words_.starts(s.tokens[i].lower)) continue;
      sdk::TriggerForm form = sdk::TriggerForm::noun;
      bool needs_body = false;
      std::size_t n = nouns_.match(s, i);
      // "attend a convening of special envoys": a noun only after a determiner; else the
      // verb ("looks forward to convening leaders")
      if (n && any_of_terms(s.tokens[i].lower, lists_.determiner_nouns) &&
          !(i > 0 && any_of_terms(s.tokens[i - 1].lower, lists_.noun_determiners) &&
            i + 1 < s.tokens.size &&
            any_of_terms(s.tokens[i + 1].lower, lists_.determiner_noun_after)))
        n = 0;
      if (n == 0 && (n = body_nouns_.match(s, i))) needs_body = true;
      if (n == 0 && (n = verbs_.match(s, i))) {
        form = sdk::TriggerForm::verb;
        needs_body = true;
      }
      if (n == 0) continue;
      if (business < 0) {
        business = 0;
        for (const auto& tk : s.tokens)
          if (context_.contains(tk.lower)) {
            business = 1;
            break;
          }
      }
      // "bank meeting" is out, "the World Bank meetings" is a session of a body
      bool excluded_word = i > 0 && any_of_terms(s.tokens[i - 1].lower, excl);
      for (const auto& e : s.entities)
        if (excluded_word && e.first_token < i - 1 && e.last_token == i && multilateral(e, groups))
          excluded_word = false;
      // "a special annual meeting" of GATT: in a sentence naming an intergovernmental body
      // some of those words speak of its sessions
      if (excluded_word && any_of_terms(s.tokens[i - 1].lower, lists_.exclude_unless_body))
        for (const auto& e : s.entities)
          if (e.kind == sdk::EntityKind::organization && e.country.empty()) excluded_word = false;
      // "to help meet its domestic consumption needs": a bare verb that takes a thing
      bool thing = false;
      if (form == sdk::TriggerForm::verb &&
          any_of_terms(s.tokens[i + n - 1].lower, lists_.bare_verbs)) {
        std::size_t k = i + n;
        while (k < s.tokens.size && any_of_terms(s.tokens[k].lower, lists_.object_determiners)) ++k;
        for (const std::size_t end = k + 7; k < s.tokens.size && k < end && !thing; ++k) {
          if ((s.tokens[k].kind == sdk::TokenKind::punct && s.tokens[k].lower != "-") ||
              any_of_terms(s.tokens[k].lower, lists_.after_meet))
            break;
          thing = any_of_terms(s.tokens[k].lower, lists_.thing_objects);
        }
      }
      if (business > 0 || excluded_word || thing) {
        i += n - 1;
        continue;
      }
      // a trigger that needs a body, in a sentence that names no multilateral body, has
      // none unless "of the" and a gathering noun follow it: it is rejected below
      // whatever its frame, so no frame is read for it
      if (needs_body) {
        if (body_entity < 0) {
          body_entity = 0;
          for (const auto& e : s.entities)
            if (multilateral(e, groups)) {
              body_entity = 1;
              break;
            }
        }
        const std::size_t o = i + n;
        const bool of_noun = form == sdk::TriggerForm::noun && o + 1 < s.tokens.size &&
                             s.tokens[o].lower == "of" && s.tokens[o + 1].lower == "the" &&
                             o + 2 < s.tokens.size && nouns_.match(s, o + 2);
        if (body_entity == 0 && !of_noun) {
          i += n - 1;
          continue;
        }
      }
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
      // the body whose session it is: among the agents, or named right before the noun
      bool body = false;
      for (auto k : f.agents) body = body || multilateral(s.entities[k], groups);
      // "meet with NATO advisers in the North Atlantic Council": a session of the body
      for (const auto& e : s.entities)
        if (e.first_token >= i + n && e.first_token < i + n + 12 && e.first_token >= 2 &&
            s.tokens[e.first_token - 1].lower == "the" &&
            (s.tokens[e.first_token - 2].lower == "in" || s.tokens[e.first_token - 2].lower == "at") &&
            multilateral(e, groups))
          body = true;
      for (const auto& e : s.entities)
        if (named_before(s, e, i) && multilateral(e, groups)) body = true;
      // "the meeting of the International Monetary Fund", "a meeting of the conference"
      std::ptrdiff_t of_body = -1;
      const std::size_t o = i + n;
      if (form == sdk::TriggerForm::noun && o + 1 < s.tokens.size && s.tokens[o].lower == "of") {
        const std::size_t h = s.tokens[o + 1].lower == "the" ? o + 2 : o + 1;
        for (std::size_t k = 0; k < s.entities.size; ++k)
          if (s.entities[k].first_token == h && multilateral(s.entities[k], groups))
            of_body = static_cast<std::ptrdiff_t>(k);
        if (of_body >= 0 || (h > o + 1 && h < s.tokens.size && nouns_.match(s, h)))
          body = true;
      }
      // "the agriculture talks under the General Agreement on Tariffs and Trade", "world
      // trade talks within GATT": negotiations a body runs, under way
      std::ptrdiff_t under_body = -1;
      if (form == sdk::TriggerForm::noun &&
          any_of_terms(s.tokens[i + n - 1].lower, lists_.run_nouns))
        for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 4 && under_body < 0; ++k) {
          if (s.tokens[k].kind == sdk::TokenKind::punct) break;
          if (!any_of_terms(s.tokens[k].lower, lists_.under_words)) continue;
          const std::size_t h = k + 1 < s.tokens.size && s.tokens[k + 1].lower == "the" ? k + 2 : k + 1;
          for (std::size_t e = 0; e < s.entities.size; ++e)
            if (s.entities[e].first_token == h &&
                s.entities[e].kind == sdk::EntityKind::organization &&
                multilateral(s.entities[e], groups))
              under_body = static_cast<std::ptrdiff_t>(e);
        }
      if (under_body >= 0) body = true;
      if (needs_body && !body) {
        i += n - 1;
        continue;
      }
      auto c = sdk::candidate_from_frame(s, f, "conference", i, i + n, form);
      if (under_body >= 0) {
        sdk::add_participant(c, s.entities[static_cast<std::size_t>(under_body)].name);
        if (c.status == sdk::Status::occurred || c.status == sdk::Status::unknown ||
            c.status == sdk::Status::speculative)
          c.status = sdk::Status::ongoing;
      }
      if (of_body >= 0)
        sdk::add_participant(c, s.entities[static_cast<std::size_t>(of_body)].name);
      for (const auto& e : s.entities)
        if (named_before(s, e, i) && multilateral(e, groups)) sdk::add_participant(c, e.name);
      // a gathering of whom: a body, or named participants
      // "on the margins of the Global Fund Seventh Replenishment Conference in New York": a
      // conference named in capitals, with its place or a time ahead, is one (not "the
      // Jewish Claims Conference since 2009", a body; nor a "Session" named as a post)
      // ("the 28th Conference of the Parties": after an ordinal in digits too)
      // (a name, not a mention back: "the 28th Conference" is no "the conference")
      const bool setting = setting_at(s, name_start(s, i));
      const bool ordinal_name = s.tokens[i].capitalized && i > 0 && ordinal(s.tokens[i - 1]);
      const bool named = form == sdk::TriggerForm::noun && !needs_body &&
                         (sdk::named_event_at(s, i) || ordinal_name) &&
                         (f.place >= 0 || (f.time >= 0 && f.status != sdk::Status::occurred) ||
                          alongside_at(s, name_start(s, i)) || setting);
      // "a ministerial session on Monday", "at the opening of the fifth ministerial meeting
      // of the oil exporters' group": a gathering of ministers by its name, told with its
      // time or place, or with its members (an "of" phrase makes the definite one a
      // mention of its own, not a reference back)
      const bool ministerial = form == sdk::TriggerForm::noun && ministerial_.match(s, i) == n;
      const bool ministerial_of = ministerial && o + 1 < s.tokens.size && s.tokens[o].lower == "of";
      const bool keep = form == sdk::TriggerForm::verb
                            ? true
                            : ministerial_of || under_body >= 0 ||
                                  ((!f.anaphoric || (named && ordinal_name)) &&
                                   (named || (ministerial && (f.time >= 0 || f.place >= 0)) ||
                                    ((body || !c.participants.empty()) &&
                                     (f.time >= 0 || f.place >= 0 || body))));
      // "EC foreign ministers meeting here issued a statement": ministers named right before
      // a participle "meeting" with its place, in a past clause and with no time of its own,
      // are in session at publication (not "await the OPEC ministers meeting in Vienna on
      // Friday")
      if (form == sdk::TriggerForm::noun && i + n < s.tokens.size && f.time < 0 &&
          any_of_terms(s.tokens[i + n - 1].lower, lists_.participle_nouns) &&
          any_of_terms(s.tokens[i + n].lower, lists_.participle_places) &&
          c.status == sdk::Status::occurred)
        for (const auto& e : s.entities)
          if (e.last_token == i + n - 1 && e.kind == sdk::EntityKind::group &&
              multilateral(e, groups))
            c.status = sdk::Status::ongoing;
      if (keep && form == sdk::TriggerForm::noun && named)
        c.status = setting ? setting_status(s, c.status, c.time)
                           : alongside_status(s, name_start(s, i), c.status, c.time);
      // "the Munich Security Conference": a gathering named after a city is held there
      if (keep && named && c.location.empty())
        for (const auto& e : s.entities)
          if (e.kind == sdk::EntityKind::city && e.first_token >= name_start(s, i) &&
              e.last_token <= i) {
            c.location = std::string(e.name);
            c.country = std::string(e.country);
            break;
          }
      if (keep) {
        c.specificity = 2;
        out.push_back(std::move(c));
      }
      i += n - 1;
    }
    // "met Lula on the margins of the G20", "agreed to meet on the sidelines of the United
    // Nations General Assembly": the body's gathering named there is an event of its own
    for (const auto& e : s.entities) {
      if (e.kind != sdk::EntityKind::organization || !alongside_at(s, e.first_token)) continue;
      // "the G7 Summit", "the Global Fund Conference": read by the noun's own rules
      bool named_noun = false;
      for (std::size_t k = e.first_token; k < s.tokens.size && k < e.last_token + 4; ++k) {
        if (k >= e.last_token && !s.tokens[k].capitalized) break;
        named_noun = named_noun || nouns_.match(s, k) ||
                     any_of_terms(s.tokens[k].lower, lists_.named_event_nouns);
      }
      if (named_noun) continue;
      const sdk::Frame f = s.analyzer->frame(s, e.first_token, e.last_token, sdk::TriggerForm::noun);
      auto c = sdk::candidate_from_frame(s, f, "conference", e.first_token, e.last_token,
                                         sdk::TriggerForm::noun);
      c.participants.assign(1, std::string(e.name));
      c.counterparts.clear();
      c.status = alongside_status(s, e.first_token, c.status, c.time);
      c.specificity = 2;
      out.push_back(std::move(c));
    }
  }

 private:
  const sdk::Lexicon& lex_;
  Lists lists_;
  sdk::PhraseSet nouns_, body_nouns_, verbs_;  // triggers, indexed by first word
  sdk::PhraseSet ministerial_;                 // nouns naming ministers' gatherings
  sdk::PhraseSet context_;                     // words that make a sentence business
  plugin_terms::FirstWords
      first_words_;             // the three trigger lists as one, asked first at every token
  Terms excl_;                  // read in every sentence
  sdk::View<std::string_view> groups_;  // ... by multilateral()
};

bool register_conferences(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Conferences>(r, "nouns");
}

}  // namespace

// (every candidate starts at a trigger word, or is a gathering after "on the margins of")
CHRONICLE_PLUGIN_PHRASE_GATED("conferences", "1.0.0", register_conferences, "nouns", "body_nouns",
                              "verbs", "alongside_nouns")
