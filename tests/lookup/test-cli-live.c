/* lcsdns-check's live mode: exit status 0 / 1 / 2 / 3 against the fixture servers. */
#include <gio/gio.h>
#include <string.h>

#include "fixture.h"

static Fixture *fixture;

/* Runs lcsdns-check for good.test with @extra arguments; returns the exit status. */
static int
run_cli (const char *const *extra,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("LCS_CHECK_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "-d");
  g_ptr_array_add (argv, (gpointer) "good.test");
  g_ptr_array_add (argv, (gpointer) "--pool");
  g_ptr_array_add (argv, (gpointer) "lcs.good.test");
  g_ptr_array_add (argv, (gpointer) "--pool-ip");
  g_ptr_array_add (argv, (gpointer) "192.0.2.10");
  for (; *extra != NULL; extra++)
    g_ptr_array_add (argv, (gpointer) *extra);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_correct (void)
{
  const char *const args[] = { "-s", fixture_server (fixture, "internal"), "-f", "json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"kind\" : \"live\""));
  g_assert_nonnull (strstr (out, fixture_server (fixture, "internal")));
  /* Not a terminal: no progress line. */
  g_assert_cmpstr (err, ==, "");
}

static void
test_incomplete (void)
{
  /* Given up after a few rounds of 1 s, about 3 s; held for every question, about 13 s. A
   * loaded 2-core machine adds a second or two at worst. */
  const char *const args[] = { "-s", fixture_server (fixture, "timeout"), "--timeout", "1000",
                               "--tries", "1", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (run_cli (args, &out, &err), ==, 3);
  g_assert_cmpint (fixture_elapsed_ms (start), <, 8000);
  g_assert_nonnull (strstr (out, "dns-lookup-failed"));
}

static void
test_errors (void)
{
  const char *const args[] = { "-s", fixture_server (fixture, "internal"), "--pool",
                               "lcs.split.test", "-d", "split.test", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "record-misplaced"));
}

static void
test_bad_server (void)
{
  const char *const args[] = { "-s", "dns.example.com", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "dns.example.com"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture = fixture_start (NULL, NULL);
  g_test_add_func ("/cli-live/correct", test_correct);
  g_test_add_func ("/cli-live/errors", test_errors);
  g_test_add_func ("/cli-live/incomplete", test_incomplete);
  g_test_add_func ("/cli-live/bad-server", test_bad_server);
  status = g_test_run ();
  fixture_stop (fixture);
  return status;
}
