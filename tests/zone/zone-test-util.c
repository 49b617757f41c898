/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the zone reader tests. */
#include "zone-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

void
result_clear (Result *result)
{
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_clear_pointer (&result->origin, g_free);
  g_clear_error (&result->error);
}

static void
on_record (LcsRecord *record,
           gpointer   user_data)
{
  g_ptr_array_add (user_data, record);
}

void
read_path (Result     *result,
           const char *path,
           const char *origin)
{
  memset (result, 0, sizeof *result);
  result->records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  result->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  result->ok = lcs_zone_read (path, origin, on_record, result->records, result->findings,
                              &result->origin, &result->error);
}

char *
write_temp (const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-zone-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

void
read_text (Result     *result,
           const char *text,
           gssize      length,
           const char *origin)
{
  g_autofree char *path = write_temp ("test.zone", text, length);

  read_path (result, path, origin);
  remove_temp (path);
}

char *
fixture (const char *first,
         ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "fixtures");
  g_ptr_array_add (parts, (gpointer) "zones");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

const LcsRecord *
find_record (const Result *result,
             const char   *owner,
             guint16       type,
             guint         nth)
{
  guint i;

  for (i = 0; i < result->records->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (result->records, i);

      if (record->type == type && strcmp (record->owner, owner) == 0 && nth-- == 0)
        return record;
    }
  g_test_message ("no record %s %u #%u", owner, type, nth);
  return NULL;
}

void
assert_record (const Result *result,
               const char   *owner,
               guint16       type,
               guint32       ttl,
               const char   *rdata)
{
  const LcsRecord *record = find_record (result, owner, type, 0);

  g_assert_nonnull (record);
  g_assert_cmpuint (record->ttl, ==, ttl);
  g_assert_cmpstr (record->rdata, ==, rdata);
}

void
assert_one_finding (const Result *result,
                    guint         line,
                    guint         column,
                    const char   *part)
{
  const LcsFinding *finding;

  g_assert_true (result->ok);
  g_assert_cmpuint (result->findings->len, ==, 1);
  finding = g_ptr_array_index (result->findings, 0);
  g_test_message ("finding %s:%u:%u: %s", finding->file, finding->line, finding->column,
                  finding->message);
  g_assert_cmpstr (finding->rule->id, ==, "zone-syntax");
  g_assert_nonnull (finding->file);
  g_assert_cmpuint (finding->line, ==, line);
  g_assert_cmpuint (finding->column, ==, column);
  g_assert_nonnull (strstr (finding->message, part));
  g_assert_null (strchr (finding->message, '\n'));
}
