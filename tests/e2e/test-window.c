/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window on the bundled demo, driven through its actions: the offline check shows
 * findings, the console tree filters the rows, a row's details carry its fix, "Apply fix" opens
 * the SRV dialog with the fix filled in, OK adds the record, and the checklist and the added
 * record survive Save and Open. Runs under Xvfb. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/demo.h>

#include "e2e-util.h"
#include "gui-test-util.h"
#include "lcs-application.h"
#include "lcs-console-tree.h"
#include "lcs-help-window.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"
#include "lcs-window-private.h"
#include "lcs-zoom.h"

static void
test_demo_shows_findings (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  guint all;

  g_assert_nonnull (doc->report);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);
  g_assert_cmpuint (doc->report->errors, >, 0);
  all = lcs_result_list_count_visible (window->result_list);
  g_assert_cmpuint (all, >=, doc->report->results->len);
  g_assert_nonnull (strstr (gtk_label_get_text (window->status_label), "errors"));
  g_assert_nonnull (strstr (gtk_label_get_text (window->status_label), "contoso.com.dns"));

  /* One domain's internal view shows fewer rows than the whole deployment. */
  lcs_console_tree_select (window->console_tree, LCS_NODE_VIEW, "fabrikam.com", LCS_VIEW_INTERNAL);
  g_assert_cmpuint (lcs_result_list_count_visible (window->result_list), >, 0);
  g_assert_cmpuint (lcs_result_list_count_visible (window->result_list), <, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "results");

  lcs_console_tree_select (window->console_tree, LCS_NODE_CHECKLIST, NULL, LCS_VIEW_ANY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "checklist");

  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_apply_fix_adds_record (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  const char *owner = "_sipinternaltls._tcp.contoso.com.";
  g_autofree char *details = NULL;
  g_autoptr(LcsSrvEntry) entry = NULL;
  GtkWidget *dialog;
  const LcsRecord *added;

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "apply-fix"));
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, owner));
  details = lcs_details_pane_get_text (window->details_pane);
  g_assert_nonnull (strstr (details, "srv-split"));
  g_assert_nonnull (strstr (details, "Fix:"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "apply-fix"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "apply-fix", NULL);
  dialog = e2e_find_dialog (LCS_TYPE_SRV_DIALOG);
  g_assert_nonnull (dialog);
  entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
  g_assert_cmpstr (entry->service, ==, "_sipinternaltls");
  g_assert_cmpstr (entry->protocol, ==, "_tcp");
  g_assert_cmpstr (entry->domain, ==, "contoso.com");

  g_assert_false (doc->dirty);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  e2e_spin (50);
  doc = lcs_window_get_document (window);
  g_assert_true (doc->dirty);
  g_assert_nonnull (doc->profile->records);
  g_assert_cmpuint (doc->profile->records->len, ==, 1);
  added = g_ptr_array_index (doc->profile->records, 0);
  g_assert_cmpstr (added->owner, ==, owner);
  g_assert_cmpuint (added->type, ==, LCS_TYPE_SRV);
  g_assert_cmpuint (added->port, ==, 5061);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, owner));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  /* Offline, the added record counts as part of its zone: the required record is now found. */
  for (guint i = 0; i < doc->report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (doc->report->results, i);

      if (result->planned->view == LCS_VIEW_INTERNAL && lcs_name_equal (result->planned->name, owner))
        g_assert_cmpint (result->status, ==, LCS_STATUS_OK);
    }

  doc->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_checklist_and_records_are_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.lcsdns", NULL);
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  g_autoptr(LcsProfile) reloaded = NULL;

  g_assert_no_error (error);
  lcs_console_tree_select (window->console_tree, LCS_NODE_CHECKLIST, NULL, LCS_VIEW_ANY);
  {
    g_autoptr(GPtrArray) ticks = g_ptr_array_new ();

    g_ptr_array_add (ticks, (gpointer) "backup-dcs");
    g_ptr_array_add (ticks, (gpointer) "cert-san");
    lcs_checklist_page_set_done (window->checklist_page, ticks);
  }
  /* set_done is the load path and marks nothing; a tick by the admin does. */
  g_assert_false (doc->dirty);
  g_signal_emit_by_name (window->checklist_page, "changed");
  g_assert_true (doc->dirty);
  lcs_document_add_record (doc, LCS_VIEW_INTERNAL, lcs_record_new_address ("sip.fabrikam.com.", 3600, "10.0.0.50"));

  g_assert_true (lcs_document_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_false (doc->dirty);

  reloaded = lcs_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->checklist_done->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (reloaded->checklist_done, "backup-dcs", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (reloaded->checklist_done, "cert-san", g_str_equal, NULL));
  g_assert_cmpuint (reloaded->records->len, ==, 1);
  g_assert_cmpstr (((LcsRecord *) g_ptr_array_index (reloaded->records, 0))->owner, ==, "sip.fabrikam.com.");

  g_assert_true (lcs_window_open_file (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "sip.fabrikam.com."));

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_file_is_an_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.lcsdns", NULL);
  LcsWindow *window = e2e_demo_window ();

  g_assert_true (g_file_set_contents (path, "[deployment]\nproduct=lcs1999\n", -1, &error));
  g_assert_false (lcs_window_open_file (window, path, &error));
  g_assert_nonnull (error);
  /* The demo stays open. */
  g_assert_true (lcs_window_get_document (window)->demo);

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* File → New with unsaved changes asks first; Cancel keeps everything, "Close without Saving"
 * goes on to the new deployment's properties. */
static void
test_new_asks_before_discarding (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  GtkWidget *question;

  doc->dirty = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  question = e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_null (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  e2e_spin (20);
  g_assert_null (e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));
  g_assert_true (lcs_window_get_document (window) == doc);
  g_assert_true (doc->dirty);

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  question = e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  /* "Close without Saving" */
  gtk_dialog_response (GTK_DIALOG (question), 1);
  e2e_spin (20);
  g_assert_nonnull (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));
  gtk_widget_destroy (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));

  doc->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

