// Private to the decision pillar's C files: AHP options and results between C and the core
// (defined in capi/decision/ahp.cpp; group.cpp reuses them for AIJ and AIP).
#pragma once

#include "crmkit.h"
#include "crmkit/decision/ahp.hpp"

namespace crmkit {
inline namespace v0 {
namespace capi {

// NULL: the core's defaults.
decision::AhpOptions ahp_options(const crm_ahp_options* opts);
// Fills *result (NULL: nothing); throws BufferTooSmall before writing when the caller's
// judgment array is too small. The caller checks result->version first.
void ahp_result_to(const decision::AhpResult& r, crm_ahp_result* result);

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
