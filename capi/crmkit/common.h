/** @file
 * crmkit/common.h — what every part of crmkit's C API shares: the export macro, status
 * codes, the last error message, and the version. Included by every pillar header; a host
 * includes <crmkit.h> (all of it) or a pillar header alone.
 */
#ifndef CRMKIT_COMMON_H
#define CRMKIT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "crmkit/version.h" /**< CRMKIT_VERSION_MAJOR/MINOR/PATCH/STRING/NUMBER (C macros) */

#if defined(CRMKIT_BUILDING_CAPI)
#define CRM_API __attribute__((visibility("default")))
#else
#define CRM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif


#define CRM_OK 0
#define CRM_EINVAL (-1)    /**< an argument is NULL, out of range, NaN, or sizes disagree */
#define CRM_EPARSE (-2)    /**< text input does not follow its format (message: file:line:col) */
#define CRM_ECONVERGE (-3) /**< an iterative fit did not converge */
#define CRM_EIO (-4)       /**< a file could not be read or written */
#define CRM_ECORRUPT (-5)  /**< a saved file or archive failed its checks */
#define CRM_ESTATE (-6)    /**< the object's state does not allow the operation */
#define CRM_EBUFS (-7)     /**< a caller buffer is too small; the size needed is reported */
#define CRM_ENOMEM (-8)    /**< out of memory, or a size beyond a safe limit */
#define CRM_ERROR (-9)     /**< anything else (a bug: please report the message) */

/** Static description of a status code ("invalid argument", ...); never NULL. */
CRM_API const char *crm_status_string(int status);

/** Message of the last failure on the calling thread ("" when the last call succeeded).
 * Thread-local, owned by the library, valid until the next crmkit call on this thread. */
CRM_API const char *crm_last_error(void);

/** Version of the loaded library, to compare with the CRMKIT_VERSION_* macros the host was
 * compiled with: crm_version_number() == CRMKIT_VERSION_NUMBER. */
CRM_API int crm_version_number(void);
/** The loaded library's version as text, "MAJOR.MINOR.PATCH" (CRMKIT_VERSION_STRING of its
 * build); a static string. Thread-safe. */
CRM_API const char *crm_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_COMMON_H */
