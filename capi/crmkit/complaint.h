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
  /* version 2: */
  unsigned int escalation_changes;       /**< CRM_CHANGE_* bits every escalation must make (0) */
  int max_handovers;                     /**< more hand-overs mark a case as stuck (2) */
} crm_desk_options;

/** The "three changes" for a stuck complaint, as bits: change the person (another handler),
 * the time (re-schedule), the place (another room or channel). */
#define CRM_CHANGE_PERSON 1u
#define CRM_CHANGE_TIME 2u
#define CRM_CHANGE_PLACE 4u

#define CRM_DESK_OPTIONS_VERSION 2
#define CRM_DESK_OPTIONS_INIT \
  { CRM_DESK_OPTIONS_VERSION, 0, NULL, 540, 1020, 0x3eu, NULL, 0, 0.8, 2592000, NULL, 0, 259200, NULL, 0, 0u, 2 }
/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_DESK_OPTIONS_VERSION), the values of CRM_DESK_OPTIONS_INIT; CRM_EINVAL for NULL or an
 * unknown version. */
CRM_API int crm_desk_options_init(crm_desk_options *opts, unsigned int version);

/** Opens (or creates) the desk in directory `dir` (created if missing; the database is
 * dir/desk.sqlite3) and replays its events. The desk stores its policy: opts NULL uses the
 * stored one (the defaults for a new desk); opts given are stored and used from now on
 * (SLA clocks of every case are read under them; stored events are never re-judged), and
 * replace a stored organisation only through crm_desk_set_organisation. CRM_EIO when the directory
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
  /* version 2: */
  const char *follows;     /**< OPEN: the finished case this one follows up (NULL: none) */
  unsigned int changes;    /**< ESCALATE: CRM_CHANGE_* bits */
} crm_desk_event;

/** Every element of one events array has the version of events[0] (the array's stride is
 * that version's size), so a caller built against version 1 keeps working. */
#define CRM_DESK_EVENT_VERSION 2
#define CRM_DESK_EVENT_INIT \
  { CRM_DESK_EVENT_VERSION, 0, NULL, CRM_EVENT_OPEN, NULL, CRM_CHANNEL_PHONE, NULL, NULL, CRM_PRIORITY_NORMAL, NULL, NULL, NULL, 0u }

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

#define CRM_CASE_TEXT_CUSTOMER 0   /**< the pseudonymous customer reference */
#define CRM_CASE_TEXT_CATEGORY 1   /**< the complaint's category */
#define CRM_CASE_TEXT_DEPARTMENT 2 /**< the unit that has the case */
#define CRM_CASE_TEXT_HANDLER 3    /**< the actor of the latest event */
#define CRM_CASE_TEXT_FOLLOWS 4    /**< the case this one follows up */
#define CRM_CASE_TEXT_FOLLOW_UPS 5 /**< the cases that follow this one up */
/** A case's text field `field` (CRM_CASE_TEXT_*) into buf as crm_desk_list does: the
 * customer reference ("" once erased), category, department, handler (the actor of the
 * latest event), the case it follows up ("" if none), its follow-up cases (one per line).
 * `case_id` names the case: CRM_EINVAL when unknown or for another `field`. */
CRM_API int crm_desk_case_text(const crm_desk *desk, const char *case_id, int field, char *buf, size_t buf_len,
                               size_t *out_len);

/** One entry of a case's audit trail. A fixed layout (no version): text fields come from
 * crm_desk_audit_text. */
typedef struct crm_audit_entry {
  int64_t sequence;       /**< the store's sequence number */
  int64_t time;
  int event;              /**< CRM_EVENT_* */
  int before;             /**< CRM_CASE_*; -1 for OPEN */
  int after;
  unsigned int changes;   /**< ESCALATE: CRM_CHANGE_* bits */
} crm_audit_entry;

/** The audit trail, oldest first: `cap` entries; *out_len the trail's length (CRM_EBUFS when
 * cap is smaller; out may be NULL with cap 0 to ask). */
