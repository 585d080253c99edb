/** @file
 * crmkit/quality.h — the service-quality pillar: survey instruments, SERVQUAL scores and the
 * zone of tolerance, category sums of the customer-orientation self-audit and of employee
 * satisfaction; reliability, importance-performance analysis, the five-gap model and the
 * customer satisfaction index, PLS satisfaction index models. C++ counterparts: include/crmkit/quality/{instrument,
 * servqual,audit,reliability,ipa,gaps,csi,pls}.hpp.
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

/** An instrument: named dimensions of items on a rating scale [min, max], some items
 * reverse-coded (answers reversed as min + max - answer before any statistic). Immutable once
 * made: one instrument may be shared by threads. */
typedef struct crm_instrument crm_instrument;

typedef enum crm_servqual_version {
  CRM_SERVQUAL_1991 = 0, /**< all 22 statements worded positively */
  CRM_SERVQUAL_1988 = 1  /**< statements 10-13 and 18-22 negatively worded: reverse-coded */
} crm_servqual_version;

/** "1991", "1988"; NULL for a value that is not a crm_servqual_version. `version` is a
 * crm_servqual_version value. */
CRM_API const char *crm_servqual_version_name(int version);
/** Stores in *out_version the value named `text` (a name crm_servqual_version_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_servqual_version_parse(const char *text, int *out_version);

/** SERVQUAL: 22 items "1".."22" in five dimensions (tangibles 1-4, reliability 5-9,
 * responsiveness 10-13, assurance 14-17, empathy 18-22) on the scale [scale_min, scale_max]
 * (the published instrument: 1, 7). CRM_EINVAL for an unknown version or a bad scale. */
CRM_API int crm_instrument_servqual(crm_instrument **out, int version, double scale_min,
                                    double scale_max);

/** The customer-orientation self-audit: 40 items "1".."40" in 7 categories on 1-5. */
CRM_API int crm_instrument_audit(crm_instrument **out);

/** Employee satisfaction: the five dimensions job, workplace, working conditions,
 * organisation and personnel, company image (in that order; n_dimensions must be 5), with
 * items_per_dimension[d] items each taken in order from item_ids (unique, non-empty);
 * item_texts (wording) and reverse_coded (non-zero: reversed) are NULL or one per item.
 * CRM_EINVAL naming the problem otherwise. Answers lie on [scale_min, scale_max]. */
CRM_API int crm_instrument_employee(crm_instrument **out, const char *const *item_ids,
                                    const char *const *item_texts, const int *reverse_coded,
                                    const size_t *items_per_dimension, size_t n_dimensions,
                                    double scale_min, double scale_max);

/** A caller's instrument from the text format of the README ("instrument:", "scale:",
 * "dimension:", "item: ID | wording | reverse" lines). `source` names the text in messages
 * (NULL: "instrument"). CRM_EPARSE "SOURCE:LINE: what" for bad text. */
CRM_API int crm_instrument_parse(crm_instrument **out, const char *text, const char *source);
/** The same from a file: CRM_EIO when it cannot be read. `path` names the file. */
CRM_API int crm_instrument_read(crm_instrument **out, const char *path);

/** Releases `instrument` and all it holds; NULL is fine. The handle must not be used afterwards.
 * */
CRM_API void crm_instrument_free(crm_instrument *instrument);

/** Text accessors: NUL-terminated into buf; *out_len receives the length without the NUL;
 * CRM_EBUFS when buf_len <= that length (buf may be NULL to ask). An index out of range is
 * CRM_EINVAL. */
CRM_API int crm_instrument_name(const crm_instrument *instrument, char *buf, size_t buf_len,
                                size_t *out_len);
/** Name of dimension `dimension` (0-based, instrument order), as crm_instrument_name. */
CRM_API int crm_instrument_dimension_name(const crm_instrument *instrument, size_t dimension,
                                          char *buf, size_t buf_len, size_t *out_len);
/** Id of item `item` (0-based column), as crm_instrument_name. */
CRM_API int crm_instrument_item_id(const crm_instrument *instrument, size_t item, char *buf,
                                   size_t buf_len, size_t *out_len);
/** Wording of item `item` ("" when none was given), as crm_instrument_name. */
CRM_API int crm_instrument_item_text(const crm_instrument *instrument, size_t item, char *buf,
                                     size_t buf_len, size_t *out_len);

/** The rating scale [*out_min, *out_max] answers are validated on. */
CRM_API int crm_instrument_scale(const crm_instrument *instrument, double *out_min,
                                 double *out_max);
