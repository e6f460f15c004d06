// detail::read_flow_lists (the gazetteer files' layout read without yaml-cpp) gives the
// same nodes as yaml-cpp for the bundled places.yaml and organizations.yaml and for small
// files of that layout, and declines (so yaml-cpp reads the file) everything else.
#include "../../core/src/flow_yaml.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using chronicle::detail::read_flow_lists;

// Both nodes the same: type, scalars, sequence order, map keys and values.
std::string diff(const YAML::Node& a, const YAML::Node& b, const std::string& where) {
  if (a.Type() != b.Type()) return where + ": node types differ";
  switch (a.Type()) {
    case YAML::NodeType::Scalar:
      if (a.Scalar() != b.Scalar())
        return where + ": \"" + a.Scalar() + "\" != \"" + b.Scalar() + "\"";
      return "";
    case YAML::NodeType::Sequence:
      if (a.size() != b.size()) return where + ": sequence lengths differ";
      for (std::size_t i = 0; i < a.size(); ++i)
        if (auto d = diff(a[i], b[i], where + "[" + std::to_string(i) + "]"); !d.empty()) return d;
      return "";
    case YAML::NodeType::Map: {
      if (a.size() != b.size()) return where + ": map sizes differ";
      auto ia = a.begin(), ib = b.begin();
      for (; ia != a.end(); ++ia, ++ib) {
        const auto ka = ia->first.as<std::string>(), kb = ib->first.as<std::string>();
        if (ka != kb) return where + ": key order " + ka + " / " + kb;
        if (auto d = diff(ia->second, ib->second, where + "." + ka); !d.empty()) return d;
      }
      return "";
    }
    default:
      return "";
  }
}

std::string file(const std::string& name) {
  std::ifstream in(std::string(CHRONICLE_CONFIG_DIR "/lexicons/en/") + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(FlowYaml, SameNodesAsYamlCppForTheGazetteer) {
  for (const char* name : {"places.yaml", "organizations.yaml"}) {
    const std::string text = file(name);
    ASSERT_FALSE(text.empty()) << name;
    const auto fast = read_flow_lists(text);
    ASSERT_TRUE(fast.has_value()) << name << " is no longer in the layout the fast reader takes";
    EXPECT_EQ(diff(*fast, YAML::Load(text), name), "");
  }
}

TEST(FlowYaml, SmallFilesOfTheLayout) {
  for (const std::string text : {
           std::string("a:\n  - {name: X, forms: [X, \"X, Y\", Y Z], n: []}\n"),
           std::string("# c\nlist:\n - {k: People's v , m: [ a , b ]}\n\nother:\n    - {k: 1}\n"),
           std::string("a:\n  - {k: true, z: v.w (x)}\n  - {k: \"\"}"),
       }) {
    const auto fast = read_flow_lists(text);
    ASSERT_TRUE(fast.has_value()) << text;
    EXPECT_EQ(diff(*fast, YAML::Load(text), "root"), "") << text;
  }
}

TEST(FlowYaml, DeclinesEverythingElse) {
  for (const char* text : {
           "",
           "# only a comment\n",
           "a: 1\n",
           "a:\n",
           "a:\n  - {k: v}  # comment\n",
           "a:\n  - {k: v}\nb:\n",
           "a:\n  - {k: v}\na:\n  - {k: w}\n",
           "a:\n  - {k: v, k: w}\n",
           "a:\n  - {k: ~}\n",
           "a:\n  - {k: null}\n",
           "a:\n  - {k: &x v}\n",
           "a:\n  - {k: *x}\n",
           "a:\n  - {k: !tag v}\n",
           "a:\n  - {k: 'v'}\n",
           "a:\n  - {k: \"v\\n\"}\n",
           "a:\n  - {k: a:b}\n",
           "a:\n  - {k: v,\n     m: w}\n",
           "a:\n  - {k: v}\n   - {k: w}\n",
           "a:\n  -{k: v}\n",
           "a:\n- {k: v}\n",
           "a:\n\t- {k: v}\n",
           "a:\r\n  - {k: v}\r\n",
           "a:\n  - {k: [v, [w]]}\n",
           "a:\n  - {k: v}\n  - plain\n",
           "\xEF\xBB\xBF"
           "a:\n  - {k: v}\n",
           "a:\n  - {k: v}\n---\nb:\n  - {k: v}\n",
           "a:\n  - {k: v\xC2\x85w}\n",
           "a:\n  - {k: v\xE2\x80\xA8w}\n",
       }) {
    EXPECT_FALSE(read_flow_lists(text).has_value()) << text;
  }
}

}  // namespace
