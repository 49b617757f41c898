/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: style, accelerators, app-wide actions, and one window per start. */
#include "config.h"

#include "lcs-application.h"

#include <glib/gi18n.h>

#include "lcs-help-window.h"
#include "lcs-window.h"
#include "lcs-zoom.h"

struct _LcsApplication {
  GtkApplication parent_instance;
};

G_DEFINE_TYPE (LcsApplication, lcs_application, GTK_TYPE_APPLICATION)

static void
quit_next_window (LcsWindow *window,
                  gpointer   user_data);

/* Quit asks about unsaved changes window by window. */
static void
close_windows_then_quit (GApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  if (windows == NULL)
    {
      g_application_quit (app);
      return;
    }
  lcs_window_confirm_discard (LCS_WINDOW (windows->data), quit_next_window, app);
}

static void
quit_next_window (LcsWindow *window,
                  gpointer   user_data)
{
  gtk_widget_destroy (GTK_WIDGET (window));
  close_windows_then_quit (user_data);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  close_windows_then_quit (user_data);
}

static void
on_help (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (lcs_help_window_new (parent)));
}

static void
on_help_rule (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *help = lcs_help_window_new (parent);

  gtk_window_present (GTK_WINDOW (help));
  lcs_help_window_show_rule (LCS_HELP_WINDOW (help), g_variant_get_string (parameter, NULL));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (parent,
                         "program-name", _("LCS DNS Console"),
                         "version", LCS_VERSION,
                         "logo-icon-name", LCS_APPLICATION_ID,
                         "comments", _("Plans and checks the DNS records of Live Communications Server 2005, "
                                       "OCS 2007 R2, Lync and Skype for Business Server."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
on_zoom (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  const char *name = g_action_get_name (G_ACTION (action));

  lcs_zoom_step (g_str_equal (name, "zoom-in") ? 1 : g_str_equal (name, "zoom-out") ? -1 : 0);
}

static const GActionEntry app_actions[] = {
  { "zoom-in", on_zoom, NULL, NULL, NULL, { 0 } },
  { "zoom-out", on_zoom, NULL, NULL, NULL, { 0 } },
  { "zoom-reset", on_zoom, NULL, NULL, NULL, { 0 } },
  { "quit", on_quit, NULL, NULL, NULL, { 0 } },
  { "help", on_help, NULL, NULL, NULL, { 0 } },
  { "help-rule", on_help_rule, "s", NULL, NULL, { 0 } },
  { "about", on_about, NULL, NULL, NULL, { 0 } },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.import-zone", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.check-now", { "F5", NULL } },
    { "win.live-check", { "<Control>F5", NULL } },
    { "win.cancel-check", { "Escape", NULL } },
    { "win.new-srv", { "<Control><Shift>r", NULL } },
    { "win.new-host", { "<Control><Shift>h", NULL } },
    { "win.properties", { "<Alt>Return", NULL } },
    { "win.apply-fix", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control>y", "<Control><Shift>z", NULL } },
    { "win.show-checklist", { "<Control>l", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
lcs_application_startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) colors = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (lcs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
  /* Lowest priority: only the colour names the theme leaves undefined (ui/colors.css). */
  gtk_css_provider_load_from_resource (colors, "/org/lcsdns/Console/colors.css");
  gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (colors),
                                             GTK_STYLE_PROVIDER_PRIORITY_FALLBACK);
  gtk_css_provider_load_from_resource (css, "/org/lcsdns/Console/style.css");
  gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (css),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_default (), "/org/lcsdns/Console/icons");
  lcs_zoom_init ();
  gtk_window_set_default_icon_name (LCS_APPLICATION_ID);
}

/* No file: the bundled demo, checked offline from its zone, so that a first start shows findings. */
static void
lcs_application_activate (GApplication *app)
{
  LcsWindow *window = lcs_window_new (LCS_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  if (!lcs_window_open_demo (window, &error))
    {
      g_printerr ("lcsdns: the demo deployment cannot be opened: %s\n", error->message);
      lcs_window_show_error (window, _("The demo deployment cannot be opened"), error);
    }
}

static void
lcs_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      LcsWindow *window = lcs_window_new (LCS_APPLICATION (app));
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      gtk_window_present (GTK_WINDOW (window));
      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", _("only local files can be opened"));
      if (path == NULL || !lcs_window_open_file (window, path, &error))
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);

          g_printerr ("lcsdns: %s: %s\n", name, error->message);
          lcs_window_show_error (window, _("The deployment could not be opened"), error);
        }
    }
}

static void
lcs_application_class_init (LcsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = lcs_application_startup;
  app_class->activate = lcs_application_activate;
  app_class->open = lcs_application_open;
}

static void
lcs_application_init (LcsApplication *self)
{
}

LcsApplication *
lcs_application_new (void)
{
  return g_object_new (LCS_TYPE_APPLICATION,
                       "application-id", LCS_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
