/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the bundled demo is, and its zone exports. */
#include "config.h"

#include <lcsdns/profile/demo.h>
#include <lcsdns/model/datadir.h>

char *
lcs_demo_dir (void)
{
  const char *env = g_getenv ("LCS_DEMO_DIR");
  g_autofree char *source_profile = g_build_filename (LCS_DEMO_DIR_SOURCE, LCS_DEMO_PROFILE, NULL);
  g_autofree char *data_dir = lcs_data_dir ();

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (source_profile, G_FILE_TEST_IS_REGULAR))
    return g_strdup (LCS_DEMO_DIR_SOURCE);
  return g_build_filename (data_dir, "demo", NULL);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
lcs_demo_zones (const char *dir,
                LcsView     view)
{
  g_autofree char *folder = view == LCS_VIEW_EXTERNAL ? g_build_filename (dir, "external", NULL)
                                                      : g_strdup (dir);
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".dns"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}
