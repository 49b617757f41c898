/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deprecated c-ares calls, wrapped (see lcs-cares.h), and answer reading. */
#define CARES_NO_DEPRECATED 1
#include "config.h"

#include "lcs-cares.h"

#include <string.h>
#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>

#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

#define DNS_HEADER_SIZE 12
#define RR_FIXED_SIZE   10
#define MAX_CHAIN       16

void
lcs_cares_query (ares_channel  channel,
                 const char   *name,
                 guint16       type,
                 ares_callback callback,
                 void         *arg)
{
  ares_query (channel, name, 1 /* class IN */, type, callback, arg);
}

void
lcs_cares_process_fd (ares_channel   channel,
                      ares_socket_t  read_fd,
                      ares_socket_t  write_fd)
{
  ares_process_fd (channel, read_fd, write_fd);
}

gint64
lcs_cares_timeout_us (ares_channel channel)
{
  struct timeval tv;
  struct timeval *next = ares_timeout (channel, NULL, &tv);

  if (next == NULL)
    return -1;
  return (gint64) next->tv_sec * G_USEC_PER_SEC + next->tv_usec;
}

int
lcs_cares_set_servers (ares_channel  channel,
                       const char   *csv)
{
  return ares_set_servers_ports_csv (channel, csv);
}

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static guint32
read_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A name at @p in @abuf, normalised; *@len is its length on the wire. */
static char *
expand_name (const guint8 *p,
             const guint8 *abuf,
             int           alen,
             long         *len)
{
  char *raw = NULL;
  char *name;

  if (ares_expand_name (p, abuf, alen, &raw, len) != ARES_SUCCESS)
    return NULL;
  name = lcs_name_normalize (raw[0] != '\0' ? raw : ".");
  ares_free_string (raw);
  return name;
}

/* One pass over the wire format: checks that every section parses, and collects the CNAMEs of
 * the answer section and the TTL of the first record of @qtype. */
static gboolean
walk_answer (const guint8 *abuf,
             int           alen,
             guint16       qtype,
             GPtrArray    *records,
             GHashTable   *aliases,
             guint32      *ttl)
{
  const guint8 *p = abuf + DNS_HEADER_SIZE;
  const guint8 *end = abuf + alen;
  guint qdcount;
  guint ancount;
  guint i;

  if (alen < DNS_HEADER_SIZE)
    return FALSE;
  qdcount = read_u16 (abuf + 4);
  ancount = read_u16 (abuf + 6);
  for (i = 0; i < qdcount; i++)
    {
      long len;
      g_autofree char *qname = expand_name (p, abuf, alen, &len);

      if (qname == NULL || end - (p + len) < 4)
        return FALSE;
      p += len + 4;
    }
  for (i = 0; i < ancount; i++)
    {
      long len;
      g_autofree char *owner = expand_name (p, abuf, alen, &len);
      guint16 type;
      guint32 rr_ttl;
      guint16 rdlength;

      if (owner == NULL || end - (p + len) < RR_FIXED_SIZE)
        return FALSE;
      p += len;
      type = read_u16 (p);
      rr_ttl = read_u32 (p + 4);
      rdlength = read_u16 (p + 8);
      p += RR_FIXED_SIZE;
      if (end - p < rdlength)
        return FALSE;
      if (type == LCS_TYPE_CNAME)
        {
          long target_len;
          g_autofree char *target = expand_name (p, abuf, alen, &target_len);

          if (target == NULL)
            return FALSE;
          g_hash_table_replace (aliases, g_strdup (owner), g_strdup (target));
          g_ptr_array_add (records, lcs_record_new_alias (owner, rr_ttl, LCS_TYPE_CNAME, target));
        }
      else if (type == qtype && *ttl == G_MAXUINT32)
        {
          *ttl = rr_ttl;
        }
      p += rdlength;
    }
  return TRUE;
}

static char *
follow_chain (GHashTable *aliases,
              const char *qname)
{
  char *name = lcs_name_normalize (qname);
  guint hops;

  for (hops = 0; hops < MAX_CHAIN; hops++)
    {
      const char *next = g_hash_table_lookup (aliases, name);

      if (next == NULL)
        break;
      g_free (name);
      name = g_strdup (next);
    }
  return name;
}

