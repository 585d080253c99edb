// Private to the quality pillar's C files: the instrument handle and the conversions every
// quality entry point shares (answer matrices, the missing-answer options).
#pragma once

#include <cstdint>
#include <string>

#include "convert.hpp"
#include "crmkit/quality/instrument.hpp"

struct crm_instrument {
  crmkit::quality::Instrument instrument;
};

namespace crmkit {
inline namespace v0 {
namespace capi {

inline const quality::Instrument& instrument_of(const crm_instrument* instrument) {
  require_pointer(instrument, "instrument");
  return instrument->instrument;
}

// A caller's respondents x items matrix as a view. The size is bounded before any pointer
// arithmetic: a garbage respondent count is an invalid argument, not a read past memory.
inline quality::Answers answers_from(const double* data, std::size_t respondents,
                                     const quality::Instrument& instrument, const char* name) {
  const std::size_t items = instrument.item_count();
  if (items > 0 && respondents > PTRDIFF_MAX / sizeof(double) / items)
    throw Error(ErrorCode::invalid_argument,
                std::string(name) + ": " + std::to_string(respondents) +
                    " respondents x " + std::to_string(items) + " items cannot be in memory");
  if (respondents > 0) require_pointer(data, name);
  return {data, respondents, items};
}

inline quality::MissingOptions missing_from(int policy, std::size_t min_answered) {
  return {enum_arg<quality::MissingPolicy>(policy, "opts->missing"), min_answered};
}

}  // namespace capi
}  // namespace v0
}  // namespace crmkit
