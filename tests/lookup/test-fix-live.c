/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix scripts against a real server: BIND serves each broken fixture deployment (every case of
 * tests/zone-rules/cases.txt with something to fix, and the demo) and accepts updates signed
 * with a TSIG key made here by tsig-keygen. Live check → nsupdate remediation → nsupdate -k →
 * live check again: no fixable error left; AXFR before and after: every record outside the
 * plan unchanged byte for byte; the same script applied twice changes nothing. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/plan.h>
#include <string.h>

#include "fixcase.h"
#include "fixture.h"
#include "livecheck.h"
#include "test-files.h"

static char *key_dir;
static char *key_file;
static guint deployments, fixed, outside_total, outside_same;

static char *
run_tool (const char *const *argv,
          const char         *input,
          int                *status)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  if (*status != 0)
    g_test_message ("%s: %s", argv[0], err);
  return out;
}

static void
split_server (Fixture     *fixture,
              const char  *view,
              char       **port)
{
  const char *server = fixture_server (fixture, view);

  *port = g_strdup (strrchr (server, ':') + 1);
}

/* The zone as AXFR gives it, one record a line, fields joined by one space, in BIND's order. */
static GPtrArray *
axfr (Fixture    *fixture,
      const char *view,
      const char *zone)
{
  g_autofree char *port = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  int status;
  guint i;

  split_server (fixture, view, &port);
  {
    const char *argv[] = { "dig", "+nocmd", "+nostats", "+nocomments", "+onesoa", "-p", port,
                           "@127.0.0.1", zone, "AXFR", NULL };
    out = run_tool (argv, NULL, &status);
  }
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " \t", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;
      guint f;

      if (lines[i][0] == ';' || lines[i][0] == '\0')
        continue;
      for (f = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0')
          g_strv_builder_add (kept, fields[f]);
      joined = g_strv_builder_end (kept);
      g_ptr_array_add (records, g_strjoinv (" ", joined));
    }
  g_assert_cmpuint (records->len, >, 0);
  return records;
}

/* "owner TYPE data", lower case: how an operation and an AXFR line are matched. */
static char *
record_key (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", 5);
  g_autofree char *key = NULL;

  if (g_strv_length (fields) < 5)
    return g_strdup (line);
  key = g_strdup_printf ("%s %s %s", fields[0], fields[3], fields[4]);
  return g_ascii_strdown (key, -1);
}

static gboolean
is_soa (const char *line)
{
  return strstr (line, " IN SOA ") != NULL;
}

static GHashTable *
op_keys (GPtrArray   *fixes,
         const char  *view,
         LcsFixAction action)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint f, i;

  for (f = 0; f < fixes->len; f++)
    {
      const LcsRemediation *fix = g_ptr_array_index (fixes, f);
      for (i = 0; i < fix->ops->len; i++)
        {
          const LcsFixOp *op = g_ptr_array_index (fix->ops, i);
          g_autofree char *what = lcs_fix_op_describe (op);

          /* "delete " / "add " go; the rest is "owner TYPE data". */
          if (op->action == action && strcmp (lcs_view_to_string (op->view), view) == 0)
            g_hash_table_add (keys, g_ascii_strdown (strchr (what, ' ') + 1, -1));
        }
    }
  return keys;
}

/* Every record outside the operations is in both transfers, byte for byte; every deletion is
 * gone and every addition there. */
static void
compare_zone (GPtrArray  *before,
              GPtrArray  *after,
              GHashTable *deleted,
              GHashTable *added)
{
  g_autoptr(GHashTable) after_lines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) before_lines = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  for (i = 0; i < after->len; i++)
    g_hash_table_add (after_lines, g_ptr_array_index (after, i));
  for (i = 0; i < before->len; i++)
    g_hash_table_add (before_lines, g_ptr_array_index (before, i));
  for (i = 0; i < before->len; i++)
    {
      const char *line = g_ptr_array_index (before, i);
      g_autofree char *key = record_key (line);

      if (is_soa (line) || g_hash_table_contains (deleted, key))
        continue;
      outside_total++;
      if (g_hash_table_contains (after_lines, line))
        outside_same++;
      else
        g_test_fail_printf ("record outside the plan changed or gone: %s", line);
    }
  for (i = 0; i < after->len; i++)
    {
      const char *line = g_ptr_array_index (after, i);
      g_autofree char *key = record_key (line);

      if (g_hash_table_contains (deleted, key))
        g_test_fail_printf ("deleted record still there: %s", line);
      if (!is_soa (line) && !g_hash_table_contains (before_lines, line) &&
          !g_hash_table_contains (added, key))
        g_test_fail_printf ("record that no operation adds: %s", line);
    }
}

