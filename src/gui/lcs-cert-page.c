/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lcs-cert-page.h"

#include "lcs-cert-files.h"
#include "lcs-cert-text.h"
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
  /* The fetch, and the file's trust check, in flight; a new one cancels the old. */
  GCancellable          *fetch_cancellable;
  GCancellable          *trust_cancellable;
};

G_DEFINE_TYPE (LcsCertPage, lcs_cert_page, GTK_TYPE_BOX)

/* An asynchronous step and the cancellable it started with, kept in @slot of the page: its
 * result counts only while that is still the one there (no later load, fetch or dispose
 * replaced it). */
typedef struct {
  LcsCertPage   *page;
  GCancellable **slot;
  GCancellable  *cancellable;
} PendingOp;

static void
cancel_pending (GCancellable **slot)
{
  if (*slot != NULL)
    g_cancellable_cancel (*slot);
  g_clear_object (slot);
}

static PendingOp *
pending_op_start (LcsCertPage   *self,
                  GCancellable **slot)
{
  PendingOp *op = g_new0 (PendingOp, 1);

  cancel_pending (slot);
  *slot = g_cancellable_new ();
  op->page = g_object_ref (self);
  op->slot = slot;
  op->cancellable = g_object_ref (*slot);
  return op;
}

/* TRUE when @op still counts; it is then done, and leaves its slot. */
static gboolean
pending_op_finish (PendingOp *op)
{
  if (*op->slot != op->cancellable)
    return FALSE;
  g_clear_object (op->slot);
  return TRUE;
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
  const char *icon_name;
  g_autofree char *text = lcs_cert_format_trust (flags, how, &icon_name);

  show_trust (self, icon_name, text);
}

static void
show_details (LcsCertPage *self)
{
  const LcsCertInfo *info = self->info;
  g_autofree char *not_before = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *names = NULL;

  not_before = lcs_cert_format_date (info->not_before);
  not_after = lcs_cert_format_date (info->not_after);
  names = lcs_cert_format_names (info);
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
      const char *covered_by;
      const char *icon;
      const char *status;

      lcs_cert_coverage_status (entry, self->info != NULL, &covered_by, &icon, &status);
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
  if (!pending_op_finish (op))
    return;
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
  op = pending_op_start (self, &self->trust_cancellable);
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

  cancel_pending (&self->fetch_cancellable);
  cancel_pending (&self->trust_cancellable);
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

  if (!pending_op_finish (op))
    {
      g_clear_pointer (&info, lcs_cert_info_free);
      return;
    }
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

  op = pending_op_start (self, &self->fetch_cancellable);
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

static GtkWindow *
toplevel_window (LcsCertPage *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  return GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL;
}

static void on_password_dialog_response (GtkDialog   *dialog,
                                         int          response_id,
                                         LcsCertPage *self);

/* The password is asked for only after the file failed to open without one. */
static void
load_interactively (LcsCertPage *self,
                    const char  *path,
                    const char  *password)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (lcs_cert_page_load_file (self, path, password, &error)
      || !lcs_cert_file_needs_password (path))
    return;
  dialog = lcs_cert_password_dialog_new (toplevel_window (self), path, password != NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_dialog_response), self, 0);
  gtk_widget_show (dialog);
}

static void
on_password_dialog_response (GtkDialog   *dialog,
                             int          response_id,
                             LcsCertPage *self)
{
  g_autofree char *path = g_strdup (lcs_cert_password_dialog_get_path (dialog));
  g_autofree char *password = g_strdup (lcs_cert_password_dialog_get_password (dialog));

  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response_id == GTK_RESPONSE_OK)
    load_interactively (self, path, password);
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
on_load_button_clicked (LcsCertPage *self,
                        GtkButton   *button)
{
  GtkFileChooserNative *chooser = lcs_cert_file_chooser_new (toplevel_window (self));

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
  if (self->fetch_cancellable != NULL)
    g_cancellable_cancel (self->fetch_cancellable);
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

  cancel_pending (&self->fetch_cancellable);
  cancel_pending (&self->trust_cancellable);
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
