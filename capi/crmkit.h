/*
 * crmkit.h — the C API of crmkit, the one header a C host (ERP, POS) needs.
 *
 * Conventions (the same for every function):
 *  - Every function returns int status: CRM_OK (0) or a negative CRM_E* code; the message of
 *    the last failure on the calling thread is crm_last_error() (owned by the library, valid
 *    until the next crmkit call on that thread, never NULL).
 *  - Objects are typed opaque handles made by crm_<type>_create/crm_<verb> into an out
 *    parameter (the first argument) and released by crm_<type>_free, which accepts NULL.
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

#include <stddef.h>
#include <stdint.h>

#include "crmkit/version.hpp" /* CRMKIT_VERSION_MAJOR/MINOR/PATCH/STRING/NUMBER */

#if defined(CRMKIT_BUILDING_CAPI)
#define CRM_API __attribute__((visibility("default")))
#else
#define CRM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status, errors, version ---------------------------------------------------------- */

#define CRM_OK 0
#define CRM_EINVAL (-1)    /* an argument is NULL, out of range, NaN, or sizes disagree */
#define CRM_EPARSE (-2)    /* text input does not follow its format (message: file:line:col) */
#define CRM_ECONVERGE (-3) /* an iterative fit did not converge */
#define CRM_EIO (-4)       /* a file could not be read or written */
#define CRM_ECORRUPT (-5)  /* a saved file or archive failed its checks */
#define CRM_ESTATE (-6)    /* the object's state does not allow the operation */
#define CRM_EBUFS (-7)     /* a caller buffer is too small; the size needed is reported */
#define CRM_ENOMEM (-8)    /* out of memory, or a size beyond a safe limit */
#define CRM_ERROR (-9)     /* anything else (a bug: please report the message) */

/* Static description of a status code ("invalid argument", ...); never NULL. */
CRM_API const char *crm_status_string(int status);

/* Message of the last failure on the calling thread ("" when the last call succeeded).
 * Thread-local, owned by the library, valid until the next crmkit call on this thread. */
CRM_API const char *crm_last_error(void);

/* Version of the loaded library, to compare with the CRMKIT_VERSION_* macros the host was
 * compiled with: crm_version_number() == CRMKIT_VERSION_NUMBER. */
CRM_API int crm_version_number(void);
CRM_API const char *crm_version_string(void);

/* ---- time ------------------------------------------------------------------------------- */

/* Parses `text` with `format` into a day number (see the conventions above). Formats:
 * "iso" (YYYY-MM-DD[ HH:MM[:SS]]; NULL means "iso"), "days" (a plain number), or strftime-
 * like %Y %m %d %H %M %S with literal characters, e.g. "%Y%m%d". CRM_EPARSE on bad text,
 * CRM_EINVAL on a bad format or NULL text/out. */
CRM_API int crm_parse_time(const char *text, const char *format, double *out_days);

/* ---- customer summaries (transaction log -> per-customer x, t_x, T, spend) -------------- */

typedef enum crm_time_unit {
  CRM_UNIT_DAY = 0,
  CRM_UNIT_WEEK = 1,
  CRM_UNIT_MONTH = 2 /* 4.345 weeks, the CLV convention */
} crm_time_unit;

typedef struct crm_summary_options {
  unsigned int version;   /* CRM_SUMMARY_OPTIONS_VERSION */
  int unit;               /* crm_time_unit of recency, T and frequency periods */
  int merge_same_day;     /* 1: one customer's sales on one day are one transaction */
  int has_end;            /* 1: `end` is the (calibration) observation end */
  double end;             /* day number; without it, the latest sale */
  int has_holdout_end;    /* 1: sales in (end, holdout_end] are the holdout period */
  double holdout_end;     /* day number */
  int drop_late;          /* 1: sales after the last end are dropped (counted) instead of
                             rejected with CRM_EINVAL */
} crm_summary_options;

#define CRM_SUMMARY_OPTIONS_VERSION 1
#define CRM_SUMMARY_OPTIONS_INIT \
  { CRM_SUMMARY_OPTIONS_VERSION, CRM_UNIT_WEEK, 0, 0, 0.0, 0, 0.0, 0 }

