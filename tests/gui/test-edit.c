/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's Edit menu and context menus on the bundled demo, under Xvfb: Delete of an
 * added record and Undo/Redo of it, Undo of Properties, Copy as dnscmd / PowerShell, the right
 * button's menu, a view's zone file removed from the tree's menu, zone files saved with the
 * profile, the zone name asked on Import and Replace, and View → Advanced reaching the SRV
 * dialog. */
#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "lcs-console-tree.h"
#include "lcs-host-dialog.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"
#include "lcs-window-private.h"
#include "lcs-zone-name-dialog.h"

/* The main loop turned until nothing is pending and the offline check, which runs in a thread
 * after every change, has replaced the report. */
static void
settle (LcsWindow *window)
{
  test_pump ();
  while (lcs_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  test_pump ();
}

static LcsWindow *
demo_window (void)
{
  g_autoptr(GError) error = NULL;
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);

  g_assert_true (lcs_window_open_demo (window, &error));
  g_assert_no_error (error);
  test_show_and_wait_draw (GTK_WIDGET (window));
  settle (window);
  return window;
}

static void
close_window (LcsWindow *window)
{
  lcs_window_get_document (window)->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
  test_pump ();
}

static gboolean
enabled (LcsWindow  *window,
         const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

static void
activate (LcsWindow  *window,
          const char *action,
          GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
  settle (window);
}

/* Adds a host through the New Host dialog, as an admin does: Add Host, then Done. */
static void
add_host (LcsWindow  *window,
          const char *name,
          const char *address)
{
  GtkWidget *dialog;

  activate (window, "new-host", NULL);
  dialog = GTK_WIDGET (test_find_transient (GTK_WINDOW (window)));
  g_assert_true (LCS_IS_HOST_DIALOG (dialog));
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_HOST_DIALOG, "name_entry")), name);
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_HOST_DIALOG, "address_entry")), address);
  settle (window);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  settle (window);
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Done"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  settle (window);
}

static void
test_delete_and_undo (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  GtkWidget *list = GTK_WIDGET (lcs_window_result_view (window));

  g_assert_false (enabled (window, "undo"));
  add_host (window, "sip2", "10.0.0.77");
  g_assert_cmpuint (doc->profile->records->len, ==, 1);
  g_assert_true (enabled (window, "undo"));

  /* A required record lives in DNS: Delete leaves it alone. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, NULL));
  g_assert_false (enabled (window, "delete"));
  gtk_widget_grab_focus (list);
  test_press_key (GTK_WIDGET (window), GDK_KEY_Delete, 0);
  g_assert_cmpuint (doc->profile->records->len, ==, 1);

  /* The Delete key on the added record's row. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "sip2.contoso.com."));
  g_assert_true (enabled (window, "delete"));
  gtk_widget_grab_focus (list);
  test_press_key (GTK_WIDGET (window), GDK_KEY_Delete, 0);
  g_assert_cmpuint (doc->profile->records->len, ==, 0);
  g_assert_false (lcs_window_select_row (window, LCS_ROW_ADDED, NULL));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  activate (window, "undo", NULL);
  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->records->len, ==, 1);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "sip2.contoso.com."));
  g_assert_true (enabled (window, "redo"));
  activate (window, "redo", NULL);
  g_assert_cmpuint (doc->profile->records->len, ==, 0);
  g_assert_false (enabled (window, "redo"));

  /* Back past the delete and the add: the demo as it opened, nothing more to undo. */
  activate (window, "undo", NULL);
  activate (window, "undo", NULL);
  g_assert_cmpuint (doc->profile->records->len, ==, 0);
  g_assert_false (enabled (window, "undo"));
  close_window (window);
}

static void
append_text (GtkTextView *view,
             const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  test_pump ();
}

