/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screenshot hook: sets a scene up, waits for it to be drawn, saves it, quits. */
#include "lcs-screenshot.h"

#include <lcsdns/check/entry.h>

#include "gui-test-util.h"
#include "lcs-console-tree.h"
#include "lcs-properties-dialog.h"
#include "lcs-result-list.h"
#include "lcs-window-private.h"
#include "lcs-zone-name-dialog.h"


/* Long enough for the first draw and for a live check to show progress. */
#define SETTLE_MS 1500

typedef struct {
  LcsWindow *window;
  char      *path;
} Shot;

/* The window and every dialog open over it. */
static void
scene_rect (LcsWindow    *window,
            GdkRectangle *rect)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  gdk_window_get_frame_extents (gtk_widget_get_window (GTK_WIDGET (window)), rect);
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *toplevel = l->data;
      GdkRectangle frame;

      if (gtk_window_get_transient_for (toplevel) != GTK_WINDOW (window) || !gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        continue;
      gdk_window_get_frame_extents (gtk_widget_get_window (GTK_WIDGET (toplevel)), &frame);
      gdk_rectangle_union (rect, &frame, rect);
    }
}

static gboolean
on_settled (gpointer user_data)
{
  Shot *shot = user_data;
  GdkRectangle rect;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  scene_rect (shot->window, &rect);
  pixbuf = gdk_pixbuf_get_from_window (gdk_get_default_root_window (), rect.x, rect.y, rect.width, rect.height);
  if (pixbuf == NULL || !gdk_pixbuf_save (pixbuf, shot->path, "png", &error, NULL))
    g_printerr ("lcsdns: the screenshot %s could not be saved: %s\n", shot->path,
                error != NULL ? error->message : "nothing drawn");
  g_application_quit (g_application_get_default ());
  g_object_unref (shot->window);
  g_free (shot->path);
  g_free (shot);
  return G_SOURCE_REMOVE;
}

static void
open_srv_scene (LcsWindow *window)
{
  LcsDocument *doc = lcs_window_get_document (window);
  /* The classic mistake: the whole owner prefix typed into Service. */
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new_full (g_ptr_array_index (doc->profile->domains, 0),
                                                         "_sipinternaltls._tcp", "_tcp", "0", "0",
                                                         "5060", doc->profile->pool);

  lcs_window_open_srv_dialog (window, entry, LCS_VIEW_INTERNAL);
}

static void
open_host_scene (LcsWindow *window)
{
  LcsDocument *doc = lcs_window_get_document (window);
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new (g_ptr_array_index (doc->profile->domains, 0));

  g_free (entry->name);
  entry->name = g_strdup ("sip.contoso");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.300");
  lcs_window_open_host_dialog (window, entry, LCS_VIEW_INTERNAL);
}

/* A context menu as the right button opens it on @view's selected row. */
static void
open_menu_scene (GtkTreeView *view)
{
  g_autoptr(GtkTreePath) path = NULL;

  gtk_tree_view_get_cursor (view, &path, NULL);
  if (path != NULL)
    test_right_click (view, path);
}

static void
find_notebook (GtkWidget *widget,
               gpointer   found)
{
  if (GTK_IS_NOTEBOOK (widget) && *(GtkWidget **) found == NULL)
    *(GtkWidget **) found = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_notebook, found);
}

/* Properties on its last page, the later generations' fields. */
static void
open_properties_scene (LcsWindow *window,
                       gboolean   last_page)
{
  g_autoptr(GList) toplevels = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "properties", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; last_page && l != NULL; l = l->next)
    {
      GtkWidget *notebook = NULL;

      if (LCS_IS_PROPERTIES_DIALOG (l->data))
        find_notebook (l->data, &notebook);
      if (notebook != NULL)
        gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), -1);
    }
}

/* Import of a renamed export (LCS_SCREENSHOT_ZONE_FILE): the name its file name gives, or with
 * @typed, an invalid name and its error. */
static void
open_zone_name_scene (LcsWindow  *window,
                      const char *typed)
{
  g_autoptr(GList) toplevels = NULL;

  lcs_window_ask_zone_name (window, LCS_VIEW_INTERNAL, -1, g_getenv ("LCS_SCREENSHOT_ZONE_FILE"));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; typed != NULL && l != NULL; l = l->next)
    if (LCS_IS_ZONE_NAME_DIALOG (l->data))
      gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (l->data, LCS_TYPE_ZONE_NAME_DIALOG, "name_entry")),
                          typed);
}

