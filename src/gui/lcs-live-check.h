/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A live check of a profile against its DNS servers, run in the main loop without blocking it.
 * Without the lookup engine (no c-ares), starting one reports that it is not available. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct _LcsLiveCheck LcsLiveCheck;

typedef void (*LcsLiveProgressFunc) (guint    answered,
                                     guint    asked,
                                     gpointer user_data);
/* Exactly once: @report and @obs, what was observed (both transfer full), on success, else
 * @error (G_IO_ERROR_CANCELLED on Cancel). The check has freed itself by then. */
typedef void (*LcsLiveDoneFunc)     (LcsReport       *report,
                                     LcsObservations *obs,
                                     const GError    *error,
                                     gpointer         user_data);

gboolean      lcs_live_check_available (void);

LcsLiveCheck *lcs_live_check_start     (const LcsProfile    *profile,
                                        LcsLiveProgressFunc  progress,
                                        LcsLiveDoneFunc      done,
                                        gpointer             user_data);
void          lcs_live_check_cancel    (LcsLiveCheck        *check);
/* Questions answered and asked so far (the lookup signals only answers). */
void          lcs_live_check_get_progress (LcsLiveCheck     *check,
                                           guint            *answered,
                                           guint            *asked);
/* The answers gathered so far (NULL before the first, or without the lookup engine). Valid
 * until the next return to the main loop. */
const LcsObservations *lcs_live_check_peek_observations (LcsLiveCheck *check);

/* Whether every question the status of @planned depends on is answered in @obs: its own (and
 * for a host, its AAAA too); for an SRV record found, its target's addresses; for one not
 * found, the names the usual mistakes put it at. A failed question settles it as failed. */
gboolean      lcs_live_check_settled   (const LcsObservations  *obs,
                                        const LcsPlannedRecord *planned);

G_END_DECLS
