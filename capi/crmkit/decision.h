/** @file
 * crmkit/decision.h — the decision pillar: criterion weights (direct, rank-based, entropy,
 * CRITIC), AHP (priorities, consistency, incomplete matrices, hierarchies), ranking
 * alternatives on weighted criteria and the sensitivity of the ranking.
 * C++ counterparts: include/crmkit/decision/.
 *
 * Matrices are row-major doubles: a pairwise matrix is n x n, a decision matrix is
 * alternatives x criteria. None of these functions keeps state: all are thread-safe.
 */
#ifndef CRMKIT_DECISION_H
#define CRMKIT_DECISION_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- criterion weights (decision/weights.hpp): out_weights has `criteria` entries, which
 * sum to 1 ------------------------------------------------------------------------------ */

/** Direct weights normalised to sum 1 (e.g. points out of 100). CRM_EINVAL for a negative or
 * non-finite value or all zeros. values: one per criterion (`criteria` of them); out_weights
 * receives `criteria` weights. */
CRM_API int crm_direct_weights(const double *values, size_t criteria, double *out_weights);

typedef enum crm_rank_weighting {
  CRM_RANK_SUM = 0,                /**< w ~ n + 1 - position */
  CRM_RANK_RECIPROCAL = 1,         /**< w ~ 1 / position */
  CRM_RANK_ORDER_CENTROID = 2      /**< w = (1/n) sum_{k=position}^{n} 1/k */
} crm_rank_weighting;
/** The name of `code` as a crm_rank_weighting value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_rank_weighting_name(int code);
/** Stores in *out the value named `text` (a name crm_rank_weighting_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_rank_weighting_parse(const char *text, int *out);

/** Weights from ranks (1 = most important; only the order matters; equal ranks share the
 * mean weight of the positions they occupy). ranks: one per criterion (`criteria` of them);
 * method: a crm_rank_weighting value; out_weights receives `criteria` weights. */
CRM_API int crm_rank_weights(const double *ranks, size_t criteria, int method, double *out_weights);

/** Shannon entropy weights of a non-negative decision matrix (at least 2 alternatives). matrix:
 * alternatives x criteria, row-major; out_weights receives `criteria` weights. */
CRM_API int crm_entropy_weights(const double *matrix, size_t alternatives, size_t criteria,
                                double *out_weights);

/** CRITIC weights; cost: NULL (all benefit) or `criteria` flags, 1 = smaller is better. matrix:
 * alternatives x criteria, row-major; out_weights receives `criteria` weights. */
CRM_API int crm_critic_weights(const double *matrix, size_t alternatives, size_t criteria,
                               const uint8_t *cost, double *out_weights);

/* ---- AHP (decision/ahp.hpp) ------------------------------------------------------------ */

typedef enum crm_priority_method {
  CRM_PRIORITY_EIGEN = 0,     /**< principal right eigenvector */
  CRM_PRIORITY_GEOMETRIC = 1  /**< normalised row geometric means */
} crm_priority_method;
/** The name of `code` as a crm_priority_method value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_priority_method_name(int code);
/** Stores in *out the value named `text` (a name crm_priority_method_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_priority_method_parse(const char *text, int *out);

typedef enum crm_completion {
  CRM_COMPLETION_LAMBDA_OPTIMAL = 0, /**< missing judgments minimise lambda_max */
  CRM_COMPLETION_HARKER = 1          /**< Harker's method */
} crm_completion;
/** The name of `code` as a crm_completion value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_completion_name(int code);
/** Stores in *out the value named `text` (a name crm_completion_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_completion_parse(const char *text, int *out);

/** The bundled random-index tables: name i (0, 1, ...; NULL past the last): "saaty" (the
 * default), "saaty-2005", "donegan-dodd". */
CRM_API const char *crm_random_index_table_name(size_t index);
/** Table `name`'s values (values[n - 1] = RI(n)) into out_values; *out_count receives their
 * number (CRM_EBUFS when capacity is smaller). CRM_EINVAL for an unknown name. */
CRM_API int crm_random_index_table(const char *name, double *out_values, size_t capacity,
                                   size_t *out_count);

