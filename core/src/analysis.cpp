#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/string_hash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <boost/container/small_vector.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "clauses.h"
#include "compiled_config.h"
#include "event_rules.h"
#include "line_word_set.h"
#include "plain_words.h"
#include "tense_use.h"

namespace chronicle {

using sdk::EntityKind;

// w == lit for a string literal: its length first, then its bytes in one comparison the
// compiler inlines (the analysis compares tokens with literal words at every token)
template <std::size_t N>
[[gnu::always_inline]] inline bool is(std::string_view w, const char (&lit)[N]) noexcept {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// ---------------------------------------------------------------- gazetteer

struct Resources::Gazetteer {
  struct Form {
    std::vector<std::string> words;  // token texts, case-sensitive
    int entry = -1;
    bool adjective = false;
  };
  std::vector<PlaceEntry> entries;
  detail::WordIndex first_words;            // forms' first words, as written
  // the first words with no capital A-Z ("developing"), the only ones a word written in
  // lower case can be, and their first_words ids
  detail::WordIndex caseless_first;
  std::vector<std::uint32_t> caseless_ids;
  std::vector<std::vector<Form>> by_first;  // forms by first word, in order added
  std::unordered_map<std::string, int> by_name;
  std::unordered_map<std::string, int> by_lower_name;  // dateline lookup
  std::unordered_map<std::string, int> by_form;        // "U.S." -> United States
  detail::ClauseRules clause_rules;
  // The word lists the entity passes test tokens against, one bit each: a token's bits
  // come from one look-up of its word (bits_by_word), not one per list.
  enum class W : unsigned {
    title_words,
    head_titles,
    honorifics,
    group_nouns,
    particles,
    stop_words,
    non_person,
    months_weekdays,
    light_verbs,
    group_modifiers,
    event_nouns,
    compound_heads,
    weekdays,
    state_groups,
    number_words,
    body_words,
    place_gap_words,
    place_chain_words,
    title_modifiers,
    attendance_nouns,
    place_noun_modifiers,
    appositive_heads,
    pronoun_subordinators,
    subject_auxiliaries,
    qualifier_breaks,     // "Colombia and met with President": no qualifier
    name_suffixes,        // "Jr", "Sr": after a comma, part of the name
    possessive_pronouns,  // "her upcoming trip": whose trip
    trip_nouns,
    narrative_adverbs,  // "He was soon released": in a past clause, shortly after the act
                        // told before (no timex)
    // "since 1987", "the 1987 crash": the story stays where it is
    point_of_comparison_leads,
    // "That April, ...", "that July evening": a month of the year the story tells
    story_month_leads,
    story_month_nouns,
    anniversary_day_nouns,  // "On this day 30 years ago": that day of the year back then
    game_half_cues,         // "In the second half, ..." after "scored": a half of a game
  };
  static constexpr std::size_t kLists = static_cast<std::size_t>(W::game_half_cues) + 1;
  static constexpr std::uint64_t bit(W w) { return std::uint64_t{1} << static_cast<unsigned>(w); }
  // Facts of a word beside its lists' bits (bits_by_word): it is one of the words
  // find_entities() tests at a token it may start at ("the", "he", ...); it is a caseless
  // first word (a form starts with it when a token's text is the word itself); a token
  // written otherwise with this lower-case word may start a form (a first word lowers to
  // it, or the first words are not known by their lower-case forms: every word then)
  static constexpr std::uint64_t kEntityWord = std::uint64_t{1} << 61;
  static constexpr std::uint64_t kCaselessForm = std::uint64_t{1} << 62;
  static constexpr std::uint64_t kCasedForm = std::uint64_t{1} << 63;
  static_assert(kLists <= 61);
  std::array<detail::WordSet, kLists> lists;
  detail::WordIndex listed_words;        // the words of all those lists
  std::vector<std::uint64_t> list_bits;  // by listed_words id: the lists holding the word
  bool with_bits = true;                 // listed_words kept (the entity passes read bits_by_word)
  void add_word(W list, std::string_view w) {
    lists[static_cast<std::size_t>(list)].insert(w);
    if (!with_bits) return;
    const std::uint32_t id = listed_words.add(w);
    if (id == list_bits.size()) list_bits.push_back(0);
    list_bits[id] |= bit(list);
  }
  // Is `lower` in the list? (a token's lower-case word as the Token::lower member: see
  // WordSet::contains_lower)
  bool has(W list, const std::string_view& lower) const noexcept {
    return lists[static_cast<std::size_t>(list)].contains_lower(lower);
  }
  // The listed words and the caseless first words of forms are words of the clause rules'
  // index too (share_words()): by a token's number there (ClauseRules::word_ids, read for
  // the clause reader anyway), the lists holding its word and the form it may start,
  // without a look-up of their own. (Entries for every number, unlisted() included.)
  std::vector<std::uint64_t> bits_by_word;
  std::vector<std::uint32_t> caseless_form_by_word;
  // ... and the first words by the number of their lower-case form (a token's lower-case
  // word is its text's, whatever sentence it stands in): cased_firsts[cased_from[w] ..
  // cased_from[w + 1]) (empty while cased_by_lower is false: first_words.find(text) then)
  bool cased_by_lower = false;
  std::vector<std::uint32_t> cased_from, cased_firsts;
  // The grammar's start words are words of that index too: by a token's number there, its
  // start-word number (TemporalGrammar::start_word_count() for none), which tag() takes
  // instead of a look-up of its own.
  std::vector<std::uint32_t> start_id_by_word;
  void share_words(const TemporalGrammar& grammar) {
    std::vector<std::pair<std::uint32_t, std::uint64_t>> bits;
    for (std::uint32_t k = 0; k < listed_words.size(); ++k)
      bits.emplace_back(clause_rules.add_plain_word(listed_words.word(k)), list_bits[k]);
    for (const std::string_view w : {"the", "there", "here", "he", "she", "they"})
      bits.emplace_back(clause_rules.add_plain_word(w), kEntityWord);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> forms;
    for (std::uint32_t c = 0; c < caseless_first.size(); ++c)
      forms.emplace_back(clause_rules.add_plain_word(caseless_first.word(c)), caseless_ids[c]);
    // (each first word read as a token: its lower-case form as the tokenizer makes it)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> cased;
    cased_by_lower = true;
    std::string plain_lower;
    for (std::uint32_t k = 0; k < first_words.size() && cased_by_lower; ++k) {
      if (detail::is_plain_word(first_words.word(k))) {  // most: one token, ASCII lowered
        detail::plain_lower(first_words.word(k), plain_lower);
        cased.emplace_back(clause_rules.add_plain_word(plain_lower), k);
        continue;
      }
      const TokenList tl = tokenize(first_words.word(k));
      cased_by_lower = tl.tokens.size() == 1 && tl.tokens[0].text == first_words.word(k);
      if (cased_by_lower) cased.emplace_back(clause_rules.add_plain_word(tl.tokens[0].lower), k);
    }
    if (cased_by_lower) {
      std::stable_sort(cased.begin(), cased.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      cased_from.assign(clause_rules.word_count() + 2, 0);
      for (const auto& [id, k] : cased) ++cased_from[id + 1];
      for (std::size_t w = 1; w < cased_from.size(); ++w) cased_from[w] += cased_from[w - 1];
      for (const auto& [id, k] : cased) cased_firsts.push_back(k);
    }
    start_id_by_word = clause_rules.add_numbered_words(
        grammar.start_word_count(), [&](std::uint32_t k) { return grammar.start_word(k); });
    // (the words just added start no cased form: empty ranges, so every number has its entry)
    if (cased_by_lower) cased_from.resize(clause_rules.word_count() + 2, cased_from.back());
    clause_rules.plain_words_added();
    bits_by_word.assign(clause_rules.word_count() + 1, 0);
    caseless_form_by_word.assign(clause_rules.word_count() + 1, detail::WordIndex::npos);
    for (const auto& [id, b] : bits) bits_by_word[id] |= b;
    for (const auto& [id, f] : forms) {
      caseless_form_by_word[id] = f;
      bits_by_word[id] |= kCaselessForm;
    }
    if (cased_by_lower) {
      for (const auto& [id, k] : cased) bits_by_word[id] |= kCasedForm;
    } else {
      for (auto& b : bits_by_word) b |= kCasedForm;
    }
  }
  detail::LineWordSet common_words;
  std::vector<std::vector<std::string>> head_title_phrases;
  // group nouns of heads of state or government ("leaders", "heads of government"), longest first
  std::vector<std::vector<std::string>> head_group_phrases;
  // the length of the head-group phrase at token k, or 0
  template <class Tokens>
  std::size_t head_group_at(const Tokens& t, std::size_t k) const {
    for (const auto& p : head_group_phrases) {
      if (p.empty() || k + p.size() > t.size()) continue;
      bool same = true;
      for (std::size_t q = 0; q < p.size() && same; ++q) same = t[k + q].lower == p[q];
      if (same) return p.size();
    }
    return 0;
  }

  int add_entry(PlaceEntry e) {
    auto it = by_name.find(e.name);
    if (it != by_name.end()) return it->second;
    int id = static_cast<int>(entries.size());
    by_name.emplace(e.name, id);
    std::string low = e.name;
    std::transform(low.begin(), low.end(), low.begin(), ::tolower);
    by_lower_name.emplace(low, id);
    entries.push_back(std::move(e));
    return id;
  }
  std::vector<std::string_view> plain_form_words;  // add_form()'s, kept from form to form
  void add_form(const std::string& text, int entry, bool adjective) {
    Form f;
    if (detail::plain_words(text, plain_form_words)) {  // most names: their tokens' texts
      f.words.assign(plain_form_words.begin(), plain_form_words.end());
    } else {
      TokenList tl = tokenize(text);
      if (tl.tokens.empty()) return;
      f.words.reserve(tl.tokens.size());
      for (const auto& t : tl.tokens) f.words.emplace_back(t.text);
    }
    if (!adjective) by_form.emplace(text, entry);
    f.entry = entry;
    f.adjective = adjective;
    const std::uint32_t id = first_words.add(f.words[0]);
    if (std::none_of(f.words[0].begin(), f.words[0].end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; }) &&
        caseless_first.add(f.words[0]) == caseless_ids.size())
      caseless_ids.push_back(id);
    if (id == by_first.size()) by_first.emplace_back();
    by_first[id].push_back(std::move(f));
  }
  // The first_words id of token x's text (npos: no form starts with it), given the number
  // of its lower-case word (ClauseRules::word_ids) and that word's bits_by_word. A word
  // written in lower case (its text the same bytes as its lower-case word) can only be a
  // caseless first word; one written otherwise only a first word of kCasedForm.
  std::uint32_t form_id(const sdk::Token& x, std::uint32_t w, std::uint64_t bits) const {
    if (x.text.data() == x.lower.data() && x.text.size() == x.lower.size()) [[likely]]
      return caseless_form_by_word[w];
    if (!(bits & kCasedForm)) return detail::WordIndex::npos;  // (most capitalised words)
    return cased_form(x.text, w);
  }
  // The first_words id of a token's text (npos if none) other than its lower-case word, that
  // word's number `w`
  [[gnu::noinline]] std::uint32_t cased_form(std::string_view text, std::uint32_t w) const {
    if (!cased_by_lower) return first_words.find(text);
    for (std::uint32_t q = cased_from[w]; q < cased_from[w + 1]; ++q)
      if (first_words.word(cased_firsts[q]) == text) return cased_firsts[q];
    return detail::WordIndex::npos;
  }
  // Longest form at token i; returns its length, 0 if none.
  std::size_t match(std::span<const sdk::Token> t, std::size_t i, const Form** out) const {
    return match(t, i, first_words.find(t[i].text), out);
  }
  // The same, given the first_words id of t[i].text (form_id).
  std::size_t match(std::span<const sdk::Token> t, std::size_t i, std::uint32_t id,
                    const Form** out) const {
    if (id == detail::WordIndex::npos) return 0;
    std::size_t best = 0;
    for (const auto& f : by_first[id]) {
      if (i + f.words.size() > t.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < f.words.size() && ok; ++k) ok = t[i + k].text == f.words[k];
      // multiword forms must be written with no gap inside hyphens
      if (ok && f.words.size() > best) {
        best = f.words.size();
        *out = &f;
      }
    }
    return best;
  }
};

namespace {

// The days Chronicle writes have four-digit years, 0000-01-01 to 9999-12-31 (ISO 8601
// without expansion): a reading outside ("last year" in 0000, "next year" in 9999) is
// left unresolved rather than written as a date no reader accepts.
bool in_calendar(const Resolved& r) {
  constexpr date::sys_days first{date::year{0} / 1 / 1}, last{date::year{9999} / 12 / 31};
  for (const auto& d : {r.earliest, r.latest})
    if (d && (*d < first || *d > last)) return false;
  return true;
}


// places.yaml or organizations.yaml: from its compiled form when unchanged since the build
std::vector<detail::PlaceSource> load_places(const std::filesystem::path& p,
                                             detail::CompiledKind kind, bool compiled) {
  const std::optional<std::string> yaml = detail::read_file(p);
  if (!yaml) throw ConfigError(p.string() + ": cannot open; the lexicon folder must hold this file");
  if (compiled)
    if (const auto* f = detail::find_compiled(kind, *yaml))
      return detail::places_from_compact({f->data, f->data_size});
  return detail::parse_place_file(*yaml, p.string(), kind);
}

// The words of `s` (split at single spaces) as views of it, into `out` (emptied first).
void split_word_views(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t sp = s.find(' ', pos);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > pos) out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string_view> views;
  split_word_views(s, views);
  return {views.begin(), views.end()};
}

}  // namespace

Resources::~Resources() = default;

std::shared_ptr<const Resources> Resources::load(const std::filesystem::path& dir,
                                                 ResourceOptions options) {
  auto r = std::make_shared<Resources>();
  r->dir = dir;
  r->entities = options.entities;
  r->text = Lexicon::load(dir / "text.yaml", options.compiled);
  r->clauses = Lexicon::load(dir / "clauses.yaml", options.compiled);
  r->temporal = Lexicon::load(dir / "temporal.yaml", options.compiled);
  if (options.entities) r->titles = Lexicon::load(dir / "titles.yaml", options.compiled);
  r->segmenter = SegmenterRules::from_lexicon(r->text);
  if (const std::string n = r->text.scalar("limits.timexes_per_sentence"); !n.empty()) {
    const long v = std::atol(n.c_str());
    if (v < 1)
      throw ConfigError((dir / "text.yaml").string() +
                        ": limits.timexes_per_sentence must be a positive number, not \"" + n +
                        "\"");
    r->max_sentence_timexes = static_cast<std::size_t>(v);
  }
  r->grammar = std::make_unique<TemporalGrammar>(r->temporal);
  auto g = std::make_unique<Gazetteer>();
  g->clause_rules = detail::ClauseRules::from(r->clauses);
  g->with_bits = options.entities;

  if (options.entities) {
    for (auto kind : {detail::CompiledKind::places, detail::CompiledKind::organizations}) {
      const auto file = dir / (kind == detail::CompiledKind::places ? "places.yaml"
                                                                     : "organizations.yaml");
      const auto places = load_places(file, kind, options.compiled);
      // (room for them all at once: no table grown and filled again place by place)
      std::size_t forms = 0;
      for (const auto& p : places) forms += 1 + p.forms.size() + p.adjectives.size();
      g->entries.reserve(g->entries.size() + places.size());
      g->by_name.reserve(g->by_name.size() + places.size());
      g->by_lower_name.reserve(g->by_lower_name.size() + places.size());
      g->by_form.reserve(g->by_form.size() + forms);
      g->first_words.reserve(g->first_words.size() + forms);
      g->by_first.reserve(g->by_first.size() + forms);
      for (const auto& p : places) {
        // a city named like a country (or an earlier city) is left out: the first wins
        if (p.kind == EntityKind::city && g->by_name.count(p.name)) continue;
        const int id = g->add_entry(PlaceEntry{p.name, p.country, p.kind});
        g->add_form(p.name, id, false);
        for (const auto& f : p.forms) g->add_form(f, id, false);
        for (const auto& f : p.adjectives) g->add_form(f, id, true);
      }
    }
  }
  using W = Gazetteer::W;
  auto words_of = [&](const std::string& key, W into) {
    for (const auto& phrase : r->titles.list(key))
      for (const auto& w : split_words(phrase)) g->add_word(into, w);
  };
  for (const auto& key : r->titles.keys("")) {
    if (key == "group_nouns" || key == "head_groups" || key == "particles" ||
        key == "name_suffixes")
      continue;
    words_of(key, W::title_words);
  }
  words_of("head_of_state", W::head_titles);
  words_of("modifiers", W::title_modifiers);
  for (const auto& p : r->titles.list("head_of_state")) g->head_title_phrases.push_back(split_words(p));
  for (const auto& p : r->titles.list("head_groups")) g->head_group_phrases.push_back(split_words(p));
  std::stable_sort(g->head_group_phrases.begin(), g->head_group_phrases.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& w : r->titles.list("honorifics")) g->add_word(W::honorifics, w);
  for (const auto& w : r->titles.list("group_nouns")) g->add_word(W::group_nouns, w);
  for (const auto& w : r->titles.list("particles")) g->add_word(W::particles, w);
  for (const auto& w : r->titles.list("name_suffixes")) g->add_word(W::name_suffixes, w);
  for (const auto& w : r->text.list("stop_words")) g->add_word(W::stop_words, w);
  for (const auto& w : r->text.list("non_person_words")) g->add_word(W::non_person, w);
  for (const auto& w : r->text.list("light_verbs")) g->add_word(W::light_verbs, w);
  for (const auto& w : r->text.list("group_modifiers")) g->add_word(W::group_modifiers, w);
  for (const auto& w : r->text.list("event_nouns")) g->add_word(W::event_nouns, w);
  for (const auto& w : r->text.list("possessive_pronouns")) g->add_word(W::possessive_pronouns, w);
  for (const auto& w : r->text.list("pronoun_event_nouns")) g->add_word(W::trip_nouns, w);
  for (const auto& w : r->text.list("compound_heads")) g->add_word(W::compound_heads, w);
  for (const auto& w : r->text.list("state_groups")) g->add_word(W::state_groups, w);
  for (const auto& w : r->text.list("body_words")) g->add_word(W::body_words, w);
  for (const auto& w : r->text.list("place_gap_words")) g->add_word(W::place_gap_words, w);
  for (const auto& w : r->text.list("place_chain_words")) g->add_word(W::place_chain_words, w);
  for (const auto& w : r->text.list("attendance_nouns")) g->add_word(W::attendance_nouns, w);
  for (const auto& w : r->text.list("place_noun_modifiers"))
    g->add_word(W::place_noun_modifiers, w);
  for (const auto& w : r->text.list("appositive_heads")) g->add_word(W::appositive_heads, w);
  for (const auto& w : r->text.list("pronoun_subordinators"))
    g->add_word(W::pronoun_subordinators, w);
  for (const auto& w : r->text.list("subject_auxiliaries")) g->add_word(W::subject_auxiliaries, w);
  for (const auto& w : r->text.list("qualifier_breaks")) g->add_word(W::qualifier_breaks, w);
  for (const auto& k : r->temporal.keys("numbers"))
    for (const auto& w : r->temporal.list("numbers." + k)) g->add_word(W::number_words, w);
  for (const auto& w : r->temporal.list("narrative_adverbs")) g->add_word(W::narrative_adverbs, w);
  for (const auto& w : r->temporal.list("point_of_comparison_leads"))
    g->add_word(W::point_of_comparison_leads, w);
  for (const auto& w : r->temporal.list("story_month_leads")) g->add_word(W::story_month_leads, w);
  for (const auto& w : r->temporal.list("story_month_nouns")) g->add_word(W::story_month_nouns, w);
  for (const auto& w : r->temporal.list("anniversary_day_nouns"))
    g->add_word(W::anniversary_day_nouns, w);
  for (const auto& w : r->temporal.list("game_half_cues")) g->add_word(W::game_half_cues, w);
  for (const auto& k : r->temporal.keys("months"))
    for (const auto& w : r->temporal.list("months." + k)) g->add_word(W::months_weekdays, w);
  for (const auto& k : r->temporal.keys("weekdays"))
    for (const auto& w : r->temporal.list("weekdays." + k)) {
      g->add_word(W::months_weekdays, w);
      g->add_word(W::weekdays, w);
    }
  // common lower-case words (config/generate/common_words.py): optional
  if (options.entities) {
    // (one word a line, `#` comments: the words viewed in the file's bytes, not copied)
    g->common_words = detail::LineWordSet(
        detail::read_file(dir / "common_words.txt").value_or(std::string()));
  }
  if (g->with_bits) g->share_words(*r->grammar);
  r->gazetteer = std::move(g);
  return r;
}

const PlaceEntry* Resources::place(std::string_view name) const {
  auto it = gazetteer->by_name.find(std::string(name));
  if (it == gazetteer->by_name.end()) {
    // a form as written ("U.S."): countries are named as the article writes them
    it = gazetteer->by_form.find(std::string(name));
    if (it == gazetteer->by_form.end()) return nullptr;
  }
  return &gazetteer->entries[it->second];
}

// ---------------------------------------------------------------- analysis

namespace {

// `w` after the words of `s`, with a space between them
void append_word(std::string& s, std::string_view w) {
  if (!s.empty()) s += ' ';
  s += w;
}

struct RawEntity {
  RawEntity() = default;
  RawEntity(const RawEntity&) = default;
  RawEntity& operator=(const RawEntity&) = default;
  // not inlined: analyze() moves entities into their sentence's list at many places, and
  // each inlined copy of four strings' moves makes it too big for its own inlining
  [[gnu::noinline]] RawEntity(RawEntity&&) noexcept = default;
  RawEntity& operator=(RawEntity&&) noexcept = default;

