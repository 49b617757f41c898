/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the zone reader on one file: `lcs-zone-bench [--read-only] FILE [ORIGIN]`.
 * By default the records go into LcsObservations as `lcsdns-check --zone` keeps them; with
 * --read-only each record is freed as soon as it is read (the reader's own cost). */
#include <stdio.h>
#include <string.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/zone/zone.h>

static void
on_record (LcsRecord *record,
           gpointer   user_data)
{
  guint *count = user_data;

  (*count)++;
  lcs_record_free (record);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  gboolean read_only = argc > 1 && strcmp (argv[1], "--read-only") == 0;
  int first = read_only ? 2 : 1;
  const char *path, *origin;
  gint64 start;
  guint count = 0;
  gboolean ok;

  if (argc - first < 1 || argc - first > 2)
    {
      fprintf (stderr, "usage: lcs-zone-bench [--read-only] FILE [ORIGIN]\n");
      return 2;
    }
  path = argv[first];
  origin = argc - first == 2 ? argv[first + 1] : NULL;
  start = g_get_monotonic_time ();
  if (read_only)
    ok = lcs_zone_read (path, origin, on_record, &count, findings, NULL, &error);
  else
    {
      obs = lcs_observations_new ();
      ok = lcs_zone_load (obs, LCS_VIEW_INTERNAL, path, origin, findings, &error);
      count = lcs_observations_count (obs);
    }
  if (!ok)
    {
      fprintf (stderr, "lcs-zone-bench: %s\n", error->message);
      return 1;
    }
  printf ("%u records, %u findings, %.3f s\n", count, findings->len,
          (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return findings->len == 0 ? 0 : 3;
}
