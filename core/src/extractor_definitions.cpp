#include <chronicle/errors.h>
#include <chronicle/extractor_definitions.h>

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <set>

#include "compiled_config.h"

namespace chronicle {
namespace {

std::string at(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return file;
  return file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

[[noreturn]] void bad(const std::string& file, const YAML::Node& n, const std::string& what) {
  throw ConfigError(at(file, n) + ": " + what);
}

// A list of plain words or phrases, or a single one.
std::vector<std::string> words(const std::string& file, const YAML::Node& n,
                               const std::string& key) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty())
        bad(file, item,
            "`" + key + "` must list plain words or phrases, e.g. [truce, \"cease-fire\"]");
      out.push_back(item.Scalar());
    }
  } else if (!n.IsNull()) {
    bad(file, n, "`" + key + "` must be a list of words or phrases, e.g. [in, for]");
  }
  return out;
}

void only(const std::string& file, const YAML::Node& map, const std::string& key,
          const std::set<std::string>& allowed) {
  if (!map.IsMap()) bad(file, map, "`" + key + "` must be a map");
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string k = it->first.as<std::string>();
    if (!allowed.count(k)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      bad(file, it->first,
          "unknown key `" + (key.empty() ? k : key + "." + k) + "`; the keys here are " + list +
              " (see docs/plugins.md)");
    }
  }
}

void check_members(const std::string& file, const YAML::Node& n, const std::string& key,
                   const std::vector<std::string>& values, const std::set<std::string>& allowed) {
  for (const auto& v : values) {
    if (allowed.count(v)) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    bad(file, n, "`" + key + "` has \"" + v + "\"; it takes " + list);
  }
}

}  // namespace

namespace detail {

void check_definition_name(const std::string& file, const std::string& name,
                           const Lexicon& read_before) {
  for (char ch : name)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-'))
      throw ConfigError(file +
                        ": the file name is the definition's name: use letters, digits, "
                        "_ and - only");
  for (const auto& seen : read_before.list("extractors"))
    if (seen == name)
      throw ConfigError(file + ": a definition named \"" + name + "\" was read already (" +
                        read_before.list(name + ".file").front() + "); rename one of the files");
}

Lexicon parse_extractor_definition(const std::string& yaml, const std::string& file,
                                   const std::string& name, const Lexicon& read_before) {
  Lexicon lex;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw ConfigError(file + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": not valid YAML (" + e.msg +
                      "); fix the syntax at that line");
  }
  if (!root.IsMap())
    throw ConfigError(file +
                      ": an extractor definition is a map (type:, triggers:, ...); "
                      "see docs/plugins.md");
  only(file, root, "",
       {"type", "description", "triggers", "participants", "with", "location", "status", "exclude",
        "require", "specificity"});
  check_definition_name(file, name, read_before);
  const std::string p = name + ".";

  if (!root["type"] || !root["type"].IsScalar() || root["type"].Scalar().empty())
    bad(file, root, "no `type:`; give the event type this file extracts, e.g. `type: ceasefire`");
  const std::string type = root["type"].Scalar();
  for (char ch : type)
    if (!(std::islower(static_cast<unsigned char>(ch)) ||
          std::isdigit(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-'))
      bad(file, root["type"],
          "`type: " + type + "`: an event type is lower-case letters, digits, _ and -");
  lex.add(p + "type", {type});

  const YAML::Node trig = root["triggers"];
  if (!trig) bad(file, root, "no `triggers:`; give `triggers: {verbs: [...], nouns: [...]}`");
  only(file, trig, "triggers", {"verbs", "nouns"});
  std::size_t n_triggers = 0;
  for (const char* k : {"verbs", "nouns"}) {
    if (!trig[k]) continue;
    const auto w = words(file, trig[k], std::string("triggers.") + k);
    n_triggers += w.size();
    lex.add(p + "triggers." + k, w);
  }
  if (n_triggers == 0)
    bad(file, trig, "`triggers:` lists no word; give at least one verb or noun phrase");

  std::vector<std::string> roles = {"subject", "object", "with"};
  if (root["participants"]) {
    roles = words(file, root["participants"], "participants");
    check_members(file, root["participants"], "participants", roles, {"subject", "object", "with"});
  }
  lex.add(p + "participants", roles);
  lex.add(p + "with", root["with"] ? words(file, root["with"], "with")
                                   : std::vector<std::string>{"with", "between"});
  if (root["location"]) lex.add(p + "location", words(file, root["location"], "location"));

  if (const YAML::Node st = root["status"]) {
    only(file, st, "status",
         {"occurred", "ongoing", "planned", "speculative", "postponed", "cancelled"});
    std::vector<std::string> names;
    for (auto it = st.begin(); it != st.end(); ++it) {
      const std::string k = it->first.as<std::string>();
      names.push_back(k);
      lex.add(p + "status." + k, words(file, it->second, "status." + k));
    }
    lex.add(p + "status", names);
  }
  if (const YAML::Node ex = root["exclude"]) {
    only(file, ex, "exclude", {"before", "after", "sentence"});
    for (const char* k : {"before", "after", "sentence"})
      if (ex[k]) lex.add(p + "exclude." + k, words(file, ex[k], std::string("exclude.") + k));
  }
  // require: [..] for both forms, or {verbs: [..], nouns: [..]}
  if (const YAML::Node rq = root["require"]) {
    const std::set<std::string> what = {"participant", "location", "time"};
    if (rq.IsMap()) {
      only(file, rq, "require", {"verbs", "nouns"});
      for (const char* k : {"verbs", "nouns"}) {
        if (!rq[k]) continue;
        const auto req = words(file, rq[k], std::string("require.") + k);
        check_members(file, rq[k], std::string("require.") + k, req, what);
        lex.add(p + "require." + k, req);
      }
    } else {
      const auto req = words(file, rq, "require");
      check_members(file, rq, "require", req, what);
      lex.add(p + "require.verbs", req);
      lex.add(p + "require.nouns", req);
    }
  }
  int specificity = 3;
  if (const YAML::Node sp = root["specificity"]) {
    try {
      specificity = sp.as<int>();
    } catch (const YAML::Exception&) {
      bad(file, sp, "`specificity` is a whole number (0-100; the bundled plugins use 0-5)");
    }
    if (specificity < 0 || specificity > 100)
      bad(file, sp, "`specificity` is a whole number from 0 to 100");
  }
  lex.add(p + "specificity", {std::to_string(specificity)});
  return lex;
}

}  // namespace detail

}  // namespace chronicle
