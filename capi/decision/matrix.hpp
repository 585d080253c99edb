// Private to the decision pillar's C files: the C decision matrix and ranking options as
// core types. Conversion only; the core validates every value and names the bad one. The
// generic helpers (copy_if, require_capacity) are in capi/convert.hpp.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "crmkit/decision/rank.hpp"
#include "guard.hpp"
#include "convert.hpp"  // capi/convert.hpp

namespace crmkit {
inline namespace v0 {
namespace capi {

// Sizes are bounded before any pointer arithmetic, so a garbage count is an invalid
// argument, not a read past the caller's arrays.
inline void require_size(std::size_t count, std::size_t limit, const char* name) {
  if (count > limit)
    throw Error(ErrorCode::invalid_argument, std::string(name) + " is " + std::to_string(count) +
                                                 "; at most " + std::to_string(limit));
}

inline decision::DecisionMatrix matrix_from(const crm_decision_matrix* m) {
  require_pointer(m, "matrix");
  require_version(m->version, CRM_DECISION_MATRIX_VERSION, "crm_decision_matrix");
  require_size(m->criteria, std::size_t{1} << 20, "matrix->criteria");
  require_size(m->alternatives, std::numeric_limits<std::uint32_t>::max(), "matrix->alternatives");
  require_size(m->alternatives * m->criteria, std::size_t{1} << 31, "matrix->alternatives x matrix->criteria");
  decision::DecisionMatrix out;
  out.alternatives = m->alternatives;
  out.criteria = m->criteria;
  const std::size_t cells = m->alternatives * m->criteria;
  if (cells > 0) require_pointer(m->values, "matrix->values");
  out.values.assign(m->values, m->values + cells);
  if (m->directions != nullptr) {
    // Copied byte by byte: the core checks each code and names its criterion.
    for (std::size_t j = 0; j < m->criteria; ++j)
      out.directions.push_back(static_cast<decision::Direction>(m->directions[j]));
  }
  out.alternative_names = strings_from(m->alternative_names, m->alternatives, "matrix->alternative_names");
  out.criterion_names = strings_from(m->criterion_names, m->criteria, "matrix->criterion_names");
  return out;
}

inline std::vector<double> weights_from(const double* weights, std::size_t criteria) {
  require_pointer(weights, "weights");
  return std::vector<double>(weights, weights + criteria);
}

inline crm_rank_options default_rank_options() {
  const decision::RankOptions d;
  crm_rank_options c{};
  c.method = static_cast<int>(d.method);
  c.normalization = static_cast<int>(d.normalization);
  c.waspas_lambda = d.waspas_lambda;
  c.vikor_v = d.vikor_v;
  return c;
}

inline decision::RankOptions rank_options_from(const crm_rank_options* opts, std::size_t criteria) {
  decision::RankOptions o;
  if (opts == nullptr) return o;
  require_version(opts->version, CRM_RANK_OPTIONS_VERSION, "crm_rank_options");
  o.method = enum_arg<decision::RankMethod>(opts->method, "opts->method");
  o.normalization = enum_arg<decision::Normalization>(opts->normalization, "opts->normalization");
  o.waspas_lambda = opts->waspas_lambda;
  o.vikor_v = opts->vikor_v;
  if (opts->preference_functions == nullptr && opts->q == nullptr && opts->p == nullptr && opts->s == nullptr)
    return o;
  o.preferences.resize(criteria);
  for (std::size_t j = 0; j < criteria; ++j) {
    decision::PreferenceCriterion& c = o.preferences[j];
    if (opts->preference_functions)
      c.function = static_cast<decision::PreferenceFunction>(opts->preference_functions[j]);
    if (opts->q) c.q = opts->q[j];
    if (opts->p) c.p = opts->p[j];
    if (opts->s) c.s = opts->s[j];
  }
  return o;
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
