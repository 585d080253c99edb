/** @file
 * crmkit/process.h — service processes: process maps (steps, departments, durations,
 * costs, sequences, parallel splits, decisions, rework loops), their analysis (expected
 * visits, cycle time and cost including rework, critical path, value-added ratio,
 * hand-offs, redesign candidates, roles), redesign comparison, the swim-lane drawing, and
 * Porter's value chain. C++ counterparts: include/crmkit/process/.
 *
 * Times are minutes; costs are amounts per execution in any currency. A crm_process_map is
 * read, validated and analysed once when it is made; the accessors only copy results out,
 * so one map may be read from several threads at once.
 */
#ifndef CRMKIT_PROCESS_H
#define CRMKIT_PROCESS_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct crm_process_map crm_process_map;

/** A map from a CSV file with the header step,department,duration,cost,value_adding,next
 * (optional role,necessary,rework,duplicate_of,note); duration in minutes, fixed or
 * MIN/MODE/MAX (triangular, used at its mean); `next` is empty (end), B (sequence),
 * B&C (parallel split), B:0.8|C:0.2 (decision; a branch back to an earlier step is a
 * rework loop); the first row is the start. CRM_EIO when the file cannot be read,
 * CRM_EPARSE "FILE:LINE:COL: what" for bad CSV, CRM_EINVAL "FILE:LINE: step 'X': what" for
 * a map that cannot run (unreachable steps, no end, probabilities not summing to 1, loops
 * with no exit, negative durations, unknown steps, a join not every branch reaches). `path`
 * names the file. */
CRM_API int crm_process_map_read_csv(crm_process_map **out, const char *path);
/** The same from CSV text (len bytes); `name` (NULL: `"<text>"`) stands for the file in
 * messages. */
CRM_API int crm_process_map_parse_csv(crm_process_map **out, const char *text, size_t len,
                                      const char *name);
/** Releases `map` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_process_map_free(crm_process_map *map);

/** The whole-process figures (process/analysis.hpp defines each). */
typedef struct crm_process_summary {
  unsigned int version;          /**< CRM_PROCESS_SUMMARY_VERSION, set by the caller */
  size_t steps;
  double expected_cycle_time;    /**< elapsed minutes; parallel parts take their longest branch */
  double expected_work_time;     /**< minutes summed over steps, rework included */
  double expected_cost;
  double value_added_time;
  double value_added_ratio;      /**< value_added_time / expected_work_time */
  double handoffs;               /**< expected flows between departments */
  double rework_probability;     /**< P(at least one rework loop) */
  double critical_path_length;   /**< minutes: sum of expected visits x duration on the path */
  size_t critical_path_count;    /**< steps on the critical path */
} crm_process_summary;

#define CRM_PROCESS_SUMMARY_VERSION 1
#define CRM_PROCESS_SUMMARY_INIT { CRM_PROCESS_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/** The whole-process figures of the map into *out (its version set by the caller). CRM_EINVAL
 * for NULL or an unknown version. */
CRM_API int crm_process_map_summary(const crm_process_map *map, crm_process_summary *out);

/** Why a step is a redesign candidate (bit flags of crm_process_step_figures.candidate). */
#define CRM_PROCESS_NO_VALUE_ADDED 1u
#define CRM_PROCESS_UNNECESSARY 2u
#define CRM_PROCESS_REWORK 4u
#define CRM_PROCESS_DUPLICATE 8u

typedef struct crm_process_step_figures {
  double expected_visits;
  double expected_time;   /**< expected_visits x duration */
  double expected_cost;   /**< expected_visits x cost */
  unsigned int candidate; /**< CRM_PROCESS_* flags; 0: not a candidate */
  int critical;           /**< 1 when on the critical path */
} crm_process_step_figures;

/** Per-step figures in map order into out (capacity entries); *out_count receives the number
 * of steps (CRM_EBUFS when capacity is smaller). */
CRM_API int crm_process_map_steps(const crm_process_map *map, crm_process_step_figures *out,
                                  size_t capacity, size_t *out_count);

/** The critical path's step indices, start first (CRM_EBUFS as above). out_steps has room for
 * `capacity` indices; *out_count receives their number. */
CRM_API int crm_process_map_critical_path(const crm_process_map *map, size_t *out_steps,
                                          size_t capacity, size_t *out_count);

