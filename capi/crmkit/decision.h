/*
 * crmkit/decision.h — decision weighting: criterion weights (direct, rank-based, entropy,
 * CRITIC), AHP (priorities, consistency, incomplete matrices, hierarchies).
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

/* Direct weights normalised to sum 1 (e.g. points out of 100). CRM_EINVAL for a negative or
 * non-finite value or all zeros. */
CRM_API int crm_direct_weights(const double *values, size_t criteria, double *out_weights);

typedef enum crm_rank_weighting {
  CRM_RANK_SUM = 0,                /* w ~ n + 1 - position */
  CRM_RANK_RECIPROCAL = 1,         /* w ~ 1 / position */
  CRM_RANK_ORDER_CENTROID = 2      /* w = (1/n) sum_{k=position}^{n} 1/k */
} crm_rank_weighting;
CRM_API const char *crm_rank_weighting_name(int code);
CRM_API int crm_rank_weighting_parse(const char *text, int *out);

/* Weights from ranks (1 = most important; only the order matters; equal ranks share the
 * mean weight of the positions they occupy). */
CRM_API int crm_rank_weights(const double *ranks, size_t criteria, int method, double *out_weights);

/* Shannon entropy weights of a non-negative decision matrix (at least 2 alternatives). */
CRM_API int crm_entropy_weights(const double *matrix, size_t alternatives, size_t criteria,
                                double *out_weights);

/* CRITIC weights; cost: NULL (all benefit) or `criteria` flags, 1 = smaller is better. */
CRM_API int crm_critic_weights(const double *matrix, size_t alternatives, size_t criteria,
                               const uint8_t *cost, double *out_weights);

/* ---- AHP (decision/ahp.hpp) ------------------------------------------------------------ */

typedef enum crm_priority_method {
  CRM_PRIORITY_EIGEN = 0,     /* principal right eigenvector */
  CRM_PRIORITY_GEOMETRIC = 1  /* normalised row geometric means */
} crm_priority_method;
CRM_API const char *crm_priority_method_name(int code);
CRM_API int crm_priority_method_parse(const char *text, int *out);

typedef enum crm_completion {
  CRM_COMPLETION_LAMBDA_OPTIMAL = 0, /* missing judgments minimise lambda_max */
  CRM_COMPLETION_HARKER = 1          /* Harker's method */
} crm_completion;
CRM_API const char *crm_completion_name(int code);
CRM_API int crm_completion_parse(const char *text, int *out);

/* The bundled random-index tables: name i (0, 1, ...; NULL past the last): "saaty" (the
 * default), "saaty-2005", "donegan-dodd". */
CRM_API const char *crm_random_index_table_name(size_t index);
/* Table `name`'s values (values[n - 1] = RI(n)) into out_values; *out_count receives their
 * number (CRM_EBUFS when capacity is smaller). CRM_EINVAL for an unknown name. */
CRM_API int crm_random_index_table(const char *name, double *out_values, size_t capacity,
                                   size_t *out_count);

typedef struct crm_ahp_options {
  unsigned int version;             /* CRM_AHP_OPTIONS_VERSION */
  int method;                       /* crm_priority_method */
  int completion;                   /* crm_completion */
  /* The random-index table: a bundled table's name when random_index_values is NULL; with
   * random_index_values (random_index_count entries, values[n - 1] = RI(n)) the name the
   * caller gives its own table. */
  const char *random_index_table;
  const double *random_index_values;
  size_t random_index_count;
  int allow_outside_scale;          /* 1: judgments outside 1/9..9 are accepted */
  double reciprocal_tolerance;      /* largest |a_ij a_ji - 1| accepted */
  size_t judgments_to_report;       /* most inconsistent judgments reported */
  double tolerance;                 /* lambda-optimal completion: log-entry change */
  int max_iterations;               /* lambda-optimal completion: cycles */
} crm_ahp_options;

#define CRM_AHP_OPTIONS_VERSION 1
#define CRM_AHP_OPTIONS_INIT \
  { CRM_AHP_OPTIONS_VERSION, CRM_PRIORITY_EIGEN, CRM_COMPLETION_LAMBDA_OPTIMAL, "saaty", NULL, 0, 0, 0.01, 3, 1e-10, 1000 }

CRM_API int crm_ahp_options_init(crm_ahp_options *opts, unsigned int version);

/* A judgment that disagrees with the priorities: error = a_ij w_j / w_i (1 when consistent). */
typedef struct crm_ahp_judgment {
  size_t row;
  size_t column;
  double value;            /* a_ij as given */
  double error;            /* a_ij w_j / w_i */
  double consistent_value; /* w_i / w_j */
  double scale_value;      /* consistent_value rounded to Saaty's scale */
  double cr_if_changed;    /* CR with a_ij set to consistent_value */
} crm_ahp_judgment;

typedef struct crm_ahp_result {
  unsigned int version;        /* CRM_AHP_RESULT_VERSION, set by the caller */
  double lambda_max;
  double ci;
  double cr;
  double random_index;         /* RI(n) used */
  size_t missing;              /* missing judgments (pairs) */
  int completion_iterations;   /* lambda-optimal cycles (0 when none were missing) */
  double *matrix;              /* NULL or n * n entries: the completed reciprocal matrix */
  crm_ahp_judgment *inconsistent; /* NULL or inconsistent_capacity entries, worst first */
  size_t inconsistent_capacity;
  size_t inconsistent_count;   /* out: judgments reported (CRM_EBUFS if > capacity) */
} crm_ahp_result;

#define CRM_AHP_RESULT_VERSION 1
#define CRM_AHP_RESULT_INIT { CRM_AHP_RESULT_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }

/* AHP priorities of an n x n pairwise matrix (NaN = missing judgment; a pair given in one
 * triangle only is completed by its reciprocal) into out_priorities (n entries, sum 1);
 * result: NULL or the consistency figures. CRM_EINVAL names the cell (names: NULL or n
 * element names used in messages) for non-positive, non-reciprocal or out-of-scale
 * judgments, unconnected elements, or a size beyond the random-index table;
 * CRM_ECONVERGE when the completion does not settle. */
CRM_API int crm_ahp(const double *matrix, size_t n, const char *const *names,
                    const crm_ahp_options *opts, double *out_priorities, crm_ahp_result *result);

/* A criterion or sub-criterion of a hierarchy: parent is an earlier node's index or
 * CRM_GOAL; local_weight is its weight among its siblings. */
#define CRM_GOAL ((size_t)-1)
typedef struct crm_hierarchy_node {
  const char *name;
  size_t parent;
  double local_weight;
} crm_hierarchy_node;

/* Global weights of `count` nodes into out_global_weights (count entries) and, when
 * alternatives > 0, the alternatives' overall scores into out_scores from leaf_priorities
 * (leaves x alternatives, row-major, leaves in node order, rows summing to 1). */
CRM_API int crm_synthesize_hierarchy(const crm_hierarchy_node *nodes, size_t count,
                                     const double *leaf_priorities, size_t alternatives,
                                     double *out_global_weights, double *out_scores);

#ifdef __cplusplus
}
#endif

#endif /* CRMKIT_DECISION_H */
