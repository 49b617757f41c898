/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Socket readiness for c-ares sockets in the GLib main loop: the only platform-specific code of
 * the live lookup. */
#pragma once

#include <glib.h>
#include <ares.h>

G_BEGIN_DECLS

typedef struct _LcsWatch LcsWatch;

/* @junk: the datagram waiting on a UDP socket cannot be a DNS reply (shorter than a DNS header,
 * or not exactly one question). c-ares drops such datagrams silently, or takes an empty one for a
 * socket error, so the watch looks first (without consuming anything). */
typedef void (*LcsWatchFunc) (ares_socket_t fd,
                              gboolean      readable,
                              gboolean      writable,
                              gboolean      junk,
                              gpointer      user_data);

/* Calls @func from the thread-default main context while @fd is readable (@read) or
 * writable (@write). */
LcsWatch *lcs_watch_new    (ares_socket_t fd,
                            gboolean      read,
                            gboolean      write,
                            LcsWatchFunc  func,
                            gpointer      user_data);
void      lcs_watch_update (LcsWatch     *watch,
                            gboolean      read,
                            gboolean      write);
void      lcs_watch_free   (LcsWatch     *watch);

G_END_DECLS
