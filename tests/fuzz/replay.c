/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target over files and folders of inputs, as libFuzzer would replay them: the
 * corpora run under `meson test` (suite fuzz) with any compiler, sanitizers or not. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static guint
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *data = NULL;
  gsize length;
  const char *name;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      guint i;

      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* The same order everywhere, so a failure names the same input on every machine. */
      g_ptr_array_sort (names, compare_paths);
      for (i = 0; i < names->len; i++)
        count += replay_path (g_ptr_array_index (names, i));
      return count;
    }
  if (!g_file_get_contents (path, &data, &length, NULL))
    {
      g_printerr ("%s: cannot read\n", path);
      exit (2);
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;
  int i;

  LLVMFuzzerInitialize (&argc, &argv);
  for (i = 1; i < argc; i++)
    count += replay_path (argv[i]);
  g_print ("1..1\nok 1 - %u inputs replayed\n", count);
  return count > 0 ? 0 : 1;
}
