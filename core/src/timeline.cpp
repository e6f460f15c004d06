#include <chronicle/calendar.h>
#include <chronicle/document.h>
#include <chronicle/timeline.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>

#include "clauses.h"
#include "event_rules.h"

namespace chronicle {

long When::width() const {
  if (value.empty()) return 1L << 40;
  if (!earliest || !latest) return 1L << 30;
  return (*latest - *earliest).count() + (approx ? 1 : 0);
}

struct Resources::EventLists {
  explicit EventLists(const Resources& r)
      : distinct_cues(r.clauses.list("noun_cues.distinct")),
        distinct_after(r.clauses.list("noun_cues.distinct_after")),
        alongside_cues(r.clauses.list("noun_cues.alongside")),
        relative_lead_ins(r.clauses.list("noun_cues.relative_lead_ins")),
        relative_lead_in_nouns(r.clauses.list("noun_cues.relative_lead_in_nouns")),
        gathering_roles(r.clauses.list("noun_cues.gathering_roles")),
        negating_cues(r.clauses.list("noun_cues.negating")),
        ending_verbs(r.clauses.list("ending_verbs")),
        negating_stops(r.clauses.list("noun_cues.negating_stops")),
        generic_cues(r.clauses.list("noun_cues.generic")),
        side_nouns(r.text.terms("side_group_nouns")),
        side_of_nouns(r.text.terms("side_group_of_nouns")),
        side_modifiers(r.text.terms("group_modifiers")),
        side_gap(r.text.terms("side_group_gap")),
        side_stops(r.text.terms("side_group_stops")),
        side_leading(r.text.terms("side_group_leading")),
        side_companions(r.text.terms("companion_lead_ins")),
        side_companion_links(r.text.list("companion_links")),
        event_nouns(r.text.list("event_nouns")),
        stay_lead_ins(r.text.list("stay_lead_ins")),
        stay_nouns(r.text.list("stay_nouns")),
        stay_place_words(r.text.list("stay_place_words")),
        presence_verbs(r.text.list("presence_verbs")),
        presence_openers(r.text.list("presence_description_openers")) {}
  using List = const std::vector<std::string>&;
  // clauses.yaml
  List distinct_cues, distinct_after, alongside_cues, relative_lead_ins, relative_lead_in_nouns,
      gathering_roles, negating_cues, ending_verbs, negating_stops, generic_cues;
  // text.yaml
  const sdk::View<std::string_view> side_nouns, side_of_nouns, side_modifiers, side_gap, side_stops,
      side_leading, side_companions;
  List side_companion_links, event_nouns, stay_lead_ins, stay_nouns, stay_place_words,
      presence_verbs, presence_openers;
};

const Resources::EventLists& Resources::event_lists() const {
  std::call_once(event_lists_once_,
                 [this] { event_lists_ = std::make_shared<const EventLists>(*this); });
  return *event_lists_;
}

namespace {

// Length and first byte before the bytes: asked of every token of every sentence
// (noun_cues.generic), most words differ from an entry in one of them.
bool contains(const std::vector<std::string>& v, std::string_view x) {
  for (const auto& e : v)
    if (e.size() == x.size() &&
        (x.empty() || (e[0] == x[0] && std::memcmp(e.data(), x.data(), x.size()) == 0)))
      return true;
  return false;
}

// A word list asked of every token of a document: the words' shapes (length, first and
// last byte) turn most tokens away before the list is scanned.
class ScannedList {
 public:
  explicit ScannedList(const std::vector<std::string>& words) : words_(words) {
    for (const auto& w : words_) shapes_.add(w);
  }
  bool contains(std::string_view x) const {
    return shapes_.may_hold(x) && chronicle::contains(words_, x);
  }

