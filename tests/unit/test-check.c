/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check on observations: each rule that DNS data decides, triggered once and with a near
 * miss. Observations are built by hand here; the zone and live suites feed real data. */
#include <glib/gstdio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/demo.h>
#include <lcsdns/zone/zone.h>
#include <string.h>

#define I LCS_VIEW_INTERNAL
#define E LCS_VIEW_EXTERNAL

static LcsProfile *
make_profile (void)
{
  LcsProfile *p = lcs_profile_new ();

  g_assert_true (lcs_profile_set (p, "domains", "contoso.com,fabrikam.com", NULL));
  g_assert_true (lcs_profile_set (p, "pool", "lcs.contoso.com", NULL));
  g_assert_true (lcs_profile_set (p, "pool-ip", "10.0.0.50", NULL));
  g_assert_true (lcs_profile_set (p, "edge", "ap.contoso.com", NULL));
  g_assert_true (lcs_profile_set (p, "edge-ip", "203.0.113.10", NULL));
  return p;
}

static void
srv (LcsObservations *obs, LcsView view, const char *owner, guint16 port, const char *target)
{
  lcs_observations_take_record (obs, view, lcs_record_new_srv (owner, 3600, 0, 0, port, target));
}

static void
a (LcsObservations *obs, LcsView view, const char *owner, const char *address)
{
  lcs_observations_take_record (obs, view, lcs_record_new_address (owner, 3600, address));
}

/* A correct deployment for the profile above, both views. */
static LcsObservations *
correct (void)
{
  LcsObservations *obs = lcs_observations_new ();

  lcs_observations_add_zone (obs, I, "contoso.com");
  lcs_observations_add_zone (obs, I, "fabrikam.com");
  lcs_observations_add_zone (obs, E, "contoso.com");
  lcs_observations_add_zone (obs, E, "fabrikam.com");
  srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
  a (obs, I, "lcs.contoso.com", "10.0.0.50");
  srv (obs, I, "_sipinternaltls._tcp.fabrikam.com", 5061, "sip.fabrikam.com");
  a (obs, I, "sip.fabrikam.com", "10.0.0.50");
  srv (obs, I, "_ldap._tcp.contoso.com", 389, "dc01.contoso.com");
  srv (obs, I, "_kerberos._udp.contoso.com", 88, "dc01.contoso.com");
  a (obs, I, "dc01.contoso.com", "10.0.0.10");
  srv (obs, E, "_sip._tls.contoso.com", 5061, "ap.contoso.com");
  a (obs, E, "ap.contoso.com", "203.0.113.10");
  srv (obs, E, "_sip._tls.fabrikam.com", 5061, "sip.fabrikam.com");
  a (obs, E, "sip.fabrikam.com", "203.0.113.10");
  return obs;
}

static guint
count_rule (const LcsReport *report, const char *rule)
{
  guint n = 0, i;

  for (i = 0; i < report->findings->len; i++)
    if (strcmp (((LcsFinding *) g_ptr_array_index (report->findings, i))->rule->id, rule) == 0)
      n++;
  return n;
}

static const LcsFinding *
rule_finding (const LcsReport *report, const char *rule)
{
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *f = g_ptr_array_index (report->findings, i);
      if (strcmp (f->rule->id, rule) == 0)
        return f;
    }
  g_error ("no %s finding", rule);
  return NULL;
}

static const LcsRecordResult *
result_for (const LcsReport *report, const char *name, LcsView view)
{
  guint i;

  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *r = g_ptr_array_index (report->results, i);
      if (strcmp (r->planned->name, name) == 0 && r->planned->view == view)
        return r;
    }
  g_error ("no result for %s", name);
  return NULL;
}

static void
test_correct (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsReport) report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *f = g_ptr_array_index (report->findings, i);
      if (f->severity != LCS_SEVERITY_INFO)
        g_error ("unexpected %s: %s", f->rule->id, f->message);
    }
  for (i = 0; i < report->results->len; i++)
    g_assert_cmpint (((LcsRecordResult *) g_ptr_array_index (report->results, i))->status, ==,
                     LCS_STATUS_OK);
  g_assert_cmpuint (count_rule (report, "fallback-a"), ==, 2);
}