/* Properties is an undoable change, and keeps every field it has no control for. */
static void
test_undo_properties (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  guint domains = doc->profile->domains->len;
  guint zones = doc->profile->zones[LCS_VIEW_INTERNAL]->len;
  GtkWidget *dialog;

  g_assert_true (lcs_profile_set (doc->profile, "web-external", "webext.contoso.com=203.0.113.5", NULL));
  g_assert_true (lcs_profile_set (doc->profile, "xmpp", "true", NULL));
  lcs_window_edit_properties (window);
  settle (window);
  dialog = GTK_WIDGET (test_find_transient (GTK_WINDOW (window)));
  g_assert_true (LCS_IS_PROPERTIES_DIALOG (dialog));
  append_text (GTK_TEXT_VIEW (gtk_widget_get_template_child (dialog, LCS_TYPE_PROPERTIES_DIALOG, "domains_view")),
               "litwareinc.com\n");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  settle (window);

  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->domains->len, ==, domains + 1);
  g_assert_nonnull (doc->profile->web_external);
  g_assert_true (doc->profile->xmpp);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, zones);
  lcs_console_tree_select (window->console_tree, LCS_NODE_DOMAIN, "litwareinc.com", LCS_VIEW_ANY);
  {
    LcsNode node;

    g_assert_true (lcs_console_tree_selected (window->console_tree, &node));
    g_assert_cmpstr (node.domain, ==, "litwareinc.com");
    lcs_node_clear (&node);
  }

  activate (window, "undo", NULL);
  g_assert_cmpuint (doc->profile->domains->len, ==, domains);
  g_assert_nonnull (doc->profile->web_external);
  activate (window, "redo", NULL);
  g_assert_cmpuint (doc->profile->domains->len, ==, domains + 1);
  close_window (window);
}

static char *
clipboard_after (LcsWindow  *window,
                 const char *format)
{
  GtkClipboard *clipboard = gtk_clipboard_get (GDK_SELECTION_CLIPBOARD);

  gtk_clipboard_set_text (clipboard, "", -1);
  activate (window, "copy-as", g_variant_new_string (format));
  return gtk_clipboard_wait_for_text (clipboard);
}