 private:
  const std::vector<std::string>& words_;
  sdk::WordShapes shapes_;
};

// The entity of sentence `s` that starts at token k, or none.
const sdk::Entity* entity_starting_at(const AnalyzedSentence& s, std::size_t k) {
  for (const auto& en : s.entities)
    if (en.first_token == k) return &en;
  return nullptr;
}

// "during his stay", "during Lula's visit": a stay lead-in (`stay_lead_ins`) at token k
// and, within four words, a stay noun (`stay_nouns`). Gives the noun's token and the
// stay's owner (a possessive name between the two), or nothing.
struct StayPhrase {
  std::size_t noun = 0;
  const sdk::Entity* owner = nullptr;
};
// (stay_phrase_at past its lead-in)
std::optional<StayPhrase> stay_phrase_after(const AnalyzedSentence& s, std::size_t k,
                                            const std::vector<std::string>& nouns) {
  const auto& t = s.view.tokens;
  std::size_t n = k + 1;
  while (n < t.size && n <= k + 4 && !contains(nouns, t[n].lower) &&
         (t[n].kind != sdk::TokenKind::punct || t[n].lower == "'s"))
    ++n;
  if (n >= t.size || !contains(nouns, t[n].lower)) return std::nullopt;
  StayPhrase out{n, nullptr};
  for (const auto& en : s.entities)
    if (en.first_token > k && en.last_token <= n && en.possessive) out.owner = &en;
  return out;
}
// (asked at every token: most are no lead-in)
inline std::optional<StayPhrase> stay_phrase_at(const AnalyzedSentence& s, std::size_t k,
                                                const ScannedList& leads,
                                                const std::vector<std::string>& nouns) {
  if (!leads.contains(s.view.tokens[k].lower)) return std::nullopt;
  return stay_phrase_after(s, k, nouns);
}

// The length of the longest phrase of `phrases` (words separated by single spaces) that
// starts at token i, 0 if none.
std::size_t phrase_at(const std::vector<std::string>& phrases, std::span<const sdk::Token> t,
                      std::size_t i) {
  std::size_t best = 0;
  for (const auto& p : phrases) {
    std::size_t q = i, pos = 0;
    bool ok = true;
    while (ok && pos < p.size()) {
      std::size_t sp = p.find(' ', pos);
      if (sp == std::string::npos) sp = p.size();
      ok = q < t.size() && t[q].lower == std::string_view(p).substr(pos, sp - pos);
      ++q;
      pos = sp + 1;
    }
    if (ok && q - i > best) best = q - i;
  }
  return best;
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (!x.empty() && !contains(v, x)) v.push_back(x);
}

// "farm leaders" and "a group of farm leaders", "Governors" and "Governors from Western
// States": one side named two ways (one name starts or ends the other at a word boundary)
bool one_side(const std::string& p, const std::string& q) {
  const std::string& longer = p.size() >= q.size() ? p : q;
  const std::string& shorter = p.size() >= q.size() ? q : p;
  if (shorter.empty()) return false;
  const std::size_t d = longer.size() - shorter.size();
  if (d == 0) return longer == shorter;
  return (longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == ' ') ||
         (longer.compare(d, shorter.size(), shorter) == 0 && longer[d - 1] == ' ');
}

std::vector<std::string> actors(const Event& e) {
  std::vector<std::string> out;
  for (const auto& a : e.agents) add_unique(out, a);
  for (const auto& a : e.counterparts) add_unique(out, a);
  return out;
}

bool overlap(const When& a, const When& b) {
  if (a.value.empty() || b.value.empty()) return true;
  if (a.earliest && b.latest && *a.earliest > *b.latest) return false;
  if (b.earliest && a.latest && *b.earliest > *a.latest) return false;
  return true;
}

// a's window lies inside b's
bool within(const When& a, const When& b) {
  if (!a.earliest || !a.latest || !b.earliest || !b.latest) return false;
  return *a.earliest >= *b.earliest && *a.latest <= *b.latest;
}

// within a week of publication: what an undated event of the story can be dated by
bool near_publication(const When& w, date::sys_days pub) {
  return w.earliest && w.latest && *w.earliest >= pub - date::days{7} &&
         *w.latest <= pub + date::days{7};
}

// an undated event told as past and a dated one wholly after publication (or the reverse)
// are two events: "the OPEC conference here" and "the next meeting ... on December 9"
bool before_and_after(const Event& undated, const Event& dated, date::sys_days pub) {
  if (!undated.when.value.empty() || dated.when.value.empty()) return false;
  if (undated.status == sdk::Status::occurred)
    return dated.when.earliest && *dated.when.earliest > pub;
  if (undated.status == sdk::Status::planned)
    return dated.when.latest && *dated.when.latest < pub;
  // "the agriculture talks under GATT", under way, and "the Tokyo summit last year"
  if (undated.status == sdk::Status::ongoing)
    return dated.when.latest && *dated.when.latest < pub;
  return false;
}

// Two mentions that cannot be one event whatever else they share: a past one and a dated
// future one (either way round), and, but for a visit under way (told both ways: "arrived
// here yesterday ... will leave on Friday"), what happened and what is yet to happen.
bool told_apart(const Event& x, const Event& e, date::sys_days pub) {
  if (before_and_after(x, e, pub) || before_and_after(e, x, pub)) return true;
  auto ahead = [](sdk::Status st) {
    return st == sdk::Status::planned || st == sdk::Status::speculative;
  };
  // "the agriculture talks under GATT", under way and told with nothing to date them, do
  // not join "the June summit in Venice" told before them
  if (e.status == sdk::Status::ongoing && e.when.value.empty() && !x.when.value.empty() &&
      x.when.earliest && *x.when.earliest > pub)
    return true;
  return e.type != "visit" && ((x.status == sdk::Status::occurred && ahead(e.status)) ||
                               (ahead(x.status) && e.status == sdk::Status::occurred));
}

// "will be in Krakow from January 26-29. On January 27, he will visit the Memorial": an
// event dated to one day and one dated to a span of days around it, both by dates the text
// writes, are an umbrella event and its separately dated part
bool dated_part(const When& part, const When& whole) {
  if (part.value.empty() || whole.value.empty() || part.approx || whole.approx ||
      part.granularity != Granularity::day || whole.granularity != Granularity::day ||
      part.text == whole.text || !part.earliest || !part.latest || !whole.earliest ||
      !whole.latest)
    return false;
  return *part.earliest == *part.latest && *whole.latest > *whole.earliest &&
         within(part, whole);
}

int place_rank(const Resources& res, const std::string& name) {
  if (name.empty()) return 0;
  const auto* p = res.place(name);
  if (!p) return 2;
  switch (p->kind) {
    case sdk::EntityKind::city: return 3;
    case sdk::EntityKind::country: return 2;
    default: return 1;
  }
}

std::size_t token_at(const AnalyzedSentence& s, std::size_t byte) {
  const auto& t = s.tokens.tokens;
  // the first token ending past the byte (tokens stand in text order)
  const auto it = std::partition_point(t.begin(), t.end(),
                                       [&](const sdk::Token& x) { return x.span.end <= byte; });
  if (it != t.end()) return static_cast<std::size_t>(it - t.begin());
  return t.empty() ? 0 : t.size() - 1;
}

// "a four-day state visit": the number of days of a length written right before the noun at
// token `noun` (up to three words between), 0 if none.
int length_before(const AnalyzedSentence& s, std::size_t noun, std::size_t* at) {
  const auto& t = s.tokens.tokens;
  for (const auto& m : s.mentions) {
    if (!m.duration || m.last_token > noun || noun - m.last_token > 3) continue;
    bool plain = true;
    for (std::size_t q = m.last_token; q < noun; ++q)
      plain = plain && t[q].kind == sdk::TokenKind::word;
    const std::string_view v = m.value;  // "P4D"
    if (!plain || v.size() < 3 || v.front() != 'P' || v.back() != 'D') continue;
    int n = 0;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
      if (v[i] < '0' || v[i] > '9' || n > 99) return 0;
      n = n * 10 + (v[i] - '0');
    }
    *at = m.first_token;
    return n;
  }
  return 0;
}

// "the East Asia Summit", "the U.S.-ASEAN Summit": the capitalised words written before a
// capitalised event noun name the event. Lower-cased, without the noun itself, articles
// and words every such name shares.
std::vector<std::string> event_name_words(const AnalyzedSentence& s, std::size_t trigger,
                                          std::string* written) {
  std::vector<std::string> out;
  const auto& t = s.tokens.tokens;
  if (trigger == 0 || trigger >= t.size() || !t[trigger].capitalized) return out;
  static const std::set<std::string, std::less<>> skip{
      "the",     "'s",       "'",     "-",     "leaders", "leaders'", "summit",  "conference",
      "meeting", "meetings", "talks", "forum", "session", "annual",   "special", "extraordinary"};
  std::size_t k = trigger;
  while (k > 0) {
    const auto& tk = t[k - 1];
    const bool joiner = tk.lower == "'s" || tk.lower == "'" || tk.lower == "-";
    if (!(tk.capitalized || tk.kind == sdk::TokenKind::number || joiner)) break;
    --k;
  }
  for (std::size_t q = k; q < trigger; ++q) {
    std::string w(t[q].lower);
    // "U.S.-ASEAN": the parts of a hyphenated name
    std::size_t pos = 0;
    while (pos <= w.size()) {
      std::size_t h = w.find('-', pos);
      if (h == std::string::npos) h = w.size();
      std::string part = w.substr(pos, h - pos);
      if (!part.empty() && !skip.count(part)) out.push_back(part);
      pos = h + 1;
    }
  }
  if (!out.empty() && written) {
    std::size_t b = k;
    while (b < trigger && t[b].lower == "the") ++b;
    const std::size_t from = t[b].span.begin;
    *written = std::string(s.text.substr(from, t[trigger].span.end - from));
    for (auto& ch : *written)
      if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
  }
  return out;
}

// Two named events whose names share no word are two events ("the U.S.-ASEAN Summit and
// the East Asia Summit").
bool names_differ(const Event& a, const Event& b) {
  if (a.name_words.empty() || b.name_words.empty()) return false;
  for (const auto& w : a.name_words)
    if (contains(b.name_words, w)) return false;
  return true;
}

// The named event `x` is told in sentence `s` too: its noun is written there, capitalised,
// with every word of its name among the words right before it ("The Women's Business Summit
// will continue through Wednesday and feature discussions with ..."; not "meetings with
// fellow G7 leaders" after the G7 Summit).
bool named_in(const AnalyzedSentence& s, const Event& x) {
  if (x.name_words.empty() || x.name.empty()) return false;
  std::string noun = x.name.substr(x.name.find_last_of(' ') + 1);
  for (auto& ch : noun) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto& t = s.tokens.tokens;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t[i].capitalized || t[i].lower != noun) continue;
    bool all = true;
    for (const auto& w : x.name_words) {
      bool found = false;
      for (std::size_t q = i >= 8 ? i - 8 : 0; q < i && !found; ++q) {
        const std::string_view l = t[q].lower;
        // (the parts of a hyphenated word: "U.S.-ASEAN")
        for (std::size_t pos = 0; !found && pos <= l.size();) {
          std::size_t h = l.find('-', pos);
          if (h == std::string_view::npos) h = l.size();
          found = l.substr(pos, h - pos) == w;
          pos = h + 1;
        }
      }
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

// The participant `name`, written in sentence `s`, is the first part of a longer name that
// ends in a gathering noun ("Co-Host of the Second Global COVID-19 Summit": "Global COVID"
// is a piece of the summit's name, nobody met).
bool gathering_name_part(const AnalyzedSentence& s, const std::string& name,
                         const std::vector<std::string>& gathering_nouns) {
  const auto at = s.text.find(name);
  if (name.empty() || at == std::string_view::npos) return false;
  const auto& t = s.tokens.tokens;
  std::size_t k = 0;
  while (k < t.size() && t[k].span.begin < at + name.size()) ++k;
  for (std::size_t steps = 0; k < t.size() && steps < 4; ++k, ++steps) {
    if (t[k].capitalized && contains(gathering_nouns, t[k].lower)) return true;
    if (!(t[k].capitalized || t[k].kind == sdk::TokenKind::number || t[k].lower == "-"))
      return false;
  }
  return false;
}

std::string join_names(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += (i + 1 == v.size()) ? " and " : ", ";
    out += v[i];
  }
  return out;
}

std::string summarize(const Event& e) {
  std::vector<std::string> all = actors(e);
  std::string who = join_names(e.agents.empty() ? all : e.agents);
  const bool one = (e.agents.empty() ? all : e.agents).size() == 1;
  std::string s;
  const std::string in = e.location.empty() ? "" : " in " + e.location;
  if (e.type == "visit") {
    s = (who.empty() ? "Visit" : who + (one ? " visits" : " visit")) +
        (e.location.empty() ? "" : (who.empty() ? " to " : " ") + e.location);
    return s;
  }
  if (e.type == "call") return "Phone call" + (all.empty() ? "" : " between " + join_names(all));
  // a named gathering goes by its name: "East Asia Summit of Kamala Harris in Jakarta"
  if (e.type == "summit")
    return (e.name.empty() ? "Summit" : e.name) + (all.empty() ? "" : " of " + join_names(all)) +
           in;
  if (e.type == "conference")
    return (e.name.empty() ? "Conference" : e.name) +
           (all.empty() ? "" : " of " + join_names(all)) + in;
  if (e.type == "meeting" || e.type == "talks") {
    const std::string verb = e.type == "talks" ? (one ? " holds talks" : " hold talks")
                                                : (one ? " meets" : " meet");
    if (who.empty()) return (e.type == "talks" ? "Talks" : "Meeting") + in;
    if (!e.agents.empty() && !e.counterparts.empty())
      return who + verb + (e.type == "talks" ? " with " : " ") + join_names(e.counterparts) + in;
    return who + verb + in;
  }
  std::string t = e.type;
  if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t + (all.empty() ? "" : ": " + join_names(all)) + in;
}

void vote(Event& e, const std::string& type, int n) {
  for (auto& [t, k] : e.type_votes)
    if (t == type) {
      k += n;
      return;
    }
  e.type_votes.emplace_back(type, n);
}

// Summit and conference outrank the rest; between meeting and talks the mentions vote,
// ties going to the type ranked first.
void settle_type(Event& e, const BuildOptions& o) {
  e.type = detail::winning_type(e.type_votes, o, e.type);
}

// Adds the sentences of `evs` that `e` does not hold yet (same source and start).
void add_evidence(Event& e, std::vector<Evidence>&& evs) {
  for (auto& ev : evs) {
    bool dup = false;
    for (const auto& x : e.evidence) dup = dup || (x.source == ev.source && x.start == ev.start);
    if (!dup) e.evidence.push_back(std::move(ev));
  }
}

void merge_into(Event& e, Event&& c, const BuildOptions& o, const Resources& res) {
  // a fallback mention (plugins/fallback) adds only its evidence to a plugin's event; a
  // plugin's mention takes over an event the fallback began: its status and its people
  if (c.specificity < 0 && e.specificity >= 0) {
    add_evidence(e, std::move(c.evidence));
    return;
  }
  if (e.specificity < 0 && c.specificity >= 0) {
    e.type_votes.clear();
    e.status = sdk::Status::unknown;
    e.status_from_verb = false;
    e.agents.clear();
    e.counterparts.clear();
    e.participants.clear();
    e.plugin = c.plugin;
    e.specificity = c.specificity;
  }
  for (const auto& [t, k] : c.type_votes) vote(e, t, k);
  const std::string before = e.type;
  settle_type(e, o);
  if (e.type != before) e.plugin = c.plugin;
  // a status stated by a verb outweighs one read around a noun
  // told as begun and as still to end: under way
  const auto a = e.status, b = c.status;
  if ((a == sdk::Status::occurred && b == sdk::Status::planned) ||
      (a == sdk::Status::planned && b == sdk::Status::occurred)) {
    e.status = sdk::Status::ongoing;
  } else if (e.status == sdk::Status::unknown ||
      (c.status != sdk::Status::unknown && c.status_from_verb && !e.status_from_verb)) {
    e.status = c.status;
    e.status_from_verb = c.status_from_verb;
  }
  if (c.when.width() < e.when.width()) e.when = c.when;
  for (const auto& a : c.agents) add_unique(e.agents, a);
  for (const auto& a : c.counterparts) add_unique(e.counterparts, a);
  for (const auto& a : c.participants) add_unique(e.participants, a);
  if (e.name_words.empty()) {
    e.name_words = std::move(c.name_words);
    e.name = std::move(c.name);
  }
  if (place_rank(res, c.location) > place_rank(res, e.location)) {
    e.location = c.location;
    if (!c.country.empty()) e.country = c.country;
  }
  if (e.country.empty()) e.country = c.country;
  add_evidence(e, std::move(c.evidence));
}

// "Aart de Zeeuw" and "De Zeeuw": one name ends the other at a word boundary
bool same_person(std::string_view a, std::string_view b) {
  auto lower = [](std::string_view x) {
    std::string out(x);
    for (auto& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  };
  std::string x = lower(a), y = lower(b);
  if (x.size() < y.size()) std::swap(x, y);
  if (y.empty() || x.compare(x.size() - y.size(), y.size(), y) != 0) return false;
  return x.size() == y.size() || x[x.size() - y.size() - 1] == ' ';
}

// Where the story puts a person for a while: "Berg is in Lima today and tomorrow",
// "Berg, who was in Lima last week,", "The official in charge of farm trade is here".
struct Presence {
  std::size_t sentence = 0;
  std::vector<std::string> people;
  std::string place, country;
  std::optional<date::sys_days> earliest, latest;  // the window the text gives, if any
};

// Those told in sentences `first` to `last` (both included).
std::vector<Presence> presences(const DocumentAnalysis& a, std::size_t first, std::size_t last) {
  std::vector<Presence> out;
  const ScannedList verbs(a.resources().event_lists().presence_verbs);
  const auto& dets = a.resources().event_lists().presence_openers;
  const auto& sents = a.sentences();
  for (std::size_t si = first; si <= last && si < sents.size(); ++si) {
    const auto& s = sents[si];
    if (s.span.heading) continue;
    const auto& t = s.tokens.tokens;
    auto entity_ending_at = [&](std::size_t end) -> const sdk::Entity* {
      for (const auto& en : s.entities)
        if (en.last_token == end && !en.possessive) return &en;
      return nullptr;
    };
    for (std::size_t k = 1; k + 1 < t.size(); ++k) {
      if (!verbs.contains(t[k].lower)) continue;
      // "is in Lima", "is here" (the dateline city)
      const std::size_t q = t[k + 1].lower == "in" ? k + 2 : k + 1;
      const sdk::Entity* place = q < t.size() ? entity_starting_at(s, q) : nullptr;
      if (!place || (q == k + 1 && t[q].lower != "here") ||
          !(place->kind == sdk::EntityKind::city || place->kind == sdk::EntityKind::country ||
            place->kind == sdk::EntityKind::region))
        continue;
      a.with_clauses(si);  // (s, its clauses read)
      const std::size_t c = detail::clause_of(s.clauses, k);
      if (c < s.clause_negated.size() && s.clause_negated[c]) continue;
      Presence p;
      p.sentence = si;
      p.place = std::string(place->name);
      p.country = std::string(place->country);
      // the one there: the name before the verb ("Berg, who is in Lima")
      std::size_t subject = k;
      if (subject >= 3 && t[subject - 1].lower == "who" && t[subject - 2].lower == ",")
        subject -= 2;
      const sdk::Entity* who = entity_ending_at(subject);
      if (who && (who->kind == sdk::EntityKind::person || who->kind == sdk::EntityKind::group)) {
        p.people.emplace_back(who->name);
      } else if (!who && contains(dets, t[0].lower) && si + 1 < sents.size()) {
        // "The official in charge of farm trade is in Washington today. Aart de Zeeuw,
        // chairman of ..., met ...": a lead that opens with a description names its person
        // at the start of the next sentence
        bool named = false;
        for (const auto& en : s.entities) named = named || en.first_token < k;
        const auto& next = sents[si + 1];
        for (const auto& en : next.entities)
          if (!named && en.first_token == 0 && en.kind == sdk::EntityKind::person && !en.pronoun)
            p.people.emplace_back(en.name);
      }
      if (p.people.empty()) continue;
      // "today and tomorrow": the time right after the place
      for (std::size_t m = 0; m < s.mentions.size(); ++m) {
        const auto& mt = s.mentions[m];
        if (mt.duration || !mt.has_earliest || !mt.has_latest ||
            mt.first_token < place->last_token || mt.first_token > place->last_token + 1)
          continue;
        p.earliest = s.timexes[m].resolved.earliest;
        p.latest =
            m < s.span_end.size() && s.span_end[m] ? s.span_end[m] : s.timexes[m].resolved.latest;
        break;
      }
      out.push_back(std::move(p));
      break;
    }
  }
  return out;
}

// "Berg is in Lima today and tomorrow. ... Later today Berg will meet Weber": an unplaced
// event of a person the story has put in a place, told after that and within the time
// given for the stay (or near publication when none is given), happens there, unless the
// person has set out on a trip elsewhere in between. Calls are made from anywhere.
void place_by_presence(const DocumentAnalysis& a, date::sys_days pub, std::vector<Event>& events) {
  // (only an event with no place that is no visit or call takes one, from a stay told in
  // its sentence or one of the 8 before: only those sentences are read)
  constexpr std::size_t kReach = 8;
  auto unplaced = [](const Event& e) {
    return e.location.empty() && e.type != "visit" && e.type != "call";
  };
  std::size_t first = SIZE_MAX, last = 0;
  for (const auto& e : events)
    if (unplaced(e)) {
      first = std::min(first, e.first_sentence > kReach ? e.first_sentence - kReach : 0);
      last = std::max(last, e.first_sentence);
    }
  if (first == SIZE_MAX) return;
  const auto found = presences(a, first, last);
  if (found.empty()) return;
  auto shares = [](const Event& e, const std::vector<std::string>& people) {
    for (const auto& p : people) {
      for (const auto& x : e.agents)
        if (same_person(x, p)) return true;
      for (const auto& x : e.participants)
        if (same_person(x, p)) return true;
    }
    return false;
  };
  for (auto& e : events) {
    if (!unplaced(e)) continue;
    const Presence* best = nullptr;
    for (const auto& p : found) {
      if (p.sentence > e.first_sentence || e.first_sentence - p.sentence > kReach ||
          !shares(e, p.people))
        continue;
      const bool dated = e.when.earliest && e.when.latest && !e.when.value.empty();
      if (p.earliest && p.latest) {
        if (dated && (*e.when.earliest < *p.earliest || *e.when.latest > *p.latest)) continue;
      } else if (dated && !near_publication(e.when, pub)) {
        continue;
      }
      bool moved = false;  // "... goes to Canada later this week": a trip since
      for (const auto& v : events)
        moved = moved || (v.type == "visit" && v.first_sentence > p.sentence &&
                          v.first_sentence <= e.first_sentence && v.location != p.place &&
                          shares(v, p.people));
      if (moved) continue;
      if (!best || p.sentence >= best->sentence) best = &p;
    }
    if (best) {
      e.location = best->place;
      e.country = best->country;
    }
  }
}

}  // namespace

const char* status_name(sdk::Status s) {
  switch (s) {
    case sdk::Status::occurred: return "occurred";
    case sdk::Status::ongoing: return "ongoing";
    case sdk::Status::planned: return "planned";
    case sdk::Status::speculative: return "speculative";
    case sdk::Status::postponed: return "postponed";
    case sdk::Status::cancelled: return "cancelled";
    default: return "unknown";
  }
}

const char* granularity_name(Granularity g) {
  switch (g) {
    case Granularity::time: return "time";
    case Granularity::day: return "day";
    case Granularity::week: return "week";
    case Granularity::weekend: return "weekend";
    case Granularity::month: return "month";
    case Granularity::quarter: return "quarter";
    case Granularity::half: return "half";
    case Granularity::season: return "season";
    case Granularity::year: return "year";
    case Granularity::decade: return "decade";
    case Granularity::century: return "century";
    default: return "unknown";
  }
}

std::vector<Event> extract_events(const DocumentAnalysis& a, const PluginHost& host,
                                  const BuildOptions& options, std::vector<ErrorEntry>& errors) {
  const Document& doc = a.document();
  const date::sys_days pub = *doc.published;
  // code point offsets for the evidence, indexed on the first event (most documents have none)
  std::optional<CodePointIndex> cpi_index;
  auto cpi = [&](std::size_t byte) {
    if (doc.ascii) return std::min(byte, doc.text.size());  // (ASCII: byte offsets)
    if (!cpi_index) cpi_index.emplace(doc.text);
    return (*cpi_index)(byte);
  };
  std::vector<Event> events;
  if (!a.passed_gate()) return events;  // (no extractor would be called on any sentence)
  std::set<std::string> failed_plugins;

  // Every sentence's candidates first: a plugin that throws anywhere in the document skips
  // the whole document (its events of earlier sentences too); the others go on.
  const auto& sentences = a.sentences();
  // (this thread's lists, kept from document to document: emptied, their room kept)
  static thread_local std::vector<std::vector<sdk::EventCandidate>> all_cands;
  static thread_local std::vector<std::vector<std::string>> all_plugin_of;
  if (all_cands.size() < sentences.size()) {
    all_cands.resize(sentences.size());
    all_plugin_of.resize(sentences.size());
  }
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    all_cands[si].clear();
    all_plugin_of[si].clear();
  }
  // (the sentences before the one the analysis' gate, the host's may_propose, let through
  // are those it refused: no extractor would be called on them)
  for (std::size_t si = a.gate_opened_at(); si < sentences.size(); ++si) {
    if (sentences[si].span.heading) continue;
    // (the gate read once; clauses the analysis left unread: only for a sentence an
    // extractor is called on)
    const PluginHost::Callees callees =
        host.callees(sentences[si].tokens.tokens, sentences[si].tokens.hashes);
    if (callees.none()) continue;
    const AnalyzedSentence& s = a.with_clauses(si);
    std::vector<ExtractFailure> failures;
    host.extract(s.view, all_cands[si], all_plugin_of[si], failures, callees);
    for (auto& f : failures) {
      if (failed_plugins.insert(f.plugin).second)
        errors.push_back({doc.id, "plugin \"" + f.plugin + "\": " + f.message +
                                      "; the plugin skipped this document, the others went on"});
    }
  }
  // (most documents: no plugin proposed anything, so there is nothing to build)
  if (std::all_of(all_cands.begin(), all_cands.begin() + static_cast<std::ptrdiff_t>(sentences.size()),
                  [](const auto& c) { return c.empty(); }))
    return events;

