/* The live check's questions for a profile (docs/spec.md §§3, 5), asked of the internal and external
 * servers together, collected into LcsObservations. */
#pragma once

#include <gio/gio.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

#define LCS_TYPE_LOOKUP (lcs_lookup_get_type ())
G_DECLARE_FINAL_TYPE (LcsLookup, lcs_lookup, LCS, LOOKUP, GObject)

typedef struct {
  char  **internal_servers;  /* "IP[:port]"; NULL or empty: the profile's, else the system's */
  char  **external_servers;  /* likewise, for the external view (asked only with an edge) */
  guint   timeout_ms;        /* per try; 0: 1500 */
  guint   tries;             /* per server; 0: 2 */
  guint   max_inflight;      /* per server; 0: 64 */
} LcsLookupOptions;

/* Copies @profile and @options. */
LcsLookup       *lcs_lookup_new         (const LcsProfile       *profile,
                                         const LcsLookupOptions *options);

/* Asks every question; the "progress" signal (answered, asked) follows it. Cancelling
 * @cancellable ends the run at once with G_IO_ERROR_CANCELLED. One run at a time. The run holds
 * a reference to @lookup until @callback has returned; @callback may drop the last one. */
void             lcs_lookup_run_async   (LcsLookup           *lookup,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
LcsObservations *lcs_lookup_run_finish  (LcsLookup     *lookup,
                                         GAsyncResult  *result,
                                         GError       **error);

/* While a run goes on, the observations it has gathered so far (each question's answer is
 * recorded when it is final, with its records); NULL when no run goes on. Valid until the
 * next return to the main loop. */
const LcsObservations *lcs_lookup_peek_observations (LcsLookup *lookup);

guint            lcs_lookup_get_answered (LcsLookup *lookup);
guint            lcs_lookup_get_asked    (LcsLookup *lookup);

/* The servers asked, as named ("system" for the system resolver), per view: for the report. */
GPtrArray       *lcs_lookup_get_servers  (LcsLookup *lookup);
/* The profile the questions come from. */
const LcsProfile *lcs_lookup_get_profile (LcsLookup *lookup);

G_END_DECLS
