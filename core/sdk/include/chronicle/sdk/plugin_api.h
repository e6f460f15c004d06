// Chronicle plugin SDK: the only header an extractor plugin includes.
//
// C++17. Versioned twice: CHRONICLE_SDK_ABI_MAJOR/MINOR below and the inline
// namespace abi_v1. Any change to a struct layout or a virtual function here bumps the
// major version and moves the inline namespace; appending a field at the end of
// PluginInfo bumps the minor version.
//
// What crosses the boundary: plain structs, string_view, date::sys_days, and values
// pushed into host-owned vectors. Plugins never do calendar arithmetic: every temporal
// mention arrives already resolved against the publication date.
#pragma once

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#define CHRONICLE_SDK_ABI_MAJOR 1
#define CHRONICLE_SDK_ABI_MINOR 2

#define CHRONICLE_SDK_STR2(x) #x
#define CHRONICLE_SDK_STR(x) CHRONICLE_SDK_STR2(x)

// The toolchain string is compared verbatim by the host: plugins share std::string and
// std::vector with it, so the standard library and its ABI must be the same.
#if defined(_LIBCPP_ABI_VERSION)
#define CHRONICLE_SDK_TOOLCHAIN "libc++/abi" CHRONICLE_SDK_STR(_LIBCPP_ABI_VERSION)
#elif defined(__GLIBCXX__)
#define CHRONICLE_SDK_TOOLCHAIN "libstdc++/cxx11abi" CHRONICLE_SDK_STR(_GLIBCXX_USE_CXX11_ABI)
#else
#define CHRONICLE_SDK_TOOLCHAIN "unknown"
#endif

namespace chronicle::sdk {
inline namespace abi_v1 {

// Plain data read by the host before any plugin code runs.
struct PluginInfo {
  std::uint32_t abi_major;
  std::uint32_t abi_minor;
  std::uint32_t info_size;  // sizeof(PluginInfo) as the plugin saw it
  const char* name;         // must equal the plugin's name in config/chronicle.yaml
  const char* version;      // the plugin's own version
  const char* toolchain;    // CHRONICLE_SDK_TOOLCHAIN of the plugin's build
  // Since ABI 1.1 (a 1.0 plugin's block ends before it): the lexicon keys of the lists
  // that hold every trigger of the plugin, as a null-terminated array, or null. When given,
  // the host calls the plugin's extractors only on a sentence that holds every word of
  // some phrase of those lists (as tokens, in any order): a plugin names them only when it
  // proposes nothing for a sentence where no phrase of them matches (CHRONICLE_PLUGIN_GATED).
  // A key "{names}.rest" stands for the lists "W.rest", W each word of the list "names".
  const char* const* sentence_gate;
  // Since ABI 1.2 (a 1.1 block ends before it): nonzero when the plugin also proposes
  // nothing for a sentence in which no phrase of its gate lists stands as consecutive
  // tokens, in order (its extractors find their triggers with PhraseSet or match_phrase,
  // which read phrases so): the host then calls them only on such a sentence
  // (CHRONICLE_PLUGIN_PHRASE_GATED).
  std::uint32_t gate_in_order;
};

// The size of a 1.0 info block: everything before `sentence_gate`.
constexpr std::uint32_t kPluginInfoSize_1_0 =
    static_cast<std::uint32_t>(offsetof(PluginInfo, sentence_gate));
// The size of a 1.1 info block: everything before `gate_in_order`.
constexpr std::uint32_t kPluginInfoSize_1_1 =
    static_cast<std::uint32_t>(offsetof(PluginInfo, gate_in_order));

// Byte offsets into Sentence::text, end exclusive.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

template <class T>
struct View {
  const T* data = nullptr;
  std::size_t size = 0;
  const T* begin() const noexcept { return data; }
  const T* end() const noexcept { return data + size; }
  const T& operator[](std::size_t i) const noexcept { return data[i]; }
  bool empty() const noexcept { return size == 0; }
};

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
  Span span;
  std::string_view text;   // as written
  std::string_view lower;  // lower-cased, curly apostrophes folded to '
  TokenKind kind = TokenKind::word;
  bool capitalized = false;
};

enum class Tense : std::uint8_t { none, past, present, future };
enum class Modality : std::uint8_t { none, planned, speculative, cancelled, postponed, negated };

// A clause: a run of tokens with one tense and modality. Reporting clauses
// ("said Kremlin spokesperson Dmitry Peskov") are marked so their subjects are not
// taken for participants.
struct Clause {
  std::size_t first_token = 0;
  std::size_t last_token = 0;  // exclusive
  Tense tense = Tense::none;
  Modality modality = Modality::none;
  bool progressive = false;  // "is visiting", "are holding talks"
  bool reporting = false;
};

enum class EntityKind : std::uint8_t { person, group, organization, country, city, region };

struct Entity {
  std::size_t first_token = 0;
  std::size_t last_token = 0;  // exclusive
  std::string_view name;       // canonical: fullest form in the document, no titles
  EntityKind kind = EntityKind::person;
  std::string_view country;    // places: the country they are in (a country: itself)
  bool possessive = false;     // "Putin's"
  bool pronoun = false;        // resolved from "he", "they"
  bool head_of_state = false;  // titled president, prime minister, king ... or "leaders"
};

enum class Granularity : std::uint8_t {
  unknown, time, day, week, weekend, month, quarter, half, season, year, decade, century
};

struct TemporalMention {
  std::size_t first_token = 0;
  std::size_t last_token = 0;  // exclusive
  std::string_view text;
  std::string_view value;  // TIMEX3 value
  date::sys_days earliest{};
  date::sys_days latest{};
  bool has_earliest = false;
  bool has_latest = false;
  Granularity granularity = Granularity::unknown;
  bool approx = false;
  bool duration = false;    // "three days": not a timeline date
  bool possessive = false;  // "Tuesday's meeting"
};

enum class Status : std::uint8_t {
  unknown, occurred, ongoing, planned, speculative, postponed, cancelled
};

// What the host reads around a trigger: who, where, when, and how the clause puts it.
struct Frame {
  std::vector<std::size_t> agents;       // Entity indices before the trigger (subject)
  std::vector<std::size_t> counterparts;  // "meet X", "with X", "between X and Y"
  std::ptrdiff_t place = -1;              // Entity index: "in Riyadh", "Saudi-based"
  std::ptrdiff_t destination = -1;        // Entity index: "to Turkey", "visit Turkey"
  std::vector<std::size_t> destinations;  // all of "to Israel, the Netherlands and the UK"
  std::ptrdiff_t time = -1;               // TemporalMention index
  Status status = Status::unknown;
  bool anaphoric = false;  // "the talks" with nothing of its own: refers back
};

enum class TriggerForm : std::uint8_t { verb, noun };

struct Sentence;

// Host services. Implemented by the host; plugins only call them.
class BOOST_SYMBOL_VISIBLE Analyzer {
 public:
  // The frame of a trigger spanning tokens [first, last).
  virtual Frame frame(const Sentence& sentence, std::size_t first, std::size_t last,
                      TriggerForm form) const = 0;