CRM_API int crm_desk_audit(const crm_desk *desk, const char *case_id, crm_audit_entry *out, size_t cap,
                           size_t *out_len);
#define CRM_AUDIT_TEXT_ACTOR 0      /**< who submitted the event */
#define CRM_AUDIT_TEXT_DEPARTMENT 1 /**< the department the event named */
#define CRM_AUDIT_TEXT_NOTE 2       /**< the event's note */
/** The text `field` (CRM_AUDIT_TEXT_*) of entry `index` (0 = the oldest) of case `case_id`'s
 * audit trail into buf as crm_desk_list does; CRM_EINVAL naming the trail's length for an
 * index past it. */
CRM_API int crm_desk_audit_text(const crm_desk *desk, const char *case_id, size_t index, int field, char *buf,
                                size_t buf_len, size_t *out_len);

/** Why a case is stuck at `now` and calls for the three changes (escalation), one reason per
 * line: it came back to a unit it had left (ping-pong), more hand-overs than
 * max_handovers, a breached reply target. Empty for a finished case or one not stuck. */
CRM_API int crm_desk_escalation_reasons(const crm_desk *desk, const char *case_id, int64_t now, char *buf,
                                        size_t buf_len, size_t *out_len);

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
/** Stores `org` (copied; NULL removes it) as the organisation the desk routes on: a transfer
 * or escalation must then name a unit reachable from the case's unit by one transfer path
 * (an escalation one with more authority), and an ESCALATE without a department goes to the
 * nearest unit with more authority than the case's unit (the unit is stored in the event). */
CRM_API int crm_desk_set_organisation(crm_desk *desk, const crm_organisation *org);

/** The cheapest unit reachable from `from` (itself at cost 0) with at least `authority`;
 * equal costs go to fewer hand-overs, then to the alphabetically first name. The path from
 * `from` to it, one unit per line ("front\nbilling\nmanager\n"; the last is the unit
 * reached), into buf as crm_desk_list does; *cost (may be NULL) the summed hand-over cost.
 * CRM_ESTATE when no reachable unit has the authority. */
CRM_API int crm_organisation_route(const crm_organisation *org, const char *from, int authority, char *buf,
                                   size_t buf_len, size_t *out_len, double *cost);

/* ---- Complaint quality and analytics (C++: complaint/recovery.hpp, review.hpp, analytics.hpp,
 * cfpb.hpp). Recovery, satisfaction, reviews and imported facts are stored in the desk's
 * database (their own tables): a call that returns has committed. */

/** Service recovery for an existing case: compensation in integer minor units (cents) with
 * its ISO 4217 currency (required when compensation > 0); the four principles as 0/1.
 * CRM_EINVAL naming the field (unknown case, bad currency, follow-up before the recovery). */
typedef struct crm_recovery {
  unsigned int version;  /**< CRM_RECOVERY_VERSION */
  const char *case_id;
  int64_t time;
  const char *actor;
  int apology;
  const char *remedy;
  int64_t compensation_minor;
  const char *currency;
  int has_follow_up;
  int64_t follow_up;
  int preventive, timely, proactive, feelings;
} crm_recovery;
#define CRM_RECOVERY_VERSION 1
#define CRM_RECOVERY_INIT { CRM_RECOVERY_VERSION, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, 0, 0, 0, 0 }
/** Records the service recovery `recovery` of a case in the desk, committed before the call
 * returns; CRM_EINVAL naming the field for a bad one (currency, a follow-up before the
 * recovery, an unknown case). */
CRM_API int crm_desk_record_recovery(crm_desk *desk, const crm_recovery *recovery);

/** Satisfaction on close, from the customer's channel: CRM_EINVAL when the respondent acted
 * on the case (the handler: "... is a handler of the case"), is not the case's customer,
 * or the score is outside [scale_min, scale_max]; CRM_ESTATE when the case is not closed or
 * already has an answer. */
CRM_API int crm_desk_submit_satisfaction(crm_desk *desk, const char *case_id, int64_t time, const char *respondent,
                                         double score, double scale_min, double scale_max, const char *comment);

