#include <chronicle/config.h>
#include <chronicle/errors.h>

#include <yaml-cpp/yaml.h>

namespace chronicle {
namespace {

// One pass, left to right: a value is never searched again, so a value that holds a
// variable (`language: "x${language}"`) is written as it is instead of growing forever.
std::string expand(const std::string& s, const Config& c, const std::filesystem::path& exe_dir) {
  const std::pair<std::string, std::string> vars[] = {
      {"${exe_dir}", exe_dir.string()},
      {"${bundled_plugins}", bundled_plugin_dir(exe_dir).string()},
      {"${bundled_config}", bundled_config_dir(exe_dir).string()},
      {"${config_dir}", c.config_dir.string()},
      {"${language}", c.language}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [var, val] : vars)
      if (s.compare(i, var.size(), var) == 0) {
        out += val;
        i += var.size();
        done = true;
        break;
      }
    if (!done) out += s[i++];
  }
  return out;
}

std::filesystem::path absolute_in(const std::filesystem::path& base, const std::string& p) {
  std::filesystem::path path(p);
  if (path.is_relative()) path = base / path;
  return path.lexically_normal();
}

std::string at(const std::string& origin, const YAML::Mark& m) {
  if (m.line < 0) return origin;  // a node made by the parser, without a place in the file
  return origin + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

std::string at(const std::string& origin, const YAML::Node& n) { return at(origin, n.Mark()); }

// The shape a key must have, checked before it is read: "plugins.load must be a list".
void expect(const YAML::Node& n, YAML::NodeType::value type, const std::string& origin,
            const std::string& key) {
  if (!n || n.Type() == type) return;
  const char* what = type == YAML::NodeType::Map        ? "a map (key: value)"
                     : type == YAML::NodeType::Sequence ? "a list"
                                                        : "a single value";
  throw ConfigError(at(origin, n) + ": " + key + " must be " + what);
}

void expect_list_of_values(const YAML::Node& n, const std::string& origin, const std::string& key) {
  expect(n, YAML::NodeType::Sequence, origin, key);
  if (n)
    for (const auto& x : n) expect(x, YAML::NodeType::Scalar, origin, "each entry of " + key);
}

}  // namespace

#ifndef CHRONICLE_PLUGIN_RELDIR
#define CHRONICLE_PLUGIN_RELDIR "../lib/chronicle/plugins"
#endif
#ifndef CHRONICLE_CONFIG_RELDIR
#define CHRONICLE_CONFIG_RELDIR "../share/chronicle/config"
#endif

std::filesystem::path bundled_plugin_dir(const std::filesystem::path& exe_dir) {
  return (exe_dir / CHRONICLE_PLUGIN_RELDIR).lexically_normal();
}

std::filesystem::path bundled_config_dir(const std::filesystem::path& exe_dir) {
  return (exe_dir / CHRONICLE_CONFIG_RELDIR).lexically_normal();
}

Config parse_config(const std::string& yaml, const std::string& origin,
                    const std::filesystem::path& config_dir,
                    const std::filesystem::path& exe_dir,
                    const std::vector<std::filesystem::path>& extra_plugin_dirs) {
  Config c;
  c.origin = origin;
  c.config_dir = config_dir;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw ConfigError(origin + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": not valid YAML (" + e.msg + ")");
  }
  if (!root.IsMap()) throw ConfigError(origin + ": a config must be a map (schema:, engine:, plugins:)");
  try {
    if (root["schema"] && root["schema"].as<int>() != 1)
      throw ConfigError(at(origin, root["schema"]) + ": unsupported schema " +
                        root["schema"].Scalar() + "; this Chronicle reads schema 1");
    const YAML::Node engine = root["engine"];
    expect(engine, YAML::NodeType::Map, origin, "engine");
    std::string lexicons = "lexicons/${language}";
    if (engine) {
      expect(engine["language"], YAML::NodeType::Scalar, origin, "engine.language");
      expect(engine["lexicons"], YAML::NodeType::Scalar, origin, "engine.lexicons");
      if (engine["language"]) c.language = engine["language"].as<std::string>();
      if (engine["lexicons"]) lexicons = engine["lexicons"].as<std::string>();
    }
    c.lexicon_dir = absolute_in(config_dir, expand(lexicons, c, exe_dir));
    for (const auto& d : extra_plugin_dirs) c.plugin_dirs.push_back(std::filesystem::absolute(d));
    const YAML::Node plugins = root["plugins"];
    expect(plugins, YAML::NodeType::Map, origin, "plugins");
    if (plugins) expect_list_of_values(plugins["search_paths"], origin, "plugins.search_paths");
    if (plugins && plugins["search_paths"]) {
      for (const auto& p : plugins["search_paths"])
        c.plugin_dirs.push_back(absolute_in(config_dir, expand(p.as<std::string>(), c, exe_dir)));
    }
    if (plugins && plugins["load"]) {
      if (!plugins["load"].IsSequence())
        throw ConfigError(at(origin, plugins["load"]) + ": plugins.load must be a list");
      for (const auto& p : plugins["load"]) {
        expect(p, YAML::NodeType::Map, origin, "each entry of plugins.load");
        for (const char* key : {"name", "library", "lexicon", "enabled", "required"})
          expect(p[key], YAML::NodeType::Scalar, origin, std::string("plugins.load `") + key + "`");
        if (!p["name"])
          throw ConfigError(at(origin, p) + ": a plugin entry needs `name:`");
        if (p["enabled"] && !p["enabled"].as<bool>()) continue;
        PluginSpec spec;
        spec.name = p["name"].as<std::string>();
        const std::string lib =
            p["library"] ? p["library"].as<std::string>() : "chronicle_" + spec.name;
        spec.required = p["required"] && p["required"].as<bool>();
        // a bare name is looked up as lib<name>.so in the plugin directories, in order
        std::filesystem::path libpath(expand(lib, c, exe_dir));
        if (libpath.has_parent_path()) {
          spec.library = absolute_in(config_dir, libpath.string());
        } else {
          const std::string file = "lib" + libpath.string() + ".so";
          // never a bare file name: the system's library search is not used
          spec.library =
              c.plugin_dirs.empty() ? absolute_in(config_dir, file) : c.plugin_dirs.front() / file;
          spec.searched = c.plugin_dirs;
          for (const auto& d : c.plugin_dirs) {
            std::error_code ec;
            if (std::filesystem::exists(d / file, ec)) {
              spec.library = d / file;
              break;
            }
          }
        }
        if (p["definitions"])
          spec.definitions =
              absolute_in(config_dir, expand(p["definitions"].as<std::string>(), c, exe_dir));
        if (p["lexicon"])
          spec.lexicon = absolute_in(c.lexicon_dir, expand(p["lexicon"].as<std::string>(), c, exe_dir));
        c.plugins.push_back(std::move(spec));
      }
    }
    expect(root["limits"], YAML::NodeType::Map, origin, "limits");
    if (const YAML::Node limits = root["limits"]; limits && limits["document_bytes"]) {
      const YAML::Node n = limits["document_bytes"];
      long long v = 0;
      if (!n.IsScalar() || !YAML::convert<long long>::decode(n, v) || v < 1)
        throw ConfigError(at(origin, n) +
                          ": limits.document_bytes must be a positive number of bytes");
      c.max_document_bytes = static_cast<std::size_t>(v);
    }
    expect(root["events"], YAML::NodeType::Map, origin, "events");
    if (root["events"])
      expect_list_of_values(root["events"]["type_rank"], origin, "events.type_rank");
    if (root["events"] && root["events"]["type_rank"])
      for (const auto& t : root["events"]["type_rank"])
        c.build.type_rank.push_back(t.as<std::string>());
  } catch (const YAML::Exception& e) {
    throw ConfigError(at(origin, e.mark) + ": " + e.msg);
  }
  return c;
}

}  // namespace chronicle