 protected:
  ~Analyzer() = default;
};

struct Sentence {
  std::string_view text;
  std::size_t index = 0;  // sentence number in the document
  View<Token> tokens;
  View<Clause> clauses;
  View<Entity> entities;
  View<TemporalMention> mentions;
  const Analyzer* analyzer = nullptr;
  std::string_view document_id;
};

// One event mention proposed by a plugin. The host builds, merges and orders events.
struct EventCandidate {
  std::string type;                       // meeting | talks | visit | summit | call | ...
  Span trigger;                           // byte span in Sentence::text
  std::vector<std::string> participants;  // canonical names, as given in Entity::name
  std::string location;                   // as written in the text, or empty
  std::string country;                    // the location's country, or empty
  std::ptrdiff_t time = -1;               // index into Sentence::mentions, or -1
  Status status = Status::unknown;        // unknown: the host reads it from the clause
  TriggerForm form = TriggerForm::verb;   // a noun trigger only takes a time no verb claims
  std::vector<std::string> counterparts;  // the other side ("meet X"); also in participants
  // the higher wins when two plugins type the same trigger. Below 0, a fallback: dropped in
  // a sentence where another candidate stands; -2 and below, a mention that refers back,
  // also dropped in a document that told an event of a compatible type before
  int specificity = 0;
};

// Read-only view of the plugin's lexicon (config/lexicons/<lang>/<plugin>.yaml).
class BOOST_SYMBOL_VISIBLE Lexicon {
 public:
  // The list under `key`, lower-cased; empty when absent.
  virtual View<std::string_view> terms(std::string_view key) const noexcept = 0;

 protected:
  ~Lexicon() = default;
};

class BOOST_SYMBOL_VISIBLE Extractor {
 public:
  virtual ~Extractor() = default;
  virtual std::string_view name() const noexcept = 0;
  virtual void extract(const Sentence& sentence, std::vector<EventCandidate>& out) const = 0;
};

class BOOST_SYMBOL_VISIBLE Registrar {
 public:
  virtual const Lexicon& lexicon() const noexcept = 0;
  virtual void add(std::unique_ptr<Extractor> extractor) = 0;
  virtual void fail(std::string_view message) noexcept = 0;

