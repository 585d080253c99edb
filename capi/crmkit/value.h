/** @file
 * crmkit/value.h — the customer-value pillar: summaries of transaction logs, lifetime-value
 * models, RFM, concentration, tiers, status and stage, loyalty, retention economics.
 * C++ counterparts: include/crmkit/value/ (and value/clv/).
 */
#ifndef CRMKIT_VALUE_H
#define CRMKIT_VALUE_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- customer summaries (transaction log -> per-customer x, t_x, T, spend) -------------- */

typedef enum crm_time_unit {
  CRM_UNIT_DAY = 0,
  CRM_UNIT_WEEK = 1,
  CRM_UNIT_MONTH = 2 /**< 4.345 weeks, the CLV convention */
} crm_time_unit;

typedef struct crm_summary_options {
  unsigned int version;   /**< CRM_SUMMARY_OPTIONS_VERSION */
  int unit;               /**< crm_time_unit of recency, T and frequency periods */
  int merge_same_day;     /**< 1: one customer's sales on one day are one transaction */
  int has_end;            /**< 1: `end` is the (calibration) observation end */
  double end;             /**< day number; without it, the latest sale */
  int has_holdout_end;    /**< 1: sales in (end, holdout_end] are the holdout period */
  double holdout_end;     /**< day number */
  int drop_late;          /**< 1: sales after the last end are dropped (counted) instead of
                             rejected with CRM_EINVAL */
  /* version 2: */
  size_t expected_customers; /**< distinct customers to make room for up front (0: unknown);
                                only speed depends on it; above 2^31 is CRM_EINVAL */
} crm_summary_options;

#define CRM_SUMMARY_OPTIONS_VERSION 2
#define CRM_SUMMARY_OPTIONS_INIT \
  { CRM_SUMMARY_OPTIONS_VERSION, CRM_UNIT_WEEK, 0, 0, 0.0, 0, 0.0, 0, 0 }

/** Fills *opts with the library's defaults for layout `version` (1..CRM_SUMMARY_OPTIONS_VERSION;
 * the same values as CRM_SUMMARY_OPTIONS_INIT). CRM_EINVAL for NULL or an unknown version.
 * Every option struct has such a function: `crm_<struct>_init`. */
CRM_API int crm_summary_options_init(crm_summary_options *opts, unsigned int version);

/** "day", "week", "month"; NULL for a value that is not a crm_time_unit. Static strings. `unit`
 * is a crm_time_unit value. */
CRM_API const char *crm_time_unit_name(int unit);
/** The crm_time_unit named `text`; CRM_EINVAL listing the names otherwise. Every enum a
 * caller passes has such a pair: `crm_<enum>_name` / `crm_<enum>_parse`. *out_unit receives it. */
CRM_API int crm_time_unit_parse(const char *text, int *out_unit);

/** A computed table of customer summaries (immutable). */
typedef struct crm_summary crm_summary;

/** Summarises n sales given as columns (customer id, time in days, amount >= 0), in any
 * order. Errors: CRM_EINVAL naming the sale index (NaN, negative amount, time after the
 * end, NULL array with n > 0). n = 0 gives an empty table. customers, times (day numbers) and
 * amounts: n values each. */
CRM_API int crm_summarize(crm_summary **out, const int64_t *customers, const double *times,
                          const double *amounts, size_t n, const crm_summary_options *opts);

typedef struct crm_csv_options {
  unsigned int version;        /**< CRM_CSV_OPTIONS_VERSION */
  char delimiter;              /**< ',' ';' tab ..., ' ' = runs of blanks, 0 = detect */
  int has_header;              /**< 1: first line names the columns */
  const char *customer_column; /**< name, or 1-based number without a header */
  const char *time_column;
  const char *amount_column;   /**< NULL: no amounts (spend is 0) */
  const char *time_format;     /**< see crm_parse_time; NULL = "iso" */
} crm_csv_options;

#define CRM_CSV_OPTIONS_VERSION 1
#define CRM_CSV_OPTIONS_INIT \
  { CRM_CSV_OPTIONS_VERSION, 0, 1, "customer_id", "date", "amount", "iso" }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CSV_OPTIONS_VERSION), the values of CRM_CSV_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_csv_options_init(crm_csv_options *opts, unsigned int version);

/** Summarises a transaction log file in one streaming pass (memory grows with customers,
 * not rows). Customer keys are kept as text: see crm_summary_key. CRM_EIO if the file
 * cannot be read, CRM_EPARSE with "file:line:col: what" for bad content. `path` names the file;
 * csv (NULL: CRM_CSV_OPTIONS_INIT) says how to read it. */
CRM_API int crm_summarize_csv(crm_summary **out, const char *path, const crm_csv_options *csv,
                              const crm_summary_options *opts);

/** Releases `summary` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_summary_free(crm_summary *summary);

/** Number of customers in the table. *out_count receives it. */
CRM_API int crm_summary_count(const crm_summary *summary, size_t *out_count);

/** Destination arrays for crm_summary_get; any pointer may be NULL to skip that column. */
typedef struct crm_summary_columns {
  unsigned int version;        /**< CRM_SUMMARY_COLUMNS_VERSION */
  int64_t *customer_id;        /**< caller's id (crm_summarize/ledger) or 0-based key index (csv) */
  double *first;               /**< day number of the first purchase */
  double *last;                /**< day number of the last calibration purchase */
  int64_t *purchases;          /**< calibration transactions */
  double *frequency;           /**< x = purchases - 1 */
  double *recency;             /**< t_x = last - first, in units */
  double *T;                   /**< end - first, in units */
  double *total_value;         /**< spend of all calibration transactions */
  double *monetary_value;      /**< mean spend of repeat transactions (0 when x = 0) */
  double *holdout_frequency;   /**< transactions in the holdout period */
  double *holdout_value;       /**< their total spend */
} crm_summary_columns;

#define CRM_SUMMARY_COLUMNS_VERSION 1
#define CRM_SUMMARY_COLUMNS_INIT \
  { CRM_SUMMARY_COLUMNS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/** Copies the table into the given arrays, each of length `capacity`. *out_count (may be
 * NULL) receives the number of customers; CRM_EBUFS (nothing written) when capacity is
 * smaller. */
CRM_API int crm_summary_get(const crm_summary *summary, const crm_summary_columns *columns,
                            size_t capacity, size_t *out_count);

typedef struct crm_summary_info {
  unsigned int version;          /**< CRM_SUMMARY_INFO_VERSION, set by the caller */
  double end;                    /**< observation end used (day number) */
  double holdout_end;            /**< NaN without a holdout */
  int unit;                      /**< crm_time_unit */
  int64_t sales;                 /**< sales accepted, before merging */
  int64_t merged_sales;          /**< sales folded into an earlier same-day sale */
  int64_t dropped_sales;         /**< sales after the end, dropped */
  int64_t holdout_only_customers;/**< first seen in the holdout, so not in the table */
} crm_summary_info;

#define CRM_SUMMARY_INFO_VERSION 1
#define CRM_SUMMARY_INFO_INIT { CRM_SUMMARY_INFO_VERSION, 0.0, 0.0, 0, 0, 0, 0, 0 }

/** How the table was made (end, holdout, unit, counts of sales merged, dropped or holdout-only)
 * into *info, its version set by the caller. CRM_EINVAL for NULL or an unknown version. */
CRM_API int crm_summary_get_info(const crm_summary *summary, crm_summary_info *info);

/** The customer key of row i as text, NUL-terminated: the text id for a csv summary, the
 * decimal id otherwise. *out_len receives the length without the NUL; CRM_EBUFS when
 * buf_len <= that length (buf may be NULL to ask for the length). */
CRM_API int crm_summary_key(const crm_summary *summary, size_t i, char *buf, size_t buf_len,
                            size_t *out_len);

/** A running summary fed one sale at a time (at the till): O(1) work per sale. */
typedef struct crm_ledger crm_ledger;

/** An empty ledger into *out (NULL on failure), owned by the caller: free it with
 * crm_ledger_free. opts (NULL: defaults) as for crm_summarize; CRM_EINVAL for bad options. */
CRM_API int crm_ledger_create(crm_ledger **out, const crm_summary_options *opts);
/** Releases `ledger` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_ledger_free(crm_ledger *ledger);

/** Records one sale; on error nothing is recorded. With merge_same_day a customer's sales
 * must come in time order, except on the customer's first or latest day (CRM_EINVAL). `customer`
 * is the caller's id, `time` a day number and `amount` the sale's value (>= 0). */
CRM_API int crm_ledger_add_sale(crm_ledger *ledger, int64_t customer, double time,
                                double amount);

/** Records n sales in order, stopping at the first bad one; *out_added (may be NULL)
 * receives how many were recorded before it. customers, times (day numbers) and amounts (>= 0):
 * n values each. */
CRM_API int crm_ledger_add_sales(crm_ledger *ledger, const int64_t *customers,
                                 const double *times, const double *amounts, size_t n,
                                 size_t *out_added);

/** Number of distinct customers seen. *out_count receives it. */
CRM_API int crm_ledger_count(const crm_ledger *ledger, size_t *out_count);

/** The summary as of now (a new table; the ledger goes on accepting sales). */
CRM_API int crm_ledger_summary(const crm_ledger *ledger, crm_summary **out);

/** One customer's row of that summary in O(1), e.g. at checkout: entry 0 of each non-NULL
 * column of *columns; *out_found 1, or 0 (nothing written) for a customer without a sale
 * in the calibration period. */
CRM_API int crm_ledger_customer(const crm_ledger *ledger, int64_t customer,
                                const crm_summary_columns *columns, int *out_found);

/** Cumulative repeat transactions at the end of periods 1..periods counted in `unit` from
 * `origin` (day number), written to out[0..periods-1]: the tracking curve of CLV models.
 * customers and times (day numbers): n sales in any order; merge_same_day 1 counts a customer's
 * sales on one day once. */
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
  CRM_CLV_BG_NBD = 0,     /**< Fader, Hardie & Lee 2005: r, alpha, a, b */
  CRM_CLV_PARETO_NBD = 1, /**< Schmittlein, Morrison & Colombo 1987: r, alpha, s, beta */
  CRM_CLV_MBG_NBD = 2,    /**< Batislam, Denizel & Filiztekin 2007: r, alpha, a, b */
  CRM_CLV_BG_BB = 3,      /**< Fader, Hardie & Shang 2010: alpha, beta, gamma, delta */
  CRM_CLV_GAMMA_GAMMA = 4 /**< spend per transaction, Fader, Hardie & Lee 2005: p, q, gamma */
} crm_clv_kind;