  std::size_t first = 0, last = 0;
  EntityKind kind = EntityKind::person;
  std::string name;
  // (the gazetteer's, the dateline's or a literal: it outlives the analysis' entity passes)
  std::string_view country;
  bool possessive = false;
  bool head = false;
  bool modifier = false;
  bool adjective = false;
  bool pronoun = false;
  bool titled = false;
  std::string title;      // lower-case title words written before the name
  std::string title_ref;  // "the prime minister": a person named by title only
  std::string_view group_ref;  // "the ministers": a group told before, by its noun (a token's)
};

using W = Resources::Gazetteer::W;

// The lists (Gazetteer::W) each token of a sentence is in, and the gazetteer forms that
// start at each token, from the numbers of the tokens' words (ClauseRules::word_ids, read
// once a token for the clause reader).
struct TokenLists {
  const std::uint32_t* ids;        // the tokens' word numbers
  const std::uint64_t* word_bits;  // by word number: Gazetteer::bits_by_word
  // the lists holding token k's word (and Gazetteer::kEntityWord, kCaselessForm)
  std::uint64_t bits(std::size_t k) const noexcept { return word_bits[ids[k]]; }
  bool has(std::size_t k, W list) const noexcept {
    return (bits(k) & Resources::Gazetteer::bit(list)) != 0;
  }
  // (inlined: a call of its own costs more than most of its work, a form id of none)
  [[gnu::always_inline]] std::size_t match(const Resources::Gazetteer& g,
                                           std::span<const sdk::Token> t, std::size_t k,
                                           const Resources::Gazetteer::Form** out) const {
    return g.match(t, k, g.form_id(t[k], ids[k], bits(k)), out);
  }
};

// The words of tokens [b, e) as written, any run of white space (a newswire line break)
// folded to one space.
std::string join_tokens(std::span<const sdk::Token> t, std::size_t b, std::size_t e,
                        std::string_view text) {
  if (b >= e) return {};
  const std::string_view written =
      text.substr(t[b].span.begin, t[e - 1].span.end - t[b].span.begin);
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  // most names: words and single spaces only, kept as they are
  bool plain = !written.empty() && !blank(written.front()) && !blank(written.back());
  // (the last byte is no blank, so a space has a byte after it)
  auto plain_at = [&](std::size_t q) {
    return written[q] == ' ' ? !blank(written[q + 1]) : !blank(written[q]);
  };
  // the eight bytes from `at`: the top bit of each byte <= ' ' is set in m (and maybe of
  // some byte above one), each tested as a byte (a byte tested twice gives the same answer)
  auto test_eight = [&](std::size_t at) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    std::uint64_t x;
    std::memcpy(&x, written.data() + at, 8);
    for (std::uint64_t m = (x - kOnes * 0x21) & ~x & (kOnes * 0x80); m != 0 && plain; m &= m - 1) {
      const std::size_t q = at + static_cast<std::size_t>(std::countr_zero(m)) / 8;
      if (static_cast<unsigned char>(written[q]) <= ' ') plain = plain_at(q);
    }
  };
  const std::size_t n = written.size();
  if (n >= 8) {
    std::size_t k = 0;
    for (; k + 8 <= n && plain; k += 8) test_eight(k);
    if (k < n && plain) test_eight(n - 8);  // (the last bytes, with some before them)
  } else {
    for (std::size_t k = 0; k < n && plain; ++k)
      if (static_cast<unsigned char>(written[k]) <= ' ')  // (any byte above is no blank)
        plain = plain_at(k);
  }
  if (plain) return std::string(written);
  std::string out;
  bool space = false;
  for (char c : written) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// `words` holds `phrase` as whole words: between spaces or at its ends (" " + phrase +
// " " is in " " + words + " ").
bool holds_words(std::string_view words, std::string_view phrase) {
  for (std::size_t p = words.find(phrase); p != std::string_view::npos;
       p = words.find(phrase, p + 1))
    if ((p == 0 || words[p - 1] == ' ') &&
        (p + phrase.size() == words.size() || words[p + phrase.size()] == ' '))
      return true;
  return false;
}

// One of `phrases` (words separated by single spaces) ends right before token e.
bool phrase_ends_before(const detail::WordList& phrases, std::span<const sdk::Token> t,
                        std::size_t e) {
  for (const std::string& p : phrases) {
    std::size_t q = e, end = p.size();
    bool ok = !p.empty();
    while (ok && end > 0) {
      const std::size_t sp = p.rfind(' ', end - 1);
      const std::size_t b = sp == std::string::npos ? 0 : sp + 1;
      ok = q > 0 && t[q - 1].lower == std::string_view(p).substr(b, end - b);
      --q;
      end = sp == std::string::npos ? 0 : sp;
    }
    if (ok) return true;
  }
  return false;
}

// The tense of a time in a future clause whose future is told in the past (the caller's
// comment has the examples): past when the time stands before the clause's verbs and the
// first verb after it is a past reporting verb, before the clause's first future marker
// (no "and", "but", "that" or relative pronoun between); none (the nearest reading) for a
// year-less month just gone, or a day of it, when the future is a past form's ("was
// scheduled to", "was to") or follows one; else future.
Tense future_in_past_tense(std::span<const sdk::Token> t, const sdk::Clause& cl,
                           const TimexMatch& m, date::sys_days publication,
                           const detail::ClauseRules& cr) {
  using CR = detail::ClauseRules;
  std::size_t fut = cl.first_token;
  while (fut < cl.last_token && cr.future_ix.at(t, fut, cl.last_token) == 0) ++fut;
  if (fut == cl.last_token) return Tense::future;
  // (the hashes the tokenizer gave the sentence's words: its SentenceHashes scope covers it)
  auto bits = [&](std::size_t q) {
    return cr.all_bits(t[q].lower, detail::SentenceHashes::of(t.data(), q));
  };
  constexpr std::uint64_t kVerb = CR::kBeForm | CR::kPresent | CR::kPerfect | CR::kReportingVerb;
  auto verb = [&](std::size_t q) {
    const auto w = t[q].lower;
    return (bits(q) & kVerb) || cr.is_past_form(t, q) ||
           (w.size() > 4 && w.ends_with("ing") && !t[q].capitalized);
  };
  if (fut > m.last_token) {
    bool fronted = true;
    for (std::size_t q = cl.first_token; q < m.first_token && fronted; ++q) fronted = !verb(q);
    for (std::size_t q = m.last_token; fronted && q < fut && q <= m.last_token + 8; ++q) {
      if (bits(q) & (CR::kAndBut | CR::kThat | CR::kRelativePronoun)) break;
      if (!verb(q)) continue;
      if ((bits(q) & CR::kReportingVerb) && cr.is_past_form(t, q)) return Tense::past;
      break;
    }
  }
  const RelativeDate& r = *m.rel;
  if (r.kind != RelativeDate::Kind::calendar || !r.month || r.year || r.year_shift ||
      r.shift != Shift::none || r.direction != Direction::none || r.deadline ||
      r.anchor != AnchorRef::publication || r.range_end)
    return Tense::future;
  const unsigned pm = static_cast<unsigned>(date::year_month_day{publication}.month());
  if (*r.month != (pm == 1 ? 12u : pm - 1)) return Tense::future;
  bool past = (bits(fut) & CR::kWasWere) != 0;
  for (std::size_t q = cl.first_token; q < fut && !past; ++q) past = cr.is_past_form(t, q);
  return past ? Tense::none : Tense::future;
}

// The time [first, last) stands in the phrase of an event noun right after a cue that the
// event is prepared for or awaited (clauses.yaml noun_cues.planned_verbs): "preparations for
// the June 29-30 NATO Summit", "ahead of Tuesday's meeting", "plans for a summit in June".
// Returns the index of that noun, or the number of tokens if there is none.
std::size_t anticipated_event(std::span<const sdk::Token> t, std::size_t first, std::size_t last,
                              const Resources::Gazetteer& g) {
  std::size_t np = t.size(), noun = t.size();  // where the event's phrase starts, its noun
  std::size_t k = last;
  if (k < t.size() && is(t[k].lower, "'s")) ++k;
  // (past a span's end and a name: "the June 29-30 NATO Summit")
  while (k < t.size() && k < last + 5 && !g.has(W::event_nouns, t[k].lower) &&
         (t[k].capitalized || t[k].kind == sdk::TokenKind::number || is(t[k].lower, "-")))
    ++k;
  if (k < t.size() && g.has(W::event_nouns, t[k].lower)) {
    np = first;  // the time before the noun
    noun = k;
  } else if (first >= 2 && (is(t[first - 1].lower, "in") || is(t[first - 1].lower, "on")) &&
             g.has(W::event_nouns, t[first - 2].lower)) {
    np = noun = first - 2;  // the time after it
  }
  if (np == t.size()) return t.size();
  // back over an article and adjectives (or a name's words) to the cue
  for (std::size_t b = np, steps = 0; steps <= 2; --b, ++steps) {
    if (phrase_ends_before(g.clause_rules.noun_planned_verbs, t, b)) return noun;
    if (b == 0 || t[b - 1].kind != sdk::TokenKind::word) break;
  }
  return t.size();
}

}  // namespace

namespace {

// Spans of days: "from June 8 to 10", "September 7-10", "April 29 to May 5", "today and
// tomorrow", "on Monday and Tuesday". Only for event dates; `timex` output is unchanged.
void find_spans(AnalyzedSentence& s) {
  const auto& t = s.tokens.tokens;
  s.span_inner.clear();
  if (s.timexes.empty()) {  // (most sentences)
    s.span_end.clear();
    s.span_text.clear();
    return;
  }
  s.span_end.assign(s.timexes.size(), std::nullopt);
  s.span_text.assign(s.timexes.size(), std::string());
  for (std::size_t k = 0; k < s.matches.size(); ++k) {
    const auto& r = s.timexes[k].resolved;
    if (r.granularity != Granularity::day || !r.earliest || r.approx) continue;
    std::size_t j = s.matches[k].last_token;
    if (j + 1 >= t.size()) continue;
    const auto w = t[j].lower;
    const bool joiner = is(w, "-") || is(w, "to") || is(w, "through") || is(w, "until") ||
                        is(w, "till") || is(w, "and") || t[j].text == "\xE2\x80\x93";
    if (!joiner) continue;
    std::optional<date::sys_days> end;
    std::size_t last_tok = j + 1;
    // a second mention right after the joiner
    for (std::size_t q = k + 1; q < s.matches.size(); ++q) {
      if (s.matches[q].first_token != j + 1) continue;
      const auto& r2 = s.timexes[q].resolved;
      if (r2.granularity == Granularity::day && r2.earliest && *r2.earliest > *r.earliest &&
          *r2.earliest - *r.earliest <= date::days{31}) {
        end = r2.latest ? *r2.latest : *r2.earliest;
        last_tok = s.matches[q].last_token;
      }
    }
    // or a bare day of the same month: "June 8 to 10", "September 7-10"
    if (!end && !is(w, "and") && t[j + 1].kind == sdk::TokenKind::number) {
      int day = 0;
      for (char ch : t[j + 1].text) {
        if (ch < '0' || ch > '9' || day > 31) {  // not a day ("18-666...620" stops here)
          day = 0;
          break;
        }
        day = day * 10 + (ch - '0');
      }
      const date::year_month_day first{*r.earliest};
      const date::year_month_day ymd{first.year(), first.month(),
                                     date::day{static_cast<unsigned>(day)}};
      if (day > 0 && ymd.ok() && date::sys_days{ymd} > *r.earliest) {
        end = date::sys_days{ymd};
        last_tok = j + 2;
      }
    }
    if (!end) continue;
    for (std::size_t q = k + 1; q < s.matches.size(); ++q)
      if (s.matches[q].first_token > s.matches[k].first_token && s.matches[q].last_token <= last_tok)
        s.span_inner.push_back(q);
    s.span_end[k] = end;
    s.span_text[k] = std::string(s.text.substr(t[s.matches[k].first_token].span.begin,
                                               t[last_tok - 1].span.end -
                                                   t[s.matches[k].first_token].span.begin));
  }
}

// What an analysis leaves to the next one of its thread: its sentences with their vectors
// emptied but not freed, and the work vectors of analyze(). Most of a sentence's vectors
// hold a few elements: filled again, they allocate nothing, where fresh ones would
// allocate (and later free) one block each. A document of more than kMaxSpareSentences
// sentences frees its own, so that one long document does not stay in memory.
struct SpareStorage {
  // (as many as the longest document had, those past the last one's count emptied too; an
  // analysis uses the first of them and moves none)
  std::vector<AnalyzedSentence> sentences;
  std::vector<TokenList> sentence_tokens;
  DocumentTokens document_tokens;
  std::vector<std::vector<RawEntity>> raw;
  std::vector<std::uint32_t> all_word_ids;
  std::vector<std::size_t> word_ids_at;
  std::unique_ptr<char[]> name_block;
  // the entity lists of pass 3 (emptied where analyze() starts to use them)
  std::vector<RawEntity> prev_subjects, prev_single, prev_people_kept, out;
  std::vector<const RawEntity*> prev_people, subj;
};
constexpr std::size_t kMaxSpareSentences = 4096;
constexpr std::size_t kMaxSpareTokens = 65536;
// A game the story tells: two of its words in up to this many sentences before a year-less
// half
constexpr std::size_t kGameSentences = 5;
// The storage of this thread. (A function's static: a namespace-scope thread_local with a
// destructor is reached through the thread's init wrapper, a call at every access; each
// function below takes the reference once.)
SpareStorage& spare_storage() {
  static thread_local SpareStorage spare;
  return spare;
}

// The first name block of an analysis of `size` bytes: the one the last analysis of this
// thread left, else a new one. (Apart from intern(), which then reads the thread's
// storage only when it needs a block.)
[[gnu::noinline]] std::unique_ptr<char[]> first_name_block(std::size_t size) {
  SpareStorage& spare = spare_storage();
  return spare.name_block ? std::move(spare.name_block)
                          : std::make_unique_for_overwrite<char[]>(size);
}

// Folds each run of neighbours that `same` calls equal into its first element with
// `fold(first, other)`, in place, keeping the order (a sorted list: one element per key).
template <class T, class Same, class Fold>
void fold_runs(std::vector<T>& v, Same same, Fold fold) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (kept > 0 && same(v[kept - 1], v[k])) {
      fold(v[kept - 1], v[k]);
      continue;
    }
    if (kept != k) v[kept] = v[k];
    ++kept;
  }
  v.resize(kept);
}

// Empties a sentence for the next analysis, keeping the room of its vectors (the tokens
// and their store are released: the next document's come in a list of their own).
void empty_for_reuse(AnalyzedSentence& s) {
  s.span = {};
  s.text = {};
  s.tokens = {};
  s.clauses.clear();
  s.clause_verb.clear();
  s.clause_negated.clear();
  s.clauses_read = false;
  s.span_end.clear();
  s.span_text.clear();
  s.span_inner.clear();
  s.timexes.clear();
  s.matches.clear();
  s.mentions.clear();
  s.entities.clear();
  s.entity_modifier.clear();
  s.view = {};
}

}  // namespace

