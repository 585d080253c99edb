// Escalation and routing: departments and roles as units with an authority level, transfer
// paths between them with a hand-over cost (Boost.Graph underneath, compiled in src/), the
// nearest unit with the authority a case needs, and ping-pong detection (a case bouncing
// back to a unit it was transferred away from: "another department's job").
#pragma once

#include <array>
#include <iosfwd>
#include <string>
#include <vector>

#include "crmkit/complaint/case.hpp"
#include "crmkit/complaint/sla.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

struct Route {
  std::string unit;                // the unit reached
  double cost = 0;                 // summed hand-over cost
  std::vector<std::string> path;   // from the start unit to `unit`, both included
};

class Organisation {
 public:
  // A unit (department or role) with the authority it has (e.g. refund limit level).
  Organisation& unit(const std::string& name, int authority);
  // A one-way transfer path with a non-negative hand-over cost.
  Organisation& path(const std::string& from, const std::string& to, double handover_cost);

  // The cheapest unit reachable from `from` (itself included, at cost 0) whose authority is
  // at least `authority`; equal costs go to the fewer hand-overs, then to the name first in
  // alphabetical order. invalid_argument naming the unit when `from` is unknown;
  // invalid_state when no reachable unit has the authority.
  Route nearest_with_authority(const std::string& from, int authority) const;

  std::size_t units() const noexcept { return names_.size(); }
  bool has_unit(const std::string& name) const noexcept;
  int authority(const std::string& name) const;  // invalid_argument when unknown
  bool has_path(const std::string& from, const std::string& to) const noexcept;

  struct Unit {
    std::string name;
    int authority = 0;
  };
  struct Path {
    std::string from, to;
    double cost = 0;
  };
  std::vector<Unit> unit_list() const;  // in the order they were added
  std::vector<Path> path_list() const;

 private:
  std::size_t index(const std::string& name, const char* role) const;
  struct Edge {
    std::size_t from, to;
    double cost;
  };
  std::vector<std::string> names_;
  std::vector<int> authority_;
  std::vector<Edge> edges_;
};

// An organisation file: CSV with the header type,unit,authority,to,cost; a `unit` row names
// a unit and its authority (an integer), a `path` row a transfer path from `unit` to `to`
// with a hand-over cost (default 1):
//   type,unit,authority,to,cost
//   unit,front desk,1,,
//   path,front desk,,complaints,1
// Errors are parse_error "FILE:LINE:COL: what" (an unknown unit in a path included).
Organisation read_organisation(const std::string& path);
Organisation read_organisation(std::istream& in, const std::string& name);

// How often the case came back to a unit it had been transferred or escalated away from
// (the department sequence A -> B -> A counts once). Reads the audit trail.
std::size_t ping_pong_count(const ComplaintCase& c);

// When a case is stuck and calls for the three changes (person, time, place: an escalation):
// it bounced back to a unit (ping-pong), it was handed over more than
// `policy.max_handovers` times, or a reply target is breached. Empty for a finished case
// or one that is not stuck; otherwise one reason per line of evidence, in that order.
std::vector<std::string> escalation_reasons(const ComplaintCase& c, const std::array<SlaClock, 3>& clocks,
                                            const CasePolicy& policy);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
