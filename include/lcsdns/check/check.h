/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check: profile + plan + observations → per-record status and findings. */
#pragma once

#include <glib.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/plan.h>
#include <lcsdns/profile/profile.h>
#include <lcsdns/zone/zone.h>

G_BEGIN_DECLS

typedef enum {
  LCS_STATUS_PLANNED,
  LCS_STATUS_OK,
  LCS_STATUS_MISSING,
  LCS_STATUS_MISMATCH,
  LCS_STATUS_MISPLACED,
  LCS_STATUS_UNRESOLVED,
  LCS_STATUS_FAILED,
} LcsRecordStatus;

const char *lcs_record_status_to_string (LcsRecordStatus status);

typedef struct {
  LcsPlannedRecord *planned;   /* owned */
  GPtrArray        *found;     /* char*: data of what was found at the name */
  LcsRecordStatus   status;
  char             *misplaced_at; /* MISPLACED: the owner it was found at */
} LcsRecordResult;

typedef enum {
  LCS_SOURCE_PLAN,
  LCS_SOURCE_ZONE,
  LCS_SOURCE_LIVE,
  LCS_SOURCE_ENTRY,
  LCS_SOURCE_CERT,
} LcsSourceKind;

typedef struct {
  LcsSourceKind kind;
  GPtrArray    *files;      /* char*: zone files (zone), certificate (cert) */
  GPtrArray    *servers;    /* char*: servers asked (live) */
  GPtrArray    *results;    /* LcsRecordResult* */
  GPtrArray    *findings;   /* LcsFinding*, sorted */
  char         *entry_owner;   /* entry mode */
  char         *entry_record;  /* entry mode */
  guint         errors;      /* every finding counts, listed or not */
  guint         warnings;
  guint         infos;
  guint         max_listed;  /* findings listed per rule and view; 0: all */
  GHashTable   *listed;      /* "view rule" → count added so far */
} LcsReport;

/* By default a report lists at most this many findings of one rule in one view; the rest are
 * counted in one line each (docs/spec.md §6; --all-findings lists them all). Output stays bounded
 * whatever the zone holds. */
#define LCS_REPORT_MAX_LISTED 1000

LcsReport  *lcs_report_new          (LcsSourceKind kind);
void        lcs_report_free         (LcsReport *report);
/* Takes @finding; counts it; lists it unless report->max_listed of its rule and view are
 * listed already (then it is freed, and lcs_report_sort adds one line saying how many). */
void        lcs_report_add_finding  (LcsReport *report,
                                     LcsFinding *finding);
/* When the findings of @rule_id in @view (about no file) are listed up to the cap already,
 * counts one more at the rule's severity, as lcs_report_add_finding () would, and returns TRUE:
 * the caller need not build it. A zone can give a rule hundreds of thousands of findings. */
gboolean    lcs_report_count_unlisted (LcsReport  *report,
                                       const char *rule_id,
                                       LcsView     view);
/* Drops (and uncounts) every finding about @subject: a check of it run again replaces them. */
void        lcs_report_remove_findings (LcsReport  *report,
                                        LcsSubject  subject);
void        lcs_report_sort         (LcsReport *report);
/* Adds a result for a copy of @planned. */
LcsRecordResult *lcs_report_add_result (LcsReport              *report,
                                        const LcsPlannedRecord *planned,
                                        LcsRecordStatus         status);

/* Plan mode: every required record with status "planned". */
LcsReport  *lcs_check_plan          (const LcsProfile *profile);

/* The name @target (of a record at @owner) was meant to be when it was written without its final
 * dot, so that its zone's origin was appended ("pool01.contoso.com.contoso.com." →
 * "pool01.contoso.com."); NULL when it reads as written. Without a loaded zone at @owner (a live
 * check) the longest of @domains (SIP domains; may be NULL) it lies under is taken as the origin.
 * srv-target-relative reports it; the remediation writes the record again with it. */
char       *lcs_check_meant_target  (const LcsObservations *obs,
                                     LcsView                view,
                                     const GPtrArray       *domains,
                                     const char            *owner,
                                     const char            *target);

/* Zone or live mode: every required record's status and every finding the data decides,
 * at most LCS_REPORT_MAX_LISTED listed per rule and view. */
LcsReport  *lcs_check_observations  (const LcsProfile      *profile,
                                     const LcsObservations *obs,
                                     LcsSourceKind          kind);
/* The same with @max_listed findings listed per rule and view (0: every finding). */
LcsReport  *lcs_check_observations_listing (const LcsProfile      *profile,
                                            const LcsObservations *obs,
                                            LcsSourceKind          kind,
                                            guint                  max_listed);

/* Offline mode: reads the zone files of each view (@zones[LCS_VIEW_INTERNAL], …; NULL-terminated,
 * either may be NULL) as the zone the profile names for each file, else @origin for files
 * without one, adds the profile's own records to the
 * zones they fall in when @with_added_records (what the admin is about to create counts as
 * created), and checks, listing @max_listed findings per rule and view (0: all). The report
 * names the files and has their syntax findings; *@obs (optional) receives what was read. NULL
 * with @error when a file cannot be read at all. */
LcsReport  *lcs_check_zones         (const LcsProfile  *profile,
                                     char *const       *zones[2],
                                     const char        *origin,
                                     gboolean           with_added_records,
                                     guint              max_listed,
                                     LcsObservations  **obs,
                                     GError           **error);

/* The zone files of both views as read, before any check: their records, their own findings
 * (zone-syntax and the like) and their paths. Read once, checked as often as the profile changes:
 * the console checks an edit again without reading a 200,000-record file again. Reference-counted;
 * once read it is not changed, so threads may share it. */
typedef struct _LcsZoneSet LcsZoneSet;

LcsZoneSet *lcs_zone_set_new       (void);
LcsZoneSet *lcs_zone_set_ref       (LcsZoneSet *set);
void        lcs_zone_set_unref     (LcsZoneSet *set);
/* Reads @path into @set as a zone of @view, as lcs_check_zones reads each file (@origin for a
 * file without one). Each record is also handed to @func (may be NULL), in file order, as the
 * set keeps it: borrowed, it lives as long as @set. *@origin_out (optional) receives the zone's
 * origin, absolute. FALSE with @error when the file cannot be read at all. */
gboolean    lcs_zone_set_read_file (LcsZoneSet         *set,
                                    LcsView             view,
                                    const char         *path,
                                    const char         *origin,
                                    LcsRecordFunc       func,
                                    gpointer            user_data,
                                    char              **origin_out,
                                    GError            **error);
/* Whether @set holds exactly the files @zones names (as lcs_check_zones takes them), in order. */
gboolean    lcs_zone_set_holds     (const LcsZoneSet *set,
                                    char *const      *zones[2]);
/* lcs_check_zones on files read already; @set is left as it was. */
LcsReport  *lcs_check_zone_set     (const LcsProfile  *profile,
                                    const LcsZoneSet  *set,
                                    gboolean           with_added_records,
                                    guint              max_listed,
                                    LcsObservations  **obs);

/* Entry mode: one SRV dialog entry. */
LcsReport  *lcs_check_entry         (const LcsProfile  *profile,
                                     const LcsSrvEntry *entry);

/* docs/spec.md §5: every mistyped owner name for service @service, protocol @protocol in @domain,
 * absolute. Used by the live probes and, in reverse, by record-misplaced. */
GPtrArray  *lcs_check_mistyped_names (const char *service,
                                      const char *protocol,
                                      const char *domain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsReport, lcs_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsZoneSet, lcs_zone_set_unref)

G_END_DECLS
