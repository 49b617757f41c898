/* The live check end to end: LcsLookup against BIND 9 serving the fixture zones and against
 * the fault responder, then lcs_check_observations. Each DNS-only rule has a case here. */
#include <gio/gio.h>
#include <string.h>
#include <lcsdns/check/check.h>

#include "lcs-lookup.h"
#include "livecheck.h"

static Fixture *fixture;

/* How long a run may take. A loaded 2-core machine adds a second or two at worst; each regression
 * these bounds guard against (questions held for a timeout they did not need, asked one after
 * another, c-ares' own 5 s timeout, a cancel that waits for its questions) takes several times
 * longer, so a bound between the two fails only on the regression. */
#define MAX_RUN_MS 8000
/* The per-try timeout against a server that answers with an error: a loaded responder answers
 * well within it, so the failure is named by the answer (SERVFAIL, REFUSED), never by a timeout;
 * and a run that waited for the timeout once breaks MAX_RUN_MS. (c-ares drops a reply it cannot
 * parse and waits on, so those servers get the short timeout of a silent one.) */
#define ANSWERED_TIMEOUT_MS MAX_RUN_MS

static LcsReport *
check_live (const LcsProfile *profile,
            const char       *internal,
            const char       *external,
            guint             timeout_ms,
            gint64           *elapsed_ms)
{
  return live_check (fixture, profile, internal, external, timeout_ms, 0, elapsed_ms);
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

/* Each mistake of docs/spec.md §5, published in a zone, is found by the probes. */
static void
test_misplaced (gconstpointer data)
{
  const Misplaced *m = data;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", m->domain, FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  const LcsFinding *finding = live_find (report, "record-misplaced", m->owner);

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, m->intended));
  g_assert_cmpuint (live_count (report, "dns-lookup-failed"), ==, 0);
}

static void
test_wildcard (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "wild.test", FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  g_autoptr(LcsProfile) tame = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) tame_report = check_live (tame, "internal", NULL, 1000, NULL);

  g_assert_nonnull (live_find (report, "dns-wildcard", NULL));
  g_assert_null (live_find (tame_report, "dns-wildcard", NULL));
}

static void
test_target_cname (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "cname.test", FALSE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", NULL, 1000, NULL);
  const LcsFinding *finding = live_find (report, "srv-target-cname",
                                            "_sipinternaltls._tcp.cname.test.");

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "lcs.cname.test."));
}

static void
test_split_view (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "leak.test", TRUE);
  g_autoptr(LcsReport) report = check_live (profile, "internal", "external", 1000, NULL);
  const LcsFinding *finding = live_find (report, "dns-split-view",
                                            "_sipinternaltls._tcp.leak.test.");

  g_assert_nonnull (finding);
  g_assert_cmpint (finding->view, ==, LCS_VIEW_EXTERNAL);
}

typedef struct {
  const char *server;
  LcsAnswer   answer;
  guint       timeout_ms;  /* per try */
} Failure;

static const Failure failures[] = {
  { "servfail", LCS_ANSWER_SERVFAIL, ANSWERED_TIMEOUT_MS },
  { "refused", LCS_ANSWER_REFUSED, ANSWERED_TIMEOUT_MS },
  { "timeout", LCS_ANSWER_TIMEOUT, 300 },
  { "closed", LCS_ANSWER_UNREACHABLE, 300 },
  { "garbage", LCS_ANSWER_BAD_REPLY, 300 },
  { "zero", LCS_ANSWER_BAD_REPLY, 300 },
  { "malformed", LCS_ANSWER_BAD_REPLY, 300 },
};

/* A whole check against a failing server ends within MAX_RUN_MS and every question is reported
 * as failed, named by its status. A silent server costs timeout × tries (600 ms) with every
 * question in flight at once; one after another, about 50 questions would take 30 s. */
static void
test_failed (gconstpointer data)
{
  const Failure *failure = data;
  const guint timeout_ms = failure->timeout_ms;
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  gint64 ms;
  /* Linux sends at most 50 ICMP errors in a burst: past that, a closed port looks silent. A
   * few questions in flight and the server is given up as unreachable before that. */
  guint max_inflight = g_str_equal (failure->server, "closed") ? 8 : 0;
  g_autoptr(LcsReport) report = live_check (fixture, profile, failure->server, NULL,
                                            timeout_ms, max_inflight, &ms);
  const char *status = lcs_answer_to_string (failure->answer);
  guint i, failed = 0;

  g_test_message ("%s: %" G_GINT64_FORMAT " ms", failure->server, ms);
  g_assert_cmpint (ms, <, MAX_RUN_MS);
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
  for (i = 0; i < report->results->len; i++)
    g_assert_cmpint (((LcsRecordResult *) report->results->pdata[i])->status, ==,
                     LCS_STATUS_FAILED);
}

