/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lcsdns GtkApplication: `lcsdns [FILE.lcsdns]`, the demo when no file is given. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LCS_APPLICATION_ID "org.lcsdns.Console"

#define LCS_TYPE_APPLICATION (lcs_application_get_type ())
G_DECLARE_FINAL_TYPE (LcsApplication, lcs_application, LCS, APPLICATION, GtkApplication)

LcsApplication *lcs_application_new (void);

G_END_DECLS
