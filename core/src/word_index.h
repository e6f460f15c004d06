// Engine-internal: a small open-addressing index of lexicon words, searched with a
// precomputed hash.
//
// The hot loops (temporal grammar, clause reader) look up the same token in dozens of
// word lists. Hashing the token once per sentence (SentenceHashes) and probing a flat
// table with that hash costs a few instructions per list instead of one std::hash of the
// string and a node walk per list.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "word_hash.h"

namespace chronicle::detail {

// (word_hash(): the engine's word hash, never 0 (0 marks an empty slot); see word_hash.h)

class WordIndex {
 public:
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;

  // Number of `w` in insertion order; adds it when new.
  std::uint32_t add(std::string_view w) {
    const std::uint64_t h = word_hash(w);
    if (std::uint32_t id = find(w, h); id != npos) return id;
    if ((words_.size() + 1) * 2 > slots_.size()) grow();
    const auto id = static_cast<std::uint32_t>(words_.size());
    words_.emplace_back(w);
    place(h, id);
    shapes_.add(w);
    return id;
  }
  std::uint32_t find(std::string_view w, std::uint64_t h) const noexcept {
    if (!(filter_ & filter_bit(h)) || !may_hold(tags_.data(), h & mask_, h)) return npos;
    return probe(w, h);
  }
  // ids[k] = find(tokens[k].lower, hashes[k]) for each of n tokens, or `absent` for a word
  // not in the index: one tight loop for a whole sentence (see visit_found()). (Without the
  // filter test: in a table of a few hundred words or more every filter bit is set.)
  // Not inlined: in a function of its own the loops keep their values in registers.
  [[gnu::noinline]] void find_each(const sdk::Token* tokens, const std::uint64_t* hashes,
                                   std::size_t n, std::uint32_t absent,
                                   std::uint32_t* ids) const noexcept {
    std::fill(ids, ids + n, absent);
    if (slots_.empty()) return;
    visit_found(tokens, hashes, n, [ids](std::size_t k, std::uint32_t id) { ids[k] = id; });
  }
  // found(k, id) for each of the n tokens whose word is in the index (id: its number), in
  // order; nothing for the others. The index must hold a word.
  // Two loops per 64 tokens, so that no branch depends on whether a token is a word of the
  // index (about 40% of the tokens of a text are start words: such a branch mispredicts
  // often): the first, without a branch, notes each token whose slot's tag (see tags_)
  // allows its word (every word of the index and about 1% of the others) with a bit of a
  // mask; the second probes the slots of those only, whose words are almost always there.
  template <class Found>
  [[gnu::always_inline]] void visit_found(const sdk::Token* tokens, const std::uint64_t* hashes,
                                          std::size_t n, Found&& found) const noexcept {
    const std::uint8_t* const tags = tags_.data();
    const std::size_t mask = mask_;
    for (std::size_t first = 0; first < n; first += 64) {
      const std::size_t m = std::min<std::size_t>(n - first, 64);
      const std::uint64_t* const hs = hashes + first;
      std::uint64_t maybe = 0;
      for (std::size_t j = 0; j < m; ++j)
        maybe |= std::uint64_t{may_hold(tags, hs[j] & mask, hs[j])} << j;
      for (; maybe != 0; maybe &= maybe - 1) {
        const std::size_t k = first + static_cast<std::size_t>(std::countr_zero(maybe));
        if (const std::uint32_t id = probe(tokens[k].lower, hashes[k]); id != npos) found(k, id);
      }
    }
  }
  // find(w, h), or `absent` for a word not in the index, without the filter test (see
  // find_each()); the index must hold a word.
  std::uint32_t find_unfiltered(std::string_view w, std::uint64_t h,
                                std::uint32_t absent) const noexcept {
    if (!may_hold(tags_.data(), h & mask_, h)) return absent;
    const std::uint32_t id = probe(w, h);
    return id == npos ? absent : id;
  }
  // Without a precomputed hash: the word's length, first and last byte reject most words
  // before it is hashed.
  std::uint32_t find(std::string_view w) const noexcept {
    return shapes_.may_hold(w) ? find(w, word_hash(w)) : npos;
  }
  // A token's lower-case word passed as the Token::lower member itself: a word that passes
  // the shape test takes its hash from the current SentenceHashes scope when the scope
  // holds that token (defined below it).
  // (Inlined where it is called: most words fail the shape test, and the call, not the
  // test, was most of their cost.)
  [[gnu::always_inline]] std::uint32_t find_lower(const std::string_view& lower) const noexcept;
  bool contains(std::string_view w, std::uint64_t h) const noexcept { return find(w, h) != npos; }
  bool contains(std::string_view w) const noexcept { return find(w) != npos; }
  // Room for `n` words in all, added without growing the table again.
  void reserve(std::size_t n) {
    words_.reserve(n);
    std::size_t cap = slots_.empty() ? 8 : slots_.size();
    while ((n + 1) * 2 > cap) cap *= 2;
    if (cap != slots_.size()) rehash(cap);
  }
  std::size_t size() const noexcept { return words_.size(); }
  const std::string& word(std::uint32_t id) const { return words_[id]; }