static void
test_missing_and_misplaced (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  const LcsRecordResult *r;

  lcs_observations_add_zone (obs, I, "contoso.com");
  lcs_observations_add_zone (obs, I, "fabrikam.com");
  srv (obs, I, "_sipinternaltls._tcp._tcp.contoso.com", 5061, "lcs.contoso.com");
  a (obs, I, "lcs.contoso.com", "10.0.0.50");
  a (obs, I, "sip.fabrikam.com", "10.0.0.50");
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);

  r = result_for (report, "_sipinternaltls._tcp.contoso.com.", I);
  g_assert_cmpint (r->status, ==, LCS_STATUS_MISPLACED);
  g_assert_cmpstr (r->misplaced_at, ==, "_sipinternaltls._tcp._tcp.contoso.com.");
  g_assert_cmpuint (count_rule (report, "record-misplaced"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-split"), ==, 1);
  r = result_for (report, "_sipinternaltls._tcp.fabrikam.com.", I);
  g_assert_cmpint (r->status, ==, LCS_STATUS_MISSING);
  g_assert_cmpuint (count_rule (report, "record-missing"), ==, 1);
}

static void
test_every_mistyped_form_is_misplaced (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(GPtrArray) names = lcs_check_mistyped_names ("_sipinternaltls", "_tcp", "contoso.com");
  guint i;

  g_assert_cmpuint (names->len, >=, 8);
  for (i = 0; i < names->len; i++)
    {
      g_autoptr(LcsObservations) obs = correct ();
      g_autoptr(LcsReport) report = NULL;

      srv (obs, I, g_ptr_array_index (names, i), 5061, "lcs.contoso.com");
      report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
      if (count_rule (report, "record-misplaced") != 1)
        g_error ("%s not reported as misplaced", (char *) g_ptr_array_index (names, i));
    }
}

static void
test_targets (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsReport) report = NULL;

  srv (obs, I, "_sip._tls.contoso.com", 5061, "alias.contoso.com");
  lcs_observations_take_record (obs, I, lcs_record_new_alias ("alias.contoso.com", 3600,
                                                              LCS_TYPE_CNAME, "lcs.contoso.com"));
  srv (obs, I, "_sip._tcp.contoso.com", 5060, "gone.contoso.com");
  srv (obs, I, "_sipinternal._tcp.contoso.com", 5060, "old.contoso.com");
  a (obs, I, "old.contoso.com", "10.0.0.99");
  srv (obs, I, "_sipinternal._tcp.fabrikam.com", 5060, "sip.elsewhere.net");
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);

  g_assert_cmpuint (count_rule (report, "srv-target-cname"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-unresolved"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-address"), ==, 1);
  /* Outside every loaded zone: not checkable offline, not an error. */
  g_assert_cmpuint (count_rule (report, "srv-target-unchecked"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-domain"), ==, 1);
  /* The AD records of the correct zone stay untouched. */
  g_assert_cmpuint (report->errors, ==, 4);
}

static void
test_pool_vip (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsObservations) near = correct ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsReport) near_report = NULL;

  g_assert_true (lcs_profile_set (p, "edition", "enterprise", NULL));
  g_assert_true (lcs_profile_set (p, "members", "fe01.contoso.com=10.0.0.51", NULL));
  lcs_observations_add_zone (obs, I, "contoso.com");
  srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
  a (obs, I, "lcs.contoso.com", "10.0.0.51");
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (report, "pool-vip"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-address"), ==, 0);

  near_report = lcs_check_observations (p, near, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (near_report, "pool-vip"), ==, 0);
}

static void
test_host_per_domain (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;

  lcs_observations_add_zone (obs, I, "contoso.com");
  lcs_observations_add_zone (obs, I, "fabrikam.com");
  srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
  a (obs, I, "lcs.contoso.com", "10.0.0.50");
  srv (obs, I, "_sipinternaltls._tcp.fabrikam.com", 5061, "sip.fabrikam.com");
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (report, "host-per-domain"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-unresolved"), ==, 1);
}

static void
test_duplicate_signin (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsObservations) same_pool = correct ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsReport) near = NULL;

  srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "pool2.contoso.com");
  a (obs, I, "pool2.contoso.com", "10.0.0.60");
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (report, "srv-duplicate-signin"), ==, 1);
  /* Few targets: all named, nothing counted. */
  g_assert_cmpstr (rule_finding (report, "srv-duplicate-signin")->message, ==,
                   "_sipinternaltls._tcp.contoso.com. points at 2 pools: lcs.contoso.com., "
                   "pool2.contoso.com.");

  /* Two names on one virtual IP are one pool. */
  srv (same_pool, I, "_sipinternaltls._tcp.contoso.com", 5061, "sip.contoso.com");
  a (same_pool, I, "sip.contoso.com", "10.0.0.50");
  near = lcs_check_observations (p, same_pool, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (near, "srv-duplicate-signin"), ==, 0);
}