static void
test_copy_as (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  g_autofree char *dnscmd = NULL;
  g_autofree char *powershell = NULL;
  g_autofree char *added = NULL;

  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  g_assert_true (enabled (window, "copy-as"));
  dnscmd = clipboard_after (window, "dnscmd");
  g_assert_nonnull (strstr (dnscmd, "dnscmd . /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcspool.contoso.com.\n"));
  powershell = clipboard_after (window, "powershell");
  g_assert_nonnull (strstr (powershell, "Add-DnsServerResourceRecord -Srv -ZoneName contoso.com -Name _sipinternaltls._tcp "
                                        "-DomainName lcspool.contoso.com -Priority 0 -Weight 0 -Port 5061\n"));

  lcs_document_add_record (doc, LCS_VIEW_EXTERNAL, lcs_record_new_address ("sip.fabrikam.com.", LCS_WINDOWS_TTL, "203.0.113.9"));
  lcs_window_refresh (window);
  settle (window);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "sip.fabrikam.com."));
  added = clipboard_after (window, "powershell");
  g_assert_cmpstr (added, ==, "# external DNS\nAdd-DnsServerResourceRecordA -ZoneName fabrikam.com -Name sip -IPv4Address 203.0.113.9\n");

  /* A finding is no record: nothing to copy. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_FINDING, NULL));
  g_assert_false (enabled (window, "copy-as"));
  close_window (window);
}

/* The menu attached to @widget that is showing. */
static GtkMenu *
open_menu (GtkWidget *widget)
{
  for (GList *l = gtk_menu_get_for_attach_widget (widget); l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
menu_item (GtkMenu    *menu,
           const char *label)
{
  g_autoptr(GList) items = gtk_container_get_children (GTK_CONTAINER (menu));

  for (GList *l = items; l != NULL; l = l->next)
    if (GTK_IS_MENU_ITEM (l->data) && g_strcmp0 (gtk_menu_item_get_label (l->data), label) == 0)
      return l->data;
  return NULL;
}

/* The Menu key, as a keyboard user opens a context menu. */
static GtkMenu *
menu_key (LcsWindow   *window,
          GtkTreeView *view)
{
  GtkMenu *menu;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  test_press_key (GTK_WIDGET (window), GDK_KEY_Menu, 0);
  menu = open_menu (GTK_WIDGET (view));
  g_assert_nonnull (menu);
  return menu;
}

static void
test_row_context_menu (void)
{
  LcsWindow *window = demo_window ();
  GtkTreeView *view = lcs_window_result_view (window);
  g_autoptr(GtkTreePath) second = gtk_tree_path_new_from_indices (1, -1);
  g_autoptr(GtkTreePath) selected = NULL;
  GtkMenu *menu;
  LcsRowKind kind;
  int index;

  add_host (window, "sip2", "10.0.0.77");
  gtk_tree_selection_unselect_all (gtk_tree_view_get_selection (view));
  g_assert_false (lcs_result_list_get_selected (window->result_list, &kind, &index));

  /* The right button selects the row under it, then opens the row's menu. */
  test_right_click (view, second);
  test_pump ();
  gtk_tree_view_get_cursor (view, &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpint (gtk_tree_path_compare (selected, second), ==, 0);
  menu = open_menu (GTK_WIDGET (view));
  g_assert_nonnull (menu);
  g_assert_nonnull (menu_item (menu, "_Properties"));
  g_assert_nonnull (menu_item (menu, "Apply _Fix…"));
  g_assert_nonnull (menu_item (menu, "Copy as _dnscmd"));
  g_assert_nonnull (menu_item (menu, "Copy as Power_Shell"));
  g_assert_true (lcs_result_list_get_selected (window->result_list, &kind, &index));
  g_assert_cmpint (gtk_widget_get_sensitive (menu_item (menu, "_Delete")), ==, kind == LCS_ROW_ADDED);
  gtk_menu_shell_deactivate (GTK_MENU_SHELL (menu));
  settle (window);

  /* On the added record, Delete in the menu deletes it. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "sip2.contoso.com."));
  menu = menu_key (window, view);
  g_assert_true (gtk_widget_get_sensitive (menu_item (menu, "_Delete")));
  gtk_widget_activate (menu_item (menu, "_Delete"));
  gtk_menu_shell_deactivate (GTK_MENU_SHELL (menu));
  settle (window);
  g_assert_cmpuint (lcs_window_get_document (window)->profile->records->len, ==, 0);
  close_window (window);
}

/* The zone list changed: the DNS zones branch is read again in a thread, and the status bar
 * names the files once that read is done. */
static guint
count_in_status (LcsWindow  *window,
                 const char *text)
{
  const char *status;
  guint n = 0;

  while (lcs_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  status = gtk_label_get_text (window->status_label);
  for (const char *p = strstr (status, text); p != NULL; p = strstr (p + 1, text))
    n++;
  return n;
}

/* A view's node offers each of its zone files; removing one checks again without it, and Undo
 * brings it back. */
static void
test_remove_zone_from_tree (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  guint zones = doc->profile->zones[LCS_VIEW_INTERNAL]->len;
  g_autofree char *first = g_path_get_basename (g_ptr_array_index (doc->profile->zones[LCS_VIEW_INTERNAL], 0));
  g_autofree char *label = g_strdup_printf ("Remove Zone File %s", first);
  guint shown = count_in_status (window, first);
  GtkMenu *menu;

  g_assert_cmpuint (zones, >, 0);
  g_assert_cmpuint (shown, >, 0);
  /* The deployment node has no zone files of its own. */
  menu = menu_key (window, window->console_tree);
  g_assert_null (menu_item (menu, label));
  gtk_menu_shell_deactivate (GTK_MENU_SHELL (menu));
  settle (window);

  lcs_console_tree_select (window->console_tree, LCS_NODE_VIEW, "contoso.com", LCS_VIEW_INTERNAL);
  menu = menu_key (window, window->console_tree);
  g_assert_nonnull (menu_item (menu, "_Import Zone File…"));
  g_assert_nonnull (menu_item (menu, label));
  gtk_widget_activate (menu_item (menu, label));
  gtk_menu_shell_deactivate (GTK_MENU_SHELL (menu));
  settle (window);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, zones - 1);
  g_assert_cmpuint (count_in_status (window, first), ==, shown - 1);

  activate (window, "undo", NULL);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, zones);
  g_assert_cmpuint (count_in_status (window, first), ==, shown);
  close_window (window);
}

/* Saved and opened again, the deployment is checked against the same zone files. */
static void
test_zones_saved_with_profile (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.lcsdns", NULL);
  g_autoptr(GPtrArray) internal = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < doc->profile->zones[LCS_VIEW_INTERNAL]->len; i++)
    g_ptr_array_add (internal, g_canonicalize_filename (g_ptr_array_index (doc->profile->zones[LCS_VIEW_INTERNAL], i), NULL));
  g_assert_true (lcs_document_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (lcs_window_open_file (window, path, &error));
  g_assert_no_error (error);
  settle (window);

  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, internal->len);
  for (guint i = 0; i < internal->len; i++)
    g_assert_cmpstr (g_ptr_array_index (doc->profile->zones[LCS_VIEW_INTERNAL], i), ==, g_ptr_array_index (internal, i));
  g_assert_nonnull (doc->report);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);
  g_assert_cmpuint (count_in_status (window, "contoso.com.dns"), >, 0);
  close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* The demo's contoso.com export renamed contoso-50k.dns, its Windows header gone: only the file
 * name is left to say which zone it is, and it says the wrong one. */
static char *
renamed_export (const char *dir)
{
  g_autofree char *demo = g_build_filename (g_getenv ("LCS_DEMO_DIR"), "contoso.com.dns", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  char *path = g_build_filename (dir, "contoso-50k.dns", NULL);
  gboolean header = TRUE;

  g_assert_true (g_file_get_contents (demo, &text, NULL, NULL));
  g_assert_null (strstr (text, "$ORIGIN"));
  lines = g_strsplit (text, "\n", 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      header = header && lines[i][0] == ';';
      if (!header)
        g_string_append_printf (body, "%s\n", lines[i]);
    }
  g_assert_true (g_file_set_contents (path, body->str, -1, NULL));
  return path;
}

/* A deployment without zone files (contoso.com, fabrikam.com), in the window. */
static LcsWindow *
empty_window (void)
{
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);

  lcs_window_set_document (window, lcs_document_new (test_profile_new (), NULL));
  test_show_and_wait_draw (GTK_WIDGET (window));
  return window;
}

static LcsZoneNameDialog *
ask_zone_name (LcsWindow  *window,
               int         index,
               const char *path)
{
  GtkWindow *dialog;

  lcs_window_ask_zone_name (window, LCS_VIEW_INTERNAL, index, path);
  test_pump ();
  dialog = test_find_transient (GTK_WINDOW (window));
  g_assert_true (LCS_IS_ZONE_NAME_DIALOG (dialog));
  return LCS_ZONE_NAME_DIALOG (dialog);
}

static GtkWidget *
dialog_child (LcsZoneNameDialog *dialog,
              const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LCS_TYPE_ZONE_NAME_DIALOG, name));
}

