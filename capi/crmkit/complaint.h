/** @file
 * crmkit/complaint.h — the complaint desk: cases walked through the six handling steps
 * (Listen, Share, Probe, Check, Action, Satisfy) as an explicit state machine, SLA clocks
 * on a business calendar or on calendar time, and a durable store (SQLite, WAL,
 * synchronous=FULL) in a directory. C++ counterparts: include/crmkit/complaint/.
 *
 * Times are seconds since 1970-01-01 00:00 UTC (int64_t); durations are seconds. The
 * library never reads a clock: `now` is always an argument.
 *
 * Durability: a submit that returns has committed its events; a desk opened after a crash
 * of the host replays them. Threads: one crm_desk may be used from several threads at once
 * (it serialises calls on one SQLite connection); only one process may open a directory.
 */
#ifndef CRMKIT_COMPLAINT_H
#define CRMKIT_COMPLAINT_H

#include "crmkit/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct crm_desk crm_desk;

/** Case states; crm_case_state_name / _parse. */
enum {
  CRM_CASE_RECEIVED, CRM_CASE_LISTENING, CRM_CASE_SHARING, CRM_CASE_PROBING, CRM_CASE_CHECKING,
  CRM_CASE_ACTING, CRM_CASE_SATISFYING, CRM_CASE_CLOSED, CRM_CASE_WAITING, CRM_CASE_TRANSFERRED,
  CRM_CASE_ESCALATED, CRM_CASE_REOPENED, CRM_CASE_REJECTED, CRM_CASE_WITHDRAWN
};
/** Case events; crm_case_event_name / _parse. */
enum {
  CRM_EVENT_OPEN, CRM_EVENT_LISTEN, CRM_EVENT_SHARE, CRM_EVENT_PROBE, CRM_EVENT_CHECK, CRM_EVENT_ACT,
  CRM_EVENT_SATISFY, CRM_EVENT_CLOSE, CRM_EVENT_WAIT, CRM_EVENT_RESUME, CRM_EVENT_TRANSFER,
  CRM_EVENT_ESCALATE, CRM_EVENT_REOPEN, CRM_EVENT_REJECT, CRM_EVENT_WITHDRAW
};
/** Channels (crm_channel_*) and priorities (crm_priority_*; critical = health and safety). */
enum { CRM_CHANNEL_PHONE, CRM_CHANNEL_EMAIL, CRM_CHANNEL_CHAT, CRM_CHANNEL_COUNTER, CRM_CHANNEL_WEB, CRM_CHANNEL_LETTER };
enum { CRM_PRIORITY_CRITICAL, CRM_PRIORITY_HIGH, CRM_PRIORITY_NORMAL, CRM_PRIORITY_LOW };
/** How SLA clocks count (crm_clock_mode_*) and a clock's status (crm_sla_status_*). */
enum { CRM_CLOCK_CALENDAR, CRM_CLOCK_BUSINESS };
enum { CRM_SLA_RUNNING, CRM_SLA_WARNING, CRM_SLA_BREACHED, CRM_SLA_MET, CRM_SLA_LATE, CRM_SLA_PAUSED, CRM_SLA_IDLE };

/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_case_state_name(int code);
/** Stores in *out the value named `text` (a name crm_case_state_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_case_state_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_case_event_name(int code);
/** Stores in *out the value named `text` (a name crm_case_event_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_case_event_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_channel_name(int code);
/** Stores in *out the value named `text` (a name crm_channel_name gives); CRM_EINVAL listing the
 * names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_channel_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_priority_name(int code);
/** Stores in *out the value named `text` (a name crm_priority_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_priority_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_clock_mode_name(int code);
/** Stores in *out the value named `text` (a name crm_clock_mode_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_clock_mode_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_sla_status_name(int code);
/** Stores in *out the value named `text` (a name crm_sla_status_name gives); CRM_EINVAL listing
 * the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_sla_status_parse(const char *text, int *out);

/** The transition table (README "Complaint desk"): rows as three parallel arrays of `cap`
 * entries; *out_len is the row count (CRM_EBUFS when cap is smaller). A `resume` row's
 * `to` is CRM_CASE_WAITING: resume returns to the state the case waited in. from, event and to
 * receive each row's state, event and next state (the CRM_CASE_ and CRM_EVENT_ codes). */
CRM_API int crm_case_transitions(int *from, int *event, int *to, size_t cap, size_t *out_len);

