/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Certificates page under Xvfb: certificates made by certtool at run time, loaded from files
 * (PEM, PKCS#12 through the file chooser and the password dialog) and fetched from a loopback
 * openssl s_server; the checklist, the findings, errors in the page, and a screenshot. */
#include "certgen.h"
#include "certtest.h"
#include "gui-test-util.h"
#include "lcs-cert-page.h"
#include "tls-server.h"

#include <string.h>

static CertGen *gen;

#define VALIDITY \
  "activation_date = \"2020-01-01 00:00:00\"\n" \
  "expiration_date = \"2049-01-01 00:00:00\"\n" \
  "tls_www_server\nsigning_key\nencryption_key\n"

/* Covers everything the two-domain Standard profile needs but sip.fabrikam.com. */
#define WITHOUT_FABRIKAM \
  "cn = \"lcs.contoso.com\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" VALIDITY

#define WITH_FABRIKAM \
  "cn = \"lcs.contoso.com\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" \
  "dns_name = \"sip.fabrikam.com\"\n" VALIDITY

#define WILDCARD_FABRIKAM \
  "cn = \"lcs.contoso.com\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" \
  "dns_name = \"*.fabrikam.com\"\n" VALIDITY

/* A wildcard two labels above the name: it must not count. */
#define WILDCARD_TOO_HIGH \
  "cn = \"lcs.contoso.com\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" \
  "dns_name = \"*.com\"\n" VALIDITY

/* Long enough for a loaded machine, short against a hang. */
#define WAIT_SECONDS 20

typedef struct {
  GtkWidget   *window;
  LcsCertPage *page;
  guint        changes;
} Fixture;

static void
on_page_findings_changed (LcsCertPage *page,
                          Fixture     *fixture)
{
  fixture->changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");

  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  fixture->page = LCS_CERT_PAGE (lcs_cert_page_new ());
  gtk_container_add (GTK_CONTAINER (fixture->window), GTK_WIDGET (fixture->page));
  gtk_widget_show (GTK_WIDGET (fixture->page));
  g_signal_connect (fixture->page, "findings-changed", G_CALLBACK (on_page_findings_changed),
                    fixture);
  lcs_cert_page_set_profile (fixture->page, profile);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_destroy (fixture->window);
  test_pump ();
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                 LCS_TYPE_CERT_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

/* The checklist row of @name: its Covered by and Status texts. FALSE when it is not listed. */
static gboolean
find_row (Fixture     *fixture,
          const char  *name,
          char       **covered_by,
          char       **status)
{
  GtkTreeModel *model = gtk_tree_view_get_model (GTK_TREE_VIEW (child (fixture,
                                                                       "checklist_view")));
  GtkTreeIter iter;
  gboolean valid;

  for (valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *row_name = NULL;

      gtk_tree_model_get (model, &iter, 0, &row_name, -1);
      if (g_strcmp0 (row_name, name) == 0)
        {
          gtk_tree_model_get (model, &iter, 2, covered_by, 4, status, -1);
          return TRUE;
        }
    }
  return FALSE;
}

static void
assert_row (Fixture    *fixture,
            const char *name,
            const char *covered_by,
            const char *status)
{
  g_autofree char *row_covered_by = NULL;
  g_autofree char *row_status = NULL;

  g_assert_true (find_row (fixture, name, &row_covered_by, &row_status));
  g_assert_cmpstr (row_covered_by, ==, covered_by);
  g_assert_cmpstr (row_status, ==, status);
}

static void
load (Fixture    *fixture,
      const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lcs_cert_page_load_file (fixture->page, path, NULL, &error));
  g_assert_no_error (error);
}

/* Runs the main loop until @done says so, failing after WAIT_SECONDS. */
static void
pump_until (gboolean (*done) (Fixture *fixture),
            Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (done (fixture));
}

static gboolean
spinner_stopped (Fixture *fixture)
{
  return !gtk_widget_get_visible (child (fixture, "fetch_spinner"));
}

static gboolean
trust_checked (Fixture *fixture)
{
  return !g_str_equal (label_text (fixture, "trust_label"), "checking…");
}

static void
test_before_certificate (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) required = NULL;
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  GtkTreeModel *model = gtk_tree_view_get_model (GTK_TREE_VIEW (child (fixture,
                                                                       "checklist_view")));

  required = lcs_cert_required_names (profile, NULL);
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, required->len);
  g_assert_cmpuint (required->len, >, 2);
  for (guint i = 0; i < required->len; i++)
    assert_row (fixture, ((LcsCertCoverage *) required->pdata[i])->name, "—",
                "No certificate yet");
  g_assert_cmpuint (lcs_cert_page_get_findings (fixture->page)->len, ==, 0);
  g_assert_null (lcs_cert_page_get_info (fixture->page));
  g_assert_cmpstr (label_text (fixture, "subject_label"), ==, "—");
}

