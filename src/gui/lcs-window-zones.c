/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone files from the window: named on Import and Replace (lcs-zone-name-dialog.c), read in a
 * thread (lcs-zone-loader.c), their records handed back in chunks while the window stays live,
 * then shown in the console tree's DNS zones branch and on the zone page; with the check of
 * Import and F5 run in the same thread. After an edit (a record, Properties, Undo) the files read
 * already are checked again in a thread, not read again. */
#include "config.h"

#include "lcs-window-private.h"

#include <glib/gi18n.h>

#include "lcs-console-tree.h"
#include "lcs-zone-loader.h"
#include "lcs-zone-name-dialog.h"

gboolean
lcs_window_show_zone_progress (LcsWindow *self)
{
  g_autofree char *text = NULL;

  if (self->zone_load != NULL)
    text = g_strdup_printf (_("Reading zone files… %u records"), self->zone_records_read);
  else if (self->recheck != NULL)
    text = g_strdup_printf (_("Checking the zone files… %u records"), lcs_zone_contents_count (self->zone_contents));
  else
    return FALSE;
  gtk_label_set_text (self->status_label, text);
  return TRUE;
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
  lcs_window_show_zone_progress (self);
}

/* F5 during a read starts it again; a live check waits until the offline one has ended. */
static void
update_loading (LcsWindow *self)
{
  lcs_window_set_action_enabled (self, "live-check", !lcs_window_is_loading (self));
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

static void start_recheck (LcsWindow *self);

/* What the loader hands back. */
typedef struct {
  LcsZoneSet      *set;
  LcsReport       *report;
  LcsObservations *obs;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->set, lcs_zone_set_unref);
  g_clear_pointer (&loaded->report, lcs_report_free);
  g_clear_pointer (&loaded->obs, lcs_observations_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

/* The loader's @result in @loaded (or its @error), and whether it answers the call of @tag while
 * that is still @current: only then may it touch the window; what a stale call gives is freed
 * with @loaded. */
static gboolean
finish_current (GAsyncResult  *result,
                LoadTag       *tag,
                GCancellable  *current,
                Loaded        *loaded,
                GError       **error)
{
  lcs_zone_loader_run_finish (result, &loaded->set, &loaded->report, &loaded->obs, error);
  return tag->cancellable == current;
}

/* The check's report (with the certificate's findings) and what it observed, for the fix script. */
static void
take_report (LcsWindow *self,
             Loaded    *loaded,
             gint64     start)
{
  lcs_document_add_cert_findings (self->doc, loaded->report);
  lcs_document_set_report (self->doc, g_steal_pointer (&loaded->report), (g_get_monotonic_time () - start) / 1e6);
  self->doc->obs = g_steal_pointer (&loaded->obs);
}

static void
on_zones_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LcsWindow *self = LCS_WINDOW (source);
  g_autoptr(LoadTag) tag = user_data;
  g_auto(Loaded) loaded = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;

  if (!finish_current (result, tag, self->zone_load, &loaded, &error))
    return;
  g_clear_object (&self->zone_load);
  self->zone_set = g_steal_pointer (&loaded.set);
  /* The document changed while the files were read: this check saw it before, and the check
   * that waited for the read (recheck_pending) replaces it. */
  if (!self->zone_load_checks)
    tag->check = FALSE;
  if (error != NULL)
    {
      lcs_window_show_error (self, _("The zone file cannot be read"), error);
      if (tag->check || self->recheck_pending)
        lcs_document_check_plan (self->doc);
      tag->check = tag->check || self->recheck_pending;
      self->recheck_pending = FALSE;
    }
  else if (tag->check && loaded.report != NULL)
    take_report (self, &loaded, self->zone_load_start);
  if (self->recheck_pending)
    start_recheck (self);
  /* A read for the zone branch alone leaves the result list (and its selection) as it is. */
  if (tag->check)
    lcs_window_refresh_panes (self);
  else
    lcs_window_update_status (self);
  update_loading (self);
}

static void
on_zones_rechecked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LcsWindow *self = LCS_WINDOW (source);
  g_autoptr(LoadTag) tag = user_data;
  g_auto(Loaded) loaded = { NULL, NULL, NULL };
  g_autofree char *selected = NULL;
  LcsRowKind kind;

  /* Only the newest check may touch the document: an older one's report is stale. */
  if (!finish_current (result, tag, self->recheck, &loaded, NULL))
    return;
  g_clear_object (&self->recheck);
  if (loaded.report != NULL)
    {
      selected = lcs_result_list_get_selected_name (self->result_list, &kind);
      take_report (self, &loaded, self->recheck_start);
      lcs_window_refresh_panes (self);
      /* A row the admin selected while the check ran stays selected (and in view) in the new
       * list. */
      if (selected != NULL)
        lcs_result_list_select (self->result_list, kind, selected);
    }
  update_loading (self);
}