typedef struct crm_ahp_options {
  unsigned int version;             /**< CRM_AHP_OPTIONS_VERSION */
  int method;                       /**< crm_priority_method */
  int completion;                   /**< crm_completion */
  /* The random-index table: a bundled table's name when random_index_values is NULL; with
   * random_index_values (random_index_count entries, values[n - 1] = RI(n)) the name the
   * caller gives its own table. */
  const char *random_index_table;
  const double *random_index_values;
  size_t random_index_count;
  int allow_outside_scale;          /**< 1: judgments outside 1/9..9 are accepted */
  double reciprocal_tolerance;      /**< largest |a_ij a_ji - 1| accepted */
  size_t judgments_to_report;       /**< most inconsistent judgments reported */
  double tolerance;                 /**< lambda-optimal completion: log-entry change */
  int max_iterations;               /**< lambda-optimal completion: cycles */
} crm_ahp_options;

#define CRM_AHP_OPTIONS_VERSION 1
#define CRM_AHP_OPTIONS_INIT \
  { CRM_AHP_OPTIONS_VERSION, CRM_PRIORITY_EIGEN, CRM_COMPLETION_LAMBDA_OPTIMAL, "saaty", NULL, 0, 0, 0.01, 3, 1e-10, 1000 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_AHP_OPTIONS_VERSION), the values of CRM_AHP_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_ahp_options_init(crm_ahp_options *opts, unsigned int version);

/** A judgment that disagrees with the priorities: error = a_ij w_j / w_i (1 when consistent). */
typedef struct crm_ahp_judgment {
  size_t row;
  size_t column;
  double value;            /**< a_ij as given */
  double error;            /**< a_ij w_j / w_i */
  double consistent_value; /**< w_i / w_j */
  double scale_value;      /**< consistent_value rounded to Saaty's scale */
  double cr_if_changed;    /**< CR with a_ij set to consistent_value */
} crm_ahp_judgment;

typedef struct crm_ahp_result {
  unsigned int version;        /**< CRM_AHP_RESULT_VERSION, set by the caller */
  double lambda_max;
  double ci;
  double cr;
  double random_index;         /**< RI(n) used */
  size_t missing;              /**< missing judgments (pairs) */
  int completion_iterations;   /**< lambda-optimal cycles (0 when none were missing) */
  double *matrix;              /**< NULL or n * n entries: the completed reciprocal matrix */
  crm_ahp_judgment *inconsistent; /**< NULL or inconsistent_capacity entries, worst first */
  size_t inconsistent_capacity;
  size_t inconsistent_count;   /**< out: judgments reported (CRM_EBUFS if > capacity) */
} crm_ahp_result;

#define CRM_AHP_RESULT_VERSION 1
#define CRM_AHP_RESULT_INIT { CRM_AHP_RESULT_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }

/** AHP priorities of an n x n pairwise matrix (NaN = missing judgment; a pair given in one
 * triangle only is completed by its reciprocal) into out_priorities (n entries, sum 1);
 * result: NULL or the consistency figures. CRM_EINVAL names the cell (names: NULL or n
 * element names used in messages) for non-positive, non-reciprocal or out-of-scale
 * judgments, unconnected elements, or a size beyond the random-index table;
 * CRM_ECONVERGE when the completion does not settle. */
CRM_API int crm_ahp(const double *matrix, size_t n, const char *const *names,
                    const crm_ahp_options *opts, double *out_priorities, crm_ahp_result *result);

/** A criterion or sub-criterion of a hierarchy: parent is an earlier node's index or
 * CRM_GOAL; local_weight is its weight among its siblings. */
#define CRM_GOAL ((size_t)-1)
typedef struct crm_hierarchy_node {
  const char *name;
  size_t parent;
  double local_weight;
} crm_hierarchy_node;

/** Global weights of `count` nodes into out_global_weights (count entries) and, when
 * alternatives > 0, the alternatives' overall scores into out_scores from leaf_priorities
 * (leaves x alternatives, row-major, leaves in node order, rows summing to 1). */
CRM_API int crm_synthesize_hierarchy(const crm_hierarchy_node *nodes, size_t count,
                                     const double *leaf_priorities, size_t alternatives,
                                     double *out_global_weights, double *out_scores);
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
  CRM_RANK_WSM = 0,      /**< weighted sum */
  CRM_RANK_WPM = 1,      /**< weighted product */
  CRM_RANK_WASPAS = 2,   /**< lambda x WSM + (1 - lambda) x WPM */
  CRM_RANK_TOPSIS = 3,   /**< closeness to the ideal point */
  CRM_RANK_VIKOR = 4,    /**< compromise ranking by Q (lower is better) */
  CRM_RANK_PROMETHEE = 5 /**< PROMETHEE II net outranking flow */
} crm_rank_method;