/* A computed table of customer summaries (immutable). */
typedef struct crm_summary crm_summary;

/* Summarises n sales given as columns (customer id, time in days, amount >= 0), in any
 * order. Errors: CRM_EINVAL naming the sale index (NaN, negative amount, time after the
 * end, NULL array with n > 0). n = 0 gives an empty table. */
CRM_API int crm_summarize(crm_summary **out, const int64_t *customers, const double *times,
                          const double *amounts, size_t n, const crm_summary_options *opts);

typedef struct crm_csv_options {
  unsigned int version;        /* CRM_CSV_OPTIONS_VERSION */
  char delimiter;              /* ',' ';' '\t' ..., ' ' = runs of blanks, 0 = detect */
  int has_header;              /* 1: first line names the columns */
  const char *customer_column; /* name, or 1-based number without a header */
  const char *time_column;
  const char *amount_column;   /* NULL: no amounts (spend is 0) */
  const char *time_format;     /* see crm_parse_time; NULL = "iso" */
} crm_csv_options;

#define CRM_CSV_OPTIONS_VERSION 1
#define CRM_CSV_OPTIONS_INIT \
  { CRM_CSV_OPTIONS_VERSION, 0, 1, "customer_id", "date", "amount", "iso" }

/* Summarises a transaction log file in one streaming pass (memory grows with customers,
 * not rows). Customer keys are kept as text: see crm_summary_key. CRM_EIO if the file
 * cannot be read, CRM_EPARSE with "file:line:col: what" for bad content. */
CRM_API int crm_summarize_csv(crm_summary **out, const char *path, const crm_csv_options *csv,
                              const crm_summary_options *opts);

CRM_API void crm_summary_free(crm_summary *summary);

/* Number of customers in the table. */
CRM_API int crm_summary_count(const crm_summary *summary, size_t *out_count);

/* Destination arrays for crm_summary_get; any pointer may be NULL to skip that column. */
typedef struct crm_summary_columns {
  unsigned int version;        /* CRM_SUMMARY_COLUMNS_VERSION */
  int64_t *customer_id;        /* caller's id (crm_summarize/ledger) or 0-based key index (csv) */
  double *first;               /* day number of the first purchase */
  double *last;                /* day number of the last calibration purchase */
  int64_t *purchases;          /* calibration transactions */
  double *frequency;           /* x = purchases - 1 */
  double *recency;             /* t_x = last - first, in units */
  double *T;                   /* end - first, in units */
  double *total_value;         /* spend of all calibration transactions */
  double *monetary_value;      /* mean spend of repeat transactions (0 when x = 0) */
  double *holdout_frequency;   /* transactions in the holdout period */
  double *holdout_value;       /* their total spend */
} crm_summary_columns;

