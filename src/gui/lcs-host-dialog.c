#include "lcs-host-dialog.h"

#include "lcs-dialog-findings.h"
#include "lcs-help-window.h"
#include "lcs-ttl-entry.h"


struct _LcsHostDialog {
  GtkDialog        parent_instance;

  GtkEntry        *name_entry;
  GtkEntry        *fqdn_entry;
  GtkEntry        *address_entry;
  GtkToggleButton *ptr_check;
  GtkWidget       *stale_check;
  GtkWidget       *ttl_box;
  LcsTtlEntry     *ttl_entry;
  GtkButton       *done_button;
  GtkLabel        *record_label;
  GtkListBox      *findings_list;

  LcsProfile      *profile;
  char            *domain;
  LcsHostResult   *result;
  LcsHostEntry    *pending_fix;
  guint            fix_source;
  gboolean         filling;    /* both fields are being set: check once at the end */
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
      gboolean address = (finding->fields & LCS_ENTRY_FIELD_HOST_ADDRESS) != 0;
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

/* "Name sip, IP address 10.0.0.50": the fields the fix changes, with their new values. */
static char *
describe_fix (const LcsHostEntry *fix,
              const LcsHostEntry *typed)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_strcmp0 (fix->name, typed->name) != 0)
    g_string_append_printf (text, "Name %s", *fix->name != '\0' ? fix->name : "(empty)");
  if (g_strcmp0 (fix->address, typed->address) != 0)
    g_string_append_printf (text, "%sIP address %s", text->len > 0 ? ", " : "", fix->address);
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_fields (LcsHostDialog      *self,
              const LcsHostEntry *entry);

static gboolean
apply_pending_fix (gpointer data)
{
  LcsHostDialog *self = data;
  g_autoptr(LcsHostEntry) fix = g_steal_pointer (&self->pending_fix);

  self->fix_source = 0;
  write_fields (self, fix);
  return G_SOURCE_REMOVE;
}

/* Applied from idle: rewriting the fields rebuilds the list that holds the clicked button. */
static void
on_fix_button_clicked (GtkButton     *button,
                       LcsHostDialog *self)
{
  const LcsHostEntry *fix = g_object_get_data (G_OBJECT (button), "lcs-fix-host");

  g_clear_pointer (&self->pending_fix, lcs_host_entry_free);
  self->pending_fix = lcs_host_entry_copy (fix);
  if (self->fix_source == 0)
    self->fix_source = g_idle_add (apply_pending_fix, self);
}

static GtkWidget *
fix_button_new (LcsHostDialog      *self,
                const LcsFinding   *finding,
                const LcsHostEntry *typed)
{
  g_autofree char *summary = NULL;
  GtkWidget *button;

  if (finding->fix_host == NULL)
    return NULL;
  summary = describe_fix (finding->fix_host, typed);
  if (summary == NULL)
    return NULL;
  button = lcs_fix_button_new (summary);
  g_object_set_data_full (G_OBJECT (button), "lcs-fix-host",
                          lcs_host_entry_copy (finding->fix_host),
                          (GDestroyNotify) lcs_host_entry_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_fix_button_clicked), self);
  return button;
}

static void
list_findings (LcsHostDialog      *self,
               const LcsHostEntry *typed)
{
  lcs_findings_list_clear (self->findings_list);
  for (guint i = 0; i < self->result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (self->result->findings, i);

      gtk_container_add (GTK_CONTAINER (self->findings_list),
                         lcs_finding_row_new (finding, fix_button_new (self, finding, typed)));
    }
}

static void
check_fields (LcsHostDialog *self)
{
  g_autoptr(LcsHostEntry) typed = NULL;
  g_autofree char *preview = NULL;

  if (self->filling || self->domain == NULL)
    return;
  typed = read_fields (self);
  g_clear_pointer (&self->result, lcs_host_result_free);
  self->result = lcs_host_entry_check (typed, self->profile);
  self->confirmed = FALSE;

  gtk_entry_set_text (self->fqdn_entry, self->result->fqdn != NULL ? self->result->fqdn : "");
  /* Where Windows creates a record, the line of the one the console adds, with its TTL. */
  if (self->result->record != NULL)
    {
      g_autoptr(LcsRecord) record = lcs_record_new_address (self->result->fqdn, lcs_ttl_entry_get_seconds (self->ttl_entry),
                                                            typed->address);
      g_autofree char *line = lcs_record_to_zone_line (record);

      preview = lcs_record_preview_text (line, self->result->findings);
    }
  else
    preview = lcs_record_preview_text (NULL, self->result->findings);
  gtk_label_set_text (self->record_label, preview);
  mark_fields (self);
  list_findings (self, typed);
}

