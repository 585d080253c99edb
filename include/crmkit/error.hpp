// The one error type of crmkit. Every public function validates its input at the
// boundary and throws crmkit::Error with a code and a message naming the field, row,
// column or state involved. The C API maps the codes to CRM_E* status values.
#pragma once

#include <stdexcept>
#include <string>

namespace crmkit {
inline namespace v0 {

enum class ErrorCode {
  invalid_argument = 1,  // a value outside its domain (NaN, negative time, wrong size...)
  parse_error,           // text input that does not follow its format
  not_converged,         // an iterative fit that did not reach its tolerance
  io_error,              // the operating system refused a read or write
  corrupt_data,          // a saved file or archive that fails its checks
  invalid_state,         // an operation the object's current state does not allow
  out_of_memory,         // an allocation failed or a size exceeds a safe limit
};

// `message` with control bytes other than newline and tab written as \xNN. Messages quote
// the user's values, and a NUL read from a hostile file would otherwise end the message
// early in every C string it is copied to (the C API, the CLI).
std::string printable_message(const std::string& message);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(printable_message(message)), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

// Throws Error(invalid_argument, message) unless `condition` holds. Keeps argument checks
// at the top of public functions to one line each. The message is built before the call,
// so hot paths with composed messages test first and throw themselves.
inline void require(bool condition, const std::string& message) {
  if (!condition) throw Error(ErrorCode::invalid_argument, message);
}
inline void require(bool condition, const char* message) {
  if (!condition) throw Error(ErrorCode::invalid_argument, message);
}

// require() whose message is built only on failure: for checks inside per-customer loops,
// where formatting a message for every customer would cost more than the work itself.
template <class MakeMessage>
inline void require_lazy(bool condition, MakeMessage&& make_message) {
  if (!condition) throw Error(ErrorCode::invalid_argument, make_message());
}

}  // namespace v0
}  // namespace crmkit
