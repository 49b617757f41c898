/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Socket watches for c-ares: a GSource per socket, on Windows through WSAEventSelect, elsewhere
 * through the Unix fd source. Everything platform-specific of the live lookup is in this file. */
#include "config.h"

#include "lcs-watch.h"

#define DNS_HEADER_SIZE 12

#ifdef G_OS_WIN32

#include <winsock2.h>

/* Windows cannot poll a socket: the socket signals an event object, which GLib polls. */
typedef struct {
  GSource        source;
  GPollFD        poll_fd;
  ares_socket_t  fd;
  WSAEVENT       event;
  gboolean       read;
  gboolean       write;
  gboolean       writable;  /* FD_WRITE is edge-triggered: remember it until used */
  gboolean       udp;
} WatchSource;

struct _LcsWatch {
  WatchSource *source;
};

static gboolean
is_udp (ares_socket_t fd)
{
  int type = 0;
  int type_len = sizeof type;

  return getsockopt (fd, SOL_SOCKET, SO_TYPE, (char *) &type, &type_len) == 0
         && type == SOCK_DGRAM;
}

static gboolean
peek_junk (ares_socket_t fd)
{
  char head[DNS_HEADER_SIZE];
  int n;

  n = recv (fd, head, sizeof head, MSG_PEEK);
  if (n == SOCKET_ERROR)
    {
      /* A datagram larger than the buffer: its header is there. */
      if (WSAGetLastError () != WSAEMSGSIZE)
        return FALSE;
      n = sizeof head;
    }
  if (n < DNS_HEADER_SIZE)
    return TRUE;
  return (((guint8) head[4] << 8) | (guint8) head[5]) != 1;
}

static void
select_events (WatchSource *ws)
{
  long events = 0;

  if (ws->read)
    events |= FD_READ | FD_CLOSE;
  if (ws->write)
    events |= FD_WRITE | FD_CONNECT;
  WSAEventSelect (ws->fd, ws->event, events);
}

static gboolean
watch_prepare (GSource *source,
               gint    *timeout)
{
  WatchSource *ws = (WatchSource *) source;

  *timeout = -1;
  return ws->write && ws->writable;
}

static gboolean
watch_check (GSource *source)
{
  WatchSource *ws = (WatchSource *) source;

  return (ws->poll_fd.revents & G_IO_IN) != 0 || (ws->write && ws->writable);
}

static gboolean
watch_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  WatchSource *ws = (WatchSource *) source;
  LcsWatchFunc func = (LcsWatchFunc) (gpointer) callback;
  WSANETWORKEVENTS net = { 0 };
  gboolean readable;
  gboolean writable;
  gboolean junk = FALSE;

  WSAEnumNetworkEvents (ws->fd, ws->event, &net);
  if (net.lNetworkEvents & (FD_WRITE | FD_CONNECT))
    ws->writable = TRUE;
  readable = ws->read && (net.lNetworkEvents & (FD_READ | FD_CLOSE)) != 0;
  writable = ws->write && ws->writable;
  if (!readable && !writable)
    return G_SOURCE_CONTINUE;
  if (writable)
    ws->writable = FALSE;
  if (ws->udp && readable && (net.lNetworkEvents & FD_READ) && net.iErrorCode[FD_READ_BIT] == 0)
    junk = peek_junk (ws->fd);
  func (ws->fd, readable, writable, junk, user_data);
  return G_SOURCE_CONTINUE;
}

static void
watch_finalize (GSource *source)
{
  WatchSource *ws = (WatchSource *) source;

  WSACloseEvent (ws->event);
}

static GSourceFuncs watch_funcs = {
  .prepare = watch_prepare,
  .check = watch_check,
  .dispatch = watch_dispatch,
  .finalize = watch_finalize,
};

LcsWatch *
lcs_watch_new (ares_socket_t fd,
               gboolean      read,
               gboolean      write,
               LcsWatchFunc  func,
               gpointer      user_data)
{
  LcsWatch *watch = g_new0 (LcsWatch, 1);
  WatchSource *ws = (WatchSource *) g_source_new (&watch_funcs, sizeof (WatchSource));

  ws->fd = fd;
  ws->event = WSACreateEvent ();
  ws->read = read;
  ws->write = write;
  ws->writable = FALSE;
  ws->udp = is_udp (fd);
  ws->poll_fd.fd = (gintptr) ws->event;
  ws->poll_fd.events = G_IO_IN;
  g_source_add_poll (&ws->source, &ws->poll_fd);
  select_events (ws);
  g_source_set_callback (&ws->source, (GSourceFunc) (gpointer) func, user_data, NULL);
  g_source_attach (&ws->source, g_main_context_get_thread_default ());
  watch->source = ws;
  return watch;
}

