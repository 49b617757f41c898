/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Edit menu and the context menus: Undo and Redo of every change to the profile, Delete of a
 * record the admin added, Copy as dnscmd / PowerShell (the core's export lines, never built
 * here), and removing or replacing a view's zone file. */
#include "config.h"

#include "lcs-window-private.h"

#include <glib/gi18n.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/name.h>

#include "lcs-console-tree.h"

/* The command lines that create the selected row's record; NULL (and @error when the record
 * cannot be written so) for a row that is no record. */
static char *
row_commands (LcsWindow  *self,
              LcsFormat   format,
              GError    **error)
{
  LcsRowKind kind;
  LcsView view;
  int index;

  if (!lcs_result_list_get_selected (self->result_list, &kind, &index))
    return NULL;
  if (kind == LCS_ROW_RECORD && lcs_document_result_at (self->doc, index) != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, lcs_document_result_at (self->doc, index)->planned);
      return lcs_export_records (one, format, error);
    }
  if (kind == LCS_ROW_ADDED && lcs_document_added_at (self->doc, index, &view) != NULL)
    {
      const LcsRecord *record = lcs_document_added_at (self->doc, index, &view);

      return lcs_export_record (record, view, lcs_result_list_domain_of (self->doc->profile, record->owner),
                                format, error);
    }
  return NULL;
}

void
lcs_window_update_edit_actions (LcsWindow *self)
{
  LcsRowKind kind = LCS_ROW_NONE;
  LcsView view;
  int index = -1;
  gboolean added, record;

  lcs_result_list_get_selected (self->result_list, &kind, &index);
  added = kind == LCS_ROW_ADDED && lcs_document_added_at (self->doc, index, &view) != NULL;
  record = added || (kind == LCS_ROW_RECORD && lcs_document_result_at (self->doc, index) != NULL);
  lcs_window_set_action_enabled (self, "undo", lcs_undo_can_undo (self->doc->undo));
  lcs_window_set_action_enabled (self, "redo", lcs_undo_can_redo (self->doc->undo));
  /* Only what the admin added here can be deleted here: the rest lives in DNS. */
  lcs_window_set_action_enabled (self, "delete", added);
  lcs_window_set_action_enabled (self, "copy-as", record);
}

static void
on_undo (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  LcsWindow *self = user_data;

  if (lcs_document_undo (self->doc))
    lcs_window_profile_replaced (self);
}

static void
on_redo (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  LcsWindow *self = user_data;

  if (lcs_document_redo (self->doc))
    lcs_window_profile_replaced (self);
}

static void
on_delete (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  LcsWindow *self = user_data;
  LcsRowKind kind;
  int index;

  if (lcs_result_list_get_selected (self->result_list, &kind, &index) && kind == LCS_ROW_ADDED
      && lcs_document_delete_added (self->doc, index))
    lcs_window_refresh (self);
}

static void
on_copy_as (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  LcsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LcsFormat format;

  if (!lcs_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;
  text = row_commands (self, format, &error);
  if (text != NULL)
    gtk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self), GDK_SELECTION_CLIPBOARD), text, -1);
  else if (error != NULL)
    lcs_window_show_error (self, _("The record cannot be written as a command"), error);
}

/* Zone files of a view, from the console tree's menu. The target is (view, index). */

static void
on_remove_zone (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LcsWindow *self = user_data;
  int view;
  guint index;

  g_variant_get (parameter, "(iu)", &view, &index);
  if (view != LCS_VIEW_INTERNAL && view != LCS_VIEW_EXTERNAL)
    return;
  if (lcs_document_remove_zone (self->doc, view, index))
    {
      /* The check that follows is an offline one (or the plan, when no zone file is left). */
      self->doc->live = FALSE;
      lcs_document_set_report (self->doc, NULL, 0);
      /* The zone files are read again and checked; the DNS zones branch follows the list. */
      lcs_window_refresh (self);
    }
}

