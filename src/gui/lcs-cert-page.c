#include "lcs-cert-page.h"

#include "lcs-dialog-findings.h"

/* Long enough for a slow WAN link, short enough that a dead pool does not look like a hang. */
#define FETCH_TIMEOUT_MS 10000

enum {
  COLUMN_NAME,
  COLUMN_WHY,
  COLUMN_COVERED_BY,
  COLUMN_STATUS_ICON,
  COLUMN_STATUS_TEXT,
};

enum {
  SIGNAL_FINDINGS_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

struct _LcsCertPage {
  GtkBox                 parent_instance;

  GtkButton             *load_button;
  GtkButton             *fetch_button;
  GtkButton             *cancel_button;
  GtkSpinner            *fetch_spinner;
  GtkImage              *status_icon;
  GtkLabel              *status_label;
  GtkLabel              *source_label;
  GtkLabel              *subject_label;
  GtkLabel              *issuer_label;
  GtkLabel              *not_before_label;
  GtkLabel              *not_after_label;
  GtkLabel              *san_label;
  GtkImage              *trust_icon;
  GtkLabel              *trust_label;
  GtkTreeView           *checklist_view;
  GtkListStore          *checklist_store;
  GtkListBox            *findings_list;
  GtkLabel              *findings_placeholder;

  LcsProfile            *profile;
  const LcsObservations *obs;
  LcsCertInfo           *info;
  GPtrArray             *findings;
  /* The fetch or trust check in flight; replacing it cancels the old one. */
  GCancellable          *cancellable;
};

G_DEFINE_TYPE (LcsCertPage, lcs_cert_page, GTK_TYPE_BOX)

/* An asynchronous step and the cancellable it started with: its result counts only while that
 * cancellable is still the page's (no later load, fetch or dispose replaced it). */
typedef struct {
  LcsCertPage  *page;
  GCancellable *cancellable;
} PendingOp;

static PendingOp *
pending_op_start (LcsCertPage *self)
{
  PendingOp *op = g_new0 (PendingOp, 1);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  op->page = g_object_ref (self);
  op->cancellable = g_object_ref (self->cancellable);
  return op;
}

static gboolean
pending_op_is_current (const PendingOp *op)
{
  return op->page->cancellable == op->cancellable;
}

static void
pending_op_free (PendingOp *op)
{
  g_object_unref (op->page);
  g_object_unref (op->cancellable);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingOp, pending_op_free)

static void
cancel_pending (LcsCertPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
show_fetching (LcsCertPage *self,
               gboolean     fetching)
{
  gtk_widget_set_visible (GTK_WIDGET (self->fetch_spinner), fetching);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), fetching);
  if (fetching)
    gtk_spinner_start (self->fetch_spinner);
  else
    gtk_spinner_stop (self->fetch_spinner);
}

/* One line, with an icon when @icon_name is set; the whole text is the tooltip when cut. */
static void
show_status (LcsCertPage *self,
             const char  *icon_name,
             const char  *text)
{
  g_autofree char *line = g_strdelimit (g_strdup (text), "\r\n", ' ');
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->status_label));

  gtk_label_set_text (self->status_label, line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), line);
  gtk_image_set_from_icon_name (self->status_icon, icon_name, GTK_ICON_SIZE_MENU);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon_name != NULL);
  gtk_style_context_remove_class (context, "lcs-finding-error");
  if (g_strcmp0 (icon_name, "dialog-error") == 0)
    gtk_style_context_add_class (context, "lcs-finding-error");
}

static void
show_error (LcsCertPage  *self,
            const GError *error)
{
  show_status (self, "dialog-error", error->message);
}

static char *
format_date (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return g_strdup ("unknown");
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%d %H:%M:%S UTC");
}

static char *
join_names (const LcsCertInfo *info)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < info->dns_names->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                            (const char *) info->dns_names->pdata[i]);
  for (guint i = 0; i < info->ip_addresses->len; i++)
    g_string_append_printf (text, "%s%s (IP)", text->len > 0 ? ", " : "",
                            (const char *) info->ip_addresses->pdata[i]);
  if (text->len == 0)
    g_string_append (text, "none: the certificate has no subject alternative names");
  return g_string_free (text, FALSE);
}