/* What Export writes: commands an admin pastes, and the report. */
static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *cmd = g_build_filename (dir, "fix.cmd", NULL);
  g_autofree char *csv = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *text = NULL;
  LcsWindow *window = e2e_demo_window ();

  g_assert_true (lcs_window_export_to (window, cmd, LCS_FORMAT_DNSCMD, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (cmd, &text, NULL, &error));
  /* The demo lacks sip.fabrikam.com: its host record is among the commands. */
  g_assert_nonnull (strstr (text, "/RecordAdd fabrikam.com"));
  /* cmd.exe runs it: every line ends in CRLF (issue 11 item 12). */
  g_assert_nonnull (strstr (text, "\r\n"));
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  g_clear_pointer (&text, g_free);

  g_assert_true (lcs_window_export_to (window, csv, LCS_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "_sipinternaltls._tcp.contoso.com."));

  /* The file's extension follows the chosen format (issue 11 item 12). */
  {
    static const struct {
      const char *typed;
      LcsFormat   format;
      const char *written;
    } names[] = {
      { "lcsdns-report.html", LCS_FORMAT_DNSCMD, "lcsdns-report.cmd" },
      { "fix", LCS_FORMAT_POWERSHELL, "fix.ps1" },
      { "fix.CMD", LCS_FORMAT_DNSCMD, "fix.CMD" },
      { "zone.json", LCS_FORMAT_BIND, "zone.zone" },
      { "notes.txt", LCS_FORMAT_CSV, "notes.txt.csv" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *written = lcs_window_export_path (names[i].typed, names[i].format);

        g_assert_cmpstr (written, ==, names[i].written);
      }
  }

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (cmd);
  g_unlink (csv);
  g_rmdir (dir);
}

static guint
count_rule (const LcsReport *report,
            const char      *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < report->findings->len; i++)
    if (g_str_equal (((LcsFinding *) g_ptr_array_index (report->findings, i))->rule->id, rule_id))
      n++;
  return n;
}

/* The Certificates page under the Certificates node; a certificate that names only the pool:
 * its missing names count in the window's report. */