typedef enum crm_normalization {
  CRM_NORMALIZATION_AUTO = 0,   /**< the method's own: max for WSM/WPM/WASPAS, vector for TOPSIS */
  CRM_NORMALIZATION_VECTOR = 1, /**< x / column norm (TOPSIS) */
  CRM_NORMALIZATION_MINMAX = 2, /**< (x - min) / (max - min), reversed for a cost (WSM, TOPSIS) */
  CRM_NORMALIZATION_MAX = 3     /**< benefit x / max, cost min / x (WSM, WPM, WASPAS) */
} crm_normalization;

typedef enum crm_preference_function {
  CRM_PREFERENCE_USUAL = 0,   /**< d > 0: 1 */
  CRM_PREFERENCE_U_SHAPE = 1, /**< d > q: 1 */
  CRM_PREFERENCE_V_SHAPE = 2, /**< d / p up to p, then 1 */
  CRM_PREFERENCE_LEVEL = 3,   /**< 1/2 on (q, p], 1 beyond p */
  CRM_PREFERENCE_LINEAR = 4,  /**< (d - q) / (p - q) on (q, p], 1 beyond p */
  CRM_PREFERENCE_GAUSSIAN = 5 /**< 1 - exp(-d^2 / (2 s^2)) */
} crm_preference_function;

typedef enum crm_criterion_direction {
  CRM_BENEFIT = 0, /**< more is better */
  CRM_COST = 1     /**< less is better */
} crm_criterion_direction;

/** Names: "wsm", "wpm", "waspas", "topsis", "vikor", "promethee"; "auto", "vector", "minmax",
 * "max"; "usual", "u-shape", "v-shape", "level", "linear", "gaussian"; "benefit", "cost".
 * NULL for a code outside the enum. Static strings. */
CRM_API const char *crm_rank_method_name(int code);
/** Stores in *out the value named `text` (a name crm_rank_method_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_rank_method_parse(const char *text, int *out);
/** The name of `code` as a crm_normalization value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_normalization_name(int code);
/** Stores in *out the value named `text` (a name crm_normalization_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_normalization_parse(const char *text, int *out);
/** The name of `code` as a crm_preference_function value (a static string); NULL for a value
 * that is not one. Thread-safe. */
CRM_API const char *crm_preference_function_name(int code);
/** Stores in *out the value named `text` (a name crm_preference_function_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_preference_function_parse(const char *text, int *out);
/** The name of `code` as a crm_criterion_direction value (a static string); NULL for a value
 * that is not one. Thread-safe. */
CRM_API const char *crm_criterion_direction_name(int code);
/** Stores in *out the value named `text` (a name crm_criterion_direction_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_criterion_direction_parse(const char *text, int *out);

/** The problem: borrowed pointers, read during the call only. */
typedef struct crm_decision_matrix {
  unsigned int version;                 /**< CRM_DECISION_MATRIX_VERSION */
  const double *values;                 /**< alternatives x criteria, row-major */
  size_t alternatives;                  /**< >= 2 */
  size_t criteria;                      /**< >= 1 */
  const uint8_t *directions;            /**< NULL (all benefit) or criteria crm_criterion_direction */
  const char *const *alternative_names; /**< NULL or alternatives distinct names (for messages) */
  const char *const *criterion_names;   /**< NULL or criteria distinct names */
} crm_decision_matrix;

#define CRM_DECISION_MATRIX_VERSION 1
#define CRM_DECISION_MATRIX_INIT { CRM_DECISION_MATRIX_VERSION, NULL, 0, 0, NULL, NULL, NULL }

typedef struct crm_rank_options {
  unsigned int version;  /**< CRM_RANK_OPTIONS_VERSION */
  int method;            /**< crm_rank_method (default TOPSIS) */
  int normalization;     /**< crm_normalization (default AUTO) */
  double waspas_lambda;  /**< WASPAS, 0..1 (default 0.5) */
  double vikor_v;        /**< VIKOR weight of S against R, 0..1 (default 0.5) */
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

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_RANK_OPTIONS_VERSION), the values of CRM_RANK_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_rank_options_init(crm_rank_options *opts, unsigned int version);

/** Every array is NULL (not wanted) or holds `alternatives` entries; the method's detail
 * arrays are left untouched for the other methods. */