static void
show_trust (LcsCertPage *self,
            const char  *icon_name,
            const char  *text)
{
  gtk_image_set_from_icon_name (self->trust_icon, icon_name, GTK_ICON_SIZE_MENU);
  gtk_widget_set_visible (GTK_WIDGET (self->trust_icon), icon_name != NULL);
  gtk_label_set_text (self->trust_label, text);
}

static void
show_trust_flags (LcsCertPage         *self,
                  GTlsCertificateFlags flags,
                  const char          *how)
{
  g_autofree char *flags_text = lcs_cert_flags_to_string (flags);
  g_autofree char *text = NULL;

  if (flags == 0)
    text = g_strdup_printf ("trusted: it chains to a CA in the system store (%s)", how);
  else
    text = g_strdup_printf ("not trusted: %s (%s)", flags_text, how);
  show_trust (self, flags == 0 ? "object-select-symbolic" : "dialog-warning", text);
}

static void
show_details (LcsCertPage *self)
{
  const LcsCertInfo *info = self->info;
  g_autofree char *not_before = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *names = NULL;

  if (info == NULL)
    {
      gtk_label_set_text (self->source_label, "—");
      gtk_label_set_text (self->subject_label, "—");
      gtk_label_set_text (self->issuer_label, "—");
      gtk_label_set_text (self->not_before_label, "—");
      gtk_label_set_text (self->not_after_label, "—");
      gtk_label_set_text (self->san_label, "—");
      show_trust (self, NULL, "—");
      return;
    }
  not_before = format_date (info->not_before);
  not_after = format_date (info->not_after);
  names = join_names (info);
  gtk_label_set_text (self->source_label, info->source != NULL ? info->source : "—");
  gtk_label_set_text (self->subject_label, info->subject != NULL && *info->subject != '\0'
                                           ? info->subject : "(empty)");
  gtk_label_set_text (self->issuer_label, info->issuer != NULL ? info->issuer : "(unknown)");
  gtk_label_set_text (self->not_before_label, not_before);
  gtk_label_set_text (self->not_after_label, not_after);
  gtk_label_set_text (self->san_label, names);
}

static void
fill_checklist (LcsCertPage *self)
{
  g_autoptr(GPtrArray) names = NULL;

  gtk_list_store_clear (self->checklist_store);
  if (self->profile == NULL)
    return;
  names = self->info != NULL ? lcs_cert_coverage (self->profile, self->info, self->obs)
                             : lcs_cert_required_names (self->profile, self->obs);
  for (guint i = 0; i < names->len; i++)
    {
      const LcsCertCoverage *entry = names->pdata[i];
      const char *covered_by = entry->covered_by;
      const char *icon = "object-select-symbolic";
      const char *status = "Covered";

      if (self->info == NULL)
        {
          covered_by = "—";
          icon = NULL;
          status = "No certificate yet";
        }
      else if (entry->covered_by == NULL && entry->required)
        {
          covered_by = "missing";
          icon = "dialog-error";
          status = "Missing";
        }
      else if (entry->covered_by == NULL)
        {
          covered_by = "missing";
          icon = "dialog-information";
          status = "Not required here";
        }
      gtk_list_store_insert_with_values (self->checklist_store, NULL, -1,
                                         COLUMN_NAME, entry->name,
                                         COLUMN_WHY, entry->reason,
                                         COLUMN_COVERED_BY, covered_by,
                                         COLUMN_STATUS_ICON, icon,
                                         COLUMN_STATUS_TEXT, status,
                                         -1);
    }
}