#define CRM_SUMMARY_COLUMNS_VERSION 1
#define CRM_SUMMARY_COLUMNS_INIT \
  { CRM_SUMMARY_COLUMNS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* Copies the table into the given arrays, each of length `capacity`. CRM_EBUFS (nothing
 * written) when capacity < crm_summary_count. */
CRM_API int crm_summary_get(const crm_summary *summary, const crm_summary_columns *columns,
                            size_t capacity);

typedef struct crm_summary_info {
  unsigned int version;          /* CRM_SUMMARY_INFO_VERSION, set by the caller */
  double end;                    /* observation end used (day number) */
  double holdout_end;            /* NaN without a holdout */
  int unit;                      /* crm_time_unit */
  int64_t sales;                 /* sales accepted, before merging */
  int64_t merged_sales;          /* sales folded into an earlier same-day sale */
  int64_t dropped_sales;         /* sales after the end, dropped */
  int64_t holdout_only_customers;/* first seen in the holdout, so not in the table */
} crm_summary_info;

#define CRM_SUMMARY_INFO_VERSION 1
#define CRM_SUMMARY_INFO_INIT { CRM_SUMMARY_INFO_VERSION, 0.0, 0.0, 0, 0, 0, 0, 0 }

CRM_API int crm_summary_get_info(const crm_summary *summary, crm_summary_info *info);

/* The customer key of row i as text, NUL-terminated: the text id for a csv summary, the
 * decimal id otherwise. *out_len receives the length without the NUL; CRM_EBUFS when
 * buf_len <= that length (buf may be NULL to ask for the length). */
CRM_API int crm_summary_key(const crm_summary *summary, size_t i, char *buf, size_t buf_len,
                            size_t *out_len);

/* A running summary fed one sale at a time (at the till): O(1) work per sale. */
typedef struct crm_ledger crm_ledger;

CRM_API int crm_ledger_create(crm_ledger **out, const crm_summary_options *opts);
CRM_API void crm_ledger_free(crm_ledger *ledger);

/* Records one sale; on error nothing is recorded. With merge_same_day a customer's sales
 * must come in time order, except on the customer's first or latest day (CRM_EINVAL). */
CRM_API int crm_ledger_add_sale(crm_ledger *ledger, int64_t customer, double time,
                                double amount);

/* Records n sales in order, stopping at the first bad one; *out_added (may be NULL)
 * receives how many were recorded before it. */
CRM_API int crm_ledger_add_sales(crm_ledger *ledger, const int64_t *customers,
                                 const double *times, const double *amounts, size_t n,
                                 size_t *out_added);

/* Number of distinct customers seen. */
CRM_API int crm_ledger_count(const crm_ledger *ledger, size_t *out_count);

/* The summary as of now (a new table; the ledger goes on accepting sales). */
CRM_API int crm_ledger_summary(const crm_ledger *ledger, crm_summary **out);

/* Cumulative repeat transactions at the end of periods 1..periods counted in `unit` from
 * `origin` (day number), written to out[0..periods-1]: the tracking curve of CLV models. */
CRM_API int crm_cumulative_repeat_transactions(const int64_t *customers, const double *times,
                                               size_t n, double origin, int unit,
                                               int merge_same_day, int64_t *out,
                                               size_t periods);

/* ---- customer lifetime value ------------------------------------------------------------
 * BG/NBD, Pareto/NBD, MBG/NBD, BG/BB purchase models and the Gamma-Gamma spend model,
 * fitted by maximum likelihood (include/crmkit/value/). One handle type for all five: they
 * share fitting, parameters, diagnostics and files, and a host often picks the model at run
 * time (from a saved file); a call the model does not support (p_alive on Gamma-Gamma,
 * probability of n purchases on Pareto/NBD) fails with CRM_EINVAL naming the model.
 *
 * Customers are columns of length n: frequency x (repeat purchases), recency t_x (time of
 * the last repeat purchase after the first purchase), T (time since the first purchase) --
 * for BG/BB, recency and T are opportunity counts (T = periods). Time is in the unit of the
 * caller's data (weeks for CDNOW); horizons and rates are in that unit. Each row is
 * validated and the message names the 0-based row. A handle is used by one thread at a time;
 * predictions do not change it. */

typedef enum crm_clv_kind {
  CRM_CLV_BG_NBD = 0,     /* Fader, Hardie & Lee 2005: r, alpha, a, b */
  CRM_CLV_PARETO_NBD = 1, /* Schmittlein, Morrison & Colombo 1987: r, alpha, s, beta */
  CRM_CLV_MBG_NBD = 2,    /* Batislam, Denizel & Filiztekin 2007: r, alpha, a, b */
  CRM_CLV_BG_BB = 3,      /* Fader, Hardie & Shang 2010: alpha, beta, gamma, delta */
  CRM_CLV_GAMMA_GAMMA = 4 /* spend per transaction, Fader, Hardie & Lee 2005: p, q, gamma */
} crm_clv_kind;

/* crm_clv_load / crm_clv_from_buffer: accept a file of any model kind. */
#define CRM_CLV_ANY (-1)

typedef struct crm_clv_model crm_clv_model;

typedef struct crm_clv_fit_options {
  unsigned int version;    /* CRM_CLV_FIT_OPTIONS_VERSION */
  int starts;              /* starting points, >= 1 */
  double tolerance;        /* max |gradient| of the mean log-likelihood on log-parameters */
  int max_iterations;      /* BFGS iterations per start, >= 1 */
  double penalty;          /* L2 penalty on the parameters (0 = plain maximum likelihood) */
  int require_convergence; /* 1: CRM_ECONVERGE when no start converges; 0: return the best
                              result with crm_clv_fit_info.converged = 0 */
} crm_clv_fit_options;

#define CRM_CLV_FIT_OPTIONS_VERSION 1
#define CRM_CLV_FIT_OPTIONS_INIT { CRM_CLV_FIT_OPTIONS_VERSION, 3, 1e-8, 500, 0.0, 1 }

/* Fits purchase model `kind` (not CRM_CLV_GAMMA_GAMMA) on n customers; weights (may be NULL)
 * are customers per row (>= 0). The kind is an argument, not an option, because it has no
 * default. Errors: CRM_EINVAL for bad rows (named), an empty table, or no repeat purchase at
 * all (not identifiable); CRM_ECONVERGE when the fit does not converge and
 * opts->require_convergence. *out is NULL on failure; free it with crm_clv_free. */
CRM_API int crm_clv_fit(crm_clv_model **out, int kind, const double *frequency,
                        const double *recency, const double *T, const double *weights,
                        size_t n, const crm_clv_fit_options *opts);

/* Fits the Gamma-Gamma spend model on frequency x and mean repeat spend (monetary value);
 * rows with x = 0 carry no spend information and are skipped. */
CRM_API int crm_clv_fit_spend(crm_clv_model **out, const double *frequency,
                              const double *monetary_value, const double *weights, size_t n,
                              const crm_clv_fit_options *opts);

/* A model with known parameters (e.g. published ones), n_params values in the order of
 * crm_clv_params; it predicts but has no fit information (crm_clv_fit_info: CRM_ESTATE). */
CRM_API int crm_clv_create(crm_clv_model **out, int kind, const double *params, size_t n_params);

CRM_API void crm_clv_free(crm_clv_model *model);

/* The model's crm_clv_kind. */
CRM_API int crm_clv_kind_of(const crm_clv_model *model, int *out_kind);

/* Parameters, named as in the papers: *out_count receives their number (3 or 4). names
 * (static strings owned by the library), values and standard_errors are arrays of
 * `capacity` entries, each may be NULL; CRM_EBUFS (nothing written) when capacity is too
 * small. Standard errors come from the observed information; NaN when it is singular or
 * the model was created from parameters. */
CRM_API int crm_clv_params(const crm_clv_model *model, const char **names, double *values,
                           double *standard_errors, size_t capacity, size_t *out_count);

typedef struct crm_clv_fit_info {
  unsigned int version;  /* CRM_CLV_FIT_INFO_VERSION, set by the caller */
  double log_likelihood; /* at the estimate, without the penalty */
  double aic;            /* 2k - 2 LL */
  double bic;            /* k ln(customers) - 2 LL */
  double gradient_norm;  /* max |gradient| at the end */
  int iterations;        /* BFGS iterations of the chosen start */
  int evaluations;       /* likelihood evaluations over all starts */
  int starts_run;
  int converged;         /* 1 or 0 */
  double customers;      /* sum of weights (Gamma-Gamma: rows with x > 0) */
  size_t unique_rows;    /* rows after compression to unique histories */
} crm_clv_fit_info;

#define CRM_CLV_FIT_INFO_VERSION 1
#define CRM_CLV_FIT_INFO_INIT { CRM_CLV_FIT_INFO_VERSION, 0.0, 0.0, 0.0, 0.0, 0, 0, 0, 0, 0.0, 0 }

/* Fit diagnostics; CRM_ESTATE for a model made by crm_clv_create. */
CRM_API int crm_clv_fit_info_get(const crm_clv_model *model, crm_clv_fit_info *info);

/* Purchase-model predictions into out[0..n-1] (caller-allocated):
 *  expected_purchases: E[X(t[i])], purchases in (0, t[i]] of a new customer;
 *  probability_of_purchases: P(X(t) = counts[i]) of a new customer (not Pareto/NBD);
 *  conditional_expected_purchases: purchases in (T, T + t] given each customer's history;
 *  p_alive: probability that each customer is still active at T.
 * For BG/BB, t and counts are whole numbers of opportunities. */
CRM_API int crm_clv_expected_purchases(const crm_clv_model *model, const double *t, size_t n,
                                       double *out);
CRM_API int crm_clv_probability_of_purchases(const crm_clv_model *model, double t,
                                             const double *counts, size_t n, double *out);
CRM_API int crm_clv_conditional_expected_purchases(const crm_clv_model *model, double t,
                                                   const double *frequency,
                                                   const double *recency, const double *T,
                                                   size_t n, double *out);
CRM_API int crm_clv_p_alive(const crm_clv_model *model, const double *frequency,
                            const double *recency, const double *T, size_t n, double *out);

/* Gamma-Gamma: expected spend per future transaction given x and mean repeat spend (x = 0
 * gives the population mean p gamma / (q - 1); CRM_ESTATE unless q > 1). */
CRM_API int crm_clv_expected_spend(const crm_clv_model *model, const double *frequency,
                                   const double *monetary_value, size_t n, double *out);

typedef enum crm_discounting {
  CRM_DISCOUNT_DISCRETE = 0,  /* purchases of period k discounted by (1 + rate)^-k */
  CRM_DISCOUNT_CONTINUOUS = 1 /* exp(-rate t / period) */
} crm_discounting;

typedef struct crm_clv_options {
  unsigned int version; /* CRM_CLV_OPTIONS_VERSION */
  double horizon;       /* in the data's time unit, > 0 (no default: must be set) */
  double discount_rate; /* per period, >= 0 */
  double period;        /* one discount period in the data's time unit, > 0 */
  int discounting;      /* crm_discounting */
} crm_clv_options;

#define CRM_CLV_OPTIONS_VERSION 1
#define CRM_CLV_OPTIONS_INIT { CRM_CLV_OPTIONS_VERSION, 0.0, 0.0, 1.0, CRM_DISCOUNT_DISCRETE }

/* Lifetime value of each customer: expected_spend[i] (e.g. from crm_clv_expected_spend)
 * times the discounted expected purchases of the purchase model over opts->horizon. */
CRM_API int crm_clv_lifetime_value(const crm_clv_model *model, const double *frequency,
                                   const double *recency, const double *T,
                                   const double *expected_spend, size_t n,
                                   const crm_clv_options *opts, double *out);

/* Aggregate tracking curve: expected cumulative repeat transactions of all n customers at
 * the end of periods 1..periods (out[0..periods-1]); first_purchase[i] is customer i's
 * first-purchase time in the model's unit after the origin of the periods. Compare with
 * crm_cumulative_repeat_transactions. */
CRM_API int crm_clv_tracking_curve(const crm_clv_model *model, const double *first_purchase,
                                   size_t n, double *out, size_t periods);

/* Calibration/holdout check: predicted[i] (may be NULL) = expected purchases of customer i
 * in the holdout (T, T + holdout_length]; then, per calibration frequency 0..max_frequency
 * (the last group: that frequency and above), the number of customers, mean actual and mean
 * predicted holdout purchases into arrays of max_frequency + 1 entries (any may be NULL).
 * actual[i]: customer i's holdout purchases. */
CRM_API int crm_clv_compare_holdout(const crm_clv_model *model, double holdout_length,
                                    const double *frequency, const double *recency,
                                    const double *T, const double *actual, size_t n,
                                    double *predicted, int max_frequency,
                                    double *group_customers, double *group_actual_mean,
                                    double *group_predicted_mean);

/* Files: a checksummed envelope around a portable text archive, written atomically.
 * Loading checks the envelope before decoding (CRM_ECORRUPT for a damaged file, CRM_EIO for
 * an unreadable one); `kind` = CRM_CLV_ANY accepts any model, another kind refuses a file of
 * a different model with CRM_EINVAL. */
CRM_API int crm_clv_save(const crm_clv_model *model, const char *path);
CRM_API int crm_clv_load(crm_clv_model **out, const char *path, int kind);

/* The same bytes in memory: *out_len receives the size; CRM_EBUFS when buf_len is smaller
 * (buf may be NULL to ask for the size). */
CRM_API int crm_clv_to_buffer(const crm_clv_model *model, void *buf, size_t buf_len,
                              size_t *out_len);
CRM_API int crm_clv_from_buffer(crm_clv_model **out, const void *buf, size_t len, int kind);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_H */