/** The desk's policy. Defaults (crm_desk_options_init): calendar time, UTC, Monday-Friday
 * 09:00-17:00 when business time is chosen, warnings at 0.8 of a target, reopening within
 * 30 days, first response per channel phone 24 h, e-mail 48 h, chat 0 (immediate),
 * counter 0, web 48 h, letter 120 h; next update 72 h; resolution per priority critical
 * 24 h, high 72 h, normal 168 h, low 336 h. */
typedef struct crm_desk_options {
  unsigned int version;                  /**< CRM_DESK_OPTIONS_VERSION */
  int clock_mode;                        /**< CRM_CLOCK_CALENDAR or CRM_CLOCK_BUSINESS */
  const char *time_zone;                 /**< IANA name for business time; NULL: "UTC" */
  int day_start_minute;                  /**< local working hours on working days */
  int day_end_minute;
  unsigned int working_days;             /**< bit d set: weekday d works (0 = Sunday) */
  const char *const *holidays;           /**< local dates "YYYY-MM-DD" */
  size_t holiday_count;
  double warning_fraction;               /**< in (0, 1] */
  int64_t reopen_window_seconds;
  const int64_t *first_response_seconds; /**< NULL: defaults; else one per channel (6) */
  size_t first_response_count;
  int64_t next_update_seconds;
  const int64_t *resolution_seconds;     /**< NULL: defaults; else one per priority (4) */
  size_t resolution_count;
} crm_desk_options;

#define CRM_DESK_OPTIONS_VERSION 1
#define CRM_DESK_OPTIONS_INIT \
  { CRM_DESK_OPTIONS_VERSION, 0, NULL, 540, 1020, 0x3eu, NULL, 0, 0.8, 2592000, NULL, 0, 259200, NULL, 0 }
/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_DESK_OPTIONS_VERSION), the values of CRM_DESK_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_desk_options_init(crm_desk_options *opts, unsigned int version);

/** Opens (or creates) the desk in directory `dir` (created if missing; the database is
 * dir/desk.sqlite3) and replays its events. opts NULL: defaults. CRM_EIO when the directory
 * or database cannot be opened or another process holds it, CRM_ECORRUPT naming the file
 * when it is damaged or not a desk, CRM_EINVAL for bad options (unknown time zone, ...).
 * Free with crm_desk_free (NULL is fine). */
CRM_API int crm_desk_open(crm_desk **out, const char *dir, const crm_desk_options *opts);
/** Releases `desk` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_desk_free(crm_desk *desk);

/** One event. Strings may be NULL (empty); case_id and actor are required. channel,
 * customer (a pseudonymous reference), category and priority are read for OPEN;
 * department for OPEN, TRANSFER and ESCALATE (the receiving unit); note is required for
 * CLOSE (the acceptance or final decision) and REJECT (the reason). */
typedef struct crm_desk_event {
  unsigned int version; /**< CRM_DESK_EVENT_VERSION */
  int64_t time;
  const char *case_id;
  int event;            /**< CRM_EVENT_* */
  const char *actor;
  int channel;          /**< CRM_CHANNEL_* */
  const char *customer;
  const char *category;
  int priority;         /**< CRM_PRIORITY_* */
  const char *department;
  const char *note;
} crm_desk_event;

#define CRM_DESK_EVENT_VERSION 1
#define CRM_DESK_EVENT_INIT \
  { CRM_DESK_EVENT_VERSION, 0, NULL, CRM_EVENT_OPEN, NULL, CRM_CHANNEL_PHONE, NULL, NULL, CRM_PRIORITY_NORMAL, NULL, NULL }

/** Submits `count` events as one batch: the accepted ones commit in one transaction before
 * the call returns. A refused event (an invalid transition: CRM_ESTATE; a bad field:
 * CRM_EINVAL) writes nothing; with stop_at_refusal 0 the rest still apply, otherwise
 * nothing after it is tried. *applied (may be NULL) is the number committed; statuses (may
 * be NULL, else `count` entries) gets 0 for a committed event, the status of a refused
 * one, 1 for one not tried. Returns CRM_OK when nothing was refused, else the first
 * refusal's status with crm_last_error() "event I: case 'C' is in state S: event 'E' ...". */
CRM_API int crm_desk_submit(crm_desk *desk, const crm_desk_event *events, size_t count, int stop_at_refusal,
                            size_t *applied, int *statuses);

/** One SLA clock at a given time: target, start, due (has_due 0 while paused or idle),
 * counted time with pauses taken out, and when it stopped (its event happened). */
