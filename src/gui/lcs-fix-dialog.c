/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fix Script: the remediation's operations listed (delete / add, the record, the view, the
 * findings each fixes) with a check box each; Save renders the checked ones through the core. */
#include "config.h"

#include "lcs-fix-dialog.h"

#include <glib/gi18n.h>
#include <lcsdns/model/save.h>

enum {
  COLUMN_APPLY,
  COLUMN_OPERATION,
  COLUMN_RECORD,
  COLUMN_VIEW,
  COLUMN_FIXES,
  COLUMN_INDEX,
};

struct _LcsFixDialog {
  GtkDialog       parent_instance;

  GtkLabel       *summary_label;
  GtkLabel       *error_label;
  GtkListStore   *store;

  LcsRemediation *fix;
  LcsFormat       format;
  char           *path;
};

G_DEFINE_TYPE (LcsFixDialog, lcs_fix_dialog, GTK_TYPE_DIALOG)

static void
on_apply_toggled (GtkCellRendererToggle *renderer,
                  const char            *path,
                  LcsFixDialog          *self)
{
  GtkTreeIter iter;
  gboolean apply;
  guint index;

  if (!gtk_tree_model_get_iter_from_string (GTK_TREE_MODEL (self->store), &iter, path))
    return;
  gtk_tree_model_get (GTK_TREE_MODEL (self->store), &iter, COLUMN_APPLY, &apply,
                      COLUMN_INDEX, &index, -1);
  gtk_list_store_set (self->store, &iter, COLUMN_APPLY, !apply, -1);
  ((LcsFixOp *) g_ptr_array_index (self->fix->ops, index))->enabled = !apply;
}

gboolean
lcs_fix_dialog_save (LcsFixDialog  *self,
                     GError       **error)
{
  g_autofree char *script = lcs_export_remediation (self->fix, self->format, error);

  /* Written beside it and renamed over it: no half-written script. */
  return script != NULL && lcs_save_contents (self->path, script, -1, error);
}

static void
on_dialog_response (LcsFixDialog *self,
                    int           response)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !lcs_fix_dialog_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_show (GTK_WIDGET (self->error_label));
      g_signal_stop_emission_by_name (self, "response");
      return;
    }
  gtk_widget_destroy (GTK_WIDGET (self));
}

static void
lcs_fix_dialog_finalize (GObject *object)
{
  LcsFixDialog *self = LCS_FIX_DIALOG (object);

  g_clear_pointer (&self->fix, lcs_remediation_free);
  g_free (self->path);
  G_OBJECT_CLASS (lcs_fix_dialog_parent_class)->finalize (object);
}

static void
lcs_fix_dialog_class_init (LcsFixDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lcs_fix_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-fix-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsFixDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcsFixDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcsFixDialog, store);
  /* For the widget test, which clicks the box as a user does. */
  gtk_widget_class_bind_template_child_full (widget_class, "apply_renderer", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_dialog_response);
}

static void
lcs_fix_dialog_init (LcsFixDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill (LcsFixDialog *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *file = g_path_get_basename (self->path);
  guint i;

  for (i = 0; i < self->fix->ops->len; i++)
    {
      const LcsFixOp *op = g_ptr_array_index (self->fix->ops, i);
      g_autofree char *record = g_strdup_printf ("%s %s %s", op->record->owner,
                                                 lcs_type_to_string (op->record->type),
                                                 op->record->rdata);
      g_autofree char *rules = lcs_fix_op_rules (op);

      gtk_list_store_insert_with_values (self->store, NULL, -1,
                                         COLUMN_APPLY, op->enabled,
                                         COLUMN_OPERATION,
                                         op->action == LCS_FIX_DELETE ? _("Delete") : _("Add"),
                                         COLUMN_RECORD, record,
                                         COLUMN_VIEW, lcs_view_to_string (op->view),
                                         COLUMN_FIXES, rules,
                                         COLUMN_INDEX, i, -1);
    }
  if (self->fix->ops->len == 0)
    summary = g_strdup_printf (_("Nothing to do: the DNS already holds what the plan says. %s "
                                 "will say so."), file);
  else
    summary = g_strdup_printf (_("%u operations make the DNS what the plan says: each wrong "
                                 "record is deleted by its exact data, then the right one added. "
                                 "Clear a box to leave an operation out of %s."),
                               self->fix->ops->len, file);
  gtk_label_set_text (self->summary_label, summary);
}

GtkWidget *
lcs_fix_dialog_new (GtkWindow      *parent,
                    LcsRemediation *fix,
                    LcsFormat       format,
                    const char     *path)
{
  LcsFixDialog *self = g_object_new (LCS_TYPE_FIX_DIALOG, "transient-for", parent,
                                     "use-header-bar", FALSE, NULL);

  self->fix = fix;
  self->format = format;
  self->path = g_strdup (path);
  fill (self);
  return GTK_WIDGET (self);
}

const LcsRemediation *
lcs_fix_dialog_get_remediation (LcsFixDialog *self)
{
  return self->fix;
}
