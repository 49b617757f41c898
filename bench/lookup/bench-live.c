/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live lookup alone, for bench-lookup.py: asks every question of a profile's live check and
 * prints {"asked": N, "answered": N, "failed": N, "seconds": S} on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <gio/gio.h>
#include <lcsdns/model/observe.h>

#include "lcs-lookup.h"

typedef struct {
  LcsObservations *obs;
  GError          *error;
  gboolean         done;
} Run;

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->obs = lcs_lookup_run_finish (LCS_LOOKUP (source), result, &run->error);
  run->done = TRUE;
}

static void
count_failure (const char *name,
               guint16     type,
               LcsAnswer   answer,
               const char *server,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

int
main (int argc, char **argv)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autoptr(LcsLookup) lookup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pool = NULL;
  char *servers[] = { NULL, NULL };
  LcsLookupOptions options = { servers, NULL, 0, 0, 0 };
  Run run = { 0 };
  guint failed = 0;
  gint64 start;
  double seconds;

  if (argc < 4)
    {
      g_printerr ("usage: %s SERVER FIRST-DOMAIN DOMAINS-FILE [MAX-IN-FLIGHT]\n", argv[0]);
      return 2;
    }
  servers[0] = argv[1];
  pool = g_strdup_printf ("lcs.%s", argv[2]);
  if (argc > 4)
    options.max_inflight = (guint) atoi (argv[4]);
  if (!lcs_profile_set (profile, "domains", argv[2], &error)
      || !lcs_profile_add_domains_file (profile, argv[3], &error)
      || !lcs_profile_set (profile, "pool", pool, &error)
      || !lcs_profile_set (profile, "pool-ip", "192.0.2.10", &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  lookup = lcs_lookup_new (profile, &options);
  start = g_get_monotonic_time ();
  lcs_lookup_run_async (lookup, NULL, on_lookup_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (run.error != NULL)
    {
      g_printerr ("%s\n", run.error->message);
      g_error_free (run.error);
      return 2;
    }
  lcs_observations_foreach_failure (run.obs, LCS_VIEW_INTERNAL, count_failure, &failed);
  printf ("{\"asked\": %u, \"answered\": %u, \"failed\": %u, \"seconds\": %.4f}\n",
          lcs_lookup_get_asked (lookup), lcs_lookup_get_answered (lookup), failed, seconds);
  lcs_observations_free (run.obs);
  return 0;
}
