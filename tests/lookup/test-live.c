/* The live check end to end: LcsLookup against BIND 9 serving the fixture zones and against
 * the fault responder, then lcs_check_observations. Each DNS-only rule has a case here. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <lcsdns/check.h>
#include <lcsdns/zone.h>

#include "fixture.h"
#include "lcs-lookup.h"

static Fixture *fixture;
/* The servers named in a test: the fixture's, or another set's while a test needs it. */
static Fixture *server_set;

typedef struct {
  LcsObservations *obs;
  GError          *error;
  gboolean         done;
  guint            progress_calls;
  guint            last_answered;
  guint            last_asked;
} Run;

static void
on_lookup_progress (LcsLookup *lookup,
                    guint      answered,
                    guint      asked,
                    gpointer   user_data)
{
  Run *run = user_data;

  g_assert_cmpuint (answered, <=, asked);
  g_assert_cmpuint (answered, >, run->last_answered);
  run->progress_calls++;
  run->last_answered = answered;
  run->last_asked = asked;
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->obs = lcs_lookup_run_finish (LCS_LOOKUP (source), result, &run->error);
  run->done = TRUE;
}

static char **
servers_of (const char *names)
{
  g_auto(GStrv) whiches = names ? g_strsplit (names, ",", -1) : NULL;
  GPtrArray *list = g_ptr_array_new ();
  guint i;

  for (i = 0; whiches != NULL && whiches[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (fixture_server (server_set, whiches[i])));
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/* Runs a lookup of @profile against the fixture servers named in @internal and @external
 * (comma-separated fixture names). Returns the elapsed milliseconds. */
static gint64
run_lookup_with (const LcsProfile *profile,
                 const char       *internal,
                 const char       *external,
                 guint             timeout_ms,
                 guint             tries,
                 guint             max_inflight,
                 Run              *run)
{
  g_auto(GStrv) internal_servers = servers_of (internal);
  g_auto(GStrv) external_servers = servers_of (external);
  LcsLookupOptions options = { internal_servers, external_servers, timeout_ms, tries,
                               max_inflight };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (lookup, "progress", G_CALLBACK (on_lookup_progress), run);
  lcs_lookup_run_async (lookup, NULL, on_lookup_done, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  if (run->error == NULL)
    {
      g_assert_cmpuint (run->last_answered, ==, lcs_lookup_get_asked (lookup));
      g_assert_cmpuint (lcs_lookup_get_answered (lookup), ==, lcs_lookup_get_asked (lookup));
    }
  return fixture_elapsed_ms (start);
}

static void
run_clear (Run *run)
{
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

static LcsReport *
check_live_full (const LcsProfile *profile,
                 const char       *internal,
                 const char       *external,
                 guint             timeout_ms,
                 guint             max_inflight,
                 gint64           *elapsed_ms)
{
  Run run = { 0 };
  gint64 ms = run_lookup_with (profile, internal, external, timeout_ms, 2, max_inflight, &run);
  LcsReport *report;

  g_assert_no_error (run.error);
  g_assert_nonnull (run.obs);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  log_report (report);
  if (elapsed_ms != NULL)
    *elapsed_ms = ms;
  run_clear (&run);
  return report;
}

static LcsReport *
check_live (const LcsProfile *profile,
            const char       *internal,
            const char       *external,
            guint             timeout_ms,
            gint64           *elapsed_ms)
{
  return check_live_full (profile, internal, external, timeout_ms, 0, elapsed_ms);
}

static LcsReport *
check_live_with (const LcsProfile *profile,
                 const char       *internal,
                 guint             timeout_ms,
                 guint             max_inflight,
                 gint64           *elapsed_ms)
{
  return check_live_full (profile, internal, NULL, timeout_ms, max_inflight, elapsed_ms);
}

static const LcsFinding *
find_finding (const LcsReport *report,
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

static guint
count_rule (const LcsReport *report,
            const char      *rule)
{
  guint i, n = 0;

  for (i = 0; i < report->findings->len; i++)
    n += g_str_equal (((LcsFinding *) report->findings->pdata[i])->rule->id, rule);
  return n;
}

static void
test_correct (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", TRUE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", "external", 1000, NULL);
  guint i;

  g_assert_cmpuint (report->errors, ==, 0);
  g_assert_cmpuint (report->warnings, ==, 0);
  g_assert_cmpuint (report->results->len, >, 0);
  for (i = 0; i < report->results->len; i++)
    g_assert_cmpint (((LcsRecordResult *) report->results->pdata[i])->status, ==,
                     LCS_STATUS_OK);
}

typedef struct {
  const char *domain;
  const char *owner;      /* where the zone has the record */
  const char *intended;   /* where clients look for it */
} Misplaced;

static const Misplaced misplaced[] = {
  { "split.test", "_sipinternaltls._tcp._tcp.split.test.", "_sipinternaltls._tcp.split.test." },
  { "dominsvc.test", "_sipinternaltls._tcp.dominsvc.test._tcp.dominsvc.test.",
    "_sipinternaltls._tcp.dominsvc.test." },
  { "doubled.test", "_sipinternaltls._tcp.doubled.test.doubled.test.",
    "_sipinternaltls._tcp.doubled.test." },
  { "nounder.test", "sipinternaltls._tcp.nounder.test.", "_sipinternaltls._tcp.nounder.test." },
  { "joined.test", "_sip_tls.joined.test.", "_sip._tls.joined.test." },
  { "otherproto.test", "_sipinternaltls._tls.otherproto.test.",
    "_sipinternaltls._tcp.otherproto.test." },
};

/* Each mistake of SPEC §5, published in a zone, is found by the probes. */
static void
test_misplaced (gconstpointer data)
{
  const Misplaced *m = data;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", m->domain, FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  const LcsFinding *finding = find_finding (report, "record-misplaced", m->owner);

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, m->intended));
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), ==, 0);
}

