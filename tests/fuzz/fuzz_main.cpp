// One libFuzzer binary per target: CHRONICLE_FUZZ_TARGET names the function in
// fuzz_targets.h. The lexicons are read from the source tree, the plugins from the build.
#include <cstddef>
#include <cstdint>

#define CHRONICLE_FUZZ_STR(x) #x
#define CHRONICLE_FUZZ_NAME(x) CHRONICLE_FUZZ_STR(x)

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  chronicle::fuzz::set_paths(CHRONICLE_FUZZ_LEXICON_DIR, CHRONICLE_FUZZ_PLUGIN_DIR);
  chronicle::fuzz::warm_up(CHRONICLE_FUZZ_NAME(CHRONICLE_FUZZ_TARGET));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  chronicle::fuzz::CHRONICLE_FUZZ_TARGET(data, size);
  return 0;
}
