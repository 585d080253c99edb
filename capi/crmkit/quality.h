/*
 * crmkit/quality.h — the service-quality pillar: reliability, importance-performance
 * analysis, the five-gap model and the customer satisfaction index.
 * C++ counterparts: include/crmkit/quality/.
 *
 * Answers are a respondents x items matrix of doubles, row-major (one row per respondent),
 * NaN for an unanswered item: `answers[r * items + i]`. Messages name respondents and
 * items 0-based.
 */
#ifndef CRMKIT_QUALITY_H
#define CRMKIT_QUALITY_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- analysis: reliability, IPA, gaps, CSI ----------------------------------------------
 * (include/crmkit/quality/{reliability,ipa,gaps,csi}.hpp.) No handles: each function reads
 * the caller's arrays and writes results into the caller's arrays; thread-safe. */

/* How unanswered items enter a statistic. */
typedef enum crm_missing_policy {
  CRM_MISSING_LISTWISE = 0,      /* only respondents who answered every item */
  CRM_MISSING_PAIRWISE = 1,      /* every answer a statistic can use */
  CRM_MISSING_DIMENSION_MEAN = 2 /* answers filled in from the respondent's dimension mean */
} crm_missing_policy;

/* "listwise", "pairwise", "dimension-mean"; NULL for other values. */
CRM_API const char *crm_missing_policy_name(int policy);
CRM_API int crm_missing_policy_parse(const char *text, int *out_policy);

/* Reliability: Cronbach's alpha raw (covariances) and standardised (correlations), alpha
 * if an item is deleted, corrected item-total correlations, from one pass over the
 * answers. */
typedef struct crm_reliability_options {
  unsigned int version; /* CRM_RELIABILITY_OPTIONS_VERSION */
  int missing;          /* CRM_MISSING_LISTWISE (default) or CRM_MISSING_PAIRWISE */
} crm_reliability_options;

#define CRM_RELIABILITY_OPTIONS_VERSION 1
#define CRM_RELIABILITY_OPTIONS_INIT { CRM_RELIABILITY_OPTIONS_VERSION, CRM_MISSING_LISTWISE }

CRM_API int crm_reliability_options_init(crm_reliability_options *opts, unsigned int version);

/* Where crm_reliability writes. The per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_reliability_result {
  unsigned int version;           /* CRM_RELIABILITY_RESULT_VERSION, set by the caller */
  double *alpha_if_deleted;       /* raw alpha without item i (NaN with 2 items) */
  double *item_total_correlation; /* corrected: item i vs the sum of the other items */
  double *item_mean;
  double *item_variance;          /* n - 1 denominator */
  size_t respondents;             /* respondents used (complete rows, or rows with answers) */
  double alpha_raw;
  double alpha_standardised;
  double mean_correlation;        /* mean inter-item correlation */
} crm_reliability_result;

#define CRM_RELIABILITY_RESULT_VERSION 1
#define CRM_RELIABILITY_RESULT_INIT \
  { CRM_RELIABILITY_RESULT_VERSION, NULL, NULL, NULL, NULL, 0, 0.0, 0.0, 0.0 }

/* Reliability of all `items` columns of `answers` (respondents x items). Figures that
 * divide by zero (an item without variance) are NaN. CRM_EINVAL for NULL answers with
 * respondents > 0, NULL out, fewer than 2 items, fewer than 2 usable respondents, an
 * infinite answer, or CRM_MISSING_DIMENSION_MEAN. opts NULL: defaults. */
CRM_API int crm_reliability(const double *answers, size_t respondents, size_t items,
                            const crm_reliability_options *opts, crm_reliability_result *out);

/* Importance-performance analysis. Axes: importance (vertical), performance (horizontal);
 * on the crosshair, importance ties count as high and performance ties as low. */
typedef enum crm_ipa_quadrant {
  CRM_IPA_CONCENTRATE_HERE = 0,      /* important, performing below the crosshair */
  CRM_IPA_KEEP_UP_THE_GOOD_WORK = 1, /* important, performing above */
  CRM_IPA_LOW_PRIORITY = 2,          /* less important, performing below */
  CRM_IPA_POSSIBLE_OVERKILL = 3      /* less important, performing above */
} crm_ipa_quadrant;

/* "concentrate-here", "keep-up-the-good-work", "low-priority", "possible-overkill". */
CRM_API const char *crm_ipa_quadrant_name(int quadrant);
CRM_API int crm_ipa_quadrant_parse(const char *text, int *out_quadrant);

