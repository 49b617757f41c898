/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GtkTreeModel (a flat list) over an array of zone rows; iter->user_data is the row index. */
#include "config.h"

#include "lcs-zone-model.h"

#include <glib/gi18n.h>

struct _LcsZoneModel {
  GObject  parent_instance;
  GArray  *rows;
  guint    shown;  /* rows listed so far: the first ones */
  int      stamp;
};

static void lcs_zone_model_tree_model_init (GtkTreeModelIface *iface);

G_DEFINE_TYPE_WITH_CODE (LcsZoneModel, lcs_zone_model, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_MODEL, lcs_zone_model_tree_model_init))

static gboolean
set_iter (LcsZoneModel *self,
          GtkTreeIter  *iter,
          guint         index)
{
  if (index >= self->shown)
    {
      iter->stamp = 0;
      return FALSE;
    }
  iter->stamp = self->stamp;
  iter->user_data = GUINT_TO_POINTER (index);
  return TRUE;
}

static GtkTreeModelFlags
get_flags (GtkTreeModel *model)
{
  return GTK_TREE_MODEL_LIST_ONLY | GTK_TREE_MODEL_ITERS_PERSIST;
}

static int
get_n_columns (GtkTreeModel *model)
{
  return LCS_ZONE_N_COLUMNS;
}

static GType
get_column_type (GtkTreeModel *model,
                 int           column)
{
  return G_TYPE_STRING;
}

static gboolean
get_iter (GtkTreeModel *model,
          GtkTreeIter  *iter,
          GtkTreePath  *path)
{
  if (gtk_tree_path_get_depth (path) != 1)
    return FALSE;
  return set_iter (LCS_ZONE_MODEL (model), iter, gtk_tree_path_get_indices (path)[0]);
}

static GtkTreePath *
get_path (GtkTreeModel *model,
          GtkTreeIter  *iter)
{
  return gtk_tree_path_new_from_indices (GPOINTER_TO_UINT (iter->user_data), -1);
}

static char *
format_column (const LcsZoneRow *row,
               int               column)
{
  switch (column)
    {
    case LCS_ZONE_COL_NAME:
      return lcs_zone_row_name (row);
    case LCS_ZONE_COL_TYPE:
      return g_strdup (lcs_type_display_name (row->record->type));
    case LCS_ZONE_COL_DATA:
      return lcs_record_format_data (row->record);
    case LCS_ZONE_COL_TIMESTAMP:
      return lcs_record_format_timestamp (row->record);
    case LCS_ZONE_COL_VIEW:
      return g_strdup (row->view == LCS_VIEW_EXTERNAL ? _("External") : _("Internal"));
    default:
      return NULL;
    }
}

static void
get_value (GtkTreeModel *model,
           GtkTreeIter  *iter,
           int           column,
           GValue       *value)
{
  LcsZoneModel *self = LCS_ZONE_MODEL (model);

  g_value_init (value, G_TYPE_STRING);
  g_value_take_string (value, format_column (&g_array_index (self->rows, LcsZoneRow,
                                                             GPOINTER_TO_UINT (iter->user_data)), column));
}

static gboolean
iter_next (GtkTreeModel *model,
           GtkTreeIter  *iter)
{
  return set_iter (LCS_ZONE_MODEL (model), iter, GPOINTER_TO_UINT (iter->user_data) + 1);
}

static gboolean
iter_nth_child (GtkTreeModel *model,
                GtkTreeIter  *iter,
                GtkTreeIter  *parent,
                int           n)
{
  if (parent != NULL || n < 0)
    return FALSE;
  return set_iter (LCS_ZONE_MODEL (model), iter, n);
}

static gboolean
iter_children (GtkTreeModel *model,
               GtkTreeIter  *iter,
               GtkTreeIter  *parent)
{
  return iter_nth_child (model, iter, parent, 0);
}

static gboolean
iter_has_child (GtkTreeModel *model,
                GtkTreeIter  *iter)
{
  return FALSE;
}

static int
iter_n_children (GtkTreeModel *model,
                 GtkTreeIter  *iter)
{
  return iter == NULL ? (int) LCS_ZONE_MODEL (model)->shown : 0;
}

static gboolean
iter_parent (GtkTreeModel *model,
             GtkTreeIter  *iter,
             GtkTreeIter  *child)
{
  return FALSE;
}

static void
lcs_zone_model_tree_model_init (GtkTreeModelIface *iface)
{
  iface->get_flags = get_flags;
  iface->get_n_columns = get_n_columns;
  iface->get_column_type = get_column_type;
  iface->get_iter = get_iter;
  iface->get_path = get_path;
  iface->get_value = get_value;
  iface->iter_next = iter_next;
  iface->iter_children = iter_children;
  iface->iter_has_child = iter_has_child;
  iface->iter_n_children = iter_n_children;
  iface->iter_nth_child = iter_nth_child;
  iface->iter_parent = iter_parent;
}

static void
lcs_zone_model_finalize (GObject *object)
{
  LcsZoneModel *self = LCS_ZONE_MODEL (object);

  g_array_unref (self->rows);
  G_OBJECT_CLASS (lcs_zone_model_parent_class)->finalize (object);
}

static void
lcs_zone_model_class_init (LcsZoneModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lcs_zone_model_finalize;
}

static void
lcs_zone_model_init (LcsZoneModel *self)
{
  self->stamp = g_random_int_range (1, G_MAXINT);
}

LcsZoneModel *
lcs_zone_model_new (GArray *rows,
                    guint   shown)
{
  LcsZoneModel *self = g_object_new (LCS_TYPE_ZONE_MODEL, NULL);

  self->rows = rows;
  self->shown = MIN (shown, rows->len);
  return self;
}

void
lcs_zone_model_append (LcsZoneModel     *self,
                       const LcsZoneRow *row)
{
  g_array_append_vals (self->rows, row, 1);
}

gboolean
lcs_zone_model_show_more (LcsZoneModel *self,
                          guint         n)
{
  guint end = MIN (self->rows->len, self->shown + n);

  while (self->shown < end)
    {
      g_autoptr(GtkTreePath) path = gtk_tree_path_new_from_indices (self->shown, -1);
      GtkTreeIter iter;

      self->shown++;
      set_iter (self, &iter, self->shown - 1);
      gtk_tree_model_row_inserted (GTK_TREE_MODEL (self), path, &iter);
    }
  return self->shown < self->rows->len;
}

guint
lcs_zone_model_get_total (LcsZoneModel *self)
{
  return self->rows->len;
}

const LcsZoneRow *
lcs_zone_model_get_row (LcsZoneModel *self,
                        GtkTreeIter  *iter)
{
  g_return_val_if_fail (iter->stamp == self->stamp, NULL);
  return &g_array_index (self->rows, LcsZoneRow, GPOINTER_TO_UINT (iter->user_data));
}