/* A zone can put 200,000 targets at one owner: the message names ten distinct ones and counts
 * the rest, while the count of pools stays exact. */
static void
test_duplicate_signin_many (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsReport) report = NULL;
  const LcsFinding *finding;
  guint i;

  for (i = 1; i <= 14; i++)
    {
      g_autofree char *target = g_strdup_printf ("pool%02u.contoso.com", i);
      g_autofree char *address = g_strdup_printf ("10.0.1.%u", i);

      srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, target);
      /* A second record to the same target is named once. */
      if (i == 2)
        srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5062, target);
      /* Two targets on one address are one pool, but two names. */
      a (obs, I, target, i == 14 ? "10.0.1.13" : address);
    }
  report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (report, "srv-duplicate-signin"), ==, 1);
  finding = rule_finding (report, "srv-duplicate-signin");
  g_assert_cmpstr (finding->message, ==,
                   "_sipinternaltls._tcp.contoso.com. points at 14 pools: lcs.contoso.com., "
                   "pool01.contoso.com., pool02.contoso.com., pool03.contoso.com., "
                   "pool04.contoso.com., pool05.contoso.com., pool06.contoso.com., "
                   "pool07.contoso.com., pool08.contoso.com., pool09.contoso.com. and 5 more");
  g_assert_cmpstr (finding->fix, ==, "keep only the record for lcs.contoso.com");
}

static void
test_live_statuses (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsObservations) clean = correct ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsReport) near = NULL;

  lcs_observations_set_answer (obs, I, "_sipinternaltls._tcp.fabrikam.com", LCS_TYPE_SRV,
                               LCS_ANSWER_SERVFAIL, "127.0.0.1:5300");
  lcs_observations_set_wildcard (obs, E, "contoso.com", "x7q2.contoso.com");
  report = lcs_check_observations (p, obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), ==, 1);
  g_assert_cmpuint (count_rule (report, "dns-wildcard"), ==, 1);
  g_assert_cmpint (result_for (report, "_sipinternaltls._tcp.fabrikam.com.", I)->status, ==,
                   LCS_STATUS_FAILED);

  lcs_observations_set_answer (clean, I, "_sipinternaltls._tcp.fabrikam.com", LCS_TYPE_SRV,
                               LCS_ANSWER_DATA, "127.0.0.1:5300");
  near = lcs_check_observations (p, clean, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (near, "dns-lookup-failed"), ==, 0);
  g_assert_cmpuint (count_rule (near, "dns-wildcard"), ==, 0);
}

/* Live answers carry no zone: a target that ends in the SIP domain twice is still one written
 * without its final dot, and the sign-in record is checked as it was meant. */
static void
test_live_relative_target (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsObservations) clean = lcs_observations_new ();
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsReport) near = NULL;
  guint i;

  srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com.contoso.com");
  a (obs, I, "lcs.contoso.com", "10.0.0.50");
  report = lcs_check_observations (p, obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "srv-target-relative"), ==, 1);
  g_assert_cmpuint (count_rule (report, "srv-target-unresolved"), ==, 0);
  g_assert_cmpuint (count_rule (report, "srv-target-domain"), ==, 0);
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);

      if (strcmp (finding->rule->id, "srv-target-relative") == 0)
        g_assert_cmpstr (finding->fix, ==, "add the final dot: lcs.contoso.com.");
      else
        g_assert_null (strstr (finding->fix ? finding->fix : "", "contoso.com.contoso.com"));
    }

  /* Near miss: a host whose first labels look like a domain, but only once. */
  srv (clean, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
  a (clean, I, "lcs.contoso.com", "10.0.0.50");
  srv (clean, I, "_ldap._tcp.contoso.com", 389, "contoso.dc01.contoso.com");
  near = lcs_check_observations (p, clean, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (near, "srv-target-relative"), ==, 0);
}