static void
test_certificate_findings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *cert = g_build_filename (dir, "pool.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "pool.key", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  const char *argv[] = {
    openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
    "-subj", "/CN=lcspool.contoso.com", "-addext", "subjectAltName=DNS:lcspool.contoso.com",
    "-days", "30", NULL,
  };
  LcsWindow *window;
  LcsDocument *doc;
  guint missing, before;
  int status = 0;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is needed to make a test certificate");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));

  window = e2e_demo_window ();
  lcs_console_tree_select (window->console_tree, LCS_NODE_CERTIFICATES, NULL, LCS_VIEW_ANY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "certificates");
  lcs_console_tree_select (window->console_tree, LCS_NODE_DEPLOYMENT, NULL, LCS_VIEW_ANY);
  before = lcs_result_list_count_visible (window->result_list);

  g_assert_true (lcs_cert_page_load_file (window->cert_page, cert, NULL, &error));
  g_assert_no_error (error);
  doc = lcs_window_get_document (window);
  missing = count_rule (doc->report, "cert-san-missing");
  /* sip.fabrikam.com at least: the second SIP domain's host is not in the SAN list. */
  g_assert_cmpuint (missing, >, 0);
  g_assert_cmpuint (lcs_result_list_count_visible (window->result_list), >=, before + missing);

  /* Loading it again replaces the certificate findings instead of adding them twice. */
  g_assert_true (lcs_cert_page_load_file (window->cert_page, cert, NULL, &error));
  g_assert_cmpuint (count_rule (doc->report, "cert-san-missing"), ==, missing);

  /* They stay in the report after the next check (here: adding a record re-checks offline). */
  lcs_document_add_record (doc, LCS_VIEW_INTERNAL, lcs_record_new_address ("sip.fabrikam.com.", 3600, "10.0.0.50"));
  lcs_window_refresh (window);
  e2e_wait_loaded (window);
  g_assert_cmpuint (count_rule (doc->report, "cert-san-missing"), ==, missing);
  doc->dirty = FALSE;

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (cert);
  g_unlink (key);
  g_rmdir (dir);
}

/* The accelerators of the brief, and real key presses through the window's key handling. */
static void
test_keyboard (void)
{
  static const struct {
    const char *accel;
    const char *action;
  } expected[] = {
    { "F5", "win.check-now" },
    { "<Control>F5", "win.live-check" },
    { "<Control>plus", "app.zoom-in" },
    { "<Control>minus", "app.zoom-out" },
    { "<Control>0", "app.zoom-reset" },
    { "<Control>n", "win.new" },
    { "<Control>o", "win.open" },
    { "<Control>s", "win.save" },
    { "<Control><Shift>s", "win.save-as" },
    { "<Control>e", "win.export" },
    { "<Control>q", "app.quit" },
    { "F1", "app.help" },
  };
  LcsApplication *app = e2e_application ();
  g_autoptr(GError) error = NULL;
  LcsWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), expected[i].accel);

      g_assert_true (g_strv_contains ((const char *const *) actions, expected[i].action));
    }

  window = lcs_window_new (app);
  g_assert_true (lcs_window_open_demo (window, &error));
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (100);

  /* Keys go to the focused widget's window, as typed; the window's accelerators act on them. */
  gtk_widget_grab_focus (GTK_WIDGET (window->console_tree));
  g_assert_null (e2e_find_dialog (LCS_TYPE_HELP_WINDOW));
  test_press_key (GTK_WIDGET (window), GDK_KEY_F1, 0);
  g_assert_nonnull (e2e_find_dialog (LCS_TYPE_HELP_WINDOW));
  gtk_widget_destroy (e2e_find_dialog (LCS_TYPE_HELP_WINDOW));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "results");
  test_press_key (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "checklist");

  gtk_widget_destroy (GTK_WIDGET (window));
}

/* Item 1 of issue 11: with a record row selected, a new document (File → New, then OK; or
 * File → Open of a profile without zone files) replaces the report the row pointed into. No
 * handler may read the old report, nor a report the new document does not have yet. */
