/*
 * crmkit/io.h — text input shared by the pillars: times as day numbers.
 */
#ifndef CRMKIT_IO_H
#define CRMKIT_IO_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif


/* Parses `text` with `format` into a day number (see the conventions above). Formats:
 * "iso" (YYYY-MM-DD[ HH:MM[:SS]]; NULL means "iso"), "days" (a plain number), or strftime-
 * like %Y %m %d %H %M %S with literal characters, e.g. "%Y%m%d". CRM_EPARSE on bad text,
 * CRM_EINVAL on a bad format or NULL text/out. */
CRM_API int crm_parse_time(const char *text, const char *format, double *out_days);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_IO_H */
