/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console's document: profile, file, offline zone, last report. */
#include "config.h"

#include "lcs-document.h"

#include <glib/gi18n.h>
#include <lcsdns/model/name.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/demo.h>

LcsDocument *
lcs_document_new (LcsProfile *profile,
                  const char *path)
{
  LcsDocument *doc = g_new0 (LcsDocument, 1);

  doc->profile = profile;
  doc->path = g_strdup (path);
  doc->undo = lcs_undo_new ((LcsUndoCopy) lcs_profile_copy, (GDestroyNotify) lcs_profile_free, 100);
  doc->cert_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  return doc;
}

void
lcs_document_free (LcsDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->profile, lcs_profile_free);
  g_clear_pointer (&doc->report, lcs_report_free);
  g_clear_pointer (&doc->obs, lcs_observations_free);
  g_ptr_array_unref (doc->cert_findings);
  g_free (doc->path);
  lcs_undo_free (doc->undo);
  g_free (doc);
}

/* The demo's zone exports of @view, in name order. */
static void
add_demo_zones (LcsDocument *doc,
                LcsView      view,
                const char  *dir)
{
  g_auto(GStrv) paths = lcs_demo_zones (dir, view);

  for (guint i = 0; paths[i] != NULL; i++)
    lcs_profile_add_zone (doc->profile, view, paths[i]);
}

LcsDocument *
lcs_document_open_demo (GError **error)
{
  g_autofree char *dir = lcs_demo_dir ();
  g_autofree char *profile_path = g_build_filename (dir, LCS_DEMO_PROFILE, NULL);
  LcsProfile *profile = lcs_profile_load (profile_path, error);
  LcsDocument *doc;

  if (profile == NULL)
    return NULL;
  doc = lcs_document_new (profile, NULL);
  doc->demo = TRUE;
  add_demo_zones (doc, LCS_VIEW_INTERNAL, dir);
  add_demo_zones (doc, LCS_VIEW_EXTERNAL, dir);
  return doc;
}

gboolean
lcs_document_has_zones (const LcsDocument *doc)
{
  return doc->profile->zones[LCS_VIEW_INTERNAL]->len > 0 || doc->profile->zones[LCS_VIEW_EXTERNAL]->len > 0;
}

gboolean
lcs_document_servers_chosen (const LcsDocument *doc)
{
  const LcsProfile *profile = doc->profile;

  /* An empty list means the system's resolver to the lookup: a server nobody chose. */
  return doc->system_resolver
         || (profile->internal_dns->len > 0 && (profile->edge == NULL || profile->external_dns->len > 0));
}

void
lcs_document_begin_change (LcsDocument *doc)
{
  lcs_undo_push (doc->undo, doc->profile);
  doc->dirty = TRUE;
}

static void
swap_profile (LcsDocument *doc,
              LcsProfile  *profile)
{
  lcs_profile_free (doc->profile);
  doc->profile = profile;
  doc->dirty = TRUE;
}

void
lcs_document_replace_profile (LcsDocument *doc,
                              LcsProfile  *profile)
{
  lcs_document_begin_change (doc);
  swap_profile (doc, profile);
}

gboolean
lcs_document_undo (LcsDocument *doc)
{
  LcsProfile *before = lcs_undo_undo (doc->undo, doc->profile);

  if (before != NULL)
    swap_profile (doc, before);
  return before != NULL;
}

gboolean
lcs_document_redo (LcsDocument *doc)
{
  LcsProfile *after = lcs_undo_redo (doc->undo, doc->profile);

  if (after != NULL)
    swap_profile (doc, after);
  return after != NULL;
}

void
lcs_document_add_zone (LcsDocument *doc,
                       LcsView      view,
                       const char  *path)
{
  lcs_document_add_zone_named (doc, view, path, NULL, NULL);
}

/* Whether @path is read as @origin already (both NULL: as the file says). */
static gboolean
has_origin (const LcsProfile *profile,
            const char       *path,
            const char       *origin)
{
  g_autofree char *normal = origin != NULL && *origin != '\0' ? lcs_name_normalize (origin) : NULL;

  return g_strcmp0 (lcs_profile_zone_origin (profile, path), normal) == 0;
}

static gboolean
origin_valid (const char  *origin,
              GError     **error)
{
  return origin == NULL || *origin == '\0' || lcs_profile_zone_origin_valid (origin, error);
}

gboolean
lcs_document_add_zone_named (LcsDocument *doc,
                             LcsView      view,
                             const char  *path,
                             const char  *origin,
                             GError     **error)
{
  gboolean listed = g_ptr_array_find_with_equal_func (doc->profile->zones[view], path, g_str_equal, NULL);

  /* A file imported twice under the same name is no change: nothing to undo. */
  if ((listed && has_origin (doc->profile, path, origin)) || !origin_valid (origin, error))
    return FALSE;
  lcs_document_begin_change (doc);
  if (!listed)
    lcs_profile_add_zone (doc->profile, view, path);
  return lcs_profile_set_zone_origin (doc->profile, path, origin, error);
}