/** Number of dimensions into *out_count. */
CRM_API int crm_instrument_dimension_count(const crm_instrument *instrument, size_t *out_count);
/** Number of items (answer columns) into *out_count. */
CRM_API int crm_instrument_item_count(const crm_instrument *instrument, size_t *out_count);
/** Dimension d's items are the columns first .. first + count - 1. For `dimension` (0-based),
 * *out_first and *out_count receive first and count. */
CRM_API int crm_instrument_dimension_items(const crm_instrument *instrument, size_t dimension,
                                           size_t *out_first, size_t *out_count);
/** *out_reverse = 1 when item i is reverse-coded, else 0. */
CRM_API int crm_instrument_item_reverse_coded(const crm_instrument *instrument, size_t item,
                                              int *out_reverse);

/** How unanswered items (NaN) enter the statistics (instrument.hpp). */
typedef enum crm_missing_policy {
  CRM_MISSING_LISTWISE = 0,      /**< only respondents who answered every item */
  CRM_MISSING_PAIRWISE = 1,      /**< each statistic uses every answer it can */
  CRM_MISSING_DIMENSION_MEAN = 2 /**< a blank takes the respondent's mean of the dimension's
                                    answered items when at least min_answered are answered */
} crm_missing_policy;

/** "listwise", "pairwise", "dimension-mean". `policy` is a crm_missing_policy value; NULL for
 * another. */
CRM_API const char *crm_missing_policy_name(int policy);
/** Stores in *out_policy the value named `text` (a name crm_missing_policy_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_missing_policy_parse(const char *text, int *out_policy);

/* ---- SERVQUAL ----------------------------------------------------------------------------
 * Gaps P - E by item and dimension, the overall score under both conventions, the weighted
 * score from 100-point importance allocations, SERVPERF, and with the adequate level A the
 * three-column format: MSA = P - A, MSS = P - desired (= the gap, E holding the desired
 * level) and the zone of tolerance. How a pair answered on one side only is treated under
 * each missing policy is documented in include/crmkit/quality/servqual.hpp. */

/** A mean over respondents, its sample standard deviation (n - 1) and the two-sided t
 * interval at the options' confidence. mean is NaN when n = 0; sd, lower, upper NaN when
 * n < 2. An element of result arrays (no version field: its layout is fixed). */
typedef struct crm_estimate {
  double mean;
  double sd;
  size_t n;
  double lower;
  double upper;
} crm_estimate;

/** Position of perceived service against the zone of tolerance [adequate, desired]. P equal
 * to either boundary (MSA = 0 or MSS = 0) is WITHIN; below when mean MSA < 0, else above
 * when mean MSS > 0. */
typedef enum crm_zone_position {
  CRM_ZONE_BELOW = 0,
  CRM_ZONE_WITHIN = 1,
  CRM_ZONE_ABOVE = 2
} crm_zone_position;

/** "below", "within", "above". `position` is a crm_zone_position value; NULL for another. */
CRM_API const char *crm_zone_position_name(int position);
/** Stores in *out_position the value named `text` (a name crm_zone_position_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_zone_position_parse(const char *text, int *out_position);

typedef struct crm_servqual_options {
  unsigned int version; /**< CRM_SERVQUAL_OPTIONS_VERSION */
  int missing;          /**< crm_missing_policy */
  size_t min_answered;  /**< dimension-mean: answered items a dimension needs (>= 1) */
  double confidence;    /**< of every interval, in (0, 1) */
} crm_servqual_options;

#define CRM_SERVQUAL_OPTIONS_VERSION 1
#define CRM_SERVQUAL_OPTIONS_INIT { CRM_SERVQUAL_OPTIONS_VERSION, CRM_MISSING_PAIRWISE, 1, 0.95 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_SERVQUAL_OPTIONS_VERSION), the values of CRM_SERVQUAL_OPTIONS_INIT; CRM_EINVAL for
 * NULL or an unknown version. */
CRM_API int crm_servqual_options_init(crm_servqual_options *opts, unsigned int version);

/** Where crm_servqual writes. Every array may be NULL (not wanted); the rest is filled in.
 * The adequate and msa entries have n = 0 without A. */
