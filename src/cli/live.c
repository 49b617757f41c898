/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns-check's live mode. */
#include "config.h"

#include "live.h"

#include <gio/gio.h>

#include "lcs-lookup-check.h"

#ifdef G_OS_WIN32
#include <io.h>
#define stderr_isatty() _isatty (2)
#else
#include <unistd.h>
#define stderr_isatty() isatty (STDERR_FILENO)
#endif

typedef struct {
  GMainLoop       *loop;
  LcsReport       *report;
  LcsObservations *obs;
  GError          *error;
  gboolean         show_progress;
} Run;

static void
on_lookup_progress (LcsLookup *lookup,
                    guint      answered,
                    guint      asked,
                    gpointer   user_data)
{
  Run *run = user_data;

  if (run->show_progress)
    g_printerr ("\rlooking up: %u of %u answered ", answered, asked);
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->report = lcs_lookup_check_finish (LCS_LOOKUP (source), result, &run->obs, &run->error);
  /* Blank the progress line with spaces: not every Windows console knows escape sequences. */
  if (run->show_progress)
    g_printerr ("\r%*s\r", 60, "");
  g_main_loop_quit (run->loop);
}

static gboolean
check_args (const LcsCliLiveArgs *args,
            GError              **error)
{
  if (args->timeout_ms < 0 || args->tries < 0 || args->max_inflight < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--timeout, --tries and the in-flight limit must not be negative");
      return FALSE;
    }
  return TRUE;
}

LcsReport *
lcs_cli_run_live (const LcsProfile     *profile,
                  const LcsCliLiveArgs *args,
                  LcsObservations     **obs,
                  GError              **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(LcsLookup) lookup = NULL;
  LcsLookupOptions options = { 0 };
  Run run = { 0 };

  if (!check_args (args, error))
    return NULL;
  options.internal_servers = args->servers;
  options.external_servers = args->external_servers;
  options.timeout_ms = (guint) args->timeout_ms;
  options.tries = (guint) args->tries;
  options.max_inflight = (guint) args->max_inflight;

  g_main_context_push_thread_default (context);
  run.loop = g_main_loop_new (context, FALSE);
  run.show_progress = stderr_isatty ();
  lookup = lcs_lookup_new (profile, &options);
  g_signal_connect (lookup, "progress", G_CALLBACK (on_lookup_progress), &run);
  lcs_lookup_check_async (lookup, args->max_listed, NULL, on_lookup_done, &run);
  g_main_loop_run (run.loop);
  g_clear_object (&lookup);
  g_main_loop_unref (run.loop);
  g_main_context_pop_thread_default (context);

  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return NULL;
    }
  if (obs != NULL)
    *obs = g_steal_pointer (&run.obs);
  g_clear_pointer (&run.obs, lcs_observations_free);
  return run.report;
}
