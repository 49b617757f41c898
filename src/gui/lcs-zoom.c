/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One CSS provider for the whole screen: the font size of every toplevel (windows, dialogs,
 * menus) is a percentage of the theme's, so a projector room can read the console. */
#include "config.h"

#include "lcs-zoom.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>

#define GROUP "view"
#define KEY   "zoom"

/* The steps a room needs; 1.0 is the theme's size. */
static const double steps[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0 };

static GtkCssProvider *provider;
static double          zoom = 1.0;

char *
lcs_zoom_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "lcsdns", "settings.ini", NULL);
}

static void
apply (void)
{
  /* Every kind of toplevel by its CSS name: GtkDialog and GtkMessageDialog name theirs. */
  g_autofree char *css = g_strdup_printf ("window, dialog, messagedialog { font-size: %d%%; }",
                                          (int) (zoom * 100 + 0.5));

  gtk_css_provider_load_from_data (provider, css, -1, NULL);
}

static guint
nearest_step (double value)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (steps); i++)
    if (fabs (steps[i] - value) < fabs (steps[best] - value))
      best = i;
  return best;
}

/* Other settings in the file stay as they are; a failure to save costs only the memory of it. */
static void
save (void)
{
  g_autofree char *path = lcs_zoom_settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_double (keyfile, GROUP, KEY, zoom);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (keyfile, path, &error))
    g_message ("The zoom could not be saved in %s: %s", path, error != NULL ? error->message : g_strerror (errno));
}

void
lcs_zoom_init (void)
{
  g_autofree char *path = lcs_zoom_settings_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (provider != NULL)
    return;
  if (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    {
      double saved = g_key_file_get_double (keyfile, GROUP, KEY, NULL);

      zoom = saved > 0 ? steps[nearest_step (saved)] : 1.0;
    }
  provider = gtk_css_provider_new ();
  apply ();
  /* Above the application's own style, so that its fixed sizes scale too. */
  gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

double
lcs_zoom_get (void)
{
  return zoom;
}

void
lcs_zoom_step (int direction)
{
  guint current;

  lcs_zoom_init ();
  current = nearest_step (zoom);
  if (direction > 0 && current + 1 < G_N_ELEMENTS (steps))
    current++;
  else if (direction < 0 && current > 0)
    current--;
  else if (direction == 0)
    current = nearest_step (1.0);
  zoom = steps[current];
  apply ();
  save ();
}
