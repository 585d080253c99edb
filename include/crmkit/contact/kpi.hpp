// Contact-centre KPIs from an interaction log: one row per contact (call, chat, e-mail...),
// overall and per interval, channel or agent.
//
// A contact arrives; either the voice system (IVR) handles it to the end ("contained"), or it
// is offered to the agents and is then either answered (and handled until `end`) or abandoned
// by the customer. Times are day numbers (crmkit/io/time.hpp); waits and handle times are
// taken in seconds, rounded to the microsecond (so whole-second timestamps give whole-second
// waits despite the day-number fractions).
//
// DEFINITIONS (counts over the contacts of a group; a rate whose denominator is 0 is NaN):
//   contacts          every row
//   ivr_contained     rows handled to the end by the voice system
//   offered           contacts - ivr_contained (reached the agents' queue)
//   answered, abandoned    offered contacts answered by an agent / abandoned while waiting
//   wait              answered (or abandoned) - arrival, seconds
//   short_abandoned   abandoned with wait < short_abandon (a misdial, a caller who changed
//                     their mind: many centres leave them out)
//   answered_within   answered with wait <= answer_within; abandoned_within likewise
//   abandonment_rate  abandoned / offered
//   abandonment_rate_excluding_short  (abandoned - short_abandoned) / (offered - short_abandoned)
//   service_level     by the chosen ServiceLevelDefinition (below)
//   asa               mean wait of the answered contacts (average speed of answer), seconds
//   aht               mean handle time (end - answered) of the answered contacts, seconds
//   busy_rate         share of offered contacts that found every agent busy: waited more
//                     than 0 s (every abandoned contact did) — the material's "line busy rate"
//   occupancy         handle seconds / staffed seconds. The log does not say when agents were
//                     logged in, so an agent counts as staffed for each whole interval in
//                     which a contact they answered arrived; contacts (and their handle
//                     time) belong to the interval of their arrival
//   first_contact_resolution  answered contacts resolved on first contact / answered
//   containment       ivr_contained / contacts (share handled by the voice system)
//   transfer_rate     answered contacts transferred / answered
//   satisfaction      mean satisfaction score over the contacts that gave one (any scale)
//
// SERVICE LEVEL DEFINITIONS (the common ones; "T" = answer_within):
//   offered               answered within T / offered (abandoned contacts count against)
//   answered              answered within T / answered (abandoned contacts ignored)
//   offered-less-short    answered within T / (offered - short abandoned)
//   abandoned-within-met  (answered within T + abandoned within T) / offered
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace contact {

enum class ServiceLevelDefinition : std::uint8_t { offered, answered, offered_less_short, abandoned_within_met };
inline constexpr std::size_t kServiceLevelDefinitionCount = 4;
// "offered", "answered", "offered-less-short", "abandoned-within-met".
const NameTable& names(ServiceLevelDefinition);

enum class KpiGrouping : std::uint8_t { interval, channel, agent };
inline constexpr std::size_t kKpiGroupingCount = 3;
// "interval", "channel", "agent".
const NameTable& names(KpiGrouping);

// The log as columns of n rows. Required: channel and arrival; every other column may be
// null (then: no agent, not answered, not abandoned, no end, not contained, not transferred,
// not resolved, no score). NaN marks a time or score that does not apply to a row.
struct ContactColumns {
  std::size_t n = 0;
  const std::int64_t* channel = nullptr;      // a code per channel (the caller's numbering)
  const std::int64_t* agent = nullptr;        // agent id, -1 for none
  const double* arrival = nullptr;            // day number
  const double* answered = nullptr;           // day number; NaN: not answered
  const double* abandoned = nullptr;          // day number; NaN: not abandoned
  const double* end = nullptr;                // end of handling (answered contacts), day number
  const std::uint8_t* ivr = nullptr;          // 1: contained in the voice system
  const std::uint8_t* transferred = nullptr;  // 1: transferred (answered contacts)
  const std::uint8_t* resolved = nullptr;     // 1: resolved on first contact (answered contacts)
  const double* satisfaction = nullptr;       // score; NaN: none given
};

struct KpiOptions {
  double answer_within = 20;   // T of the service level, seconds, >= 0
  double short_abandon = 5;    // abandons with a shorter wait are short, seconds, >= 0
  ServiceLevelDefinition definition = ServiceLevelDefinition::offered;
  double interval = 1800;      // length of the intervals of by-interval results, seconds, > 0
};

struct KpiFigures {
  std::size_t contacts = 0, ivr_contained = 0, offered = 0, answered = 0, abandoned = 0;
  std::size_t short_abandoned = 0, answered_within = 0, abandoned_within = 0, delayed = 0;
  std::size_t transferred = 0, resolved = 0, satisfaction_responses = 0;
  double wait_seconds = 0;     // total wait of the answered contacts
  double handle_seconds = 0;   // total handle time
  double staffed_seconds = 0;  // agent-intervals with an answered contact x interval length
  double abandonment_rate = 0, abandonment_rate_excluding_short = 0, service_level = 0;
  double asa = 0, aht = 0, busy_rate = 0, occupancy = 0, first_contact_resolution = 0;
  double containment = 0, transfer_rate = 0, satisfaction = 0;
};

struct KpiGroup {
  // The channel code, the agent id (-1: contacts without an agent, i.e. abandoned or
  // contained), or the interval's number counted from 1970-01-01 00:00 UTC.
  std::int64_t key = 0;
  double start = 0;  // interval groups: the interval's first moment as a day number; else NaN
  KpiFigures figures;
};

// Throws invalid_argument naming the contact (0-based row) and field: a missing required
// column, a non-finite arrival, an answer or abandonment before arrival, an end before the
// answer, an answered contact without an end, a row both answered and abandoned, an offered
// row neither answered nor abandoned, a contained row that was also answered or abandoned,
// flags other than 0 or 1, an infinite score; and options out of range.
KpiFigures contact_kpis(const ContactColumns& log, const KpiOptions& options = {});

// The same figures per group, groups in increasing key order.
std::vector<KpiGroup> contact_kpis_by(const ContactColumns& log, KpiGrouping grouping,
                                      const KpiOptions& options = {});

}  // namespace contact
}  // namespace v0
}  // namespace crmkit