typedef struct {
  LcsWindow *window;
  LcsView    view;
  guint      index;
} ReplaceZone;

static void
on_replace_chooser_response (GtkNativeDialog *native,
                             int              response,
                             ReplaceZone     *replace)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  LcsWindow *self = replace->window;

  if (path != NULL)
    lcs_window_ask_zone_name (self, replace->view, (int) replace->index, path);
  g_free (replace);
  g_object_unref (native);
}

static void
on_replace_zone (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LcsWindow *self = user_data;
  ReplaceZone *replace = g_new0 (ReplaceZone, 1);
  GtkFileChooserNative *native;
  int view;

  g_variant_get (parameter, "(iu)", &view, &replace->index);
  if ((view != LCS_VIEW_INTERNAL && view != LCS_VIEW_EXTERNAL) || replace->index >= self->doc->profile->zones[view]->len)
    {
      g_free (replace);
      return;
    }
  replace->window = self;
  replace->view = view;
  native = gtk_file_chooser_native_new (_("Replace Zone File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Replace"), _("_Cancel"));
  gtk_file_chooser_set_filename (GTK_FILE_CHOOSER (native), g_ptr_array_index (self->doc->profile->zones[view], replace->index));
  g_signal_connect (native, "response", G_CALLBACK (on_replace_chooser_response), replace);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Context menus: right button or the Menu key, on the result list and on the console tree. */

static GMenuModel *
load_menu (const char *id)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/lcsdns/Console/lcs-window-menus.ui");

  return g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, id)));
}

