/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From the Service and Protocol fields as typed to the service and protocol meant: removes a
 * typed domain, splits a protocol out of Service, restores underscores, and finds near misses
 * of the SIP services. */
#include "config.h"

#include "entry-private.h"

#include <lcsdns/model/name.h>
#include <lcsdns/profile/plan.h>
#include <string.h>

void
lcs_intent_clear (Intent *intent)
{
  g_free (intent->service);
  g_free (intent->protocol);
  g_free (intent->misspelt);
}

static const char *const protocols[] = { "tcp", "udp", "tls" };

/* Other well-known services that sit near the SIP ones in spelling but are not mistakes. */
static const char *const well_known[] = {
  "_ftp", "_http", "_https", "_ldap", "_kerberos", "_kpasswd", "_gc", "_msdcs", "_sips",
  "_xmpp-client", "_xmpp-server", "_autodiscover", "_imap", "_imaps", "_pop3", "_pop3s",
  "_smtp", "_submission", "_caldav", "_carddav", "_vlmcs", "_nntp", "_ntp", "_stun",
  "_stuns", "_turn", "_turns", "_h323cs", "_h323ls", "_h323rs", "_sipfederation", "_kerberos-master",
};

static const char *const sip_services[] = {
  "_sipinternaltls", "_sipinternal", "_sip", "_sipfederationtls",
};

static gboolean
is_protocol_label (const char *label)
{
  const char *bare = label[0] == '_' ? label + 1 : label;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (protocols); i++)
    if (g_ascii_strcasecmp (bare, protocols[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_well_known (const char *service)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (well_known); i++)
    if (g_ascii_strcasecmp (service, well_known[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_sip_service (const char *service)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (sip_services); i++)
    if (g_ascii_strcasecmp (service, sip_services[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The SIP service of @product nearest to @service, if near enough to be a typing mistake:
 * two edits for the long names, one for "_sip". */
static const char *
suggest_service (const char *service,
                 LcsProduct  product)
{
  const char *const *pairs = lcs_plan_sip_services (product);
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  guint i;

  if (is_well_known (service))
    return NULL;
  for (i = 0; pairs[i]; i++)
    {
      g_autofree char *candidate = g_strndup (pairs[i], strchr (pairs[i], '.') - pairs[i]);
      guint distance = lcs_name_edit_distance (service, candidate);
      guint allowed = MIN (2, strlen (candidate) / 4);

      if (distance > 0 && distance <= allowed && distance < best_distance)
        {
          best_distance = distance;
          best = g_intern_string (candidate);
        }
    }
  return best;
}

static void
append_labels (GPtrArray  *labels,
               const char *field)
{
  g_auto(GStrv) parts = NULL;
  guint i;

  if (field == NULL)
    return;
  parts = g_strsplit (field, ".", -1);
  for (i = 0; parts[i]; i++)
    {
      char *label = g_strstrip (parts[i]);
      if (*label != '\0')
        g_ptr_array_add (labels, g_ascii_strdown (label, -1));
    }
}

/* Remove the domain's labels wherever they were typed; TRUE when they were. */
static gboolean
remove_domain (GPtrArray  *labels,
               const char *domain)
{
  g_auto(GStrv) domain_labels = lcs_name_split (domain);
  guint n = g_strv_length (domain_labels);
  gboolean found = FALSE;
  guint i, j;

  if (n == 0)
    return FALSE;
  for (i = 0; i + n <= labels->len;)
    {
      for (j = 0; j < n; j++)
        if (g_ascii_strcasecmp (g_ptr_array_index (labels, i + j), domain_labels[j]) != 0)
          break;
      if (j == n)
        {
          g_ptr_array_remove_range (labels, i, n);
          found = TRUE;
        }
      else
        i++;
    }
  return found;
}

static char *
with_underscore (const char *label,
                 gboolean   *added)
{
  if (label[0] == '_')
    return g_strdup (label);
  *added = TRUE;
  return g_strconcat ("_", label, NULL);
}

/* "_sip_tls" → "_sip" + "_tls": a service and protocol joined with an underscore. */
static gboolean
split_joined (const char  *label,
              char       **service,
              char       **protocol)
{
  const char *last = strrchr (label, '_');

  if (last == NULL || last == label || !is_protocol_label (last + 1))
    return FALSE;
  *service = g_strndup (label, last - label);
  *protocol = g_strdup (last);
  return TRUE;
}

void
lcs_intent_derive (Intent           *intent,
               const char       *service,
               const char       *protocol,
               const char       *domain,
               const LcsProfile *profile)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *svc = NULL;
  g_autofree char *proto = NULL;
  LcsProduct product = profile ? profile->product : LCS_PRODUCT_LCS2005;
  guint protocol_labels = 0;
  gboolean typed_in_protocol;
  guint i;

  memset (intent, 0, sizeof *intent);
  append_labels (labels, service);
  typed_in_protocol = protocol != NULL && strspn (protocol, ". \t") < strlen (protocol);
  append_labels (labels, protocol);
  intent->domain_typed = remove_domain (labels, domain);
  if (labels->len == 0)
    return;

  svc = g_strdup (g_ptr_array_index (labels, 0));
  for (i = 1; i < labels->len; i++)
    if (is_protocol_label (g_ptr_array_index (labels, i)))
      {
        if (proto == NULL)
          proto = g_strdup (g_ptr_array_index (labels, i));
        protocol_labels++;
      }
  /* Two protocol labels: one typed into Service, one chosen in Protocol; or the protocol typed
   * into Service and Protocol left empty, which Windows keeps in one field either way. */
  intent->split = protocol_labels >= 2 || (protocol_labels == 1 && !typed_in_protocol);
  if (proto == NULL && labels->len >= 2)
    proto = g_strdup (g_ptr_array_index (labels, labels->len - 1));

  {
    g_autofree char *joined_service = NULL;
    g_autofree char *joined_protocol = NULL;

    if (split_joined (svc, &joined_service, &joined_protocol))
      {
        intent->underscore = TRUE;
        g_free (svc);
        svc = g_steal_pointer (&joined_service);
        if (proto == NULL)
          proto = g_steal_pointer (&joined_protocol);
      }
  }

  intent->service = with_underscore (svc, &intent->underscore);
  if (proto != NULL)
    intent->protocol = with_underscore (proto, &intent->underscore);

  if (!is_sip_service (intent->service))
    {
      const char *suggestion = suggest_service (intent->service, product);
      if (suggestion)
        {
          intent->misspelt = g_steal_pointer (&intent->service);
          intent->service = g_strdup (suggestion);
        }
    }
  intent->known = is_sip_service (intent->service);
  /* Labels without underscores only count as a mistake for SIP services; "www" is a host. */
  if (!intent->known)
    intent->underscore = intent->underscore && intent->misspelt == NULL &&
                         (svc[0] == '_' || (proto && proto[0] == '_'));
}

/* The protocol the intended service goes with; NULL when the typed one is acceptable. */
const char *
lcs_intent_right_protocol (const Intent *intent)
{
  const char *wanted;

  if (!intent->known)
    return NULL;
  wanted = lcs_plan_protocol_for (intent->service);
  if (wanted != NULL)
    return intent->protocol && strcmp (intent->protocol, wanted) == 0 ? NULL : wanted;
  /* _sip goes with _tls, or with _tcp for Windows Messenger over TCP. */
  if (intent->protocol && (strcmp (intent->protocol, "_tls") == 0 ||
                           strcmp (intent->protocol, "_tcp") == 0))
    return NULL;
  return "_tls";
}

