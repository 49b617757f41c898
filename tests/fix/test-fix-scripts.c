/* Fix scripts as text: golden dnscmd, PowerShell, nsupdate and BIND scripts for every kind of
 * operation (delete SRV / A / CNAME, add SRV / A), and nothing injectable — names and data
 * from DNS pass the exports' validation, comments keep only shell-inert characters.
 * LCS_UPDATE_GOLDEN=1 rewrites the golden files. */
#include <glib/gstdio.h>
#include <lcsdns/zone/zone.h>
#include <string.h>

#include "fixcase.h"

static const struct {
  LcsFormat   format;
  const char *suffix;
} formats[] = {
  { LCS_FORMAT_DNSCMD, "cmd" }, { LCS_FORMAT_POWERSHELL, "ps1" },
  { LCS_FORMAT_NSUPDATE, "nsupdate" }, { LCS_FORMAT_BIND, "bind" },
};

/* Fixed time and plain file names, so that the script does not depend on when or where. */
static void
make_stable (LcsRemediation *fix)
{
  guint i;

  g_date_time_unref (fix->made);
  fix->made = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  for (i = 0; i < fix->sources->len; i++)
    {
      char *base = g_path_get_basename (g_ptr_array_index (fix->sources, i));
      g_free (g_ptr_array_index (fix->sources, i));
      g_ptr_array_index (fix->sources, i) = base;
    }
}

static gboolean
all_crlf (const char *script)
{
  const char *p;

  for (p = script; *p != '\0'; p++)
    if ((*p == '\n') != (p > script && p[-1] == '\r' && *p == '\n') ||
        (*p == '\r' && p[1] != '\n'))
      return FALSE;
  return g_str_has_suffix (script, "\r\n");
}

static void
compare_golden (const LcsRemediation *fix,
                const char           *name)
{
  gsize f;

  for (f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *script = lcs_export_remediation (fix, formats[f].format, &error);
      g_autofree char *file = g_strdup_printf ("%s.%s", name, formats[f].suffix);
      g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "fix", "golden",
                                                file, NULL);
      g_autofree char *golden = NULL;

      g_assert_no_error (error);
      if (g_getenv ("LCS_UPDATE_GOLDEN") != NULL)
        g_assert_true (g_file_set_contents (path, script, -1, NULL));
      g_assert_true (g_file_get_contents (path, &golden, NULL, &error));
      g_assert_cmpstr (script, ==, golden);
      /* .cmd and .ps1 files end every line with CRLF; the others with LF. */
      if (formats[f].format == LCS_FORMAT_DNSCMD || formats[f].format == LCS_FORMAT_POWERSHELL)
        g_assert_true (all_crlf (script));
      else
        g_assert_null (strchr (script, '\r'));
    }
}

/* The demo's zone check and its remediation. */
typedef struct {
  GPtrArray      *cases;
  LcsReport      *report;
  LcsRemediation *fix;
} Demo;

static void
demo_load (Demo *demo,
           int   view_only)
{
  const FixCase *fixcase;

  demo->cases = fixcase_load_all (g_test_get_dir (G_TEST_DIST), g_getenv ("LCS_DEMO_DIR"));
  fixcase = g_ptr_array_index (demo->cases, demo->cases->len - 1);
  demo->report = lcs_check_observations (fixcase->profile, fixcase->obs, LCS_SOURCE_ZONE);
  g_ptr_array_add (demo->report->files, g_strdup ("/demo/contoso.com.dns"));
  demo->fix = lcs_remediation_build (demo->report, fixcase->obs, view_only);
}

static void
demo_clear (Demo *demo)
{
  lcs_remediation_free (demo->fix);
  lcs_report_free (demo->report);
  g_ptr_array_unref (demo->cases);
}

static void
test_demo (void)
{
  Demo demo;

  demo_load (&demo, -1);
  make_stable (demo.fix);
  compare_golden (demo.fix, "demo");
  demo_clear (&demo);
}

static LcsObservations *
zone_from_text (const char *origin,
                const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("lcs-fix-scripts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zone.db", NULL);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GError) error = NULL;
  LcsObservations *obs = lcs_observations_new ();

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (lcs_zone_load (obs, LCS_VIEW_INTERNAL, path, origin, findings, &error));
  g_remove (path);
  g_rmdir (dir);
  return obs;
}

static LcsProfile *
profile_for (const char *text)
{
  g_autoptr(GError) error = NULL;
  LcsProfile *profile = lcs_profile_load_data (text, -1, &error);

  g_assert_no_error (error);
  return profile;
}