typedef struct crm_servqual_result {
  unsigned int version;              /**< CRM_SERVQUAL_RESULT_VERSION, set by the caller */
  /* item_count entries each (instrument item order): */
  crm_estimate *item_expected;
  crm_estimate *item_perceived;      /**< SERVPERF by item */
  crm_estimate *item_gap;            /**< P - E (= MSS with A) */
  crm_estimate *item_adequate;
  crm_estimate *item_msa;            /**< P - A */
  uint8_t *item_zone;                /**< crm_zone_position (meaningful with A) */
  /* dimension_count entries each, over respondents' dimension scores (the mean of their
   * item values in the dimension): */
  crm_estimate *dimension_expected;
  crm_estimate *dimension_perceived;
  crm_estimate *dimension_gap;
  crm_estimate *dimension_adequate;
  crm_estimate *dimension_msa;
  uint8_t *dimension_zone;
  /* Per respondent (input row; NaN for rows the missing policy dropped): */
  double *respondent_dimension_gap;  /**< respondents x dimension_count, row-major */
  double *respondent_weighted_gap;   /**< respondents */
  /* Filled in: */
  double gap_mean_of_items;          /**< unweighted SERVQUAL: mean of the item gaps */
  double gap_mean_of_dimensions;     /**< unweighted SERVQUAL: mean of the dimension gaps */
  double servperf_mean_of_items;     /**< perceptions only */
  double servperf_mean_of_dimensions;
  crm_estimate weighted_gap;         /**< n = 0 without weights */
  int has_adequate;
  int has_weights;
  size_t respondents_used;           /**< rows kept by the missing policy */
} crm_servqual_result;

#define CRM_SERVQUAL_RESULT_VERSION 1
#define CRM_SERVQUAL_RESULT_INIT                                                               \
  { CRM_SERVQUAL_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    NULL, NULL, NULL, NULL, 0.0, 0.0, 0.0, 0.0, { 0.0, 0.0, 0, 0.0, 0.0 }, 0, 0, 0 }

/** SERVQUAL scores of `respondents` rows. expected (E), perceived (P) and adequate (A, or
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
  unsigned int version; /**< CRM_CATEGORY_OPTIONS_VERSION */
  int missing;          /**< crm_missing_policy */
  size_t min_answered;  /**< dimension-mean only, >= 1 */
} crm_category_options;

#define CRM_CATEGORY_OPTIONS_VERSION 1
#define CRM_CATEGORY_OPTIONS_INIT { CRM_CATEGORY_OPTIONS_VERSION, CRM_MISSING_PAIRWISE, 1 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CATEGORY_OPTIONS_VERSION), the values of CRM_CATEGORY_OPTIONS_INIT; CRM_EINVAL for
 * NULL or an unknown version. */
CRM_API int crm_category_options_init(crm_category_options *opts, unsigned int version);

/** Where crm_category_scores writes; every array may be NULL. */
typedef struct crm_category_result {
  unsigned int version;     /**< CRM_CATEGORY_RESULT_VERSION, set by the caller */
  double *score;            /**< respondents x dimension_count, row-major; NaN = no score */
  double *percentage;       /**< respondents x dimension_count */
  double *total;            /**< respondents: sum of all items (NaN unless all categories) */
  double *total_percentage; /**< respondents */
  double *maximum;          /**< dimension_count: scale max x items */
  double *mean_score;       /**< dimension_count: over respondents with a score */
  double *mean_percentage;  /**< dimension_count */
  size_t *scored;           /**< dimension_count: respondents with a score */
  size_t *weakest;          /**< dimension_count: category indexes, lowest mean percentage first */
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

/** Category scores of a respondents x item_count answer matrix. CRM_EINVAL naming the
 * respondent and item for an answer off the scale, or for a bad option. `answers` holds that
 * matrix, row-major. */
CRM_API int crm_category_scores(const crm_instrument *instrument, const double *answers,
                                size_t respondents, const crm_category_options *opts,
                                crm_category_result *out);

/* ---- analysis: reliability, IPA, gaps, CSI ----------------------------------------------
 * (include/crmkit/quality/{reliability,ipa,gaps,csi}.hpp.) Each function reads the caller's
 * arrays (crm_gap_means_from_answers also an instrument, only read) and writes results into
 * the caller's arrays; thread-safe. */

/** Reliability: Cronbach's alpha raw (covariances) and standardised (correlations), alpha
 * if an item is deleted, corrected item-total correlations, from one pass over the
 * answers. */
typedef struct crm_reliability_options {
  unsigned int version; /**< CRM_RELIABILITY_OPTIONS_VERSION */
  int missing;          /**< crm_missing_policy: CRM_MISSING_LISTWISE (default) or
                           CRM_MISSING_PAIRWISE */
} crm_reliability_options;

#define CRM_RELIABILITY_OPTIONS_VERSION 1
#define CRM_RELIABILITY_OPTIONS_INIT { CRM_RELIABILITY_OPTIONS_VERSION, CRM_MISSING_LISTWISE }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_RELIABILITY_OPTIONS_VERSION), the values of CRM_RELIABILITY_OPTIONS_INIT; CRM_EINVAL
 * for NULL or an unknown version. */
CRM_API int crm_reliability_options_init(crm_reliability_options *opts, unsigned int version);

/** Where crm_reliability writes. The per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_reliability_result {
  unsigned int version;           /**< CRM_RELIABILITY_RESULT_VERSION, set by the caller */
  double *alpha_if_deleted;       /**< raw alpha without item i (NaN with 2 items) */
  double *item_total_correlation; /**< corrected: item i vs the sum of the other items */
  double *item_mean;
  double *item_variance;          /**< n - 1 denominator */
  size_t respondents;             /**< respondents used (complete rows, or rows with answers) */
  double alpha_raw;
  double alpha_standardised;
  double mean_correlation;        /**< mean inter-item correlation */
} crm_reliability_result;

