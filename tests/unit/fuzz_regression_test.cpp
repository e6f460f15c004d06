// The fuzz targets' bodies (tests/fuzz/fuzz_targets.h) on every committed seed and every
// reproducer of a bug the fuzzers found (tests/fuzz/regressions/<target>/), in every
// build: a broken invariant aborts the test binary, as it crashed the fuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/fuzz_targets.h"
#include "../test_support.h"

namespace {

namespace fs = std::filesystem;
using chronicle::testing::slurp;

const fs::path kFuzzDir = fs::path(CHRONICLE_SOURCE_DIR) / "tests" / "fuzz";

std::size_t run_all(const chronicle::fuzz::Target& t, const std::string& kind) {
  chronicle::fuzz::set_paths((fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string(),
                             CHRONICLE_PLUGIN_DIR);
  const fs::path dir = kFuzzDir / kind / t.name;
  if (!fs::is_directory(dir)) return 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const std::string bytes = slurp(f);
    t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  return files.size();
}

class FuzzInputs : public ::testing::TestWithParam<chronicle::fuzz::Target> {};

TEST_P(FuzzInputs, SeedsPass) { EXPECT_GT(run_all(GetParam(), "seeds"), 0u); }

TEST_P(FuzzInputs, RegressionsPass) { run_all(GetParam(), "regressions"); }

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs, ::testing::ValuesIn(chronicle::fuzz::kTargets),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
