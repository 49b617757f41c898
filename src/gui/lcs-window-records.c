/* New records and properties: the SRV, New Host and Properties dialogs opened from the Action
 * menu, the Actions pane and "Apply fix", and what their OK does to the document. */
#include "lcs-window-private.h"

#include <string.h>
#include <glib/gi18n.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/profile/plan.h>
#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>

#include "lcs-console-tree.h"
#include "lcs-dialog-findings.h"
#include "lcs-host-dialog.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"

/* The findings that explain a record row: about its name, or about where it was found instead. */
gboolean
lcs_window_finding_is_about (const LcsFinding      *finding,
                             const LcsRecordResult *result)
{
  if (finding->view != result->planned->view || finding->name == NULL)
    return FALSE;
  return lcs_name_equal (finding->name, result->planned->name)
         || (result->misplaced_at != NULL && lcs_name_equal (finding->name, result->misplaced_at));
}

/* The fix of a row: the first finding's dialog entry, else, for a required SRV record that is
 * not right, the entry that creates it. */
LcsSrvEntry *
lcs_window_fix_entry_for_row (LcsWindow  *self,
                              LcsRowKind  kind,
                              int         index,
                              LcsView    *view)
{
  const LcsReport *report = self->doc->report;
  const LcsFinding *row_finding = kind == LCS_ROW_FINDING ? lcs_document_finding_at (self->doc, index) : NULL;
  const LcsRecordResult *result = kind == LCS_ROW_RECORD ? lcs_document_result_at (self->doc, index) : NULL;

  if (row_finding != NULL)
    {
      *view = row_finding->view;
      return row_finding->fix_entry != NULL ? lcs_srv_entry_copy (row_finding->fix_entry) : NULL;
    }
  if (result == NULL)
    return NULL;
  *view = result->planned->view;

  for (guint i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);

      if (finding->fix_entry != NULL && lcs_window_finding_is_about (finding, result))
        return lcs_srv_entry_copy (finding->fix_entry);
    }
  if (result->planned->type != LCS_TYPE_SRV || result->status == LCS_STATUS_OK || result->status == LCS_STATUS_PLANNED)
    return NULL;

  return lcs_srv_entry_from_record (result->planned->name, result->planned->domain,
                                    result->planned->priority, result->planned->weight,
                                    result->planned->port, result->planned->target);
}

/* The record the dialog's check previewed, built by the core (a blank Priority or Weight is 0,
 * as Windows takes it); NULL (and @error) where Windows refuses the values. */
static LcsRecord *
record_from_srv_entry (const LcsProfile  *profile,
                       const LcsSrvEntry *entry,
                       int                view,
                       GError           **error)
{
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check_in_view (entry, profile, view);

  if (result->record == NULL)
    {
      const char *refusal = lcs_findings_refusal (result->findings);

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, refusal != NULL ? refusal : _("a field is empty"));
      return NULL;
    }
  return g_steal_pointer (&result->record);
}

