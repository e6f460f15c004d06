// A Markdown chronology table for reports.
#include <chronicle/calendar.h>
#include <chronicle/export.h>

#include <set>

namespace chronicle {
namespace {

// A table cell: pipes and backslashes escaped, line breaks become spaces.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out += c;
  }
  return out.empty() ? "\u2014" : out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

std::string to_markdown(const Timeline& tl) {
  std::string o;
  o += "# Chronology\n\n";
  if (!tl.sources.empty()) {
    o += "Sources:\n\n";
    for (const auto& s : tl.sources) {
      o += "- `" + s.id + "` (" + cal::iso_day(s.published) + ")";
      if (!s.title.empty()) o += ": " + cell(s.title);
      o += "\n";
    }
    o += "\n";
  }
  o += "| Date | Event | Who | Where | Status | Source |\n";
  o += "|---|---|---|---|---|---|\n";
  for (const auto& e : tl.events) {
    std::string when = detail::describe_when(e.when);
    if (!e.when.text.empty()) when += " (\u201c" + e.when.text + "\u201d)";
    std::string where = e.location;
    if (!e.country.empty() && e.country != e.location)
      where += (where.empty() ? "" : ", ") + e.country;
    std::vector<std::string> sources;
    std::set<std::string> seen;
    for (const auto& ev : e.evidence)
      if (seen.insert(ev.source).second) sources.push_back(ev.source);
    std::string status = status_name(e.status);
    if (!e.conflicts.empty()) {
      std::vector<std::string> fields;
      for (const auto& c : e.conflicts) fields.push_back(c.field);
      status += " (sources disagree on " + join(fields, ", ") + ")";
    }
    o += "| " + cell(when) + " | " + cell(e.summary.empty() ? e.type : e.summary) + " (" +
         cell(e.type) + ") | " + cell(join(e.participants, ", ")) + " | " + cell(where) + " | " +
         cell(status) + " | " + cell(join(sources, ", ")) + " |\n";
  }
  if (!tl.errors.empty()) {
    o += "\nErrors:\n\n";
    for (const auto& e : tl.errors) o += "- " + cell(e.where) + ": " + cell(e.message) + "\n";
  }
  return o;
}

}  // namespace chronicle