static void
fill_findings (LcsCertPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->profile != NULL && self->info != NULL)
    self->findings = lcs_cert_check (self->profile, self->info, self->obs, now);
  else
    self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_ptr_array_sort (self->findings, lcs_finding_compare);

  lcs_findings_list_clear (self->findings_list);
  for (guint i = 0; i < self->findings->len; i++)
    gtk_container_add (GTK_CONTAINER (self->findings_list),
                       lcs_finding_row_new (self->findings->pdata[i], NULL));

  if (self->info == NULL)
    gtk_label_set_text (self->findings_placeholder,
                        "No certificate yet: load a file or fetch it from the pool.");
  else if (self->profile == NULL)
    gtk_label_set_text (self->findings_placeholder, "No profile to check the certificate against.");
  else
    gtk_label_set_text (self->findings_placeholder,
                        "No findings: the certificate covers every required name and is valid now.");
}

static void
recompute (LcsCertPage *self)
{
  fill_checklist (self);
  fill_findings (self);
  g_signal_emit (self, signals[SIGNAL_FINDINGS_CHANGED], 0);
}

static void
on_verify_chain_ready (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PendingOp) op = user_data;
  g_autoptr(GError) error = NULL;
  GTlsCertificateFlags flags;

  flags = g_tls_database_verify_chain_finish (G_TLS_DATABASE (source), result, &error);
  if (!pending_op_is_current (op))
    return;
  g_clear_object (&op->page->cancellable);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf ("not checked: %s", error->message);

      show_trust (op->page, "dialog-warning", text);
      return;
    }
  show_trust_flags (op->page, flags, "the file's chain, checked on this computer");
}

/* A file has no server to tell us: check its chain against this machine's trust store. */
static void
check_file_trust (LcsCertPage *self)
{
  GTlsDatabase *database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  PendingOp *op;

  if (database == NULL || self->info->certificate == NULL)
    {
      show_trust (self, "dialog-warning", "not checked: no system trust store");
      g_clear_object (&database);
      return;
    }
  show_trust (self, NULL, "checking…");
  op = pending_op_start (self);
  g_tls_database_verify_chain_async (database, self->info->certificate,
                                     G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                     G_TLS_DATABASE_VERIFY_NONE, op->cancellable,
                                     on_verify_chain_ready, op);
  g_object_unref (database);
}

/* Takes @info: shows it, checks it, and says where it came from. */
static void
show_certificate (LcsCertPage *self,
                  LcsCertInfo *info)
{
  g_autofree char *status = NULL;

  cancel_pending (self);
  show_fetching (self, FALSE);
  g_clear_pointer (&self->info, lcs_cert_info_free);
  self->info = info;
  show_details (self);
  if (info->fetched)
    show_trust_flags (self, info->peer_errors, "as the server presented it");
  else
    check_file_trust (self);
  status = g_strdup_printf ("%s %s", info->fetched ? "Fetched from" : "Loaded from", info->source);
  show_status (self, NULL, status);
  recompute (self);
}

static void
on_fetch_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PendingOp) op = user_data;
  g_autoptr(GError) error = NULL;
  LcsCertInfo *info = lcs_cert_fetch_finish (result, &error);

  if (!pending_op_is_current (op))
    {
      g_clear_pointer (&info, lcs_cert_info_free);
      return;
    }
  g_clear_object (&op->page->cancellable);
  show_fetching (op->page, FALSE);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (op->page, NULL, "Fetch cancelled.");
      else
        show_error (op->page, error);
      return;
    }
  show_certificate (op->page, info);
}

void
lcs_cert_page_fetch (LcsCertPage *self,
                     const char  *host_port)
{
  g_autofree char *status = NULL;
  const char *host = host_port;
  guint16 port = 0;
  PendingOp *op;

  g_return_if_fail (LCS_IS_CERT_PAGE (self));

  if (host == NULL)
    {
      if (self->profile == NULL || self->profile->pool == NULL)
        {
          show_status (self, "dialog-error",
                       "No pool FQDN in the profile: there is no server to fetch from.");
          return;
        }
      host = self->profile->pool;
      port = LCS_CERT_DEFAULT_PORT;
    }
  if (port != 0)
    status = g_strdup_printf ("Fetching the certificate from %s:%u…", host, port);
  else
    status = g_strdup_printf ("Fetching the certificate from %s…", host);

  op = pending_op_start (self);
  show_fetching (self, TRUE);
  show_status (self, NULL, status);
  lcs_cert_fetch_async (host, port, FETCH_TIMEOUT_MS, op->cancellable, on_fetch_ready, op);
}

