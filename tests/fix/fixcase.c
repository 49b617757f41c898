/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Broken deployments for the fix-script tests, read with the real zone reader, and their zones
 * as zone-file text with a remediation applied. */
#include "fixcase.h"

#include <glib/gstdio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/zone/zone.h>
#include <string.h>

/* Errors that no record change repairs: a line the reader could not read stays unread. */
static const char *const unfixable_rules[] = { "zone-syntax", "zone-encoding", "srv-range",
                                               "dns-wildcard", "zone-cname-other",
                                               "dns-lookup-failed" };

void
fixcase_free (FixCase *fixcase)
{
  g_free (fixcase->name);
  g_clear_pointer (&fixcase->profile, lcs_profile_free);
  g_clear_pointer (&fixcase->obs, lcs_observations_free);
  g_free (fixcase);
}

static gboolean
is_unfixable (const LcsFinding *finding)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (unfixable_rules); i++)
    if (g_strcmp0 (finding->rule->id, unfixable_rules[i]) == 0)
      return TRUE;
  return FALSE;
}

guint
fixcase_fixable_errors (const LcsReport *report)
{
  guint count = 0;
  guint i;

  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);
      if (finding->severity == LCS_SEVERITY_ERROR && !is_unfixable (finding))
        count++;
    }
  return count;
}

static void
load_zone (FixCase    *fixcase,
           LcsView     view,
           const char *path)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GError) error = NULL;
  guint i;

  if (!lcs_zone_load (fixcase->obs, view, path, NULL, findings, &error))
    g_error ("%s: %s", path, error->message);
  for (i = 0; i < findings->len; i++)
    if (((LcsFinding *) g_ptr_array_index (findings, i))->severity == LCS_SEVERITY_ERROR)
      fixcase->unfixable++;
}

static LcsProfile *
case_profile (GKeyFile   *cases,
              const char *group)
{
  const char *groups[] = { "defaults", group };
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autoptr(GError) error = NULL;
  gsize g, i;

  for (g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) settings = g_key_file_get_string_list (cases, groups[g], "profile", NULL,
                                                          NULL);
      for (i = 0; settings && settings[i]; i++)
        {
          g_auto(GStrv) pair = g_strsplit (g_strstrip (settings[i]), "=", 2);
          if (pair[0] != NULL && *pair[0] != '\0' &&
              !lcs_profile_set (profile, pair[0], pair[1] ? pair[1] : "", &error))
            g_error ("cases.txt [%s]: %s", group, error->message);
        }
    }
  if (!lcs_profile_validate (profile, &error))
    g_error ("cases.txt [%s]: %s", group, error->message);
  return g_steal_pointer (&profile);
}

static FixCase *
case_from_group (GKeyFile   *cases,
                 const char *group,
                 const char *rules_dir)
{
  static const char *const keys[] = { "zones", "external" };
  FixCase *fixcase = g_new0 (FixCase, 1);
  gsize k, i;

  fixcase->name = g_strdup (group);
  fixcase->profile = case_profile (cases, group);
  fixcase->obs = lcs_observations_new ();
  for (k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_auto(GStrv) zones = g_key_file_get_string_list (cases, group, keys[k], NULL, NULL);
      for (i = 0; zones && zones[i]; i++)
        {
          g_autofree char *path = g_build_filename (rules_dir, g_strstrip (zones[i]), NULL);
          load_zone (fixcase, k == 0 ? LCS_VIEW_INTERNAL : LCS_VIEW_EXTERNAL, path);
        }
    }
  return fixcase;
}

static void
load_dir (FixCase    *fixcase,
          LcsView     view,
          const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".dns"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (i = 0; i < names->len; i++)
    load_zone (fixcase, view, g_ptr_array_index (names, i));
}

static FixCase *
demo_case (const char *demo_dir)
{
  FixCase *fixcase = g_new0 (FixCase, 1);
  g_autofree char *profile = g_build_filename (demo_dir, "demo.lcsdns", NULL);
  g_autofree char *external = g_build_filename (demo_dir, "external", NULL);
  g_autoptr(GError) error = NULL;

  fixcase->name = g_strdup ("demo");
  fixcase->profile = lcs_profile_load (profile, &error);
  if (fixcase->profile == NULL)
    g_error ("%s: %s", profile, error->message);
  fixcase->obs = lcs_observations_new ();
  load_dir (fixcase, LCS_VIEW_INTERNAL, demo_dir);
  load_dir (fixcase, LCS_VIEW_EXTERNAL, external);
  return fixcase;
}

GPtrArray *
fixcase_load_all (const char *srcdir,
                  const char *demo_dir)
{
  g_autofree char *path = g_build_filename (srcdir, "zone-rules", "cases.txt", NULL);
  g_autofree char *rules_dir = g_build_filename (srcdir, "fixtures", "zones", "rules", NULL);
  g_autoptr(GKeyFile) cases = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) fixcase_free);
  guint i;

  if (!g_key_file_load_from_file (cases, path, G_KEY_FILE_NONE, &error))
    g_error ("%s: %s", path, error->message);
  groups = g_key_file_get_groups (cases, NULL);
  for (i = 0; groups[i] != NULL; i++)
    if (strcmp (groups[i], "defaults") != 0)
      g_ptr_array_add (all, case_from_group (cases, groups[i], rules_dir));
  g_ptr_array_add (all, demo_case (demo_dir));
  return all;
}

