/* Certificates: name matching, the names a certificate must cover, and the four cert rules,
 * each with a near miss. Certificates here are built by hand; test-cert-load reads real ones. */
#include <lcsdns/cert/cert.h>
#include <lcsdns/model/name.h>

#include <string.h>

#include "certtest.h"

static LcsProfile *
enterprise_profile (void)
{
  return certtest_profile_new ("product", "ocs2007r2", "edition", "enterprise",
                               "domains", "contoso.com", "pool", "pool.contoso.com",
                               "pool-ip", "192.0.2.20",
                               "members", "fe1.contoso.com=192.0.2.21,fe2.contoso.com=192.0.2.22",
                               NULL);
}

static LcsCertInfo *
info_new (const char *cn,
          const char *const *sans)
{
  LcsCertInfo *info = lcs_cert_info_new ();

  info->source = g_strdup ("test.pem");
  info->subject_cn = g_strdup (cn);
  info->subject = cn != NULL ? g_strdup_printf ("CN=%s,O=Contoso", cn) : g_strdup ("O=Contoso");
  info->not_before = certtest_date (CERTTEST_VALID_FROM);
  info->not_after = certtest_date (CERTTEST_VALID_UNTIL);
  for (gsize i = 0; sans != NULL && sans[i] != NULL; i++)
    g_ptr_array_add (info->dns_names, g_strdup (sans[i]));
  return info;
}

static GPtrArray *
check_at (const LcsProfile  *profile,
          const LcsCertInfo *info,
          const char        *now_iso)
{
  g_autoptr(GDateTime) now = certtest_date (now_iso);

  return lcs_cert_check (profile, info, NULL, now);
}


static const LcsCertCoverage *
coverage_of (GPtrArray  *coverage,
             const char *name)
{
  for (guint i = 0; i < coverage->len; i++)
    if (strcmp (((LcsCertCoverage *) coverage->pdata[i])->name, name) == 0)
      return coverage->pdata[i];
  return NULL;
}

/* The required names as a NULL-terminated vector, in order. */
static GStrv
required_names (const LcsProfile      *profile,
                const LcsObservations *obs)
{
  g_autoptr(GPtrArray) list = lcs_cert_required_names (profile, obs);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < list->len; i++)
    {
      const LcsCertCoverage *entry = list->pdata[i];

      g_assert_true (entry->required);
      g_assert_null (entry->covered_by);
      g_assert_nonnull (entry->reason);
      g_strv_builder_add (names, entry->name);
    }
  return g_strv_builder_end (names);
}

