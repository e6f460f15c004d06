#include "fuzz_targets.h"

#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/export.h>
#include <chronicle/lexicon.h>
#include <chronicle/merge.h>
#include <chronicle/plugin_host.h>
#include <chronicle/text.h>
#include <chronicle/timeline.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

namespace chronicle::fuzz {
namespace {

std::string g_lexicon_dir, g_plugin_dir;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

void check(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

bool valid_utf8(std::string s) { return repair_utf8(s) == 0; }

const Resources& resources() {
  static const std::shared_ptr<const Resources> res = [] {
    if (g_lexicon_dir.empty()) fail("set_paths() was not called");
    return Resources::load(g_lexicon_dir);
  }();
  return *res;
}

std::shared_ptr<const Resources> shared_resources() {
  static const std::shared_ptr<const Resources> res(&resources(), [](const Resources*) {});
  return res;
}

const PluginHost& plugins() {
  static const std::unique_ptr<PluginHost> host = [] {
    auto h = std::make_unique<PluginHost>();
    for (const char* name : {"meetings", "visits", "summits", "calls", "conferences", "fallback"}) {
      PluginSpec spec;
      spec.name = name;
      spec.library =
          std::filesystem::path(g_plugin_dir) / ("libchronicle_" + std::string(name) + ".so");
      spec.lexicon = std::filesystem::path(g_lexicon_dir) / (std::string(name) + ".yaml");
      spec.required = true;
      const LoadReport& r = h->load(spec);
      if (!r.ok()) fail("plugin did not load: " + r.message);
    }
    return h;
  }();
  return *host;
}

// Every document that was read: valid UTF-8 everywhere, a date, its origin kept.
void check_document(const Document& d, const std::string& origin) {
  check(valid_utf8(d.text), "document text is not valid UTF-8 after reading");
  check(d.text.find('\0') == std::string::npos, "document text holds a NUL byte");
  check(valid_utf8(d.title) && valid_utf8(d.dateline), "title or dateline is not valid UTF-8");
  check(d.origin.rfind(origin, 0) == 0, "document origin does not name the input: " + d.origin);
  if (d.published) {
    const date::year_month_day ymd{*d.published};
    check(ymd.ok() && ymd.year() >= date::year{0} && ymd.year() <= date::year{9999},
          "publication date out of 0000-9999");
  }
}

// A refused document: the message names the input and says something.
void check_error(const DocumentError& e, const std::string& origin) {
  check(e.where().rfind(origin, 0) == 0, "error does not name the input: " + e.where());
  check(!e.message().empty(), "error without a message: " + std::string(e.what()));
}

std::string as_string(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

date::sys_days fixed_day() { return date::sys_days{date::year{2025} / 2 / 17}; }

}  // namespace

void set_paths(std::string_view lexicon_dir, std::string_view plugin_dir) {
  g_lexicon_dir = lexicon_dir;
  g_plugin_dir = plugin_dir;
}

void warm_up(std::string_view target) {
  if (target == "temporal" || target == "extract") resources();
  if (target == "extract") plugins();
}

void document(const std::uint8_t* data, std::size_t size) {
  const std::string content = as_string(data, size);
  const std::string origin = "fuzz.md";
  for (const bool with_date : {false, true}) {
    ReadOptions opts;
    if (with_date) opts.published = fixed_day();
    try {
      const Document d = parse_text_document(content, origin, "fuzz", opts);
      check_document(d, origin);
      check(d.published.has_value() || d.text.find_first_not_of(" \t\r\n") == std::string::npos,
            "a non-empty document was read without a date");
      if (with_date) check(*d.published == fixed_day(), "--published did not win");
    } catch (const DocumentError& e) {
      check_error(e, origin);
    }
  }
}

void jsonl(const std::uint8_t* data, std::size_t size) {
  const std::string all = as_string(data, size);
  std::size_t n = 0;
  for (std::size_t pos = 0; pos <= all.size();) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    std::string line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string origin = "fuzz.jsonl:" + std::to_string(n);
    const std::string disagreement = detail::json_readers_disagree(line);
    check(disagreement.empty(), "the JSONL readers disagree:\n" + disagreement);
    try {
      const Document d = parse_json_document(line, origin, {});
      check_document(d, origin);
      check(d.published.has_value() || d.text.find_first_not_of(" \t\r\n") == std::string::npos,
            "a non-empty JSONL document was read without a date");
      check(!d.id.empty(), "a JSONL document without an id");
    } catch (const DocumentError& e) {
      check_error(e, origin);
    }
  }
}

void temporal(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return;
  const std::uint32_t pick = data[0] | (data[1] << 8) | (data[2] << 16);
  const date::sys_days first{date::year{0} / 1 / 1}, last{date::year{9999} / 12 / 31};
  const auto span = static_cast<std::uint32_t>((last - first).count() + 1);
  const date::sys_days pub = first + date::days{pick % span};
  std::string text = as_string(data + 3, size - 3);
  repair_utf8(text);  // documents are always repaired before analysis
  for (const auto& t : find_timexes(text, pub, resources())) {
    check(t.begin <= t.end && t.end <= text.size(), "timex offsets outside the text");
    check(text.compare(t.begin, t.end - t.begin, t.text) == 0, "timex text is not its span");
    check(valid_utf8(t.text), "timex span cuts a UTF-8 sequence");
    check(!t.resolved.value.empty(), "timex without a value: " + t.text);
    if (t.resolved.earliest && t.resolved.latest)
      check(*t.resolved.earliest <= *t.resolved.latest,
            "earliest after latest for \"" + t.text + "\" = " + t.resolved.value);
    if (t.resolved.earliest) check(!cal::iso_day(*t.resolved.earliest).empty(), "no ISO day");
  }
}

void config(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return;
  const std::string yaml = as_string(data + 1, size - 1);
  if (data[0] % 2 == 0) {
    try {
      const Config c =
          parse_config(yaml, "fuzz.yaml", "/nonexistent/config", "/nonexistent/bin", {});
      for (const auto& p : c.plugins)
        check(p.library.is_absolute() || !p.library.has_parent_path(),
              "plugin library path neither absolute nor bare");
    } catch (const ConfigError& e) {
      check(std::string(e.what()).rfind("fuzz.yaml", 0) == 0,
            std::string("config error does not name the file: ") + e.what());
    }
    return;
  }
  Lexicon lex;
  try {
    lex = Lexicon::parse(yaml, "fuzz-lexicon.yaml");
  } catch (const ConfigError& e) {
    check(std::string(e.what()).rfind("fuzz-lexicon.yaml", 0) == 0,
          std::string("lexicon error does not name the file: ") + e.what());
    return;
  }
  // a lexicon used as temporal.yaml and as text.yaml; a lexicon that lacks what the
  // grammar needs is refused with an error naming it
  std::unique_ptr<TemporalGrammar> built;
  SegmenterRules rules;
  try {
    rules = SegmenterRules::from_lexicon(lex);
    built = std::make_unique<TemporalGrammar>(lex);
  } catch (const ConfigError& e) {
    check(std::string(e.what()).rfind("fuzz-lexicon.yaml", 0) == 0,
          std::string("grammar error does not name the lexicon: ") + e.what());
    return;
  }
  const TemporalGrammar& grammar = *built;
  for (const char* s : {"Officials met on Tuesday, Feb. 18, 2025, and again next week.",
                        "The talks were held three days ago in Riyadh at 3:30 p.m.",
                        "Mr. Smith said the U.S. plan would begin in 2026 or later this year."}) {
    const std::string text = s;
    for (const auto& span : split_sentences(text, rules))
      check(span.begin <= span.end && span.end <= text.size(), "sentence outside the text");
    const TokenList toks = tokenize(text);
    for (const auto& m : grammar.tag(toks.tokens))
      check(m.first_token < m.last_token && m.last_token <= toks.tokens.size(),
            "temporal match outside the tokens");
  }
}

void extract(const std::uint8_t* data, std::size_t size) {
  const std::string origin = "fuzz.md";
  Document d;
  try {
    ReadOptions opts;
    opts.published = fixed_day();
    d = parse_text_document(as_string(data, size), origin, "fuzz", opts);
  } catch (const DocumentError& e) {
    check_error(e, origin);
    return;
  }
  check_document(d, origin);
  Timeline t;
  t.sources.push_back({d.id, *d.published, d.title});
  {
    DocumentAnalysis a(d, shared_resources());
    t.events = extract_events(a, plugins(), BuildOptions{}, t.errors);
  }
  order_events(t.events);
  const std::string line = to_json_line(t.sources.front(), t.events, t.errors);
  check(valid_utf8(line), "JSON line is not valid UTF-8");
  std::vector<Timeline> parts;
  parts.push_back(std::move(t));
  const Timeline merged = merge_timelines(std::move(parts), BuildOptions{});
  const std::string yaml = to_yaml(merged);
  check(valid_utf8(yaml), "YAML timeline is not valid UTF-8");
  const auto& formats = timeline_formats();
  const std::string other = render_timeline(merged, formats[size % formats.size()]);
  check(valid_utf8(other), "timeline in another format is not valid UTF-8");
  try {
    const Timeline back = read_timeline_yaml(yaml, "fuzz.yaml");
    check(back.events.size() == merged.events.size(), "read back a different number of events");
  } catch (const ConfigError& e) {
    fail(std::string("the YAML written cannot be read back: ") + e.what() + "\n" + yaml);
  }
}

}  // namespace chronicle::fuzz
