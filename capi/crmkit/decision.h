/*
 * crmkit/decision.h — the decision pillar: ranking alternatives on weighted criteria and
 * the sensitivity of the ranking. C++ counterparts: include/crmkit/decision/.
 */
#ifndef CRMKIT_DECISION_H
#define CRMKIT_DECISION_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- ranking: WSM, WPM, WASPAS, TOPSIS, VIKOR, PROMETHEE II ------------------------------
 * (include/crmkit/decision/rank.hpp, which documents each method, its normalisation and the
 * tie rule.) A decision matrix holds `alternatives` rows of `criteria` values (row-major
 * doubles); weights are `criteria` doubles, >= 0, summing to 1 within 1e-6. Errors:
 * CRM_EINVAL naming the cell, column or option (fewer than two alternatives, a non-finite
 * cell, a weight count or sum that is off — the message says by how much —, a zero cost
 * under WPM, a constant column under minmax, an option that does not fit the method).
 * The functions read only the caller's arrays and write only the result arrays; they keep
 * nothing and may run on several threads at once. */

typedef enum crm_rank_method {
  CRM_RANK_WSM = 0,      /* weighted sum */
  CRM_RANK_WPM = 1,      /* weighted product */
  CRM_RANK_WASPAS = 2,   /* lambda x WSM + (1 - lambda) x WPM */
  CRM_RANK_TOPSIS = 3,   /* closeness to the ideal point */
  CRM_RANK_VIKOR = 4,    /* compromise ranking by Q (lower is better) */
  CRM_RANK_PROMETHEE = 5 /* PROMETHEE II net outranking flow */
} crm_rank_method;

typedef enum crm_normalization {
  CRM_NORMALIZATION_AUTO = 0,   /* the method's own: max for WSM/WPM/WASPAS, vector for TOPSIS */
  CRM_NORMALIZATION_VECTOR = 1, /* x / column norm (TOPSIS) */
  CRM_NORMALIZATION_MINMAX = 2, /* (x - min) / (max - min), reversed for a cost (WSM, TOPSIS) */
  CRM_NORMALIZATION_MAX = 3     /* benefit x / max, cost min / x (WSM, WPM, WASPAS) */
} crm_normalization;

typedef enum crm_preference_function {
  CRM_PREFERENCE_USUAL = 0,   /* d > 0: 1 */
  CRM_PREFERENCE_U_SHAPE = 1, /* d > q: 1 */
  CRM_PREFERENCE_V_SHAPE = 2, /* d / p up to p, then 1 */
  CRM_PREFERENCE_LEVEL = 3,   /* 1/2 on (q, p], 1 beyond p */
  CRM_PREFERENCE_LINEAR = 4,  /* (d - q) / (p - q) on (q, p], 1 beyond p */
  CRM_PREFERENCE_GAUSSIAN = 5 /* 1 - exp(-d^2 / (2 s^2)) */
} crm_preference_function;

typedef enum crm_criterion_direction {
  CRM_BENEFIT = 0, /* more is better */
  CRM_COST = 1     /* less is better */
} crm_criterion_direction;

/* Names: "wsm", "wpm", "waspas", "topsis", "vikor", "promethee"; "auto", "vector", "minmax",
 * "max"; "usual", "u-shape", "v-shape", "level", "linear", "gaussian"; "benefit", "cost".
 * NULL for a code outside the enum. Static strings. */
CRM_API const char *crm_rank_method_name(int code);
CRM_API int crm_rank_method_parse(const char *text, int *out);
CRM_API const char *crm_normalization_name(int code);
CRM_API int crm_normalization_parse(const char *text, int *out);
CRM_API const char *crm_preference_function_name(int code);
CRM_API int crm_preference_function_parse(const char *text, int *out);
CRM_API const char *crm_criterion_direction_name(int code);
CRM_API int crm_criterion_direction_parse(const char *text, int *out);

/* The problem: borrowed pointers, read during the call only. */
typedef struct crm_decision_matrix {
  unsigned int version;                 /* CRM_DECISION_MATRIX_VERSION */
  const double *values;                 /* alternatives x criteria, row-major */
  size_t alternatives;                  /* >= 2 */
  size_t criteria;                      /* >= 1 */
  const uint8_t *directions;            /* NULL (all benefit) or criteria crm_criterion_direction */
  const char *const *alternative_names; /* NULL or alternatives distinct names (for messages) */
  const char *const *criterion_names;   /* NULL or criteria distinct names */
} crm_decision_matrix;

