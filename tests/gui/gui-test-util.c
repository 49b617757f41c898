/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui-test-util.h"

#include <string.h>

LcsProfile *
test_profile_new (void)
{
  LcsProfile *profile = lcs_profile_new ();
  const char *const settings[][2] = {
    { "domains", "contoso.com" },
    { "domains", "fabrikam.com" },
    { "pool", "lcs.contoso.com" },
    { "pool-ip", "192.0.2.10" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(GError) error = NULL;

      lcs_profile_set (profile, settings[i][0], settings[i][1], &error);
      g_assert_no_error (error);
    }
  return profile;
}

void
test_pump (void)
{
  for (guint round = 0; round < 3; round++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static void
on_window_draw (GtkWidget *widget,
                cairo_t   *cr,
                gboolean  *drawn)
{
  *drawn = TRUE;
}

void
test_show_and_wait_draw (GtkWidget *window)
{
  gboolean drawn = FALSE;
  gulong handler = g_signal_connect_after (window, "draw", G_CALLBACK (on_window_draw), &drawn);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_show (window);
  while (!drawn && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (window, handler);
  g_assert_true (drawn);
  test_pump ();
}

typedef struct {
  GType       type;
  const char *name;
  const char *accessible_prefix;
  GtkWidget  *found;
} Search;

static const char *
accessible_name (GtkWidget *widget)
{
  return atk_object_get_name (gtk_widget_get_accessible (widget));
}

static void
search_widget (GtkWidget *widget,
               gpointer   data)
{
  Search *search = data;

  if (search->found != NULL)
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, search->type)
      && (search->name == NULL || g_strcmp0 (gtk_widget_get_name (widget), search->name) == 0)
      && (search->accessible_prefix == NULL
          || g_str_has_prefix (accessible_name (widget) != NULL ? accessible_name (widget) : "",
                               search->accessible_prefix)))
    {
      search->found = widget;
      return;
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), search_widget, search);
}

GtkWidget *
test_find_widget (GtkWidget  *root,
                  GType       type,
                  const char *name,
                  const char *accessible_prefix)
{
  Search search = { type, name, accessible_prefix, NULL };

  if (GTK_IS_CONTAINER (root))
    gtk_container_forall (GTK_CONTAINER (root), search_widget, &search);
  return search.found;
}

static gboolean
is_operated (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget)
         && (GTK_IS_ENTRY (widget) || GTK_IS_COMBO_BOX (widget) || GTK_IS_BUTTON (widget)
             || GTK_IS_TEXT_VIEW (widget))
         && !GTK_IS_EXPANDER (widget);
}

/* A caption ("Service:") has a mnemonic that focuses its field; a lone ":" between the TTL's
 * days and hours is no caption. */
static void
check_caption (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);

  if (!g_str_has_suffix (text, ":") || strcmp (text, ":") == 0)
    return;
  if (gtk_label_get_mnemonic_keyval (label) == GDK_KEY_VoidSymbol
      || gtk_label_get_mnemonic_widget (label) == NULL)
    g_error ("caption “%s” has no mnemonic for its field", text);
}

static void
check_accessible_name (GtkWidget *widget,
                       gpointer   data)
{
  guint *checked = data;

  if (GTK_IS_LABEL (widget))
    check_caption (GTK_LABEL (widget));

  /* The toggle inside an entry combo box is part of the combo, which has the name. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_COMBO_BOX) != NULL)
    return;
  if (is_operated (widget))
    {
      const char *name = accessible_name (widget);

      if (name == NULL || name[0] == '\0')
        g_error ("%s (%s) has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 gtk_buildable_get_name (GTK_BUILDABLE (widget)));
      (*checked)++;
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), check_accessible_name, checked);
}

void
test_assert_accessible_names (GtkWidget *root)
{
  guint checked = 0;

  gtk_container_forall (GTK_CONTAINER (root), check_accessible_name, &checked);
  g_assert_cmpuint (checked, >, 5);
}

GtkWindow *
test_find_transient (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == parent && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
test_press_key (GtkWidget       *window,
                guint            keyval,
                GdkModifierType  state)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkEvent *event = gdk_event_new (GDK_KEY_PRESS);
  GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  event->key.window = g_object_ref (gtk_widget_get_window (window));
  event->key.send_event = TRUE;
  event->key.time = GDK_CURRENT_TIME;
  event->key.state = state;
  event->key.keyval = keyval;
  if (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval, &keys, &n_keys))
    {
      event->key.hardware_keycode = keys[0].keycode;
      event->key.group = keys[0].group;
    }
  g_free (keys);
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  gdk_event_free (event);
  test_pump ();
}

void
test_right_click (GtkTreeView *view,
                  GtkTreePath *path)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (view));
  GdkEvent *event = gdk_event_new (GDK_BUTTON_PRESS);
  GdkRectangle cell;

  gtk_tree_view_get_cell_area (view, path, NULL, &cell);
  event->button.window = g_object_ref (gtk_tree_view_get_bin_window (view));
  event->button.send_event = TRUE;
  event->button.time = GDK_CURRENT_TIME;
  event->button.button = GDK_BUTTON_SECONDARY;
  event->button.x = cell.x + 20;
  event->button.y = cell.y + cell.height / 2.0;
  gdk_event_set_device (event, gdk_seat_get_pointer (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  event->type = GDK_BUTTON_RELEASE;
  gtk_main_do_event (event);
  gdk_event_free (event);
}

void
test_assert_f1_help (GtkWidget  *dialog,
                     const char *heading)
{
  GtkWindow *help;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *line = NULL;

  g_assert_null (test_find_transient (GTK_WINDOW (dialog)));
  test_press_key (dialog, GDK_KEY_F1, 0);
  help = test_find_transient (GTK_WINDOW (dialog));
  g_assert_nonnull (help);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_find_widget (GTK_WIDGET (help), GTK_TYPE_TEXT_VIEW, NULL, NULL)));
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (line, ==, heading);
  gtk_widget_destroy (GTK_WIDGET (help));
}
