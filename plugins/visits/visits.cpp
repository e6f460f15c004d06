// visits: an official's travel to, or stay in, a place ("will travel to Riyadh",
// "visit Turkey on Tuesday", "a trip to China"). "Visit <a person>" is a meeting.
#include <chronicle/sdk/plugin_api.h>

#include <cctype>
#include <string>

#include "../term_set.h"

namespace sdk = chronicle::sdk;

namespace {

using plugin_terms::any_of_terms;
using plugin_terms::Terms;

// "by visiting AI.Gov to sign up": the word after the trigger is a web address, not a place.
bool web_address_after(const sdk::Sentence& s, std::size_t from,
                       sdk::View<std::string_view> suffixes) {
  while (from < s.text.size() && (s.text[from] == ' ' || s.text[from] == '\n')) ++from;
  std::size_t end = from;
  while (end < s.text.size() && s.text[end] != ' ' && s.text[end] != '\n') ++end;
  std::string_view word = s.text.substr(from, end - from);
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back())) &&
         word.back() != '/')
    word.remove_suffix(1);
  // (the word's end in lower case against each suffix, with no copy of the word)
  for (auto suf : suffixes) {
    if (word.size() <= suf.size()) continue;
    const std::size_t at = word.size() - suf.size();
    bool same = true;
    for (std::size_t k = 0; k < suf.size() && same; ++k)
      same = static_cast<char>(std::tolower(static_cast<unsigned char>(word[at + k]))) == suf[k];
    if (same) return true;
  }
  return false;
}

// The country, city or region that starts at token `at` ("the" skipped), or -1; after
// "the", a seat of government too ("to the White House").
std::ptrdiff_t place_at(const sdk::Sentence& s, std::size_t at) {
  const bool the = at < s.tokens.size && s.tokens[at].lower == "the";
  if (the) ++at;
  std::ptrdiff_t found = -1;
  for (std::size_t k = 0; k < s.entities.size; ++k) {
    const auto kind = s.entities[k].kind;
    const auto country = s.entities[k].country;
    if (s.entities[k].first_token == at &&
        (kind == sdk::EntityKind::country || kind == sdk::EntityKind::city ||
         kind == sdk::EntityKind::region ||
         (the && kind == sdk::EntityKind::organization && !country.empty() && country != "?")))
      found = static_cast<std::ptrdiff_t>(k);
  }
  return found;
}

// "a Washington visit", "his U.S. trip": a country or city between a determiner and token
// i makes the trigger a noun.
bool place_before_noun(const sdk::Sentence& s, std::size_t i, const sdk::PhraseSet& dets) {
  for (const auto& e : s.entities)
    if (e.last_token == i && e.first_token > 0 && !e.possessive &&
        (e.kind == sdk::EntityKind::country || e.kind == sdk::EntityKind::city) &&
        dets.contains(s.tokens[e.first_token - 1].lower))
      return true;
  return false;
}

// The lexicon's lists read while extracting, looked up once: Lexicon::terms() searches
// them by key.
struct Lists {
  explicit Lists(const sdk::Lexicon& lex)
      : accept_words(lex.terms("accept_words")),
        auxiliaries(lex.terms("auxiliaries")),
        be_forms(lex.terms("be_forms")),
        destination_words(lex.terms("destination_words")),
        done_lead_ins(lex.terms("done_lead_ins")),
        future_subordinators(lex.terms("future_subordinators")),
        invitation_words(lex.terms("invitation_words")),
        lead_verbs(lex.terms("lead_verbs")),
        led_nouns(lex.terms("led_nouns")),
        of_destination_nouns(lex.terms("of_destination_nouns")),
        place_only_motion(lex.terms("place_only_motion")),
        present_be(lex.terms("present_be")),
        present_forms(lex.terms("present_forms")),
        recent_times(lex.terms("recent_times")),
        return_words(lex.terms("return_words")),
        trip_end_lead_ins(lex.terms("trip_end_lead_ins")),
        trip_end_parts(lex.terms("trip_end_parts")),
        trip_parts(lex.terms("trip_parts")),
        trip_start_words(lex.terms("trip_start_words")),
        visitor_skip(lex.terms("visitor_skip")),
        web_suffixes(lex.terms("web_suffixes")) {}
  Terms accept_words;
  Terms auxiliaries;
  Terms be_forms;
  Terms destination_words;
  Terms done_lead_ins;
  Terms future_subordinators;
  Terms invitation_words;
  Terms lead_verbs;
  Terms led_nouns;
  Terms of_destination_nouns;
  Terms place_only_motion;
  Terms present_be;
  Terms present_forms;
  Terms recent_times;
  Terms return_words;
  Terms trip_end_lead_ins;
  Terms trip_end_parts;
  Terms trip_parts;
  Terms trip_start_words;
  Terms visitor_skip;
  Terms web_suffixes;
};

