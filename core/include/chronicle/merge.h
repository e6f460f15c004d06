// Cross-article merge: one entry per real event, whatever the number of articles that
// report it, and timelines read back from their YAML.
#pragma once

#include <chronicle/timeline.h>

#include <string>
#include <vector>

namespace chronicle {

// Merges timelines. Every entry is taken apart into its reports (one per source: the
// entry itself, or its `versions`), and the union of all reports is clustered again:
//  - kin types only (meeting, talks, summit and conference together; visit, call and any
//    other type only with themselves), never two reports of one source in one entry;
//  - two named places must agree (equal, or one is the other's country), in every pair
//    of an entry's reports;
//  - the events' own dates agree: dated windows overlap (a day apart is close enough: it
//    becomes a conflict); an undated report meets only a dated window of a month or less
//    on its status's side of its article's date, and another undated report only from an
//    article a week apart;
//  - the same people by name ("Soviet leaders" links nothing; one shared name needs a
//    shared place, or dates of a week or less on two sides naming only it; a window
//    longer than a month needs two), or, when one side names nobody, the same place on
//    dated windows of a month or less and one type.
// An entry keeps the narrowest window consistent with all its reports, every report's
// evidence, each report in `versions`, and `conflicts` where days or places disagree.
// Its status is the latest article's among the reports whose window fits the entry's
// ("the meeting last week" turns planned into occurred). Sources and errors are united
// and sorted.
//
// The result depends only on the set of reports, so merge is commutative and
// associative, and extracting a corpus in one run equals merging the timelines of any
// split of it. Entries are ordered by earliest, latest, then first report, and numbered.
// Takes the parts by value: pass them with std::move to avoid a copy of every event.
Timeline merge_timelines(std::vector<Timeline> parts, const BuildOptions& options);

// Drops what merge_timelines does not read of an extracted event (its id, first side and
// other side, type votes, name words and other in-document bookkeeping), keeping the fields
// a timeline file carries; an entry with `versions` is left as it is. extract applies it to
// each document's events as they are done, so the events held until the merge are no
// larger than the merge needs.
void keep_timeline_fields(Event& event);

// Reads a timeline written by to_yaml. Throws ConfigError naming `origin` and the field.
Timeline read_timeline_yaml(const std::string& text, const std::string& origin);

// One JSON object (one line, no newline) for one document's events: {"id", "published",
// "title", "events": [...], "errors": [...] only when some}.
std::string to_json_line(const Source& source, const std::vector<Event>& events,
                         const std::vector<ErrorEntry>& errors);

// One JSON line for a document that could not be read: {"error": {"where", "message"}}.
std::string to_json_error_line(const ErrorEntry& error);

}  // namespace chronicle
