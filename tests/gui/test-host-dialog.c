/* The New Host dialog under a real X server. */
#include "gui-test-util.h"
#include "lcs-host-dialog.h"

#include <string.h>

static GtkEntry *
child_entry (GtkWidget  *dialog,
             const char *name)
{
  return GTK_ENTRY (gtk_widget_get_template_child (dialog, LCS_TYPE_HOST_DIALOG, name));
}

static GtkWidget *
new_dialog (const char *name,
            const char *address)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_host_dialog_new (NULL, profile, NULL);

  test_show_and_wait_draw (dialog);
  gtk_entry_set_text (child_entry (dialog, "name_entry"), name);
  gtk_entry_set_text (child_entry (dialog, "address_entry"), address);
  test_pump ();
  return dialog;
}

static GtkWidget *
finding_row (GtkWidget  *dialog,
             const char *rule)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_HOST_DIALOG,
                                                               "findings_list"));

  return test_find_widget (list, GTK_TYPE_LIST_BOX_ROW, rule, NULL);
}

static gboolean
has_error_icon (GtkWidget  *dialog,
                const char *name)
{
  return g_strcmp0 (gtk_entry_get_icon_name (child_entry (dialog, name), GTK_ENTRY_ICON_SECONDARY),
                    "dialog-error") == 0;
}

static void
test_good_host (void)
{
  GtkWidget *dialog = new_dialog ("sip", "192.0.2.10");
  const LcsHostResult *result = lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog));
  g_autoptr(LcsHostEntry) entry = lcs_host_dialog_get_entry (LCS_HOST_DIALOG (dialog));

  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "fqdn_entry")), ==,
                   "sip.contoso.com.");
  g_assert_false (has_error_icon (dialog, "name_entry"));
  g_assert_false (has_error_icon (dialog, "address_entry"));
  g_assert_cmpstr (entry->domain, ==, "contoso.com");
  g_assert_cmpstr (entry->name, ==, "sip");
  g_assert_cmpstr (entry->address, ==, "192.0.2.10");
  gtk_widget_destroy (dialog);
}

static void
test_dotted_name (void)
{
  GtkWidget *dialog = new_dialog ("sip.contoso.com", "192.0.2.10");

  g_assert_cmpuint (lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog))->errors, >, 0);
  g_assert_nonnull (finding_row (dialog, "host-name"));
  g_assert_true (has_error_icon (dialog, "name_entry"));
  g_assert_false (has_error_icon (dialog, "address_entry"));
  /* What Windows would create, as the FQDN field follows the Name. */
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "fqdn_entry")), ==,
                   "sip.contoso.com.contoso.com.");
  /* The preview agrees with the finding: Windows creates it (issue 11 item 4). */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (
                   dialog, LCS_TYPE_HOST_DIALOG, "record_label"))), "sip.contoso.com.contoso.com. "));
  gtk_widget_destroy (dialog);
}

static void
test_bad_address (void)
{
  GtkWidget *dialog = new_dialog ("sip", "192.0.2.300");

  g_assert_cmpuint (lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog))->errors, >, 0);
  g_assert_nonnull (finding_row (dialog, "host-address"));
  g_assert_true (has_error_icon (dialog, "address_entry"));
  g_assert_false (has_error_icon (dialog, "name_entry"));

  gtk_entry_set_text (child_entry (dialog, "address_entry"), "2001:db8::10");
  test_pump ();
  g_assert_null (finding_row (dialog, "host-address"));
  g_assert_false (has_error_icon (dialog, "address_entry"));
  g_assert_cmpuint (lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog))->type, ==, LCS_TYPE_AAAA);
  gtk_widget_destroy (dialog);
}