static void
on_srv_dialog_response (GtkDialog *dialog,
                        int        response,
                        LcsWindow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      g_autoptr(LcsSrvEntry) entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
      int view = lcs_srv_dialog_get_view (LCS_SRV_DIALOG (dialog));
      g_autoptr(GError) error = NULL;
      LcsRecord *record = record_from_srv_entry (self->doc->profile, entry, view, &error);

      if (record == NULL)
        {
          lcs_window_show_error (self, _("Windows refuses these values"), error);
          return;
        }
      record->ttl = lcs_srv_dialog_get_ttl (LCS_SRV_DIALOG (dialog));
      lcs_document_add_record (self->doc, view == LCS_VIEW_EXTERNAL ? LCS_VIEW_EXTERNAL : LCS_VIEW_INTERNAL,
                               record);
      lcs_window_refresh (self);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
lcs_window_open_srv_dialog (LcsWindow         *self,
                            const LcsSrvEntry *initial,
                            int                view)
{
  GtkWidget *dialog = lcs_srv_dialog_new (GTK_WINDOW (self), self->doc->profile, initial);

  lcs_srv_dialog_set_view (LCS_SRV_DIALOG (dialog), view);
  lcs_srv_dialog_set_advanced (LCS_SRV_DIALOG (dialog), lcs_window_advanced_view (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_srv_dialog_response), self);
  gtk_widget_show (dialog);
  return dialog;
}

static void
on_host_dialog_response (GtkDialog *dialog,
                         int        response,
                         LcsWindow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      g_autoptr(LcsHostEntry) entry = lcs_host_dialog_get_entry (LCS_HOST_DIALOG (dialog));
      g_autoptr(LcsHostResult) result = lcs_host_entry_check (entry, self->doc->profile);
      LcsView view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lcs-view"));

      if (result->type == 0 || result->fqdn == NULL)
        {
          lcs_window_show_error (self, _("The host cannot be created: the IP address is not valid"), NULL);
          return;
        }
      lcs_document_add_record (self->doc, view,
                               lcs_record_new_address (result->fqdn, lcs_host_dialog_get_ttl (LCS_HOST_DIALOG (dialog)),
                                                       entry->address));
      lcs_window_refresh (self);
      /* Like Windows: Add Host keeps the dialog open for the next host; Done closes it. */
      lcs_host_dialog_clear (LCS_HOST_DIALOG (dialog));
      return;
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
lcs_window_open_host_dialog (LcsWindow          *self,
                             const LcsHostEntry *initial,
                             int                view)
{
  GtkWidget *dialog = lcs_host_dialog_new (GTK_WINDOW (self), self->doc->profile, initial);

  /* The host goes to the view the admin was looking at. */
  g_object_set_data (G_OBJECT (dialog), "lcs-view", GINT_TO_POINTER (view == LCS_VIEW_EXTERNAL ? LCS_VIEW_EXTERNAL
                                                                                               : LCS_VIEW_INTERNAL));
  lcs_host_dialog_set_advanced (LCS_HOST_DIALOG (dialog), lcs_window_advanced_view (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_host_dialog_response), self);
  gtk_widget_show (dialog);
  return dialog;
}

/* The domain and view of the selected node, so that a new record lands in the zone the admin is
 * looking at (the internal view when the node has none). */
static char *
selected_domain (LcsWindow *self,
                 LcsView   *view)
{
  LcsNode node;
  char *domain = NULL;

  *view = LCS_VIEW_INTERNAL;
  if (lcs_console_tree_selected (self->console_tree, &node))
    {
      domain = g_steal_pointer (&node.domain);
      if (node.view == LCS_VIEW_EXTERNAL)
        *view = LCS_VIEW_EXTERNAL;
      lcs_node_clear (&node);
    }
  if (domain == NULL && self->doc->profile->domains->len > 0)
    domain = g_strdup (g_ptr_array_index (self->doc->profile->domains, 0));
  return domain;
}

static void
on_new_srv (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  LcsWindow *self = user_data;
  LcsView view;
  g_autofree char *domain = selected_domain (self, &view);
  g_autoptr(LcsSrvEntry) entry = NULL;

  if (domain == NULL)
    {
      lcs_window_show_error (self, _("The deployment has no SIP domain yet"), NULL);
      return;
    }
  entry = lcs_srv_entry_new (domain);
  lcs_window_open_srv_dialog (self, entry, view);
}

static void
on_new_host (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LcsWindow *self = user_data;
  LcsView view;
  g_autofree char *domain = selected_domain (self, &view);
  g_autoptr(LcsHostEntry) entry = NULL;

  if (domain == NULL)
    {
      lcs_window_show_error (self, _("The deployment has no SIP domain yet"), NULL);
      return;
    }
  entry = lcs_host_entry_new (domain);
  lcs_window_open_host_dialog (self, entry, view);
}

static void
on_apply_fix (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LcsWindow *self = user_data;
  g_autoptr(LcsSrvEntry) entry = NULL;
  LcsRowKind kind;
  LcsView view = LCS_VIEW_INTERNAL;
  int index;

  if (!lcs_result_list_get_selected (self->result_list, &kind, &index))
    return;
  entry = lcs_window_fix_entry_for_row (self, kind, index, &view);
  if (entry != NULL)
    lcs_window_open_srv_dialog (self, entry, view);
}

static void
on_properties_dialog_response (GtkDialog *dialog,
                               int        response,
                               LcsWindow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      LcsProfile *profile = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));

      /* The dialog edits a copy of the profile: added records, zones and the checklist come
       * along, and the change can be undone. */
      if (profile != NULL)
        {
          lcs_document_replace_profile (self->doc, profile);
          /* A live result answers the old deployment's questions: check the new one afresh. */
          lcs_document_set_report (self->doc, NULL, 0);
          lcs_window_profile_replaced (self);
        }
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

/* Properties on a record row: the record in the dialog Windows would show for it, filled in.
 * A required record shows what DNS holds (or the plan where DNS holds nothing); a misplaced
 * one shows the owner it sits at, so the dialog's findings explain the mistake. */

static LcsSrvEntry *
srv_entry_for (const char *owner,
               const char *domain,
               const char *rdata)
{
  g_auto(GStrv) fields = g_strsplit (rdata, " ", 4);
  guint64 numbers[3] = { 0, 0, 0 };
  LcsSrvEntry *entry;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (numbers) && fields[i] != NULL; i++)
    g_ascii_string_to_unsigned (fields[i], 10, 0, G_MAXUINT16, &numbers[i], NULL);
  entry = lcs_srv_entry_from_record (owner, domain, numbers[0], numbers[1], numbers[2],
                                     g_strv_length (fields) == 4 ? fields[3] : NULL);
  return entry != NULL ? entry : lcs_srv_entry_new (domain);
}

