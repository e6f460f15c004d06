// Timelines read back from YAML (chronicle merge) and written as JSON lines.
#include <chronicle/calendar.h>
#include <chronicle/errors.h>
#include <chronicle/merge.h>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace chronicle {
namespace {

class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  [[noreturn]] void fail(const YAML::Node& n, const std::string& what) const {
    const auto m = n.Mark();
    throw ConfigError(origin_ + (m.is_null() ? "" : ":" + std::to_string(m.line + 1)) + ": " +
                      what + "; give a timeline written by `chronicle extract` or `chronicle merge`");
  }

  std::string str(const YAML::Node& map, const char* key, bool required = false) const {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) {
      if (required) fail(map, std::string("missing `") + key + "`");
      return {};
    }
    if (!n.IsScalar()) fail(n, std::string("`") + key + "` must be a single value");
    return n.Scalar();
  }

  std::optional<date::sys_days> day(const YAML::Node& map, const char* key) const {
    const std::string s = str(map, key);
    if (s.empty()) return std::nullopt;
    date::sys_days d;
    if (!cal::parse_iso_day(s, d)) fail(map[key], std::string("`") + key + "` is not YYYY-MM-DD");
    return d;
  }

  std::size_t number(const YAML::Node& map, const char* key) const {
    const std::string s = str(map, key, true);
    try {
      std::size_t used = 0;
      const unsigned long long v = std::stoull(s, &used);
      if (used != s.size()) throw std::invalid_argument(s);
      return static_cast<std::size_t>(v);
    } catch (const std::exception&) {
      fail(map[key], std::string("`") + key + "` must be a whole number");
    }
  }

  std::vector<std::string> list(const YAML::Node& map, const char* key) const {
    std::vector<std::string> out;
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return out;
    if (!n.IsSequence()) fail(n, std::string("`") + key + "` must be a list");
    for (const auto& x : n) {
      if (!x.IsScalar()) fail(x, std::string("`") + key + "` must list single values");
      out.push_back(x.Scalar());
    }
    return out;
  }

  sdk::Status status(const YAML::Node& map) const {
    const std::string s = str(map, "status", true);
    for (auto st : {sdk::Status::unknown, sdk::Status::occurred, sdk::Status::ongoing,
                    sdk::Status::planned, sdk::Status::speculative, sdk::Status::postponed,
                    sdk::Status::cancelled})
      if (s == status_name(st)) return st;
    fail(map["status"], "unknown status \"" + s + "\"");
  }

  When when(const YAML::Node& map) const {
    const YAML::Node n = map["when"];
    if (!n || !n.IsMap()) fail(map, "missing `when` map");
    When w;
    w.text = str(n, "text");
    w.value = str(n, "value");
    w.earliest = day(n, "earliest");
    w.latest = day(n, "latest");
    const std::string g = str(n, "granularity");
    bool found = false;
    for (int i = 0; i <= static_cast<int>(Granularity::century); ++i) {
      if (g == granularity_name(static_cast<Granularity>(i))) {
        w.granularity = static_cast<Granularity>(i);
        found = true;
      }
    }
    if (!found && !g.empty()) fail(n, "unknown granularity \"" + g + "\"");
    const std::string a = str(n, "approx");
    if (a != "true" && a != "false" && !a.empty()) fail(n, "`approx` must be true or false");
    w.approx = a == "true";
    return w;
  }

  // The fields an entry and a version share.
  void body(const YAML::Node& n, Event& e) const {
    e.type = str(n, "type", true);
    e.status = status(n);
    e.when = when(n);
    e.summary = str(n, "summary");
    e.participants = list(n, "participants");
    e.location = str(n, "location");
    e.country = str(n, "country");
    e.plugin = str(n, "plugin");
  }

 private:
  std::string origin_;
};