 protected:
  ~Registrar() = default;
};

using RegisterFn = bool(Registrar&) noexcept;

// Helpers every plugin may use; they read only the plain data above.
inline bool any_of_terms(std::string_view word, View<std::string_view> terms) noexcept {
  for (auto t : terms)
    if (t == word) return true;
  return false;
}

// Longest phrase from `phrases` (space-separated lower-case words) starting at token i;
// returns the number of tokens matched, 0 when none.
inline std::size_t match_phrase(const Sentence& s, std::size_t i,
                                View<std::string_view> phrases) noexcept {
  std::size_t best = 0;
  if (i >= s.tokens.size) return 0;
  const std::string_view first = s.tokens[i].lower;
  for (std::string_view p : phrases) {
    // cheap rejection on the first letter, then on the first word, before splitting the
    // phrase (most phrases differ from the token in their first letter)
    if (!first.empty() && (p.empty() || p[0] != first[0])) continue;
    if (p.size() < first.size() || (p.size() > first.size() && p[first.size()] != ' ') ||
        p.compare(0, first.size(), first) != 0)
      continue;
    std::size_t k = i, pos = 0;
    bool ok = true;
    while (pos < p.size()) {
      std::size_t sp = p.find(' ', pos);
      if (sp == std::string_view::npos) sp = p.size();
      std::string_view word = p.substr(pos, sp - pos);
      if (k >= s.tokens.size || s.tokens[k].lower != word) {
        ok = false;
        break;
      }
      ++k;
      pos = sp + 1;
    }
    if (ok && k - i > best) best = k - i;
  }
  return best;
}

// 64-bit FNV-1a over the bytes.
inline std::uint64_t fnv1a(std::string_view bytes) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// FNV-1a over a word's bytes, never 0 (0 can mark an empty slot of a hash table).
inline std::uint64_t word_hash(std::string_view w) noexcept { return fnv1a(w) | 1; }

// A test made before a word is hashed and looked up in a table of words: one bit per
// length, per first byte and per mix of length, first and last byte of the words the table
// holds. A word that fails it is not in the table (most words of a text fail it); one that
// passes may be. Header-only.
class WordShapes {
 public:
  void add(std::string_view w) noexcept {
    lengths_ |= std::uint64_t{1} << length_bit(w);
    if (!w.empty()) set(firsts_, static_cast<unsigned char>(w[0]));
    set(edges_, edges(w));
  }
  bool may_hold(std::string_view w) const noexcept {
    if (!(lengths_ & (std::uint64_t{1} << length_bit(w)))) return false;
    if (!w.empty() && !test(firsts_, static_cast<unsigned char>(w[0]))) return false;
    return test(edges_, edges(w));
  }

 private:
  static unsigned length_bit(std::string_view w) noexcept {
    return w.size() < 63 ? static_cast<unsigned>(w.size()) : 63u;  // 63: 63 or more
  }
  // A word's length, first and last byte mixed into 0..255.
  static unsigned edges(std::string_view w) noexcept {
    if (w.empty()) return 0;
    return (static_cast<unsigned>(w.size()) * 37u + static_cast<unsigned char>(w[0]) * 7u +
            static_cast<unsigned char>(w.back())) & 255u;
  }
  static void set(std::uint64_t (&bits)[4], unsigned v) noexcept {
    bits[v >> 6] |= std::uint64_t{1} << (v & 63);
  }
  static bool test(const std::uint64_t (&bits)[4], unsigned v) noexcept {
    return (bits[v >> 6] & (std::uint64_t{1} << (v & 63))) != 0;
  }
  std::uint64_t lengths_ = 0;     // one bit per length
  std::uint64_t firsts_[4] = {};  // one bit per first byte
  std::uint64_t edges_[4] = {};   // one bit per edges()
};

// Phrases grouped by their first word, for an extractor that looks for many trigger
// phrases at every token: build it once from a lexicon's terms (in the extractor's
// constructor; the terms outlive the extractor), then match() costs one hash lookup per
// token instead of a comparison with every phrase. Same answer as match_phrase() over the
// same phrases. Header-only: it adds nothing to the ABI.
class PhraseSet {
 public:
  PhraseSet() = default;
  explicit PhraseSet(View<std::string_view> phrases)
      : PhraseSet(std::initializer_list<View<std::string_view>>{phrases}) {}
  // The phrases of several lists as one set, in list order: an extractor that tries
  // several lists at each token asks starts_with_word() of their union first, one lookup
  // for the many tokens that start none of them.
  explicit PhraseSet(std::initializer_list<View<std::string_view>> lists) {
    // each phrase finds its group (in order of first appearance) in a table of the first
    // words met so far, not by a walk over the groups: the union of long lists stays cheap
    std::size_t total = 0;
    for (const View<std::string_view>& phrases : lists) total += phrases.size;
    std::size_t seen_cap = 8;
    while (seen_cap < total * 2) seen_cap *= 2;
    std::vector<Slot> seen(seen_cap);
    for (const View<std::string_view>& phrases : lists)
      for (std::string_view p : phrases) {
        const std::string_view first = p.substr(0, p.find(' '));
        const std::uint64_t h = word_hash(first);
        std::size_t k = h & (seen_cap - 1);
        while (seen[k].hash != 0 && !(seen[k].hash == h && groups_[seen[k].group].first == first))
          k = (k + 1) & (seen_cap - 1);
        if (seen[k].hash == 0) {
          seen[k] = {h, groups_.size()};
          groups_.push_back({first, {}});
        }
        groups_[seen[k].group].phrases.push_back(p);
        shapes_.add(first);
      }
    std::size_t cap = 8;
    while (cap < groups_.size() * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const std::uint64_t h = word_hash(groups_[g].first);
      filter_ |= std::uint64_t{1} << (h >> 58);
      std::size_t k = h & mask_;
      while (slots_[k].hash != 0) k = (k + 1) & mask_;
      slots_[k] = {h, g};
    }
  }
  std::size_t match(const Sentence& s, std::size_t i) const noexcept {
    if (i >= s.tokens.size) return 0;
    const Group* g = group_of(s.tokens[i].lower);
    if (!g) return 0;
    return match_phrase(s, i, View<std::string_view>{g->phrases.data(), g->phrases.size()});
  }
  // Is `word` one of the phrases (a one-word phrase equal to it)? The same answer as
  // any_of_terms(word, phrases) for a word without spaces, such as a token.
  bool contains(std::string_view word) const noexcept {
    const Group* g = group_of(word);
    if (!g) return false;
    for (std::string_view p : g->phrases)
      if (p.size() == word.size()) return true;  // same first word, no second one
    return false;
  }
  // Does some phrase start with the word `w`? match() is 0 at a token where none does.
  bool starts_with_word(std::string_view w) const noexcept { return group_of(w) != nullptr; }
  bool empty() const noexcept { return groups_.empty(); }

