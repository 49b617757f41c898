/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a file whole or not at all, through GIO so that Windows renames over the old file too. */
#include "config.h"

#include <lcsdns/model/save.h>

#include <string.h>

/* Distinctive enough that no file a user keeps beside a profile or an export ends so. */
#define LEFTOVER_MARK ".lcsdns-save-"
#define LEFTOVER_RANDOM 6

gboolean
lcs_save_is_leftover (const char *path,
                      const char *sibling)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize base_length = strlen (base);
  const char *rest;
  gsize i;

  if (strncmp (sibling, base, base_length) != 0 ||
      !g_str_has_prefix (sibling + base_length, LEFTOVER_MARK))
    return FALSE;
  rest = sibling + base_length + strlen (LEFTOVER_MARK);
  for (i = 0; rest[i] != '\0'; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  return i == LEFTOVER_RANDOM;
}

/* A save killed before its rename left its temporary file; a later save of the same file is the
 * first moment anyone knows it is stale. Errors are ignored: the save itself matters. */
static void
remove_leftovers (GFile      *dir,
                  const char *path)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    if (lcs_save_is_leftover (path, g_file_info_get_name (info)))
      g_file_delete (child, NULL, NULL);
}

/* A new file beside @path with a name no other save uses at the same moment. */
static GFileOutputStream *
create_temporary (const char  *path,
                  GFile      **temporary,
                  GError     **error)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  guint attempt;

  for (attempt = 0;; attempt++)
    {
      char random[LEFTOVER_RANDOM + 1];
      g_autofree char *name = NULL;
      g_autoptr(GError) local = NULL;
      GFileOutputStream *out;
      gsize i;

      for (i = 0; i < LEFTOVER_RANDOM; i++)
        random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      random[LEFTOVER_RANDOM] = '\0';
      name = g_strconcat (path, LEFTOVER_MARK, random, NULL);
      *temporary = g_file_new_for_path (name);
      out = g_file_create (*temporary, G_FILE_CREATE_NONE, NULL, &local);
      if (out != NULL)
        return out;
      g_clear_object (temporary);
      if (attempt >= 100 || !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
}

gboolean
lcs_save_stream (const char   *path,
                 LcsSaveFunc   func,
                 gpointer      user_data,
                 GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean saved;

  if (dir != NULL)
    remove_leftovers (dir, path);
  out = create_temporary (path, &temporary, error);
  if (out == NULL)
    return FALSE;
  saved = func (G_OUTPUT_STREAM (out), user_data, error) &&
          g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error) &&
          g_file_move (temporary, file,
                       G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       NULL, NULL, NULL, error);
  if (!saved)
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (temporary, NULL, NULL);
    }
  return saved;
}

typedef struct {
  const char *data;
  gsize       length;
} Contents;

static gboolean
write_contents (GOutputStream  *out,
                gpointer        user_data,
                GError        **error)
{
  const Contents *contents = user_data;

  return g_output_stream_write_all (out, contents->data, contents->length, NULL, NULL, error);
}

gboolean
lcs_save_contents (const char   *path,
                   const char   *data,
                   gssize        length,
                   GError      **error)
{
  Contents contents = { data, length < 0 ? strlen (data) : (gsize) length };

  return lcs_save_stream (path, write_contents, &contents, error);
}