#define CRM_RELIABILITY_RESULT_VERSION 1
#define CRM_RELIABILITY_RESULT_INIT \
  { CRM_RELIABILITY_RESULT_VERSION, NULL, NULL, NULL, NULL, 0, 0.0, 0.0, 0.0 }

/** Reliability of all `items` columns of `answers` (respondents x items). Figures that
 * divide by zero (an item without variance) are NaN. CRM_EINVAL for NULL answers with
 * respondents > 0, NULL out, fewer than 2 items, fewer than 2 usable respondents, an
 * infinite answer, or CRM_MISSING_DIMENSION_MEAN. opts NULL: defaults. */
CRM_API int crm_reliability(const double *answers, size_t respondents, size_t items,
                            const crm_reliability_options *opts, crm_reliability_result *out);

/** Importance-performance analysis. Axes: importance (vertical), performance (horizontal);
 * on the crosshair, importance ties count as high and performance ties as low. */
typedef enum crm_ipa_quadrant {
  CRM_IPA_CONCENTRATE_HERE = 0,      /**< important, performing below the crosshair */
  CRM_IPA_KEEP_UP_THE_GOOD_WORK = 1, /**< important, performing above */
  CRM_IPA_LOW_PRIORITY = 2,          /**< less important, performing below */
  CRM_IPA_POSSIBLE_OVERKILL = 3      /**< less important, performing above */
} crm_ipa_quadrant;

/** "concentrate-here", "keep-up-the-good-work", "low-priority", "possible-overkill". `quadrant`
 * is a crm_ipa_quadrant value; NULL for another. */
CRM_API const char *crm_ipa_quadrant_name(int quadrant);
/** Stores in *out_quadrant the value named `text` (a name crm_ipa_quadrant_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_ipa_quadrant_parse(const char *text, int *out_quadrant);

typedef enum crm_ipa_importance {
  CRM_IPA_STATED = 0,      /**< respondents' importance ratings (mean per item) */
  CRM_IPA_CORRELATION = 1, /**< derived: correlation of the item with overall satisfaction */
  CRM_IPA_REGRESSION = 2   /**< derived: standardised regression coefficient (beta weight) */
} crm_ipa_importance;

/** "stated", "correlation", "regression". `importance` is a crm_ipa_importance value; NULL for
 * another. */
CRM_API const char *crm_ipa_importance_name(int importance);
/** Stores in *out_importance the value named `text` (a name crm_ipa_importance_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_ipa_importance_parse(const char *text, int *out_importance);

typedef enum crm_ipa_crosshair {
  CRM_IPA_DATA_MEANS = 0,    /**< mean importance and mean performance of the items */
  CRM_IPA_SCALE_MIDPOINT = 1 /**< the scale's midpoint (stated importance only) */
} crm_ipa_crosshair;

/** "data-means", "scale-midpoint". `crosshair` is a crm_ipa_crosshair value; NULL for another. */
CRM_API const char *crm_ipa_crosshair_name(int crosshair);
/** Stores in *out_crosshair the value named `text` (a name crm_ipa_crosshair_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_ipa_crosshair_parse(const char *text, int *out_crosshair);

typedef struct crm_ipa_options {
  unsigned int version; /**< CRM_IPA_OPTIONS_VERSION */
  int importance;       /**< crm_ipa_importance */
  int crosshair;        /**< crm_ipa_crosshair */
  double scale_min;     /**< the answers' scale */
  double scale_max;
} crm_ipa_options;

#define CRM_IPA_OPTIONS_VERSION 1
#define CRM_IPA_OPTIONS_INIT \
  { CRM_IPA_OPTIONS_VERSION, CRM_IPA_STATED, CRM_IPA_DATA_MEANS, 1.0, 7.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_IPA_OPTIONS_VERSION), the values of CRM_IPA_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_ipa_options_init(crm_ipa_options *opts, unsigned int version);

