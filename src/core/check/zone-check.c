/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The offline check: zone files of both views → observations → the report, with the files read
 * and their syntax findings. The console and lcsdns-check both run it. */
#include "config.h"

#include <lcsdns/check/check.h>
#include <lcsdns/zone/zone.h>

/* The profile's own records count as part of the zone they fall in, in the view they were added
 * to: profile->records internal, profile->external_records external. */
static void
add_records_to_zones (const LcsProfile *profile,
                      LcsObservations  *obs)
{
  for (LcsView view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    {
      GPtrArray *records = lcs_profile_records (profile, view);

      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          const LcsRecord *record = g_ptr_array_index (records, i);

          if (lcs_observations_zone_for (obs, view, record->owner) != NULL)
            lcs_observations_take_record (obs, view, lcs_record_copy (record));
        }
    }
}

LcsReport *
lcs_check_zones (const LcsProfile  *profile,
                 char *const       *zones[2],
                 const char        *origin,
                 gboolean           with_added_records,
                 guint              max_listed,
                 LcsObservations  **obs_out,
                 GError           **error)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  LcsReport *report;

  for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; zones[view] != NULL && zones[view][i] != NULL; i++)
      {
        /* The name the admin gave the file on import wins over the blanket @origin. */
        const char *chosen = lcs_profile_zone_origin (profile, zones[view][i]);

        if (!lcs_zone_load (obs, view, zones[view][i], chosen != NULL ? chosen : origin, syntax, error))
          return NULL;
      }
  if (with_added_records)
    add_records_to_zones (profile, obs);
  report = lcs_check_observations_listing (profile, obs, LCS_SOURCE_ZONE, max_listed);
  for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; zones[view] != NULL && zones[view][i] != NULL; i++)
      g_ptr_array_add (report->files, g_strdup (zones[view][i]));
  while (syntax->len > 0)
    lcs_report_add_finding (report, g_ptr_array_steal_index (syntax, 0));
  lcs_report_sort (report);
  if (obs_out != NULL)
    *obs_out = g_steal_pointer (&obs);
  return report;
}
