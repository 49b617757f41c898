/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading zone files off the main thread: the records come back in chunks, in file order, so
 * the window fills in while a large zone is read; then, if asked, the offline check of the same
 * files runs in the thread too. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

/* Records read from the file @index of @view's zones. @records (const LcsRecord*: the set's own,
 * living as long as it) may be stolen by the callee. The last chunk of a file has @origin set (absolute) and @folders as lcs_zone_folders
 * gives them; the others have both NULL. */
typedef struct {
  LcsView    view;
  guint      index;
  GPtrArray *records;
  char      *origin;
  GPtrArray *folders;
} LcsZoneChunk;

typedef void (*LcsZoneChunkFunc) (LcsZoneChunk *chunk,
                                  gpointer      user_data);

/* Records per chunk: small enough that adding one to the window is a short main-loop turn. */
#define LCS_ZONE_CHUNK_RECORDS 4096

/* Reads @zones (NULL-terminated paths per LcsView) in a thread into @set (new and empty), each as
 * the zone @origins (path → zone name, copied; may be NULL) names for it, else as its $ORIGIN or
 * file name says, calling @chunk_func in the calling thread's main context for each chunk (never
 * after @cancellable is cancelled). A reference to @set keeps the chunks' records; nothing else of
 * it may be used before @callback. With @profile (copied) the thread then checks the files as
 * lcs_check_zones does. @source_object is kept alive until @callback. */
void       lcs_zone_loader_run_async  (gpointer             source_object,
                                       LcsZoneSet          *set,
                                       char *const         *zones[2],
                                       GHashTable          *origins,
                                       const LcsProfile    *profile,
                                       LcsZoneChunkFunc     chunk_func,
                                       gpointer             chunk_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* Only the check, in a thread, of @set (files read already) with a copy of @profile: what the
 * window runs after an edit, when the zone files have not changed. */
void       lcs_zone_loader_check_async (gpointer             source_object,
                                        LcsZoneSet          *set,
                                        const LcsProfile    *profile,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* For either call: the files as read (@set, a reference), the report of the check (NULL with no
 * @profile and no error), and its observations. */
gboolean   lcs_zone_loader_run_finish (GAsyncResult      *result,
                                       LcsZoneSet       **set,
                                       LcsReport        **report,
                                       LcsObservations  **obs,
                                       GError           **error);

G_END_DECLS
