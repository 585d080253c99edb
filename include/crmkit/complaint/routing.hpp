// Escalation and routing: departments and roles as units with an authority level, transfer
// paths between them with a hand-over cost (Boost.Graph underneath, compiled in src/), the
// nearest unit with the authority a case needs, and ping-pong detection (a case bouncing
// back to a unit it was transferred away from: "another department's job").
#pragma once

#include <string>
#include <vector>

#include "crmkit/complaint/case.hpp"

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

// How often the case came back to a unit it had been transferred or escalated away from
// (the department sequence A -> B -> A counts once). Reads the audit trail.
std::size_t ping_pong_count(const ComplaintCase& c);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