#define PROFILE "[deployment]\nproduct=lcs2005\ndomains=contoso.com\npool=lcs.contoso.com\n" \
                "pool-ip=10.0.0.10\n"

/* The zone @text of contoso.com (a Windows export), checked against PROFILE and remediated in
 * @n_ops operations, whose scripts in every format are the golden ones named @golden. */
static void
assert_zone_fix (const char *text,
                 guint       n_ops,
                 const char *golden)
{
  g_autoptr(LcsProfile) profile = profile_for (PROFILE);
  g_autoptr(LcsObservations) obs = zone_from_text ("contoso.com.", text);
  g_autoptr(LcsReport) report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  g_autoptr(LcsRemediation) fix = NULL;

  g_ptr_array_add (report->files, g_strdup ("contoso.com.dns"));
  fix = lcs_remediation_build (report, obs, -1);
  make_stable (fix);
  g_assert_cmpuint (fix->ops->len, ==, n_ops);
  compare_golden (fix, golden);
}

/* The pool's name is an alias of another host: the alias goes (a CNAME cannot stand beside an
 * A record), the A record comes; the other host stays. */
static void
test_alias (void)
{
  assert_zone_fix ("@ 3600 IN SOA dc01 hostmaster 1 900 600 86400 3600\n"
                   "_sipinternaltls._tcp 3600 IN SRV 0 0 5061 lcs.contoso.com.\n"
                   "lcs 3600 IN CNAME web.contoso.com.\n"
                   "web 3600 IN A 10.0.0.99\n",
                   2, "alias");
}

/* Targets written without their final dot (srv-target-relative): each record, SRV, CNAME or
 * NS, goes and comes back with the name that was meant, in every format. */
static void
test_relative (void)
{
  assert_zone_fix ("@ 3600 IN SOA dc01 hostmaster 1 900 600 86400 3600\n"
                   "@ 3600 IN NS dc01.contoso.com\n"
                   "dc01 3600 IN A 10.0.0.2\n"
                   "_sipinternaltls._tcp 3600 IN SRV 0 0 5061 lcs.contoso.com\n"
                   "lcs 3600 IN A 10.0.0.10\n"
                   "sip 3600 IN CNAME lcs.contoso.com\n",
                   6, "relative");
}

/* A record whose data is not a name a shell may see: nothing is exported, in any format. */
static void
test_injection (void)
{
  g_autoptr(LcsProfile) profile = profile_for (PROFILE);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsRemediation) fix = NULL;
  gsize f;

  lcs_observations_add_zone (obs, LCS_VIEW_INTERNAL, "contoso.com.");
  lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                lcs_record_new_srv ("_sipinternaltls._tcp.contoso.com.", 3600, 0,
                                                    0, 5061, "x\" & calc & \".contoso.com."));
  lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                lcs_record_new_address ("lcs.contoso.com.", 3600, "10.0.0.10"));
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  fix = lcs_remediation_build (report, obs, -1);
  g_assert_cmpuint (fix->ops->len, >, 0);
  for (f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *script = lcs_export_remediation (fix, formats[f].format, &error);

      g_assert_null (script);
      g_assert_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME);
      g_assert_nonnull (strstr (error->message, "Nothing exported"));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* The header names the sources; a file name with shell syntax in it comes out inert. */
static void
test_inert_header (void)
{
  g_autoptr(LcsProfile) profile = profile_for (PROFILE);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsRemediation) fix = NULL;
  gsize f;

  lcs_observations_add_zone (obs, LCS_VIEW_INTERNAL, "contoso.com.");
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  g_ptr_array_add (report->files, g_strdup ("a&calc|%PATH%\r\n$(rm)`x`'\".dns"));
  fix = lcs_remediation_build (report, obs, -1);
  for (f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *script = lcs_export_remediation (fix, formats[f].format, NULL);
      g_auto(GStrv) lines = g_strsplit (script, "\n", -1);
      const char *from = NULL;
      guint i;

      for (i = 0; lines[i] != NULL && from == NULL; i++)
        if (strstr (lines[i], " from zone files: ") != NULL)
          from = g_strchomp (lines[i]);
      g_assert_nonnull (from);

      g_assert_nonnull (strstr (from, "a?calc??PATH"));
      g_assert_null (strpbrk (from, "&|%$`'\"\r"));
    }
}

