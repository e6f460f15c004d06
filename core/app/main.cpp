// chronicle: event timelines from news articles.
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <CLI/CLI.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using namespace chronicle;

namespace {

struct Common {
  std::vector<std::string> inputs;
  std::string published;
  std::string config;
  std::vector<std::string> plugin_dirs;
  std::string output;
};

fs::path exe_dir() {
  try {
    return fs::path(boost::dll::program_location().parent_path().string());
  } catch (...) {
    return fs::current_path();
  }
}

Config load_config(const Common& c) {
  std::vector<fs::path> extra(c.plugin_dirs.begin(), c.plugin_dirs.end());
  for (const auto& d : extra) {
    std::error_code ec;
    if (!fs::is_directory(d, ec))
      throw ConfigError("--plugins " + d.string() +
                        ": no such directory; give a folder that holds libchronicle_*.so files");
  }
  const fs::path exe = exe_dir();
  if (!c.config.empty()) {
    std::ifstream in(c.config, std::ios::binary);
    if (!in)
      throw ConfigError(c.config + ": cannot open the config file; check the --config path");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_config(ss.str(), c.config, fs::absolute(c.config).parent_path(), exe, extra);
  }
  const fs::path dir = (exe / ".." / "share" / "chronicle" / "config").lexically_normal();
  return parse_config(embedded_default_config(), "<embedded default config>", dir, exe, extra);
}

// Expands directories (recursive, sorted) and keeps files and "-" as given.
std::vector<std::string> expand_inputs(const std::vector<std::string>& in,
                                       std::vector<DocumentFailure>& failures) {
  std::vector<std::string> out;
  for (const auto& p : in) {
    std::error_code ec;
    if (p == "-") {
      out.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        std::error_code ec2;
        if (it->is_regular_file(ec2) && (ext == ".txt" || ext == ".md" || ext == ".jsonl"))
          found.push_back(it->path().string());
      }
      if (ec) failures.push_back({p, "could not read the whole directory: " + ec.message()});
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (!fs::exists(p, ec)) {
      failures.push_back({p, "no such file or directory"});
    } else {
      out.push_back(p);
    }
  }
  return out;
}

void read_all(const Common& c, const ReadOptions& opts,
              const std::function<void(Document&&)>& on_doc,
              std::vector<DocumentFailure>& failures, bool& usage_error) {
  auto inputs = expand_inputs(c.inputs, failures);
  auto on_fail = [&](DocumentFailure&& f) {
    if (f.message.find("no publication date") != std::string::npos &&
        f.where.find(".jsonl") == std::string::npos && f.where != "-")
      usage_error = true;
    failures.push_back(std::move(f));
  };
  for (const auto& p : inputs) {
    if (p == "-") {
      std::string line;
      std::size_t n = 0;
      while (std::getline(std::cin, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
          on_doc(parse_json_document(line, "<stdin>:" + std::to_string(n), opts));
        } catch (const DocumentError& e) {
          on_fail({e.where(), std::string(e.what()).substr(e.where().size() + 2)});
        }
      }
      continue;
    }
    read_path(p, opts, on_doc, on_fail);
  }
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw ConfigError("-o " + path + ": cannot write there; check that the folder exists");
  out << text;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

int run_extract(const Common& c, ReadOptions opts) {
  Config cfg = load_config(c);
  auto res = Resources::load(cfg.lexicon_dir);
  PluginHost host;
  bool required_failed = false;
  for (const auto& spec : cfg.plugins) {
    const auto& rep = host.load(spec);
    if (!rep.ok()) {
      std::cerr << (spec.required ? "error: " : "warning: ") << rep.message
                << (spec.required ? "" : " (continuing without it)") << "\n";
      required_failed = required_failed || spec.required;
    }
  }
  if (required_failed) return static_cast<int>(ExitCode::usage);
  if (host.plugins().empty()) std::cerr << "warning: no extractor plugin loaded; the timeline will be empty\n";

  Timeline tl;
  std::vector<DocumentFailure> failures;
  bool usage_error = false;
  read_all(c, opts, [&](Document&& d) {
    for (const auto& w : d.warnings) std::cerr << "warning: " << d.origin << ": " << w << "\n";
    if (is_blank(d.text) && !d.published) return;
    tl.sources.push_back({d.id, *d.published, d.title});
    DocumentAnalysis a(d, res);
    auto evs = extract_events(a, host, cfg.build, tl.errors);
    for (auto& e : evs) tl.events.push_back(std::move(e));
  }, failures, usage_error);
  for (const auto& f : failures) {
    std::cerr << "error: " << f.where << ": " << f.message << "\n";
    tl.errors.push_back({f.where, f.message});
  }
  order_events(tl.events);
  write_output(c.output, to_yaml(tl));
  if (usage_error) return static_cast<int>(ExitCode::usage);
  return failures.empty() ? 0 : static_cast<int>(ExitCode::documents_failed);
}

const char* type_name(TimexType t) {
  switch (t) {
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
    default: return "DATE";
  }
}

int run_timex(const Common& c, ReadOptions opts) {
  Config cfg = load_config(c);
  auto res = Resources::load(cfg.lexicon_dir);
  std::vector<DocumentFailure> failures;
  bool usage_error = false;
  std::ostringstream out;
  read_all(c, opts, [&](Document&& d) {
    for (const auto& w : d.warnings) std::cerr << "warning: " << d.origin << ": " << w << "\n";
    if (!d.published) return;
    DocumentAnalysis a(d, res);
    CodePointIndex cpi(d.text);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : a.sentences()) {
      for (const auto& t : s.timexes) {
        nlohmann::json j;
        j["start"] = cpi(t.begin);
        j["end"] = cpi(t.end);
        j["text"] = t.text;
        j["type"] = type_name(t.type);
        j["value"] = t.resolved.value;
        j["earliest"] = t.resolved.earliest ? nlohmann::json(cal::iso_day(*t.resolved.earliest))
                                            : nlohmann::json(nullptr);
        j["latest"] = t.resolved.latest ? nlohmann::json(cal::iso_day(*t.resolved.latest))
                                        : nlohmann::json(nullptr);
        j["granularity"] = granularity_name(t.resolved.granularity);
        arr.push_back(std::move(j));
      }
    }
    nlohmann::json line;
    line["id"] = d.id;
    line["timexes"] = std::move(arr);
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }, failures, usage_error);
  for (const auto& f : failures) std::cerr << "error: " << f.where << ": " << f.message << "\n";
  write_output(c.output, out.str());
  if (usage_error) return static_cast<int>(ExitCode::usage);
  return failures.empty() ? 0 : static_cast<int>(ExitCode::documents_failed);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chronicle: ordered timelines of diplomatic events from news articles"};
  app.require_subcommand(1);
  Common c;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("inputs", c.inputs,
                    "Text/Markdown files (YAML front matter: published, title, id, dateline), "
                    ".jsonl files, directories, or - for JSONL on stdin")
        ->required();
    sub->add_option("--published", c.published,
                    "Publication date YYYY-MM-DD for file input (sets or overrides)");
    sub->add_option("--config", c.config, "Config file (default: the embedded config)");
    sub->add_option("--plugins", c.plugin_dirs, "Extra plugin directory, searched first");
    sub->add_option("-o,--output", c.output, "Write here instead of standard output");
  };
  auto* extract = app.add_subcommand("extract", "Extract events into a YAML timeline");
  add_common(extract);
  std::string format = "yaml";
  extract->add_option("--format", format, "Output format")->check(CLI::IsMember({"yaml"}));
  auto* timex = app.add_subcommand(
      "timex", "Temporal expressions only: one JSON line per document with resolved values");
  add_common(timex);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  try {
    ReadOptions opts;
    if (!c.published.empty()) {
      date::sys_days d;
      if (!cal::parse_iso_day(c.published, d)) {
        std::cerr << "error: --published " << c.published
                  << ": not a calendar date in the form YYYY-MM-DD\n";
        return static_cast<int>(ExitCode::usage);
      }
      opts.published = d;
    }
    if (extract->parsed()) return run_extract(c, opts);
    return run_timex(c, opts);
  } catch (const ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  }
}
