/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LcsResolver against BIND 9 and the fault-injecting responder: every outcome of a question. */
#include <gio/gio.h>
#include <lcsdns/model/record.h>

#include "fixture.h"
#include "lcs-resolver.h"

static Fixture *fixture;

typedef struct {
  guint      calls;
  LcsAnswer  answer;
  gboolean   cancelled;
  guint      tries;
  char      *server;
  char      *canonical;
  GPtrArray *records;
  gboolean   drop_resolver;  /* unref the resolver inside the callback */
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_free (outcome->server);
  g_free (outcome->canonical);
  g_clear_pointer (&outcome->records, g_ptr_array_unref);
}

static void
on_reply (LcsResolver      *resolver,
          LcsResolverReply *reply,
          gpointer          user_data)
{
  Outcome *outcome = user_data;
  guint i;

  outcome->calls++;
  outcome->answer = reply->answer;
  outcome->cancelled = reply->cancelled;
  outcome->tries = reply->tries;
  outcome->server = g_strdup (reply->server);
  outcome->canonical = g_strdup (reply->canonical);
  outcome->records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  for (i = 0; i < reply->records->len; i++)
    g_ptr_array_add (outcome->records, lcs_record_copy (reply->records->pdata[i]));
  if (outcome->drop_resolver)
    g_object_unref (resolver);
}

static LcsResolver *
new_resolver (const char *server,
              guint       timeout_ms,
              guint       tries,
              guint       max_inflight)
{
  LcsResolverOptions options = { timeout_ms, tries, max_inflight };
  g_autoptr(GError) error = NULL;
  LcsResolver *resolver = lcs_resolver_new (server, &options, &error);

  g_assert_no_error (error);
  return resolver;
}

/* Asks one question and runs the main loop until it is answered; returns the milliseconds. */
static gint64
ask (const char *which,
     const char *name,
     guint16     type,
     guint       timeout_ms,
     guint       tries,
     Outcome    *outcome)
{
  g_autoptr(LcsResolver) resolver = new_resolver (fixture_server (fixture, which), timeout_ms,
                                                  tries, 0);
  gint64 start = g_get_monotonic_time ();

  lcs_resolver_query (resolver, name, type, on_reply, outcome);
  while (outcome->calls == 0)
    g_main_context_iteration (NULL, TRUE);
  return fixture_elapsed_ms (start);
}

static const LcsRecord *
find_record (Outcome    *outcome,
             guint16     type)
{
  guint i;

  for (i = 0; i < outcome->records->len; i++)
    if (((LcsRecord *) outcome->records->pdata[i])->type == type)
      return outcome->records->pdata[i];
  return NULL;
}