/** crm_clv_load / crm_clv_from_buffer: accept a file of any model kind. */
#define CRM_CLV_ANY (-1)

typedef struct crm_clv_model crm_clv_model;

typedef struct crm_clv_fit_options {
  unsigned int version;    /**< CRM_CLV_FIT_OPTIONS_VERSION */
  int starts;              /**< starting points, >= 1 */
  double tolerance;        /**< converged when max |gradient| of the mean log-likelihood on
                              log-parameters <= tolerance x max(1, |mean log-likelihood|) */
  int max_iterations;      /**< BFGS iterations per start, >= 1 */
  double penalty;          /**< L2 penalty on the parameters (0 = plain maximum likelihood) */
  int require_convergence; /**< 1: CRM_ECONVERGE when no start converges; 0: return the best
                              result with crm_clv_fit_info.converged = 0 */
} crm_clv_fit_options;

#define CRM_CLV_FIT_OPTIONS_VERSION 1
#define CRM_CLV_FIT_OPTIONS_INIT { CRM_CLV_FIT_OPTIONS_VERSION, 3, 1e-8, 500, 0.0, 1 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CLV_FIT_OPTIONS_VERSION), the values of CRM_CLV_FIT_OPTIONS_INIT; CRM_EINVAL for NULL
 * or an unknown version. */
CRM_API int crm_clv_fit_options_init(crm_clv_fit_options *opts, unsigned int version);

/** "bg-nbd", "pareto-nbd", "mbg-nbd", "bg-bb", "gamma-gamma"; NULL for another value. `kind` is
 * a crm_clv_kind value. */
CRM_API const char *crm_clv_kind_name(int kind);
/** Stores in *out_kind the value named `text` (a name crm_clv_kind_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_clv_kind_parse(const char *text, int *out_kind);

/** Fits purchase model `kind` (not CRM_CLV_GAMMA_GAMMA) on n customers; weights (may be NULL)
 * are customers per row (>= 0). The kind is an argument, not an option, because it has no
 * default. Errors: CRM_EINVAL for bad rows (named), an empty table, or no repeat purchase at
 * all (not identifiable); CRM_ECONVERGE when the fit does not converge and
 * opts->require_convergence. *out is NULL on failure; free it with crm_clv_free. frequency,
 * recency and T: n values each, as described for the model handle above. */
CRM_API int crm_clv_fit(crm_clv_model **out, int kind, const double *frequency,
                        const double *recency, const double *T, const double *weights,
                        size_t n, const crm_clv_fit_options *opts);

/** Fits the Gamma-Gamma spend model on frequency x and mean repeat spend (monetary value);
 * rows with x = 0 carry no spend information and are skipped. frequency and monetary_value: n
 * values each; weights (may be NULL) are customers per row (>= 0). */
CRM_API int crm_clv_fit_spend(crm_clv_model **out, const double *frequency,
                              const double *monetary_value, const double *weights, size_t n,
                              const crm_clv_fit_options *opts);

/** A model with known parameters (e.g. published ones), n_params values in the order of
 * crm_clv_params; it predicts but has no fit information (crm_clv_fit_info: CRM_ESTATE). `kind`
 * is a crm_clv_kind value; params holds n_params parameters. */
CRM_API int crm_clv_create(crm_clv_model **out, int kind, const double *params, size_t n_params);

/** Releases `model` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_clv_free(crm_clv_model *model);

/** The model's crm_clv_kind. *out_kind receives it. */
CRM_API int crm_clv_kind_of(const crm_clv_model *model, int *out_kind);

/** Parameters, named as in the papers: *out_count receives their number (3 or 4). names
 * (static strings owned by the library), values and standard_errors are arrays of
 * `capacity` entries, each may be NULL; CRM_EBUFS (nothing written) when capacity is too
 * small. Standard errors come from the observed information; NaN when it is singular or
 * the model was created from parameters. */
CRM_API int crm_clv_params(const crm_clv_model *model, const char **names, double *values,
                           double *standard_errors, size_t capacity, size_t *out_count);

typedef struct crm_clv_fit_info {
  unsigned int version;  /**< CRM_CLV_FIT_INFO_VERSION, set by the caller */
  double log_likelihood; /**< at the estimate, without the penalty */
  double aic;            /**< 2k - 2 LL */
  double bic;            /**< k ln(customers) - 2 LL */
  double gradient_norm;  /**< max |gradient| at the end */
  int iterations;        /**< BFGS iterations of the chosen start */
  int evaluations;       /**< likelihood evaluations over all starts */
  int starts_run;
  int converged;         /**< 1 or 0 */
  double customers;      /**< sum of weights (Gamma-Gamma: rows with x > 0) */
  size_t unique_rows;    /**< rows after compression to unique histories */
} crm_clv_fit_info;

#define CRM_CLV_FIT_INFO_VERSION 1
#define CRM_CLV_FIT_INFO_INIT { CRM_CLV_FIT_INFO_VERSION, 0.0, 0.0, 0.0, 0.0, 0, 0, 0, 0, 0.0, 0 }

/** Fit diagnostics; CRM_ESTATE for a model made by crm_clv_create. */
CRM_API int crm_clv_fit_info_get(const crm_clv_model *model, crm_clv_fit_info *info);

/** Purchase-model predictions into out[0..n-1] (caller-allocated):
 *  expected_purchases: E[X(t[i])], purchases in (0, t[i]] of a new customer;
 *  probability_of_purchases: P(X(t) = counts[i]) of a new customer;
 *  conditional_expected_purchases: purchases in (T, T + t] given each customer's history;
 *  conditional_probability_of_purchases: P(counts[i] purchases in (T, T + t]) given customer
 *    i's history (BG/NBD, MBG/NBD and Pareto/NBD; accurate for counts into the thousands);
 *  p_alive: probability that each customer is still active at T.
 * For BG/BB, t and counts are whole numbers of opportunities. */
CRM_API int crm_clv_expected_purchases(const crm_clv_model *model, const double *t, size_t n,
                                       double *out);
/** P(X(t) = counts[i]) of a new customer into out[i], as described above. counts and out: n
 * entries each. */
CRM_API int crm_clv_probability_of_purchases(const crm_clv_model *model, double t,
                                             const double *counts, size_t n, double *out);
/** Expected purchases in (T, T + t] of each customer given (frequency, recency, T), into
 * out[0..n-1]. */
CRM_API int crm_clv_conditional_expected_purchases(const crm_clv_model *model, double t,
                                                   const double *frequency,
                                                   const double *recency, const double *T,
                                                   size_t n, double *out);
/** P(counts[i] purchases in (T, T + t]) given customer i's history, into out[i] (BG/NBD, MBG/NBD
 * and Pareto/NBD). counts, frequency, recency, T and out: n entries each. */
CRM_API int crm_clv_conditional_probability_of_purchases(const crm_clv_model *model, double t,
                                                        const double *counts,
                                                        const double *frequency,
                                                        const double *recency, const double *T,
                                                        size_t n, double *out);
