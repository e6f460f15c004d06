// Loads extractor plugins with Boost.DLL and guards every call into them.
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/sdk/plugin_api.h>
#include <chronicle/string_hash.h>

#include <boost/dll/shared_library.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace chronicle {

enum class LoadError {
  none,
  missing,             // no such file
  cannot_open,         // dlopen failed (not a shared library, missing symbol ...)
  not_a_plugin,        // no chronicle_plugin_info / chronicle_plugin_register
  abi_mismatch,        // major differs or minor newer than the host
  toolchain_mismatch,  // another standard library ABI
  name_mismatch,       // info name differs from the configured name
  register_failed,     // register returned false or threw
  lexicon_failed,      // the plugin's lexicon could not be read
  duplicate,           // a plugin of that name is already loaded
  untrusted,           // relative path, or file/folder writable by others or owned by another user
};

struct PluginSpec {
  std::string name;
  std::filesystem::path library;  // absolute path
  std::filesystem::path lexicon;  // absolute path, may be empty
  // A folder of YAML extractor definitions (config/extractors/), may be empty: each *.yaml
  // in it is checked and handed to the plugin through its lexicon (extractor_definitions.h).
  std::filesystem::path definitions;
  // The folders a bare library name was looked up in, in order (for the not-found message).
  std::vector<std::filesystem::path> searched;
  bool required = false;
};

// Why a plugin file may not be trusted: empty when it may be loaded. A plugin is code run
// with the user's rights, so it must be given by absolute path, and neither the file nor
// its folder may be writable by group or others or owned by another user (root excepted).
std::string untrusted_reason(const std::filesystem::path& library);

struct LoadReport {
  std::string name;
  std::filesystem::path path;
  LoadError error = LoadError::none;
  std::string message;  // names the file, both versions where relevant, and the fix
  std::string version;  // the plugin's own version when it loaded
  std::string abi;      // "major.minor" of the SDK the plugin was built for, once read
  bool required = false;
  bool ok() const { return error == LoadError::none; }
};

// The library outlives everything it created: members are destroyed in reverse order,
// so the extractors go before the library.
struct PluginHandle {
  boost::dll::shared_library library;
  std::string name;
  std::string version;
  std::unique_ptr<Lexicon> lexicon;
  std::vector<std::unique_ptr<sdk::Extractor>> extractors;
  // PluginInfo::sentence_gate (ABI 1.1): the lexicon keys of the plugin's trigger lists;
  // empty when the plugin gave none (its extractors see every sentence)
  std::vector<std::string> sentence_gate;
  // PluginInfo::gate_in_order (ABI 1.2): the phrases must stand in the sentence as
  // consecutive tokens, in order, not only their words anywhere
  bool gate_in_order = false;
};

struct ExtractFailure {
  std::string plugin;
  std::string message;
};

class PluginHost {
 public:
  PluginHost() = default;
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Development only: load plugins whose file or folder others could write
  // (--allow-insecure-plugins). A relative path is refused all the same.
  void allow_insecure(bool on) { allow_insecure_ = on; }

  // Loads one plugin; failures are returned in the report, never thrown. An empty
  // spec.name accepts whatever name the plugin gives itself (used to list a directory).
  const LoadReport& load(const PluginSpec& spec);

  const std::vector<LoadReport>& reports() const { return reports_; }
  const std::vector<std::unique_ptr<PluginHandle>>& plugins() const { return plugins_; }

  // Runs every extractor on one sentence. An extractor that throws is reported in
  // `failures` and its output for that sentence dropped; the others go on. `hashes`, when
  // given: the hashes the tokenizer made for these tokens (TokenList::hashes: the engine's
  // own word hash, not the SDK's word_hash; no others), read by the gate; without them the
  // gate hashes the words itself.
  void extract(const sdk::Sentence& sentence, std::vector<sdk::EventCandidate>& out,
               std::vector<std::string>& plugin_of, std::vector<ExtractFailure>& failures,
               const std::uint64_t* hashes = nullptr) const;

