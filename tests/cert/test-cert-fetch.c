/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Live certificate fetch against loopback servers: a real TLS server (openssl s_server, bound
 * to 127.0.0.1), one that accepts and never speaks, one that is not TLS, and a closed port. */
#include <lcsdns/cert/cert.h>

#include <string.h>

#include "certificate.h"
#include "certgen.h"
#include "certtest.h"
#include "tls-server.h"

static CertGen *gen;

/* Long enough for a loaded machine, short against a hang. */
#define FETCH_TIMEOUT_MS 5000

/* The test's own certificates: a self-signed one and one signed by a test CA. */
#define SERVER_TEMPLATE \
  "cn = \"lcs.contoso.com\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" \
  "dns_name = \"sip.fabrikam.com\"\n" \
  "activation_date = \"2020-01-01 00:00:00\"\n" \
  "expiration_date = \"2030-01-01 00:00:00\"\n" \
  "tls_www_server\nsigning_key\nencryption_key\n"

static void
test_fetch_self_signed (void)
{
  g_autoptr(GError) error = NULL;
  const char *cert = certgen_make (gen, "server", NULL, SERVER_TEMPLATE, &error);
  g_autofree char *host = NULL;
  g_autoptr(LcsCertInfo) info = NULL;
  g_autoptr(LcsCertInfo) from_file = NULL;
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  g_autoptr(GDateTime) inside = g_date_time_new_utc (2025, 6, 1, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2031, 1, 1, 0, 0, 0);
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsReport) expired = NULL;
  TlsServer server = { 0 };

  g_assert_no_error (error);
  tls_server_start (&server, cert, certgen_key_path (gen), NULL);
  host = g_strdup_printf ("127.0.0.1:%u", server.port);
  info = lcs_cert_fetch_sync (host, 0, FETCH_TIMEOUT_MS, NULL, &error);
  tls_server_stop (&server);
  g_assert_no_error (error);

  from_file = lcs_cert_load (cert, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->source, ==, host);
  g_assert_true (info->fetched);
  g_assert_true (info->peer_errors & G_TLS_CERTIFICATE_UNKNOWN_CA);
  g_assert_cmpstr (info->subject, ==, from_file->subject);
  g_assert_cmpuint (info->dns_names->len, ==, from_file->dns_names->len);
  for (guint i = 0; i < info->dns_names->len; i++)
    g_assert_cmpstr (info->dns_names->pdata[i], ==, from_file->dns_names->pdata[i]);
  g_assert_true (g_date_time_equal (info->not_after, from_file->not_after));

  report = lcs_cert_check_report (profile, info, NULL, inside);
  g_assert_cmpuint (report->findings->len, ==, 0);
  g_assert_cmpstr (report->files->pdata[0], ==, host);
  expired = lcs_cert_check_report (profile, info, NULL, later);
  g_assert_cmpuint (expired->findings->len, ==, 1);
  g_assert_cmpstr (((LcsFinding *) expired->findings->pdata[0])->rule->id, ==, "cert-validity");
}

static void
test_fetch_chain (void)
{
  g_autoptr(GError) error = NULL;
  const char *ca = certgen_make_ca (gen, "fetch-ca", "cn = \"Contoso Fetch CA\"\nca\n"
                                    "cert_signing_key\nexpiration_days = 30\n", &error);
  const char *leaf;
  g_autoptr(LcsCertInfo) info = NULL;
  const LcsCertInfo *issuer;
  TlsServer server = { 0 };

  g_assert_no_error (error);
  leaf = certgen_make (gen, "fetch-leaf", "fetch-ca", "cn = \"lcs.contoso.com\"\n"
                       "dns_name = \"lcs.contoso.com\"\nexpiration_days = 30\ntls_www_server\n"
                       "signing_key\nencryption_key\n", &error);
  g_assert_no_error (error);
  tls_server_start (&server, leaf, certgen_key_path (gen), ca);
  info = lcs_cert_fetch_sync ("127.0.0.1", server.port, FETCH_TIMEOUT_MS, NULL, &error);
  tls_server_stop (&server);
  g_assert_no_error (error);

  g_assert_cmpstr (info->subject_cn, ==, "lcs.contoso.com");
  g_assert_cmpuint (info->chain->len, ==, 1);
  issuer = info->chain->pdata[0];
  g_assert_cmpstr (issuer->subject_cn, ==, "Contoso Fetch CA");
  g_assert_true (info->peer_errors & G_TLS_CERTIFICATE_UNKNOWN_CA);
}