/** Probability that each customer is still active at T, into out[0..n-1]. frequency, recency and
 * T: n values each. */
CRM_API int crm_clv_p_alive(const crm_clv_model *model, const double *frequency,
                            const double *recency, const double *T, size_t n, double *out);

/** Gamma-Gamma: expected spend per future transaction given x and mean repeat spend (x = 0
 * gives the population mean p gamma / (q - 1); CRM_ESTATE unless q > 1). frequency (x) and
 * monetary_value (mean repeat spend): n values each; out receives n expected spends. */
CRM_API int crm_clv_expected_spend(const crm_clv_model *model, const double *frequency,
                                   const double *monetary_value, size_t n, double *out);

typedef enum crm_discounting {
  CRM_DISCOUNT_DISCRETE = 0,  /**< purchases of period k discounted by (1 + rate)^-k */
  CRM_DISCOUNT_CONTINUOUS = 1 /**< exp(-rate t / period) */
} crm_discounting;

typedef struct crm_clv_options {
  unsigned int version; /**< CRM_CLV_OPTIONS_VERSION */
  double horizon;       /**< in the data's time unit, > 0 (no default: must be set) */
  double discount_rate; /**< per period, >= 0 */
  double period;        /**< one discount period in the data's time unit, > 0 */
  int discounting;      /**< crm_discounting */
} crm_clv_options;

#define CRM_CLV_OPTIONS_VERSION 1
#define CRM_CLV_OPTIONS_INIT { CRM_CLV_OPTIONS_VERSION, 0.0, 0.0, 1.0, CRM_DISCOUNT_DISCRETE }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CLV_OPTIONS_VERSION), the values of CRM_CLV_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_clv_options_init(crm_clv_options *opts, unsigned int version);

/** "discrete", "continuous"; NULL for another value. `discounting` is a crm_discounting value. */
CRM_API const char *crm_discounting_name(int discounting);
/** Stores in *out_discounting the value named `text` (a name crm_discounting_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_discounting_parse(const char *text, int *out_discounting);

/** Lifetime value of each customer: expected_spend[i] (e.g. from crm_clv_expected_spend)
 * times the discounted expected purchases of the purchase model over opts->horizon. frequency,
 * recency, T, expected_spend and out: n entries each. */
CRM_API int crm_clv_lifetime_value(const crm_clv_model *model, const double *frequency,
                                   const double *recency, const double *T,
                                   const double *expected_spend, size_t n,
                                   const crm_clv_options *opts, double *out);

/** Aggregate tracking curve: expected cumulative repeat transactions of all n customers at
 * the end of periods 1..periods (out[0..periods-1]); first_purchase[i] is customer i's
 * first-purchase time in the model's unit after the origin of the periods. Compare with
 * crm_cumulative_repeat_transactions. */
CRM_API int crm_clv_tracking_curve(const crm_clv_model *model, const double *first_purchase,
                                   size_t n, double *out, size_t periods);

/** Calibration/holdout check: predicted[i] (may be NULL) = expected purchases of customer i
 * in the holdout (T, T + holdout_length]; then, per calibration frequency 0..max_frequency
 * (the last group: that frequency and above), the number of customers, mean actual and mean
 * predicted holdout purchases into arrays of max_frequency + 1 entries (any may be NULL).
 * actual[i]: customer i's holdout purchases. frequency, recency, T, actual and predicted have n
 * entries; group_customers, group_actual_mean and group_predicted_mean receive the groups'
 * figures. */
CRM_API int crm_clv_compare_holdout(const crm_clv_model *model, double holdout_length,
                                    const double *frequency, const double *recency,
                                    const double *T, const double *actual, size_t n,
                                    double *predicted, int max_frequency,
                                    double *group_customers, double *group_actual_mean,
                                    double *group_predicted_mean);

/** Files: a checksummed envelope around a portable text archive, written atomically.
 * Loading checks the envelope before decoding (CRM_ECORRUPT for a damaged file, CRM_EIO for
 * an unreadable one); `kind` = CRM_CLV_ANY accepts any model, another kind refuses a file of
 * a different model with CRM_EINVAL. `path` names the file. */
CRM_API int crm_clv_save(const crm_clv_model *model, const char *path);
/** A model from a file written by crm_clv_save into *out (NULL on failure), owned by the caller:
 * free it with crm_clv_free. Errors as described above. `path` names the file; `kind` a
 * crm_clv_kind or CRM_CLV_ANY. */
CRM_API int crm_clv_load(crm_clv_model **out, const char *path, int kind);

/** The same bytes in memory: *out_len receives the size; CRM_EBUFS when buf_len is smaller
 * (buf may be NULL to ask for the size). */
CRM_API int crm_clv_to_buffer(const crm_clv_model *model, void *buf, size_t buf_len,
                              size_t *out_len);
/** A model from len bytes made by crm_clv_to_buffer (only read during the call), as
 * crm_clv_load. `kind` as for crm_clv_load. */
CRM_API int crm_clv_from_buffer(crm_clv_model **out, const void *buf, size_t len, int kind);

/* ---- CLV fits over partitions (include/crmkit/value/clv/partition.hpp) ------------------
 * For customers split across processes or machines (examples/dask): each partition keeps
 * its customers in a crm_clv_partition and answers, at the parameters the client sends, its
 * log-likelihood and gradient; the client adds the partitions' statistics and runs the
 * library's optimiser with a callback that sums the partitions' answers. The result equals
 * crm_clv_fit / crm_clv_fit_spend on the whole table up to the order of floating-point sums.
 * BG/NBD, MBG/NBD and Gamma-Gamma only (CRM_EINVAL for another kind). A partition handle is
 * immutable once made: threads may evaluate it concurrently. */

typedef struct crm_clv_partition crm_clv_partition;

/** Sums that set the fit's start and the counts it reports; they add up over partitions. */
typedef struct crm_clv_partition_stats {
  unsigned int version;    /**< CRM_CLV_PARTITION_STATS_VERSION, set by the caller */
  int kind;                /**< crm_clv_kind of the partition */
  double customers;        /**< sum of weights of the rows used (Gamma-Gamma: x > 0) */
  double repeat_customers; /**< of those, the weight with x > 0 */
  double frequency_sum;    /**< weighted sum of x */
  double age_sum;          /**< weighted sum of T (purchase models; 0 for Gamma-Gamma) */
  double spend_sum;        /**< weighted sum of the mean repeat spend (Gamma-Gamma; else 0) */
  size_t unique_rows;      /**< distinct histories, summed over partitions */
} crm_clv_partition_stats;

#define CRM_CLV_PARTITION_STATS_VERSION 1
#define CRM_CLV_PARTITION_STATS_INIT { CRM_CLV_PARTITION_STATS_VERSION, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0 }

/** A partition of a purchase model (`kind` CRM_CLV_BG_NBD or CRM_CLV_MBG_NBD) from n customers
 * (x, t_x, T as for crm_clv_fit; weights may be NULL). The arrays are copied (compressed to
 * unique rows); n may be 0 (an empty partition). CRM_EINVAL names a bad row by its 0-based
 * index within the partition. Free with crm_clv_partition_free. */
CRM_API int crm_clv_partition_create(crm_clv_partition **out, int kind, const double *frequency,
                                     const double *recency, const double *T,
                                     const double *weights, size_t n);
/** A Gamma-Gamma partition from frequency and mean repeat spend (rows with x = 0 skipped). */
CRM_API int crm_clv_partition_create_spend(crm_clv_partition **out, const double *frequency,
                                           const double *monetary_value, const double *weights,
                                           size_t n);
/** Releases `partition` and all it holds; NULL is fine. The handle must not be used afterwards.
 * */
CRM_API void crm_clv_partition_free(crm_clv_partition *partition);

/** The partition's statistics into *out (out->version set by the caller). */
CRM_API int crm_clv_partition_stats_get(const crm_clv_partition *partition,
                                        crm_clv_partition_stats *out);
/** total += part, field by field; CRM_EINVAL when the kinds differ. To start a sum, copy the
 * first partition's statistics. */
CRM_API int crm_clv_partition_stats_add(crm_clv_partition_stats *total,
                                        const crm_clv_partition_stats *part);

/** Log-likelihood of the partition's customers at n_params natural-scale parameters (the
 * order of crm_clv_params: r, alpha, a, b or p, q, gamma; each finite and > 0), and when
 * gradient is not NULL its n_params partial derivatives with respect to them. An empty
 * partition gives 0 and a zero gradient. */
CRM_API int crm_clv_partition_log_likelihood(const crm_clv_partition *partition,
                                             const double *params, size_t n_params,
                                             double *out_log_likelihood, double *gradient);

/** The client's sum over all partitions of crm_clv_partition_log_likelihood at `params`:
 * writes *out_log_likelihood and, when gradient is not NULL, n_params derivatives. Returns
 * CRM_OK, or a status that stops the fit (the fit returns it, with the message the callback
 * left, if any, in crm_last_error). Called from the thread that called the fit. */
