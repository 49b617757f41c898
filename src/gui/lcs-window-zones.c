/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone files from the window: named on Import and Replace (lcs-zone-name-dialog.c), read in a
 * thread (lcs-zone-loader.c), their records handed back in chunks while the window stays live,
 * then shown in the console tree's DNS zones branch and on the zone page; with the check of
 * Import and F5 run in the same thread. */
#include "config.h"

#include "lcs-window-private.h"

#include <glib/gi18n.h>

#include "lcs-console-tree.h"
#include "lcs-zone-loader.h"
#include "lcs-zone-name-dialog.h"

static void
show_reading (LcsWindow *self)
{
  g_autofree char *text = g_strdup_printf (_("Reading zone files… %u records"), self->zone_records_read);

  gtk_label_set_text (self->status_label, text);
}

/* The tree's zone branch is rebuilt as each file completes; the node the admin had selected
 * is selected again. */
static void
update_zone_nodes (LcsWindow *self)
{
  LcsNode node;
  gboolean selected = lcs_console_tree_selected (self->console_tree, &node);

  lcs_console_tree_set_zones (self->tree_store, self->zone_contents);
  if (!selected)
    return;
  if (node.kind == LCS_NODE_ZONES || node.kind == LCS_NODE_ZONE || node.kind == LCS_NODE_ZONE_FOLDER)
    lcs_console_tree_select (self->console_tree, node.kind, node.domain, node.view);
  lcs_node_clear (&node);
}

static void
on_zone_chunk (LcsZoneChunk *chunk,
               gpointer      user_data)
{
  LcsWindow *self = user_data;
  LcsZoneContent *content = g_ptr_array_index (self->zone_contents->zones[chunk->view], chunk->index);

  self->zone_records_read += chunk->records->len;
  g_ptr_array_extend_and_steal (content->records, g_steal_pointer (&chunk->records));
  if (chunk->origin != NULL)
    {
      content->origin = g_steal_pointer (&chunk->origin);
      content->folders = g_steal_pointer (&chunk->folders);
      update_zone_nodes (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->center_stack), "zone") == 0)
        lcs_zone_view_reload (self->zone_view);
    }
  show_reading (self);
}

/* F5 during a read starts it again; a live check waits until the offline one has ended. */
static void
set_loading (LcsWindow *self,
             gboolean   loading)
{
  lcs_window_set_action_enabled (self, "live-check", !loading);
  g_object_notify (G_OBJECT (self), "loading");
}

/* Which read a callback answers: only the current one may touch the window. */
typedef struct {
  GCancellable *cancellable;
  gboolean      check;
} LoadTag;

static void
load_tag_free (LoadTag *tag)
{
  g_object_unref (tag->cancellable);
  g_free (tag);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadTag, load_tag_free)

static void
on_zones_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LcsWindow *self = LCS_WINDOW (source);
  g_autoptr(LoadTag) tag = user_data;
  LcsReport *report = NULL;
  LcsObservations *obs = NULL;
  g_autoptr(GError) error = NULL;

  if (!lcs_zone_loader_run_finish (result, &report, &obs, &error) && tag->cancellable != self->zone_load)
    return;
  if (tag->cancellable != self->zone_load)
    {
      g_clear_pointer (&report, lcs_report_free);
      g_clear_pointer (&obs, lcs_observations_free);
      return;
    }
  g_clear_object (&self->zone_load);
  /* A record added meanwhile was checked in the main loop, against the document as it is now:
   * that report stays. */
  if (!self->zone_load_checks)
    {
      tag->check = FALSE;
      g_clear_pointer (&report, lcs_report_free);
      g_clear_pointer (&obs, lcs_observations_free);
    }
  if (error != NULL)
    {
      lcs_window_show_error (self, _("The zone file cannot be read"), error);
      if (tag->check)
        lcs_document_check_plan (self->doc);
    }
  else if (report != NULL)
    {
      lcs_document_add_cert_findings (self->doc, report);
      lcs_document_set_report (self->doc, report,
                               (g_get_monotonic_time () - self->zone_load_start) / 1e6);
      self->doc->obs = obs;
    }
  /* A read for the zone branch alone leaves the result list (and its selection) as it is. */
  if (tag->check)
    lcs_window_refresh_panes (self);
  else
    lcs_window_update_status (self);
  set_loading (self, FALSE);
}