static void
test_match_wildcard (void)
{
  static const struct { const char *san, *name; gboolean matches; } cases[] = {
    { "*.contoso.com", "sip.contoso.com", TRUE },
    { "*.contoso.com", "sip.contoso.com.", TRUE },
    { "*.contoso.com", "a.b.contoso.com", FALSE },
    { "*.contoso.com", "contoso.com", FALSE },
    { "*.contoso.com", ".contoso.com", FALSE },
    { "*.contoso.com", "sip.fabrikam.com", FALSE },
    { "*.contoso.com", "sipcontoso.com", FALSE },
    { "sip.contoso.com", "sip.contoso.com", TRUE },
    { "sip.contoso.com", "sip.contoso.co", FALSE },
    { "sip.contoso.com", "xsip.contoso.com", FALSE },
    { "SIP.Contoso.COM", "sip.contoso.com", TRUE },
    { "*.CONTOSO.com", "Lcs.contoso.COM", TRUE },
    { "sip.contoso.com.", "SIP.CONTOSO.COM", TRUE },
    { "", "contoso.com", FALSE },
    { "*.", "contoso", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s vs %s", cases[i].san, cases[i].name);
      g_assert_cmpint (lcs_cert_san_matches (cases[i].san, cases[i].name), ==, cases[i].matches);
    }
}

static void
test_required_standard (void)
{
  g_autoptr(LcsProfile) strict = certtest_standard_profile ("strict");
  g_autoptr(LcsProfile) suffix = certtest_standard_profile ("suffix");
  g_auto(GStrv) strict_names = required_names (strict, NULL);
  g_auto(GStrv) suffix_names = required_names (suffix, NULL);
  const char *const strict_expected[] = { "lcs.contoso.com", "sip.fabrikam.com",
                                          "sip.contoso.com", NULL };
  const char *const suffix_expected[] = { "lcs.contoso.com", "sip.fabrikam.com", NULL };
  g_autoptr(GPtrArray) list = lcs_cert_required_names (strict, NULL);

  g_assert_cmpstrv (strict_names, strict_expected);
  g_assert_cmpstrv (suffix_names, suffix_expected);
  g_assert_cmpint (((LcsCertCoverage *) list->pdata[0])->kind, ==, LCS_CERT_NAME_SERVER);
  g_assert_cmpint (((LcsCertCoverage *) list->pdata[1])->kind, ==, LCS_CERT_NAME_SRV_TARGET);
  g_assert_cmpint (((LcsCertCoverage *) list->pdata[2])->kind, ==, LCS_CERT_NAME_SIP_HOST);
}

/* Lync / SfB: the Autodiscover names and the simple URLs join; LCS 2005 has none of them. */
static void
test_required_lync (void)
{
  g_autoptr(LcsProfile) lync = certtest_profile_new ("product", "lync", "domains", "contoso.com",
                                                     "pool", "lcs.contoso.com",
                                                     "pool-ip", "10.0.0.10",
                                                     "simple-urls", "meet=meet.contoso.com",
                                                     NULL);
  g_autoptr(LcsProfile) lcs = certtest_standard_profile ("strict");
  g_auto(GStrv) lync_names = required_names (lync, NULL);
  g_auto(GStrv) lcs_names = required_names (lcs, NULL);
  g_autoptr(GPtrArray) list = lcs_cert_required_names (lync, NULL);
  gboolean web_kind = FALSE;
  guint i;

  g_assert_true (g_strv_contains ((const char *const *) lync_names,
                                  "lyncdiscoverinternal.contoso.com"));
  g_assert_true (g_strv_contains ((const char *const *) lync_names, "meet.contoso.com"));
  for (i = 0; lcs_names[i]; i++)
    g_assert_null (strstr (lcs_names[i], "lyncdiscover"));
  for (i = 0; i < list->len; i++)
    web_kind = web_kind || ((LcsCertCoverage *) list->pdata[i])->kind == LCS_CERT_NAME_WEB;
  g_assert_true (web_kind);
}

static void
test_required_enterprise (void)
{
  g_autoptr(LcsProfile) profile = enterprise_profile ();
  g_auto(GStrv) names = required_names (profile, NULL);
  const char *const expected[] = { "pool.contoso.com", "fe1.contoso.com", "fe2.contoso.com",
                                   "sip.contoso.com", NULL };

  g_assert_cmpstrv (names, expected);
}

static void
add_record (LcsObservations *obs,
            LcsView          view,
            LcsRecord       *record)
{
  lcs_observations_take_record (obs, view, record);
}

static void
test_required_fallback (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("suffix");
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsObservations) near_miss = lcs_observations_new ();
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) near_names = NULL;
  g_auto(GStrv) without = required_names (profile, NULL);
  const char *const expected[] = { "lcs.contoso.com", "sip.fabrikam.com",
                                   "sipinternal.contoso.com", "sipexternal.fabrikam.com", NULL };
  g_autoptr(GPtrArray) list = NULL;

  add_record (obs, LCS_VIEW_INTERNAL,
              lcs_record_new_address ("sipinternal.contoso.com.", 3600, "192.0.2.10"));
  add_record (obs, LCS_VIEW_EXTERNAL,
              lcs_record_new_address ("sipexternal.fabrikam.com.", 3600, "203.0.113.5"));
  names = required_names (profile, obs);
  g_assert_cmpstrv (names, expected);
  list = lcs_cert_required_names (profile, obs);
  g_assert_cmpint (((LcsCertCoverage *) list->pdata[2])->kind, ==, LCS_CERT_NAME_FALLBACK);

  /* An alias or a name under another domain is no fallback A record of a SIP domain. */
  add_record (near_miss, LCS_VIEW_INTERNAL,
              lcs_record_new_alias ("sipinternal.contoso.com.", 3600, LCS_TYPE_CNAME,
                                    "lcs.contoso.com."));
  add_record (near_miss, LCS_VIEW_INTERNAL,
              lcs_record_new_address ("sipinternal.northwind.com.", 3600, "192.0.2.10"));
  near_names = required_names (profile, near_miss);
  g_assert_cmpstrv (near_names, (const char *const *) without);
}