static void
test_missing_then_covered (Fixture       *fixture,
                           gconstpointer  data)
{
  guint before = fixture->changes;
  GPtrArray *findings;
  const LcsFinding *missing;

  load (fixture, certgen_make_checked (gen, "without", WITHOUT_FABRIKAM));
  g_assert_cmpuint (fixture->changes, ==, before + 1);
  assert_row (fixture, "sip.fabrikam.com", "missing", "Missing");
  assert_row (fixture, "sip.contoso.com", "sip.contoso.com", "Covered");
  findings = lcs_cert_page_get_findings (fixture->page);
  g_assert_cmpuint (certtest_count_rule (findings, "cert-san-missing"), ==, 1);
  missing = certtest_find_rule (findings, "cert-san-missing");
  g_assert_nonnull (strstr (missing->message, "sip.fabrikam.com"));
  g_assert_nonnull (test_find_widget (child (fixture, "findings_list"), GTK_TYPE_LIST_BOX_ROW,
                                      "cert-san-missing", NULL));
  g_assert_nonnull (strstr (label_text (fixture, "subject_label"), "lcs.contoso.com"));
  g_assert_nonnull (strstr (label_text (fixture, "san_label"), "sip.contoso.com"));
  g_assert_cmpstr (label_text (fixture, "not_before_label"), ==, "2020-01-01 00:00:00 UTC");
  pump_until (trust_checked, fixture);
  g_assert_true (g_str_has_prefix (label_text (fixture, "trust_label"), "not trusted"));

  load (fixture, certgen_make_checked (gen, "with", WITH_FABRIKAM));
  g_assert_cmpuint (fixture->changes, ==, before + 2);
  assert_row (fixture, "sip.fabrikam.com", "sip.fabrikam.com", "Covered");
  findings = lcs_cert_page_get_findings (fixture->page);
  g_assert_cmpuint (certtest_count_rule (findings, "cert-san-missing"), ==, 0);
  g_assert_null (test_find_widget (child (fixture, "findings_list"), GTK_TYPE_LIST_BOX_ROW,
                                   "cert-san-missing", NULL));
}

static void
test_wildcard_one_label (Fixture       *fixture,
                         gconstpointer  data)
{
  load (fixture, certgen_make_checked (gen, "wildcard", WILDCARD_FABRIKAM));
  assert_row (fixture, "sip.fabrikam.com", "*.fabrikam.com", "Covered");
  load (fixture, certgen_make_checked (gen, "too-high", WILDCARD_TOO_HIGH));
  assert_row (fixture, "sip.fabrikam.com", "missing", "Missing");
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *garbage = certgen_path (gen, "garbage.pem");
  const char *subject;
  guint changes;

  load (fixture, certgen_make_checked (gen, "good", WITH_FABRIKAM));
  subject = label_text (fixture, "subject_label");
  changes = fixture->changes;
  g_assert_true (g_file_set_contents (garbage, "not a certificate\n\x01\x02", -1, NULL));

  g_assert_false (lcs_cert_page_load_file (fixture->page, garbage, NULL, &error));
  g_assert_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE);
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "garbage.pem"));
  g_assert_true (gtk_widget_get_visible (child (fixture, "status_icon")));
  /* The certificate shown before stays, and so do its findings. */
  g_assert_cmpstr (label_text (fixture, "subject_label"), ==, subject);
  g_assert_cmpuint (fixture->changes, ==, changes);
  g_clear_error (&error);

  g_assert_false (lcs_cert_page_load_file (fixture->page, certgen_path (gen, "absent.pem"), NULL,
                                           &error));
  g_assert_nonnull (error);
  g_assert_null (strchr (label_text (fixture, "status_label"), '\n'));
  g_assert_nonnull (strstr (label_text (fixture, "status_label"), "absent.pem"));
}