 private:
  struct Group {
    std::string_view first;
    std::vector<std::string_view> phrases;  // in list order
  };
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty
    std::size_t group = 0;
  };
  // The group of phrases whose first word is `w`, or null. A word's length, first and last
  // byte reject most words before it is hashed (inline: most calls end there; the hashed
  // look-up kept out of line, so that this test stays small enough to be inlined at every
  // call instead of paying a call that saves and restores the registers of the hashing).
  const Group* group_of(std::string_view w) const noexcept {
    return shapes_.may_hold(w) ? hashed_group_of(w) : nullptr;
  }
  [[gnu::noinline]] const Group* hashed_group_of(std::string_view w) const noexcept {
    const std::uint64_t h = word_hash(w);
    if (!(filter_ & (std::uint64_t{1} << (h >> 58)))) return nullptr;
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& x = slots_[k];
      if (x.hash == 0) return nullptr;
      if (x.hash == h && groups_[x.group].first == w) return &groups_[x.group];
    }
  }
  std::vector<Group> groups_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::uint64_t filter_ = 0;  // one bit per first word, by the top six bits of its hash
  WordShapes shapes_;         // of the first words
};

// True when one of `phrases` ends right before token i ("intention to" + "visit").
inline bool preceded_by(const Sentence& s, std::size_t i, View<std::string_view> phrases) noexcept {
  if (i == 0 || i > s.tokens.size) return false;
  const std::string_view last = s.tokens[i - 1].lower;
  for (std::string_view p : phrases) {
    // cheap rejection: the phrase's last word must be the token before i (most phrases
    // differ from it in their last letter)
    if (p.size() < last.size() || (p.size() > last.size() && p[p.size() - last.size() - 1] != ' ') ||
        p.compare(p.size() - last.size(), last.size(), last) != 0)
      continue;
    // a phrase of two words or more: the word before the last must be the token before
    // i - 1 (most phrases ending with a word such as "to" or "for" differ there) before the
    // words are counted and the whole phrase is matched
    if (!last.empty() && p.size() > last.size()) {
      if (i < 2) continue;
      const std::size_t end = p.size() - last.size() - 1;  // the space before the last word
      const std::size_t space = end == 0 ? std::string_view::npos : p.rfind(' ', end - 1);
      const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
      if (s.tokens[i - 2].lower != p.substr(start, end - start)) continue;
    }
    std::size_t words = 1;
    for (char ch : p) words += ch == ' ';
    if (words > i) continue;
    View<std::string_view> one{&p, 1};
    if (match_phrase(s, i - words, one) == words) return true;
  }
  return false;
}

// The phrases of a list by their last word, for an extractor that asks preceded_by() of
// the same list at many tokens: build it once from a lexicon's terms (in the extractor's
// constructor; the terms outlive it), then preceded_by() costs one look-up of the word
// before i wherever no phrase ends with it, and compares only the phrases ending with it
// elsewhere, instead of every phrase. Same answer as preceded_by(s, i, phrases).
// Header-only: it adds nothing to the ABI.
class PhraseEnds {
 public:
  PhraseEnds() = default;
  explicit PhraseEnds(View<std::string_view> phrases) {
    std::vector<std::string_view> lasts;
    for (std::string_view p : phrases) {
      const std::string_view last = p.substr(p.rfind(' ') + 1);
      std::size_t g = 0;  // (few last words a list: "to", "for", "of")
      while (g < groups_.size() && groups_[g].last != last) ++g;
      if (g == groups_.size()) {
        groups_.push_back({last, {}});
        lasts.push_back(last);
      }
      groups_[g].phrases.push_back(p);
    }
    lasts_ = PhraseSet(View<std::string_view>{lasts.data(), lasts.size()});
  }
  bool preceded_by(const Sentence& s, std::size_t i) const noexcept {
    if (i == 0 || i > s.tokens.size) return false;
    const std::string_view w = s.tokens[i - 1].lower;
    if (!lasts_.contains(w)) return false;
    for (const Group& g : groups_)
      if (g.last == w)
        return sdk::preceded_by(s, i, View<std::string_view>{g.phrases.data(), g.phrases.size()});
    return false;
  }