static void
test_new_with_row_selected (void)
{
  LcsWindow *window = e2e_demo_window ();
  GtkWidget *dialog;
  GObject *domains, *pool, *pool_ip;

  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  dialog = e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG);
  g_assert_nonnull (dialog);
  domains = gtk_widget_get_template_child (dialog, LCS_TYPE_PROPERTIES_DIALOG, "domains_view");
  pool = gtk_widget_get_template_child (dialog, LCS_TYPE_PROPERTIES_DIALOG, "pool_entry");
  pool_ip = gtk_widget_get_template_child (dialog, LCS_TYPE_PROPERTIES_DIALOG, "pool_ip_entry");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (domains)), "example.org", -1);
  gtk_entry_set_text (GTK_ENTRY (pool), "lcs.example.org");
  gtk_entry_set_text (GTK_ENTRY (pool_ip), "10.0.0.5");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  e2e_spin (50);

  g_assert_false (lcs_window_get_document (window)->demo);
  g_assert_nonnull (lcs_window_get_document (window)->report);
  g_assert_cmpuint (lcs_window_get_document (window)->profile->domains->len, ==, 1);
  /* The new deployment's rows are there and can be selected. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, NULL));

  lcs_window_get_document (window)->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_open_with_row_selected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plain.lcsdns", NULL);
  LcsWindow *window = e2e_demo_window ();

  g_assert_true (g_file_set_contents (path, "[deployment]\nproduct=lync\ndomains=example.org\n"
                                      "pool=lcs.example.org\npool-ip=10.0.0.5\n", -1, &error));
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  g_assert_true (lcs_window_open_file (window, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lcs_window_get_document (window)->report);
  g_assert_cmpint (lcs_window_get_document (window)->report->kind, ==, LCS_SOURCE_PLAN);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, NULL));

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* docs/spec.md §7: F5 on the demo re-reads its zone files and checks them again; no live check starts. */
static void
test_f5_rereads_zones (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = lcs_demo_dir ();
  g_autofree char *dir = g_dir_make_tmp ("lcs-window-XXXXXX", &error);
  g_autofree char *source = g_build_filename (demo, "contoso.com.dns", NULL);
  g_autofree char *zone = g_build_filename (dir, "contoso.com.dns", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fixed = NULL;
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc;
  g_autofree char *status = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, &error));
  g_assert_true (g_file_set_contents (zone, text, -1, &error));
  doc = lcs_document_open_demo (&error);
  g_assert_no_error (error);
  g_ptr_array_set_size (doc->profile->zones[LCS_VIEW_INTERNAL], 0);
  lcs_document_add_zone (doc, LCS_VIEW_INTERNAL, zone);
  lcs_window_set_document (window, doc);
  e2e_wait_loaded (window);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);
  status = lcs_result_list_get_status (window->result_list, "_sipinternaltls._tcp.contoso.com.", LCS_TYPE_SRV, LCS_VIEW_INTERNAL);
  g_assert_cmpstr (status, !=, "OK");
  g_clear_pointer (&status, g_free);

  /* The admin fixes the zone in DNS Manager and exports it again: F5 shows the new state. */
  fixed = g_strconcat (text, "\n_sipinternaltls._tcp SRV 0 0 5061 lcspool.contoso.com.\n", NULL);
  g_assert_true (g_file_set_contents (zone, fixed, -1, &error));
  g_action_group_activate_action (G_ACTION_GROUP (window), "check-now", NULL);
  g_assert_false (lcs_window_is_checking (window));
  g_assert_true (lcs_window_is_loading (window));
  e2e_wait_loaded (window);
  g_assert_null (e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG));
  doc = lcs_window_get_document (window);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);
  g_assert_nonnull (strstr (gtk_label_get_text (window->status_label), "offline"));
  status = lcs_result_list_get_status (window->result_list, "_sipinternaltls._tcp.contoso.com.", LCS_TYPE_SRV, LCS_VIEW_INTERNAL);
  g_assert_cmpstr (status, ==, "OK");

  gtk_widget_destroy (GTK_WIDGET (window));
  g_unlink (zone);
  g_rmdir (dir);
}

/* With no DNS server named, neither F5 nor the live check asks anyone before the admin chose. */
static void
test_live_check_asks_for_servers (void)
{
  g_autoptr(GError) error = NULL;
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);
  LcsProfile *profile = lcs_profile_new ();
  GtkWidget *question;

  lcs_profile_set (profile, "domains", "example.org", &error);
  lcs_profile_set (profile, "pool", "lcs.example.org", &error);
  lcs_profile_set (profile, "pool-ip", "10.0.0.5", &error);
  g_assert_no_error (error);
  lcs_window_set_document (window, lcs_document_new (profile, NULL));
  gtk_widget_show (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "check-now", NULL);
  g_assert_false (lcs_window_is_checking (window));
  question = e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  e2e_spin (20);
  g_assert_false (lcs_window_is_checking (window));
  g_assert_false (lcs_window_get_document (window)->system_resolver);

  /* "Name DNS Servers…" opens the deployment's Properties. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "live-check", NULL);
  question = e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), 2);
  e2e_spin (20);
  g_assert_false (lcs_window_is_checking (window));
  g_assert_nonnull (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));
  gtk_widget_destroy (e2e_find_dialog (LCS_TYPE_PROPERTIES_DIALOG));

  /* A server named for the internal view only: the external one would go to the system's
   * resolver, so the question still comes. */
  lcs_profile_set (lcs_window_get_document (window)->profile, "internal-dns", "127.0.0.1:9", &error);
  lcs_profile_set (lcs_window_get_document (window)->profile, "edge", "edge.example.org", &error);
  g_assert_no_error (error);
  g_assert_false (lcs_document_servers_chosen (lcs_window_get_document (window)));
  lcs_profile_set (lcs_window_get_document (window)->profile, "external-dns", "127.0.0.1:9", &error);
  g_assert_true (lcs_document_servers_chosen (lcs_window_get_document (window)));

  gtk_widget_destroy (GTK_WIDGET (window));
}

