/** @file
 * crmkit/contact.h — the contact-centre pillar: Erlang B, C and A, required agents and
 * staffing plans, KPIs from an interaction log.
 * C++ counterparts: include/crmkit/contact/{erlang,staffing,kpi}.hpp (the definitions of
 * every figure are written there).
 *
 * Times in seconds unless said otherwise; traffic in Erlangs = calls x aht / interval length.
 * All functions are thread-safe (no handles).
 */
#ifndef CRMKIT_CONTACT_H
#define CRMKIT_CONTACT_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Erlang B, C, A and staffing -------------------------------------------------------- */

typedef enum crm_queue_model {
  CRM_ERLANG_C = 0, /**< M/M/N: callers wait as long as it takes */
  CRM_ERLANG_A = 1  /**< M/M/N+M: callers abandon after an exponential patience */
} crm_queue_model;

/** "erlang-c", "erlang-a"; NULL for other values. Static strings. `model` is a crm_queue_model
 * value. */
CRM_API const char *crm_queue_model_name(int model);
/** Stores in *out_model the value named `text` (a name crm_queue_model_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_queue_model_parse(const char *text, int *out_model);

/** Erlang B blocking probability for `agents` >= 0 lines and `traffic` > 0 Erlangs, by the
 * stable recurrence (any load). B(2, 1) = 0.2. */
CRM_API int crm_erlang_b(int64_t agents, double traffic, double *out);
/** Erlang C probability of waiting; CRM_EINVAL unless agents > traffic. C(2, 1) = 1/3. */
CRM_API int crm_erlang_c(int64_t agents, double traffic, double *out);

typedef struct crm_staffing_options {
  unsigned int version;  /**< CRM_STAFFING_OPTIONS_VERSION */
  int model;             /**< crm_queue_model: CRM_ERLANG_C */
  double patience;       /**< 120: mean patience, s (erlang-a) */
  double answer_within;  /**< 20: the service level's threshold, s */
  int has_service_level; /**< 1 */
  double service_level;  /**< 0.8: at least this share answered within answer_within, [0, 1] */
  int has_asa;           /**< 0 */
  double asa;            /**< at most this average speed of answer, s */
  int has_max_occupancy; /**< 0 */
  double max_occupancy;  /**< at most this occupancy, (0, 1] */
  double shrinkage;      /**< 0: share of paid time off the phones, [0, 1) */
} crm_staffing_options;

#define CRM_STAFFING_OPTIONS_VERSION 1
#define CRM_STAFFING_OPTIONS_INIT \
  { CRM_STAFFING_OPTIONS_VERSION, CRM_ERLANG_C, 120.0, 20.0, 1, 0.8, 0, 0.0, 0, 1.0, 0.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_STAFFING_OPTIONS_VERSION), the values of CRM_STAFFING_OPTIONS_INIT; CRM_EINVAL for
 * NULL or an unknown version. */
CRM_API int crm_staffing_options_init(crm_staffing_options *opts, unsigned int version);

typedef struct crm_staffing_result {
  unsigned int version; /**< CRM_STAFFING_RESULT_VERSION, set by the caller */
  int64_t agents;       /**< on the phones */
  int64_t scheduled;    /**< agents / (1 - shrinkage), rounded up (30 for 21 at 30%, not 31) */
  double traffic;       /**< Erlangs */
  double p_wait;        /**< probability a call waits */
  double p_abandon;     /**< probability a call abandons (0 under erlang-c) */
  double service_level; /**< share of offered calls answered within answer_within */
  double asa;           /**< mean wait of answered calls, s */
  double asa_delayed;   /**< mean wait of answered calls that waited, s */
  double queue_length;  /**< mean callers waiting */
  double occupancy;     /**< carried traffic / agents */
} crm_staffing_result;

#define CRM_STAFFING_RESULT_VERSION 1
#define CRM_STAFFING_RESULT_INIT \
  { CRM_STAFFING_RESULT_VERSION, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 }