 private:
  static constexpr std::size_t kInSlot = 16;  // a longer word is compared with words_[id]
  // Slot::size of a word longer than kInSlot: its length with this bit set (no token's length
  // equals it, so the common test, an equal length, is for a word held in the slot)
  static constexpr std::uint32_t kLongWord = 0x40000000u;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = 0;
    std::uint32_t size = 0;  // the word's length (see kLongWord): most words of an equal hash
                             // are the word
    // the word's bytes when it has up to kInSlot (the rest zero; for a word of 1 to 7 bytes
    // the first 8 are its short_key()): a found word is confirmed against the slot itself,
    // without loading the word's string
    char bytes[kInSlot] = {};
  };
  // Words are compared here a few bytes at a time (two overlapping loads cover a word of
  // 8 to 16 bytes, short_key() a shorter one): after an equal hash the words are almost
  // always equal and short, and a call to memcmp costs more than the few bytes.
  template <class Int>
  static Int load(const char* p) noexcept {
    Int v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  template <class Int>
  static bool same_ends(const char* p, const char* q, std::size_t n) noexcept {
    constexpr std::size_t w = sizeof(Int);
    return ((load<Int>(p) ^ load<Int>(q)) | (load<Int>(p + n - w) ^ load<Int>(q + n - w))) == 0;
  }
  // the slot's word is the n bytes at p
  [[gnu::always_inline]] bool holds(const Slot& x, const char* p, std::size_t n) const noexcept {
    const std::size_t d = x.size ^ n;
    if (d == 0) {
      if (n - 1 < 7) return load<std::uint64_t>(x.bytes) == short_key(p, n);  // (most words)
      return n == 0 || same_ends<std::uint64_t>(x.bytes, p, n);
    }
    return d == kLongWord && same_long(x, p, n);
  }
  // The n bytes at p, 1 to 7 of them, as 8: byte i is p[min(i, n - 1)]. Read a byte at a
  // time, none past the n, without a branch on n (a branch by the length of the word,
  // which varies from one to the next, mispredicts often).
  static std::uint64_t short_key(const char* p, std::size_t n) noexcept {
    std::uint64_t v = 0;
#pragma GCC unroll 8
    for (std::size_t i = 0; i < 8; ++i)
      v |= std::uint64_t{static_cast<unsigned char>(p[std::min(i, n - 1)])} << (8 * i);
    return v;
  }
  // holds() for a word longer than kInSlot (rare: out of the hot loops' way)
  [[gnu::noinline]] bool same_long(const Slot& x, const char* p, std::size_t n) const noexcept {
    const std::string& w = words_[x.id];
    return w.size() == n && same_sized(w.data(), p, n);
  }
  // the n bytes at p and q are equal
  static bool same_sized(const char* p, const char* q, std::size_t n) noexcept {
    if (n >= 8) {
      for (; n > 16; n -= 8, p += 8, q += 8)
        if (load<std::uint64_t>(p) != load<std::uint64_t>(q)) return false;
      return same_ends<std::uint64_t>(p, q, n);
    }
    if (n >= 4) return same_ends<std::uint32_t>(p, q, n);
    if (n >= 2) return same_ends<std::uint16_t>(p, q, n);
    return n == 0 || *p == *q;
  }
  // One byte per slot (tags_): 0 for an empty slot; else the low seven bits are tag_of()
  // of the hash of the slot's word, and the top bit (kRunGoesOn) is set when the next slot
  // holds a word too. A word whose first slot (its hash & mask_) is s lies in s or, when
  // a word took s, further on in the run of full slots after s: so it can be in the index
  // only when tags_[s] has its tag or kRunGoesOn. The test reads an array a few
  // times smaller than the slots, which stays in the first-level cache, and rejects most
  // words of a text (no word of the index) without reading a slot: those whose first slot
  // is empty, and almost all of those whose first slot holds another word.
  static constexpr std::uint8_t kRunGoesOn = 0x80;
  // (the top six bits of the hash, and a 1: never 0)
  static std::uint8_t tag_of(std::uint64_t h) noexcept {
    return static_cast<std::uint8_t>((h >> 57) | 1);
  }
  static bool may_hold(const std::uint8_t* tags, std::size_t s, std::uint64_t h) noexcept {
    const std::uint8_t t = tags[s];
    return ((t & 0x7F) == tag_of(h)) | (t >> 7);
  }
  // The number of the word w of hash h, or npos, from its first slot on; may_hold() of
  // that slot said yes (so the slot holds a word). The run of full slots ends where a
  // slot's tag has no kRunGoesOn.
  [[gnu::always_inline]] std::uint32_t probe(std::string_view w, std::uint64_t h) const noexcept {
    const Slot* const slots = slots_.data();
    const std::uint8_t* const tags = tags_.data();
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      const Slot& x = slots[s];
      if (x.hash == h && holds(x, w.data(), w.size())) return x.id;
      if (!(tags[s] & kRunGoesOn)) return npos;
    }
  }
  // one bit per word, chosen by the top six bits of its hash: most words of a text are
  // in no list and most are rejected by this one test
  static std::uint64_t filter_bit(std::uint64_t h) noexcept {
    return std::uint64_t{1} << (h >> 58);
  }
  void place(std::uint64_t h, std::uint32_t id) {
    filter_ |= filter_bit(h);
    std::size_t s = h & mask_;
    while (slots_[s].hash != 0) s = (s + 1) & mask_;
    tags_[s] =
        static_cast<std::uint8_t>(tag_of(h) | (tags_[(s + 1) & mask_] != 0 ? kRunGoesOn : 0));
    if (std::uint8_t& before = tags_[(s - 1) & mask_]; before != 0) before |= kRunGoesOn;
    const std::string& w = words_[id];
    Slot& x = slots_[s];
    x = {h, id, static_cast<std::uint32_t>(w.size())};
    if (w.size() <= kInSlot)
      std::memcpy(x.bytes, w.data(), w.size());
    else
      x.size |= kLongWord;
    if (w.size() - 1 < 7) {
      const std::uint64_t key = short_key(w.data(), w.size());
      std::memcpy(x.bytes, &key, sizeof key);
    }
  }
  void grow() { rehash(slots_.empty() ? 8 : slots_.size() * 2); }
  // find_lower() of a word that passed the shape test (not inlined)
  std::uint32_t find_lower_shaped(const std::string_view& lower) const noexcept;
  // The slots keep each word's hash: the words are not hashed again.
  void rehash(std::size_t cap) {
    std::vector<Slot> old(cap, Slot{});
    old.swap(slots_);
    tags_.assign(cap, 0);
    mask_ = cap - 1;
    for (const Slot& x : old)
      if (x.hash != 0) place(x.hash, x.id);
  }
  std::vector<Slot> slots_;
  std::vector<std::uint8_t> tags_;  // a byte per slot: see may_hold()
  std::size_t mask_ = 0;
  std::uint64_t filter_ = 0;
  sdk::WordShapes shapes_;  // rejects most words without hashing them
  std::vector<std::string> words_;
};

