/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Observations: what DNS holds, whether read from zone files or asked of servers.
 * The checks work on this alone, so a zone check and a live check of the same data agree. */
#pragma once

#include <glib.h>
#include <lcsdns/model/record.h>

G_BEGIN_DECLS

typedef enum {
  LCS_ANSWER_UNKNOWN,      /* not covered: outside every loaded zone, or never asked */
  LCS_ANSWER_DATA,
  LCS_ANSWER_NODATA,
  LCS_ANSWER_NXDOMAIN,
  LCS_ANSWER_SERVFAIL,
  LCS_ANSWER_REFUSED,
  LCS_ANSWER_TIMEOUT,
  LCS_ANSWER_UNREACHABLE,
  LCS_ANSWER_BAD_REPLY,    /* garbage, zero bytes, or a reply that does not parse */
} LcsAnswer;

const char *lcs_answer_to_string (LcsAnswer answer);
/* SERVFAIL, REFUSED, TIMEOUT, UNREACHABLE, BAD_REPLY: the check is incomplete. */
gboolean    lcs_answer_is_failure (LcsAnswer answer);

typedef struct _LcsObservations LcsObservations;

LcsObservations *lcs_observations_new   (void);
void             lcs_observations_free  (LcsObservations *obs);
/* A copy: records, zones, answers and wildcard probes; the records themselves and their strings
 * are shared with @obs (reference-counted, so either may be freed first), not copied: a copy of a
 * 200,000-record zone costs a few hundred pointers. It only reads @obs, whose owner
 * index (built on the first lookup) it neither needs nor builds, so threads may copy one @obs
 * that no thread adds to or looks up in. */
LcsObservations *lcs_observations_copy  (const LcsObservations *obs);

/* Zone mode: names under @origin in @view are known; absent means NXDOMAIN / NODATA. */
void        lcs_observations_add_zone     (LcsObservations *obs,
                                           LcsView          view,
                                           const char      *origin);
/* The origin (absolute) of the loaded zone that holds @name, or NULL. */
const char *lcs_observations_zone_for     (const LcsObservations *obs,
                                           LcsView                view,
                                           const char            *name);

/* Takes ownership of @record. */
void        lcs_observations_take_record  (LcsObservations *obs,
                                           LcsView          view,
                                           LcsRecord       *record);
/* Copies @record in: its strings need to live only for the call (a reader's buffers). Returns
 * the copy kept, which lives as long as @obs or a copy sharing it, and does not move. */
const LcsRecord *lcs_observations_add_record (LcsObservations *obs,
                                              LcsView          view,
                                              const LcsRecord *record);

/* Live mode: how the question (@name, @type) was answered. Records are added separately. */
void        lcs_observations_set_answer   (LcsObservations *obs,
                                           LcsView          view,
                                           const char      *name,
                                           guint16          type,
                                           LcsAnswer        answer,
                                           const char      *server);

/* Live mode: the random-name probe under @domain was answered, so the zone has a wildcard. */
void        lcs_observations_set_wildcard (LcsObservations *obs,
                                           LcsView          view,
                                           const char      *domain,
                                           const char      *probe_name);

/* What is known of (@name, @type): recorded answers first, then records, then loaded zones. */
LcsAnswer   lcs_observations_answer       (const LcsObservations *obs,
                                           LcsView                view,
                                           const char            *name,
                                           guint16                type);

/* Records at @name of @type (0: every type); borrowed records in a new container. */
GPtrArray  *lcs_observations_lookup       (const LcsObservations *obs,
                                           LcsView                view,
                                           const char            *name,
                                           guint16                type);

/* Whether any record is at @name. */
gboolean    lcs_observations_holds        (const LcsObservations *obs,
                                           LcsView                view,
                                           const char            *name);

/* How many records are at @name, counting no further than @limit: a cheap "is it alone". */
guint       lcs_observations_count_at     (const LcsObservations *obs,
                                           LcsView                view,
                                           const char            *name,
                                           guint                  limit);

/* Every record of @type (0: all) in @view, in the order they were added. */
typedef void (*LcsRecordFunc) (const LcsRecord *record, gpointer user_data);
void        lcs_observations_foreach      (const LcsObservations *obs,
                                           LcsView                view,
                                           guint16                type,
                                           LcsRecordFunc          func,
                                           gpointer               user_data);

/* Every recorded failure (answer for which lcs_answer_is_failure). */
typedef void (*LcsAnswerFunc) (const char *name,
                               guint16     type,
                               LcsAnswer   answer,
                               const char *server,
                               gpointer    user_data);
void        lcs_observations_foreach_failure (const LcsObservations *obs,
                                              LcsView                view,
                                              LcsAnswerFunc          func,
                                              gpointer               user_data);

/* Domains whose wildcard probe was answered, with the probe name. */
GHashTable *lcs_observations_wildcards    (const LcsObservations *obs,
                                           LcsView                view);

gboolean    lcs_observations_has_view     (const LcsObservations *obs,
                                           LcsView                view);
guint       lcs_observations_count        (const LcsObservations *obs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsObservations, lcs_observations_free)

G_END_DECLS
