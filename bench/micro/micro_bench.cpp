// Google Benchmark micro-benchmarks of the per-article pipeline on the seed article
// (examples/riyadh-talks.txt, 4.8 kB): sentence splitting, tokenizing, tagging temporal
// expressions, resolving them, the analysis `timex` runs, reading clauses, the full analysis
// `extract` runs before its plugins, and a whole `extract` of one article with the bundled
// plugins; the event stage (plugins, merge) and the plugins alone on an analysed article;
// writing its timeline as JSON and YAML. Each reports bytes/s of article text. The start-up
// benchmarks load the lexicons (`timex`: without the gazetteer), and for `extract` also the
// config and the bundled plugins with their lexicons; `BM_StartUpYaml` is the latter with the
// core's lexicons and gazetteer parsed as YAML instead of read from their compiled form.
//
//   build/bin/chronicle_micro_bench [--benchmark_filter=Tag]
#include <chronicle/analysis.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/export.h>
#include <chronicle/plugin_host.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>
#include <chronicle/timeline.h>

#include <benchmark/benchmark.h>

#include "../../core/src/clauses.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Fixture {
  std::shared_ptr<const chronicle::Resources> resources;
  chronicle::PluginHost host;
  chronicle::BuildOptions options;
  chronicle::Document article;
  std::vector<chronicle::TokenList> sentences;  // the article's sentences, tokenized

  static Fixture& get() {
    static Fixture f;
    return f;
  }

 private:
  Fixture() {
    resources = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
    const chronicle::Config cfg =
        chronicle::parse_config(chronicle::embedded_default_config(), "<embedded>",
                                CHRONICLE_CONFIG_DIR, ".", {CHRONICLE_PLUGIN_DIR});
    for (const auto& spec : cfg.plugins) host.load(spec);
    options = cfg.build;
    std::ifstream in(CHRONICLE_ARTICLE, std::ios::binary);
    if (!in) {
      std::cerr << CHRONICLE_ARTICLE << ": cannot read the benchmark article\n";
      std::exit(2);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    article = chronicle::parse_text_document(ss.str(), CHRONICLE_ARTICLE, "riyadh-talks", {});
    for (const auto& span : chronicle::split_sentences(article.text, resources->segmenter))
      sentences.push_back(chronicle::tokenize(
          std::string_view(article.text).substr(span.begin, span.end - span.begin)));
  }
};

void report_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(Fixture::get().article.text.size()));
}

void BM_SplitSentences(benchmark::State& state) {
  const auto& f = Fixture::get();
  for (auto _ : state)
    benchmark::DoNotOptimize(chronicle::split_sentences(f.article.text, f.resources->segmenter));
  report_bytes(state);
}
BENCHMARK(BM_SplitSentences);

// What the analysis asks for: the sentences with their tokens, cut from each paragraph's.
void BM_SplitSentencesTokens(benchmark::State& state) {
  const auto& f = Fixture::get();
  std::vector<chronicle::TokenList> tokens;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        chronicle::split_sentences(f.article.text, f.resources->segmenter, &tokens));
    benchmark::DoNotOptimize(tokens.data());
  }
  report_bytes(state);
}
BENCHMARK(BM_SplitSentencesTokens);

void BM_Tokenize(benchmark::State& state) {
  const auto& f = Fixture::get();
  const auto spans = chronicle::split_sentences(f.article.text, f.resources->segmenter);
  const std::string_view text = f.article.text;
  for (auto _ : state)
    for (const auto& s : spans)
      benchmark::DoNotOptimize(chronicle::tokenize(text.substr(s.begin, s.end - s.begin)));
  report_bytes(state);
}
BENCHMARK(BM_Tokenize);

// Tagging: the temporal grammar over every sentence's tokens.
void BM_Tag(benchmark::State& state) {
  const auto& f = Fixture::get();
  for (auto _ : state)
    for (const auto& s : f.sentences) benchmark::DoNotOptimize(f.resources->grammar->tag(s.tokens));
  report_bytes(state);
}
BENCHMARK(BM_Tag);

// Resolving: every expression of the article against its publication date, in order.
void BM_Resolve(benchmark::State& state) {
  const auto& f = Fixture::get();
  std::vector<chronicle::TimexMatch> matches;
  for (const auto& s : f.sentences)
    for (auto& m : f.resources->grammar->tag(s.tokens)) matches.push_back(std::move(m));
  const chronicle::Anchor anchor{*f.article.published, std::nullopt};
  for (auto _ : state)
    for (const auto& m : matches)
      benchmark::DoNotOptimize(chronicle::resolve(*m.rel, anchor, chronicle::Tense::past));
  state.counters["expressions"] = static_cast<double>(matches.size());
  report_bytes(state);
}
BENCHMARK(BM_Resolve);

// What `chronicle timex` does per article: sentences, tokens, clauses, tagging, resolving.
void BM_TimexArticle(benchmark::State& state) {
  const auto& f = Fixture::get();
  for (auto _ : state) {
    chronicle::DocumentAnalysis a(f.article, f.resources, /*entities=*/false);
    benchmark::DoNotOptimize(a.sentences().data());
  }
  report_bytes(state);
}
BENCHMARK(BM_TimexArticle);

