// The C desk handle and the conversions every C file over a desk needs (desk.cpp and the
// quality layer: analytics.cpp, cfpb.cpp, recovery.cpp, review.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "crmkit/complaint/desk.hpp"

struct crm_desk {
  std::unique_ptr<crmkit::complaint::Desk> desk;
};

namespace crmkit {
inline namespace v0 {
namespace capi {

inline complaint::Time time_of(std::int64_t seconds) { return complaint::Time(complaint::Seconds(seconds)); }
inline std::int64_t seconds_of(complaint::Time t) { return t.time_since_epoch().count(); }
inline std::string text_of(const char* p) { return p == nullptr ? std::string() : std::string(p); }

// A name as a field of tab-separated text: tab, newline and backslash written as \t, \n, \\.
inline std::string tsv_field(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