typedef struct crm_sla_clock {
  int status;  /**< CRM_SLA_* */
  int64_t target_seconds;
  int64_t start;
  int has_due;
  int64_t due;
  int has_stopped;
  int64_t stopped;
  int64_t elapsed_seconds;
} crm_sla_clock;

typedef struct crm_case_info {
  unsigned int version; /**< CRM_CASE_INFO_VERSION, set by the caller */
  int state;            /**< CRM_CASE_* */
  int channel;
  int priority;
  int64_t opened;
  size_t events;        /**< audit trail length */
  int reopen_count;
  crm_sla_clock first_response;
  crm_sla_clock next_update;
  crm_sla_clock resolution;
} crm_case_info;

#define CRM_CASE_INFO_VERSION 1
#define CRM_CASE_INFO_INIT { CRM_CASE_INFO_VERSION, 0, 0, 0, 0, 0, 0, {0}, {0}, {0} }

/** A case's state and SLA clocks at `now` (not before its latest event). CRM_EINVAL for an
 * unknown case. `case_id` names the case; `now` is in seconds since 1970-01-01 00:00 UTC. */
CRM_API int crm_desk_case_info(const crm_desk *desk, const char *case_id, int64_t now, crm_case_info *out);

/** Case ids in id order, one per line ("A\nB\n"), optionally only those in `state` (-1: any)
 * and / or breached at `now` (breached_only != 0); text into buf, *out_len its length
 * without the terminating NUL (CRM_EBUFS when buf_len <= *out_len). */
CRM_API int crm_desk_list(const crm_desk *desk, int state, int breached_only, int64_t now, char *buf,
                          size_t buf_len, size_t *out_len);

/** Erases one customer's reference everywhere (personal data): the reference table row is
 * deleted with SQLite's secure_delete and the WAL checkpointed and truncated, so the bytes
 * are gone from the files; the cases and events stay. *erased (may be NULL): the number of
 * cases that carried it. */
CRM_API int crm_desk_erase_customer(crm_desk *desk, const char *customer, size_t *erased);

/** How often a case came back to a unit it had been transferred or escalated away from
 * (A -> B -> A counts once): the "another department's job" ping-pong. `case_id` names the case;
 * *count receives the number. */
CRM_API int crm_desk_ping_pong(const crm_desk *desk, const char *case_id, size_t *count);

/** Stores every case as of the latest event inside the database, so that opening replays
 * only the later events (recovery bounded in time); *sequence (may be NULL) is the last
 * event it covers. A damaged snapshot makes crm_desk_open fail with CRM_ECORRUPT. */
CRM_API int crm_desk_snapshot(crm_desk *desk, int64_t *sequence);

/** The number of committed events. */
CRM_API int crm_desk_event_count(const crm_desk *desk, int64_t *out);

/** Escalation routing: units (departments, roles) with an authority level and one-way
 * transfer paths with a non-negative hand-over cost. Build with _new, _add_unit and
 * _add_path; a crm_organisation is not shared between threads while it is built. */
typedef struct crm_organisation crm_organisation;

/** An empty organisation into *out (NULL on failure), owned by the caller: free it with
 * crm_organisation_free. CRM_EINVAL for NULL out. */
CRM_API int crm_organisation_new(crm_organisation **out);
/** Releases `org` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_organisation_free(crm_organisation *org);
/** CRM_EINVAL for an empty or repeated name. `authority`: the unit's level, compared with the
 * level crm_organisation_route asks for. */
CRM_API int crm_organisation_add_unit(crm_organisation *org, const char *name, int authority);
/** CRM_EINVAL naming the unit when either end is unknown or the cost is negative or NaN. From
 * unit `from` to unit `to`, handing a case over costs handover_cost (>= 0). */
CRM_API int crm_organisation_add_path(crm_organisation *org, const char *from, const char *to,
                                      double handover_cost);
/** The cheapest unit reachable from `from` (itself at cost 0) with at least `authority`;
 * equal costs go to fewer hand-overs, then to the alphabetically first name. The path from
 * `from` to it, one unit per line ("front\nbilling\nmanager\n"; the last is the unit
 * reached), into buf as crm_desk_list does; *cost (may be NULL) the summed hand-over cost.
 * CRM_ESTATE when no reachable unit has the authority. */
CRM_API int crm_organisation_route(const crm_organisation *org, const char *from, int authority, char *buf,
                                   size_t buf_len, size_t *out_len, double *cost);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_COMPLAINT_H */