static void
collect_zone_nodes (GtkTreeModel *model,
                    GtkTreeIter  *parent,
                    GString      *found)
{
  GtkTreeIter iter;

  for (gboolean more = gtk_tree_model_iter_children (model, &iter, parent); more; more = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *label = NULL;
      int kind;

      gtk_tree_model_get (model, &iter, LCS_TREE_COL_KIND, &kind, LCS_TREE_COL_LABEL, &label, -1);
      if (kind == LCS_NODE_ZONE)
        g_string_append_printf (found, "%s;", label);
      collect_zone_nodes (model, &iter, found);
    }
}

/* The zone nodes of the console tree's DNS zones branch, once read, are @expected
 * ("label;label;"). */
static void
assert_zone_nodes (LcsWindow  *window,
                   const char *expected)
{
  g_autoptr(GString) found = g_string_new (NULL);

  while (lcs_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  collect_zone_nodes (GTK_TREE_MODEL (window->tree_store), NULL, found);
  g_assert_cmpstr (found->str, ==, expected);
}

/* Import (@index < 0) or Replace of @path, the zone name typed as @name, then OK. */
static void
name_zone (LcsWindow  *window,
           int         index,
           const char *path,
           const char *name)
{
  LcsZoneNameDialog *dialog = ask_zone_name (window, index, path);

  gtk_entry_set_text (GTK_ENTRY (dialog_child (dialog, "name_entry")), name);
  test_pump ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
}

/* The zone the offline check put @name in. */
static const char *
checked_zone_of (LcsWindow  *window,
                 const char *name)
{
  LcsDocument *doc = lcs_window_get_document (window);

  g_assert_nonnull (doc->report);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);
  g_assert_nonnull (doc->obs);
  return lcs_observations_zone_for (doc->obs, LCS_VIEW_INTERNAL, name);
}

