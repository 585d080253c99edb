/*
 * crmkit/quality.h — the service-quality pillar: survey instruments, SERVQUAL scores and the
 * zone of tolerance, category sums of the customer-orientation self-audit and of employee
 * satisfaction. C++ counterparts: include/crmkit/quality/{instrument,servqual,audit}.hpp.
 *
 * Answers are respondents x items matrices of double, row-major (one row per respondent,
 * columns in the instrument's item order: crm_instrument_item_id(i) is column i), NaN for an
 * unanswered item; every matrix of one call has the same respondents in the same rows. The
 * caller's arrays are only read during the call. A respondent count whose matrix would not
 * fit in memory is CRM_EINVAL.
 */
#ifndef CRMKIT_QUALITY_H
#define CRMKIT_QUALITY_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- instruments ------------------------------------------------------------------------ */

/* An instrument: named dimensions of items on a rating scale [min, max], some items
 * reverse-coded (answers reversed as min + max - answer before any statistic). Immutable once
 * made: one instrument may be shared by threads. */
typedef struct crm_instrument crm_instrument;

typedef enum crm_servqual_version {
  CRM_SERVQUAL_1991 = 0, /* all 22 statements worded positively */
  CRM_SERVQUAL_1988 = 1  /* statements 10-13 and 18-22 negatively worded: reverse-coded */
} crm_servqual_version;

/* "1991", "1988"; NULL for a value that is not a crm_servqual_version. */
CRM_API const char *crm_servqual_version_name(int version);
CRM_API int crm_servqual_version_parse(const char *text, int *out_version);

/* SERVQUAL: 22 items "1".."22" in five dimensions (tangibles 1-4, reliability 5-9,
 * responsiveness 10-13, assurance 14-17, empathy 18-22) on the scale [scale_min, scale_max]
 * (the published instrument: 1, 7). CRM_EINVAL for an unknown version or a bad scale. */
CRM_API int crm_instrument_servqual(crm_instrument **out, int version, double scale_min,
                                    double scale_max);

/* The customer-orientation self-audit: 40 items "1".."40" in 7 categories on 1-5. */
CRM_API int crm_instrument_audit(crm_instrument **out);

/* Employee satisfaction: the five dimensions job, workplace, working conditions,
 * organisation and personnel, company image (in that order; n_dimensions must be 5), with
 * items_per_dimension[d] items each taken in order from item_ids (unique, non-empty);
 * item_texts (wording) and reverse_coded (non-zero: reversed) are NULL or one per item.
 * CRM_EINVAL naming the problem otherwise. */
CRM_API int crm_instrument_employee(crm_instrument **out, const char *const *item_ids,
                                    const char *const *item_texts, const int *reverse_coded,
                                    const size_t *items_per_dimension, size_t n_dimensions,
                                    double scale_min, double scale_max);

/* A caller's instrument from the text format of the README ("instrument:", "scale:",
 * "dimension:", "item: ID | wording | reverse" lines). `source` names the text in messages
 * (NULL: "instrument"). CRM_EPARSE "SOURCE:LINE: what" for bad text. */
CRM_API int crm_instrument_parse(crm_instrument **out, const char *text, const char *source);
/* The same from a file: CRM_EIO when it cannot be read. */
CRM_API int crm_instrument_read(crm_instrument **out, const char *path);

CRM_API void crm_instrument_free(crm_instrument *instrument);

/* Text accessors: NUL-terminated into buf; *out_len receives the length without the NUL;
 * CRM_EBUFS when buf_len <= that length (buf may be NULL to ask). An index out of range is
 * CRM_EINVAL. */
CRM_API int crm_instrument_name(const crm_instrument *instrument, char *buf, size_t buf_len,
                                size_t *out_len);
CRM_API int crm_instrument_dimension_name(const crm_instrument *instrument, size_t dimension,
                                          char *buf, size_t buf_len, size_t *out_len);
CRM_API int crm_instrument_item_id(const crm_instrument *instrument, size_t item, char *buf,
                                   size_t buf_len, size_t *out_len);
CRM_API int crm_instrument_item_text(const crm_instrument *instrument, size_t item, char *buf,
                                     size_t buf_len, size_t *out_len);

CRM_API int crm_instrument_scale(const crm_instrument *instrument, double *out_min,
                                 double *out_max);
