// C API over criterion weights (include/crmkit/decision/weights.hpp).
#include <memory>

#include "crmkit/decision/weights.hpp"
#include "convert.hpp"

using namespace crmkit::capi;
namespace decision = crmkit::decision;

static_assert(CRM_RANK_ORDER_CENTROID == static_cast<int>(decision::RankWeighting::rank_order_centroid),
              "crm_rank_weighting follows RankWeighting");

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(rank_weighting, decision::RankWeighting)

CRM_API int crm_direct_weights(const double* values, size_t criteria, double* out_weights) {
  return guarded([&] {
    require_pointer(out_weights, "out_weights");
    copy_if(decision::direct_weights(values, criteria), out_weights);
  });
}

CRM_API int crm_rank_weights(const double* ranks, size_t criteria, int method, double* out_weights) {
  return guarded([&] {
    require_pointer(out_weights, "out_weights");
    copy_if(decision::rank_weights(ranks, criteria,
                                   enum_arg<decision::RankWeighting>(method, "method")),
            out_weights);
  });
}

CRM_API int crm_entropy_weights(const double* matrix, size_t alternatives, size_t criteria,
                                double* out_weights) {
  return guarded([&] {
    require_pointer(out_weights, "out_weights");
    copy_if(decision::entropy_weights(matrix, alternatives, criteria), out_weights);
  });
}

CRM_API int crm_critic_weights(const double* matrix, size_t alternatives, size_t criteria,
                               const uint8_t* cost, double* out_weights) {
  return guarded([&] {
    require_pointer(out_weights, "out_weights");
    // Bytes from C as bools (std::vector<bool> has no data()).
    std::unique_ptr<bool[]> flags;
    if (cost != nullptr) {
      flags.reset(new bool[criteria]);
      for (size_t j = 0; j < criteria; ++j) flags[j] = cost[j] != 0;
    }
    copy_if(decision::critic_weights(matrix, alternatives, criteria, flags.get()), out_weights);
  });
}

}  // extern "C"