class Visits final : public sdk::Extractor {
 public:
  explicit Visits(const sdk::Lexicon& lex)
      : lex_(lex),
        lists_(lex),
        verbs_(lex.terms("verbs")),
        motion_(lex.terms("motion_verbs")),
        nouns_(lex.terms("nouns")),
        departure_verbs_(lex.terms("departure_verbs")),
        purpose_phrases_(lex.terms("purpose_phrases")),
        dets_(lex.terms("determiners")),
        excl_(lex.terms("exclude_before")),
        first_words_({lex.terms("verbs"), lex.terms("motion_verbs"), lex.terms("departure_verbs"),
                      lex.terms("nouns")}),
        excl_phrases_(lex.terms("exclude_phrases")),
        dets_terms_(lex.terms("determiners")),
        excl_phrase_ends_(lex.terms("exclude_phrases")) {}
  std::string_view name() const noexcept override { return "visits"; }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    const auto& dets = dets_terms_;
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      // a trigger starts with a word of one of the four lists; most tokens start none
      if (!first_words_.starts(s.tokens[i].lower)) continue;
      sdk::TriggerForm form = sdk::TriggerForm::verb;
      bool needs_destination = false;
      bool departure = false;  // "left Brazil early today to attend ..."
      // "his visit", "a possible visit": a determiner right before, or before an adjective
      // ... or before a compound one ("Lyng's two-week visit", "a 10-day trip")
      std::size_t adj = i;
      bool compound = false;
      while (adj > 0 && i - adj < 3) {
        const auto& tk = s.tokens[adj - 1];
        if (tk.lower.find('-') != std::string_view::npos && tk.lower.size() > 1) {
          compound = true;
        } else if (tk.lower != "-" && (tk.kind == sdk::TokenKind::punct || tk.capitalized ||
                                       dets_.contains(tk.lower))) {
          break;
        }
        --adj;
      }
      for (std::size_t k = adj; k < i; ++k) compound = compound || s.tokens[k].lower == "-";
      // "will first travel to Belfast": after an auxiliary the word is an adverb
      const bool adverb = i > 1 && any_of_terms(s.tokens[i - 2].lower, lists_.auxiliaries);
      const bool after_det =
          (i > 0 && !adverb && dets_.contains(s.tokens[i - 1].lower)) ||
          (i > 1 && dets_.contains(s.tokens[i - 2].lower) &&
           s.tokens[i - 1].kind == sdk::TokenKind::word && !s.tokens[i - 1].capitalized) ||
          (compound && adj > 0 && dets_.contains(s.tokens[adj - 1].lower)) ||
          place_before_noun(s, i, dets_);
      std::size_t n = after_det ? 0 : verbs_.match(s, i);
      if (n == 0 && !after_det && (n = motion_.match(s, i))) needs_destination = true;
      // "leaves on April 7 to attend the IMF meetings": a departure to attend something
      if (n == 0 && !after_det && (n = departure_verbs_.match(s, i))) {
        bool purpose = false;
        for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 8 && !purpose; ++k) {
          if (s.tokens[k].kind == sdk::TokenKind::punct && s.tokens[k].lower != "-") break;
          purpose = purpose_phrases_.match(s, k) > 0;
          // "leaves on Saturday on a 10-day trip to the Far East": sets off on a trip
          if (!purpose && nouns_.match(s, k) && k > i + n) {
            std::size_t b = k;
            while (b > i + n && b + 4 > k && s.tokens[b - 1].lower != "on") --b;
            purpose = b > i + n && s.tokens[b - 1].lower == "on";
          }
        }
        // "left the meeting to attend to other business": a departure takes no object
        if (!purpose || (i + n < s.tokens.size && any_of_terms(s.tokens[i + n].lower, dets))) n = 0;
        departure = n > 0;
      }
      if (n == 0 && (n = nouns_.match(s, i))) form = sdk::TriggerForm::noun;
      if (n == 0) continue;
      bool excluded = false;
      for (std::size_t k = i >= 2 ? i - 2 : 0; k < i; ++k)
        excluded = excluded || excl_.contains(s.tokens[k].lower);
      // "accepted an invitation to visit Israel": a trip agreed to; "extended an invitation
      // for President-elect Lula to visit Washington": a trip asked for. Either is planned,
      // never done
      bool accepted = false, invited = false;
      for (std::size_t k = i, steps = 0; k > 0 && steps < 14; --k, ++steps) {
        const auto& tk = s.tokens[k - 1];
        if (tk.kind == sdk::TokenKind::punct && tk.lower != "-" && tk.lower != "'s") break;
        if (!any_of_terms(tk.lower, lists_.invitation_words)) continue;
        for (std::size_t q = k - 1, back = 0; q > 0 && back < 3 && !accepted; --q, ++back)
          accepted = any_of_terms(s.tokens[q - 1].lower, lists_.accept_words);
        invited = true;
        break;
      }
      if (!accepted && excl_phrase_ends_.preceded_by(s, i)) excluded = true;
      // "led an interagency delegation to Panama and Colombia": a delegation noun is a trip
      // only when someone leads it to a place
      std::size_t lead_at = 0;  // the lead verb + 1, 0 when none
      if (!excluded && form == sdk::TriggerForm::noun &&
          sdk::match_phrase(s, i, lists_.led_nouns) == n) {
        for (std::size_t k = i, steps = 0; k > 0 && steps < 4 && lead_at == 0; --k, ++steps) {
          if (s.tokens[k - 1].kind == sdk::TokenKind::punct) break;
          if (any_of_terms(s.tokens[k - 1].lower, lists_.lead_verbs)) lead_at = k;
        }
        excluded = lead_at == 0 || place_at(s, i + n) < 0;
      }
      if (web_address_after(s, s.tokens[i + n - 1].span.end, lists_.web_suffixes))
        excluded = true;
      if (excluded) {
        i += n - 1;
        continue;
      }
      sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
      // "Sherwood-Randall led a delegation to Panama": who leads it travels, when the verb
      // says
      if (lead_at > 0) {
        const sdk::Frame lead = s.analyzer->frame(s, lead_at - 1, lead_at, sdk::TriggerForm::verb);
        f.agents.clear();
        for (auto e : lead.agents) {  // not a name that overlaps a date ("Between September")
          bool date = false;
          for (const auto& m : s.mentions)
            date = date || (s.entities[e].first_token < m.last_token &&
                            m.first_token < s.entities[e].last_token);
          if (!date) f.agents.push_back(e);
        }
        f.anaphoric = lead.anaphoric;
        if (f.time < 0) f.time = lead.time;
        if (lead.status != sdk::Status::unknown) f.status = lead.status;
        if (const std::ptrdiff_t d = place_at(s, i + n); d >= 0 && f.destination < 0) {
          f.destination = d;
          f.destinations.assign(1, static_cast<std::size_t>(d));
        }
      }
      // "left Brazil early today to attend a meeting in Managua": the place right after a
      // departure is where the trip starts, not where it goes
      // ("leaves on Saturday on a 10-day trip to the Far East": none found by the frame)
      if (departure && (f.destination < 0 ||
                        s.entities[static_cast<std::size_t>(f.destination)].first_token == i + n)) {
        f.destination = -1;
        f.destinations.clear();
        // ... the place "in" or "to" further on is where it goes ("a meeting in Managua")
        for (std::size_t k = i + n + 1; k < s.tokens.size && k < i + n + 16 && f.destination < 0; ++k) {
          if (s.tokens[k].lower == ";" || s.tokens[k].lower == ".") break;
          if (s.tokens[k - 1].lower != "in" && s.tokens[k - 1].lower != "to") continue;
          if (const std::ptrdiff_t d = place_at(s, k); d >= 0) {
            f.destination = d;
            f.destinations.assign(1, static_cast<std::size_t>(d));
          }
        }
      }
      // "Hydro-Quebec ... before going to the New England Power Pool": these tell a trip
      // only of a person or a group, to a country, a city or a region (not a seat or a body)
      if (needs_destination && sdk::match_phrase(s, i, lists_.place_only_motion) == n) {
        bool person = false;
        for (auto k : f.agents)
          person = person || s.entities[k].kind == sdk::EntityKind::person ||
                   s.entities[k].kind == sdk::EntityKind::group;
        if (!person || (f.destination >= 0 &&
                        s.entities[static_cast<std::size_t>(f.destination)].kind ==
                            sdk::EntityKind::organization)) {
          i += n - 1;
          continue;
        }
      }
      // "Lim is on a visit to France", "Lim, in Brussels on a tour of Europe": the one on the
      // trip is the subject of "is on", or the name before an appositive "in <place> on"
      // "a brief visit", "a three-day visit", "a 10-day official visit": a length written
      // as a hyphenated compound counts as one modifier
      auto compound_piece = [&](std::size_t t) {
        const auto& tk = s.tokens[t];
        if (tk.lower == "-") return true;
        const bool joined = (t + 1 < s.tokens.size && s.tokens[t + 1].lower == "-") ||
                            (t > 0 && s.tokens[t - 1].lower == "-");
        return joined && (tk.kind == sdk::TokenKind::number ||
                          (tk.kind == sdk::TokenKind::word && !tk.capitalized));
      };
      bool on_trip = false;     // "is on a visit": under way at publication
      bool appositive = false;  // "Lim, in Brussels on a tour": the stay's place is the event's
      if (form == sdk::TriggerForm::noun && f.agents.empty()) {
        std::size_t k = i;
        while (k > 0 &&
               (any_of_terms(s.tokens[k - 1].lower, dets) ||
                (compound_piece(k - 1) && k + 6 >= i) ||
                (s.tokens[k - 1].kind == sdk::TokenKind::word && !s.tokens[k - 1].capitalized &&
                 s.tokens[k - 1].lower != "on" && k + 2 >= i)))
          --k;
        auto entity_ending_at = [&](std::size_t end) -> std::ptrdiff_t {
          for (std::size_t e = 0; e < s.entities.size; ++e)
            if (s.entities[e].last_token == end) return static_cast<std::ptrdiff_t>(e);
          return -1;
        };
        if (k >= 2 && s.tokens[k - 1].lower == "on") {
          const std::size_t before = k - 1;
          if (any_of_terms(s.tokens[before - 1].lower, lists_.be_forms)) {
            const auto who = before >= 2 ? entity_ending_at(before - 1) : -1;
            if (who >= 0 &&
                s.entities[static_cast<std::size_t>(who)].kind == sdk::EntityKind::person) {
              f.agents.push_back(static_cast<std::size_t>(who));
              on_trip = any_of_terms(s.tokens[before - 1].lower, lists_.present_be);
            }
          } else if (s.tokens[before - 1].lower == ",") {
            // "Kerin, on a tour of Asia, said": the name before the comma is on the trip
            const auto who = entity_ending_at(before - 1);
            if (who >= 0 &&
                s.entities[static_cast<std::size_t>(who)].kind == sdk::EntityKind::person) {
              f.agents.push_back(static_cast<std::size_t>(who));
              on_trip = true;
            }
          } else if (const auto where = entity_ending_at(before); where >= 0) {
            // "Lim, in Brussels on a tour", "Lim is in Brussels on a tour", "Duffy, here on a
            // visit", "Duffy is here on a visit", "Abdullah, who is here on a visit": the stay's
            // place is the event's; the visitor is the name before
            const auto& pl = s.entities[static_cast<std::size_t>(where)];
            const std::size_t in = pl.first_token;
            const bool here = s.tokens[in].lower == "here" || s.tokens[in].lower == "there";
            std::size_t lead_in = in;  // the token before the place's "in", if any
            if (!here && in >= 1 && s.tokens[in - 1].lower == "in") lead_in = in - 1;
            std::ptrdiff_t who = -1;
            bool now = true;  // "is here", not "was here"
            if (here || lead_in < in) {
              if (lead_in >= 2 && s.tokens[lead_in - 1].lower == ",") {
                who = entity_ending_at(lead_in - 1);
              } else if (lead_in >= 2 &&
                         any_of_terms(s.tokens[lead_in - 1].lower, lists_.be_forms)) {
                now = any_of_terms(s.tokens[lead_in - 1].lower, lists_.present_be);
                std::size_t subject = lead_in - 1;
                if (subject >= 3 && s.tokens[subject - 1].lower == "who" &&
                    s.tokens[subject - 2].lower == ",")
                  subject -= 2;
                who = entity_ending_at(subject);
              }
            }
            if (who >= 0 &&
                s.entities[static_cast<std::size_t>(who)].kind == sdk::EntityKind::person) {
              f.agents.push_back(static_cast<std::size_t>(who));
              f.place = where;
              f.destination = -1;
              f.destinations.clear();
              appositive = true;
              on_trip = now;
            }
          }
        }
      }
      // "on the first day of a three-day visit", "who is in Rome on the fifth leg of a
      // tour": a part of the trip is under way, so is the trip
      std::size_t np = i;  // start of the trigger's noun phrase
      while (np > 0 && i - np < 4 && s.tokens[np - 1].lower != "of" &&
             !s.tokens[np - 1].capitalized &&
             (s.tokens[np - 1].kind != sdk::TokenKind::punct || s.tokens[np - 1].lower == "-"))
        --np;
      if (form == sdk::TriggerForm::noun && np >= 3 && s.tokens[np - 1].lower == "of" &&
          any_of_terms(s.tokens[np - 2].lower, lists_.trip_parts)) {
        std::size_t k = np - 2;
        while (k > 0 && np - k < 5 && s.tokens[k - 1].lower != "on") --k;
        if (k > 0 && s.tokens[k - 1].lower == "on") {
          on_trip = true;
          // "Prado spoke on the second day of a four-day visit": the one who is on it
          if (f.agents.empty())
            for (std::size_t e = 0; e < s.entities.size; ++e)
              if (s.entities[e].last_token < k &&
                  s.entities[e].kind == sdk::EntityKind::person)
                f.agents.assign(1, e);
        }
      }
      // "said at the end of a brief visit here", "before leaving Tokyo yesterday at the end
      // of a four-day visit": a trip told by its end took place; the one who ends it is the
      // person before (a trip still to end keeps the clause's plan: "will speak at the end
      // of his visit")
      bool ended = false;
      std::size_t ep = i;  // "of" ends the noun phrase ("an official two-day visit")
      while (ep > 0 && i - ep < 6 && s.tokens[ep - 1].lower != "of" &&
             !s.tokens[ep - 1].capitalized &&
             (s.tokens[ep - 1].kind == sdk::TokenKind::word || s.tokens[ep - 1].lower == "-"))
        --ep;
      if (form == sdk::TriggerForm::noun && ep >= 4 && s.tokens[ep - 1].lower == "of" &&
          any_of_terms(s.tokens[ep - 2].lower, lists_.trip_end_parts) &&
          s.tokens[ep - 3].lower == "the" &&
          any_of_terms(s.tokens[ep - 4].lower, lists_.trip_end_lead_ins)) {
        ended = true;
        if (f.agents.empty())
          for (std::size_t e = 0; e < s.entities.size; ++e)
            if (s.entities[e].last_token < ep - 3 && s.entities[e].kind == sdk::EntityKind::person)
              f.agents.assign(1, e);
        if (!f.agents.empty()) f.anaphoric = false;
      }
      // "on a visit to France", "a tour of Europe": the place right after the noun phrase
      // a named person or group travels ("they will continue with their tour of Asia" may
      // be a company's, and "Airbus will continue its tour of Asia" is)
      bool traveller = false;
      for (auto k : f.agents)
        traveller = traveller ||
                    (!s.entities[k].pronoun && (s.entities[k].kind == sdk::EntityKind::person ||
                                                s.entities[k].kind == sdk::EntityKind::group));
      // ... and is "on" the trip ("is on a visit to France", "in Brussels on a tour of Europe")
      std::size_t lead = i;
      while (lead > 0 && i - lead < 6 &&
             (any_of_terms(s.tokens[lead - 1].lower, dets) || compound_piece(lead - 1)))
        --lead;
      const bool on_the_trip = lead > 0 && s.tokens[lead - 1].lower == "on";
      if (form == sdk::TriggerForm::noun && f.destination < 0 && traveller && on_the_trip &&
          !appositive) {
        std::size_t at = i + n;
        if (any_of_terms(s.tokens[i + n - 1].lower, lists_.destination_words)) {
          // "on a visit to France": the trigger holds the preposition
        } else if (at + 1 < s.tokens.size && s.tokens[at].lower == "of" &&
                   any_of_terms(s.tokens[i + n - 1].lower, lists_.of_destination_nouns)) {
          ++at;  // "on a tour of Europe"
        } else {
          at = s.tokens.size;
        }
        if (const std::ptrdiff_t k = place_at(s, at); k >= 0) {
          f.destination = k;
          f.destinations.assign(1, static_cast<std::size_t>(k));
        }
      }
      // "the visit of Philippine President Marcos to Japan": the person after "of" travels to
      // the place after "to"
      if (form == sdk::TriggerForm::noun && f.destination < 0 && i + n + 3 < s.tokens.size &&
          s.tokens[i + n].lower == "of" &&
          !any_of_terms(s.tokens[i + n - 1].lower, lists_.destination_words))
        for (std::size_t e = 0; e < s.entities.size; ++e) {
          const auto& who = s.entities[e];
          if (who.kind != sdk::EntityKind::person || who.pronoun || who.first_token <= i + n ||
              who.first_token > i + n + 4 || who.last_token + 1 >= s.tokens.size ||
              s.tokens[who.last_token].lower != "to")
            continue;
          bool titled = true;  // only capitalized title words between "of" and the name
          for (std::size_t k = i + n + 1; k < who.first_token; ++k)
            titled = titled && s.tokens[k].capitalized;
          if (!titled) continue;
          if (const std::ptrdiff_t k = place_at(s, who.last_token + 1); k >= 0) {
            f.agents.assign(1, e);
            f.destination = k;
            f.destinations.assign(1, static_cast<std::size_t>(k));
          }
          break;
        }
      // "the upcoming visit to Washington by Israeli Prime Minister Bennett", "a visit here
      // this week by Ecuador's Deputy Energy Minister": the person after "by", past the
      // destination, "here" or a time, travels, whoever the clause's subject is
      bool by_visitor = false;  // "The visit by President Ghani": a named traveller after "by"
      if (form == sdk::TriggerForm::noun && (f.agents.empty() || f.destination >= 0)) {
        std::size_t by = i + n;
        while (by < s.tokens.size && by < i + n + 8 && s.tokens[by].lower != "by") {
          bool skip = any_of_terms(s.tokens[by].lower, lists_.visitor_skip);
          for (const auto& m : s.mentions)
            skip = skip || (m.first_token <= by && by < m.last_token);
          for (const auto& e : s.entities)
            skip = skip || (e.first_token <= by && by < e.last_token &&
                            e.kind != sdk::EntityKind::person);
          if (!skip) break;
          ++by;
        }
        if (by + 1 < s.tokens.size && s.tokens[by].lower == "by")
          for (std::size_t e = 0; e < s.entities.size; ++e) {
            const auto& who = s.entities[e];
            if (who.kind != sdk::EntityKind::person || who.pronoun || who.first_token <= by ||
                who.first_token > by + 6)
              continue;
            // only capitalized title words between "by" and the name ("Secretary of
            // Defense"), a country's "'s" too
            bool titled = true;
            for (std::size_t k = by + 1; k < who.first_token; ++k)
              titled = titled && (s.tokens[k].capitalized || s.tokens[k].lower == "'s" ||
                                  s.tokens[k].lower == "of");
            if (titled) {
              f.agents.assign(1, e);
              f.anaphoric = false;  // its own traveller: no reference back
              by_visitor = true;
            }
            break;
          }
      }
      // "soon after returning from a U.S. visit", "was returning to Jakarta from a visit to
      // World Bank-funded projects": the one who comes back from the trip made it
      bool returned = false;
      if (form == sdk::TriggerForm::noun && f.agents.empty()) {
        std::size_t k = i;
        while (k > 0 && i - k < 4 && s.tokens[k - 1].lower != "from" &&
               (s.tokens[k - 1].kind == sdk::TokenKind::word || s.tokens[k - 1].lower == "-" ||
                s.tokens[k - 1].lower == "."))
          --k;
        if (k > 1 && s.tokens[k - 1].lower == "from")
          for (std::size_t r = k - 1, steps = 0; r > 0 && steps < 5; --r, ++steps) {
            if (s.tokens[r - 1].kind == sdk::TokenKind::punct) break;
            if (!any_of_terms(s.tokens[r - 1].lower, lists_.return_words)) continue;
            const sdk::Frame back = s.analyzer->frame(s, r - 1, r, sdk::TriggerForm::verb);
            for (auto e : back.agents)
              if (!s.entities[e].possessive && s.entities[e].kind == sdk::EntityKind::person)
                f.agents.push_back(e);
            if (!f.agents.empty()) f.anaphoric = false;
            returned = !f.agents.empty();
            break;
          }
      }
      // "after returning from a U.S. visit", "his China trip", "a Washington visit": a
      // country or city written right before the noun is where the trip goes
      if (f.destination < 0)
        for (std::size_t k = 0; k < s.entities.size; ++k)
          if (s.entities[k].last_token == i &&
              (s.entities[k].kind == sdk::EntityKind::country ||
               s.entities[k].kind == sdk::EntityKind::city) &&
              !s.entities[k].possessive && s.entities[k].first_token > 0 &&
              any_of_terms(s.tokens[s.entities[k].first_token - 1].lower, dets)) {
            f.destination = static_cast<std::ptrdiff_t>(k);
            f.destinations.assign(1, k);
          }
      // "before leaving Tokyo yesterday at the end of a four-day visit", "Today he was
      // returning ... from a visit": the time of the leaving or the return, earlier in the
      // clause, is when the trip ended
      if ((ended || returned) && f.time < 0) {
        std::size_t best = 0;
        for (std::size_t k = 0; k < s.mentions.size; ++k) {
          const auto& m = s.mentions[k];
          if (m.duration || m.last_token > i || m.last_token + 15 < i) continue;
          bool stop = false;  // a sentence-internal break ("; ") ends the clause
          for (std::size_t q = m.last_token; q < i && !stop; ++q)
            stop = s.tokens[q].lower == ";" || s.tokens[q].lower == ":";
          if (!stop && (f.time < 0 || m.last_token > best)) {
            f.time = static_cast<std::ptrdiff_t>(k);
            best = m.last_token;
          }
        }
      }
      // "before leaving Tokyo yesterday at the end of a four-day visit": the place left at
      // the trip's end is where the trip was
      if (ended && f.destination < 0 && f.place < 0)
        for (std::size_t k = i > 15 ? i - 15 : 0; k + 1 < i; ++k)
          if (departure_verbs_.match(s, k) == 1)
            if (const std::ptrdiff_t d = place_at(s, k + 1); d >= 0) {
              f.destination = d;
              f.destinations.assign(1, static_cast<std::size_t>(d));
            }
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
      // "plans for Prime Minister Modi to visit the White House": the person right before
      // "to" travels, not the clause's subject
      if (form == sdk::TriggerForm::verb && i >= 2 && s.tokens[i - 1].lower == "to")
        for (std::size_t e = 0; e < s.entities.size; ++e)
          if (s.entities[e].last_token == i - 1 && !s.entities[e].pronoun &&
              s.entities[e].kind == sdk::EntityKind::person)
            f.agents.assign(1, e);
      // a visit is someone's travel: it needs a traveller, and a place or a date (told by
      // the frame alone: no candidate is built for a trigger that has none)
      bool keep = !f.agents.empty();
      if (form == sdk::TriggerForm::noun)
        keep =
            keep && !f.anaphoric &&
            (f.destination >= 0 || f.time >= 0 || f.place >= 0 || ended || returned || by_visitor);
      else
        keep = keep && (f.destination >= 0 || (!needs_destination && f.place >= 0) ||
                        (!needs_destination && f.time >= 0));
      if (!keep) {
        i += n - 1;
        continue;
      }
      auto c = sdk::candidate_from_frame(s, f, "visit", i, i + n, form);
      c.counterparts.clear();
      // "visit the White House": the seat visited is the place, not a participant
      if (f.destination >= 0 &&
          s.entities[static_cast<std::size_t>(f.destination)].kind == sdk::EntityKind::organization)
        for (auto it = c.participants.begin(); it != c.participants.end(); ++it)
          if (*it == s.entities[static_cast<std::size_t>(f.destination)].name) {
            c.participants.erase(it);
            break;
          }
      // "Funaro, who is in Rome": the present of a stay is the stay under way
      if (form == sdk::TriggerForm::verb && needs_destination &&
          any_of_terms(s.tokens[i].lower, lists_.present_be) && n >= 2)
        on_trip = true;
      if (invited && (c.status == sdk::Status::unknown || c.status == sdk::Status::occurred ||
                      c.status == sdk::Status::ongoing))
        c.status = sdk::Status::planned;
      if (on_trip && (c.status == sdk::Status::unknown || c.status == sdk::Status::occurred))
        c.status = sdk::Status::ongoing;
      if ((ended || returned) &&
          (c.status == sdk::Status::unknown || c.status == sdk::Status::ongoing))
        c.status = sdk::Status::occurred;
      // "the loan, agreed during a visit here this week by ...": what a past participle tells
      // was done during the trip, so the trip took place, whatever the main clause says
      if (form == sdk::TriggerForm::noun && c.status == sdk::Status::planned) {
        std::size_t k = i;
        while (k > 0 && i - k < 3 && any_of_terms(s.tokens[k - 1].lower, dets)) --k;
        if (k >= 3 && any_of_terms(s.tokens[k - 1].lower, lists_.done_lead_ins)) {
          const auto done = s.tokens[k - 2].lower, before = s.tokens[k - 3].lower;
          if (done.size() > 3 && done.substr(done.size() - 2) == "ed" &&
              !any_of_terms(before, lists_.auxiliaries) && !any_of_terms(before, lists_.be_forms) &&
              before != "be" && before != "been")
            c.status = sdk::Status::occurred;
        }
      }
      // "will sign the agreement when he visits New York", "when he is in Washington": a
      // present after "when" (its subject between) tells what is yet to come
      if (form == sdk::TriggerForm::verb &&
          (c.status == sdk::Status::occurred || c.status == sdk::Status::unknown ||
           c.status == sdk::Status::ongoing) &&
          any_of_terms(s.tokens[i].lower, lists_.present_forms))
        for (std::size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
          if (any_of_terms(s.tokens[k].lower, lists_.future_subordinators))
            c.status = sdk::Status::planned;
      // "arrived here last night for talks", "arrived in Moscow", "left Brazil early today to
      // attend": a stay or trip that began lately (no time, or a recent day) is under way
      if (form == sdk::TriggerForm::verb && c.status == sdk::Status::occurred &&
          any_of_terms(s.tokens[i].lower, lists_.trip_start_words)) {
        bool recent = f.time < 0;
        if (!recent) {
          const auto& m = s.mentions[static_cast<std::size_t>(f.time)];
          for (std::size_t k = m.first_token; k < m.last_token && k < s.tokens.size; ++k)
            recent = recent || any_of_terms(s.tokens[k].lower, lists_.recent_times);
        }
        if (recent) c.status = sdk::Status::ongoing;
      }
      out.push_back(std::move(c));
      i += n - 1;
    }
  }

 private:
  const sdk::Lexicon& lex_;
  Lists lists_;
  sdk::PhraseSet verbs_, motion_, nouns_, departure_verbs_, purpose_phrases_;  // triggers, indexed by first word
  sdk::PhraseSet dets_, excl_;  // word lists looked up at every token
  plugin_terms::FirstWords
      first_words_;  // the four trigger lists as one, asked first at every token
  sdk::View<std::string_view> excl_phrases_;  // lists read in every sentence
  Terms dets_terms_;
  sdk::PhraseEnds excl_phrase_ends_;  // exclude_phrases, looked for before every trigger
};

bool register_visits(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Visits>(r, "verbs");
}

}  // namespace

CHRONICLE_PLUGIN_PHRASE_GATED("visits", "1.0.0", register_visits, "verbs", "motion_verbs",
                              "departure_verbs", "nouns")
