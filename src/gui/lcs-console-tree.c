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
                                     LCS_TREE_COL_ZONE, -1,
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

/* The root's child of @kind, if any. */
static gboolean
find_top_node (GtkTreeStore *store,
               LcsNodeKind   kind,
               GtkTreeIter  *iter)
{
  GtkTreeModel *model = GTK_TREE_MODEL (store);
  GtkTreeIter root;
  gboolean more;
  int found;

  if (!gtk_tree_model_get_iter_first (model, &root))
    return FALSE;
  for (more = gtk_tree_model_iter_children (model, iter, &root); more; more = gtk_tree_model_iter_next (model, iter))
    {
      gtk_tree_model_get (model, iter, LCS_TREE_COL_KIND, &found, -1);
      if (found == (int) kind)
        return TRUE;
    }
  return FALSE;
}

static void
append_zone_node (GtkTreeStore *store,
                  GtkTreeIter  *iter,
                  GtkTreeIter  *parent,
                  const char   *label,
                  LcsNodeKind   kind,
                  const char   *name,
                  int           view,
                  int           zone)
{
  gtk_tree_store_insert_with_values (store, iter, parent, -1,
                                     LCS_TREE_COL_ICON, "folder",
                                     LCS_TREE_COL_LABEL, label,
                                     LCS_TREE_COL_KIND, kind,
                                     LCS_TREE_COL_DOMAIN, name,
                                     LCS_TREE_COL_VIEW, view,
                                     LCS_TREE_COL_ZONE, zone,
                                     -1);
}

/* The zone node, then its folders nested by label as DNS Manager shows them:
 * "_sip._tls.contoso.com." lies in folder _tls of zone contoso.com. */
static void
append_zone (GtkTreeStore         *store,
             GtkTreeIter          *parent,
             const LcsZoneContent *content,
             LcsView               view,
             guint                 index)
{
  g_autoptr(GHashTable) iters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *zone_label = g_strndup (content->origin, MAX (strlen (content->origin), 2) - 1);
  GtkTreeIter *zone = g_new (GtkTreeIter, 1);

  append_zone_node (store, zone, parent, zone_label, LCS_NODE_ZONE, content->origin, view, (int) index);
  g_hash_table_insert (iters, content->origin, zone);
  /* Parents come first in the list, so each folder's parent node already exists. */
  for (guint i = 0; i < content->folders->len; i++)
    {
      const char *folder = g_ptr_array_index (content->folders, i);
      const char *dot = strchr (folder, '.');
      g_autofree char *label = g_strndup (folder, dot - folder);
      GtkTreeIter *under = g_hash_table_lookup (iters, dot + 1);
      GtkTreeIter *node = g_new (GtkTreeIter, 1);

      append_zone_node (store, node, under != NULL ? under : zone, label, LCS_NODE_ZONE_FOLDER, folder, view, (int) index);
      g_hash_table_insert (iters, (gpointer) folder, node);
    }
}

static gboolean
has_read_zones (const LcsZoneContents *contents,
                LcsView                view)
{
  for (guint i = 0; i < contents->zones[view]->len; i++)
    if (((LcsZoneContent *) g_ptr_array_index (contents->zones[view], i))->origin != NULL)
      return TRUE;
  return FALSE;
}

void
lcs_console_tree_set_zones (GtkTreeStore          *store,
                            const LcsZoneContents *contents)
{
  GtkTreeIter zones, view_node, root;

  if (find_top_node (store, LCS_NODE_ZONES, &zones))
    gtk_tree_store_remove (store, &zones);
  if (contents == NULL || !gtk_tree_model_get_iter_first (GTK_TREE_MODEL (store), &root)
      || (!has_read_zones (contents, LCS_VIEW_INTERNAL) && !has_read_zones (contents, LCS_VIEW_EXTERNAL)))
    return;
  /* After "SIP domains", as DNS Manager's Forward Lookup Zones. */
  gtk_tree_store_insert_with_values (store, &zones, &root, 1,
                                     LCS_TREE_COL_ICON, "folder",
                                     LCS_TREE_COL_LABEL, _("DNS zones"),
                                     LCS_TREE_COL_KIND, LCS_NODE_ZONES,
                                     LCS_TREE_COL_VIEW, LCS_VIEW_ANY,
                                     LCS_TREE_COL_ZONE, -1,
                                     -1);
  for (int view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
    {
      if (!has_read_zones (contents, view))
        continue;
      append_zone_node (store, &view_node, &zones, view == LCS_VIEW_INTERNAL ? _("Internal view") : _("External view"),
                        LCS_NODE_ZONES, NULL, view, -1);
      for (guint i = 0; i < contents->zones[view]->len; i++)
        {
          const LcsZoneContent *content = g_ptr_array_index (contents->zones[view], i);

          if (content->origin != NULL)
            append_zone (store, &view_node, content, view, i);
        }
    }
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
                      LCS_TREE_COL_ZONE, &node->zone,
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
