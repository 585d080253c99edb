#include "crmkit/complaint/routing.hpp"

#include <cmath>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"

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

bool Organisation::has_unit(const std::string& name) const noexcept {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

int Organisation::authority(const std::string& name) const { return authority_[index(name, "authority")]; }

bool Organisation::has_path(const std::string& from, const std::string& to) const noexcept {
  for (const Edge& e : edges_)
    if (names_[e.from] == from && names_[e.to] == to) return true;
  return false;
}

std::vector<Organisation::Unit> Organisation::unit_list() const {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < names_.size(); ++i) out.push_back({names_[i], authority_[i]});
  return out;
}

std::vector<Organisation::Path> Organisation::path_list() const {
  std::vector<Path> out;
  for (const Edge& e : edges_) out.push_back({names_[e.from], names_[e.to], e.cost});
  return out;
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

namespace {

Organisation read_organisation(io::CsvReader& reader) {
  const std::size_t type = reader.column("type"), unit = reader.column("unit"), authority = reader.column("authority"),
                    to = reader.column("to"), cost = reader.column("cost");
  Organisation org;
  while (reader.next()) {
    const std::string kind(reader.field(type));
    const std::string name(reader.field(unit));
    try {
      if (kind == "unit") {
        const double a = reader.number(authority);
        if (a != std::floor(a) || std::abs(a) > 1e9) reader.fail(authority, "authority must be an integer");
        org.unit(name, static_cast<int>(a));
      } else if (kind == "path") {
        org.path(name, std::string(reader.field(to)), reader.field(cost).empty() ? 1.0 : reader.number(cost));
      } else {
        reader.fail(type, "type is '" + kind + "'; expected unit or path");
      }
    } catch (const Error& e) {
      if (e.code() == ErrorCode::parse_error) throw;
      reader.fail(unit, e.what());
    }
  }
  if (org.units() == 0) throw Error(ErrorCode::parse_error, reader.name() + ": no unit rows");
  return org;
}

}  // namespace

Organisation read_organisation(const std::string& path) {
  io::CsvReader reader(path, io::CsvOptions::comma());
  return read_organisation(reader);
}

Organisation read_organisation(std::istream& in, const std::string& name) {
  io::CsvReader reader(in, name, io::CsvOptions::comma());
  return read_organisation(reader);
}

std::vector<std::string> escalation_reasons(const ComplaintCase& c, const std::array<SlaClock, 3>& clocks,
                                            const CasePolicy& policy) {
  std::vector<std::string> reasons;
  if (is_final(c.state)) return reasons;
  if (const std::size_t n = ping_pong_count(c); n > 0)
    reasons.push_back("it came back to a unit it had left " + std::to_string(n) + (n == 1 ? " time" : " times") +
                      " (ping-pong)");
  std::size_t handovers = 0;
  for (const AuditEntry& a : c.audit) handovers += a.event == CaseEvent::transfer || a.event == CaseEvent::escalate;
  if (handovers > static_cast<std::size_t>(std::max(policy.max_handovers, 0)))
    reasons.push_back(std::to_string(handovers) + " hand-overs (more than " + std::to_string(policy.max_handovers) + ")");
  for (const SlaClock& k : clocks)
    if (k.status == ClockStatus::breached) reasons.push_back(std::string(name_of(k.kind)) + " target breached");
  return reasons;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