/** Where crm_ipa writes; the per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_ipa_result {
  unsigned int version;  /**< CRM_IPA_RESULT_VERSION, set by the caller */
  double *importance;    /**< mean rating, correlation or beta weight */
  double *performance;   /**< mean answer */
  uint8_t *quadrant;     /**< crm_ipa_quadrant */
  double importance_crosshair;
  double performance_crosshair;
  size_t respondents;    /**< behind the importance (see ipa.hpp) */
} crm_ipa_result;

#define CRM_IPA_RESULT_VERSION 1
#define CRM_IPA_RESULT_INIT { CRM_IPA_RESULT_VERSION, NULL, NULL, NULL, 0.0, 0.0, 0 }

/** IPA of `performance` (respondents x items). Stated importance: `importance` holds
 * importance_respondents x items ratings (overall may be NULL). Derived importance:
 * `overall` holds `respondents` overall-satisfaction answers (importance may be NULL).
 * CRM_EINVAL for NULL arrays that are needed, answers off the scale, an item nobody
 * answered, and what ipa.hpp lists. */
CRM_API int crm_ipa(const double *performance, size_t respondents, size_t items,
                    const double *importance, size_t importance_respondents,
                    const double *overall, const crm_ipa_options *opts, crm_ipa_result *out);

/** The five-gap model per dimension: gap 1 = M - E, gap 2 = S - M, gap 3 = D - S,
 * gap 4 = D - C, gap 5 = P - E (negative = falling short; NaN = not computable). */
typedef enum crm_gap_source {
  CRM_GAP_SOURCE_EXPECTATIONS = 0,   /**< E */
  CRM_GAP_SOURCE_MANAGEMENT = 1,     /**< M: management's perception of E */
  CRM_GAP_SOURCE_SPECIFICATIONS = 2, /**< S: service standards */
  CRM_GAP_SOURCE_DELIVERED = 3,      /**< D */
  CRM_GAP_SOURCE_COMMUNICATED = 4,   /**< C: the promise */
  CRM_GAP_SOURCE_PERCEPTIONS = 5     /**< P */
} crm_gap_source;

/** "expectations", "management", "specifications", "delivered", "communicated",
 * "perceptions". `source` is a crm_gap_source value; NULL for another. */
CRM_API const char *crm_gap_source_name(int source);
/** Stores in *out_source the value named `text` (a name crm_gap_source_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_gap_source_parse(const char *text, int *out_source);

typedef enum crm_gap {
  CRM_GAP1 = 0, /**< knowledge */
  CRM_GAP2 = 1, /**< standards */
  CRM_GAP3 = 2, /**< delivery */
  CRM_GAP4 = 3, /**< communication */
  CRM_GAP5 = 4  /**< customer */
} crm_gap;
#define CRM_GAP_COUNT 5

/** "gap1".."gap5". `gap` is a crm_gap value (CRM_GAP1..CRM_GAP5); NULL for another. */
CRM_API const char *crm_gap_name(int gap);
/** Stores in *out_gap the value named `text` (a name crm_gap_name gives); CRM_EINVAL listing the
 * names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_gap_parse(const char *text, int *out_gap);
/** "knowledge", "standards", "delivery", "communication", "customer"; NULL otherwise. `gap` as
 * for crm_gap_name. */
CRM_API const char *crm_gap_title(int gap);

/** The remedies the course material lists for a gap, in its order (none for gaps 4 and 5):
 * *out_count receives how many; crm_gap_remedy sets *out_text to remedy i (a static string
 * owned by the library). CRM_EINVAL for another gap or i out of range. */
CRM_API int crm_gap_remedy_count(int gap, size_t *out_count);
/** Remedy i (0-based, below crm_gap_remedy_count) of a gap into *out_text, a static string owned
 * by the library. Thread-safe. */
CRM_API int crm_gap_remedy(int gap, size_t i, const char **out_text);

/** Per-dimension means of each source, on one scale. A NULL source is not measured; a NaN
 * entry is not measured for that dimension. */
typedef struct crm_gap_means {
  unsigned int version; /**< CRM_GAP_MEANS_VERSION */
  size_t dimensions;
  const double *expectations;
  const double *management;
  const double *specifications;
  const double *delivered;
  const double *communicated;
  const double *perceptions;
} crm_gap_means;

#define CRM_GAP_MEANS_VERSION 1
#define CRM_GAP_MEANS_INIT { CRM_GAP_MEANS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL }

/** Where crm_five_gaps writes; every array may be NULL. The main contributor is the gap of
 * 1-4 with the largest shortfall max(0, -gap) (ties: the lower gap), -1 when none falls
 * short; `ranked` lists the gaps of 1-4 that fall short, largest shortfall first, padded
 * with -1. Remedies follow that order (crm_gap_remedy). */
typedef struct crm_gap_result {
  unsigned int version;         /**< CRM_GAP_RESULT_VERSION, set by the caller */
  double *gaps;                 /**< dimensions x CRM_GAP_COUNT, row-major; NaN: not computable */
  int *main_contributor;        /**< dimensions entries: crm_gap or -1 */
  int *ranked;                  /**< dimensions x 4, row-major */
  double *overall_gaps;         /**< CRM_GAP_COUNT entries, of the sources' means over dimensions */
  int overall_main_contributor; /**< crm_gap or -1 */
  int *overall_ranked;          /**< 4 entries */
} crm_gap_result;

#define CRM_GAP_RESULT_VERSION 1
#define CRM_GAP_RESULT_INIT { CRM_GAP_RESULT_VERSION, NULL, NULL, NULL, NULL, -1, NULL }

/** CRM_EINVAL for NULL means or out, no dimensions, or an infinite mean (naming the source
 * and dimension). */
CRM_API int crm_five_gaps(const crm_gap_means *means, crm_gap_result *out);

/** The answers each source gave to an instrument's items (respondents x item_count; see the
 * top of this header); a NULL source is not measured. */
typedef struct crm_gap_surveys {
  unsigned int version; /**< CRM_GAP_SURVEYS_VERSION */
  const double *expectations;
  size_t expectations_respondents;
  const double *management;
  size_t management_respondents;
  const double *specifications;
  size_t specifications_respondents;
  const double *delivered;
  size_t delivered_respondents;
  const double *communicated;
  size_t communicated_respondents;
  const double *perceptions;
  size_t perceptions_respondents;
  int missing;          /**< crm_missing_policy */
  size_t min_answered;  /**< dimension-mean: answered items a dimension needs (>= 1) */
} crm_gap_surveys;

#define CRM_GAP_SURVEYS_VERSION 1
#define CRM_GAP_SURVEYS_INIT \
  { CRM_GAP_SURVEYS_VERSION, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, \
    CRM_MISSING_PAIRWISE, 1 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_GAP_SURVEYS_VERSION), the values of CRM_GAP_SURVEYS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_gap_surveys_init(crm_gap_surveys *surveys, unsigned int version);

/** Dimension means of each measured source (answers scored: validated on the instrument's
 * scale, reverse-coded, missing answers by the policy; a dimension's mean = the mean of its
 * item means) into out_means, CRM_GAP_SOURCE_COUNT x dimension_count, row-major by
 * crm_gap_source; the row of a source not measured is NaN. Point a crm_gap_means at the
 * rows to get the gaps (NaN rows give not-computable gaps). CRM_EINVAL naming the source for
 * answers off the scale, a source left without respondents, or a dimension none of whose
 * items is answered. */
#define CRM_GAP_SOURCE_COUNT 6
/** Fills out_means (CRM_GAP_SOURCE_COUNT x dimension_count doubles, caller-allocated) with the
 * dimension means of each measured source of *surveys, as described above; the caller's answers
 * are only read during the call. */
CRM_API int crm_gap_means_from_answers(const crm_instrument *instrument,
                                       const crm_gap_surveys *surveys,
                                       double *out_means);

/** Customer satisfaction index: (weighted mean of the item means - min) / (max - min) x 100
 * with a seeded percentile-bootstrap interval (csi.hpp). */
typedef struct crm_csi_options {
  unsigned int version;  /**< CRM_CSI_OPTIONS_VERSION */
  double scale_min;      /**< the answers' scale */
  double scale_max;
  const double *weights; /**< weight_count (= items) weights >= 0, normalised; NULL: equal */
  size_t weight_count;
  double level;          /**< confidence level in (0, 1) */
  size_t resamples;      /**< bootstrap resamples; 0: no interval (NaN bounds) */
  uint64_t seed;         /**< same seed, same interval */
} crm_csi_options;

#define CRM_CSI_OPTIONS_VERSION 1
#define CRM_CSI_OPTIONS_INIT \
  { CRM_CSI_OPTIONS_VERSION, 1.0, 7.0, NULL, 0, 0.95, 1000, 20260101 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_CSI_OPTIONS_VERSION), the values of CRM_CSI_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_csi_options_init(crm_csi_options *opts, unsigned int version);