/* The set read last, checked with the profile as it is now. */
static void
start_recheck (LcsWindow *self)
{
  LoadTag *tag = g_new0 (LoadTag, 1);

  self->recheck_pending = FALSE;
  self->recheck = g_cancellable_new ();
  self->recheck_start = g_get_monotonic_time ();
  tag->cancellable = g_object_ref (self->recheck);
  tag->check = TRUE;
  lcs_zone_loader_check_async (self, self->zone_set, self->doc->profile, self->recheck, on_zones_rechecked, tag);
  update_loading (self);
}

void
lcs_window_supersede_checks (LcsWindow *self)
{
  gboolean was_checking = self->recheck != NULL;

  if (self->recheck != NULL)
    g_cancellable_cancel (self->recheck);
  g_clear_object (&self->recheck);
  self->recheck_pending = FALSE;
  self->zone_load_checks = FALSE;
  if (was_checking)
    update_loading (self);
}

void
lcs_window_check_zones (LcsWindow *self)
{
  lcs_window_supersede_checks (self);
  /* Until the check is done the panes show a report of some kind: the last, else the plan. */
  if (self->doc->report == NULL)
    lcs_document_check_plan (self->doc);
  /* Files read under other names are read again, not checked as they were read. */
  if (!lcs_zone_contents_match (self->zone_contents, self->doc->profile))
    lcs_window_load_zones (self, TRUE);
  else if (self->zone_load != NULL)
    self->recheck_pending = TRUE;
  else if (self->zone_set != NULL)
    start_recheck (self);
  else
    lcs_window_load_zones (self, TRUE);
}

void
lcs_window_load_zones (LcsWindow *self,
                       gboolean   check)
{
  char *const *zones[2] = {
    (char *const *) self->doc->profile->zones[LCS_VIEW_INTERNAL]->pdata,
    (char *const *) self->doc->profile->zones[LCS_VIEW_EXTERNAL]->pdata,
  };
  g_autoptr(LcsZoneSet) set = NULL;
  LoadTag *tag;

  lcs_window_forget_zones (self);
  if (!lcs_document_has_zones (self->doc))
    return;
  set = lcs_zone_set_new ();
  self->zone_contents = lcs_zone_contents_new (set);
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
  lcs_zone_loader_run_async (self, set, zones, self->doc->profile->zone_origins, check ? self->doc->profile : NULL, on_zone_chunk, self,
                             self->zone_load, on_zones_loaded, tag);
  lcs_window_show_zone_progress (self);
  update_loading (self);
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

  /* A check of the set read last has nothing left to check. */
  lcs_window_supersede_checks (self);
  if (self->zone_load != NULL)
    g_cancellable_cancel (self->zone_load);
  g_clear_object (&self->zone_load);
  /* The page and the tree let go of the records before they are freed. */
  lcs_zone_view_clear (self->zone_view);
  lcs_console_tree_set_zones (self->tree_store, NULL);
  g_clear_pointer (&self->zone_contents, lcs_zone_contents_free);
  g_clear_pointer (&self->zone_set, lcs_zone_set_unref);
  if (was_loading)
    update_loading (self);
}

gboolean
lcs_window_is_loading (LcsWindow *self)
{
  return self->zone_load != NULL || self->recheck != NULL || self->recheck_pending;
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
  if (!lcs_window_show_zone_progress (self))
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