static void
test_failures_grouped (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) obs = correct ();
  g_autoptr(LcsReport) report = NULL;
  const char *names[] = { "a.contoso.com", "b.contoso.com", "c.contoso.com" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    lcs_observations_set_answer (obs, I, names[i], LCS_TYPE_A, LCS_ANSWER_TIMEOUT, "10.0.0.2");
  lcs_observations_set_answer (obs, I, "d.contoso.com", LCS_TYPE_A, LCS_ANSWER_TIMEOUT, "10.0.0.3");
  lcs_observations_set_answer (obs, I, "e.contoso.com", LCS_TYPE_A, LCS_ANSWER_REFUSED, "10.0.0.2");
  report = lcs_check_observations (p, obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), ==, 3);
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *f = g_ptr_array_index (report->findings, i);
      if (strcmp (f->name, "a.contoso.com.") == 0)
        g_assert_nonnull (strstr (f->message, "and 2 more questions at 10.0.0.2"));
    }
}

static void
test_split_view (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsObservations) leak = correct ();
  g_autoptr(LcsObservations) differ = correct ();
  g_autoptr(LcsReport) r1 = NULL;
  g_autoptr(LcsReport) r2 = NULL;

  srv (leak, E, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
  r1 = lcs_check_observations (p, leak, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (r1, "dns-split-view"), ==, 1);

  srv (differ, I, "_sip._tls.fabrikam.com", 5061, "lcs.contoso.com");
  r2 = lcs_check_observations (p, differ, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_rule (r2, "dns-split-view"), ==, 1);
}

static void
test_plan_and_entry_reports (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  g_autoptr(LcsReport) plan = lcs_check_plan (p);
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new ("contoso.com");
  g_autoptr(LcsReport) report = NULL;
  guint i;

  for (i = 0; i < plan->results->len; i++)
    g_assert_cmpint (((LcsRecordResult *) g_ptr_array_index (plan->results, i))->status, ==,
                     LCS_STATUS_PLANNED);
  g_free (entry->service);
  entry->service = g_strdup ("_sipinternaltls._tcp");
  g_free (entry->protocol);
  entry->protocol = g_strdup ("_tcp");
  report = lcs_check_entry (p, entry);
  g_assert_cmpstr (report->entry_owner, ==, "_sipinternaltls._tcp._tcp.contoso.com.");
  g_assert_cmpuint (count_rule (report, "srv-split"), ==, 1);
  /* The record to create has the fix applied. */
  g_assert_cmpuint (report->results->len, ==, 1);
  g_assert_cmpstr (((LcsRecordResult *) g_ptr_array_index (report->results, 0))->planned->name, ==,
                   "_sipinternaltls._tcp.contoso.com.");
}

/* The shape that was quadratic: many SRV records sharing one target with thousands of
 * addresses. The target's addresses are read once; the verdict is the same for every record: the
 * pool IP as the last of 3,973 addresses is found (no finding), and without it every record gets
 * srv-target-address, 1,000 listed and one line counting the other 360. */
static void
test_many_srv_one_target (void)
{
  g_autoptr(LcsProfile) p = make_profile ();
  guint with_pool;

  for (with_pool = 0; with_pool < 2; with_pool++)
    {
      g_autoptr(LcsObservations) obs = lcs_observations_new ();
      g_autoptr(LcsReport) report = NULL;
      guint i;

      lcs_observations_add_zone (obs, I, "contoso.com");
      srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "lcs.contoso.com");
      for (i = 0; i < 1360; i++)
        srv (obs, I, "_sipinternaltls._tcp.contoso.com", 5061, "pool2.contoso.com");
      for (i = 0; i < 3973; i++)
        {
          g_autofree char *address = g_strdup_printf ("10.2.%u.%u", i / 250, i % 250 + 1);
          a (obs, I, "pool2.contoso.com", address);
        }
      if (with_pool)
        a (obs, I, "pool2.contoso.com", "10.0.0.50");
      a (obs, I, "lcs.contoso.com", "10.0.0.50");
      report = lcs_check_observations (p, obs, LCS_SOURCE_ZONE);
      if (with_pool)
        g_assert_cmpuint (count_rule (report, "srv-target-address"), ==, 0);
      else
        {
          g_assert_cmpuint (count_rule (report, "srv-target-address"), ==, 1001);
          g_assert_cmpuint (report->errors, >=, 1360);
        }
    }
}

