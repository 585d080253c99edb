// C API over the CFPB import (complaint/cfpb.hpp): conversion only.
#include "complaint/desk_handle.hpp"
#include "convert.hpp"
#include "crmkit/complaint/cfpb.hpp"

using namespace crmkit::capi;
namespace complaint = crmkit::complaint;

extern "C" {

CRM_API int crm_desk_import_cfpb(crm_desk* desk, const char* path, crm_import_result* out, char* notes,
                                 size_t notes_len, size_t* notes_out_len) {
  return guarded([&] {
    require_pointer(desk, "desk");
    require_pointer(path, "path");
    require_pointer(out, "out");
    require_version(out->version, CRM_IMPORT_RESULT_VERSION, "crm_import_result");
    const complaint::ImportResult r = complaint::import_cfpb(*desk->desk, path);
    out->rows = r.rows;
    out->imported = r.imported;
    out->already_present = r.already_present;
    out->flagged = r.flagged.size();
    out->rejected = r.rejected.size();
    if (notes_out_len == nullptr && notes == nullptr) return;
    std::string text;
    for (const auto* list : {&r.flagged, &r.rejected})
      for (const complaint::ImportNote& n : *list)
        text += std::string(list == &r.flagged ? "flagged" : "rejected") + "\t" + std::to_string(n.line) + "\t" +
                tsv_field(n.case_id) + "\t" + tsv_field(n.reason) + "\n";
    copy_text(text, notes, notes_len, notes_out_len);
  });
}

}  // extern "C"
