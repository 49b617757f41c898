/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a server's certificate over TLS, trusted or not, within a time limit. */
#include "config.h"

#include <lcsdns/cert/cert.h>

#include <string.h>

typedef struct {
  char                 *label;       /* "host:port" for messages */
  const char           *host;        /* in @address */
  GSocketConnectable   *address;
  GSocketClient        *client;
  GIOStream            *tls;
  GCancellable         *cancel;      /* ours: the timer and the caller's cancellable trip it */
  GCancellable         *caller;
  gulong                caller_handler;
  GSource              *timer;
  guint                 timeout_ms;
  gboolean              timed_out;
  GTlsCertificateFlags  seen_errors;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  if (data->timer != NULL)
    {
      g_source_destroy (data->timer);
      g_source_unref (data->timer);
    }
  if (data->caller != NULL)
    g_cancellable_disconnect (data->caller, data->caller_handler);
  g_clear_object (&data->caller);
  g_clear_object (&data->tls);
  g_clear_object (&data->client);
  g_clear_object (&data->address);
  g_clear_object (&data->cancel);
  g_free (data->label);
  g_free (data);
}

static char *
label_for (GSocketConnectable *address)
{
  GNetworkAddress *network = G_NETWORK_ADDRESS (address);
  const char *host = g_network_address_get_hostname (network);
  guint16 port = g_network_address_get_port (network);

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", host, port);
  return g_strdup_printf ("%s:%u", host, port);
}

static void
on_caller_cancelled (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static gboolean
on_timer_expired (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancel);
  return G_SOURCE_REMOVE;
}

/* Ends the task with a one-line error that names the server; @error is taken. */
static void
fail (GTask  *task,
      GError *error)
{
  FetchData *data = g_task_get_task_data (task);
  g_autofree char *detail = g_strdelimit (g_strdup (error->message), "\r\n", ' ');

  if (data->timed_out)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                             "%s: no TLS handshake within %u ms", data->label, data->timeout_ms);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s: certificate fetch cancelled", data->label);
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS)
           || g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_EOF)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    g_task_return_new_error (task, LCS_CERT_ERROR, LCS_CERT_ERROR_NO_TLS,
                             "%s does not speak TLS (%s)", data->label, detail);
  /* GnuTLS reports a plain-text answer ("SIP/2.0 400…") as an unexpected packet, like any
   * other handshake failure: say both. */
  else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_MISC))
    g_task_return_new_error (task, LCS_CERT_ERROR, LCS_CERT_ERROR_NO_TLS,
                             "%s: TLS handshake failed, is it a TLS port? (%s)", data->label, detail);
  else
    g_task_return_new_error (task, error->domain, error->code, "%s: %s", data->label, detail);
  g_error_free (error);
}

/* Called only when the certificate does not validate: keep it anyway, and remember why. */
static gboolean
on_tls_accept_certificate (GTlsConnection       *connection,
                           GTlsCertificate      *peer_certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  FetchData *data = user_data;

  data->seen_errors |= errors;
  return TRUE;
}

static void
on_handshake_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GTlsConnection *connection = G_TLS_CONNECTION (source);
  GTlsCertificate *peer;
  LcsCertInfo *info;
  GError *error = NULL;

  if (!g_tls_connection_handshake_finish (connection, result, &error))
    {
      fail (task, error);
      return;
    }
  peer = g_tls_connection_get_peer_certificate (connection);
  if (peer == NULL)
    {
      g_task_return_new_error (task, LCS_CERT_ERROR, LCS_CERT_ERROR_NO_TLS,
                               "%s sent no certificate", data->label);
      return;
    }
  info = lcs_cert_info_new_from_certificate (peer, data->label);
  info->fetched = TRUE;
  info->peer_errors = g_tls_connection_get_peer_certificate_errors (connection) | data->seen_errors;
  g_task_return_pointer (task, info, (GDestroyNotify) lcs_cert_info_free);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GSocketConnection) connection = NULL;
  GSocketConnectable *identity;
  GError *error = NULL;

  connection = g_socket_client_connect_finish (G_SOCKET_CLIENT (source), result, &error);
  if (connection == NULL)
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }
  /* No server identity for an address literal: glib-networking 2.74 then sends an IPv6
   * literal as SNI, which servers reject. Identity is information only here anyway. */
  identity = g_hostname_is_ip_address (data->host) ? NULL : data->address;
  data->tls = g_tls_client_connection_new (G_IO_STREAM (connection), identity, &error);
  if (data->tls == NULL)
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }
  g_signal_connect (data->tls, "accept-certificate", G_CALLBACK (on_tls_accept_certificate), data);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (data->tls), G_PRIORITY_DEFAULT, data->cancel,
                                    on_handshake_done, task);
}

void
lcs_cert_fetch_async (const char          *host,
                      guint16              port,
                      guint                timeout_ms,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  FetchData *data;
  GError *error = NULL;

  g_return_if_fail (host != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  data = g_new0 (FetchData, 1);
  g_task_set_source_tag (task, lcs_cert_fetch_async);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  /* The error names the server, so a cancelled task must not replace it with a bare one. */
  g_task_set_check_cancellable (task, FALSE);
  data->timeout_ms = timeout_ms;
  data->cancel = g_cancellable_new ();

  if (*host == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "no host to fetch a certificate from");
      g_object_unref (task);
      return;
    }
  if (port == 0)
    data->address = g_network_address_parse (host, LCS_CERT_DEFAULT_PORT, &error);
  else
    data->address = g_network_address_new (host, port);
  if (data->address == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "%s: not a host[:port] (%s)", host, error->message);
      g_error_free (error);
      g_object_unref (task);
      return;
    }
  data->label = label_for (data->address);
  data->host = g_network_address_get_hostname (G_NETWORK_ADDRESS (data->address));
  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "%s: GIO has no TLS backend (install glib-networking)", data->label);
      g_object_unref (task);
      return;
    }

  if (cancellable != NULL)
    {
      data->caller = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                    data->cancel, NULL);
    }
  /* The timer holds no reference to the task: the task's data destroys it. */
  data->timer = g_timeout_source_new (timeout_ms);
  g_source_set_callback (data->timer, on_timer_expired, data, NULL);
  g_source_attach (data->timer, g_task_get_context (task));

  data->client = g_socket_client_new ();
  /* Straight to the server: an intercepting proxy would present its own certificate, and the
   * SANs checked must be the server's. (This also keeps libproxy, whose C++ exceptions abort
   * under AddressSanitizer, out of the process.) */
  g_socket_client_set_enable_proxy (data->client, FALSE);
  g_socket_client_connect_async (data->client, data->address, data->cancel, on_connected, task);
}

LcsCertInfo *
lcs_cert_fetch_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lcs_cert_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_fetch_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

LcsCertInfo *
lcs_cert_fetch_sync (const char    *host,
                     guint16        port,
                     guint          timeout_ms,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  lcs_cert_fetch_async (host, port, timeout_ms, cancellable, on_sync_fetch_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return lcs_cert_fetch_finish (result, error);
}