/** Where crm_csi writes; the per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_csi_result {
  unsigned int version; /**< CRM_CSI_RESULT_VERSION, set by the caller */
  double *item_mean;
  double *weights;      /**< normalised to sum 1 */
  double index;         /**< 0-100 */
  double lower;         /**< bootstrap interval */
  double upper;
  size_t respondents;
} crm_csi_result;

#define CRM_CSI_RESULT_VERSION 1
#define CRM_CSI_RESULT_INIT { CRM_CSI_RESULT_VERSION, NULL, NULL, 0.0, 0.0, 0.0, 0 }

/** The CSI of `answers` (respondents x items). CRM_EINVAL for answers off the scale, an item
 * nobody answered, bad weights or level, NULL answers with respondents > 0, NULL out. */
CRM_API int crm_csi(const double *answers, size_t respondents, size_t items,
                    const crm_csi_options *opts, crm_csi_result *out);

/** CSI per survey wave: waves[w] holds respondents[w] x items answers, wave w bootstrapped
 * with seed opts->seed + w. Each output array has n_waves entries and may be NULL: index,
 * interval, and the change from the previous wave with its interval (NaN for wave 0).
 * Errors name the wave (0-based). index receives the index, lower and upper its interval, change
 * the change from the previous wave and change_lower, change_upper its interval. */
CRM_API int crm_csi_tracking(const double *const *waves, const size_t *respondents,
                             size_t n_waves, size_t items, const crm_csi_options *opts,
                             double *index, double *lower, double *upper, double *change,
                             double *change_lower, double *change_upper);

/* ---- satisfaction index models: PLS path modelling --------------------------------------
 * (include/crmkit/quality/pls.hpp.) A model of latent variables (blocks of survey columns)
 * and paths between them, fitted by PLS path modelling: the bundled ECSI or ACSI structure
 * on the columns of data/ecsi_mobi, or a model in the README's text format ("block NAME
 * [A|B]: COL, ..." and "path FROM -> TO, ..." lines). Blocks, indicators and paths are
 * numbered in the model's order. Matrices over blocks are blocks x blocks, row-major, entry
 * [from * blocks + to]. A fitted model is immutable: one handle may be read by threads. */
typedef struct crm_pls crm_pls;

typedef enum crm_pls_scheme {
  CRM_PLS_SCHEME_PATH = 0,      /**< regression weights from predecessors, correlations to successors */
  CRM_PLS_SCHEME_CENTROID = 1,  /**< signs of the correlations of adjacent blocks */
  CRM_PLS_SCHEME_FACTORIAL = 2  /**< the correlations of adjacent blocks */
} crm_pls_scheme;
/** "path", "centroid", "factorial"; NULL for a value that is not a crm_pls_scheme. `scheme` is a
 * crm_pls_scheme value. */
CRM_API const char *crm_pls_scheme_name(int scheme);
/** Stores in *out_scheme the value named `text` (a name crm_pls_scheme_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_pls_scheme_parse(const char *text, int *out_scheme);

typedef enum crm_pls_index_method {
  CRM_PLS_INDEX_FORNELL = 0,      /**< unstandardised weights w/sd normalised to sum 1 (ACSI) */
  CRM_PLS_INDEX_STANDARDISED = 1  /**< standardised weights normalised to sum 1 */
} crm_pls_index_method;
/** "fornell", "standardised"; NULL for a value that is not a crm_pls_index_method. `method` is a
 * crm_pls_index_method value. */
CRM_API const char *crm_pls_index_method_name(int method);
/** Stores in *out_method the value named `text` (a name crm_pls_index_method_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_pls_index_method_parse(const char *text, int *out_method);

typedef struct crm_pls_options {
  unsigned int version;   /**< CRM_PLS_OPTIONS_VERSION */
  int scheme;             /**< crm_pls_scheme */
  double tolerance;       /**< largest outer-weight change to stop at */
  size_t max_iterations;
  int index_method;       /**< crm_pls_index_method */
  double scale_min, scale_max;  /**< the answers' scale, for the 0-100 index */
  const char *ipma_target;      /**< block name; NULL = the last block */
  size_t bootstrap;       /**< resamples; 0 = no bootstrap */
  uint64_t seed;          /**< of the bootstrap */
  double level;           /**< of the bootstrap intervals, in (0, 1) */
  int threads;            /**< bootstrap threads; 0 = every core (results do not depend on it) */
} crm_pls_options;

#define CRM_PLS_OPTIONS_VERSION 1
#define CRM_PLS_OPTIONS_INIT \
  { CRM_PLS_OPTIONS_VERSION, 0, 1e-7, 300, 0, 1.0, 10.0, NULL, 0, 1, 0.95, 0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_PLS_OPTIONS_VERSION), the values of CRM_PLS_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_pls_options_init(crm_pls_options *opts, unsigned int version);

