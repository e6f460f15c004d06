#include "flow_yaml.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace chronicle::detail {
namespace {

bool null_word(std::string_view v) { return v == "~" || v == "null" || v == "Null" || v == "NULL"; }

void skip_spaces(std::string_view line, std::size_t& i) {
  while (i < line.size() && line[i] == ' ') ++i;
}

// One scalar of a flow collection at line[i], spaces before and after skipped; false for
// anything this reader does not take on (the caller then leaves the file to yaml-cpp).
// A key ends at ':'; a value may not hold one.
bool scalar(std::string_view line, std::size_t& i, bool key, std::string& out) {
  skip_spaces(line, i);
  if (i >= line.size()) return false;
  if (line[i] == '"') {
    const std::size_t e = line.find('"', i + 1);
    if (e == std::string_view::npos) return false;
    const std::string_view v = line.substr(i + 1, e - i - 1);
    if (v.find('\\') != std::string_view::npos) return false;
    out.assign(v);
    i = e + 1;
    skip_spaces(line, i);
    return true;
  }
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`", line[i])) return false;
  const std::size_t b = i;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ',' || c == ']' || c == '}') break;
    if (c == ':') {
      if (key) break;
      return false;
    }
    if (c == '#' || c == '"' || c == '[' || c == '{') return false;
  }
  std::string_view v = line.substr(b, i - b);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v.empty() || null_word(v)) return false;
  out.assign(v);
  return true;
}

// "{key: value, key: [a, b]}" from line[i] to the end of the line.
bool flow_map(std::string_view line, std::size_t i, YAML::Node& out) {
  if (i >= line.size() || line[i] != '{') return false;
  ++i;
  std::vector<std::string> keys;
  std::string key, value;
  while (true) {
    if (!scalar(line, i, true, key)) return false;
    if (i + 1 >= line.size() || line[i] != ':' || line[i + 1] != ' ') return false;
    i += 2;
    for (const auto& k : keys)
      if (k == key) return false;
    keys.push_back(key);
    skip_spaces(line, i);
    if (i < line.size() && line[i] == '[') {
      ++i;
      YAML::Node seq(YAML::NodeType::Sequence);
      skip_spaces(line, i);
      if (i < line.size() && line[i] == ']') {
        ++i;
      } else {
        while (true) {
          if (!scalar(line, i, false, value)) return false;
          seq.push_back(value);
          if (i < line.size() && line[i] == ',') {
            ++i;
            continue;
          }
          if (i < line.size() && line[i] == ']') {
            ++i;
            break;
          }
          return false;
        }
      }
      out.force_insert(key, seq);
      skip_spaces(line, i);
    } else {
      if (!scalar(line, i, false, value)) return false;
      out.force_insert(key, value);
    }
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    if (i < line.size() && line[i] == '}') {
      ++i;
      break;
    }
    return false;
  }
  skip_spaces(line, i);
  return i == line.size();
}

}  // namespace

std::optional<YAML::Node> read_flow_lists(std::string_view text) {
  std::vector<std::pair<std::string, YAML::Node>> lists;
  std::size_t indent = std::string_view::npos;  // of the current list's items
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.find_first_of("\t\r") != std::string_view::npos) return std::nullopt;
    // YAML 1.1 line breaks (NEL, LS, PS) and a byte-order mark: left to yaml-cpp
    for (const std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
      if (line.find(odd) != std::string_view::npos) return std::nullopt;
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos || line[first] == '#') continue;  // blank, comment
    if (first == 0) {
      // a list's key: "countries:"
      if (!lists.empty() && lists.back().second.size() == 0) return std::nullopt;
      const std::size_t colon = line.find(':');
      if (colon == 0 || colon == std::string_view::npos) return std::nullopt;
      const std::string_view key = line.substr(0, colon);
      for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
          return std::nullopt;
      if (line.find_first_not_of(' ', colon + 1) != std::string_view::npos) return std::nullopt;
      for (const auto& [k, v] : lists)
        if (k == key) return std::nullopt;
      lists.emplace_back(std::string(key), YAML::Node(YAML::NodeType::Sequence));
      indent = std::string_view::npos;
      continue;
    }
    if (lists.empty()) return std::nullopt;
    if (indent == std::string_view::npos) indent = first;
    if (first != indent || line.size() < first + 2 || line[first] != '-' || line[first + 1] != ' ')
      return std::nullopt;
    std::size_t i = first + 2;
    skip_spaces(line, i);
    YAML::Node entry(YAML::NodeType::Map);
    if (!flow_map(line, i, entry)) return std::nullopt;
    lists.back().second.push_back(entry);
  }
  if (lists.empty() || lists.back().second.size() == 0) return std::nullopt;
  YAML::Node root(YAML::NodeType::Map);
  for (auto& [k, v] : lists) root.force_insert(k, v);
  return root;
}

}  // namespace chronicle::detail
