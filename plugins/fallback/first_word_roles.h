// fallback: the lists a word starts a phrase of, several lists answered by one look-up.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "../term_set.h"

namespace fallback {

// For each word, bits telling the lists of phrases it is the first word of (a list given
// with the bit `starts`), and those it is a one-word phrase of (a list given with the bit
// `whole`): roles(w) & starts is what PhraseSet(list).starts_with_word(w) tells, roles(w) &
// whole what PhraseSet(list).contains(w) tells. A word asked of several lists is hashed once,
// not once per list. Built from views that outlive it (a lexicon's terms).
class FirstWordRoles {
 public:
  struct List {
    chronicle::sdk::View<std::string_view> phrases;
    std::uint32_t starts = 0;  // set for a word that starts a phrase of the list
    std::uint32_t whole = 0;   // set for a word that is a phrase of the list
  };

  FirstWordRoles() = default;
  explicit FirstWordRoles(std::initializer_list<List> lists) {
    std::size_t total = 0;
    for (const List& l : lists) total += l.phrases.size;
    std::size_t cap = 8;
    while (cap < total * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const List& l : lists)
      for (std::string_view p : l.phrases) {
        const std::string_view first = p.substr(0, p.find(' '));
        Slot& x = slot(first, chronicle::sdk::word_hash(first));
        x.roles |= l.starts | (first.size() == p.size() ? l.whole : 0);
        filter_.add(first);
      }
  }

  // The roles of `w` (0: it starts a phrase of none of the lists). A word's length, first,
  // second and last bytes reject most words before it is hashed.
  std::uint32_t operator()(std::string_view w) const noexcept {
    return filter_.may_hold(w) ? hashed(w) : 0;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty
    std::string_view word;
    std::uint32_t roles = 0;
  };
  // the slot of `w` (hash h), taken when it has none
  Slot& slot(std::string_view w, std::uint64_t h) {
    std::size_t k = h & mask_;
    while (slots_[k].hash != 0 && !(slots_[k].hash == h && slots_[k].word == w))
      k = (k + 1) & mask_;
    if (slots_[k].hash == 0) slots_[k] = {h, w, 0};
    return slots_[k];
  }
  std::uint32_t hashed(std::string_view w) const noexcept {
    const std::uint64_t h = chronicle::sdk::word_hash(w);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& x = slots_[k];
      if (x.hash == 0) return 0;
      if (x.hash == h && x.word == w) return x.roles;
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  plugin_terms::MixFilter filter_;  // the first words
};

}  // namespace fallback
