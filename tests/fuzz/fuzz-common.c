/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every fuzz target shares: criticals and warnings are crashes, a temporary folder, and
 * one realistic profile to check inputs against. */
#include "fuzz.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

static char *temp_dir;

static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (temp_dir);
}

#ifdef SIGTRAP
/* GLib ends a fatal message with a breakpoint (SIGTRAP), which libFuzzer does not catch: it died
 * without saving the input. An abort it catches, and saves the input as crash-…. */
static void
abort_on_trap (int signal_number)
{
  (void) signal_number;
  abort ();
}
#endif

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A GLib critical or warning is a bug in the caller: make it a crash the fuzzer reports. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
#ifdef SIGTRAP
  signal (SIGTRAP, abort_on_trap);
#endif
  return 0;
}

const char *
fuzz_temp_dir (void)
{
  if (temp_dir == NULL)
    {
      temp_dir = g_dir_make_tmp ("lcsdns-fuzz-XXXXXX", NULL);
      g_assert_nonnull (temp_dir);
      atexit (remove_temp_dir);
    }
  return temp_dir;
}

char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  char *path = g_build_filename (fuzz_temp_dir (), name, NULL);
  FILE *file;

  /* Not g_file_set_contents: its fsync would make every input wait for the disk. Nor a file
   * truncated in place: ext4 writes a truncated file out when it is closed (auto_da_alloc), a
   * disk write per input. A new file each time stays in memory until it is removed. */
  g_remove (path);
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_true (size == 0 || fwrite (data, 1, size, file) == size);
  g_assert_true (fclose (file) == 0);
  return path;
}

const LcsProfile *
fuzz_profile (void)
{
  static const char *const settings[][2] = {
    { "product", "lcs2005" }, { "edition", "enterprise" },
    { "domains", "contoso.com,fabrikam.com" },
    { "pool", "lcspool.contoso.com" }, { "pool-ip", "10.0.0.50" },
    { "members", "lcs01.contoso.com=10.0.0.51,lcs02.contoso.com=10.0.0.52" },
    { "clients", "communicator,messenger" }, { "transports", "tls,tcp" },
    { "edge", "ap.contoso.com" }, { "edge-ip", "203.0.113.10" }, { "federation", "true" },
  };
  static LcsProfile *profile;
  gsize i;

  if (profile != NULL)
    return profile;
  profile = lcs_profile_new ();
  for (i = 0; i < G_N_ELEMENTS (settings); i++)
    g_assert_true (lcs_profile_set (profile, settings[i][0], settings[i][1], NULL));
  return profile;
}
