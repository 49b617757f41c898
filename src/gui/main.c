/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns: the LCS DNS Console. */
#include "config.h"

#include <glib/gi18n.h>

#include "lcs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LcsApplication) app = NULL;

  g_set_application_name (_("LCS DNS Console"));
  app = lcs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