namespace {

// What the first entity pass reads and keeps across the sentences of a document.
struct EntityContext {
  const Resources& res;
  std::string_view dateline_city, dateline_country;
  std::unordered_map<std::string, std::string>& suffix_of;  // "Joseph R. Biden" -> ", Jr."
  RawEntity& last_destination;  // the place a traveller last went "to": "While there, ..."
  const PlaceEntry* dateline_place;  // the gazetteer's entry of the dateline city, if any
};

// Entities, first pass: the places, groups, bodies, people and pronouns of sentence `s`
// as written, in text order, into `ents`.
void find_entities(const AnalyzedSentence& s, const TokenLists& lists, const EntityContext& cx,
                   std::vector<RawEntity>& ents) {
  const auto& g = *cx.res.gazetteer;
  // (a local view: the compiler need not reload the tokens' address after each store)
  const std::span<const sdk::Token> t(s.tokens.tokens);
  const std::size_t nt = t.size();  // (held: the bound tests below need not reload it)
  // the lists one of the tests below needs token i itself in to start an entity there
  constexpr std::uint64_t kOpeners = Resources::Gazetteer::bit(W::group_nouns) |
                                     Resources::Gazetteer::bit(W::group_modifiers) |
                                     Resources::Gazetteer::bit(W::possessive_pronouns);
  constexpr std::uint64_t kStartWords = kOpeners | Resources::Gazetteer::kEntityWord;
  // most tokens start nothing: a word in lower case (or a number, a mark) in none of
  // those lists, where no gazetteer form starts, and none of the words tested below
  // (the "the", "there", "here", "he", "she", "they" tested below: kEntityWord)
  // (a word with none of the form bits starts no form, whatever its case: the test of most)
  constexpr std::uint64_t kFormWords =
      Resources::Gazetteer::kCaselessForm | Resources::Gazetteer::kCasedForm;
  auto starts_nothing = [&](std::size_t k) {
    const sdk::Token& x = t[k];
    const std::uint64_t b = lists.bits(k);
    if (!x.capitalized && (b & (kStartWords | kFormWords)) == 0) [[likely]]
      return true;
    if (x.capitalized || (b & kStartWords)) return false;
    return g.form_id(x, lists.ids[k], b) == detail::WordIndex::npos;
  };
  std::size_t i = 0;
  while (i < nt) {
    while (i < nt && starts_nothing(i)) ++i;
    if (i == nt) break;
    const Resources::Gazetteer::Form* f = nullptr;
    if (std::size_t len = lists.match(g, t, i, &f)) {
      const auto& pe = g.entries[f->entry];
      // (built in place, a move costing as much; dropped below when it is an adjective)
      RawEntity& e = ents.emplace_back();
      e.first = i;
      e.last = i + len;
      e.kind = pe.kind;
      e.name = pe.name;
      e.country = pe.kind == EntityKind::country ? pe.name : pe.country;
      e.adjective = f->adjective;
      std::size_t j = i + len;
      // "Saudi-based": a place written as an adjective
      if (e.adjective && j + 1 < nt && is(t[j].lower, "-") && is(t[j + 1].lower, "based")) {
        e.adjective = false;
        e.last = j + 2;
        j += 2;
      }
      // "European leaders", "US officials": a group
      std::size_t k = j;
      // "U.S. Congressional leaders": a modifier may be written capitalised
      while (k < nt && k < j + 3 && lists.has(k, W::group_modifiers)) ++k;
      if (k < nt && lists.has(k, W::group_nouns) && !t[k].capitalized) {
        // "EC heads of government": a group of heads, its phrase whole
        const std::size_t head_len = g.head_group_at(t, k);
        const std::size_t end = k + std::max<std::size_t>(head_len, 1);
        RawEntity grp;
        grp.first = i;
        grp.last = end;
        grp.kind = EntityKind::group;
        grp.name = join_tokens(t, i, end, s.text);
        grp.head = head_len > 0;
        grp.country = e.country;
        e = std::move(grp);  // (the group in its place)
        i = end;
        continue;
      }
      if (j < nt && is(t[j].lower, "'s")) e.possessive = true;
      // "U.S. Treasury Secretary", "Saudi officials"; not "in Washington, D.C. Secretary
      // of State Antony Blinken ...", where the period may end a sentence
      if (j < nt && (lists.has(j, W::title_words) || lists.has(j, W::group_nouns)) &&
          !(t[j - 1].text.back() == '.' && t[j].capitalized && i > 0 &&
            (is(t[i - 1].lower, "in") || is(t[i - 1].lower, "at") || is(t[i - 1].lower, "to"))))
        e.modifier = true;
      // "World Health Organization (WHO) Director-General": its short name between
      if (!e.modifier && j + 3 < nt && is(t[j].lower, "(") && is(t[j + 2].lower, ")") &&
          lists.has(j + 3, W::title_words) && t[j + 3].capitalized)
        e.modifier = true;
      // "EC External Relations Commissioner Willy Moreau", "European Community Commission
      // President Jan Holm": a body before a capitalised portfolio and a title qualifies
      // the person named after them
      if (!e.modifier && e.kind == EntityKind::organization) {
        std::size_t k = j;
        while (k < nt && k < j + 3 && t[k].capitalized && t[k].kind == sdk::TokenKind::word &&
               !lists.has(k, W::title_words) && !lists.has(k, W::stop_words))
          ++k;
        if (k > j && k + 1 < nt && lists.has(k, W::title_words) && t[k].capitalized &&
            t[k + 1].capitalized && t[k + 1].kind == sdk::TokenKind::word)
          e.modifier = true;
      }
      // "the EC steel industry", "the EC plan": a body after "the" and before a noun in
      // lower case only qualifies that noun; not "the EC said", "the EC will", "the EC
      // proposals" (a plural may be a verb), nor "the OPEC meeting" (its members hold it)
      if (!e.modifier && e.kind == EntityKind::organization && e.country.empty() && i > 0 &&
          is(t[i - 1].lower, "the") && !(i > 1 && is(t[i - 2].lower, "and")) && j < nt &&
          t[j].kind == sdk::TokenKind::word && !t[j].capitalized) {
        const auto w = t[j].lower;
        auto ends = [&](std::string_view x) {
          return w.size() > x.size() + 1 && w.substr(w.size() - x.size()) == x;
        };
        bool in_timex = false;
        for (const auto& m : s.matches)
          in_timex = in_timex || (m.first_token <= j && j < m.last_token);
        const auto& cr = g.clause_rules;
        if (!in_timex && !ends("s") && !ends("ed") && !ends("ly") && !lists.has(j, W::stop_words) &&
            !lists.has(j, W::event_nouns) && !lists.has(j, W::subject_auxiliaries) &&
            !cr.reporting_verbs.contains(w) && !cr.be_forms.contains(w) &&
            !cr.is_past_form(s.tokens.tokens, j))
          e.modifier = true;
      }
      // a country is named as the article writes it ("the U.S.", "Britain"), and so is a
      // city by another name ("Peking", not "Washington, D.C."); `country` keeps the
      // gazetteer's name, so places still compare across forms
      if (e.kind == EntityKind::country && !f->adjective)
        e.name = join_tokens(t, i, i + len, s.text);
      if (e.kind == EntityKind::city && !f->adjective) {
        std::string written = join_tokens(t, i, i + len, s.text), a = written, b = e.name;
        std::transform(a.begin(), a.end(), a.begin(), ::tolower);  // "WASHINGTON" too
        std::transform(b.begin(), b.end(), b.begin(), ::tolower);
        if (a.find(b) == std::string::npos) e.name = std::move(written);
      }
      if (!e.adjective && i > 0 && is(t[i - 1].lower, "to") &&
          (e.kind == EntityKind::country || e.kind == EntityKind::city ||
           e.kind == EntityKind::region))
        cx.last_destination = e;
      if (e.adjective) ents.pop_back();
      i = j;
      continue;
    }
    // the lists token i's word is in (read once: the tests below, most of which fail, need
    // not load them again after each store), and whether it is one of the words tested
    // below ("the", "there", "here", "he", "she", "they")
    const std::uint64_t bi = lists.bits(i);
    const bool entity_word = (bi & Resources::Gazetteer::kEntityWord) != 0;
    auto in = [bi](W list) { return (bi & Resources::Gazetteer::bit(list)) != 0; };
    // "Ministers from more than 20 nations", "delegates of 12 countries": a group by number
    if (t[i].kind == sdk::TokenKind::word && in(W::group_nouns) && !in(W::state_groups) &&
        i + 2 < nt && (is(t[i + 1].lower, "from") || is(t[i + 1].lower, "of"))) {
      std::size_t k = i + 2;
      if (k + 1 < nt && is(t[k].lower, "more") && is(t[k + 1].lower, "than"))
        k += 2;
      else if (k < nt && (is(t[k].lower, "some") || is(t[k].lower, "about") ||
                          is(t[k].lower, "nearly") || is(t[k].lower, "over")))
        ++k;
      std::size_t n = k;
      while (n < nt && n < k + 3 &&
             (t[n].kind == sdk::TokenKind::number || lists.has(n, W::number_words) ||
              (is(t[n].lower, "-") && n > k)))
        ++n;
      // "from seven major industrialized nations"
      const std::size_t counted = n;
      while (n > k && n < nt && n < counted + 3 && !t[n].capitalized &&
             lists.has(n, W::group_modifiers))
        ++n;
      if (n > k && n < nt && lists.has(n, W::state_groups)) {
        RawEntity grp;
        grp.first = i;
        // "Trade ministers from 12 nations": the modifiers before belong to the group
        while (grp.first > 0 && i - grp.first < 3 && lists.has(grp.first - 1, W::group_modifiers) &&
               (ents.empty() || ents.back().last < grp.first))
          --grp.first;
        grp.last = n + 1;
        grp.kind = EntityKind::group;
        grp.name = join_tokens(t, grp.first, n + 1, s.text);
        ents.push_back(std::move(grp));
        i = n + 1;
        continue;
      }
    }
    if ((!t[i].capitalized || i == 0) && t[i].kind == sdk::TokenKind::word &&
        (in(W::group_modifiers) || in(W::group_nouns))) {
      std::size_t k = i;
      while (k < nt && k < i + 3 && lists.has(k, W::group_modifiers)) ++k;
      if (k < nt && k > i && lists.has(k, W::state_groups) &&
          !(k + 1 < nt && is(t[k + 1].lower, "of"))) {
        RawEntity grp;
        grp.first = i;
        grp.last = k + 1;
        grp.kind = EntityKind::group;
        // a number before belongs to the group: "seven leading industrial nations"
        if (i > 0 && (t[i - 1].kind == sdk::TokenKind::number || lists.has(i - 1, W::number_words)))
          grp.first = i - 1;
        grp.name = join_tokens(t, grp.first, k + 1, s.text);
        ents.push_back(std::move(grp));
        i = k + 1;
        continue;
      }
      if (k < nt && lists.has(k, W::group_nouns) && k + 1 < nt && is(t[k + 1].lower, "of")) {
        std::size_t q = k + 2;
        if (q < nt && is(t[q].lower, "the")) ++q;
        const Resources::Gazetteer::Form* f3 = nullptr;
        if (q < nt) {
          if (std::size_t len = lists.match(g, t, q, &f3); len && !f3->adjective) {
            RawEntity grp;
            grp.first = i;
            grp.last = q + len;
            grp.kind = EntityKind::group;
            grp.name = join_tokens(t, i, q + len, s.text);
            grp.head = g.head_group_at(t, k) == 1;  // "leaders of the EC"
            const auto& pe = g.entries[f3->entry];
            grp.country = pe.kind == EntityKind::country ? pe.name : pe.country;
            ents.push_back(std::move(grp));
            i = q + len;
            continue;
          }
        }
      }
    }
    // "the ministers", "the deputy ministers": a group named before (resolved below)
    if (entity_word && is(t[i].lower, "the") && i + 1 < nt && !t[i + 1].capitalized) {
      std::size_t k = i + 1;
      while (k < nt && k < i + 4 && !t[k].capitalized && lists.has(k, W::group_modifiers)) ++k;
      if (k < nt && !t[k].capitalized && lists.has(k, W::group_nouns) &&
          !lists.has(k, W::state_groups) &&
          !(k + 1 < nt &&
            (is(t[k + 1].lower, "of") || is(t[k + 1].lower, "from") || is(t[k + 1].lower, "'s")))) {
        RawEntity e;
        e.first = i;
        e.last = k + 1;
        e.kind = EntityKind::group;
        e.group_ref = t[k].lower;
        e.name = join_tokens(t, i, k + 1, s.text);
        ents.push_back(std::move(e));
        i = k + 1;
        continue;
      }
    }
    // "the prime minister's visit": a person named by title alone (resolved below)
    if (entity_word && is(t[i].lower, "the") && i + 1 < nt && lists.has(i + 1, W::title_words) &&
        !lists.has(i + 1, W::honorifics)) {
      std::size_t k = i + 1;
      std::string title;
      while (k < nt && lists.has(k, W::title_words)) {
        append_word(title, t[k].lower);
        ++k;
      }
      const bool named_next = k < nt && t[k].capitalized && t[k].kind == sdk::TokenKind::word;
      // "the industry", "the trade": a portfolio alone names nobody
      const bool role = !lists.has(k - 1, W::title_modifiers);
      // "the major industrialized countries": a rank that opens a group of states
      const bool group = k < nt && !t[k].capitalized &&
                         (lists.has(k, W::group_modifiers) || lists.has(k, W::state_groups));
      if (!named_next && role && !group) {
        RawEntity e;
        e.first = i + 1;
        e.last = k;
        e.kind = EntityKind::person;
        e.title_ref = title;
        e.name = "the " + title;
        e.possessive = k < nt && is(t[k].lower, "'s");
        ents.push_back(std::move(e));
        i = k;
        continue;
      }
    }
    // "will travel to Canada ... While there, he will meet": the place last travelled to
    if (entity_word && is(t[i].lower, "there") && i > 0 && !cx.last_destination.name.empty() &&
        (is(t[i - 1].lower, "while") || is(t[i - 1].lower, "when") || is(t[i - 1].lower, "once"))) {
      RawEntity e = cx.last_destination;
      e.first = i;
      e.last = i + 1;
      e.possessive = e.modifier = false;
      ents.push_back(std::move(e));
      ++i;
      continue;
    }
    if (entity_word && is(t[i].lower, "here") && !cx.dateline_city.empty()) {
      RawEntity e;
      e.first = i;
      e.last = i + 1;
      e.kind = EntityKind::city;
      e.name = cx.dateline_city;
      e.country = cx.dateline_country;
      if (const auto* pe = cx.dateline_place) e.country = pe->country;
      ents.push_back(std::move(e));
      ++i;
      continue;
    }
    const bool pron_subject =
        entity_word && (is(t[i].lower, "he") || is(t[i].lower, "she") || is(t[i].lower, "they"));
    if (pron_subject) {
      RawEntity& e = ents.emplace_back();  // (built in place: a move costs as much)
      e.first = i;
      e.last = i + 1;
      e.pronoun = true;
      e.name = std::string(t[i].lower);
      ++i;
      continue;
    }
    // "her upcoming trip to Singapore": a possessive pronoun before an event noun (a
    // modifier or two between) stands for the person of the sentence before, like "she"
    if (in(W::possessive_pronouns)) {
      std::size_t k = i + 1;
      while (k < nt && k < i + 3 && t[k].kind == sdk::TokenKind::word && !t[k].capitalized &&
             !lists.has(k, W::trip_nouns))
        ++k;
      if (k < nt && lists.has(k, W::trip_nouns)) {
        RawEntity e;
        e.first = i;
        e.last = i + 1;
        e.pronoun = true;
        e.possessive = true;
        e.name = is(t[i].lower, "their") ? "they" : "he";
        ents.push_back(std::move(e));
        ++i;
        continue;
      }
    }
    // a town the gazetteer lacks: "in Lulea, Sweden", or the dateline's ("the Taupo
    // meeting" in a TAUPO story)
    if (t[i].kind == sdk::TokenKind::word && t[i].capitalized && i > 0) {
      std::size_t j = i;
      while (j < nt && j < i + 3 && t[j].kind == sdk::TokenKind::word && t[j].capitalized &&
             !lists.has(j, W::title_words) && !lists.has(j, W::stop_words))
        ++j;
      const auto before = t[i - 1].lower;
      // (the tests of the words around first: most capitalised words are no town)
      const bool placed = j > i && j + 1 < nt && is(t[j].lower, ",") &&
                          (is(before, "in") || is(before, "at") || is(before, "near") ||
                           is(before, "to") || is(before, "from"));
      const bool town_dateline = j > i && !cx.dateline_city.empty() && cx.dateline_place == nullptr;
      bool plain = placed || town_dateline;  // "in September, U.S. ...", "the Cooperation
                                             // Council, Kuwait": no town
      for (std::size_t q = i; q < j && plain; ++q)
        plain = !lists.has(q, W::months_weekdays) && !lists.has(q, W::non_person) &&
                !lists.has(q, W::body_words);
      const std::string* country = nullptr;  // "in Lulea, Sweden"
      if (placed && plain) {
        const Resources::Gazetteer::Form* fc = nullptr;
        if (lists.match(g, t, j + 1, &fc) && !fc->adjective &&
            g.entries[fc->entry].kind == EntityKind::country)
          country = &g.entries[fc->entry].name;
      }
      const bool dateline_town =
          town_dateline && plain && join_tokens(t, i, j, s.text) == cx.dateline_city;
      if ((country && !country->empty()) || dateline_town) {
        RawEntity e;
        if (dateline_town) e.country = cx.dateline_country;
        else
          e.country = *country;
        e.first = i;
        e.last = j;
        e.kind = EntityKind::city;
        e.name = join_tokens(t, i, j, s.text);
        if (j < nt && is(t[j].lower, "'s")) e.possessive = true;
        ents.push_back(std::move(e));
        i = j;
        continue;
      }
    }
    // capitalised run: titles, then a name
    if (t[i].kind == sdk::TokenKind::word && t[i].capitalized) {
      std::size_t j = i;
      while (j < nt) {
        const auto& tk = t[j];
        const Resources::Gazetteer::Form* f2 = nullptr;
        if (j > i && lists.match(g, t, j, &f2) && !lists.has(j, W::title_words)) break;
        if (tk.kind == sdk::TokenKind::word && tk.capitalized) {
          ++j;
        } else if (tk.kind == sdk::TokenKind::word && lists.has(j, W::particles) && j > i &&
                   j + 1 < nt && t[j + 1].capitalized) {
          ++j;
        } else if (is(tk.lower, "-") && j > i && j + 1 < nt && t[j + 1].capitalized &&
                   t[j - 1].span.end == tk.span.begin) {
          ++j;
        } else if (is(tk.lower, ".") && j > i && t[j - 1].text.size() == 1 &&
                   t[j - 1].capitalized && j + 1 < nt && t[j + 1].capitalized &&
                   t[j - 1].span.end == tk.span.begin) {
          ++j;  // "Joseph R. Biden"
        } else if ((is(tk.lower, "and") || is(tk.lower, "&")) && j > i && t[j - 1].capitalized &&
                   j + 1 < nt && t[j + 1].capitalized && t[j + 1].kind == sdk::TokenKind::word) {
          // "Secretary of Trade and Industry Jose Concepcion": a title's portfolio;
          // "Trade and Technology Council": a body's name
          // the portfolio: "of" a word or two before, a title word after
          bool title_of = false;
          for (std::size_t q = j >= 3 ? j - 3 : 0; q < j; ++q)
            title_of =
                title_of || (q > i && is(t[q].lower, "of") && lists.has(q - 1, W::title_words));
          title_of = title_of && lists.has(j + 1, W::title_words);
          // a body: no person's title in the run ("President Ashraf Ghani and High Council")
          bool titled_run = false;
          for (std::size_t q = i; q < j; ++q)
            titled_run =
                titled_run || (lists.has(q, W::title_words) && !lists.has(q, W::title_modifiers));
          bool body_ahead = false;
          for (std::size_t q = j + 1; q < nt && q < j + 4 && t[q].capitalized; ++q)
            body_ahead = body_ahead || lists.has(q, W::body_words);
          body_ahead = body_ahead && !titled_run;
          if (!title_of && !body_ahead) break;
          ++j;
        } else if (is(tk.lower, ".") && j > i && lists.has(j - 1, W::title_words) &&
                   t[j - 1].span.end == tk.span.begin && j + 1 < nt && t[j + 1].capitalized &&
                   t[j + 1].kind == sdk::TokenKind::word) {
          ++j;  // "Director-General Dr. Tedros", "Gen. Lloyd Austin": an abbreviated title
        } else if ((is(tk.lower, "of") || is(tk.lower, "for") || is(tk.lower, "to") ||
                    is(tk.lower, "the")) &&
                   j > i && lists.has(j - 1, W::title_words) && j + 1 < nt &&
                   t[j + 1].capitalized) {
          ++j;  // "Secretary of State", "Envoy to the Middle East"
        } else {
          break;
        }
      }
      // "George Shultz and Soviet ...": a joining word the run took ends no name
      // nor does a function word the run took before a place ("Party of Japan",
      // "Representative for U.S.-Africa ...")
      while (j > i + 1 &&
             (is(t[j - 1].lower, "and") || is(t[j - 1].lower, "&") || is(t[j - 1].lower, "of") ||
              is(t[j - 1].lower, "for") || is(t[j - 1].lower, "to") || is(t[j - 1].lower, "the") ||
              is(t[j - 1].lower, ".")))
        --j;
      // strip stop words and titles at the front
      std::size_t b = i;
      std::string title;
      while (b < j &&
             (lists.has(b, W::stop_words) || lists.has(b, W::title_words) || is(t[b].lower, "of") ||
              is(t[b].lower, "to") || is(t[b].lower, "the") || is(t[b].lower, "for") ||
              is(t[b].lower, ".") || (b > i && is(t[b].lower, "and")))) {
        if (lists.has(b, W::title_words))
          append_word(title, t[b].lower);
        ++b;
      }
      // "National Cyber Director Chris Inglis": the name follows the last title word
      // (a name opens with a capitalised word: "Party of" names nobody)
      for (std::size_t k = j; k > b + 1; --k) {
        if (lists.has(k - 1, W::title_words) && !lists.has(k - 1, W::honorifics) && k < j &&
            t[k].capitalized && t[k].kind == sdk::TokenKind::word) {
          for (std::size_t q = b; q < k; ++q)
            if (lists.has(q, W::title_words))
              append_word(title, t[q].lower);
          b = k;
          break;
        }
      }
      // "Director-General Dr. Tedros": an honorific and its period after the last title
      while (b < j && (lists.has(b, W::honorifics) || (is(t[b].lower, ".") && b > i))) {
        if (!is(t[b].lower, ".")) append_word(title, t[b].lower);
        ++b;
      }
      // "Politburo Member", "Secretary": title words alone name nobody
      {
        bool bare = b < j;
        for (std::size_t k = b; k < j && bare; ++k)
          bare = t[k].kind != sdk::TokenKind::word || is(t[k].lower, "-") ||
                 lists.has(k, W::title_words);
        if (bare) b = j;
      }
      // lower-case titles right before the run: "foreign policy adviser, Yuri Ushakov"
      if (title.empty() && i > 0) {
        std::size_t k = i;
        if (k > 0 && is(t[k - 1].lower, ",")) --k;
        while (k > 0 && lists.has(k - 1, W::title_words) && !t[k - 1].capitalized) {
          title = std::string(t[k - 1].lower) + (title.empty() ? "" : " ") + title;
          --k;
        }
      }
      bool months = true;
      bool nonperson = false;
      for (std::size_t k = b; k < j; ++k) {
        if (!lists.has(k, W::months_weekdays)) months = false;
        if (lists.has(k, W::non_person)) nonperson = true;
      }
      // "... Foreign Affairs Commission Yang Jiechi": a name after the body's name
      if (nonperson) {
        std::size_t last_np = b;
        for (std::size_t k = b; k < j; ++k)
          if (lists.has(k, W::non_person)) last_np = k;
        std::size_t rest = 0;
        for (std::size_t k = last_np + 1; k < j; ++k)
          if (t[k].kind == sdk::TokenKind::word && t[k].capitalized) ++rest;
        bool titled_rest = false;
        for (std::size_t k = last_np + 1; k < j; ++k)
          titled_rest = titled_rest || lists.has(k, W::title_words);
        if (rest >= 2 && rest == j - last_np - 1 && !titled_rest) {
          b = last_np + 1;
          nonperson = false;
          if (title.empty()) title = "official";
        }
      }
      std::size_t words = 0;
      for (std::size_t k = b; k < j; ++k)
        if (t[k].kind == sdk::TokenKind::word && !is(t[k].lower, "-")) ++words;
      // "Coal Transition Accelerator": capitalised common words only make no name
      if (title.empty() && words >= 2 && !g.common_words.empty()) {
        bool all_common = true;
        for (std::size_t k = b; k < j && all_common; ++k)
          if (t[k].kind == sdk::TokenKind::word && !is(t[k].lower, "-"))
            all_common = g.common_words.count(t[k].lower) > 0;
        if (all_common) nonperson = true;
      }
      if (b < j && !months && !nonperson && (words >= 2 || !title.empty() || words == 1)) {
        RawEntity& e = ents.emplace_back();  // (built in place: a move costs as much)
        e.first = b;
        e.last = j;
        e.kind = EntityKind::person;
        e.name = join_tokens(t, b, j, s.text);
        // "Joseph R. Biden, Jr.": the suffix is part of the name wherever it is named
        if (j + 1 < nt && is(t[j].lower, ",") && lists.has(j + 1, W::name_suffixes))
          cx.suffix_of[e.name] =
              join_tokens(t, j, j + 2 + (j + 2 < nt && is(t[j + 2].lower, ".")), s.text);
        e.titled = !title.empty();
        e.title = std::move(title);
        if (e.titled) {
          static thread_local std::vector<std::string_view> tw;  // (its room kept)
          split_word_views(e.title, tw);
          // (until a head's title is found: nothing else is read here)
          for (const auto& hp : g.head_title_phrases) {
            if (e.head) break;
            if (hp.empty() || tw.size() < hp.size()) continue;
            for (std::size_t k = 0; k + hp.size() <= tw.size() && !e.head; ++k) {
              if (std::equal(hp.begin(), hp.end(), tw.begin() + k)) {
                const bool demoted = k > 0 && (tw[k - 1] == "vice" || tw[k - 1] == "deputy" ||
                                               tw[k - 1] == "crown" || tw[k - 1] == "former");
                if (!demoted) e.head = true;
              }
            }
          }
        }
        if (j < nt && is(t[j].lower, "'s")) e.possessive = true;
        // single words are names only when titled or known (decided in pass 2)
        e.adjective = (words == 1 && !e.titled);  // reused: "needs confirmation"
      } else if (nonperson && !months && i < j) {
        // "the entire 17-man Commission", "the Trade and Technology Council": a public body
        // the gazetteer does not know, named as written
        bool body = false;
        for (std::size_t k = i; k < j; ++k) body = body || lists.has(k, W::body_words);
        std::size_t from = i;
        while (from < j && (lists.has(from, W::stop_words) || is(t[from].lower, "the"))) ++from;
        // "the 17-man Commission": a number-word compound before the name belongs to it
        if (from == i && i >= 3 && t[i - 3].kind == sdk::TokenKind::number &&
            is(t[i - 2].lower, "-") && t[i - 1].kind == sdk::TokenKind::word)
          from = i - 3;
        // "Office of Political Outreach": a lone body word before "of" heads a longer
        // name the run could not take, and names no body by itself
        const bool head_only = from + 1 == j && j < nt && is(t[j].lower, "of");
        if (body && from < j && !head_only) {
          RawEntity e;
          e.first = from;
          e.last = j;
          e.kind = EntityKind::organization;
          e.name = join_tokens(t, from, j, s.text);
          e.country = "?";  // a body of some state or union, not intergovernmental by itself
          if (j < nt && is(t[j].lower, "'s")) e.possessive = true;
          ents.push_back(std::move(e));
        }
      }
      i = std::max(j, i + 1);
      continue;
    }
    ++i;
  }
}

}  // namespace