static void
write_fields (LcsHostDialog      *self,
              const LcsHostEntry *entry)
{
  self->filling = TRUE;
  gtk_entry_set_text (self->name_entry, entry->name != NULL ? entry->name : "");
  gtk_entry_set_text (self->address_entry, entry->address != NULL ? entry->address : "");
  self->filling = FALSE;
  check_fields (self);
}

static void
on_field_changed (LcsHostDialog *self,
                  GtkEditable   *editable)
{
  check_fields (self);
}

static void
on_ttl_changed (LcsHostDialog *self,
                GParamSpec    *pspec)
{
  check_fields (self);
}

static void
on_dialog_response (LcsHostDialog *self,
                    int            response_id)
{
  if (self->result == NULL)
    return;
  lcs_dialog_confirm_errors (GTK_DIALOG (self), response_id, self->result->errors,
                             self->result->record, self->result->findings, &self->confirmed);
}

static void
lcs_host_dialog_dispose (GObject *object)
{
  LcsHostDialog *self = LCS_HOST_DIALOG (object);

  g_clear_handle_id (&self->fix_source, g_source_remove);
  G_OBJECT_CLASS (lcs_host_dialog_parent_class)->dispose (object);
}

static void
lcs_host_dialog_finalize (GObject *object)
{
  LcsHostDialog *self = LCS_HOST_DIALOG (object);

  g_clear_pointer (&self->profile, lcs_profile_free);
  g_clear_pointer (&self->pending_fix, lcs_host_entry_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->result, lcs_host_result_free);
  G_OBJECT_CLASS (lcs_host_dialog_parent_class)->finalize (object);
}

static void
lcs_host_dialog_class_init (LcsHostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lcs_host_dialog_dispose;
  object_class->finalize = lcs_host_dialog_finalize;

  g_type_ensure (LCS_TYPE_TTL_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-host-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, fqdn_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, address_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, ptr_check);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, stale_check);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, ttl_box);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, ttl_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, record_label);
  gtk_widget_class_bind_template_child (widget_class, LcsHostDialog, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_ttl_changed);
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
  lcs_help_window_bind_f1 (GTK_WIDGET (self), "host-dialog");
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

  g_autoptr(LcsHostEntry) blank = NULL;

  if (profile != NULL)
    self->profile = lcs_profile_copy (profile);
  if (initial != NULL && initial->domain != NULL)
    self->domain = g_strdup (initial->domain);
  else if (profile != NULL && profile->domains->len > 0)
    self->domain = g_strdup (g_ptr_array_index (profile->domains, 0));
  else
    self->domain = g_strdup ("");
  if (initial == NULL)
    initial = blank = lcs_host_entry_new (self->domain);
  write_fields (self, initial);
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
  /* As in Windows: once a host has been added, closing is Done, no longer Cancel. */
  gtk_button_set_label (self->done_button, "D_one");
}

void
lcs_host_dialog_set_advanced (LcsHostDialog *self,
                              gboolean       advanced)
{
  g_return_if_fail (LCS_IS_HOST_DIALOG (self));

  gtk_widget_set_visible (self->stale_check, advanced);
  gtk_widget_set_visible (self->ttl_box, advanced);
}

guint32
lcs_host_dialog_get_ttl (LcsHostDialog *self)
{
  g_return_val_if_fail (LCS_IS_HOST_DIALOG (self), LCS_WINDOWS_TTL);

  return lcs_ttl_entry_get_seconds (self->ttl_entry);
}

const LcsHostResult *
lcs_host_dialog_get_result (LcsHostDialog *self)
{
  g_return_val_if_fail (LCS_IS_HOST_DIALOG (self), NULL);

  return self->result;
}
