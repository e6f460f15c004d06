// chronicle: event timelines from news articles.
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/export.h>
#include <chronicle/json_string.h>
#include <chronicle/merge.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <CLI/CLI.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>
#include <string_view>
#include <thread>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace chronicle;

namespace {

std::vector<Timeline> one_part(Timeline&& t) {
  std::vector<Timeline> v;
  v.push_back(std::move(t));
  return v;
}

}  // namespace

namespace {

struct Common {
  std::vector<std::string> inputs;
  std::string published;
  std::string config;
  std::vector<std::string> plugin_dirs;
  std::string output;
  unsigned threads = 0;  // 0: the machine's cores
  bool quiet = false;
  bool allow_insecure_plugins = false;
  std::string format = "yaml";
  std::vector<std::string> origins;  // --origin FILE=NAME:LINE
  std::string taken_ids;             // --taken-ids FILE
  bool list_ids = false;             // --list-ids
};

// A configured plugin folder that does not exist: said once per run, on stderr.
void warn_missing_plugin_dirs(const Config& cfg) {
  for (const auto& d : cfg.plugin_dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec))
      std::cerr << "warning: plugin folder " << d.string() << " (plugins.search_paths in "
                << cfg.origin << ") does not exist; create it or fix the path\n";
  }
}

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
  const fs::path dir = bundled_config_dir(exe);
  return parse_config(embedded_default_config(), "<embedded default config>", dir, exe, extra);
}

// "1,234 docs, 5.6 MB, 3.2 MB/s, 0 errors" on stderr, for terminals and runs over a second.
class Progress {
 public:
  explicit Progress(bool quiet) : on_(!quiet && ::isatty(STDERR_FILENO) == 1) {}
  // Size of the whole input when every input is a file (0: unknown, no ETA).
  void expect(std::uintmax_t input_bytes) { input_total_ = input_bytes; }
  // Input bytes read so far (the reading thread; print() may run on a worker).
  void read(std::size_t input_bytes) { input_read_ += input_bytes; }
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
    std::fprintf(stderr, "\r%zu docs, %.1f MB, %.1f MB/s, %zu errors", docs_, mb,
                 secs > 0 ? mb / secs : 0.0, errors_);
    // ETA from the share of the input read so far, at the rate so far
    const auto read = static_cast<double>(input_read_.load());
    const auto total = static_cast<double>(input_total_);
    if (total > 0 && read > 0 && secs > 0) {
      const double left = read >= total ? 0.0 : secs * (total - read) / read;
      std::fprintf(stderr, ", ETA %.0f s", left);
    }
    std::fputs("   ", stderr);
    std::fflush(stderr);
    shown_ = true;
  }
  bool on_;
  bool shown_ = false;
  std::size_t docs_ = 0, bytes_ = 0, errors_ = 0;
  std::uintmax_t input_total_ = 0;
  std::atomic<std::size_t> input_read_{0};
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

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
      std::vector<DocumentFailure> broken;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        std::error_code ec2;
        if (ext != ".txt" && ext != ".md" && ext != ".jsonl") continue;
        if (it->is_regular_file(ec2)) {
          found.push_back(it->path().string());
        } else if (ec2 && it->is_symlink(ec2)) {  // a link into a loop, or to nothing
          broken.push_back({it->path().string(),
                            "a symbolic link that leads to no file (its target is missing, "
                            "or the links loop); fix or remove the link"});
        }
      }
      if (ec) failures.push_back({p, "could not read the whole directory: " + ec.message()});
      std::sort(found.begin(), found.end());
      std::sort(broken.begin(), broken.end(),
                [](const auto& a, const auto& b) { return a.where < b.where; });
      for (auto& f : broken) failures.push_back(std::move(f));
      out.insert(out.end(), found.begin(), found.end());
    } else if (!fs::exists(p, ec)) {
      failures.push_back({p, "no such file or directory"});
    } else {
      out.push_back(p);
    }
  }
  return out;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// --origin FILE=NAME:LINE: the input FILE reads as NAME, its first line being line LINE
// of NAME (a partition of a bigger file, copied to a scale-out worker).
struct InputOrigin {
  std::string name;
  std::size_t first_line = 1;
};

std::map<std::string, InputOrigin> parse_origins(const Common& c) {
  std::map<std::string, InputOrigin> out;
  for (const auto& o : c.origins) {
    const std::string fix =
        ": give FILE=NAME:LINE (FILE one of the inputs, NAME the name it stands for in "
        "origins, errors and ids, LINE the number of its first line, from 1)";
    const auto eq = o.find('=');
    const auto colon = o.rfind(':');
    if (eq == std::string::npos || eq == 0 || colon == std::string::npos || colon <= eq + 1)
      throw ConfigError("--origin " + o + fix);
    const std::string file = o.substr(0, eq), digits = o.substr(colon + 1);
    std::size_t line = 0;
    bool ok = !digits.empty() && digits.size() <= 15;
    for (char ch : digits) {
      ok = ok && std::isdigit(static_cast<unsigned char>(ch));
      line = line * 10 + static_cast<std::size_t>(ch - '0');
    }
    if (!ok || line == 0) throw ConfigError("--origin " + o + fix);
    if (std::find(c.inputs.begin(), c.inputs.end(), file) == c.inputs.end())
      throw ConfigError("--origin " + o + ": " + file +
                        " is not one of the inputs; name a file given on the command line");
    if (!out.emplace(file, InputOrigin{o.substr(eq + 1, colon - eq - 1), line}).second)
      throw ConfigError("--origin " + o + ": " + file + " has two --origin; give one");
  }
  return out;
}

// --taken-ids FILE: ids that documents before these inputs already use, one JSON object
// {"id", "origin"} a line (what --list-ids writes). A document with one of them is renamed
// as it would be in one run over everything.
std::vector<std::pair<std::string, std::string>> read_taken_ids(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  if (path.empty()) return out;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("--taken-ids " + path + ": cannot open the file; check the path");
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (is_blank(line)) continue;
    const std::string where = "--taken-ids " + path + ":" + std::to_string(n);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw ConfigError(where + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() ||
        (j.contains("origin") && !j["origin"].is_string()))
      throw ConfigError(where +
                        ": each line must be {\"id\": \"...\", \"origin\": \"...\"}, "
                        "as --list-ids writes");
    out.emplace_back(j["id"].get<std::string>(),
                     j.value("origin", std::string("an earlier document")));
  }
  return out;
}

// An input read as it is written (a pipe, a terminal, /dev/stdin): its documents are passed
// on as they come, none held back until the next is read.
bool is_stream(const fs::path& p) {
  std::error_code ec;
  const auto st = fs::status(p, ec);
  return !ec && fs::exists(st) && !fs::is_regular_file(st);
}