typedef struct crm_rank_result {
  unsigned int version;   /**< CRM_RANK_RESULT_VERSION, set by the caller */
  double *scores;         /**< WSM/WPM/WASPAS score, TOPSIS closeness, VIKOR Q, PROMETHEE phi */
  size_t *ranks;          /**< 1 = best; equal scores share a rank */
  size_t *order;          /**< alternatives best first, 0-based */
  double *wsm, *wpm;      /**< WASPAS: its two parts */
  double *distance_best;  /**< TOPSIS D+ */
  double *distance_worst; /**< TOPSIS D- */
  double *vikor_s;        /**< VIKOR group utility S */
  double *vikor_r;        /**< VIKOR individual regret R */
  double *phi_plus;       /**< PROMETHEE leaving flow */
  double *phi_minus;      /**< PROMETHEE entering flow */
  uint8_t *compromise;    /**< VIKOR: 1 for the alternatives of the compromise set */
  /* set by the library: */
  int lower_is_better;      /**< 1 for VIKOR */
  int normalization;        /**< the crm_normalization used */
  int acceptable_advantage; /**< VIKOR condition C1 */
  int acceptable_stability; /**< VIKOR condition C2 */
} crm_rank_result;

#define CRM_RANK_RESULT_VERSION 1
#define CRM_RANK_RESULT_INIT \
  { CRM_RANK_RESULT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
    NULL, 0, 0, 0, 0 }

/** Ranks the alternatives of *matrix with `weights` (criteria entries) by opts->method (NULL
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
  unsigned int version; /**< CRM_SENSITIVITY_OPTIONS_VERSION */
  double step;          /**< numeric search: scan step, (0, 0.5] (default 0.01) */
  double tolerance;     /**< numeric search: bracket width of an end (default 1e-9) */
} crm_sensitivity_options;

#define CRM_SENSITIVITY_OPTIONS_VERSION 1
#define CRM_SENSITIVITY_OPTIONS_INIT { CRM_SENSITIVITY_OPTIONS_VERSION, 0.01, 1e-9 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_SENSITIVITY_OPTIONS_VERSION), the values of CRM_SENSITIVITY_OPTIONS_INIT; CRM_EINVAL
 * for NULL or an unknown version. */
CRM_API int crm_sensitivity_options_init(crm_sensitivity_options *opts, unsigned int version);

typedef struct crm_weight_sensitivity_result {
  unsigned int version; /**< CRM_WEIGHT_SENSITIVITY_RESULT_VERSION, set by the caller */
  /* NULL or `criteria` entries each: the weight interval keeping the top choice, and the one
   * keeping the whole ranking. */
  double *top_low, *top_high;
  double *ranking_low, *ranking_high;
  /* set by the library: */
  int exact;             /**< 1: closed form (WSM, PROMETHEE); 0: numeric search */
  int has_flip;          /**< 0: no single weight change flips the winner */
  size_t flip_criterion; /**< the criterion whose smallest change flips it */
  double flip_weight;    /**< its weight there */
  double flip_change;    /**< flip_weight - the given weight */
  size_t flip_winner;    /**< the alternative first beyond it */
} crm_weight_sensitivity_result;

#define CRM_WEIGHT_SENSITIVITY_RESULT_VERSION 1
#define CRM_WEIGHT_SENSITIVITY_RESULT_INIT \
  { CRM_WEIGHT_SENSITIVITY_RESULT_VERSION, NULL, NULL, NULL, NULL, 0, 0, 0, 0.0, 0.0, 0 }

/** How far each criterion's weight may move (the others rescaled to keep the sum) before the top
 * choice, or the whole ranking, changes, under the method of rank_opts (NULL: its defaults);
 * `weights` has one entry per criterion. Fills the arrays of *result the caller pointed at and
 * the flip fields. CRM_EINVAL for a bad matrix, weights or options. */
CRM_API int crm_weight_sensitivity(const crm_decision_matrix *matrix, const double *weights,
                                   const crm_rank_options *rank_opts,
                                   const crm_sensitivity_options *opts,
                                   crm_weight_sensitivity_result *result);

typedef enum crm_weight_distribution {
  CRM_WEIGHTS_DIRICHLET = 0, /**< Dirichlet(c w): mean w, variance w (1 - w) / (c + 1) */
  CRM_WEIGHTS_UNIFORM = 1    /**< uniform on the simplex */
} crm_weight_distribution;

/** "dirichlet", "uniform". `code` is a crm_weight_distribution value; NULL for another. */
CRM_API const char *crm_weight_distribution_name(int code);
/** Stores in *out the value named `text` (a name crm_weight_distribution_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_weight_distribution_parse(const char *text, int *out);

typedef struct crm_monte_carlo_options {
  unsigned int version;  /**< CRM_MONTE_CARLO_OPTIONS_VERSION */
  size_t draws;          /**< 1..100000000 (default 10000) */
  int64_t seed;          /**< any value (its 64 bits seed the generator; default 42) */
  int distribution;      /**< crm_weight_distribution (default DIRICHLET) */
  double concentration;  /**< Dirichlet c > 0 (default 50) */
} crm_monte_carlo_options;

