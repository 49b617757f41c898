/* The console's document: profile, file, offline zone, last report. */
#include "lcs-document.h"

#include <glib/gi18n.h>
#include <lcsdns/model/datadir.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/zone/zone.h>

#include "lcs-gui-config.h"

#define DEMO_PROFILE "demo.lcsdns"

LcsDocument *
lcs_document_new (LcsProfile *profile,
                  const char *path)
{
  LcsDocument *doc = g_new0 (LcsDocument, 1);

  doc->profile = profile;
  doc->path = g_strdup (path);
  doc->zones[LCS_VIEW_INTERNAL] = g_ptr_array_new_with_free_func (g_free);
  doc->zones[LCS_VIEW_EXTERNAL] = g_ptr_array_new_with_free_func (g_free);
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
  g_ptr_array_unref (doc->cert_findings);
  g_free (doc->path);
  g_ptr_array_unref (doc->zones[LCS_VIEW_INTERNAL]);
  g_ptr_array_unref (doc->zones[LCS_VIEW_EXTERNAL]);
  g_free (doc);
}

char *
lcs_document_demo_dir (void)
{
  const char *env = g_getenv ("LCS_DEMO_DIR");
  g_autofree char *source_profile = g_build_filename (LCS_DEMO_DIR_SOURCE, DEMO_PROFILE, NULL);
  g_autofree char *data_dir = lcs_data_dir ();

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (source_profile, G_FILE_TEST_EXISTS))
    return g_strdup (LCS_DEMO_DIR_SOURCE);
  return g_build_filename (data_dir, "demo", NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The demo's zone exports: *.dns in @dir, in name order. */
static void
add_demo_zones (LcsDocument *doc,
                LcsView      view,
                const char  *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".dns"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    lcs_document_add_zone (doc, view, g_ptr_array_index (names, i));
}

LcsDocument *
lcs_document_open_demo (GError **error)
{
  g_autofree char *dir = lcs_document_demo_dir ();
  g_autofree char *profile_path = g_build_filename (dir, DEMO_PROFILE, NULL);
  g_autofree char *external_dir = g_build_filename (dir, "external", NULL);
  LcsProfile *profile = lcs_profile_load (profile_path, error);
  LcsDocument *doc;

  if (profile == NULL)
    return NULL;
  doc = lcs_document_new (profile, NULL);
  doc->demo = TRUE;
  add_demo_zones (doc, LCS_VIEW_INTERNAL, dir);
  add_demo_zones (doc, LCS_VIEW_EXTERNAL, external_dir);
  return doc;
}

gboolean
lcs_document_has_zones (const LcsDocument *doc)
{
  return doc->zones[LCS_VIEW_INTERNAL]->len > 0 || doc->zones[LCS_VIEW_EXTERNAL]->len > 0;
}

void
lcs_document_add_zone (LcsDocument *doc,
                       LcsView      view,
                       const char  *path)
{
  if (!g_ptr_array_find_with_equal_func (doc->zones[view], path, g_str_equal, NULL))
    g_ptr_array_add (doc->zones[view], g_strdup (path));
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
  for (guint i = report->findings->len; i > 0; i--)
    {
      LcsFinding *old = g_ptr_array_index (report->findings, i - 1);

      if (!g_str_has_prefix (old->rule->id, "cert-"))
        continue;
      if (old->severity == LCS_SEVERITY_ERROR)
        report->errors--;
      else if (old->severity == LCS_SEVERITY_WARNING)
        report->warnings--;
      else
        report->infos--;
      g_ptr_array_remove_index (report->findings, i - 1);
    }
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

/* The added records are what the admin is about to create: offline they count as part of the
 * zone they fall in, so that applying a fix shows its effect at once. */
static void
add_records_to_zones (const LcsProfile *profile,
                      LcsObservations  *obs)
{
  static const LcsView views[] = { LCS_VIEW_INTERNAL, LCS_VIEW_EXTERNAL };

  for (guint i = 0; i < profile->records->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (profile->records, i);

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (lcs_observations_zone_for (obs, views[v], record->owner) != NULL)
          lcs_observations_take_record (obs, views[v], lcs_record_copy (record));
    }
}

gboolean
lcs_document_check_zone (LcsDocument  *doc,
                         GError      **error)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  gint64 start = g_get_monotonic_time ();
  LcsReport *report;

  for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; i < doc->zones[view]->len; i++)
      if (!lcs_zone_load (obs, view, g_ptr_array_index (doc->zones[view], i), NULL, syntax, error))
        return FALSE;
  add_records_to_zones (doc->profile, obs);
  report = lcs_check_observations (doc->profile, obs, LCS_SOURCE_ZONE);
  for (guint view = LCS_VIEW_INTERNAL; report->files != NULL && view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; i < doc->zones[view]->len; i++)
      g_ptr_array_add (report->files, g_strdup (g_ptr_array_index (doc->zones[view], i)));
  while (syntax->len > 0)
    lcs_report_add_finding (report, g_ptr_array_steal_index (syntax, 0));
  lcs_report_sort (report);
  lcs_document_add_cert_findings (doc, report);
  lcs_document_set_report (doc, report, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

void
lcs_document_add_record (LcsDocument *doc,
                         LcsRecord   *record)
{
  g_ptr_array_add (doc->profile->records, record);
  doc->dirty = TRUE;
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
