// The bundled plugins' own helper (no part of the SDK): a lexicon list asked, at many tokens,
// whether it holds a word.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace plugin_terms {

// Filters a word meets before it is hashed: a word that fails is none of the words added.
// ShapeFilter: one bit per length, per first byte and per mix of length, first and last
// byte (sdk::WordShapes), quick to reject the short words of a text. MixFilter: one bit of
// 2048 by a mix of length, first, second and last bytes, fewer words let through when many
// words are added.
struct ShapeFilter {
  void add(std::string_view w) noexcept { shapes.add(w); }
  bool may_hold(std::string_view w) const noexcept { return shapes.may_hold(w); }
  chronicle::sdk::WordShapes shapes;
};
struct MixFilter {
  void add(std::string_view w) noexcept { bits[bit(w) >> 6] |= std::uint64_t{1} << (bit(w) & 63); }
  bool may_hold(std::string_view w) const noexcept {
    const unsigned b = bit(w);
    return (bits[b >> 6] >> (b & 63) & 1) != 0;
  }
  static unsigned bit(std::string_view w) noexcept {
    if (w.empty()) return 0;
    const unsigned k = static_cast<unsigned>(w.size()) * 0x9E3779B1u ^
                       static_cast<unsigned char>(w[0]) * 0x85EBCA77u ^
                       static_cast<unsigned char>(w[w.size() > 1 ? 1 : 0]) * 0xC2B2AE3Du ^
                       static_cast<unsigned char>(w.back()) * 0x27D4EB2Fu;
    return (k >> 21) & 2047u;
  }
  std::uint64_t bits[2048 / 64] = {};
};

// A list of terms (a lexicon's, which outlives it) with a table of them: contains(w) gives
// the answer of sdk::any_of_terms(w, terms) by one hashed look-up (the Filter rejecting most
// words before they are hashed) instead of a comparison with every term. It converts to the
// list itself for the SDK's helpers that read the terms in order.
template <class Filter>
class BasicTerms {
 public:
  BasicTerms() = default;
  explicit BasicTerms(chronicle::sdk::View<std::string_view> terms) : terms_(terms) {
    std::size_t cap = 8;
    while (cap < terms.size * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::string_view t : terms) {
      const std::uint64_t h = chronicle::sdk::word_hash(t);
      std::size_t k = h & mask_;
      while (slots_[k].hash != 0 && !(slots_[k].hash == h && slots_[k].term == t))
        k = (k + 1) & mask_;
      slots_[k] = {h, t};
      filter_.add(t);
    }
  }
  // (an empty table answers false: its filter holds nothing)
  bool contains(std::string_view w) const noexcept { return filter_.may_hold(w) && hashed(w); }
  operator chronicle::sdk::View<std::string_view>() const noexcept { return terms_; }
  bool empty() const noexcept { return terms_.size == 0; }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (sdk::word_hash is never 0)
    std::string_view term;
  };
  // (out of line: the test before it stays small enough to be inlined at every call)
  [[gnu::noinline]] bool hashed(std::string_view w) const noexcept {
    const std::uint64_t h = chronicle::sdk::word_hash(w);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& x = slots_[k];
      if (x.hash == 0) return false;
      if (x.hash == h && x.term == w) return true;
    }
  }
  chronicle::sdk::View<std::string_view> terms_{};
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  Filter filter_;
};
using Terms = BasicTerms<ShapeFilter>;

// The first words of the phrases of several lists: starts(w) gives the answer of
// sdk::PhraseSet(lists).starts_with_word(w) (does a phrase start with the word `w`?), its
// filter letting fewer words through to the hashed look-up than the PhraseSet's.
class FirstWords {
 public:
  FirstWords() = default;
  explicit FirstWords(std::initializer_list<chronicle::sdk::View<std::string_view>> lists) {
    for (const auto& phrases : lists)
      for (std::string_view p : phrases) firsts_.push_back(p.substr(0, p.find(' ')));
    words_ = BasicTerms<MixFilter>({firsts_.data(), firsts_.size()});
  }
  FirstWords(const FirstWords&) = delete;
  FirstWords& operator=(const FirstWords&) = delete;
  bool starts(std::string_view w) const noexcept { return words_.contains(w); }

 private:
  std::vector<std::string_view> firsts_;  // (views of the lists' phrases)
  BasicTerms<MixFilter> words_;
};

// The same answer as sdk::any_of_terms(word, terms), by the table.
inline bool any_of_terms(std::string_view word, const Terms& terms) noexcept {
  return terms.contains(word);
}
using chronicle::sdk::any_of_terms;

}  // namespace plugin_terms
