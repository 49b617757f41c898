/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix scripts, offline: for every broken fixture deployment (tests/zone-rules/cases.txt and the
 * demo) the remediation, applied to the zones' text and read back by the zone reader, leaves
 * no error a DNS change can fix; a second remediation is empty; deletions name only records
 * that were observed. */
#include <string.h>

#include "fixcase.h"
#include "test-files.h"

static GPtrArray *all_cases;
static guint broken, fixed;

static gboolean
observed (const LcsObservations *obs,
          const LcsFixOp        *op)
{
  g_autoptr(GPtrArray) found = lcs_observations_lookup (obs, op->view, op->record->owner,
                                                       op->record->type);
  guint i;

  for (i = 0; i < found->len; i++)
    if (g_strcmp0 (((LcsRecord *) g_ptr_array_index (found, i))->rdata, op->record->rdata) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_ops_sound (const FixCase        *fixcase,
                  const LcsRemediation *fix)
{
  static const LcsFormat formats[] = { LCS_FORMAT_DNSCMD, LCS_FORMAT_POWERSHELL,
                                       LCS_FORMAT_NSUPDATE, LCS_FORMAT_BIND };
  guint i;
  gsize f;

  for (i = 0; i < fix->ops->len; i++)
    {
      const LcsFixOp *op = g_ptr_array_index (fix->ops, i);
      g_autofree char *what = lcs_fix_op_describe (op);
      g_autofree char *rules = lcs_fix_op_rules (op);

      g_test_message ("%s: %s %s (%s)", fixcase->name, lcs_view_to_string (op->view), what,
                      rules);
      if (op->action == LCS_FIX_DELETE && !observed (fixcase->obs, op))
        g_test_fail_printf ("%s: deletes %s, which was never observed", fixcase->name, what);
      if (op->findings->len == 0)
        g_test_fail_printf ("%s: %s fixes no finding", fixcase->name, what);
    }
  for (f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *script = lcs_export_remediation (fix, formats[f], &error);

      if (script == NULL)
        g_test_fail_printf ("%s: %s", fixcase->name, error->message);
    }
}

static void
test_case (gconstpointer data)
{
  const FixCase *fixcase = data;
  g_autoptr(LcsReport) before = lcs_check_observations (fixcase->profile, fixcase->obs,
                                                        LCS_SOURCE_ZONE);
  g_autoptr(LcsRemediation) fix = lcs_remediation_build (before, fixcase->obs, -1);
  g_autoptr(GHashTable) internal = fixcase_zone_texts (fixcase->obs, LCS_VIEW_INTERNAL, fix,
                                                       TRUE);
  g_autoptr(GHashTable) external = fixcase_zone_texts (fixcase->obs, LCS_VIEW_EXTERNAL, fix,
                                                       TRUE);
  g_autofree char *dir = g_dir_make_tmp ("lcs-fix-XXXXXX", NULL);
  g_autoptr(LcsObservations) obs = fixcase_write_and_read (internal, external, dir);
  g_autoptr(LcsReport) after = lcs_check_observations (fixcase->profile, obs, LCS_SOURCE_ZONE);
  g_autoptr(LcsRemediation) again = lcs_remediation_build (after, obs, -1);
  guint errors = fixcase_fixable_errors (before);
  guint left = fixcase_fixable_errors (after);

  assert_ops_sound (fixcase, fix);
  /* Right records (warnings such as srv-port on a mismatch still need a fix). */
  if (errors == 0 && before->warnings == 0)
    g_assert_cmpuint (fix->ops->len, ==, 0);
  /* An error with no operation for it is not fixed, whatever the re-check says. */
  if (errors > 0)
    g_assert_cmpuint (fix->ops->len, >, 0);
  if (errors > 0 || fix->ops->len > 0)
    {
      broken++;
      fixed += left == 0 && again->ops->len == 0;
    }
  g_test_message ("%s: %u errors before, %u after, %u operations", fixcase->name, errors, left,
                  fix->ops->len);
  g_assert_cmpuint (left, ==, 0);
  g_assert_cmpuint (again->ops->len, ==, 0);
  test_files_remove_tree (dir);
}

/* A right DNS gives "nothing to do", said in every format. */
static void
test_nothing_to_do (void)
{
  const FixCase *fixcase = NULL;
  guint i;

  for (i = 0; i < all_cases->len; i++)
    if (g_strcmp0 (((FixCase *) g_ptr_array_index (all_cases, i))->name, "baseline/bind") == 0)
      fixcase = g_ptr_array_index (all_cases, i);
  g_assert_nonnull (fixcase);
  {
    g_autoptr(LcsReport) report = lcs_check_observations (fixcase->profile, fixcase->obs,
                                                          LCS_SOURCE_ZONE);
    g_autoptr(LcsRemediation) fix = lcs_remediation_build (report, fixcase->obs, -1);
    g_autofree char *script = lcs_export_remediation (fix, LCS_FORMAT_NSUPDATE, NULL);

    g_assert_cmpuint (lcs_remediation_count (fix), ==, 0);
    g_assert_nonnull (strstr (script, "nothing to do"));
    g_assert_null (strstr (script, "update "));
  }
}

static void
test_figures (void)
{
  g_test_message ("deployments fixed offline: %u / %u", fixed, broken);
  g_assert_cmpuint (broken, >, 20);
  g_assert_cmpuint (fixed, ==, broken);
}

int
main (int argc, char *argv[])
{
  guint i;
  int status;

  g_test_init (&argc, &argv, NULL);
  all_cases = fixcase_load_all (g_test_get_dir (G_TEST_DIST), g_getenv ("LCS_DEMO_DIR"));
  for (i = 0; i < all_cases->len; i++)
    {
      const FixCase *fixcase = g_ptr_array_index (all_cases, i);
      g_autofree char *path = g_strdup_printf ("/fix-offline/%s", fixcase->name);
      g_test_add_data_func (path, fixcase, test_case);
    }
  g_test_add_func ("/fix-offline/nothing-to-do/baseline", test_nothing_to_do);
  g_test_add_func ("/fix-offline/~figures/all", test_figures);
  status = g_test_run ();
  g_ptr_array_unref (all_cases);
  return status;
}