static void
test_data (void)
{
  Outcome outcome = { 0 };
  const LcsRecord *srv;

  ask ("internal", "_sipinternaltls._tcp.good.test", LCS_TYPE_SRV, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  g_assert_cmpuint (outcome.calls, ==, 1);
  g_assert_cmpstr (outcome.server, ==, fixture_server (fixture, "internal"));
  g_assert_cmpuint (outcome.records->len, ==, 1);
  srv = find_record (&outcome, LCS_TYPE_SRV);
  g_assert_nonnull (srv);
  g_assert_cmpstr (srv->owner, ==, "_sipinternaltls._tcp.good.test.");
  g_assert_cmpstr (srv->target, ==, "lcs.good.test.");
  g_assert_cmpuint (srv->port, ==, 5061);
  g_assert_cmpuint (srv->ttl, ==, 3600);
  outcome_clear (&outcome);
}

static void
test_address (void)
{
  Outcome outcome = { 0 };
  const LcsRecord *a;

  ask ("internal", "lcs.good.test.", LCS_TYPE_A, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  a = find_record (&outcome, LCS_TYPE_A);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->owner, ==, "lcs.good.test.");
  g_assert_cmpstr (a->address, ==, "192.0.2.10");
  outcome_clear (&outcome);
}

static void
test_nodata (void)
{
  Outcome outcome = { 0 };

  ask ("internal", "good.test.", LCS_TYPE_SRV, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_NODATA);
  g_assert_cmpuint (outcome.records->len, ==, 0);
  outcome_clear (&outcome);
}

static void
test_nxdomain (void)
{
  Outcome outcome = { 0 };

  ask ("internal", "_sip._tls.good.test.", LCS_TYPE_SRV, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_NXDOMAIN);
  outcome_clear (&outcome);
}

/* An A question at an alias: the CNAME is a record of its own, the address sits at the end of
 * the chain, and the alias itself holds no A record (as in its zone file). */
static void
test_cname (void)
{
  Outcome outcome = { 0 };
  const LcsRecord *cname;
  const LcsRecord *a;

  ask ("internal", "alias.cname.test.", LCS_TYPE_A, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_NODATA);
  cname = find_record (&outcome, LCS_TYPE_CNAME);
  a = find_record (&outcome, LCS_TYPE_A);
  g_assert_nonnull (cname);
  g_assert_nonnull (a);
  g_assert_cmpstr (cname->owner, ==, "alias.cname.test.");
  g_assert_cmpstr (cname->target, ==, "lcs.cname.test.");
  g_assert_cmpstr (a->owner, ==, "lcs.cname.test.");
  g_assert_cmpstr (outcome.canonical, ==, "lcs.cname.test.");
  outcome_clear (&outcome);
}

static void
test_cname_question (void)
{
  Outcome alias = { 0 };
  Outcome host = { 0 };

  ask ("internal", "alias.cname.test.", LCS_TYPE_CNAME, 1000, 1, &alias);
  g_assert_cmpint (alias.answer, ==, LCS_ANSWER_DATA);
  g_assert_cmpuint (alias.records->len, ==, 1);
  ask ("internal", "lcs.cname.test.", LCS_TYPE_CNAME, 1000, 1, &host);
  g_assert_cmpint (host.answer, ==, LCS_ANSWER_NODATA);
  outcome_clear (&alias);
  outcome_clear (&host);
}

static void
test_fault (gconstpointer data)
{
  const char *mode = data;
  Outcome outcome = { 0 };
  LcsAnswer expected = LCS_ANSWER_BAD_REPLY;
  gint64 ms;

  if (g_str_equal (mode, "servfail"))
    expected = LCS_ANSWER_SERVFAIL;
  else if (g_str_equal (mode, "refused"))
    expected = LCS_ANSWER_REFUSED;
  else if (g_str_equal (mode, "closed"))
    expected = LCS_ANSWER_UNREACHABLE;
  ms = ask (mode, "_sipinternaltls._tcp.good.test.", LCS_TYPE_SRV, 400, 2, &outcome);
  g_test_message ("%s: %s after %" G_GINT64_FORMAT " ms, %u tries", mode,
                  lcs_answer_to_string (outcome.answer), ms, outcome.tries);
  g_assert_cmpint (outcome.answer, ==, expected);
  g_assert_cmpuint (outcome.calls, ==, 1);
  outcome_clear (&outcome);
}

/* A silent server costs timeout × tries, not c-ares' doubling rounds. */
static void
test_timeout (void)
{
  Outcome outcome = { 0 };
  gint64 ms = ask ("timeout", "_sipinternaltls._tcp.good.test.", LCS_TYPE_SRV, 300, 2,
                   &outcome);

  g_test_message ("timeout after %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_TIMEOUT);
  g_assert_cmpuint (outcome.tries, ==, 2);
  g_assert_cmpint (ms, >=, 600);
  g_assert_cmpint (ms, <, 600 + 250);
  outcome_clear (&outcome);
}

/* The responder sets TC over UDP with an empty answer: the record can only come over TCP. */
static void
test_truncation (void)
{
  Outcome outcome = { 0 };
  const LcsRecord *srv;

  ask ("tc", "_sipinternaltls._tcp.good.test.", LCS_TYPE_SRV, 1000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  srv = find_record (&outcome, LCS_TYPE_SRV);
  g_assert_nonnull (srv);
  g_assert_cmpstr (srv->target, ==, "lcs.good.test.");
  outcome_clear (&outcome);
}

/* The largest answers a message holds, over TCP after a truncated UDP answer (the responder's
 * "tc" mode) and from BIND: every address is read, @address among them (servers shuffle them, so
 * it is anywhere in the answer; the reader kept only 64 before). */
static void
assert_largest_answer (const char *server,
                       const char *name,
                       guint16     type,
                       guint       count,
                       const char *address)
{
  Outcome outcome = { 0 };
  gboolean found = FALSE;
  guint i;

  ask (server, name, type, 5000, 1, &outcome);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  g_assert_cmpuint (outcome.records->len, ==, count);
  for (i = 0; i < count; i++)
    {
      const LcsRecord *record = outcome.records->pdata[i];

      g_assert_cmpuint (record->type, ==, type);
      found = found || g_strcmp0 (record->address, address) == 0;
    }
  g_assert_true (found);
  outcome_clear (&outcome);
}

static void
test_largest_answer (void)
{
  assert_largest_answer ("tc", "pool.big.test.", LCS_TYPE_A, 4000, "10.0.15.160");
  assert_largest_answer ("internal", "pool.big.test.", LCS_TYPE_A, 4000, "10.0.15.160");
  assert_largest_answer ("tc", "pool6.big.test.", LCS_TYPE_AAAA, 2000, "2001:db8::7d0");
  /* The near miss: a small answer still gives exactly its records. */
  assert_largest_answer ("tc", "lcs.good.test.", LCS_TYPE_A, 1, "192.0.2.10");
}

static void
test_delay (void)
{
  Outcome outcome = { 0 };
  gint64 ms = ask ("delay", "lcs.good.test.", LCS_TYPE_A, 1000, 1, &outcome);

  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  g_assert_cmpint (ms, >=, 50);
  outcome_clear (&outcome);
}

static gint64
ask_many (guint max_inflight,
          guint n)
{
  g_autoptr(LcsResolver) resolver = new_resolver (fixture_server (fixture, "delay"), 2000, 1,
                                                  max_inflight);
  Outcome *outcomes = g_new0 (Outcome, n);
  gint64 start = g_get_monotonic_time ();
  gint64 ms;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("host%u.good.test.", i);
      lcs_resolver_query (resolver, name, LCS_TYPE_A, on_reply, &outcomes[i]);
    }
  g_assert_cmpuint (lcs_resolver_get_pending (resolver), ==, n);
  while (lcs_resolver_get_pending (resolver) > 0)
    g_main_context_iteration (NULL, TRUE);
  ms = fixture_elapsed_ms (start);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (outcomes[i].calls, ==, 1);
      g_assert_cmpint (outcomes[i].answer, ==, LCS_ANSWER_NXDOMAIN);
      outcome_clear (&outcomes[i]);
    }
  g_free (outcomes);
  return ms;
}

/* 32 questions at 50 ms each: 4 in flight take 8 round trips, 64 in flight about one. */
static void
test_inflight_bound (void)
{
  gint64 bounded = ask_many (4, 32);
  gint64 wide = ask_many (64, 32);

  g_test_message ("4 in flight: %" G_GINT64_FORMAT " ms; 64 in flight: %" G_GINT64_FORMAT
                  " ms", bounded, wide);
  g_assert_cmpint (bounded, >=, 8 * 50);
  g_assert_cmpint (wide, <, 4 * 50);
}

/* The c-ares 1.18.1 hazard: dropping the last reference inside a completion callback. */
static void
test_unref_in_callback (void)
{
  LcsResolver *resolver = new_resolver (fixture_server (fixture, "internal"), 1000, 1, 0);
  Outcome outcome = { 0 };
  GWeakRef weak;

  g_weak_ref_init (&weak, resolver);
  outcome.drop_resolver = TRUE;
  lcs_resolver_query (resolver, "lcs.good.test.", LCS_TYPE_A, on_reply, &outcome);
  while (outcome.calls == 0)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (outcome.calls, ==, 1);
  g_assert_cmpint (outcome.answer, ==, LCS_ANSWER_DATA);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  outcome_clear (&outcome);
}

static void
test_cancel (void)
{
  g_autoptr(LcsResolver) resolver = new_resolver (fixture_server (fixture, "timeout"), 1500, 2,
                                                  2);
  Outcome outcomes[4] = { { 0 } };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (outcomes); i++)
    lcs_resolver_query (resolver, "lcs.good.test.", LCS_TYPE_A, on_reply, &outcomes[i]);
  lcs_resolver_cancel (resolver);
  g_assert_cmpuint (lcs_resolver_get_pending (resolver), ==, 0);
  for (i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_cmpuint (outcomes[i].calls, ==, 1);
      g_assert_true (outcomes[i].cancelled);
      outcome_clear (&outcomes[i]);
    }
}