typedef int (*crm_clv_log_likelihood_fn)(void *user, const double *params, size_t n_params,
                                         double *out_log_likelihood, double *gradient);

/** Fits model total->kind with the optimiser and starts of crm_clv_fit (opts as there, may be
 * NULL) on the summed statistics `total` and the summed log-likelihood `fn` (user is passed
 * to it unchanged). Errors as crm_clv_fit (not identifiable: no repeat purchase in any
 * partition; CRM_ECONVERGE), plus the callback's status. *out is NULL on failure. */
CRM_API int crm_clv_fit_partitioned(crm_clv_model **out, const crm_clv_partition_stats *total,
                                    crm_clv_log_likelihood_fn fn, void *user,
                                    const crm_clv_fit_options *opts);

/* ---- customer value: RFM, concentration, tiers, status, loyalty, retention -------------
 * (include/crmkit/value/{rfm,concentration,tiers,status,loyalty,retention}.hpp.) Customers
 * are columns of length n >= 1 (CRM_EINVAL for n = 0, a NULL column, NaN, or a value out of
 * range; the message names the column and the 0-based row). Enumerations are passed as
 * uint8_t arrays holding the values of the enums below; results go into caller arrays of n
 * entries. None of these functions keeps state: all are thread-safe. */

/** Scores of one RFM dimension are 1..bins (2..CRM_RFM_MAX_BINS); a dimension has bins - 1
 * cut points. */
#define CRM_RFM_MAX_BINS 9

/** RFM segment rules: an ordered list of (name, R, F, M score ranges), first match wins;
 * customers no rule matches are in segment "other", whose index is the rule count. Immutable
 * once made: one set may be shared by threads. */
typedef struct crm_segment_rules crm_segment_rules;

/** The standard segments (champions, loyal, potential_loyalist, new, promising,
 * need_attention, about_to_sleep, at_risk, cant_lose, hibernating, lost: the 5 x 5 R x F map
 * of rfm.hpp). names == NULL: all 11 in that order; otherwise the n_names rules named, in the
 * given order (n_names = 0: no rules, everyone "other"). CRM_EINVAL for an unknown name. */
CRM_API int crm_segment_rules_standard(crm_segment_rules **out, const char *const *names,
                                       size_t n_names);

/** Rules from text: rules separated by ';' or newlines, each "name: r=A-B f=A-B m=A-B" with
 * any dimension optional (any score) and "A" short for "A-A", e.g.
 * "vip: r=4-5 f=5; sleeping: r=1". CRM_EPARSE naming the rule for bad text. */
CRM_API int crm_segment_rules_parse(crm_segment_rules **out, const char *text);

/** Releases `rules` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_segment_rules_free(crm_segment_rules *rules);

/** Number of rules (segment indexes are 0..count, count being "other"). *out_count receives it. */
CRM_API int crm_segment_rules_count(const crm_segment_rules *rules, size_t *out_count);

/** Name of segment i (0..count; count gives "other"), NUL-terminated; *out_len receives the
 * length without the NUL; CRM_EBUFS when buf_len <= that length (buf may be NULL to ask). */
CRM_API int crm_segment_rules_name(const crm_segment_rules *rules, size_t i, char *buf,
                                   size_t buf_len, size_t *out_len);

/** Index of the rule called `name`; CRM_EINVAL for a name no rule has. *out_index receives it. */
CRM_API int crm_segment_rules_find(const crm_segment_rules *rules, const char *name,
                                   size_t *out_index);

/** Segment of one customer from its scores (1..9), e.g. at a till with frozen cuts. r, f and m
 * are the customer's recency, frequency and monetary scores; *out_index receives the segment
 * index (the rules' count for "other"). */
CRM_API int crm_segment_of(const crm_segment_rules *rules, int r, int f, int m,
                           size_t *out_index);

typedef struct crm_rfm_options {
  unsigned int version;        /**< CRM_RFM_OPTIONS_VERSION */
  int bins;                    /**< 2..9 for quantile scores; a dimension with cuts has
                                  bins = cuts + 1 (all dimensions must agree) */
  /* Caller cut points per dimension, in the input's units: bins - 1 strictly increasing
   * values; a value scores 1 + the number of cuts it passes (>= c for purchases and
   * monetary, <= c for days_since_last). NULL (count ignored) = quantile scores: score =
   * 1 + floor(bins x (customers strictly worse) / n), so equal values share a score. */
  const double *days_since_last_cuts;
  size_t days_since_last_cut_count;
  const double *purchases_cuts;
  size_t purchases_cut_count;
  const double *monetary_cuts;
  size_t monetary_cut_count;
  const crm_segment_rules *segments; /**< NULL: the 11 standard rules (they assume bins 5);
                                        borrowed for the call only */
} crm_rfm_options;

#define CRM_RFM_OPTIONS_VERSION 1
#define CRM_RFM_OPTIONS_INIT { CRM_RFM_OPTIONS_VERSION, 5, NULL, 0, NULL, 0, NULL, 0, NULL }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_RFM_OPTIONS_VERSION), the values of CRM_RFM_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_rfm_options_init(crm_rfm_options *opts, unsigned int version);

/** Where crm_rfm_score writes. Per-customer arrays (n entries) may each be NULL; the rest is
 * filled in. */
typedef struct crm_rfm_result {
  unsigned int version;    /**< CRM_RFM_RESULT_VERSION, set by the caller */
  uint8_t *recency_score;  /**< 1..bins, high = bought recently */
  uint8_t *frequency_score;/**< 1..bins, high = many purchases */
  uint8_t *monetary_score; /**< 1..bins, high = spends much */
  uint16_t *code;          /**< 100 R + 10 F + M, e.g. 545 */
  uint8_t *segment;        /**< segment index (crm_segment_rules_name) */
  size_t *segment_sizes;   /**< segment_capacity entries or NULL: customers per segment index */
  size_t segment_capacity; /**< >= segment_count when segment_sizes is set, else CRM_EBUFS */
  /* The cuts used per dimension (bins - 1 values each) into cut_capacity entries each, or
   * NULL. Quantile cuts are non-decreasing and may be -/+HUGE_VAL when no value reaches a
   * score; pass them back as caller cuts (when strictly increasing and finite) to score a
   * later period on the same scale. CRM_EBUFS when a cut array is set and cut_capacity <
   * bins - 1. */
  double *days_since_last_cuts;
  double *purchases_cuts;
  double *monetary_cuts;
  size_t cut_capacity;
  /* Filled in (also with CRM_EBUFS, so the caller learns the sizes needed): */
  int bins;
  size_t segment_count;    /**< rules + 1 ("other") */
} crm_rfm_result;

#define CRM_RFM_RESULT_VERSION 2
#define CRM_RFM_RESULT_INIT \
  { CRM_RFM_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, 0, 0, 0 }

/** RFM scores of n customers. days_since_last: time since the last purchase (>= 0, small =
 * recent; NOT the t_x "recency" of crm_summary_columns: use day numbers end - last);
 * purchases: transactions in the period (>= 0); monetary: total or mean spend (>= 0).
 * CRM_EINVAL for n = 0, NaN or negative values (naming column and row), bad bins or cuts,
 * and rules that cannot match under bins; CRM_EBUFS (nothing written) when segment_sizes is
 * set and segment_capacity is too small. */
CRM_API int crm_rfm_score(const double *days_since_last, const double *purchases,
                          const double *monetary, size_t n, const crm_rfm_options *opts,
                          crm_rfm_result *out);

/** Concentration of value: one piecewise-linear Lorenz curve through (i / n, share held by
 * the bottom i customers); Gini = 1 - 2 x the area under it (0 when all are equal,
 * (n - 1) / n when one customer holds everything). */
typedef struct crm_concentration_options {
  unsigned int version;              /**< CRM_CONCENTRATION_OPTIONS_VERSION */
  const double *top_customer_shares; /**< k in (0, 1]: value share held by the top k of
                                        customers; NULL = 0.01, 0.05, 0.10, 0.20, 0.50 */
  size_t top_count;                  /**< entries of top_customer_shares (5 when NULL) */
  const double *value_shares;        /**< v in (0, 1]: smallest customer share holding v of
                                        the value; NULL = 0.50, 0.80, 0.95 */
  size_t value_share_count;          /**< entries of value_shares (3 when NULL) */
  size_t lorenz_points;              /**< the curve at lorenz_points + 1 customer shares
                                        0, 1/lorenz_points, ..., 1; >= 1 */
} crm_concentration_options;

#define CRM_CONCENTRATION_OPTIONS_VERSION 1
#define CRM_CONCENTRATION_OPTIONS_INIT { CRM_CONCENTRATION_OPTIONS_VERSION, NULL, 0, NULL, 0, 100 }

