// Case events from a CSV file: the header time,case_id,event,actor plus the optional
// channel,customer,category,priority,department,note,follows,changes (in any order;
// changes as "person+time+place"). A malformed field is a
// parse_error "FILE:LINE:COL: what" and nothing of the file is returned, so a damaged file
// never applies half-read.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "crmkit/complaint/case.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

struct EventLine {
  std::int64_t line = 0;  // 1-based line of the record in the file
  CaseEventRecord event;
};

std::vector<EventLine> read_case_events(const std::string& path);
std::vector<EventLine> read_case_events(std::istream& in, const std::string& name);

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
