/** @file
 * crmkit.h — the C API of crmkit, the one header a C host (ERP, POS) needs: an umbrella over
 * crmkit/common.h (status codes, errors, version) and one header per pillar.
 *
 * Conventions (the same for every function):
 *  - Every function returns int status: CRM_OK (0) or a negative CRM_E* code; the message of
 *    the last failure on the calling thread is crm_last_error() (owned by the library, valid
 *    until the next crmkit call on that thread, never NULL).
 *  - Objects are typed opaque handles made by `crm_<type>_create`/`crm_<verb>` into an out
 *    parameter (the first argument) and released by `crm_<type>_free`, which accepts NULL.
 *    On failure the out parameter is set to NULL.
 *  - Bulk data is passed as pointer + length; results go into caller-allocated arrays. When
 *    a result does not fit, CRM_EBUFS is returned and the size needed is reported. The host
 *    never free()s library memory.
 *  - Option structs start with a `version` field; initialise them with their _INIT macro so
 *    new fields can be added without breaking callers. A NULL options pointer means defaults.
 *  - Thread safety: separate handles may be used from different threads at the same time;
 *    one handle must be used by one thread at a time. Functions without a handle are
 *    thread-safe.
 *  - Times are day numbers: days since 1970-01-01 00:00 UTC, the time of day as a fraction
 *    (crm_parse_time makes them from text). Amounts are non-negative money in any currency.
 */
#ifndef CRMKIT_H
#define CRMKIT_H

#include "crmkit/common.h" /**< IWYU pragma: export */
#include "crmkit/io.h"     /**< IWYU pragma: export */
#include "crmkit/value.h"  /**< IWYU pragma: export */
#include "crmkit/decision.h" /**< IWYU pragma: export */
#include "crmkit/contact.h" /**< IWYU pragma: export */
#include "crmkit/quality.h" /**< IWYU pragma: export */
#include "crmkit/process.h" /**< IWYU pragma: export */
#include "crmkit/complaint.h" /**< IWYU pragma: export */

#endif /**< CRMKIT_H */
