/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files and folders as the tests look at them. */
#include "test-files.h"

#include <string.h>
#include <gio/gio.h>

void
test_files_assert_one_of (const char *path,
                          const char *one,
                          const char *other)
{
  g_autofree char *data = NULL;

  g_assert_cmpstr (one, !=, other);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  if (g_strcmp0 (data, one) != 0 && g_strcmp0 (data, other) != 0)
    g_error ("%s is neither the old nor the new file (%zu bytes)", path, strlen (data));
}

GPtrArray *
test_files_list (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

void
test_files_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* A link to a folder goes, not what it points to. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
    children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      test_files_remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}
