/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The result pane. Rows come from a report; the status column carries an icon, a colour and a
 * word so that no one has to tell red from green to read it. */
#include "config.h"

#include "lcs-result-list.h"

#include <string.h>
#include <glib/gi18n.h>

#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>

enum {
  COL_NAME,
  COL_TYPE,
  COL_DATA,
  COL_STATUS,
  COL_ICON,
  COL_COLOUR,
  COL_RANK,
  COL_DOMAIN,
  COL_VIEW,
  COL_KIND,
  COL_INDEX,
  COL_SEVERITY,
  COL_STYLE,
};

enum {
  SIGNAL_ROW_SELECTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

struct _LcsResultList {
  GtkScrolledWindow   parent_instance;

  GtkTreeView        *view;
  GtkListStore       *store;
  GtkTreeModelFilter *filter;
  GtkTreeModelSort   *sorted;

  char               *filter_domain;
  int                 filter_view;
  /* While a live check runs: record key → GPtrArray of GtkTreeRowReference, the rows still
   * "Checking…". */
  GHashTable         *checking;
};

G_DEFINE_TYPE (LcsResultList, lcs_result_list, GTK_TYPE_SCROLLED_WINDOW)

/* How a row looks: the rank sorts the worst first. */
typedef struct {
  const char *text;
  const char *icon;
  const char *colour;
  int         rank;
  int         severity;   /* LcsSeverity the row counts as; -1: none */
} LcsStatusLook;

static const LcsStatusLook look_error    = { N_("Error"), "dialog-error", "#c62828", 0, LCS_SEVERITY_ERROR };
static const LcsStatusLook look_warning  = { N_("Warning"), "dialog-warning", "#b26a00", 1, LCS_SEVERITY_WARNING };
static const LcsStatusLook look_info     = { N_("Info"), "dialog-information", "#1565c0", 4, LCS_SEVERITY_INFO };
static const LcsStatusLook look_ok       = { N_("OK"), "emblem-default", "#2e7d32", 5, -1 };
static const LcsStatusLook look_planned  = { N_("Planned"), "document-edit-symbolic", "#555555", 3, -1 };
static const LcsStatusLook look_added    = { N_("Added (not yet in DNS)"), "list-add", "#1565c0", 3, -1 };
static const LcsStatusLook look_checking = { N_("Checking…"), "content-loading-symbolic", "#555555", 2, -1 };

static LcsStatusLook
look_for_status (LcsRecordStatus status)
{
  LcsStatusLook look;

  switch (status)
    {
    case LCS_STATUS_OK:
      return look_ok;
    case LCS_STATUS_PLANNED:
      return look_planned;
    case LCS_STATUS_FAILED:
      look = look_warning;
      look.text = N_("Lookup failed");
      return look;
    case LCS_STATUS_MISSING:
      look = look_error;
      look.text = N_("Missing");
      return look;
    case LCS_STATUS_MISMATCH:
      look = look_error;
      look.text = N_("Wrong data");
      return look;
    case LCS_STATUS_MISPLACED:
      look = look_error;
      look.text = N_("Misplaced");
      return look;
    case LCS_STATUS_UNRESOLVED:
      look = look_error;
      look.text = N_("Target unresolved");
      return look;
    default:
      return look_info;
    }
}

static LcsStatusLook
look_for_severity (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return look_error;
    case LCS_SEVERITY_WARNING:
      return look_warning;
    default:
      return look_info;
    }
}

const char *
lcs_result_list_domain_of (const LcsProfile *profile,
                           const char       *name)
{
  const char *best = NULL;

  if (profile == NULL || name == NULL)
    return NULL;
  for (guint i = 0; i < profile->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (profile->domains, i);

      if (lcs_name_ends_in (name, domain) && (best == NULL || strlen (domain) > strlen (best)))
        best = domain;
    }
  return best;
}

static void
append_row (LcsResultList       *self,
            GtkTreeIter         *iter,
            const char          *name,
            const char          *type,
            const char          *data,
            const LcsStatusLook *look,
            const char          *domain,
            int                  view,
            LcsRowKind           kind,
            int                  index)
{
  gtk_list_store_insert_with_values (self->store, iter, -1,
                                     COL_NAME, name,
                                     COL_TYPE, type,
                                     COL_DATA, data,
                                     COL_STATUS, _(look->text),
                                     COL_ICON, look->icon,
                                     COL_COLOUR, look->colour,
                                     COL_RANK, look->rank,
                                     COL_DOMAIN, domain,
                                     COL_VIEW, view,
                                     COL_KIND, kind,
                                     COL_INDEX, index,
                                     COL_SEVERITY, look->severity,
                                     /* Findings read as remarks, records as records. */
                                     COL_STYLE, kind == LCS_ROW_FINDING ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                                     -1);
}