/* Findings about one subject go, with their counts; the others stay. */
static void
test_remove_findings (void)
{
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ZONE);

  lcs_report_add_finding (report, lcs_finding_new ("cert-validity", I, NULL, "expired"));
  lcs_report_add_finding (report, lcs_finding_new ("cert-subject", I, NULL, "subject"));
  lcs_report_add_finding (report, lcs_finding_new ("srv-split", I, "a.contoso.com.", "split"));
  lcs_report_add_finding (report, lcs_finding_new ("fallback-a", I, "contoso.com.", "a"));
  g_assert_cmpuint (report->errors, ==, 2);
  g_assert_cmpuint (report->warnings, ==, 1);

  lcs_report_remove_findings (report, LCS_SUBJECT_CERT);
  g_assert_cmpuint (report->findings->len, ==, 2);
  g_assert_cmpuint (report->errors, ==, 1);
  g_assert_cmpuint (report->warnings, ==, 0);
  g_assert_cmpuint (report->infos, ==, 1);
  g_assert_cmpstr (((LcsFinding *) g_ptr_array_index (report->findings, 0))->rule->id, ==,
                   "srv-split");

  lcs_report_remove_findings (report, LCS_SUBJECT_CERT);
  g_assert_cmpuint (report->findings->len, ==, 2);
}

static guint
count_missing (const LcsReport *report)
{
  guint missing = 0;

  for (guint i = 0; i < report->results->len; i++)
    if (((LcsRecordResult *) g_ptr_array_index (report->results, i))->status == LCS_STATUS_MISSING)
      missing++;
  return missing;
}

/* The offline check lists the files of both views in order; the profile's own records count as
 * part of the zones of the view they were added to, only when asked. */
static void
test_check_zones (void)
{
  g_autofree char *dir = lcs_demo_dir ();
  g_autofree char *profile_path = g_build_filename (dir, LCS_DEMO_PROFILE, NULL);
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, NULL);
  g_auto(GStrv) internal = lcs_demo_zones (dir, LCS_VIEW_INTERNAL);
  g_auto(GStrv) external = lcs_demo_zones (dir, LCS_VIEW_EXTERNAL);
  char *const *zones[2] = { internal, external };
  char missing_path[] = "/nonexistent/contoso.com.dns";
  char *const missing_file[] = { missing_path, NULL };
  char *const *missing[2] = { missing_file, NULL };
  g_autoptr(LcsReport) plain = NULL;
  g_autoptr(LcsReport) added = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(GError) error = NULL;
  const LcsRecordResult *first_missing = NULL;
  LcsView view;

  g_assert_nonnull (profile);
  plain = lcs_check_zones (profile, zones, NULL, FALSE, 0, &obs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (obs);
  g_assert_cmpuint (plain->files->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (plain->files, 0), ==, internal[0]);
  g_assert_cmpstr (g_ptr_array_index (plain->files, 2), ==, external[0]);

  for (guint i = 0; i < plain->results->len && first_missing == NULL; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (plain->results, i);

      if (result->status == LCS_STATUS_MISSING && result->planned->type == LCS_TYPE_SRV)
        first_missing = result;
    }
  g_assert_nonnull (first_missing);
  view = first_missing->planned->view;
  g_ptr_array_add (lcs_profile_records (profile, view),
                   lcs_record_new_srv (first_missing->planned->name, LCS_WINDOWS_TTL,
                                       first_missing->planned->priority,
                                       first_missing->planned->weight,
                                       first_missing->planned->port,
                                       first_missing->planned->target));
  added = lcs_check_zones (profile, zones, NULL, TRUE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_missing (added), ==, count_missing (plain) - 1);
  g_clear_pointer (&plain, lcs_report_free);
  plain = lcs_check_zones (profile, zones, NULL, FALSE, 0, NULL, &error);
  g_assert_cmpuint (count_missing (added), ==, count_missing (plain) - 1);

  /* Added to the other view, the record does not make up for the missing one. */
  {
    GPtrArray *records = lcs_profile_records (profile, view);
    LcsView other = view == LCS_VIEW_EXTERNAL ? LCS_VIEW_INTERNAL : LCS_VIEW_EXTERNAL;
    g_autoptr(LcsReport) elsewhere = NULL;

    g_ptr_array_add (lcs_profile_records (profile, other),
                     g_ptr_array_steal_index (records, records->len - 1));
    elsewhere = lcs_check_zones (profile, zones, NULL, TRUE, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_missing (elsewhere), ==, count_missing (plain));
  }

  g_assert_null (lcs_check_zones (profile, missing, NULL, FALSE, 0, NULL, &error));
  g_assert_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE);
}

