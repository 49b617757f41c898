/* The main window on the bundled demo, driven through its actions: the offline check shows
 * findings, the console tree filters the rows, a row's details carry its fix, "Apply fix" opens
 * the SRV dialog with the fix filled in, OK adds the record, and the checklist and the added
 * record survive Save and Open. Runs under Xvfb. */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/model/name.h>

#include "lcs-application.h"
#include "lcs-console-tree.h"
#include "lcs-help-window.h"
#include "lcs-properties-dialog.h"
#include "lcs-srv-dialog.h"
#include "lcs-window-private.h"

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static LcsWindow *
demo_window (void)
{
  g_autoptr(GError) error = NULL;
  LcsWindow *window = g_object_new (LCS_TYPE_WINDOW, NULL);

  g_assert_true (lcs_window_open_demo (window, &error));
  g_assert_no_error (error);
  gtk_widget_show (GTK_WIDGET (window));
  spin (100);
  return window;
}

/* The first dialog open over @window. */
static GtkWidget *
find_dialog (LcsWindow *window,
             GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_demo_shows_findings (void)
{
  LcsWindow *window = demo_window ();
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
  LcsWindow *window = demo_window ();
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
  dialog = find_dialog (window, LCS_TYPE_SRV_DIALOG);
  g_assert_nonnull (dialog);
  entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
  g_assert_cmpstr (entry->service, ==, "_sipinternaltls");
  g_assert_cmpstr (entry->protocol, ==, "_tcp");
  g_assert_cmpstr (entry->domain, ==, "contoso.com");

  g_assert_false (doc->dirty);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  spin (50);
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
  LcsWindow *window = demo_window ();
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
  lcs_document_add_record (doc, lcs_record_new_address ("sip.fabrikam.com.", 3600, "10.0.0.50"));

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
  LcsWindow *window = demo_window ();

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
  LcsWindow *window = demo_window ();
  LcsDocument *doc = lcs_window_get_document (window);
  GtkWidget *question;

  doc->dirty = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  question = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_null (find_dialog (window, LCS_TYPE_PROPERTIES_DIALOG));
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  spin (20);
  g_assert_null (find_dialog (window, GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_dialog (window, LCS_TYPE_PROPERTIES_DIALOG));
  g_assert_true (lcs_window_get_document (window) == doc);
  g_assert_true (doc->dirty);

  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  question = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  /* "Close without Saving" */
  gtk_dialog_response (GTK_DIALOG (question), 1);
  spin (20);
  g_assert_nonnull (find_dialog (window, LCS_TYPE_PROPERTIES_DIALOG));
  gtk_widget_destroy (find_dialog (window, LCS_TYPE_PROPERTIES_DIALOG));

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
  LcsWindow *window = demo_window ();

  g_assert_true (lcs_window_export_to (window, cmd, LCS_FORMAT_DNSCMD, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (cmd, &text, NULL, &error));
  /* The demo lacks sip.fabrikam.com: its host record is among the commands. */
  g_assert_nonnull (strstr (text, "/RecordAdd fabrikam.com"));
  g_clear_pointer (&text, g_free);

  g_assert_true (lcs_window_export_to (window, csv, LCS_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "_sipinternaltls._tcp.contoso.com."));

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

  window = demo_window ();
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
  lcs_document_add_record (doc, lcs_record_new_address ("sip.fabrikam.com.", 3600, "10.0.0.50"));
  lcs_window_refresh (window);
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
    { "<Control>n", "win.new" },
    { "<Control>o", "win.open" },
    { "<Control>s", "win.save" },
    { "<Control><Shift>s", "win.save-as" },
    { "<Control>e", "win.export" },
    { "<Control>q", "app.quit" },
    { "F1", "app.help" },
  };
  g_autoptr(LcsApplication) app = lcs_application_new ();
  g_autoptr(GError) error = NULL;
  LcsWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), expected[i].accel);

      g_assert_true (g_strv_contains ((const char *const *) actions, expected[i].action));
    }

  window = lcs_window_new (app);
  g_assert_true (lcs_window_open_demo (window, &error));
  gtk_widget_show (GTK_WIDGET (window));
  spin (100);

  /* Keys go to the focused widget's window, as typed; the window's accelerators act on them. */
  gtk_widget_grab_focus (GTK_WIDGET (window->console_tree));
  g_assert_null (find_dialog (window, LCS_TYPE_HELP_WINDOW));
  g_assert_true (gtk_test_widget_send_key (GTK_WIDGET (window->console_tree), GDK_KEY_F1, 0));
  spin (50);
  g_assert_nonnull (find_dialog (window, LCS_TYPE_HELP_WINDOW));
  gtk_widget_destroy (find_dialog (window, LCS_TYPE_HELP_WINDOW));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "results");
  g_assert_true (gtk_test_widget_send_key (GTK_WIDGET (window->console_tree), GDK_KEY_l, GDK_CONTROL_MASK));
  spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->center_stack), ==, "checklist");

  gtk_widget_destroy (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/demo-shows-findings", test_demo_shows_findings);
  g_test_add_func ("/window/apply-fix-adds-record", test_apply_fix_adds_record);
  g_test_add_func ("/window/checklist-and-records-are-saved", test_checklist_and_records_are_saved);
  g_test_add_func ("/window/bad-file-is-an-error", test_bad_file_is_an_error);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/certificate-findings", test_certificate_findings);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/new-asks-before-discarding", test_new_asks_before_discarding);
  return g_test_run ();
}