#define CRM_DECISION_MATRIX_VERSION 1
#define CRM_DECISION_MATRIX_INIT { CRM_DECISION_MATRIX_VERSION, NULL, 0, 0, NULL, NULL, NULL }

typedef struct crm_rank_options {
  unsigned int version;  /* CRM_RANK_OPTIONS_VERSION */
  int method;            /* crm_rank_method (default TOPSIS) */
  int normalization;     /* crm_normalization (default AUTO) */
  double waspas_lambda;  /* WASPAS, 0..1 (default 0.5) */
  double vikor_v;        /* VIKOR weight of S against R, 0..1 (default 0.5) */
  /* PROMETHEE only: per criterion a crm_preference_function and its q, p, s thresholds in
   * the criterion's unit; NULL arrays mean usual criteria and 0 thresholds. */
  const uint8_t *preference_functions;
  const double *q;
  const double *p;
  const double *s;
} crm_rank_options;

#define CRM_RANK_OPTIONS_VERSION 1
#define CRM_RANK_OPTIONS_INIT \
  { CRM_RANK_OPTIONS_VERSION, CRM_RANK_TOPSIS, CRM_NORMALIZATION_AUTO, 0.5, 0.5, NULL, NULL, NULL, NULL }

CRM_API int crm_rank_options_init(crm_rank_options *opts, unsigned int version);

/* Every array is NULL (not wanted) or holds `alternatives` entries; the method's detail
 * arrays are left untouched for the other methods. */
typedef struct crm_rank_result {
  unsigned int version;   /* CRM_RANK_RESULT_VERSION, set by the caller */
  double *scores;         /* WSM/WPM/WASPAS score, TOPSIS closeness, VIKOR Q, PROMETHEE phi */
  size_t *ranks;          /* 1 = best; equal scores share a rank */
  size_t *order;          /* alternatives best first, 0-based */
  double *wsm, *wpm;      /* WASPAS: its two parts */
  double *distance_best;  /* TOPSIS D+ */
  double *distance_worst; /* TOPSIS D- */
  double *vikor_s;        /* VIKOR group utility S */
  double *vikor_r;        /* VIKOR individual regret R */
  double *phi_plus;       /* PROMETHEE leaving flow */
  double *phi_minus;      /* PROMETHEE entering flow */
  uint8_t *compromise;    /* VIKOR: 1 for the alternatives of the compromise set */
  /* set by the library: */
  int lower_is_better;      /* 1 for VIKOR */
  int normalization;        /* the crm_normalization used */
  int acceptable_advantage; /* VIKOR condition C1 */
  int acceptable_stability; /* VIKOR condition C2 */
} crm_rank_result;

#define CRM_RANK_RESULT_VERSION 1
#define CRM_RANK_RESULT_INIT \
  { CRM_RANK_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    NULL, 0, 0, 0, 0 }

/* Ranks the alternatives of *matrix with `weights` (criteria entries) by opts->method (NULL
 * opts: TOPSIS with vector normalisation). */
CRM_API int crm_rank(const crm_decision_matrix *matrix, const double *weights,
                     const crm_rank_options *opts, crm_rank_result *result);

/* ---- sensitivity (include/crmkit/decision/sensitivity.hpp) ------------------------------
 * Weight intervals: one criterion's weight moves, the others are rescaled proportionally;
 * exact for WSM and PROMETHEE, a scan plus bisection (step, tolerance) for the others.
 * Rank acceptability: seeded Monte Carlo over weights (Dirichlet around the weights, or
 * uniform on the simplex). Rank reversal: ranking again with one alternative removed or
 * added. */

typedef struct crm_sensitivity_options {
  unsigned int version; /* CRM_SENSITIVITY_OPTIONS_VERSION */
  double step;          /* numeric search: scan step, (0, 0.5] (default 0.01) */
  double tolerance;     /* numeric search: bracket width of an end (default 1e-9) */
} crm_sensitivity_options;

#define CRM_SENSITIVITY_OPTIONS_VERSION 1
#define CRM_SENSITIVITY_OPTIONS_INIT { CRM_SENSITIVITY_OPTIONS_VERSION, 0.01, 1e-9 }

CRM_API int crm_sensitivity_options_init(crm_sensitivity_options *opts, unsigned int version);