gboolean
lcs_cert_page_load_file (LcsCertPage *self,
                         const char  *path,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;
  LcsCertInfo *info;

  g_return_val_if_fail (LCS_IS_CERT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  info = lcs_cert_load (path, password, &local);
  if (info == NULL)
    {
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  show_certificate (self, info);
  return TRUE;
}

/* Whether @path is a PKCS#12 file that opens with a password but not without one. */
static gboolean
needs_password (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  certificate = g_tls_certificate_new_from_pkcs12 ((const guint8 *) data, length, NULL, &error);
  return g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE_PASSWORD);
}

static void ask_password (LcsCertPage *self,
                          const char  *path,
                          gboolean     again);

static void
load_interactively (LcsCertPage *self,
                    const char  *path,
                    const char  *password)
{
  g_autoptr(GError) error = NULL;

  if (lcs_cert_page_load_file (self, path, password, &error))
    return;
  if (needs_password (path))
    ask_password (self, path, password != NULL);
}

static void
on_password_dialog_response (GtkDialog   *dialog,
                             int          response_id,
                             LcsCertPage *self)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "path"));
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *password = g_strdup (gtk_entry_get_text (entry));

  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response_id == GTK_RESPONSE_OK)
    load_interactively (self, path, password);
}

static GtkWindow *
toplevel_window (LcsCertPage *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  return GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL;
}

/* Asked only after the file failed to open without one; @again after a wrong password. */
static void
ask_password (LcsCertPage *self,
              const char  *path,
              gboolean     again)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (again ? "Wrong password for “%s”. Try again:"
                                                 : "“%s” is protected by a password.", base);
  GtkWidget *dialog = gtk_dialog_new_with_buttons ("Certificate file password",
                                                   toplevel_window (self),
                                                   GTK_DIALOG_MODAL
                                                   | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                   "_Cancel", GTK_RESPONSE_CANCEL,
                                                   "_Open", GTK_RESPONSE_OK,
                                                   NULL);
  GtkWidget *area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  GtkWidget *message = gtk_label_new (text);
  GtkWidget *caption = gtk_label_new_with_mnemonic ("_Password:");
  GtkWidget *entry = gtk_entry_new ();

  gtk_container_set_border_width (GTK_CONTAINER (area), 12);
  gtk_box_set_spacing (GTK_BOX (area), 6);
  gtk_label_set_xalign (GTK_LABEL (message), 0.0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  atk_object_set_name (gtk_widget_get_accessible (entry), "Password");
  gtk_box_pack_start (GTK_BOX (area), message, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (area), caption, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (area), entry, FALSE, FALSE, 0);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_dialog_response), self, 0);
  gtk_widget_show_all (dialog);
}