static void
keep_record (const LcsRecord *record,
             gpointer         user_data)
{
  g_ptr_array_add (user_data, (gpointer) record);
}

/* The files read once (LcsZoneSet) and checked as often as the profile changes give what
 * lcs_check_zones gives, and a check leaves the set as it was: a record added for one check is
 * not in the next. */
static void
test_zone_set (void)
{
  g_autofree char *dir = lcs_demo_dir ();
  g_autofree char *profile_path = g_build_filename (dir, LCS_DEMO_PROFILE, NULL);
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, NULL);
  g_autofree char *tmp = g_dir_make_tmp ("lcs-zone-set-XXXXXX", NULL);
  g_autofree char *broken = g_build_filename (tmp, "contoso.com.dns", NULL);
  char *const broken_file[] = { broken, NULL };
  g_auto(GStrv) external = lcs_demo_zones (dir, LCS_VIEW_EXTERNAL);
  char *const *zones[2] = { broken_file, external };
  char *const *fewer[2] = { broken_file, NULL };
  g_autoptr(LcsZoneSet) set = lcs_zone_set_new ();
  g_autoptr(LcsReport) plain = NULL;
  g_autoptr(LcsReport) from_set = NULL;
  g_autoptr(LcsReport) with_record = NULL;
  g_autoptr(LcsReport) again = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(LcsObservations) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GPtrArray) handed = g_ptr_array_new ();
  const LcsRecord *sip;

  g_assert_nonnull (profile);
  /* A zone-syntax finding comes from the file: every check of the set reports it. */
  g_assert_true (g_file_set_contents (broken, "@ 3600 SOA dns1.contoso.com. hostmaster.contoso.com. 1 900 600 86400 3600\n"
                                              "lcspool A 10.0.0.999\n"
                                              "sip A 10.0.0.60\n", -1, NULL));
  g_assert_true (lcs_zone_set_read_file (set, LCS_VIEW_INTERNAL, broken, NULL, keep_record, handed, &origin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (origin, ==, "contoso.com.");
  g_assert_cmpuint (handed->len, ==, 2);
  g_assert_false (lcs_zone_set_holds (set, zones));
  for (guint i = 0; external[i] != NULL; i++)
    g_assert_true (lcs_zone_set_read_file (set, LCS_VIEW_EXTERNAL, external[i], NULL, NULL, NULL, NULL, &error));
  g_assert_true (lcs_zone_set_holds (set, zones));
  g_assert_false (lcs_zone_set_holds (set, fewer));

  plain = lcs_check_zones (profile, zones, NULL, TRUE, 0, &obs, &error);
  g_assert_no_error (error);
  from_set = lcs_check_zone_set (profile, set, TRUE, 0, NULL);
  g_assert_cmpuint (count_rule (plain, "zone-syntax"), ==, 1);
  g_assert_cmpuint (count_rule (from_set, "zone-syntax"), ==, 1);
  g_assert_cmpuint (from_set->errors, ==, plain->errors);
  g_assert_cmpuint (from_set->warnings, ==, plain->warnings);
  g_assert_cmpuint (from_set->infos, ==, plain->infos);
  g_assert_cmpuint (from_set->findings->len, ==, plain->findings->len);
  g_assert_cmpuint (count_missing (from_set), ==, count_missing (plain));
  g_assert_cmpuint (from_set->files->len, ==, plain->files->len);
  /* A copy shares the records' strings: it outlives the original, and what is added to it stays
   * out of the original. */
  copy = lcs_observations_copy (obs);
  g_assert_cmpuint (lcs_observations_count (copy), ==, lcs_observations_count (obs));
  lcs_observations_take_record (copy, LCS_VIEW_INTERNAL, lcs_record_new_address ("web.contoso.com.", 3600, "10.0.0.70"));
  g_assert_cmpuint (lcs_observations_count (copy), ==, lcs_observations_count (obs) + 1);
  g_clear_pointer (&obs, lcs_observations_free);
  g_assert_cmpstr (lcs_observations_zone_for (copy, LCS_VIEW_INTERNAL, "sip.contoso.com."), ==, "contoso.com.");
  {
    g_autoptr(GPtrArray) found = lcs_observations_lookup (copy, LCS_VIEW_INTERNAL, "SIP.contoso.com", LCS_TYPE_A);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((LcsRecord *) g_ptr_array_index (found, 0))->address, ==, "10.0.0.60");
    g_assert_cmpint (lcs_observations_answer (copy, LCS_VIEW_INTERNAL, "web.contoso.com.", LCS_TYPE_A), ==, LCS_ANSWER_DATA);
  }

  /* The pool's host, added: one record fewer missing; checked again without it, as before. */
  g_ptr_array_add (profile->records, lcs_record_new_address ("lcspool.contoso.com.", 3600, "10.0.0.50"));
  with_record = lcs_check_zone_set (profile, set, TRUE, 0, NULL);
  g_assert_cmpuint (count_missing (with_record), ==, count_missing (from_set) - 1);
  g_ptr_array_set_size (profile->records, 0);
  again = lcs_check_zone_set (profile, set, TRUE, 0, NULL);
  g_assert_cmpuint (count_missing (again), ==, count_missing (from_set));
  g_assert_cmpuint (count_rule (again, "zone-syntax"), ==, 1);
  /* The records handed while reading are the set's own, not a copy made for the call: whole
   * after more files were read into the set and it was checked three times. */
  sip = g_ptr_array_index (handed, 1);
  g_assert_cmpstr (sip->owner, ==, "sip.contoso.com.");
  g_assert_cmpstr (sip->address, ==, "10.0.0.60");

  g_unlink (broken);
  g_rmdir (tmp);
}