#define CRM_MONTE_CARLO_OPTIONS_VERSION 1
#define CRM_MONTE_CARLO_OPTIONS_INIT \
  { CRM_MONTE_CARLO_OPTIONS_VERSION, 10000, 42, CRM_WEIGHTS_DIRICHLET, 50.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_MONTE_CARLO_OPTIONS_VERSION), the values of CRM_MONTE_CARLO_OPTIONS_INIT; CRM_EINVAL
 * for NULL or an unknown version. */
CRM_API int crm_monte_carlo_options_init(crm_monte_carlo_options *opts, unsigned int version);

/** out_acceptability[alternatives x alternatives]: [i * alternatives + r - 1] = share of the
 * draws in which alternative i took rank r (each row sums to 1). out_central_weights: NULL
 * or [alternatives x criteria], the mean weights of the draws in which i ranked first (NaN
 * when it never did). Same seed, same result on every platform. */
CRM_API int crm_rank_acceptability(const crm_decision_matrix *matrix, const double *weights,
                                   const crm_rank_options *rank_opts,
                                   const crm_monte_carlo_options *opts, double *out_acceptability,
                                   double *out_central_weights);

/** Removes each alternative in turn (needs three or more): out_winner_changed[alternatives]
 * 1 when the best of the others changed; out_reversed_pairs: NULL or [alternatives], how many
 * pairs of the others changed relation (above, tied, below). weights: one per criterion of
 * *matrix. */
CRM_API int crm_rank_reversal_on_removal(const crm_decision_matrix *matrix, const double *weights,
                                         const crm_rank_options *rank_opts,
                                         uint8_t *out_winner_changed, size_t *out_reversed_pairs);

/** Adds `row` (criteria values) as alternative `name` (NULL: "added"): *out_winner_changed,
 * and the pairs (a, b) of the original alternatives whose relation changed into pairs[2 x
 * pair_capacity] (a, b interleaved, a < b); *out_pair_count is their number (CRM_EBUFS when
 * it exceeds pair_capacity; pairs may be NULL with capacity 0 to ask for the count). weights:
 * one per criterion of *matrix. */
CRM_API int crm_rank_reversal_on_addition(const crm_decision_matrix *matrix, const double *weights,
                                          const double *row, const char *name,
                                          const crm_rank_options *rank_opts,
                                          int *out_winner_changed, size_t *pairs,
                                          size_t pair_capacity, size_t *out_pair_count);

/* ---- group decisions (decision/group.hpp). Rankings are items x members, row-major; each
 * member's column ranks the items 1..n, tied items sharing the mean of their places (2.5).
 * CRM_EINVAL names the member and the item of a column that is not such a ranking. */
typedef struct crm_rankings {
  unsigned int version;              /**< CRM_RANKINGS_VERSION */
  const double *ranks;               /**< items x members, row-major */
  size_t items;
  size_t members;
  const char *const *item_names;     /**< NULL or `items` names (for messages) */
  const char *const *member_names;   /**< NULL or `members` names */
} crm_rankings;

#define CRM_RANKINGS_VERSION 1
#define CRM_RANKINGS_INIT { CRM_RANKINGS_VERSION, NULL, 0, 0, NULL, NULL }

/** Kendall's W with the ties correction; chi-square = m (n - 1) W on n - 1 df. */
typedef struct crm_concordance {
  unsigned int version;   /**< CRM_CONCORDANCE_VERSION, set by the caller */
  double w;
  double chi_square;
  size_t df;
  double p_value;         /**< upper tail of chi-square(df) */
  double s;               /**< sum of squared deviations of the rank sums */
  double ties_correction; /**< sum over members of sum (t^3 - t) */
} crm_concordance;

#define CRM_CONCORDANCE_VERSION 1
#define CRM_CONCORDANCE_INIT { CRM_CONCORDANCE_VERSION, 0, 0, 0, 0, 0, 0 }

/** out_rank_sums: NULL or `items` entries. */
CRM_API int crm_kendall_w(const crm_rankings *rankings, crm_concordance *out, double *out_rank_sums);

/** Kendall's tau-b (NaN when either ranking ties every item) and Spearman's footrule
 * sum |a_i - b_i| of two rankings of n items. a and b: the ranks of the n items in each ranking;
 * *out receives tau-b. */
