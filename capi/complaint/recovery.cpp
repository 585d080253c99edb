// C API over service recovery and satisfaction on close (complaint/recovery.hpp): conversion only.
#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/recovery.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;

extern "C" {

CRM_API int crm_desk_record_recovery(crm_desk* desk, const crm_recovery* recovery) {
  return guarded([&] {
    require_pointer(desk, "desk");
    require_pointer(recovery, "recovery");
    require_version(recovery->version, CRM_RECOVERY_VERSION, "crm_recovery");
    complaint::Recovery r;
    r.case_id = text_of(recovery->case_id);
    r.time = time_of(recovery->time);
    r.actor = text_of(recovery->actor);
    r.apology = recovery->apology != 0;
    r.remedy = text_of(recovery->remedy);
    r.compensation_minor = recovery->compensation_minor;
    r.currency = text_of(recovery->currency);
    if (recovery->has_follow_up != 0) r.follow_up = time_of(recovery->follow_up);
    r.preventive = recovery->preventive != 0;
    r.timely = recovery->timely != 0;
    r.proactive = recovery->proactive != 0;
    r.feelings = recovery->feelings != 0;
    complaint::record_recovery(*desk->desk, r);
  });
}

CRM_API int crm_desk_submit_satisfaction(crm_desk* desk, const char* case_id, int64_t time, const char* respondent,
                                         double score, double scale_min, double scale_max, const char* comment) {
  return guarded([&] {
    require_pointer(desk, "desk");
    require_pointer(case_id, "case_id");
    require_pointer(respondent, "respondent");
    complaint::submit_satisfaction(*desk->desk,
                                   {case_id, time_of(time), respondent, score, scale_min, scale_max, text_of(comment)});
  });
}

}  // extern "C"
