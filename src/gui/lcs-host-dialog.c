#include "lcs-host-dialog.h"

#include "lcs-dialog-findings.h"

#include <string.h>

struct _LcsHostDialog {
  GtkDialog        parent_instance;

  GtkEntry        *name_entry;
  GtkEntry        *fqdn_entry;
  GtkEntry        *address_entry;
  GtkToggleButton *ptr_check;
  GtkLabel        *record_label;
  GtkListBox      *findings_list;

  LcsProfile      *profile;
  char            *domain;
  LcsHostResult   *result;
  gboolean         confirmed;  /* the admin chose to add the host despite its errors */
};

G_DEFINE_TYPE (LcsHostDialog, lcs_host_dialog, GTK_TYPE_DIALOG)

static LcsHostEntry *
read_fields (LcsHostDialog *self)
{
  LcsHostEntry *entry = lcs_host_entry_new (self->domain);

  g_free (entry->name);
  entry->name = g_strdup (gtk_entry_get_text (self->name_entry));
  g_free (entry->address);
  entry->address = g_strdup (gtk_entry_get_text (self->address_entry));
  return entry;
}

/* host-address and pool-vip are about the IP address; the other host rules about the Name. */
static gboolean
is_about_address (const LcsFinding *finding)
{
  const char *id = finding->rule != NULL ? finding->rule->id : "";

  return strstr (id, "address") != NULL || g_str_equal (id, "pool-vip");
}

static void
mark_fields (LcsHostDialog *self)
{
  g_autoptr(GString) name_tips = g_string_new (NULL);
  g_autoptr(GString) address_tips = g_string_new (NULL);
  LcsSeverity name_worst = LCS_SEVERITY_INFO;
  LcsSeverity address_worst = LCS_SEVERITY_INFO;

  for (guint i = 0; i < self->result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (self->result->findings, i);
      gboolean address = is_about_address (finding);
      GString *tips = address ? address_tips : name_tips;
      LcsSeverity *worst = address ? &address_worst : &name_worst;

      g_string_append_printf (tips, "%s%s", tips->len > 0 ? "\n" : "", finding->message);
      *worst = MAX (*worst, finding->severity);
    }
  lcs_entry_show_findings (self->name_entry, name_worst,
                           name_tips->len > 0 ? name_tips->str : NULL);
  lcs_entry_show_findings (self->address_entry, address_worst,
                           address_tips->len > 0 ? address_tips->str : NULL);
}

static void
check_fields (LcsHostDialog *self)
{
  g_autoptr(LcsHostEntry) typed = read_fields (self);

  g_clear_pointer (&self->result, lcs_host_result_free);
  self->result = lcs_host_entry_check (typed, self->profile);
  self->confirmed = FALSE;

  gtk_entry_set_text (self->fqdn_entry, self->result->fqdn != NULL ? self->result->fqdn : "");
  gtk_label_set_text (self->record_label,
                      self->result->record != NULL ? self->result->record
                                                   : "— (Windows would refuse these values)");
  mark_fields (self);
  lcs_findings_list_clear (self->findings_list);
  for (guint i = 0; i < self->result->findings->len; i++)
    gtk_container_add (GTK_CONTAINER (self->findings_list),
                       lcs_finding_row_new (g_ptr_array_index (self->result->findings, i), NULL));
}

static void
on_field_changed (LcsHostDialog *self,
                  GtkEditable   *editable)
{
  if (self->domain != NULL)
    check_fields (self);
}

static void
on_dialog_response (LcsHostDialog *self,
                    int            response_id)
{
  if (self->result == NULL)
    return;
  lcs_dialog_confirm_errors (GTK_DIALOG (self), response_id, self->result->errors,
                             self->result->record != NULL ? self->result->record
                                                          : self->result->fqdn,
                             &self->confirmed);
}

static void
lcs_host_dialog_finalize (GObject *object)
{
  LcsHostDialog *self = LCS_HOST_DIALOG (object);

  g_clear_pointer (&self->profile, lcs_profile_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->result, lcs_host_result_free);
  G_OBJECT_CLASS (lcs_host_dialog_parent_class)->finalize (object);
}

static void
lcs_host_dialog_class_init (LcsHostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lcs_host_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-host-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, fqdn_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, address_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, ptr_check);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, record_label);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dialog_response);
}

static void
lcs_host_dialog_init (LcsHostDialog *self)
{
  GtkWidget *placeholder;

  lcs_dialogs_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new ("No findings: Windows will create exactly this record.");
  gtk_widget_show (placeholder);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);
}

GtkWidget *
lcs_host_dialog_new (GtkWindow          *parent,
                     const LcsProfile   *profile,
                     const LcsHostEntry *initial)
{
  LcsHostDialog *self = g_object_new (LCS_TYPE_HOST_DIALOG,
                                      "use-header-bar", FALSE,
                                      "transient-for", parent,
                                      NULL);

  if (profile != NULL)
    self->profile = lcs_profile_copy (profile);
  gtk_entry_set_text (self->name_entry,
                      initial != NULL && initial->name != NULL ? initial->name : "");
  gtk_entry_set_text (self->address_entry,
                      initial != NULL && initial->address != NULL ? initial->address : "");
  if (initial != NULL && initial->domain != NULL)
    self->domain = g_strdup (initial->domain);
  else if (profile != NULL && profile->domains->len > 0)
    self->domain = g_strdup (g_ptr_array_index (profile->domains, 0));
  else
    self->domain = g_strdup ("");
  check_fields (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
  return GTK_WIDGET (self);
}

LcsHostEntry *
lcs_host_dialog_get_entry (LcsHostDialog *self)
{
  g_return_val_if_fail (LCS_IS_HOST_DIALOG (self), NULL);

  return read_fields (self);
}

gboolean
lcs_host_dialog_get_create_ptr (LcsHostDialog *self)
{
  g_return_val_if_fail (LCS_IS_HOST_DIALOG (self), FALSE);

  return gtk_toggle_button_get_active (self->ptr_check);
}

void
lcs_host_dialog_clear (LcsHostDialog *self)
{
  g_return_if_fail (LCS_IS_HOST_DIALOG (self));

  gtk_entry_set_text (self->name_entry, "");
  gtk_entry_set_text (self->address_entry, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

const LcsHostResult *
lcs_host_dialog_get_result (LcsHostDialog *self)
{
  g_return_val_if_fail (LCS_IS_HOST_DIALOG (self), NULL);

  return self->result;
}