typedef struct crm_weight_sensitivity_result {
  unsigned int version; /* CRM_WEIGHT_SENSITIVITY_RESULT_VERSION, set by the caller */
  /* NULL or `criteria` entries each: the weight interval keeping the top choice, and the one
   * keeping the whole ranking. */
  double *top_low, *top_high;
  double *ranking_low, *ranking_high;
  /* set by the library: */
  int exact;             /* 1: closed form (WSM, PROMETHEE); 0: numeric search */
  int has_flip;          /* 0: no single weight change flips the winner */
  size_t flip_criterion; /* the criterion whose smallest change flips it */
  double flip_weight;    /* its weight there */
  double flip_change;    /* flip_weight - the given weight */
  size_t flip_winner;    /* the alternative first beyond it */
} crm_weight_sensitivity_result;

#define CRM_WEIGHT_SENSITIVITY_RESULT_VERSION 1
#define CRM_WEIGHT_SENSITIVITY_RESULT_INIT \
  { CRM_WEIGHT_SENSITIVITY_RESULT_VERSION, NULL, NULL, NULL, NULL, 0, 0, 0, 0.0, 0.0, 0 }

CRM_API int crm_weight_sensitivity(const crm_decision_matrix *matrix, const double *weights,
                                   const crm_rank_options *rank_opts,
                                   const crm_sensitivity_options *opts,
                                   crm_weight_sensitivity_result *result);

typedef enum crm_weight_distribution {
  CRM_WEIGHTS_DIRICHLET = 0, /* Dirichlet(c w): mean w, variance w (1 - w) / (c + 1) */
  CRM_WEIGHTS_UNIFORM = 1    /* uniform on the simplex */
} crm_weight_distribution;

/* "dirichlet", "uniform". */
CRM_API const char *crm_weight_distribution_name(int code);
CRM_API int crm_weight_distribution_parse(const char *text, int *out);

typedef struct crm_monte_carlo_options {
  unsigned int version;  /* CRM_MONTE_CARLO_OPTIONS_VERSION */
  size_t draws;          /* 1..100000000 (default 10000) */
  int64_t seed;          /* any value (its 64 bits seed the generator; default 42) */
  int distribution;      /* crm_weight_distribution (default DIRICHLET) */
  double concentration;  /* Dirichlet c > 0 (default 50) */
} crm_monte_carlo_options;

#define CRM_MONTE_CARLO_OPTIONS_VERSION 1
#define CRM_MONTE_CARLO_OPTIONS_INIT \
  { CRM_MONTE_CARLO_OPTIONS_VERSION, 10000, 42, CRM_WEIGHTS_DIRICHLET, 50.0 }

CRM_API int crm_monte_carlo_options_init(crm_monte_carlo_options *opts, unsigned int version);

/* out_acceptability[alternatives x alternatives]: [i * alternatives + r - 1] = share of the
 * draws in which alternative i took rank r (each row sums to 1). out_central_weights: NULL
 * or [alternatives x criteria], the mean weights of the draws in which i ranked first (NaN
 * when it never did). Same seed, same result on every platform. */
CRM_API int crm_rank_acceptability(const crm_decision_matrix *matrix, const double *weights,
                                   const crm_rank_options *rank_opts,
                                   const crm_monte_carlo_options *opts, double *out_acceptability,
                                   double *out_central_weights);

/* Removes each alternative in turn (needs three or more): out_winner_changed[alternatives]
 * 1 when the best of the others changed; out_reversed_pairs: NULL or [alternatives], how many
 * pairs of the others changed relation (above, tied, below). */
CRM_API int crm_rank_reversal_on_removal(const crm_decision_matrix *matrix, const double *weights,
                                         const crm_rank_options *rank_opts,
                                         uint8_t *out_winner_changed, size_t *out_reversed_pairs);

/* Adds `row` (criteria values) as alternative `name` (NULL: "added"): *out_winner_changed,
 * and the pairs (a, b) of the original alternatives whose relation changed into pairs[2 x
 * pair_capacity] (a, b interleaved, a < b); *out_pair_count is their number (CRM_EBUFS when
 * it exceeds pair_capacity; pairs may be NULL with capacity 0 to ask for the count). */
CRM_API int crm_rank_reversal_on_addition(const crm_decision_matrix *matrix, const double *weights,
                                          const double *row, const char *name,
                                          const crm_rank_options *rank_opts,
                                          int *out_winner_changed, size_t *pairs,
                                          size_t pair_capacity, size_t *out_pair_count);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_DECISION_H */
