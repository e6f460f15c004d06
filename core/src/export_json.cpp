// The timeline as JSON (the YAML structure, field for field), the format table, and the
// date words the human-facing formats share.
#include <chronicle/calendar.h>
#include <chronicle/export.h>

#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>
#include <stdexcept>

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

Json day_json(const std::optional<date::sys_days>& d) {
  return d ? Json(cal::iso_day(*d)) : Json(nullptr);
}

Json str_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json when_json(const When& w) {
  Json j = Json::object();
  j["text"] = str_or_null(w.text);
  j["value"] = str_or_null(w.value);
  j["earliest"] = day_json(w.earliest);
  j["latest"] = day_json(w.latest);
  j["granularity"] = granularity_name(w.granularity);
  j["approx"] = w.approx;
  return j;
}

Json string_list(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

// What one report says of an event, in the YAML's field order: the fields an entry and
// each of its `versions` share.
void put_reading(Json& j, const Event& e) {
  j["type"] = e.type;
  j["status"] = status_name(e.status);
  j["when"] = when_json(e.when);
  j["summary"] = e.summary;
  j["participants"] = string_list(e.participants);
  j["location"] = str_or_null(e.location);
  j["country"] = str_or_null(e.country);
  j["plugin"] = e.plugin;
}

}  // namespace

namespace {

Json source_json(const Source& s) {
  Json x = Json::object();
  x["id"] = s.id;
  x["published"] = cal::iso_day(s.published);
  x["title"] = str_or_null(s.title);
  return x;
}

Json event_json(const Event& e) {
  Json x = Json::object();
  x["id"] = e.id;
  put_reading(x, e);
  if (e.reports() > 1) x["reports"] = e.reports();
  if (!e.conflicts.empty()) {
    Json cs = Json::array();
    for (const auto& c : e.conflicts) {
      Json srcs = Json::array();
      for (const auto& s : c.sources) srcs.push_back(string_list(s));
      Json cj = Json::object();
      cj["field"] = c.field;
      cj["values"] = string_list(c.values);
      cj["sources"] = std::move(srcs);
      cs.push_back(std::move(cj));
    }
    x["conflicts"] = std::move(cs);
  }
  Json ev = Json::array();
  for (const auto& v : e.evidence) {
    Json j = Json::object();
    j["source"] = v.source;
    j["sentence"] = v.sentence;
    j["start"] = v.start;
    j["end"] = v.end;
    ev.push_back(std::move(j));
  }
  x["evidence"] = std::move(ev);
  if (!e.versions.empty()) {
    Json vs = Json::array();
    for (const auto& v : e.versions) {
      Json j = Json::object();
      j["source"] = v.evidence.empty() ? std::string() : v.evidence.front().source;
      put_reading(j, v);
      vs.push_back(std::move(j));
    }
    x["versions"] = std::move(vs);
  }
  return x;
}

Json error_json(const ErrorEntry& e) {
  Json j = Json::object();
  j["where"] = e.where;
  j["message"] = e.message;
  return j;
}

// One top-level list, `"key": [...]`, as nlohmann::json's dump(2) writes it inside the
// whole document (two spaces per level), one element made and written at a time.
template <typename T, typename F>
void put_list(std::ostream& out, const char* key, const std::vector<T>& items, F&& to_json) {
  out << "  \"" << key << "\": ";
  if (items.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string s = to_json(items[i]).dump(2, ' ', false, Json::error_handler_t::replace);
    out << (i ? ",\n    " : "    ");
    // JSON strings hold no raw line break: every one is a line of the element's layout
    std::size_t from = 0;
    for (std::size_t nl; (nl = s.find('\n', from)) != std::string::npos; from = nl + 1) {
      out.write(s.data() + from, static_cast<std::streamsize>(nl + 1 - from));
      out << "    ";
    }
    out.write(s.data() + from, static_cast<std::streamsize>(s.size() - from));
  }
  out << "\n  ]";
}

}  // namespace

void write_json(std::ostream& out, const Timeline& tl) {
  out << "{\n  \"chronicle\": 1,\n";
  put_list(out, "sources", tl.sources, source_json);
  out << ",\n";
  put_list(out, "events", tl.events, event_json);
  if (!tl.errors.empty()) {
    out << ",\n";
    put_list(out, "errors", tl.errors, error_json);
  }
  out << "\n}\n";
}

std::string to_json(const Timeline& tl) {
  std::ostringstream out;
  write_json(out, tl);
  return out.str();
}

const std::vector<std::string>& timeline_formats() {
  static const std::vector<std::string> formats{"yaml", "json", "ics", "timelinejs", "md", "html"};
  return formats;
}

std::string render_timeline(const Timeline& tl, std::string_view format) {
  if (format == "yaml") return to_yaml(tl);
  if (format == "json") return to_json(tl);
  if (format == "ics") return to_ics(tl);
  if (format == "timelinejs") return to_timelinejs(tl);
  if (format == "md") return to_markdown(tl);
  if (format == "html") return to_html(tl);
  throw std::invalid_argument("unknown timeline format \"" + std::string(format) + "\"");
}

void write_timeline(std::ostream& out, const Timeline& tl, std::string_view format) {
  if (format == "yaml")
    write_yaml(out, tl);
  else if (format == "json")
    write_json(out, tl);
  else
    out << render_timeline(tl, format);
}

namespace detail {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string month_name(const date::year_month_day& d) {
  return kMonths[static_cast<unsigned>(d.month()) - 1];
}
std::string year_str(const date::year_month_day& d) {
  return std::to_string(static_cast<int>(d.year()));
}
std::string day_str(const date::year_month_day& d) {
  return std::to_string(static_cast<unsigned>(d.day()));
}
std::string long_day(date::sys_days d) {
  const date::year_month_day y{d};
  return day_str(y) + " " + month_name(y) + " " + year_str(y);
}

}  // namespace

std::string describe_when(const When& w) {
  if (!w.earliest && !w.latest) return "date unknown";
  if (!w.latest) return "on or after " + long_day(*w.earliest);
  if (!w.earliest) return "by " + long_day(*w.latest);
  const date::sys_days e = *w.earliest, l = *w.latest;
  const std::string about = w.approx ? "about " : "";
  if (l < e) return about + long_day(e);  // not expected; never lie about the order
  if (e == l) return about + long_day(e);
  const date::year_month_day E{e}, L{l};
  if (e == cal::year_start(e) && l == cal::year_end(e)) return (w.approx ? "around " : "") + year_str(E);
  if (E.year() == L.year() && E.month() == L.month()) {
    const std::string my = month_name(E) + " " + year_str(E);
    if (e == cal::month_start(e) && l == cal::month_end(e)) return (w.approx ? "around " : "") + my;
    if (w.approx && l == cal::month_end(e)) return "later in " + my;
    if (w.approx && e == cal::month_start(e)) return "earlier in " + my;
    return about + day_str(E) + "\u2013" + day_str(L) + " " + my;
  }
  if (E.year() == L.year()) {
    if (e == cal::month_start(e) && l == cal::month_end(l))
      return about + month_name(E) + "\u2013" + month_name(L) + " " + year_str(E);
    return about + day_str(E) + " " + month_name(E) + " \u2013 " + long_day(l);
  }
  return about + long_day(e) + " \u2013 " + long_day(l);
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

}  // namespace detail
}  // namespace chronicle