/* A deployment without zone files in the window, and contoso-50k.dns in a folder of its own. */
typedef struct {
  char      *dir;
  char      *path;
  LcsWindow *window;
} Renamed;

static void
renamed_setup (Renamed       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("lcs-zone-name-XXXXXX", NULL);
  fixture->path = renamed_export (fixture->dir);
  fixture->window = empty_window ();
}

static void
renamed_teardown (Renamed       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  close_window (fixture->window);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
assert_name_refused (LcsZoneNameDialog *dialog,
                     const char        *name)
{
  GtkWidget *error = dialog_child (dialog, "error_label");

  gtk_entry_set_text (GTK_ENTRY (dialog_child (dialog, "name_entry")), name);
  test_pump ();
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "ok_button")));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error)), "Zone name: "));
}

/* Import shows the name the file gives (contoso-50k.dns: "contoso-50k") and lets the admin
 * correct it: the tree and the check use contoso.com., and Undo takes it back. An invalid name
 * keeps OK insensitive; Cancel imports nothing. */
static void
test_import_zone_name (Renamed       *fixture,
                      gconstpointer  data)
{
  const char *path = fixture->path;
  LcsWindow *window = fixture->window;
  LcsDocument *doc = lcs_window_get_document (window);
  LcsZoneNameDialog *dialog = ask_zone_name (window, -1, path);
  GtkEntry *entry = GTK_ENTRY (dialog_child (dialog, "name_entry"));
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Zone File");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (dialog_child (dialog, "file_entry"))), ==, "contoso-50k.dns");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "contoso-50k");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "source_label"))), "file name"));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "ok_button")));
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (entry))), ==, "Zone name");

  assert_name_refused (dialog, "contoso..com");
  assert_name_refused (dialog, "");
  assert_name_refused (dialog, "contoso com");
  assert_name_refused (dialog, ".");
  /* Windows' own _msdcs zone is a zone name. */
  gtk_entry_set_text (entry, "_msdcs.contoso.com");
  test_pump ();
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "ok_button")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "error_label")));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_pump ();
  g_assert_null (test_find_transient (GTK_WINDOW (window)));
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, 0);
  g_assert_false (enabled (window, "undo"));
  g_assert_false (doc->dirty);

  name_zone (window, -1, path, "Contoso.com");
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, 1);
  g_assert_cmpstr (lcs_profile_zone_origin (doc->profile, path), ==, "contoso.com.");
  assert_zone_nodes (window, "contoso.com;");
  g_assert_cmpstr (checked_zone_of (window, "_sipinternaltls._tcp.contoso.com."), ==, "contoso.com.");

  activate (window, "undo", NULL);
  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, 0);
  g_assert_null (lcs_profile_zone_origin (doc->profile, path));
  assert_zone_nodes (window, "");
  activate (window, "redo", NULL);
  assert_zone_nodes (window, "contoso.com;");

  /* Saved with the profile, and used when it is opened again. */
  saved = g_build_filename (fixture->dir, "contoso.lcsdns", NULL);
  g_assert_true (lcs_document_save (lcs_window_get_document (window), saved, &error));
  g_assert_no_error (error);
  g_assert_true (lcs_window_open_file (window, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lcs_profile_zone_origin (lcs_window_get_document (window)->profile, path), ==, "contoso.com.");
  assert_zone_nodes (window, "contoso.com;");
  g_assert_cmpstr (checked_zone_of (window, "_sipinternaltls._tcp.contoso.com."), ==, "contoso.com.");
}

