#include "lcs-properties-dialog.h"

#include "lcs-dialog-findings.h"
#include "lcs-help-window.h"
#include <lcsdns/profile/generation.h>

#include <string.h>

struct _LcsPropertiesDialog {
  GtkDialog        parent_instance;

  GtkComboBox     *product_combo;
  GtkComboBox     *edition_combo;
  GtkComboBox     *matching_combo;
  GtkTextView     *domains_view;
  GtkTextView     *domain_hosts_view;
  GtkEntry        *pool_entry;
  GtkEntry        *pool_ip_entry;
  GtkTextView     *members_view;
  GtkEntry        *tls_port_entry;
  GtkEntry        *tcp_port_entry;
  GtkToggleButton *tls_check;
  GtkToggleButton *tcp_check;
  GtkToggleButton *communicator_check;
  GtkToggleButton *messenger_check;
  GtkEntry        *edge_entry;
  GtkEntry        *edge_ip_entry;
  GtkToggleButton *federation_check;
  GtkEntry        *internal_dns_entry;
  GtkEntry        *external_dns_entry;
  GtkComboBox     *hosting_combo;
  GtkComboBox     *balancing_combo;
  GtkEntry        *web_internal_entry;
  GtkEntry        *web_external_entry;
  GtkEntry        *simple_urls_entry;
  GtkEntry        *edge_webconf_entry;
  GtkEntry        *edge_av_entry;
  GtkToggleButton *xmpp_check;
  GtkToggleButton *legacy_clients_check;
  GtkImage        *status_icon;
  GtkLabel        *status_label;

  LcsProfile      *original;
  LcsProfile      *built;     /* the fields as a profile; NULL while invalid */
  gboolean         filling;
};

G_DEFINE_TYPE (LcsPropertiesDialog, lcs_properties_dialog, GTK_TYPE_DIALOG)

/* One profile key and the widget its value is typed into. */
typedef struct {
  const char *key;
  GtkWidget  *widget;
} Field;

#define N_FIELDS 26
/* The fields from "hosting" on are shown as lcs_profile_get_text () writes them. */
#define FIRST_TEXT_FIELD 17

static void
list_fields (LcsPropertiesDialog *self,
             Field                fields[N_FIELDS])
{
  const Field all[N_FIELDS] = {
    { "product", GTK_WIDGET (self->product_combo) },
    { "edition", GTK_WIDGET (self->edition_combo) },
    { "matching", GTK_WIDGET (self->matching_combo) },
    { "domains", GTK_WIDGET (self->domains_view) },
    { "domain-host", GTK_WIDGET (self->domain_hosts_view) },
    { "pool", GTK_WIDGET (self->pool_entry) },
    { "pool-ip", GTK_WIDGET (self->pool_ip_entry) },
    { "members", GTK_WIDGET (self->members_view) },
    { "tls-port", GTK_WIDGET (self->tls_port_entry) },
    { "tcp-port", GTK_WIDGET (self->tcp_port_entry) },
    { "transports", GTK_WIDGET (self->tls_check) },
    { "clients", GTK_WIDGET (self->communicator_check) },
    { "edge", GTK_WIDGET (self->edge_entry) },
    { "edge-ip", GTK_WIDGET (self->edge_ip_entry) },
    { "federation", GTK_WIDGET (self->federation_check) },
    { "internal-dns", GTK_WIDGET (self->internal_dns_entry) },
    { "external-dns", GTK_WIDGET (self->external_dns_entry) },
    { "hosting", GTK_WIDGET (self->hosting_combo) },
    { "balancing", GTK_WIDGET (self->balancing_combo) },
    { "web-internal", GTK_WIDGET (self->web_internal_entry) },
    { "web-external", GTK_WIDGET (self->web_external_entry) },
    { "simple-urls", GTK_WIDGET (self->simple_urls_entry) },
    { "edge-webconf", GTK_WIDGET (self->edge_webconf_entry) },
    { "edge-av", GTK_WIDGET (self->edge_av_entry) },
    { "xmpp", GTK_WIDGET (self->xmpp_check) },
    { "legacy-clients", GTK_WIDGET (self->legacy_clients_check) },
  };

  memcpy (fields, all, sizeof all);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Adds the non-blank items of @text split at any of @separators ("" for none), trimmed. */
static void
add_items (GPtrArray  *values,
           const char *text,
           const char *separators)
{
  g_auto(GStrv) items = NULL;

  if (text == NULL)
    return;
  if (separators[0] == '\0')
    items = g_strdupv ((char *[]) { (char *) text, NULL });
  else
    items = g_strsplit_set (text, separators, -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] != '\0')
        g_ptr_array_add (values, g_strdup (items[i]));
    }
}

