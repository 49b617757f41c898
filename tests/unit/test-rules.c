/* The rule catalogue: every docs/spec.md §4 id present and complete; docs/rules.md never drifts.
 * LCS_UPDATE_DOCS=1 rewrites docs/rules.md from the catalogue instead of comparing. */
#include <lcsdns/model/rules.h>
#include <lcsdns/profile/generation.h>
#include <string.h>

static const char *const spec_ids[] = {
  "srv-split", "srv-domain-in-service", "srv-underscore", "srv-unknown-service",
  "srv-wrong-protocol", "srv-port", "srv-range", "srv-target-syntax", "srv-target-dot",
  "srv-target-domain", "srv-target-cname", "srv-target-unresolved", "srv-target-address",
  "srv-duplicate-signin", "record-missing", "record-misplaced", "pool-vip", "host-per-domain",
  "fallback-a", "dns-wildcard", "dns-split-view", "dns-lookup-failed", "zone-syntax",
  "cert-san-missing", "cert-subject", "cert-validity", "cert-san-length",
};

static void
test_catalogue (void)
{
  gsize n, i, j;
  const LcsRule *rules = lcs_rules_all (&n);

  for (i = 0; i < G_N_ELEMENTS (spec_ids); i++)
    g_assert_nonnull (lcs_rule_lookup (spec_ids[i]));
  g_assert_null (lcs_rule_lookup ("no-such-rule"));
  for (i = 0; i < n; i++)
    {
      g_assert_true (*rules[i].title && *rules[i].explanation && *rules[i].fix && *rules[i].source);
      for (j = i + 1; j < n; j++)
        g_assert_cmpstr (rules[i].id, !=, rules[j].id);
    }
}

static void
test_docs (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LCS_SOURCE_ROOT"), "docs", "rules.md", NULL);
  g_autofree char *expected = lcs_reference_to_markdown ();
  g_autofree char *actual = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("LCS_UPDATE_DOCS"))
    g_assert_true (g_file_set_contents (path, expected, -1, NULL));
  g_file_get_contents (path, &actual, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actual, ==, expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/catalogue", test_catalogue);
  g_test_add_func ("/rules/docs", test_docs);
  return g_test_run ();
}