 private:
  struct Group {
    std::string_view last;
    std::vector<std::string_view> phrases;  // the phrases ending with `last`, in list order
  };
  std::vector<Group> groups_;
  PhraseSet lasts_;  // the last word of every phrase, as one-word phrases
};

// Does an entity or a temporal mention start at token i?
inline bool entity_starts_at(const Sentence& s, std::size_t i) noexcept {
  for (const auto& e : s.entities)
    if (e.first_token == i) return true;
  return false;
}
inline bool mention_starts_at(const Sentence& s, std::size_t i) noexcept {
  for (const auto& m : s.mentions)
    if (m.first_token == i) return true;
  return false;
}

// "met this morning with", "met for an hour with", "met bilaterally with", "a meeting in
// 2022 with", "met in Lima on Monday with": the token right after a "with" that follows
// token `next` past a short adverbial (times, "in", "at", "on" or "for" and a place or a
// time, "here", a word in -ly), or 0 when no "with" follows so.
inline std::size_t with_after_adverbial(const Sentence& s, std::size_t next,
                                        std::size_t max_skip = 8) noexcept {
  auto inside = [&](std::size_t k) {
    for (const auto& m : s.mentions)
      if (m.first_token <= k && k < m.last_token) return true;
    // a place after "in", "at" or "the" ("in Lima", "at the White House")
    for (const auto& e : s.entities) {
      if (k < e.first_token || k >= e.last_token || e.first_token == 0 ||
          e.kind == EntityKind::person || e.kind == EntityKind::group)
        continue;
      const auto before = s.tokens[e.first_token - 1].lower;
      if (before == "in" || before == "at" || before == "the") return true;
    }
    return false;
  };
  for (std::size_t k = next; k < s.tokens.size && k < next + max_skip; ++k) {
    const Token& t = s.tokens[k];
    if (t.lower == "with") return k + 1;
    if (inside(k)) continue;
    if (t.lower == "in" || t.lower == "at" || t.lower == "on" || t.lower == "for" ||
        t.lower == "the" || t.lower == "here")
      continue;
    const bool adverb = t.kind == TokenKind::word && !t.capitalized && t.lower.size() > 4 &&
                        t.lower.substr(t.lower.size() - 2) == "ly";
    if (!adverb) return 0;
  }
  return 0;
}

// "the Ohio, Iowa and Utah legislatures": at a comma right after a name, the end of the list
// of names it goes on with, past "and" (or ", and") and the last name; 0 when no such list
// follows ("officials from France, the ministry said")
inline std::size_t name_list_end(const Sentence& s, std::size_t comma) {
  const std::size_t n = s.tokens.size;
  auto name_run = [&](std::size_t l) {
    while (l < n && (s.tokens[l].capitalized || s.tokens[l].lower == "-")) ++l;
    return l;
  };
  std::size_t l = comma;
  while (l + 1 < n && s.tokens[l].lower == "," && s.tokens[l + 1].capitalized) l = name_run(l + 1);
  if (l == comma) return 0;
  if (l + 2 < n && s.tokens[l].lower == "," && s.tokens[l + 1].lower == "and") ++l;
  if (l + 1 < n && s.tokens[l].lower == "and" && s.tokens[l + 1].capitalized)
    return name_run(l + 1);
  return 0;
}

