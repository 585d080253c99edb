// Porter's value chain template (include/crmkit/process/value_chain.hpp).
#include "crmkit/process/value_chain.hpp"

#include <cmath>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

const NameTable& names(Activity) {
  static constexpr const char* kNames[] = {
      "inbound-logistics",   "operations",      "outbound-logistics",     "marketing-and-sales",
      "service",             "firm-infrastructure", "human-resources", "technology-development",
      "procurement"};
  static constexpr NameTable table("value chain activity", kNames);
  return table;
}

bool is_primary(Activity activity) { return activity <= Activity::service; }

ValueChain value_chain(const std::vector<ActivityFigures>& figures) {
  ValueChain chain;
  for (std::size_t a = 0; a < kActivities; ++a) {
    const auto activity = static_cast<Activity>(a);
    chain.activities.push_back({activity, is_primary(activity)});
  }
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const ActivityFigures& f = figures[k];
    const std::string entry = "value chain entry " + std::to_string(k);
    const auto a = enum_from_int<Activity>(static_cast<long long>(f.activity), entry.c_str());
    const auto check = [&](double x, const char* what) {
      if (!std::isfinite(x) || x < 0)
        throw Error(ErrorCode::invalid_argument, entry + " (" + name_of(a) + "): " + what + " " +
                                                     std::to_string(x) + " is not a non-negative amount");
    };
    check(f.cost, "cost");
    check(f.value, "value");
    ActivityMargin& m = chain.activities[static_cast<std::size_t>(a)];
    m.cost += f.cost;
    m.value += f.value;
    chain.cost += f.cost;
    chain.value += f.value;
  }
  for (ActivityMargin& m : chain.activities) {
    m.margin = m.value - m.cost;
    m.cost_share = chain.cost > 0 ? m.cost / chain.cost : 0;
  }
  chain.margin = chain.value - chain.cost;
  chain.margin_ratio = chain.value > 0 ? chain.margin / chain.value : 0;
  return chain;
}

}  // namespace process
}  // namespace v0
}  // namespace crmkit