static gboolean
file_chooser_shown (Fixture *fixture)
{
  GtkWindow *dialog = test_find_transient (GTK_WINDOW (fixture->window));

  return dialog != NULL && GTK_IS_FILE_CHOOSER (dialog);
}

static gboolean
password_dialog_shown (Fixture *fixture)
{
  GtkWindow *dialog = test_find_transient (GTK_WINDOW (fixture->window));

  return dialog != NULL && !GTK_IS_FILE_CHOOSER (dialog)
         && test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, "Password") != NULL;
}

static gboolean
certificate_loaded (Fixture *fixture)
{
  return lcs_cert_page_get_info (fixture->page) != NULL;
}

/* As a user: Load certificate file…, pick the .p12, type the password it asks for. */
static void
test_pkcs12_through_dialogs (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *p12;
  GtkWindow *chooser;
  GtkWindow *password;

  certgen_make_checked (gen, "protected", WITH_FABRIKAM);
  p12 = certgen_to_p12 (gen, "protected", "s3cret", &error);
  g_assert_no_error (error);

  g_assert_false (lcs_cert_page_load_file (fixture->page, p12, NULL, &error));
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);

  test_show_and_wait_draw (fixture->window);
  gtk_button_clicked (GTK_BUTTON (child (fixture, "load_button")));
  pump_until (file_chooser_shown, fixture);
  chooser = test_find_transient (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_file_chooser_select_filename (GTK_FILE_CHOOSER (chooser), p12));
  test_pump ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  pump_until (password_dialog_shown, fixture);

  password = test_find_transient (GTK_WINDOW (fixture->window));
  gtk_entry_set_text (GTK_ENTRY (test_find_widget (GTK_WIDGET (password), GTK_TYPE_ENTRY, NULL,
                                                   "Password")), "s3cret");
  gtk_dialog_response (GTK_DIALOG (password), GTK_RESPONSE_OK);
  pump_until (certificate_loaded, fixture);
  g_assert_cmpstr (lcs_cert_page_get_info (fixture->page)->source, ==, p12);
  assert_row (fixture, "sip.fabrikam.com", "sip.fabrikam.com", "Covered");
}

static void
test_fetch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *cert = certgen_make_checked (gen, "served", WITHOUT_FABRIKAM);
  g_autoptr(LcsCertInfo) from_file = lcs_cert_load (cert, NULL, &error);
  g_autofree char *host = NULL;
  TlsServer server = { 0 };
  guint before = fixture->changes;

  g_assert_no_error (error);
  tls_server_start (&server, cert, certgen_key_path (gen), NULL);
  host = g_strdup_printf ("127.0.0.1:%u", server.port);

  lcs_cert_page_fetch (fixture->page, host);
  /* It returned at once: the fetch runs while the main loop does. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "fetch_spinner")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "cancel_button")));
  g_assert_true (g_str_has_prefix (label_text (fixture, "status_label"), "Fetching"));
  g_assert_null (lcs_cert_page_get_info (fixture->page));
  pump_until (spinner_stopped, fixture);
  tls_server_stop (&server);

  g_assert_nonnull (lcs_cert_page_get_info (fixture->page));
  g_assert_cmpstr (label_text (fixture, "subject_label"), ==, from_file->subject);
  g_assert_cmpstr (label_text (fixture, "source_label"), ==, host);
  g_assert_true (g_str_has_prefix (label_text (fixture, "trust_label"), "not trusted"));
  g_assert_nonnull (strstr (label_text (fixture, "trust_label"), "unknown CA"));
  g_assert_cmpuint (fixture->changes, ==, before + 1);
  assert_row (fixture, "sip.fabrikam.com", "missing", "Missing");
}

static void
test_fetch_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  guint16 port;
  g_autoptr(GSocket) held = tls_server_hold_port (&port);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", port);
  const char *status;
  const LcsCertInfo *shown;

  g_assert_nonnull (held);  /* bound, not listening, until the test ends */
  load (fixture, certgen_make_checked (gen, "before-refused", WITH_FABRIKAM));
  shown = lcs_cert_page_get_info (fixture->page);
  lcs_cert_page_fetch (fixture->page, host);
  pump_until (spinner_stopped, fixture);
  status = label_text (fixture, "status_label");
  /* The failed fetch leaves the file's certificate, and its trust check, as they were. */
  g_assert_true (lcs_cert_page_get_info (fixture->page) == shown);
  pump_until (trust_checked, fixture);
  g_assert_true (g_str_has_prefix (label_text (fixture, "trust_label"), "not trusted"));
  g_assert_nonnull (strstr (status, host));
  g_assert_null (strchr (status, '\n'));
  g_assert_true (gtk_widget_get_visible (child (fixture, "status_icon")));
}