/* Async fetch on the default context, so in-process servers are served meanwhile. */
typedef struct {
  GMainLoop   *loop;
  LcsCertInfo *info;
  GError      *error;
} FetchResult;

static void
on_fetch_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  FetchResult *out = user_data;

  out->info = lcs_cert_fetch_finish (result, &out->error);
  g_main_loop_quit (out->loop);
}

static gint64
fetch_async (guint16       port,
             guint         timeout_ms,
             GCancellable *cancellable,
             FetchResult  *out)
{
  gint64 start = g_get_monotonic_time ();

  out->loop = g_main_loop_new (NULL, FALSE);
  lcs_cert_fetch_async ("127.0.0.1", port, timeout_ms, cancellable, on_fetch_done, out);
  g_main_loop_run (out->loop);
  g_clear_pointer (&out->loop, g_main_loop_unref);
  return (g_get_monotonic_time () - start) / 1000;
}

static void
assert_one_line_naming (const GError *error,
                        guint16       port)
{
  g_autofree char *label = g_strdup_printf ("127.0.0.1:%u", port);

  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, label));
}

/* A listening socket that the test never accepts on: the kernel completes the connection, and
 * the ClientHello is never answered. */
static GSocket *
silent_listener (guint16 *port)
{
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
test_fetch_timeout (void)
{
  guint16 port;
  g_autoptr(GSocket) silent = silent_listener (&port);
  FetchResult out = { 0 };
  gint64 elapsed;

  g_assert_nonnull (silent);  /* held open, never answering, until the test ends */
  elapsed = fetch_async (port, 400, NULL, &out);

  g_assert_null (out.info);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  assert_one_line_naming (out.error, port);
  g_assert_cmpint (elapsed, >=, 350);
  g_assert_cmpint (elapsed, <, 4000);
  g_clear_error (&out.error);
}

static gboolean
on_cancel_timer (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_fetch_cancelled (void)
{
  guint16 port;
  g_autoptr(GSocket) silent = silent_listener (&port);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FetchResult out = { 0 };
  gint64 elapsed;

  g_assert_nonnull (silent);
  g_timeout_add (100, on_cancel_timer, cancellable);
  elapsed = fetch_async (port, 20000, cancellable, &out);
  g_assert_null (out.info);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_one_line_naming (out.error, port);
  g_assert_cmpint (elapsed, <, 5000);
  g_clear_error (&out.error);
}

/* Not TLS: says "hello" at once, as a plain-text service would, then keeps the line open. */
static gboolean
on_plain_incoming (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           user_data)
{
  GPtrArray *open_connections = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (out, "hello\r\n", 7, NULL, NULL, NULL);
  g_ptr_array_add (open_connections, g_object_ref (connection));
  return TRUE;
}

/* Not TLS either: hangs up at once. */
static gboolean
on_hangup_incoming (GSocketService    *service,
                    GSocketConnection *connection,
                    GObject           *source,
                    gpointer           user_data)
{
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static GSocketService *
plain_service (GCallback  on_incoming,
               GPtrArray *open_connections,
               guint16   *port)
{
  g_autoptr(GError) error = NULL;
  GSocketService *service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any_port, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (service, "incoming", on_incoming, open_connections);
  g_socket_service_start (service);
  return service;
}

static void
test_fetch_not_tls (void)
{
  static const struct { const char *what; GCallback handler; } servers[] = {
    { "says hello", G_CALLBACK (on_plain_incoming) },
    { "hangs up", G_CALLBACK (on_hangup_incoming) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autoptr(GPtrArray) open_connections = g_ptr_array_new_with_free_func (g_object_unref);
      guint16 port;
      g_autoptr(GSocketService) service = plain_service (servers[i].handler, open_connections,
                                                         &port);
      FetchResult out = { 0 };
      gint64 elapsed = fetch_async (port, FETCH_TIMEOUT_MS, NULL, &out);

      g_test_message ("server that %s", servers[i].what);
      g_socket_service_stop (service);
      g_socket_listener_close (G_SOCKET_LISTENER (service));
      g_assert_null (out.info);
      g_assert_error (out.error, LCS_CERT_ERROR, LCS_CERT_ERROR_NO_TLS);
      assert_one_line_naming (out.error, port);
      g_assert_cmpint (elapsed, <, FETCH_TIMEOUT_MS);
      g_clear_error (&out.error);
    }
}

static void
test_fetch_refused (void)
{
  g_autoptr(GError) error = NULL;
  guint16 port;
  g_autoptr(GSocket) held = tls_server_hold_port (&port);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LcsCertInfo) info = lcs_cert_fetch_sync ("127.0.0.1", port, FETCH_TIMEOUT_MS, NULL,
                                                     &error);

  g_assert_nonnull (held);  /* bound, not listening, until the test ends */
  g_assert_null (info);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  assert_one_line_naming (error, port);
  g_assert_cmpint ((g_get_monotonic_time () - start) / 1000, <, FETCH_TIMEOUT_MS);
}

static void
test_fetch_bad_address (void)
{
  static const char *const hosts[] = { "lcs.contoso.com:notaport", "[::1", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LcsCertInfo) info = lcs_cert_fetch_sync (hosts[i], 0, 1000, NULL, &error);

      g_test_message ("%s: %s", hosts[i], error != NULL ? error->message : "(fetched)");
      g_assert_null (info);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* The CLI's cert mode: a report from a file, and which failures make the check incomplete. */
static void
test_cli_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  const char *cert = certgen_make (gen, "cli", NULL, SERVER_TEMPLATE, &error);
  const char *p12 = certgen_to_p12 (gen, "cli", "right", &error);
  guint16 closed_port;
  g_autoptr(GSocket) held = tls_server_hold_port (&closed_port);
  g_autofree char *closed = g_strdup_printf ("127.0.0.1:%u", closed_port);
  const char *key = certgen_key_path (gen);
  const struct { LcsCliCertArgs args; gboolean incomplete; } failures[] = {
    { { key, NULL, NULL, 0 }, FALSE },
    { { p12, "wrong", NULL, 0 }, FALSE },
    { { NULL, NULL, "lcs.contoso.com:notaport", 0 }, FALSE },
    { { NULL, NULL, closed, 2000 }, TRUE },
  };
  LcsCliCertArgs good = { cert, NULL, NULL, 0 };
  g_autoptr(LcsReport) report = NULL;

  g_assert_nonnull (held);  /* bound, not listening, until the test ends */
  g_assert_no_error (error);
  report = lcs_cli_cert_report (profile, &good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->kind, ==, LCS_SOURCE_CERT);
  g_assert_cmpstr (report->files->pdata[0], ==, cert);
  g_assert_cmpuint (report->findings->len, ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(GError) failure = NULL;
      g_autoptr(LcsReport) none = lcs_cli_cert_report (profile, &failures[i].args, NULL, &failure);

      g_test_message ("%s", failure != NULL ? failure->message : "(no error)");
      g_assert_null (none);
      g_assert_nonnull (failure);
      g_assert_cmpint (lcs_cli_cert_error_is_incomplete (failure), ==, failures[i].incomplete);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cert/fetch/self-signed", test_fetch_self_signed);
  g_test_add_func ("/cert/fetch/chain", test_fetch_chain);
  g_test_add_func ("/cert/fetch/timeout", test_fetch_timeout);
  g_test_add_func ("/cert/fetch/cancelled", test_fetch_cancelled);
  g_test_add_func ("/cert/fetch/not-tls", test_fetch_not_tls);
  g_test_add_func ("/cert/fetch/refused", test_fetch_refused);
  g_test_add_func ("/cert/fetch/bad-address", test_fetch_bad_address);
  g_test_add_func ("/cert/cli/report", test_cli_report);

  return certgen_run_tests (&gen);
}
