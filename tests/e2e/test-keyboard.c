/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console from the keyboard (issue 11, item 10): Tab reaches every toolbar button, in order,
 * and Shift+Tab walks back through them. Runs under Xvfb. */
#include <gtk/gtk.h>

#include "e2e-util.h"

/* The label of the tool button holding the focus, or NULL when it is elsewhere. */
static const char *
focused_tool_button (LcsWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_TOOL_BUTTON (w))
      return gtk_tool_button_get_label (GTK_TOOL_BUTTON (w));
  return NULL;
}

/* From no focus, presses Tab (or Shift+Tab) until the focus has gone through the toolbar and
 * out again, and lists the tool buttons it landed on, in order. */
static char *
walk (LcsWindow        *window,
      GtkDirectionType  direction)
{
  GString *seen = g_string_new (NULL);
  gboolean entered = FALSE;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 60; i++)
    {
      const char *label;

      /* What the Tab key binding emits. */
      g_signal_emit_by_name (window, "move-focus", direction);
      label = focused_tool_button (window);
      if (label == NULL && entered)
        break;
      if (label != NULL)
        {
          entered = TRUE;
          g_string_append_printf (seen, "%s%s", seen->len > 0 ? "|" : "", label);
        }
    }
  return g_string_free (seen, FALSE);
}

static void
test_tab_reaches_every_toolbar_button (void)
{
  LcsWindow *window = e2e_demo_window ();
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;
  g_autofree char *without_check = NULL;
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) help = g_simple_action_new ("help", NULL);

  /* The application's Help action, as lcsdns has it. */
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (help));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (app));
  e2e_wait_loaded (window);

  /* Every button once, in the toolbar's order: Tab never skips from the first one out. */
  forward = walk (window, GTK_DIR_TAB_FORWARD);
  g_assert_cmpstr (forward, ==, "Open|Save|Check now|Import zone file|Export|Properties|Help");
  backward = walk (window, GTK_DIR_TAB_BACKWARD);
  g_assert_cmpstr (backward, ==, "Help|Properties|Export|Import zone file|Check now|Save|Open");

  /* A disabled button is passed over, as in Windows. */
  lcs_window_set_action_enabled (window, "check-now", FALSE);
  without_check = walk (window, GTK_DIR_TAB_FORWARD);
  g_assert_cmpstr (without_check, ==, "Open|Save|Import zone file|Export|Properties|Help");

  gtk_widget_destroy (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyboard/tab-reaches-every-toolbar-button", test_tab_reaches_every_toolbar_button);
  return g_test_run ();
}
