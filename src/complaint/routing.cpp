#include "crmkit/complaint/routing.hpp"

#include <cmath>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

Organisation& Organisation::unit(const std::string& name, int authority) {
  require(!name.empty(), "unit name is empty");
  for (const std::string& n : names_)
    require_lazy(n != name, [&] { return "unit '" + name + "' is defined twice"; });
  names_.push_back(name);
  authority_.push_back(authority);
  return *this;
}

Organisation& Organisation::path(const std::string& from, const std::string& to, double handover_cost) {
  require_lazy(std::isfinite(handover_cost) && handover_cost >= 0, [&] {
    return "hand-over cost from '" + from + "' to '" + to + "' must be finite and >= 0";
  });
  edges_.push_back({index(from, "path start"), index(to, "path end"), handover_cost});
  return *this;
}

std::size_t Organisation::index(const std::string& name, const char* role) const {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return i;
  throw Error(ErrorCode::invalid_argument, std::string(role) + ": unknown unit '" + name + "'");
}

Route Organisation::nearest_with_authority(const std::string& from, int authority) const {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  const std::size_t start = index(from, "route start");
  Graph g(names_.size());
  for (const Edge& e : edges_) boost::add_edge(e.from, e.to, e.cost, g);
  std::vector<double> distance(names_.size());
  std::vector<std::size_t> predecessor(names_.size());
  boost::dijkstra_shortest_paths(g, start,
                                 boost::predecessor_map(predecessor.data()).distance_map(distance.data()));
  const auto hops = [&](std::size_t v) {
    std::size_t n = 0;
    for (; v != start; v = predecessor[v]) ++n;
    return n;
  };
  std::size_t best = names_.size();
  for (std::size_t v = 0; v < names_.size(); ++v) {
    if (authority_[v] < authority || distance[v] == std::numeric_limits<double>::max()) continue;
    if (best == names_.size() ||
        std::make_tuple(distance[v], hops(v), names_[v]) < std::make_tuple(distance[best], hops(best), names_[best]))
      best = v;
  }
  if (best == names_.size())
    throw Error(ErrorCode::invalid_state, "no unit reachable from '" + from + "' has authority " +
                                              std::to_string(authority));
  Route route{names_[best], distance[best], {}};
  for (std::size_t v = best;; v = predecessor[v]) {
    route.path.insert(route.path.begin(), names_[v]);
    if (v == start) break;
  }
  return route;
}

std::size_t ping_pong_count(const ComplaintCase& c) {
  std::vector<std::string> units;
  for (const AuditEntry& a : c.audit)
    if (a.event == CaseEvent::open || a.event == CaseEvent::transfer || a.event == CaseEvent::escalate)
      if (units.empty() || units.back() != a.department) units.push_back(a.department);
  std::size_t count = 0;
  for (std::size_t i = 2; i < units.size(); ++i)
    if (units[i] == units[i - 2]) ++count;
  return count;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
