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

struct _LcsZoneSet {
  LcsObservations *obs;
  GPtrArray       *findings;   /* LcsFinding*: the files' own (zone-syntax and the like) */
  GPtrArray       *files[2];   /* char*: the paths per LcsView, in the order read */
};

static void
zone_set_clear (LcsZoneSet *set)
{
  g_clear_pointer (&set->obs, lcs_observations_free);
  g_ptr_array_unref (set->findings);
  g_ptr_array_unref (set->files[LCS_VIEW_INTERNAL]);
  g_ptr_array_unref (set->files[LCS_VIEW_EXTERNAL]);
}

LcsZoneSet *
lcs_zone_set_new (void)
{
  LcsZoneSet *set = g_atomic_rc_box_new0 (LcsZoneSet);

  set->obs = lcs_observations_new ();
  set->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  set->files[LCS_VIEW_INTERNAL] = g_ptr_array_new_with_free_func (g_free);
  set->files[LCS_VIEW_EXTERNAL] = g_ptr_array_new_with_free_func (g_free);
  return set;
}

LcsZoneSet *
lcs_zone_set_ref (LcsZoneSet *set)
{
  return g_atomic_rc_box_acquire (set);
}

void
lcs_zone_set_unref (LcsZoneSet *set)
{
  g_atomic_rc_box_release_full (set, (GDestroyNotify) zone_set_clear);
}

gboolean
lcs_zone_set_read_file (LcsZoneSet         *set,
                        LcsView             view,
                        const char         *path,
                        const char         *origin,
                        LcsRecordFunc       func,
                        gpointer            user_data,
                        char              **origin_out,
                        GError            **error)
{
  g_return_val_if_fail (view == LCS_VIEW_INTERNAL || view == LCS_VIEW_EXTERNAL, FALSE);

  if (!lcs_zone_load_full (set->obs, view, path, origin, func, user_data, set->findings, origin_out, error))
    return FALSE;
  g_ptr_array_add (set->files[view], g_strdup (path));
  return TRUE;
}

gboolean
lcs_zone_set_holds (const LcsZoneSet *set,
                    char *const      *zones[2])
{
  for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    {
      guint n = zones[view] != NULL ? g_strv_length ((char **) zones[view]) : 0;

      if (n != set->files[view]->len)
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (zones[view][i], g_ptr_array_index (set->files[view], i)) != 0)
          return FALSE;
    }
  return TRUE;
}

/* The check of @set's files as observed in @obs (taken: the set's own, or a copy of it); with
 * @take the set's findings move to the report, else they are copied. */
static LcsReport *
check_set (const LcsProfile  *profile,
           LcsZoneSet        *set,
           LcsObservations   *obs,
           gboolean           take,
           gboolean           with_added_records,
           guint              max_listed,
           LcsObservations  **obs_out)
{
  LcsReport *report;

  if (with_added_records)
    add_records_to_zones (profile, obs);
  report = lcs_check_observations_listing (profile, obs, LCS_SOURCE_ZONE, max_listed);
  for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; i < set->files[view]->len; i++)
      g_ptr_array_add (report->files, g_strdup (g_ptr_array_index (set->files[view], i)));
  for (guint i = 0; i < set->findings->len; i++)
    lcs_report_add_finding (report, take ? g_steal_pointer (&g_ptr_array_index (set->findings, i))
                                         : lcs_finding_copy (g_ptr_array_index (set->findings, i)));
  lcs_report_sort (report);
  if (obs_out != NULL)
    *obs_out = obs;
  else
    lcs_observations_free (obs);
  return report;
}

LcsReport *
lcs_check_zone_set (const LcsProfile  *profile,
                    const LcsZoneSet  *set,
                    gboolean           with_added_records,
                    guint              max_listed,
                    LcsObservations  **obs)
{
  /* The set stays as read: the profile's records go into a copy of what the files hold. */
  return check_set (profile, (LcsZoneSet *) set, lcs_observations_copy (set->obs), FALSE, with_added_records,
                    max_listed, obs);
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
  LcsZoneSet *set = lcs_zone_set_new ();
  LcsReport *report = NULL;
  gboolean ok = TRUE;

  for (guint view = LCS_VIEW_INTERNAL; ok && view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; ok && zones[view] != NULL && zones[view][i] != NULL; i++)
      {
        /* The name the admin gave the file on import wins over the blanket @origin. */
        const char *chosen = lcs_profile_zone_origin (profile, zones[view][i]);

        ok = lcs_zone_set_read_file (set, view, zones[view][i], chosen != NULL ? chosen : origin, NULL, NULL,
                                     NULL, error);
      }
  if (ok)
    {
      /* Nobody else holds this set: its observations and findings move to the report. */
      report = check_set (profile, set, g_steal_pointer (&set->obs), TRUE, with_added_records, max_listed,
                          obs_out);
    }
  lcs_zone_set_unref (set);
  return report;
}
