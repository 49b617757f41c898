/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone files' records, DNS Manager's way. */
#include "config.h"

#include "lcs-zone-contents.h"

#include <string.h>
#include <glib/gi18n.h>
#include <lcsdns/model/name.h>

static void
zone_content_free (LcsZoneContent *content)
{
  g_free (content->path);
  g_free (content->named);
  g_free (content->origin);
  g_ptr_array_unref (content->records);
  g_clear_pointer (&content->folders, g_ptr_array_unref);
  g_free (content);
}

LcsZoneContents *
lcs_zone_contents_new (LcsZoneSet *set)
{
  LcsZoneContents *contents = g_new0 (LcsZoneContents, 1);

  contents->set = lcs_zone_set_ref (set);
  contents->zones[LCS_VIEW_INTERNAL] = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_content_free);
  contents->zones[LCS_VIEW_EXTERNAL] = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_content_free);
  return contents;
}

void
lcs_zone_contents_free (LcsZoneContents *contents)
{
  if (contents == NULL)
    return;
  g_ptr_array_unref (contents->zones[LCS_VIEW_INTERNAL]);
  g_ptr_array_unref (contents->zones[LCS_VIEW_EXTERNAL]);
  lcs_zone_set_unref (contents->set);
  g_free (contents);
}

LcsZoneContent *
lcs_zone_contents_add (LcsZoneContents  *contents,
                       LcsView           view,
                       const char       *path,
                       const LcsProfile *profile)
{
  LcsZoneContent *content = g_new0 (LcsZoneContent, 1);

  content->path = g_strdup (path);
  content->named = g_strdup (lcs_profile_zone_origin (profile, path));
  content->records = g_ptr_array_new ();
  g_ptr_array_add (contents->zones[view], content);
  return content;
}

gboolean
lcs_zone_contents_match (const LcsZoneContents *contents,
                         const LcsProfile      *profile)
{
  for (guint v = LCS_VIEW_INTERNAL; v <= LCS_VIEW_EXTERNAL; v++)
    {
      GPtrArray *files = profile->zones[v];

      if ((contents != NULL ? contents->zones[v]->len : 0) != files->len)
        return FALSE;
      for (guint i = 0; i < files->len; i++)
        {
          const LcsZoneContent *content = g_ptr_array_index (contents->zones[v], i);
          const char *path = g_ptr_array_index (files, i);

          if (strcmp (content->path, path) != 0
              || g_strcmp0 (content->named, lcs_profile_zone_origin (profile, path)) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

guint
lcs_zone_contents_count (const LcsZoneContents *contents)
{
  guint count = 0;

  for (guint v = 0; v < 2; v++)
    for (guint i = 0; i < contents->zones[v]->len; i++)
      count += ((LcsZoneContent *) g_ptr_array_index (contents->zones[v], i))->records->len;
  return count;
}

static guint
count_labels (const char *name)
{
  guint n = 0;

  for (const char *p = name; *p != '\0'; p++)
    n += *p == '.';
  return n;
}

/* Parents before children, then by name: the order the console tree needs to nest them. */
static int
compare_folders (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;
  guint nx = count_labels (x), ny = count_labels (y);

  if (nx != ny)
    return nx < ny ? -1 : 1;
  return g_strcmp0 (x, y);
}

GPtrArray *
lcs_zone_folders (GHashTable *parents,
                  const char *origin)
{
  g_autoptr(GHashTable) folders = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *name = key;

      /* Every ancestor strictly under the origin is a folder too, records or not. */
      while (name != NULL && lcs_name_ends_in (name, origin) && !lcs_name_equal (name, origin)
             && !g_hash_table_contains (folders, name))
        {
          g_hash_table_add (folders, (gpointer) name);
          name = strchr (name, '.');
          name = name != NULL && name[1] != '\0' ? name + 1 : NULL;
        }
    }
  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, g_strdup (key));
  g_ptr_array_sort (sorted, compare_folders);
  return sorted;
}

/* The name @owner lies directly in: without its first label ("." for a top-level name). */
static const char *
parent_of (const char *owner)
{
  const char *dot = strchr (owner, '.');

  return dot != NULL && dot[1] != '\0' ? dot + 1 : ".";
}

/* The folder DNS Manager lists @owner in: a name that is itself a folder (records below it)
 * shows inside it as "(same as parent folder)"; any other name in its parent. */
static const char *
folder_of (const char *owner,
           GHashTable *folders)
{
  if (g_hash_table_contains (folders, owner))
    return owner;
  return parent_of (owner);
}

/* Appends the rows of @content's records from *@record on, looking at @limit records at most;
 * moves *@record on past those it looked at. */
static void
add_zone_rows (GArray               *rows,
               const LcsZoneContent *content,
               LcsView               view,
               const char           *folder,
               guint                *record,
               guint                 limit,
               GHashTable          **zone_folders)
{
  GHashTable *folders = *zone_folders;
  guint end = content->records->len - *record > limit ? *record + limit : content->records->len;

  if (content->origin == NULL)
    {
      *record = content->records->len;
      return;
    }
  if (folder != NULL && folders == NULL)
    {
      folders = *zone_folders = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_add (folders, content->origin);
      for (guint i = 0; i < content->folders->len; i++)
        g_hash_table_add (folders, g_ptr_array_index (content->folders, i));
    }
  for (; *record < end; (*record)++)
    {
      const LcsRecord *rec = g_ptr_array_index (content->records, *record);
      LcsZoneRow row = { rec, folder, view };

      if (folder != NULL && strcmp (folder_of (rec->owner, folders), folder) != 0)
        continue;
      g_array_append_val (rows, row);
    }
}

static void
next_zone (LcsZoneRowsCursor *cursor)
{
  cursor->zone++;
  cursor->record = 0;
  g_clear_pointer (&cursor->folders, g_hash_table_unref);
}

gboolean
lcs_zone_contents_rows_more (const LcsZoneContents *contents,
                             int                    view,
                             int                    zone,
                             const char            *folder,
                             GArray                *rows,
                             LcsZoneRowsCursor     *cursor,
                             guint                  limit)
{
  /* The folders are looked up as a set, made once per zone: not per batch. */
  for (; cursor->view <= LCS_VIEW_EXTERNAL; cursor->view++, cursor->zone = 0)
    {
      if (view >= 0 && cursor->view != view)
        continue;
      for (; cursor->zone < contents->zones[cursor->view]->len;
           next_zone (cursor))
        {
          const LcsZoneContent *content = g_ptr_array_index (contents->zones[cursor->view], cursor->zone);
          guint before = cursor->record;

          if (zone >= 0 && (guint) zone != cursor->zone)
            continue;
          if (limit == 0)
            return TRUE;
          add_zone_rows (rows, content, cursor->view, folder, &cursor->record, limit, &cursor->folders);
          limit -= MIN (limit, cursor->record - before);
          if (cursor->record < content->records->len)
            return TRUE;
        }
    }
  return FALSE;
}

GArray *
lcs_zone_contents_rows (const LcsZoneContents *contents,
                        int                    view,
                        int                    zone,
                        const char            *folder)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (LcsZoneRow));
  LcsZoneRowsCursor cursor = LCS_ZONE_ROWS_CURSOR_INIT;

  lcs_zone_contents_rows_more (contents, view, zone, folder, rows, &cursor, G_MAXUINT);
  lcs_zone_rows_cursor_clear (&cursor);
  return rows;
}