DocumentAnalysis::DocumentAnalysis(const Document& doc, std::shared_ptr<const Resources> res,
                                   bool entities, const SentenceGate& gate, ClausesRead clauses)
    : doc_(doc),
      res_(std::move(res)),
      entities_(entities),
      every_clause_(clauses == ClausesRead::every_sentence) {
  if (entities_ && !res_->entities)
    throw std::logic_error("entities asked of resources loaded without them");
  analyze(&gate);
}

DocumentAnalysis::~DocumentAnalysis() {
  SpareStorage& spare = spare_storage();
  if (sentences_.size() <= kMaxSpareSentences && spare.sentences.empty()) {
    // (those past sentence_count_ are empty already)
    for (std::size_t k = 0; k < sentence_count_ && k < sentences_.size(); ++k)
      empty_for_reuse(sentences_[k]);
    spare.sentences = std::move(sentences_);
  }
  if (name_block_ && !spare.name_block) spare.name_block = std::move(name_block_);
  if (entities_) {
    if (word_ids_.capacity() <= kMaxSpareTokens && spare.all_word_ids.capacity() == 0)
      spare.all_word_ids = std::move(word_ids_);
    if (word_ids_at_.capacity() <= kMaxSpareSentences && spare.word_ids_at.capacity() == 0)
      spare.word_ids_at = std::move(word_ids_at_);
  }
  if (tokens_.capacity <= kMaxSpareTokens && !spare.document_tokens.lower)
    spare.document_tokens = std::move(tokens_);
}

std::string_view DocumentAnalysis::intern(std::string_view s) {
  if (s.empty()) return std::string_view("", 0);
  if (s.size() > name_room_) {
    // the first block (the last analysis' when it left one), else a block of its own for
    // a long name or a fresh one (the last one's room is left)
    const std::size_t size = std::max(s.size(), kNameBlock);
    if (!name_block_ && size == kNameBlock) {
      name_block_ = first_name_block(size);
      name_at_ = name_block_.get();
    } else {
      name_at_ = more_name_blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size)).get();
    }
    name_room_ = size;
  }
  char* const at = name_at_;
  std::memcpy(at, s.data(), s.size());
  name_at_ += s.size();
  name_room_ -= s.size();
  return {at, s.size()};
}

const AnalyzedSentence& DocumentAnalysis::with_clauses(std::size_t si) const {
  AnalyzedSentence& s = sentences_[si];
  if (!s.clauses_read) {
    const auto& t = s.tokens.tokens;
    const auto& rules = res_->gazetteer->clause_rules;
    const detail::SentenceHashes hashes(t.data(), t.size(), s.tokens.hashes);
    if (si < word_ids_at_.size())  // (with entities)
      detail::read_clauses(t, rules, word_ids_.data() + word_ids_at_[si], s.clauses, s.clause_verb,
                           s.clause_negated);
    else
      detail::read_clauses(t, rules, s.clauses, s.clause_verb, s.clause_negated);
    s.clauses_read = true;
    s.view.clauses = {s.clauses.data(), s.clauses.size()};
  }
  return s;
}

bool DocumentAnalysis::is_actor(const sdk::Entity& e) {
  return e.kind == EntityKind::person || e.kind == EntityKind::group ||
         e.kind == EntityKind::organization;
}

