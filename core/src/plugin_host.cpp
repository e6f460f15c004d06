#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/errors.h>
#include <chronicle/extractor_definitions.h>
#include <chronicle/plugin_host.h>
#include <chronicle/string_hash.h>

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

#include "word_index.h"

namespace chronicle {
namespace {

// PluginHost::gate_hashed_: at least this many slots, and four for every gate word
constexpr unsigned kGateSlotsLog2 = 12;
// PluginHost::gate_filter_: at least this many entries, and 64 for every gate word
constexpr unsigned kGateFilterLog2 = 15;

// The slot of a word by its detail::word_hash: the hash mixed, its top bits taken. (The
// engine's hash is well mixed already; the multiply, one instruction a look-up, is kept so
// that the slots do not hang on how that hash spreads its top bits.)
inline std::size_t hashed_slot(std::uint64_t hash, unsigned shift) noexcept {
  return (hash * 0x9E3779B97F4A7C15ull) >> shift;
}

// The detail::word_hash of each token, in this thread's buffer: for a caller of the public API
// with tokens of its own (the engine's come with the tokenizer's hashes). Not inlined: the
// gate's loops stay as small as without it.
[[gnu::noinline]] const std::uint64_t* hashes_of(std::span<const sdk::Token> tokens) {
  static thread_local std::vector<std::uint64_t> own;
  own.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) own[i] = detail::word_hash(tokens[i].lower);
  return own.data();
}

constexpr const char* kInfoSymbol = "chronicle_plugin_info";
constexpr const char* kRegisterSymbol = "chronicle_plugin_register";

class HostRegistrar final : public sdk::Registrar {
 public:
  HostRegistrar(const Lexicon& lexicon, PluginHandle& handle) : lexicon_(lexicon), handle_(handle) {}
  const sdk::Lexicon& lexicon() const noexcept override { return lexicon_; }
  void add(std::unique_ptr<sdk::Extractor> extractor) override {
    if (extractor) handle_.extractors.push_back(std::move(extractor));
  }
  void fail(std::string_view message) noexcept override {
    try {
      message_.assign(message);
    } catch (...) {
    }
  }
  const std::string& message() const { return message_; }

 private:
  const Lexicon& lexicon_;
  PluginHandle& handle_;
  std::string message_;
};

// The frames the plugins ask for in one sentence, each read once: several plugins often
// read the same trigger ("meeting" is a trigger of meetings, conferences and fallback). A
// frame depends on the sentence and the arguments only.
struct FrameRead {
  std::size_t index, first, last;
  sdk::TriggerForm form;
  sdk::Frame frame;
};

class FrameCache final : public sdk::Analyzer {
 public:
  // `read`: where the frames read are kept (emptied here: a list of the caller's, whose
  // room it keeps from sentence to sentence)
  FrameCache(const sdk::Analyzer& host, std::vector<FrameRead>& read) : host_(host), read_(read) {
    read_.clear();
  }
  sdk::Frame frame(const sdk::Sentence& sentence, std::size_t first, std::size_t last,
                   sdk::TriggerForm form) const override {
    for (const auto& e : read_)
      if (e.index == sentence.index && e.first == first && e.last == last && e.form == form)
        return e.frame;
    read_.push_back({sentence.index, first, last, form, host_.frame(sentence, first, last, form)});
    return read_.back().frame;
  }

 private:
  const sdk::Analyzer& host_;
  std::vector<FrameRead>& read_;
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string octal_mode(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
  return buf;
}

// Why `p` (a file or a folder) may not be trusted, or "".
std::string untrusted_path(const std::filesystem::path& p, const char* what) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return "";  // a missing file is reported on its own
  if (st.st_mode & (S_IWGRP | S_IWOTH)) {
    const char* who =
        (st.st_mode & S_IWOTH) ? ((st.st_mode & S_IWGRP) ? "group and others" : "others") : "group";
    return std::string("the plugin ") + what + " " + p.string() + " is writable by " + who +
           " (mode " + octal_mode(st.st_mode) +
           "), so another user could put their code in it; run `chmod go-w " + p.string() +
           "`, or pass --allow-insecure-plugins while developing";
  }
  if (st.st_uid != ::geteuid() && st.st_uid != 0) {
    return std::string("the plugin ") + what + " " + p.string() + " is owned by user id " +
           std::to_string(st.st_uid) + ", neither you nor root; install it as yourself or " +
           "as root, or pass --allow-insecure-plugins while developing";
  }
  return "";
}

}  // namespace