/** The defaults: the share arrays point at the library's static default shares (so the
 * counts are 5 and 3), lorenz_points 100. `version`: the layout
 * (1..CRM_CONCENTRATION_OPTIONS_VERSION). */
CRM_API int crm_concentration_options_init(crm_concentration_options *opts, unsigned int version);

typedef struct crm_concentration_result {
  unsigned int version;            /**< CRM_CONCENTRATION_RESULT_VERSION, set by the caller */
  size_t customers;                /**< filled in */
  double total_value;              /**< filled in */
  double gini;                     /**< filled in */
  double *top_value_shares;        /**< top_count entries or NULL: per top_customer_shares */
  double *holding_customer_shares; /**< value_share_count entries or NULL: per value_shares */
  double *lorenz_customer_shares;  /**< lorenz_points + 1 entries or NULL */
  double *lorenz_value_shares;     /**< lorenz_points + 1 entries or NULL */
} crm_concentration_result;

#define CRM_CONCENTRATION_RESULT_VERSION 1
#define CRM_CONCENTRATION_RESULT_INIT \
  { CRM_CONCENTRATION_RESULT_VERSION, 0, 0.0, 0.0, NULL, NULL, NULL, NULL }

/** values: n finite values >= 0 with a positive total (CRM_EINVAL otherwise, naming the row,
 * or an option out of range). */
CRM_API int crm_concentration(const double *values, size_t n,
                              const crm_concentration_options *opts,
                              crm_concentration_result *out);

/** The customer pyramid, top down; "moved up" means a smaller value. */
typedef enum crm_tier {
  CRM_TIER_KEY = 0,
  CRM_TIER_MAJOR = 1,
  CRM_TIER_ORDINARY = 2,
  CRM_TIER_SMALL = 3,
  CRM_TIER_INFERIOR = 4 /**< value below inferior_below */
} crm_tier;
#define CRM_TIER_COUNT 5
#define CRM_TIER_ABSENT 5 /**< migration: the customer is not in that period */

/** "key", "major", "ordinary", "small", "inferior"; NULL for other values. Static. `tier` is a
 * crm_tier value. */
CRM_API const char *crm_tier_name(int tier);
/** Stores in *out_tier the value named `text` (a name crm_tier_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_tier_parse(const char *text, int *out_tier);

typedef enum crm_tier_scheme {
  CRM_TIER_SCHEME_SHARE = 0, /**< cuts are cumulative shares of value (ABC) */
  CRM_TIER_SCHEME_RANK = 1   /**< cuts are cumulative shares of customers */
} crm_tier_scheme;

/** "share", "rank"; NULL for other values. `scheme` is a crm_tier_scheme value. */
CRM_API const char *crm_tier_scheme_name(int scheme);
/** Stores in *out_scheme the value named `text` (a name crm_tier_scheme_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_tier_scheme_parse(const char *text, int *out_scheme);

typedef struct crm_tier_options {
  unsigned int version;  /**< CRM_TIER_OPTIONS_VERSION */
  int scheme;            /**< crm_tier_scheme */
  const double *cuts;    /**< 3 values strictly increasing in (0, 1): key | major | ordinary |
                            small; NULL: the scheme's defaults (crm_tier_default_cuts) */
  size_t cut_count;      /**< 3 when cuts is set */
  double inferior_below; /**< value < this -> CRM_TIER_INFERIOR; -HUGE_VAL puts nobody there */
} crm_tier_options;

#define CRM_TIER_OPTIONS_VERSION 2
#define CRM_TIER_OPTIONS_INIT { CRM_TIER_OPTIONS_VERSION, CRM_TIER_SCHEME_SHARE, NULL, 0, 0.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_TIER_OPTIONS_VERSION), the values of CRM_TIER_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_tier_options_init(crm_tier_options *opts, unsigned int version);

/** The default cuts of `scheme` (share 0.5/0.8/0.95, rank 0.01/0.05/0.20) into out[capacity];
 * *out_count receives 3; CRM_EBUFS when capacity is smaller. */
CRM_API int crm_tier_default_cuts(int scheme, double *out, size_t capacity, size_t *out_count);

/** The per-tier table as columns indexed by crm_tier: each pointer NULL or tier_capacity
 * (>= CRM_TIER_COUNT, else CRM_EBUFS) entries. */
typedef struct crm_tier_table {
  unsigned int version;   /**< CRM_TIER_TABLE_VERSION, set by the caller */
  size_t customers;       /**< filled in */
  double total_value;     /**< filled in */
  size_t tier_capacity;
  size_t *tier_customers;
  double *customer_share; /**< customers / all customers */
  double *value;          /**< sum of the tier's values */
  double *value_share;    /**< value / total value (0 when the total is not positive) */
  double *mean_value;     /**< 0 for an empty tier */
  double *min_value;      /**< 0 for an empty tier */
  double *max_value;
} crm_tier_table;

#define CRM_TIER_TABLE_VERSION 2
#define CRM_TIER_TABLE_INIT \
  { CRM_TIER_TABLE_VERSION, 0, 0.0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/** Tiers of n customers by value (finite, any sign: margins may be negative) into
 * out_tiers[n] (crm_tier values; may be NULL) and the per-tier table into *out_table (may be
 * NULL). Customers with equal values share a tier; the customer whose value crosses a cut
 * stays in the upper tier. CRM_EINVAL for n = 0, NaN, bad cuts or scheme, a NaN
 * inferior_below, or (share scheme) a non-positive total of the non-inferior values. */
CRM_API int crm_assign_tiers(const double *values, size_t n, const crm_tier_options *opts,
                             uint8_t *out_tiers, crm_tier_table *out_table);

/** The per-tier table of any assignment, e.g. last period's tiers with this period's values;
 * CRM_EINVAL for a tier value above CRM_TIER_INFERIOR. values and tiers: n entries each. */
CRM_API int crm_tier_table_of(const double *values, const uint8_t *tiers, size_t n,
                              crm_tier_table *out_table);

typedef struct crm_tier_migration_result {
  unsigned int version; /**< CRM_TIER_MIGRATION_RESULT_VERSION, set by the caller */
  /* NULL, or count_capacity >= (CRM_TIER_COUNT + 1)^2 entries (else CRM_EBUFS): row-major
   * counts[from * (CRM_TIER_COUNT + 1) + to], from = tier before or CRM_TIER_ABSENT, to =
   * tier after or CRM_TIER_ABSENT. */
  size_t *counts;
  size_t count_capacity;
  /* filled in: */
  size_t upgraded;   /**< in both periods, higher tier after */
  size_t downgraded; /**< in both periods, lower tier after */
  size_t unchanged;
  size_t entered;    /**< only after */
  size_t left;       /**< only before */
} crm_tier_migration_result;

#define CRM_TIER_MIGRATION_RESULT_VERSION 2
#define CRM_TIER_MIGRATION_RESULT_INIT { CRM_TIER_MIGRATION_RESULT_VERSION, NULL, 0, 0, 0, 0, 0, 0 }

/** Who moved between two periods, customers matched by id (unique within each period, else
 * CRM_EINVAL naming the duplicate). Either period may be empty (n = 0, arrays may be NULL).
 * ids_before and tiers_before: n_before entries; ids_after and tiers_after: n_after entries. */
CRM_API int crm_tier_migration(const int64_t *ids_before, const uint8_t *tiers_before,
                               size_t n_before, const int64_t *ids_after,
                               const uint8_t *tiers_after, size_t n_after,
                               crm_tier_migration_result *out);

/** Customer status; rules in include/crmkit/value/status.hpp (first match wins: lapsed when
 * the gap since the last purchase exceeds lapsed_multiple x the customer's own rhythm,
 * at_risk above at_risk_multiple x, new when the first purchase is within new_within_days,
 * won_back when the gap before the last purchase exceeded lapsed_multiple x, else active). */
typedef enum crm_customer_status {
  CRM_STATUS_NEW = 0,
  CRM_STATUS_ACTIVE = 1,
  CRM_STATUS_AT_RISK = 2,
  CRM_STATUS_LAPSED = 3,
  CRM_STATUS_WON_BACK = 4
} crm_customer_status;
#define CRM_STATUS_COUNT 5

/** "new", "active", "at_risk", "lapsed", "won_back"; NULL for other values. Static. `status` is
 * a crm_customer_status value. */
CRM_API const char *crm_customer_status_name(int status);
/** Stores in *out_status the value named `text` (a name crm_customer_status_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_customer_status_parse(const char *text, int *out_status);

typedef struct crm_status_options {
  unsigned int version;         /**< CRM_STATUS_OPTIONS_VERSION */
  double new_within_days;       /**< 90 */
  double at_risk_multiple;      /**< 2 */
  double lapsed_multiple;       /**< 4 */
  double min_interval_days;     /**< 7: floor on any rhythm */
  int has_typical_interval;     /**< 0: one-time buyers use the median rhythm of the repeat
                                   customers in the same call */
  double typical_interval_days; /**< the rhythm for one-time buyers when has_typical_interval */
} crm_status_options;