static void
test_wildcard (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "wild.test", FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  g_autoptr(LcsProfile) tame = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) tame_report = check_live (tame, "internal", NULL, 1000, NULL);

  g_assert_nonnull (find_finding (report, "dns-wildcard", NULL));
  g_assert_null (find_finding (tame_report, "dns-wildcard", NULL));
}

static void
test_target_cname (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "cname.test", FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  const LcsFinding *finding = find_finding (report, "srv-target-cname",
                                            "_sipinternaltls._tcp.cname.test.");

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "lcs.cname.test."));
}

static void
test_split_view (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "leak.test", TRUE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", "external", 1000, NULL);
  const LcsFinding *finding = find_finding (report, "dns-split-view",
                                            "_sipinternaltls._tcp.leak.test.");

  g_assert_nonnull (finding);
  g_assert_cmpint (finding->view, ==, LCS_VIEW_EXTERNAL);
}

typedef struct {
  const char *server;
  LcsAnswer   answer;
} Failure;

static const Failure failures[] = {
  { "servfail", LCS_ANSWER_SERVFAIL },
  { "refused", LCS_ANSWER_REFUSED },
  { "timeout", LCS_ANSWER_TIMEOUT },
  { "closed", LCS_ANSWER_UNREACHABLE },
  { "garbage", LCS_ANSWER_BAD_REPLY },
  { "zero", LCS_ANSWER_BAD_REPLY },
  { "malformed", LCS_ANSWER_BAD_REPLY },
};

/* A whole check against a failing server ends within timeout × tries (+ margin) and every
 * question is reported as failed, named by its status. */
static void
test_failed (gconstpointer data)
{
  const Failure *failure = data;
  const guint timeout_ms = 300;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  gint64 ms;
  /* Linux sends at most 50 ICMP errors in a burst: past that, a closed port looks silent. A
   * few questions in flight and the server is given up as unreachable before that. */
  guint max_inflight = g_str_equal (failure->server, "closed") ? 8 : 0;
  g_autoptr(LcsReport) report = check_live_with (profile, failure->server, timeout_ms,
                                                 max_inflight, &ms);
  const char *status = lcs_answer_to_string (failure->answer);
  guint i, failed = 0;

  g_test_message ("%s: %" G_GINT64_FORMAT " ms", failure->server, ms);
  g_assert_cmpint (ms, <, timeout_ms * 2 + 400);
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      if (g_str_equal (finding->rule->id, "dns-lookup-failed"))
        {
          g_assert_nonnull (strstr (finding->message, status));
          failed++;
        }
    }
  g_assert_cmpuint (failed, >, 0);
  g_assert_nonnull (find_finding (report, "dns-lookup-failed", "_sipinternaltls._tcp.good.test."));
  for (i = 0; i < report->results->len; i++)
    g_assert_cmpint (((LcsRecordResult *) report->results->pdata[i])->status, ==,
                     LCS_STATUS_FAILED);
}

/* SERVFAIL from the first server: the question goes to the next one. */
static void
test_failover (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = servers_of ("servfail,timeout,internal");
  LcsLookupOptions options = { servers, NULL, 200, 2, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  g_autoptr(GPtrArray) asked = NULL;
  g_autoptr(LcsReport) report = NULL;
  Run run = { 0 };
  guint i;

  lcs_lookup_run_async (lookup, NULL, on_lookup_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (run.error);
  asked = lcs_lookup_get_servers (lookup);
  g_assert_cmpuint (asked->len, ==, 3);
  for (i = 0; i < asked->len; i++)
    g_assert_true (g_str_has_prefix (asked->pdata[i], servers[i]));
  g_assert_cmpint (lcs_observations_answer (run.obs, LCS_VIEW_INTERNAL,
                                            "_sipinternaltls._tcp.good.test.", LCS_TYPE_SRV),
                   ==, LCS_ANSWER_DATA);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), ==, 0);
  g_assert_cmpuint (report->errors, ==, 0);
  run_clear (&run);
}

