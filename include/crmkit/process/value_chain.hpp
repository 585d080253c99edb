// Porter's value chain as a template: five primary activities (inbound logistics,
// operations, outbound logistics, marketing and sales, service) and four support activities
// (firm infrastructure, human resource management, technology development, procurement).
// Cost and value are attached to activities; the margin is value - cost, per activity and
// for the firm.
#pragma once

#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

enum class Activity {
  inbound_logistics,
  operations,
  outbound_logistics,
  marketing_and_sales,
  service,
  firm_infrastructure,
  human_resources,
  technology_development,
  procurement,
};
const NameTable& names(Activity);
inline constexpr std::size_t kActivities = 9;
bool is_primary(Activity activity);

// Cost and value attributed to one activity (several entries for one activity add up).
struct ActivityFigures {
  Activity activity = Activity::operations;
  double cost = 0;
  double value = 0;  // the part of what customers pay for that the activity creates
};

struct ActivityMargin {
  Activity activity = Activity::operations;
  bool primary = true;
  double cost = 0;
  double value = 0;
  double margin = 0;      // value - cost
  double cost_share = 0;  // of the firm's cost (0 when the firm has none)
};

struct ValueChain {
  std::vector<ActivityMargin> activities;  // all nine, in the template's order
  double cost = 0;
  double value = 0;
  double margin = 0;        // value - cost
  double margin_ratio = 0;  // margin / value (0 when there is no value)
};

// The template filled with `figures`. Throws invalid_argument naming the entry (its index
// and activity) for a negative or non-finite cost or value, or an activity out of range.
ValueChain value_chain(const std::vector<ActivityFigures>& figures);

}  // namespace process
}  // namespace v0
}  // namespace crmkit
