// places.yaml and organizations.yaml as the gazetteer reads them, and their compiled form.
#include <chronicle/errors.h>
#include <yaml-cpp/yaml.h>

#include <unordered_set>

#include "compiled_config.h"

namespace chronicle::detail {
namespace {

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& x : n) out.push_back(x.as<std::string>());
  return out;
}

}  // namespace

std::vector<PlaceSource> parse_place_file(const std::string& yaml, const std::string& origin,
                                          CompiledKind kind) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw ConfigError(origin + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  using sdk::EntityKind;
  std::vector<PlaceSource> out;
  auto add = [&](const YAML::Node& c, EntityKind k, bool country, bool adjectives) {
    PlaceSource p;
    p.kind = k;
    p.name = c["name"].as<std::string>();
    if (k == EntityKind::country) p.country = p.name;
    if (country) p.country = c["country"].as<std::string>();
    p.forms = strings(c["forms"]);
    if (adjectives) p.adjectives = strings(c["adjectives"]);
    out.push_back(std::move(p));
  };
  if (kind == CompiledKind::places) {
    std::unordered_set<std::string> names;
    for (const auto& c : root["countries"]) {
      add(c, EntityKind::country, false, true);
      names.insert(out.back().name);
    }
    for (const auto& c : root["cities"]) {
      // a country (or an earlier city) of the same name wins: the city is left out
      PlaceSource p;
      p.kind = EntityKind::city;
      p.name = c["name"].as<std::string>();
      p.country = c["country"].as<std::string>();
      if (!names.insert(p.name).second) continue;
      p.forms = strings(c["forms"]);
      out.push_back(std::move(p));
    }
    for (const auto& c : root["regions"]) add(c, EntityKind::region, false, true);
  } else {
    for (const auto& o : root["organizations"]) add(o, EntityKind::organization, false, false);
    // "the Kremlin" speaks for Russia: an organisation whose country is known
    for (const auto& o : root["metonyms"]) {
      add(o, EntityKind::organization, true, false);
      out.back().metonym = true;
    }
  }
  return out;
}

std::string compact_places(const std::vector<PlaceSource>& places) {
  CompactWriter w;
  w.u32(static_cast<std::uint32_t>(places.size()));
  for (const auto& p : places) {
    w.u32(static_cast<std::uint32_t>(p.kind) | (p.metonym ? 0x100u : 0u));
    w.str(p.name);
    w.str(p.country);
    for (const auto* list : {&p.forms, &p.adjectives}) {
      w.u32(static_cast<std::uint32_t>(list->size()));
      for (const auto& s : *list) w.str(s);
    }
  }
  return w.bytes();
}

std::vector<PlaceSource> places_from_compact(std::string_view data) {
  CompactReader r(data);
  std::vector<PlaceSource> out(r.u32());
  for (auto& p : out) {
    const std::uint32_t k = r.u32();
    p.kind = static_cast<sdk::EntityKind>(k & 0xFF);
    p.metonym = (k & 0x100u) != 0;
    p.name = r.str();
    p.country = r.str();
    for (auto* list : {&p.forms, &p.adjectives}) {
      list->resize(r.u32());
      for (auto& s : *list) s = r.str();
    }
  }
  if (!r.done()) throw std::logic_error("compiled gazetteer data has trailing bytes");
  return out;
}

}  // namespace chronicle::detail