  // "after a separate meeting with Shultz": a mention that is none of the events before it
  const Resources::EventLists& lists = a.resources().event_lists();
  const auto& distinct_cues = lists.distinct_cues;
  const auto& distinct_after = lists.distinct_after;
  const auto& alongside_cues = lists.alongside_cues;
  // "Prior to the President's meeting, ...": a fronted clause placing the sentence's event
  // against another
  const auto& relative_lead_ins = lists.relative_lead_ins;
  const auto& relative_lead_in_nouns = lists.relative_lead_in_nouns;
  const auto& gathering_roles = lists.gathering_roles;
  const auto& negating_cues = lists.negating_cues;
  const auto& ending_verbs = lists.ending_verbs;
  const auto& negating_stops = lists.negating_stops;

  // groups of people that name no entity, read as the side of an event (group_sides below)
  const auto side_nouns = lists.side_nouns, side_of_nouns = lists.side_of_nouns,
             side_modifiers = lists.side_modifiers, side_gap = lists.side_gap,
             side_stops = lists.side_stops, side_leading = lists.side_leading,
             side_companions = lists.side_companions;
  const auto& side_companion_links = lists.side_companion_links;
  // "Community agricultural ministers are due to meet", "told agriculture ministers meeting
  // in Luxembourg", "the next meeting of Uruguay round agriculture negotiators": a group of
  // people written in lower case (no entity) is a side of the event when it is the subject
  // of a verb trigger or stands right before a noun one and nobody else is named for it,
  // or when it follows the noun after "of" (the gathering's members). Such a group joins the
  // participants only: it is a description, and keeps no mention apart from another
  auto group_sides = [&](const AnalyzedSentence& s, const sdk::EventCandidate& c) {
    std::vector<std::string> out;
    const auto& v = s.view;
    const std::size_t first = token_at(s, c.trigger.begin);
    const std::size_t end = token_at(s, c.trigger.end - 1) + 1;
    auto add = [&](std::pair<std::size_t, std::size_t> r) {
      if (r.second <= r.first) return;
      // (a group an entity names is the frame's; a person inside is no group)
      for (const auto& e : v.entities)
        if ((e.first_token < r.second && r.second <= e.last_token) ||
            (e.kind == sdk::EntityKind::person && e.first_token < r.second && r.first < e.last_token))
          return;
      const std::string g = sdk::words_of(v, r.first, r.second);
      if (!contains(c.participants, g)) add_unique(out, g);
    };
    // (the other side alone, "met with President Lusinchi", leaves the subject open)
    const bool no_agent = std::all_of(c.participants.begin(), c.participants.end(),
                                      [&](const std::string& p) { return contains(c.counterparts, p); });
    if (no_agent) {
      if (c.form == sdk::TriggerForm::verb) {
        add(sdk::group_before(v, first, side_nouns, side_modifiers,
                              side_gap, side_stops));
      } else {
        // "ministers meeting" read whole, or "meeting" after "ministers"
        const bool noun_first =
            first + 1 < end && sdk::any_of_terms(v.tokens[first].lower, side_nouns);
        add(sdk::group_before(v, noun_first ? first + 1 : first, side_nouns,
                              side_modifiers, {}, side_stops));
      }
    }
    // "Jon Finer, joined by Acting Assistant Secretary Joey Hood, traveled to Tunis", "will
    // travel to Israel, joined by Brett McGurk and Yael Lempert": the people a companion
    // phrase after a comma names go with the event's own side, named before the phrase
    for (std::size_t k = 1; k < v.tokens.size; ++k) {
      const std::size_t len = v.tokens[k - 1].lower == "," ? sdk::match_phrase(v, k, side_companions) : 0;
      if (len == 0) continue;
      bool own_side = false;
      for (const auto& e : v.entities)
        own_side = own_side || (e.last_token < k && e.kind == sdk::EntityKind::person &&
                                contains(c.participants, e.name) && !contains(c.counterparts, e.name));
      if (!own_side) break;
      for (std::size_t q = k + len; q < v.tokens.size && q < k + len + 30; ++q) {
        const auto& tk = v.tokens[q];
        if (tk.lower == ";" || tk.lower == "." ||
            (tk.kind == sdk::TokenKind::word && !tk.capitalized && !contains(side_companion_links, tk.lower)))
          break;
        for (const auto& e : v.entities)
          // (a full name: a lone word there is a piece of a long title, "Technology")
          if (e.first_token == q && e.kind == sdk::EntityKind::person && !e.pronoun &&
              e.name.find(' ') != std::string_view::npos && !contains(c.participants, e.name))
            add_unique(out, std::string(e.name));
      }
      break;
    }
    if (c.form == sdk::TriggerForm::noun && end + 1 < v.tokens.size &&
        v.tokens[end].lower == "of")
      for (auto r : sdk::people_groups_at(v, end + 1, side_of_nouns, side_leading,
                                          side_stops))
        add(r);
    return out;
  };