typedef enum crm_ipa_importance {
  CRM_IPA_STATED = 0,      /* respondents' importance ratings (mean per item) */
  CRM_IPA_CORRELATION = 1, /* derived: correlation of the item with overall satisfaction */
  CRM_IPA_REGRESSION = 2   /* derived: standardised regression coefficient (beta weight) */
} crm_ipa_importance;

/* "stated", "correlation", "regression". */
CRM_API const char *crm_ipa_importance_name(int importance);
CRM_API int crm_ipa_importance_parse(const char *text, int *out_importance);

typedef enum crm_ipa_crosshair {
  CRM_IPA_DATA_MEANS = 0,    /* mean importance and mean performance of the items */
  CRM_IPA_SCALE_MIDPOINT = 1 /* the scale's midpoint (stated importance only) */
} crm_ipa_crosshair;

/* "data-means", "scale-midpoint". */
CRM_API const char *crm_ipa_crosshair_name(int crosshair);
CRM_API int crm_ipa_crosshair_parse(const char *text, int *out_crosshair);

typedef struct crm_ipa_options {
  unsigned int version; /* CRM_IPA_OPTIONS_VERSION */
  int importance;       /* crm_ipa_importance */
  int crosshair;        /* crm_ipa_crosshair */
  double scale_min;     /* the answers' scale */
  double scale_max;
} crm_ipa_options;

#define CRM_IPA_OPTIONS_VERSION 1
#define CRM_IPA_OPTIONS_INIT \
  { CRM_IPA_OPTIONS_VERSION, CRM_IPA_STATED, CRM_IPA_DATA_MEANS, 1.0, 7.0 }

CRM_API int crm_ipa_options_init(crm_ipa_options *opts, unsigned int version);

/* Where crm_ipa writes; the per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_ipa_result {
  unsigned int version;  /* CRM_IPA_RESULT_VERSION, set by the caller */
  double *importance;    /* mean rating, correlation or beta weight */
  double *performance;   /* mean answer */
  uint8_t *quadrant;     /* crm_ipa_quadrant */
  double importance_crosshair;
  double performance_crosshair;
  size_t respondents;    /* behind the importance (see ipa.hpp) */
} crm_ipa_result;

#define CRM_IPA_RESULT_VERSION 1
#define CRM_IPA_RESULT_INIT { CRM_IPA_RESULT_VERSION, NULL, NULL, NULL, 0.0, 0.0, 0 }

/* IPA of `performance` (respondents x items). Stated importance: `importance` holds
 * importance_respondents x items ratings (overall may be NULL). Derived importance:
 * `overall` holds `respondents` overall-satisfaction answers (importance may be NULL).
 * CRM_EINVAL for NULL arrays that are needed, answers off the scale, an item nobody
 * answered, and what ipa.hpp lists. */
CRM_API int crm_ipa(const double *performance, size_t respondents, size_t items,
                    const double *importance, size_t importance_respondents,
                    const double *overall, const crm_ipa_options *opts, crm_ipa_result *out);

/* The five-gap model per dimension: gap 1 = M - E, gap 2 = S - M, gap 3 = D - S,
 * gap 4 = D - C, gap 5 = P - E (negative = falling short; NaN = not computable). */
typedef enum crm_gap_source {
  CRM_GAP_SOURCE_EXPECTATIONS = 0,   /* E */
  CRM_GAP_SOURCE_MANAGEMENT = 1,     /* M: management's perception of E */
  CRM_GAP_SOURCE_SPECIFICATIONS = 2, /* S: service standards */
  CRM_GAP_SOURCE_DELIVERED = 3,      /* D */
  CRM_GAP_SOURCE_COMMUNICATED = 4,   /* C: the promise */
  CRM_GAP_SOURCE_PERCEPTIONS = 5     /* P */
} crm_gap_source;

/* "expectations", "management", "specifications", "delivered", "communicated",
 * "perceptions". */
CRM_API const char *crm_gap_source_name(int source);
CRM_API int crm_gap_source_parse(const char *text, int *out_source);

typedef enum crm_gap {
  CRM_GAP1 = 0, /* knowledge */
  CRM_GAP2 = 1, /* standards */
  CRM_GAP3 = 2, /* delivery */
  CRM_GAP4 = 3, /* communication */
  CRM_GAP5 = 4  /* customer */
} crm_gap;
#define CRM_GAP_COUNT 5

/* "gap1".."gap5". */
CRM_API const char *crm_gap_name(int gap);
CRM_API int crm_gap_parse(const char *text, int *out_gap);
/* "knowledge", "standards", "delivery", "communication", "customer"; NULL otherwise. */
CRM_API const char *crm_gap_title(int gap);

