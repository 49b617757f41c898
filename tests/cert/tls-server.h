/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helper: openssl s_server on 127.0.0.1, for the certificate fetch and page tests. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  GSubprocess *process;
  guint16      port;
} TlsServer;

/* A loopback socket bound to a port and not listening, for the caller to keep open: a connection
 * to *@port is refused, and while the socket is open no other program can listen there, nor can
 * a connection get it as its own end (a TCP self-connect, which completes). */
GSocket *tls_server_hold_port (guint16    *port);

/* Starts s_server with @cert and @key (and the intermediate @chain, or NULL) on a free port;
 * returns once it accepts connections. */
void     tls_server_start     (TlsServer  *server,
                               const char *cert,
                               const char *key,
                               const char *chain);

/* Ends the server and waits for it. */
void     tls_server_stop      (TlsServer  *server);

G_END_DECLS