/* File → Open or Reset the Demo: back to the demo as shipped, after the question. */
static void
test_open_demo (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  GtkWidget *question;

  lcs_document_add_record (doc, LCS_VIEW_INTERNAL, lcs_record_new_address ("sip.fabrikam.com.", 3600, "10.0.0.50"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-demo", NULL);
  question = e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), 1);
  e2e_spin (20);
  e2e_wait_loaded (window);
  doc = lcs_window_get_document (window);
  g_assert_true (doc->demo);
  g_assert_false (doc->dirty);
  g_assert_cmpuint (doc->profile->records->len, ==, 0);
  g_assert_cmpint (doc->report->kind, ==, LCS_SOURCE_ZONE);

  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
set_field (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  gtk_entry_set_text (GTK_ENTRY (gtk_widget_get_template_child (dialog, G_OBJECT_TYPE (dialog), name)), text);
}

/* Issue 11 item 3: New SRV from an External view checks against that view's plan (E(D)), and
 * the record it adds belongs to that view only. */
static void
test_srv_dialog_knows_its_view (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc;
  GtkWidget *dialog;
  const LcsSrvResult *result;
  const LcsFinding *target = NULL;
  guint external_rows;

  lcs_console_tree_select (window->console_tree, LCS_NODE_VIEW, "contoso.com", LCS_VIEW_EXTERNAL);
  external_rows = lcs_result_list_count_visible (window->result_list);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-srv", NULL);
  dialog = e2e_find_dialog (LCS_TYPE_SRV_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (lcs_srv_dialog_get_view (LCS_SRV_DIALOG (dialog)), ==, LCS_VIEW_EXTERNAL);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (dialog)), "External"));

  /* A target in another domain is fixed to the Access Edge, not to the internal pool. */
  set_field (dialog, "service_entry", "_sip");
  set_field (dialog, "protocol_entry", "_tls");
  set_field (dialog, "port_entry", "443");
  set_field (dialog, "target_entry", "sip.fabrikam.com");
  result = lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog));
  for (guint i = 0; i < result->findings->len; i++)
    if (g_str_equal (((LcsFinding *) g_ptr_array_index (result->findings, i))->rule->id, "srv-target-domain"))
      target = g_ptr_array_index (result->findings, i);
  g_assert_nonnull (target);
  g_assert_cmpstr (target->fix_entry->target, ==, "ap.contoso.com.");

  set_field (dialog, "target_entry", "ap.contoso.com");
  g_assert_cmpuint (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->errors, ==, 0);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  e2e_spin (50);

  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->records->len, ==, 0);
  g_assert_cmpuint (doc->profile->external_records->len, ==, 1);
  /* Shown in the external view, not in the internal one. */
  g_assert_cmpuint (lcs_result_list_count_visible (window->result_list), >=, external_rows);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_ADDED, "_sip._tls.contoso.com."));
  lcs_console_tree_select (window->console_tree, LCS_NODE_VIEW, "contoso.com", LCS_VIEW_INTERNAL);
  g_assert_false (lcs_window_select_row (window, LCS_ROW_ADDED, "_sip._tls.contoso.com."));

  doc->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

/* Issue 11 item 4: Priority and Weight left blank are 0 in the check, so OK creates the record
 * the preview shows, instead of "a field is not valid". */
static void
test_blank_priority_is_zero (void)
{
  LcsWindow *window = e2e_demo_window ();
  LcsDocument *doc;
  GtkWidget *dialog;
  const LcsRecord *added;

  lcs_console_tree_select (window->console_tree, LCS_NODE_VIEW, "contoso.com", LCS_VIEW_INTERNAL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-srv", NULL);
  dialog = e2e_find_dialog (LCS_TYPE_SRV_DIALOG);
  set_field (dialog, "service_entry", "_sipinternaltls");
  set_field (dialog, "protocol_entry", "_tcp");
  set_field (dialog, "priority_entry", "");
  set_field (dialog, "weight_entry", "");
  set_field (dialog, "port_entry", "5061");
  set_field (dialog, "target_entry", "lcspool.contoso.com");
  g_assert_nonnull (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->record);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  e2e_spin (50);
  g_assert_null (e2e_find_dialog (GTK_TYPE_MESSAGE_DIALOG));
  doc = lcs_window_get_document (window);
  g_assert_cmpuint (doc->profile->records->len, ==, 1);
  added = g_ptr_array_index (doc->profile->records, 0);
  g_assert_cmpuint (added->priority, ==, 0);
  g_assert_cmpuint (added->port, ==, 5061);

  doc->dirty = FALSE;
  gtk_widget_destroy (GTK_WIDGET (window));
}

/* Waits (bounded, generously) until @window is allocated @width × @height. */
static void
resize_and_wait (LcsWindow *window,
                 int        width,
                 int        height)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_resize (GTK_WINDOW (window), width, height);
  while ((gtk_widget_get_allocated_width (GTK_WIDGET (window)) != width
          || gtk_widget_get_allocated_height (GTK_WIDGET (window)) != height)
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  e2e_spin (50);
}

/* The bottom of @widget, in @window's coordinates. */
static int
bottom_of (GtkWidget *widget,
           LcsWindow *window)
{
  int x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (window), 0, 0, &x, &y));
  return y + gtk_widget_get_allocated_height (widget);
}