  // The plugins extract() calls on a sentence of these tokens: the gate read once, for a
  // caller that decides by it whether to prepare the sentence before extract(sentence, ...,
  // callees) with the same tokens. `hashes` as for extract().
  struct Callees {
    std::uint64_t gated_present = 0;  // the gated plugins (by index) whose gate the tokens pass
    bool all_gated = false;           // every plugin loaded has a gate
    // No extractor would be called (as may_propose() false).
    bool none() const noexcept { return gated_present == 0 && all_gated; }
  };
  Callees callees(std::span<const sdk::Token> tokens, const std::uint64_t* hashes = nullptr) const;
  void extract(const sdk::Sentence& sentence, std::vector<sdk::EventCandidate>& out,
               std::vector<std::string>& plugin_of, std::vector<ExtractFailure>& failures,
               const Callees& callees) const;

  // Could an extractor be called on a sentence of these tokens? False only when every
  // plugin loaded has a sentence gate and the tokens pass none (they hold every word of no
  // phrase of any, or, for a plugin gated in order, no phrase as consecutive tokens):
  // extract() would call no extractor on it. (A document none of whose sentences passes
  // needs no analysis past its tokens: DocumentAnalysis's gate.)
  // `hashes`, when given: as for extract(); else those of a detail::SentenceHashes scope
  // over the tokens, when there is one (word_index.h).
  bool may_propose(std::span<const sdk::Token> tokens, const std::uint64_t* hashes = nullptr) const;

  static std::string host_abi();

 private:
  // The sentence gates of the first 64 plugins as one table: every word of every phrase
  // of their gate lists, with the plugins that have it as a one-word phrase and the longer
  // phrases it starts. One look-up per token tells which gated plugins a sentence holds
  // all the words of some phrase of.
  struct GatePhrase {
    std::uint64_t plugins = 0;
    std::vector<std::uint32_t> rest;  // the ids of the words after the first
    std::uint64_t second_hash = 0;    // the detail::word_hash of the word after the first
  };
  struct GateWord {
    std::string word;
    std::uint64_t single = 0;           // the plugins with the one-word phrase
    std::vector<std::uint32_t> starts;  // the longer phrases it starts (gate_phrases_)
    std::vector<std::uint32_t> starts_in_order;  // the same, of plugins gated in order
  };
  // Adds the gate of plugin `pi` (the one just loaded) to the words and phrases of the
  // plugins loaded before it, and places all the words in a new slot table.
  void add_to_gate(std::size_t pi);
  const GateWord* gate_word(std::string_view word, std::uint64_t hash) const noexcept;
  std::uint64_t gate_of(std::span<const sdk::Token> tokens, const std::uint64_t* hashes,
                        bool any) const;
  template <class Skip, class Find>
  [[gnu::always_inline]] std::uint64_t gate_of(std::span<const sdk::Token> tokens,
                                               const std::uint64_t* hashes, bool any, Skip&& skip,
                                               Find&& find) const;
  std::vector<GateWord> gate_words_;  // by id, in order of first appearance
  StringMap<std::uint32_t> gate_ids_;  // the id of each gate word
  std::vector<GatePhrase> gate_phrases_;
  std::uint64_t gated_ = 0;  // the plugins (by index) that have a gate
  // Has every plugin a gate (and are there no more than the 64 the gate table holds)?
  bool all_gated() const noexcept {
    const std::size_t n = plugins_.size();
    return n <= 64 && gated_ == (n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1);
  }
  // The gate words that are looked up by detail::word_hash (the tokenizer's hashes; a
  // caller's tokens without them are hashed): a slot holds a word's hash and id (hash 0:
  // empty), at the top bits of the hash mixed. Most tokens that are no gate word meet an
  // empty slot right away.
  struct HashedGateSlot {
    std::uint64_t hash = 0;
    std::size_t id = 0;
  };
  std::vector<HashedGateSlot> gate_hashed_;
  std::size_t gate_mask_ = 0;
  unsigned gate_hashed_shift_ = 64;
  // The test made of every token before the slot table: gate_filter_[hash & gate_filter_mask_]
  // is 1 for the hash of every gate word that has a slot, 0 for most other words (the
  // table is sparse). Bit 0 of a detail::word_hash is always set: only odd entries are read.
  std::vector<std::uint8_t> gate_filter_;
  std::size_t gate_filter_mask_ = 0;

  std::vector<std::unique_ptr<PluginHandle>> plugins_;
  std::vector<LoadReport> reports_;
  bool allow_insecure_ = false;
};

}  // namespace chronicle
