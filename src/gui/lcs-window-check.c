/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live check from the window: progress, elapsed time and Cancel in the status bar, never a
 * blocked main loop. Rows fill in as their answers arrive, at most every tick. */
#include "config.h"

#include "lcs-window-private.h"

#include <glib/gi18n.h>

static void
set_checking (LcsWindow *self,
              gboolean   checking)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), checking);
  gtk_widget_set_visible (GTK_WIDGET (self->elapsed_label), checking);
  gtk_widget_set_visible (self->cancel_button, checking);
  lcs_window_set_action_enabled (self, "check-now", !checking);
  lcs_window_set_action_enabled (self, "live-check", !checking);
  lcs_window_set_action_enabled (self, "cancel-check", checking);
  g_object_notify (G_OBJECT (self), "checking");
}

static void
update_progress (LcsWindow *self)
{
  double elapsed = (g_get_monotonic_time () - self->live_start) / 1e6;
  g_autofree char *elapsed_text = g_strdup_printf (_("%.1f s"), elapsed);
  g_autofree char *progress_text = g_strdup_printf (_("%u of %u answered"), self->answered, self->asked);

  gtk_label_set_text (self->elapsed_label, elapsed_text);
  gtk_progress_bar_set_text (self->progress_bar, progress_text);
  if (self->asked > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) self->answered / self->asked);
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

void
lcs_window_show_partial (LcsWindow             *self,
                         const LcsObservations *obs)
{
  g_autoptr(LcsReport) partial = NULL;

  if (obs == NULL || lcs_result_list_count_checking (self->result_list) == 0)
    return;
  partial = lcs_check_observations (self->doc->profile, obs, LCS_SOURCE_LIVE);
  for (guint i = 0; i < partial->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (partial->results, i);

      if (lcs_live_check_settled (obs, result->planned))
        lcs_result_list_settle (self->result_list, result);
    }
}

static gboolean
on_elapsed_tick (gpointer user_data)
{
  LcsWindow *self = user_data;

  if (self->live != NULL)
    {
      lcs_live_check_get_progress (self->live, &self->answered, &self->asked);
      /* Not on every answer: one check of what is known per tick keeps the loop free. */
      if (self->answered != self->shown_answered)
        {
          lcs_window_show_partial (self, lcs_live_check_peek_observations (self->live));
          self->shown_answered = self->answered;
        }
    }
  update_progress (self);
  return G_SOURCE_CONTINUE;
}

static void
on_live_progress (guint    answered,
                  guint    asked,
                  gpointer user_data)
{
  LcsWindow *self = user_data;

  self->answered = answered;
  self->asked = asked;
  update_progress (self);
}

static void
on_live_done (LcsReport       *report,
              LcsObservations *obs,
              const GError    *error,
              gpointer         user_data)
{
  LcsWindow *self = user_data;
  double seconds = (g_get_monotonic_time () - self->live_start) / 1e6;

  self->live = NULL;
  g_clear_handle_id (&self->elapsed_id, g_source_remove);
  if (report != NULL)
    {
      /* From now on Check now asks the servers again, zone files or not. */
      self->doc->live = TRUE;
      lcs_document_add_cert_findings (self->doc, report);
      lcs_document_set_report (self->doc, report, seconds);
      /* Kept for Export… > Fix script. */
      self->doc->obs = obs;
    }
  lcs_window_refresh_panes (self);
  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Check cancelled after %.1f s; %u of %u answered"),
                                               seconds, self->answered, self->asked);

      gtk_label_set_text (self->status_label, text);
    }
  else if (report == NULL)
    lcs_window_show_error (self, _("The live check could not run"), error);
  set_checking (self, FALSE);
  g_object_unref (self);
}

static void
start_live_check (LcsWindow *self)
{
  if (!lcs_live_check_available ())
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("This build has no live lookup (c-ares); "
                                                       "use File → Import Zone File… to check offline."));

      lcs_window_show_error (self, _("Live check not available"), error);
      return;
    }
  /* The live result replaces the document's report: an offline check still running may not. */
  lcs_window_supersede_checks (self);
  self->answered = 0;
  self->asked = 0;
  self->shown_answered = 0;
  self->live_start = g_get_monotonic_time ();
  /* The window stays alive until the check has called back. */
  self->live = lcs_live_check_start (self->doc->profile, on_live_progress, on_live_done, g_object_ref (self));
  self->elapsed_id = g_timeout_add (100, on_elapsed_tick, self);
  lcs_result_list_show_report (self->result_list, self->doc->report, self->doc->profile, TRUE);
  gtk_label_set_text (self->status_label, _("Checking…"));
  update_progress (self);
  set_checking (self, TRUE);
}

enum {
  RESPONSE_SYSTEM_RESOLVER = 1,
  RESPONSE_NAME_SERVERS = 2,
};

static void
on_servers_question_response (GtkDialog *dialog,
                              int        response,
                              LcsWindow *self)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == RESPONSE_SYSTEM_RESOLVER)
    {
      self->doc->system_resolver = TRUE;
      start_live_check (self);
    }
  else if (response == RESPONSE_NAME_SERVERS)
    lcs_window_edit_properties (self);
}

/* docs/spec.md §7: no query goes to a server the admin did not choose; the system's resolver is one
 * choice among others, never a default. */
static void
ask_for_servers (LcsWindow *self)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Which DNS servers should the live check ask?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("No DNS server is named for every view of this deployment. "
                                              "Name the servers in Properties, or ask the system's resolver "
                                              "(the servers this computer uses) for the views without one."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Name DNS Servers…"), RESPONSE_NAME_SERVERS,
                          _("Ask the _System's Resolver"), RESPONSE_SYSTEM_RESOLVER,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_NAME_SERVERS);
  g_signal_connect (dialog, "response", G_CALLBACK (on_servers_question_response), self);
  gtk_widget_show (dialog);
}

void
lcs_window_live_check (LcsWindow *self)
{
  if (self->live != NULL)
    return;
  if (lcs_document_servers_chosen (self->doc))
    start_live_check (self);
  else
    ask_for_servers (self);
}

void
lcs_window_check_now (LcsWindow *self)
{
  if (self->live != NULL)
    return;
  /* F5 is Refresh: the source the view is checked against, read again (in a thread). */
  if (!self->doc->live && lcs_document_has_zones (self->doc))
    lcs_window_load_zones (self, TRUE);
  else
    lcs_window_live_check (self);
}

void
lcs_window_cancel_check (LcsWindow *self)
{
  if (self->live != NULL)
    lcs_live_check_cancel (self->live);
}

gboolean
lcs_window_is_checking (LcsWindow *self)
{
  return self->live != NULL;
}

static void
on_check_now (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  lcs_window_check_now (user_data);
}

static void
on_cancel_check (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  lcs_window_cancel_check (user_data);
}

static void
on_live_check (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  lcs_window_live_check (user_data);
}

static const GActionEntry check_actions[] = {
  { "check-now", on_check_now, NULL, NULL, NULL, { 0 } },
  { "live-check", on_live_check, NULL, NULL, NULL, { 0 } },
  { "cancel-check", on_cancel_check, NULL, NULL, NULL, { 0 } },
};

void
lcs_window_add_check_actions (LcsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), check_actions, G_N_ELEMENTS (check_actions), self);
}