/* DNS Manager's layout: the _tcp folder, and the mistyped record one folder deeper; or both
 * views in one list, the View column telling the two _sip._tls records apart. */
static void
open_zone_scene (LcsWindow  *window,
                 const char *scene)
{
  if (g_strcmp0 (scene, "zone-views") == 0)
    {
      lcs_console_tree_select (window->console_tree, LCS_NODE_ZONES, NULL, LCS_VIEW_ANY);
      lcs_zone_view_set_filter (window->zone_view, "_sip");
    }
  else
    lcs_console_tree_select (window->console_tree, LCS_NODE_ZONE_FOLDER, "_tcp.contoso.com.", LCS_VIEW_INTERNAL);
}

static gboolean
on_mapped (gpointer user_data)
{
  Shot *shot = user_data;
  const char *scene = g_getenv ("LCS_SCREENSHOT_SCENE");

  /* Every scene shows the document checked: its zone files are read and checked in a thread. */
  if (lcs_window_is_loading (shot->window))
    return G_SOURCE_CONTINUE;
  if (g_strcmp0 (scene, "srv-dialog") == 0)
    open_srv_scene (shot->window);
  else if (g_strcmp0 (scene, "host-dialog") == 0)
    open_host_scene (shot->window);
  else if (g_strcmp0 (scene, "properties") == 0 || g_strcmp0 (scene, "properties-lync") == 0)
    open_properties_scene (shot->window, g_strcmp0 (scene, "properties-lync") == 0);
  else if (g_strcmp0 (scene, "help") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "help", NULL);
  else if (g_strcmp0 (scene, "checklist") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (shot->window), "show-checklist", NULL);
  else if (g_strcmp0 (scene, "live") == 0)
    lcs_window_check_now (shot->window);
  else if (g_strcmp0 (scene, "srv-dialog-advanced") == 0)
    {
      g_action_group_activate_action (G_ACTION_GROUP (shot->window), "advanced", NULL);
      open_srv_scene (shot->window);
    }
  else if (g_strcmp0 (scene, "row-menu") == 0)
    {
      lcs_window_select_row (shot->window, LCS_ROW_RECORD, NULL);
      open_menu_scene (lcs_window_result_view (shot->window));
    }
  else if (g_strcmp0 (scene, "tree-menu") == 0)
    {
      lcs_console_tree_select (shot->window->console_tree, LCS_NODE_VIEW, "contoso.com", LCS_VIEW_INTERNAL);
      open_menu_scene (shot->window->console_tree);
    }
  else if (g_strcmp0 (scene, "import-zone-name") == 0)
    open_zone_name_scene (shot->window, NULL);
  else if (g_strcmp0 (scene, "import-zone-name-error") == 0)
    open_zone_name_scene (shot->window, "contoso..com");
  else if (g_str_has_prefix (scene != NULL ? scene : "", "zone"))
    open_zone_scene (shot->window, scene);
  else
    lcs_window_select_row (shot->window, LCS_ROW_RECORD, NULL);
  g_timeout_add (SETTLE_MS, on_settled, shot);
  return G_SOURCE_REMOVE;
}

void
lcs_screenshot_schedule (LcsWindow *window)
{
  const char *path = g_getenv ("LCS_SCREENSHOT");
  Shot *shot;

  if (path == NULL || *path == '\0')
    return;
  /* Without a window manager nothing else covers the screen: the window fills it, so that
   * dialogs over it are never cut off against a black background. */
  {
    GdkMonitor *monitor = gdk_display_get_primary_monitor (gdk_display_get_default ());
    GdkRectangle area = { 0, 0, 1280, 800 };

    if (monitor != NULL)
      gdk_monitor_get_geometry (monitor, &area);
    gtk_window_move (GTK_WINDOW (window), area.x, area.y);
    gtk_window_resize (GTK_WINDOW (window), area.width, area.height);
  }
  shot = g_new0 (Shot, 1);
  shot->window = g_object_ref (window);
  shot->path = g_strdup (path);
  /* After the document is loaded (activate/open continue after present) and checked. */
  g_timeout_add (50, on_mapped, shot);
}