static void
test_san_missing_exact_set (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  g_auto(GStrv) required = required_names (profile, NULL);
  g_autoptr(LcsCertInfo) complete = info_new ("lcs.contoso.com", (const char *const *) required);
  g_autoptr(GPtrArray) none = check_at (profile, complete, CERTTEST_INSIDE);

  g_assert_cmpuint (none->len, ==, 0);

  /* Drop each required name in turn: exactly that one is reported, with its fix. */
  for (guint drop = 0; required[drop] != NULL; drop++)
    {
      g_autoptr(LcsCertInfo) info = info_new ("lcs.contoso.com", NULL);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *owner = lcs_name_normalize (required[drop]);
      const LcsFinding *finding;

      for (guint i = 0; required[i] != NULL; i++)
        if (i != drop)
          g_ptr_array_add (info->dns_names, g_strdup (required[i]));
      findings = check_at (profile, info, CERTTEST_INSIDE);
      g_assert_cmpuint (findings->len, ==, 1);
      finding = certtest_find_rule (findings, "cert-san-missing");
      g_assert_nonnull (finding);
      g_assert_cmpstr (finding->name, ==, owner);
      g_assert_nonnull (strstr (finding->message, required[drop]));
      g_assert_nonnull (finding->fix);
      g_assert_nonnull (strstr (finding->fix, required[drop]));
    }
}

static void
test_san_missing_wildcard (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  g_autoptr(LcsProfile) deep = certtest_profile_new ("domains", "contoso.com",
                                                     "pool", "lcs.pool.contoso.com",
                                                     "pool-ip", "192.0.2.10",
                                                     "matching", "suffix", NULL);
  const char *const sans[] = { "lcs.contoso.com", "*.contoso.com", "*.fabrikam.com", NULL };
  const char *const deep_sans[] = { "*.contoso.com", "contoso.com", NULL };
  g_autoptr(LcsCertInfo) info = info_new ("lcs.contoso.com", sans);
  g_autoptr(LcsCertInfo) deep_info = info_new ("lcs.pool.contoso.com", deep_sans);
  g_autoptr(GPtrArray) findings = check_at (profile, info, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) deep_findings = check_at (deep, deep_info, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) coverage = lcs_cert_coverage (profile, info, NULL);
  const LcsFinding *missing;

  g_assert_cmpuint (findings->len, ==, 0);
  /* An exact entry is named before a wildcard that also matches. */
  g_assert_cmpstr (coverage_of (coverage, "lcs.contoso.com")->covered_by, ==, "lcs.contoso.com");
  g_assert_cmpstr (coverage_of (coverage, "sip.contoso.com")->covered_by, ==, "*.contoso.com");
  g_assert_cmpstr (coverage_of (coverage, "sip.fabrikam.com")->covered_by, ==, "*.fabrikam.com");

  /* The wildcard covers one label only: lcs.pool.contoso.com stays uncovered. */
  g_assert_cmpuint (certtest_count_rule (deep_findings, "cert-san-missing"), ==, 1);
  missing = certtest_find_rule (deep_findings, "cert-san-missing");
  g_assert_cmpstr (missing->name, ==, "lcs.pool.contoso.com.");
}

static void
test_san_upper_case (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  const char *const sans[] = { "LCS.CONTOSO.COM", "Sip.Contoso.Com.", "SIP.fabrikam.com", NULL };
  g_autoptr(LcsCertInfo) info = info_new ("LCS.Contoso.com", sans);
  g_autoptr(GPtrArray) findings = check_at (profile, info, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) coverage = lcs_cert_coverage (profile, info, NULL);

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpstr (coverage_of (coverage, "sip.contoso.com")->covered_by, ==, "Sip.Contoso.Com.");
}

static void
test_enterprise_members (void)
{
  g_autoptr(LcsProfile) profile = enterprise_profile ();
  const char *const own[] = { "pool.contoso.com", "fe1.contoso.com", "sip.contoso.com", NULL };
  const char *const no_member[] = { "pool.contoso.com", "sip.contoso.com", NULL };
  g_autoptr(LcsCertInfo) fe1 = info_new ("pool.contoso.com", own);
  g_autoptr(LcsCertInfo) bare = info_new ("pool.contoso.com", no_member);
  g_autoptr(GPtrArray) fe1_findings = check_at (profile, fe1, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) bare_findings = check_at (profile, bare, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) coverage = lcs_cert_coverage (profile, fe1, NULL);

  /* fe1's own certificate need not name fe2. */
  g_assert_cmpuint (fe1_findings->len, ==, 0);
  g_assert_true (coverage_of (coverage, "fe1.contoso.com")->required);
  g_assert_false (coverage_of (coverage, "fe2.contoso.com")->required);
  g_assert_null (coverage_of (coverage, "fe2.contoso.com")->covered_by);
  /* A certificate that names no member server names none of its own. */
  g_assert_cmpuint (certtest_count_rule (bare_findings, "cert-san-missing"), ==, 2);
  g_assert_cmpuint (bare_findings->len, ==, 2);
}