void DocumentAnalysis::analyze(const SentenceGate* gate) {
  SpareStorage& spare = spare_storage();
  const auto& g = *res_->gazetteer;
  const std::string_view text = doc_.text;
  // (the containers below are the last analysis' of this thread, when it left them)
  std::vector<TokenList> sentence_tokens = std::move(spare.sentence_tokens);
  tokens_ = std::move(spare.document_tokens);
  const auto spans = split_sentences(text, res_->segmenter, tokens_, sentence_tokens);
  // (the gate: a document none of whose sentences can yield anything is read no further)
  if (gate != nullptr && *gate) {
    passed_gate_ = false;
    for (std::size_t si = 0; si < spans.size() && !passed_gate_; ++si) {
      if (spans[si].heading) continue;
      const auto& list = sentence_tokens[si];
      const detail::SentenceHashes hashes(list.tokens.data(), list.tokens.size(), list.hashes);
      passed_gate_ = (*gate)(list.tokens);
      gate_opened_at_ = si;
    }
    if (!passed_gate_) {
      if (sentence_tokens.size() <= kMaxSpareSentences) {
        sentence_tokens.clear();
        spare.sentence_tokens = std::move(sentence_tokens);
      }
      return;
    }
  }
  // dateline city: "ALGIERS, March 4" or a leading "ALGIERS, March 4 -" (entities only)
  if (entities_) {
    std::string_view dl = doc_.dateline;
    if (dl.empty()) {
      std::size_t k = 0;
      while (k < text.size() && (std::isupper(static_cast<unsigned char>(text[k])) ||
                                 text[k] == ' ' || text[k] == '.' || text[k] == '\'' ||
                                 text[k] == '-'))
        ++k;
      if (k >= 3 && k < text.size() && text[k] == ',') dl = text.substr(0, k);
    }
    auto comma = dl.find(',');
    std::string_view city = dl.substr(0, comma);
    while (!city.empty() && city.back() == ' ') city.remove_suffix(1);
    static thread_local std::string low;  // (its room kept from document to document)
    low.assign(city);
    std::transform(low.begin(), low.end(), low.begin(), ::tolower);
    auto it = g.by_lower_name.find(low);
    if (it != g.by_lower_name.end()) {
      dateline_city_ = g.entries[it->second].name;
    } else if (!city.empty() && city.size() <= 40 && city.find_first_of("0123456789") == std::string::npos) {
      // a town the gazetteer lacks ("TAUPO, New Zealand, March 20"): its name as written,
      // in title case, and the country that follows it when that is one
      std::string name;
      bool start = true;
      for (char ch : city) {
        name += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch)))
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        start = ch == ' ' || ch == '-';
      }
      dateline_city_ = name;
      if (comma != std::string::npos) {
        const std::string_view rest = dl.substr(comma + 1);
        auto c2 = rest.find(',');
        std::string_view country = rest.substr(0, c2);
        while (!country.empty() && country.front() == ' ') country.remove_prefix(1);
        while (!country.empty() && country.back() == ' ') country.remove_suffix(1);
        if (const auto* pe = res_->place(country); pe && pe->kind == EntityKind::country)
          dateline_country_ = pe->name;
      }
    }
  }

  std::size_t over_limit = 0;  // sentences with more than max_sentence_timexes expressions
  std::pair<std::size_t, std::size_t> first_over;  // its byte offset and expression count
  sentences_ = std::move(spare.sentences);
  sentence_count_ = spans.size();
  // the sentences a shorter document leaves stay where they are, emptied, past
  // sentence_count_, for a longer one: no sentence moves, none is made or destroyed again
  if (sentences_.size() < spans.size()) sentences_.resize(spans.size());
  Anchor anchor;
  anchor.publication = doc_.published.value_or(date::sys_days{});
  std::vector<std::vector<RawEntity>> raw = std::move(spare.raw);
  raw.resize(entities_ ? spans.size() : 0);
  std::unordered_map<std::string, std::string> suffix_of;  // "Joseph R. Biden" -> ", Jr."
  RawEntity last_destination;  // the place a traveller last went "to": "While there, ..."
  // every sentence's tokens' word numbers (ClauseRules::word_ids), in word_ids_ from
  // word_ids_at_[si] on (n + 1 for n tokens; the room for all of them made once)
  if (entities_) {
    word_ids_ = std::move(spare.all_word_ids);
    word_ids_at_ = std::move(spare.word_ids_at);
    word_ids_at_.resize(spans.size());
    std::size_t at = 0;
    for (std::size_t si = 0; si < spans.size(); ++si) {
      word_ids_at_[si] = at;
      at += sentence_tokens[si].tokens.size() + 1;
    }
    word_ids_.resize(at);
  }
  const EntityContext context{
      *res_,     dateline_city_,   dateline_country_,
      suffix_of, last_destination, entities_ ? res_->place(dateline_city_) : nullptr};

  // (each reading of a tense: with every sentence's clauses read, or tracing)
  const bool every_tense = (entities_ && every_clause_) || detail::debug_trace();
  // an expression as the story around it reads it, when that differs from the grammar's
  // reading (few do: made once here, not for each expression)
  RelativeDate read_as;
  for (std::size_t si = 0; si < spans.size(); ++si) {
    anchor.day_in_sentence = false;  // (a bare clock time takes only its sentence's day)
    auto& s = sentences_[si];
    s.span = spans[si];
    s.text = text.substr(s.span.begin, s.span.end - s.span.begin);
    s.tokens = std::move(sentence_tokens[si]);
    const auto& t = s.tokens.tokens;
    const detail::SentenceHashes hashes(t.data(), t.size(),
                                        s.tokens.hashes);  // shared by grammar and clauses
    // (the tokens' word numbers serve the grammar, the clause reader and the entity
    // passes' lists)
    std::uint32_t* const word_ids = entities_ ? word_ids_.data() + word_ids_at_[si] : nullptr;
    if (entities_) g.clause_rules.word_ids(t, word_ids);
    // temporal expressions
    if (word_ids && !g.start_id_by_word.empty())
      res_->grammar->tag(t, word_ids, g.start_id_by_word.data(), s.matches);
    else
      res_->grammar->tag(t, s.matches);
    if (s.matches.size() > res_->max_sentence_timexes) {
      if (over_limit++ == 0) first_over = {s.span.begin, s.matches.size()};
      s.matches.resize(res_->max_sentence_timexes);
    }
    // clauses: with entities, read in every sentence (ClausesRead::every_sentence) or
    // where needed; temporal mentions alone (`timex`) only in a sentence where the reading
    // of an expression depends on the tense of its clause, when the first such expression
    // asks
    bool clauses_read = false;
    auto read_sentence_clauses = [&] {
      if (entities_)
        detail::read_clauses(t, g.clause_rules, word_ids, s.clauses, s.clause_verb,
                             s.clause_negated);
      else
        detail::read_clauses(t, g.clause_rules, s.clauses, s.clause_verb, s.clause_negated);
      clauses_read = true;
    };
    if (every_tense && (entities_ || !s.matches.empty())) read_sentence_clauses();
    // "He was soon released", "cash that soon became a flood": "soon" before a past verb
    // in a past clause is shortly after the act told before it, not a time of its own
    if (!s.matches.empty())
      std::erase_if(s.matches, [&](const TimexMatch& m) {
        if (!(m.last_token == m.first_token + 1 && m.last_token < t.size() &&
              g.has(W::narrative_adverbs, t[m.first_token].lower) &&
              g.clause_rules.is_past_form(t, m.last_token)))
          return false;
        if (!clauses_read) read_sentence_clauses();
        return !s.clauses.empty() &&
               s.clauses[detail::clause_of(s.clauses, m.first_token)].tense == Tense::past;
      });
    // "In the second half, Hwang Hee-Chan was booked" a few sentences after "open the
    // scoring in the first half": a half of the game the story tells, no half-year (the
    // grammar looks for a game in the expression's own sentence)
    if (!s.matches.empty())
      std::erase_if(s.matches, [&](const TimexMatch& m) {
        const RelativeDate& r = *m.rel;
        if (!(r.kind == RelativeDate::Kind::calendar && r.half && !r.year && !r.year_shift &&
              r.shift == Shift::none))
          return false;
        // (two different words of it: "reached its goal in 1986" alone is no game, nor
        // "goals" twice in a business story)
        std::string_view first_cue;
        for (std::size_t back = 1; back <= kGameSentences && back <= si; ++back)
          for (const auto& w : sentences_[si - back].tokens.tokens)
            if (g.has(W::game_half_cues, w.lower)) {
              if (first_cue.empty())
                first_cue = w.lower;
              else if (w.lower != first_cue)
                return true;
            }
        return false;
      });
    if (clauses_read && !every_tense && !entities_) {
      // (read for that test only: `timex` keeps clauses only where a reading asks for them)
      s.clauses.clear();
      s.clause_verb.clear();
      s.clause_negated.clear();
      clauses_read = false;
    }
    s.timexes.reserve(s.matches.size());
    const TimexMatch* prev_match = nullptr;  // the expression before this one in the sentence
    for (const auto& m : s.matches) {
      // (made in place: reserved above, the vector does not move while it is filled)
      TimexResult& tr = s.timexes.emplace_back();
      tr.begin = s.span.begin + t[m.first_token].span.begin;
      tr.end = s.span.begin + t[m.last_token - 1].span.end;
      tr.text.assign(text.substr(tr.begin, tr.end - tr.begin));
      tr.type = m.type;
      const bool tense_read =
          every_tense || (doc_.published && detail::resolution_reads_tense(*m.rel, anchor));
      if (tense_read && !clauses_read) read_sentence_clauses();
      tr.tense = s.clauses.empty()
                     ? Tense::none
                     : s.clauses[detail::clause_of(s.clauses, m.first_token)].tense;
      // a date that qualifies an event noun ("will follow up on the September 9 call",
      // "the June Summit decisions") is not placed by the clause's future: the nearest wins
      const auto modality = s.clauses.empty()
                                ? sdk::Modality::none
                                : s.clauses[detail::clause_of(s.clauses, m.first_token)].modality;
      if (tr.tense == Tense::future || modality == sdk::Modality::cancelled ||
          modality == sdk::Modality::postponed) {
        std::size_t k = m.last_token;
        if (k < t.size() && is(t[k].lower, "'s")) ++k;
        bool weekday = false;  // "Tuesday's meeting will ...": a weekday keeps the clause's tense
        for (std::size_t q = m.first_token; q < m.last_token; ++q)
          weekday = weekday || g.has(W::weekdays, t[q].lower);
        if (!weekday && k < t.size() && g.has(W::event_nouns, t[k].lower)) tr.tense = Tense::none;
      }
      // "discussed preparations for the June 29-30 NATO Summit", "plans for a summit in
      // June": the date of an event someone prepares for is not placed by the past of the
      // clause that tells the preparing; the nearest reading wins
      // ("said the premiers could meet in June": the modal's, not the reporting verb's past,
      // when the modal stands before the time with no past form between)
      bool modal_before = false;
      if (modality == sdk::Modality::speculative) {
        const auto& cr = g.clause_rules;
        const auto& cl = s.clauses[detail::clause_of(s.clauses, m.first_token)];
        for (std::size_t q = cl.first_token; q < m.first_token; ++q) {
          if (cr.speculative_ix.at(t, q, m.first_token) > 0 ||
              cr.weak_speculative.contains(t[q].lower))
            modal_before = true;
          else if (modal_before && (cr.is_past_form(t, q) || cr.perfect.contains(t[q].lower)))
            modal_before = false;
        }
      }
      if (tr.tense == Tense::past &&
          (modal_before || anticipated_event(t, m.first_token, m.last_token, g) < t.size()))
        tr.tense = Tense::none;
      // a future told in the past: "In January Shultz told the Senate there would be no
      // more transfers", "on May 13, Keating said the deficit would be ...": a time before
      // the past reporting verb dates the telling; "was scheduled to be signed in
      // mid-February but was postponed": a month just gone (the one before the
      // publication's, or a day of it) is that one, not next year's (the writer says
      // "next February" eleven months ahead)
      if (tr.tense == Tense::future && !s.clauses.empty())
        tr.tense = future_in_past_tense(t, s.clauses[detail::clause_of(s.clauses, m.first_token)],
                                        m, anchor.publication, g.clause_rules);
      if (!tense_read) tr.tense = Tense::none;  // (clauses read for another expression)
      if (detail::debug_trace()) {
        std::fprintf(stderr, "[debug] timex '%s' tense=%d tokens=%zu-%zu clauses:", tr.text.c_str(),
                     static_cast<int>(tr.tense), m.first_token, m.last_token);
        for (const auto& c : s.clauses)
          std::fprintf(stderr, " [%zu,%zu)t%d", c.first_token, c.last_token, static_cast<int>(c.tense));
        std::fprintf(stderr, "\n");
      }
      if (doc_.published) {
        // the expression as the story around it reads it
        const RelativeDate* rel = m.rel.get();
        // "That April, Mexican forces ...", "scars from that July evening": a month with no
        // year after "that" is one of the year the story tells (the one it moved to, else
        // the one of the last month it named), not of the publication's
        if (rel->kind == RelativeDate::Kind::calendar && rel->month && !rel->year &&
            !rel->year_shift && rel->shift == Shift::none && m.first_token > 0 &&
            g.has(W::story_month_leads, t[m.first_token - 1].lower) &&
            (m.last_token >= t.size() || t[m.last_token].kind == sdk::TokenKind::punct ||
             g.has(W::story_month_nouns, t[m.last_token].lower)) &&
            (anchor.undated_year || anchor.last_month)) {
          read_as = *rel;
          read_as.year = static_cast<int>(anchor.undated_year ? *anchor.undated_year
                                                               : anchor.last_month->year());
          rel = &read_as;
        }
        // "On this day 30 years ago, ...": the publication's day that many years back (Feb.
        // 29 in a year without one: the last day of February), as "30 years ago today"
        std::size_t lead = m.first_token;
        if (lead > 0 && is(t[lead - 1].lower, ",")) --lead;
        if (rel->kind == RelativeDate::Kind::offset && rel->unit == Unit::year &&
            rel->direction == Direction::backward && rel->anchor == AnchorRef::publication &&
            rel->count.value_or(0) > 0 && *rel->count < 10000 && !rel->reporting && !rel->clock &&
            rel->part == PartOfDay::none && lead >= 2 && is(t[lead - 2].lower, "this") &&
            g.has(W::anniversary_day_nouns, t[lead - 1].lower)) {
          const date::year_month_day p{anchor.publication};
          date::year_month_day d{p.year() - date::years{*rel->count}, p.month(), p.day()};
          if (!d.ok()) d = date::year_month_day{d.year() / d.month() / date::last};
          read_as = RelativeDate{};
          read_as.year = static_cast<int>(d.year());
          read_as.month = static_cast<unsigned>(d.month());
          read_as.day = static_cast<unsigned>(d.day());
          rel = &read_as;
        }
        tr.resolved = resolve(*rel, anchor, tr.tense);
        if (!in_calendar(tr.resolved)) {
          tr.resolved = Resolved{};  // (no window, granularity unknown)
          tr.resolved.value = "XXXX";
        }
        const auto undated = std::pair{anchor.undated_year, anchor.undated_month};
        advance_anchor(*rel, tr.resolved, anchor,
                       prev_match && prev_match->last_token == m.first_token ? prev_match->rel.get()
                                                                             : nullptr);
        // "the worst fall since 1987", "after the 1987 crash": a year to compare with or
        // that names an event; the story does not move there ("that day" is not in it)
        if (anchor.undated_year && m.first_token > 0 &&
            g.has(W::point_of_comparison_leads, t[m.first_token - 1].lower))
          std::tie(anchor.undated_year, anchor.undated_month) = undated;
      }
      prev_match = &m;
    }
    s.clauses_read = clauses_read;
    // no spans, entities or plugin views for temporal mentions alone (the branch hint keeps
    // the compiler's inlining in the entity passes as it was)
    if (!entities_) [[unlikely]]
      continue;
    // the lists each token's word is in, found once for the pass below
    const TokenLists lists{word_ids, g.bits_by_word.data()};
    find_spans(s);
    // entities, first pass
    auto& ents = raw[si];
    ents.reserve(4);  // (most sentences name a few: fewer reallocations; 8 costs more)
    find_entities(s, lists, context, ents);
  }
  if (over_limit > 0)
    warnings_.push_back(std::to_string(over_limit) + " sentence(s) hold more than " +
                        std::to_string(res_->max_sentence_timexes) +
                        " temporal expressions (the first at byte " +
                        std::to_string(first_over.first) + ", with " +
                        std::to_string(first_over.second) + "); only the first " +
                        std::to_string(res_->max_sentence_timexes) +
                        " of each are read (limits.timexes_per_sentence in " +
                        (res_->dir / "text.yaml").string() + ")");
  // (the work vectors for the next analysis: the sentences' tokens were moved out)
  if (sentence_tokens.size() <= kMaxSpareSentences) {
    sentence_tokens.clear();
    spare.sentence_tokens = std::move(sentence_tokens);
  }
  if (!entities_) [[unlikely]]
    return;

  // pass 2: names. Full names (two words or more) are the canonical forms.
  // full names (two words or more), sorted by last word, then by name, each once, head if
  // any mention was; their words in a store of this thread's (the mentions' own names
  // change below), kept with the lists below from document to document
  struct FullName {
    std::string_view name, last;  // (in `store`) the name and its last word
    bool head;
  };
  static thread_local std::string store;
  static thread_local std::vector<FullName> full_names;
  auto full = [](const RawEntity& e) {
    return e.kind == EntityKind::person && !e.pronoun && e.name.find(' ') != std::string::npos;
  };
  static thread_local std::vector<std::size_t> name_ends;  // in `store`, name by name
  store.clear();
  full_names.clear();
  name_ends.clear();
  for (const auto& ents : raw)
    for (const auto& e : ents)
      if (full(e)) {
        store += e.name;
        name_ends.push_back(store.size());
        full_names.push_back({{}, {}, e.head});
      }
  // (the views once every name is in: the store moves no more)
  for (std::size_t k = 0, at = 0; k < full_names.size(); at = name_ends[k++]) {
    const std::string_view name = std::string_view(store).substr(at, name_ends[k] - at);
    full_names[k].name = name;
    full_names[k].last = name.substr(name.rfind(' ') + 1);
  }
  std::sort(full_names.begin(), full_names.end(), [](const FullName& x, const FullName& y) {
    return x.last != y.last ? x.last < y.last : x.name < y.name;
  });
  fold_runs(
      full_names, [](const FullName& x, const FullName& y) { return x.name == y.name; },
      [](FullName& x, const FullName& y) { x.head = x.head || y.head; });
  // each last word of the full names, once, with the run of full_names that ends with it
  // (in the order of full_names)
  struct LastWord {
    std::string_view last;
    std::size_t begin, end;
  };
  static thread_local std::vector<LastWord> last_words;
  last_words.clear();
  for (std::size_t k = 0; k < full_names.size(); ++k) {
    if (last_words.empty() || last_words.back().last != full_names[k].last)
      last_words.push_back({full_names[k].last, k, k});
    last_words.back().end = k + 1;
  }
  // the full names with last word `w` (a document names a few: looked through in turn, most
  // differing in their length, else searched)
  auto with_last = [&](std::string_view w) -> std::span<const FullName> {
    const LastWord* found = nullptr;
    if (last_words.size() <= 16) {
      for (const LastWord& l : last_words)
        if (l.last.size() == w.size() && l.last == w) {
          found = &l;
          break;
        }
    } else {
      auto it = std::lower_bound(last_words.begin(), last_words.end(), w,
                                 [](const LastWord& l, std::string_view x) { return l.last < x; });
      if (it != last_words.end() && it->last == w) found = &*it;
    }
    if (!found) return {};
    return {full_names.data() + found->begin, found->end - found->begin};
  };
  // The fullest form of a name in the article: the longest full name with the same last
  // word that holds this mention's first word. When two different people share the
  // surname ("President Reagan", "Nancy Reagan"), a title settles it, else the mention
  // stays as written.
  // (the fuller name, in the store; none (no data): the name as written. `ends_some`: some
  // full name ends with the mention's last word)
  static thread_local std::vector<std::pair<std::string_view, bool>> cands, heads;
  auto canonical = [&](const std::string& name, bool& head, bool titled,
                       bool& ends_some) -> std::string_view {
    const auto bucket = with_last(std::string_view(name).substr(name.rfind(' ') + 1));
    ends_some = !bucket.empty();
    if (bucket.empty()) return {};
    const std::string_view fw = std::string_view(name).substr(0, name.find(' '));
    cands.clear();
    for (const FullName& full : bucket) {
      const std::string_view f = full.name;
      const bool h = full.head;
      if (f.size() <= name.size()) continue;
      if (f.find(fw) == std::string_view::npos) continue;
      // "President Reagan" is not "Nancy Reagan": a head of state's title must agree
      if (titled && h != head) continue;
      bool dup = false;
      for (auto& c : cands)
        if (c.first == f || c.first.find(f) != std::string_view::npos ||
            f.find(c.first) != std::string_view::npos) {
          if (f.size() > c.first.size()) c.first = f;
          c.second = c.second || h;
          dup = true;
        }
      if (!dup) cands.emplace_back(f, h);
    }
    if (cands.empty()) return {};
    if (cands.size() > 1) {
      heads.clear();
      for (const auto& c : cands)
        if (c.second == head) heads.push_back(c);
      if (heads.size() != 1) return {};
      cands.swap(heads);
    }
    if (cands[0].second) head = true;
    return cands[0].first;
  };
  // "Lim" for "Lim Keng Yaik", "Li" for "Li Peng": a family name written first. Only a
  // word that starts exactly one full name and ends none.
  // (the full names are looked through for each such word: a few a document; `ends_some`
  // as canonical() gave it for the word)
  auto family_first = [&](const std::string& name, bool ends_some) -> std::string_view {
    if (ends_some || name.find(' ') != std::string::npos) return {};
    std::string_view only;  // the full name that starts with `name`
    for (const FullName& full : full_names) {
      const std::string_view f = full.name;
      if (f.size() > name.size() && f[name.size()] == ' ' && f.starts_with(name)) {
        if (only.data()) return {};
        only = f;
      }
    }
    if (!only.data()) return {};
    std::string low = name;  // "Advisors", "Rich": a common word is no family name
    std::transform(low.begin(), low.end(), low.begin(), ::tolower);
    if (g.common_words.count(low)) return {};
    return only;
  };
  // "President Reagan ... Reagan, who will hold talks": a one-word name the article gives
  // with a title is a known surname too; not a common word ("Secretary Rich"), an acronym
  // ("COVID"), nor a word the article names a place or a body by ("Louisiana")
  std::unordered_set<std::string> titled_single;
  auto names_other = [&](const std::string& name) {  // (looked up for a few words a document)
    for (const auto& ents : raw)
      for (const auto& x : ents)
        if (x.kind != EntityKind::person && x.name == name) return true;
    return false;
  };
  // (a capitalised title right before the name: not "the Governors of Louisiana")
  for (std::size_t si = 0; si < raw.size(); ++si)
    for (const auto& e : raw[si])
      if (e.kind == EntityKind::person && !e.pronoun && e.titled && e.title_ref.empty() &&
          e.name.size() > 1 && e.name.find(' ') == std::string::npos &&
          std::islower(static_cast<unsigned char>(e.name.back())) && e.first > 0 &&
          sentences_[si].tokens.tokens[e.first - 1].capitalized &&
          g.has(W::title_words, sentences_[si].tokens.tokens[e.first - 1].lower) &&
          !names_other(e.name)) {
        std::string low = e.name;
        std::transform(low.begin(), low.end(), low.begin(), ::tolower);
        if (!g.common_words.count(low)) titled_single.insert(e.name);
      }
  // each person's name (the mention's own string: none changes until the removal below)
  // and whether a mention of it was a head's; sorted by name, each once
  static thread_local std::vector<std::pair<std::string_view, bool>> head_of;
  head_of.clear();
  for (auto& ents : raw) {
    for (auto& e : ents) {
      if (e.kind != EntityKind::person || e.pronoun || !e.title_ref.empty()) continue;
      bool head = e.head;
      // (a fuller name is always longer than the mention, so none is the name as written)
      bool ends_some = false;
      std::string_view canon = canonical(e.name, head, e.titled, ends_some);
      if (!canon.data()) canon = family_first(e.name, ends_some);
      if (e.adjective) {  // single untitled word: only a known surname counts
        if (!canon.data() && !titled_single.count(e.name)) {
          e.kind = EntityKind::region;  // marker for removal
          e.name.clear();
          continue;
        }
        e.adjective = false;
      }
      if (canon.data()) e.name = canon;
      head_of.emplace_back(e.name, head);
    }
  }
  std::sort(head_of.begin(), head_of.end());
  fold_runs(
      head_of, [](const auto& x, const auto& y) { return x.first == y.first; },
      [](auto& x, const auto& y) { x.second = x.second || y.second; });
  for (auto& ents : raw)
    for (auto& e : ents)
      if (e.kind == EntityKind::person && !e.pronoun) {
        const auto it = std::lower_bound(
            head_of.begin(), head_of.end(), std::string_view(e.name),
            [](const std::pair<std::string_view, bool>& h, std::string_view n) { return h.first < n; });
        e.head = it != head_of.end() && it->first == e.name && it->second;
      }
  // (after all lookups: the removal moves the mentions, and with them short names)
  for (auto& ents : raw)
    ents.erase(std::remove_if(ents.begin(), ents.end(),
                              [](const RawEntity& e) { return e.name.empty(); }),
               ents.end());

  // "the prime minister" is the last person so titled before it in the article
  {
    struct Titled {
      std::string_view title, name;  // (the mentions', unchanged in this loop)
      bool head;
    };
    static thread_local std::vector<Titled> titled;
    titled.clear();
    for (auto& ents : raw) {
      for (auto& e : ents) {
        if (e.kind != EntityKind::person || e.pronoun) continue;
        if (e.title_ref.empty()) {
          if (!e.title.empty()) titled.push_back({e.title, e.name, e.head});
          continue;
        }
        std::string_view found;
        bool head = false;
        for (auto it = titled.rbegin(); it != titled.rend(); ++it)
          if (holds_words(it->title, e.title_ref)) {
            found = it->name;
            head = it->head;
            break;
          }
        e.name = found;  // empty: removed below
        e.head = head;
        e.pronoun = !found.empty();
      }
    }
    for (auto& ents : raw)
      ents.erase(std::remove_if(ents.begin(), ents.end(),
                                [](const RawEntity& e) { return e.name.empty(); }),
                 ents.end());
  }

  // "the ministers" are the last group of ministers the article named ("EC farm ministers");
  // with none, the group as written
  {
    static thread_local std::vector<std::string_view> named;  // (the mentions' names)
    static thread_local std::string low;
    named.clear();
    for (auto& ents : raw)
      for (auto& e : ents) {
        if (e.kind != EntityKind::group) continue;
        if (e.group_ref.empty()) {
          named.push_back(e.name);
          continue;
        }
        for (auto it = named.rbegin(); it != named.rend(); ++it) {
          low.assign(*it);
          std::transform(low.begin(), low.end(), low.begin(), ::tolower);
          if (holds_words(low, e.group_ref)) {
            e.name = *it;
            e.group_ref = {};  // resolved: a named group
            break;
          }
        }
      }
  }

  // bodies are named as the article names them at its fullest ("Group of Seven", not "G-7")
  {
    std::unordered_map<std::string, std::string> fullest;
    for (std::size_t si = 0; si < raw.size(); ++si)
      for (const auto& e : raw[si])
        if (e.kind == EntityKind::organization && e.country.empty()) {
          const auto& t = sentences_[si].tokens.tokens;
          std::string written = join_tokens(t, e.first, e.last, sentences_[si].text);
          auto& f = fullest[e.name];
          if (written.size() > f.size()) f = written;
        }
    for (auto& ents : raw)
      for (auto& e : ents)
        if (e.kind == EntityKind::organization && e.country.empty() && fullest.count(e.name))
          e.name = fullest[e.name];
  }

  // pass 3: pronouns take the subject of the previous sentence
  // (lists the last analysis of this thread left: emptied, their room kept)
  auto& prev_subjects = spare.prev_subjects;
  auto& prev_single = spare.prev_single;
  // every person the sentence before names (in raw[si - 1], which no longer changes, or
  // in prev_people_kept when a dedupe dropped some of them from it)
  auto& prev_people = spare.prev_people;
  auto& prev_people_kept = spare.prev_people_kept;
  auto& out = spare.out;
  auto& subj = spare.subj;  // (in ents, unchanged until the dedupe below)
  prev_subjects.clear();
  prev_single.clear();
  prev_people.clear();
  prev_people_kept.clear();
  // (a sentence with no pronoun and no group by its noun keeps its entities as they are)
  auto resolves = [](const std::vector<RawEntity>& ents) {
    return std::any_of(ents.begin(), ents.end(), [](const RawEntity& e) {
      return !e.group_ref.empty() || (e.pronoun && e.title_ref.empty());
    });
  };
  // subjects of a sentence: actors before the verb of its first non-reporting clause
  // ("the delegation" does not stand in for the people named before)
  auto actor = [](const RawEntity& e) {
    return (e.kind == EntityKind::person || e.kind == EntityKind::group) && !e.possessive &&
           !e.modifier && e.group_ref.empty();
  };
  auto read_subjects = [&](std::size_t si) {  // into subj
    const auto& s = sentences_[si];
    subj.clear();
    for (std::size_t c = 0; c < s.clauses.size(); ++c) {
      if (s.clauses[c].reporting) continue;
      for (const auto& e : raw[si])
        if (e.first >= s.clauses[c].first_token && e.first < s.clause_verb[c] && actor(e))
          subj.push_back(&e);
      if (!subj.empty()) break;
    }
  };
  // subj, when it holds some, as the subjects the pronouns of the next sentences take
  auto take_subjects = [&] {
    if (subj.empty()) return false;
    prev_subjects.clear();
    prev_single.clear();
    for (const RawEntity* e : subj) {  // (each a person or a group)
      if (e->kind == EntityKind::person && prev_single.empty()) prev_single.push_back(*e);
      prev_subjects.push_back(*e);
    }
    if (prev_subjects.size() == 1) prev_subjects.push_back(prev_subjects[0]);
    // a lone group counts as "they"
    if (subj.size() == 1 && subj[0]->kind == EntityKind::group) prev_single.clear();
    return true;
  };
  // the sentences since the last one whose subjects were taken that name actors but whose
  // clauses are unread (ClausesRead::needed): their subjects are read when a pronoun or
  // group asks for prev_subjects or prev_single, the last one's that has some (their
  // entities do not change until then)
  static thread_local std::vector<std::size_t> unread_subjects;
  unread_subjects.clear();
  auto take_unread_subjects = [&] {
    for (auto j = unread_subjects.rbegin(); j != unread_subjects.rend(); ++j) {
      with_clauses(*j);
      read_subjects(*j);
      if (take_subjects()) break;
    }
    unread_subjects.clear();
  };
  for (std::size_t si = 0; si < raw.size(); ++si) {
    auto& s = sentences_[si];
    auto& ents = raw[si];
    const bool resolve = resolves(ents);
    out.clear();
    if (resolve) out.reserve(ents.size());
    for (auto& e : resolve ? ents : out) {
      // "The leaders agreed ...": with no group of leaders named, the people the sentence
      // before had for subject, when they are two or more
      if (!e.group_ref.empty()) {
        std::vector<const RawEntity*> people;
        auto add_person = [&](const RawEntity& a) {
          bool dup = a.kind != EntityKind::person;
          for (const auto* x : people) dup = dup || x->name == a.name;
          if (!dup) people.push_back(&a);
        };
        // "Biden spoke with Rutte. The leaders agreed ...": the people of the sentence before
        take_unread_subjects();
        if (prev_subjects.size() >= 2 && prev_subjects[0].name != prev_subjects[1].name)
          for (const auto& a : prev_subjects) add_person(a);
        else
          for (const auto* a : prev_people) add_person(*a);
        if (people.size() < 2) {
          out.push_back(e);
          continue;
        }
        for (const auto* a : people) {
          RawEntity r = *a;
          r.first = e.first;
          r.last = e.last;
          r.pronoun = true;
          r.possessive = r.modifier = false;
          out.push_back(std::move(r));
        }
        continue;
      }
      if (!e.pronoun || !e.title_ref.empty()) {
        out.push_back(e);
        continue;
      }
      // "Several members joined President Biden on his trip", "Thatcher left Bonn after
      // talks with Kohl ahead of her visit": a possessive pronoun takes the first person
      // named before it in its sentence
      if (e.possessive && e.name != "they") {
        const RawEntity* near = nullptr;
        for (const auto& x : ents)
          if (!near && !x.pronoun && x.kind == EntityKind::person && x.last <= e.first) near = &x;
        if (near) {
          RawEntity r = *near;
          r.first = e.first;
          r.last = e.last;
          r.pronoun = true;
          r.possessive = true;
          r.modifier = false;
          out.push_back(std::move(r));
          continue;
        }
      }
      // "Miyazawa said he talked with Baker": the speaker of the same sentence
      if (e.name != "they" && e.first >= 1) {
        const auto& tk = s.tokens.tokens;
        std::size_t v = e.first - 1;
        if (is(tk[v].lower, "that") && v >= 1) --v;
        const auto& rv = g.clause_rules.reporting_verbs;
        if (rv.contains(tk[v].lower)) {
          const RawEntity* speaker = nullptr;
          for (const auto& x : ents)
            if (!x.pronoun && x.kind == EntityKind::person && !x.possessive && x.last <= v)
              speaker = &x;
          if (speaker) {
            RawEntity r = *speaker;
            r.first = e.first;
            r.last = e.last;
            r.pronoun = true;
            r.possessive = e.possessive;
            out.push_back(std::move(r));
            continue;
          }
        }
      }
      // "Stoltenberg said he will advise Brazil ... when he is in Washington": a second "he"
      // of the sentence is the person the first one stood for
      if (e.name != "they") {
        const RawEntity* earlier = nullptr;
        for (const auto& x : out)
          if (x.pronoun && x.kind == EntityKind::person && x.group_ref.empty() && x.last <= e.first &&
              e.first >= 1 && x.first < s.tokens.tokens.size() &&
              s.tokens.tokens[x.first].lower == e.name)
            earlier = &x;
        // "Museveni is likely to meet Moi when he pays a visit to Nairobi": after a
        // subordinator, the person the sentence has for subject
        const auto& tk = s.tokens.tokens;
        if (!earlier && e.first >= 1 && g.has(W::pronoun_subordinators, tk[e.first - 1].lower))
          for (const auto& x : ents)
            if (!x.pronoun && x.kind == EntityKind::person && !x.possessive && !x.modifier &&
                x.last < e.first) {
              earlier = &x;
              break;
            }
        if (earlier) {
          RawEntity r = *earlier;
          r.first = e.first;
          r.last = e.last;
          r.pronoun = true;
          out.push_back(std::move(r));
          continue;
        }
      }
      take_unread_subjects();
      const auto& pool = e.name == "they" ? prev_subjects : prev_single;
      if (e.name == "they" && prev_subjects.size() < 2) continue;
      for (const auto& a : pool) {
        RawEntity r = a;
        r.first = e.first;
        r.last = e.last;
        r.pronoun = true;
        r.possessive = e.possessive;
        r.modifier = false;
        out.push_back(std::move(r));
      }
    }
    if (resolve) ents.swap(out);
    // dedupe "they" -> same person twice
    bool any_dup = false;
    for (std::size_t i = 1; i < ents.size() && !any_dup; ++i)
      for (std::size_t j = 0; j < i && !any_dup; ++j)
        any_dup = ents[j].first == ents[i].first && ents[j].name == ents[i].name;
    // this sentence's subjects (read before the dedupe, which changes its entities)
    if (std::any_of(ents.begin(), ents.end(), actor)) {
      if (!s.clauses_read && !any_dup) {
        unread_subjects.push_back(si);
      } else {
        with_clauses(si);
        read_subjects(si);
        if (take_subjects()) unread_subjects.clear();
      }
    }
    auto is_person = [](const RawEntity& e) {
      return e.kind == EntityKind::person && !e.possessive && !e.modifier;
    };
    prev_people.clear();
    if (!any_dup) {
      for (const auto& e : ents)
        if (is_person(e)) prev_people.push_back(&e);
    } else {
      prev_people_kept.clear();
      for (const auto& e : ents)
        if (is_person(e)) prev_people_kept.push_back(e);
      for (const auto& e : prev_people_kept) prev_people.push_back(&e);
      std::vector<RawEntity> dedup;
      dedup.reserve(ents.size());
      for (auto& e : ents) {
        bool dup = false;
        for (const auto& d : dedup)
          if (d.first == e.first && d.name == e.name) dup = true;
        if (!dup) dedup.push_back(std::move(e));  // (ents is replaced below)
      }
      ents = std::move(dedup);
    }
  }

  // "the U.S.-EU Trade and Technology Council (TTC) ... the sixth TTC ministerial
  // meeting": an acronym a body's name gives in brackets names that body further on
  {
    auto acronym = [](std::string_view w) {
      if (w.size() < 2 || w.size() > 6) return false;
      for (char ch : w)
        if (!(ch >= 'A' && ch <= 'Z')) return false;
      return true;
    };
    std::set<std::string, std::less<>> acronyms;
    for (std::size_t si = 0; si < raw.size(); ++si) {
      const auto& t = sentences_[si].tokens.tokens;
      for (const auto& e : raw[si])
        if (e.kind == EntityKind::organization && e.last + 2 < t.size() &&
            is(t[e.last].lower, "(") && is(t[e.last + 2].lower, ")") && acronym(t[e.last + 1].text))
          acronyms.emplace(t[e.last + 1].text);
    }
    for (std::size_t si = 0; si < raw.size() && !acronyms.empty(); ++si) {
      const auto& t = sentences_[si].tokens.tokens;
      for (std::size_t q = 0; q < t.size(); ++q) {
        // (an acronym is two to six capitals: most words are looked up no further)
        const std::string_view w = t[q].text;
        if (w.size() < 2 || w.size() > 6 || w[0] < 'A' || w[0] > 'Z') continue;
        if (!acronyms.count(w) || (q > 0 && is(t[q - 1].lower, "("))) continue;
        bool inside = false;
        for (const auto& e : raw[si]) inside = inside || (e.first <= q && q < e.last);
        if (inside) continue;
        RawEntity e;
        e.first = q;
        e.last = q + 1;
        e.kind = EntityKind::organization;
        e.name = std::string(t[q].text);
        e.possessive = q + 1 < t.size() && is(t[q + 1].lower, "'s");
        auto at = std::find_if(raw[si].begin(), raw[si].end(),
                               [&](const RawEntity& x) { return x.first > q; });
        raw[si].insert(at, std::move(e));
      }
    }
  }

  // a body or a country written right before a person qualifies him: "U.S. Treasury
  // James Baker", "White House adviser Jake Sullivan"
  for (std::size_t si = 0; si < raw.size(); ++si)
    for (auto& e : raw[si]) {
      if (e.kind != EntityKind::organization && e.kind != EntityKind::country) continue;
      const auto& t = sentences_[si].tokens.tokens;
      for (const auto& x : raw[si]) {
        if (x.kind != EntityKind::person || x.pronoun || x.first < e.last || x.first > e.last + 5)
          continue;
        // titles, and the portfolio in lower case: "European Community farm commissioner
        // Frans Andriessen", "Venezuelan energy and mines minister Arturo Hernandez Grisanti"
        bool titles_between = x.first == e.last || g.has(W::title_words, t[x.first - 1].lower);
        // ("traveled to Colombia and met with President Duque": a preposition between
        // ends a country's qualifier, the place stands alone; "a White House meeting with
        // state Attorneys General" keeps the body out of the sides)
        for (std::size_t q = e.last; q < x.first; ++q)
          titles_between =
              titles_between &&
              (g.has(W::title_words, t[q].lower) ||
               (t[q].kind == sdk::TokenKind::word && !t[q].capitalized &&
                !(e.kind == EntityKind::country && g.has(W::qualifier_breaks, t[q].lower))));
        if (titles_between) e.modifier = true;
      }
    }

  // build plugin views
  for (std::size_t si = 0; si < sentence_count_; ++si) {
    auto& s = sentences_[si];
    s.entities.reserve(raw[si].size());
    s.mentions.reserve(s.matches.size());
    for (auto& e : raw[si]) {
      if (detail::debug_trace())
        std::fprintf(stderr, "[debug] s%zu entity '%s' kind=%d tokens=%zu-%zu%s%s\n", si,
                     e.name.c_str(), static_cast<int>(e.kind), e.first, e.last,
                     e.possessive ? " possessive" : "", e.modifier ? " modifier" : "");
      sdk::Entity x;
      x.first_token = e.first;
      x.last_token = e.last;
      const auto suffix = e.kind == EntityKind::person && !suffix_of.empty()
                              ? suffix_of.find(e.name)
                              : suffix_of.end();
      x.name = suffix == suffix_of.end() ? intern(e.name) : intern(e.name + suffix->second);
      x.kind = e.kind;
      // (a country outlives the analysis' entities: the gazetteer's, the dateline's or a
      // literal)
      x.country = e.country.empty() ? intern(e.country) : e.country;
      x.possessive = e.possessive;
      x.pronoun = e.pronoun;
      x.head_of_state = e.head;
      s.entities.push_back(x);
      s.entity_modifier.push_back(e.modifier);
    }
    for (std::size_t k = 0; k < s.matches.size(); ++k) {
      const auto& m = s.matches[k];
      const auto& tr = s.timexes[k];
      sdk::TemporalMention tm;
      tm.first_token = m.first_token;
      tm.last_token = m.last_token;
      tm.text = tr.text;
      tm.value = event_value(tr.resolved);
      tm.has_earliest = tr.resolved.earliest.has_value();
      tm.has_latest = tr.resolved.latest.has_value();
      if (tm.has_earliest) tm.earliest = *tr.resolved.earliest;
      if (tm.has_latest) tm.latest = *tr.resolved.latest;
      if (k < s.span_end.size() && s.span_end[k]) tm.latest = *s.span_end[k];
      // "July 5" in "from June 26 to July 5" belongs to the span, not to an event of its own
      if (std::find(s.span_inner.begin(), s.span_inner.end(), k) != s.span_inner.end())
        tm.has_earliest = tm.has_latest = false;
      tm.granularity = tr.resolved.granularity;
      tm.approx = tr.resolved.approx;
      // "in recent weeks", "in the coming days": TIMEX3 durations (PXW) that date what
      // happens in them as the vague past or future they read (value and window)
      tm.duration = (m.type == TimexType::duration || m.type == TimexType::set) &&
                    tr.resolved.vague_value.empty();
      tm.possessive = m.possessive;
      s.mentions.push_back(tm);
    }
    s.view.text = s.text;
    s.view.index = si;
    s.view.tokens = {s.tokens.tokens.data(), s.tokens.tokens.size()};
    s.view.clauses = {s.clauses.data(), s.clauses.size()};
    s.view.entities = {s.entities.data(), s.entities.size()};
    s.view.mentions = {s.mentions.data(), s.mentions.size()};
    s.view.analyzer = this;
    s.view.document_id = doc_.id;
  }
  if (raw.size() <= kMaxSpareSentences) {
    for (auto& ents : raw) ents.clear();
    spare.raw = std::move(raw);
  }
}

