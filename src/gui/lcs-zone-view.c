/* The zone page. The rows are an array over the records (lcs-zone-model.c); filtering builds a
 * new array of the rows that match, so typing never copies a record. */
#include "lcs-zone-view.h"

#include <glib/gi18n.h>

#include "lcs-result-list.h"
#include "lcs-zone-model.h"

struct _LcsZoneView {
  GtkBox                 parent_instance;

  GtkSearchEntry        *filter_entry;
  GtkLabel              *count_label;
  GtkTreeView           *tree;
  GtkTreeViewColumn     *name_column;
  GtkTreeViewColumn     *view_column;

  const LcsZoneContents *contents;  /* borrowed; NULL: nothing shown */
  int                    view;
  int                    zone;
  char                  *folder;
  GArray                *rows;      /* LcsZoneRow: the node's rows before the filter */
  guint                  fill_id;   /* the rows still to be listed come in on this source */
};

/* Rows handed to the tree view per main-loop turn: a few tens of milliseconds on a slow machine. */
#define ROWS_PER_TURN 4000

/* Pixels for the Name column, as the .ui has it, and with full names. */
#define NAME_WIDTH      110
#define FULL_NAME_WIDTH 220

G_DEFINE_TYPE (LcsZoneView, lcs_zone_view, GTK_TYPE_BOX)

static gboolean
on_fill (gpointer user_data)
{
  LcsZoneView *self = user_data;
  LcsZoneModel *model = LCS_ZONE_MODEL (gtk_tree_view_get_model (self->tree));

  if (lcs_zone_model_show_more (model, ROWS_PER_TURN))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
apply_filter (LcsZoneView *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_entry_get_text (GTK_ENTRY (self->filter_entry)), -1);
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (LcsZoneRow));
  g_autoptr(LcsZoneModel) model = NULL;
  g_autofree char *count = NULL;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      const LcsZoneRow *row = &g_array_index (self->rows, LcsZoneRow, i);

      if (lcs_zone_row_matches (row, needle))
        g_array_append_vals (shown, row, 1);
    }
  if (self->rows != NULL && needle[0] != '\0')
    count = g_strdup_printf (_("%u of %u records"), shown->len, self->rows->len);
  else
    count = g_strdup_printf (g_dngettext (NULL, "%u record", "%u records", shown->len), shown->len);
  gtk_label_set_text (self->count_label, count);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  model = lcs_zone_model_new (shown, ROWS_PER_TURN);
  gtk_tree_view_set_model (self->tree, GTK_TREE_MODEL (model));
  if (lcs_zone_model_get_total (model) > ROWS_PER_TURN)
    self->fill_id = g_idle_add (on_fill, self);
}

static void
on_filter_changed (GtkSearchEntry *entry,
                   LcsZoneView    *self)
{
  apply_filter (self);
}

void
lcs_zone_view_reload (LcsZoneView *self)
{
  g_clear_pointer (&self->rows, g_array_unref);
  if (self->contents != NULL)
    self->rows = lcs_zone_contents_rows (self->contents, self->view, self->zone, self->folder);
  apply_filter (self);
}

void
lcs_zone_view_show (LcsZoneView           *self,
                    const LcsZoneContents *contents,
                    int                    view,
                    int                    zone,
                    const char            *folder)
{
  self->contents = contents;
  self->view = view;
  self->zone = zone;
  g_free (self->folder);
  self->folder = g_strdup (folder);
  /* Both views at once: the View column tells internal and external _sip._tls apart. */
  gtk_tree_view_column_set_visible (self->view_column, view == LCS_VIEW_ANY);
  /* A folder's names are one label; several zones in one list show full names. */
  gtk_tree_view_column_set_fixed_width (self->name_column, folder != NULL ? NAME_WIDTH : FULL_NAME_WIDTH);
  lcs_zone_view_reload (self);
}

void
lcs_zone_view_clear (LcsZoneView *self)
{
  self->contents = NULL;
  lcs_zone_view_reload (self);
}

guint
lcs_zone_view_count_visible (LcsZoneView *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree);

  return model != NULL ? lcs_zone_model_get_total (LCS_ZONE_MODEL (model)) : 0;
}

void
lcs_zone_view_set_filter (LcsZoneView *self,
                          const char  *text)
{
  gtk_entry_set_text (GTK_ENTRY (self->filter_entry), text);
  apply_filter (self);
}

gboolean
lcs_zone_view_is_filling (LcsZoneView *self)
{
  return self->fill_id != 0;
}

static void
lcs_zone_view_dispose (GObject *object)
{
  LcsZoneView *self = LCS_ZONE_VIEW (object);

  g_clear_handle_id (&self->fill_id, g_source_remove);
  G_OBJECT_CLASS (lcs_zone_view_parent_class)->dispose (object);
}

static void
lcs_zone_view_finalize (GObject *object)
{
  LcsZoneView *self = LCS_ZONE_VIEW (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self->folder);
  G_OBJECT_CLASS (lcs_zone_view_parent_class)->finalize (object);
}

static void
lcs_zone_view_class_init (LcsZoneViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lcs_zone_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = lcs_zone_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-zone-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsZoneView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneView, tree);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneView, name_column);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneView, view_column);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
}

static void
lcs_zone_view_init (LcsZoneView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->view = LCS_VIEW_ANY;
  self->zone = -1;
}