static LcsObservations *
observe (Fixture          *fixture,
         const LcsProfile *profile)
{
  LiveRun run = { 0 };
  LcsObservations *obs;

  /* Without an external view (no edge, not Online) it is never asked; it goes to the loopback
   * BIND anyway. */
  live_run (fixture, profile, "internal",
            lcs_plan_has_view (profile, LCS_VIEW_EXTERNAL) ? "external" : "internal", 2000, 2, 0,
            &run);
  g_assert_no_error (run.error);
  obs = g_steal_pointer (&run.obs);
  live_run_clear (&run);
  return obs;
}

/* The nsupdate script of one view, applied with the test's key; TRUE when it had operations. */
static gboolean
apply (Fixture              *fixture,
       const LcsRemediation *fix,
       LcsView               view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = lcs_export_remediation (fix, LCS_FORMAT_NSUPDATE, &error);
  g_autofree char *port = NULL;
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "nsupdate", "-k", key_file, NULL };
  int status;

  g_assert_no_error (error);
  if (lcs_remediation_count (fix) == 0)
    return FALSE;
  split_server (fixture, lcs_view_to_string (view), &port);
  input = g_strdup_printf ("server 127.0.0.1 %s\n%s", port, script);
  out = run_tool (argv, input, &status);
  g_assert_cmpint (status, ==, 0);
  return TRUE;
}

/* The zones to serve: those the fixture holds and those the remediation writes to. */
static void
write_zones (const FixCase        *fixcase,
             const LcsRemediation *offline,
             const char           *dir,
             GHashTable          **internal,
             GHashTable          **external)
{
  g_autoptr(LcsObservations) served = NULL;
  guint i;

  *internal = fixcase_zone_texts (fixcase->obs, LCS_VIEW_INTERNAL, offline, FALSE);
  *external = fixcase_zone_texts (fixcase->obs, LCS_VIEW_EXTERNAL, offline, FALSE);
  /* An edge needs an external DNS; a fixture without one gets empty zones of the domains. */
  if (fixcase->profile->edge != NULL && g_hash_table_size (*external) == 0)
    for (i = 0; i < fixcase->profile->domains->len; i++)
      {
        char *origin = lcs_name_normalize (g_ptr_array_index (fixcase->profile->domains, i));
        g_hash_table_insert (*external, origin, fixcase_empty_zone (origin));
      }
  served = fixcase_write_and_read (*internal, *external, dir);
}

typedef struct {
  const char *view;
  char       *zone;
  GPtrArray  *before;
  GPtrArray  *after;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_free (transfer->zone);
  g_clear_pointer (&transfer->before, g_ptr_array_unref);
  g_clear_pointer (&transfer->after, g_ptr_array_unref);
  g_free (transfer);
}

static void
add_transfers (GPtrArray  *transfers,
               Fixture    *fixture,
               const char *view,
               GHashTable *texts)
{
  GHashTableIter iter;
  gpointer origin;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &origin, NULL))
    {
      Transfer *transfer = g_new0 (Transfer, 1);
      transfer->view = view;
      transfer->zone = g_strdup (origin);
      transfer->before = axfr (fixture, view, origin);
      g_ptr_array_add (transfers, transfer);
    }
}