/* --fix-only: one view's operations, none of the other's. */
static void
test_one_view (void)
{
  static const LcsView views[] = { LCS_VIEW_INTERNAL, LCS_VIEW_EXTERNAL };
  Demo both;
  guint total = 0;
  gsize v;
  guint i;

  demo_load (&both, -1);
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    {
      Demo one;

      demo_load (&one, views[v]);
      g_assert_cmpuint (one.fix->ops->len, >, 0);
      for (i = 0; i < one.fix->ops->len; i++)
        g_assert_cmpint (((LcsFixOp *) g_ptr_array_index (one.fix->ops, i))->view, ==, views[v]);
      total += one.fix->ops->len;
      demo_clear (&one);
    }
  g_assert_cmpuint (total, ==, both.fix->ops->len);
  demo_clear (&both);
}

/* Internal and external DNS hold zones of one name on different servers: a script of both views
 * never sends the external operations to the internal server (in the demo, the external
 * deletion of _sipinternaltls._tcp would undo the internal addition of the same record). */
static void
test_views_apart (void)
{
  static const char *const external_delete =
    "_sipinternaltls._tcp.contoso.com. IN SRV 0 0 5061 lcspool.contoso.com.";
  Demo demo;
  g_autofree char *nsupdate = NULL;
  g_autofree char *dnscmd = NULL;
  g_autofree char *powershell = NULL;
  g_autofree char *sent = g_strdup_printf ("\nupdate delete %s", external_delete);
  g_autofree char *held = g_strdup_printf ("\n; update delete %s", external_delete);

  demo_load (&demo, -1);
  nsupdate = lcs_export_remediation (demo.fix, LCS_FORMAT_NSUPDATE, NULL);
  dnscmd = lcs_export_remediation (demo.fix, LCS_FORMAT_DNSCMD, NULL);
  powershell = lcs_export_remediation (demo.fix, LCS_FORMAT_POWERSHELL, NULL);
  g_assert_null (strstr (nsupdate, sent));
  g_assert_nonnull (strstr (nsupdate, held));
  g_assert_nonnull (strstr (dnscmd, "if \"%EXTERNAL%\"==\"\" goto :eof\r\n"));
  g_assert_nonnull (strstr (dnscmd, "dnscmd %EXTERNAL% /RecordDelete contoso.com "
                                    "_sipinternaltls._tcp SRV"));
  g_assert_nonnull (strstr (powershell, "Remove-DnsServerResourceRecord -ComputerName "
                                        "$ExternalComputerName -ZoneName contoso.com -Name "
                                        "_sipinternaltls._tcp "));
  demo_clear (&demo);
  /* Limited to the external view, the script is for the external server and sends it. */
  demo_load (&demo, LCS_VIEW_EXTERNAL);
  g_clear_pointer (&nsupdate, g_free);
  nsupdate = lcs_export_remediation (demo.fix, LCS_FORMAT_NSUPDATE, NULL);
  g_assert_nonnull (strstr (nsupdate, sent));
  demo_clear (&demo);
}

/* An operation left out (the GUI's check box) is not in the script. */
static void
test_disabled (void)
{
  Demo demo;
  LcsFixOp *first;
  g_autofree char *line = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  demo_load (&demo, -1);
  first = g_ptr_array_index (demo.fix->ops, 0);
  line = g_strdup_printf ("update delete %s IN %s %s", first->record->owner,
                          lcs_type_to_string (first->record->type), first->record->rdata);
  with = lcs_export_remediation (demo.fix, LCS_FORMAT_NSUPDATE, NULL);
  g_assert_nonnull (strstr (with, line));
  first->enabled = FALSE;
  without = lcs_export_remediation (demo.fix, LCS_FORMAT_NSUPDATE, NULL);
  g_assert_null (strstr (without, line));
  g_assert_cmpuint (lcs_remediation_count (demo.fix), ==, demo.fix->ops->len - 1);
  demo_clear (&demo);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fix-scripts/golden/demo", test_demo);
  g_test_add_func ("/fix-scripts/golden/alias", test_alias);
  g_test_add_func ("/fix-scripts/golden/relative", test_relative);
  g_test_add_func ("/fix-scripts/injection", test_injection);
  g_test_add_func ("/fix-scripts/inert-header", test_inert_header);
  g_test_add_func ("/fix-scripts/one-view", test_one_view);
  g_test_add_func ("/fix-scripts/disabled", test_disabled);
  g_test_add_func ("/fix-scripts/views-apart", test_views_apart);
  return g_test_run ();
}