typedef enum crm_process_text {
  CRM_PROCESS_TEXT_NAME = 0,
  CRM_PROCESS_TEXT_DEPARTMENT = 1,
  CRM_PROCESS_TEXT_EXECUTOR = 2,   /**< the role column, else the department */
  CRM_PROCESS_TEXT_SUPPLIERS = 3,  /**< steps whose output it receives ("customer" for the start) */
  CRM_PROCESS_TEXT_CUSTOMERS = 4,  /**< steps receiving its output ("customer" for an end step) */
  CRM_PROCESS_TEXT_REASONS = 5     /**< "no value added, unnecessary, rework, duplicate of X" */
} crm_process_text;
/** The name of `code` as a crm_process_text value (a static string); NULL for a value that is
 * not one. Thread-safe. */
CRM_API const char *crm_process_text_name(int code);
/** Stores in *out the value named `text` (a name crm_process_text_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_process_text_parse(const char *text, int *out);

/** A text of step `step` (field: crm_process_text), NUL-terminated into buf; lists are one
 * name per line. *out_len receives the length without the NUL (CRM_EBUFS when buf_len is
 * not larger). CRM_EINVAL for a step or field out of range. */
CRM_API int crm_process_map_step_text(const crm_process_map *map, size_t step, int field, char *buf,
                                      size_t buf_len, size_t *out_len);

/** The swim-lane drawing (standalone SVG, one lane per department) into buf as above.
 * title: NULL for the default. CRM_EINVAL for maps of more than 400 steps. */
CRM_API int crm_process_map_chart(const crm_process_map *map, const char *title, char *buf,
                                  size_t buf_len, size_t *out_len);

/** One difference between two maps' steps (matched by name) and its contribution to the
 * differences in expected work time and cost (the contributions add up to them). */
#define CRM_PROCESS_NONE ((size_t)-1)
typedef struct crm_process_change {
  size_t before_step;  /**< index in the before map, CRM_PROCESS_NONE for an added step */
  size_t after_step;   /**< index in the after map, CRM_PROCESS_NONE for a removed step */
  double time;
  double cost;
} crm_process_change;

/** The changes from `before` to `after` into out (capacity entries; *out_count receives
 * their number) and, when text is not NULL, their descriptions ("removed", "added",
 * "duration 30 -> 10; ...") one per line, NUL-terminated (*out_text_len receives the length
 * without the NUL). CRM_EBUFS when either buffer is too small (both counts are set). The
 * summaries of both maps come from crm_process_map_summary. text_len: the size of `text` in
 * bytes. */
CRM_API int crm_process_compare(const crm_process_map *before, const crm_process_map *after,
                                crm_process_change *out, size_t capacity, size_t *out_count,
                                char *text, size_t text_len, size_t *out_text_len);

/* ---- Porter's value chain (process/value_chain.hpp) -------------------------------------- */

typedef enum crm_activity {
  CRM_INBOUND_LOGISTICS = 0,
  CRM_OPERATIONS = 1,
  CRM_OUTBOUND_LOGISTICS = 2,
  CRM_MARKETING_AND_SALES = 3,
  CRM_SERVICE = 4,                /**< the five primary activities, then the four support ones */
  CRM_FIRM_INFRASTRUCTURE = 5,
  CRM_HUMAN_RESOURCES = 6,
  CRM_TECHNOLOGY_DEVELOPMENT = 7,
  CRM_PROCUREMENT = 8
} crm_activity;
#define CRM_ACTIVITIES 9
/** The name of `code` as a crm_activity value (a static string); NULL for a value that is not
 * one. Thread-safe. */
CRM_API const char *crm_activity_name(int code);
/** Stores in *out the value named `text` (a name crm_activity_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_activity_parse(const char *text, int *out);

typedef struct crm_activity_figures {
  int activity;  /**< crm_activity; several entries of one activity add up */
  double cost;
  double value;
} crm_activity_figures;

typedef struct crm_activity_margin {
  int activity;
  int primary;        /**< 1 for the five primary activities */
  double cost;
  double value;
  double margin;      /**< value - cost */
  double cost_share;  /**< of the firm's cost */
} crm_activity_margin;

typedef struct crm_value_chain_result {
  unsigned int version;              /**< CRM_VALUE_CHAIN_RESULT_VERSION, set by the caller */
  crm_activity_margin *activities;   /**< NULL or CRM_ACTIVITIES entries, template order */
  double cost;
  double value;
  double margin;
  double margin_ratio;               /**< margin / value */
} crm_value_chain_result;

#define CRM_VALUE_CHAIN_RESULT_VERSION 1
#define CRM_VALUE_CHAIN_RESULT_INIT { CRM_VALUE_CHAIN_RESULT_VERSION, NULL, 0, 0, 0, 0 }

/** The value chain of `count` entries. CRM_EINVAL naming the entry for a negative or
 * non-finite amount or an unknown activity. */
CRM_API int crm_value_chain(const crm_activity_figures *figures, size_t count,
                            crm_value_chain_result *result);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_PROCESS_H */