std::string untrusted_reason(const std::filesystem::path& library) {
  if (!library.is_absolute())
    return "not an absolute path: plugins are loaded only by absolute path from the "
           "configured plugin folders, never through the system's library search; give "
           "`library:` as a path or put the plugin in a folder of plugins.search_paths";
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(library, ec);
  std::vector<std::pair<std::filesystem::path, const char*>> checks;
  checks.emplace_back(ec ? library : real, "file");
  checks.emplace_back(library.parent_path(), "folder");
  if (!ec && real.parent_path() != library.parent_path())
    checks.emplace_back(real.parent_path(), "folder");
  for (const auto& [path, what] : checks) {
    std::string why = untrusted_path(path, what);
    if (!why.empty()) return why;
  }
  return "";
}

std::string PluginHost::host_abi() {
  return std::to_string(CHRONICLE_SDK_ABI_MAJOR) + "." + std::to_string(CHRONICLE_SDK_ABI_MINOR);
}

const LoadReport& PluginHost::load(const PluginSpec& spec) {
  LoadReport rep;
  rep.name = spec.name;
  rep.path = spec.library;
  rep.required = spec.required;
  const std::string who = spec.name.empty()
                              ? "plugin " + spec.library.string()
                              : "plugin " + quoted(spec.name) + " (" + spec.library.string() + ")";
  auto fail = [&](LoadError e, std::string msg) -> const LoadReport& {
    rep.error = e;
    rep.message = who + ": " + std::move(msg);
    reports_.push_back(std::move(rep));
    return reports_.back();
  };

  for (const auto& r : reports_) {
    if (r.ok() && r.name == spec.name) {
      return fail(LoadError::duplicate,
                  "a plugin named \"" + spec.name + "\" is already loaded from " +
                      r.path.string() + "; give each plugin its own name");
    }
  }
  if (!spec.library.is_absolute())
    return fail(LoadError::untrusted, untrusted_reason(spec.library));
  std::error_code fec;
  if (!std::filesystem::exists(spec.library, fec)) {
    std::string where;
    if (!spec.searched.empty()) {
      where = " in the plugin folders";
      for (std::size_t i = 0; i < spec.searched.size(); ++i) {
        where += (i ? ", " : " ") + spec.searched[i].string();
        if (!std::filesystem::is_directory(spec.searched[i], fec)) where += " (no such folder)";
      }
    } else if (!std::filesystem::is_directory(spec.library.parent_path(), fec)) {
      where = " (the folder " + spec.library.parent_path().string() + " does not exist)";
    }
    return fail(LoadError::missing,
                "file not found" + where +
                    "; build it (cmake --build build) or fix `library:` / "
                    "plugins.search_paths in the config, or give --plugins DIR");
  }
  if (!allow_insecure_) {
    std::string why = untrusted_reason(spec.library);
    if (!why.empty()) return fail(LoadError::untrusted, "refused: " + why);
  }
  auto handle = std::make_unique<PluginHandle>();
  try {
    handle->library = boost::dll::shared_library(
        boost::dll::fs::path(spec.library.string()), boost::dll::load_mode::rtld_now |
                                                         boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return fail(LoadError::cannot_open,
                std::string("cannot be loaded as a shared library (") + e.what() +
                    "); rebuild it with chronicle_add_plugin() against this SDK");
  }
  if (!handle->library.has(kInfoSymbol) || !handle->library.has(kRegisterSymbol)) {
    return fail(LoadError::not_a_plugin,
                "is a shared library but not a Chronicle plugin (no chronicle_plugin_info / "
                "chronicle_plugin_register symbols); declare it with CHRONICLE_PLUGIN(...)");
  }
  const sdk::PluginInfo* info = nullptr;
  try {
    info = &handle->library.get_alias<const sdk::PluginInfo>(kInfoSymbol);
  } catch (const std::exception& e) {
    return fail(LoadError::not_a_plugin, std::string("unreadable info block: ") + e.what());
  }
  const std::string plugin_abi =
      std::to_string(info->abi_major) + "." + std::to_string(info->abi_minor);
  rep.abi = plugin_abi;
  if (info->abi_major != CHRONICLE_SDK_ABI_MAJOR) {
    return fail(LoadError::abi_mismatch,
                "built for SDK ABI " + plugin_abi + ", this host supports ABI " +
                    std::to_string(CHRONICLE_SDK_ABI_MAJOR) + ".0-" + host_abi() +
                    "; rebuild it against chronicle-sdk " +
                    std::to_string(CHRONICLE_SDK_ABI_MAJOR) + ".x");
  }
  if (info->abi_minor > CHRONICLE_SDK_ABI_MINOR) {
    return fail(LoadError::abi_mismatch,
                "built for SDK ABI " + plugin_abi + ", newer than this host's ABI " + host_abi() +
                    "; upgrade Chronicle or rebuild the plugin against SDK " + host_abi());
  }
  // a 1.0 block ends before sentence_gate, a 1.1 block before gate_in_order
  const std::uint32_t info_size = info->abi_minor >= 2
                                      ? static_cast<std::uint32_t>(sizeof(sdk::PluginInfo))
                                  : info->abi_minor == 1 ? sdk::kPluginInfoSize_1_1
                                                         : sdk::kPluginInfoSize_1_0;
  if (info->info_size < info_size || info->name == nullptr ||
      info->version == nullptr || info->toolchain == nullptr) {
    return fail(LoadError::not_a_plugin,
                "info block is truncated (size " + std::to_string(info->info_size) +
                    "); rebuild it with CHRONICLE_PLUGIN(...)");
  }
  if (std::strcmp(info->toolchain, CHRONICLE_SDK_TOOLCHAIN) != 0) {
    return fail(LoadError::toolchain_mismatch,
                std::string("built with toolchain ") + quoted(info->toolchain) +
                    ", this host uses " + quoted(CHRONICLE_SDK_TOOLCHAIN) +
                    "; rebuild it with the same compiler and standard library as Chronicle");
  }
  if (spec.name.empty()) {
    rep.name = info->name;
    for (const auto& r : reports_) {
      if (r.ok() && r.name == rep.name) {
        return fail(LoadError::duplicate,
                    "a plugin named \"" + rep.name + "\" is already loaded from " +
                        r.path.string() + "; give each plugin its own name");
      }
    }
  } else if (spec.name != info->name) {
    return fail(LoadError::name_mismatch,
                std::string("calls itself ") + quoted(info->name) + " but the config names it " +
                    quoted(spec.name) + "; fix `name:` in the config or the plugin's CHRONICLE_PLUGIN");
  }
  handle->name = info->name;
  handle->version = info->version;
  if (info->abi_minor >= 1 && info->sentence_gate != nullptr)
    for (const char* const* k = info->sentence_gate; *k != nullptr; ++k)
      handle->sentence_gate.emplace_back(*k);
  handle->gate_in_order =
      !handle->sentence_gate.empty() && info->abi_minor >= 2 && info->gate_in_order != 0;
  handle->lexicon = std::make_unique<Lexicon>();
  try {
    if (!spec.lexicon.empty()) *handle->lexicon = Lexicon::load(spec.lexicon);
    if (!spec.definitions.empty())
      handle->lexicon->merge(load_extractor_definitions(spec.definitions));
  } catch (const std::exception& e) {
    return fail(LoadError::lexicon_failed, e.what());
  }
  sdk::RegisterFn* reg = nullptr;
  try {
    reg = &handle->library.get_alias<sdk::RegisterFn>(kRegisterSymbol);
  } catch (const std::exception& e) {
    return fail(LoadError::not_a_plugin, std::string("no register function: ") + e.what());
  }
  HostRegistrar registrar(*handle->lexicon, *handle);
  bool ok = false;
  std::string thrown;
  try {
    // declared noexcept, but a plugin may break its promise: call through a pointer type
    // that allows exceptions, and catch while the library is still loaded
    bool (*call)(sdk::Registrar&) = reg;
    ok = call(registrar);
  } catch (const std::exception& e) {
    thrown = e.what();
  } catch (...) {
    thrown = "unknown exception";
  }
  if (!thrown.empty()) {
    handle->extractors.clear();
    return fail(LoadError::register_failed,
                "register function threw: " + thrown + "; fix the plugin's register function");
  }
  if (!ok) {
    handle->extractors.clear();
    const std::string why = registrar.message().empty()
                                ? "it returned false without saying why (a plugin bug: call "
                                  "Registrar::fail with the reason)"
                                : registrar.message();
    return fail(LoadError::register_failed, "refused to register: " + why);
  }
  rep.version = handle->version;
  plugins_.push_back(std::move(handle));
  add_to_gate(plugins_.size() - 1);
  reports_.push_back(std::move(rep));
  return reports_.back();
}

void PluginHost::add_to_gate(std::size_t pi) {
  if (pi >= 64 || plugins_[pi]->sentence_gate.empty()) return;
  const PluginHandle& p = *plugins_[pi];
  auto id_of = [&](std::string_view w) {
    if (const auto it = gate_ids_.find(w); it != gate_ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(gate_words_.size());
    gate_words_.push_back({std::string(w), 0, {}, {}});
    gate_ids_.emplace(std::string(w), id);
    return id;
  };
  const std::uint64_t bit = std::uint64_t{1} << pi;
  gated_ |= bit;
  // "{list}.rest": the list "W.rest" for each word W of the list "list"
  std::vector<std::string> keys;
  for (const auto& key : p.sentence_gate) {
    const std::size_t close = key.find("}.");
    if (key.empty() || key[0] != '{' || close == std::string::npos) {
      keys.push_back(key);
      continue;
    }
    for (std::string_view w : p.lexicon->terms(std::string_view(key).substr(1, close - 1)))
      keys.push_back(std::string(w) + key.substr(close + 1));
  }
  for (const auto& key : keys)
    for (std::string_view phrase : p.lexicon->terms(key)) {
      // the words as match_phrase() splits them
      std::vector<std::uint32_t> ids;
      for (std::size_t pos = 0;;) {
        const std::size_t sp = std::min(phrase.find(' ', pos), phrase.size());
        ids.push_back(id_of(phrase.substr(pos, sp - pos)));
        if (sp == phrase.size()) break;
        pos = sp + 1;
      }
      if (ids.size() == 1) {
        gate_words_[ids[0]].single |= bit;
        continue;
      }
      auto& starts =
          p.gate_in_order ? gate_words_[ids[0]].starts_in_order : gate_words_[ids[0]].starts;
      starts.push_back(static_cast<std::uint32_t>(gate_phrases_.size()));
      gate_phrases_.push_back({bit, std::vector<std::uint32_t>(ids.begin() + 1, ids.end()),
                               detail::word_hash(gate_words_[ids[1]].word)});
    }
  unsigned log2 = kGateSlotsLog2;
  while ((std::size_t{1} << log2) < gate_words_.size() * 4) ++log2;
  // (a word that only follows the first word of phrases gated in order is compared where
  // it stands, never looked up: only the words that start a phrase or are one, and those of
  // phrases whose words may stand anywhere, take a slot)
  std::vector<bool> looked_up(gate_words_.size(), false);
  for (std::size_t id = 0; id < gate_words_.size(); ++id) {
    const GateWord& g = gate_words_[id];
    if (g.single != 0 || !g.starts.empty() || !g.starts_in_order.empty()) looked_up[id] = true;
    for (std::uint32_t pi : g.starts)
      for (std::uint32_t rest : gate_phrases_[pi].rest) looked_up[rest] = true;
  }
  gate_hashed_.assign(std::size_t{1} << log2, HashedGateSlot{});
  gate_mask_ = gate_hashed_.size() - 1;
  gate_hashed_shift_ = 64 - log2;
  unsigned filter_log2 = kGateFilterLog2;
  while ((std::size_t{1} << filter_log2) < gate_words_.size() * 64) ++filter_log2;
  gate_filter_.assign(std::size_t{1} << filter_log2, 0);
  gate_filter_mask_ = gate_filter_.size() - 1;
  for (std::size_t id = 0; id < gate_words_.size(); ++id) {
    if (!looked_up[id]) continue;
    const std::uint64_t hash = detail::word_hash(gate_words_[id].word);
    std::size_t h = hashed_slot(hash, gate_hashed_shift_);
    while (gate_hashed_[h].hash != 0) h = (h + 1) & gate_mask_;
    gate_hashed_[h] = {hash, id};
    gate_filter_[hash & gate_filter_mask_] = 1;
  }
}

// The gate word `word` is (its detail::word_hash `hash`), or null
inline const PluginHost::GateWord* PluginHost::gate_word(std::string_view word,
                                                         std::uint64_t hash) const noexcept {
  for (std::size_t k = hashed_slot(hash, gate_hashed_shift_);; k = (k + 1) & gate_mask_) {
    const HashedGateSlot& slot = gate_hashed_[k];
    if (slot.hash == 0) return nullptr;
    if (slot.hash == hash && gate_words_[slot.id].word == word) return &gate_words_[slot.id];
  }
}

std::uint64_t PluginHost::gate_of(std::span<const sdk::Token> tokens, const std::uint64_t* hashes,
                                  bool any) const {
  const sdk::Token* const t = tokens.data();
  const std::size_t n = tokens.size();
  if (hashes == nullptr) hashes = hashes_of(tokens);
  // (the loop that passes over the tokens that are no gate word, most of them, with its
  // values in registers: a token the filter has a 0 for is none; four tokens a test while
  // there are four left and none passes)
  const std::uint8_t* const filter = gate_filter_.data();
  const std::size_t mask = gate_filter_mask_;
  return gate_of(
      tokens, hashes, any,
      [=](std::size_t i) {
        for (; i + 4 <= n; i += 4)
          if ((filter[hashes[i] & mask] | filter[hashes[i + 1] & mask] |
               filter[hashes[i + 2] & mask] | filter[hashes[i + 3] & mask]) != 0)
            break;
        while (i < n && filter[hashes[i] & mask] == 0) ++i;
        return i;
      },
      [&](std::size_t i) { return gate_word(t[i].lower, hashes[i]); });
}

// The gated plugins for which the sentence holds every word of some phrase of their gate
// lists (a phrase can match only then), wherever the words stand; for a plugin gated in
// order (PluginHandle::gate_in_order), a phrase whose words stand as consecutive tokens.
// With `any`, the first plugins found as soon as there are some (a part of the answer).
// hashes[k]: detail::word_hash(tokens[k].lower). skip(i): the first token from i on that may
// be a gate word (the tokens.size() when none); find(i): the gate word tokens[i] is, or null.
template <class Skip, class Find>
inline std::uint64_t PluginHost::gate_of(std::span<const sdk::Token> tokens,
                                         const std::uint64_t* hashes, bool any, Skip&& skip,
                                         Find&& find) const {
  std::uint64_t present = 0;
  const auto enough = [&] { return any ? present != 0 : (present & gated_) == gated_; };
  // (most words compared differ in their length, first or last byte)
  const auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.back() == b.back() && a == b));
  };
  // the word ids met: met[id] == round (this thread's, kept from call to call: a new round
  // forgets the words of the last one without a pass over them)
  static thread_local std::vector<std::uint32_t> met;
  static thread_local std::uint32_t round = 0;
  if (met.size() < gate_words_.size()) met.resize(gate_words_.size(), 0);
  if (++round == 0) {
    std::fill(met.begin(), met.end(), 0);
    round = 1;
  }
  std::uint32_t* const seen = met.data();
  const std::uint32_t now = round;
  // the distinct words met that start a longer phrase (on the stack for up to 64)
  const GateWord* firsts_here[64];
  std::size_t firsts = 0;
  std::vector<const GateWord*> firsts_more;
  for (std::size_t i = skip(0); i < tokens.size(); i = skip(i + 1)) {
    const GateWord* g = find(i);
    if (g == nullptr) continue;
    // the phrases of plugins gated in order: the words that follow, here (the next word's
    // hash tells most of them apart: "will" starts a few, and is followed by others)
    if (!g->starts_in_order.empty() && i + 1 < tokens.size()) {
      const std::uint64_t next = hashes[i + 1];
      for (std::uint32_t pi : g->starts_in_order) {
        const GatePhrase& p = gate_phrases_[pi];
        if (p.second_hash != next || (present & p.plugins) || i + p.rest.size() >= tokens.size())
          continue;
        std::size_t k = 0;
        while (k < p.rest.size() && same(tokens[i + 1 + k].lower, gate_words_[p.rest[k]].word)) ++k;
        if (k == p.rest.size()) present |= p.plugins;
      }
    }
    if (present != 0 && enough()) return present;
    const auto id = static_cast<std::size_t>(g - gate_words_.data());
    if (seen[id] == now) continue;  // met before: nothing new
    seen[id] = now;
    present |= g->single;
    if (present != 0 && enough()) return present;
    if (g->starts.empty()) continue;
    if (firsts < 64)
      firsts_here[firsts++] = g;
    else
      firsts_more.push_back(g);
  }
  auto complete = [&](const GateWord* g) {
    for (std::uint32_t pi : g->starts) {
      const GatePhrase& p = gate_phrases_[pi];
      if (present & p.plugins) continue;
      bool all = true;
      for (std::uint32_t id : p.rest) all = all && seen[id] == now;
      if (all) present |= p.plugins;
    }
  };
  for (std::size_t k = 0; k < firsts; ++k) complete(firsts_here[k]);
  for (const GateWord* g : firsts_more) complete(g);
  return present;
}