/* Replace asks the name too: the same file under another name is a change (undoable); a file
 * whose $ORIGIN names its zone shows that name, not editable. */
static void
test_replace_zone_name (Renamed       *fixture,
                       gconstpointer  data)
{
  const char *path = fixture->path;
  g_autofree char *fixed = g_build_filename (fixture->dir, "fabrikam.dns", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "contoso-60k.dns", NULL);
  g_autofree char *unnamed = g_build_filename (fixture->dir, "contoso.com.dns", NULL);
  g_autofree char *text = NULL;
  LcsWindow *window = fixture->window;
  LcsDocument *doc = lcs_window_get_document (window);
  LcsZoneNameDialog *dialog;

  g_assert_true (g_file_set_contents (fixed, "$ORIGIN fabrikam.com.\n$TTL 3600\n@ NS ns1\nsip A 192.0.2.7\n", -1, NULL));
  name_zone (window, -1, path, "contoso.com");
  assert_zone_nodes (window, "contoso.com;");

  /* The same file kept under the same name changes nothing. */
  dialog = ask_zone_name (window, 0, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Replace Zone File");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (dialog_child (dialog, "name_entry"))), ==, "contoso.com");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "source_label"))), "read as now"));
  gtk_entry_set_text (GTK_ENTRY (dialog_child (dialog, "name_entry")), "contoso.com.");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  activate (window, "undo", NULL);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, 0);
  activate (window, "redo", NULL);
  doc = lcs_window_get_document (window);

  /* A newer export under another file name: the zone of the file it replaces is proposed, the
   * one the profile names it, else the one it was read as. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (newer, text, -1, NULL));
  g_assert_true (g_file_set_contents (unnamed, text, -1, NULL));
  dialog = ask_zone_name (window, 0, newer);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (dialog_child (dialog, "name_entry"))), ==, "contoso.com");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "source_label"))),
                            "contoso-50k.dns, the file it replaces"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_pump ();
  lcs_document_add_zone (doc, LCS_VIEW_INTERNAL, unnamed);
  lcs_window_load_zones (window, FALSE);
  assert_zone_nodes (window, "contoso.com;contoso.com;");
  dialog = ask_zone_name (window, 1, newer);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (dialog_child (dialog, "name_entry"))), ==, "contoso.com");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_pump ();
  activate (window, "undo", NULL);
  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->zones[LCS_VIEW_INTERNAL]->len, ==, 1);
  /* A file index the list no longer has (Undo while the chooser was open): nothing is asked. */
  lcs_window_ask_zone_name (window, LCS_VIEW_INTERNAL, 1, newer);
  test_pump ();
  g_assert_null (test_find_transient (GTK_WINDOW (window)));

  /* Near miss: a file that names its zone itself keeps that name. */
  dialog = ask_zone_name (window, 0, fixed);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (dialog_child (dialog, "name_entry"))), ==, "fabrikam.com");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (dialog_child (dialog, "name_entry"))));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  g_assert_cmpstr (g_ptr_array_index (doc->profile->zones[LCS_VIEW_INTERNAL], 0), ==, fixed);
  assert_zone_nodes (window, "fabrikam.com;");
  g_assert_cmpstr (checked_zone_of (window, "sip.fabrikam.com."), ==, "fabrikam.com.");
  activate (window, "undo", NULL);
  doc = lcs_window_get_document (window);
  g_assert_cmpstr (g_ptr_array_index (doc->profile->zones[LCS_VIEW_INTERNAL], 0), ==, path);
  assert_zone_nodes (window, "contoso.com;");
}