static LcsHostEntry *
host_entry_for (const char *owner,
                const char *domain,
                const char *address)
{
  LcsHostEntry *entry = lcs_host_entry_new (domain);
  g_autofree char *relative = lcs_name_relative (owner, domain);

  g_free (entry->name);
  entry->name = relative == NULL ? lcs_name_bare (owner)
                                 : g_strdup (g_str_equal (relative, "@") ? "" : relative);
  g_free (entry->address);
  entry->address = g_strdup (address);
  return entry;
}

static void
open_record_dialog (LcsWindow  *self,
                    LcsView     view,
                    guint16     type,
                    const char *owner,
                    const char *domain,
                    const char *data)
{
  if (type == LCS_TYPE_SRV)
    {
      g_autoptr(LcsSrvEntry) entry = srv_entry_for (owner, domain, data);
      lcs_window_open_srv_dialog (self, entry, view);
    }
  else
    {
      g_autoptr(LcsHostEntry) entry = host_entry_for (owner, domain, data);
      lcs_window_open_host_dialog (self, entry, view);
    }
}

static gboolean
open_selected_record (LcsWindow *self)
{
  LcsRowKind kind;
  LcsView view;
  int index;

  if (!lcs_result_list_get_selected (self->result_list, &kind, &index))
    return FALSE;
  if (kind == LCS_ROW_RECORD && lcs_document_result_at (self->doc, index) != NULL)
    {
      const LcsRecordResult *result = lcs_document_result_at (self->doc, index);
      const LcsPlannedRecord *planned = result->planned;
      g_autofree char *data = result->found->len > 0
                              ? g_strdup (g_ptr_array_index (result->found, 0))
                              : lcs_planned_record_data (planned);

      open_record_dialog (self, planned->view, planned->type,
                          result->misplaced_at ? result->misplaced_at : planned->name,
                          planned->domain, data);
      return TRUE;
    }
  if (kind == LCS_ROW_ADDED && lcs_document_added_at (self->doc, index, &view) != NULL)
    {
      const LcsRecord *record = lcs_document_added_at (self->doc, index, &view);
      const char *domain = lcs_result_list_domain_of (self->doc->profile, record->owner);
      g_autofree char *parent = lcs_name_parent (record->owner);

      if (record->type != LCS_TYPE_SRV && record->type != LCS_TYPE_A &&
          record->type != LCS_TYPE_AAAA)
        return FALSE;
      open_record_dialog (self, view, record->type, record->owner, domain ? domain : parent,
                          record->rdata);
      return TRUE;
    }
  return FALSE;
}

void
lcs_window_edit_properties (LcsWindow *self)
{
  GtkWidget *dialog = lcs_properties_dialog_new (GTK_WINDOW (self), self->doc->profile);

  g_signal_connect (dialog, "response", G_CALLBACK (on_properties_dialog_response), self);
  gtk_widget_show (dialog);
}

static void
on_properties (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LcsWindow *self = user_data;

  if (!open_selected_record (self))
    lcs_window_edit_properties (self);
}

/* The live check. */

static const GActionEntry record_actions[] = {
  { "new-host", on_new_host, NULL, NULL, NULL, { 0 } },
  { "new-srv", on_new_srv, NULL, NULL, NULL, { 0 } },
  { "apply-fix", on_apply_fix, NULL, NULL, NULL, { 0 } },
  { "properties", on_properties, NULL, NULL, NULL, { 0 } },
};

void
lcs_window_add_record_actions (LcsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), record_actions, G_N_ELEMENTS (record_actions), self);
}
