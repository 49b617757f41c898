/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tab and Shift+Tab move from tool item to tool item, then on out of the toolbar. */
#include "config.h"

#include "lcs-toolbar-focus.h"

static int
focused_item (GtkToolbar *toolbar)
{
  GtkWidget *child = gtk_container_get_focus_child (GTK_CONTAINER (toolbar));

  return child != NULL && GTK_IS_TOOL_ITEM (child) ? gtk_toolbar_get_item_index (toolbar, GTK_TOOL_ITEM (child)) : -1;
}

static gboolean
on_toolbar_focus (GtkWidget        *widget,
                  GtkDirectionType  direction,
                  gpointer          user_data)
{
  GtkToolbar *toolbar = GTK_TOOLBAR (widget);
  int n = gtk_toolbar_get_n_items (toolbar);
  int step, i;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GDK_EVENT_PROPAGATE;
  step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  i = focused_item (toolbar);
  /* Coming from outside: the first item, or the last one going backwards. */
  if (gtk_container_get_focus_child (GTK_CONTAINER (toolbar)) == NULL)
    i = step > 0 ? -1 : n;
  /* Separators and insensitive buttons take no focus: child_focus passes over them. */
  for (i += step; i >= 0 && i < n; i += step)
    {
      GtkWidget *item = GTK_WIDGET (gtk_toolbar_get_nth_item (toolbar, i));

      if (gtk_widget_get_mapped (item) && gtk_widget_child_focus (item, direction))
        return GDK_EVENT_STOP;
    }
  /* Past the last button: FALSE lets the window move focus on, out of the toolbar. */
  return FALSE;
}

void
lcs_toolbar_focus_each_item (GtkToolbar *toolbar)
{
  g_signal_connect (toolbar, "focus", G_CALLBACK (on_toolbar_focus), NULL);
}