gboolean
lcs_document_remove_zone (LcsDocument *doc,
                          LcsView      view,
                          guint        index)
{
  if (index >= doc->profile->zones[view]->len)
    return FALSE;
  lcs_document_begin_change (doc);
  g_ptr_array_remove_index (doc->profile->zones[view], index);
  return TRUE;
}

gboolean
lcs_document_replace_zone (LcsDocument *doc,
                           LcsView      view,
                           guint        index,
                           const char  *path,
                           const char  *origin,
                           GError     **error)
{
  GPtrArray *zones = doc->profile->zones[view];
  guint at = 0;

  if (index >= zones->len)
    return FALSE;
  /* The same file again may only take another name. */
  if (g_ptr_array_find_with_equal_func (zones, path, g_str_equal, &at)
      && (at != index || has_origin (doc->profile, path, origin)))
    return FALSE;
  if (!origin_valid (origin, error))
    return FALSE;
  lcs_document_begin_change (doc);
  g_free (g_ptr_array_index (zones, index));
  g_ptr_array_index (zones, index) = g_strdup (path);
  return lcs_profile_set_zone_origin (doc->profile, path, origin, error);
}

LcsDocument *
lcs_document_open (const char  *path,
                   GError     **error)
{
  LcsProfile *profile = lcs_profile_load (path, error);

  if (profile == NULL)
    return NULL;
  return lcs_document_new (profile, path);
}

gboolean
lcs_document_save (LcsDocument *doc,
                   const char  *path,
                   GError     **error)
{
  if (!lcs_profile_save (doc->profile, path, error))
    return FALSE;
  if (doc->path != path)
    {
      g_free (doc->path);
      doc->path = g_strdup (path);
    }
  doc->dirty = FALSE;
  doc->demo = FALSE;
  return TRUE;
}

void
lcs_document_set_report (LcsDocument *doc,
                         LcsReport   *report,
                         double       seconds)
{
  g_clear_pointer (&doc->report, lcs_report_free);
  g_clear_pointer (&doc->obs, lcs_observations_free);
  doc->report = report;
  doc->seconds = seconds;
}

void
lcs_document_set_cert_findings (LcsDocument *doc,
                                GPtrArray   *findings)
{
  g_ptr_array_set_size (doc->cert_findings, 0);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_ptr_array_add (doc->cert_findings, lcs_finding_copy (g_ptr_array_index (findings, i)));
}

void
lcs_document_add_cert_findings (const LcsDocument *doc,
                                LcsReport         *report)
{
  /* Certificate findings checked before are replaced, not counted twice. */
  lcs_report_remove_findings (report, LCS_SUBJECT_CERT);
  for (guint i = 0; i < doc->cert_findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (doc->cert_findings, i)));
  lcs_report_sort (report);
}

void
lcs_document_check_plan (LcsDocument *doc)
{
  gint64 start = g_get_monotonic_time ();
  LcsReport *report = lcs_check_plan (doc->profile);

  lcs_document_add_cert_findings (doc, report);
  lcs_document_set_report (doc, report, (g_get_monotonic_time () - start) / 1e6);
}

void
lcs_document_add_record (LcsDocument *doc,
                         LcsView      view,
                         LcsRecord   *record)
{
  lcs_document_begin_change (doc);
  g_ptr_array_add (lcs_profile_records (doc->profile, view), record);
}

gboolean
lcs_document_delete_added (LcsDocument *doc,
                           int          index)
{
  LcsView view;
  guint internal = doc->profile->records->len;

  if (lcs_document_added_at (doc, index, &view) == NULL)
    return FALSE;
  lcs_document_begin_change (doc);
  g_ptr_array_remove_index (lcs_profile_records (doc->profile, view),
                            view == LCS_VIEW_EXTERNAL ? (guint) index - internal : (guint) index);
  return TRUE;
}

static gpointer
element_at (GPtrArray *array,
            int        index)
{
  return array != NULL && index >= 0 && (guint) index < array->len ? g_ptr_array_index (array, index) : NULL;
}

const LcsRecordResult *
lcs_document_result_at (const LcsDocument *doc,
                        int                index)
{
  return doc->report != NULL ? element_at (doc->report->results, index) : NULL;
}

const LcsFinding *
lcs_document_finding_at (const LcsDocument *doc,
                         int                index)
{
  return doc->report != NULL ? element_at (doc->report->findings, index) : NULL;
}

const LcsRecord *
lcs_document_added_at (const LcsDocument *doc,
                       int                index,
                       LcsView           *view)
{
  guint internal = doc->profile->records->len;

  *view = index >= 0 && (guint) index >= internal ? LCS_VIEW_EXTERNAL : LCS_VIEW_INTERNAL;
  if (*view == LCS_VIEW_EXTERNAL)
    return element_at (doc->profile->external_records, index - (int) internal);
  return element_at (doc->profile->records, index);
}

char *
lcs_document_display_name (const LcsDocument *doc)
{
  if (doc->path != NULL)
    return g_path_get_basename (doc->path);
  if (doc->demo)
    return g_strdup (_("Demo deployment"));
  return g_strdup (_("Untitled deployment"));
}
