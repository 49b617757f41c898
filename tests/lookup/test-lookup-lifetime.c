/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LcsLookup's lifetime around a run: the last reference dropped inside the completion callback
 * (which runs inside c-ares' processing of the last answer), dropped while the run goes on,
 * and dispose during a run; and the partial observations a run shows while it goes on. */
#include <gio/gio.h>
#include <lcsdns/check/check.h>

#include "lcs-lookup.h"
#include "livecheck.h"

static Fixture *fixture;

typedef struct {
  LcsLookup       *lookup;     /* the test's only reference, or NULL once dropped */
  gboolean         unref_in_callback;
  gboolean         unref_on_progress;
  gboolean         dispose_on_progress;
  GCancellable    *cancel_on_progress;
  guint            done_calls;
  guint            progress_calls;
  LcsObservations *obs;
  GError          *error;
  gint64           acted_at;   /* when the progress handler dropped, disposed or cancelled */
  gint64           done_at;
} Run;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->done_calls++;
  run->done_at = g_get_monotonic_time ();
  run->obs = lcs_lookup_run_finish (LCS_LOOKUP (source), result, &run->error);
  if (run->unref_in_callback)
    g_clear_object (&run->lookup);
}

static void
on_progress (LcsLookup *lookup,
             guint      answered,
             guint      asked,
             Run       *run)
{
  run->progress_calls++;
  if (run->progress_calls != 1)
    return;
  run->acted_at = g_get_monotonic_time ();
  if (run->dispose_on_progress)
    g_object_run_dispose (G_OBJECT (lookup));
  if (run->unref_on_progress)
    g_clear_object (&run->lookup);
  if (run->cancel_on_progress != NULL)
    g_cancellable_cancel (run->cancel_on_progress);
}

/* Runs a lookup of good.test against @server and waits until it has called back and every
 * pending source has run; returns whether the lookup was finalized. */
static gboolean
run_lookup (const char   *server,
            GCancellable *cancellable,
            Run          *run)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = live_servers (fixture, server);
  LcsLookupOptions options = { servers, NULL, 1000, 2, 0 };
  GWeakRef weak;
  LcsLookup *alive;

  run->lookup = lcs_lookup_new (profile, &options);
  g_weak_ref_init (&weak, run->lookup);
  g_signal_connect (run->lookup, "progress", G_CALLBACK (on_progress), run);
  lcs_lookup_run_async (run->lookup, cancellable, on_done, run);
  while (run->done_calls == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Whatever the lookup left behind (sockets, timers, idle callbacks) runs now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&run->lookup);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run->done_calls, ==, 1);
  alive = g_weak_ref_get (&weak);
  g_weak_ref_clear (&weak);
  g_clear_object (&alive);
  return alive == NULL;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->obs, lcs_observations_free);
  g_clear_error (&run->error);
}

/* The callback of the last answer runs inside ares_process_fd: dropping the lookup there must
 * not cancel that answer's query inside c-ares a second time. */
static void
test_unref_in_callback (gconstpointer data)
{
  Run run = { 0 };

  run.unref_in_callback = TRUE;
  g_assert_true (run_lookup (data, NULL, &run));
  g_assert_no_error (run.error);
  g_assert_nonnull (run.obs);
  g_assert_cmpint (lcs_observations_answer (run.obs, LCS_VIEW_INTERNAL,
                                            "_sipinternaltls._tcp.good.test.", LCS_TYPE_SRV),
                   ==, LCS_ANSWER_DATA);
  run_clear (&run);
}

/* The run keeps its lookup alive: dropped after the first answer, it still ends as usual. */
static void
test_unref_mid_run (void)
{
  Run run = { 0 };

  run.unref_on_progress = TRUE;
  g_assert_true (run_lookup ("delay", NULL, &run));
  g_assert_cmpuint (run.progress_calls, >, 1);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.obs);
  run_clear (&run);
}

/* Dropped mid-run, then cancelled: the run ends at once, and nothing is left behind. */
static void
test_unref_mid_run_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  run.unref_on_progress = TRUE;
  run.cancel_on_progress = cancellable;
  g_assert_true (run_lookup ("delay", cancellable, &run));
  g_test_message ("ended %" G_GINT64_FORMAT " µs after cancel", run.done_at - run.acted_at);
  g_assert_cmpint (run.done_at - run.acted_at, <, 200 * 1000);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.obs);
  run_clear (&run);
}

/* Disposed inside its own progress signal (inside c-ares' processing): the run is cancelled,
 * every query ends once, and the callback says so. */
static void
test_dispose_mid_run (void)
{
  Run run = { 0 };

  run.dispose_on_progress = TRUE;
  g_assert_true (run_lookup ("delay", NULL, &run));
  g_assert_cmpuint (run.progress_calls, ==, 1);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.obs);
  run_clear (&run);
}

typedef struct {
  guint      calls;
  guint      last_count;
  gboolean   grew;
} Peek;

static void
on_peek_progress (LcsLookup *lookup,
                  guint      answered,
                  guint      asked,
                  Peek      *peek)
{
  const LcsObservations *obs = lcs_lookup_peek_observations (lookup);
  guint count;

  g_assert_nonnull (obs);
  count = lcs_observations_count (obs);
  g_assert_cmpuint (count, >=, peek->last_count);
  peek->grew = peek->grew || count > peek->last_count;
  peek->last_count = count;
  peek->calls++;
}

/* While a run goes on, the store it fills can be read; the first answers are there before the
 * last one arrives. */
static void
test_peek_observations (void)
{
  g_autoptr(LcsProfile) profile = fixture_profile ("lcs2005", "good.test", FALSE);
  g_auto(GStrv) servers = live_servers (fixture, "delay");
  LcsLookupOptions options = { servers, NULL, 1000, 2, 0 };
  g_autoptr(LcsLookup) lookup = lcs_lookup_new (profile, &options);
  Peek peek = { 0, 0, FALSE };
  LiveRun run = { 0 };

  g_assert_null (lcs_lookup_peek_observations (lookup));
  g_signal_connect (lookup, "progress", G_CALLBACK (on_peek_progress), &peek);
  lcs_lookup_run_async (lookup, NULL, live_on_done, &run);
  g_assert_nonnull (lcs_lookup_peek_observations (lookup));
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (run.error);
  g_assert_true (peek.grew);
  g_assert_cmpuint (peek.calls, ==, lcs_lookup_get_asked (lookup));
  g_assert_cmpuint (peek.last_count, ==, lcs_observations_count (run.obs));
  g_assert_null (lcs_lookup_peek_observations (lookup));
  live_run_clear (&run);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
  g_test_add_data_func ("/lookup/unref-in-callback/named", "internal", test_unref_in_callback);
  g_test_add_data_func ("/lookup/unref-in-callback/delay", "delay", test_unref_in_callback);
  g_test_add_func ("/lookup/unref-mid-run", test_unref_mid_run);
  g_test_add_func ("/lookup/unref-mid-run-cancel", test_unref_mid_run_cancel);
  g_test_add_func ("/lookup/dispose-mid-run", test_dispose_mid_run);
  g_test_add_func ("/lookup/peek-observations", test_peek_observations);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
