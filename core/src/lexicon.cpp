#include <chronicle/errors.h>
#include <chronicle/lexicon.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "compiled_config.h"

namespace chronicle {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // fold the curly apostrophe to '
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string where(const std::string& origin, const YAML::Mark& m) {
  if (m.line < 0) return origin;
  return origin + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

}  // namespace

Lexicon Lexicon::parse(std::string_view yaml, std::string_view origin_view) {
  Lexicon lex;
  lex.origin_ = std::string(origin_view);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw ConfigError(where(lex.origin_, e.mark) + ": not valid YAML (" + e.msg +
                      "); fix the syntax at that line");
  }
  if (!root || root.IsNull()) return lex;
  if (!root.IsMap()) {
    throw ConfigError(where(lex.origin_, root.Mark()) +
                      ": a lexicon must be a map of lists (key: [word, ...])");
  }
  // Iterative walk: (prefix, node). Aliases (*name) are walked where they stand, so a
  // file of nested aliases grows exponentially: the walk stops at kMaxEntries.
  constexpr std::size_t kMaxEntries = 1'000'000;
  std::size_t entries = 0;
  auto count = [&](const YAML::Node& n) {
    if (++entries > kMaxEntries)
      throw ConfigError(where(lex.origin_, n.Mark()) + ": the lexicon holds more than " +
                        std::to_string(kMaxEntries) +
                        " entries once its aliases (*name) are expanded; list the words "
                        "plainly, without nested aliases");
  };
  std::vector<std::pair<std::string, YAML::Node>> stack{{"", root}};
  try {
    while (!stack.empty()) {
      auto [prefix, node] = stack.back();
      stack.pop_back();
      std::vector<std::pair<std::string, YAML::Node>> children;
      for (auto it = node.begin(); it != node.end(); ++it) {
        count(it->first);
        if (!it->first.IsScalar())
          throw ConfigError(where(lex.origin_, it->first.Mark()) +
                            ": a lexicon key must be a plain word, not a list or a map");
        std::string key = lower(it->first.as<std::string>());
        std::string full = prefix.empty() ? key : prefix + "." + key;
        lex.children_[prefix].push_back(key);
        const YAML::Node v = it->second;  // a copy: `it->` is a proxy gone after this line
        if (v.IsSequence()) {
          auto& list = lex.lists_[full];
          for (const auto& item : v) {
            count(item);
            if (!item.IsScalar()) {
              throw ConfigError(where(lex.origin_, item.Mark()) + ": '" + full +
                                "' must list plain words or phrases");
            }
            list.push_back(lower(item.as<std::string>()));
          }
        } else if (v.IsMap()) {
          children.emplace_back(full, v);
        } else if (v.IsScalar()) {
          lex.scalars_[full] = v.as<std::string>();
        }
      }
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
  } catch (const YAML::Exception& e) {
    throw ConfigError(where(lex.origin_, e.mark) + ": " + e.msg);
  }
  lex.rebuild_views();
  return lex;
}

std::string Lexicon::compact() const {
  detail::CompactWriter w;
  auto lists = [&](const std::map<std::string, std::vector<std::string>, std::less<>>& m) {
    w.u32(static_cast<std::uint32_t>(m.size()));
    for (const auto& [k, v] : m) {
      w.str(k);
      w.u32(static_cast<std::uint32_t>(v.size()));
      for (const auto& x : v) w.str(x);
    }
  };
  lists(lists_);
  lists(children_);
  w.u32(static_cast<std::uint32_t>(scalars_.size()));
  for (const auto& [k, v] : scalars_) {
    w.str(k);
    w.str(v);
  }
  return w.bytes();
}

Lexicon Lexicon::from_compact(std::string_view data, std::string_view origin) {
  Lexicon lex;
  lex.origin_ = std::string(origin);
  detail::CompactReader r(data);
  auto lists = [&](std::map<std::string, std::vector<std::string>, std::less<>>& m) {
    for (std::uint32_t n = r.u32(); n > 0; --n) {
      auto& v = m.emplace_hint(m.end(), std::string(r.str()), std::vector<std::string>())->second;
      v.resize(r.u32());
      for (auto& x : v) x = r.str();
    }
  };
  lists(lex.lists_);
  lists(lex.children_);
  for (std::uint32_t n = r.u32(); n > 0; --n) {
    std::string k(r.str());
    lex.scalars_.emplace_hint(lex.scalars_.end(), std::move(k), std::string(r.str()));
  }
  if (!r.done()) throw std::logic_error("compiled lexicon data has trailing bytes");
  lex.rebuild_views();
  return lex;
}

bool Lexicon::same_entries(const Lexicon& other) const {
  return lists_ == other.lists_ && children_ == other.children_ && scalars_ == other.scalars_;
}

Lexicon::Lexicon(const Lexicon& other)
    : sdk::Lexicon(other),
      origin_(other.origin_),
      lists_(other.lists_),
      children_(other.children_),
      scalars_(other.scalars_) {
  rebuild_views();
}

Lexicon& Lexicon::operator=(const Lexicon& other) {
  if (this != &other) *this = Lexicon(other);
  return *this;
}

void Lexicon::rebuild_views() {
  views_.clear();
  views_.reserve(lists_.size());
  for (const auto& [k, v] : lists_) {
    Entry& e = views_[k];
    e.list = &v;
    e.views.reserve(v.size());
    for (const auto& s : v) e.views.emplace_back(s);
  }
}

void Lexicon::merge(const Lexicon& other) {
  for (const auto& [k, v] : other.lists_) {
    auto& mine = lists_[k];
    mine.insert(mine.end(), v.begin(), v.end());
  }
  for (const auto& [k, v] : other.children_) {
    auto& mine = children_[k];
    for (const auto& c : v)
      if (std::find(mine.begin(), mine.end(), c) == mine.end()) mine.push_back(c);
  }
  for (const auto& [k, v] : other.scalars_) scalars_[k] = v;
  rebuild_views();
}

void Lexicon::add(const std::string& key, const std::vector<std::string>& terms) {
  auto& list = lists_[key];
  for (const auto& t : terms) list.push_back(lower(t));
  rebuild_views();
}

sdk::View<std::string_view> Lexicon::terms(std::string_view key) const noexcept {
  auto it = views_.find(key);
  if (it == views_.end()) return {};
  return {it->second.views.data(), it->second.views.size()};
}

const std::vector<std::string>& Lexicon::list(std::string_view key) const {
  static const std::vector<std::string> empty;
  const auto it = views_.find(key);
  return it == views_.end() ? empty : *it->second.list;
}

std::vector<std::string> Lexicon::keys(std::string_view key) const {
  auto it = children_.find(key);
  return it == children_.end() ? std::vector<std::string>{} : it->second;
}

bool Lexicon::has(std::string_view key) const {
  return lists_.count(key) || children_.count(key) || scalars_.count(key);
}

std::string Lexicon::scalar(std::string_view key, std::string_view fallback) const {
  auto it = scalars_.find(key);
  return it == scalars_.end() ? std::string(fallback) : it->second;
}

}  // namespace chronicle