// ---------------------------------------------------------------- frames

sdk::Frame DocumentAnalysis::frame(const sdk::Sentence& sv, std::size_t first, std::size_t last,
                                   sdk::TriggerForm form) const {
  sdk::Frame fr;
  if (sv.index >= sentence_count_ || sv.index >= word_ids_at_.size()) return fr;
  // (its clauses read, when the analysis left them unread: ClausesRead::needed)
  const auto& s = with_clauses(sv.index);
  const auto& t = s.tokens.tokens;
  const auto& g = *res_->gazetteer;
  const auto& rules = g.clause_rules;
  if (t.empty() || first >= t.size()) return fr;
  const std::size_t c = detail::clause_of(s.clauses, first);
  const auto& cl = s.clauses[c];
  const std::size_t cb = cl.first_token, ce = cl.last_token;
  // (held in place: a token is in one entity or two at most, and most calls find none)
  using EntityHits = boost::container::small_vector<std::size_t, 4>;
  auto entity_at = [&](std::size_t tok) -> EntityHits {
    EntityHits out;
    for (std::size_t k = 0; k < s.entities.size(); ++k)
      if (s.entities[k].first_token <= tok && tok < s.entities[k].last_token) out.push_back(k);
    return out;
  };
  // is token q inside a temporal mention?
  auto in_mention = [&](std::size_t q) {
    for (const auto& m : s.mentions)
      if (m.first_token <= q && q < m.last_token) return true;
    return false;
  };
  // a token's lists by its word's number (ClauseRules::word_ids, read with the sentence):
  // the gazetteer's (Gazetteer::has) and the clause rules' (determiners, reporting verbs,
  // past forms), with no look-up of their own
  const std::uint32_t* const ids = word_ids_.data() + word_ids_at_[sv.index];
  auto listed = [&](W list, std::size_t q) {
    return (g.bits_by_word[ids[q]] & Resources::Gazetteer::bit(list)) != 0;
  };
  using B = detail::ClauseRules::Bit;
  auto clause_word = [&](std::uint64_t bit, std::size_t q) {
    return (rules.bits_of_word(ids[q]) & bit) != 0;
  };
  auto is_det = [&](std::size_t q) { return clause_word(B::kDeterminer, q); };
  auto participant_ok = [&](std::size_t k) {
    const auto& e = s.entities[k];
    return !e.possessive && !s.entity_modifier[k] &&
           (is_actor(e) || e.kind == EntityKind::country);
  };

  // a noun that is the object of a light verb ("will attend the Venice summit from June 8
  // to 10") takes its time as a verb would
  bool noun_verb_like = false;
  auto verbish = [&](std::size_t q) {
    const auto w = t[q].lower;
    // (a walk over a few short words, no tree of strings)
    static constexpr std::string_view aux[] = {"will",  "would",  "could", "may",     "might",
                                               "shall", "should", "must",  "can",     "'ll",
                                               "is",    "are",    "was",   "were",    "has",
                                               "have",  "had",    "plans", "planned", "intends"};
    return std::find(std::begin(aux), std::end(aux), w) != std::end(aux) ||
           rules.is_past_form(t, q) || clause_word(B::kPast, q);
  };
  // agents
  if (form == sdk::TriggerForm::verb) {
    // the subject of this clause: the names before its first verb (a subject-less
    // infinitive, "plans to visit", shares it). Names before a reporting verb are the
    // reporters, not the subject: "officials said Shultz will visit".
    auto reporting = [&](std::size_t q) {
      // "the United States" holds no "states"
      if (t[q].capitalized && q > cb) return false;
      return clause_word(B::kReportingVerb, q);
    };
    std::vector<std::size_t> current;
    for (std::size_t q = cb; q < first; ++q) {
      for (std::size_t k = 0; k < s.entities.size(); ++k) {
        const auto& e = s.entities[k];
        if (e.first_token != q || !participant_ok(k)) continue;
        const bool after_prep = q > 0 && (is(t[q - 1].lower, "in") || is(t[q - 1].lower, "to") ||
                                          is(t[q - 1].lower, "of") || is(t[q - 1].lower, "from") ||
                                          is(t[q - 1].lower, "at") || is(t[q - 1].lower, "for"));
        if (!after_prep) current.push_back(k);
      }
      if (!current.empty() && reporting(q)) {
        current.clear();
      } else if (!current.empty() && verbish(q)) {
        break;
      }
    }
    fr.agents = current;
    // "Seixas, who met again this morning": the relative pronoun stands for the name before
    if (fr.agents.empty() && cb >= 2 && (is(t[cb].lower, "who") || is(t[cb].lower, "whom")) &&
        is(t[cb - 1].lower, ",")) {
      for (std::size_t k = 0; k < s.entities.size(); ++k)
        if (s.entities[k].last_token == cb - 1 && is_actor(s.entities[k]))
          fr.agents.push_back(k);
    }
    // countries are agents only when no person or group is
    bool actor = false;
    for (auto k : fr.agents) actor = actor || is_actor(s.entities[k]);
    if (actor)
      fr.agents.erase(std::remove_if(fr.agents.begin(), fr.agents.end(),
                                     [&](std::size_t k) { return !is_actor(s.entities[k]); }),
                      fr.agents.end());
  } else {
    // "Trump's visit": a possessive right before the noun (adjectives between, "Lyng's
    // two-week visit"; a date too, "Biden's September 9 call")
    std::size_t k = first;
    while (k > cb && k > 0 && (!t[k - 1].capitalized || in_mention(k - 1)) &&
           !is(t[k - 1].lower, "'s") &&
           (t[k - 1].kind != sdk::TokenKind::punct || is(t[k - 1].lower, "-")) && k + 4 > first)
      --k;
    if (k > 0 && is(t[k - 1].lower, "'s")) {
      for (auto e : entity_at(k - 2))
        if (is_actor(s.entities[e])) fr.agents.push_back(e);
    }
    // "her upcoming trip": a possessive pronoun among those words stands for its person
    for (std::size_t e = 0; e < s.entities.size() && fr.agents.empty(); ++e)
      if (s.entities[e].pronoun && s.entities[e].possessive && s.entities[e].first_token >= k &&
          s.entities[e].last_token <= first && is_actor(s.entities[e]))
        fr.agents.push_back(e);
    // "X held talks with Y", "concluded this week's tour": a light verb a few words back
    std::size_t v = first;
    bool light_verb = false;
    for (std::size_t steps = 0; v > cb && steps < 5; ++steps) {
      const auto& tk = t[v - 1];
      if (listed(W::light_verbs, v - 1)) {
        light_verb = true;
        --v;
        break;
      }
      if (is_det(v - 1) || is(tk.lower, "'s") || in_mention(v - 1) || !entity_at(v - 1).empty() ||
          (!tk.capitalized && tk.kind == sdk::TokenKind::word && !listed(W::title_words, v - 1) &&
           !is(tk.lower, "for") && !is(tk.lower, "in") && !is(tk.lower, "of") &&
           !is(tk.lower, "during")))
        --v;
      else
        break;
    }
    if (!light_verb) v = first;
    // "will visit Washington next month for talks with Reagan", "Baka, in talks in
    // Washington": a noun after these prepositions shares the clause's subject
    auto is_prep = [&](std::size_t k) {
      const auto w = t[k].lower;
      return is(w, "for") || is(w, "in") || is(w, "during") || is(w, "at") || is(w, "with") ||
             rules.noun_lead_ins.contains(w);  // "spoke to reporters after talks with"
    };
    bool shares_subject = false;
    // "will meet X as part of consultations on ..., including preparations for the meeting
    // of Biden and Macron": a purpose noun far past the clause's verb is no part of what
    // its subject does
    const bool near_verb =
        c >= s.clause_verb.size() || s.clause_verb[c] >= first || first - s.clause_verb[c] <= 18;
    for (std::size_t q = first, steps = 0; q > cb && steps < 4; --q, ++steps) {
      if (is_prep(q - 1)) {
        shares_subject = near_verb || !is(t[q - 1].lower, "for");
        break;
      }
      const auto& tk = t[q - 1];
      if (tk.capitalized || tk.kind != sdk::TokenKind::word) break;
    }
    noun_verb_like = light_verb;
    if (light_verb || shares_subject) {
      // "Ozal told reporters Akiman came to brief the government on efforts aimed at
      // starting discussions": a reporting verb followed by a subject of its own leaves
      // the one who reports out; with no actor after it ("told reporters after talks
      // with Akiman") the reporter still holds the noun
      std::size_t from = cb;
      for (std::size_t q = cb; q < v; ++q) {
        if (t[q].capitalized || !clause_word(B::kReportingVerb, q)) continue;
        for (std::size_t e = 0; e < s.entities.size(); ++e) {
          const std::size_t f0 = s.entities[e].first_token;
          const bool after_prep =
              f0 > 0 && (is_prep(f0 - 1) || is(t[f0 - 1].lower, "to") ||
                         is(t[f0 - 1].lower, "of") || is(t[f0 - 1].lower, "from"));
          if (f0 > q && s.entities[e].last_token <= v && !after_prep && participant_ok(e) &&
              is_actor(s.entities[e])) {
            from = q + 1;
            break;
          }
        }
      }
      for (std::size_t e = 0; e < s.entities.size(); ++e)
        if (s.entities[e].first_token >= from && s.entities[e].last_token <= v &&
            participant_ok(e) && is_actor(s.entities[e]))
          fr.agents.push_back(e);
      // "Reagan, who will hold talks with Nakasone", "Oteiba, who had just attended the
      // OPEC meeting": the relative pronoun stands for the name before, as for a verb
      if (fr.agents.empty() && cb >= 2 && (is(t[cb].lower, "who") || is(t[cb].lower, "whom")) &&
          is(t[cb - 1].lower, ","))
        for (std::size_t e = 0; e < s.entities.size(); ++e)
          if (s.entities[e].last_token == cb - 1 && is_actor(s.entities[e]))
            fr.agents.push_back(e);
    }
    // "EC industry ministers meeting here", "OPEC ministers meeting in Vienna": a group right
    // before the noun holds it
    if (fr.agents.empty())
      for (std::size_t e = 0; e < s.entities.size(); ++e)
        if (s.entities[e].last_token == first && s.entities[e].first_token >= cb &&
            participant_ok(e) &&
            (s.entities[e].kind == EntityKind::group || s.entities[e].kind == EntityKind::organization))
          fr.agents.push_back(e);
  }
  // "Santos Alvite met Grisanti and will today hold talks", "... and then met Kohl": a
  // clause joined by "and" without a subject of its own shares the one before
  if (fr.agents.empty() && (form == sdk::TriggerForm::verb || noun_verb_like) && c > 0 &&
      (is(t[cb].lower, "and") || is(t[cb].lower, "but") || is(t[cb].lower, "then") ||
       is(t[cb - 1].lower, "and") || is(t[cb - 1].lower, "but")) &&
      !s.clauses[c - 1].reporting) {
    bool own = false;  // a name of its own before the trigger: not a shared subject
    for (const auto& e : s.entities) own = own || (e.first_token > cb && e.first_token < first && is_actor(e));
    if (!own) {
      const std::size_t pb = s.clauses[c - 1].first_token;
      std::size_t pv = pb;  // the previous clause's subject ends at its first verb
      while (pv < cb && !(verbish(pv) && !t[pv].capitalized)) ++pv;
      for (std::size_t e = 0; e < s.entities.size(); ++e) {
        const auto& x = s.entities[e];
        const std::size_t q = x.first_token;
        const bool after_prep = q > 0 && (is(t[q - 1].lower, "in") || is(t[q - 1].lower, "to") ||
                                          is(t[q - 1].lower, "of") || is(t[q - 1].lower, "from") ||
                                          is(t[q - 1].lower, "at") || is(t[q - 1].lower, "for"));
        if (q >= pb && x.last_token <= pv && participant_ok(e) && is_actor(x) && !after_prep)
          fr.agents.push_back(e);
      }
    }
  }

  // "Biden's participation in the U.S.-ASEAN Summit": who takes part in it
  bool person = false;
  for (auto k : fr.agents) person = person || s.entities[k].kind == EntityKind::person;
  if (!person) {
    std::size_t q = first;
    while (q > cb && first - q < 8 &&
           (t[q - 1].capitalized || is_det(q - 1) || !entity_at(q - 1).empty() ||
            is(t[q - 1].lower, "-") || in_mention(q - 1)))
      --q;
    if (q >= cb + 3 && (is(t[q - 1].lower, "in") || is(t[q - 1].lower, "at")) &&
        listed(W::attendance_nouns, q - 2) && is(t[q - 3].lower, "'s") && q >= 4)
      for (auto e : entity_at(q - 4))
        if (is_actor(s.entities[e]) && s.entities[e].kind == EntityKind::person)
          fr.agents.push_back(e);
  }
  // counterparts: "meet (with) X, Y and Z", "talks between X and Y"
  {
    std::size_t k = last;
    bool open = form == sdk::TriggerForm::verb;
    auto opens = [&](std::size_t q) {
      if (is(t[q].lower, "with") || is(t[q].lower, "between") || is(t[q].lower, "among"))
        return true;
      // "a meeting of OPEC oil ministers", "the summit of the seven leading industrial
      // nations": the gathering's members follow "of"
      // ("the summit meeting of the major industrialized countries": a second event noun
      // between)
      const bool next = q == last || (q == last + 1 && listed(W::event_nouns, last));
      if (form == sdk::TriggerForm::noun && next && is(t[q].lower, "of")) {
        std::size_t r = q + 1;
        if (r < ce && is(t[r].lower, "the")) ++r;
        for (const auto& e : s.entities)
          if (e.first_token == r && is_actor(e)) return true;
      }
      return false;
    };
    if (form == sdk::TriggerForm::noun) {
      // "talks in Washington last week with the IMF": skip a place or a time first
      for (std::size_t q = k; q < ce && q < k + 8; ++q) {
        if (opens(q)) {
          k = q;
          break;
        }
        bool inside = in_mention(q);
        for (const auto& e : s.entities)
          inside = inside || (e.first_token <= q && q < e.last_token &&
                              e.kind != EntityKind::person && e.kind != EntityKind::group);
        const auto w = t[q].lower;
        if (q == last && listed(W::event_nouns, q) && q + 1 < ce && is(t[q + 1].lower, "of"))
          continue;
        if (!inside && !is(w, "in") && !is(w, "at") && !is(w, "on") && !is(w, "here") &&
            !is(w, ",") && !is(w, "last") && !is(w, "next") && !is(w, "this"))
          break;
      }
    }
    // "to follow up on last week's call between Biden and Lula": a noun that names its
    // sides after "between" has no other (unless a light verb gives it a subject)
    const bool between =
        form == sdk::TriggerForm::noun && !noun_verb_like && k < ce && is(t[k].lower, "between");
    if (k < ce && opens(k)) {
      open = true;
      ++k;
    }
    if (open) {
      while (k < ce) {
        const auto w = t[k].lower;
        // "met today with", "met with X this morning"
        if (in_mention(k)) {
          ++k;
          continue;
        }
        // "Prime Minister Boris Johnson of the United Kingdom": the country qualifies him
        if (is(w, "of") && k > last && !fr.counterparts.empty()) {
          std::size_t q = k + 1;
          if (q < ce && is(t[q].lower, "the")) ++q;
          auto qs = q < ce ? entity_at(q) : EntityHits{};
          if (!qs.empty()) {
            std::size_t end = q + 1;
            for (auto e : qs) end = std::max(end, s.entities[e].last_token);
            k = end;
            continue;
          }
        }
        auto es = entity_at(k);
        if (!es.empty()) {
          std::size_t end = k + 1;
          for (auto e : es) {
            if (participant_ok(e) && (s.entities[e].kind != EntityKind::country ||
                                      form == sdk::TriggerForm::noun))
              fr.counterparts.push_back(e);
            else if (s.entities[e].kind == EntityKind::country && !s.entity_modifier[e] &&
                     form == sdk::TriggerForm::verb && fr.destination < 0)
              fr.destination = static_cast<std::ptrdiff_t>(e);
            end = std::max(end, s.entities[e].last_token);
          }
          k = end;
          continue;
        }
        // "met energy and mines minister Arturo Hernandez Grisanti": a portfolio in lower
        // case before the title
        if (t[k].kind == sdk::TokenKind::word && !t[k].capitalized) {
          std::size_t q = k;
          while (q < ce && q < k + 5 && t[q].kind == sdk::TokenKind::word && !t[q].capitalized &&
                 !listed(W::title_words, q))
            ++q;
          if (q > k && q < k + 5 && q + 1 < ce && listed(W::title_words, q) && !t[q].capitalized &&
              (t[q + 1].capitalized || listed(W::title_words, q + 1))) {
            k = q;
            continue;
          }
        }
        // "met in Washington with Emmanuel Bonne", "met on August 29 with General Zhang",
        // "met bilaterally with": a place, a time or an adverb before "with"
        if (form == sdk::TriggerForm::verb && fr.counterparts.empty()) {
          std::size_t q = k;
          // "met for an hour with Bush": a length of time before "with"
          if (is(w, "for") && q + 1 < ce && in_mention(q + 1)) {
            q = k + 1;
            while (q < ce && in_mention(q)) ++q;
          } else if ((is(w, "in") || is(w, "at") || is(w, "on")) && q + 1 < ce) {
            q = k + 1;
            if (is(t[q].lower, "the") && q + 1 < ce) ++q;
            std::size_t end = q;
            for (auto e : entity_at(q)) end = std::max(end, s.entities[e].last_token);
            while (end < ce && in_mention(end)) ++end;
            q = end;
          } else if (t[k].kind == sdk::TokenKind::word && !t[k].capitalized &&
                     t[k].lower.size() > 2 && t[k].lower.substr(t[k].lower.size() - 2) == "ly") {
            q = k + 1;
          }
          if (q > k && q < ce && is(t[q].lower, "with")) {
            k = q + 1;
            continue;
          }
        }
        // "with Republic of Korea 1st Vice Foreign Minister Cho Hyundong": an ordinal in
        // figures before a title
        if (t[k].lower.size() >= 3 && t[k].lower[0] >= '0' && t[k].lower[0] <= '9' && k + 1 < ce &&
            (t[k + 1].capitalized || listed(W::title_words, k + 1))) {
          const auto suffix = t[k].lower.substr(t[k].lower.size() - 2);
          if (is(suffix, "st") || is(suffix, "nd") || is(suffix, "rd") || is(suffix, "th")) {
            ++k;
            continue;
          }
        }
        // "met with incoming Israeli National Security Advisor Eyal Hulata": an adjective
        // in lower case before the name's capitals
        if (k > 0 && is(t[k - 1].lower, "with") && t[k].kind == sdk::TokenKind::word &&
            !t[k].capitalized && k + 1 < ce && t[k + 1].capitalized) {
          ++k;
          continue;
        }
        // "Director of the Office of the Foreign Affairs Commission Yang Jiechi"
        const bool of_in_name = is(w, "of") && k > 0 && t[k - 1].capitalized && k + 1 < ce &&
                                (t[k + 1].capitalized || is(t[k + 1].lower, "the"));
        // "President-Elect Gustavo Petro": a hyphen inside a title
        const bool hyphen =
            is(w, "-") && k > 0 && k + 1 < ce && t[k - 1].capitalized && t[k + 1].capitalized;
        // "World Health Organization (WHO) Director-General": a short name in brackets;
        // "talks between the European Community (EC) and the United States": the short
        // name of a side just read
        if (is(w, "(") && k > 0 && t[k - 1].capitalized && k + 3 < ce && is(t[k + 2].lower, ")") &&
            (t[k + 3].capitalized || (t[k + 1].capitalized && !fr.counterparts.empty() &&
                                      s.entities[fr.counterparts.back()].last_token == k))) {
          k += 3;
          continue;
        }
        // "with Dr. Tedros", "with Gen. Austin": the period of an abbreviated title
        const bool abbrev = is(w, ".") && k > 0 && k + 1 < ce && listed(W::title_words, k - 1) &&
                            t[k - 1].span.end == t[k].span.begin && t[k + 1].capitalized;
        // "with his Algerian counterpart Belkacem Nabi": the name follows the noun (a comma
        // between: "with his Peruvian counterpart, Wilfredo Huayta")
        const bool appositive = listed(W::appositive_heads, k) && k + 1 < ce &&
                                (t[k + 1].capitalized ||
                                 (is(t[k + 1].lower, ",") && k + 2 < ce && t[k + 2].capitalized));
        if (hyphen || abbrev || of_in_name || appositive || is(w, ",") || is(w, "and") ||
            is(w, "with") || is_det(k) || listed(W::title_words, k) ||
            (t[k].capitalized && t[k].kind == sdk::TokenKind::word) ||
            ((is(w, "of") || is(w, "to")) && k + 1 < ce &&
             (t[k + 1].capitalized || is(t[k + 1].lower, "the")) && k > 0 &&
             listed(W::title_words, k - 1))) {
          ++k;
          continue;
        }
        break;
      }
    }
    if (between && fr.counterparts.size() >= 2) fr.agents.clear();
  }

  // destination: "visit Turkey", "travel to Riyadh", "arrived in Algiers", "trip to China"
  {
    std::size_t k = last;
    std::size_t steps = 0;
    while (k < ce && steps < 4) {
      auto es = entity_at(k);
      bool found = false;
      for (auto e : es) {
        const auto kind = s.entities[e].kind;
        // "visit the White House": a seat of government after "the" is a destination
        const auto& en = s.entities[e];
        // ("was in the Oval Office" is a stay at home, not a trip)
        const bool seat = kind == EntityKind::organization && !en.country.empty() &&
                          en.country != "?" && en.first_token > 1 &&
                          is(t[en.first_token - 1].lower, "the") &&
                          !is(t[en.first_token - 2].lower, "in") && !en.possessive;
        if ((kind == EntityKind::country || kind == EntityKind::city ||
             kind == EntityKind::region || seat) &&
            !s.entity_modifier[e]) {
          fr.destination = static_cast<std::ptrdiff_t>(e);
          found = true;
          break;
        }
      }
      if (found) {
        // further stops: "to Israel, the Netherlands, and the United Kingdom"
        fr.destinations.push_back(static_cast<std::size_t>(fr.destination));
        std::size_t q = s.entities[static_cast<std::size_t>(fr.destination)].last_token;
        while (q < ce) {
          std::size_t r = q;
          while (r < ce && (is(t[r].lower, ",") || is(t[r].lower, "and") || is(t[r].lower, "the")))
            ++r;
          if (r == q) break;
          bool more = false;
          for (auto e : entity_at(r)) {
            const auto kind = s.entities[e].kind;
            if (s.entities[e].first_token == r && !s.entity_modifier[e] &&
                (kind == EntityKind::country || kind == EntityKind::city ||
                 kind == EntityKind::region)) {
              // "Zurich, Switzerland": a city's own country is no further stop
              const auto& prev = s.entities[fr.destinations.back()];
              if (!(kind == EntityKind::country && prev.kind == EntityKind::city &&
                    prev.country == s.entities[e].country))
                fr.destinations.push_back(e);
              q = s.entities[e].last_token;
              more = true;
              break;
            }
          }
          if (!more) break;
        }
        break;
      }
      const auto w = t[k].lower;
      if (in_mention(k) || is(w, "on")) {
        ++k;  // "flying on Sunday to Tokyo"
      } else if (is(w, "to") || is(w, "for") || is(w, "in") || is(w, "at") || is_det(k) ||
                 is(w, "separately") || is(w, "also") || is(w, "officially"))
        ++k, ++steps;
      else
        break;
    }
  }

  // "Norway, which he visited two weeks ago": with no object of its own, a verb in a
  // relative clause goes to the place the clause hangs on
  if (form == sdk::TriggerForm::verb && fr.destination < 0 && cb >= 2 && is(t[cb].lower, "which") &&
      is(t[cb - 1].lower, ",")) {
    bool object = false;  // "which he visited Japan to promote": an object of its own
    for (const auto& e : s.entities) object = object || (e.first_token == last && !e.pronoun);
    for (std::size_t e = 0; e < s.entities.size() && !object; ++e) {
      const auto kind = s.entities[e].kind;
      if (s.entities[e].last_token == cb - 1 && !s.entities[e].possessive &&
          (kind == EntityKind::country || kind == EntityKind::city || kind == EntityKind::region)) {
        fr.destination = static_cast<std::ptrdiff_t>(e);
        fr.destinations.push_back(e);
        break;
      }
    }
  }

  // "a meeting on farm prices beginning in Luxembourg on June 15", "an ATPC meeting to be
  // held in Kuala Lumpur in September": past such a participle the noun's own place and
  // time are read as if they stood right after the noun
  std::size_t reach = last;
  if (form == sdk::TriggerForm::noun) {
    for (std::size_t q = last; q < ce && q < last + 7; ++q) {
      if (t[q].kind == sdk::TokenKind::punct) break;
      if (!clause_word(detail::ClauseRules::kNounExtender, q)) continue;
      if (is(t[q].lower, "taking")) {  // "taking place"
        if (q + 1 < ce && is(t[q + 1].lower, "place")) reach = q + 2;
      } else {
        reach = q + 1;
      }
      break;
    }
  }

  // place: "in Riyadh", "Saudi-based", "here"
  {
    // "the meeting of the International Monetary Fund in Washington", "the summit of
    // industrialised nations in Venice": an of-phrase stands between the noun and its place
    auto of_phrase_before = [&](std::size_t p) {
      if (form != sdk::TriggerForm::noun || p <= last || last >= t.size() ||
          !is(t[last].lower, "of") || p - last > 14)
        return false;
      // "of the General Agreement on Tariffs and Trade (GATT) in Venice": an acronym in
      // brackets belongs to the name
      for (std::size_t q = last + 1; q + 1 < p; ++q)
        if ((t[q].kind == sdk::TokenKind::punct && !is(t[q].lower, "(") && !is(t[q].lower, ")") &&
             !is(t[q].lower, "-") && !is(t[q].lower, ".")) ||
            (is(t[q].lower, "and") && (is(t[q + 1].lower, "at") || is(t[q + 1].lower, "in"))) ||
            in_mention(q))
          return false;
      return true;
    };
    // tokens between the trigger and a place after it, less times and filler words:
    // "talks held last Sunday in Qatar" is as near as "talks in Qatar"
    auto gap_after = [&](std::size_t p) {
      std::size_t n = 0;
      for (std::size_t q = last; q + 1 < p; ++q)
        if (!in_mention(q) && !listed(W::place_gap_words, q)) ++n;
      return n;
    };
    // "met today with President Emmanuel Macron on the margins of the Global Fund
    // Conference in New York": names, times and the words of a chain of qualifiers only
    auto chain_after = [&](std::size_t p) {
      for (std::size_t q = last; q + 1 < p; ++q) {
        // "pushed hard at the meeting of X and at the Y meeting": another adverbial
        if (is(t[q].lower, "and") && q + 1 < p &&
            (is(t[q + 1].lower, "at") || is(t[q + 1].lower, "in") || is(t[q + 1].lower, "on")))
          return false;
        if (in_mention(q) || !entity_at(q).empty() || listed(W::place_chain_words, q) ||
            listed(W::title_words, q) || is(t[q].lower, ",") || is(t[q].lower, ".") ||
            is(t[q].lower, "-") || (t[q].capitalized && t[q].kind == sdk::TokenKind::word))
          continue;
        return false;
      }
      return p - last <= 24;
    };
    std::ptrdiff_t best = -1;
    std::size_t best_dist = SIZE_MAX;
    for (std::size_t k = 0; k < s.entities.size(); ++k) {
      const auto& e = s.entities[k];
      // "White House": a seat of government; not a body the gazetteer lacks (country "?")
      const bool seat = e.kind == EntityKind::organization && !e.country.empty() && e.country != "?";
      if (e.kind != EntityKind::country && e.kind != EntityKind::city &&
          e.kind != EntityKind::region && !seat)
        continue;
      // "While there, he will meet ...": a verbless clause before places the one after it
      // ... and so does one that names the place: "In Rio de Janeiro, President Biden will
      // meet", "While in Brussels, Mr. Sullivan will also meet"
      const bool opening_in =
          e.first_token >= 1 && e.first_token <= 2 && is(t[e.first_token - 1].lower, "in");
      const bool fronted =
          (c == 1 && e.first_token < s.clauses[0].last_token &&
           s.clause_verb[0] >= s.clauses[0].last_token &&
           (is(t[e.first_token].lower, "here") || is(t[e.first_token].lower, "there") ||
            opening_in)) ||
          // ... even when no clause ends at its comma: "In Hong Kong,
          // Baldrige will hold meetings"
          (c == 0 && opening_in && e.last_token < first && is(t[e.last_token].lower, ","));
      // "in Washington, D.C." may run over a comma that ends the clause
      if (!fronted && (e.first_token < cb || e.first_token >= ce)) continue;
      // "the Tokyo economic summit": a place before a modifier or two and the noun
      std::size_t mods = e.last_token;
      while (mods < first && mods < e.last_token + 2 && listed(W::place_noun_modifiers, mods))
        ++mods;
      if (s.entity_modifier[k] && !(form == sdk::TriggerForm::noun && mods == first &&
                                    mods > e.last_token && e.kind == EntityKind::city))
        continue;
      // "at the White House", "in the Oval Office"
      if (seat &&
          (!(e.first_token > 1 && is(t[e.first_token - 1].lower, "the") &&
             (is(t[e.first_token - 2].lower, "at") || is(t[e.first_token - 2].lower, "in"))) ||
           e.possessive))  // "at the Fed's suggestion"
        continue;
      const std::size_t p = e.first_token;
      const bool in_prep = p > 0 && (is(t[p - 1].lower, "in") || is(t[p - 1].lower, "at") ||
                                     (seat && is(t[p - 1].lower, "the")));
      const bool based = e.last_token >= 2 && is(t[e.last_token - 1].lower, "based");
      const bool here = is(t[p].lower, "here") || is(t[p].lower, "there");
      // "the Venice summit", "the Geneva talks": a place written right before the noun
      // (a named one too: "the 1986 Tokyo Summit"; a region may be the name: "East Asia Summit")
      // ... or with a modifier or two between ("the Tokyo economic summit")
      const bool before_noun = (form == sdk::TriggerForm::noun ||
                                (t[first].capitalized && e.kind == EntityKind::city)) &&
                               first > 0 && mods == first && e.last_token <= first &&
                               e.kind != EntityKind::country && !seat;
      if (before_noun) {
        fr.place = static_cast<std::ptrdiff_t>(k);
        best_dist = 0;
        best = static_cast<std::ptrdiff_t>(k);
        continue;
      }
      if (!in_prep && !based && !here) continue;
      if (based && !(e.last_token == first || (e.last_token < first && first - e.last_token <= 2)))
        continue;
      // a noun's place stands right after it ("talks in Riyadh"); a verb's in its clause,
      // not far after it ("will meet in Saudi Arabia this week"); a fronted place holds
      // what the subject does ("In Hong Kong, he will hold meetings"), not a noun further
      // off ("While in Delhi, he will commend Modi's leadership of the G20")
      if (!based && !here &&
          !(fronted && (form == sdk::TriggerForm::verb || noun_verb_like))) {
        if (form == sdk::TriggerForm::noun && !(p >= last && gap_after(p) <= 2) &&
            !(reach > last && p >= reach && p - reach <= 3) && !of_phrase_before(p))
          continue;
        if (form == sdk::TriggerForm::verb && p >= last && p - last > 8 && !chain_after(p))
          continue;
      }
      const std::size_t dist = p >= last ? p - last : first - p + 2;  // prefer after the trigger
      if (dist < best_dist) best = static_cast<std::ptrdiff_t>(k), best_dist = dist;
    }
    fr.place = best;
  }

  // time: the nearest mention in the clause ("Tuesday's meeting" binds first)
  {
    std::ptrdiff_t best = -1;
    std::size_t best_dist = SIZE_MAX;
    for (std::size_t k = 0; k < s.mentions.size(); ++k) {
      const auto& m = s.mentions[k];
      if (m.duration || !(m.has_earliest || m.has_latest)) continue;
      if (m.value == "PRESENT_REF") continue;  // "now" dates no event
      // "their third trilateral meeting since 2021": the time the count runs from
      if (form == sdk::TriggerForm::noun && m.first_token == last + 1 && is(t[last].lower, "since"))
        continue;
      {
        std::size_t q = m.last_token;
        if (q < t.size() && is(t[q].lower, "'s")) ++q;
        if (q < t.size() && (q < first || q >= last) && listed(W::event_nouns, q)) continue;
      }
      if (m.granularity == sdk::Granularity::decade || m.granularity == sdk::Granularity::century)
        continue;
      // "for the conference, which starts June 25", "the summit, which will take place in
      // Venice June 8-10": a relative clause right after the noun that tells the noun's own
      // span dates it, though the clause is another one
      bool relative_span = false;
      if (form == sdk::TriggerForm::noun && c + 1 < s.clauses.size() && ce >= last &&
          ce - last <= 1 && m.first_token >= ce && m.last_token <= s.clauses[c + 1].last_token) {
        std::size_t q = s.clauses[c + 1].first_token;
        if (q < t.size() && is(t[q].lower, ",")) ++q;
        if (q < t.size() && (is(t[q].lower, "which") || is(t[q].lower, "that")))
          for (std::size_t r = q + 1; r < m.first_token && r <= q + 3; ++r)
            relative_span = relative_span || clause_word(detail::ClauseRules::kSpanVerb, r) ||
                            clause_word(detail::ClauseRules::kNounExtender, r);
      }
      if ((m.first_token < cb || m.last_token > ce) && !relative_span) {
        // "From September 4-7, Harris will travel to Jakarta": a verbless fronted clause
        // at the start of the sentence dates the clause that follows it
        const bool fronted = c == 1 && !s.clauses.empty() && m.last_token <= s.clauses[0].last_token &&
                             s.clause_verb[0] >= s.clauses[0].last_token;
        if (!fronted) continue;
      }
      // "following the instability in today's trading": a possessive time dates the noun
      // it qualifies, not an event further off
      if (m.possessive && first >= m.last_token) {
        // past the "'s": a name ("next week's G-7 summit", "last month's United We Stand
        // Summit"), up to two adjectives, or a noun of the event's course ("this week's
        // breakdown of coffee talks")
        std::size_t q = m.last_token, plain = 0;
        if (q < first && (is(t[q].lower, "'s") || is(t[q].lower, "'"))) ++q;
        bool ok = true;
        while (ok && q < first) {
          if (is(t[q].lower, "of") && first - q <= 6) break;
          if (t[q].capitalized || t[q].kind == sdk::TokenKind::number || is(t[q].lower, "-"))
            ++q;
          else if (t[q].kind == sdk::TokenKind::word && plain < 2)
            ++q, ++plain;
          else
            ok = false;
        }
        if (!ok) continue;
      } else if (m.possessive) {
        continue;
      }
      // "spoke today with": a time inside the trigger phrase is the trigger's own
      const bool inside = m.first_token >= first && m.last_token <= last;
      std::size_t dist = inside                  ? 0
                         : m.first_token >= last ? m.first_token - last
                                                 : first - m.last_token;
      if (reach > last && m.first_token >= reach) dist = std::min(dist, m.first_token - reach);
      const bool own = m.possessive && m.last_token + 1 >= first && m.last_token <= first;
      if (own) dist = 0;
      if (relative_span) dist = 1;
      // "The peace talks ... were postponed until Monday": a noun before its clause's verb
      // is that verb's subject and takes the time the verb gives
      const bool subject_noun = form == sdk::TriggerForm::noun && c < s.clause_verb.size() &&
                                last <= s.clause_verb[c] && m.first_token > s.clause_verb[c];
      if (subject_noun) dist = m.first_token - s.clause_verb[c] + 1;
      // "a special annual meeting which reviews the 1955 U.S. waiver": a time in a relative
      // clause on the noun dates what that clause tells, unless it tells the noun's own
      // span ("the talks, which begin on Monday", "a meeting that ended last night")
      if (form == sdk::TriggerForm::noun && m.first_token > last) {
        bool relative = false;
        for (std::size_t q = last; q < m.first_token && q < last + 8; ++q) {
          const auto w = t[q].lower;
          if (!is(w, "which") && !is(w, "that") && !is(w, "who")) continue;
          bool span = false;
          for (std::size_t r = q + 1; r < m.first_token && r <= q + 3; ++r)
            span = span || clause_word(detail::ClauseRules::kSpanVerb, r) ||
                   clause_word(detail::ClauseRules::kNounExtender, r);
          relative = !span;
          break;
        }
        if (relative) continue;
      }
      // "the next meeting of negotiators in Geneva on October 26": a time right after the
      // noun's place is the noun's
      if (form == sdk::TriggerForm::noun && fr.place >= 0) {
        const auto& pe = s.entities[static_cast<std::size_t>(fr.place)];
        if (pe.first_token >= last && m.first_token >= pe.last_token &&
            m.first_token - pe.last_token <= 2)
          dist = std::min<std::size_t>(dist, 1);
      }
      // "will meet X as part of ... including preparations for the meeting of Presidents
      // Biden and Macron later this month": a time far after a verb and close after another
      // event noun dates that noun
      if (form == sdk::TriggerForm::verb && m.first_token > last + 15) {
        bool other_noun = false;
        for (std::size_t q = last + 6; q < m.first_token; ++q) {
          if (!listed(W::event_nouns, q) || m.first_token - q > 10) continue;
          // "will travel to Lima to attend the Andean Summit next week": the object of a
          // light verb shares its time with the trip
          bool object = false;
          for (std::size_t r = q >= 9 ? q - 9 : 0; r < q; ++r)
            object = object || listed(W::light_verbs, r);
          other_noun = other_noun || !object;
        }
        if (other_noun) continue;
      }
      // "the meeting ... reaffirmed the commitment to the accord forged in December": a
      // time right after another participle dates what that participle tells
      if (form == sdk::TriggerForm::noun && m.first_token > last) {
        bool other = false;
        for (std::size_t q = m.first_token >= 2 ? m.first_token - 2 : 0; q < m.first_token; ++q)
          if (q > last && q + 1 != reach && q < t.size() && rules.is_past_form(t, q) &&
              !clause_word(detail::ClauseRules::kSpanVerb, q) &&
              !(subject_noun && q <= s.clause_verb[c] + 2))
            other = true;
        if (other) continue;
      }
      if (form == sdk::TriggerForm::noun && !own && !subject_noun && !noun_verb_like) {
        // a noun's time stands close to it; vague times ("the future") only right by it
        const bool vague = !m.value.empty() && m.value.find("_REF") != std::string_view::npos;
        if (dist > (vague ? 1 : 6)) continue;
      }
      // "spoke with Trudeau regarding preparations for the April 22-23 Leaders Summit": the
      // time of an event prepared for is that event's, not another trigger's
      if (const std::size_t noun = anticipated_event(t, m.first_token, m.last_token, g);
          noun < t.size() && !(noun >= first && noun < std::max(last, first + 1)))
        continue;
      if (dist < best_dist) best = static_cast<std::ptrdiff_t>(k), best_dist = dist;
    }
    fr.time = best;
  }

  // status from the clause, with cue words right before a noun
  switch (cl.modality) {
    case sdk::Modality::cancelled: fr.status = sdk::Status::cancelled; break;
    case sdk::Modality::postponed: fr.status = sdk::Status::postponed; break;
    case sdk::Modality::speculative: fr.status = sdk::Status::speculative; break;
    case sdk::Modality::planned: fr.status = sdk::Status::planned; break;
    default:
      fr.status = cl.tense == Tense::past      ? sdk::Status::occurred
                  : cl.tense == Tense::present ? (cl.progressive ? sdk::Status::ongoing
                                                                 : sdk::Status::unknown)
                                               : sdk::Status::unknown;
  }
  if (form == sdk::TriggerForm::noun && fr.time >= 0) {
    const auto& m = s.mentions[static_cast<std::size_t>(fr.time)];
    // "is expected to be presented at the June meeting", "may be settled at Tuesday's
    // talks", "the talks held in January could lead to a deal": a definite event named
    // with its own time is taken as given; the hedge is the clause's, and the time tells
    // the event's status (timeline.cpp)
    if (fr.status == sdk::Status::speculative && m.last_token <= first) {
      std::size_t q = m.last_token;
      if (q < first && (is(t[q].lower, "'s") || is(t[q].lower, "'"))) ++q;
      while (q < first && t[q].capitalized) ++q;
      const bool definite =
          m.possessive || (m.first_token > 0 && is(t[m.first_token - 1].lower, "the"));
      if (q == first && definite) fr.status = sdk::Status::unknown;
    } else if (fr.status == sdk::Status::speculative && m.first_token > last &&
               m.first_token - last <= 6 && first > 0 && is(t[first - 1].lower, "the")) {
      // (the time read through a participle right after the noun: "held", "scheduled")
      bool extender = false;
      for (std::size_t q = last; q < m.first_token; ++q)
        extender = extender || clause_word(detail::ClauseRules::kNounExtender, q);
      if (extender) fr.status = sdk::Status::unknown;
    } else if (fr.status == sdk::Status::speculative && m.first_token == last && m.has_latest &&
               m.latest < doc_.published && !m.duration) {
      // "a high-level meeting last week ... failed to reach any decision on what should be
      // done": a time right after the noun and wholly past dates a gathering that was
      // held; the hedge is the clause's
      fr.status = sdk::Status::unknown;
    }
    // "the two-day meeting, which ends tomorrow", "talks scheduled to end on Wednesday": an
    // event whose end is still to come (or today) is under way
    if (m.first_token > last && m.first_token - last <= 6 && m.has_latest && doc_.published &&
        m.latest >= *doc_.published &&
        (fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown ||
         fr.status == sdk::Status::planned)) {
      // (a relative pronoun or a participle on the noun, then the end verb)
      bool attached = false, ending = false;
      for (std::size_t r = last; r < m.first_token; ++r) {
        ending = ending || (attached && rules.ending_verbs.contains(t[r].lower));
        attached = attached || rules.relative_pronouns.contains(t[r].lower) ||
                   is(t[r].lower, "that") || clause_word(detail::ClauseRules::kNounExtender, r);
      }
      if (ending) fr.status = sdk::Status::ongoing;
    }
  }
  {
    // "called for a swift convening of a meeting of the G-7", "urged Reagan to meet
    // Gorbachev": asked for, not decided
    // "discussed plans for Prime Minister Modi to visit", "has invited the Commission for
    // talks": decided for later
    // (`start`: the bit of the cues' first words)
    auto cue_before = [&](const detail::PhraseIndex& cues, std::uint64_t start) {
      for (std::size_t k = std::max(cb, first > 8 ? first - 8 : 0); k < first; ++k)
        if (t[k].kind != sdk::TokenKind::punct && clause_word(start, k) &&
            cues.any_at(t.data(), k, first))
          return true;
      return false;
    };
    // ... a hedge of the clause is not the noun's: "it may be hard to agree ahead of the
    // summit in Copenhagen" (the summit is planned whatever the agreement)
    if ((fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown ||
         fr.status == sdk::Status::ongoing ||
         (fr.status == sdk::Status::speculative && form == sdk::TriggerForm::noun &&
          cl.modality == sdk::Modality::speculative)) &&
        cue_before(rules.noun_planned_cues, detail::ClauseRules::kPlannedCueStart))
      fr.status = sdk::Status::planned;
    // "Blinken committed to convene Foreign Ministers in 2021", "pledged to meet again":
    // a promise to do something (a verb after "to") is still to be kept
    if (fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown ||
        fr.status == sdk::Status::ongoing) {
      for (std::size_t k = std::max(cb, first > 8 ? first - 8 : 0); k + 1 < first; ++k) {
        if (!clause_word(detail::ClauseRules::kCommitmentVerb, k) || !is(t[k + 1].lower, "to"))
          continue;
        const std::size_t v = k + 2;  // the verb promised, or the trigger itself
        const bool verb_after =
            v == first ? form == sdk::TriggerForm::verb
                       : t[v].kind == sdk::TokenKind::word && !t[v].capitalized && !is_det(v);
        if (verb_after) fr.status = sdk::Status::planned;
      }
    }
    if (cue_before(rules.noun_speculative_cues, detail::ClauseRules::kSpeculativeCueStart))
      fr.status = sdk::Status::speculative;
  }
  // "We welcome the principles endorsed at the G20 Global Health Summit and ... that will
  // prioritize ...": an undated event reached through a past participle with no auxiliary
  // was held, whatever the tense of the rest of the clause
  // (a named summit reads as a verb)
  if ((form == sdk::TriggerForm::noun || (first < t.size() && t[first].capitalized)) &&
      fr.time < 0 && (fr.status == sdk::Status::planned || fr.status == sdk::Status::unknown)) {
    std::size_t nb = first;  // back over the event's name and article
    while (nb > cb && first - nb < 10 &&
           (t[nb - 1].capitalized || t[nb - 1].kind == sdk::TokenKind::number ||
            is(t[nb - 1].lower, "-") || is(t[nb - 1].lower, "'s")))
      --nb;
    if (nb > cb && is_det(nb - 1)) --nb;
    if (nb >= cb + 3 && rules.noun_participle_preps.contains(t[nb - 1].lower) &&
        rules.is_past_form(t, nb - 2) && !t[nb - 2].capitalized &&
        !rules.nonfinite_future_heads.contains(t[nb - 2].lower) &&
        !rules.be_forms.contains(t[nb - 3].lower) && !rules.perfect.contains(t[nb - 3].lower) &&
        !is(t[nb - 3].lower, "to") && t[nb - 3].kind != sdk::TokenKind::punct)
      fr.status = sdk::Status::occurred;
  }
  // "the upcoming UN Climate Change Conference", "the next G20 Leaders' Summit": a cue
  // before the whole capitalised name of the event (a named summit reads as a verb)
  if (first < t.size() && t[first].capitalized &&
      (fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown ||
       fr.status == sdk::Status::ongoing)) {
    std::size_t nb = first;
    while (nb > cb &&
           (t[nb - 1].capitalized || t[nb - 1].kind == sdk::TokenKind::number ||
            is(t[nb - 1].lower, "-") || is(t[nb - 1].lower, "'") || is(t[nb - 1].lower, "'s")))
      --nb;
    for (std::size_t k = nb > cb + 3 ? nb - 3 : cb; nb < first && k < nb; ++k)
      if (!t[k].capitalized &&  // not "the Next Generation of Government Summit"
          rules.noun_planned.contains(t[k].lower))
        fr.status = sdk::Status::planned;
  }
  if (form == sdk::TriggerForm::noun) {
    for (std::size_t k = first > 3 ? first - 3 : 0; k < first; ++k) {
      const auto w = t[k].lower;
      auto in = [&](const detail::WordList& l) { return l.contains(w); };
      if (in(rules.noun_speculative)) fr.status = sdk::Status::speculative;
      if (in(rules.noun_planned)) fr.status = sdk::Status::planned;
      if (in(rules.noun_cancelled)) fr.status = sdk::Status::cancelled;
      if (in(rules.noun_postponed)) fr.status = sdk::Status::postponed;
      if (in(rules.noun_ongoing) && (fr.status == sdk::Status::occurred ||
                                     fr.status == sdk::Status::unknown ||
                                     fr.status == sdk::Status::planned))
        fr.status = sdk::Status::ongoing;
    }
    // "told Reuters during the IADB annual meeting here": undated, in the dateline city,
    // with the speaker there (the lead-in a few words before, no punctuation between), in
    // a clause dated no earlier than the publication day ("introduced last December at a
    // meeting held here" was held then)
    auto dated_before = [&] {
      for (const auto& m : s.mentions)
        if (m.first_token >= cb && m.first_token <= ce && !m.duration && m.has_latest &&
            m.latest < doc_.published)
          return true;
      return false;
    };
    if (fr.time < 0 && fr.place >= 0 &&
        t[s.entities[static_cast<std::size_t>(fr.place)].first_token].lower == "here" &&
        (fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown ||
         fr.status == sdk::Status::planned) &&
        !dated_before()) {
      // (a long name between: "during the Inter-American Development Bank (IADB) meeting")
      for (std::size_t k = first, steps = 0; k > cb && steps < 12; --k, ++steps) {
        const auto w = t[k - 1].lower;
        if (t[k - 1].kind == sdk::TokenKind::punct && !is(w, "(") && !is(w, ")") && !is(w, "-"))
          break;
        if (rules.ongoing_lead_ins.contains(w)) {
          fr.status = sdk::Status::ongoing;
          break;
        }
        // "issued at the conclusion of the OPEC conference here": the lead-in is another noun's
        if (rules.ongoing_lead_in_stops.contains(w)) break;
      }
    }
    // "the NATO summit to be held in Vilnius", "ministers scheduled to meet": a non-finite
    // future right after the noun sets the noun's own status, whatever the clause's tense
    if ((fr.status == sdk::Status::occurred || fr.status == sdk::Status::unknown) &&
        last < t.size() && rules.nonfinite_future_heads.contains(t[last].lower) &&
        rules.future_ix.at(t, last, t.size()))
      fr.status = sdk::Status::planned;
    // "the talks" with nothing of its own refers back to an event already told
    const bool definite =
        first > 0 && (is(t[first - 1].lower, "the") ||
                      (first > 1 && is(t[first - 2].lower, "the") && !t[first - 1].capitalized &&
                       !is(t[first - 1].lower, "'s")));
    // "the direction of peace talks", "the purpose of the meeting": a noun inside another
    // noun phrase names no event of its own
    bool complement = false;
    for (std::size_t k = first, steps = 0; k > cb && steps < 3; --k, ++steps) {
      const auto w = t[k - 1].lower;
      if (is(w, "of")) {
        // "two days of talks", "a new round of talks" name the event itself
        const bool measure =
            k >= 2 && (is(t[k - 2].lower, "round") || is(t[k - 2].lower, "rounds") ||
                       is(t[k - 2].lower, "days") || is(t[k - 2].lower, "weeks") ||
                       is(t[k - 2].lower, "hours") || is(t[k - 2].lower, "day"));
        complement = !measure;
        break;
      }
      if (t[k - 1].capitalized || t[k - 1].kind != sdk::TokenKind::word) break;
    }
    if (complement && fr.place < 0 && fr.time < 0) fr.anaphoric = true;
    // "the June Summit decisions", "the meeting room": the noun qualifies another
    if (last < t.size() && listed(W::compound_heads, last)) fr.anaphoric = true;
    if (definite && fr.place < 0 && fr.counterparts.empty() && fr.agents.empty()) {
      bool own_time = fr.time >= 0 && s.mentions[static_cast<std::size_t>(fr.time)].possessive;
      if (!own_time) fr.anaphoric = true;
    }
  }
  return fr;
}

std::vector<TimexResult> find_timexes(std::string_view text, date::sys_days publication,
                                      const Resources& resources) {
  Document doc;
  doc.id = "text";
  doc.published = publication;
  doc.text = std::string(text);
  std::shared_ptr<const Resources> res(&resources, [](const Resources*) {});
  DocumentAnalysis a(doc, res, /*entities=*/false);
  std::vector<TimexResult> out;
  for (const auto& s : a.sentences())
    for (const auto& t : s.timexes) out.push_back(t);
  return out;
}

}  // namespace chronicle
