// meetings: encounters of officials ("met", "will meet with", "Tuesday's meeting") and
// talks ("held talks", "negotiations"). Words come from lexicons/<lang>/meetings.yaml.
#include <chronicle/sdk/plugin_api.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "../fallback/first_word_roles.h"
#include "../term_set.h"

namespace sdk = chronicle::sdk;

namespace {

using plugin_terms::any_of_terms;
using plugin_terms::Terms;

// "meet the Gramm-Rudman budget law target": past the determiners, a thing noun among the
// next words of the phrase (up to a punctuation mark or a word that may follow "meet").
bool thing_object_ahead(const sdk::Sentence& s, std::size_t next, const Terms& things,
                        const Terms& allowed_next, const Terms& skip) {
  while (next < s.tokens.size && any_of_terms(s.tokens[next].lower, skip)) ++next;
  for (std::size_t k = next; k < s.tokens.size && k < next + 7; ++k) {
    // a hyphen inside a name ("Gramm-Rudman") does not end the phrase
    if ((s.tokens[k].kind == sdk::TokenKind::punct && s.tokens[k].lower != "-") ||
        any_of_terms(s.tokens[k].lower, allowed_next))
      return false;
    if (any_of_terms(s.tokens[k].lower, things)) return true;
  }
  return false;
}

// "met 14 Indonesian cabinet ministers", "meet leading economic ministers": a people noun
// a few words on, with no punctuation mark between, is the object of a bare "meet"; the
// words up to it, a group met. 0 when there is none, else one past the noun.
std::size_t people_object_end(const sdk::Sentence& s, std::size_t next, const Terms& people,
                              const Terms& stops) {
  for (std::size_t k = next; k < s.tokens.size && k < next + 5; ++k) {
    if (any_of_terms(s.tokens[k].lower, people)) return k + 1;
    // "met virtually today with 15 leaders": a word that may follow "meet" ends the look
    if ((s.tokens[k].kind == sdk::TokenKind::punct && s.tokens[k].lower != "-") ||
        any_of_terms(s.tokens[k].lower, stops))
      return 0;
  }
  return 0;
}

// A predicate within the clause after an event noun ("discussions on the bailout broke
// down", "talks are under way"): the noun names talks that take place.
bool predicate_after(const sdk::Sentence& s, std::size_t next, const sdk::PhraseSet& phrases) {
  for (std::size_t k = next; k < s.tokens.size && k < next + 8; ++k) {
    if (s.tokens[k].kind == sdk::TokenKind::punct) return false;
    if (phrases.match(s, k)) return true;
  }
  return false;
}

// "met with leaders from the private sector to discuss ...": a counterpart written in lower
// case, which names no entity, as written up to a stop word or a punctuation mark. Empty
// when the object starts with a name, a pronoun or a determiner ("his counterpart").
std::string group_object(const sdk::Sentence& s, std::size_t next, const Terms& stops,
                         const Terms& not_first) {
  if (next >= s.tokens.size) return {};
  const sdk::Token& first = s.tokens[next];
  if (first.kind != sdk::TokenKind::word || first.capitalized ||
      any_of_terms(first.lower, not_first) || any_of_terms(first.lower, stops) ||
      sdk::entity_starts_at(s, next) || sdk::mention_starts_at(s, next))
    return {};
  std::size_t k = next;
  while (k < s.tokens.size && k < next + 10) {
    const sdk::Token& t = s.tokens[k];
    // "members of the Ohio, Iowa and Utah legislatures": a list of names goes on
    if (t.lower == "," && k > next && s.tokens[k - 1].capitalized)
      if (const std::size_t l = sdk::name_list_end(s, k)) {
        k = l;
        continue;
      }
    if ((t.kind == sdk::TokenKind::punct && t.lower != "-") || any_of_terms(t.lower, stops) ||
        sdk::mention_starts_at(s, k))
      break;
    // "officials and discussed ...": a second predicate, not more of the group
    if (t.lower == "and" && k + 1 < s.tokens.size && s.tokens[k + 1].lower.size() > 3 &&
        s.tokens[k + 1].lower.substr(s.tokens[k + 1].lower.size() - 2) == "ed")
      break;
    ++k;
  }
  if (k == next || k == next + 10) return {};
  const std::size_t b = s.tokens[next].span.begin, e = s.tokens[k - 1].span.end;
  std::string out;
  for (char ch : s.text.substr(b, e - b)) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}

// The lexicon's lists read while extracting, looked up once: Lexicon::terms() searches
// them by key.
struct Lists {
  explicit Lists(const sdk::Lexicon& lex)
      : after_meet(lex.terms("after_meet")),
        attended_by(lex.terms("attended_by")),
        committee_excluded_names(lex.terms("committee_excluded_names")),
        convene_body_exclude(lex.terms("convene_body_exclude")),
        convene_body_lead(lex.terms("convene_body_lead")),
        convene_body_links(lex.terms("convene_body_links")),
        convene_body_nouns(lex.terms("convene_body_nouns")),
        convene_intransitive_next(lex.terms("convene_intransitive_next")),
        convene_subjects(lex.terms("convene_subjects")),
        convene_verbs(lex.terms("convene_verbs")),
        formal_before(lex.terms("formal_before")),
        generic_before(lex.terms("generic_before")),
        group_object_not_first(lex.terms("group_object_not_first")),
        group_object_stops(lex.terms("group_object_stops")),
        host_for_nouns(lex.terms("host_for_nouns")),
        host_gathering_nouns(lex.terms("host_gathering_nouns")),
        host_object_nouns(lex.terms("host_object_nouns")),
        lead_ins(lex.terms("lead_ins")),
        nouns_with_only(lex.terms("nouns_with_only")),
        object_determiners(lex.terms("object_determiners")),
        official_committee_words(lex.terms("official_committee_words")),
        people_object_stops(lex.terms("people_object_stops")),
        people_objects(lex.terms("people_objects")),
        remote_phrases(lex.terms("remote_phrases")),
        thing_objects(lex.terms("thing_objects")),
        with_group_leading(lex.terms("with_group_leading")),
        with_group_nouns(lex.terms("with_group_nouns")) {}
  Terms after_meet;
  Terms attended_by;
  Terms committee_excluded_names;
  Terms convene_body_exclude;
  Terms convene_body_lead;
  Terms convene_body_links;
  Terms convene_body_nouns;
  Terms convene_intransitive_next;
  Terms convene_subjects;
  Terms convene_verbs;
  Terms formal_before;
  Terms generic_before;
  Terms group_object_not_first;
  Terms group_object_stops;
  Terms host_for_nouns;
  Terms host_gathering_nouns;
  Terms host_object_nouns;
  Terms lead_ins;
  Terms nouns_with_only;
  Terms object_determiners;
  Terms official_committee_words;
  Terms people_object_stops;
  Terms people_objects;
  Terms remote_phrases;
  Terms thing_objects;
  Terms with_group_leading;
  Terms with_group_nouns;
};

class Meetings final : public sdk::Extractor {
 public:
  explicit Meetings(const sdk::Lexicon& lex)
      : lex_(lex),
        lists_(lex),
        verbs_(lex.terms("verbs")),
        nouns_(lex.terms("nouns")),
        dets_(lex.terms("determiners")),
        excl_(lex.terms("exclude_before")),
        context_(lex.terms("exclude_context")),
        host_verbs_(lex.terms("host_verbs")),
        chair_verbs_(lex.terms("chair_verbs")),
        roles_({{lex.terms("verbs"), kVerb},
                {lex.terms("host_verbs"), kHostVerb},
                {lex.terms("chair_verbs"), kChairVerb},
                {lex.terms("nouns"), kNoun}}),
        host_object_skip_(lex.terms("host_object_skip")),
        host_object_stops_(lex.terms("host_object_stops")),
        series_links_(lex.terms("series_links")),
        counterpart_lead_ins_(lex.terms("counterpart_lead_ins")),
        talks_(lex.terms("talks")),
        be_(lex.terms("be_forms")),
        excl_phrases_(lex.terms("exclude_phrases")),
        bare_(lex.terms("bare_verbs")),
        told_exclude_(lex.terms("told_exclude_context")),
        excl_phrase_ends_(lex.terms("exclude_phrases")),
        excl_after_(lex.terms("exclude_after")),
        talks_predicates_(lex.terms("talks_predicates")),
        talks_ongoing_(lex.terms("talks_ongoing")),
        talks_lead_ins_(lex.terms("talks_lead_ins")),
        verb_lead_ins_(lex.terms("verb_lead_ins")) {}
  std::string_view name() const noexcept override { return "meetings"; }

