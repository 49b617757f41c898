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
                              int         index)
{
  const LcsReport *report = self->doc->report;
  const LcsRecordResult *result;

  if (report == NULL)
    return NULL;
  if (kind == LCS_ROW_FINDING)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, index);

      return finding->fix_entry != NULL ? lcs_srv_entry_copy (finding->fix_entry) : NULL;
    }
  if (kind != LCS_ROW_RECORD)
    return NULL;

  result = g_ptr_array_index (report->results, index);
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

static void
on_srv_dialog_response (GtkDialog *dialog,
                        int        response,
                        LcsWindow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      g_autoptr(LcsSrvEntry) entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
      g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, self->doc->profile);

      if (result->record == NULL)
        {
          lcs_window_show_error (self, _("The record cannot be created: a field is not valid"), NULL);
          return;
        }
      lcs_document_add_record (self->doc, g_steal_pointer (&result->record));
      lcs_window_refresh (self);
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
lcs_window_open_srv_dialog (LcsWindow         *self,
                            const LcsSrvEntry *initial)
{
  GtkWidget *dialog = lcs_srv_dialog_new (GTK_WINDOW (self), self->doc->profile, initial);

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

      if (result->type == 0 || result->fqdn == NULL)
        {
          lcs_window_show_error (self, _("The host cannot be created: the IP address is not valid"), NULL);
          return;
        }
      lcs_document_add_record (self->doc, lcs_record_new_address (result->fqdn, LCS_WINDOWS_TTL, entry->address));
      lcs_window_refresh (self);
      /* Like Windows: Add Host keeps the dialog open for the next host; Done closes it. */
      lcs_host_dialog_clear (LCS_HOST_DIALOG (dialog));
      return;
    }
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
lcs_window_open_host_dialog (LcsWindow          *self,
                             const LcsHostEntry *initial)
{
  GtkWidget *dialog = lcs_host_dialog_new (GTK_WINDOW (self), self->doc->profile, initial);

  g_signal_connect (dialog, "response", G_CALLBACK (on_host_dialog_response), self);
  gtk_widget_show (dialog);
  return dialog;
}

/* The domain of the selected node, so that a new record lands in the zone the admin is looking at. */
static char *
selected_domain (LcsWindow *self)
{
  LcsNode node;
  char *domain = NULL;

  if (lcs_console_tree_selected (self->console_tree, &node))
    {
      domain = g_steal_pointer (&node.domain);
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
  g_autofree char *domain = selected_domain (self);
  g_autoptr(LcsSrvEntry) entry = NULL;

  if (domain == NULL)
    {
      lcs_window_show_error (self, _("The deployment has no SIP domain yet"), NULL);
      return;
    }
  entry = lcs_srv_entry_new (domain);
  lcs_window_open_srv_dialog (self, entry);
}

static void
on_new_host (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LcsWindow *self = user_data;
  g_autofree char *domain = selected_domain (self);
  g_autoptr(LcsHostEntry) entry = NULL;

  if (domain == NULL)
    {
      lcs_window_show_error (self, _("The deployment has no SIP domain yet"), NULL);
      return;
    }
  entry = lcs_host_entry_new (domain);
  lcs_window_open_host_dialog (self, entry);
}

static void
on_apply_fix (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LcsWindow *self = user_data;
  g_autoptr(LcsSrvEntry) entry = NULL;
  LcsRowKind kind;
  int index;

  if (!lcs_result_list_get_selected (self->result_list, &kind, &index))
    return;
  entry = lcs_window_fix_entry_for_row (self, kind, index);
  if (entry != NULL)
    lcs_window_open_srv_dialog (self, entry);
}

static void
on_properties_dialog_response (GtkDialog *dialog,
                               int        response,
                               LcsWindow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      LcsProfile *profile = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));

      if (profile != NULL)
        {
          LcsDocument *doc = lcs_document_new (profile, self->doc->path);

          /* The edited profile keeps the added records, the zone and the unsaved state. */
          if (profile->records->len == 0 && self->doc->profile->records->len > 0)
            {
              g_ptr_array_unref (profile->records);
              profile->records = g_ptr_array_ref (self->doc->profile->records);
            }
          for (guint view = LCS_VIEW_INTERNAL; view <= LCS_VIEW_EXTERNAL; view++)
            for (guint i = 0; i < self->doc->zones[view]->len; i++)
              lcs_document_add_zone (doc, view, g_ptr_array_index (self->doc->zones[view], i));
          doc->demo = self->doc->demo;
          doc->dirty = TRUE;
          lcs_window_set_document (self, doc);
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
                    guint16     type,
                    const char *owner,
                    const char *domain,
                    const char *data)
{
  if (type == LCS_TYPE_SRV)
    {
      g_autoptr(LcsSrvEntry) entry = srv_entry_for (owner, domain, data);
      lcs_window_open_srv_dialog (self, entry);
    }
  else
    {
      g_autoptr(LcsHostEntry) entry = host_entry_for (owner, domain, data);
      lcs_window_open_host_dialog (self, entry);
    }
}

static gboolean
open_selected_record (LcsWindow *self)
{
  LcsRowKind kind;
  int index;

  if (!lcs_result_list_get_selected (self->result_list, &kind, &index))
    return FALSE;
  if (kind == LCS_ROW_RECORD && self->doc->report != NULL)
    {
      const LcsRecordResult *result = g_ptr_array_index (self->doc->report->results, index);
      const LcsPlannedRecord *planned = result->planned;
      g_autofree char *data = result->found->len > 0
                              ? g_strdup (g_ptr_array_index (result->found, 0))
                              : lcs_planned_record_data (planned);

      open_record_dialog (self, planned->type,
                          result->misplaced_at ? result->misplaced_at : planned->name,
                          planned->domain, data);
      return TRUE;
    }
  if (kind == LCS_ROW_ADDED)
    {
      const LcsRecord *record = g_ptr_array_index (self->doc->profile->records, index);
      const char *domain = lcs_result_list_domain_of (self->doc->profile, record->owner);
      g_autofree char *parent = lcs_name_parent (record->owner);

      if (record->type != LCS_TYPE_SRV && record->type != LCS_TYPE_A &&
          record->type != LCS_TYPE_AAAA)
        return FALSE;
      open_record_dialog (self, record->type, record->owner, domain ? domain : parent,
                          record->rdata);
      return TRUE;
    }
  return FALSE;
}

static void
on_properties (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LcsWindow *self = user_data;
  GtkWidget *dialog;

  if (open_selected_record (self))
    return;
  dialog = lcs_properties_dialog_new (GTK_WINDOW (self), self->doc->profile);

  g_signal_connect (dialog, "response", G_CALLBACK (on_properties_dialog_response), self);
  gtk_widget_show (dialog);
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