/* Issue 11 item 6: at 1024×600 (a small laptop) and 1366×768 (a projector) everything fits: the
 * status bar is on screen and the panes keep their minimum widths, on every page. */
static void
test_fits_small_screens (void)
{
  static const int sizes[][2] = { { 1024, 600 }, { 1366, 768 } };
  static const char *const pages[] = { "results", "checklist", "certificates" };
  LcsWindow *window = e2e_demo_window ();
  GtkWidget *tree_pane = gtk_widget_get_parent (GTK_WIDGET (window->console_tree));

  /* The longest details the demo has: a finding's explanation and fix. */
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      int min_width, min_height;

      gtk_stack_set_visible_child_name (window->center_stack, pages[p]);
      gtk_widget_get_preferred_width (GTK_WIDGET (window), &min_width, NULL);
      gtk_widget_get_preferred_height (GTK_WIDGET (window), &min_height, NULL);
      g_test_message ("%s page: minimum %d × %d", pages[p], min_width, min_height);
      g_assert_cmpint (min_width, <=, 1024);
      g_assert_cmpint (min_height, <=, 600);
    }
  gtk_stack_set_visible_child_name (window->center_stack, "results");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      resize_and_wait (window, sizes[s][0], sizes[s][1]);
      g_assert_cmpint (gtk_widget_get_allocated_height (GTK_WIDGET (window)), ==, sizes[s][1]);
      g_assert_true (gtk_widget_get_mapped (window->statusbar));
      g_assert_cmpint (bottom_of (window->statusbar, window), <=, sizes[s][1]);
      g_assert_cmpint (gtk_widget_get_allocated_width (tree_pane), >=, 160);
      g_assert_cmpint (gtk_widget_get_allocated_width (GTK_WIDGET (window->result_list)), >=, 360);
      g_assert_cmpint (gtk_widget_get_allocated_height (GTK_WIDGET (window->result_list)), >=, 120);
    }
  gtk_widget_destroy (GTK_WIDGET (window));
}

static int
font_size_of (GtkWidget *widget)
{
  PangoFontDescription *font = NULL;
  int size;

  gtk_style_context_get (gtk_widget_get_style_context (widget), GTK_STATE_FLAG_NORMAL, "font", &font, NULL);
  size = pango_font_description_get_size (font);
  pango_font_description_free (font);
  return size;
}

/* Issue 11 item 6: Ctrl+plus / Ctrl+minus / Ctrl+0 scale the whole window's text for a room,
 * and the zoom is kept in the user's settings for the next start. */