  // "The IMF Interim Committee is to meet": a committee named in capitals with none of
  // committee_excluded_names in its name is a body of officials, not a chamber's or a
  // firm's committee ("A House Agriculture Committee meeting", "the Federal Open Market
  // Committee")
  bool official_committee(const sdk::Sentence& s, std::size_t k) const {
    if (!s.tokens[k].capitalized ||
        !any_of_terms(s.tokens[k].lower, lists_.official_committee_words))
      return false;
    std::size_t b = k;
    while (b > 0 && k - b < 6 &&
           (s.tokens[b - 1].capitalized || s.tokens[b - 1].lower == "-"))
      --b;
    if (b == k) return false;  // "the Committee": whose, the text does not say
    for (std::size_t q = b; q < k; ++q)
      if (any_of_terms(s.tokens[q].lower, lists_.committee_excluded_names)) return false;
    return true;
  }

  void extract(const sdk::Sentence& s, std::vector<sdk::EventCandidate>& out) const override {
    const auto &talks = talks_, &be = be_, &bare = bare_;
    int commercial_sentence = -1;  // a word of told_exclude_context; -1: not looked for yet
    for (std::size_t i = 0; i < s.tokens.size; ++i) {
      // a trigger starts with a word of one of the four lists; most tokens start none
      const std::uint32_t r = roles_(s.tokens[i].lower);
      if (r == 0) continue;
      std::string host_group;  // "state legislators" a host verb has for object
      // the tokens of a body convened ("convened the Cancer Cabinet")
      std::size_t body_first = 0, body_last = 0;
      bool hosted = false;     // the trigger is a host verb
      std::size_t n = r & kVerb ? verbs_.match(s, i) : 0;
      sdk::TriggerForm form = sdk::TriggerForm::verb;
      if (n && i > 0 && dets_.contains(s.tokens[i - 1].lower)) n = 0;  // "a meet"
      // "hosted Prime Minister Kishida", "convened more than 30 state legislators": a meeting
      // only with people for object, named within a few words of the verb
      if (n == 0 &&
          !(i > 0 && (dets_.contains(s.tokens[i - 1].lower) ||
                      s.tokens[i - 1].lower == "-")) &&  // "U.S.-hosted"
          (r & kHostVerb) &&
          (n = host_verbs_.match(s, i))) {
        const auto& plural = lists_.host_object_nouns;
        bool people = false;
        for (const auto& e : s.entities) {
          if (e.first_token < i + n || e.first_token > i + n + 4 || e.pronoun || e.possessive ||
              (e.last_token < s.tokens.size &&  // "the virtual leaders' summit"
               (s.tokens[e.last_token].lower == "'" || s.tokens[e.last_token].lower == "'s")))
            continue;
          // a person after capitalised titles only ("hosted Israeli National Security
          // Adviser Tzachi Hanegbi"); a group or a body whose people a plural noun names
          // ("world leaders", "Pacific Islands Forum (PIF) leaders"; not "American troops")
          bool ok = e.kind == sdk::EntityKind::person;
          for (std::size_t k = i + n; ok && k < e.first_token; ++k)
            ok = s.tokens[k].capitalized;
          if (e.kind == sdk::EntityKind::group || e.kind == sdk::EntityKind::organization) {
            std::size_t k = e.last_token;
            if (k < s.tokens.size && s.tokens[k].lower == "(")
              while (k < s.tokens.size && k < e.last_token + 4 && s.tokens[k].lower != ")") ++k;
            if (k < s.tokens.size && s.tokens[k].lower == ")") ++k;
            ok = any_of_terms(s.tokens[e.last_token - 1].lower, plural) ||
                 (k < s.tokens.size && any_of_terms(s.tokens[k].lower, plural));
            // only determiners and numbers between ("welcomed the input from the leaders"
            // names no meeting)
            for (std::size_t q = i + n; ok && q < e.first_token; ++q)
              ok = s.tokens[q].kind == sdk::TokenKind::number ||
                   any_of_terms(s.tokens[q].lower, host_object_skip_);
          }
          people = ok;
          break;
        }
        // "convened more than 30 state legislators", "convened nine Democratic Governors",
        // "convened top Administration officials": people named by a plural noun among the
        // next four words (capitalised modifiers too: a party, a state, a body)
        if (!people) {
          std::size_t b = i + n;
          while (b < s.tokens.size && (s.tokens[b].kind == sdk::TokenKind::number ||
                                       any_of_terms(s.tokens[b].lower, host_object_skip_)))
            ++b;
          // "convened a meeting with officials from across the Administration", "convened a
          // roundtable with leaders", "a meeting of legislators": the people met come after
          // the gathering noun and "with" or "of"
          std::size_t m = nouns_.match(s, b);
          if (m == 0) m = sdk::match_phrase(s, b, lists_.host_gathering_nouns);
          if (m > 0 && b + m + 1 < s.tokens.size &&
              (s.tokens[b + m].lower == "with" || s.tokens[b + m].lower == "of")) {
            b += m + 1;
            while (b < s.tokens.size && (s.tokens[b].kind == sdk::TokenKind::number ||
                                         any_of_terms(s.tokens[b].lower, host_object_skip_)))
              ++b;
          }
          for (std::size_t k = b; k < s.tokens.size && k < b + 4 && !people; ++k) {
            // "convened a call with Northeastern Governors", "welcomed the input from the
            // leaders": a preposition or an article between, the people are not the object
            if (s.tokens[k].kind != sdk::TokenKind::word ||
                any_of_terms(s.tokens[k].lower, host_object_stops_))
              break;
            if (any_of_terms(s.tokens[k].lower, plural) &&
                !(k + 1 < s.tokens.size &&  // "the virtual leaders' summit": a thing
                  (s.tokens[k + 1].lower == "'" || s.tokens[k + 1].lower == "'s"))) {
              people = true;
              const std::size_t from = s.tokens[b].span.begin;
              host_group = std::string(s.text.substr(from, s.tokens[k].span.end - from));
            }
          }
        }
        // "convened the White House Competition Council", "convened the Infrastructure
        // Implementation Task Force": a body of officials called to sit, named in capitals
        // (words of convene_body_links between) with one of convene_body_nouns in its name
        if (!people && sdk::match_phrase(s, i, lists_.convene_verbs) == n) {
          std::size_t b = i + n;
          while (b < s.tokens.size && b < i + n + 5 &&
                 (any_of_terms(s.tokens[b].lower, lists_.convene_body_lead) ||
                  (s.tokens[b].lower == "-" && b > i + n)))
            ++b;
          std::size_t e = b;
          bool body = false, chamber = false;
          while (e < s.tokens.size && e < b + 12) {
            const auto& tk = s.tokens[e];
            const bool link =
                e > b && e + 1 < s.tokens.size && s.tokens[e + 1].capitalized &&
                (tk.lower == "-" || any_of_terms(tk.lower, lists_.convene_body_links));
            if (!tk.capitalized && !link) break;
            if (tk.capitalized && sdk::match_phrase(s, e, lists_.convene_body_nouns) > 0)
              body = true;
            // a chamber's committee is a parliamentary session ("the Senate Budget
            // Committee"; not "the White House Competition Council")
            if (any_of_terms(tk.lower, lists_.convene_body_exclude) &&
                !(e > b && s.tokens[e - 1].lower == "white"))
              chamber = true;
            ++e;
          }
          // "the Development Committee was set to convene on Friday", "EC farm ministers
          // reconvene in Brussels tomorrow": no object, a time or a place right after
          // (a verb, not the noun: "a White House Virtual Convening"), with a body or
          // officials for subject among the four words before ("the Task Force decided to
          // reconvene"; not "lawyers convening in 1963", "alumni will convene")
          if (!body && i + n < s.tokens.size && !s.tokens[i].capitalized &&
              !s.tokens[i - 1].capitalized &&
              any_of_terms(s.tokens[i + n].lower, lists_.convene_intransitive_next)) {
            for (std::size_t k = i, steps = 0; k > 0 && steps < 4 && !people; --k, ++steps) {
              if (s.tokens[k - 1].kind == sdk::TokenKind::punct) break;
              people = any_of_terms(s.tokens[k - 1].lower, lists_.convene_subjects);
            }
          }
          if (body && !chamber && e > b) {
            people = true;
            body_first = b;
            body_last = e;
            const std::size_t from = s.tokens[b].span.begin;
            host_group = std::string(s.text.substr(from, s.tokens[e - 1].span.end - from));
          }
        }
        // "will convene leaders for the second U.S.-Africa Leaders Summit": the gathering
        // told by its own noun
        for (std::size_t k = i + n; people && k < s.tokens.size && k < i + n + 12; ++k)
          if (s.tokens[k].lower == "for")
            for (std::size_t q = k + 1; q < s.tokens.size && q < k + 10; ++q)
              people = people && !any_of_terms(s.tokens[q].lower, lists_.host_for_nouns);
        if (!people) {
          i += n - 1;
          continue;
        }
        hosted = true;
      }
      // "co-chaired the second meeting of the Steering Committee", "will co-chair the fourth
      // Strategic Consultative Group with his counterpart": a gathering held jointly, named
      // or told by a meeting noun among the next words
      const bool chaired = n == 0 && (r & kChairVerb) && chair_verbs_.match(s, i) > 0;
      if (n == 0 && (r & kChairVerb) && (n = chair_verbs_.match(s, i))) {
        bool gathering = false;
        for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 5 && !gathering; ++k) {
          if (s.tokens[k].kind == sdk::TokenKind::punct) break;
          gathering = nouns_.match(s, k) > 0 || s.tokens[k].capitalized;
        }
        if (!gathering) {
          i += n - 1;
          continue;
        }
      }
      if (n == 0) {
        n = r & kNoun ? nouns_.match(s, i) : 0;
        form = sdk::TriggerForm::noun;
        // "they are meeting": a verb after a form of "be"
        if (n && i > 0 && any_of_terms(s.tokens[i - 1].lower, be) && s.tokens[i].lower == "meeting")
          form = sdk::TriggerForm::verb;
        // "looks forward to meeting Prime Minister Kishida": a verb after these
        if (n && s.tokens[i].lower == "meeting" && verb_lead_ins_.preceded_by(s, i))
          form = sdk::TriggerForm::verb;
      }
      if (n == 0) continue;
      // "an audience with the Pope": these nouns name a meeting only before "with"
      if (form == sdk::TriggerForm::noun &&
          any_of_terms(s.tokens[i + n - 1].lower, lists_.nouns_with_only) &&
          !(i + n < s.tokens.size && s.tokens[i + n].lower == "with")) {
        i += n - 1;
        continue;
      }
      bool excluded = false;
      for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
        excluded = excluded ||
                   (excl_.contains(s.tokens[k].lower) && (chaired || !official_committee(s, k)));
      if (i + n < s.tokens.size && excl_after_.match(s, i + n)) excluded = true;
      if (excl_phrase_ends_.preceded_by(s, i)) excluded = true;
      // union bargaining, boards, mergers: not diplomacy; told near the trigger, not in
      // another part of a long sentence ("will meet Zheng Tuobin, ... and address a
      // management and training organisation")
      constexpr std::size_t context_reach = 15;
      for (std::size_t k = i > context_reach ? i - context_reach : 0;
           k < s.tokens.size && k < i + n + context_reach; ++k)
        excluded = excluded || context_.contains(s.tokens[k].lower);
      const std::size_t people_end =
          form == sdk::TriggerForm::verb && any_of_terms(s.tokens[i + n - 1].lower, bare)
              ? people_object_end(s, i + n, lists_.people_objects, lists_.people_object_stops)
              : 0;
      if (form == sdk::TriggerForm::verb && any_of_terms(s.tokens[i + n - 1].lower, bare) &&
          people_end == 0 &&
          (sdk::takes_thing_object(s, i + n, lists_.after_meet, lists_.object_determiners) ||
           thing_object_ahead(s, i + n, lists_.thing_objects, lists_.after_meet,
                              lists_.object_determiners)))
        excluded = true;
      // "the accord was negotiated": a passive names a document, not talks
      if (form == sdk::TriggerForm::verb && i > 0 && any_of_terms(s.tokens[i - 1].lower, be) &&
          s.tokens[i].lower != "meeting")
        excluded = true;
      if (excluded) {
        i += n - 1;
        continue;
      }
      const sdk::Frame f = s.analyzer->frame(s, i, i + n, form);
      const bool is_talks =
          any_of_terms(s.tokens[i + n - 1].lower, talks) || any_of_terms(s.tokens[i].lower, talks);
      auto c = sdk::candidate_from_frame(s, f, is_talks ? "talks" : "meeting", i, i + n, form);
      // a body convened is one side, named whole: no name or place inside its name
      // ("the U.S.-Israel Strategic Consultative Group", "the White House Competition
      // Council") is another
      if (body_last > body_first) {
        auto inside = [&](std::string_view name) {
          for (const auto& e : s.entities)
            if (e.name == name && e.first_token >= body_first && e.last_token <= body_last)
              return true;
          return false;
        };
        for (auto* v : {&c.participants, &c.counterparts})
          v->erase(std::remove_if(v->begin(), v->end(),
                                  [&](const std::string& p) { return inside(p); }),
                   v->end());
      }
      // talks told by what becomes of them ("talks are under way", "moving towards talks")
      // "negotiations for a new contract broke down" (looked for once a sentence)
      if (commercial_sentence < 0) {
        commercial_sentence = 0;
        for (const auto& tk : s.tokens)
          if (told_exclude_.contains(tk.lower)) {
            commercial_sentence = 1;
            break;
          }
      }
      const bool commercial = commercial_sentence > 0;
      const bool told =
          is_talks && form == sdk::TriggerForm::noun && !commercial &&
          (predicate_after(s, i + n, talks_predicates_) ||
           predicate_after(s, i + n, talks_ongoing_) || talks_lead_ins_.preceded_by(s, i));
      // "several meetings that will be held this weekend": meetings of nobody in particular
      const bool generic = form == sdk::TriggerForm::noun && c.participants.empty() && i > 0 &&
                           any_of_terms(s.tokens[i - 1].lower, lists_.generic_before);
      // "briefing reporters after a separate meeting with Shultz": a meeting with someone
      // that the sentence places before what it tells took place
      bool lead_in = false;
      bool from_lead_in = false;  // "had flown to West Germany from talks with Mitterrand"
      for (std::size_t k = i, steps = 0; k > 0 && steps < 4 && !lead_in && !from_lead_in;
           --k, ++steps) {
        const auto& tk = s.tokens[k - 1];
        if (any_of_terms(tk.lower, lists_.lead_ins)) lead_in = true;
        if (any_of_terms(tk.lower, counterpart_lead_ins_)) from_lead_in = true;
        if (tk.capitalized || tk.kind != sdk::TokenKind::word) break;
      }
      // "speaking after a cabinet meeting", "after two weeks of talks": a meeting the
      // sentence places before what it tells, with nobody named; a "with" and nobody named
      // after it tells commercial partners ("following talks with ENOF", "after a meeting
      // with businessmen"), ...
      const bool followed_by_with = i + n < s.tokens.size && s.tokens[i + n].lower == "with";
      // ... nor right after "the": one told before ("chatted with him after the meeting")
      const bool told_before = i > 0 && s.tokens[i - 1].lower == "the";
      // ... nor talks about a commercial thing ("after negotiations for a new contract")
      bool commercial_object = false;
      for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 5; ++k)
        commercial_object = commercial_object || told_exclude_.contains(s.tokens[k].lower);
      // "held their third trilateral meeting", "during a cabinet meeting": a kind of
      // gathering that is an event by itself, right before the noun (an ordinal between);
      // not talks ("as may be needed during trilateral discussions")
      bool formal = false;
      if (form == sdk::TriggerForm::noun && !generic && !is_talks)
        for (std::size_t k = i, steps = 0; k > 0 && steps < 2 && !formal; --k, ++steps)
          formal = any_of_terms(s.tokens[k - 1].lower, lists_.formal_before);
      // "met with Cho and Akiba for the fourth trilateral meeting": the verb told it already
      for (std::size_t k = 0; k < i && formal; ++k)
        if (verbs_.match(s, k) > 0) formal = false;
      // "the meeting attended by Vranitzky, Finance Minister Ferdinand Lacina and ...", "the
      // meeting was attended by representatives from Brazil, Mexico ...": a meeting told with
      // those present
      std::size_t by = 0;
      if (form == sdk::TriggerForm::noun && !generic) {
        std::size_t k = i + n;
        if (k < s.tokens.size && any_of_terms(s.tokens[k].lower, be)) ++k;
        if (k + 1 < s.tokens.size && sdk::match_phrase(s, k, lists_.attended_by))
          by = k + 2;
      }
      if (by > 0) {
        std::size_t added = 0;
        for (const auto& e : s.entities) {
          // "Chancellor Helmut Kohl of West Germany": the country qualifies the person
          std::size_t q = e.first_token;
          if (q > 0 && s.tokens[q - 1].lower == "the") --q;
          bool qualifier =
              e.kind == sdk::EntityKind::country && q >= 2 && s.tokens[q - 1].lower == "of";
          if (qualifier) {
            bool person = false;
            for (const auto& x : s.entities)
              person = person || (x.kind == sdk::EntityKind::person && x.last_token == q - 1);
            qualifier = person;
          }
          if (e.first_token >= by && e.first_token < by + 30 && !e.pronoun &&
              e.kind != sdk::EntityKind::city && !qualifier) {
            sdk::add_participant(c, e.name);
            ++added;
          }
        }
        if (added == 0) by = 0;
      }
      // "Lyng's discussions with congressmen": a named side's meeting with a group of people
      // written in lower case
      std::size_t with_people = 0;
      if (form == sdk::TriggerForm::noun && followed_by_with && f.counterparts.empty() &&
          !f.agents.empty() && !generic && !f.anaphoric) {
        // "a meeting with a group of labor union leaders": past "a group of" the people
        // noun is looked for as right after "with"
        const std::size_t w = i + n + 1;
        const bool quantified = w + 3 < s.tokens.size && dets_.contains(s.tokens[w].lower) &&
                                s.tokens[w + 1].kind == sdk::TokenKind::word &&
                                !s.tokens[w + 1].capitalized && s.tokens[w + 2].lower == "of";
        with_people = people_object_end(s, quantified ? w + 3 : w, lists_.people_objects,
                                        lists_.people_object_stops);
      }
      if (with_people > 0) {
        std::string g;
        for (std::size_t k = i + n + 1; k < with_people; ++k) {
          if (!g.empty() && s.tokens[k].lower != "-" && s.tokens[k - 1].lower != "-") g += ' ';
          g += s.tokens[k].text;
        }
        c.counterparts.push_back(g);
        c.participants.push_back(std::move(g));
      }
      // "looks forward to convening leaders and stakeholders across the hemisphere": a
      // group a host verb looked forward to has for object, with no time and no place, is
      // a wish, no meeting ("will convene leaders from government" is a plan)
      const bool vague_host =
          !host_group.empty() && f.time < 0 && f.place < 0 && verb_lead_ins_.preceded_by(s, i);
      const bool keep =
          !vague_host &&
          (by > 0 || with_people > 0 || form == sdk::TriggerForm::verb
              ? (!c.participants.empty() || !c.location.empty() || f.time >= 0)
              : (!f.anaphoric && !generic &&
                 (told || formal || f.time >= 0 || f.place >= 0 ||
                  (from_lead_in && followed_by_with && !f.counterparts.empty()) ||
                  (lead_in && (!f.counterparts.empty() ||
                               (!followed_by_with && !told_before && !commercial_object))) ||
                  (!f.counterparts.empty() && f.counterparts.size() + f.agents.size() >= 2))));
      // "discussions are also under way": talks going on at publication
      // (a plan keeps its status: "negotiations are set to get underway this fall")
      if (told && predicate_after(s, i + n, talks_ongoing_) &&
          (c.status == sdk::Status::unknown || c.status == sdk::Status::occurred))
        c.status = sdk::Status::ongoing;
      // "met with educators and academic leaders": the group met, for telling one meeting
      // from the next
      if (form == sdk::TriggerForm::verb && c.counterparts.empty() &&
          s.tokens[i + n - 1].lower == "with") {
        std::string g = group_object(s, i + n, lists_.group_object_stops,
                                     lists_.group_object_not_first);
        if (!g.empty()) {
          c.participants.push_back(g);
          c.counterparts.push_back(std::move(g));
        }
      }
      // "welcoming Prime Minister Bennett to the White House": where the guest comes is the
      // meeting's place
      if (hosted && c.location.empty() && f.destination >= 0) {
        c.location = std::string(s.entities[static_cast<std::size_t>(f.destination)].name);
        c.country = std::string(s.entities[static_cast<std::size_t>(f.destination)].country);
      }
      // (a body convened is a side whoever else is named: "convened the Joint Economic
      // Committee with the Palestinians")
      if (!host_group.empty() && (c.counterparts.empty() || body_last > body_first)) {
        c.counterparts.push_back(host_group);
        c.participants.push_back(host_group);
      }
      // "has since met 14 Indonesian cabinet ministers": the group as written
      if (people_end > 0 && c.counterparts.empty() && !sdk::entity_starts_at(s, i + n)) {
        std::string g;
        for (std::size_t k = i + n; k < people_end; ++k) {
          if (!g.empty() && s.tokens[k].lower != "-" && s.tokens[k - 1].lower != "-") g += ' ';
          g += s.tokens[k].text;
        }
        c.counterparts.push_back(g);
        c.participants.push_back(std::move(g));
      }
      // "met this morning with members of the House Agriculture Committee", "was meeting
      // this afternoon with his top economic advisers", "Lyng's meetings with the 10
      // premiers": groups of people after "with", past a short adverbial, are the other
      // side (of a noun only when it names someone: "the meeting in India with senior
      // officials" may be one told before, and stays what it was)
      if (c.counterparts.empty() && (form == sdk::TriggerForm::verb || !c.participants.empty())) {
        sdk::add_with_groups(c, s, i + n, lists_.with_group_nouns,
                             lists_.with_group_leading, lists_.group_object_stops);
      }
      // "convened the Strategic Consultative Group ... today by secure video conference",
      // "convened Caribbean leaders virtually": a gathering a host calls by video link is a
      // call (as "met virtually" is)
      if (hosted)
        for (std::size_t k = i + n; k < s.tokens.size && k < i + n + 20; ++k)
          if (sdk::match_phrase(s, k, lists_.remote_phrases) > 0) {
            c.type = "call";
            break;
          }
      if (body_last > body_first)
        for (const auto& e : s.entities)
          if (e.name == c.location && e.first_token >= body_first && e.last_token <= body_last) {
            c.location.clear();
            c.country.clear();
          }
      if (keep) {
        c.specificity = is_talks ? 1 : 0;
        // "convened legislators on July 8 at the White House; on July 14 in Orlando; and on
        // July 18 in Atlantic City": one meeting per dated item of a list
        const auto items = series_items(s, i + n);
        if (items.size() >= 2 && (c.time < 0 || c.time == items.front().first)) {
          for (const auto& [time, place] : items) {
            sdk::EventCandidate one = c;
            one.time = time;
            one.location.clear();
            one.country.clear();
            if (place >= 0) {
              one.location = std::string(s.entities[static_cast<std::size_t>(place)].name);
              one.country = std::string(s.entities[static_cast<std::size_t>(place)].country);
            }
            out.push_back(std::move(one));
          }
        } else {
          out.push_back(std::move(c));
        }
      }
      i += n - 1;
    }
  }

  // The dated items of a list after a trigger (from token `from`): two or more day dates
  // after "on", each with the place "in" or "at" right before or after it, nothing between
  // them but those places, capitalised words, numbers, list marks and the words of
  // series_links. Pairs (mention, place entity or -1); empty when there is no such list.
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> series_items(const sdk::Sentence& s,
                                                                      std::size_t from) const {
    std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> items;
    const auto& links = series_links_;
    auto place_at = [&](std::size_t k) -> std::ptrdiff_t {  // a place entity starting at k
      for (std::size_t e = 0; e < s.entities.size; ++e)
        if (s.entities[e].first_token == k && (s.entities[e].kind == sdk::EntityKind::city ||
                                               s.entities[e].kind == sdk::EntityKind::country ||
                                               s.entities[e].kind == sdk::EntityKind::region ||
                                               s.entities[e].kind == sdk::EntityKind::organization))
          return static_cast<std::ptrdiff_t>(e);
      return -1;
    };
    auto place_ending_at = [&](std::size_t end) -> std::ptrdiff_t {  // ... ending before end
      for (std::size_t e = 0; e < s.entities.size; ++e)
        if (s.entities[e].last_token == end && s.entities[e].first_token >= 2 &&
            place_at(s.entities[e].first_token) == static_cast<std::ptrdiff_t>(e) &&
            any_of_terms(s.tokens[s.entities[e].first_token - 1].lower, links))
          return static_cast<std::ptrdiff_t>(e);
      return -1;
    };
    std::size_t at = from;  // where the gap before the next item starts
    for (std::size_t k = 0; k < s.mentions.size; ++k) {
      const auto& m = s.mentions[k];
      if (m.first_token < at || m.duration || m.granularity != sdk::Granularity::day ||
          m.first_token == 0 || s.tokens[m.first_token - 1].lower != "on")
        continue;
      // the place written before the date ("in London on June 9") or after it ("on July 8
      // at the White House")
      std::ptrdiff_t place = place_ending_at(m.first_token - 1);
      std::size_t after = m.last_token;
      if (place < 0 && after + 1 < s.tokens.size &&
          (s.tokens[after].lower == "in" || s.tokens[after].lower == "at" ||
           (s.tokens[after].lower == "," && after + 2 < s.tokens.size &&
            (s.tokens[after + 1].lower == "in" || s.tokens[after + 1].lower == "at")))) {
        const std::size_t p = s.tokens[after].lower == "," ? after + 2 : after + 1;
        const std::size_t q = p < s.tokens.size && s.tokens[p].lower == "the" ? p + 1 : p;
        place = place_at(q);
        if (place < 0) place = place_at(p);
      }
      // the gap from the last item to this one: list marks, link words and places only
      bool clean = true;
      for (std::size_t q = at; q + 1 < m.first_token && clean && !items.empty(); ++q) {
        bool in_place = false;
        for (const auto& e : s.entities)
          in_place = in_place || (e.first_token <= q && q < e.last_token);
        // (a state after its city, "Orlando, Florida", may be no entity of its own; a year
        // may close a span, "June 9 and 10, 2025")
        clean = in_place || s.tokens[q].capitalized || s.tokens[q].kind == sdk::TokenKind::number ||
                any_of_terms(s.tokens[q].lower, links);
      }
      if (!clean) break;
      items.emplace_back(static_cast<std::ptrdiff_t>(k), place);
      at = m.last_token;
      if (place >= 0)
        at = std::max<std::size_t>(at, s.entities[static_cast<std::size_t>(place)].last_token);
    }
    if (items.size() < 2) items.clear();
    return items;
  }

 private:
  const sdk::Lexicon& lex_;
  Lists lists_;
  sdk::PhraseSet verbs_, nouns_;  // triggers, indexed by first word
  sdk::PhraseSet dets_, excl_, context_;  // word lists looked up around every trigger
  sdk::PhraseSet host_verbs_;     // triggers only with people for object
  sdk::PhraseSet chair_verbs_;    // triggers only with a gathering for object
  // the four trigger lists a word starts a phrase of, in one look-up, asked first at every
  // token: verbs (kVerb), host_verbs (kHostVerb), chair_verbs (kChairVerb), nouns (kNoun)
  static constexpr std::uint32_t kVerb = 1, kHostVerb = 2, kChairVerb = 4, kNoun = 8;
  fallback::FirstWordRoles roles_;
  // lists looked up at every word of a stretch around a trigger
  Terms host_object_skip_, host_object_stops_, series_links_, counterpart_lead_ins_;
  // lists read in every sentence
  Terms talks_, be_, excl_phrases_, bare_;
  // told_exclude_context, looked up at every word of a sentence with a meeting in it
  sdk::PhraseSet told_exclude_;
  sdk::PhraseEnds excl_phrase_ends_;  // exclude_phrases, looked for before every trigger
  sdk::PhraseSet excl_after_;         // exclude_after, looked for after every trigger
  // predicates looked for at every word of a stretch after talks
  sdk::PhraseSet talks_predicates_, talks_ongoing_;
  sdk::PhraseEnds talks_lead_ins_, verb_lead_ins_;  // looked for before talks, a "meeting"
};

bool register_meetings(sdk::Registrar& r) noexcept {
  return sdk::register_lexicon_extractor<Meetings>(r, "verbs");
}

}  // namespace

CHRONICLE_PLUGIN_PHRASE_GATED("meetings", "1.0.0", register_meetings, "verbs", "host_verbs",
                              "chair_verbs", "nouns")