// "with his top economic advisers", "with a range of EU officials and members of EU
// parliament", "with the 10 premiers", "with counterparts from our Baltic Allies", "with
// Korean-American space experts": the groups of people that start at token `next` (right
// after "with"), each ending in one of `nouns`, as [first, end) token ranges. `leading`
// words (determiners, possessives) and a quantifier ("a range of", "a group of") are left
// out; "of" or "from" and a capitalised name after the noun belong to the group. Empty when
// a person's name, a punctuation mark or one of `stops` comes first.
inline std::vector<std::pair<std::size_t, std::size_t>> people_groups_at(
    const Sentence& s, std::size_t next, View<std::string_view> nouns,
    View<std::string_view> leading, View<std::string_view> stops) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::size_t n = s.tokens.size;
  auto person_at = [&](std::size_t k) {
    for (const auto& e : s.entities)
      if (e.first_token == k && e.kind == EntityKind::person) return true;
    return false;
  };
  std::size_t k = next;
  while (k < n) {
    // "a range of", "a bipartisan group of": one or two words in lower case before "of"
    for (std::size_t words = 1; words <= 2; ++words) {
      bool quantifier = k + words + 1 < n &&
                        (s.tokens[k].lower == "a" || s.tokens[k].lower == "an") &&
                        s.tokens[k + words + 1].lower == "of";
      for (std::size_t w = 1; w <= words && quantifier; ++w)
        quantifier = s.tokens[k + w].kind == TokenKind::word && !s.tokens[k + w].capitalized &&
                     !any_of_terms(s.tokens[k + w].lower, nouns);
      if (quantifier) {
        k += words + 2;
        break;
      }
    }
    while (k < n && any_of_terms(s.tokens[k].lower, leading)) ++k;
    const std::size_t first = k;
    std::size_t end = 0;
    for (std::size_t q = first; q < n && q < first + 6; ++q) {
      const Token& t = s.tokens[q];
      if ((t.kind == TokenKind::punct && t.lower != "-") || any_of_terms(t.lower, stops) ||
          person_at(q))
        break;
      if (any_of_terms(t.lower, nouns)) {
        end = q + 1;
        break;
      }
    }
    if (end == 0) break;
    if (end + 1 < n && (s.tokens[end].lower == "of" || s.tokens[end].lower == "from")) {
      std::size_t r = end + 1;
      while (r < n && any_of_terms(s.tokens[r].lower, leading)) ++r;
      // a capitalised name ("the Environment and Public Works Committee")
      std::size_t q = r;
      while (q < n && q < r + 8 &&
             (s.tokens[q].capitalized || s.tokens[q].lower == "-" ||
              (s.tokens[q].lower == "and" && q > r && q + 1 < n && s.tokens[q + 1].capitalized)))
        ++q;
      // "members of the Ohio, Iowa and Utah legislatures": a list of names goes on
      if (q > r && q < n && s.tokens[q].lower == ",")
        if (const std::size_t l = name_list_end(s, q)) q = l;
      // "members of EU parliament": a word in lower case may end the name, before a
      // punctuation mark or a stop
      if (q > r && q + 1 < n && s.tokens[q].kind == TokenKind::word && !s.tokens[q].capitalized &&
          s.tokens[q].lower != "and" && !any_of_terms(s.tokens[q].lower, stops) &&
          (s.tokens[q + 1].kind == TokenKind::punct || any_of_terms(s.tokens[q + 1].lower, stops)))
        ++q;
      if (q > r && !person_at(r)) end = q;
    }
    out.emplace_back(first, end);
    // "EU officials and members of ...": another group after "and"
    if (end + 1 < n && s.tokens[end].lower == "and") {
      k = end + 1;
      continue;
    }
    break;
  }
  return out;
}

// "Community agricultural ministers are due to meet", "some ministers who meet", "told
// agriculture ministers meeting in Luxembourg": a group of people that names no entity, right
// before token `i` past at most `max_gap` of the `gap` words (auxiliaries, "due to", "who"),
// as a [first, end) token range: one of `nouns` in lower case, with the capitalised words
// (a body, a region) and the `modifiers` written before it ("and" between two of those),
// up to one of `stops` ("But", "The", "some"). {0, 0} when there is none, or when an entity covers the noun (the frame
// reads those).
inline std::pair<std::size_t, std::size_t> group_before(const Sentence& s, std::size_t i,
                                                        View<std::string_view> nouns,
                                                        View<std::string_view> modifiers,
                                                        View<std::string_view> gap,
                                                        View<std::string_view> stops,
                                                        std::size_t max_gap = 4) {
  std::size_t k = i;
  for (std::size_t steps = 0; k > 0 && steps < max_gap && any_of_terms(s.tokens[k - 1].lower, gap);
       ++steps)
    --k;
  if (k == 0) return {0, 0};
  const Token& noun = s.tokens[k - 1];
  if (noun.kind != TokenKind::word || noun.capitalized || !any_of_terms(noun.lower, nouns))
    return {0, 0};
  for (const auto& e : s.entities)
    if (e.first_token < k && k <= e.last_token) return {0, 0};
  std::size_t first = k - 1;
  while (first > 0 && k - first < 6) {
    const Token& p = s.tokens[first - 1];
    // "senior industry and research officials": "and" between two modifiers
    if (p.lower == "and" && first >= 2 && !s.tokens[first].capitalized &&
        any_of_terms(s.tokens[first].lower, modifiers) && !s.tokens[first - 2].capitalized &&
        any_of_terms(s.tokens[first - 2].lower, modifiers)) {
      first -= 2;
      continue;
    }
    if ((p.kind != TokenKind::word && p.lower != "-") || any_of_terms(p.lower, stops)) break;
    if (p.kind == TokenKind::word && !p.capitalized && !any_of_terms(p.lower, modifiers)) break;
    --first;
  }
  // a hyphen opens nothing ("-based ministers")
  while (first < k - 1 && s.tokens[first].lower == "-") ++first;
  return {first, k};
}

// The words of tokens [first, end) as written, white space folded to single spaces.
inline std::string words_of(const Sentence& s, std::size_t first, std::size_t end) {
  std::string out;
  if (first >= end || end > s.tokens.size) return out;
  const std::size_t b = s.tokens[first].span.begin, e = s.tokens[end - 1].span.end;
  for (char ch : s.text.substr(b, e - b)) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}