static void
test_subject (void)
{
  g_autoptr(LcsProfile) standard = certtest_standard_profile ("suffix");
  g_autoptr(LcsProfile) enterprise = enterprise_profile ();
  const char *const std_sans[] = { "lcs.contoso.com", "sip.fabrikam.com", NULL };
  const char *const ent_sans[] = { "pool.contoso.com", "fe1.contoso.com", "sip.contoso.com", NULL };
  static const struct { gboolean enterprise; const char *cn; guint expected; } cases[] = {
    { FALSE, "lcs.contoso.com", 0 },
    { FALSE, "LCS.Contoso.com.", 0 },
    { FALSE, "sip.contoso.com", 1 },
    { FALSE, NULL, 1 },
    { TRUE, "pool.contoso.com", 0 },
    { TRUE, "fe1.contoso.com", 1 },
    { TRUE, "*.contoso.com", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LcsProfile *profile = cases[i].enterprise ? enterprise : standard;
      g_autoptr(LcsCertInfo) info = info_new (cases[i].cn, cases[i].enterprise ? ent_sans : std_sans);
      g_autoptr(GPtrArray) findings = check_at (profile, info, CERTTEST_INSIDE);
      const LcsFinding *finding = certtest_find_rule (findings, "cert-subject");

      g_test_message ("CN %s", cases[i].cn ? cases[i].cn : "(none)");
      g_assert_cmpuint (findings->len, ==, cases[i].expected);
      g_assert_cmpuint (certtest_count_rule (findings, "cert-subject"), ==, cases[i].expected);
      if (finding != NULL)
        {
          g_assert_nonnull (strstr (finding->fix, profile->pool));
          g_assert_null (strchr (finding->message, '\n'));
        }
    }
}

static void
test_validity (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("suffix");
  const char *const sans[] = { "lcs.contoso.com", "sip.fabrikam.com", NULL };
  g_autoptr(LcsCertInfo) info = info_new ("lcs.contoso.com", sans);
  static const struct { const char *now, *words; } cases[] = {
    { CERTTEST_INSIDE, NULL },
    { CERTTEST_VALID_FROM, NULL },
    { CERTTEST_VALID_UNTIL, NULL },
    { "2019-12-31T23:59:59Z", "not valid yet" },
    { "2030-01-01T00:00:01Z", "expired" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = check_at (profile, info, cases[i].now);
      const LcsFinding *finding = certtest_find_rule (findings, "cert-validity");

      g_test_message ("now %s", cases[i].now);
      g_assert_cmpuint (findings->len, ==, cases[i].words != NULL ? 1 : 0);
      if (cases[i].words != NULL)
        {
          g_assert_nonnull (finding);
          g_assert_nonnull (strstr (finding->message, cases[i].words));
          g_assert_cmpint (finding->severity, ==, LCS_SEVERITY_ERROR);
        }
    }
}

/* A SAN list whose request text is exactly @length characters: realistic host names, the last
 * one padded. */
static LcsCertInfo *
info_with_san_length (gsize length)
{
  LcsCertInfo *info = info_new ("lcs.contoso.com", NULL);
  gsize text = 0;
  g_autofree char *check = NULL;
  GString *last;

  g_ptr_array_add (info->dns_names, g_strdup ("lcs.contoso.com"));
  g_ptr_array_add (info->dns_names, g_strdup ("sip.fabrikam.com"));
  text = strlen ("dns=lcs.contoso.com&dns=sip.fabrikam.com");
  for (guint i = 0; text + 100 < length; i++)
    {
      char *name = g_strdup_printf ("sip.domain%04u.contoso.com", i);

      text += strlen ("&dns=") + strlen (name);
      g_ptr_array_add (info->dns_names, name);
    }
  last = g_string_new ("sip.");
  while (text + strlen ("&dns=") + last->len + strlen (".contoso.com") < length)
    g_string_append_c (last, 'x');
  g_string_append (last, ".contoso.com");
  g_ptr_array_add (info->dns_names, g_string_free (last, FALSE));

  check = lcs_cert_san_text (info);
  g_assert_cmpuint (strlen (check), ==, length);
  return info;
}

static void
test_san_length (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("suffix");
  static const struct { gsize length; gboolean fires; LcsSeverity severity; } cases[] = {
    { LCS_CERT_SAN_NEAR - 1, FALSE, 0 },
    { LCS_CERT_SAN_NEAR, TRUE, LCS_SEVERITY_WARNING },
    { LCS_CERT_SAN_LIMIT, TRUE, LCS_SEVERITY_WARNING },
    { LCS_CERT_SAN_LIMIT + 1, TRUE, LCS_SEVERITY_ERROR },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LcsCertInfo) info = info_with_san_length (cases[i].length);
      g_autoptr(GPtrArray) findings = check_at (profile, info, CERTTEST_INSIDE);
      const LcsFinding *finding = certtest_find_rule (findings, "cert-san-length");

      g_test_message ("SAN text of %" G_GSIZE_FORMAT " characters", cases[i].length);
      g_assert_cmpuint (findings->len, ==, cases[i].fires ? 1 : 0);
      if (cases[i].fires)
        g_assert_cmpint (finding->severity, ==, cases[i].severity);
    }
}

static void
test_report (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  const char *const sans[] = { "lcs.contoso.com", NULL };
  g_autoptr(LcsCertInfo) info = info_new ("sip.contoso.com", sans);
  g_autoptr(GDateTime) now = certtest_date ("2031-01-01T00:00:00Z");
  g_autoptr(LcsReport) report = lcs_cert_check_report (profile, info, NULL, now);
  g_autoptr(GPtrArray) findings = lcs_cert_check (profile, info, NULL, now);
  guint errors = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((LcsFinding *) findings->pdata[i])->severity == LCS_SEVERITY_ERROR)
      errors++;
  g_assert_cmpint (report->kind, ==, LCS_SOURCE_CERT);
  g_assert_cmpuint (report->files->len, ==, 1);
  g_assert_cmpstr (report->files->pdata[0], ==, "test.pem");
  /* Two names missing, the subject, the validity. */
  g_assert_cmpuint (report->findings->len, ==, 4);
  g_assert_cmpuint (report->findings->len, ==, findings->len);
  g_assert_cmpuint (report->errors, ==, errors);
  g_assert_cmpuint (report->warnings, ==, 1);
  for (guint i = 1; i < report->findings->len; i++)
    g_assert_cmpint (lcs_finding_compare (&report->findings->pdata[i - 1],
                                          &report->findings->pdata[i]), <=, 0);
}