// The ids given so far, each with the origin of its first document and how often it came
// again. Every id and origin is in one string, `bytes_`; an entry says where, and an
// open-addressing table of 32-bit tags of the ids' hashes with entry numbers finds an id
// (compared whole). A new id, the usual case, costs one look at one slot of the table
// (8 bytes), where a node-based map read a bucket, a node and its key, and allocated a node.
class IdRegistry {
 public:
  // The entry of `id` and whether it was added now, with `origin`.
  std::pair<std::size_t, bool> remember(std::string_view id, std::string_view origin) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(id);
    const std::size_t at = slot_of(id, h);
    if (slots_[at].entry != 0) return {slots_[at].entry - 1, false};
    if (entries_.size() >= kNoEntry)
      throw std::length_error("more documents than " + std::to_string(kNoEntry) + " in one run");
    slots_[at] = {tag_of(h), static_cast<std::uint32_t>(entries_.size() + 1)};
    entries_.push_back({h, bytes_.size(), id.size(), origin.size()});
    bytes_.append(id).append(origin);
    return {entries_.size() - 1, true};
  }

  bool contains(std::string_view id) const {
    return !slots_.empty() && slots_[slot_of(id, hash(id))].entry != 0;
  }

  // Starts fetching the slot where the look-up of `id` begins.
  void prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(id) & (slots_.size() - 1)]);
  }

  std::string_view id(std::size_t e) const {
    return std::string_view(bytes_).substr(entries_[e].at, entries_[e].id_size);
  }
  // the origin of the first document of the id of entry `e`
  std::string_view origin(std::size_t e) const {
    return std::string_view(bytes_).substr(entries_[e].at + entries_[e].id_size,
                                           entries_[e].origin_size);
  }
  // how many documents after the first had the id of entry `e` (renamed)
  std::size_t& repeats(std::size_t e) { return entries_[e].repeats; }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = 0;  // the entry's number + 1; 0: an empty slot
  };
  struct Entry {
    std::uint64_t hash;
    std::size_t at;  // the id's first byte in bytes_, its origin's right after it
    std::size_t id_size, origin_size;
    std::size_t repeats = 0;
  };
  static constexpr std::size_t kNoEntry = std::numeric_limits<std::uint32_t>::max();

  static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  // The slot that holds `id` (of hash h), or the empty slot where its search ends.
  std::size_t slot_of(std::string_view id, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      const Slot s = slots_[at];
      if (s.entry == 0 || (s.tag == tag_of(h) && this->id(s.entry - 1) == id)) return at;
    }
  }
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

  void grow() {
    slots_.assign(std::max<std::size_t>(1024, 2 * slots_.size()), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      std::size_t at = entries_[e].hash & mask;
      while (slots_[at].entry != 0) at = (at + 1) & mask;
      slots_[at] = {tag_of(entries_[e].hash), static_cast<std::uint32_t>(e + 1)};
    }
  }

  std::vector<Slot> slots_;  // a power of two of them, at most half of them used
  std::vector<Entry> entries_;
  std::string bytes_;
};

// What read_all settles for each document in input order, whoever read it: its bytes on
// the progress line and its id (a repeated one gets a suffix and a warning). true: the id
// was changed.
using Admit = std::function<bool(std::string& id, const std::string& origin,
                                 std::vector<std::string>& warnings, std::size_t source_bytes)>;

// A pool that reads a regular JSONL file in pieces with its own threads (PiecePool).
class PieceInput {
 public:
  virtual ~PieceInput() = default;
  // Reads, works on and emits every document of `in` in input order; `admit` and
  // `on_failure` are called in input order, on one thread at a time.
  virtual void read(const JsonlPieceReader& in, const std::string& name, std::size_t first_line,
                    const ReadOptions& opts, const Admit& admit,
                    const std::function<void(DocumentFailure&&)>& on_failure) = 0;
};

// Bytes of a JSONL file a thread takes at a time when several work on it.
constexpr std::size_t kPieceBytes = 128 * 1024;

// Reads every input in order; documents and failures go to the callbacks in input order.
void read_all(const Common& c, const ReadOptions& opts,
              const std::function<void(Document&&)>& on_doc,
              const std::function<void(DocumentFailure&&)>& on_failure, bool& usage_error,
              Progress& progress, PieceInput* pieces = nullptr) {
  std::vector<DocumentFailure> expand_failures;
  const auto origins = parse_origins(c);
  const auto taken = read_taken_ids(c.taken_ids);
  auto inputs = expand_inputs(c.inputs, expand_failures);
  for (auto& f : expand_failures) on_failure(std::move(f));
  {
    std::uintmax_t total = 0;
    bool known = true;
    for (const auto& p : inputs) {
      std::error_code ec;
      const auto size = p == "-" ? std::uintmax_t(0) : fs::file_size(p, ec);
      known = known && p != "-" && !ec;
      if (known) total += size;
    }
    progress.expect(known ? total : 0);
  }
  // ids name documents in the output (evidence, errors): a repeated id gets a suffix, and a
  // warning names the origin of the id's first document.
  IdRegistry ids;
  for (const auto& [id, origin] : taken) ids.remember(id, origin);
  const Admit admit = [&](std::string& doc_id, const std::string& origin,
                          std::vector<std::string>& warnings, std::size_t source_bytes) {
    progress.read(source_bytes);
    const auto [e, fresh] = ids.remember(doc_id, origin);
    if (fresh) return false;
    std::string id;
    do id = doc_id + "#" + std::to_string(++ids.repeats(e) + 1);
    while (ids.contains(id));
    warnings.push_back("the id \"" + doc_id + "\" is already used by " +
                       std::string(ids.origin(e)) + "; this document is \"" + id +
                       "\" in the output");
    doc_id = id;
    ids.remember(id, origin);
    return true;
  };
  auto pass_on = [&](Document&& d) {
    admit(d.id, d.origin, d.warnings, d.source_bytes);
    on_doc(std::move(d));
  };
  // A document of a file waits in `held` while the next one is read and the one before is
  // worked on, its id's place in `ids` fetched from memory meanwhile (a new id's look-up,
  // most documents', missed the cache every time). Documents and failures keep their order.
  Document held;
  bool holding = false;
  auto pass_on_held = [&] {
    if (!holding) return;
    holding = false;
    pass_on(std::move(held));
  };
  bool hold = false;  // (the input is a regular file: no document of a stream waits for more)
  const std::function<void(Document&&)> on_document = [&](Document&& d) {
    if (!hold) {
      pass_on(std::move(d));
      return;
    }
    ids.prefetch(d.id);
    pass_on_held();
    swap(held, d);  // (the reader gets the storage of one passed on before)
    holding = true;
  };
  auto on_fail = [&](DocumentFailure&& f) {
    pass_on_held();
    if (f.message.find("no publication date") != std::string::npos &&
        f.where.find(".jsonl") == std::string::npos && f.where != "-")
      usage_error = true;
    on_failure(std::move(f));
  };
  for (const auto& p : inputs) {
    const auto o = origins.find(p);
    const std::string name = o == origins.end() ? std::string() : o->second.name;
    const std::size_t first = o == origins.end() ? 1 : o->second.first_line;
    hold = p != "-" && !is_stream(p);
    if (pieces && hold && fs::path(p).extension() == ".jsonl") {
      // a JSONL file of two pieces or more: read by the workers themselves
      const JsonlPieceReader in(p, kPieceBytes, opts.max_document_bytes);
      if (in.ok() && in.pieces() >= 2) {
        pieces->read(in, name.empty() ? fs::path(p).string() : name, first, opts, admit, on_fail);
        continue;
      }
    }
    if (p == "-")
      read_jsonl(std::cin, name.empty() ? "<stdin>" : name, opts, on_document, on_fail, first);
    else
      read_path(p, opts, on_document, on_fail, name, first);
    pass_on_held();
  }
}