CRM_API int crm_instrument_dimension_count(const crm_instrument *instrument, size_t *out_count);
CRM_API int crm_instrument_item_count(const crm_instrument *instrument, size_t *out_count);
/* Dimension d's items are the columns first .. first + count - 1. */
CRM_API int crm_instrument_dimension_items(const crm_instrument *instrument, size_t dimension,
                                           size_t *out_first, size_t *out_count);
/* *out_reverse = 1 when item i is reverse-coded, else 0. */
CRM_API int crm_instrument_item_reverse_coded(const crm_instrument *instrument, size_t item,
                                              int *out_reverse);

/* How unanswered items (NaN) enter the statistics (instrument.hpp). */
typedef enum crm_missing_policy {
  CRM_MISSING_LISTWISE = 0,      /* only respondents who answered every item */
  CRM_MISSING_PAIRWISE = 1,      /* each statistic uses every answer it can */
  CRM_MISSING_DIMENSION_MEAN = 2 /* a blank takes the respondent's mean of the dimension's
                                    answered items when at least min_answered are answered */
} crm_missing_policy;

/* "listwise", "pairwise", "dimension-mean". */
CRM_API const char *crm_missing_policy_name(int policy);
CRM_API int crm_missing_policy_parse(const char *text, int *out_policy);

/* ---- SERVQUAL ----------------------------------------------------------------------------
 * Gaps P - E by item and dimension, the overall score under both conventions, the weighted
 * score from 100-point importance allocations, SERVPERF, and with the adequate level A the
 * three-column format: MSA = P - A, MSS = P - desired (= the gap, E holding the desired
 * level) and the zone of tolerance. How a pair answered on one side only is treated under
 * each missing policy is documented in include/crmkit/quality/servqual.hpp. */

/* A mean over respondents, its sample standard deviation (n - 1) and the two-sided t
 * interval at the options' confidence. mean is NaN when n = 0; sd, lower, upper NaN when
 * n < 2. An element of result arrays (no version field: its layout is fixed). */
typedef struct crm_estimate {
  double mean;
  double sd;
  size_t n;
  double lower;
  double upper;
} crm_estimate;

/* Position of perceived service against the zone of tolerance [adequate, desired]. P equal
 * to either boundary (MSA = 0 or MSS = 0) is WITHIN; below when mean MSA < 0, else above
 * when mean MSS > 0. */
typedef enum crm_zone_position {
  CRM_ZONE_BELOW = 0,
  CRM_ZONE_WITHIN = 1,
  CRM_ZONE_ABOVE = 2
} crm_zone_position;

/* "below", "within", "above". */
CRM_API const char *crm_zone_position_name(int position);
CRM_API int crm_zone_position_parse(const char *text, int *out_position);

typedef struct crm_servqual_options {
  unsigned int version; /* CRM_SERVQUAL_OPTIONS_VERSION */
  int missing;          /* crm_missing_policy */
  size_t min_answered;  /* dimension-mean: answered items a dimension needs (>= 1) */
  double confidence;    /* of every interval, in (0, 1) */
} crm_servqual_options;

#define CRM_SERVQUAL_OPTIONS_VERSION 1
#define CRM_SERVQUAL_OPTIONS_INIT { CRM_SERVQUAL_OPTIONS_VERSION, CRM_MISSING_PAIRWISE, 1, 0.95 }

CRM_API int crm_servqual_options_init(crm_servqual_options *opts, unsigned int version);

/* Where crm_servqual writes. Every array may be NULL (not wanted); the rest is filled in.
 * The adequate and msa entries have n = 0 without A. */
typedef struct crm_servqual_result {
  unsigned int version;              /* CRM_SERVQUAL_RESULT_VERSION, set by the caller */
  /* item_count entries each (instrument item order): */
  crm_estimate *item_expected;
  crm_estimate *item_perceived;      /* SERVPERF by item */
  crm_estimate *item_gap;            /* P - E (= MSS with A) */
  crm_estimate *item_adequate;
  crm_estimate *item_msa;            /* P - A */
  uint8_t *item_zone;                /* crm_zone_position (meaningful with A) */
  /* dimension_count entries each, over respondents' dimension scores (the mean of their
   * item values in the dimension): */
  crm_estimate *dimension_expected;
  crm_estimate *dimension_perceived;
  crm_estimate *dimension_gap;
  crm_estimate *dimension_adequate;
  crm_estimate *dimension_msa;
  uint8_t *dimension_zone;
  /* Per respondent (input row; NaN for rows the missing policy dropped): */
  double *respondent_dimension_gap;  /* respondents x dimension_count, row-major */
  double *respondent_weighted_gap;   /* respondents */
  /* Filled in: */
  double gap_mean_of_items;          /* unweighted SERVQUAL: mean of the item gaps */
  double gap_mean_of_dimensions;     /* unweighted SERVQUAL: mean of the dimension gaps */
  double servperf_mean_of_items;     /* perceptions only */
  double servperf_mean_of_dimensions;
  crm_estimate weighted_gap;         /* n = 0 without weights */
  int has_adequate;
  int has_weights;
  size_t respondents_used;           /* rows kept by the missing policy */
} crm_servqual_result;