/* A copy of observations with many owners, indexed or not yet, answers for every owner, before
 * and after records are added to it: its owner index must be sized for the owners it holds (a
 * copy sized for its own new records only filled its table, and a lookup never ended). */
static void
test_observations_copy_many_owners (void)
{
  for (guint indexed = 0; indexed < 2; indexed++)
    {
      g_autoptr(LcsObservations) obs = lcs_observations_new ();
      g_autoptr(LcsObservations) copy = NULL;

      for (guint i = 0; i < 1000; i++)
        {
          g_autofree char *owner = g_strdup_printf ("host%u.contoso.com.", i);

          lcs_observations_take_record (obs, LCS_VIEW_INTERNAL, lcs_record_new_address (owner, 3600, "10.0.0.1"));
        }
      if (indexed)
        g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "host1.contoso.com.", LCS_TYPE_A), ==,
                         LCS_ANSWER_DATA);
      copy = lcs_observations_copy (obs);
      lcs_observations_take_record (copy, LCS_VIEW_INTERNAL, lcs_record_new_address ("web.contoso.com.", 3600, "10.0.0.2"));
      for (guint i = 0; i < 1000; i += 37)
        {
          g_autofree char *owner = g_strdup_printf ("host%u.contoso.com.", i);

          g_assert_cmpint (lcs_observations_answer (copy, LCS_VIEW_INTERNAL, owner, LCS_TYPE_A), ==, LCS_ANSWER_DATA);
        }
      g_assert_cmpint (lcs_observations_answer (copy, LCS_VIEW_INTERNAL, "web.contoso.com.", LCS_TYPE_A), ==, LCS_ANSWER_DATA);
      /* The near miss: the original never sees what was added to the copy. */
      g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "web.contoso.com.", LCS_TYPE_A), !=, LCS_ANSWER_DATA);
    }
}

/* Past the listing limit, removed findings take their unlisted count and their count line with
 * them, and come back listed from zero. */
