// C names of the missing-answer policy (include/crmkit/quality/instrument.hpp).
#include "crmkit/quality/instrument.hpp"
#include "guard.hpp"

static_assert(CRM_MISSING_DIMENSION_MEAN ==
                  static_cast<int>(crmkit::quality::MissingPolicy::dimension_mean),
              "missing policies");

extern "C" {
CRMKIT_CAPI_ENUM_NAMES(missing_policy, crmkit::quality::MissingPolicy)
}