// Documents are read in order on the calling thread, worked on by a bounded pool, and
// their results handed to `emit` in input order. At most `window` documents are between
// reading and emitting, so memory stays flat whatever the corpus size. `emit` runs outside
// the lock, on one thread at a time (whichever worker finds the next result in order), so
// the other workers and the reader go on meanwhile; the reader and the workers are woken
// only when they wait, the reader only once half the window is free again. The window
// is wide (256 documents a worker, a few MB of text at most) because the reader shares
// the cores with the workers: with 8 a worker, `timex` on two threads spent a tenth of
// its time switching threads and ran only 1.5x faster than on one.
template <class R>
class OrderedPool {
 public:
  OrderedPool(unsigned threads, std::function<R(Document&)> work, std::function<void(R&&)> emit)
      : work_(std::move(work)), emit_(std::move(emit)), window_(256 * threads + 256) {
    // the reader is the last of the `threads`: it works on documents too whenever the
    // window is full, so `threads` threads share the cores, not one more
    if (threads > 1) {
      slots_.resize(window_);
      for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { run(); });
    }
  }
  ~OrderedPool() { finish(); }

  // `d` is given back holding a document worked on before (or an empty one): the reader
  // reads the next one into it, its strings keeping their room, instead of into new ones
  void push(Document&& d) {
    if (workers_.empty()) {
      emit_(work_(d));
      return;
    }
    std::unique_lock lk(mu_);
    wait_for_room(lk);
    Slot& slot = slots_[next_seq_++ % window_];
    swap(slot.doc, d);
    slot.waiting = true;
    if (idle_workers_ > 0) ready_.notify_one();
  }

  // A result that needs no work (a failure) still keeps its place in the order.
  void push_done(R&& r) {
    if (workers_.empty()) {
      emit_(std::move(r));
      return;
    }
    std::unique_lock lk(mu_);
    wait_for_room(lk);
    slots_[next_seq_++ % window_].result.emplace(std::move(r));
    drain(lk);
  }

  // Returns once every document pushed has been emitted (the caller works on documents
  // meanwhile), so that what comes next is emitted after them.
  void flush() {
    if (workers_.empty()) return;
    std::unique_lock lk(mu_);
    while (next_emit_ < next_seq_) {
      if (std::size_t seq; next_job(seq)) {
        work_one(seq, lk);
        continue;
      }
      reader_waiting_ = true;
      room_.wait(lk);
      reader_waiting_ = false;
    }
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
  // Document number `seq` is in slots_[seq % window_] from its reading to the emitting of
  // its result; the window holds at most window_ documents, so no two share a slot.
  struct Slot {
    Document doc;
    bool waiting = false;     // the document waits for a worker
    std::optional<R> result;  // done: the result waits to be emitted
  };

  void wait_for_room(std::unique_lock<std::mutex>& lk) {
    while (next_seq_ - next_emit_ >= window_) {
      if (std::size_t seq; next_job(seq)) {  // a full window: the reader takes a document itself
        work_one(seq, lk);
        continue;
      }
      reader_waiting_ = true;
      room_.wait(lk);
      reader_waiting_ = false;
    }
  }

  // The oldest document that waits for work, if any (with the lock held).
  bool next_job(std::size_t& seq) {
    next_job_ = std::max(next_job_, next_emit_);  // (all done before next_emit_)
    while (next_job_ < next_seq_ && !slots_[next_job_ % window_].waiting) ++next_job_;
    if (next_job_ == next_seq_) return false;
    seq = next_job_++;
    return true;
  }

  void run() {
    std::unique_lock lk(mu_);
    for (;;) {
      std::size_t seq;
      while (!next_job(seq)) {
        if (closing_) return;
        ++idle_workers_;
        ready_.wait(lk);
        --idle_workers_;
      }
      work_one(seq, lk);
    }
  }

  // Works on document `seq` (the lock is held on entry and on return). Its slot is this
  // thread's until the result is emitted: the reader fills it again only after that.
  void work_one(std::size_t seq, std::unique_lock<std::mutex>& lk) {
    Slot& slot = slots_[seq % window_];
    slot.waiting = false;
    lk.unlock();
    R r = work_(slot.doc);
    lk.lock();
    slot.result.emplace(std::move(r));
    drain(lk);
  }

  // Emits every result that is next in order; only one thread emits at a time, the
  // others leave their results in their slots for it.
  void drain(std::unique_lock<std::mutex>& lk) {
    if (emitting_) return;
    emitting_ = true;
    while (next_emit_ < next_seq_ && slots_[next_emit_ % window_].result) {
      auto& done = slots_[next_emit_ % window_].result;
      R r = std::move(*done);
      done.reset();
      lk.unlock();
      emit_(std::move(r));
      lk.lock();
      ++next_emit_;
      // the reader, once it waits, is woken when half the window is free, not at every
      // result: a context switch per document cost more than the reading itself
      if (reader_waiting_ && next_seq_ - next_emit_ <= window_ / 2) room_.notify_one();
    }
    emitting_ = false;
  }

  std::function<R(Document&)> work_;
  std::function<void(R&&)> emit_;
  const std::size_t window_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::vector<Slot> slots_;
  std::size_t next_seq_ = 0, next_emit_ = 0, next_job_ = 0;
  unsigned idle_workers_ = 0;
  bool closing_ = false, emitting_ = false, reader_waiting_ = false;
};

// A regular JSONL file worked on by `threads` threads that each read their own pieces of
// it (JsonlPieceReader): a thread reads, parses and works on the documents of the piece it
// took, so no text passes from a reading thread to a working one (with one reader feeding
// the others, a tenth of a two-thread run went to moving each document's bytes from one
// core's cache to the other's), and the lock is taken once a piece, not once a document.
// Pieces are emitted in input order by one thread at a time, and what depends on that
// order is settled then: repeated ids (a renamed document is worked on again under its new
// id, from the piece's bytes, kept until then), the progress line, warnings and failures.
// At most kWindow pieces are between reading and emitting: memory stays flat.
template <class R>
class PiecePool final : public PieceInput {
 public:
  // `on_read` prints a document's reading warnings, just before its result is emitted;
  // `before` is called before a file's first piece (the documents read before it emitted).
  PiecePool(unsigned threads, std::function<R(Document&)> work, std::function<void(R&&)> emit,
            std::function<void(const std::string& origin, const std::vector<std::string>&)> on_read,
            std::function<void()> before)
      : threads_(std::max(1u, threads)),
        work_(std::move(work)),
        emit_(std::move(emit)),
        on_read_(std::move(on_read)),
        before_(std::move(before)),
        slots_(kWindow(threads_)) {}