CRM_API int crm_kendall_tau(const double *a, const double *b, size_t n, double *out);
/** Spearman's footrule, sum |a_i - b_i|, of two rankings of n items into *out (see
 * crm_kendall_tau). CRM_EINVAL for NULL arrays or rankings crm_kendall_tau refuses. a and b: the
 * ranks of the n items. */
CRM_API int crm_footrule(const double *a, const double *b, size_t n, double *out);

/** Borda count: points per item (n - rank summed over members), the consensus ranks (1 =
 * first, ties share), and each member's tau-b and footrule from the consensus. Every output
 * is NULL or `items` (points, ranks) / `members` (tau, footrule) entries. out_points, out_ranks,
 * out_member_tau, out_member_footrule receive them. */
CRM_API int crm_borda(const crm_rankings *rankings, double *out_points, size_t *out_ranks,
                      double *out_member_tau, double *out_member_footrule);

/** Group AHP over `members` n x n matrices stored one after another (NaN = blank).
 * member_weights: NULL (equal) or `members` weights summing to 1. AIJ: the AHP of the
 * cell-wise weighted geometric mean; AIP: the weighted mean of the members' priorities (its
 * *group figures are AIJ's). out_priorities: n entries; group: NULL or the group's figures;
 * out_member_cr: NULL or `members` consistency ratios. CRM_EINVAL names a member with no
 * judgments or a bad judgment. */
CRM_API int crm_aggregate_judgments(const double *matrices, size_t members, size_t n,
                                    const double *member_weights, const crm_ahp_options *opts,
                                    double *out_priorities, crm_ahp_result *group,
                                    double *out_member_cr);
/** Group AHP by aggregating individual priorities (AIP): as crm_aggregate_judgments, with
 * out_priorities the member_weights-weighted mean of the members' priority vectors; the figures
 * in *group are those of the aggregated judgments. matrices, n and out_member_cr as for
 * crm_aggregate_judgments. */
CRM_API int crm_aggregate_priorities(const double *matrices, size_t members, size_t n,
                                     const double *member_weights, const crm_ahp_options *opts,
                                     double *out_priorities, crm_ahp_result *group,
                                     double *out_member_cr);

/** The team exercise: error scores (footrule from the expert) of each member and of the
 * team's own ranking, synergy, and the sign of groupthink (the team closer to its dominant
 * member than the members' Borda consensus is). */
typedef struct crm_team_exercise_result {
  unsigned int version;          /**< CRM_TEAM_EXERCISE_RESULT_VERSION, set by the caller */
  double team_error;
  double mean_member_error;
  double best_member_error;
  size_t best_member;
  int beats_average;
  int beats_best;
  double synergy_gain;           /**< mean member error - team error */
  size_t dominant_member;        /**< the member closest to the team's ranking */
  double team_to_dominant;
  double consensus_to_dominant;
  double team_to_consensus;
  int groupthink_sign;
  crm_concordance concordance;   /**< Kendall's W of the members (its version is not read) */
} crm_team_exercise_result;

#define CRM_TEAM_EXERCISE_RESULT_VERSION 1
#define CRM_TEAM_EXERCISE_RESULT_INIT \
  { CRM_TEAM_EXERCISE_RESULT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CRM_CONCORDANCE_INIT }

/** team, expert: `items` ranks each; out_member_errors: NULL or `members` entries. */
CRM_API int crm_team_exercise(const crm_rankings *members, const double *team, const double *expert,
                              crm_team_exercise_result *out, double *out_member_errors);

/* ---- weighted SWOT (decision/swot.hpp): IFE/EFE, IE cell, quadrant, TOWS, SWOT-AHP ------
 * Weights in [0, 1], the internal (S, W) and the external (O, T) ones each summing to 1
 * within 1e-6 (CRM_EINVAL says the sum and by how much it misses); ratings 1..4. */
typedef enum crm_swot_group {
  CRM_SWOT_STRENGTH = 0,  /**< "S" */
  CRM_SWOT_WEAKNESS,      /**< "W" */
  CRM_SWOT_OPPORTUNITY,   /**< "O" */
  CRM_SWOT_THREAT         /**< "T" */
} crm_swot_group;
/** The name of `code` as a crm_swot_group value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_swot_group_name(int code);
/** Stores in *out the value named `text` (a name crm_swot_group_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_swot_group_parse(const char *text, int *out);

/** IE matrix strategy: cells I, II, IV grow; III, V, VII hold; VI, VIII, IX harvest. */
typedef enum crm_ie_strategy {
  CRM_IE_GROW_AND_BUILD = 0,
  CRM_IE_HOLD_AND_MAINTAIN,
  CRM_IE_HARVEST_OR_DIVEST
} crm_ie_strategy;
/** The name of `code` as a crm_ie_strategy value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_ie_strategy_name(int code);
/** Stores in *out the value named `text` (a name crm_ie_strategy_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_ie_strategy_parse(const char *text, int *out);

/** Quadrant of (S - W, O - T): aggressive (SO), turnaround (WO), diversification (ST),
 * defensive (WT). */