void
lcs_window_load_zones (LcsWindow *self,
                       gboolean   check)
{
  char *const *zones[2] = {
    (char *const *) self->doc->profile->zones[LCS_VIEW_INTERNAL]->pdata,
    (char *const *) self->doc->profile->zones[LCS_VIEW_EXTERNAL]->pdata,
  };
  LoadTag *tag;

  lcs_window_forget_zones (self);
  if (!lcs_document_has_zones (self->doc))
    return;
  self->zone_contents = lcs_zone_contents_new ();
  for (int view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    for (guint i = 0; zones[view] != NULL && zones[view][i] != NULL; i++)
      lcs_zone_contents_add (self->zone_contents, view, zones[view][i], self->doc->profile);
  self->zone_load = g_cancellable_new ();
  self->zone_load_checks = check;
  self->zone_load_start = g_get_monotonic_time ();
  self->zone_records_read = 0;
  tag = g_new0 (LoadTag, 1);
  tag->cancellable = g_object_ref (self->zone_load);
  tag->check = check;
  lcs_zone_loader_run_async (self, zones, self->doc->profile->zone_origins, check ? self->doc->profile : NULL, on_zone_chunk, self,
                             self->zone_load, on_zones_loaded, tag);
  show_reading (self);
  set_loading (self, TRUE);
}

void
lcs_window_follow_zones (LcsWindow *self)
{
  if (!lcs_zone_contents_match (self->zone_contents, self->doc->profile))
    {
      lcs_window_load_zones (self, FALSE);
      return;
    }
  /* The tree was filled anew: its zone branch comes back from what was read (or is being). */
  if (self->zone_contents != NULL)
    update_zone_nodes (self);
}

void
lcs_window_forget_zones (LcsWindow *self)
{
  gboolean was_loading = self->zone_load != NULL;

  if (self->zone_load != NULL)
    g_cancellable_cancel (self->zone_load);
  g_clear_object (&self->zone_load);
  /* The page and the tree let go of the records before they are freed. */
  lcs_zone_view_clear (self->zone_view);
  lcs_console_tree_set_zones (self->tree_store, NULL);
  g_clear_pointer (&self->zone_contents, lcs_zone_contents_free);
  if (was_loading)
    set_loading (self, FALSE);
}

gboolean
lcs_window_is_loading (LcsWindow *self)
{
  return self->zone_load != NULL;
}

void
lcs_window_show_zone_node (LcsWindow     *self,
                           const LcsNode *node)
{
  const char *folder = node->kind == LCS_NODE_ZONES ? NULL : node->domain;
  g_autofree char *status = NULL;

  gtk_stack_set_visible_child_name (self->center_stack, "zone");
  if (self->zone_contents == NULL)
    return;
  lcs_zone_view_show (self->zone_view, self->zone_contents, node->view, node->zone, folder);
  if (self->zone_load == NULL)
    {
      status = g_strdup_printf (_("%u records in the zone files"), lcs_zone_contents_count (self->zone_contents));
      gtk_label_set_text (self->status_label, status);
    }
}

/* The file the zone name dialog is about, and where it goes: a new file of @view (index < 0)
 * or in place of the view's file @index. */
typedef struct {
  LcsWindow *window;
  LcsView    view;
  int        index;
  char      *path;
} ZoneNameAsk;

static void
zone_name_ask_free (ZoneNameAsk *ask)
{
  g_free (ask->path);
  g_free (ask);
}

static void
on_zone_name_response (GtkDialog   *dialog,
                       int          response,
                       ZoneNameAsk *ask)
{
  LcsWindow *self = ask->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (lcs_zone_name_dialog_get_name (LCS_ZONE_NAME_DIALOG (dialog)));
  gboolean changed = FALSE;

  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == GTK_RESPONSE_OK)
    changed = ask->index < 0
                ? lcs_document_add_zone_named (self->doc, ask->view, ask->path, name, &error)
                : lcs_document_replace_zone (self->doc, ask->view, (guint) ask->index, ask->path, name, &error);
  zone_name_ask_free (ask);
  if (error != NULL)
    lcs_window_show_error (self, _("The zone name cannot be used"), error);
  if (!changed)
    return;
  /* A changed zone list means an offline check, even after a live one. The plan shows while
   * the files are read and checked in a thread. */
  self->doc->live = FALSE;
  lcs_document_check_plan (self->doc);
  lcs_window_refresh_panes (self);
  lcs_window_load_zones (self, TRUE);
}

/* The zone the view's file @index is read as: the name the profile gives it, else the origin
 * it was read with; NULL when neither is known. */
static const char *
replaced_zone (LcsWindow *self,
               LcsView    view,
               guint      index)
{
  const char *path = g_ptr_array_index (self->doc->profile->zones[view], index);
  const char *named = lcs_profile_zone_origin (self->doc->profile, path);
  const LcsZoneContent *content;

  if (named != NULL || self->zone_contents == NULL || index >= self->zone_contents->zones[view]->len)
    return named;
  content = g_ptr_array_index (self->zone_contents->zones[view], index);
  return g_strcmp0 (content->path, path) == 0 ? content->origin : NULL;
}

void
lcs_window_ask_zone_name (LcsWindow  *self,
                          LcsView     view,
                          int         index,
                          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *proposed = NULL;
  LcsZoneOriginSource source;
  const char *replaced = NULL;
  ZoneNameAsk *ask;
  GtkWidget *dialog;

  /* The list may have changed while the file chooser was open (it is not modal). */
  if (index >= 0 && (guint) index >= self->doc->profile->zones[view]->len)
    return;
  if (!lcs_zone_peek_origin (path, &proposed, &source, &error))
    {
      lcs_window_show_error (self, _("The zone file cannot be read"), error);
      return;
    }
  /* Replacing, a name the new file does not give itself is the old file's: most likely a
   * newer export of the same zone (contoso-60k.dns for contoso-50k.dns, both contoso.com.). */
  if (index >= 0 && (source == LCS_ZONE_ORIGIN_FROM_FILE_NAME || source == LCS_ZONE_ORIGIN_FROM_NONE)
      && replaced_zone (self, view, (guint) index) != NULL)
    {
      g_free (proposed);
      proposed = g_strdup (replaced_zone (self, view, (guint) index));
      replaced = g_ptr_array_index (self->doc->profile->zones[view], index);
    }
  ask = g_new0 (ZoneNameAsk, 1);
  ask->window = self;
  ask->view = view;
  ask->index = index;
  ask->path = g_strdup (path);
  dialog = lcs_zone_name_dialog_new (GTK_WINDOW (self), index < 0 ? _("Import Zone File") : _("Replace Zone File"),
                                     path, view, proposed, source, replaced);
  g_signal_connect (dialog, "response", G_CALLBACK (on_zone_name_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}