/* The remedies the course material lists for a gap, in its order (none for gaps 4 and 5):
 * *out_count receives how many; crm_gap_remedy sets *out_text to remedy i (a static string
 * owned by the library). CRM_EINVAL for another gap or i out of range. */
CRM_API int crm_gap_remedy_count(int gap, size_t *out_count);
CRM_API int crm_gap_remedy(int gap, size_t i, const char **out_text);

/* Per-dimension means of each source, on one scale. A NULL source is not measured; a NaN
 * entry is not measured for that dimension. */
typedef struct crm_gap_means {
  unsigned int version; /* CRM_GAP_MEANS_VERSION */
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

/* Where crm_five_gaps writes; every array may be NULL. The main contributor is the gap of
 * 1-4 with the largest shortfall max(0, -gap) (ties: the lower gap), -1 when none falls
 * short; `ranked` lists the gaps of 1-4 that fall short, largest shortfall first, padded
 * with -1. Remedies follow that order (crm_gap_remedy). */
typedef struct crm_gap_result {
  unsigned int version;         /* CRM_GAP_RESULT_VERSION, set by the caller */
  double *gaps;                 /* dimensions x CRM_GAP_COUNT, row-major; NaN: not computable */
  int *main_contributor;        /* dimensions entries: crm_gap or -1 */
  int *ranked;                  /* dimensions x 4, row-major */
  double *overall_gaps;         /* CRM_GAP_COUNT entries, of the sources' means over dimensions */
  int overall_main_contributor; /* crm_gap or -1 */
  int *overall_ranked;          /* 4 entries */
} crm_gap_result;

#define CRM_GAP_RESULT_VERSION 1
#define CRM_GAP_RESULT_INIT { CRM_GAP_RESULT_VERSION, NULL, NULL, NULL, NULL, -1, NULL }

/* CRM_EINVAL for NULL means or out, no dimensions, or an infinite mean (naming the source
 * and dimension). */
CRM_API int crm_five_gaps(const crm_gap_means *means, crm_gap_result *out);

/* Customer satisfaction index: (weighted mean of the item means - min) / (max - min) x 100
 * with a seeded percentile-bootstrap interval (csi.hpp). */
typedef struct crm_csi_options {
  unsigned int version;  /* CRM_CSI_OPTIONS_VERSION */
  double scale_min;      /* the answers' scale */
  double scale_max;
  const double *weights; /* weight_count (= items) weights >= 0, normalised; NULL: equal */
  size_t weight_count;
  double level;          /* confidence level in (0, 1) */
  size_t resamples;      /* bootstrap resamples; 0: no interval (NaN bounds) */
  uint64_t seed;         /* same seed, same interval */
} crm_csi_options;

#define CRM_CSI_OPTIONS_VERSION 1
#define CRM_CSI_OPTIONS_INIT \
  { CRM_CSI_OPTIONS_VERSION, 1.0, 7.0, NULL, 0, 0.95, 1000, 20260101 }

CRM_API int crm_csi_options_init(crm_csi_options *opts, unsigned int version);

/* Where crm_csi writes; the per-item arrays (`items` entries) may each be NULL. */
typedef struct crm_csi_result {
  unsigned int version; /* CRM_CSI_RESULT_VERSION, set by the caller */
  double *item_mean;
  double *weights;      /* normalised to sum 1 */
  double index;         /* 0-100 */
  double lower;         /* bootstrap interval */
  double upper;
  size_t respondents;
} crm_csi_result;

#define CRM_CSI_RESULT_VERSION 1
#define CRM_CSI_RESULT_INIT { CRM_CSI_RESULT_VERSION, NULL, NULL, 0.0, 0.0, 0.0, 0 }

/* The CSI of `answers` (respondents x items). CRM_EINVAL for answers off the scale, an item
 * nobody answered, bad weights or level, NULL answers with respondents > 0, NULL out. */
CRM_API int crm_csi(const double *answers, size_t respondents, size_t items,
                    const crm_csi_options *opts, crm_csi_result *out);

/* CSI per survey wave: waves[w] holds respondents[w] x items answers, wave w bootstrapped
 * with seed opts->seed + w. Each output array has n_waves entries and may be NULL: index,
 * interval, and the change from the previous wave with its interval (NaN for wave 0).
 * Errors name the wave (0-based). */
CRM_API int crm_csi_tracking(const double *const *waves, const size_t *respondents,
                             size_t n_waves, size_t items, const crm_csi_options *opts,
                             double *index, double *lower, double *upper, double *change,
                             double *change_lower, double *change_upper);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_QUALITY_H */