#define CRM_SERVQUAL_RESULT_VERSION 1
#define CRM_SERVQUAL_RESULT_INIT                                                               \
  { CRM_SERVQUAL_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    NULL, NULL, NULL, NULL, 0.0, 0.0, 0.0, 0.0, { 0.0, 0.0, 0, 0.0, 0.0 }, 0, 0, 0 }

/* SERVQUAL scores of `respondents` rows. expected (E), perceived (P) and adequate (A, or
 * NULL) are respondents x item_count answer matrices; weights (or NULL) is respondents x
 * dimension_count: each respondent's 100 importance points over the dimensions, each row
 * non-negative and summing to 100 (within 1e-6) or entirely NaN (no weighted score for that
 * respondent). CRM_EINVAL naming the matrix, respondent (0-based row) and item for an answer
 * off the scale, for weights that miss 100 (by how much), a bad option or a NULL matrix. */
CRM_API int crm_servqual(const crm_instrument *instrument, const double *expected,
                         const double *perceived, const double *adequate, const double *weights,
                         size_t respondents, const crm_servqual_options *opts,
                         crm_servqual_result *out);

/* ---- category sums: the self-audit and employee satisfaction -----------------------------
 * A respondent's category (dimension) score is the sum of their answers to its items; the
 * maximum is scale max x items; the percentage score / maximum x 100. An unanswered item
 * never counts as 0: listwise drops the respondent, pairwise leaves that category without a
 * score (NaN), dimension-mean fills the blank with the respondent's mean of the category's
 * answered items (at least min_answered), pro-rating the sum. */

typedef struct crm_category_options {
  unsigned int version; /* CRM_CATEGORY_OPTIONS_VERSION */
  int missing;          /* crm_missing_policy */
  size_t min_answered;  /* dimension-mean only, >= 1 */
} crm_category_options;

#define CRM_CATEGORY_OPTIONS_VERSION 1
#define CRM_CATEGORY_OPTIONS_INIT { CRM_CATEGORY_OPTIONS_VERSION, CRM_MISSING_PAIRWISE, 1 }

CRM_API int crm_category_options_init(crm_category_options *opts, unsigned int version);

/* Where crm_category_scores writes; every array may be NULL. */
typedef struct crm_category_result {
  unsigned int version;     /* CRM_CATEGORY_RESULT_VERSION, set by the caller */
  double *score;            /* respondents x dimension_count, row-major; NaN = no score */
  double *percentage;       /* respondents x dimension_count */
  double *total;            /* respondents: sum of all items (NaN unless all categories) */
  double *total_percentage; /* respondents */
  double *maximum;          /* dimension_count: scale max x items */
  double *mean_score;       /* dimension_count: over respondents with a score */
  double *mean_percentage;  /* dimension_count */
  size_t *scored;           /* dimension_count: respondents with a score */
  size_t *weakest;          /* dimension_count: category indexes, lowest mean percentage first */
  /* Filled in: */
  double total_maximum;
  double mean_total;
  double mean_total_percentage;
  size_t scored_total;
} crm_category_result;

#define CRM_CATEGORY_RESULT_VERSION 1
#define CRM_CATEGORY_RESULT_INIT                                                          \
  { CRM_CATEGORY_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    0.0, 0.0, 0.0, 0 }

/* Category scores of a respondents x item_count answer matrix. CRM_EINVAL naming the
 * respondent and item for an answer off the scale, or for a bad option. */
CRM_API int crm_category_scores(const crm_instrument *instrument, const double *answers,
                                size_t respondents, const crm_category_options *opts,
                                crm_category_result *out);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_QUALITY_H */