typedef enum crm_swot_quadrant {
  CRM_SWOT_AGGRESSIVE = 0,
  CRM_SWOT_TURNAROUND,
  CRM_SWOT_DIVERSIFICATION,
  CRM_SWOT_DEFENSIVE
} crm_swot_quadrant;
/** The name of `code` as a crm_swot_quadrant value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_swot_quadrant_name(int code);
/** Stores in *out the value named `text` (a name crm_swot_quadrant_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_swot_quadrant_parse(const char *text, int *out);

typedef enum crm_tows_type { CRM_TOWS_SO = 0, CRM_TOWS_ST, CRM_TOWS_WO, CRM_TOWS_WT } crm_tows_type;
/** The name of `code` as a crm_tows_type value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_tows_type_name(int code);
/** Stores in *out the value named `text` (a name crm_tows_type_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_tows_type_parse(const char *text, int *out);

typedef struct crm_swot_factor {
  int group;          /**< crm_swot_group */
  const char *name;
  double weight;
  double rating;      /**< 1..4 */
  const char *note;   /**< NULL or the answer to the guiding question */
} crm_swot_factor;

typedef struct crm_swot_options {
  unsigned int version;     /**< CRM_SWOT_OPTIONS_VERSION */
  size_t tows_per_group;    /**< strongest factors of each group paired in TOWS */
} crm_swot_options;

#define CRM_SWOT_OPTIONS_VERSION 1
#define CRM_SWOT_OPTIONS_INIT { CRM_SWOT_OPTIONS_VERSION, 2 }
/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_SWOT_OPTIONS_VERSION), the values of CRM_SWOT_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_swot_options_init(crm_swot_options *opts, unsigned int version);

/** A TOWS candidate: an internal and an external factor (indices), score = their scores' sum. */
typedef struct crm_tows_pair {
  int type;          /**< crm_tows_type */
  size_t internal;
  size_t external;
  double score;
} crm_tows_pair;

typedef struct crm_swot_result {
  unsigned int version;   /**< CRM_SWOT_RESULT_VERSION, set by the caller */
  double ife;
  double efe;
  double internal_net;    /**< S scores - W scores */
  double external_net;    /**< O scores - T scores */
  int ie_cell;            /**< 1..9 */
  int strategy;           /**< crm_ie_strategy */
  int quadrant;           /**< crm_swot_quadrant */
  crm_tows_pair *tows;    /**< NULL or tows_capacity entries: SO, ST, WO, WT, best first in each */
  size_t tows_capacity;
  size_t tows_count;      /**< out: pairs (CRM_EBUFS when above the capacity) */
} crm_swot_result;

#define CRM_SWOT_RESULT_VERSION 1
#define CRM_SWOT_RESULT_INIT { CRM_SWOT_RESULT_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0 }

/** out_scores: NULL or `count` weight x rating scores. */
CRM_API int crm_swot(const crm_swot_factor *factors, size_t count, const crm_swot_options *opts,
                     double *out_scores, crm_swot_result *result);

/** SWOT-AHP: group_matrix 4 x 4 (S, W, O, T); factor_matrices the four groups' n_g x n_g
 * matrices one after another (factors of a group in their listed order). Outputs: NULL or
 * 4 group priorities; NULL or `count` local and global priorities. out_group_priorities receives
 * the 4 group priorities, out_local and out_global the factors' priorities within their group
 * and overall. */
CRM_API int crm_swot_ahp(const crm_swot_factor *factors, size_t count, const double *group_matrix,
                         const double *factor_matrices, const crm_ahp_options *opts,
                         double *out_group_priorities, double *out_local, double *out_global);

/** The SWOT matrix as SVG text (title NULL: "SWOT matrix"); the buf/buf_len/out_len
 * convention of crm_line_chart (CRM_EBUFS with *out_len the length when buf is short). factors:
 * `count` SWOT factors. */
CRM_API int crm_swot_chart(const crm_swot_factor *factors, size_t count, const char *title,
                           char *buf, size_t buf_len, size_t *out_len);

