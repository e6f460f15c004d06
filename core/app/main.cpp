// chronicle: event timelines from news articles.
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/export.h>
#include <chronicle/merge.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <CLI/CLI.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace chronicle;

namespace {

struct Common {
  std::vector<std::string> inputs;
  std::string published;
  std::string config;
  std::vector<std::string> plugin_dirs;
  std::string output;
  unsigned threads = 0;  // 0: the machine's cores
  bool quiet = false;
  std::string format = "yaml";
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

// Reads every input in order; documents and failures go to the callbacks in input order.
void read_all(const Common& c, const ReadOptions& opts,
              const std::function<void(Document&&)>& on_doc,
              const std::function<void(DocumentFailure&&)>& on_failure, bool& usage_error) {
  std::vector<DocumentFailure> expand_failures;
  auto inputs = expand_inputs(c.inputs, expand_failures);
  for (auto& f : expand_failures) on_failure(std::move(f));
  auto on_fail = [&](DocumentFailure&& f) {
    if (f.message.find("no publication date") != std::string::npos &&
        f.where.find(".jsonl") == std::string::npos && f.where != "-")
      usage_error = true;
    on_failure(std::move(f));
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

// Documents are read in order on the calling thread, worked on by a bounded pool, and
// their results handed to `emit` in input order. At most `window` documents are between
// reading and emitting, so memory stays flat whatever the corpus size.
template <class R>
class OrderedPool {
 public:
  OrderedPool(unsigned threads, std::function<R(Document&)> work, std::function<void(R&&)> emit)
      : work_(std::move(work)), emit_(std::move(emit)), window_(4 * threads + 4) {
    if (threads > 1)
      for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { run(); });
  }
  ~OrderedPool() { finish(); }

  void push(Document&& d) {
    if (workers_.empty()) {
      emit_(work_(d));
      return;
    }
    std::unique_lock lk(mu_);
    room_.wait(lk, [&] { return next_seq_ - next_emit_ < window_; });
    jobs_.emplace_back(next_seq_++, std::move(d));
    ready_.notify_one();
  }

  // A result that needs no work (a failure) still keeps its place in the order.
  void push_done(R&& r) {
    if (workers_.empty()) {
      emit_(std::move(r));
      return;
    }
    std::unique_lock lk(mu_);
    room_.wait(lk, [&] { return next_seq_ - next_emit_ < window_; });
    done_.emplace(next_seq_++, std::move(r));
    drain(lk);
  }

  void finish() {
    {
      std::lock_guard lk(mu_);
      closing_ = true;
    }
    ready_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

 private:
  void run() {
    std::unique_lock lk(mu_);
    for (;;) {
      ready_.wait(lk, [&] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      auto [seq, doc] = std::move(jobs_.front());
      jobs_.pop_front();
      lk.unlock();
      R r = work_(doc);
      lk.lock();
      done_.emplace(seq, std::move(r));
      drain(lk);
    }
  }

  void drain(std::unique_lock<std::mutex>&) {
    for (auto it = done_.find(next_emit_); it != done_.end(); it = done_.find(next_emit_)) {
      emit_(std::move(it->second));  // under the lock: one emitter at a time, in order
      done_.erase(it);
      ++next_emit_;
      room_.notify_all();
    }
  }

  std::function<R(Document&)> work_;
  std::function<void(R&&)> emit_;
  const std::size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<std::pair<std::size_t, Document>> jobs_;
  std::map<std::size_t, R> done_;
  std::size_t next_seq_ = 0, next_emit_ = 0;
  bool closing_ = false;
};

// "1,234 docs, 5.6 MB, 3.2 MB/s, 0 errors" on stderr, for terminals and runs over a second.
class Progress {
 public:
  explicit Progress(bool quiet) : on_(!quiet && ::isatty(STDERR_FILENO) == 1) {}
  void add(std::size_t bytes, bool error) {
    ++docs_;
    bytes_ += bytes;
    errors_ += error;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(200))
      return;
    last_ = now;
    print(now);
  }
  void done() {
    if (shown_) {
      print(std::chrono::steady_clock::now());
      std::fputc('\n', stderr);
    }
  }

 private:
  void print(std::chrono::steady_clock::time_point now) {
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes_) / 1e6;
    std::fprintf(stderr, "\r%zu docs, %.1f MB, %.1f MB/s, %zu errors ", docs_, mb,
                 secs > 0 ? mb / secs : 0.0, errors_);
    std::fflush(stderr);
    shown_ = true;
  }
  bool on_;
  bool shown_ = false;
  std::size_t docs_ = 0, bytes_ = 0, errors_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

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

// One document's share of the run.
struct DocResult {
  bool skipped = false;  // an empty document without a date
  std::optional<DocumentFailure> failure;
  Source source;
  std::vector<Event> events;  // in-document merged, ordered
  std::vector<ErrorEntry> errors;
  std::size_t bytes = 0;
};

unsigned thread_count(const Common& c) {
  if (c.threads > 0) return c.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

int run_extract(const Common& c, ReadOptions opts) {
  Config cfg = load_config(c);
  std::shared_ptr<const Resources> res = Resources::load(cfg.lexicon_dir);
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

  const bool jsonl = c.format == "jsonl";
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (jsonl && !c.output.empty() && c.output != "-") {
    file.open(c.output, std::ios::binary);
    if (!file) throw ConfigError("-o " + c.output + ": cannot write there; check that the folder exists");
    out = &file;
  }

  // Analysis and extraction only read `res` and `host` (const Resources shared by all
  // documents, const extractors), so documents can be worked on concurrently.
  auto work = [&](Document& d) {
    DocResult r;
    r.bytes = d.text.size();
    if (is_blank(d.text) && !d.published) {
      r.skipped = true;
      return r;
    }
    r.source = {d.id, *d.published, d.title};
    try {
      DocumentAnalysis a(d, res);
      r.events = extract_events(a, host, cfg.build, r.errors);
      order_events(r.events);
    } catch (const std::exception& e) {
      r.events.clear();
      r.errors.push_back({d.origin, std::string("could not be analysed: ") + e.what()});
    }
    return r;
  };

  Timeline pool;  // every document's events, merged across documents at the end
  std::vector<DocumentFailure> failures;
  Progress progress(c.quiet);
  auto emit = [&](DocResult&& r) {
    progress.add(r.bytes, r.failure.has_value());
    if (r.failure) {
      failures.push_back(*r.failure);
      if (jsonl) *out << to_json_error_line({r.failure->where, r.failure->message}) << "\n" << std::flush;
      return;
    }
    if (r.skipped) return;
    if (jsonl) {
      *out << to_json_line(r.source, r.events, r.errors) << "\n" << std::flush;
      return;
    }
    pool.sources.push_back(std::move(r.source));
    for (auto& e : r.events) pool.events.push_back(std::move(e));
    for (auto& e : r.errors) pool.errors.push_back(std::move(e));
  };
  bool usage_error = false;
  {
    OrderedPool<DocResult> workers(thread_count(c), work, emit);
    read_all(c, opts, [&](Document&& d) {
      for (const auto& w : d.warnings) std::cerr << "warning: " << d.origin << ": " << w << "\n";
      workers.push(std::move(d));
    }, [&](DocumentFailure&& f) {
      DocResult r;
      r.failure = std::move(f);
      workers.push_done(std::move(r));
    }, usage_error);
    workers.finish();
  }
  progress.done();
  for (const auto& f : failures) {
    std::cerr << "error: " << f.where << ": " << f.message << "\n";
    pool.errors.push_back({f.where, f.message});
  }
  if (!jsonl) write_output(c.output, render_timeline(merge_timelines({pool}, cfg.build), c.format));
  if (usage_error) return static_cast<int>(ExitCode::usage);
  return failures.empty() ? 0 : static_cast<int>(ExitCode::documents_failed);
}

// chronicle merge: timelines read back and merged with the same rules as extract.
int run_merge(const std::vector<std::string>& files, const Common& c) {
  Config cfg = load_config(c);
  std::vector<Timeline> parts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw ConfigError(f + ": cannot open the timeline; check the path");
    std::stringstream ss;
    ss << in.rdbuf();
    parts.push_back(read_timeline_yaml(ss.str(), f));
  }
  write_output(c.output, render_timeline(merge_timelines(parts, cfg.build), c.format));
  return 0;
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
  std::shared_ptr<const Resources> res = Resources::load(cfg.lexicon_dir);
  std::vector<DocumentFailure> failures;
  bool usage_error = false;
  std::ofstream file;  // written as documents are done: memory stays flat
  std::ostream* out = &std::cout;
  if (!c.output.empty() && c.output != "-") {
    file.open(c.output, std::ios::binary);
    if (!file) throw ConfigError("-o " + c.output + ": cannot write there; check that the folder exists");
    out = &file;
  }
  Progress progress(c.quiet);
  auto work = [&](Document& d) -> std::pair<std::string, std::size_t> {
    if (!d.published) return {std::string(), d.text.size()};
    DocumentAnalysis a(d, res, /*entities=*/false);
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
    return {line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
            d.text.size()};
  };
  auto emit = [&](std::pair<std::string, std::size_t>&& r) {
    progress.add(r.second, false);
    *out << r.first;
  };
  {
    OrderedPool<std::pair<std::string, std::size_t>> workers(thread_count(c), work, emit);
    read_all(c, opts, [&](Document&& d) {
      for (const auto& w : d.warnings) std::cerr << "warning: " << d.origin << ": " << w << "\n";
      workers.push(std::move(d));
    }, [&](DocumentFailure&& f) { failures.push_back(std::move(f)); }, usage_error);
    workers.finish();
  }
  progress.done();
  for (const auto& f : failures) std::cerr << "error: " << f.where << ": " << f.message << "\n";
  out->flush();
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
    sub->add_option("--threads", c.threads,
                    "Worker threads (default: the machine's cores); the output is the same "
                    "for any number")
        ->check(CLI::Range(1u, 1024u));
    sub->add_flag("-q,--quiet", c.quiet, "No progress line on standard error");
  };
  auto* extract = app.add_subcommand("extract", "Extract events into a timeline (YAML unless --format says otherwise)");
  add_common(extract);
  // Every format but jsonl writes the one timeline merged across documents.
  const std::string timeline_help =
      "yaml (default), json (the YAML structure), ics (iCalendar), timelinejs (TimelineJS3 "
      "JSON), md (Markdown table), html (one self-contained page with an SVG timeline)";
  std::vector<std::string> extract_formats = timeline_formats();
  extract_formats.push_back("jsonl");
  extract->add_option("--format", c.format,
                      "Output format: " + timeline_help +
                          ", or jsonl (one line per document as soon as it is done, no "
                          "cross-document merge)")
      ->check(CLI::IsMember(extract_formats));
  std::vector<std::string> merge_files;
  auto* merge = app.add_subcommand(
      "merge", "Merge timeline YAML files with the cross-article rules of extract");
  merge->add_option("timelines", merge_files, "Timeline files written by extract or merge")
      ->required();
  merge->add_option("--config", c.config, "Config file (default: the embedded config)");
  merge->add_option("-o,--output", c.output, "Write here instead of standard output");
  merge->add_option("--format", c.format, "Output format: " + timeline_help)
      ->check(CLI::IsMember(timeline_formats()));
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
    if (merge->parsed()) return run_merge(merge_files, c);
    return run_timex(c, opts);
  } catch (const ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  }
}