/** The fewest agents meeting every target of opts (NULL: defaults, 80% within 20 s) for
 * `calls` (> 0) in an interval of `length` s (> 0) with average handle time `aht` s (> 0).
 * CRM_EINVAL naming the field for bad input or no target. */
CRM_API int crm_required_agents(double calls, double length, double aht,
                                const crm_staffing_options *opts, crm_staffing_result *out);
/** What `agents` achieve (targets ignored); erlang-c refuses agents <= traffic. calls: calls
 * offered in the interval; length: the interval in seconds; aht: the average handling time in
 * seconds. */
CRM_API int crm_evaluate_staffing(int64_t agents, double calls, double length, double aht,
                                  const crm_staffing_options *opts, crm_staffing_result *out);
/** agents / (1 - shrinkage) rounded up, a quotient within 1e-9 above a whole number being it. */
CRM_API int crm_scheduled_agents(int64_t agents, double shrinkage, int64_t *out);

/** Per-interval results of a plan: each array NULL or n entries. Intervals without calls get
 * 0 agents and NaN figures. */
typedef struct crm_plan_columns {
  unsigned int version; /**< CRM_PLAN_COLUMNS_VERSION */
  int64_t *agents;
  int64_t *scheduled;
  double *traffic;
  double *service_level;
  double *asa;
  double *p_abandon;
  double *occupancy;
} crm_plan_columns;

#define CRM_PLAN_COLUMNS_VERSION 1
#define CRM_PLAN_COLUMNS_INIT { CRM_PLAN_COLUMNS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

typedef struct crm_plan_totals {
  unsigned int version; /**< CRM_PLAN_TOTALS_VERSION, set by the caller */
  double calls;
  double agent_hours;     /**< sum of agents x length / 3600 */
  double scheduled_hours;
  int64_t peak_agents;
  int64_t peak_scheduled;
  double service_level;   /**< call-weighted */
  double asa;             /**< answered-call-weighted, s */
  double p_abandon;       /**< call-weighted */
  double occupancy;       /**< carried agent hours / agent hours */
} crm_plan_totals;

#define CRM_PLAN_TOTALS_VERSION 1
#define CRM_PLAN_TOTALS_INIT { CRM_PLAN_TOTALS_VERSION, 0.0, 0.0, 0.0, 0, 0, 0.0, 0.0, 0.0, 0.0 }

/** Required agents for n intervals: calls (>= 0), length (s, > 0), aht (s, > 0 where calls
 * > 0). out may be NULL (only totals); totals may be NULL. CRM_EINVAL naming the interval
 * (1-based): "interval 12: aht = 0: must be a finite number > 0". */
CRM_API int crm_staffing_plan(const double *calls, const double *length, const double *aht, size_t n,
                              const crm_staffing_options *opts, crm_plan_columns *out,
                              crm_plan_totals *totals);

/* ---- KPIs from an interaction log --------------------------------------------------------- */

typedef enum crm_service_level_definition {
  CRM_SL_OFFERED = 0,              /**< answered within T / offered */
  CRM_SL_ANSWERED = 1,             /**< answered within T / answered */
  CRM_SL_OFFERED_LESS_SHORT = 2,   /**< answered within T / (offered - short abandons) */
  CRM_SL_ABANDONED_WITHIN_MET = 3  /**< (answered + abandoned within T) / offered */
} crm_service_level_definition;

/** "offered", "answered", "offered-less-short", "abandoned-within-met"; NULL else. `definition`
 * is a crm_service_level_definition value. */
CRM_API const char *crm_service_level_definition_name(int definition);
/** Stores in *out_definition the value named `text` (a name crm_service_level_definition_name
 * gives); CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_service_level_definition_parse(const char *text, int *out_definition);

typedef enum crm_kpi_grouping {
  CRM_KPI_BY_INTERVAL = 0,
  CRM_KPI_BY_CHANNEL = 1,
  CRM_KPI_BY_AGENT = 2
} crm_kpi_grouping;

/** "interval", "channel", "agent"; NULL else. `grouping` is a crm_kpi_grouping value. */
CRM_API const char *crm_kpi_grouping_name(int grouping);
/** Stores in *out_grouping the value named `text` (a name crm_kpi_grouping_name gives);
 * CRM_EINVAL listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_kpi_grouping_parse(const char *text, int *out_grouping);

/** The log as n rows of columns. channel and arrival are required; any other column may be
 * NULL. Times are day numbers (crm_parse_time); NaN: does not apply (not answered, ...). */
