/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live check: lookup → observations → report, with the servers asked. */
#include "config.h"

#include "lcs-lookup-check.h"

typedef struct {
  guint            max_listed;
  LcsReport       *report;
  LcsObservations *obs;
} Check;

static void
check_free (Check *check)
{
  g_clear_pointer (&check->report, lcs_report_free);
  g_clear_pointer (&check->obs, lcs_observations_free);
  g_free (check);
}

/* A server named twice (the same one for both views is named per view) is listed once. */
static void
add_servers (LcsReport *report,
             GPtrArray *servers)
{
  for (guint i = 0; i < servers->len; i++)
    if (!g_ptr_array_find_with_equal_func (report->servers, g_ptr_array_index (servers, i),
                                           g_str_equal, NULL))
      g_ptr_array_add (report->servers, g_strdup (g_ptr_array_index (servers, i)));
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LcsLookup *lookup = LCS_LOOKUP (source);
  Check *check = g_task_get_task_data (task);
  g_autoptr(GPtrArray) servers = NULL;
  GError *error = NULL;

  check->obs = lcs_lookup_run_finish (lookup, result, &error);
  if (check->obs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  check->report = lcs_check_observations_listing (lcs_lookup_get_profile (lookup), check->obs,
                                                  LCS_SOURCE_LIVE, check->max_listed);
  servers = lcs_lookup_get_servers (lookup);
  add_servers (check->report, servers);
  g_task_return_boolean (task, TRUE);
}

void
lcs_lookup_check_async (LcsLookup           *lookup,
                        guint                max_listed,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (lookup, cancellable, callback, user_data);
  Check *check = g_new0 (Check, 1);

  check->max_listed = max_listed;
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_set_source_tag (task, lcs_lookup_check_async);
  lcs_lookup_run_async (lookup, cancellable, on_run_done, task);
}

LcsReport *
lcs_lookup_check_finish (LcsLookup        *lookup,
                         GAsyncResult     *result,
                         LcsObservations **obs,
                         GError          **error)
{
  Check *check;

  g_return_val_if_fail (g_task_is_valid (result, lookup), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  check = g_task_get_task_data (G_TASK (result));
  if (obs != NULL)
    *obs = g_steal_pointer (&check->obs);
  return g_steal_pointer (&check->report);
}
