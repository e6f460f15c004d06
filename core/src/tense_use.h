// Engine-internal: whether the reading of a temporal expression depends on the tense of
// its clause, so that `chronicle timex` reads clauses only where one does.
#pragma once

#include <chronicle/temporal.h>
#include <chronicle/temporal_types.h>

#include <date/date.h>

namespace chronicle::detail {

// false when resolve(rel, anchor, tense) gives the same reading for every tense: the
// expression names its own year or day ("March 3, 1987", "1986", "last year", "three days
// ago", "next Tuesday"), or a direction fixes the tense ("postponed until Monday"). true
// whenever it may depend on it. It follows the branches of resolve() that read the tense
// (pick_year(), apply_mod(), a bare weekday, "the weekend"); the unit tests check it
// against resolve() itself on every expression of the corpora, for many publication days.
inline bool resolution_reads_tense(const RelativeDate& rel, const Anchor& anchor) {
  using K = RelativeDate::Kind;
  if (rel.reporting) return false;
  if (rel.kind == K::offset || rel.kind == K::fuzzy || rel.kind == K::duration ||
      rel.kind == K::set)
    return false;
  // a position inside a period that the clause narrows around the reference day
  const bool mod_reads = rel.mod != Mod::none && rel.mod != Mod::earlier && rel.mod != Mod::later;
  if (rel.kind == K::period)
    return mod_reads || (rel.unit == Unit::weekend && rel.shift == Shift::none &&
                         rel.anchor == AnchorRef::publication);
  // weekdays and calendar dates: a direction sets the tense whatever the clause says
  if (rel.direction == Direction::backward) return false;
  if (rel.direction == Direction::forward && !rel.forward_unless_past) return false;
  if (rel.kind == K::weekday)
    return rel.weekday && rel.shift == Shift::none &&
           !(date::weekday{anchor.publication} == *rel.weekday && rel.direction == Direction::none);
  if (rel.kind != K::calendar) return true;
  if (rel.century || rel.decade) return mod_reads;
  // (pick_year() reads the tense only without a shift: "last Thanksgiving" reads none)
  if (rel.holiday != Holiday::none)
    return !rel.year && !rel.year_shift && rel.shift == Shift::none;
  const bool own_year = rel.year || rel.year_shift || rel.anchor == AnchorRef::last_explicit;
  if (rel.month && rel.day) {
    if (own_year) return false;
    // an earlier day of the publication's month ("March 3" in a March 5 story)
    const date::year_month_day p{anchor.publication};
    if (rel.direction == Direction::none && !rel.weekday && !rel.range_end &&
        static_cast<unsigned>(p.month()) == *rel.month && static_cast<unsigned>(p.day()) > *rel.day)
      return narrative_year(anchor, *rel.month, *rel.day).has_value();  // (a past clause's)
    return !(rel.range_end && anchor.last_explicit);
  }
  if (rel.month || rel.quarter || rel.half || rel.season != Season::none) {
    // "the April through February period": the year of the range's last month
    if (mod_reads || rel.range_to_month) return true;
    if (own_year || rel.shift != Shift::none) return false;
    // the publication's own month ("in March" in a March story): every tense picks its year
    const date::year_month_day p{anchor.publication};
    return !(rel.month && static_cast<unsigned>(p.month()) == *rel.month);
  }
  if (rel.year) return mod_reads;
  return false;
}

}  // namespace chronicle::detail