/* "tls,tcp", "tls", "" … as the key file writes a set of flags. */
static char *
join_flags (gboolean    first,
            const char *first_name,
            gboolean    second,
            const char *second_name)
{
  if (first && second)
    return g_strconcat (first_name, ",", second_name, NULL);
  return g_strdup (first ? first_name : second ? second_name : "");
}

/* The values to set for @field: one per line or list item, none for an empty text field. A set
 * of check boxes always gives one value, empty when none is ticked, so that the profile says
 * what is wrong with that. */
static GPtrArray *
field_values (LcsPropertiesDialog *self,
              const Field         *field)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (field->key, "transports"))
    g_ptr_array_add (values, join_flags (gtk_toggle_button_get_active (self->tls_check), "tls",
                                         gtk_toggle_button_get_active (self->tcp_check), "tcp"));
  else if (g_str_equal (field->key, "clients"))
    g_ptr_array_add (values,
                     join_flags (gtk_toggle_button_get_active (self->communicator_check),
                                 "communicator",
                                 gtk_toggle_button_get_active (self->messenger_check),
                                 "messenger"));
  else if (GTK_IS_TOGGLE_BUTTON (field->widget))
    g_ptr_array_add (values, g_strdup (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field->widget))
                                       ? "true" : "false"));
  else if (GTK_IS_COMBO_BOX (field->widget))
    add_items (values, gtk_combo_box_get_active_id (GTK_COMBO_BOX (field->widget)), "");
  else if (GTK_IS_TEXT_VIEW (field->widget))
    {
      g_autofree char *lines = text_view_get_text (GTK_TEXT_VIEW (field->widget));

      add_items (values, lines, "\r\n");
    }
  else if (g_str_has_suffix (field->key, "-dns"))
    add_items (values, gtk_entry_get_text (GTK_ENTRY (field->widget)), ",");
  else
    add_items (values, gtk_entry_get_text (GTK_ENTRY (field->widget)), "");
  return values;
}

static void
mark_field (const Field *field,
            const char  *message)
{
  GtkWidget *styled = GTK_IS_TEXT_VIEW (field->widget) ? gtk_widget_get_parent (field->widget)
                                                       : field->widget;
  GtkStyleContext *context = gtk_widget_get_style_context (styled);

  if (GTK_IS_ENTRY (field->widget))
    {
      lcs_entry_show_findings (GTK_ENTRY (field->widget), LCS_SEVERITY_ERROR, message);
      return;
    }
  gtk_widget_set_tooltip_text (field->widget, message);
  if (message != NULL)
    gtk_style_context_add_class (context, "lcs-invalid-text");
  else
    gtk_style_context_remove_class (context, "lcs-invalid-text");
}

static void
show_status (LcsPropertiesDialog *self,
             const char          *problem)
{
  g_autofree char *ready = NULL;

  if (problem == NULL)
    ready = g_strdup_printf ("The profile is complete: %u SIP domain%s.",
                             self->built->domains->len,
                             self->built->domains->len == 1 ? "" : "s");
  gtk_image_set_from_icon_name (self->status_icon,
                                problem != NULL ? "dialog-error" : "emblem-ok-symbolic",
                                GTK_ICON_SIZE_BUTTON);
  gtk_label_set_text (self->status_label, problem != NULL ? problem : ready);
}

