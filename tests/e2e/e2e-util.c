/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every e2e test of the console needs; see e2e-util.h. */
#include "e2e-util.h"

#define HEARTBEAT_MS 10

void
e2e_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

void
e2e_wait_loaded (LcsWindow *window)
{
  while (lcs_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
}

LcsApplication *
e2e_application (void)
{
  static LcsApplication *app;
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = lcs_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

LcsWindow *
e2e_demo_window (void)
{
  g_autoptr(GError) error = NULL;
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);

  g_assert_true (lcs_window_open_demo (window, &error));
  g_assert_no_error (error);
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (100);
  e2e_wait_loaded (window);
  return window;
}

GtkWidget *
e2e_find_dialog (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
on_heartbeat (gpointer user_data)
{
  E2eHeartbeat *beat = user_data;
  gint64 now = g_get_monotonic_time ();

  if (beat->last_beat != 0)
    beat->max_gap = MAX (beat->max_gap, now - beat->last_beat);
  beat->last_beat = now;
  return G_SOURCE_CONTINUE;
}

void
e2e_heartbeat_start (E2eHeartbeat *beat)
{
  beat->last_beat = 0;
  beat->max_gap = 0;
  beat->source = g_timeout_add (HEARTBEAT_MS, on_heartbeat, beat);
}

void
e2e_heartbeat_stop (E2eHeartbeat *beat)
{
  g_clear_handle_id (&beat->source, g_source_remove);
}
