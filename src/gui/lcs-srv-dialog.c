#include "lcs-srv-dialog.h"

#include "lcs-dialog-findings.h"
#include "lcs-help-window.h"
#include "lcs-ttl-entry.h"

#include <glib/gi18n.h>

/* The fields the admin types, in the order of the Windows dialog. */
typedef enum {
  FIELD_SERVICE,
  FIELD_PROTOCOL,
  FIELD_PRIORITY,
  FIELD_WEIGHT,
  FIELD_PORT,
  FIELD_TARGET,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  "Service", "Protocol", "Priority", "Weight", "Port number", "Host offering this service",
};

/* What the core calls each field in a finding's mask. */
static const LcsEntryFields field_flags[N_FIELDS] = {
  LCS_ENTRY_FIELD_SERVICE, LCS_ENTRY_FIELD_PROTOCOL, LCS_ENTRY_FIELD_PRIORITY,
  LCS_ENTRY_FIELD_WEIGHT, LCS_ENTRY_FIELD_PORT, LCS_ENTRY_FIELD_TARGET,
};

struct _LcsSrvDialog {
  GtkDialog        parent_instance;

  GtkEntry        *domain_entry;
  GtkEntry        *service_entry;
  GtkEntry        *protocol_entry;
  GtkEntry        *priority_entry;
  GtkEntry        *weight_entry;
  GtkEntry        *port_entry;
  GtkEntry        *target_entry;
  GtkToggleButton *allow_update_check;
  GtkWidget       *stale_check;
  GtkWidget       *ttl_label;
  LcsTtlEntry     *ttl_entry;
  GtkLabel        *owner_label;
  GtkLabel        *record_label;
  GtkListBox      *findings_list;

  LcsProfile      *profile;
  int              view;       /* LcsView, or -1 when not known */
  LcsSrvResult    *result;
  LcsSrvEntry     *pending_fix;
  guint            fix_source;
  gboolean         filling;    /* several fields are being set: check once at the end */
  gboolean         confirmed;  /* the admin chose to create the record despite its errors */
};

G_DEFINE_TYPE (LcsSrvDialog, lcs_srv_dialog, GTK_TYPE_DIALOG)

static GtkEntry *
field_entry (LcsSrvDialog *self,
             Field         field)
{
  GtkEntry *entries[N_FIELDS] = {
    self->service_entry, self->protocol_entry, self->priority_entry,
    self->weight_entry, self->port_entry, self->target_entry,
  };

  return entries[field];
}

static char **
field_slot (LcsSrvEntry *entry,
            Field        field)
{
  char **slots[N_FIELDS] = {
    &entry->service, &entry->protocol, &entry->priority,
    &entry->weight, &entry->port, &entry->target,
  };

  return slots[field];
}

static const char *
field_value (const LcsSrvEntry *entry,
             Field              field)
{
  const char *value = *field_slot ((LcsSrvEntry *) entry, field);

  return value != NULL ? value : "";
}

static LcsSrvEntry *
read_fields (LcsSrvDialog *self)
{
  LcsSrvEntry *entry = lcs_srv_entry_new (gtk_entry_get_text (self->domain_entry));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      char **slot = field_slot (entry, f);

      g_free (*slot);
      *slot = g_strdup (gtk_entry_get_text (field_entry (self, f)));
    }
  return entry;
}

/* "Service _sipinternaltls, Protocol _tcp": the fields the fix changes, with their new values. */
static char *
describe_fix (const LcsSrvEntry *fix,
              const LcsSrvEntry *typed)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      const char *value = field_value (fix, f);

      if (g_strcmp0 (value, field_value (typed, f)) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s %s", field_names[f], value[0] != '\0' ? value : "(empty)");
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_fields (LcsSrvDialog      *self,
              const LcsSrvEntry *entry);

static gboolean
apply_pending_fix (gpointer data)
{
  LcsSrvDialog *self = data;
  g_autoptr(LcsSrvEntry) fix = g_steal_pointer (&self->pending_fix);

  self->fix_source = 0;
  write_fields (self, fix);
  return G_SOURCE_REMOVE;
}

/* Applied from idle: rewriting the fields rebuilds the list that holds the clicked button. */
static void
on_fix_button_clicked (GtkButton    *button,
                       LcsSrvDialog *self)
{
  const LcsSrvEntry *fix = g_object_get_data (G_OBJECT (button), "lcs-fix-entry");

  g_clear_pointer (&self->pending_fix, lcs_srv_entry_free);
  self->pending_fix = lcs_srv_entry_copy (fix);
  if (self->fix_source == 0)
    self->fix_source = g_idle_add (apply_pending_fix, self);
}

static GtkWidget *
fix_button_new (LcsSrvDialog      *self,
                const LcsFinding  *finding,
                const LcsSrvEntry *typed)
{
  g_autofree char *summary = describe_fix (finding->fix_entry, typed);
  GtkWidget *button;

  if (summary == NULL)
    return NULL;
  button = lcs_fix_button_new (summary);
  g_object_set_data_full (G_OBJECT (button), "lcs-fix-entry",
                          lcs_srv_entry_copy (finding->fix_entry),
                          (GDestroyNotify) lcs_srv_entry_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_fix_button_clicked), self);
  return button;
}