typedef struct crm_contact_log {
  unsigned int version;         /**< CRM_CONTACT_LOG_VERSION */
  size_t n;
  const int64_t *channel;       /**< a code per channel */
  const int64_t *agent;         /**< agent id, -1 for none */
  const double *arrival;
  const double *answered;       /**< NaN: not answered */
  const double *abandoned;      /**< NaN: not abandoned */
  const double *end;            /**< end of handling of answered contacts */
  const uint8_t *ivr;           /**< 1: handled to the end by the voice system */
  const uint8_t *transferred;   /**< 0 or 1 */
  const uint8_t *resolved;      /**< 1: resolved on first contact */
  const double *satisfaction;   /**< NaN: no score */
} crm_contact_log;

#define CRM_CONTACT_LOG_VERSION 1
#define CRM_CONTACT_LOG_INIT \
  { CRM_CONTACT_LOG_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

typedef struct crm_kpi_options {
  unsigned int version; /**< CRM_KPI_OPTIONS_VERSION */
  double answer_within; /**< 20 s */
  double short_abandon; /**< 5 s: abandons after a shorter wait are short */
  int definition;       /**< crm_service_level_definition: CRM_SL_OFFERED */
  double interval;      /**< 1800 s: length of the by-interval groups */
} crm_kpi_options;

#define CRM_KPI_OPTIONS_VERSION 1
#define CRM_KPI_OPTIONS_INIT { CRM_KPI_OPTIONS_VERSION, 20.0, 5.0, CRM_SL_OFFERED, 1800.0 }

/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_KPI_OPTIONS_VERSION), the values of CRM_KPI_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_kpi_options_init(crm_kpi_options *opts, unsigned int version);

/** The figures of include/crmkit/contact/kpi.hpp (rates NaN when their denominator is 0). */
typedef struct crm_kpi_figures {
  unsigned int version; /**< CRM_KPI_FIGURES_VERSION, set by the caller */
  size_t contacts, ivr_contained, offered, answered, abandoned, short_abandoned;
  size_t answered_within, abandoned_within, delayed, transferred, resolved, satisfaction_responses;
  double wait_seconds, handle_seconds, staffed_seconds;
  double abandonment_rate, abandonment_rate_excluding_short, service_level, asa, aht, busy_rate;
  double occupancy, first_contact_resolution, containment, transfer_rate, satisfaction;
} crm_kpi_figures;

#define CRM_KPI_FIGURES_VERSION 1

/** The KPIs of the whole log. CRM_EINVAL naming the contact (0-based row) and field. */
CRM_API int crm_contact_kpis(const crm_contact_log *log, const crm_kpi_options *opts,
                             crm_kpi_figures *out);

/** The KPIs per group (crm_kpi_grouping), in increasing key order: out_keys (channel code,
 * agent id, or interval number since 1970-01-01 00:00 UTC), out_starts (interval start as a
 * day number, NaN for other groupings; may be NULL) and out_figures (every entry written in
 * the layout of out_figures[0].version) hold `capacity` entries; *out_count is the number of
 * groups. CRM_EBUFS (nothing written) when capacity is smaller: call with capacity 0 to ask.
 * `grouping` is a crm_kpi_grouping value. */
CRM_API int crm_contact_kpis_by(const crm_contact_log *log, int grouping, const crm_kpi_options *opts,
                                int64_t *out_keys, double *out_starts, crm_kpi_figures *out_figures,
                                size_t capacity, size_t *out_count);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_CONTACT_H */
