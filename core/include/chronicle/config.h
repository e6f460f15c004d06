// config/chronicle.yaml: language, lexicons, which plugins load, event options.
#pragma once

#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <filesystem>
#include <string>
#include <vector>

namespace chronicle {

struct Config {
  std::string origin;  // file name, or "<embedded default config>"
  std::filesystem::path config_dir;
  std::filesystem::path lexicon_dir;
  std::string language = "en";
  std::vector<std::filesystem::path> plugin_dirs;
  std::vector<PluginSpec> plugins;  // library paths resolved to absolute paths
  BuildOptions build;
  std::size_t max_document_bytes = 10'000'000;  // limits.document_bytes
};

// Parses a config. Relative paths are relative to `config_dir`; ${exe_dir} and
// ${config_dir} and ${language} are expanded. `extra_plugin_dirs` (--plugins) come first.
// Throws ConfigError naming origin:line:column and the fix.
Config parse_config(const std::string& yaml, const std::string& origin,
                    const std::filesystem::path& config_dir,
                    const std::filesystem::path& exe_dir,
                    const std::vector<std::filesystem::path>& extra_plugin_dirs);

// Where the bundled plugins and the default config (lexicons, extractors) are, relative to
// the chronicle binary's folder: the same in the build tree and the install tree, whatever
// CMAKE_INSTALL_LIBDIR and DATADIR are. ${bundled_plugins} and ${bundled_config} in a config.
std::filesystem::path bundled_plugin_dir(const std::filesystem::path& exe_dir);
std::filesystem::path bundled_config_dir(const std::filesystem::path& exe_dir);

// The config compiled into the binary (a copy of config/chronicle.yaml).
const std::string& embedded_default_config();

}  // namespace chronicle