/* Builds the profile from the original with each shown field set anew (list keys append, and a
 * cleared field must become unset): the fields this dialog does not show, the added records,
 * the zone files and the checklist stay as they were. */
static void
validate_fields (LcsPropertiesDialog *self)
{
  g_autoptr(LcsProfile) built = lcs_profile_copy (self->original);
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  Field fields[N_FIELDS];

  if (self->filling)
    return;
  list_fields (self, fields);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autoptr(GPtrArray) values = field_values (self, &fields[f]);
      g_autoptr(GError) field_error = NULL;

      lcs_profile_unset (built, fields[f].key);
      for (guint v = 0; v < values->len && field_error == NULL; v++)
        lcs_profile_set (built, fields[f].key, g_ptr_array_index (values, v), &field_error);
      mark_field (&fields[f], field_error != NULL ? field_error->message : NULL);
      if (field_error != NULL && problem == NULL)
        problem = g_strdup (field_error->message);
    }
  if (problem == NULL && !lcs_profile_validate (built, &error))
    problem = g_strdup (error->message);

  g_clear_pointer (&self->built, lcs_profile_free);
  if (problem == NULL)
    self->built = g_steal_pointer (&built);
  show_status (self, problem);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_OK, problem == NULL);
}

static void
on_field_changed (LcsPropertiesDialog *self,
                  gpointer             sender)
{
  validate_fields (self);
}

static void
text_view_set_lines (GtkTextView *view,
                     GPtrArray   *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text->str, -1);
}

static char *
join_list (GPtrArray *items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (items, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_pairs (LcsPropertiesDialog *self,
            const LcsProfile    *profile)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer domain, host;

  for (guint i = 0; i < profile->members->len; i++)
    {
      const LcsMember *member = g_ptr_array_index (profile->members, i);

      g_ptr_array_add (members, g_strdup_printf ("%s=%s", member->fqdn, member->address));
    }
  g_hash_table_iter_init (&iter, profile->domain_hosts);
  while (g_hash_table_iter_next (&iter, &domain, &host))
    g_ptr_array_add (hosts, g_strdup_printf ("%s=%s", (char *) domain, (char *) host));
  g_ptr_array_sort (hosts, (GCompareFunc) g_strcmp0);
  text_view_set_lines (self->members_view, members);
  text_view_set_lines (self->domain_hosts_view, hosts);
}

static void
entry_set_port (GtkEntry *entry,
                guint16   port)
{
  g_autofree char *text = g_strdup_printf ("%u", port);

  gtk_entry_set_text (entry, text);
}

/* The later generations' fields, each in the text the profile itself gives for it. */
static void
show_text_fields (LcsPropertiesDialog *self,
                  const LcsProfile    *profile)
{
  Field fields[N_FIELDS];

  list_fields (self, fields);
  for (guint f = FIRST_TEXT_FIELD; f < N_FIELDS; f++)
    {
      g_autofree char *value = lcs_profile_get_text (profile, fields[f].key);

      if (GTK_IS_COMBO_BOX (fields[f].widget))
        gtk_combo_box_set_active_id (GTK_COMBO_BOX (fields[f].widget), value);
      else if (GTK_IS_TOGGLE_BUTTON (fields[f].widget))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (fields[f].widget), g_str_equal (value, "true"));
      else
        gtk_entry_set_text (GTK_ENTRY (fields[f].widget), value);
    }
}