/* The console checks while the profile is still being filled in. */
static void
test_incomplete_profile (void)
{
  g_autoptr(LcsProfile) empty = lcs_profile_new ();
  g_autoptr(LcsProfile) domains_only = certtest_profile_new ("domains", "contoso.com", NULL);
  const char *const sans[] = { "sip.contoso.com", NULL };
  g_autoptr(LcsCertInfo) info = info_new ("lcs.contoso.com", sans);
  g_autoptr(GPtrArray) none = check_at (empty, info, CERTTEST_INSIDE);
  g_autoptr(GPtrArray) expired = check_at (empty, info, "2031-01-01T00:00:00Z");
  g_autoptr(GPtrArray) covered = check_at (domains_only, info, CERTTEST_INSIDE);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (expired->len, ==, 1);
  g_assert_null (certtest_find_rule (expired, "cert-validity")->name);
  g_assert_cmpuint (covered->len, ==, 0);
}

/* Loading real files. */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cert/match/wildcard-and-case", test_match_wildcard);
  g_test_add_func ("/cert/required/standard", test_required_standard);
  g_test_add_func ("/cert/required/enterprise", test_required_enterprise);
  g_test_add_func ("/cert/required/lync", test_required_lync);
  g_test_add_func ("/cert/required/fallback", test_required_fallback);
  g_test_add_func ("/cert/san-missing/exact-set", test_san_missing_exact_set);
  g_test_add_func ("/cert/san-missing/wildcard", test_san_missing_wildcard);
  g_test_add_func ("/cert/san-missing/upper-case", test_san_upper_case);
  g_test_add_func ("/cert/san-missing/enterprise-members", test_enterprise_members);
  g_test_add_func ("/cert/subject", test_subject);
  g_test_add_func ("/cert/validity", test_validity);
  g_test_add_func ("/cert/san-length", test_san_length);
  g_test_add_func ("/cert/report", test_report);
  g_test_add_func ("/cert/incomplete-profile", test_incomplete_profile);

  return g_test_run ();
}