static char *
describe_result_data (const LcsRecordResult *result)
{
  g_autofree char *expected = lcs_planned_record_data (result->planned);
  g_autofree char *found = NULL;

  if (result->found != NULL && result->found->len > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;

      for (guint i = 0; i < result->found->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (result->found, i));
      parts = g_strv_builder_end (builder);
      found = g_strjoinv (", ", parts);
    }

  switch (result->status)
    {
    case LCS_STATUS_OK:
      return g_strdup (found != NULL ? found : expected);
    case LCS_STATUS_MISPLACED:
      return g_strdup_printf (_("%s — found at %s"), expected,
                              result->misplaced_at != NULL ? result->misplaced_at : "?");
    case LCS_STATUS_MISMATCH:
      return g_strdup_printf (_("%s — expected %s"), found != NULL ? found : "", expected);
    default:
      return g_steal_pointer (&expected);
    }
}

/* The worst severity of the findings shown on @result's row; -1 when none is. */
static int
worst_severity_for (const LcsReport       *report,
                    const LcsRecordResult *result)
{
  int worst = -1;

  for (guint i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);

      if (finding->name != NULL && finding->view == result->planned->view
          && lcs_name_equal (finding->name, result->planned->name))
        worst = MAX (worst, (int) finding->severity);
    }
  return worst;
}

/* A record that is not right is drawn as its findings rate it: a missing record that is only
 * recommended is a warning, never a red error. */
static LcsStatusLook
look_for_result (const LcsReport       *report,
                 const LcsRecordResult *result)
{
  LcsStatusLook look = look_for_status (result->status);
  int worst;

  if (look.severity < 0)
    return look;
  worst = worst_severity_for (report, result);
  if (worst >= 0 && worst != look.severity)
    {
      const char *text = look.text;

      look = look_for_severity (worst);
      look.text = text;
    }
  return look;
}

static gboolean
finding_has_record_row (const LcsReport  *report,
                        const LcsFinding *finding)
{
  /* Certificate findings are about the certificate: they get rows of their own. */
  if (finding->name == NULL || finding->rule->subject == LCS_SUBJECT_CERT)
    return FALSE;
  for (guint i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);

      if (result->planned->view == finding->view && lcs_name_equal (result->planned->name, finding->name))
        return TRUE;
    }
  return FALSE;
}

/* The finding's record type, from the core; certificate and zone-file findings name their
 * subject instead. */
static const char *
type_of_finding (const LcsFinding *finding)
{
  if (finding->type != 0)
    return lcs_type_to_string (finding->type);
  switch (finding->rule->subject)
    {
    case LCS_SUBJECT_CERT:
      return _("Certificate");
    case LCS_SUBJECT_ZONE_FILE:
      return _("Zone file");
    default:
      return "";
    }
}

/* Rows of the same required record, in any report, share a key. */
static char *
record_key (const LcsPlannedRecord *planned)
{
  g_autofree char *data = lcs_planned_record_data (planned);

  return g_strdup_printf ("%d %u %s %s", planned->view, planned->type, planned->name, data);
}

static void
add_checking_row (LcsResultList          *self,
                  const LcsPlannedRecord *planned,
                  GtkTreeIter            *iter)
{
  g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->store), iter);
  char *key = record_key (planned);
  GPtrArray *rows = g_hash_table_lookup (self->checking, key);

  if (rows == NULL)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_tree_row_reference_free);
      g_hash_table_insert (self->checking, key, rows);
    }
  else
    g_free (key);
  g_ptr_array_add (rows, gtk_tree_row_reference_new (GTK_TREE_MODEL (self->store), path));
}