#define CRM_STATUS_OPTIONS_VERSION 1
#define CRM_STATUS_OPTIONS_INIT { CRM_STATUS_OPTIONS_VERSION, 90.0, 2.0, 4.0, 7.0, 0, 0.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_STATUS_OPTIONS_VERSION), the values of CRM_STATUS_OPTIONS_INIT; CRM_EINVAL for NULL or
 * an unknown version. */
CRM_API int crm_status_options_init(crm_status_options *opts, unsigned int version);

/** Status of n customers at day `as_of` (days throughout): first/last purchase day (first <=
 * last <= as_of), purchases (>= 1), gap_before_last (days between the last two purchases,
 * >= 0; NULL: nobody is won_back). out_status[n]: crm_customer_status values. out_counts
 * (CRM_STATUS_COUNT entries) and out_population_interval (the rhythm used for one-time
 * buyers) may be NULL. CRM_EINVAL naming column and row; also when one-time buyers have no
 * rhythm (no repeat customer and no typical interval). */
CRM_API int crm_classify_status(const double *first, const double *last,
                                const int64_t *purchases, const double *gap_before_last,
                                size_t n, double as_of, const crm_status_options *opts,
                                uint8_t *out_status, size_t *out_counts,
                                double *out_population_interval);

/** One customer (at a till), given the population rhythm for one-time buyers (e.g. from
 * crm_classify_status); gap_before_last NaN when unknown. first and last: day numbers of the
 * first and latest purchase; purchases: their count; as_of: the day number the status is for;
 * population_interval_days: the population's typical days between purchases; *out_status
 * receives a crm_customer_status value. */
CRM_API int crm_status_of(double first, double last, int64_t purchases, double gap_before_last,
                          double as_of, double population_interval_days,
                          const crm_status_options *opts, uint8_t *out_status);

/** Relationship stage (after Dwyer, Schurr & Oh 1987), first match wins: awareness (no
 * purchase), dissolution (lapsed, or at risk with trend <= -decline), exploration (fewer
 * than exploration_purchases or tenure < exploration_days), expansion (trend >= growth),
 * commitment (tenure >= commitment_days), else expansion. */
typedef enum crm_stage {
  CRM_STAGE_AWARENESS = 0,
  CRM_STAGE_EXPLORATION = 1,
  CRM_STAGE_EXPANSION = 2,
  CRM_STAGE_COMMITMENT = 3,
  CRM_STAGE_DISSOLUTION = 4
} crm_stage;
#define CRM_STAGE_COUNT 5

/** "awareness", "exploration", "expansion", "commitment", "dissolution"; NULL else. `stage` is a
 * crm_stage value. */
CRM_API const char *crm_stage_name(int stage);
/** Stores in *out_stage the value named `text` (a name crm_stage_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_stage_parse(const char *text, int *out_stage);

typedef struct crm_stage_options {
  unsigned int version;          /**< CRM_STAGE_OPTIONS_VERSION */
  int64_t exploration_purchases; /**< 3 */
  double exploration_days;       /**< 90 */
  double commitment_days;        /**< 365 */
  double growth;                 /**< 0.10: spend trend at or above -> expansion */
  double decline;                /**< 0.20: trend at or below -decline while at risk -> dissolution */
} crm_stage_options;

#define CRM_STAGE_OPTIONS_VERSION 1
#define CRM_STAGE_OPTIONS_INIT { CRM_STAGE_OPTIONS_VERSION, 3, 90.0, 365.0, 0.10, 0.20 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_STAGE_OPTIONS_VERSION), the values of CRM_STAGE_OPTIONS_INIT; CRM_EINVAL for NULL or
 * an unknown version. */
CRM_API int crm_stage_options_init(crm_stage_options *opts, unsigned int version);

/** Stages of n customers into out_stage[n] (crm_stage values): purchases (>= 0), tenure_days
 * (as_of - first purchase, >= 0), status (crm_customer_status; ignored when purchases is 0),
 * spend_trend (relative change of spend between an earlier and a recent window, NaN when
 * unknown; NULL: unknown for all). */
CRM_API int crm_relationship_stages(const int64_t *purchases, const double *tenure_days,
                                    const uint8_t *status, const double *spend_trend, size_t n,
                                    const crm_stage_options *opts, uint8_t *out_stage);

/* Loyalty index 0..100 = 100 x sum(w_d score_d) / sum(w_d) over the drivers a customer has;
 * score_d maps the raw value linearly from [low, high] onto 0..1 (reversed when
 * !higher_is_loyal). */
/** The drivers of the index as parallel arrays of driver_count entries (pointer + length, so
 * the layout can grow): name (unique, non-empty), weight (> 0; weights need not sum to 1),
 * low and high (raw values scoring 0 and 1), higher_is_loyal (1, or 0 to reverse the scale),
 * saturate (1: values above high score as high; 0: above high is CRM_EINVAL). */
#define CRM_LOYALTY_MAX_DRIVERS 32 /**< a customer's drivers used are the bits of a uint32_t */

typedef enum crm_missing_drivers {
  CRM_MISSING_REWEIGHT = 0, /**< a customer's other weights scale up to sum 1 (recorded) */
  CRM_MISSING_REJECT = 1    /**< a missing value is CRM_EINVAL */
} crm_missing_drivers;

/** "reweight", "reject"; NULL for other values. `missing` is a crm_missing_drivers value. */
CRM_API const char *crm_missing_drivers_name(int missing);
/** Stores in *out_missing the value named `text` (a name crm_missing_drivers_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_missing_drivers_parse(const char *text, int *out_missing);

typedef struct crm_loyalty_options {
  unsigned int version;            /**< CRM_LOYALTY_OPTIONS_VERSION */
  size_t driver_count;             /**< 1..CRM_LOYALTY_MAX_DRIVERS; 0 with NULL arrays: defaults */
  const char *const *driver_names;
  const double *weights;
  const double *lows;
  const double *highs;
  const uint8_t *higher_is_loyal;
  const uint8_t *saturate;
  int missing;                     /**< crm_missing_drivers */
} crm_loyalty_options;

#define CRM_LOYALTY_OPTIONS_VERSION 2
#define CRM_LOYALTY_OPTIONS_INIT \
  { CRM_LOYALTY_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, CRM_MISSING_REWEIGHT }

/** The defaults: the arrays point at the library's static default drivers (driver_count 5:
 * repeat_purchase_rate 0.30 on 0..1, tenure_days 0.15 on 0..730 saturating, satisfaction
 * 0.25 on 1..5, price_sensitivity 0.15 on 0..1 lower is loyal, complaint_tolerance 0.15 on
 * 0..1) and missing = CRM_MISSING_REWEIGHT. The static arrays are never written. `version`: the
 * layout (1..CRM_LOYALTY_OPTIONS_VERSION). */
CRM_API int crm_loyalty_options_init(crm_loyalty_options *opts, unsigned int version);

typedef struct crm_loyalty_info {
  unsigned int version;  /**< CRM_LOYALTY_INFO_VERSION, set by the caller */
  double *weights;       /**< NULL or driver_capacity entries: nominal weights normalised to 1 */
  size_t *coverage;      /**< NULL or driver_capacity entries: customers that had each driver */
  size_t driver_capacity;/**< >= the number of drivers when an array is set, else CRM_EBUFS */
  /* filled in: */
  size_t drivers;        /**< number of drivers */
  size_t reweighted;     /**< customers scored on a subset of the drivers */
  size_t without_index;  /**< customers with no driver at all (index NaN) */
} crm_loyalty_info;

#define CRM_LOYALTY_INFO_VERSION 2
#define CRM_LOYALTY_INFO_INIT { CRM_LOYALTY_INFO_VERSION, NULL, NULL, 0, 0, 0, 0 }

/** columns[d] holds n raw values of driver d; a NULL column, or a NaN value, is a missing
 * driver. column_count must equal the number of drivers. out_index[n] (0..100, NaN without
 * any driver); out_drivers_used[n] (may be NULL): bit d set when driver d entered the
 * customer's index; info may be NULL. CRM_EINVAL for bad drivers, values outside
 * [low, high] (naming driver and row), or a missing value under CRM_MISSING_REJECT. */
CRM_API int crm_loyalty_index(const double *const *columns, size_t column_count, size_t n,
                              const crm_loyalty_options *opts, double *out_index,
                              uint32_t *out_drivers_used, crm_loyalty_info *info);