/* SERVFAIL from the first server: the question goes to the next one. */
static void
test_failover (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = live_servers (fixture, "servfail,timeout,internal");
  LcsLookupOptions options = { servers, NULL, 200, 2, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  g_autoptr(GPtrArray) asked = NULL;
  g_autoptr(LcsReport) report = NULL;
  LiveRun run = { 0 };
  guint i;

  lcs_lookup_run_async (lookup, NULL, live_on_done, &run);
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
  g_assert_cmpuint (live_count (report, "dns-lookup-failed"), ==, 0);
  g_assert_cmpuint (report->errors, ==, 0);
  live_run_clear (&run);
}

static void
count_failure (const char *name,
               guint16     type,
               LcsAnswer   answer,
               const char *server,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A silent server is given up after a few questions: the rest are not each held for
 * timeout × tries. 4 in flight, 1 s, one try: given up after a few rounds, about 3 s; without
 * that, about 50 questions would take 13 s. */
static void
test_dead_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) report = NULL;
  LiveRun run = { 0 };
  gint64 ms = live_run (fixture, profile, "timeout", NULL, 1000, 1, 4, &run);
  guint n_failed = 0;
  guint i;

  g_test_message ("%" G_GINT64_FORMAT " ms", ms);
  g_assert_no_error (run.error);
  g_assert_cmpint (ms, <, MAX_RUN_MS);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  /* Every question failed, and the report says so in one line per server and status. */
  lcs_observations_foreach_failure (run.obs, LCS_VIEW_INTERNAL, count_failure, &n_failed);
  g_assert_cmpuint (n_failed, >, 40);
  g_assert_cmpuint (live_count (report, "dns-lookup-failed"), ==, 1);
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = report->findings->pdata[i];
      if (g_str_equal (finding->rule->id, "dns-lookup-failed"))
        g_assert_nonnull (strstr (finding->message, "timeout"));
    }
  live_run_clear (&run);
}

/* A dead first server: after a few questions, the rest go straight to the second. */
static void
test_dead_first_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_autoptr(LcsReport) report = NULL;
  LiveRun run = { 0 };
  gint64 ms = live_run (fixture, profile, "timeout,internal", NULL, 1000, 1, 4, &run);

  g_test_message ("%" G_GINT64_FORMAT " ms", ms);
  g_assert_no_error (run.error);
  g_assert_cmpint (ms, <, MAX_RUN_MS);
  report = lcs_check_observations (profile, run.obs, LCS_SOURCE_LIVE);
  g_assert_cmpuint (live_count (report, "dns-lookup-failed"), ==, 0);
  g_assert_cmpuint (report->errors, ==, 0);
  live_run_clear (&run);
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancel ends a run against a silent server at once, not when its questions time out. */
static void
test_cancel (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = live_servers (fixture, "timeout");
  LcsLookupOptions options = { servers, NULL, 2 * MAX_RUN_MS, 2, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LiveRun run = { 0 };
  gint64 cancelled_at;

  lcs_lookup_run_async (lookup, cancellable, live_on_done, &run);
  g_timeout_add (100, on_cancel_timeout, cancellable);
  while (!g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  cancelled_at = g_get_monotonic_time ();
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("ended %" G_GINT64_FORMAT " ms after cancel", fixture_elapsed_ms (cancelled_at));
  g_assert_cmpint (fixture_elapsed_ms (cancelled_at), <, MAX_RUN_MS);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.obs);
  live_run_clear (&run);
}

static void
test_bad_server (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  char *servers[] = { (char *) "dns.example.com", NULL };
  LcsLookupOptions options = { servers, NULL, 0, 0, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  LiveRun run = { 0 };

  lcs_lookup_run_async (lookup, NULL, live_on_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (run.obs);
  g_assert_nonnull (run.error);
  g_assert_nonnull (strstr (run.error->message, "dns.example.com"));
  live_run_clear (&run);
}

int
main (int argc, char **argv)
{
  int status;
  gsize i;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
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
  g_test_add_func ("/live/failover", test_failover);
  g_test_add_func ("/live/dead-server", test_dead_server);
  g_test_add_func ("/live/dead-first-server", test_dead_first_server);
  g_test_add_func ("/live/cancel", test_cancel);
  g_test_add_func ("/live/bad-server", test_bad_server);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
