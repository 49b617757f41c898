/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the installed data is found. */
#include "config.h"

#include <lcsdns/model/datadir.h>

char *
lcs_data_dir (void)
{
#ifdef G_OS_WIN32
  /* A Windows install can be moved or unpacked anywhere, so no compiled-in path holds: the data
   * sits beside the program, in <top>\share\lcsdns, GLib taking <top> as the exe's folder less a
   * trailing bin\. */
  g_autofree char *top = g_win32_get_package_installation_directory_of_module (NULL);

  return g_build_filename (top, "share", "lcsdns", NULL);
#else
  return g_strdup (LCS_DATADIR);
#endif
}
