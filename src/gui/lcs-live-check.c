/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live check: the lookup engine asks, the core checks what it observed. Everything runs in
 * the main loop; the window only sees progress and, once, the report. */
#include "config.h"

#include "lcs-live-check.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <lcsdns/model/record.h>

#if HAVE_LOOKUP
#include "lcs-lookup-check.h"
#include "lcs-questions.h"
#endif

struct _LcsLiveCheck {
  GCancellable        *cancellable;
  LcsLiveProgressFunc  progress;
  LcsLiveDoneFunc      done;
  gpointer             user_data;
  LcsProfile          *profile;
#if HAVE_LOOKUP
  LcsLookup           *lookup;
  gulong               progress_id;
#endif
};

gboolean
lcs_live_check_available (void)
{
  return HAVE_LOOKUP;
}

static void
live_check_free (LcsLiveCheck *check)
{
#if HAVE_LOOKUP
  g_clear_signal_handler (&check->progress_id, check->lookup);
  g_clear_object (&check->lookup);
#endif
  g_clear_object (&check->cancellable);
  g_clear_pointer (&check->profile, lcs_profile_free);
  g_free (check);
}

#if HAVE_LOOKUP
static void
on_lookup_progress (LcsLookup    *lookup,
                    guint         answered,
                    guint         asked,
                    LcsLiveCheck *check)
{
  check->progress (answered, asked, check->user_data);
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LcsLiveCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  LcsReport *report = lcs_lookup_check_finish (check->lookup, result, &obs, &error);
  LcsLiveDoneFunc done;
  gpointer done_data;

  /* The lookup may go with the check here, inside its own completion: it is made for that. */
  done = check->done;
  done_data = check->user_data;
  live_check_free (check);
  done (report, report != NULL ? g_steal_pointer (&obs) : NULL, error, done_data);
}
#endif

LcsLiveCheck *
lcs_live_check_start (const LcsProfile    *profile,
                      LcsLiveProgressFunc  progress,
                      LcsLiveDoneFunc      done,
                      gpointer             user_data)
{
  LcsLiveCheck *check = g_new0 (LcsLiveCheck, 1);

  check->cancellable = g_cancellable_new ();
  check->progress = progress;
  check->done = done;
  check->user_data = user_data;
  check->profile = lcs_profile_copy (profile);
#if HAVE_LOOKUP
  check->lookup = lcs_lookup_new (profile, NULL);
  check->progress_id = g_signal_connect (check->lookup, "progress", G_CALLBACK (on_lookup_progress), check);
  lcs_lookup_check_async (check->lookup, LCS_REPORT_MAX_LISTED, check->cancellable, on_lookup_done,
                          check);
#else
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                   _("this build has no live lookup (c-ares)"));

    done (NULL, NULL, error, user_data);
    live_check_free (check);
    check = NULL;
  }
#endif
  return check;
}

void
lcs_live_check_cancel (LcsLiveCheck *check)
{
  g_cancellable_cancel (check->cancellable);
}

void
lcs_live_check_get_progress (LcsLiveCheck *check,
                             guint        *answered,
                             guint        *asked)
{
#if HAVE_LOOKUP
  *answered = lcs_lookup_get_answered (check->lookup);
  *asked = lcs_lookup_get_asked (check->lookup);
#else
  *answered = 0;
  *asked = 0;
#endif
}

const LcsObservations *
lcs_live_check_peek_observations (LcsLiveCheck *check)
{
#if HAVE_LOOKUP
  return lcs_lookup_peek_observations (check->lookup);
#else
  return NULL;
#endif
}

gboolean
lcs_live_check_settled (const LcsObservations  *obs,
                        const LcsPlannedRecord *planned)
{
#if HAVE_LOOKUP
  return lcs_questions_settled (obs, planned);
#else
  return TRUE;
#endif
}