// A word list from a lexicon, in its order, with a hashed membership test.
class WordList {
 public:
  WordList() = default;
  WordList(std::vector<std::string> words) : words_(std::move(words)) {  // NOLINT: implicit
    for (const auto& w : words_) index_.add(w);
  }
  bool contains(std::string_view w) const noexcept { return index_.contains(w); }
  bool contains(std::string_view w, std::uint64_t h) const noexcept {
    return index_.contains(w, h);
  }
  auto begin() const noexcept { return words_.begin(); }
  auto end() const noexcept { return words_.end(); }
  std::size_t size() const noexcept { return words_.size(); }
  bool empty() const noexcept { return words_.empty(); }
  const std::string& operator[](std::size_t i) const { return words_[i]; }
  operator const std::vector<std::string>&() const noexcept { return words_; }  // NOLINT

 private:
  std::vector<std::string> words_;
  WordIndex index_;
};

// A set of words for membership tests only (no iteration order to rely on).
class WordSet {
 public:
  void insert(std::string_view w) { index_.add(w); }
  void reserve(std::size_t n) { index_.reserve(n); }
  bool contains(std::string_view w) const noexcept { return index_.contains(w); }
  // contains(tokens[k].lower), given the member itself: see WordIndex::find_lower
  bool contains_lower(const std::string_view& lower) const noexcept {
    return index_.find_lower(lower) != WordIndex::npos;
  }
  std::size_t count(std::string_view w) const noexcept { return contains(w) ? 1 : 0; }
  std::size_t size() const noexcept { return index_.size(); }
  bool empty() const noexcept { return index_.size() == 0; }

