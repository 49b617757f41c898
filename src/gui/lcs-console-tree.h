/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console tree's nodes: deployment → SIP domains → domain → Internal / External view;
 * DNS zones → view → zone → folders (_tcp, _tls, … as DNS Manager nests them), once zone files
 * are read; Certificates; Deployment checklist. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/profile/profile.h>

#include "lcs-zone-contents.h"

G_BEGIN_DECLS

typedef enum {
  LCS_NODE_DEPLOYMENT,
  LCS_NODE_DOMAINS,
  LCS_NODE_DOMAIN,
  LCS_NODE_VIEW,
  LCS_NODE_CERTIFICATES,
  LCS_NODE_CHECKLIST,
  LCS_NODE_ZONES,        /* every zone file (view LCS_VIEW_ANY), or those of one view */
  LCS_NODE_ZONE,         /* one zone file's top level */
  LCS_NODE_ZONE_FOLDER,  /* a folder of a zone: the names directly in it */
} LcsNodeKind;

enum {
  LCS_TREE_COL_ICON,
  LCS_TREE_COL_LABEL,
  LCS_TREE_COL_KIND,
  LCS_TREE_COL_DOMAIN,
  LCS_TREE_COL_VIEW,
  LCS_TREE_COL_ZONE,
};

typedef struct {
  LcsNodeKind  kind;
  char        *domain;  /* DOMAIN, VIEW; ZONE, ZONE_FOLDER: the zone's or folder's name */
  int          view;    /* VIEW, ZONES, ZONE, ZONE_FOLDER: LcsView; else LCS_VIEW_ANY */
  char        *label;
  int          zone;    /* ZONE, ZONE_FOLDER: index in the view's zone files; else -1 */
} LcsNode;

void     lcs_console_tree_fill      (GtkTreeStore     *store,
                                     const LcsProfile *profile,
                                     const char       *deployment_label);

/* Replaces the DNS zones branch by @contents' zones that have been read (none: no branch). */
void     lcs_console_tree_set_zones (GtkTreeStore          *store,
                                     const LcsZoneContents *contents);

/* Reads the selected node; FALSE when none is selected. Free with lcs_node_clear. */
gboolean lcs_console_tree_selected  (GtkTreeView *view,
                                     LcsNode     *node);
void     lcs_node_clear             (LcsNode     *node);

/* Selects the first node of @kind (and @domain / @view where they matter; for zone nodes @domain
 * is the zone's or folder's name). */
void     lcs_console_tree_select    (GtkTreeView *view,
                                     LcsNodeKind  kind,
                                     const char  *domain,
                                     int          view_id);

G_END_DECLS