/* The text builder: zone origin → GString. */
typedef struct {
  const LcsObservations *obs;
  LcsView                view;
  GHashTable            *texts;
} Texts;

/* A SOA and an NS of the test's own: the fixture's name servers may have no address in the
 * zone, which BIND refuses, and the check reads neither. */
char *
fixcase_empty_zone (const char *origin)
{
  return g_strdup_printf ("$ORIGIN %s\n$TTL 3600\n"
                          "@ 3600 IN SOA ns.lcsdns.test. hostmaster.lcsdns.test. "
                          "1 900 600 86400 60\n@ 3600 IN NS ns.lcsdns.test.\n", origin);
}

static GString *
text_for (GHashTable *texts,
          const char *origin)
{
  GString *text = g_hash_table_lookup (texts, origin);

  if (text == NULL)
    {
      g_autofree char *empty = fixcase_empty_zone (origin);

      text = g_string_new (empty);
      g_hash_table_insert (texts, g_strdup (origin), text);
    }
  return text;
}

static char *
record_line (const char *owner,
             guint32     ttl,
             guint16     type,
             const char *rdata)
{
  return g_strdup_printf ("%s %u IN %s %s\n", owner, ttl, lcs_type_to_string (type), rdata);
}

static void
on_record (const LcsRecord *record,
           gpointer         user_data)
{
  Texts *texts = user_data;
  const char *origin = lcs_observations_zone_for (texts->obs, texts->view, record->owner);
  g_autofree char *line = NULL;

  if (origin == NULL || record->type == LCS_TYPE_SOA ||
      (record->type == LCS_TYPE_NS && lcs_name_equal (record->owner, origin)))
    return;
  line = record_line (record->owner, record->ttl, record->type, record->rdata);
  g_string_append (text_for (texts->texts, origin), line);
}

/* Removes the exact line of @op's record (any TTL) from @text. */
static void
delete_line (GString        *text,
             const LcsFixOp *op)
{
  g_autofree char *head = g_strdup_printf ("%s ", op->record->owner);
  g_autofree char *tail = g_strdup_printf (" IN %s %s", lcs_type_to_string (op->record->type),
                                           op->record->rdata);
  g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);
  guint i;

  g_string_truncate (text, 0);
  for (i = 0; lines[i] != NULL && (lines[i][0] != '\0' || lines[i + 1] != NULL); i++)
    if (!(g_str_has_prefix (lines[i], head) && g_str_has_suffix (lines[i], tail)))
      g_string_append_printf (text, "%s\n", lines[i]);
}

GHashTable *
fixcase_zone_texts (const LcsObservations *obs,
                    LcsView                view,
                    const LcsRemediation  *fix,
                    gboolean               apply)
{
  Texts texts = { obs, view, NULL };
  guint i;

  texts.texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lcs_observations_foreach (obs, view, 0, on_record, &texts);
  for (i = 0; fix != NULL && i < fix->ops->len; i++)
    {
      const LcsFixOp *op = g_ptr_array_index (fix->ops, i);
      GString *text;
      g_autofree char *line = NULL;

      if (op->view != view)
        continue;
      text = text_for (texts.texts, op->zone);
      if (!apply || !op->enabled)
        continue;
      if (op->action == LCS_FIX_DELETE)
        delete_line (text, op);
      else
        {
          line = record_line (op->record->owner, op->record->ttl, op->record->type,
                              op->record->rdata);
          g_string_append (text, line);
        }
    }
  {
    GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter iter;
    gpointer origin, text;

    g_hash_table_iter_init (&iter, texts.texts);
    while (g_hash_table_iter_next (&iter, &origin, &text))
      g_hash_table_insert (out, g_strdup (origin), g_string_free (text, FALSE));
    g_hash_table_unref (texts.texts);
    return out;
  }
}

static void
write_view (LcsObservations *obs,
            LcsView          view,
            GHashTable      *texts,
            const char      *dir)
{
  g_autofree char *view_dir = g_build_filename (dir, lcs_view_to_string (view), NULL);
  GHashTableIter iter;
  gpointer origin, text;

  /* dnsfixture.py starts a named for each view directory there is. */
  if (g_hash_table_size (texts) == 0)
    return;
  g_mkdir_with_parents (view_dir, 0700);
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &origin, &text))
    {
      g_autofree char *bare = lcs_name_bare (origin);
      g_autofree char *file = g_strdup_printf ("%s.db", bare);
      g_autofree char *path = g_build_filename (view_dir, file, NULL);
      g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, text, -1, &error) ||
          !lcs_zone_load (obs, view, path, origin, findings, &error))
        g_error ("%s: %s", path, error->message);
    }
}

LcsObservations *
fixcase_write_and_read (GHashTable *internal,
                        GHashTable *external,
                        const char *dir)
{
  LcsObservations *obs = lcs_observations_new ();

  write_view (obs, LCS_VIEW_INTERNAL, internal, dir);
  write_view (obs, LCS_VIEW_EXTERNAL, external, dir);
  return obs;
}