 private:
  WordIndex index_;
};

namespace hashes_detail {
struct Current {
  const sdk::Token* tokens = nullptr;
  std::size_t size = 0;
  const std::uint64_t* hashes = nullptr;
};
inline thread_local Current current{};
}  // namespace hashes_detail

// The lower-case hashes of one sentence's tokens, computed once and shared, on this
// thread, by every lookup made while the scope lives. Lookups on other token arrays
// (or outside any scope) hash the word themselves: same answers, only slower.
class SentenceHashes {
 public:
  // A scope over the same tokens as the current one (the analysis's, around the grammar's
  // and the clause reader's) shares its hashes instead of computing them again.
  // With `made`, the hashes of the n tokens as the tokenizer gave them (TokenList::hashes):
  // taken as they are; without, computed here.
  explicit SentenceHashes(const sdk::Token* tokens, std::size_t n,
                          const std::uint64_t* made = nullptr)
      : saved_(hashes_detail::current) {
    if (saved_.tokens == tokens && saved_.size == n && saved_.hashes) return;
    if (made) {
      hashes_detail::current = {tokens, n, made};
      return;
    }
    std::uint64_t* h = short_.data();  // most sentences: no allocation
    if (n > short_.size()) {
      long_.resize(n);
      h = long_.data();
    }
    for (std::size_t i = 0; i < n; ++i) h[i] = word_hash(tokens[i].lower);
    hashes_detail::current = {tokens, n, h};
  }
  ~SentenceHashes() { hashes_detail::current = saved_; }
  SentenceHashes(const SentenceHashes&) = delete;
  SentenceHashes& operator=(const SentenceHashes&) = delete;

  // Hash of tokens[i].lower, from the current scope when it covers `tokens`.
  static std::uint64_t of(const sdk::Token* tokens, std::size_t i) noexcept {
    const auto& c = hashes_detail::current;
    if (tokens == c.tokens && i < c.size) return c.hashes[i];
    return word_hash(tokens[i].lower);
  }
  // The hashes of tokens[0..n) when the current scope covers them, else null.
  static const std::uint64_t* all_of(const sdk::Token* tokens, std::size_t n) noexcept {
    const auto& c = hashes_detail::current;
    return tokens == c.tokens && n <= c.size ? c.hashes : nullptr;
  }
  // Hash of `lower`; from the current scope when `lower` is the Token::lower member of
  // one of its tokens (found by its address), else computed.
  static std::uint64_t of_lower(const std::string_view& lower) noexcept {
    const auto& c = hashes_detail::current;
    const auto at = reinterpret_cast<std::uintptr_t>(&lower);
    const auto first = reinterpret_cast<std::uintptr_t>(c.tokens);
    if (c.hashes && at >= first && at - first < c.size * sizeof(sdk::Token) &&
        (at - first) % sizeof(sdk::Token) == offsetof(sdk::Token, lower))
      return c.hashes[(at - first) / sizeof(sdk::Token)];
    return word_hash(lower);
  }

 private:
  hashes_detail::Current saved_;
  std::array<std::uint64_t, 64> short_;  // (left uninitialised: written before it is read)
  std::vector<std::uint64_t> long_;
};

inline std::uint32_t WordIndex::find_lower(const std::string_view& lower) const noexcept {
  return shapes_.may_hold(lower) ? find_lower_shaped(lower) : npos;
}
[[gnu::noinline]] inline std::uint32_t WordIndex::find_lower_shaped(
    const std::string_view& lower) const noexcept {
  return find(lower, SentenceHashes::of_lower(lower));
}

}  // namespace chronicle::detail
