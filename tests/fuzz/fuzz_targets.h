// The fuzz targets' bodies: one function per entry point, each taking raw bytes. The
// libFuzzer binaries (fuzz_main.cpp, CHRONICLE_FUZZ=ON) call them, and so does the normal
// test suite (tests/unit/fuzz_regression_test.cpp), on the seeds and on every reproducer
// under tests/fuzz/regressions/, so a bug once found stays fixed in every build.
//
// Each returns normally when the input was handled (read, or refused with a clear error);
// a broken invariant aborts with a message on stderr, which libFuzzer reports as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chronicle::fuzz {

// Where the targets find the English lexicons and the bundled plugins; set once before
// the first call (the fuzz binaries and the tests set them from compile definitions).
void set_paths(std::string_view lexicon_dir, std::string_view plugin_dir);

// Loads what `target` needs once (lexicons, plugins), so the first input is not charged
// for it (libFuzzer's -timeout counts per input).
void warm_up(std::string_view target);

// A text/Markdown document: front matter (YAML) and body.
void document(const std::uint8_t* data, std::size_t size);
// A JSONL stream: one document per line.
void jsonl(const std::uint8_t* data, std::size_t size);
// The temporal tagger and resolver: 3 bytes choose the publication date (0000-01-01 to
// 9999-12-31), the rest is text.
void temporal(const std::uint8_t* data, std::size_t size);
// The config and lexicon loaders: the first byte chooses config or lexicon; a lexicon is
// also compiled into a temporal grammar and segmenter rules and run on a few sentences.
void config(const std::uint8_t* data, std::size_t size);
// The whole extract pipeline on one document: read, analyse, plugins, merge, every
// output format, and the YAML read back as `chronicle merge` reads it.
void extract(const std::uint8_t* data, std::size_t size);

struct Target {
  const char* name;
  void (*run)(const std::uint8_t*, std::size_t);
};
inline constexpr Target kTargets[] = {{"document", document},
                                      {"jsonl", jsonl},
                                      {"temporal", temporal},
                                      {"config", config},
                                      {"extract", extract}};

}  // namespace chronicle::fuzz