/** Retention economics. Money in any currency unit. */
typedef struct crm_value_at_risk_result {
  unsigned int version;     /**< CRM_VALUE_AT_RISK_RESULT_VERSION, set by the caller */
  size_t customers;
  double total_value;
  size_t at_risk_customers;
  double at_risk_value;
  double at_risk_share;     /**< at_risk_value / total_value (0 when the total is 0) */
  size_t lapsed_customers;
  double lapsed_value;
} crm_value_at_risk_result;

#define CRM_VALUE_AT_RISK_RESULT_VERSION 1
#define CRM_VALUE_AT_RISK_RESULT_INIT { CRM_VALUE_AT_RISK_RESULT_VERSION, 0, 0.0, 0, 0.0, 0.0, 0, 0.0 }

/** Value held by at-risk and lapsed customers: values (>= 0, e.g. predicted CLV or annual
 * margin) and status (crm_customer_status) of n customers. */
CRM_API int crm_value_at_risk(const double *values, const uint8_t *status, size_t n,
                              crm_value_at_risk_result *out);

typedef struct crm_retention_campaign {
  unsigned int version;       /**< CRM_RETENTION_CAMPAIGN_VERSION */
  double customers;           /**< contacted, >= 0 */
  double cost_per_customer;   /**< >= 0 */
  double win_back_rate;       /**< share of the contacted who stay or return, 0..1 */
  double value_per_customer;  /**< value kept per customer retained, >= 0 */
  int has_acquisition_cost;   /**< 0: acquisition_multiple x the cost per customer retained */
  double acquisition_cost;    /**< cost of acquiring one new customer */
  double acquisition_multiple;/**< 5: acquiring costs 5 x keeping (the material's rule) */
} crm_retention_campaign;

#define CRM_RETENTION_CAMPAIGN_VERSION 1
#define CRM_RETENTION_CAMPAIGN_INIT { CRM_RETENTION_CAMPAIGN_VERSION, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 5.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_RETENTION_CAMPAIGN_VERSION), the values of CRM_RETENTION_CAMPAIGN_INIT; CRM_EINVAL for
 * NULL or an unknown version. */
CRM_API int crm_retention_campaign_init(crm_retention_campaign *campaign, unsigned int version);

typedef struct crm_campaign_payback_result {
  unsigned int version;            /**< CRM_CAMPAIGN_PAYBACK_RESULT_VERSION, set by the caller */
  double retained;                 /**< customers x win_back_rate */
  double cost;                     /**< customers x cost_per_customer */
  double value_recovered;          /**< retained x value_per_customer */
  double net_value;                /**< value_recovered - cost */
  double roi;                      /**< net_value / cost (0 when cost is 0) */
  double cost_per_retained;        /**< cost / retained (HUGE_VAL when nobody is retained) */
  double break_even_win_back_rate; /**< cost_per_customer / value_per_customer */
  double acquisition_cost;         /**< per new customer, given or from the multiple */
  double replacement_cost;         /**< acquiring as many new customers as were retained */
  double saving_vs_acquisition;    /**< replacement_cost - cost */
} crm_campaign_payback_result;

#define CRM_CAMPAIGN_PAYBACK_RESULT_VERSION 1
#define CRM_CAMPAIGN_PAYBACK_RESULT_INIT \
  { CRM_CAMPAIGN_PAYBACK_RESULT_VERSION, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 }

/** Payback of a retention campaign; CRM_EINVAL naming the field for negative, NaN or
 * out-of-range input. */
CRM_API int crm_campaign_payback(const crm_retention_campaign *campaign,
                                 crm_campaign_payback_result *out);

/** The campaign aimed at the at-risk customers of *risk: customers = at_risk_customers,
 * value_per_customer = their mean value, acquisition from the default multiple.
 * cost_per_customer and win_back_rate go to the campaign's fields of those names. */
CRM_API int crm_at_risk_campaign(const crm_value_at_risk_result *risk, double cost_per_customer,
                                 double win_back_rate, crm_retention_campaign *out);

/* ---- data mining: k-means segments and the churn model ---------------------------------
 * (include/crmkit/value/{features,segment,churn}.hpp.) A feature table is n rows x p columns
 * passed column-major (column j at x[j * n .. j * n + n - 1]) with p NUL-terminated column
 * names; CRM_EINVAL for NULL pointers, n = 0, p = 0, duplicate names, or a non-finite value
 * (the message names the column and the 1-based row). Models are scaled inside (the scaling
 * is saved with them); a model applied to a table lacking one of its features is CRM_EINVAL
 * naming the feature (other columns are ignored). A handle may be used by one thread at a
 * time; separate handles concurrently. Results go into caller arrays. */

typedef enum crm_scaling {
  CRM_SCALING_NONE = 0,   /**< values as they are (after log1p where asked) */
  CRM_SCALING_ZSCORE = 1, /**< (x - mean) / standard deviation (ddof 0) */
  CRM_SCALING_ROBUST = 2  /**< (x - median) / IQR; the standard deviation when the IQR is 0 */
} crm_scaling;

typedef enum crm_k_selection {
  CRM_K_SILHOUETTE = 0, /**< highest mean silhouette */
  CRM_K_ELBOW = 1       /**< inertia curve farthest below its chord */
} crm_k_selection;

/** The name of `scaling` as a crm_scaling value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_scaling_name(int scaling);
/** Stores in *out_scaling the value named `text` (a name crm_scaling_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_scaling_parse(const char *text, int *out_scaling);
/** The name of `selection` as a crm_k_selection value (a static string); NULL for a value that
 * is not one. Thread-safe. */
CRM_API const char *crm_k_selection_name(int selection);
/** Stores in *out_selection the value named `text` (a name crm_k_selection_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_k_selection_parse(const char *text, int *out_selection);

typedef struct crm_kmeans crm_kmeans;

typedef struct crm_kmeans_options {
  unsigned int version;      /**< CRM_KMEANS_OPTIONS_VERSION */
  int k_min, k_max;          /**< k tried, 1 <= k_min <= k_max <= n */
  int n_init;                /**< k-means++ restarts per k, best inertia kept */
  int max_iterations;        /**< Lloyd iterations per restart */
  double tolerance;          /**< centre shift, relative to the mean feature variance */
  uint64_t seed;             /**< the result depends on it, not on threads */
  size_t silhouette_sample;  /**< rows drawn for the silhouette; 0 = all */
  int selection;             /**< crm_k_selection */
  int threads;               /**< 0 = every core */
  int scaling;               /**< crm_scaling */
  const char *const *log1p;  /**< column names taken as log(1 + x) first; may be NULL */
  size_t log1p_count;
  const char *value_column;  /**< column giving segment value shares; NULL = none */
} crm_kmeans_options;

#define CRM_KMEANS_OPTIONS_VERSION 1
#define CRM_KMEANS_OPTIONS_INIT \
  { CRM_KMEANS_OPTIONS_VERSION, 2, 8, 10, 300, 1e-4, 0, 10000, 0, 0, 1, NULL, 0, NULL }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_KMEANS_OPTIONS_VERSION), the values of CRM_KMEANS_OPTIONS_INIT; CRM_EINVAL for NULL or
 * an unknown version. */
CRM_API int crm_kmeans_options_init(crm_kmeans_options *opts, unsigned int version);

/** Fits k-means (k chosen over opts' range); labels (n entries, may be NULL) receive each
 * row's segment 0..k-1, segments numbered by size, largest first. opts NULL = defaults.
 * CRM_EINVAL also for a constant column and k above the distinct rows. Free with
 * crm_kmeans_free. x: n rows of p features, column-major (feature j's n values from x + j n),
 * named by names[p]. */
CRM_API int crm_kmeans_fit(crm_kmeans **out, const double *x, size_t n, size_t p,
                           const char *const *names, const crm_kmeans_options *opts,
                           int *labels);
/** Releases `model` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_kmeans_free(crm_kmeans *model);

typedef struct crm_kmeans_info {
  unsigned int version; /**< CRM_KMEANS_INFO_VERSION, set by the caller */
  int k;                /**< chosen */
  size_t features;
  double inertia;       /**< of the fit; NaN for a loaded model */
  double silhouette;    /**< of the fit; NaN for a loaded model */
} crm_kmeans_info;

#define CRM_KMEANS_INFO_VERSION 1
#define CRM_KMEANS_INFO_INIT { CRM_KMEANS_INFO_VERSION, 0, 0, 0.0, 0.0 }

/** The model's k, feature count, inertia and silhouette into *info, its version set by the
 * caller. CRM_EINVAL for NULL or an unknown version. */
CRM_API int crm_kmeans_info_get(const crm_kmeans *model, crm_kmeans_info *info);

/** Feature j's name (model order), NUL-terminated; *out_len gets its length; CRM_EBUFS when
 * buf_len <= that (buf may be NULL to ask). */
CRM_API int crm_kmeans_feature_name(const crm_kmeans *model, size_t j, char *buf,
                                    size_t buf_len, size_t *out_len);

