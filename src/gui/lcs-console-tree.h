/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console tree's nodes: deployment → SIP domains → domain → Internal / External view;
 * Certificates; Deployment checklist. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef enum {
  LCS_NODE_DEPLOYMENT,
  LCS_NODE_DOMAINS,
  LCS_NODE_DOMAIN,
  LCS_NODE_VIEW,
  LCS_NODE_CERTIFICATES,
  LCS_NODE_CHECKLIST,
} LcsNodeKind;

enum {
  LCS_TREE_COL_ICON,
  LCS_TREE_COL_LABEL,
  LCS_TREE_COL_KIND,
  LCS_TREE_COL_DOMAIN,
  LCS_TREE_COL_VIEW,
};

typedef struct {
  LcsNodeKind  kind;
  char        *domain;  /* DOMAIN, VIEW */
  int          view;    /* VIEW: LcsView; else LCS_VIEW_ANY */
  char        *label;
} LcsNode;

void     lcs_console_tree_fill      (GtkTreeStore     *store,
                                     const LcsProfile *profile,
                                     const char       *deployment_label);

/* Reads the selected node; FALSE when none is selected. Free with lcs_node_clear. */
gboolean lcs_console_tree_selected  (GtkTreeView *view,
                                     LcsNode     *node);
void     lcs_node_clear             (LcsNode     *node);

/* Selects the first node of @kind (and @domain / @view where they matter). */
void     lcs_console_tree_select    (GtkTreeView *view,
                                     LcsNodeKind  kind,
                                     const char  *domain,
                                     int          view_id);

G_END_DECLS