/* Clicks the "Fix: @summary" button of the @rule row. */
static void
click_fix (GtkWidget  *dialog,
           const char *rule,
           const char *summary)
{
  g_autofree char *label = g_strdup_printf ("Fix: %s", summary);
  GtkWidget *row = finding_row (dialog, rule);
  GtkWidget *fix;

  g_assert_nonnull (row);
  fix = test_find_widget (row, GTK_TYPE_BUTTON, NULL, "Fix: ");
  g_assert_nonnull (fix);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (fix)), ==, label);
  g_assert_true (gtk_widget_is_drawable (fix));
  gtk_button_clicked (GTK_BUTTON (fix));
  test_pump ();
}

static void
assert_no_error (GtkWidget *dialog)
{
  const LcsHostResult *result = lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog));

  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_nonnull (result->record);
  g_assert_false (has_error_icon (dialog, "name_entry"));
  g_assert_false (has_error_icon (dialog, "address_entry"));
}

static void
test_dotted_name_fix (void)
{
  GtkWidget *dialog = new_dialog ("sip.contoso.com", "192.0.2.20");

  click_fix (dialog, "host-name", "Name sip");
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "name_entry")), ==, "sip");
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "fqdn_entry")), ==,
                   "sip.contoso.com.");
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "address_entry")), ==, "192.0.2.20");
  g_assert_null (finding_row (dialog, "host-name"));
  assert_no_error (dialog);
  gtk_widget_destroy (dialog);
}

static void
test_bad_address_fix (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = new_dialog ("sip", "192.0.2.300");
  g_autofree char *summary = g_strdup_printf ("IP address %s", profile->pool_ip);

  click_fix (dialog, "host-address", summary);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "address_entry")), ==,
                   profile->pool_ip);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "name_entry")), ==, "sip");
  g_assert_null (finding_row (dialog, "host-address"));
  assert_no_error (dialog);
  gtk_widget_destroy (dialog);
}

/* Two fixes, one after the other: each button names only its own field. */
static void
test_both_fixes (void)
{
  GtkWidget *dialog = new_dialog ("sip.fabrikam.com", "");

  click_fix (dialog, "host-address", "IP address 192.0.2.10");
  g_assert_nonnull (finding_row (dialog, "host-name"));
  click_fix (dialog, "host-name", "Name sip");
  assert_no_error (dialog);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "fqdn_entry")), ==,
                   "sip.contoso.com.");
  gtk_widget_destroy (dialog);
}

/* A label Windows refuses has no fix to type: the row says the fix in words. */
static void
test_invalid_label_has_no_fix_button (void)
{
  GtkWidget *dialog = new_dialog ("sip_1", "192.0.2.20");
  GtkWidget *row = finding_row (dialog, "host-name");

  g_assert_nonnull (row);
  g_assert_null (test_find_widget (row, GTK_TYPE_BUTTON, NULL, "Fix: "));
  gtk_widget_destroy (dialog);
}

static void
test_blank_name_is_domain (void)
{
  GtkWidget *dialog = new_dialog ("", "192.0.2.10");

  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "fqdn_entry")), ==, "contoso.com.");
  g_assert_cmpuint (lcs_host_dialog_get_result (LCS_HOST_DIALOG (dialog))->errors, ==, 0);
  gtk_widget_destroy (dialog);
}

static void
on_response (GtkDialog *dialog,
             int        response_id,
             int       *received)
{
  *received = response_id;
}

static void
test_add_host_with_errors_asks (void)
{
  GtkWidget *dialog = new_dialog ("sip", "not-an-address");
  int received = GTK_RESPONSE_NONE;
  GtkWindow *confirm;

  g_signal_connect (dialog, "response", G_CALLBACK (on_response), &received);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  confirm = test_find_transient (GTK_WINDOW (dialog));
  g_assert_nonnull (confirm);
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);

  lcs_host_dialog_clear (LCS_HOST_DIALOG (dialog));
  gtk_entry_set_text (child_entry (dialog, "name_entry"), "sip");
  gtk_entry_set_text (child_entry (dialog, "address_entry"), "192.0.2.10");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_OK);
  gtk_widget_destroy (dialog);
}

/* As in Windows: the second button says Cancel until a host has been added, then Done; both
 * close the dialog. */
