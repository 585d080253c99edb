// Umbrella include: the whole public C++ API of crmkit. Include single headers instead
// where compile time matters (io/archive.hpp brings in Boost.Serialization).
#pragma once

#include "crmkit/error.hpp"
#include "crmkit/version.h"

#include "crmkit/io/archive.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/svg.hpp"
#include "crmkit/io/time.hpp"
#include "crmkit/io/transaction_log.hpp"

#include "crmkit/value/clv/bg_bb.hpp"
#include "crmkit/value/clv/bg_nbd.hpp"
#include "crmkit/value/clv/common.hpp"
#include "crmkit/value/clv/evaluation.hpp"
#include "crmkit/value/clv/model.hpp"
#include "crmkit/value/concentration.hpp"
#include "crmkit/value/clv/gamma_gamma.hpp"
#include "crmkit/value/loyalty.hpp"
#include "crmkit/value/clv/mbg_nbd.hpp"
#include "crmkit/value/clv/pareto_nbd.hpp"
#include "crmkit/value/clv/partition.hpp"
#include "crmkit/value/ranking.hpp"
#include "crmkit/value/retention.hpp"
#include "crmkit/value/rfm.hpp"
#include "crmkit/value/status.hpp"
#include "crmkit/value/tiers.hpp"
#include "crmkit/value/summary.hpp"
