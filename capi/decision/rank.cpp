// C API over the ranking methods (include/crmkit/decision/rank.hpp).
#include <algorithm>

#include "crmkit/decision/rank.hpp"
#include "decision/matrix.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

namespace {

static_assert(CRM_RANK_PROMETHEE == static_cast<int>(decision::RankMethod::promethee), "methods");
static_assert(CRM_NORMALIZATION_MAX == static_cast<int>(decision::Normalization::max), "normalizations");
static_assert(CRM_PREFERENCE_GAUSSIAN == static_cast<int>(decision::PreferenceFunction::gaussian), "functions");
static_assert(CRM_COST == static_cast<int>(decision::Direction::cost), "directions");

}  // namespace

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(rank_method, decision::RankMethod)
CRMKIT_CAPI_ENUM_NAMES(normalization, decision::Normalization)
CRMKIT_CAPI_ENUM_NAMES(preference_function, decision::PreferenceFunction)
CRMKIT_CAPI_ENUM_NAMES(criterion_direction, decision::Direction)

CRM_API int crm_rank_options_init(crm_rank_options* opts, unsigned int version) {
  return init_struct(opts, version, CRM_RANK_OPTIONS_VERSION, "opts", default_rank_options);
}

CRM_API int crm_rank(const crm_decision_matrix* matrix, const double* weights,
                     const crm_rank_options* opts, crm_rank_result* result) {
  return guarded([&] {
    require_pointer(result, "result");
    require_version(result->version, CRM_RANK_RESULT_VERSION, "crm_rank_result");
    const decision::DecisionMatrix m = matrix_from(matrix);
    const decision::RankResult r =
        decision::rank(m, weights_from(weights, m.criteria), rank_options_from(opts, m.criteria));
    copy_if(r.scores, result->scores);
    copy_if(r.ranks, result->ranks);
    copy_if(r.order, result->order);
    copy_if(r.wsm, result->wsm);
    copy_if(r.wpm, result->wpm);
    copy_if(r.distance_best, result->distance_best);
    copy_if(r.distance_worst, result->distance_worst);
    copy_if(r.vikor_s, result->vikor_s);
    copy_if(r.vikor_r, result->vikor_r);
    copy_if(r.phi_plus, result->phi_plus);
    copy_if(r.phi_minus, result->phi_minus);
    if (result->compromise != nullptr && r.method == decision::RankMethod::vikor) {
      std::fill(result->compromise, result->compromise + m.alternatives, std::uint8_t{0});
      for (std::size_t i : r.compromise) result->compromise[i] = 1;
    }
    result->lower_is_better = r.lower_is_better;
    result->normalization = static_cast<int>(r.normalization);
    result->acceptable_advantage = r.acceptable_advantage;
    result->acceptable_stability = r.acceptable_stability;
  });
}

}  // extern "C"