/* A silent server is given up after a few questions: the rest are not each held for
 * timeout × tries. 4 in flight, 200 ms, one try: without that, about 50 questions would take
 * 2.5 s. */
static void
test_dead_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) report = NULL;
  Run run = { 0 };
  gint64 ms = run_lookup_with (profile, "timeout", NULL, 200, 1, 4, &run);
  guint i;

  g_test_message ("%" G_GINT64_FORMAT " ms", ms);
  g_assert_no_error (run.error);
  g_assert_cmpint (ms, <, 1000);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), >, 40);
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      if (g_str_equal (finding->rule->id, "dns-lookup-failed"))
        g_assert_nonnull (strstr (finding->message, "timeout"));
    }
  run_clear (&run);
}

/* A dead first server: after a few questions, the rest go straight to the second. */
static void
test_dead_first_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) report = NULL;
  Run run = { 0 };
  gint64 ms = run_lookup_with (profile, "timeout,internal", NULL, 200, 1, 4, &run);

  g_test_message ("%" G_GINT64_FORMAT " ms", ms);
  g_assert_no_error (run.error);
  g_assert_cmpint (ms, <, 1000);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (count_rule (report, "dns-lookup-failed"), ==, 0);
  g_assert_cmpuint (report->errors, ==, 0);
  run_clear (&run);
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancel ends a run against a silent server at once. */
static void
test_cancel (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = servers_of ("timeout");
  LcsLookupOptions options = { servers, NULL, 1500, 2, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };
  gint64 cancelled_at;

  lcs_lookup_run_async (lookup, cancellable, on_lookup_done, &run);
  g_timeout_add (100, on_cancel_timeout, cancellable);
  while (!g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  cancelled_at = g_get_monotonic_time ();
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("ended %" G_GINT64_FORMAT " ms after cancel", fixture_elapsed_ms (cancelled_at));
  g_assert_cmpint (fixture_elapsed_ms (cancelled_at), <, 200);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.obs);
  run_clear (&run);
}