/** The six handling steps (crm_handling_step_*) and the ten taboos (crm_taboo_*). */
enum { CRM_STEP_LISTEN, CRM_STEP_SHARE, CRM_STEP_PROBE, CRM_STEP_CHECK, CRM_STEP_ACTION, CRM_STEP_SATISFY };
enum {
  CRM_TABOO_DOUBTING_TONE, CRM_TABOO_INSISTING_RIGHT, CRM_TABOO_RUSHING_CONCLUSIONS, CRM_TABOO_JOKING,
  CRM_TABOO_SHIFTING_BLAME, CRM_TABOO_NIT_PICKING, CRM_TABOO_WORDS_DEEDS_DIFFER, CRM_TABOO_ANOTHER_DEPARTMENT,
  CRM_TABOO_CARELESS, CRM_TABOO_BLAMING_CUSTOMER
};
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_handling_step_name(int code);
/** Stores in *out the value named `text` (a name crm_handling_step_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_handling_step_parse(const char *text, int *out);
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_taboo_name(int code);
/** Stores in *out the value named `text` (a name crm_taboo_name gives); CRM_EINVAL listing the
 * names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_taboo_parse(const char *text, int *out);

/** A handler review: step scores 0..5 indexed by CRM_STEP_*, taboos flagged as codes.
 * CRM_EINVAL when the reviewer acted on the case ("a handler cannot review their own case"),
 * a score is out of range or a taboo repeats; CRM_ESTATE when the case is still open.
 * *score (may be NULL): the review's quality score (0..100: step share less 10 per taboo). */
CRM_API int crm_desk_record_review(crm_desk *desk, const char *case_id, int64_t time, const char *reviewer,
                                   const int *steps, size_t step_count, const int *taboos, size_t taboo_count,
                                   const char *comment, double *score);

/** Replays a CFPB complaint export (header-recognised columns) into the desk; idempotent.
 * notes (may be NULL with notes_len 0): one line per flagged or rejected row,
 * "flagged|rejected<TAB>line<TAB>case<TAB>reason\n". CRM_EBUFS when notes_len <= *notes_out_len:
 * the import has still been done; calling again adds nothing and lists the same notes. */
typedef struct crm_import_result {
  unsigned int version;  /**< CRM_IMPORT_RESULT_VERSION, set by the caller */
  size_t rows, imported, already_present, flagged, rejected;
} crm_import_result;
#define CRM_IMPORT_RESULT_VERSION 1
#define CRM_IMPORT_RESULT_INIT { CRM_IMPORT_RESULT_VERSION, 0, 0, 0, 0, 0 }
/** Imports the CFPB export at `path` as described above the crm_import_result struct; the
 * counts into *out, the notes into `notes`. */
CRM_API int crm_desk_import_cfpb(crm_desk *desk, const char *path, crm_import_result *out, char *notes,
                                 size_t notes_len, size_t *notes_out_len);

/** Analytics options. Defaults (crm_analytics_options_init): judged at the desk's latest
 * event, Pareto at 0.8, the iceberg's 5% of dissatisfied customers complaining and 9 told
 * each; per-customer lifetime value (value_customers[i] -> values[i], e.g. a CLV model's
 * predictions) optional: without it there is no revenue at risk. */
typedef struct crm_analytics_options {
  unsigned int version;  /**< CRM_ANALYTICS_OPTIONS_VERSION */
  int has_now;
  int64_t now;
  double pareto_share;
  double complaint_share;
  double word_of_mouth;
  const char *const *value_customers;
  const double *values;
  size_t value_count;
} crm_analytics_options;
#define CRM_ANALYTICS_OPTIONS_VERSION 1
#define CRM_ANALYTICS_OPTIONS_INIT { CRM_ANALYTICS_OPTIONS_VERSION, 0, 0, 0.8, 0.05, 9.0, NULL, NULL, 0 }
/** Fills the struct with the library's defaults for layout `version`
 * (1..CRM_ANALYTICS_OPTIONS_VERSION), the values of CRM_ANALYTICS_OPTIONS_INIT; CRM_EINVAL for
 * NULL or an unknown version. */
