# CHRONICLE_SANITIZE: everything (core, CLI, plugins, fixtures, tests) built with
# AddressSanitizer + UndefinedBehaviorSanitizer, stopping at the first report. Host and
# plugins are instrumented alike, so plugins loaded with dlopen work under ASan.
# CHRONICLE_FUZZ: also builds the libFuzzer targets of tests/fuzz (clang only); implies
# CHRONICLE_SANITIZE, and the test suite then runs on the same instrumented build.
option(CHRONICLE_SANITIZE "Build with -fsanitize=address,undefined (tests run under it)" OFF)
option(CHRONICLE_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(CHRONICLE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CHRONICLE_FUZZ needs clang for libFuzzer: configure with "
                        "-DCMAKE_CXX_COMPILER=clang++-14 (Debian: clang-14 libclang-rt-14-dev)")
  endif()
  set(CHRONICLE_SANITIZE ON CACHE BOOL "" FORCE)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(CHRONICLE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