static void
test_zoom (void)
{
  LcsApplication *app = e2e_application ();
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = lcs_zoom_settings_path ();
  g_autoptr(GKeyFile) saved = g_key_file_new ();
  LcsWindow *window;
  GtkWidget *label;
  int normal;

  g_assert_true (g_str_has_prefix (settings, g_getenv ("XDG_CONFIG_HOME")));
  window = lcs_window_new (app);
  g_assert_true (lcs_window_open_demo (window, &error));
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (50);
  label = GTK_WIDGET (window->status_label);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  normal = font_size_of (label);

  gtk_widget_grab_focus (GTK_WIDGET (window->console_tree));
  test_press_key (GTK_WIDGET (window), GDK_KEY_plus, GDK_CONTROL_MASK);
  test_press_key (GTK_WIDGET (window), GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpint (font_size_of (label), >, normal);

  g_assert_true (g_key_file_load_from_file (saved, settings, G_KEY_FILE_NONE, &error));
  g_assert_cmpfloat (g_key_file_get_double (saved, "view", "zoom", NULL), >, 1.0);
  for (guint i = 0; i < 3; i++)
    {
      double before = lcs_zoom_get ();

      test_press_key (GTK_WIDGET (window), GDK_KEY_minus, GDK_CONTROL_MASK);
      g_assert_cmpfloat (lcs_zoom_get (), <, before);
    }
  g_assert_cmpint (font_size_of (label), <, normal);
  test_press_key (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_cmpint (font_size_of (label), ==, normal);
  g_assert_true (g_key_file_load_from_file (saved, settings, G_KEY_FILE_NONE, &error));
  g_assert_cmpfloat (g_key_file_get_double (saved, "view", "zoom", NULL), ==, 1.0);

  /* The dialogs follow, as they are windows too. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-srv", NULL);
  g_assert_cmpint (font_size_of (e2e_find_dialog (LCS_TYPE_SRV_DIALOG)), >, normal);
  gtk_widget_destroy (e2e_find_dialog (LCS_TYPE_SRV_DIALOG));
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);

  gtk_widget_destroy (GTK_WIDGET (window));
}

/* Issue 11 item 11: the status bar counts what the list draws, colour for colour, in every node;
 * a record row is red only when a finding about it is an error. */
static void
test_counts_and_colours_agree (void)
{
  static const struct {
    LcsNodeKind kind;
    const char *domain;
    int         view;
  } nodes[] = {
    { LCS_NODE_DEPLOYMENT, NULL, LCS_VIEW_ANY },
    { LCS_NODE_VIEW, "contoso.com", LCS_VIEW_INTERNAL },
    { LCS_NODE_VIEW, "contoso.com", LCS_VIEW_EXTERNAL },
    { LCS_NODE_VIEW, "fabrikam.com", LCS_VIEW_INTERNAL },
  };
  LcsWindow *window = e2e_demo_window ();
  const LcsReport *report = lcs_window_get_document (window)->report;
  GtkTreeView *view = GTK_TREE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window->result_list),
                                                                    LCS_TYPE_RESULT_LIST, "view"));

  for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
    {
      GtkTreeModel *model;
      GtkTreeIter iter;
      guint red = 0, orange = 0, errors = 0, warnings = 0;

      lcs_console_tree_select (window->console_tree, nodes[n].kind, nodes[n].domain, nodes[n].view);
      model = gtk_tree_view_get_model (view);
      for (gboolean valid = gtk_tree_model_get_iter_first (model, &iter); valid; valid = gtk_tree_model_iter_next (model, &iter))
        {
          g_autofree char *colour = NULL;
          int kind, index;

          /* Columns: 5 colour, 9 kind, 10 index. */
          gtk_tree_model_get (model, &iter, 5, &colour, 9, &kind, 10, &index, -1);
          red += g_strcmp0 (colour, "#c62828") == 0;
          orange += g_strcmp0 (colour, "#b26a00") == 0;
          if (kind == LCS_ROW_RECORD && g_strcmp0 (colour, "#c62828") == 0)
            {
              const LcsRecordResult *result = g_ptr_array_index (report->results, index);
              gboolean has_finding = FALSE, has_error = FALSE;

              for (guint i = 0; i < report->findings->len; i++)
                {
                  const LcsFinding *finding = g_ptr_array_index (report->findings, i);

                  if (finding->name != NULL && finding->view == result->planned->view
                      && lcs_name_equal (finding->name, result->planned->name))
                    {
                      has_finding = TRUE;
                      has_error = has_error || finding->severity == LCS_SEVERITY_ERROR;
                    }
                }
              if (has_finding && !has_error)
                g_error ("%s is drawn as an error, but its findings are warnings", result->planned->name);
            }
        }
      g_assert_cmpint (sscanf (gtk_label_get_text (window->status_label), "%u errors, %u warnings", &errors, &warnings), ==, 2);
      g_assert_cmpuint (errors, ==, red);
      g_assert_cmpuint (warnings, ==, orange);
    }
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
collect_mnemonics (GtkWidget *widget,
                   gpointer   data)
{
  GHashTable *seen = data;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      if (other != NULL)
        g_error ("Alt+%s is both “%s” and “%s”", gdk_keyval_name (key), other, gtk_label_get_label (GTK_LABEL (widget)));
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_mnemonics, seen);
}

/* Issue 11 item 10: Alt+A opens the Action menu and Alt+H the Help menu on the first press: no
 * two mnemonics on screen share a key, the menu bar's included (here, while a check runs, when
 * its Cancel button shows too). */
