/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The c-ares calls that newer c-ares marks deprecated (ares_query, ares_parse_*, the server
 * setters), in one file so that the rest of the lookup builds quietly on every version, and the
 * reading of an answer into LcsRecords. */
#pragma once

#include <glib.h>
#include <ares.h>

G_BEGIN_DECLS

void      lcs_cares_query        (ares_channel  channel,
                                  const char   *name,
                                  guint16       type,
                                  ares_callback callback,
                                  void         *arg);

/* The event-loop entry points, here too: c-ares has been retiring its older ones. */
void      lcs_cares_process_fd   (ares_channel   channel,
                                  ares_socket_t  read_fd,
                                  ares_socket_t  write_fd);
/* Microseconds until c-ares wants to be called again; -1: never. */
gint64    lcs_cares_timeout_us   (ares_channel   channel);

/* @csv: "IP:port" or "[IPv6]:port", comma-separated. Returns an ARES_ status. */
int       lcs_cares_set_servers  (ares_channel  channel,
                                  const char   *csv);

/* Reads the answer section of @abuf, the reply to (@qname, @qtype), into @records (LcsRecord*):
 * every CNAME, and the records of @qtype (SRV, A, AAAA) at the end of the CNAME chain, whose name
 * is stored in *@canonical. FALSE when the reply does not parse. */
gboolean  lcs_cares_read_answer  (const guint8  *abuf,
                                  int            alen,
                                  const char    *qname,
                                  guint16        qtype,
                                  GPtrArray     *records,
                                  char         **canonical);

G_END_DECLS
