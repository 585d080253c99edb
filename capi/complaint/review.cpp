// C API over handler reviews (complaint/review.hpp): conversion only.
#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/review.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;

static_assert(CRM_STEP_SATISFY == static_cast<int>(complaint::HandlingStep::satisfy), "crm handling steps");
static_assert(CRM_TABOO_BLAMING_CUSTOMER == static_cast<int>(complaint::Taboo::blaming_customer), "crm taboos");

extern "C" {

CRMKIT_CAPI_ENUM_NAMES(handling_step, complaint::HandlingStep)
CRMKIT_CAPI_ENUM_NAMES(taboo, complaint::Taboo)

CRM_API int crm_desk_record_review(crm_desk* desk, const char* case_id, int64_t time, const char* reviewer,
                                   const int* steps, size_t step_count, const int* taboos, size_t taboo_count,
                                   const char* comment, double* score) {
  return guarded([&] {
    require_pointer(desk, "desk");
    require_pointer(case_id, "case_id");
    require_pointer(reviewer, "reviewer");
    require_pointer(steps, "steps");
    complaint::Review r;
    crmkit::require(step_count == r.steps.size(), "steps has " + std::to_string(step_count) + " scores; expected 6");
    if (taboo_count > 0) require_pointer(taboos, "taboos");
    r.case_id = case_id;
    r.time = time_of(time);
    r.reviewer = reviewer;
    for (std::size_t i = 0; i < step_count; ++i) r.steps[i] = steps[i];
    for (std::size_t i = 0; i < taboo_count; ++i) r.taboos.push_back(enum_arg<complaint::Taboo>(taboos[i], "taboos"));
    r.comment = text_of(comment);
    complaint::record_review(*desk->desk, r);
    if (score != nullptr) *score = complaint::quality_score(r);
  });
}

}  // extern "C"
