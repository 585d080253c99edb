// What `crmkit segment` and `crmkit churn` share: the feature columns of a per-customer CSV
// (any CSV naming them) or of a summarised log, and core errors about "row N" restated as
// the file's line and the customer's id.
#pragma once

#include <string>
#include <vector>

#include "common/input.hpp"
#include "common/options.hpp"
#include "crmkit/value/features.hpp"

namespace crmkit_cli {

// Features a summarised log gives when --features is not set.
inline const std::vector<std::string> kLogFeatures = {"days_since_last", "purchases", "total_value"};

// Comma-separated names ("a,b,c"); UsageError naming `option` for an empty list or name.
std::vector<std::string> name_list(const std::string& text, const char* option);

// Customers with the `features` (and `extra`) columns from FILE: a CSV whose header names
// any of them, else a transaction log summarised as `crmkit summarize` does.
Customers read_feature_file(const std::string& path, const LogOptions& log,
                            const std::vector<std::string>& features,
                            const std::vector<std::string>& extra = {});

// The named columns as a feature table (errors name the file and the option).
crmkit::value::FeatureTable feature_table(const Customers& c, const std::vector<std::string>& features,
                                          const char* option);

// Runs `work`; a core error naming "row N" (1-based) comes out as FILE:LINE: customer ID.
crmkit::Error rows_in_user_terms(const crmkit::Error& e, const Customers& customers);
template <class Work>
auto for_feature_rows(const Customers& customers, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const crmkit::Error& e) {
    throw rows_in_user_terms(e, customers);
  }
}

// --scaling and --log1p, for both commands.
struct ScalingArgs {
  std::string scaling;
  std::string log1p;
  crmkit::value::ScalingOptions options() const;
};
void add_scaling_options(CLI::App& command, ScalingArgs& args);

}  // namespace crmkit_cli
