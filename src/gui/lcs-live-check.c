/* The live check: the lookup engine asks, the core checks what it observed. Everything runs in
 * the main loop; the window only sees progress and, once, the report. */
#include "lcs-live-check.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <lcsdns/model/record.h>

#include "lcs-gui-config.h"

#if HAVE_LOOKUP
#include "lcs-lookup.h"
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
  g_autoptr(LcsObservations) obs = lcs_lookup_run_finish (check->lookup, result, &error);
  LcsReport *report = NULL;
  LcsLiveDoneFunc done;
  gpointer done_data;

  if (obs != NULL)
    {
      g_autoptr(GPtrArray) servers = lcs_lookup_get_servers (check->lookup);

      report = lcs_check_observations (check->profile, obs, LCS_SOURCE_LIVE);
      for (guint i = 0; servers != NULL && report->servers != NULL && i < servers->len; i++)
        if (!g_ptr_array_find_with_equal_func (report->servers, g_ptr_array_index (servers, i), g_str_equal, NULL))
          g_ptr_array_add (report->servers, g_strdup (g_ptr_array_index (servers, i)));
    }
  /* The lookup may go with the check here, inside its own completion: it is made for that. */
  done = check->done;
  done_data = check->user_data;
  live_check_free (check);
  done (report, error, done_data);
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
  lcs_lookup_run_async (check->lookup, check->cancellable, on_lookup_done, check);
#else
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                   _("this build has no live lookup (c-ares)"));

    done (NULL, error, user_data);
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

static gboolean
is_answered (const LcsObservations *obs,
             LcsView                view,
             const char            *name,
             guint16                type)
{
  return lcs_observations_answer (obs, view, name, type) != LCS_ANSWER_UNKNOWN;
}

/* A host's status reads its A and AAAA records (through an alias, which the answers carry). */
static gboolean
host_answered (const LcsObservations *obs,
               LcsView                view,
               const char            *host)
{
  return is_answered (obs, view, host, LCS_TYPE_A) && is_answered (obs, view, host, LCS_TYPE_AAAA);
}

gboolean
lcs_live_check_settled (const LcsObservations  *obs,
                        const LcsPlannedRecord *planned)
{
  LcsAnswer answer = lcs_observations_answer (obs, planned->view, planned->name, planned->type);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) mistyped = NULL;

  if (answer == LCS_ANSWER_UNKNOWN)
    return FALSE;
  if (lcs_answer_is_failure (answer))
    return TRUE;
  if (planned->type != LCS_TYPE_SRV)
    return host_answered (obs, planned->view, planned->name);
  found = lcs_observations_lookup (obs, planned->view, planned->name, LCS_TYPE_SRV);
  if (found->len > 0)
    return host_answered (obs, planned->view, planned->target);
  mistyped = lcs_check_mistyped_names (planned->service, planned->protocol, planned->domain);
  for (guint i = 0; i < mistyped->len; i++)
    if (!is_answered (obs, planned->view, g_ptr_array_index (mistyped, i), LCS_TYPE_SRV))
      return FALSE;
  return TRUE;
}