static void
test_no_mnemonic_collisions (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  LcsApplication *app = e2e_application ();
  g_autoptr(GError) error = NULL;
  LcsWindow *window = lcs_window_new (app);

  g_assert_true (lcs_window_open_demo (window, &error));
  gtk_widget_show (GTK_WIDGET (window));
  gtk_widget_show (window->cancel_button);
  e2e_spin (100);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  e2e_spin (20);
  collect_mnemonics (GTK_WIDGET (window), seen);
  g_assert_nonnull (g_hash_table_lookup (seen, GUINT_TO_POINTER (GDK_KEY_a)));
  g_assert_nonnull (g_hash_table_lookup (seen, GUINT_TO_POINTER (GDK_KEY_h)));
  g_assert_cmpuint (g_hash_table_size (seen), >, 8);
  gtk_widget_destroy (GTK_WIDGET (window));
}

static GtkWidget *
find_rule_link (GtkWidget  *widget,
                const char *rule_id)
{
  GVariant *target;

  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "app.help-rule") == 0
      && (target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) != NULL
      && g_str_equal (g_variant_get_string (target, NULL), rule_id))
    return widget;
  if (GTK_IS_CONTAINER (widget))
    {
      g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (widget));

      for (GList *l = children; l != NULL; l = l->next)
        {
          GtkWidget *found = find_rule_link (l->data, rule_id);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* Issue 11 item 13: Help starts with Getting started, and a finding's details link to its rule. */
static void
test_help_links (void)
{
  LcsApplication *app = e2e_application ();
  g_autoptr(GError) error = NULL;
  LcsWindow *window = lcs_window_new (app);
  GtkWidget *link, *help;
  GtkTextBuffer *buffer;
  GtkTextIter cursor, line_end, start;
  g_autofree char *line = NULL;
  g_autofree char *first = NULL;

  g_assert_true (lcs_window_open_demo (window, &error));
  gtk_widget_show (GTK_WIDGET (window));
  e2e_spin (50);
  g_assert_true (lcs_window_select_row (window, LCS_ROW_RECORD, "_sipinternaltls._tcp.contoso.com."));
  link = find_rule_link (GTK_WIDGET (window->details_pane), "srv-split");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_get_sensitive (link));
  gtk_button_clicked (GTK_BUTTON (link));
  e2e_spin (50);
  help = e2e_find_dialog (LCS_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (help, LCS_TYPE_HELP_WINDOW, "text_view")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  line_end = start;
  gtk_text_iter_forward_to_line_end (&line_end);
  first = gtk_text_iter_get_text (&start, &line_end);
  g_assert_cmpstr (first, ==, "Getting started");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line_end = cursor;
  gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_iter_get_text (&cursor, &line_end);
  g_assert_true (g_str_has_prefix (line, "srv-split "));
  g_assert_false (lcs_help_window_show_rule (LCS_HELP_WINDOW (help), "no-such-rule"));
  gtk_widget_destroy (help);
  gtk_widget_destroy (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("lcs-window-config-XXXXXX", NULL);
  g_autofree char *settings = NULL;
  g_autofree char *settings_dir = NULL;
  int status;

  /* Settings (the zoom) start empty and never touch the user's own. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/demo-shows-findings", test_demo_shows_findings);
  g_test_add_func ("/window/apply-fix-adds-record", test_apply_fix_adds_record);
  g_test_add_func ("/window/checklist-and-records-are-saved", test_checklist_and_records_are_saved);
  g_test_add_func ("/window/bad-file-is-an-error", test_bad_file_is_an_error);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/certificate-findings", test_certificate_findings);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/new-asks-before-discarding", test_new_asks_before_discarding);
  g_test_add_func ("/window/new-with-row-selected", test_new_with_row_selected);
  g_test_add_func ("/window/open-with-row-selected", test_open_with_row_selected);
  g_test_add_func ("/window/f5-rereads-zones", test_f5_rereads_zones);
  g_test_add_func ("/window/live-check-asks-for-servers", test_live_check_asks_for_servers);
  g_test_add_func ("/window/open-demo", test_open_demo);
  g_test_add_func ("/window/srv-dialog-knows-its-view", test_srv_dialog_knows_its_view);
  g_test_add_func ("/window/blank-priority-is-zero", test_blank_priority_is_zero);
  g_test_add_func ("/window/fits-small-screens", test_fits_small_screens);
  g_test_add_func ("/window/zoom", test_zoom);
  g_test_add_func ("/window/help-links", test_help_links);
  g_test_add_func ("/window/no-mnemonic-collisions", test_no_mnemonic_collisions);
  g_test_add_func ("/window/counts-and-colours-agree", test_counts_and_colours_agree);
  status = g_test_run ();
  settings = lcs_zoom_settings_path ();
  settings_dir = g_path_get_dirname (settings);
  g_unlink (settings);
  g_rmdir (settings_dir);
  g_rmdir (config);
  return status;
}