static void
show_profile (LcsPropertiesDialog *self,
              const LcsProfile    *profile)
{
  g_autofree char *internal_dns = join_list (profile->internal_dns);
  g_autofree char *external_dns = join_list (profile->external_dns);

  self->filling = TRUE;
  gtk_combo_box_set_active_id (self->product_combo, lcs_product_to_string (profile->product));
  gtk_combo_box_set_active_id (self->edition_combo,
                               profile->edition == LCS_EDITION_ENTERPRISE ? "enterprise"
                                                                          : "standard");
  gtk_combo_box_set_active_id (self->matching_combo,
                               profile->matching == LCS_MATCHING_SUFFIX ? "suffix" : "strict");
  text_view_set_lines (self->domains_view, profile->domains);
  show_pairs (self, profile);
  gtk_entry_set_text (self->pool_entry, profile->pool != NULL ? profile->pool : "");
  gtk_entry_set_text (self->pool_ip_entry, profile->pool_ip != NULL ? profile->pool_ip : "");
  entry_set_port (self->tls_port_entry, profile->tls_port);
  entry_set_port (self->tcp_port_entry, profile->tcp_port);
  gtk_toggle_button_set_active (self->tls_check, (profile->transports & LCS_TRANSPORT_TLS) != 0);
  gtk_toggle_button_set_active (self->tcp_check, (profile->transports & LCS_TRANSPORT_TCP) != 0);
  gtk_toggle_button_set_active (self->communicator_check,
                                (profile->clients & LCS_CLIENT_COMMUNICATOR) != 0);
  gtk_toggle_button_set_active (self->messenger_check,
                                (profile->clients & LCS_CLIENT_MESSENGER) != 0);
  gtk_entry_set_text (self->edge_entry, profile->edge != NULL ? profile->edge : "");
  gtk_entry_set_text (self->edge_ip_entry, profile->edge_ip != NULL ? profile->edge_ip : "");
  gtk_toggle_button_set_active (self->federation_check, profile->federation);
  gtk_entry_set_text (self->internal_dns_entry, internal_dns);
  gtk_entry_set_text (self->external_dns_entry, external_dns);
  show_text_fields (self, profile);
  self->filling = FALSE;
  validate_fields (self);
}

static void
fill_products (LcsPropertiesDialog *self)
{
  for (guint i = 0; i < lcs_generations_count (); i++)
    gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (self->product_combo),
                               lcs_product_to_string (i), lcs_product_display_name (i));
}

static void
lcs_properties_dialog_finalize (GObject *object)
{
  LcsPropertiesDialog *self = LCS_PROPERTIES_DIALOG (object);

  g_clear_pointer (&self->original, lcs_profile_free);
  g_clear_pointer (&self->built, lcs_profile_free);
  G_OBJECT_CLASS (lcs_properties_dialog_parent_class)->finalize (object);
}

static void
lcs_properties_dialog_class_init (LcsPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lcs_properties_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, product_combo);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, edition_combo);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, matching_combo);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, domains_view);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, domain_hosts_view);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, pool_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, pool_ip_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, members_view);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, tls_port_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, tcp_port_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, tls_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, tcp_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, communicator_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, messenger_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, edge_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, edge_ip_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, federation_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, internal_dns_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, external_dns_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, hosting_combo);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, balancing_combo);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, web_internal_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, web_external_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, simple_urls_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, edge_webconf_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, edge_av_entry);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, xmpp_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, legacy_clients_check);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LcsPropertiesDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
lcs_properties_dialog_init (LcsPropertiesDialog *self)
{
  self->filling = TRUE;
  lcs_dialogs_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  lcs_help_window_bind_f1 (GTK_WIDGET (self), "properties-dialog");
  fill_products (self);
}

GtkWidget *
lcs_properties_dialog_new (GtkWindow        *parent,
                           const LcsProfile *profile)
{
  LcsPropertiesDialog *self = g_object_new (LCS_TYPE_PROPERTIES_DIALOG,
                                            "use-header-bar", FALSE,
                                            "transient-for", parent,
                                            NULL);

  self->original = profile != NULL ? lcs_profile_copy (profile) : lcs_profile_new ();
  show_profile (self, self->original);
  return GTK_WIDGET (self);
}

LcsProfile *
lcs_properties_dialog_get_profile (LcsPropertiesDialog *self)
{
  g_return_val_if_fail (LCS_IS_PROPERTIES_DIALOG (self), NULL);

  return self->built != NULL ? lcs_profile_copy (self->built) : NULL;
}
