// C API over the sensitivity analysis (include/crmkit/decision/sensitivity.hpp).
#include <cstdint>

#include "crmkit/decision/sensitivity.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

namespace {

static_assert(CRM_WEIGHTS_UNIFORM == static_cast<int>(decision::WeightDistribution::uniform), "distributions");

crm_sensitivity_options default_sensitivity_options() {
  const decision::SensitivityOptions d;
  crm_sensitivity_options c{};
  c.step = d.step;
  c.tolerance = d.tolerance;
  return c;
}

crm_monte_carlo_options default_monte_carlo_options() {
  const decision::MonteCarloOptions d;
  crm_monte_carlo_options c{};
  c.draws = d.draws;
  c.seed = static_cast<std::int64_t>(d.seed);
  c.distribution = static_cast<int>(d.distribution);
  c.concentration = d.concentration;
  return c;
}

// One problem as the core sees it (the matrix must outlive the calls that use it).
struct Problem {
  decision::DecisionMatrix matrix;
  std::vector<double> weights;
  decision::RankOptions options;
  Problem(const crm_decision_matrix* m, const double* w, const crm_rank_options* o)
      : matrix(matrix_from(m)), weights(weights_from(w, matrix.criteria)),
        options(rank_options_from(o, matrix.criteria)) {}
};

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(weight_distribution, decision::WeightDistribution)

CRM_API int crm_sensitivity_options_init(crm_sensitivity_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_SENSITIVITY_OPTIONS_VERSION, "opts", default_sensitivity_options);
}

CRM_API int crm_monte_carlo_options_init(crm_monte_carlo_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_MONTE_CARLO_OPTIONS_VERSION, "opts", default_monte_carlo_options);
}

CRM_API int crm_weight_sensitivity(const crm_decision_matrix* matrix, const double* weights,
                                   const crm_rank_options* rank_opts, const crm_sensitivity_options* opts,
                                   crm_weight_sensitivity_result* result) {
  return guarded([&] {
    require_pointer(result, "result");
    require_version(result->version, CRM_WEIGHT_SENSITIVITY_RESULT_VERSION, "crm_weight_sensitivity_result");
    const Problem p(matrix, weights, rank_opts);
    decision::SensitivityOptions o;
    if (opts != nullptr) {
      require_version(opts->version, CRM_SENSITIVITY_OPTIONS_VERSION, "crm_sensitivity_options");
      o.step = opts->step;
      o.tolerance = opts->tolerance;
    }
    const decision::WeightSensitivity s = decision::weight_sensitivity(p.matrix, p.weights, p.options, o);
    for (std::size_t j = 0; j < s.criteria.size(); ++j) {
      const decision::WeightInterval& iv = s.criteria[j];
      if (result->top_low) result->top_low[j] = iv.top_low;
      if (result->top_high) result->top_high[j] = iv.top_high;
      if (result->ranking_low) result->ranking_low[j] = iv.ranking_low;
      if (result->ranking_high) result->ranking_high[j] = iv.ranking_high;
    }
    result->exact = s.exact;
    result->has_flip = s.has_flip;
    result->flip_criterion = s.flip_criterion;
    result->flip_weight = s.flip_weight;
    result->flip_change = s.flip_change;
    result->flip_winner = s.flip_winner;
  });
}

CRM_API int crm_rank_acceptability(const crm_decision_matrix* matrix, const double* weights,
                                   const crm_rank_options* rank_opts, const crm_monte_carlo_options* opts,
                                   double* out_acceptability, double* out_central_weights) {
  return guarded([&] {
    require_pointer(out_acceptability, "out_acceptability");
    const Problem p(matrix, weights, rank_opts);
    decision::MonteCarloOptions o;
    if (opts != nullptr) {
      require_version(opts->version, CRM_MONTE_CARLO_OPTIONS_VERSION, "crm_monte_carlo_options");
      o.draws = opts->draws;
      o.seed = static_cast<std::uint64_t>(opts->seed);
      o.distribution = enum_arg<decision::WeightDistribution>(opts->distribution, "opts->distribution");
      o.concentration = opts->concentration;
    }
    const decision::RankAcceptability a = decision::rank_acceptability(p.matrix, p.weights, p.options, o);
    copy_if(a.acceptability, out_acceptability);
    copy_if(a.central_weights, out_central_weights);
  });
}

CRM_API int crm_rank_reversal_on_removal(const crm_decision_matrix* matrix, const double* weights,
                                         const crm_rank_options* rank_opts, uint8_t* out_winner_changed,
                                         size_t* out_reversed_pairs) {
  return guarded([&] {
    require_pointer(out_winner_changed, "out_winner_changed");
    const Problem p(matrix, weights, rank_opts);
    const std::vector<decision::RankReversal> r =
        decision::rank_reversal_on_removal(p.matrix, p.weights, p.options);
    for (std::size_t i = 0; i < r.size(); ++i) {
      out_winner_changed[i] = r[i].winner_changed;
      if (out_reversed_pairs) out_reversed_pairs[i] = r[i].reversed.size();
    }
  });
}

CRM_API int crm_rank_reversal_on_addition(const crm_decision_matrix* matrix, const double* weights,
                                          const double* row, const char* name,
                                          const crm_rank_options* rank_opts, int* out_winner_changed,
                                          size_t* pairs, size_t pair_capacity, size_t* out_pair_count) {
  return guarded([&] {
    require_pointer(out_winner_changed, "out_winner_changed");
    require_pointer(out_pair_count, "out_pair_count");
    const Problem p(matrix, weights, rank_opts);
    require_pointer(row, "row");
    const decision::RankReversal r = decision::rank_reversal_on_addition(
        p.matrix, p.weights, std::vector<double>(row, row + p.matrix.criteria), name ? name : "", p.options);
    *out_winner_changed = r.winner_changed;
    *out_pair_count = r.reversed.size();
    if (r.reversed.size() > pair_capacity) throw BufferTooSmall(r.reversed.size(), pair_capacity);
    if (!r.reversed.empty()) require_pointer(pairs, "pairs");
    for (std::size_t k = 0; k < r.reversed.size(); ++k) {
      pairs[2 * k] = r.reversed[k].first;
      pairs[2 * k + 1] = r.reversed[k].second;
    }
  });
}

}  // extern "C"
