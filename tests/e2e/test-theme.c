/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console's colours under the theme the Windows bundle uses (GTK's "win32", which defines
 * only its older colour names) and under Adwaita: the Actions pane's links must be readable on
 * its light background, and a theme's own colours must win over the console's fallbacks. */
#include "config.h"

#include "e2e-util.h"

/* The first label inside a button under @widget: an Actions pane link. */
static GtkWidget *
first_button_label (GtkWidget *widget)
{
  g_autoptr(GList) children = NULL;

  if (GTK_IS_LABEL (widget) && GTK_IS_BUTTON (gtk_widget_get_parent (widget)))
    return widget;
  if (!GTK_IS_CONTAINER (widget))
    return NULL;
  children = gtk_container_get_children (GTK_CONTAINER (widget));
  for (GList *l = children; l != NULL; l = l->next)
    {
      GtkWidget *found = first_button_label (l->data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text colour of a selected row in @tree while another widget has the focus. */
static GdkRGBA
unfocused_selection_colour (GtkWidget *tree)
{
  GtkStyleContext *context = gtk_widget_get_style_context (tree);
  GdkRGBA colour;

  gtk_style_context_save (context);
  gtk_style_context_set_state (context, GTK_STATE_FLAG_SELECTED);
  gtk_style_context_get_color (context, GTK_STATE_FLAG_SELECTED, &colour);
  gtk_style_context_restore (context);
  return colour;
}

/* The colours of the first enabled Actions link, and of the console tree's selected row while
 * the focus is elsewhere, in a demo window under @theme. */
static void
window_colours (const char *theme, GdkRGBA *link, GdkRGBA *selected_row)
{
  LcsWindow *window;
  GtkWidget *label;
  GtkStyleContext *context;

  g_object_set (gtk_settings_get_default (), "gtk-theme-name", theme, NULL);
  window = lcs_window_new (e2e_application ());
  g_assert_true (lcs_window_open_demo (window, NULL));
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (100);
  label = first_button_label (GTK_WIDGET (window->actions_pane));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_sensitive (label));
  context = gtk_widget_get_style_context (label);
  gtk_style_context_get_color (context, gtk_style_context_get_state (context), link);
  *selected_row = unfocused_selection_colour (GTK_WIDGET (window->console_tree));
  window->doc->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
test_win32_links_readable (void)
{
  GdkRGBA colour, row;
  GdkRGBA windows_blue;

  window_colours ("win32", &colour, &row);
  /* Readable on white: Windows 10's highlight blue, not the near-white of an unknown name. */
  g_assert_true (gdk_rgba_parse (&windows_blue, "#0078d7"));
  g_assert_cmpfloat (colour.alpha, ==, 1.0);
  g_assert_cmpfloat (luminance (&colour), <, 0.5);
  g_assert_true (gdk_rgba_equal (&colour, &windows_blue));
  /* The theme draws that row on light grey. */
  g_assert_cmpfloat (luminance (&row), <, 0.5);
}

static void
test_adwaita_keeps_its_colours (void)
{
  GdkRGBA colour, row;
  GdkRGBA windows_blue;

  window_colours ("Adwaita", &colour, &row);
  /* The near miss: Adwaita defines the name, so the fallback is not used. */
  g_assert_true (gdk_rgba_parse (&windows_blue, "#0078d7"));
  g_assert_false (gdk_rgba_equal (&colour, &windows_blue));
  g_assert_cmpfloat (luminance (&colour), <, 0.5);
}

/* Off Windows, the win32 theme has no uxtheme to draw some parts with and warns once per part;
 * that is the theme on Linux, not the console: only that warning is dropped. */
static GLogWriterOutput
writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (fields[i].key, "MESSAGE") == 0 &&
        fields[i].length < 0 && g_str_has_prefix (fields[i].value, "No fallback code to draw"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

int
main (int argc, char **argv)
{
  g_log_set_writer_func (writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/theme/win32-links-readable", test_win32_links_readable);
  g_test_add_func ("/theme/adwaita-keeps-its-colours", test_adwaita_keeps_its_colours);
  return g_test_run ();
}
