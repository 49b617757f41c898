/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lcs-zone-name-dialog.h"

#include <glib/gi18n.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/profile.h>

#include "lcs-dialog-findings.h"

struct _LcsZoneNameDialog {
  GtkDialog  parent_instance;

  GtkEntry  *file_entry;
  GtkEntry  *view_entry;
  GtkEntry  *name_entry;
  GtkLabel  *source_label;
  GtkLabel  *error_label;
  GtkWidget *ok_button;
};

G_DEFINE_TYPE (LcsZoneNameDialog, lcs_zone_name_dialog, GTK_TYPE_DIALOG)

/* Where the proposal came from, so that the admin knows whether to trust it. */
static const char *
source_text (LcsZoneOriginSource source)
{
  switch (source)
    {
    case LCS_ZONE_ORIGIN_FROM_DIRECTIVE:
      return _("The file sets this name with $ORIGIN: its records belong to this zone.");
    case LCS_ZONE_ORIGIN_FROM_SOA:
      return _("Taken from the file's SOA record.");
    case LCS_ZONE_ORIGIN_FROM_HEADER:
      return _("Taken from the header Windows DNS wrote into the file.");
    case LCS_ZONE_ORIGIN_FROM_FILE_NAME:
      return _("Taken from the file name, as Windows DNS names a zone's file. "
               "If the file was renamed, type the zone's real name.");
    case LCS_ZONE_ORIGIN_FROM_NONE:
    default:
      return _("Neither the file nor its name says which zone it holds: type the zone's name.");
    }
}

/* Checked as typed with the core's rule for zone names; the error names its field. */
static void
on_name_changed (LcsZoneNameDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean valid = lcs_profile_zone_origin_valid (gtk_entry_get_text (self->name_entry), &error);

  if (!valid)
    message = g_strdup_printf (_("Zone name: %s"), error->message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  lcs_entry_show_findings (self->name_entry, LCS_SEVERITY_ERROR, message);
  gtk_widget_set_sensitive (self->ok_button, valid);
}

static void
lcs_zone_name_dialog_class_init (LcsZoneNameDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-zone-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, file_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, view_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LcsZoneNameDialog, ok_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
lcs_zone_name_dialog_init (LcsZoneNameDialog *self)
{
  lcs_dialogs_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lcs_zone_name_dialog_new (GtkWindow           *parent,
                          const char          *title,
                          const char          *path,
                          LcsView              view,
                          const char          *proposed,
                          LcsZoneOriginSource  source,
                          const char          *replaced)
{
  LcsZoneNameDialog *self = g_object_new (LCS_TYPE_ZONE_NAME_DIALOG, "title", title,
                                          "transient-for", parent, NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *shown = proposed != NULL ? lcs_name_bare (proposed) : NULL;

  gtk_entry_set_text (self->file_entry, base);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_entry), path);
  gtk_entry_set_text (self->view_entry, view == LCS_VIEW_EXTERNAL ? _("External") : _("Internal"));
  if (g_strcmp0 (replaced, path) == 0)
    gtk_label_set_text (self->source_label, _("The zone name the file is read as now."));
  else if (replaced != NULL)
    {
      g_autofree char *replaced_base = g_path_get_basename (replaced);
      g_autofree char *text = g_strdup_printf (_("The zone of %s, the file it replaces: a newer export of "
                                                 "a zone keeps its name."), replaced_base);

      gtk_label_set_text (self->source_label, text);
    }
  else
    gtk_label_set_text (self->source_label, source_text (source));
  /* The reader would follow the file's $ORIGIN whatever is typed here. */
  if (source == LCS_ZONE_ORIGIN_FROM_DIRECTIVE)
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), FALSE);
      gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->name_entry)), "lcs-read-only");
    }
  gtk_entry_set_text (self->name_entry, shown != NULL ? shown : "");
  on_name_changed (self);
  /* Nothing typed yet is no error to shout about: the OK button says it already. */
  if (shown == NULL)
    {
      gtk_widget_hide (GTK_WIDGET (self->error_label));
      lcs_entry_show_findings (self->name_entry, LCS_SEVERITY_ERROR, NULL);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return GTK_WIDGET (self);
}

const char *
lcs_zone_name_dialog_get_name (LcsZoneNameDialog *self)
{
  g_return_val_if_fail (LCS_IS_ZONE_NAME_DIALOG (self), NULL);

  return gtk_entry_get_text (self->name_entry);
}