static void
show_preview (LcsSrvDialog *self)
{
  const LcsSrvResult *result = self->result;
  g_autofree char *record = result->record ? lcs_record_to_zone_line (result->record) : NULL;
  g_autofree char *preview = lcs_record_preview_text (record, result->findings);

  gtk_label_set_text (self->owner_label, result->owner != NULL ? result->owner : "—");
  gtk_label_set_text (self->record_label, preview);
  /* The one-line previews may be shortened in a narrow dialog; the tooltip has all of it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->owner_label), result->owner);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->record_label), preview);
}

static void
mark_fields (LcsSrvDialog *self)
{
  GString *tips[N_FIELDS] = { NULL };
  LcsSeverity worst[N_FIELDS] = { LCS_SEVERITY_INFO };

  for (guint i = 0; i < self->result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (self->result->findings, i);
      for (guint f = 0; f < N_FIELDS; f++)
        {
          if ((finding->fields & field_flags[f]) == 0)
            continue;
          if (tips[f] == NULL)
            tips[f] = g_string_new (finding->message);
          else
            g_string_append_printf (tips[f], "\n%s", finding->message);
          worst[f] = MAX (worst[f], finding->severity);
        }
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      lcs_entry_show_findings (field_entry (self, f), worst[f],
                               tips[f] != NULL ? tips[f]->str : NULL);
      if (tips[f] != NULL)
        g_string_free (tips[f], TRUE);
    }
}

static void
list_findings (LcsSrvDialog      *self,
               const LcsSrvEntry *typed)
{
  lcs_findings_list_clear (self->findings_list);
  for (guint i = 0; i < self->result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (self->result->findings, i);
      GtkWidget *fix = finding->fix_entry != NULL ? fix_button_new (self, finding, typed) : NULL;

      gtk_container_add (GTK_CONTAINER (self->findings_list), lcs_finding_row_new (finding, fix));
    }
}

static void
check_fields (LcsSrvDialog *self)
{
  g_autoptr(LcsSrvEntry) typed = NULL;

  if (self->filling)
    return;
  typed = read_fields (self);
  g_clear_pointer (&self->result, lcs_srv_result_free);
  self->result = lcs_srv_entry_check_in_view (typed, self->profile, self->view);
  /* The record carries the TTL of the Advanced view (Windows's hour otherwise). */
  if (self->result->record != NULL)
    self->result->record->ttl = lcs_ttl_entry_get_seconds (self->ttl_entry);
  self->confirmed = FALSE;
  show_preview (self);
  mark_fields (self);
  list_findings (self, typed);
}

static void
write_fields (LcsSrvDialog      *self,
              const LcsSrvEntry *entry)
{
  self->filling = TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    gtk_entry_set_text (field_entry (self, f), field_value (entry, f));
  self->filling = FALSE;
  check_fields (self);
}

static void
on_field_changed (LcsSrvDialog *self,
                  GtkEditable  *editable)
{
  check_fields (self);
}

static void
on_ttl_changed (LcsSrvDialog *self,
                GParamSpec   *pspec)
{
  check_fields (self);
}

static void
on_dialog_response (LcsSrvDialog *self,
                    int           response_id)
{
  g_autofree char *record = NULL;

  if (self->result == NULL)
    return;
  record = self->result->record ? lcs_record_to_zone_line (self->result->record) : NULL;
  lcs_dialog_confirm_errors (GTK_DIALOG (self), response_id, self->result->errors,
                             record, self->result->findings, &self->confirmed);
}

static void
lcs_srv_dialog_dispose (GObject *object)
{
  LcsSrvDialog *self = LCS_SRV_DIALOG (object);

  g_clear_handle_id (&self->fix_source, g_source_remove);
  G_OBJECT_CLASS (lcs_srv_dialog_parent_class)->dispose (object);
}

static void
lcs_srv_dialog_finalize (GObject *object)
{
  LcsSrvDialog *self = LCS_SRV_DIALOG (object);

  g_clear_pointer (&self->profile, lcs_profile_free);
  g_clear_pointer (&self->result, lcs_srv_result_free);
  g_clear_pointer (&self->pending_fix, lcs_srv_entry_free);
  G_OBJECT_CLASS (lcs_srv_dialog_parent_class)->finalize (object);
}