static void
test_case (gconstpointer data)
{
  const FixCase *fixcase = data;
  static const LcsView views[] = { LCS_VIEW_INTERNAL, LCS_VIEW_EXTERNAL };
  const char *const extra[] = { "--update-key", key_file, "--no-faults", NULL };
  g_autoptr(LcsReport) offline_report = lcs_check_observations (fixcase->profile, fixcase->obs,
                                                                LCS_SOURCE_ZONE);
  g_autoptr(LcsRemediation) offline = lcs_remediation_build (offline_report, fixcase->obs, -1);
  g_autofree char *dir = g_dir_make_tmp ("lcs-fix-live-XXXXXX", NULL);
  g_autoptr(GHashTable) internal = NULL;
  g_autoptr(GHashTable) external = NULL;
  g_autoptr(GPtrArray) transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) transfer_free);
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_remediation_free);
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(LcsObservations) obs_after = NULL;
  g_autoptr(LcsReport) before = NULL;
  g_autoptr(LcsReport) after = NULL;
  g_autoptr(LcsRemediation) again = NULL;
  Fixture *fixture;
  gsize v;
  guint i, j, errors;

  write_zones (fixcase, offline, dir, &internal, &external);
  fixture = fixture_start (dir, extra);
  add_transfers (transfers, fixture, "internal", internal);
  add_transfers (transfers, fixture, "external", external);

  obs = observe (fixture, fixcase->profile);
  before = lcs_check_observations (fixcase->profile, obs, LCS_SOURCE_LIVE);
  errors = fixcase_fixable_errors (before);
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    {
      LcsRemediation *fix = lcs_remediation_build (before, obs, views[v]);
      apply (fixture, fix, views[v]);
      g_ptr_array_add (fixes, fix);
    }

  for (i = 0; i < transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (transfers, i);
      transfer->after = axfr (fixture, transfer->view, transfer->zone);
    }
  for (i = 0; i < transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (transfers, i);
      g_autoptr(GHashTable) deleted = op_keys (fixes, transfer->view, LCS_FIX_DELETE);
      g_autoptr(GHashTable) added = op_keys (fixes, transfer->view, LCS_FIX_ADD);

      compare_zone (transfer->before, transfer->after, deleted, added);
    }

  obs_after = observe (fixture, fixcase->profile);
  after = lcs_check_observations (fixcase->profile, obs_after, LCS_SOURCE_LIVE);
  again = lcs_remediation_build (after, obs_after, -1);
  g_test_message ("%s: %u errors before, %u after (BIND round trip)", fixcase->name, errors,
                  fixcase_fixable_errors (after));
  deployments++;
  fixed += fixcase_fixable_errors (after) == 0 && lcs_remediation_count (again) == 0;
  g_assert_cmpuint (fixcase_fixable_errors (after), ==, 0);
  g_assert_cmpuint (lcs_remediation_count (again), ==, 0);

  /* The same scripts once more: nothing changes, not even a serial. */
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    apply (fixture, g_ptr_array_index (fixes, v), views[v]);
  for (i = 0; i < transfers->len; i++)
    {
      Transfer *transfer = g_ptr_array_index (transfers, i);
      g_autoptr(GPtrArray) twice = axfr (fixture, transfer->view, transfer->zone);

      g_assert_cmpuint (twice->len, ==, transfer->after->len);
      for (j = 0; j < twice->len; j++)
        g_assert_cmpstr (g_ptr_array_index (twice, j), ==, g_ptr_array_index (transfer->after, j));
    }
  fixture_stop (fixture);
  test_files_remove_tree (dir);
}

static void
test_figures (void)
{
  g_test_message ("deployments fixed through BIND: %u / %u; records outside the plan "
                  "unchanged: %u / %u", fixed, deployments, outside_same, outside_total);
  g_assert_cmpuint (deployments, >, 20);
  g_assert_cmpuint (fixed, ==, deployments);
  g_assert_cmpuint (outside_same, ==, outside_total);
}

static void
make_key (void)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "tsig-keygen", "-a", "hmac-sha256", "lcsdns-fix-test", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  key_dir = g_dir_make_tmp ("lcs-fix-key-XXXXXX", &error);
  g_assert_no_error (error);
  key_file = g_build_filename (key_dir, "update.key", NULL);
  out = run_tool (argv, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_set_contents (key_file, out, -1, &error));
}

int
main (int argc, char *argv[])
{
  g_autofree char *srcdir = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  guint i;
  int status;

  g_test_init (&argc, &argv, NULL);
  srcdir = g_build_filename (g_getenv ("LCS_SOURCE_ROOT"), "tests", NULL);
  cases = fixcase_load_all (srcdir, g_getenv ("LCS_DEMO_DIR"));
  make_key ();
  for (i = 0; i < cases->len; i++)
    {
      const FixCase *fixcase = g_ptr_array_index (cases, i);
      g_autoptr(LcsReport) report = lcs_check_observations (fixcase->profile, fixcase->obs,
                                                            LCS_SOURCE_ZONE);
      g_autoptr(LcsRemediation) fix = lcs_remediation_build (report, fixcase->obs, -1);
      g_autofree char *path = g_strdup_printf ("/fix-live/%s", fixcase->name);

      /* The broken ones: their zone check has something to fix. */
      if (fix->ops->len > 0)
        g_test_add_data_func (path, fixcase, test_case);
    }
  g_test_add_func ("/fix-live/~figures/all", test_figures);
  status = g_test_run ();
  g_remove (key_file);
  g_rmdir (key_dir);
  return status;
}