static void
test_cancel_then_done (void)
{
  GtkWidget *dialog = new_dialog ("sip", "10.0.0.50");

  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Cancel"));
  g_assert_null (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Done"));
  /* Typing is not adding. */
  gtk_entry_set_text (child_entry (dialog, "name_entry"), "sip2");
  test_pump ();
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Cancel"));

  lcs_host_dialog_clear (LCS_HOST_DIALOG (dialog));
  test_pump ();
  g_assert_null (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Cancel"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Done"));
  g_assert_cmpint (gtk_dialog_get_response_for_widget (GTK_DIALOG (dialog),
                                                       test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Done")),
                   ==, GTK_RESPONSE_CLOSE);
  gtk_widget_destroy (dialog);
}

/* View → Advanced: the TTL shows and the record line carries it. */
static void
test_advanced_ttl (void)
{
  GtkWidget *dialog = new_dialog ("sip", "10.0.0.50");
  GtkLabel *record = GTK_LABEL (gtk_widget_get_template_child (dialog, LCS_TYPE_HOST_DIALOG, "record_label"));
  GtkWidget *stale = test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL, "Delete this record when it becomes stale");
  GtkSpinButton *days = GTK_SPIN_BUTTON (test_find_widget (dialog, GTK_TYPE_SPIN_BUTTON, NULL, "Time to live, days"));

  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (days)));
  g_assert_false (gtk_widget_is_visible (stale));
  g_assert_nonnull (strstr (gtk_label_get_text (record), "sip.contoso.com. 3600 IN A 10.0.0.50"));
  lcs_host_dialog_set_advanced (LCS_HOST_DIALOG (dialog), TRUE);
  test_pump ();
  g_assert_true (gtk_widget_is_visible (stale));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (days)));
  gtk_spin_button_set_value (days, 1);
  test_pump ();
  g_assert_cmpuint (lcs_host_dialog_get_ttl (LCS_HOST_DIALOG (dialog)), ==, 86400 + 3600);
  g_assert_nonnull (strstr (gtk_label_get_text (record), "sip.contoso.com. 90000 IN A 10.0.0.50"));
  test_assert_accessible_names (dialog);
  gtk_widget_destroy (dialog);
}

/* F1 here opens the help on New Host, not on the SRV dialog. */
static void
test_f1_opens_its_help (void)
{
  GtkWidget *dialog = new_dialog ("", "");

  test_assert_f1_help (dialog, "New Host (A or AAAA)");
  gtk_widget_destroy (dialog);
}

static void
test_accessible_names (void)
{
  GtkWidget *dialog = new_dialog ("", "");

  test_assert_accessible_names (dialog);
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_ENTRY, NULL, "Name"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_ENTRY, NULL, "IP address"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL,
                                      "Create associated pointer (PTR) record"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Add Host"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Cancel"));
  gtk_widget_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/host-dialog/good", test_good_host);
  g_test_add_func ("/host-dialog/dotted-name", test_dotted_name);
  g_test_add_func ("/host-dialog/bad-address", test_bad_address);
  g_test_add_func ("/host-dialog/dotted-name-fix", test_dotted_name_fix);
  g_test_add_func ("/host-dialog/bad-address-fix", test_bad_address_fix);
  g_test_add_func ("/host-dialog/both-fixes", test_both_fixes);
  g_test_add_func ("/host-dialog/invalid-label-has-no-fix-button",
                   test_invalid_label_has_no_fix_button);
  g_test_add_func ("/host-dialog/blank-name-is-domain", test_blank_name_is_domain);
  g_test_add_func ("/host-dialog/add-host-with-errors-asks", test_add_host_with_errors_asks);
  g_test_add_func ("/host-dialog/accessible-names", test_accessible_names);
  g_test_add_func ("/host-dialog/cancel-then-done", test_cancel_then_done);
  g_test_add_func ("/host-dialog/advanced-ttl", test_advanced_ttl);
  g_test_add_func ("/host-dialog/f1-opens-its-help", test_f1_opens_its_help);
  return g_test_run ();
}