static void
show_results (LcsResultList    *self,
              const LcsReport  *report,
              const LcsProfile *profile,
              gboolean          checking)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);
      g_autofree char *data = describe_result_data (result);
      LcsStatusLook look = checking ? look_checking : look_for_result (report, result);

      GtkTreeIter iter;

      append_row (self, &iter, result->planned->name, lcs_type_to_string (result->planned->type),
                  data, &look, result->planned->domain, result->planned->view, LCS_ROW_RECORD,
                  (int) i);
      if (checking)
        add_checking_row (self, result->planned, &iter);
    }

  for (guint i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);
      LcsStatusLook look = look_for_severity (finding->severity);
      g_autofree char *where = NULL;
      const char *name = finding->name;

      if (finding_has_record_row (report, finding))
        continue;
      if (name == NULL && finding->file != NULL)
        name = where = g_strdup_printf ("%s:%u:%u", finding->file, finding->line, finding->column);
      append_row (self, NULL, name != NULL ? name : "", type_of_finding (finding), finding->message, &look,
                  lcs_result_list_domain_of (profile, finding->name), finding->view,
                  LCS_ROW_FINDING, (int) i);
    }
}

void
lcs_result_list_show_report (LcsResultList    *self,
                             const LcsReport  *report,
                             const LcsProfile *profile,
                             gboolean          checking)
{
  g_return_if_fail (LCS_IS_RESULT_LIST (self));

  g_hash_table_remove_all (self->checking);
  gtk_list_store_clear (self->store);
  if (report != NULL)
    show_results (self, report, profile, checking);

  /* Added rows count the internal view's records first, then the external view's. */
  for (LcsView view = LCS_VIEW_INTERNAL; profile != NULL && view <= LCS_VIEW_EXTERNAL; view++)
    {
      GPtrArray *records = lcs_profile_records (profile, view);
      int first = view == LCS_VIEW_EXTERNAL ? (int) profile->records->len : 0;

      for (guint i = 0; i < records->len; i++)
        {
          const LcsRecord *record = g_ptr_array_index (records, i);
          g_autofree char *data = lcs_record_format_data (record);

          append_row (self, NULL, record->owner, lcs_type_to_string (record->type), data, &look_added,
                      lcs_result_list_domain_of (profile, record->owner), view,
                      LCS_ROW_ADDED, first + (int) i);
        }
    }
}

gboolean
lcs_result_list_settle (LcsResultList         *self,
                        const LcsRecordResult *result)
{
  g_autofree char *key = NULL;
  g_autofree char *data = NULL;
  GPtrArray *rows;
  LcsStatusLook look;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), FALSE);

  key = record_key (result->planned);
  rows = g_hash_table_lookup (self->checking, key);
  if (rows == NULL)
    return FALSE;
  look = look_for_status (result->status);
  data = describe_result_data (result);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GtkTreePath) path = gtk_tree_row_reference_get_path (g_ptr_array_index (rows, i));
      GtkTreeIter iter;

      if (path != NULL && gtk_tree_model_get_iter (GTK_TREE_MODEL (self->store), &iter, path))
        gtk_list_store_set (self->store, &iter,
                            COL_DATA, data,
                            COL_STATUS, _(look.text),
                            COL_ICON, look.icon,
                            COL_COLOUR, look.colour,
                            COL_RANK, look.rank,
                            COL_SEVERITY, look.severity,
                            -1);
    }
  g_hash_table_remove (self->checking, key);
  return TRUE;
}

guint
lcs_result_list_count_checking (LcsResultList *self)
{
  GHashTableIter iter;
  gpointer rows;
  guint n = 0;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->checking);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    n += ((GPtrArray *) rows)->len;
  return n;
}

char *
lcs_result_list_get_status (LcsResultList *self,
                            const char    *name,
                            guint16        type,
                            int            view)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  GtkTreeIter iter;
  gboolean valid;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), NULL);

  for (valid = gtk_tree_model_get_iter_first (model, &iter); valid; valid = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *row_name = NULL;
      g_autofree char *row_type = NULL;
      char *status = NULL;
      int row_kind, row_view;

      gtk_tree_model_get (model, &iter, COL_KIND, &row_kind, COL_NAME, &row_name, COL_TYPE, &row_type,
                          COL_VIEW, &row_view, COL_STATUS, &status, -1);
      if (row_kind == LCS_ROW_RECORD && row_view == view && g_strcmp0 (row_name, name) == 0
          && g_strcmp0 (row_type, lcs_type_to_string (type)) == 0)
        return status;
      g_free (status);
    }
  return NULL;
}

static gboolean
row_is_visible (GtkTreeModel *model,
                GtkTreeIter  *iter,
                gpointer      user_data)
{
  LcsResultList *self = user_data;
  g_autofree char *domain = NULL;
  int view;

  gtk_tree_model_get (model, iter, COL_DOMAIN, &domain, COL_VIEW, &view, -1);
  if (self->filter_domain != NULL && g_strcmp0 (domain, self->filter_domain) != 0)
    return FALSE;
  if (self->filter_view != LCS_VIEW_ANY && view != LCS_VIEW_ANY && view != self->filter_view)
    return FALSE;
  return TRUE;
}