/* A server that accepts and never speaks: Cancel ends the wait at once. */
static void
test_fetch_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                              G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *host = NULL;
  gint64 started;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (listener, any_port, FALSE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  host = g_strdup_printf ("127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  lcs_cert_page_fetch (fixture->page, host);
  test_pump ();
  g_assert_true (gtk_widget_get_visible (child (fixture, "fetch_spinner")));
  started = g_get_monotonic_time ();
  gtk_button_clicked (GTK_BUTTON (child (fixture, "cancel_button")));
  pump_until (spinner_stopped, fixture);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpstr (label_text (fixture, "status_label"), ==, "Fetch cancelled.");
  g_assert_null (lcs_cert_page_get_info (fixture->page));
}

static void
test_fetch_without_pool (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LcsProfile) empty = lcs_profile_new ();

  lcs_cert_page_set_profile (fixture->page, empty);
  g_assert_false (gtk_widget_get_sensitive (child (fixture, "fetch_button")));
  lcs_cert_page_fetch (fixture->page, NULL);
  g_assert_false (gtk_widget_get_visible (child (fixture, "fetch_spinner")));
  g_assert_nonnull (strstr (label_text (fixture, "status_label"), "pool"));
}

static void
assert_named (GtkWidget *widget)
{
  const char *name = atk_object_get_name (gtk_widget_get_accessible (widget));

  if (name == NULL || *name == '\0')
    g_error ("%s has no accessible name", G_OBJECT_TYPE_NAME (widget));
}

/* Every control a user operates or reads has a name, and the buttons have mnemonics. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const buttons[] = { "load_button", "fetch_button", "cancel_button" };
  static const char *const named[] = { "checklist_view", "findings_list", "fetch_spinner",
                                       "status_label", "subject_label", "san_label" };

  for (gsize i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = child (fixture, buttons[i]);

      assert_named (button);
      g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
      g_assert_nonnull (strchr (gtk_button_get_label (GTK_BUTTON (button)), '_'));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    assert_named (child (fixture, named[i]));
}

/* Adwaita fades colours in over 200 ms: let them finish before the picture. */
static void
wait_for_transitions (void)
{
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      test_pump ();
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
}

/* Into $LCS_SCREENSHOT_DIR when set (data/screenshots/ through the cert-page-screenshot target),
 * else into the build directory. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("LCS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  GdkWindow *window;

  load (fixture, certgen_make_checked (gen, "screenshot", WITHOUT_FABRIKAM));
  pump_until (trust_checked, fixture);
  if (dir == NULL)
    dir = g_test_get_dir (G_TEST_BUILT);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, "cert-page.png", NULL);

  gtk_window_set_title (GTK_WINDOW (fixture->window), "Certificates");
  test_show_and_wait_draw (fixture->window);
  gtk_window_move (GTK_WINDOW (fixture->window), 0, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_transitions ();
  gdk_display_sync (gtk_widget_get_display (fixture->window));
  window = gtk_widget_get_window (fixture->window);
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 600);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cert-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("before-certificate", test_before_certificate);
  ADD ("missing-then-covered", test_missing_then_covered);
  ADD ("wildcard-one-label", test_wildcard_one_label);
  ADD ("bad-file", test_bad_file);
  ADD ("pkcs12-through-dialogs", test_pkcs12_through_dialogs);
  ADD ("fetch", test_fetch);
  ADD ("fetch-refused", test_fetch_refused);
  ADD ("fetch-cancel", test_fetch_cancel);
  ADD ("fetch-without-pool", test_fetch_without_pool);
  ADD ("accessible", test_accessible);
  ADD ("screenshot", test_screenshot);
#undef ADD

  return certgen_run_tests (&gen);
}
