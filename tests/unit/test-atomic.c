/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Atomicity under faults: a process saving a profile (as the console's Save does) and writing an
 * export (as its Export does) is killed at random moments, many times; the file on disk is always
 * the old one or the new one, never a partial one. The writer is this program, started again
 * with --writer, so the kill is a real one (SIGKILL; TerminateProcess on Windows). */
#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/save.h>
#include <lcsdns/profile/profile.h>
#include <string.h>

#include "test-files.h"

#define KILLS 40

static const char *self_path;  /* this program, started again as the writer */

/* Two profiles large enough that one save takes a while: @variant picks the records. */
static LcsProfile *
make_profile (guint variant)
{
  LcsProfile *profile = lcs_profile_new ();
  guint i;

  g_assert_true (lcs_profile_set (profile, "domains", variant ? "fabrikam.com" : "contoso.com", NULL));
  g_assert_true (lcs_profile_set (profile, "pool", "lcs.contoso.com", NULL));
  g_assert_true (lcs_profile_set (profile, "pool-ip", "192.0.2.10", NULL));
  for (i = 0; i < 3000; i++)
    {
      g_autofree char *line = g_strdup_printf ("h%u.contoso.com. A 192.0.%u.%u", i, variant,
                                               i % 250 + 1);
      g_ptr_array_add (profile->records, lcs_record_parse_line (line, NULL));
    }
  return profile;
}

static char *
make_export (guint variant)
{
  g_autoptr(LcsProfile) profile = make_profile (variant);
  g_autoptr(LcsReport) report = lcs_check_plan (profile);
  GString *text = g_string_new (NULL);
  guint i;

  /* The plan is short: repeat it so a write is not one block. */
  for (i = 0; i < 60; i++)
    {
      g_autofree char *part = lcs_export_report (report, LCS_FORMAT_JSON, NULL);
      g_string_append (text, part);
    }
  return g_string_free (text, FALSE);
}

static int
run_writer (const char *profile_path,
            const char *export_path)
{
  g_autoptr(LcsProfile) a = make_profile (0);
  g_autoptr(LcsProfile) b = make_profile (1);
  g_autofree char *export_a = make_export (0);
  g_autofree char *export_b = make_export (1);
  guint round;

  /* Ready: the parent starts its clock now. */
  g_print ("ready\n");
  for (round = 0;; round++)
    {
      g_assert_true (lcs_profile_save (round % 2 ? b : a, profile_path, NULL));
      g_assert_true (lcs_save_contents (export_path, round % 2 ? export_b : export_a, -1, NULL));
    }
  return 0;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GPtrArray) names = test_files_list (dir);

  return names->len;
}

static void
test_kill_mid_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lcsdns-atomic-XXXXXX", NULL);
  g_autofree char *profile_path = g_build_filename (dir, "deployment.lcsdns", NULL);
  g_autofree char *export_path = g_build_filename (dir, "report.json", NULL);
  g_autoptr(LcsProfile) a = make_profile (0);
  g_autoptr(LcsProfile) b = make_profile (1);
  g_autofree char *profile_a = lcs_profile_to_data (a, NULL);
  g_autofree char *profile_b = lcs_profile_to_data (b, NULL);
  g_autofree char *export_a = make_export (0);
  g_autofree char *export_b = make_export (1);
  guint kill;

  g_assert_true (lcs_profile_save (a, profile_path, NULL));
  g_assert_true (lcs_save_contents (export_path, export_a, -1, NULL));
  for (kill = 0; kill < KILLS; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer =
        g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--writer", profile_path,
                          export_path, NULL);
      GInputStream *out;
      char ready[6];

      g_assert_no_error (error);
      out = g_subprocess_get_stdout_pipe (writer);
      g_assert_true (g_input_stream_read_all (out, ready, sizeof ready, NULL, NULL, NULL));
      /* Somewhere inside one of the first saves: a save takes some milliseconds. */
      g_usleep (g_random_int_range (0, 20000));
      g_subprocess_force_exit (writer);
      g_subprocess_wait (writer, NULL, NULL);
      test_files_assert_one_of (profile_path, profile_a, profile_b);
      test_files_assert_one_of (export_path, export_a, export_b);
    }

  /* A killed save leaves a temporary file beside the file, never the file half-written; the
   * next save of each file removes what the killed ones left. */
  g_test_message ("%u files beside the two after %u kills", count_files (dir) - 2, KILLS);
  g_assert_true (lcs_profile_save (b, profile_path, NULL));
  g_assert_true (lcs_save_contents (export_path, export_b, -1, NULL));
  g_assert_cmpuint (count_files (dir), ==, 2);
  test_files_remove_tree (dir);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) ? text : NULL;
}

/* Only what a killed save of this very file left is removed: a user's own files beside it,
 * however alike, and another file's leftovers stay. */
static void
test_leftovers (void)
{
  static const char *const kept[] = {
    "report.json.backup", "report.json.lcsdns-save-abc12", "report.json.lcsdns-save-abc1234",
    "report.json.lcsdns-save-ab-123", "other.json.lcsdns-save-abc123", "report.jso.lcsdns-save-abc123",
  };
  g_autofree char *dir = g_dir_make_tmp ("lcsdns-leftovers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *stale = NULL;
  gsize i;

  write_file (dir, "report.json", "old");
  write_file (dir, "report.json.lcsdns-save-abc123", "half");
  write_file (dir, "report.json.lcsdns-save-ZZ9zz9", "half");
  for (i = 0; i < G_N_ELEMENTS (kept); i++)
    write_file (dir, kept[i], "mine");
  g_assert_true (lcs_save_contents (path, "new", -1, NULL));
  saved = read_file (dir, "report.json");
  g_assert_cmpstr (saved, ==, "new");
  stale = read_file (dir, "report.json.lcsdns-save-abc123");
  g_assert_null (stale);
  g_assert_null (read_file (dir, "report.json.lcsdns-save-ZZ9zz9"));
  for (i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *text = read_file (dir, kept[i]);
      g_assert_cmpstr (text, ==, "mine");
      g_assert_false (lcs_save_is_leftover (path, kept[i]));
    }
  g_assert_cmpuint (count_files (dir), ==, 1 + G_N_ELEMENTS (kept));
  test_files_remove_tree (dir);
}

static gboolean
write_then_fail (GOutputStream  *out,
                 gpointer        user_data,
                 GError        **error)
{
  g_assert_true (g_output_stream_write_all (out, "partial", 7, NULL, NULL, NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the writer failed");
  return FALSE;
}

/* A writer that fails half-way changes nothing and leaves nothing; so does a folder that is not
 * there. */
static void
test_failed_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lcsdns-failed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;

  write_file (dir, "report.json", "old");
  g_assert_false (lcs_save_stream (path, write_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  text = read_file (dir, "report.json");
  g_assert_cmpstr (text, ==, "old");
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_false (lcs_save_contents (missing, "new", -1, &missing_error));
  g_assert_nonnull (missing_error);
  g_assert_cmpuint (count_files (dir), ==, 1);
  test_files_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2], argv[3]);
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic/kill-mid-save", test_kill_mid_save);
  g_test_add_func ("/atomic/leftovers", test_leftovers);
  g_test_add_func ("/atomic/failed-save", test_failed_save);
  return g_test_run ();
}