/* Undo of a change that leaves the zone list alone does not read the zone files again (a 200k
 * zone would take seconds); the DNS zones branch stays. A change of a file's zone name alone is
 * a change of the list: Undo reads the file again under its old name. */
static void
test_undo_keeps_zones (Renamed       *fixture,
                      gconstpointer  data)
{
  const char *path = fixture->path;
  LcsWindow *window = fixture->window;

  name_zone (window, -1, path, "contoso.com");
  assert_zone_nodes (window, "contoso.com;");

  /* No read of the files starts (a check of what was read may). */
  add_host (window, "sip2", "10.0.0.77");
  g_assert_null (window->zone_load);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_null (window->zone_load);
  g_assert_cmpuint (lcs_window_get_document (window)->profile->records->len, ==, 0);
  test_pump ();
  assert_zone_nodes (window, "contoso.com;");

  /* The same file renamed: read again on Undo, under its old name. */
  name_zone (window, 0, path, "fabrikam.com");
  assert_zone_nodes (window, "fabrikam.com;");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_nonnull (window->zone_load);
  assert_zone_nodes (window, "contoso.com;");
}

/* View → Advanced reaches the SRV dialog; its TTL goes into the record added. */
static void
test_advanced_view (void)
{
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  g_autofree char *line = NULL;
  GtkWidget *dialog;
  GtkWidget *ttl;

  activate (window, "new-srv", NULL);
  dialog = GTK_WIDGET (test_find_transient (GTK_WINDOW (window)));
  g_assert_true (LCS_IS_SRV_DIALOG (dialog));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "ttl_entry"))));
  gtk_widget_destroy (dialog);

  activate (window, "advanced", NULL);
  activate (window, "new-srv", NULL);
  dialog = GTK_WIDGET (test_find_transient (GTK_WINDOW (window)));
  ttl = GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "ttl_entry"));
  g_assert_true (gtk_widget_is_visible (ttl));
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "service_entry")), "_sipinternaltls");
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "protocol_entry")), "_tcp");
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "port_entry")), "5061");
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "target_entry")), "lcspool.contoso.com");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_widget (ttl, GTK_TYPE_SPIN_BUTTON, NULL, "Time to live, minutes")), 5);
  settle (window);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  settle (window);

  g_assert_cmpuint (doc->profile->records->len, ==, 1);
  line = lcs_record_to_line (g_ptr_array_index (doc->profile->records, 0));
  g_assert_cmpstr (line, ==, "_sipinternaltls._tcp.contoso.com. 3900 SRV 0 0 5061 lcspool.contoso.com.");
  close_window (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edit/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/edit/undo-properties", test_undo_properties);
  g_test_add_func ("/edit/copy-as", test_copy_as);
  g_test_add_func ("/edit/row-context-menu", test_row_context_menu);
  g_test_add_func ("/edit/remove-zone-from-tree", test_remove_zone_from_tree);
  g_test_add_func ("/edit/zones-saved-with-profile", test_zones_saved_with_profile);
  g_test_add ("/edit/import-zone-name", Renamed, NULL, renamed_setup, test_import_zone_name, renamed_teardown);
  g_test_add ("/edit/replace-zone-name", Renamed, NULL, renamed_setup, test_replace_zone_name, renamed_teardown);
  g_test_add ("/edit/undo-keeps-zones", Renamed, NULL, renamed_setup, test_undo_keeps_zones, renamed_teardown);
  g_test_add_func ("/edit/advanced-view", test_advanced_view);
  return g_test_run ();
}