static void
on_file_chooser_response (GtkNativeDialog *chooser,
                          int              response_id,
                          LcsCertPage     *self)
{
  g_autofree char *path = NULL;

  if (response_id == GTK_RESPONSE_ACCEPT)
    path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (path != NULL)
    load_interactively (self, path, NULL);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *title,
            const char *const  *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, title);
  for (gsize i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_load_button_clicked (LcsCertPage *self,
                        GtkButton   *button)
{
  static const char *const all_certs[] = { "*.pem", "*.crt", "*.cer", "*.der", "*.pfx", "*.p12",
                                           NULL };
  static const char *const pem[] = { "*.pem", "*.crt", "*.cer", NULL };
  static const char *const der[] = { "*.der", "*.cer", "*.crt", NULL };
  static const char *const pkcs12[] = { "*.pfx", "*.p12", NULL };
  static const char *const any[] = { "*", NULL };
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Load Certificate File",
                                                               toplevel_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               "_Load", "_Cancel");

  add_filter (GTK_FILE_CHOOSER (chooser), "Certificates (PEM, DER, PKCS#12)", all_certs);
  add_filter (GTK_FILE_CHOOSER (chooser), "PEM certificates", pem);
  add_filter (GTK_FILE_CHOOSER (chooser), "DER certificates", der);
  add_filter (GTK_FILE_CHOOSER (chooser), "PKCS#12 files (.pfx, .p12)", pkcs12);
  add_filter (GTK_FILE_CHOOSER (chooser), "All files", any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_fetch_button_clicked (LcsCertPage *self,
                         GtkButton   *button)
{
  lcs_cert_page_fetch (self, NULL);
}

static void
on_cancel_button_clicked (LcsCertPage *self,
                          GtkButton   *button)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
update_fetch_button (LcsCertPage *self)
{
  gboolean has_pool = self->profile != NULL && self->profile->pool != NULL;
  g_autofree char *tip = NULL;

  if (has_pool)
    tip = g_strdup_printf ("Read the certificate %s presents on port %u", self->profile->pool,
                           LCS_CERT_DEFAULT_PORT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fetch_button), has_pool);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fetch_button),
                               has_pool ? tip : "The profile names no pool to fetch from");
}

void
lcs_cert_page_set_profile (LcsCertPage      *self,
                           const LcsProfile *profile)
{
  g_return_if_fail (LCS_IS_CERT_PAGE (self));

  g_clear_pointer (&self->profile, lcs_profile_free);
  if (profile != NULL)
    self->profile = lcs_profile_copy (profile);
  update_fetch_button (self);
  recompute (self);
}

void
lcs_cert_page_set_observations (LcsCertPage           *self,
                                const LcsObservations *obs)
{
  g_return_if_fail (LCS_IS_CERT_PAGE (self));

  self->obs = obs;
  recompute (self);
}

const LcsCertInfo *
lcs_cert_page_get_info (LcsCertPage *self)
{
  g_return_val_if_fail (LCS_IS_CERT_PAGE (self), NULL);
  return self->info;
}

GPtrArray *
lcs_cert_page_get_findings (LcsCertPage *self)
{
  g_return_val_if_fail (LCS_IS_CERT_PAGE (self), NULL);
  return self->findings;
}

static void
lcs_cert_page_dispose (GObject *object)
{
  LcsCertPage *self = LCS_CERT_PAGE (object);

  cancel_pending (self);
  G_OBJECT_CLASS (lcs_cert_page_parent_class)->dispose (object);
}

static void
lcs_cert_page_finalize (GObject *object)
{
  LcsCertPage *self = LCS_CERT_PAGE (object);

  g_clear_pointer (&self->profile, lcs_profile_free);
  g_clear_pointer (&self->info, lcs_cert_info_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (lcs_cert_page_parent_class)->finalize (object);
}

static void
lcs_cert_page_class_init (LcsCertPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lcs_cert_page_dispose;
  object_class->finalize = lcs_cert_page_finalize;

  /* The findings or the checklist changed: a new certificate, profile or observations. */
  signals[SIGNAL_FINDINGS_CHANGED] = g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lcsdns/Console/lcs-cert-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, load_button);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, fetch_button);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, fetch_spinner);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, subject_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, issuer_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, not_before_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, not_after_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, san_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, trust_icon);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, trust_label);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, checklist_store);
  gtk_widget_class_bind_template_child (widget_class, LcsCertPage, findings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_load_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fetch_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
}

static void
lcs_cert_page_init (LcsCertPage *self)
{
  lcs_dialogs_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->findings_placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_line_wrap (self->findings_placeholder, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->findings_placeholder), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->findings_placeholder), 8);
  gtk_widget_show (GTK_WIDGET (self->findings_placeholder));
  gtk_list_box_set_placeholder (self->findings_list, GTK_WIDGET (self->findings_placeholder));
  update_fetch_button (self);
  recompute (self);
}

GtkWidget *
lcs_cert_page_new (void)
{
  return g_object_new (LCS_TYPE_CERT_PAGE, NULL);
}