  void read(const JsonlPieceReader& in, const std::string& name, std::size_t first_line,
            const ReadOptions& opts, const Admit& admit,
            const std::function<void(DocumentFailure&&)>& on_failure) override {
    before_();
    in_ = &in;
    name_ = &name;
    opts_ = &opts;
    admit_ = &admit;
    on_failure_ = &on_failure;
    first_line_ = first_line;
    pieces_ = in.pieces();
    next_claim_ = next_emit_ = counted_ = 0;
    newlines_.assign(pieces_, 0);
    read_.assign(pieces_, false);
    lines_before_.assign(pieces_ + 1, 0);
    std::vector<std::thread> helpers;
    for (unsigned i = 1; i < threads_; ++i) helpers.emplace_back([this] { run(); });
    run();
    for (auto& t : helpers) t.join();
  }

 private:
  static std::size_t kWindow(unsigned threads) { return 2 * std::size_t(threads) + 2; }

  struct Item {  // a line of a piece that is no blank line: a document or a failure
    std::optional<R> result;
    std::string id, origin;
    std::vector<std::string> warnings;  // the reading's
    std::size_t source_bytes = 0;
    std::size_t line = 0;  // its number in Piece::lines, to read it again
    std::optional<DocumentFailure> failure;
  };
  struct Slot {
    JsonlPieceReader::Piece piece;
    std::vector<Item> items;
    std::size_t used = 0;   // items[0, used) are this piece's (the rest keep their room)
    std::size_t first = 0;  // the file's line number of the piece's first line
    bool done = false;

    Item& next_item() {
      if (used == items.size()) items.emplace_back();
      return items[used++];
    }
  };

  // Line j of the slot's piece read into `d` or `failure`, as read_jsonl reads it.
  JsonlLine read_line(const Slot& slot, std::size_t j, Document& d, DocumentFailure& failure,
                      std::string& origin) const {
    const auto& line = slot.piece.lines[j];
    line_origin(*name_, slot.first + j, origin);
    return read_jsonl_line(std::string_view(slot.piece.bytes.data() + line.at, line.stored),
                           line.length, origin, *opts_, d, failure);
  }

  void run() {
    Document d;  // this thread's, filled line after line
    DocumentFailure failure;
    std::string origin;
    std::unique_lock lk(mu_);
    for (;;) {
      while (next_claim_ < pieces_ && next_claim_ - next_emit_ >= slots_.size()) room_.wait(lk);
      if (next_claim_ >= pieces_) return;
      const std::size_t k = next_claim_++;
      Slot& slot = slots_[k % slots_.size()];
      lk.unlock();
      in_->read(k, slot.piece);
      lk.lock();
      // the line numbers: the newlines of every piece before this one
      newlines_[k] = slot.piece.newlines;
      read_[k] = true;
      const std::size_t was = counted_;
      while (counted_ < pieces_ && read_[counted_]) {
        lines_before_[counted_ + 1] = lines_before_[counted_] + newlines_[counted_];
        ++counted_;
      }
      if (counted_ != was) counted_cv_.notify_all();
      while (counted_ < k) counted_cv_.wait(lk);
      slot.first = first_line_ + lines_before_[k] + slot.piece.newlines_before;
      lk.unlock();
      slot.used = 0;
      for (std::size_t j = 0; j < slot.piece.lines.size(); ++j) {
        const JsonlLine got = read_line(slot, j, d, failure, origin);
        if (got == JsonlLine::blank) continue;
        Item& it = slot.next_item();
        it.line = j;
        if (got == JsonlLine::failure) {
          it.failure.emplace(std::move(failure));
          it.result.reset();
          continue;
        }
        it.failure.reset();
        it.id = d.id;
        it.origin = d.origin;
        it.warnings = d.warnings;
        it.source_bytes = d.source_bytes;
        it.result.emplace(work_(d));
      }
      if (slot.piece.read_error) {
        Item& it = slot.next_item();
        it.result.reset();
        it.failure.emplace(DocumentFailure{
            *name_, "could not read the whole file; check the disk and its permissions"});
      }
      lk.lock();
      slot.done = true;
      drain(lk, d);
    }
  }

  // Emits every piece that is next in order (the lock held on entry and on return); one
  // thread at a time, the others leave their pieces for it.
  void drain(std::unique_lock<std::mutex>& lk, Document& d) {
    if (emitting_) return;
    emitting_ = true;
    while (next_emit_ < pieces_ && slots_[next_emit_ % slots_.size()].done) {
      Slot& slot = slots_[next_emit_ % slots_.size()];
      lk.unlock();
      for (std::size_t i = 0; i < slot.used; ++i) {
        Item& it = slot.items[i];
        if (it.failure) {
          (*on_failure_)(std::move(*it.failure));
          continue;
        }
        if (!(*admit_)(it.id, it.origin, it.warnings, it.source_bytes)) {
          on_read_(it.origin, it.warnings);
          emit_(std::move(*it.result));
          continue;
        }
        // a repeated id: the document is read again and worked on under its new id
        std::string origin;
        DocumentFailure unused;
        read_line(slot, it.line, d, unused, origin);
        d.id = it.id;
        d.warnings = it.warnings;
        on_read_(it.origin, it.warnings);
        emit_(work_(d));
      }
      // the room a line far longer than a piece took is not kept for the slot's next pieces:
      // the pool holds at most its pieces in flight, not its longest lines
      if (slot.piece.bytes.size() > 4 * kPieceBytes) std::string().swap(slot.piece.bytes);
      lk.lock();
      slot.done = false;
      ++next_emit_;
      room_.notify_all();
    }
    emitting_ = false;
  }

  const unsigned threads_;
  std::function<R(Document&)> work_;
  std::function<void(R&&)> emit_;
  std::function<void(const std::string&, const std::vector<std::string>&)> on_read_;
  std::function<void()> before_;
  std::vector<Slot> slots_;
  // the file being read
  const JsonlPieceReader* in_ = nullptr;
  const std::string* name_ = nullptr;
  const ReadOptions* opts_ = nullptr;
  const Admit* admit_ = nullptr;
  const std::function<void(DocumentFailure&&)>* on_failure_ = nullptr;
  std::size_t first_line_ = 1, pieces_ = 0;
  std::mutex mu_;
  std::condition_variable room_, counted_cv_;
  std::size_t next_claim_ = 0, next_emit_ = 0;
  // newlines_[k]: the newlines piece k holds, once read_[k]; lines_before_[k] for each
  // k <= counted_: the newlines of the pieces before k
  std::vector<std::size_t> newlines_;
  std::vector<bool> read_;
  std::vector<std::size_t> lines_before_;
  std::size_t counted_ = 0;
  bool emitting_ = false;
};

