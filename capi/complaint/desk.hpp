// The C handle of a desk, shared by the desk and routing entry points (private to capi/).
#pragma once

#include <memory>

#include "guard.hpp"
#include "crmkit/complaint/desk.hpp"

struct crm_desk {
  std::unique_ptr<crmkit::complaint::Desk> desk;
};