/** Fits `model` ("ecsi", "acsi" or model text) to `data`: respondents x columns answers,
 * row-major, named by column_names[columns]; with opts->bootstrap > 0 also bootstraps. The
 * caller's arrays are only read during the call; *out is freed with crm_pls_free.
 * CRM_EPARSE for malformed model text ("model:LINE: ..."); CRM_EINVAL for an invalid model
 * (cycle, unknown block, block on no path), an indicator that is not a column, a missing or
 * infinite answer, a constant indicator, collinear mode-B indicators, bad options;
 * CRM_ECONVERGE when the weights do not converge (the message names the last change). */
CRM_API int crm_pls_fit(crm_pls **out, const char *model, const double *data, size_t respondents,
                        size_t columns, const char *const *column_names, const crm_pls_options *opts);
/** Releases `pls` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_pls_free(crm_pls *pls);

/** Sizes of the model: blocks, indicators, paths and respondents. Each pointer may be NULL. */
CRM_API int crm_pls_counts(const crm_pls *pls, size_t *blocks, size_t *indicators, size_t *paths,
                           size_t *respondents);
/** Names into (buf, buf_len, *out_len); CRM_EBUFS with the size needed when buf is short.
 * `block`: the block's index (0-based, model order). */
CRM_API int crm_pls_block_name(const crm_pls *pls, size_t block, char *buf, size_t buf_len,
                               size_t *out_len);
/** Name of indicator `indicator` (0-based, model order), as crm_pls_block_name. */
CRM_API int crm_pls_indicator_name(const crm_pls *pls, size_t indicator, char *buf, size_t buf_len,
                                   size_t *out_len);
/** Path p's blocks; and indicator i's block. For `path` (0-based), *from and *to receive the
 * indices of its source and target blocks. */
CRM_API int crm_pls_path_blocks(const crm_pls *pls, size_t path, size_t *from, size_t *to);
/** The block indicator `indicator` belongs to, into *block. CRM_EINVAL for an index out of
 * range. */
CRM_API int crm_pls_indicator_block(const crm_pls *pls, size_t indicator, size_t *block);

/** Where crm_pls_results writes; every array may be NULL (not wanted). Sizes: per path,
 * per indicator, per block, blocks x blocks. NaN where undefined (R^2 of an exogenous block,
 * alpha of a one-indicator block, VIF off the paths, the IPMA target's own importance). */
typedef struct crm_pls_result {
  unsigned int version;       /**< CRM_PLS_RESULT_VERSION, set by the caller */
  double *path_coefficient;   /**< paths */
  double *weights, *loadings, *index_weights;  /**< indicators */
  double *r2, *r2_adjusted, *alpha_raw, *alpha_standardised, *rho_c, *rho_a, *ave;  /**< blocks */
  double *index_mean, *ipma_importance;  /**< blocks: 0-100 performance, unstandardised total effect */
  double *total_effects, *indirect_effects, *htmt, *vif;  /**< blocks x blocks */
  double gof;
  size_t iterations;
  size_t ipma_target;
} crm_pls_result;

#define CRM_PLS_RESULT_VERSION 1
#define CRM_PLS_RESULT_INIT \
  { CRM_PLS_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    NULL, NULL, NULL, NULL, NULL, NULL, 0.0, 0, 0 }

/** Copies the fit's results into the arrays *out points at (each NULL or of the size stated
 * above) and sets gof, iterations and ipma_target. CRM_EINVAL for NULL or an unknown version. */
CRM_API int crm_pls_results(const crm_pls *pls, crm_pls_result *out);

/** Per-respondent scores, respondents x blocks row-major: standardised latent scores and
 * 0-100 index scores. Either may be NULL. */
CRM_API int crm_pls_scores(const crm_pls *pls, double *standardised, double *index);

/** One estimate with its bootstrap summary. */
typedef struct crm_pls_estimate {
  double estimate, mean, std_error, t, lower, upper, bca_lower, bca_upper;
} crm_pls_estimate;

/** Bootstrap summaries of the path coefficients (paths entries), outer weights and loadings
 * (indicators entries each); arrays may be NULL. CRM_ESTATE when the model was fitted with
 * opts->bootstrap = 0. */
CRM_API int crm_pls_bootstrap(const crm_pls *pls, crm_pls_estimate *paths,
                              crm_pls_estimate *weights, crm_pls_estimate *loadings);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_QUALITY_H */
