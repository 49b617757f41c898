/* docs/spec.md §4: every record whose status is not ok has a finding that says why and how to fix it.
 * Walks every zone file of the tree (tests/fixtures, tests/lookup/zones, the demo) and checks
 * each against profiles of every generation and hosting, so that no shape of real data leaves
 * a wrong record unexplained. */
#include <lcsdns/check/check.h>
#include <lcsdns/model/name.h>
#include <lcsdns/zone/zone.h>
#include <string.h>

/* Profiles for a zone of domain D; "D" stands for the domain. */
static const char *const profiles[] = {
  "product=lcs2005;pool=lcs.D;pool-ip=10.0.0.10;clients=communicator,messenger;transports=tls,tcp;"
  "edge=sip.D;edge-ip=203.0.113.10;federation=true",
  "product=lcs2005;edition=enterprise;pool=lcs.D;pool-ip=10.0.0.10;"
  "members=fe1.D=10.0.0.11,lcs01.D=10.0.0.51;clients=communicator,messenger;edge=ap.D;"
  "edge-ip=203.0.113.10",
  "product=ocs2007r2;edition=enterprise;pool=pool.D;pool-ip=10.0.0.10;members=fe1.D=10.0.0.11;"
  "web-internal=webint.D=10.0.0.20;edge=sip.D;edge-ip=203.0.113.10;federation=true",
  "product=lync;edition=enterprise;pool=pool.D;members=fe1.D=10.0.0.11,fe2.D=10.0.0.12;"
  "web-internal=webint.D=10.0.0.20;web-external=webext.D=203.0.113.20;edge=sip.D;"
  "edge-ip=203.0.113.10;federation=true;xmpp=true;simple-urls=meet=meet.D",
  "product=lync;hosting=online",
  "product=lync;hosting=hybrid;pool=pool.D;pool-ip=10.0.0.10;edge=sip.D;edge-ip=203.0.113.10",
};

static LcsProfile *
profile_for (const char *spec,
             const char *domain)
{
  g_autoptr(GString) text = g_string_new (spec);
  g_auto(GStrv) settings = NULL;
  LcsProfile *profile = lcs_profile_new ();
  guint i;

  g_string_replace (text, "D", domain, 0);
  settings = g_strsplit (text->str, ";", -1);
  g_assert_true (lcs_profile_set (profile, "domains", domain, NULL));
  for (i = 0; settings[i]; i++)
    {
      const char *eq = strchr (settings[i], '=');
      g_autofree char *key = g_strndup (settings[i], eq - settings[i]);
      g_autoptr(GError) error = NULL;

      if (!lcs_profile_set (profile, key, eq + 1, &error))
        g_error ("%s: %s", settings[i], error->message);
    }
  return profile;
}

static gboolean
has_finding (const LcsReport *report,
             LcsView          view,
             const char      *name,
             const char      *rule,
             gboolean         info_too)
{
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);

      if (finding->view == view && (info_too || finding->severity != LCS_SEVERITY_INFO) &&
          (rule == NULL || strcmp (finding->rule->id, rule) == 0) &&
          (name == NULL || (finding->name && g_ascii_strcasecmp (finding->name, name) == 0)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_explained (const LcsReport       *report,
              const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;

  switch (result->status)
    {
    case LCS_STATUS_OK:
    case LCS_STATUS_PLANNED:
      return TRUE;
    case LCS_STATUS_MISSING:
      return has_finding (report, planned->view, planned->name, NULL, TRUE);
    case LCS_STATUS_MISPLACED:
      return has_finding (report, planned->view, result->misplaced_at, "record-misplaced", FALSE);
    case LCS_STATUS_FAILED:
      return has_finding (report, planned->view, NULL, "dns-lookup-failed", FALSE);
    case LCS_STATUS_MISMATCH:
    case LCS_STATUS_UNRESOLVED:
    default:
      return has_finding (report, planned->view, planned->name, NULL, FALSE);
    }
}

/* Appends one line per unexplained record of @report to @problems. */
static void
check_report (const LcsReport *report,
              const char      *what,
              GString         *problems,
              guint           *n_wrong)
{
  guint i;

  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);

      if (result->status != LCS_STATUS_OK)
        (*n_wrong)++;
      if (!is_explained (report, result))
        g_string_append_printf (problems, "%s: %s %s is %s with no finding on it\n", what,
                                result->planned->name, lcs_type_to_string (result->planned->type),
                                lcs_record_status_to_string (result->status));
    }
}