// The clause reader (tense, modality, boundaries) on every sentence of the article.
void BM_ReadClauses(benchmark::State& state) {
  const auto& f = Fixture::get();
  static const auto rules = chronicle::detail::ClauseRules::from(f.resources->clauses);
  for (auto _ : state)
    for (const auto& s : f.sentences)
      benchmark::DoNotOptimize(chronicle::detail::read_clauses(s.tokens, rules));
  report_bytes(state);
}
BENCHMARK(BM_ReadClauses);

// The full analysis `extract` makes before its plugins: clauses of every sentence,
// entities and their coreference, plugin views.
void BM_AnalyzeArticle(benchmark::State& state) {
  const auto& f = Fixture::get();
  for (auto _ : state) {
    chronicle::DocumentAnalysis a(f.article, f.resources);
    benchmark::DoNotOptimize(a.sentences().data());
  }
  report_bytes(state);
}
BENCHMARK(BM_AnalyzeArticle);

// What `chronicle extract` does per article: the full analysis, the plugins, in-document
// merge and ordering.
void BM_ExtractArticle(benchmark::State& state) {
  auto& f = Fixture::get();
  std::size_t events = 0;
  for (auto _ : state) {
    chronicle::DocumentAnalysis a(f.article, f.resources);
    std::vector<chronicle::ErrorEntry> errors;
    auto ev = chronicle::extract_events(a, f.host, f.options, errors);
    chronicle::order_events(ev);
    events = ev.size();
    benchmark::DoNotOptimize(ev.data());
  }
  state.counters["events"] = static_cast<double>(events);
  report_bytes(state);
}
BENCHMARK(BM_ExtractArticle);

// The event stage alone on an analysed article: the plugins over every sentence (the host's
// sentence gates included), in-document merge and ordering.
void BM_ExtractEvents(benchmark::State& state) {
  auto& f = Fixture::get();
  const chronicle::DocumentAnalysis a(f.article, f.resources);
  for (auto _ : state) {
    std::vector<chronicle::ErrorEntry> errors;
    auto ev = chronicle::extract_events(a, f.host, f.options, errors);
    chronicle::order_events(ev);
    benchmark::DoNotOptimize(ev.data());
  }
  report_bytes(state);
}
BENCHMARK(BM_ExtractEvents);

// The plugins alone: PluginHost::extract over every sentence of the analysed article.
void BM_Plugins(benchmark::State& state) {
  auto& f = Fixture::get();
  const chronicle::DocumentAnalysis a(f.article, f.resources);
  std::size_t candidates = 0;
  for (auto _ : state) {
    candidates = 0;
    for (const auto& s : a.sentences()) {
      std::vector<chronicle::sdk::EventCandidate> out;
      std::vector<std::string> plugin_of;
      std::vector<chronicle::ExtractFailure> failures;
      f.host.extract(s.view, out, plugin_of, failures);
      candidates += out.size();
    }
    benchmark::DoNotOptimize(candidates);
  }
  state.counters["candidates"] = static_cast<double>(candidates);
  report_bytes(state);
}
BENCHMARK(BM_Plugins);

// Writing the article's timeline as JSON and as YAML.
chronicle::Timeline article_timeline() {
  auto& f = Fixture::get();
  const chronicle::DocumentAnalysis a(f.article, f.resources);
  std::vector<chronicle::ErrorEntry> errors;
  chronicle::Timeline tl;
  tl.sources.push_back({f.article.id, *f.article.published, f.article.title});
  tl.events = chronicle::extract_events(a, f.host, f.options, errors);
  chronicle::order_events(tl.events);
  return tl;
}

void BM_WriteJson(benchmark::State& state) {
  const chronicle::Timeline tl = article_timeline();
  for (auto _ : state) {
    std::ostringstream out;
    chronicle::write_json(out, tl);
    benchmark::DoNotOptimize(out.str().size());
  }
  report_bytes(state);
}
BENCHMARK(BM_WriteJson);

void BM_WriteYaml(benchmark::State& state) {
  const chronicle::Timeline tl = article_timeline();
  for (auto _ : state) {
    std::ostringstream out;
    chronicle::write_yaml(out, tl);
    benchmark::DoNotOptimize(out.str().size());
  }
  report_bytes(state);
}
BENCHMARK(BM_WriteYaml);

}  // namespace

void BM_StartUpTimex(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(
        chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en", {.entities = false}));
}
BENCHMARK(BM_StartUpTimex)->Unit(benchmark::kMillisecond);

void start_up_extract(benchmark::State& state, bool compiled) {
  for (auto _ : state) {
    const chronicle::Config cfg =
        chronicle::parse_config(chronicle::embedded_default_config(), "<embedded>",
                                CHRONICLE_CONFIG_DIR, ".", {CHRONICLE_PLUGIN_DIR});
    auto r = chronicle::Resources::load(cfg.lexicon_dir, {.compiled = compiled});
    chronicle::PluginHost host;
    for (const auto& spec : cfg.plugins) host.load(spec);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(host.plugins().size());
  }
}

void BM_StartUpExtract(benchmark::State& state) { start_up_extract(state, true); }
BENCHMARK(BM_StartUpExtract)->Unit(benchmark::kMillisecond);

void BM_StartUpYaml(benchmark::State& state) { start_up_extract(state, false); }
BENCHMARK(BM_StartUpYaml)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
