/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Live checks for the tests: a lookup run to its end, and the report read back. */
#include "livecheck.h"

#include "lcs-lookup-check.h"

static void
on_lookup_progress (LcsLookup *lookup,
                    guint      answered,
                    guint      asked,
                    gpointer   user_data)
{
  LiveRun *run = user_data;

  g_assert_cmpuint (answered, <=, asked);
  g_assert_cmpuint (answered, >, run->last_answered);
  run->progress_calls++;
  run->last_answered = answered;
  run->last_asked = asked;
}

void
live_on_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LiveRun *run = user_data;

  run->obs = lcs_lookup_run_finish (LCS_LOOKUP (source), result, &run->error);
  run->done = TRUE;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LiveRun *run = user_data;

  run->report = lcs_lookup_check_finish (LCS_LOOKUP (source), result, &run->obs, &run->error);
  run->done = TRUE;
}

char **
live_servers (Fixture    *fixture,
              const char *names)
{
  g_auto(GStrv) whiches = names ? g_strsplit (names, ",", -1) : NULL;
  GPtrArray *list = g_ptr_array_new ();
  guint i;

  for (i = 0; whiches != NULL && whiches[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (fixture_server (fixture, whiches[i])));
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

gint64
live_run (Fixture          *fixture,
          const LcsProfile *profile,
          const char       *internal,
          const char       *external,
          guint             timeout_ms,
          guint             tries,
          guint             max_inflight,
          LiveRun          *run)
{
  g_auto(GStrv) internal_servers = live_servers (fixture, internal);
  g_auto(GStrv) external_servers = live_servers (fixture, external);
  LcsLookupOptions options = { internal_servers, external_servers, timeout_ms, tries,
                               max_inflight };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (lookup, "progress", G_CALLBACK (on_lookup_progress), run);
  lcs_lookup_check_async (lookup, LCS_REPORT_MAX_LISTED, NULL, on_checked, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  if (run->error == NULL)
    {
      /* One progress signal per answer; the last one says all were answered. */
      g_assert_cmpuint (run->progress_calls, ==, lcs_lookup_get_asked (lookup));
      g_assert_cmpuint (run->last_answered, ==, lcs_lookup_get_asked (lookup));
      g_assert_cmpuint (run->last_asked, ==, lcs_lookup_get_asked (lookup));
      g_assert_cmpuint (lcs_lookup_get_answered (lookup), ==, lcs_lookup_get_asked (lookup));
    }
  return fixture_elapsed_ms (start);
}

void
live_run_clear (LiveRun *run)
{
  g_clear_pointer (&run->report, lcs_report_free);
  g_clear_pointer (&run->obs, lcs_observations_free);
  g_clear_error (&run->error);
}

static void
log_report (const LcsReport *report)
{
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      g_test_message ("%s %s %s: %s", finding->rule->id, lcs_view_to_string (finding->view),
                      finding->name ? finding->name : "-", finding->message);
    }
}

LcsReport *
live_check (Fixture          *fixture,
            const LcsProfile *profile,
            const char       *internal,
            const char       *external,
            guint             timeout_ms,
            guint             max_inflight,
            gint64           *elapsed_ms)
{
  LiveRun run = { 0 };
  gint64 ms = live_run (fixture, profile, internal, external, timeout_ms, 2, max_inflight, &run);
  LcsReport *report;

  g_assert_no_error (run.error);
  g_assert_nonnull (run.obs);
  report = g_steal_pointer (&run.report);
  log_report (report);
  if (elapsed_ms != NULL)
    *elapsed_ms = ms;
  live_run_clear (&run);
  return report;
}

const LcsFinding *
live_find (const LcsReport *report,
           const char      *rule,
           const char      *name)
{
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      if (g_str_equal (finding->rule->id, rule)
          && (name == NULL || g_strcmp0 (finding->name, name) == 0))
        return finding;
    }
  return NULL;
}

guint
live_count (const LcsReport *report,
            const char      *rule)
{
  guint i, n = 0;

  for (i = 0; i < report->findings->len; i++)
    n += g_str_equal (((LcsFinding *) report->findings->pdata[i])->rule->id, rule);
  return n;
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

char *
live_describe (const LcsReport *report)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s: %s", finding->rule->id,
                                               lcs_view_to_string (finding->view),
                                               finding->name ? finding->name : "-",
                                               finding->message));
    }
  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = report->results->pdata[i];
      g_ptr_array_add (lines, g_strdup_printf ("record %s %s %s: %s",
                                               lcs_view_to_string (result->planned->view),
                                               result->planned->name,
                                               lcs_type_to_string (result->planned->type),
                                               lcs_record_status_to_string (result->status)));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (text, FALSE);
}
