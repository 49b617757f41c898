/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SRV records found in DNS (zone files or servers), read as if typed into the Windows
 * dialog: the rules of srv-entry.c for every SIP SRV record of a zone. What an owner says is
 * read once (LcsSrvOwner); each record at it adds only its numbers and its target. */
#include "config.h"

#include <lcsdns/check/entry.h>

#include "srv-check-private.h"

#include <lcsdns/model/name.h>
#include <string.h>

/* The SIP domain @owner belongs to: the longest profile domain it lies under, else the zone.
 * Runs for every SRV record of a bulk check, so it compares in place rather than normalising
 * each pair (profile domains are stored lower case without the final dot). */
static char *
domain_of (const char       *owner,
           const char       *zone_origin,
           const LcsProfile *profile)
{
  g_autofree char *name = lcs_name_normalize (owner);
  gsize name_len = strlen (name) - 1;  /* without the final dot */
  const char *best = NULL;
  gsize best_len = 0;
  guint i;

  for (i = 0; profile && i < profile->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (profile->domains, i);
      gsize len = strlen (domain);

      if (name_len > len && len > best_len && name[name_len - len - 1] == '.' &&
          memcmp (name + name_len - len, domain, len) == 0)
        {
          best = domain;
          best_len = len;
        }
    }
  if (best)
    return g_strdup (best);
  return zone_origin ? g_strdup (zone_origin) : lcs_name_parent (owner);
}

LcsSrvEntry *
lcs_srv_entry_from_record (const char *owner,
                           const char *domain,
                           guint16     priority,
                           guint16     weight,
                           guint16     port,
                           const char *target)
{
  g_autofree char *relative = lcs_name_relative (owner, domain);
  g_autofree char *zone = lcs_name_bare (domain);
  g_autofree char *service = NULL;
  g_autofree char *priority_text = g_strdup_printf ("%u", priority);
  g_autofree char *weight_text = g_strdup_printf ("%u", weight);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *shown_target = lcs_name_bare (target);
  const char *last_dot;

  if (relative == NULL || strcmp (relative, "@") == 0)
    return NULL;
  /* Windows keeps Service whole, so everything before the last label was typed there. */
  last_dot = strrchr (relative, '.');
  service = last_dot ? g_strndup (relative, last_dot - relative) : g_strdup (relative);
  return lcs_srv_entry_new_full (zone, service, last_dot ? last_dot + 1 : "", priority_text,
                                 weight_text, port_text, shown_target);
}

/* The owner @intent stands for in @domain, absolute; NULL when it is not a SIP service. */
static char *
intended_name (const Intent *intent,
               const char   *domain)
{
  const char *protocol;
  g_autofree char *name = NULL;

  if (!intent->known)
    return NULL;
  protocol = lcs_intent_right_protocol (intent);
  name = g_strdup_printf ("%s.%s.%s", intent->service, protocol ? protocol : intent->protocol,
                          domain);
  return lcs_name_normalize (name);
}

/* What an owner says, read once for all the records at it. */
struct _LcsSrvOwner {
  char        *owner;
  char        *zone;      /* the zone origin given, or NULL */
  LcsSrvEntry *entry;     /* the dialog's fields; NULL when @owner is not under its domain */
  SrvCheck     check;     /* set up when @entry is not NULL */
  char        *intended;  /* the owner the service means, or NULL */
};

LcsSrvOwner *
lcs_srv_owner_new (const char       *owner,
                   const char       *zone_origin,
                   LcsView           view,
                   const LcsProfile *profile)
{
  LcsSrvOwner *self = g_new0 (LcsSrvOwner, 1);
  g_autofree char *domain = domain_of (owner, zone_origin, profile);

  self->owner = g_strdup (owner);
  self->zone = g_strdup (zone_origin);
  self->entry = lcs_srv_entry_from_record (owner, domain, 0, 0, 0, NULL);
  if (self->entry == NULL)
    return self;
  lcs_srv_check_init (&self->check, self->entry, profile, view);
  g_free (self->check.owner);
  self->check.owner = lcs_name_normalize (owner);
  self->intended = intended_name (&self->check.intent, self->check.domain);
  return self;
}

gboolean
lcs_srv_owner_is (const LcsSrvOwner *self,
                  const char        *owner,
                  const char        *zone_origin)
{
  return strcmp (self->owner, owner) == 0 && g_strcmp0 (self->zone, zone_origin) == 0;
}

const char *
lcs_srv_owner_intended (const LcsSrvOwner *self)
{
  return self->intended;
}

/* A record's number in the dialog's text field, without a printf per record. */
static void
set_number (char    **field,
            guint16   value)
{
  char text[8];
  gsize i = sizeof text - 1;

  text[i] = '\0';
  do
    text[--i] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_free (*field);
  *field = g_strdup (text + i);
}

GPtrArray *
lcs_srv_owner_check (LcsSrvOwner *self,
                     guint16      priority,
                     guint16      weight,
                     guint16      port,
                     const char  *target)
{
  GPtrArray *findings;

  if (self->entry == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  set_number (&self->entry->priority, priority);
  set_number (&self->entry->weight, weight);
  set_number (&self->entry->port, port);
  g_free (self->entry->target);
  self->entry->target = lcs_name_bare (target);
  if (self->check.intent.known)
    lcs_srv_check_run (&self->check);
  else
    lcs_srv_check_port (&self->check, port);
  findings = self->check.findings;
  self->check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  return findings;
}

void
lcs_srv_owner_free (LcsSrvOwner *self)
{
  if (self == NULL)
    return;
  if (self->entry != NULL)
    lcs_srv_check_clear (&self->check);
  lcs_srv_entry_free (self->entry);
  g_free (self->owner);
  g_free (self->zone);
  g_free (self->intended);
  g_free (self);
}

GPtrArray *
lcs_srv_record_check (const char       *owner,
                      guint16           priority,
                      guint16           weight,
                      guint16           port,
                      const char       *target,
                      const char       *zone_origin,
                      LcsView           view,
                      const LcsProfile *profile,
                      char            **intended_owner)
{
  g_autoptr(LcsSrvOwner) self = lcs_srv_owner_new (owner, zone_origin, view, profile);

  if (intended_owner != NULL)
    *intended_owner = g_strdup (self->intended);
  return lcs_srv_owner_check (self, priority, weight, port, target);
}

/* What a mistyped owner was meant to be: "_sipinternaltls._tcp.contoso.com.", or NULL when
 * @owner is not a SIP service record. */
char *
lcs_srv_intended_owner (const char       *owner,
                        const char       *zone_origin,
                        const LcsProfile *profile)
{
  g_autofree char *domain = domain_of (owner, zone_origin, profile);
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_from_record (owner, domain, 0, 0, 0, NULL);
  Intent intent;
  char *result;

  if (entry == NULL)
    return NULL;
  lcs_intent_derive (&intent, entry->service, entry->protocol, domain, profile);
  result = intended_name (&intent, domain);
  lcs_intent_clear (&intent);
  return result;
}
