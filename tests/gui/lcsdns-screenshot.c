/* lcsdns-screenshot: the console with the screenshot hook (lcs-screenshot.h) attached, for
 * build-aux/screenshots.sh. Built beside the tests and never installed, so that the shipped
 * lcsdns carries no code that only the documentation needs. */
#include <glib/gi18n.h>

#include "lcs-application.h"
#include "lcs-screenshot.h"

/* The first console window, as the application makes it: before the document is loaded, so
 * the hook's idle runs once activate or open has filled it. */
static void
on_app_window_added (GtkApplication *app,
                     GtkWindow      *window,
                     gpointer        user_data)
{
  gboolean *scheduled = user_data;

  if (*scheduled || !LCS_IS_WINDOW (window))
    return;
  *scheduled = TRUE;
  lcs_screenshot_schedule (LCS_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LcsApplication) app = NULL;
  gboolean scheduled = FALSE;

  g_set_application_name (_("LCS DNS Console"));
  app = lcs_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_app_window_added), &scheduled);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