static gboolean
read_srv (const guint8 *abuf,
          int           alen,
          const char   *owner,
          guint32       ttl,
          GPtrArray    *records)
{
  struct ares_srv_reply *srv = NULL;
  struct ares_srv_reply *it;
  int status = ares_parse_srv_reply (abuf, alen, &srv);

  if (status == ARES_ENODATA)
    return TRUE;
  if (status != ARES_SUCCESS)
    return FALSE;
  for (it = srv; it != NULL; it = it->next)
    {
      g_autofree char *target = lcs_name_normalize (it->host[0] != '\0' ? it->host : ".");

      g_ptr_array_add (records, lcs_record_new_srv (owner, ttl, it->priority, it->weight,
                                                    it->port, target));
    }
  ares_free_data (srv);
  return TRUE;
}

static void
add_address (GPtrArray    *records,
             const char   *owner,
             guint32       ttl,
             const guint8 *bytes,
             GSocketFamily family)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_bytes (bytes, family);
  g_autofree char *text = g_inet_address_to_string (address);

  g_ptr_array_add (records, lcs_record_new_address (owner, ttl, text));
}

/* The most address records a message of @alen bytes can hold: each takes at least 16 (a
 * compressed name, the fixed part and four bytes of data). A 64 KiB answer over TCP holds about
 * 4,000; keeping fewer could drop the one address the check looks for. */
static int
max_addresses (int alen)
{
  return alen / 16 + 1;
}

static gboolean
read_a (const guint8 *abuf,
        int           alen,
        const char   *owner,
        GPtrArray    *records)
{
  int n = max_addresses (alen);
  g_autofree struct ares_addrttl *addrs = g_new (struct ares_addrttl, n);
  int status = ares_parse_a_reply (abuf, alen, NULL, addrs, &n);
  int i;

  if (status == ARES_ENODATA)
    return TRUE;
  if (status != ARES_SUCCESS)
    return FALSE;
  for (i = 0; i < n; i++)
    add_address (records, owner, (guint32) addrs[i].ttl, (const guint8 *) &addrs[i].ipaddr,
                 G_SOCKET_FAMILY_IPV4);
  return TRUE;
}

static gboolean
read_aaaa (const guint8 *abuf,
           int           alen,
           const char   *owner,
           GPtrArray    *records)
{
  int n = max_addresses (alen);
  g_autofree struct ares_addr6ttl *addrs = g_new (struct ares_addr6ttl, n);
  int status = ares_parse_aaaa_reply (abuf, alen, NULL, addrs, &n);
  int i;

  if (status == ARES_ENODATA)
    return TRUE;
  if (status != ARES_SUCCESS)
    return FALSE;
  for (i = 0; i < n; i++)
    add_address (records, owner, (guint32) addrs[i].ttl, (const guint8 *) &addrs[i].ip6addr,
                 G_SOCKET_FAMILY_IPV6);
  return TRUE;
}

gboolean
lcs_cares_read_answer (const guint8  *abuf,
                       int            alen,
                       const char    *qname,
                       guint16        qtype,
                       GPtrArray     *records,
                       char         **canonical)
{
  g_autoptr(GHashTable) aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint32 ttl = G_MAXUINT32;
  g_autofree char *owner = NULL;

  if (abuf == NULL || !walk_answer (abuf, alen, qtype, records, aliases, &ttl))
    return FALSE;
  owner = follow_chain (aliases, qname);
  if (ttl == G_MAXUINT32)
    ttl = 0;
  switch (qtype)
    {
    case LCS_TYPE_SRV:
      if (!read_srv (abuf, alen, owner, ttl, records))
        return FALSE;
      break;
    case LCS_TYPE_A:
      if (!read_a (abuf, alen, owner, records))
        return FALSE;
      break;
    case LCS_TYPE_AAAA:
      if (!read_aaaa (abuf, alen, owner, records))
        return FALSE;
      break;
    default:
      break;
    }
  *canonical = g_steal_pointer (&owner);
  return TRUE;
}
