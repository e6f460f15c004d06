// Engine-internal: a fast reader for the one YAML layout of the generated gazetteer files
// (config/lexicons/<lang>/places.yaml, organizations.yaml): top-level keys, each a list of
// one-line flow mappings whose values are scalars or flow lists of scalars:
//
//   countries:
//     - {name: Albania, forms: [Albania, Republic of Albania], adjectives: [Albanian]}
//
// yaml-cpp spends about 2,500 instructions per byte on such a file; this reader a few. It
// accepts only plain scalars without ':' or '#' and double-quoted ones without escapes,
// and returns nothing for anything else (another layout, a comment after a value, a tab,
// an anchor, a key given twice, a null): the caller then reads the file with yaml-cpp,
// which gives the same nodes or the same error as before.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

namespace chronicle::detail {

std::optional<YAML::Node> read_flow_lists(std::string_view text);

}  // namespace chronicle::detail
