// Word lists and tables loaded from config/lexicons/<lang>/*.yaml.
#pragma once

#include <chronicle/sdk/plugin_api.h>
#include <chronicle/string_hash.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

// A YAML file of lists and maps of lower-cased strings. Keys of nested maps are joined
// with '.', so `weekdays: {monday: [mon, monday]}` gives the list "weekdays.monday" and
// the key list "weekdays" = [monday, ...] (in file order).
class Lexicon final : public sdk::Lexicon {
 public:
  Lexicon() = default;
  // (a copy's look-up table views its own lists, not those copied)
  Lexicon(const Lexicon& other);
  Lexicon& operator=(const Lexicon& other);
  Lexicon(Lexicon&&) noexcept = default;
  Lexicon& operator=(Lexicon&&) noexcept = default;
  // A shipped file unchanged since the build is read from its compiled form, any other
  // file parsed as YAML (`compiled` false: always parsed). Throws ConfigError.
  static Lexicon load(const std::filesystem::path& file, bool compiled = true);
  static Lexicon parse(std::string_view yaml, std::string_view origin);
  // The lists, key lists and values as compact bytes, and back (the compiled form).
  std::string compact() const;
  static Lexicon from_compact(std::string_view data, std::string_view origin);
  // Same lists, key lists and values (the origin aside).
  bool same_entries(const Lexicon& other) const;

  sdk::View<std::string_view> terms(std::string_view key) const noexcept override;
  const std::vector<std::string>& list(std::string_view key) const;  // empty when absent
  std::vector<std::string> keys(std::string_view key) const;         // child keys of a map
  bool has(std::string_view key) const;
  std::string scalar(std::string_view key, std::string_view fallback = {}) const;
  const std::string& origin() const { return origin_; }
  void merge(const Lexicon& other);  // other's entries added (lists appended)
  // Appends `terms` (lower-cased, curly apostrophes folded) to the list under `key`.
  void add(const std::string& key, const std::vector<std::string>& terms);

 private:
  void rebuild_views();
  std::string origin_;
  std::map<std::string, std::vector<std::string>, std::less<>> lists_;
  std::map<std::string, std::vector<std::string>, std::less<>> children_;
  std::map<std::string, std::string, std::less<>> scalars_;
  // terms() and list() by key: plugins ask for a list at every token, the engine for a few
  // lists in every document, so a hash look-up (of lists_, whose nodes never move)
  struct Entry {
    std::vector<std::string_view> views;
    const std::vector<std::string>* list = nullptr;
  };
  StringMap<Entry> views_;
};

}  // namespace chronicle
