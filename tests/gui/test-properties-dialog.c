/* The deployment properties dialog under a real X server. */
#include "gui-test-util.h"
#include "lcs-properties-dialog.h"

#include <string.h>

static GObject *
child (GtkWidget  *dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, LCS_TYPE_PROPERTIES_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
ok_sensitive (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                       GTK_RESPONSE_OK));
}

static GtkWidget *
new_dialog (LcsProfile *profile)
{
  GtkWidget *dialog = lcs_properties_dialog_new (NULL, profile);

  test_show_and_wait_draw (dialog);
  return dialog;
}

static void
test_round_trip (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  g_autoptr(LcsProfile) read = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  const char *const more[][2] = {
    { "product", "ocs2007r2" }, { "edition", "enterprise" },
    { "members", "lcs01.contoso.com=192.0.2.11" }, { "domain-host", "fabrikam.com=sip.fabrikam.com" },
    { "transports", "tls,tcp" }, { "clients", "communicator" }, { "tcp-port", "5070" },
    { "edge", "edge.contoso.com" }, { "edge-ip", "198.51.100.5" }, { "federation", "true" },
    { "internal-dns", "192.0.2.53" }, { "internal-dns", "192.0.2.54:5353" },
    { "external-dns", "198.51.100.53" }, { "matching", "suffix" }, { "checklist", "backup" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(GError) error = NULL;

      lcs_profile_set (profile, more[i][0], more[i][1], &error);
      g_assert_no_error (error);
    }
  dialog = new_dialog (profile);
  g_assert_true (ok_sensitive (dialog));
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  g_assert_nonnull (read);
  before = lcs_profile_to_data (profile, NULL);
  after = lcs_profile_to_data (read, NULL);
  g_assert_cmpstr (after, ==, before);
  gtk_widget_destroy (dialog);
}

static void
test_bad_pool_ip (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = new_dialog (profile);
  GtkEntry *pool_ip = GTK_ENTRY (child (dialog, "pool_ip_entry"));
  g_autoptr(LcsProfile) read = NULL;

  g_assert_true (ok_sensitive (dialog));
  g_assert_null (gtk_entry_get_icon_name (pool_ip, GTK_ENTRY_ICON_SECONDARY));

  gtk_entry_set_text (pool_ip, "192.0.2.300");
  test_pump ();
  g_assert_false (ok_sensitive (dialog));
  g_assert_cmpstr (gtk_entry_get_icon_name (pool_ip, GTK_ENTRY_ICON_SECONDARY), ==, "dialog-error");
  g_assert_nonnull (strstr (gtk_entry_get_icon_tooltip_text (pool_ip, GTK_ENTRY_ICON_SECONDARY),
                            "192.0.2.300"));
  g_assert_null (lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog)));

  gtk_entry_set_text (pool_ip, "192.0.2.20");
  test_pump ();
  g_assert_true (ok_sensitive (dialog));
  g_assert_null (gtk_entry_get_icon_name (pool_ip, GTK_ENTRY_ICON_SECONDARY));
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  g_assert_cmpstr (read->pool_ip, ==, "192.0.2.20");
  gtk_widget_destroy (dialog);
}

static void
test_bad_domain_line (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = new_dialog (profile);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (dialog, "domains_view")));
  g_autoptr(LcsProfile) read = NULL;

  gtk_text_buffer_set_text (buffer, "contoso.com\nfab rikam.com\n", -1);
  test_pump ();
  g_assert_false (ok_sensitive (dialog));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (child (dialog, "domains_view"))));

  gtk_text_buffer_set_text (buffer, "contoso.com\n\nfabrikam.com\nlitware.com", -1);
  test_pump ();
  g_assert_true (ok_sensitive (dialog));
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  g_assert_cmpuint (read->domains->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (read->domains, 2), ==, "litware.com");
  gtk_widget_destroy (dialog);
}

/* A new deployment is incomplete until it has domains, pool and pool IP. */
static void
test_new_profile_incomplete (void)
{
  GtkWidget *dialog = new_dialog (NULL);

  g_assert_false (ok_sensitive (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "status_label"))), !=, "");
  gtk_widget_destroy (dialog);
}

static void
test_cleared_edge_is_unset (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  g_autoptr(LcsProfile) read = NULL;
  GtkWidget *dialog;

  lcs_profile_set (profile, "edge", "edge.contoso.com", NULL);
  dialog = new_dialog (profile);
  gtk_entry_set_text (GTK_ENTRY (child (dialog, "edge_entry")), "");
  test_pump ();
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  g_assert_nonnull (read);
  g_assert_null (read->edge);
  gtk_widget_destroy (dialog);
}