// Where -o writes. A regular file, or one that does not exist yet, is written to a
// temporary file in the same folder and renamed over it by commit(): a run that fails
// before commit() leaves the old file as it was (the temporary file is removed). A device,
// a pipe or a socket (/dev/null, a FIFO) is written directly, never replaced; "", "-" and
// /dev/stdout are standard output.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    if (path.empty() || path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" ||
        path == "/proc/self/fd/1") {
      out_ = &std::cout;
      return;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);  // follows symlinks
    const bool exists = fs::exists(st);
    if (exists && !fs::is_regular_file(st)) {
      if (fs::is_directory(st))
        throw ConfigError("-o " + path + ": is a folder; give a file name");
      file_.open(path, std::ios::binary);  // device, FIFO or socket: written in place
      if (!file_) throw ConfigError("-o " + path + ": cannot open it for writing");
      out_ = &file_;
      return;
    }
    // a symlink to a file: the file is replaced, the link stays
    fs::path target = path;
    if (exists && fs::is_symlink(fs::symlink_status(path, ec))) {
      const fs::path real = fs::canonical(path, ec);
      if (!ec) target = real;
    }
    target_ = target.string();
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec))
      throw ConfigError("-o " + path + ": the folder " + dir.string() +
                        " does not exist; create it or write somewhere else");
    std::string tmpl = (dir / ("." + target.filename().string() + ".chronicle-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
      throw ConfigError("-o " + path + ": cannot write in " + dir.string() + " (" +
                        std::strerror(errno) + "); check that the folder is writable");
    tmp_ = tmpl;
    // the new file keeps the old one's permissions, or gets the usual ones for a new file
    mode_t mode = 0;
    if (exists) {
      mode = static_cast<mode_t>(st.permissions()) & 07777;
    } else {
      const mode_t mask = ::umask(0);
      ::umask(mask);
      mode = 0666 & ~mask;
    }
    (void)::fchmod(fd, mode);
    ::close(fd);
    file_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!file_) throw ConfigError("-o " + path + ": cannot write the temporary file " + tmp_);
    out_ = &file_;
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() {
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
  }

  std::ostream& stream() { return *out_; }

  // Everything written: flushed and, for a file, renamed into place.
  void commit() {
    out_->flush();
    if (out_ == &std::cout) {
      if (!std::cout) throw ConfigError("cannot write to standard output");
      return;
    }
    file_.close();
    if (!file_) throw ConfigError("-o " + path_ + ": writing failed (disk full?)");
    if (tmp_.empty()) return;
    if (std::rename(tmp_.c_str(), target_.c_str()) != 0)
      throw ConfigError("-o " + path_ + ": cannot replace the file (" + std::strerror(errno) +
                        "); check the folder's permissions");
    tmp_.clear();
  }

 private:
  std::string path_, target_, tmp_;
  std::ofstream file_;
  std::ostream* out_ = nullptr;
};

// The timeline in `format` to `path` (see Output), written as it is made.
void write_output(const std::string& path, const Timeline& timeline, const std::string& format) {
  Output out(path);
  write_timeline(out.stream(), timeline, format);
  out.commit();
}

// The output format a file name asks for: "" when its extension says nothing.
std::string format_from_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (ext == ".yaml" || ext == ".yml") return "yaml";
  if (ext == ".json") return "json";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  if (ext == ".ics") return "ics";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".html" || ext == ".htm") return "html";
  return "";
}

// One document's share of the run.
struct DocResult {
  bool skipped = false;  // an empty document without a date
  std::optional<DocumentFailure> failure;
  Source source;
  std::vector<Event> events;  // in-document merged, ordered
  std::vector<ErrorEntry> errors;
  std::size_t bytes = 0;
  std::string warnings;  // "warning: origin: ..." lines, for stderr in input order
  std::string line;      // --format jsonl: the document's output line, made by the worker
};

// The analysis's warnings (a limit reached) as lines for stderr.
std::string warning_lines(const Document& d, const DocumentAnalysis& a) {
  std::string out;
  for (const auto& w : a.warnings()) out += "warning: " + d.origin + ": " + w + "\n";
  return out;
}

// A document's reading warnings (bytes replaced, a repeated id) on stderr.
void print_reading_warnings(const std::string& origin, const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "warning: " << origin << ": " << w << "\n";
}