nlohmann::ordered_json day_json(const std::optional<date::sys_days>& d) {
  return d ? nlohmann::ordered_json(cal::iso_day(*d)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json str_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace

Timeline read_timeline_yaml(const std::string& text, const std::string& origin) {
  Reader rd(origin);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(origin + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": not valid YAML (" + e.msg + ")");
  }
  if (!root || !root.IsMap() || !root["chronicle"])
    throw ConfigError(origin + ": not a Chronicle timeline (no `chronicle: 1` at the top); "
                      "give a file written by `chronicle extract` or `chronicle merge`");
  if (rd.str(root, "chronicle") != "1")
    rd.fail(root["chronicle"], "schema version " + rd.str(root, "chronicle") + " is not 1");
  Timeline tl;
  if (const YAML::Node s = root["sources"]; s && !s.IsNull()) {
    if (!s.IsSequence()) rd.fail(s, "`sources` must be a list");
    for (const auto& x : s) {
      Source src;
      src.id = rd.str(x, "id", true);
      const auto d = rd.day(x, "published");
      if (!d) rd.fail(x, "source " + src.id + " has no `published` date");
      src.published = *d;
      src.title = rd.str(x, "title");
      tl.sources.push_back(std::move(src));
    }
  }
  if (const YAML::Node evs = root["events"]; evs && !evs.IsNull()) {
    if (!evs.IsSequence()) rd.fail(evs, "`events` must be a list");
    for (const auto& x : evs) {
      Event e;
      e.id = rd.str(x, "id");
      rd.body(x, e);
      if (const YAML::Node ev = x["evidence"]; ev && !ev.IsNull()) {
        if (!ev.IsSequence()) rd.fail(ev, "`evidence` must be a list");
        for (const auto& y : ev)
          e.evidence.push_back({rd.str(y, "source", true), rd.str(y, "sentence"),
                                rd.number(y, "start"), rd.number(y, "end")});
      }
      if (e.evidence.empty()) rd.fail(x, "event " + e.id + " has no evidence");
      if (const YAML::Node vs = x["versions"]; vs && !vs.IsNull()) {
        if (!vs.IsSequence()) rd.fail(vs, "`versions` must be a list");
        for (const auto& y : vs) {
          Event v;
          rd.body(y, v);
          const std::string src = rd.str(y, "source", true);
          for (const auto& ev : e.evidence)
            if (ev.source == src) v.evidence.push_back(ev);
          if (v.evidence.empty())
            rd.fail(y, "version of source " + src + " has no evidence in event " + e.id);
          e.versions.push_back(std::move(v));
        }
      }
      tl.events.push_back(std::move(e));
    }
  }
  if (const YAML::Node errs = root["errors"]; errs && !errs.IsNull()) {
    if (!errs.IsSequence()) rd.fail(errs, "`errors` must be a list");
    for (const auto& x : errs) tl.errors.push_back({rd.str(x, "where"), rd.str(x, "message")});
  }
  return tl;
}

std::string to_json_line(const Source& source, const std::vector<Event>& events,
                         const std::vector<ErrorEntry>& errors) {
  nlohmann::ordered_json j;
  j["id"] = source.id;
  j["published"] = cal::iso_day(source.published);
  j["title"] = str_or_null(source.title);
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& e : events) {
    nlohmann::ordered_json x;
    x["id"] = e.id;
    x["type"] = e.type;
    x["status"] = status_name(e.status);
    x["when"] = {{"text", str_or_null(e.when.text)},
                 {"value", str_or_null(e.when.value)},
                 {"earliest", day_json(e.when.earliest)},
                 {"latest", day_json(e.when.latest)},
                 {"granularity", granularity_name(e.when.granularity)},
                 {"approx", e.when.approx}};
    x["summary"] = e.summary;
    x["participants"] = e.participants;
    x["location"] = str_or_null(e.location);
    x["country"] = str_or_null(e.country);
    x["plugin"] = e.plugin;
    nlohmann::ordered_json ev = nlohmann::ordered_json::array();
    for (const auto& v : e.evidence)
      ev.push_back({{"source", v.source}, {"sentence", v.sentence}, {"start", v.start},
                    {"end", v.end}});
    x["evidence"] = std::move(ev);
    arr.push_back(std::move(x));
  }
  j["events"] = std::move(arr);
  if (!errors.empty()) {
    nlohmann::ordered_json er = nlohmann::ordered_json::array();
    for (const auto& e : errors) er.push_back({{"where", e.where}, {"message", e.message}});
    j["errors"] = std::move(er);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string to_json_error_line(const ErrorEntry& error) {
  nlohmann::ordered_json j;
  j["error"] = {{"where", error.where}, {"message", error.message}};
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace chronicle
