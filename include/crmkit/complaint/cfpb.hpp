// Replaying the US Consumer Financial Protection Bureau's public complaint export (the
// columns of data/complaints/cfpb_complaints_sample_2013.csv, recognised by their header)
// into a desk. Each row becomes one case "cfpb-<complaint_id>": an `open` event at
// date_received (00:00 UTC) with the channel (submitted_via: Web -> web, Phone -> phone,
// Email -> email, Postal mail, Fax and Referral -> letter; the original label is kept),
// category = issue, department = company. The export holds no later handling events, so
// none are invented; its other facts (product, company response, timeliness, dispute,
// the forwarding date) go into the desk's `imported_complaints` table, where analytics
// reads them.
//
// A row whose date_sent_to_company precedes date_received is flagged with its line number
// and left out of the forwarding-lag statistics; the date is never corrected, and the
// complaint is still a case. A row that cannot be read (bad date, unknown channel, empty or
// repeated complaint_id, Yes/No field with another value) is rejected with line and reason
// and nothing of it is stored. Importing again is idempotent: rows whose case exists are
// counted as already present and not submitted again.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "crmkit/complaint/desk.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

struct ImportNote {
  std::int64_t line = 0;  // in the file (the header is line 1)
  std::string case_id;    // empty when the row has no usable complaint_id
  std::string reason;
};

struct ImportResult {
  std::size_t rows = 0;             // data rows read
  std::size_t imported = 0;         // new cases
  std::size_t already_present = 0;  // cases the desk already had
  std::vector<ImportNote> flagged;  // imported, but left out of forwarding-lag statistics
  std::vector<ImportNote> rejected; // not imported
};

// The facts of one imported row, as analytics reads them back.
struct ImportedComplaint {
  std::string case_id;
  std::int64_t line = 0;
  std::string channel;   // submitted_via as written
  std::string product;
  std::string issue;
  std::string company;
  std::string response;  // company_response_to_consumer
  bool timely = false;
  bool disputed = false;
  Time received{};
  Time sent{};
  bool sent_before_received = false;
};

ImportResult import_cfpb(Desk& desk, const std::string& path);
ImportResult import_cfpb(Desk& desk, std::istream& in, const std::string& name);
// Every imported row's facts, by case id (empty for a desk without imports).
std::vector<ImportedComplaint> imported_complaints(const Desk& desk);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