/* The zone's domain: the file name as Windows names it, else its $ORIGIN line. */
static char *
domain_of_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *data = NULL;
  const char *origin;
  char *end;

  *strrchr (base, '.') = '\0';
  if (strchr (base, '.') != NULL)
    return g_ascii_strdown (base, -1);
  if (!g_file_get_contents (path, &data, NULL, NULL) ||
      (origin = strstr (data, "$ORIGIN")) == NULL)
    return NULL;
  origin += strlen ("$ORIGIN");
  while (*origin == ' ' || *origin == '\t')
    origin++;
  end = (char *) origin;
  while (*end && !g_ascii_isspace (*end))
    end++;
  *end = '\0';
  return lcs_name_bare (origin);
}

static void
collect_zones (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_zones (path, paths);
      else if (g_str_has_suffix (name, ".dns") || g_str_has_suffix (name, ".zone") ||
               g_str_has_suffix (name, ".db"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_fixture_zones (void)
{
  const char *const roots[] = { "fixtures", "lookup/zones" };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint i, n_checked = 0, n_wrong = 0;
  gsize r, p;

  for (r = 0; r < G_N_ELEMENTS (roots); r++)
    {
      g_autofree char *dir = g_build_filename (g_test_get_dir (G_TEST_DIST), roots[r], NULL);
      collect_zones (dir, paths);
    }
  for (i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *domain = domain_of_file (path);
      LcsView view = strstr (path, "/external/") ? LCS_VIEW_EXTERNAL : LCS_VIEW_INTERNAL;
      g_autoptr(LcsProfile) probe = lcs_profile_new ();

      /* A zone whose origin is no SIP domain (a reverse zone) has nothing to plan. */
      if (domain == NULL || !lcs_profile_set (probe, "domains", domain, NULL))
        continue;
      for (p = 0; p < G_N_ELEMENTS (profiles); p++)
        {
          g_autoptr(LcsProfile) profile = profile_for (profiles[p], domain);
          g_autoptr(LcsObservations) obs = lcs_observations_new ();
          g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
          g_autoptr(LcsReport) report = NULL;
          g_autofree char *what = g_strdup_printf ("%s [%s]", path, profiles[p]);

          if (!lcs_zone_load (obs, view, path, NULL, syntax, NULL))
            continue;
          report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
          check_report (report, what, problems, &n_wrong);
          n_checked++;
        }
    }
  g_test_message ("%u zone checks, %u records not ok, each explained", n_checked, n_wrong);
  /* The walk must have found the fixtures, and wrong records among them. */
  g_assert_cmpuint (n_checked, >, 100);
  g_assert_cmpuint (n_wrong, >, 100);
  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str);
}

static void
test_demo (void)
{
  const char *dir = g_getenv ("LCS_DEMO_DIR");
  g_autofree char *profile_path = g_build_filename (dir, "demo.lcsdns", NULL);
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, NULL);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(LcsReport) report = NULL;
  guint i, n_wrong = 0;

  g_assert_nonnull (profile);
  collect_zones (dir, paths);
  for (i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      LcsView view = strstr (path, "/external/") ? LCS_VIEW_EXTERNAL : LCS_VIEW_INTERNAL;

      g_assert_true (lcs_zone_load (obs, view, path, NULL, syntax, NULL));
    }
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  check_report (report, "demo", problems, &n_wrong);
  g_assert_cmpuint (n_wrong, >, 0);
  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/every-finding/fixture-zones", test_fixture_zones);
  g_test_add_func ("/every-finding/demo", test_demo);
  return g_test_run ();
}
