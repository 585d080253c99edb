/* Version of crmkit: the single source of the version numbers. CMakeLists.txt reads them
 * from here; the C header crmkit/common.h and the C++ core both include it, so it is C
 * (macros only). */
#ifndef CRMKIT_VERSION_H
#define CRMKIT_VERSION_H

#define CRMKIT_VERSION_MAJOR 0
#define CRMKIT_VERSION_MINOR 2
#define CRMKIT_VERSION_PATCH 0
#define CRMKIT_VERSION_STRING "0.2.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for compile-time comparisons. */
#define CRMKIT_VERSION_NUMBER \
  (CRMKIT_VERSION_MAJOR * 10000 + CRMKIT_VERSION_MINOR * 100 + CRMKIT_VERSION_PATCH)

#endif