// "meet its obligations", "met the target": a bare meeting verb whose next word is
// none of `allowed_next`, no name, no place and no time takes a thing as its object.
inline bool takes_thing_object(const Sentence& s, std::size_t next,
                               View<std::string_view> allowed_next,
                               View<std::string_view> skip = {}) noexcept {
  while (next < s.tokens.size && any_of_terms(s.tokens[next].lower, skip)) ++next;
  if (next >= s.tokens.size) return false;
  const Token& t = s.tokens[next];
  if (t.kind == TokenKind::punct || t.capitalized) return false;
  if (any_of_terms(t.lower, allowed_next)) return false;
  return !entity_starts_at(s, next) && !mention_starts_at(s, next);
}

// "the G20 Leaders' Summit", "the U.S.-ASEAN Summit": an event noun written as part of a
// capitalised name is a named event, not a reference back to one already told.
inline bool named_event_at(const Sentence& s, std::size_t i) noexcept {
  if (i == 0 || i >= s.tokens.size || !s.tokens[i].capitalized) return false;
  std::size_t k = i - 1;
  if ((s.tokens[k].lower == "'s" || s.tokens[k].lower == "'") && k > 0) --k;
  return s.tokens[k].capitalized || s.tokens[k].kind == TokenKind::number;
}

// "met today with Macron on the margins of the G7 Summit": the status of a gathering named
// right after "<alongside word> of (the)" (`name_first` is its first token). A meeting held
// on its margins today, or undated, leaves it under way; one that people "will meet" or
// agreed "to meet" on its margins lies ahead. Other statuses stay as they are.
inline Status alongside_status(const Sentence& s, std::size_t name_first, Status status,
                               std::ptrdiff_t time, View<std::string_view> alongside,
                               View<std::string_view> today, View<std::string_view> meet_verbs,
                               View<std::string_view> future_marks) noexcept {
  std::size_t k = name_first;
  if (k > 0 && s.tokens[k - 1].lower == "the") --k;
  if (k < 2 || s.tokens[k - 1].lower != "of" || !any_of_terms(s.tokens[k - 2].lower, alongside))
    return status;
  for (std::size_t q = k - 2, steps = 0; q > 1 && steps < 10; --q, ++steps)
    if (any_of_terms(s.tokens[q - 1].lower, meet_verbs) &&
        any_of_terms(s.tokens[q - 2].lower, future_marks))
      return Status::planned;
  if (status != Status::occurred) return status;
  if (time < 0) return Status::ongoing;
  const auto& m = s.mentions[static_cast<std::size_t>(time)];
  for (std::size_t q = m.first_token; q < m.last_token; ++q)
    if (any_of_terms(s.tokens[q].lower, today)) return Status::ongoing;
  return status;
}

// Adds `name` to the candidate's participants unless it is there already.
inline void add_participant(EventCandidate& c, std::string_view name) {
  for (const auto& p : c.participants)
    if (p == name) return;
  c.participants.emplace_back(name);
}

// "met this morning with his top economic advisers", "spoke by phone with counterparts from
// our Baltic Allies": the groups of people after the trigger ending at token `next` (after
// "with", or past a short adverbial and its "with"; people_groups_at) join the candidate as
// participants and as the other side.
inline void add_with_groups(EventCandidate& c, const Sentence& s, std::size_t next,
                            View<std::string_view> nouns, View<std::string_view> leading,
                            View<std::string_view> stops) {
  if (next == 0 || next > s.tokens.size) return;
  const std::size_t at = s.tokens[next - 1].lower == "with" ? next : with_after_adverbial(s, next);
  if (at == 0) return;
  for (auto [b, e] : people_groups_at(s, at, nouns, leading, stops)) {
    std::string g = words_of(s, b, e);
    add_participant(c, g);
    c.counterparts.push_back(std::move(g));
  }
}

// Fills an EventCandidate from a host frame: participants (agents, then counterparts),
// place or destination, time and status. Visits to several countries list them.
inline EventCandidate candidate_from_frame(const Sentence& s, const Frame& f, std::string type,
                                           std::size_t first, std::size_t last,
                                           TriggerForm form) {
  EventCandidate c;
  c.type = std::move(type);
  c.form = form;
  c.trigger = {s.tokens[first].span.begin, s.tokens[last - 1].span.end};
  auto add = [&](std::vector<std::string>& v, std::string_view name) {
    for (const auto& x : v)
      if (x == name) return;
    v.emplace_back(name);
  };
  for (auto k : f.agents) add(c.participants, s.entities[k].name);
  for (auto k : f.counterparts) {
    add(c.participants, s.entities[k].name);
    add(c.counterparts, s.entities[k].name);
  }
  // the country a visit goes to, when the text names it: "visit Kenya", "to Zurich, Switzerland"
  auto named_country = [&](std::size_t d) -> std::string_view {
    const Entity& e = s.entities[d];
    if (e.kind == EntityKind::country) return e.name;
    if (e.kind != EntityKind::city || e.country.empty() || e.last_token >= s.tokens.size ||
        s.tokens[e.last_token].lower != ",")
      return {};
    for (const auto& n : s.entities)
      if (n.first_token == e.last_token + 1 && n.kind == EntityKind::country && n.country == e.country)
        return n.name;
    return {};
  };
  const std::ptrdiff_t where = f.destination >= 0 && c.type == "visit" ? f.destination : f.place;
  if (c.type == "visit" && f.destinations.size() > 1) {
    // several stops: the places as written, and those that are countries among the participants
    const Entity& a = s.entities[f.destinations.front()];
    const Entity& b = s.entities[f.destinations.back()];
    const std::size_t from = s.tokens[a.first_token].span.begin;
    c.location = std::string(s.text.substr(from, s.tokens[b.last_token - 1].span.end - from));
    for (auto d : f.destinations)
      if (auto n = named_country(d); !n.empty()) add(c.participants, n);
  } else if (where >= 0) {
    const Entity& e = s.entities[static_cast<std::size_t>(where)];
    c.location = std::string(e.name);
    c.country = std::string(e.country);
    if (c.type == "visit" && where == f.destination) {
      if (auto n = named_country(static_cast<std::size_t>(where)); !n.empty())
        add(c.participants, n);
    }
  }
  c.time = f.time;
  c.status = f.status;
  return c;
}