unsigned thread_count(const Common& c) {
  if (c.threads > 0) return c.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

// extract --list-ids: the inputs are only read, and each document's id (after the
// renaming of repeated ids) and origin are written, one JSON object a line, in input
// order. A scale-out driver learns from it which ids each partition finds taken.
int run_list_ids(const Common& c, ReadOptions opts) {
  Config cfg = load_config(c);
  opts.max_document_bytes = cfg.max_document_bytes;
  Output output(c.output);
  std::ostream& out = output.stream();
  std::vector<DocumentFailure> failures;
  bool usage_error = false;
  Progress progress(true);
  read_all(
      c, opts,
      [&](Document&& d) {
        nlohmann::json j;
        j["id"] = d.id;
        j["origin"] = d.origin;
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      },
      [&](DocumentFailure&& f) { failures.push_back(std::move(f)); }, usage_error, progress);
  for (const auto& f : failures) std::cerr << "error: " << f.where << ": " << f.message << "\n";
  output.commit();
  if (usage_error) return static_cast<int>(ExitCode::usage);
  return failures.empty() ? 0 : static_cast<int>(ExitCode::documents_failed);
}

// Reads every input (read_all) and works on its documents with thread_count(c) threads:
// a regular JSONL file of two pieces or more in pieces by the threads themselves
// (PiecePool, with two threads or more), every other input through one OrderedPool.
// Results reach `emit` in input order; a document that could not be read reaches it too,
// in its place, as a result of its own with only `failure` set (R has that member).
template <class R>
void work_on_inputs(const Common& c, const ReadOptions& opts,
                    const std::function<R(Document&)>& work,
                    const std::function<void(R&&)>& emit, bool& usage_error,
                    Progress& progress) {
  const unsigned threads = thread_count(c);
  OrderedPool<R> workers(threads, work, emit);
  std::optional<PiecePool<R>> pieces;
  if (threads > 1)
    pieces.emplace(threads, work, emit, print_reading_warnings, [&] { workers.flush(); });
  read_all(c, opts, [&](Document&& d) {
    print_reading_warnings(d.origin, d.warnings);
    workers.push(std::move(d));
  }, [&](DocumentFailure&& f) {
    R r;
    r.failure = std::move(f);
    workers.push_done(std::move(r));
  }, usage_error, progress, pieces ? &*pieces : nullptr);
  workers.finish();
}

// The resources of the run, kept to the end of the process (a holder never destroyed):
// the system takes their memory back at once at the exit, where their destructors freed
// their tables block by block (half a millisecond of a run, a tenth of its start-up).
std::shared_ptr<const Resources> kept_to_exit(std::shared_ptr<const Resources> res) {
  static auto* const kept = new std::vector<std::shared_ptr<const Resources>>();
  kept->push_back(res);
  return res;
}

int run_extract(const Common& c, ReadOptions opts) {
  if (c.list_ids) return run_list_ids(c, opts);
  Config cfg = load_config(c);
  opts.max_document_bytes = cfg.max_document_bytes;
  std::shared_ptr<const Resources> res = kept_to_exit(Resources::load(cfg.lexicon_dir));
  PluginHost host;
  host.allow_insecure(c.allow_insecure_plugins);
  warn_missing_plugin_dirs(cfg);
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
  std::optional<Output> stream_out;  // jsonl: written as documents are done
  std::ostream* out = &std::cout;
  if (jsonl) {
    stream_out.emplace(c.output);
    out = &stream_out->stream();
  }

  // Analysis and extraction only read `res` and `host` (const Resources shared by all
  // documents, const extractors), so documents can be worked on concurrently.
  // A document in which no extractor would be called on any sentence is read no further
  // than its tokens: it yields no event whatever the analysis would find.
  const SentenceGate gate = [&host](std::span<const sdk::Token> t) { return host.may_propose(t); };
  auto work = [&](Document& d) {
    DocResult r;
    r.bytes = d.text.size();
    if (is_blank(d.text) && !d.published) {
      r.skipped = true;
      return r;
    }
    r.source = {d.id, *d.published, d.title};
    try {
      // (a sentence's clauses only where the analysis or extract_events reads them)
      DocumentAnalysis a(d, res, /*entities=*/true, gate, ClausesRead::needed);
      r.warnings = warning_lines(d, a);
      r.events = extract_events(a, host, cfg.build, r.errors);
      order_events(r.events);
    } catch (const std::exception& e) {
      r.events.clear();
      r.errors.push_back({d.origin, std::string("could not be analysed: ") + e.what()});
    }
    if (jsonl)
      r.line = to_json_line(r.source, r.events, r.errors) + "\n";
    else
      for (auto& e : r.events) keep_timeline_fields(e);  // held until the merge
    return r;
  };

  Timeline pool;  // every document's events, merged across documents at the end
  std::vector<DocumentFailure> failures;
  Progress progress(c.quiet);
  auto emit = [&](DocResult&& r) {
    progress.add(r.bytes, r.failure.has_value());
    if (!r.warnings.empty()) std::cerr << r.warnings;
    if (r.failure) {
      failures.push_back(*r.failure);
      if (jsonl) *out << to_json_error_line({r.failure->where, r.failure->message}) << "\n" << std::flush;
      return;
    }
    if (r.skipped) return;
    if (jsonl) {
      *out << r.line << std::flush;
      return;
    }
    pool.sources.push_back(std::move(r.source));
    for (auto& e : r.events) pool.events.push_back(std::move(e));
    for (auto& e : r.errors) pool.errors.push_back(std::move(e));
  };
  bool usage_error = false;
  work_on_inputs<DocResult>(c, opts, work, emit, usage_error, progress);
  progress.done();
  for (const auto& f : failures) {
    std::cerr << "error: " << f.where << ": " << f.message << "\n";
    pool.errors.push_back({f.where, f.message});
  }
  if (jsonl)
    stream_out->commit();
  else
    write_output(c.output, merge_timelines(one_part(std::move(pool)), cfg.build), c.format);
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
  write_output(c.output, merge_timelines(std::move(parts), cfg.build), c.format);
  return 0;
}

// A timex line under construction, in a buffer of its thread kept from line to line (so
// that it is cleared only when it grows): each piece is copied to `at_` without a check
// for room, room for the worst case of the whole line being made first.
class LineBuffer {
 public:
  // Room for a line of at most `n` bytes.
  explicit LineBuffer(std::size_t n) {
    if (buffer_.size() < n) buffer_.resize(n);
    at_ = buffer_.data();
  }
  void put(char c) { *at_++ = c; }
  void put(std::string_view s) {
    std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
  }
  void number(std::size_t n) { at_ = std::to_chars(at_, at_ + 20, n).ptr; }
  // `s` as a JSON string, in at most json_string_room(s) bytes
  void json_string(std::string_view s) { at_ = write_json_string(at_, s); }
  // What was written, in the string the last line written out of this thread gave back
  // (its room kept: most lines need no allocation).
  std::string line() const {
    std::string out = std::move(spare_);
    out.assign(buffer_.data(), at_);
    return out;
  }
  // A line that was written out, for a next line().
  static void give_back(std::string&& line) { spare_ = std::move(line); }

 private:
  inline static thread_local std::string buffer_, spare_;
  char* at_;
};

// The most bytes json_day writes: a quoted day of a year beyond 9999 and its sign.
constexpr std::size_t kDayRoom = 24;

// An ISO day as a JSON string, or null. A day of a four-digit year is written here from
// its date::year_month_day, as cal::iso_day writes it, without a string made for it.
void json_day(LineBuffer& out, const std::optional<cal::sys_days>& d) {
  if (!d) {
    out.put("null");
    return;
  }
  // the days written before in this thread, quoted, by their number modulo 256 (the days
  // of a corpus's timexes repeat: nine in ten are found here)
  struct Written {
    cal::sys_days day;
    char text[12] = {};  // text[0] '"' once a day is in it
  };
  thread_local Written written[256];
  Written& w = written[static_cast<unsigned>(d->time_since_epoch().count()) & 255u];
  if (w.text[0] == '"' && w.day == *d) {
    out.put(std::string_view(w.text, sizeof w.text));
    return;
  }
  w.text[0] = '"';
  if (cal::write_iso_day(*d, w.text + 1)) {
    w.text[11] = '"';
    w.day = *d;
    out.put(std::string_view(w.text, sizeof w.text));
    return;
  }
  w.text[0] = '\0';
  out.put('"');
  out.put(cal::iso_day(*d));
  out.put('"');
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
  opts.max_document_bytes = cfg.max_document_bytes;
  // temporal mentions only: no gazetteer, titles or common words to load
  std::shared_ptr<const Resources> res =
      kept_to_exit(Resources::load(cfg.lexicon_dir, {.entities = false}));
  std::vector<DocumentFailure> failures;
  bool usage_error = false;
  Output output(c.output);  // written as documents are done: memory stays flat
  std::ostream* out = &output.stream();
  Progress progress(c.quiet);
  struct TimexOut {
    std::string line;
    std::size_t bytes = 0;
    std::string warnings;
    std::optional<DocumentFailure> failure;  // no line: the document is listed as failed
  };
  auto timex_line = [&](Document& d) -> TimexOut {
    if (!d.published) return {std::string(), d.text.size(), {}, {}};
    DocumentAnalysis a(d, res, /*entities=*/false);
    // offsets in code points: byte offsets in ASCII text
    std::optional<CodePointIndex> cpi;
    if (!d.ascii) cpi.emplace(d.text);
    auto code_points = [&](std::size_t byte_offset) {
      return cpi ? (*cpi)(byte_offset) : std::min(byte_offset, d.text.size());
    };
    // The line is written as nlohmann::json's compact dump of {"id", "timexes": [{...}]}
    // would write it (keys in its sorted order); every string goes through write_json_string.
    // the keys and their punctuation take 84 bytes a timex; numbers 20 digits at most
    constexpr std::size_t kTimexRoom = 96 + 2 * kDayRoom + 2 * 20;
    std::size_t room = 32 + json_string_room(d.id);
    for (const auto& s : a.sentences())
      for (const auto& t : s.timexes)
        room += kTimexRoom + std::strlen(granularity_name(t.resolved.granularity)) +
                std::strlen(type_name(t.type)) + json_string_room(t.text) +
                json_string_room(t.resolved.value);
    LineBuffer out(room);
    out.put("{\"id\":");
    out.json_string(d.id);
    out.put(",\"timexes\":[");
    bool first = true;
    for (const auto& s : a.sentences()) {
      for (const auto& t : s.timexes) {
        out.put(first ? "{\"earliest\":" : ",{\"earliest\":");
        first = false;
        json_day(out, t.resolved.earliest);
        out.put(",\"end\":");
        out.number(code_points(t.end));
        out.put(",\"granularity\":\"");
        out.put(granularity_name(t.resolved.granularity));
        out.put("\",\"latest\":");
        json_day(out, t.resolved.latest);
        out.put(",\"start\":");
        out.number(code_points(t.begin));
        out.put(",\"text\":");
        out.json_string(t.text);
        out.put(",\"type\":\"");
        out.put(type_name(t.type));
        out.put("\",\"value\":");
        out.json_string(t.resolved.value);
        out.put('}');
      }
    }
    out.put("]}\n");
    return {out.line(), d.text.size(), warning_lines(d, a), {}};
  };
  // (a document that cannot be analysed, as extract tells it: the others go on)
  auto work = [&](Document& d) -> TimexOut {
    try {
      return timex_line(d);
    } catch (const std::exception& e) {
      TimexOut r;
      r.bytes = d.text.size();
      r.failure = DocumentFailure{d.origin, std::string("could not be analysed: ") + e.what()};
      return r;
    }
  };
  auto emit = [&](TimexOut&& r) {
    progress.add(r.bytes, r.failure.has_value());
    if (!r.warnings.empty()) std::cerr << r.warnings;
    if (r.failure) {
      failures.push_back(std::move(*r.failure));
      return;
    }
    *out << r.line;
    LineBuffer::give_back(std::move(r.line));
  };
  work_on_inputs<TimexOut>(c, opts, work, emit, usage_error, progress);
  progress.done();
  for (const auto& f : failures) std::cerr << "error: " << f.where << ": " << f.message << "\n";
  output.commit();
  if (usage_error) return static_cast<int>(ExitCode::usage);
  return failures.empty() ? 0 : static_cast<int>(ExitCode::documents_failed);
}

#ifndef CHRONICLE_VERSION
#define CHRONICLE_VERSION "unknown"
#endif

std::string version_text() {
  return std::string("chronicle ") + CHRONICLE_VERSION + " (plugin SDK ABI " +
         PluginHost::host_abi() + ", " CHRONICLE_SDK_TOOLCHAIN ")";
}

// chronicle plugins: what the config loads, and every other library in the --plugins
// folders, each with its name, version, ABI and path, or why it did not load.
int run_plugins(const Common& c) {
  Config cfg = load_config(c);
  struct Row {
    LoadReport report;
    const PluginHandle* handle = nullptr;
    bool from_config = true;
  };
  std::vector<Row> rows;
  // the config's plugins load into one host, as extract loads them
  std::vector<std::unique_ptr<PluginHost>> hosts;
  hosts.push_back(std::make_unique<PluginHost>());
  hosts.front()->allow_insecure(c.allow_insecure_plugins);
  warn_missing_plugin_dirs(cfg);
  for (const auto& spec : cfg.plugins) rows.push_back({hosts.front()->load(spec), nullptr, true});
  // every other library in the --plugins folders: tried alone, under its own name
  for (const auto& d : c.plugin_dirs) {
    std::vector<fs::path> libs;
    std::error_code ec;
    for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code ec2;
      if (it->path().extension() == ".so" && it->is_regular_file(ec2)) libs.push_back(it->path());
    }
    std::sort(libs.begin(), libs.end());
    for (const auto& lib : libs) {
      const fs::path abs = fs::absolute(lib).lexically_normal();
      bool named = false;
      for (const auto& spec : cfg.plugins)
        named = named || fs::path(spec.library).lexically_normal() == abs;
      if (named) continue;
      PluginSpec spec;
      spec.library = abs;
      hosts.push_back(std::make_unique<PluginHost>());
      hosts.back()->allow_insecure(c.allow_insecure_plugins);
      rows.push_back({hosts.back()->load(spec), nullptr, false});
      if (!hosts.back()->plugins().empty()) rows.back().handle = hosts.back()->plugins().back().get();
    }
  }
  for (auto& r : rows)
    if (r.from_config && r.report.ok())
      for (const auto& h : hosts.front()->plugins())
        if (h->name == r.report.name) r.handle = h.get();

  std::cout << version_text() << "\n";
  std::cout << "config: " << cfg.origin << "\n";
  std::cout << "search paths:\n";
  for (const auto& d : cfg.plugin_dirs) {
    std::error_code ec;
    std::cout << "  " << d.string() << (fs::is_directory(d, ec) ? "" : "  (no such folder)")
              << "\n";
  }
  std::size_t n_ok = 0;
  for (const auto& r : rows) n_ok += r.report.ok();
  std::cout << "loaded (" << n_ok << "):\n";
  for (const auto& row : rows) {
    const auto& r = row.report;
    if (!r.ok()) continue;
    std::cout << "  " << r.name << " " << r.version << "  ABI " << r.abi << "  " << r.path.string()
              << (row.from_config ? "" : "  (in a --plugins folder, not named in the config)")
              << "\n";
    if (row.handle) {
      std::cout << "    extractors:";
      for (const auto& x : row.handle->extractors) std::cout << " " << x->name();
      std::cout << "\n";
    }
  }
  bool required_failed = false;
  std::cout << "failed (" << rows.size() - n_ok << "):\n";
  for (const auto& row : rows) {
    const auto& r = row.report;
    if (r.ok()) continue;
    required_failed = required_failed || r.required;
    // the message starts with the plugin and its path, shown on the line above
    std::string why = r.message;
    for (const std::string& who :
         {"plugin \"" + r.name + "\" (" + r.path.string() + "): ", "plugin " + r.path.string() + ": "})
      if (why.rfind(who, 0) == 0) why = why.substr(who.size());
    std::cout << "  " << (r.name.empty() ? r.path.filename().string() : r.name)
              << (r.required ? " (required)" : "") << "  " << r.path.string() << "\n    " << why
              << "\n";
  }
  if (n_ok == 0) std::cerr << "warning: no extractor plugin loaded; timelines would be empty\n";
  if (required_failed) {
    std::cerr << "error: a required plugin did not load; extract would stop with exit code 2\n";
    return static_cast<int>(ExitCode::usage);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chronicle: ordered timelines of diplomatic events from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text(), "Print the version and the plugin SDK ABI");
  app.footer(
      "Examples:\n"
      "  chronicle extract examples/riyadh-talks.txt             YAML timeline on stdout\n"
      "  chronicle extract news/ -o timeline.html                every article, one HTML page\n"
      "  chronicle extract article.txt --published 2025-02-17 --format ics -o talks.ics\n"
      "  chronicle merge a.yaml b.yaml -o all.yaml               merge saved timelines\n"
      "  chronicle timex article.txt                             dates only, one JSON line\n"
      "  chronicle plugins                                       which plugins load, or why not\n"
      "\n"
      "Exit codes: 0 ok, 1 some documents failed (the others are in the output), 2 usage or\n"
      "configuration error. `chronicle COMMAND --help` tells more.");
  Common c;
  const std::string insecure_help =
      "Development only: load plugins whose file or folder other users can write";
  const std::string output_help =
      "Write here instead of standard output; a file is replaced only when the run "
      "succeeds (a device or pipe is written directly)";
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("inputs", c.inputs,
                    "Text/Markdown files (YAML front matter: published, title, id, dateline), "
                    ".jsonl files, directories, or - for JSONL on stdin")
        ->required();
    sub->add_option("--published", c.published,
                    "Publication date YYYY-MM-DD for file input (sets or overrides)");
    sub->add_option("--config", c.config, "Config file (default: the embedded config)");
    sub->add_option("--plugins", c.plugin_dirs, "Extra plugin directory, searched first");
    sub->add_option("-o,--output", c.output, output_help);
    sub->add_option("--threads", c.threads,
                    "Worker threads (default: the machine's cores); the output is the same "
                    "for any number")
        ->check(CLI::Range(1u, 1024u));
    sub->add_flag("-q,--quiet", c.quiet, "No progress line on standard error");
    sub->add_flag("--allow-insecure-plugins", c.allow_insecure_plugins, insecure_help);
    sub->add_option("--origin", c.origins,
                    "FILE=NAME:LINE: the input FILE reads as NAME (in origins, errors and "
                    "default ids), its first line being line LINE of NAME; for a piece of a "
                    "bigger file copied elsewhere (scale/chronicle_dask.py); repeatable")
        ->allow_extra_args(false);  // one value each: the inputs after it stay inputs
    sub->add_option("--taken-ids", c.taken_ids,
                    "File of ids earlier documents use, one {\"id\", \"origin\"} JSON line "
                    "each (as --list-ids writes): repeated ids are renamed as in one run over "
                    "everything");
  };
  auto* extract = app.add_subcommand("extract", "Extract events into a timeline (YAML unless --format says otherwise)");
  add_common(extract);
  // Every format but jsonl writes the one timeline merged across documents.
  const std::string timeline_help =
      "yaml (default), json (the YAML structure), ics (iCalendar), timelinejs (TimelineJS3 "
      "JSON), md (Markdown table), html (one self-contained page with an SVG timeline)";
  const std::string guess_help =
      "; without --format, the -o extension decides (.yaml .yml .json .jsonl .ics .md .html)";
  std::vector<std::string> extract_formats = timeline_formats();
  extract_formats.push_back("jsonl");
  auto* extract_format =
      extract->add_option("--format", c.format,
                          "Output format: " + timeline_help +
                              ", or jsonl (one line per document as soon as it is done, no "
                              "cross-document merge)" + guess_help)
          ->check(CLI::IsMember(extract_formats));
  extract->add_flag("--list-ids", c.list_ids,
                    "Only read the inputs and write each document's id (after renaming "
                    "repeated ids) and origin, one {\"id\", \"origin\"} JSON line each, in "
                    "input order; no analysis");
  extract->footer(
      "Examples:\n"
      "  chronicle extract examples/riyadh-talks.txt\n"
      "  chronicle extract article.txt --published 2025-02-17 -o timeline.yaml\n"
      "  chronicle extract news/ --format html -o timeline.html\n"
      "  chronicle extract articles.jsonl --format jsonl --threads 8 > events.jsonl\n"
      "  cat articles.jsonl | chronicle extract - -o timeline.ics");
  std::vector<std::string> merge_files;
  auto* merge = app.add_subcommand(
      "merge", "Merge timeline YAML files with the cross-article rules of extract");
  merge->add_option("timelines", merge_files, "Timeline files written by extract or merge")
      ->required();
  merge->add_option("--config", c.config, "Config file (default: the embedded config)");
  merge->add_option("-o,--output", c.output, output_help);
  auto* merge_format = merge->add_option("--format", c.format, "Output format: " + timeline_help + guess_help)
      ->check(CLI::IsMember(timeline_formats()));
  merge->footer(
      "Examples:\n"
      "  chronicle merge monday.yaml tuesday.yaml -o week.yaml\n"
      "  chronicle merge week.yaml -o week.html");
  auto* timex = app.add_subcommand(
      "timex", "Temporal expressions only: one JSON line per document with resolved values");
  add_common(timex);
  timex->footer(
      "Examples:\n"
      "  chronicle timex examples/riyadh-talks.txt\n"
      "  chronicle timex articles.jsonl -o timexes.jsonl");
  auto* plugins = app.add_subcommand(
      "plugins", "List the plugins that load (name, version, ABI, path) and why others do not");
  plugins->add_option("--config", c.config, "Config file (default: the embedded config)");
  plugins->add_option("--plugins", c.plugin_dirs,
                      "Extra plugin directory, searched first; every .so in it is tried");
  plugins->add_flag("--allow-insecure-plugins", c.allow_insecure_plugins, insecure_help);
  plugins->footer(
      "Exit code 2 when a plugin marked `required: true` does not load.\n"
      "Examples:\n"
      "  chronicle plugins\n"
      "  chronicle plugins --config my.yaml --plugins build/lib/chronicle/plugins");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  try {
    // no --format: the -o file's extension, else YAML
    const bool format_given = (extract->parsed() && extract_format->count() > 0) ||
                              (merge->parsed() && merge_format->count() > 0);
    if (!format_given && (extract->parsed() || merge->parsed())) {
      const std::string guessed = format_from_extension(c.output);
      if (guessed == "jsonl" && merge->parsed())
        throw ConfigError("-o " + c.output +
                          ": merge writes one timeline, not JSON lines; give --format or "
                          "another extension");
      if (!guessed.empty()) c.format = guessed;
    }
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
    if (plugins->parsed()) return run_plugins(c);
    return run_timex(c, opts);
  } catch (const ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  }
}