static void
test_server_syntax (void)
{
  static const char *const good[] = { "127.0.0.1", "127.0.0.1:5353", "::1", "[::1]:53" };
  static const char *const bad[] = { "dns.example", "127.0.0.1:0", "127.0.0.1:70000",
                                     "[::1", "[::1]x", "127.0.0.1:", "" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = lcs_resolver_parse_server (good[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (parsed);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LcsResolver) resolver = lcs_resolver_new (bad[i], NULL, &error);
      g_assert_null (resolver);
      g_assert_error (error, LCS_RESOLVER_ERROR, LCS_RESOLVER_ERROR_SERVER);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

int
main (int argc, char **argv)
{
  static const char *const faults[] = { "servfail", "refused", "closed", "garbage", "zero",
                                        "malformed" };
  int status;
  gsize i;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
  g_test_add_func ("/resolver/data", test_data);
  g_test_add_func ("/resolver/address", test_address);
  g_test_add_func ("/resolver/nodata", test_nodata);
  g_test_add_func ("/resolver/nxdomain", test_nxdomain);
  g_test_add_func ("/resolver/cname", test_cname);
  g_test_add_func ("/resolver/cname-question", test_cname_question);
  for (i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/resolver/fault/%s", faults[i]);
      g_test_add_data_func (path, faults[i], test_fault);
    }
  g_test_add_func ("/resolver/timeout", test_timeout);
  g_test_add_func ("/resolver/truncation", test_truncation);
  g_test_add_func ("/resolver/largest-answer", test_largest_answer);
  g_test_add_func ("/resolver/delay", test_delay);
  g_test_add_func ("/resolver/inflight-bound", test_inflight_bound);
  g_test_add_func ("/resolver/unref-in-callback", test_unref_in_callback);
  g_test_add_func ("/resolver/cancel", test_cancel);
  g_test_add_func ("/resolver/server-syntax", test_server_syntax);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