// The usual register function: checks that the plugin's lexicon has `required_key`, then
// adds one ExtractorT built from the lexicon. Exceptions never leave it.
template <class ExtractorT>
bool register_lexicon_extractor(Registrar& r, std::string_view required_key) noexcept {
  try {
    if (r.lexicon().terms(required_key).empty()) {
      std::string msg = "lexicon has no '";
      msg.append(required_key);
      msg += "' list (config/lexicons/<lang>/<plugin>.yaml)";
      r.fail(msg);
      return false;
    }
    r.add(std::make_unique<ExtractorT>(r.lexicon()));
    return true;
  } catch (const std::exception& e) {
    r.fail(e.what());
    return false;
  } catch (...) {
    r.fail("unknown exception");
    return false;
  }
}

}  // namespace abi_v1
}  // namespace chronicle::sdk

// Exports the two symbols the host looks for: the info block and the register function.
#define CHRONICLE_PLUGIN(NAME, VERSION, REGISTER_FN)                                       \
  namespace {                                                                              \
  const ::chronicle::sdk::PluginInfo chronicle_plugin_info_{                               \
      CHRONICLE_SDK_ABI_MAJOR, CHRONICLE_SDK_ABI_MINOR,                                    \
      static_cast<std::uint32_t>(sizeof(::chronicle::sdk::PluginInfo)), NAME, VERSION,     \
      CHRONICLE_SDK_TOOLCHAIN, nullptr, 0};                                                \
  }                                                                                        \
  BOOST_DLL_ALIAS(chronicle_plugin_info_, chronicle_plugin_info)                           \
  BOOST_DLL_ALIAS(REGISTER_FN, chronicle_plugin_register)

// CHRONICLE_PLUGIN_GATED and CHRONICLE_PLUGIN_PHRASE_GATED: IN_ORDER is the block's
// gate_in_order (0 or 1)
#define CHRONICLE_PLUGIN_WITH_GATE_(NAME, VERSION, REGISTER_FN, IN_ORDER, ...)             \
  namespace {                                                                              \
  const char* const chronicle_plugin_gate_[] = {__VA_ARGS__, nullptr};                     \
  const ::chronicle::sdk::PluginInfo chronicle_plugin_info_{                               \
      CHRONICLE_SDK_ABI_MAJOR, CHRONICLE_SDK_ABI_MINOR,                                    \
      static_cast<std::uint32_t>(sizeof(::chronicle::sdk::PluginInfo)), NAME, VERSION,     \
      CHRONICLE_SDK_TOOLCHAIN, chronicle_plugin_gate_, IN_ORDER};                          \
  }                                                                                        \
  BOOST_DLL_ALIAS(chronicle_plugin_info_, chronicle_plugin_info)                           \
  BOOST_DLL_ALIAS(REGISTER_FN, chronicle_plugin_register)

// The same as CHRONICLE_PLUGIN, with the lexicon keys of the plugin's trigger lists
// (PluginInfo::sentence_gate):
// CHRONICLE_PLUGIN_GATED("visits", "1.0.0", register_visits, "verbs", "nouns").
#define CHRONICLE_PLUGIN_GATED(NAME, VERSION, REGISTER_FN, ...) \
  CHRONICLE_PLUGIN_WITH_GATE_(NAME, VERSION, REGISTER_FN, 0, __VA_ARGS__)

// The same, for a plugin whose every candidate rests on a phrase of those lists standing
// in the sentence as consecutive tokens, in order (PluginInfo::gate_in_order): the host
// skips more sentences. CHRONICLE_PLUGIN_PHRASE_GATED("visits", "1.0.0", register_visits,
// "verbs", "nouns").
#define CHRONICLE_PLUGIN_PHRASE_GATED(NAME, VERSION, REGISTER_FN, ...) \
  CHRONICLE_PLUGIN_WITH_GATE_(NAME, VERSION, REGISTER_FN, 1, __VA_ARGS__)