void
lcs_zone_rows_cursor_clear (LcsZoneRowsCursor *cursor)
{
  LcsZoneRowsCursor start = LCS_ZONE_ROWS_CURSOR_INIT;

  g_clear_pointer (&cursor->folders, g_hash_table_unref);
  *cursor = start;
}

char *
lcs_zone_row_name (const LcsZoneRow *row)
{
  gsize owner_len = strlen (row->record->owner), base_len;

  /* Several zones in one list: the full name says which one. */
  if (row->base == NULL)
    return g_strndup (row->record->owner, owner_len > 1 ? owner_len - 1 : owner_len);
  base_len = strlen (row->base);

  if (g_ascii_strcasecmp (row->record->owner, row->base) == 0)
    return g_strdup (_("(same as parent folder)"));
  /* "_sip._tls.contoso.com." in "contoso.com." is "_sip._tls": drop the base and its dot. */
  if (owner_len > base_len + 1 && g_ascii_strcasecmp (row->record->owner + owner_len - base_len, row->base) == 0)
    return g_strndup (row->record->owner, owner_len - base_len - 1);
  return g_strdup (row->record->owner);
}

/* Whether the first @length bytes of @text contain @needle (lower case), ASCII letters compared
 * without case. No copy: the filter runs over every row of a 200,000-record zone per keystroke. */
static gboolean
contains_lower (const char *text,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    {
      gsize j = 0;

      while (j < n && g_ascii_tolower (text[i + j]) == needle[j])
        j++;
      if (j == n)
        return TRUE;
    }
  return FALSE;
}

static gboolean
contains (const char *text,
          const char *needle)
{
  return contains_lower (text, strlen (text), needle);
}

/* The Name column's text is a prefix of the owner (or the folder's own line). */
static gboolean
name_contains (const LcsZoneRow *row,
               const char       *needle)
{
  g_autofree char *name = NULL;

  if (row->base == NULL || g_ascii_strcasecmp (row->record->owner, row->base) == 0)
    {
      name = lcs_zone_row_name (row);
      return contains (name, needle);
    }
  /* "_sip._tls.contoso.com." in "_tls.contoso.com.": "_sip", without the dot before the base. */
  return contains_lower (row->record->owner, strlen (row->record->owner) - strlen (row->base) - 1, needle);
}

gboolean
lcs_zone_row_matches (const LcsZoneRow *row,
                      const char       *needle)
{
  const LcsRecord *record = row->record;
  g_autofree char *data = NULL;
  g_autofree char *stamp = NULL;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  if (name_contains (row, needle) || contains (lcs_type_display_name (record->type), needle)
      || contains (lcs_view_to_string (row->view), needle))
    return TRUE;
  /* Only SRV, MX and SOA data read differently from the record's text. */
  if (record->type == LCS_TYPE_SRV || record->type == LCS_TYPE_MX || record->type == LCS_TYPE_SOA)
    data = lcs_record_format_data (record);
  if (contains (data != NULL ? data : record->rdata != NULL ? record->rdata : "", needle))
    return TRUE;
  if (record->aging == 0)
    return contains ("static", needle);
  stamp = lcs_record_format_timestamp (record);
  return contains (stamp, needle);
}
