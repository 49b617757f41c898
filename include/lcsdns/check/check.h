/* The check: profile + plan + observations → per-record status and findings. */
#pragma once

#include <glib.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/plan.h>
#include <lcsdns/profile/profile.h>

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
  guint         errors;
  guint         warnings;
  guint         infos;
} LcsReport;

LcsReport  *lcs_report_new          (LcsSourceKind kind);
void        lcs_report_free         (LcsReport *report);
/* Takes @finding; counts it. */
void        lcs_report_add_finding  (LcsReport *report,
                                     LcsFinding *finding);
void        lcs_report_sort         (LcsReport *report);
/* Adds a result for a copy of @planned. */
LcsRecordResult *lcs_report_add_result (LcsReport              *report,
                                        const LcsPlannedRecord *planned,
                                        LcsRecordStatus         status);

/* Plan mode: every required record with status "planned". */
LcsReport  *lcs_check_plan          (const LcsProfile *profile);

/* Zone or live mode: every required record's status and every finding the data decides. */
LcsReport  *lcs_check_observations  (const LcsProfile      *profile,
                                     const LcsObservations *obs,
                                     LcsSourceKind          kind);

/* Entry mode: one SRV dialog entry. */
LcsReport  *lcs_check_entry         (const LcsProfile  *profile,
                                     const LcsSrvEntry *entry);

/* SPEC §5: every mistyped owner name for service @service, protocol @protocol in @domain,
 * absolute. Used by the live probes and, in reverse, by record-misplaced. */
GPtrArray  *lcs_check_mistyped_names (const char *service,
                                      const char *protocol,
                                      const char *domain);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsReport, lcs_report_free)

G_END_DECLS
