/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for the dialog tests: a profile, the main loop, and finding widgets as a user would. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

/* Standard Edition, lcs2005, contoso.com (primary) and fabrikam.com, pool lcs.contoso.com. */
LcsProfile *test_profile_new        (void);

/* Runs the main loop until nothing is pending, idles included. */
void        test_pump               (void);

/* Shows @window and waits until it has been drawn once. */
void        test_show_and_wait_draw (GtkWidget *window);

/* The first descendant of @root (internal children included) of @type whose widget name is
 * @name (any when NULL), or whose accessible name starts with @accessible_prefix (any when NULL). */
GtkWidget  *test_find_widget        (GtkWidget  *root,
                                     GType       type,
                                     const char *name,
                                     const char *accessible_prefix);

/* Every descendant of @root that a user operates has a non-empty accessible name, and every
 * caption ("Name:") a mnemonic for its field. */
void        test_assert_accessible_names (GtkWidget *root);

GtkWindow  *test_find_transient     (GtkWindow *parent);

/* A key press delivered to @window at once, as GTK delivers one from the X server: the
 * window's own key handling sees it first, then its focus widget. */
void        test_press_key          (GtkWidget       *window,
                                     guint            keyval,
                                     GdkModifierType  state);

/* The right button pressed and released over @path's row of @view, as GTK delivers a click from
 * the X server (the context menu opens on the press). The main loop is not turned. */
void        test_right_click        (GtkTreeView *view,
                                     GtkTreePath *path);

/* F1 in @dialog opens a help window over it, its cursor on the line @heading. */
void        test_assert_f1_help     (GtkWidget  *dialog,
                                     const char *heading);

G_END_DECLS
