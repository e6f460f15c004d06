// Loading a lexicon file: from its compiled form when it is a shipped file left unchanged.
#include "compiled_config.h"

#include <chronicle/errors.h>
#include <chronicle/extractor_definitions.h>
#include <chronicle/lexicon.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace chronicle {
namespace detail {

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  // a file that tells its size: read in one go into a string of that size
  if (in.seekg(0, std::ios::end)) {
    const std::streamoff size = in.tellg();
    if (size > 0 && in.seekg(0)) {
      bytes.resize(static_cast<std::size_t>(size));
      in.read(bytes.data(), size);
      bytes.resize(static_cast<std::size_t>(in.gcount()));
      if (in.peek() == std::ifstream::traits_type::eof()) return bytes;
    }
  }
  // the rest as it comes (all of it from a pipe, or from a file of the proc file system,
  // which tells no size; what a file grew by while read)
  in.clear();
  if (bytes.empty()) in.seekg(0);
  std::stringstream ss;
  ss << in.rdbuf();
  return bytes + ss.str();
}

const CompiledFile* find_compiled(CompiledKind kind, std::string_view content) noexcept {
  std::uint64_t hash = 0;
  for (std::size_t i = 0; i < compiled_file_count; ++i) {
    const CompiledFile& f = compiled_files[i];
    if (f.kind != kind || f.size != content.size()) continue;
    if (hash == 0) hash = fnv1a(content);
    if (f.hash == hash) return &f;
  }
  return nullptr;
}

}  // namespace detail

Lexicon Lexicon::load(const std::filesystem::path& file, bool compiled) {
  const std::optional<std::string> yaml = detail::read_file(file);
  if (!yaml) {
    throw ConfigError(file.string() +
                      ": cannot open lexicon file; check the path in "
                      "config/chronicle.yaml (lexicons are read from config/lexicons/<lang>/)");
  }
  if (compiled)
    if (const auto* f = detail::find_compiled(detail::CompiledKind::lexicon, *yaml))
      return from_compact({f->data, f->data_size}, file.string());
  return parse(*yaml, file.string());
}

Lexicon load_extractor_definitions(const std::filesystem::path& dir, bool compiled) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw ConfigError(dir.string() +
                      ": no such folder of extractor definitions; create it or "
                      "fix `definitions:` in the config");
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    const auto ext = it->path().extension();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec2)) files.push_back(it->path());
  }
  if (ec) throw ConfigError(dir.string() + ": cannot read the folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end());
  Lexicon lex;
  for (const auto& path : files) {
    const std::string file = path.string();
    const std::optional<std::string> yaml = detail::read_file(path);
    if (!yaml)
      throw ConfigError(file + ": cannot read the extractor definition; check its permissions");
    const std::string name = path.stem().string();
    // (a shipped definition under its own file name: its lists are those compiled)
    const detail::CompiledFile* f =
        compiled ? detail::find_compiled(detail::CompiledKind::definition, *yaml) : nullptr;
    if (f != nullptr && path.filename() == f->name) {
      detail::check_definition_name(file, name, lex);
      lex.merge(Lexicon::from_compact({f->data, f->data_size}, file));
    } else {
      lex.merge(detail::parse_extractor_definition(*yaml, file, name, lex));
    }
    lex.add(name + ".file", {file});
    lex.add("extractors", {name});
  }
  return lex;
}

}  // namespace chronicle