static void
lcs_srv_dialog_class_init (LcsSrvDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lcs_srv_dialog_dispose;
  object_class->finalize = lcs_srv_dialog_finalize;

  g_type_ensure (LCS_TYPE_TTL_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-srv-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, domain_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, service_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, protocol_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, priority_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, port_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, target_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, allow_update_check);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, stale_check);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, ttl_label);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, ttl_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, owner_label);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, record_label);
  gtk_widget_class_bind_template_child (widget_class, LcsSrvDialog, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_ttl_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dialog_response);
}

static void
lcs_srv_dialog_init (LcsSrvDialog *self)
{
  GtkWidget *placeholder;

  self->filling = TRUE;
  self->view = -1;
  lcs_dialogs_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lcs_window_fit_default_size (GTK_WINDOW (self));
  placeholder = gtk_label_new ("No findings: Windows will create exactly this record.");
  gtk_widget_show (placeholder);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);
  lcs_help_window_bind_f1 (GTK_WIDGET (self), "srv-dialog");
}

static LcsSrvEntry *
blank_entry (const LcsProfile *profile)
{
  const char *domain = profile != NULL && profile->domains->len > 0
                       ? g_ptr_array_index (profile->domains, 0) : "";

  return lcs_srv_entry_new (domain);
}

GtkWidget *
lcs_srv_dialog_new (GtkWindow         *parent,
                    const LcsProfile  *profile,
                    const LcsSrvEntry *initial)
{
  LcsSrvDialog *self = g_object_new (LCS_TYPE_SRV_DIALOG,
                                     "use-header-bar", FALSE,
                                     "transient-for", parent,
                                     NULL);
  g_autoptr(LcsSrvEntry) blank = NULL;

  if (profile != NULL)
    self->profile = lcs_profile_copy (profile);
  if (initial == NULL)
    initial = blank = blank_entry (profile);
  gtk_entry_set_text (self->domain_entry, initial->domain != NULL ? initial->domain : "");
  write_fields (self, initial);
  /* Domain is read-only: typing starts at Service, as in Windows. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->service_entry));
  return GTK_WIDGET (self);
}

LcsSrvEntry *
lcs_srv_dialog_get_entry (LcsSrvDialog *self)
{
  g_return_val_if_fail (LCS_IS_SRV_DIALOG (self), NULL);

  return read_fields (self);
}

void
lcs_srv_dialog_set_domain (LcsSrvDialog *self,
                           const char   *domain)
{
  g_return_if_fail (LCS_IS_SRV_DIALOG (self));

  gtk_entry_set_text (self->domain_entry, domain != NULL ? domain : "");
}

const LcsSrvResult *
lcs_srv_dialog_get_result (LcsSrvDialog *self)
{
  g_return_val_if_fail (LCS_IS_SRV_DIALOG (self), NULL);

  return self->result;
}

gboolean
lcs_srv_dialog_get_allow_update (LcsSrvDialog *self)
{
  g_return_val_if_fail (LCS_IS_SRV_DIALOG (self), FALSE);

  return gtk_toggle_button_get_active (self->allow_update_check);
}

void
lcs_srv_dialog_set_view (LcsSrvDialog *self,
                         int           view)
{
  g_autofree char *title = NULL;

  g_return_if_fail (LCS_IS_SRV_DIALOG (self));

  self->view = view;
  title = view < 0 ? g_strdup (_("New Resource Record"))
                   : g_strdup_printf (_("New Resource Record — %s view"),
                                      view == LCS_VIEW_EXTERNAL ? _("External") : _("Internal"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  check_fields (self);
}

int
lcs_srv_dialog_get_view (LcsSrvDialog *self)
{
  g_return_val_if_fail (LCS_IS_SRV_DIALOG (self), -1);

  return self->view;
}

void
lcs_srv_dialog_set_advanced (LcsSrvDialog *self,
                             gboolean      advanced)
{
  g_return_if_fail (LCS_IS_SRV_DIALOG (self));

  gtk_widget_set_visible (self->stale_check, advanced);
  gtk_widget_set_visible (self->ttl_label, advanced);
  gtk_widget_set_visible (GTK_WIDGET (self->ttl_entry), advanced);
}

guint32
lcs_srv_dialog_get_ttl (LcsSrvDialog *self)
{
  g_return_val_if_fail (LCS_IS_SRV_DIALOG (self), LCS_WINDOWS_TTL);

  return lcs_ttl_entry_get_seconds (self->ttl_entry);
}