void
lcs_watch_update (LcsWatch *watch,
                  gboolean  read,
                  gboolean  write)
{
  watch->source->read = read;
  watch->source->write = write;
  select_events (watch->source);
}

void
lcs_watch_free (LcsWatch *watch)
{
  /* Now, while the socket is still the one watched: c-ares frees a watch just before closing its
   * socket, often from inside that watch's dispatch, so the source is finalised later, when a new
   * socket may already have the same handle (the next batch of questions opens one) and its own
   * event; clearing the selection there silenced the new socket, and every question on it timed
   * out. */
  WSAEventSelect (watch->source->fd, NULL, 0);
  g_source_destroy (&watch->source->source);
  g_source_unref (&watch->source->source);
  g_free (watch);
}

#else /* !G_OS_WIN32 */

#include <glib-unix.h>
#include <sys/socket.h>

struct _LcsWatch {
  ares_socket_t  fd;
  gboolean       udp;
  GSource       *source;
  LcsWatchFunc   func;
  gpointer       user_data;
};

static gboolean
is_udp (ares_socket_t fd)
{
  int type = 0;
  socklen_t type_len = sizeof type;

  return getsockopt (fd, SOL_SOCKET, SO_TYPE, &type, &type_len) == 0 && type == SOCK_DGRAM;
}

static gboolean
peek_junk (ares_socket_t fd)
{
  guint8 head[DNS_HEADER_SIZE];
  ssize_t n;

  n = recv (fd, head, sizeof head, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0)
    return FALSE;
  if (n < DNS_HEADER_SIZE)
    return TRUE;
  return ((head[4] << 8) | head[5]) != 1;
}

static gboolean
on_fd_ready (gint         fd,
             GIOCondition condition,
             gpointer     user_data)
{
  LcsWatch *watch = user_data;
  gboolean readable = (condition & (G_IO_IN | G_IO_HUP | G_IO_ERR)) != 0;
  gboolean junk = FALSE;

  /* A pending ICMP error (G_IO_ERR) would be consumed by a peek and hidden from c-ares. */
  if (watch->udp && (condition & G_IO_IN) && !(condition & G_IO_ERR))
    junk = peek_junk (fd);
  watch->func (fd, readable, (condition & G_IO_OUT) != 0, junk, watch->user_data);
  return G_SOURCE_CONTINUE;
}

static void
attach_source (LcsWatch *watch,
               gboolean  read,
               gboolean  write)
{
  GIOCondition condition = G_IO_ERR | G_IO_HUP;

  if (read)
    condition |= G_IO_IN;
  if (write)
    condition |= G_IO_OUT;
  watch->source = g_unix_fd_source_new (watch->fd, condition);
  g_source_set_callback (watch->source, (GSourceFunc) (gpointer) on_fd_ready, watch, NULL);
  g_source_attach (watch->source, g_main_context_get_thread_default ());
}

static void
detach_source (LcsWatch *watch)
{
  g_source_destroy (watch->source);
  g_clear_pointer (&watch->source, g_source_unref);
}

LcsWatch *
lcs_watch_new (ares_socket_t fd,
               gboolean      read,
               gboolean      write,
               LcsWatchFunc  func,
               gpointer      user_data)
{
  LcsWatch *watch = g_new0 (LcsWatch, 1);

  watch->fd = fd;
  watch->udp = is_udp (fd);
  watch->func = func;
  watch->user_data = user_data;
  attach_source (watch, read, write);
  return watch;
}

void
lcs_watch_update (LcsWatch *watch,
                  gboolean  read,
                  gboolean  write)
{
  detach_source (watch);
  attach_source (watch, read, write);
}

void
lcs_watch_free (LcsWatch *watch)
{
  detach_source (watch);
  g_free (watch);
}

#endif /* G_OS_WIN32 */
