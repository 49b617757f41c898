/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Filling and reading the console tree. */
#include "config.h"

#include "lcs-console-tree.h"

#include <string.h>
#include <glib/gi18n.h>
#include <lcsdns/model/record.h>
#include <lcsdns/profile/plan.h>

#include "lcs-result-list.h"

static void
append_node (GtkTreeStore *store,
             GtkTreeIter  *iter,
             GtkTreeIter  *parent,
             const char   *icon,
             const char   *label,
             LcsNodeKind   kind,
             const char   *domain,
             int           view)
{
  gtk_tree_store_insert_with_values (store, iter, parent, -1,
                                     LCS_TREE_COL_ICON, icon,
                                     LCS_TREE_COL_LABEL, label,
                                     LCS_TREE_COL_KIND, kind,
                                     LCS_TREE_COL_DOMAIN, domain,
                                     LCS_TREE_COL_VIEW, view,
                                     -1);
}

void
lcs_console_tree_fill (GtkTreeStore     *store,
                       const LcsProfile *profile,
                       const char       *deployment_label)
{
  GtkTreeIter root, domains, domain, leaf;

  gtk_tree_store_clear (store);
  append_node (store, &root, NULL, "network-workgroup", deployment_label,
               LCS_NODE_DEPLOYMENT, NULL, LCS_VIEW_ANY);
  append_node (store, &domains, &root, "folder", _("SIP domains"), LCS_NODE_DOMAINS, NULL, LCS_VIEW_ANY);

  for (guint i = 0; i < profile->domains->len; i++)
    {
      const char *name = g_ptr_array_index (profile->domains, i);

      append_node (store, &domain, &domains, "network-server", name, LCS_NODE_DOMAIN, name, LCS_VIEW_ANY);
      append_node (store, &leaf, &domain, "folder", _("Internal view"), LCS_NODE_VIEW, name, LCS_VIEW_INTERNAL);
      if (lcs_plan_has_view (profile, LCS_VIEW_EXTERNAL))
        append_node (store, &leaf, &domain, "folder", _("External view"), LCS_NODE_VIEW, name, LCS_VIEW_EXTERNAL);
    }

  append_node (store, &leaf, &root, "security-high", _("Certificates"), LCS_NODE_CERTIFICATES, NULL, LCS_VIEW_ANY);
  append_node (store, &leaf, &root, "emblem-default", _("Deployment checklist"), LCS_NODE_CHECKLIST, NULL, LCS_VIEW_ANY);
}

static void
read_node (GtkTreeModel *model,
           GtkTreeIter  *iter,
           LcsNode      *node)
{
  int kind;

  gtk_tree_model_get (model, iter,
                      LCS_TREE_COL_KIND, &kind,
                      LCS_TREE_COL_DOMAIN, &node->domain,
                      LCS_TREE_COL_VIEW, &node->view,
                      LCS_TREE_COL_LABEL, &node->label,
                      -1);
  node->kind = kind;
}

gboolean
lcs_console_tree_selected (GtkTreeView *view,
                           LcsNode     *node)
{
  GtkTreeModel *model;
  GtkTreeIter iter;

  memset (node, 0, sizeof *node);
  if (!gtk_tree_selection_get_selected (gtk_tree_view_get_selection (view), &model, &iter))
    return FALSE;
  read_node (model, &iter, node);
  return TRUE;
}

void
lcs_node_clear (LcsNode *node)
{
  g_clear_pointer (&node->domain, g_free);
  g_clear_pointer (&node->label, g_free);
}

typedef struct {
  LcsNodeKind  kind;
  const char  *domain;
  int          view;
  GtkTreePath *found;
} FindData;

static gboolean
match_node (GtkTreeModel *model,
            GtkTreePath  *path,
            GtkTreeIter  *iter,
            gpointer      user_data)
{
  FindData *data = user_data;
  LcsNode node;
  gboolean matches;

  read_node (model, iter, &node);
  matches = node.kind == data->kind
            && (data->domain == NULL || g_strcmp0 (node.domain, data->domain) == 0)
            && (data->view == LCS_VIEW_ANY || node.view == data->view);
  lcs_node_clear (&node);
  if (matches)
    data->found = gtk_tree_path_copy (path);
  return matches;
}

void
lcs_console_tree_select (GtkTreeView *view,
                         LcsNodeKind  kind,
                         const char  *domain,
                         int          view_id)
{
  FindData data = { kind, domain, view_id, NULL };

  gtk_tree_model_foreach (gtk_tree_view_get_model (view), match_node, &data);
  if (data.found == NULL)
    return;
  gtk_tree_view_expand_to_path (view, data.found);
  gtk_tree_view_set_cursor (view, data.found, NULL, FALSE);
  gtk_tree_path_free (data.found);
}