static void
test_accessible_names (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = new_dialog (profile);

  test_assert_accessible_names (dialog);
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_ENTRY, NULL, "Pool IP address"));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL, "SIP domains"));
  gtk_widget_destroy (dialog);
}

/* The later generations' fields have controls: shown as the profile holds them, edited, and
 * refused with their key named when the value is wrong. */
static void
test_lync_fields (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  g_autoptr(LcsProfile) read = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  const char *const more[][2] = {
    { "product", "lync" }, { "hosting", "hybrid" }, { "edge", "edge.contoso.com" },
    { "edge-ip", "198.51.100.5" }, { "balancing", "hardware" },
    { "web-internal", "webint.contoso.com=10.0.0.60" }, { "web-external", "webext.contoso.com=203.0.113.5" },
    { "simple-urls", "meet=meet.contoso.com,dialin=dialin.contoso.com" },
    { "edge-webconf", "webconf.contoso.com=198.51.100.6" }, { "edge-av", "av.contoso.com=198.51.100.7" },
    { "xmpp", "true" }, { "legacy-clients", "false" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (more); i++)
    g_assert_true (lcs_profile_set (profile, more[i][0], more[i][1], NULL));
  dialog = new_dialog (profile);
  g_assert_cmpstr (gtk_combo_box_get_active_id (GTK_COMBO_BOX (child (dialog, "hosting_combo"))), ==, "hybrid");
  g_assert_cmpstr (gtk_combo_box_get_active_id (GTK_COMBO_BOX (child (dialog, "balancing_combo"))), ==, "hardware");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (child (dialog, "web_external_entry"))), ==, "webext.contoso.com=203.0.113.5");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (child (dialog, "simple_urls_entry"))), ==,
                   "meet=meet.contoso.com,dialin=dialin.contoso.com");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (dialog, "xmpp_check"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (dialog, "legacy_clients_check"))));
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  before = lcs_profile_to_data (profile, NULL);
  after = lcs_profile_to_data (read, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&read, lcs_profile_free);

  /* Edited: the A/V Edge cleared, DNS balancing, XMPP off. */
  gtk_entry_set_text (GTK_ENTRY (child (dialog, "edge_av_entry")), "");
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (child (dialog, "balancing_combo")), "dns");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (dialog, "xmpp_check")), FALSE);
  test_pump ();
  read = lcs_properties_dialog_get_profile (LCS_PROPERTIES_DIALOG (dialog));
  g_assert_null (read->edge_av);
  g_assert_cmpint (read->balancing, ==, LCS_BALANCING_DNS);
  g_assert_false (read->xmpp);
  g_assert_nonnull (read->edge_webconf);

  /* A host without its address: OK is off and the field says which key is wrong. */
  gtk_entry_set_text (GTK_ENTRY (child (dialog, "web_internal_entry")), "webint.contoso.com");
  test_pump ();
  g_assert_false (ok_sensitive (dialog));
  {
    g_autofree char *tip = gtk_entry_get_icon_tooltip_text (GTK_ENTRY (child (dialog, "web_internal_entry")),
                                                            GTK_ENTRY_ICON_SECONDARY);

    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "web-internal"));
  }
  test_assert_accessible_names (dialog);
  gtk_widget_destroy (dialog);
}

/* F1 here opens the help on this dialog. */
static void
test_f1_opens_its_help (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = new_dialog (profile);

  test_assert_f1_help (dialog, "Deployment Properties");
  gtk_widget_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/properties-dialog/round-trip", test_round_trip);
  g_test_add_func ("/properties-dialog/bad-pool-ip", test_bad_pool_ip);
  g_test_add_func ("/properties-dialog/bad-domain-line", test_bad_domain_line);
  g_test_add_func ("/properties-dialog/new-profile-incomplete", test_new_profile_incomplete);
  g_test_add_func ("/properties-dialog/cleared-edge-is-unset", test_cleared_edge_is_unset);
  g_test_add_func ("/properties-dialog/accessible-names", test_accessible_names);
  g_test_add_func ("/properties-dialog/lync-fields", test_lync_fields);
  g_test_add_func ("/properties-dialog/f1-opens-its-help", test_f1_opens_its_help);
  return g_test_run ();
}