static void
test_remove_unlisted_findings (void)
{
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ZONE);
  guint round, i;

  report->max_listed = 2;
  lcs_report_add_finding (report, lcs_finding_new ("srv-split", I, "a.contoso.com.", "split"));
  for (round = 0; round < 3; round++)
    {
      for (i = 0; i < 5; i++)
        lcs_report_add_finding (report, lcs_finding_new ("cert-validity", I, NULL, "expired"));
      lcs_report_sort (report);
      g_assert_cmpuint (report->errors, ==, 6);
      g_assert_cmpuint (report->findings->len, ==, 4);  /* srv-split, 2 listed, 1 count line */
      lcs_report_remove_findings (report, LCS_SUBJECT_CERT);
      g_assert_cmpuint (report->errors, ==, 1);
      g_assert_cmpuint (report->findings->len, ==, 1);
    }
}

/* A file named after an export ("contoso-50k.dns") is checked as the zone the admin gave it on
 * import; without that name, as its file name says. */
static void
test_check_zone_origin (void)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autofree char *dir = g_dir_make_tmp ("lcs-origin-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "contoso-50k.dns", NULL);
  char *const file[] = { path, NULL };
  char *const *zones[2] = { file, NULL };
  g_autoptr(LcsReport) named = NULL;
  g_autoptr(LcsReport) unnamed = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(LcsObservations) obs_unnamed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "@ 3600 IN SOA ns1 hostmaster 1 3600 600 86400 3600\n"
                                      "sip 3600 IN A 192.0.2.10\n", -1, NULL));
  g_assert_true (lcs_profile_set (profile, "domains", "contoso.com", &error));
  g_assert_true (lcs_profile_set (profile, "zones-internal", path, &error));

  unnamed = lcs_check_zones (profile, zones, NULL, FALSE, 0, &obs_unnamed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lcs_observations_zone_for (obs_unnamed, LCS_VIEW_INTERNAL, "sip.contoso.com."), ==, NULL);
  g_assert_cmpstr (lcs_observations_zone_for (obs_unnamed, LCS_VIEW_INTERNAL, "sip.contoso-50k."), ==, "contoso-50k.");

  g_assert_true (lcs_profile_set_zone_origin (profile, path, "contoso.com.", &error));
  /* The profile's name wins over a blanket origin. */
  named = lcs_check_zones (profile, zones, "fabrikam.com.", FALSE, 0, &obs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lcs_observations_zone_for (obs, LCS_VIEW_INTERNAL, "sip.contoso.com."), ==, "contoso.com.");
  g_assert_null (lcs_observations_zone_for (obs, LCS_VIEW_INTERNAL, "sip.fabrikam.com."));
  g_assert_cmpstr (g_ptr_array_index (named->files, 0), ==, path);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/correct", test_correct);
  g_test_add_func ("/check/missing-misplaced", test_missing_and_misplaced);
  g_test_add_func ("/check/every-mistyped-form", test_every_mistyped_form_is_misplaced);
  g_test_add_func ("/check/targets", test_targets);
  g_test_add_func ("/check/pool-vip", test_pool_vip);
  g_test_add_func ("/check/host-per-domain", test_host_per_domain);
  g_test_add_func ("/check/duplicate-signin", test_duplicate_signin);
  g_test_add_func ("/check/duplicate-signin-many", test_duplicate_signin_many);
  g_test_add_func ("/check/live-statuses", test_live_statuses);
  g_test_add_func ("/check/live-relative-target", test_live_relative_target);
  g_test_add_func ("/check/failures-grouped", test_failures_grouped);
  g_test_add_func ("/check/split-view", test_split_view);
  g_test_add_func ("/check/many-srv-one-target", test_many_srv_one_target);
  g_test_add_func ("/check/plan-entry", test_plan_and_entry_reports);
  g_test_add_func ("/check/remove-findings", test_remove_findings);
  g_test_add_func ("/check/zones", test_check_zones);
  g_test_add_func ("/check/zone-origin", test_check_zone_origin);
  g_test_add_func ("/check/zone-set", test_zone_set);
  g_test_add_func ("/check/observations-copy-many-owners", test_observations_copy_many_owners);
  g_test_add_func ("/check/remove-unlisted-findings", test_remove_unlisted_findings);
  return g_test_run ();
}