/* ---- the decision record (decision/record.hpp): the six steps, the bias checklist -------
 * A handle; steps may be set in any order, but crm_decision_record_choose fails with
 * CRM_ESTATE naming every missing step of 1-5, and redoing steps 2-5 withdraws a choice.
 * Saved and loaded through the versioned archive envelope. */
typedef struct crm_decision_record crm_decision_record;

typedef enum crm_decision_step {
  CRM_STEP_STATEMENT = 0,
  CRM_STEP_CRITERIA,
  CRM_STEP_WEIGHTS,
  CRM_STEP_ALTERNATIVES,
  CRM_STEP_EVALUATIONS,
  CRM_STEP_CHOICE
} crm_decision_step;
/** The name of `code` as a crm_decision_step value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_decision_step_name(int code);
/** Stores in *out the value named `text` (a name crm_decision_step_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_decision_step_parse(const char *text, int *out);

typedef enum crm_bias {
  CRM_BIAS_PRIOR_HYPOTHESIS = 0,
  CRM_BIAS_REPRESENTATIVENESS,
  CRM_BIAS_ILLUSION_OF_CONTROL,
  CRM_BIAS_REASONING_BY_ANALOGY,
  CRM_BIAS_ESCALATING_COMMITMENT,
  CRM_BIAS_GROUPTHINK
} crm_bias;
/** The name of `code` as a crm_bias value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_bias_name(int code);
/** Stores in *out the value named `text` (a name crm_bias_name gives); CRM_EINVAL listing the
 * names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_bias_parse(const char *text, int *out);

/** An empty record (every step missing). Free with crm_decision_record_free. */
CRM_API int crm_decision_record_new(crm_decision_record **out);
/** Releases `record` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_decision_record_free(crm_decision_record *record);
/** Step 1. `statement`: the decision to be made, as text. */
CRM_API int crm_decision_record_set_statement(crm_decision_record *record, const char *statement);
/** Step 2: `count` criteria; directions NULL (all benefit) or crm_criterion_direction bytes;
 * units, parents NULL or `count` texts (NULL entries or "" for none; a parent names an
 * earlier criterion). */
CRM_API int crm_decision_record_set_criteria(crm_decision_record *record, const char *const *names,
                                             const uint8_t *directions, const char *const *units,
                                             const char *const *parents, size_t count);
/** Step 3: one weight per criterion summing to 1; method NULL or its name ("ahp", ...). weights:
 * `count` values, one per criterion. */
CRM_API int crm_decision_record_set_weights(crm_decision_record *record, const double *weights,
                                            size_t count, const char *method);
/** Step 4. names: `count` alternative names. */
CRM_API int crm_decision_record_set_alternatives(crm_decision_record *record,
                                                 const char *const *names, size_t count);
/** Step 5: alternatives x criteria values, row-major (`count` = their product). */
CRM_API int crm_decision_record_set_evaluations(crm_decision_record *record, const double *values,
                                                size_t count);
/** Step 6: rationale NULL or text. `alternative`: the chosen alternative's index among those of
 * step 4. */
CRM_API int crm_decision_record_choose(crm_decision_record *record, size_t alternative,
                                       const char *rationale);
/** Marks `bias` (crm_bias) as considered with a note (NULL: none). */
CRM_API int crm_decision_record_note_bias(crm_decision_record *record, int bias, const char *note);
/** The missing steps (crm_decision_step bytes) in order; CRM_EBUFS when above capacity. steps
 * has room for `capacity` entries; *out_count receives their number. */
CRM_API int crm_decision_record_missing_steps(const crm_decision_record *record, uint8_t *steps,
                                              size_t capacity, size_t *out_count);
/** *out_chosen 1 with *out_choice the alternative's index, or 0. */
CRM_API int crm_decision_record_choice(const crm_decision_record *record, int *out_chosen,
                                       size_t *out_choice);
/** The record as readable text (buf/buf_len/out_len as crm_swot_chart). */
CRM_API int crm_decision_record_describe(const crm_decision_record *record, char *buf,
                                         size_t buf_len, size_t *out_len);
/** Writes the record to `path` (checksummed, written atomically). CRM_EIO when the file cannot
 * be written. */
CRM_API int crm_decision_record_save(const crm_decision_record *record, const char *path);
/** CRM_ECORRUPT for a damaged file or one that breaks the record's rules. The record in the file
 * at `path` into *out (NULL on failure), owned by the caller: free it with
 * crm_decision_record_free. */
CRM_API int crm_decision_record_load(crm_decision_record **out, const char *path);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_DECISION_H */