bool PluginHost::may_propose(std::span<const sdk::Token> tokens,
                             const std::uint64_t* hashes) const {
  // (a plugin without a gate, or past the 64 the gate table holds, sees every sentence)
  if (!all_gated()) return true;
  // (the hashes of a detail::SentenceHashes scope over these tokens, when none are given)
  if (hashes == nullptr) hashes = detail::SentenceHashes::all_of(tokens.data(), tokens.size());
  return !plugins_.empty() && gate_of(tokens, hashes, /*any=*/true) != 0;
}

PluginHost::Callees PluginHost::callees(std::span<const sdk::Token> tokens,
                                        const std::uint64_t* hashes) const {
  // the gated plugins this sentence holds the words of a trigger of
  return {gated_ != 0 ? gate_of(tokens, hashes, /*any=*/false) : 0, all_gated()};
}

void PluginHost::extract(const sdk::Sentence& sentence, std::vector<sdk::EventCandidate>& out,
                         std::vector<std::string>& plugin_of, std::vector<ExtractFailure>& failures,
                         const std::uint64_t* hashes) const {
  extract(sentence, out, plugin_of, failures,
          callees({sentence.tokens.data, sentence.tokens.size}, hashes));
}

void PluginHost::extract(const sdk::Sentence& sentence, std::vector<sdk::EventCandidate>& out,
                         std::vector<std::string>& plugin_of, std::vector<ExtractFailure>& failures,
                         const Callees& callees) const {
  // (most sentences: every plugin is gated and none found)
  if (callees.none()) return;
  const std::uint64_t present = callees.gated_present;
  // the sentence as the plugins see it: its frames read once for all of them
  std::optional<FrameCache> frames;
  static thread_local std::vector<FrameRead> frames_read;
  sdk::Sentence shared = sentence;
  if (sentence.analyzer != nullptr)
    shared.analyzer = &frames.emplace(*sentence.analyzer, frames_read);
  for (std::size_t pi = 0; pi < plugins_.size(); ++pi) {
    const auto& p = plugins_[pi];
    if (pi < 64 && ((gated_ & ~present) >> pi & 1)) continue;
    for (const auto& x : p->extractors) {
      // (this thread's, emptied for each extractor: its room kept)
      static thread_local std::vector<sdk::EventCandidate> mine;
      mine.clear();
      try {
        x->extract(shared, mine);
      } catch (const std::exception& e) {
        failures.push_back({p->name, std::string("extract threw: ") + e.what()});
        continue;
      } catch (...) {
        failures.push_back({p->name, "extract threw an unknown exception"});
        continue;
      }
      for (auto& c : mine) {
        out.push_back(std::move(c));
        plugin_of.push_back(p->name);
      }
    }
  }
}

}  // namespace chronicle