void
lcs_result_list_set_filter (LcsResultList *self,
                            const char    *domain,
                            int            view)
{
  g_return_if_fail (LCS_IS_RESULT_LIST (self));

  g_free (self->filter_domain);
  self->filter_domain = g_strdup (domain);
  self->filter_view = view;
  gtk_tree_model_filter_refilter (self->filter);
}

gboolean
lcs_result_list_get_selected (LcsResultList *self,
                              LcsRowKind    *kind,
                              int           *index)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  int row_kind = LCS_ROW_NONE;
  int row_index = -1;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), FALSE);

  if (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->view), &model, &iter))
    gtk_tree_model_get (model, &iter, COL_KIND, &row_kind, COL_INDEX, &row_index, -1);
  *kind = row_kind;
  *index = row_index;
  return row_kind != LCS_ROW_NONE;
}

char *
lcs_result_list_get_selected_name (LcsResultList *self,
                                   LcsRowKind    *kind)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  char *name = NULL;
  int row_kind = LCS_ROW_NONE;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), NULL);

  if (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->view), &model, &iter))
    gtk_tree_model_get (model, &iter, COL_KIND, &row_kind, COL_NAME, &name, -1);
  *kind = row_kind;
  return name;
}

void
lcs_result_list_count_severities (LcsResultList *self,
                                  guint          counts[3])
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->sorted);
  GtkTreeIter iter;

  counts[LCS_SEVERITY_INFO] = counts[LCS_SEVERITY_WARNING] = counts[LCS_SEVERITY_ERROR] = 0;
  for (gboolean valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      int severity;

      gtk_tree_model_get (model, &iter, COL_SEVERITY, &severity, -1);
      if (severity >= LCS_SEVERITY_INFO && severity <= LCS_SEVERITY_ERROR)
        counts[severity]++;
    }
}

guint
lcs_result_list_count_visible (LcsResultList *self)
{
  return (guint) gtk_tree_model_iter_n_children (GTK_TREE_MODEL (self->sorted), NULL);
}

gboolean
lcs_result_list_select (LcsResultList *self,
                        LcsRowKind     kind,
                        const char    *name)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->sorted);
  GtkTreeIter iter;
  gboolean valid;

  g_return_val_if_fail (LCS_IS_RESULT_LIST (self), FALSE);

  for (valid = gtk_tree_model_get_iter_first (model, &iter); valid; valid = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *row_name = NULL;
      int row_kind;

      gtk_tree_model_get (model, &iter, COL_KIND, &row_kind, COL_NAME, &row_name, -1);
      if (row_kind == (int) kind && (name == NULL || g_strcmp0 (row_name, name) == 0))
        {
          g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);

          gtk_tree_view_set_cursor (self->view, path, NULL, FALSE);
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_selection_changed (GtkTreeSelection *selection,
                      LcsResultList    *self)
{
  LcsRowKind kind;
  int index;

  lcs_result_list_get_selected (self, &kind, &index);
  g_signal_emit (self, signals[SIGNAL_ROW_SELECTED], 0, (int) kind, index);
}

static void
lcs_result_list_finalize (GObject *object)
{
  LcsResultList *self = LCS_RESULT_LIST (object);

  g_free (self->filter_domain);
  g_hash_table_unref (self->checking);
  G_OBJECT_CLASS (lcs_result_list_parent_class)->finalize (object);
}

static void
lcs_result_list_class_init (LcsResultListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lcs_result_list_finalize;

  /* (kind, index): LCS_ROW_NONE when nothing is selected. */
  signals[SIGNAL_ROW_SELECTED] =
    g_signal_new ("row-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-result-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsResultList, view);
  gtk_widget_class_bind_template_child (widget_class, LcsResultList, store);
  gtk_widget_class_bind_template_child (widget_class, LcsResultList, filter);
  gtk_widget_class_bind_template_child (widget_class, LcsResultList, sorted);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
}

static void
lcs_result_list_init (LcsResultList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_view = LCS_VIEW_ANY;
  self->checking = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  gtk_tree_model_filter_set_visible_func (self->filter, row_is_visible, self, NULL);
  /* Worst first, as an admin reads a check. */
  gtk_tree_sortable_set_sort_column_id (GTK_TREE_SORTABLE (self->sorted), COL_RANK, GTK_SORT_ASCENDING);
}
