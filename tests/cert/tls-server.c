/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tls-server.h"

void
tls_server_stop (TlsServer *server)
{
  if (server->process != NULL)
    {
      g_subprocess_force_exit (server->process);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_clear_object (&server->process);
}

GSocket *
tls_server_hold_port (guint16 *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return g_steal_pointer (&socket);
}

/* A loopback port that nothing listened on a moment ago. */
static guint16
tls_server_free_port (void)
{
  guint16 port;

  g_object_unref (tls_server_hold_port (&port));
  return port;
}

/* Ready once it says ACCEPT; tried again when the port was taken in between. */
void
tls_server_start (TlsServer  *server,
                  const char *cert,
                  const char *key,
                  const char *chain)
{
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *accept = NULL;
      char *line;
      gboolean ready = FALSE;

      server->port = tls_server_free_port ();
      accept = g_strdup_printf ("127.0.0.1:%u", server->port);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                            | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                            | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      if (chain != NULL)
        server->process = g_subprocess_launcher_spawn (launcher, &error, "openssl", "s_server",
                                                       "-accept", accept, "-cert", cert,
                                                       "-key", key, "-cert_chain", chain, NULL);
      else
        server->process = g_subprocess_launcher_spawn (launcher, &error, "openssl", "s_server",
                                                       "-accept", accept, "-cert", cert,
                                                       "-key", key, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
      while (!ready && (line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
        {
          ready = g_str_has_prefix (line, "ACCEPT");
          g_free (line);
        }
      if (ready)
        return;
      tls_server_stop (server);
    }
  g_error ("openssl s_server did not start");
}