  // groups that were the only side of their mention ("senior officials will meet")
  std::vector<std::string> lone_groups;

  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const auto& s = sentences[si];
    if (s.span.heading) continue;
    auto& cands = all_cands[si];
    const auto& plugin_of = all_plugin_of[si];
    if (detail::debug_trace()) {
      for (std::size_t i = 0; i < cands.size(); ++i)
        std::fprintf(stderr, "[debug] s%zu %s %s '%.*s' time=%td status=%s parts=%zu loc=%s\n",
                     s.view.index, plugin_of[i].c_str(), cands[i].type.c_str(),
                     static_cast<int>(cands[i].trigger.end - cands[i].trigger.begin),
                     s.text.data() + cands[i].trigger.begin, cands[i].time,
                     status_name(cands[i].status), cands[i].participants.size(),
                     cands[i].location.c_str());
    }
    // drop the output of a plugin that failed on this document
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (failed_plugins.count(plugin_of[i])) continue;
      const std::size_t tok = token_at(s, cands[i].trigger.begin);
      const std::size_t c = detail::clause_of(s.clauses, tok);
      if (cands[i].form == sdk::TriggerForm::verb && c < s.clause_negated.size() &&
          s.clause_negated[c] && s.clauses[c].modality == sdk::Modality::negated)
        continue;  // "did not meet"
      // "there will be no further meeting": a noun denied by its determiner
      if (cands[i].form == sdk::TriggerForm::noun) {
        const auto& t = s.tokens.tokens;
        bool denied = false;
        for (std::size_t k = tok, steps = 0; k > 0 && steps < 3; --k, ++steps) {
          const auto& w = t[k - 1];
          if (contains(negating_cues, w.lower)) {
            denied = true;
            break;
          }
          if (w.kind != sdk::TokenKind::word || w.capitalized ||
              contains(negating_stops, w.lower))
            break;
        }
        if (denied) continue;
      }
      if (cands[i].time >= static_cast<std::ptrdiff_t>(s.mentions.size())) cands[i].time = -1;
      keep.push_back(i);
    }
    // a fallback candidate (negative specificity: plugins/fallback) stands only in a
    // sentence where no other plugin proposes an event; one told by a verb ("during which
    // he discussed ... with President X") only where none proposes one of a compatible type
    // (a visit and the talks held during it are two events)
    {
      std::vector<std::size_t> standing;
      for (auto i : keep) {
        const bool verb = cands[i].form == sdk::TriggerForm::verb;
        if (cands[i].specificity >= 0 ||
            std::none_of(keep.begin(), keep.end(), [&](std::size_t j) {
              return cands[j].specificity >= 0 &&
                     (!verb || detail::types_compatible(cands[i].type, cands[j].type));
            }))
          standing.push_back(i);
      }
      keep = std::move(standing);
    }
    // one trigger, one event: the most specific type wins (triggers that overlap, "the G-7
    // finance ministers meeting" read as "ministers meeting" and as "meeting", are one)
    std::vector<std::size_t> uniq;
    for (auto i : keep) {
      bool merged = false;
      for (auto& j : uniq) {
        const bool same = cands[j].trigger.begin == cands[i].trigger.begin;
        // ... but the items of a dated list, one candidate each ("convened legislators on
        // July 8 at the White House and on July 14 in Orlando"), stay apart
        if (same && cands[i].type == cands[j].type && cands[i].time >= 0 && cands[j].time >= 0 &&
            cands[i].time != cands[j].time)
          continue;
        if (same || (cands[j].trigger.begin < cands[i].trigger.end &&
                     cands[i].trigger.begin < cands[j].trigger.end &&
                     detail::types_compatible(cands[i].type, cands[j].type))) {
          if (cands[i].specificity > cands[j].specificity) {
            for (const auto& p : cands[j].participants)
              if (!contains(cands[i].participants, p)) cands[i].participants.push_back(p);
            j = i;
          } else if (!same) {
            for (const auto& p : cands[i].participants)
              if (!contains(cands[j].participants, p)) cands[j].participants.push_back(p);
          }
          merged = true;
        }
      }
      if (!merged) uniq.push_back(i);
    }
    // events of one sentence in the order their triggers are written
    std::stable_sort(uniq.begin(), uniq.end(), [&](std::size_t a, std::size_t b) {
      return cands[a].trigger.begin < cands[b].trigger.begin;
    });
    // "met Lula today on the sidelines of the United Nations General Assembly", "met her in
    // February at the Munich Security Conference": a gathering named in capitals as the
    // setting of the event a verb before it tells
    auto setting_of = [&](const sdk::EventCandidate& g, const sdk::EventCandidate& other) {
      const std::size_t tb = token_at(s, g.trigger.begin);
      const auto& tk = s.tokens.tokens;
      if ((g.type != "summit" && g.type != "conference") || !tk[tb].capitalized ||
          other.form != sdk::TriggerForm::verb || other.trigger.begin >= g.trigger.begin)
        return false;
      for (std::size_t q = tb >= 9 ? tb - 9 : 0; q + 1 < tb; ++q)
        if (contains(alongside_cues, tk[q].lower) && tk[q + 1].lower == "of") return true;
      std::size_t k = tb;
      while (k > 0 && (tk[k - 1].capitalized || tk[k - 1].kind == sdk::TokenKind::number)) --k;
      return k >= 2 && tk[k - 1].lower == "the" && tk[k - 2].lower == "at";
    };
    // ... whose place, the meeting's own wanting, is the meeting's, and back ("met Sisi in
    // Dubai on the sidelines of the 28th Conference of the Parties")
    for (auto i : uniq)
      for (auto j : uniq) {
        if (i == j || cands[j].type == "visit" || cands[j].type == "call" ||
            cands[i].location.empty() == cands[j].location.empty() ||
            !setting_of(cands[i], cands[j]))
          continue;
        auto& to = cands[i].location.empty() ? cands[i] : cands[j];
        const auto& from = cands[i].location.empty() ? cands[j] : cands[i];
        to.location = from.location;
        to.country = from.country;
      }
    // a mention claimed by a nearer trigger is not taken by a farther noun
    for (auto i : uniq) {
      auto& ci = cands[i];
      if (ci.time < 0 || ci.form != sdk::TriggerForm::noun) continue;
      // "will visit Washington next month for talks": a purpose noun shares the time
      {
        const std::size_t tb = token_at(s, ci.trigger.begin);
        const auto& tk = s.tokens.tokens;
        if ((tb > 0 && tk[tb - 1].lower == "for") ||
            (tb > 1 && tk[tb - 2].lower == "for" && !tk[tb - 1].capitalized))
          continue;
      }
      const auto& m = s.mentions[static_cast<std::size_t>(ci.time)];
      auto dist = [&](const sdk::EventCandidate& c) {
        const std::size_t tb = token_at(s, c.trigger.begin), te = token_at(s, c.trigger.end - 1);
        // a time after its trigger ("arrived on February 26") binds closer than one before
        return m.first_token > te ? m.first_token - te
                                  : 2 * (tb - std::min(tb, m.last_token)) + 1;
      };
      for (auto j : uniq) {
        if (j == i || cands[j].time != ci.time) continue;
        if (dist(cands[j]) < dist(ci) && !(m.possessive && dist(ci) <= 1)) {
          ci.time = -1;
          // a noun whose only anchor was that time names no event of its own (nor one whose
          // other side is the nearer trigger's: "convened a meeting with governors")
          // ("Governors" there, "Governors from Western States" here; "farm leaders" there,
          // "a group of farm leaders" here: one side)
          auto covered = [&](const std::string& p) {
            for (const auto& q : cands[j].participants)
              if (one_side(p, q)) return true;
            return false;
          };
          // ("a virtual meeting": the call's and the meeting's one side)
          const bool gathering_pair = (ci.type == "meeting" && cands[j].type == "call") ||
                                      (ci.type == "call" && cands[j].type == "meeting");
          const bool own_side =
              !(detail::types_compatible(ci.type, cands[j].type) || gathering_pair) ||
              std::any_of(ci.counterparts.begin(), ci.counterparts.end(),
                          [&](const std::string& p) { return !covered(p); });
          // ... but a gathering named in capitals as the setting of the nearer trigger's
          // event ("met Lula today on the sidelines of the United Nations General Assembly",
          // "met her in February at the Munich Security Conference") is one; a month or a
          // year the meeting took place in holds the gathering too, a day does not bound it
          const bool setting = setting_of(ci, cands[j]);
          if (setting && m.has_earliest && m.has_latest && !m.duration) {
            const Granularity g =
                s.timexes[static_cast<std::size_t>(cands[j].time)].resolved.granularity;
            if (g == Granularity::month || g == Granularity::quarter || g == Granularity::half ||
                g == Granularity::season || g == Granularity::year)
              ci.time = cands[j].time;
          }
          if (ci.location.empty() && (ci.counterparts.empty() || !own_side) && !setting)
            ci.type.clear();
          break;
        }
      }
    }
    for (auto i : uniq) {
      auto& c = cands[i];
      if (c.type.empty()) continue;
      // a fallback mention is an event told before when the document has one of its kind
      // with a participant of its own ("looking forward to his talks with Nakasone"), or
      // any one of its kind when it refers back ("the meeting")
      if (c.specificity < 0 && std::any_of(events.begin(), events.end(), [&](const Event& x) {
            if (!detail::types_compatible(x.type, c.type)) return false;
            if (c.specificity <= -2) return true;
            return std::any_of(c.participants.begin(), c.participants.end(),
                               [&](const std::string& p) { return contains(x.participants, p); });
          }))
        continue;
      // "The Finance Minister leaves on April 7 to attend the IMF meetings": a clause of
      // no tense is told in the time of the dates it gives
      if (c.status == sdk::Status::unknown && c.time < 0) {
        const std::size_t tb = token_at(s, c.trigger.begin);
        const std::size_t cl = detail::clause_of(s.clauses, tb);
        for (std::size_t k = 0; k < s.mentions.size() && cl < s.clauses.size(); ++k) {
          const auto& m = s.mentions[k];
          if (m.duration || !m.has_earliest || !m.has_latest ||
              m.first_token < s.clauses[cl].first_token || m.last_token > s.clauses[cl].last_token)
            continue;
          if (m.earliest > pub)
            c.status = sdk::Status::planned;
          else if (m.latest < pub)
            c.status = sdk::Status::occurred;
          break;
        }
      }
      Event e;
      e.type = c.type;
      e.status = c.status;
      e.status_from_clause = c.status != sdk::Status::unknown;
      e.status_from_verb = e.status_from_clause && c.form == sdk::TriggerForm::verb;
      if (c.time >= 0) {
        const auto& tr = s.timexes[static_cast<std::size_t>(c.time)];
        e.when.text = tr.text;
        e.when.value = event_value(tr.resolved);
        e.when.earliest = tr.resolved.earliest;
        e.when.latest = tr.resolved.latest;
        e.when.granularity = tr.resolved.granularity;
        e.when.approx = tr.resolved.approx;
        const auto k = static_cast<std::size_t>(c.time);
        if (k < s.span_end.size() && s.span_end[k]) {  // "from June 8 to 10"
          e.when.text = s.span_text[k];
          e.when.latest = s.span_end[k];
        } else if (c.form == sdk::TriggerForm::noun && e.when.granularity == Granularity::day &&
                   e.when.earliest && e.when.latest && *e.when.earliest == *e.when.latest) {
          // "begins a four-day state visit on Tuesday", "a three-day visit that ended
          // yesterday", "at the end of a two-day visit ... yesterday": a length in days right
          // before the noun spans from the day it starts on, or back from the day it ends on
          // (a start day is written after the noun: "ended late yesterday after eight days
          // of talks" does not say when the talks began)
          std::size_t at = 0;
          const std::size_t te = token_at(s, c.trigger.end - 1);
          if (const int n = length_before(s, token_at(s, c.trigger.begin), &at); n > 1) {
            const auto& tk = s.tokens.tokens;
            const bool after = s.mentions[k].first_token > te;
            bool ends = false;
            for (std::size_t q = te + 1; after && q < s.mentions[k].first_token; ++q)
              ends = ends || contains(ending_verbs, tk[q].lower);
            for (std::size_t q = at >= 4 ? at - 4 : 0; q < at; ++q)
              ends = ends || contains(ending_verbs, tk[q].lower);
            if (ends)
              e.when.earliest = *e.when.latest - date::days{n - 1};
            else if (after)
              e.when.latest = *e.when.earliest + date::days{n - 1};
          }
        }
      }
      for (const auto& g : group_sides(s, c)) {
        add_unique(e.participants, g);
        if (c.participants.empty()) add_unique(lone_groups, g);
      }
      for (const auto& p : c.participants) {
        add_unique(e.participants, p);
        const auto* pl = a.resources().place(p);  // "U.S.": the country as written
        if (!contains(c.counterparts, p) &&
            !(e.type == "visit" && pl && pl->kind == sdk::EntityKind::country &&
              pl->name == c.country))
          add_unique(e.agents, p);
      }
      for (const auto& p : c.counterparts) add_unique(e.counterparts, p);
      e.location = c.location;
      e.country = c.country;
      e.plugin = plugin_of[i];
      vote(e, e.type, 1);
      e.specificity = c.specificity;
      e.first_sentence = s.view.index;
      e.first_offset = c.trigger.begin;
      e.name_words = event_name_words(s, token_at(s, c.trigger.begin), &e.name);
      e.evidence.push_back({doc.id, std::string(s.text), cpi(s.span.begin), cpi(s.span.end)});

      // merge with an event already told in this document
      int best = -1, best_score = -1;
      const auto ca = actors(e);
      bool distinct = false, again = false, setting_here = false;
      // "will meet with foreign leaders": someone met, not a piece of a gathering's name
      // ("Co-Host of the Second Global COVID-19 Summit")
      bool with_someone = false;
      for (const auto& p : e.counterparts)
        with_someone = with_someone || !gathering_name_part(s, p, relative_lead_in_nouns);
      {
        const std::size_t tb = token_at(s, c.trigger.begin);
        const auto& tk = s.tokens.tokens;
        for (std::size_t q = tb >= 2 ? tb - 2 : 0; q < tb; ++q)
          distinct = distinct || contains(distinct_cues, tk[q].lower);
        // "to meeting again soon": another occurrence than the one told
        const std::size_t te = token_at(s, c.trigger.end - 1);
        again = te + 1 < tk.size() && contains(distinct_after, tk[te + 1].lower);
        with_someone = with_someone || (te < tk.size() && tk[te].lower == "with") ||
                       (te + 1 < tk.size() && tk[te + 1].lower == "with");
        // "Bahrain co-chairs with the United States the Forum's Working Groups": a role in a
        // gathering is no meeting of its own to keep apart from one
        std::string trigger(s.text.substr(c.trigger.begin, c.trigger.end - c.trigger.begin));
        for (auto& ch : trigger)
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (contains(gathering_roles, trigger)) with_someone = false;
        // "met Macron on the margins of the Global Fund Conference": the gathering around
        // a meeting is another event
        for (std::size_t q = tb >= 9 ? tb - 9 : 0; q + 1 < tb; ++q)
          distinct = distinct || (contains(alongside_cues, tk[q].lower) &&
                                  tk[q + 1].lower == "of");
        // ... as is the one named "at the" after a verb's event of the same sentence ("met
        // with her in February at the Munich Security Conference")
        for (auto j : uniq)
          setting_here = setting_here || (!cands[j].type.empty() && setting_of(c, cands[j]));
        // "Prior to the President's meeting, the White House convened a meeting between ...":
        // an event told after a fronted clause that places it against an event noun is not
        // that event (the clause's noun, read as a mention of an event told, is no candidate)
        if (const std::size_t lead = phrase_at(relative_lead_ins, tk, 0)) {
          bool noun = false;
          for (std::size_t q = lead; q < tk.size() && q < lead + 12 && q < tb; ++q) {
            if (tk[q].lower == ",") {
              distinct = distinct || noun;
              break;
            }
            noun = noun || contains(relative_lead_in_nouns, tk[q].lower);
          }
        }
      }
      // a separately dated part of an event told before (or the whole of a dated part) is
      // none of the document's events: not the umbrella event, nor one undated
      for (const auto& x : events) {
        if (distinct || !detail::types_compatible(x.type, e.type) ||
            !(dated_part(e.when, x.when) || dated_part(x.when, e.when)))
          continue;
        distinct = true;
        if (detail::debug_trace())
          std::fprintf(stderr, "[debug] s%zu %s '%s' is a dated part apart from %s '%s' of s%zu\n",
                       s.view.index, e.type.c_str(), e.when.text.c_str(), x.type.c_str(),
                       x.when.text.c_str(), x.first_sentence);
      }
      for (std::size_t k = 0; k < events.size() && !distinct; ++k) {
        const Event& x = events[k];
        // "who I met again today" after a meeting today is that meeting
        if (again && (e.when.value.empty() || e.when.value != x.when.value)) continue;
        // a gathering named as a meeting's setting is none of the sentence's events, and of
        // the events told before only a gathering of its kind ("the Summit of the Americas"
        // is no meeting with a leader told before)
        if (setting_here && (x.first_sentence == e.first_sentence || x.type != e.type)) continue;
        // "will visit Rome and West Berlin during a trip to Europe in June": two words for
        // one trip in one sentence, with one time
        const bool one_trip = x.type == "visit" && e.type == "visit" &&
                              x.first_sentence == e.first_sentence && !e.when.value.empty() &&
                              x.when.value == e.when.value && x.when.text == e.when.text;
        // "met today with President El-Sisi ... thanked him for his participation in the
        // U.S.-Africa Leaders' Summit": a gathering told by its name is not a meeting of
        // two already told
        if (!e.name_words.empty() && x.name_words.empty() &&
            (e.type == "summit" || e.type == "conference") && x.type != e.type &&
            !x.counterparts.empty())
          continue;
        // ... nor is a meeting with someone, told in a later sentence than the gathering it
        // is held at ("will attend the Munich Security Conference. ... the Vice President
        // will meet with foreign leaders"; in one sentence the two may be one: "convened 40
        // world leaders in a virtual Leaders Summit")
        // (nor when the sentence names the gathering too: "The Business Summit will continue
        // through Wednesday and feature discussions with officials" tells the summit)
        if (e.name_words.empty() && !x.name_words.empty() && x.first_sentence < e.first_sentence &&
            (x.type == "summit" || x.type == "conference") && x.type != e.type && with_someone &&
            !named_in(s, x))
          continue;
        if (!detail::types_compatible(x.type, e.type) || !overlap(x.when, e.when) ||
            (!detail::places_compatible(x, e) && !one_trip) || told_apart(x, e, pub) ||
            names_differ(x, e))
          continue;
        const auto xa = actors(x);
        bool shared = false;
        for (const auto& n : ca) shared = shared || contains(xa, n);
        // "Nakasone will be at the summit": who attends a summit does not make
        // it another one when one of the two mentions is undated
        // ... unless an undated mention is named after a body a dated summit told before
        // without a name does not have ("endorsed at the G20 Global Health Summit" after a
        // summit of EU leaders today)
        auto named_after_other = [](const Event& a, const std::vector<std::string>& others) {
          for (const auto& n : actors(a)) {
            std::string l = n;
            for (auto& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (contains(a.name_words, l) && !contains(others, n)) return true;
          }
          return false;
        };
        const bool gathering = x.type == e.type && e.type == "summit" &&
                               (x.when.value.empty() || e.when.value.empty()) &&
                               !(x.name_words.empty() && e.when.value.empty() &&
                                 !x.when.value.empty() && named_after_other(e, xa));
        if (!ca.empty() && !xa.empty() && !shared && !gathering) continue;
        // one person meeting two different counterparts: two meetings
        if (!e.counterparts.empty() && !x.counterparts.empty()) {
          bool same = false;
          for (const auto& n : e.counterparts) same = same || contains(x.counterparts, n);
          if (!same) continue;
        }
        const bool both_places = !x.location.empty() && !e.location.empty();
        const bool continuation = e.when.value.empty() && e.location.empty();
        // "the outcome of today's talks": nobody and nowhere, but the day of an event told
        const bool same_day = (ca.empty() || e.location.empty()) && !e.when.value.empty() &&
                              e.when.granularity == Granularity::day &&
                              e.when.value == x.when.value;
        // "the June 8-10 summit" after "the Venice summit in June", "today's talks" after
        // "ended a meeting here": a dated mention of nobody and nowhere dates the event told
        const bool dated_mention = ca.empty() && e.location.empty() && !e.when.value.empty() &&
                                   (x.when.value.empty()
                                        ? (x.type == e.type || x.status == e.status) &&
                                              near_publication(e.when, pub)
                                        : x.type == e.type && within(e.when, x.when));
        if (!shared && !both_places && !continuation && !same_day && !dated_mention && !gathering)
          continue;
        int score = (shared ? 4 : 0) + (both_places ? 2 : 0) + (x.status == e.status ? 1 : 0) +
                    (x.type == e.type ? 1 : 0) +
                    (!x.when.value.empty() && !e.when.value.empty() ? 1 : 0);
        if (score >= best_score) best = static_cast<int>(k), best_score = score;
      }
      if (best >= 0 && detail::debug_trace())
        std::fprintf(stderr, "[debug] s%zu %s '%s' merges into %s '%s' of s%zu\n", s.view.index,
                     e.type.c_str(), e.when.value.c_str(),
                     events[static_cast<std::size_t>(best)].type.c_str(),
                     events[static_cast<std::size_t>(best)].when.value.c_str(),
                     events[static_cast<std::size_t>(best)].first_sentence);
      if (best >= 0)
        merge_into(events[static_cast<std::size_t>(best)], std::move(e), options, a.resources());
      else
        events.push_back(std::move(e));
    }
  }
  // "senior officials will meet in Saudi Arabia ... They will meet with Secretary of State
  // Marco Rubio": a group that was the only side of one mention gives way to the people
  // another mention of the event names
  for (auto& e : events)
    if (!e.agents.empty() || !e.counterparts.empty())
      e.participants.erase(std::remove_if(e.participants.begin(), e.participants.end(),
                                          [&](const std::string& p) {
                                            return contains(lone_groups, p) &&
                                                   !contains(e.agents, p) &&
                                                   !contains(e.counterparts, p);
                                          }),
                           e.participants.end());

  // "Investors are awaiting the outcome of several meetings that will be held this
  // weekend. Finance ministers from the G7 will be gathering in Washington ...", "the last
  // of many which took place during the weekend. The G7 nations had met in Washington":
  // meetings told of in general with a time date the undated ones of that sentence and
  // the next, when the tense agrees
  {
    const ScannedList generic(lists.generic_cues);
    const auto& event_nouns = lists.event_nouns;
    // (the events a sentence may date: undated ones, no visit, of it or the next)
    auto dates = [&](const Event& e, std::size_t index) {
      return e.when.value.empty() && e.type != "visit" &&
             (e.first_sentence == index || e.first_sentence == index + 1);
    };
    for (std::size_t si = 0; si < sentences.size(); ++si) {
      const auto& s = sentences[si];
      if (std::none_of(events.begin(), events.end(),
                       [&](const Event& e) { return dates(e, s.view.index); }))
        continue;
      const auto& t = s.tokens.tokens;
      std::size_t from = t.size();
      for (std::size_t k = 0; k + 1 < t.size() && from == t.size(); ++k) {
        if (!generic.contains(t[k].lower)) continue;
        bool noun = false;
        for (std::size_t q = k + 1; q < t.size() && q <= k + 2; ++q)
          noun = noun || contains(event_nouns, t[q].lower);
        // "the last of many which took place": the pronoun stands for the noun before it
        bool pronoun = t[k + 1].lower == "which" || t[k + 1].lower == "that";
        bool before = false;
        for (std::size_t q = 0; q < k && pronoun; ++q)
          before = before || contains(event_nouns, t[q].lower);
        if (noun || (pronoun && before)) from = k + 1;
      }
      if (from == t.size()) continue;
      const TimexResult* when = nullptr;
      for (std::size_t k = 0; k < s.mentions.size() && !when; ++k) {
        const auto& m = s.mentions[k];
        if (m.first_token < from || m.first_token > from + 8 || m.duration || !m.has_earliest ||
            !m.has_latest)
          continue;
        when = &s.timexes[k];
      }
      if (!when || !when->resolved.earliest || !when->resolved.latest) continue;
      const bool ahead = *when->resolved.earliest > pub, behind = *when->resolved.latest < pub;
      for (auto& e : events) {
        if (!dates(e, s.view.index)) continue;
        const bool planned = e.status == sdk::Status::planned || e.status == sdk::Status::unknown;
        const bool past = e.status == sdk::Status::occurred || e.status == sdk::Status::unknown;
        if ((ahead && !planned) || (behind && !past)) continue;
        e.when.text = when->text;
        e.when.value = event_value(when->resolved);
        e.when.earliest = when->resolved.earliest;
        e.when.latest = when->resolved.latest;
        e.when.granularity = when->resolved.granularity;
        e.when.approx = true;
      }
    }
  }
  // "This week, Sullivan will travel to Zurich, Brussels and Paris. ... In Brussels, he
  // will meet ...": an undated event of a traveller, soon after his dated trip and in a
  // place that trip names, happens within the trip's window
  // ("While in Manaus, he will visit the rainforest": a stay told after the trip, too;
  // "is likely to meet Moi when he pays a visit to Nairobi on Friday": what may happen on
  // a planned trip of the same sentence, too)
  for (auto& e : events) {
    if (!e.when.value.empty()) continue;
    const Event* trip = nullptr;
    for (const auto& v : events) {
      // (a trip whose status is still open here is a plan when its date lies ahead)
      const bool maybe_on_trip =
          e.status == sdk::Status::speculative && v.first_sentence == e.first_sentence &&
          (v.status == sdk::Status::planned ||
           (v.status == sdk::Status::unknown && v.when.earliest && *v.when.earliest > pub));
      if (v.type != "visit" || v.when.value.empty() || v.first_sentence > e.first_sentence ||
          e.first_sentence - v.first_sentence > 6 || (v.status != e.status && !maybe_on_trip) ||
          (e.type == "visit" && v.first_sentence == e.first_sentence))
        continue;
      bool shared = false;
      for (const auto& a : e.agents) shared = shared || contains(v.agents, a);
      for (const auto& a : v.agents)
        shared = shared || (maybe_on_trip && contains(e.participants, a));
      if (!shared) continue;
      bool here = e.location.empty() || e.location == v.location || e.country == v.country;
      for (const auto& ev : v.evidence)
        here = here || (!e.location.empty() && ev.sentence.find(e.location) != std::string::npos);
      if (here && (!trip || v.first_sentence >= trip->first_sentence)) trip = &v;
    }
    if (trip) {
      e.when = trip->when;
      e.when.approx = true;
    }
  }
  // "The conference decided ...", "the ministers agreed to resume negotiations": a conference
  // told with nobody named is held by the body the story names for its nearest conference
  if (std::any_of(events.begin(), events.end(), [](const Event& e) {
        return e.type == "conference" && e.participants.empty();
      })) {
    std::set<std::string> bodies;
    for (const auto& s : a.sentences())
      for (const auto& en : s.view.entities)
        if ((en.kind == sdk::EntityKind::organization && en.country.empty()) ||
            en.kind == sdk::EntityKind::group)
          bodies.emplace(en.name);
    auto body_of = [&](const Event& x) {
      std::vector<std::string> out;
      for (const auto& p : x.participants)
        if (bodies.count(p)) out.push_back(p);
      return out;
    };
    std::vector<std::vector<std::string>> held(events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
      if (events[i].type == "conference") held[i] = body_of(events[i]);
    for (std::size_t i = 0; i < events.size(); ++i) {
      Event& e = events[i];
      if (e.type != "conference" || !e.participants.empty()) continue;
      std::ptrdiff_t best = -1;
      std::size_t best_dist = SIZE_MAX;
      for (std::size_t k = 0; k < events.size(); ++k) {
        if (k == i || held[k].empty()) continue;
        const Event& x = events[k];
        // an earlier mention first, a later one only when none precedes
        const std::size_t dist = x.first_sentence <= e.first_sentence
                                     ? e.first_sentence - x.first_sentence
                                     : 1000 + x.first_sentence - e.first_sentence;
        if (dist < best_dist) best = static_cast<std::ptrdiff_t>(k), best_dist = dist;
      }
      if (best >= 0) e.participants = held[static_cast<std::size_t>(best)];
    }
  }
  // "will travel to New Delhi ... to attend the G20 Leaders' Summit", "traveled to Jeddah to
  // meet with the Crown Prince": what a traveller does on the trip happens where it goes
  // (a call is made from anywhere: "while in Tokyo, she spoke by phone with" gives none)
  for (auto& e : events) {
    if (!e.location.empty() || e.type == "visit" || e.type == "call") continue;
    for (const auto& v : events) {
      if (v.type != "visit" || v.location.empty() || v.first_sentence != e.first_sentence)
        continue;
      // "when he is in Washington for the IMF meetings": a gathering with nobody on its
      // first side, told with a trip in the same tense, is what the trip is for
      const bool before_trip = e.when.latest && v.when.earliest && *e.when.latest < *v.when.earliest;
      bool shared = e.agents.empty() && e.status == v.status && !before_trip;
      for (const auto& a : e.agents) shared = shared || contains(v.agents, a);
      if (!shared) continue;
      e.location = v.location;
      e.country = v.country;
      break;
    }
  }
  // "will travel to Ottawa ... During the visit, he will meet", "who is in Rome on a tour":
  // a traveller's unplaced event a few sentences from his trip, told in the same tense or
  // during a stay, happens where the nearest such trip goes
  // (nor one dated before the trip or weeks after it: "is in Lima today and tomorrow. She
  // will meet X next month")
  for (auto& e : events) {
    if (!e.location.empty() || e.type == "visit" || e.type == "call") continue;
    const Event* trip = nullptr;
    std::size_t best = SIZE_MAX;
    for (const auto& v : events) {
      if (v.type != "visit" || v.location.empty() || v.first_sentence == e.first_sentence)
        continue;
      const bool before = v.first_sentence < e.first_sentence;
      const std::size_t dist = before ? e.first_sentence - v.first_sentence
                                      : v.first_sentence - e.first_sentence;
      if (dist > (before ? 8u : 2u)) continue;
      if (v.status != e.status && v.status != sdk::Status::ongoing) continue;
      // (a trip dated by its arrival goes on for some days: "arrived here last night ...
      // will today hold talks")
      if (!e.when.value.empty() && !v.when.value.empty() && e.when.earliest && e.when.latest &&
          v.when.earliest && v.when.latest &&
          (*e.when.latest < *v.when.earliest || *e.when.earliest > *v.when.latest + date::days{7}))
        continue;
      bool shared = false;  // the traveller on either side: "Goria met Funaro, who is in Rome"
      for (const auto& a : v.agents)
        shared = shared || contains(e.agents, a) || contains(e.participants, a);
      if (!shared) continue;
      const std::size_t rank = before ? dist : dist + 100;  // an earlier trip first
      if (rank < best) trip = &v, best = rank;
    }
    if (trip) {
      e.location = trip->location;
      e.country = trip->country;
    }
  }
  // "will hold talks with Thatcher ... during the visit, his first to Britain", "During his
  // stay in Washington, he will meet": an unplaced event told in the sentence of a stay
  // happens where the stay is, unless the stay is someone else's ("during Lula's visit",
  // "her stay" of another person than the event's)
  {
    const ScannedList leads(lists.stay_lead_ins);
    const auto& nouns = lists.stay_nouns;
    const auto& place_words = lists.stay_place_words;
    struct Stay {
      const sdk::Entity* place = nullptr;
      const sdk::Entity* owner = nullptr;  // "Lula's visit", "her stay"
      bool opens = false;                  // the sentence starts with it
    };
    auto stay_of = [&](const AnalyzedSentence& s) {
      Stay out;
      const auto& t = s.view.tokens;
      for (std::size_t k = 0; k < t.size && !out.place; ++k) {
        const auto stay = stay_phrase_at(s, k, leads, nouns);
        if (!stay) continue;
        const std::size_t n = stay->noun;
        const sdk::Entity* owner = stay->owner;
        for (std::size_t q = n + 1; q + 1 < t.size && q <= n + 6; ++q) {
          if (t[q].kind == sdk::TokenKind::punct && t[q].lower != ",") break;
          if (!contains(place_words, t[q].lower)) continue;
          const auto* p = entity_starting_at(s, q + 1);
          if (p && (p->kind == sdk::EntityKind::country || p->kind == sdk::EntityKind::city ||
                    p->kind == sdk::EntityKind::region)) {
            out = {p, owner, k == 0};
            break;
          }
        }
      }
      return out;
    };
    const auto& sents = a.sentences();
    for (auto& e : events) {
      if (!e.location.empty() || e.type == "visit" || e.type == "call") continue;
      if (e.first_sentence >= sents.size()) continue;
      Stay st = stay_of(sents[e.first_sentence]);
      if (!st.place && e.first_sentence > 0) {
        // "During his stay in Rome, he met X. He will also see Y.": a stay that opens the
        // sentence before carries to a sentence that opens with a pronoun
        const auto& cur = sents[e.first_sentence];
        const bool pronoun_opens =
            std::any_of(cur.entities.begin(), cur.entities.end(),
                        [](const sdk::Entity& en) { return en.first_token == 0 && en.pronoun; });
        Stay prev = stay_of(sents[e.first_sentence - 1]);
        if (prev.opens && pronoun_opens) st = prev;
      }
      if (!st.place) continue;
      if (st.owner && !contains(e.agents, st.owner->name) &&
          !contains(e.participants, st.owner->name))
        continue;
      e.location = std::string(st.place->name);
      e.country = std::string(st.place->country);
    }
  }
  // "The Saudi leader will hold talks with Thatcher ... during the visit", "During his stay,
  // he met ...": an undated event told with a stay takes the window of the dated visit told
  // last up to its sentence (the stay owner's, when the stay has one), as the date of a
  // related event the text names
  {
    const ScannedList leads(lists.stay_lead_ins);
    const auto& nouns = lists.stay_nouns;
    const auto& sents = a.sentences();
    for (auto& e : events) {
      if (!e.when.value.empty() || e.type == "visit" || e.first_sentence >= sents.size()) continue;
      const auto& s = sents[e.first_sentence];
      const auto& t = s.view.tokens;
      bool stay = false;
      const sdk::Entity* owner = nullptr;
      for (std::size_t k = 0; k < t.size && !stay; ++k) {
        if (const auto phrase = stay_phrase_at(s, k, leads, nouns)) {
          stay = true;
          owner = phrase->owner;
        }
      }
      if (!stay) continue;
      const Event* visit = nullptr;
      for (const auto& v : events) {
        if (v.type != "visit" || v.when.value.empty() || v.first_sentence > e.first_sentence ||
            (owner && !contains(v.agents, owner->name) && !contains(v.participants, owner->name)))
          continue;
        if ((v.status == sdk::Status::occurred && e.status == sdk::Status::planned) ||
            (v.status == sdk::Status::planned && e.status == sdk::Status::occurred))
          continue;
        if (!visit || v.first_sentence >= visit->first_sentence) visit = &v;
      }
      if (!visit) continue;
      e.when = visit->when;
      e.when.approx = true;
    }
  }
  place_by_presence(a, pub, events);

  for (auto& e : events) {
    // the date outweighs the clause: "fresh talks have been scheduled for next Tuesday"
    // are still to come, "the breakdown last night of negotiations" is over
    if (!e.when.value.empty() && !e.when.approx) {
      if (e.status == sdk::Status::occurred && e.when.earliest && *e.when.earliest > pub)
        e.status = sdk::Status::planned;
      else if (e.status == sdk::Status::planned && e.when.latest && *e.when.latest < pub)
        e.status = sdk::Status::occurred;
    } else if (e.status == sdk::Status::occurred &&
               ((e.when.earliest && *e.when.earliest > pub) || e.when.value == "FUTURE_REF")) {
      // "said the result augured well for talks later this month", "welcomed planning for a
      // call in the coming weeks": a window that is still to come, however vague, is no
      // past event under a past reporting clause
      e.status = sdk::Status::planned;
    }
    // an event under way holds the publication day: a day after it is the event's end
    // ("the meeting, which ends tomorrow"), a time wholly before it its start ("arrived
    // here last night")
    if (e.status == sdk::Status::ongoing && !e.when.value.empty() && !e.when.approx &&
        e.when.earliest && e.when.latest) {
      if (*e.when.earliest > pub && e.when.granularity == Granularity::day)
        e.when.earliest.reset();
      else if (*e.when.latest < pub)
        e.when.latest.reset();
    }
    if (e.status == sdk::Status::unknown) {
      if (e.when.earliest && *e.when.earliest > pub)
        e.status = sdk::Status::planned;
      else if (e.when.latest && *e.when.latest >= pub && e.when.earliest && *e.when.earliest <= pub)
        e.status = sdk::Status::ongoing;
      else
        e.status = sdk::Status::occurred;
    }
    if (e.when.value.empty()) {
      e.when.granularity = Granularity::unknown;
      switch (e.status) {
        case sdk::Status::planned:
        case sdk::Status::speculative:
        case sdk::Status::postponed: e.when.earliest = pub; break;
        case sdk::Status::occurred: e.when.latest = pub; break;
        default: break;
      }
    }
    // visits list the destination country among the participants, last, when the text
    // names it ("visit Kenya", "to Zurich, Switzerland"; "visit Rome" adds no Italy)
    if (e.type == "visit" && !e.country.empty()) {
      auto it = std::find_if(e.participants.begin(), e.participants.end(), [&](const auto& p) {
        const auto* pl = a.resources().place(p);
        return p == e.country || (pl && pl->kind == sdk::EntityKind::country && pl->name == e.country);
      });
      if (it != e.participants.end()) {
        auto name = *it;
        e.participants.erase(it);
        e.participants.push_back(name);
      }
    }
    e.summary = summarize(e);
  }
  return events;
}

void order_events(std::vector<Event>& events) {
  auto key = [](const Event& e) {
    const auto far = date::sys_days::max();
    date::sys_days k1 = e.when.earliest ? *e.when.earliest : e.when.latest ? *e.when.latest : far;
    date::sys_days k2 = e.when.latest ? *e.when.latest : far;
    return std::make_tuple(k1, k2);
  };
  std::stable_sort(events.begin(), events.end(),
                   [&](const Event& a, const Event& b) { return key(a) < key(b); });
  for (std::size_t i = 0; i < events.size(); ++i) events[i].id = "e" + std::to_string(i + 1);
}

}  // namespace chronicle