CRM_API int crm_analytics_options_init(crm_analytics_options *opts, unsigned int version);

typedef struct crm_complaint_report crm_complaint_report;
/** Computes the report over the desk (opts NULL: defaults); free with _free. */
CRM_API int crm_complaint_report_new(crm_complaint_report **out, const crm_desk *desk,
                                     const crm_analytics_options *opts);
/** Releases `report` and all it holds; NULL is fine. The handle must not be used afterwards. */
CRM_API void crm_complaint_report_free(crm_complaint_report *report);

/** Median and p90 in hours of the cases measured (0 when none). */
typedef struct crm_time_distribution {
  size_t cases;
  double median_hours;
  double p90_hours;
} crm_time_distribution;

/** The report's figures; a rate's numerator and denominator are given, a rate whose
 * denominator is 0 is undefined. satisfaction_mean is on [0, 1] (NaN without answers);
 * revenue_at_risk is NaN without customer values. */
typedef struct crm_complaint_summary {
  unsigned int version;  /**< CRM_COMPLAINT_SUMMARY_VERSION, set by the caller */
  size_t cases;
  int64_t events;
  int64_t judged_at;
  size_t vital_few;
  crm_time_distribution first_response_calendar, first_response_business;
  crm_time_distribution resolution_calendar, resolution_business;
  size_t reopened, ever_closed;
  size_t closed_without_escalation, closed;
  size_t satisfaction_answers;
  double satisfaction_mean;
  size_t recoveries;
  size_t complainants;
  double dissatisfied, silent, told;
  size_t complainants_valued;
  double mean_value, revenue_at_risk;
  size_t timely, imported;
} crm_complaint_summary;
#define CRM_COMPLAINT_SUMMARY_VERSION 1
/** The report's figures into *out (out->version set by the caller). */
CRM_API int crm_complaint_report_summary(const crm_complaint_report *report, crm_complaint_summary *out);

/** The report's tables (crm_report_table_*), as tab-separated text with a header line
 * (tabs, newlines and backslashes inside a name are written as backslash-t, backslash-n and
 * two backslashes), into buf as
 * crm_desk_list does. Columns: by_channel / by_issue / by_period: key, cases; pareto: cause,
 * count, share, cumulative, vital; sla_by_*: key, first_response_met, first_response_judged,
 * resolution_met, resolution_judged; forwarding_lag: channel, rows, mean_days, median_days
 * ("all" last); lag_excluded: line, case, reason; dispute_by_response: response, cases,
 * disputed; handler_quality: handler, period, reviews, score, taboos; recovery_cost_by_cause:
 * cause, currency, minor, recoveries. */
enum {
  CRM_REPORT_BY_CHANNEL, CRM_REPORT_BY_ISSUE, CRM_REPORT_BY_PERIOD, CRM_REPORT_PARETO, CRM_REPORT_SLA_BY_CHANNEL,
  CRM_REPORT_SLA_BY_PRIORITY, CRM_REPORT_FORWARDING_LAG, CRM_REPORT_LAG_EXCLUDED, CRM_REPORT_DISPUTE_BY_RESPONSE,
  CRM_REPORT_HANDLER_QUALITY, CRM_REPORT_RECOVERY_COST_BY_CAUSE
};
/** The name of `code` as a value (a static string); NULL for a value that is not one.
 * Thread-safe. */
CRM_API const char *crm_report_table_name(int code);
/** Stores in *out the value named `text` (a name crm_report_table_name gives); CRM_EINVAL
 * listing the names for any other text, and for NULL. Thread-safe. */
CRM_API int crm_report_table_parse(const char *text, int *out);
CRM_API int crm_complaint_report_table(const crm_complaint_report *report, int table, char *buf, size_t buf_len,
                                       size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /**< CRMKIT_COMPLAINT_H */
