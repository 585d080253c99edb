/* Version of crmkit: the single source of the version numbers. CMakeLists.txt reads them
 * from here, and the C header crmkit.h includes this file, so it is kept C-compatible
 * (macros only) although the C++ core names its headers .hpp. */
#ifndef CRMKIT_VERSION_HPP
#define CRMKIT_VERSION_HPP

#define CRMKIT_VERSION_MAJOR 0
#define CRMKIT_VERSION_MINOR 1
#define CRMKIT_VERSION_PATCH 0
#define CRMKIT_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for compile-time comparisons. */
#define CRMKIT_VERSION_NUMBER \
  (CRMKIT_VERSION_MAJOR * 10000 + CRMKIT_VERSION_MINOR * 100 + CRMKIT_VERSION_PATCH)

#endif