/* The node's own section: each zone file of the view, to remove or replace. */
static GMenuModel *
tree_menu_for (LcsWindow *self)
{
  g_autoptr(GMenuModel) fixed = load_menu ("tree_menu");
  g_autoptr(GMenu) zones = g_menu_new ();
  GMenu *menu = g_menu_new ();
  LcsNode node;

  g_menu_append_section (menu, NULL, fixed);
  if (!lcs_console_tree_selected (self->console_tree, &node))
    return G_MENU_MODEL (menu);
  for (LcsView view = LCS_VIEW_INTERNAL; node.kind == LCS_NODE_VIEW && view <= LCS_VIEW_EXTERNAL; view++)
    {
      GPtrArray *paths = self->doc->profile->zones[view];

      if (node.view != (int) view)
        continue;
      for (guint i = 0; i < paths->len; i++)
        {
          g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
          g_autofree char *remove = g_strdup_printf (_("Remove Zone File %s"), base);
          g_autofree char *replace = g_strdup_printf (_("Replace Zone File %s…"), base);
          g_autoptr(GMenuItem) remove_item = g_menu_item_new (remove, NULL);
          g_autoptr(GMenuItem) replace_item = g_menu_item_new (replace, NULL);

          g_menu_item_set_action_and_target (remove_item, "win.remove-zone", "(iu)", (int) view, i);
          g_menu_item_set_action_and_target (replace_item, "win.replace-zone", "(iu)", (int) view, i);
          g_menu_append_item (zones, replace_item);
          g_menu_append_item (zones, remove_item);
        }
    }
  lcs_node_clear (&node);
  if (g_menu_model_get_n_items (G_MENU_MODEL (zones)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (zones));
  return G_MENU_MODEL (menu);
}

static gboolean
destroy_menu (gpointer menu)
{
  gtk_widget_destroy (menu);
  return G_SOURCE_REMOVE;
}

static void
on_menu_deactivate (GtkMenu *menu,
                    gpointer user_data)
{
  /* After the item's action has run. */
  g_idle_add (destroy_menu, menu);
}

static void
popup (GtkWidget      *widget,
       GMenuModel     *model,
       const GdkEvent *event)
{
  GtkWidget *menu = gtk_menu_new_from_model (model);

  gtk_menu_attach_to_widget (GTK_MENU (menu), widget, NULL);
  g_signal_connect (menu, "deactivate", G_CALLBACK (on_menu_deactivate), NULL);
  if (event != NULL)
    gtk_menu_popup_at_pointer (GTK_MENU (menu), event);
  else
    gtk_menu_popup_at_widget (GTK_MENU (menu), widget, GDK_GRAVITY_CENTER, GDK_GRAVITY_NORTH_WEST, NULL);
}

static void
popup_for (LcsWindow      *self,
           GtkTreeView    *view,
           const GdkEvent *event)
{
  g_autoptr(GMenuModel) model = view == self->console_tree ? tree_menu_for (self) : load_menu ("row_menu");

  popup (GTK_WIDGET (view), model, event);
}

/* The right button first selects the row under the pointer, as in MMC. */
static void
on_secondary_pressed (GtkGestureMultiPress *gesture,
                      int                   n_press,
                      double                x,
                      double                y,
                      LcsWindow            *self)
{
  GtkTreeView *view = GTK_TREE_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  g_autoptr(GtkTreePath) path = NULL;
  int bin_x, bin_y;

  gtk_tree_view_convert_widget_to_bin_window_coords (view, (int) x, (int) y, &bin_x, &bin_y);
  if (gtk_tree_view_get_path_at_pos (view, bin_x, bin_y, &path, NULL, NULL, NULL))
    gtk_tree_view_set_cursor (view, path, NULL, FALSE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_for (self, view, gtk_get_current_event ());
}

static gboolean
on_popup_menu (GtkTreeView *view,
               LcsWindow   *self)
{
  popup_for (self, view, NULL);
  return TRUE;
}

static gboolean
on_result_key_press (GtkWidget   *widget,
                     GdkEventKey *event,
                     LcsWindow   *self)
{
  GAction *delete = g_action_map_lookup_action (G_ACTION_MAP (self), "delete");

  /* On the list only: the Delete key of a text field deletes text. */
  if ((event->keyval != GDK_KEY_Delete && event->keyval != GDK_KEY_KP_Delete) || !g_action_get_enabled (delete))
    return GDK_EVENT_PROPAGATE;
  g_action_activate (delete, NULL);
  return GDK_EVENT_STOP;
}

static void
add_context_menu (LcsWindow   *self,
                  GtkTreeView *view)
{
  GtkGesture *gesture = gtk_gesture_multi_press_new (GTK_WIDGET (view));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  /* Before the tree view's own handling of the click. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  g_object_set_data_full (G_OBJECT (view), "lcs-context-menu", gesture, g_object_unref);
  g_signal_connect (view, "popup-menu", G_CALLBACK (on_popup_menu), self);
}

gboolean
lcs_window_advanced_view (LcsWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "advanced");

  return g_variant_get_boolean (state);
}

GtkTreeView *
lcs_window_result_view (LcsWindow *self)
{
  /* The list scrolls its tree view directly (no viewport). */
  return GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (self->result_list)));
}

static const GActionEntry edit_actions[] = {
  { "undo", on_undo, NULL, NULL, NULL, { 0 } },
  { "redo", on_redo, NULL, NULL, NULL, { 0 } },
  { "delete", on_delete, NULL, NULL, NULL, { 0 } },
  { "copy-as", on_copy_as, "s", NULL, NULL, { 0 } },
  { "remove-zone", on_remove_zone, "(iu)", NULL, NULL, { 0 } },
  { "replace-zone", on_replace_zone, "(iu)", NULL, NULL, { 0 } },
  /* View → Advanced: the record dialogs show TTL and aging, as Windows's do. */
  { "advanced", NULL, NULL, "false", NULL, { 0 } },
};

void
lcs_window_add_edit_actions (LcsWindow *self)
{
  GtkTreeView *results = lcs_window_result_view (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions, G_N_ELEMENTS (edit_actions), self);
  add_context_menu (self, results);
  add_context_menu (self, self->console_tree);
  g_signal_connect (results, "key-press-event", G_CALLBACK (on_result_key_press), self);
}
