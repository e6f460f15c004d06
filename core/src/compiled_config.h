// Engine-internal: the compiled form of the shipped lexicons and gazetteer files.
//
// At build time `chronicle_compile_config` (core/tools) reads each YAML file shipped in
// config/lexicons/ the way the loaders read it and writes what the loaders would build
// from it (a lexicon's lists, the gazetteer's places) as compact bytes, embedded in the
// binary with the hash and size of the file they came from. At start-up a file whose
// bytes hash to a compiled one is read from those bytes instead of being parsed as YAML;
// any other file (edited by the user, another language) is parsed as before.
#pragma once

#include <chronicle/lexicon.h>
#include <chronicle/sdk/plugin_api.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::detail {

// (definition: an extractor definition of config/extractors/, compiled as the lexicon
// parse_extractor_definition() makes of it)
enum class CompiledKind : std::uint8_t {
  lexicon = 1,
  places = 2,
  organizations = 3,
  definition = 4
};

struct CompiledFile {
  CompiledKind kind;
  std::uint64_t hash;  // fnv1a() of the YAML file's bytes
  std::size_t size;    // and their number
  const char* name;    // the file's name, for messages
  const char* data;    // the compiled form
  std::size_t data_size;
};

// The hash of a file's bytes that identifies a shipped file: 64-bit FNV-1a.
using sdk::fnv1a;

// A file's bytes, or nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& p);

// The compiled form of a file of this kind whose bytes are `content`, or nullptr (an
// edited or unknown file: parse the YAML).
const CompiledFile* find_compiled(CompiledKind kind, std::string_view content) noexcept;

// The table written by chronicle_compile_config.
extern const CompiledFile compiled_files[];
extern const std::size_t compiled_file_count;

// Little-endian u32 counts and length-prefixed strings.
class CompactWriter {
 public:
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

class CompactReader {
 public:
  explicit CompactReader(std::string_view in) : in_(in) {}
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  std::string_view str() {
    const std::uint32_t n = u32();
    need(n);
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  bool done() const noexcept { return pos_ == in_.size(); }

 private:
  void need(std::size_t n) const {
    if (in_.size() - pos_ < n) throw std::logic_error("compiled config data is truncated");
  }
  std::string_view in_;
  std::size_t pos_ = 0;
};

// One gazetteer entry as places.yaml (countries, cities, regions) or organizations.yaml
// (organizations, metonyms) gives it, in file order.
struct PlaceSource {
  sdk::EntityKind kind = sdk::EntityKind::city;
  bool metonym = false;  // organizations.yaml `metonyms:` ("the Kremlin": Russia)
  std::string name;
  std::string country;  // cities and metonyms
  std::vector<std::string> forms;
  std::vector<std::string> adjectives;
  bool operator==(const PlaceSource&) const = default;
};

// Reads places.yaml (kind places) or organizations.yaml (kind organizations). Throws
// ConfigError naming origin:line:column for YAML that does not parse.
std::vector<PlaceSource> parse_place_file(const std::string& yaml, const std::string& origin,
                                          CompiledKind kind);
std::string compact_places(const std::vector<PlaceSource>& places);
std::vector<PlaceSource> places_from_compact(std::string_view data);

// The lists of the extractor definition `yaml` (read from `file`, the definition `name`),
// under "<name>.", as load_extractor_definitions() reads them, but for "<name>.file" and
// its entry in "extractors". Throws ConfigError as that does, as well for a name already
// in `read_before`'s "extractors".
Lexicon parse_extractor_definition(const std::string& yaml, const std::string& file,
                                   const std::string& name, const Lexicon& read_before);
// Throws as parse_extractor_definition() for a definition name that is no file stem it
// takes or one already in `read_before`'s "extractors".
void check_definition_name(const std::string& file, const std::string& name,
                           const Lexicon& read_before);

}  // namespace chronicle::detail
