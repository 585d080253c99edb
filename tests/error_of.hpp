// Test helper shared by every pillar: the message of the crmkit::Error a call throws.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "crmkit/error.hpp"

namespace crmkit_test {

// Fails the test when `f` throws nothing (or something other than crmkit::Error).
inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const crmkit::Error& e) {
    return e.what();
  }
  FAIL("no crmkit::Error thrown");
  return {};
}

}  // namespace crmkit_test