/** Centres in data units, row-major k x features; capacity in doubles (CRM_EBUFS if short).
 * centers receives them. */
CRM_API int crm_kmeans_centers(const crm_kmeans *model, double *centers, size_t capacity);

/** Every k tried: k, inertia, silhouette (arrays of `capacity`, each may be NULL); *out_count
 * gets their number. CRM_ESTATE for a loaded model (no fit record). */
CRM_API int crm_kmeans_scores(const crm_kmeans *model, int *k, double *inertia,
                              double *silhouette, size_t capacity, size_t *out_count);

/** Segment profiles of the fit, k entries each (may be NULL): sizes, value shares (NaN
 * without a value column) and means (row-major k x features, data units), capacity = k.
 * CRM_ESTATE for a loaded model. value_share: the value shares. */
CRM_API int crm_kmeans_profiles(const crm_kmeans *model, size_t *sizes, double *value_share,
                                double *means, size_t capacity);

/** Segment of each row of a new table (n labels). x, p and names as for crm_kmeans_fit; columns
 * are matched to the model's features by name. */
CRM_API int crm_kmeans_assign(const crm_kmeans *model, const double *x, size_t n, size_t p,
                              const char *const *names, int *labels);

/** Files and buffers: the checksummed archive envelope (text archive, written atomically);
 * CRM_ECORRUPT for damage, CRM_EINVAL for a file of another model type, CRM_EIO for I/O.
 * to_buffer: *out_len gets the size; CRM_EBUFS when buf_len is smaller (buf may be NULL). `path`
 * names the file. */
CRM_API int crm_kmeans_save(const crm_kmeans *model, const char *path);
/** A model from a file written by crm_kmeans_save into *out (NULL on failure); free it with
 * crm_kmeans_free. `path` names the file. */
CRM_API int crm_kmeans_load(crm_kmeans **out, const char *path);
/** The bytes crm_kmeans_save writes, into the caller's buf (see above for the size protocol). */
CRM_API int crm_kmeans_to_buffer(const crm_kmeans *model, void *buf, size_t buf_len,
                                 size_t *out_len);
/** A model from len bytes made by crm_kmeans_to_buffer, as crm_kmeans_load. */
CRM_API int crm_kmeans_from_buffer(crm_kmeans **out, const void *buf, size_t len);

typedef struct crm_churn crm_churn;

/** The penalty is (l2 / 2) ||beta||^2 on the coefficients, not the intercept: l2 = 1 / C of
 * scikit-learn's LogisticRegression. */
typedef struct crm_churn_options {
  unsigned int version;      /**< CRM_CHURN_OPTIONS_VERSION */
  double l2;                 /**< >= 0; 0 fails (CRM_ECONVERGE) on separable data */
  int balanced;              /**< 1: class weights n / (2 n_class) */
  int max_iterations;        /**< Newton steps */
  double tolerance;          /**< largest relative Newton step at convergence (error ~ its square) */
  double threshold;          /**< probability counted as predicted churn (metrics) */
  int threads;               /**< 0 = every core; the result does not depend on it */
  int scaling;               /**< crm_scaling */
  const char *const *log1p;  /**< column names taken as log(1 + x) first; may be NULL */
  size_t log1p_count;
} crm_churn_options;

#define CRM_CHURN_OPTIONS_VERSION 1
#define CRM_CHURN_OPTIONS_INIT \
  { CRM_CHURN_OPTIONS_VERSION, 1.0, 0, 100, 1e-7, 0.5, 0, 1, NULL, 0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CHURN_OPTIONS_VERSION), the values of CRM_CHURN_OPTIONS_INIT; CRM_EINVAL for NULL or
 * an unknown version. */
CRM_API int crm_churn_options_init(crm_churn_options *opts, unsigned int version);

/** Fits the churn model on every column; label: n values 0 or 1 (1 = churned; CRM_EINVAL
 * naming the row otherwise, or for one class only). probability (n, may be NULL) receives
 * the fitted churn probabilities. Free with crm_churn_free. x, p and names as for
 * crm_kmeans_fit. */
CRM_API int crm_churn_fit(crm_churn **out, const double *x, size_t n, size_t p,
                          const char *const *names, const double *label,
                          const crm_churn_options *opts, double *probability);
/** Releases `model` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_churn_free(crm_churn *model);

/** Coefficients, the intercept first then the features in model order: names (owned by the
 * handle, valid until it is freed), estimates, standard errors (inverse penalised Hessian),
 * z values, odds ratios (per scaled unit); arrays of `capacity`, each may be NULL;
 * *out_count gets features + 1; CRM_EBUFS (nothing written) when capacity is short. estimate,
 * standard_error, z and odds_ratio receive them. */
CRM_API int crm_churn_coefficients(const crm_churn *model, const char **names,
                                   double *estimate, double *standard_error, double *z,
                                   double *odds_ratio, size_t capacity, size_t *out_count);

/** Churn probability of each row of a table (n entries). x, p and names as for crm_churn_fit. */
CRM_API int crm_churn_predict(const crm_churn *model, const double *x, size_t n, size_t p,
                              const char *const *names, double *probability);

typedef struct crm_churn_metrics {
  unsigned int version; /**< CRM_CHURN_METRICS_VERSION, set by the caller */
  size_t customers;
  double churn_rate;
  double log_loss;      /**< mean, probabilities clipped to [1e-15, 1 - 1e-15] */
  double auc;           /**< ROC AUC, ties counted one half */
  double threshold;
  double precision;     /**< NaN when nobody is predicted to churn */
  double recall;
  double accuracy;
} crm_churn_metrics;

#define CRM_CHURN_METRICS_VERSION 1
#define CRM_CHURN_METRICS_INIT \
  { CRM_CHURN_METRICS_VERSION, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 }

/** Metrics of probabilities against 0/1 labels. Per decile (highest predicted first; fewer
 * than 10 for n < 10): lift and cumulative lift into arrays of lift_capacity (may be NULL),
 * *out_deciles gets their number. Calibration over the 10 bins [0, 0.1), ..., [0.9, 1]:
 * customers, mean probability, observed rate (NaN in empty bins), arrays of 10 (may be NULL).
 * probability and label: n entries each; threshold: the probability counted as predicted churn;
 * lift and cumulative_lift, calibration_customers, calibration_probability and
 * calibration_observed receive those figures. */
CRM_API int crm_churn_evaluate(const double *probability, const double *label, size_t n,
                               double threshold, crm_churn_metrics *out, double *lift,
                               double *cumulative_lift, size_t lift_capacity,
                               size_t *out_deciles, size_t *calibration_customers,
                               double *calibration_probability, double *calibration_observed);

/** Sensitivity: every row's churn probability before and after `feature` moves by `delta`
 * (data units), n entries each (may be NULL); value (n amounts at risk, may be NULL) gives
 * the expected value at risk before and after (NaN without values; pointers may be NULL). x, p
 * and names as for crm_churn_fit; *value_at_risk_before and *value_at_risk_after receive the
 * values at risk. */
CRM_API int crm_churn_sensitivity(const crm_churn *model, const double *x, size_t n, size_t p,
                                  const char *const *names, const char *feature,
                                  double delta, const double *value, double *before,
                                  double *after, double *value_at_risk_before,
                                  double *value_at_risk_after);

/** Drivers per group: groups (n labels >= 0, e.g. k-means segments; NULL = one group).
 * effects receives, row-major groups x features in model order, the mean change of the
 * churn probability when each scaled feature rises one unit; capacity in doubles;
 * *out_groups gets the number of groups (max label + 1). CRM_EBUFS when short. x, p and names as
 * for crm_churn_fit. */
CRM_API int crm_churn_drivers(const crm_churn *model, const double *x, size_t n, size_t p,
                              const char *const *names, const int *groups, double *effects,
                              size_t capacity, size_t *out_groups);

/** Writes the model to `path` in the checksummed archive envelope (written atomically). CRM_EIO
 * when it cannot be written. */
CRM_API int crm_churn_save(const crm_churn *model, const char *path);
/** A model from a file written by crm_churn_save into *out (NULL on failure); free it with
 * crm_churn_free. CRM_ECORRUPT for a damaged file, CRM_EINVAL for a file of another model type,
 * CRM_EIO for I/O. `path` names the file. */
CRM_API int crm_churn_load(crm_churn **out, const char *path);
/** The bytes crm_churn_save writes, into the caller's buf: *out_len gets the size; CRM_EBUFS
 * when buf_len is smaller (buf may be NULL to ask). */
CRM_API int crm_churn_to_buffer(const crm_churn *model, void *buf, size_t buf_len,
                                size_t *out_len);
/** A model from len bytes made by crm_churn_to_buffer (only read during the call), as
 * crm_churn_load. */
CRM_API int crm_churn_from_buffer(crm_churn **out, const void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_VALUE_H */