static void
test_bad_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  char *servers[] = { (char *) "dns.example.com", NULL };
  LcsLookupOptions options = { servers, NULL, 0, 0, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  Run run = { 0 };

  lcs_lookup_run_async (lookup, NULL, on_lookup_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (run.obs);
  g_assert_nonnull (run.error);
  g_assert_nonnull (strstr (run.error->message, "dns.example.com"));
  run_clear (&run);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* "rule view name: message" of every finding, sorted; record statuses likewise. */
static char *
describe_report (const LcsReport *report)
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

static void
load_view (LcsObservations  *obs,
           const LcsProfile *profile,
           LcsView           view)
{
  guint i;

  for (i = 0; i < profile->domains->len; i++)
    {
      const char *domain = profile->domains->pdata[i];
      g_autofree char *file = g_strdup_printf ("%s.db", domain);
      g_autofree char *path = g_build_filename (g_getenv ("LCS_LOOKUP_ZONES"),
                                                lcs_view_to_string (view), file, NULL);
      g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_zone_load (obs, view, path, domain, syntax, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (syntax->len, ==, 0);
    }
}

/* The fixture deployment checked live gives the findings of its zone files checked offline. */
static void
test_same_as_zone (gconstpointer data)
{
  const char *domains = data;
  gboolean edge = strstr (domains, "leak") != NULL;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", domains, edge);
  g_autoptr(LcsReport) live = check_live (profile, "internal", edge ? "external" : NULL, 1000,
                                          NULL);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) offline = NULL;
  g_autofree char *live_text = NULL;
  g_autofree char *offline_text = NULL;

  load_view (obs, profile, LCS_VIEW_INTERNAL);
  if (edge)
    load_view (obs, profile, LCS_VIEW_EXTERNAL);
  offline = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  live_text = describe_report (live);
  offline_text = describe_report (offline);
  g_test_message ("offline:\n%s", offline_text);
  g_assert_cmpuint (live->findings->len, >, 0);
  g_assert_cmpstr (live_text, ==, offline_text);
}

/* The demo's zone files as BIND reads them: no aging tokens, no CRs. */
static void
convert_demo_zone (const char *from,
                   const char *to)
{
  g_autoptr(GRegex) windows = g_regex_new ("\\[AGE:[0-9]+\\]|\r", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *bind = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &text, NULL, &error);
  g_assert_no_error (error);
  bind = g_regex_replace_literal (windows, text, -1, 0, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, bind, -1, &error);
  g_assert_no_error (error);
}

static char *
convert_demo_zones (void)
{
  static const char *const views[] = { "internal", "external" };
  static const char *const zones[] = { "contoso.com", "fabrikam.com" };
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lcsdns-demo-XXXXXX", &error);
  gsize v, z;

  g_assert_no_error (error);
  for (v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *view_dir = g_build_filename (dir, views[v], NULL);

      g_assert_cmpint (g_mkdir (view_dir, 0700), ==, 0);
      for (z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          g_autofree char *name = g_strdup_printf ("%s.dns", zones[z]);
          g_autofree char *from = v == 0
            ? g_build_filename (g_getenv ("LCS_DEMO_DIR"), name, NULL)
            : g_build_filename (g_getenv ("LCS_DEMO_DIR"), "external", name, NULL);
          g_autofree char *db = g_strdup_printf ("%s.db", zones[z]);
          g_autofree char *to = g_build_filename (view_dir, db, NULL);

          convert_demo_zone (from, to);
        }
    }
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);
      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
load_demo_view (LcsObservations *obs,
                LcsView          view,
                const char      *subdir)
{
  static const char *const files[] = { "contoso.com.dns", "fabrikam.com.dns" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LCS_DEMO_DIR"), subdir, files[i], NULL);
      g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      g_autoptr(GError) error = NULL;

      g_assert_true (lcs_zone_load (obs, view, path, NULL, syntax, &error));
      g_assert_no_error (error);
    }
}

/* The bundled demo: its Windows exports read offline, and the same zones served by BIND 9 and
 * checked live, give the same findings. */
static void
test_demo_same_as_zone (void)
{
  g_autofree char *profile_path = g_build_filename (g_getenv ("LCS_DEMO_DIR"), "demo.lcsdns",
                                                    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = lcs_profile_load (profile_path, &error);
  g_autofree char *zones = convert_demo_zones ();
  const char *const extra[] = { "--no-faults", NULL };
  Fixture *demo = fixture_start (zones, extra);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) live = NULL;
  g_autoptr(LcsReport) offline = NULL;
  g_autofree char *live_text = NULL;
  g_autofree char *offline_text = NULL;

  g_assert_no_error (error);
  server_set = demo;
  live = check_live (profile, "internal", "external", 1000, NULL);
  server_set = fixture;
  fixture_stop (demo);
  remove_tree (zones);

  load_demo_view (obs, LCS_VIEW_INTERNAL, "");
  load_demo_view (obs, LCS_VIEW_EXTERNAL, "external");
  offline = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  live_text = describe_report (live);
  offline_text = describe_report (offline);
  g_test_message ("offline:\n%s", offline_text);
  g_assert_cmpuint (live->errors, >, 0);
  g_assert_cmpstr (live_text, ==, offline_text);
}

int
main (int argc, char **argv)
{
  int status;
  gsize i;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
  server_set = fixture;
  g_test_add_func ("/live/correct", test_correct);
  for (i = 0; i < G_N_ELEMENTS (misplaced); i++)
    {
      g_autofree char *path = g_strdup_printf ("/live/record-misplaced/%s", misplaced[i].domain);
      g_test_add_data_func (path, &misplaced[i], test_misplaced);
    }
  g_test_add_func ("/live/dns-wildcard", test_wildcard);
  g_test_add_func ("/live/srv-target-cname", test_target_cname);
  g_test_add_func ("/live/dns-split-view", test_split_view);
  for (i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/live/dns-lookup-failed/%s", failures[i].server);
      g_test_add_data_func (path, &failures[i], test_failed);
    }
  g_test_add_data_func ("/live/same-as-zone/mistakes",
                        "good.test,split.test,dominsvc.test,doubled.test,nounder.test,"
                        "joined.test,otherproto.test,cname.test", test_same_as_zone);
  g_test_add_data_func ("/live/same-as-zone/alias-pool", "aliaspool.test", test_same_as_zone);
  g_test_add_data_func ("/live/same-as-zone/views", "good.test,leak.test", test_same_as_zone);
  g_test_add_func ("/live/same-as-zone/demo", test_demo_same_as_zone);
  g_test_add_func ("/live/failover", test_failover);
  g_test_add_func ("/live/dead-server", test_dead_server);
  g_test_add_func ("/live/dead-first-server", test_dead_first_server);
  g_test_add_func ("/live/cancel", test_cancel);
  g_test_add_func ("/live/bad-server", test_bad_server);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
