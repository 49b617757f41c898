/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone page. The rows are an array over the records (lcs-zone-model.c); filtering builds a
 * new array of the rows that match, so typing never copies a record. Both the filter and the
 * list work a batch per main-loop turn, and so does gathering the node's rows from the zones:
 * a 200,000-record zone never holds the window up. */
#include "config.h"

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
  LcsZoneRowsCursor      collected; /* how far @rows has been gathered from @contents */
  gboolean               collecting;
  char                  *needle;    /* the filter's text, lower case */
  guint                  scanned;   /* rows the filter has looked at */
  guint                  fill_id;   /* the filter and the list go on on this source */
};

/* Per main-loop turn, rows handed to the tree view and rows the filter looks at: a few tens of
 * milliseconds each on a slow machine. */
#define ROWS_PER_TURN 2000
#define SCAN_PER_TURN 10000
/* Records sorted into the node's rows per turn: gathering a 200,000-record zone's rows in one
 * go held the loop 45-80 ms on selecting its node. */
#define COLLECT_PER_TURN 20000

/* Pixels for the Name column, as the .ui has it, and with full names. */
#define NAME_WIDTH      110
#define FULL_NAME_WIDTH 220

G_DEFINE_TYPE (LcsZoneView, lcs_zone_view, GTK_TYPE_BOX)

static void
show_count (LcsZoneView *self,
            guint        matched)
{
  g_autofree char *count = NULL;

  if (self->rows != NULL && self->needle[0] != '\0')
    count = g_strdup_printf (_("%u of %u records"), matched, self->rows->len);
  else
    count = g_strdup_printf (g_dngettext (NULL, "%u record", "%u records", matched), matched);
  gtk_label_set_text (self->count_label, count);
}

/* One turn: the filter looks at the next rows, and the list takes the next matches. */
static gboolean
on_fill (gpointer user_data)
{
  LcsZoneView *self = user_data;
  LcsZoneModel *model = LCS_ZONE_MODEL (gtk_tree_view_get_model (self->tree));
  guint total, end;
  gboolean more;

  if (self->collecting)
    self->collecting = lcs_zone_contents_rows_more (self->contents, self->view, self->zone, self->folder,
                                                    self->rows, &self->collected, COLLECT_PER_TURN);
  total = self->rows != NULL ? self->rows->len : 0;
  end = MIN (total, self->scanned + SCAN_PER_TURN);
  for (; self->scanned < end; self->scanned++)
    {
      const LcsZoneRow *row = &g_array_index (self->rows, LcsZoneRow, self->scanned);

      if (lcs_zone_row_matches (row, self->needle))
        lcs_zone_model_append (model, row);
    }
  more = lcs_zone_model_show_more (model, ROWS_PER_TURN);
  show_count (self, lcs_zone_model_get_total (model));
  if (more || self->scanned < total || self->collecting)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
apply_filter (LcsZoneView *self)
{
  g_autoptr(LcsZoneModel) model = lcs_zone_model_new (g_array_new (FALSE, FALSE, sizeof (LcsZoneRow)), 0);

  g_free (self->needle);
  self->needle = g_ascii_strdown (gtk_entry_get_text (GTK_ENTRY (self->filter_entry)), -1);
  self->scanned = 0;
  g_clear_handle_id (&self->fill_id, g_source_remove);
  gtk_tree_view_set_model (self->tree, GTK_TREE_MODEL (model));
  /* The first turn now, so that a small zone is listed before the next draw. */
  if (on_fill (self))
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
  lcs_zone_rows_cursor_clear (&self->collected);
  self->collecting = self->contents != NULL;
  if (self->contents != NULL)
    self->rows = g_array_new (FALSE, FALSE, sizeof (LcsZoneRow));
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
  lcs_zone_rows_cursor_clear (&self->collected);
  g_free (self->folder);
  g_free (self->needle);
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
